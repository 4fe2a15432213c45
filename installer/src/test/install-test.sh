#!/usr/bin/env bash
# The packages' install test (run by .ci/run as root, after ./millstone package): lintian shows no
# errors; dpkg installs the three packages; each program answers --version; the server starts the
# way its systemd unit starts it (systemd itself does not run here: the unit's ExecStart runs as its
# User with its Environment and WorkingDirectory) and reports gRPC health SERVING; a company and a
# device made with the installed CLI let the installed agent enrol, and the server acks its
# readings; removing and reinstalling keeps the settings and the data (the enrolled agent goes on
# being acked), and purging deletes them.
# Usage: installer/src/test/install-test.sh [DIR_WITH_DEBS]   (default installer/target)
set -euo pipefail
shopt -s nullglob

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../.." && pwd)
DEBS=${1:-$ROOT/installer/target}
PORT=${MILLSTONE_INSTALL_TEST_PORT:-50961}
WORK=$(mktemp -d /tmp/millstone-install-test.XXXXXX)
chmod 0755 "$WORK"
PACKAGES=(millstone-server millstone-agent millstone-client)
server_pid="" agent_pid=""

say() { echo "install-test: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

[[ $(id -u) == 0 ]] || fail "run as root (it installs packages and makes system users)"
for p in "${PACKAGES[@]}"; do
  debs=("$DEBS/${p}"_*.deb)
  ((${#debs[@]} == 1)) || fail "expected one $p .deb in $DEBS, found ${#debs[@]} (run ./millstone package)"
done
deb() { local d=("$DEBS/${1}"_*.deb); echo "${d[0]}"; }
VERSION=$(dpkg-deb -f "$(deb millstone-server)" Version)

# Runs a service the way systemd would: the unit's ExecStart as its User, with only its
# Environment, from its WorkingDirectory; output to $2. Sets the variable named $3 to the pid.
start_unit() {
  local unit=/lib/systemd/system/$1.service log=$2 user dir cmd envs=()
  user=$(sed -n 's/^User=//p' "$unit")
  dir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
  cmd=$(sed -n 's/^ExecStart=//p' "$unit")
  while IFS= read -r e; do envs+=("$e"); done < <(sed -n 's/^Environment=//p' "$unit")
  [[ -n $user && -n $cmd ]] || fail "$unit has no User or ExecStart"
  # shellcheck disable=SC2086 # ExecStart is a plain word list, as systemd splits it
  (cd "${dir:-/}" && exec setpriv --reuid="$user" --regid="$user" --init-groups \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ${envs[@]+"${envs[@]}"} $cmd) >"$log" 2>&1 &
  printf -v "$3" '%s' "$!"
}

stop_pid() {
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 90); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  stop_pid "$agent_pid"
  stop_pid "$server_pid"
  if ((rc != 0)); then
    for f in "$WORK"/*.log; do
      echo "---- $f (last 40 lines)" >&2
      tail -n 40 "$f" >&2
    done
  fi
  dpkg --purge "${PACKAGES[@]}" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

# The JDK that built the packages probes gRPC health with the installed client's classes.
eval "$("$ROOT/millstone" env)"
health() {
  "$JAVA_HOME/bin/java" -cp '/usr/lib/millstone-client/lib/app/*' \
    io.millstone.client.remote.HealthProbe "127.0.0.1:$PORT" 2 >/dev/null 2>&1
}

start_server() {
  start_unit millstone-server "$WORK/server-$1.log" server_pid
  for ((i = 0; i < 120; i++)); do
    kill -0 "$server_pid" 2>/dev/null || fail "the installed server stopped (see server-$1.log)"
    if health; then
      say "server SERVING on 127.0.0.1:$PORT ($1, after ~${i} s)"
      return 0
    fi
    sleep 1
  done
  fail "the installed server did not report SERVING within 120 s"
}

stop_server() {
  stop_pid "$server_pid"
  server_pid=""
}

# --- lintian ---
for p in "${PACKAGES[@]}"; do
  say "lintian $(basename "$(deb "$p")")"
  out=$(lintian --tag-display-limit 0 "$(deb "$p")" 2>&1 | grep -v 'running with root privileges' || true)
  [[ -n $out ]] && echo "$out" >&2
  if grep -q '^E: ' <<<"$out"; then
    fail "lintian reports errors for $p"
  fi
done

# --- install ---
dpkg --purge "${PACKAGES[@]}" >/dev/null 2>&1 || true
rm -rf /var/lib/millstone /var/lib/millstone-agent
say "dpkg -i ${PACKAGES[*]}"
dpkg -i "$(deb millstone-server)" "$(deb millstone-agent)" "$(deb millstone-client)" >"$WORK/dpkg.log" 2>&1 ||
  { cat "$WORK/dpkg.log" >&2; fail "dpkg -i failed"; }
for p in "${PACKAGES[@]}"; do
  v=$("$p" --version 2>&1) || fail "$p --version exited non-zero: $v"
  [[ $v == "$p ${VERSION//\~/-}" ]] || fail "$p --version says '$v', expected '$p ${VERSION//\~/-}'"
  say "$v"
done
getent passwd millstone >/dev/null || fail "no system user millstone"
getent passwd millstone-agent >/dev/null || fail "no system user millstone-agent"
[[ $(stat -c %U /var/lib/millstone) == millstone ]] || fail "/var/lib/millstone is not millstone's"
[[ $(stat -c '%G %a' /etc/millstone/server.conf) == "millstone 640" ]] ||
  fail "server.conf is not root:millstone 0640"
grep -q '^Categories=Office;' /usr/share/applications/millstone-client.desktop || fail "client not in Office menu"
[[ -f /usr/share/icons/hicolor/256x256/apps/millstone-client.png ]] || fail "no client icon"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/millstone-client.desktop || fail "invalid desktop entry"
fi

# The admin's edits of a conffile: another port (also keeps clear of a developer's server on
# 50051), and the demo sugar mill, seeded on the first start.
sed -i "s/^port=.*/port=$PORT/" /etc/millstone/server.conf
echo "demo=true" >>/etc/millstone/server.conf

# --- first start: migrations, embedded stores as the millstone user, SERVING ---
start_server first
stop_server
[[ -d /var/lib/millstone/postgres || -n $(find /var/lib/millstone -mindepth 1 -maxdepth 1 -print -quit) ]] ||
  fail "the server left no data in /var/lib/millstone"
[[ -z $(find /var/lib/millstone ! -user millstone -print -quit) ]] || fail "files in /var/lib/millstone not owned by millstone"

grep -q '^admin=' /var/lib/millstone/demo-credentials.properties || fail "the demo left no admin password"
[[ $(stat -c '%U %a' /var/lib/millstone/demo-credentials.properties) == "millstone 600" ]] ||
  fail "demo-credentials.properties is not the millstone user's alone"
[[ -s /var/lib/millstone/demo-agent/enrollment.token ]] || fail "the demo left no enrolment token for its floor PC"
say "demo sugar mill seeded (users' passwords in /var/lib/millstone/demo-credentials.properties)"

# --- a company and a device from the installed CLI (as the service user, on the same data) ---
admin() { setpriv --reuid=millstone --regid=millstone --init-groups env -i PATH=/usr/bin:/bin HOME=/var/lib/millstone \
  millstone-server "$@" --config /etc/millstone/server.conf; }
company=$(cd /var/lib/millstone && admin create-company --name "Install Test Mills" | tail -n 1)
[[ $company =~ ^[0-9a-f-]{36}$ ]] || fail "create-company printed '$company', not a company id"
cli_token=$(cd /var/lib/millstone && admin create-device --company "$company" --name floor-pc-1 | tail -n 1)
[[ $cli_token =~ ^[A-Za-z0-9_-]{20,}$ ]] || fail "create-device printed '$cli_token', not a token"
say "company $company, device floor-pc-1 created"

start_server second
# The installed CLI's status reads the running server's embedded stores from its run file.
status=$(cd /var/lib/millstone && admin status 2>&1) || { echo "$status" >&2; fail "millstone-server status exited non-zero with the server up"; }
grep -q '^Status: OK' <<<"$status" || { echo "$status" >&2; fail "millstone-server status did not say OK"; }
grep -q "SERVING on 127.0.0.1:$PORT" <<<"$status" || { echo "$status" >&2; fail "status shows no SERVING gRPC"; }
say "millstone-server status: OK"
# The installed agent becomes the demo's floor PC: the demo's token (renewed at each start of the
# server until the floor PC is enrolled) and its machines' tag mapping.
token=$(cat /var/lib/millstone/demo-agent/enrollment.token)

# --- the agent: enrol, then run as its unit runs it, with a simulator source ---
sed -i -e "s/^server: .*/server: 127.0.0.1:$PORT/" -e 's/^sources: \[\]$//' /etc/millstone/agent.yaml
sed -n '/^sources:/,$p' /var/lib/millstone/demo-agent/agent.yaml | sed 's/interval: 1s/interval: 200ms/' >>/etc/millstone/agent.yaml
grep -q 'mill_speed: mill1.speed' /etc/millstone/agent.yaml || fail "no demo tag mapping in agent.yaml"
# The token goes in on standard input: a command line is visible to every local user.
printf '%s\n' "$token" | (cd /var/lib/millstone-agent && setpriv --reuid=millstone-agent --regid=millstone-agent --init-groups \
  env -i PATH=/usr/bin:/bin HOME=/var/lib/millstone-agent \
  millstone-agent enroll --server "127.0.0.1:$PORT" --token-file - --config /etc/millstone/agent.yaml) \
  >"$WORK/enroll.log" 2>&1 || fail "millstone-agent enroll failed"
[[ $(stat -c %U /var/lib/millstone-agent/device.credentials) == millstone-agent ]] ||
  fail "the credential is not the agent user's"

acked() { # prints the agent's last acked sequence number (0 when none)
  local s
  s=$(millstone-agent status --config /etc/millstone/agent.yaml 2>/dev/null | sed -n 's/.*last ack: *#\([0-9]*\).*/\1/p')
  echo "${s:-0}"
}
wait_for_acks() { # waits until the last ack passes $1
  for ((i = 0; i < 60; i++)); do
    kill -0 "$agent_pid" 2>/dev/null || fail "the installed agent stopped (see agent log)"
    if (($(acked) > $1)); then
      return 0
    fi
    sleep 1
  done
  millstone-agent status --config /etc/millstone/agent.yaml >&2 || true
  fail "the server acked no readings of the installed agent within 60 s"
}
start_unit millstone-agent "$WORK/agent-first.log" agent_pid
wait_for_acks 0
first_ack=$(acked)
say "agent enrolled; the server acked its readings up to #$first_ack"
stop_pid "$agent_pid"
agent_pid=""
stop_server
status=$(cd /var/lib/millstone && admin status 2>&1) && fail "millstone-server status exited 0 with the server stopped"
grep -q 'NOT RUNNING' <<<"$status" || { echo "$status" >&2; fail "status with the server stopped does not say NOT RUNNING"; }

# --- remove, reinstall: settings and data stay ---
dpkg -r millstone-server millstone-agent >"$WORK/dpkg.log" 2>&1 || fail "dpkg -r failed"
[[ -d /var/lib/millstone && -d /var/lib/millstone-agent ]] || fail "dpkg -r deleted the data"
grep -q "^port=$PORT" /etc/millstone/server.conf || fail "dpkg -r deleted the settings"
dpkg -i "$(deb millstone-server)" "$(deb millstone-agent)" >"$WORK/dpkg.log" 2>&1 || fail "reinstall failed"
grep -q "^port=$PORT" /etc/millstone/server.conf || fail "reinstalling replaced the admin's server.conf"
grep -q "mill_speed: mill1.speed" /etc/millstone/agent.yaml || fail "reinstalling replaced the admin's agent.yaml"
start_server reinstalled
# The device's credential is only valid if the server kept its database.
start_unit millstone-agent "$WORK/agent-reinstalled.log" agent_pid
wait_for_acks "$first_ack"
say "after remove and reinstall the server still knows the agent (acked up to #$(acked))"
stop_pid "$agent_pid"
agent_pid=""
stop_server

# --- purge: data and settings go ---
dpkg --purge "${PACKAGES[@]}" >"$WORK/dpkg.log" 2>&1 || fail "dpkg --purge failed"
for gone in /var/lib/millstone /var/lib/millstone-agent /etc/millstone/server.conf /etc/millstone/agent.yaml /usr/lib/millstone-server; do
  [[ ! -e $gone ]] || fail "$gone is still there after purge"
done
say "OK: lintian clean, installed, --version, SERVING, agent enrolled and acked, data kept over remove+reinstall, purged"
