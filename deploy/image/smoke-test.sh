#!/usr/bin/env bash
# Runs an image tarball of deploy/image/build.sh without a container runtime, to check that it
# starts and answers: its layers unpacked into a directory, its entrypoint run there with chroot
# as its user, in fresh mount and process namespaces with /proc (as a runtime would). Root only.
#
#   deploy/image/smoke-test.sh target/allegation-atlas-image.tar [PORT]
set -euo pipefail
image=${1:?usage: smoke-test.sh IMAGE.tar [PORT]}
port=${2:-18380}
management=$((port + 1))
if ! unshare --mount --pid --fork true 2>/dev/null; then
  echo "smoke-test.sh: skipped, this machine allows no namespaces (run it as root where it does)"; exit 0
fi
work=$(mktemp -d)
root=$work/root
mkdir -p "$root"
tar -xf "$image" -C "$work"
config=$(sed -n 's/.*"Config":"\([^"]*\)".*/\1/p' "$work/manifest.json")
for layer in $(sed 's/.*"Layers":\[\([^]]*\)\].*/\1/; s/[",]/ /g' "$work/manifest.json"); do
  tar -xf "$work/$layer" -C "$root" 2>/dev/null
done
mkdir -p "$root/proc" "$root/dev"
user=$(grep -o '"User":"[^"]*"' "$work/$config" | cut -d'"' -f4)
dir=$(grep -o '"WorkingDir":"[^"]*"' "$work/$config" | cut -d'"' -f4)
entrypoint=$(grep -o '"Entrypoint":\[[^]]*\]' "$work/$config" | sed 's/"Entrypoint":\[//; s/\]$//; s/","/\n/g; s/"//g')
env=$(grep -o '"Env":\[[^]]*\]' "$work/$config" | sed 's/"Env":\[//; s/\]$//; s/","/\n/g; s/"//g')
mapfile -t command <<<"$entrypoint"
mapfile -t variables <<<"$env"
# chroot starts in /: the entrypoint's jar, relative to the working directory, gets its full path
for i in "${!command[@]}"; do [[ "${command[$i]}" == *.jar && "${command[$i]}" != /* ]] && command[$i]="$dir/${command[$i]}"; done
echo "running ${command[*]} as user $user"
unshare --mount --pid --fork --kill-child --mount-proc="$root/proc" env -i "${variables[@]}" "$(command -v chroot)" --userspec="$user:0" "$root" \
  "${command[0]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -Dquarkus.management.host=127.0.0.1 \
  -Dquarkus.management.port="$management" "${command[@]:1}" >"$work/app.log" 2>&1 &
app=$!
# unshare --fork ignores SIGTERM (it waits for its child): the app (the child, PID 1 of its namespace)
# gets SIGTERM to shut down, and unshare SIGKILL after 10 s, which --kill-child passes on
stop_app() {
  pkill -TERM -P "$app" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$app" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_app EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$management/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { cat "$work/app.log"; echo "smoke-test.sh: the image stopped"; exit 1; }
  sleep 0.5
done
answer=$(curl -fs "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"{ country(code: \"KP\") { localName(language: \"id\") allegationsAgainst { totalCount } } }"}') \
  || { cat "$work/app.log"; echo "smoke-test.sh: no answer"; exit 1; }
echo "$answer"
echo "$answer" | grep -q '"localName":"Korea Utara","allegationsAgainst":{"totalCount":4}' \
  || { echo "smoke-test.sh: not the seed's answer"; exit 1; }
ls "$root/deployments/data" | grep -q 'atlas.mv.db' || { echo "smoke-test.sh: no database in /deployments/data"; exit 1; }
echo "smoke-test.sh: the image starts as user $user, keeps its database in /deployments/data and answers"
