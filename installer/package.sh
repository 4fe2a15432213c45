#!/usr/bin/env bash
# Builds the installers of the server, the edge agent and the desktop client from the jars the
# Maven build left in */target (./millstone package builds them first when needed):
#   - on every system: an app-image of each (a directory with a jlink'd Java runtime; users need
#     no JDK), packed as installer/target/millstone-NAME-VERSION-OS-ARCH.tar.gz on Linux;
#   - on Debian/Ubuntu: millstone-{server,agent,client}_VERSION_ARCH.deb, staged by hand from the
#     app-image (FHS paths, systemd units, conffiles, system users; ADR 0020) and built with
#     dpkg-deb;
#   - on Windows: an MSI of each; on macOS: a DMG and a PKG of each (jpackage --type ...).
# Needs JAVA_HOME (a JDK 25 with jlink and jpackage); on Linux also fakeroot-free dpkg-deb,
# dpkg-shlibdeps (dpkg-dev) and strip (binutils).
# Usage: installer/package.sh [--only NAME] [--no-archives]
set -euo pipefail
shopt -s nullglob

HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
ROOT=$(dirname "$HERE")
OUT=$HERE/target
SRC=$HERE/src
cd "$ROOT"

only=""
archives=1
while (($# > 0)); do
  case $1 in
    --only) only=$2; shift 2 ;;
    --no-archives) archives=0; shift ;;
    *) echo "package.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

: "${JAVA_HOME:?set JAVA_HOME to a JDK 25 (./millstone package does)}"
JBIN=$JAVA_HOME/bin

# The Maven version, from the server's build stamp (0.1.0-SNAPSHOT). Debian sorts "~" before
# anything, so 0.1.0~SNAPSHOT < 0.1.0 and the release upgrades the snapshot.
VERSION=$(sed -n 's/^version=//p' server/target/classes/io/millstone/server/version.properties)
[[ -n $VERSION ]] || { echo "package.sh: no version in server/target/classes; build first" >&2; exit 1; }
DEB_VERSION=${VERSION//-/\~}
# jpackage wants a plain numeric version (MSI: at most 255.255.65535).
APP_VERSION=${VERSION%%-*}

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "package.sh: unsupported system $(uname -s)" >&2; exit 1 ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=x64; deb_arch=amd64 ;;
  aarch64 | arm64) arch=aarch64; deb_arch=arm64 ;;
  *) echo "package.sh: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

mkdir -p "$OUT"

log() { echo "package: $*" >&2; }

# Copies the runtime class path of module $1 (its jar and target/lib) to $2, leaving out jars
# and jar entries that hold native code for other systems (the embedded PostgreSQL of macOS,
# Windows and Alpine is 70 MB; sqlite's natives for 20 platforms are 11 MB).
stage_input() {
  local module=$1 dest=$2 jar name
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$module"/target/millstone-*-"$VERSION".jar "$dest/"
  for jar in "$module"/target/lib/*.jar; do
    name=$(basename "$jar")
    case $name in
      embedded-postgres-binaries-*)
        [[ $name == *"-$(pg_platform)-"* ]] || continue ;;
    esac
    cp "$jar" "$dest/"
  done
  if [[ $os == linux ]]; then
    for jar in "$dest"/sqlite-jdbc-*.jar; do
      prune_jar "$jar" 'org/sqlite/native/*' "org/sqlite/native/Linux/$(uname -m)/*"
    done
    for jar in "$dest"/embedded-redis-*.jar; do
      prune_jar "$jar" 'redis-server-*' "redis-server-*-linux-$deb_arch"
    done
  fi
}

# The zonky classifier of this system's PostgreSQL binaries.
pg_platform() {
  case $os-$arch in
    linux-x64) echo linux-amd64 ;;
    linux-aarch64) echo linux-arm64v8 ;;
    mac-*) echo darwin-amd64 ;;
    windows-*) echo windows-amd64 ;;
  esac
}

# prune_jar JAR REMOVE_GLOB KEEP_GLOB: deletes the entries matching REMOVE_GLOB except those
# matching KEEP_GLOB.
prune_jar() {
  local jar=$1 remove=$2 keep=$3 entries=() e
  while IFS= read -r e; do
    # shellcheck disable=SC2053
    if [[ $e == $remove && $e != $keep && $e != */ ]]; then
      entries+=("$e")
    fi
  done < <(unzip -Z1 "$jar")
  ((${#entries[@]} > 0)) && zip -q -d "$jar" "${entries[@]}" >/dev/null
  return 0
}

# The modules the class path needs (jdeps), plus those only reached by reflection or services:
# jdk.crypto.ec (TLS with EC keys), jdk.zipfs, jdk.charsets, jdk.management (JMX beans the pool
# and metrics read), jdk.unsupported (netty), jdk.localedata (server and client: Bengali formats).
# The agent drops java.desktop: only SnakeYAML's JavaBean mapping needs it, and the agent reads its
# YAML as maps (12 MB less; the install test runs the agent on its YAML).
modules_for() {
  local name=$1 input=$2 found extra=jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.management,jdk.unsupported,jdk.net
  local jars=("$input"/*.jar) out bad tries
  # jdeps gives up on a modular jar whose optional requires are absent (jakarta.transaction wants
  # CDI); such a jar needs only java.base, so it is left out of the analysis and jdeps runs again.
  for ((tries = 0; tries < 10; tries++)); do
    out=$("$JBIN/jdeps" --ignore-missing-deps --multi-release 21 -q --print-module-deps \
      --class-path "$input/*" "${jars[@]}" 2>&1 | tail -n 1)
    [[ $out =~ required\ by\ ([A-Za-z0-9_.]+) ]] || break
    bad=${BASH_REMATCH[1]}
    mapfile -t jars < <(for j in "${jars[@]}"; do
      unzip -p "$j" module-info.class 2>/dev/null | grep -qa "$bad" || echo "$j"
    done)
  done
  [[ $out =~ ^[a-z.,]+$ ]] || { echo "package.sh: jdeps failed for $name: $out" >&2; exit 1; }
  found=$out
  if [[ $name == agent ]]; then
    found=$(tr , '\n' <<<"$found" | grep -vx 'java.desktop' | paste -sd,)
  else
    extra+=,jdk.localedata
  fi
  echo "$found,$extra"
}

runtime_for() {
  local name=$1 input=$2 rt=$OUT/runtime/$1 extra=()
  rm -rf "$rt"
  # The client starts cold on every desk: the JDK's own classes get a CDS archive (ADR 0020).
  [[ $name == client ]] && extra+=(--generate-cds-archive)
  [[ $name != agent ]] && extra+=(--include-locales=en,bn)
  # Not compressed by jlink: the package's xz compresses the runtime better (ADR 0020).
  "$JBIN/jlink" --add-modules "$(modules_for "$name" "$input")" --strip-debug --no-header-files \
    --no-man-pages --compress zip-0 ${extra[@]+"${extra[@]}"} --output "$rt" >&2
  echo "$rt"
}

# app_image NAME MODULE MAIN_CLASS JAVA_OPTIONS...
app_image() {
  local name=$1 module=$2 main=$3
  shift 3
  local input=$OUT/input/$name dest=$OUT/app-image opts=() o rt icon=()
  for o in "$@"; do opts+=(--java-options "$o"); done
  log "staging millstone-$name"
  stage_input "$module" "$input"
  log "linking the runtime of millstone-$name"
  rt=$(runtime_for "$name" "$input")
  rm -rf "${dest:?}/millstone-$name"
  mkdir -p "$dest"
  [[ $name == client && $os == linux ]] && icon=(--icon "$SRC/icons/millstone-client-256.png")
  "$JBIN/jpackage" --type app-image --name "millstone-$name" --app-version "$APP_VERSION" \
    --vendor "Millstone" --input "$input" --main-jar "$(basename "$module"/target/millstone-*-"$VERSION".jar)" \
    --main-class "$main" --runtime-image "$rt" --dest "$dest" ${opts[@]+"${opts[@]}"} \
    ${icon[@]+"${icon[@]}"}
  if [[ $os == linux ]]; then
    # Native code ships without symbol tables (the Debian policy; also 5 MB less per package).
    find "$dest/millstone-$name" -type f -exec sh -c \
      'for f; do file -b "$f" | grep -q ^ELF && strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"; done; true' _ {} +
  fi
}

SERVER_OPTS=(--enable-native-access=ALL-UNNAMED)
AGENT_OPTS=(--enable-native-access=ALL-UNNAMED -Xmx48m -Xss512k -XX:+UseSerialGC
  -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=64m
  -XX:MaxDirectMemorySize=32m)
# The client's JVM loads the JDK's classes from the runtime's CDS archive and its own (JavaFX,
# gRPC, the screens) from lib/app/millstone-client.jsa, made below (ADR 0020). Logging of the
# archive is off: an archive that does not fit is simply not used, and says so on every start.
CLIENT_OPTS=(--enable-native-access=ALL-UNNAMED -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)

# Trains the client's class archive: starts the app-image's client on a virtual display until
# its sign-in window is painted, and dumps the classes it loaded. The archive names the class path
# relative to the app-image, so it stays valid wherever the image is installed (JDK 25 checks
# the jars' layout, sizes and times). Without Xvfb there is no archive; the client only starts
# slower.
client_archive() {
  local app=$OUT/app-image/millstone-client cfg cp home
  cfg=$app/lib/app/millstone-client.cfg
  if ! command -v xvfb-run >/dev/null; then
    log "xvfb-run not found: the client ships without its class archive (starts slower)"
    return 0
  fi
  cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app/lib/app|" | paste -sd:)
  home=$(mktemp -d)
  log "training the client's class archive (first frame on a virtual display)"
  HOME=$home MILLSTONE_CLIENT_CONFIG_DIR=$home xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app/lib/runtime/bin/java" "${CLIENT_OPTS[@]}" \
    -XX:ArchiveClassesAtExit="$app/lib/app/millstone-client.jsa" -Dmillstone.bench.firstFrame=true \
    -cp "$cp" io.millstone.client.MillstoneClient >"$OUT/client-archive.log" 2>&1 || true
  rm -rf "$home"
  if [[ -s $app/lib/app/millstone-client.jsa ]] && grep -q FIRST_FRAME "$OUT/client-archive.log"; then
    echo 'java-options=-XX:SharedArchiveFile=$APPDIR/millstone-client.jsa' >>"$cfg"
  else
    rm -f "$app/lib/app/millstone-client.jsa"
    log "the client's class archive could not be made (see $OUT/client-archive.log); shipping without"
  fi
}

want() { [[ -z $only || $only == "$1" ]]; }

want server && app_image server server io.millstone.server.cli.ServerCli "${SERVER_OPTS[@]}"
want agent && app_image agent edge-agent io.millstone.agent.EdgeAgent "${AGENT_OPTS[@]}"
if want client; then
  app_image client client-app io.millstone.client.MillstoneClient "${CLIENT_OPTS[@]}"
  [[ $os == linux ]] && client_archive
fi

case $os in
  linux)
    for name in server agent client; do
      want "$name" || continue
      if ((archives)); then
        tarball=$OUT/millstone-$name-$VERSION-linux-$arch.tar.gz
        tar -C "$OUT/app-image" -czf "$tarball" "millstone-$name"
        log "built $tarball"
      fi
      if command -v dpkg-deb >/dev/null; then
        "$HERE/deb/build-deb.sh" "$name" "$OUT/app-image/millstone-$name" "$DEB_VERSION" "$deb_arch" "$OUT"
      else
        log "dpkg-deb not found: no .deb (the app-image is in $OUT/app-image)"
      fi
    done
    ;;
  windows)
    for name in server agent client; do
      want "$name" || continue
      extra=(--win-menu --win-shortcut)
      [[ $name != client ]] && extra=(--win-console)
      "$JBIN/jpackage" --type msi --app-image "$OUT/app-image/millstone-$name" \
        --name "millstone-$name" --app-version "$APP_VERSION" --dest "$OUT" "${extra[@]}"
    done
    ;;
  mac)
    for name in server agent client; do
      want "$name" || continue
      for type in dmg pkg; do
        "$JBIN/jpackage" --type "$type" --app-image "$OUT/app-image/millstone-$name" \
          --name "millstone-$name" --app-version "$APP_VERSION" --dest "$OUT"
      done
    done
    ;;
esac
log "done: $(cd "$OUT" && ls -1 ./*.deb ./*.tar.gz ./*.msi ./*.dmg ./*.pkg 2>/dev/null | tr '\n' ' ')"
