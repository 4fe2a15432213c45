#!/usr/bin/env bash
# Stages one Debian package from a jpackage app-image and builds it with dpkg-deb (ADR 0020):
#   /usr/lib/millstone-NAME/        the app-image (launcher, jars, private Java runtime)
#   /usr/bin/millstone-NAME         a link to its launcher
#   /lib/systemd/system/            the unit (server, agent)
#   /etc/millstone/                 the settings file, a conffile (server, agent)
#   /usr/share/{applications,icons}  the desktop entry and icons (client)
#   /usr/share/doc/millstone-NAME/  copyright, changelog, guides
# Usage: build-deb.sh NAME APP_IMAGE_DIR DEB_VERSION DEB_ARCH OUT_DIR
set -euo pipefail

name=$1 app=$2 version=$3 arch=$4 out=$5
HERE=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
ROOT=$(dirname "$(dirname "$HERE")")
TPL=$ROOT/installer/src/deb
pkg=millstone-$name
stage=$ROOT/installer/target/deb/$pkg
deb=$out/${pkg}_${version}_${arch}.deb

rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/lib" "$stage/usr/bin" "$stage/usr/share/doc/$pkg"
cp -a "$app" "$stage/usr/lib/$pkg"
ln -s "../lib/$pkg/bin/$pkg" "$stage/usr/bin/$pkg"

doc=$stage/usr/share/doc/$pkg
cp "$TPL/copyright" "$doc/copyright"
# A native package (no Debian revision): its changelog is changelog.gz.
{
  echo "$pkg ($version) unstable; urgency=medium"
  echo
  echo "  * Built from the Millstone sources, version $version."
  echo
  echo " -- Millstone developers <dev@millstone.invalid>  $(date -R -d "@${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}")"
} | gzip -9n >"$doc/changelog.gz"

case $name in
  server | agent)
    user=millstone data=/var/lib/millstone config=/etc/millstone/server.conf
    gecos="Millstone ERP server"
    if [[ $name == agent ]]; then
      user=millstone-agent data=/var/lib/millstone-agent config=/etc/millstone/agent.yaml
      gecos="Millstone edge agent"
    fi
    mkdir -p "$stage/etc/millstone" "$stage/lib/systemd/system"
    cp "$TPL/$name/$(basename "$config")" "$stage$config"
    cp "$TPL/$name/$pkg.service" "$stage/lib/systemd/system/"
    cp "$TPL/$name/conffiles" "$stage/DEBIAN/conffiles"
    for script in postinst prerm postrm; do
      sed -e "s|@PACKAGE@|$pkg|g" -e "s|@USER@|$user|g" -e "s|@DATA@|$data|g" \
        -e "s|@CONFIG@|$config|g" -e "s|@GECOS@|$gecos|g" "$HERE/$script.in" >"$stage/DEBIAN/$script"
      chmod 0755 "$stage/DEBIAN/$script"
    done
    ;;
  client)
    mkdir -p "$stage/usr/share/applications" "$stage/usr/share/icons/hicolor/scalable/apps"
    cp "$TPL/client/$pkg.desktop" "$stage/usr/share/applications/"
    cp "$ROOT/installer/src/icons/$pkg.svg" "$stage/usr/share/icons/hicolor/scalable/apps/"
    for size in 48 128 256; do
      mkdir -p "$stage/usr/share/icons/hicolor/${size}x${size}/apps"
      cp "$ROOT/installer/src/icons/$pkg-$size.png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$pkg.png"
    done
    ;;
esac
case $name in
  server) gzip -9nc "$ROOT/docs/admin-guide.md" >"$doc/admin-guide.md.gz" ;;
  agent) gzip -9nc "$ROOT/docs/agent-guide.md" >"$doc/agent-guide.md.gz" ;;
  client) gzip -9nc "$ROOT/docs/user-guide.md" >"$doc/user-guide.md.gz" ;;
esac
mkdir -p "$stage/usr/share/lintian/overrides"
cp "$TPL/$name/lintian-overrides" "$stage/usr/share/lintian/overrides/$pkg"

# Debian's modes: directories 755, files 644, programs and shared objects 755.
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/usr" -type f -exec chmod 0644 {} +
find "$stage/usr/lib/$pkg" -type f \( -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) -exec chmod 0755 {} +
find "$stage/etc" -type f -exec chmod 0644 {} + 2>/dev/null || true

# The libraries the runtime's native code links against, as package dependencies.
shlibs_dir=$(mktemp -d)
trap 'rm -rf "$shlibs_dir"' EXIT
mkdir -p "$shlibs_dir/debian"
printf 'Source: millstone\n\nPackage: %s\nArchitecture: any\n' "$pkg" >"$shlibs_dir/debian/control"
mapfile -t elves < <(find "$stage/usr/lib/$pkg" -type f -exec sh -c 'file -b "$1" | grep -q "^ELF" && echo "$1"' _ {} \;)
libdirs=()
while IFS= read -r d; do libdirs+=("-l$d"); done < <(printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u)
shlibs=$(cd "$shlibs_dir" && dpkg-shlibdeps -O --ignore-missing-info "${libdirs[@]}" "${elves[@]}" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
[[ -n $shlibs ]] || { echo "build-deb: dpkg-shlibdeps found no dependencies for $pkg" >&2; exit 1; }

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@SIZE@|$size|" -e "s|@SHLIBS@|$shlibs|" \
  "$TPL/$name/control" >"$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums" "$stage/DEBIAN/conffiles" 2>/dev/null || true

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "package: built $deb ($(du -m "$deb" | cut -f1) MB)" >&2
