#!/usr/bin/env bash
# Runs an image tarball of deploy/image/build.sh without a container runtime, to check that it
# starts and answers: its layers unpacked into a directory, its entrypoint run there with chroot
# as its user, in fresh mount and process namespaces with /proc (as a runtime would; image-root.sh).
# An image with an AOT cache must use it: the JVM is told to stop if it cannot (-XX:AOTMode=on).
# Prints the time from launch to the first answer. Root only.
#
#   deploy/image/smoke-test.sh target/allegation-atlas-image.tar [PORT]
set -euo pipefail
. "$(dirname "$0")/image-root.sh"
image=${1:?usage: smoke-test.sh IMAGE.tar [PORT]}
port=${2:-18380}
management=$((port + 1))
if ! image_namespaces_allowed; then
  echo "smoke-test.sh: skipped, this machine allows no namespaces (run it as root where it does)"; exit 0
fi
work=$(mktemp -d)
root=$work/root
unpack_image "$image" "$work"
aot=()
[[ " ${image_command[*]} " == *" -XX:AOTCache="* ]] && aot=(-XX:AOTMode=on)
echo "running ${image_command[*]} as user $image_user${aot:+ (${aot[*]}: the JVM stops if it cannot use its AOT cache)}"
trap 'stop_image; rm -rf "$work"' EXIT
started=$(date +%s%N)
run_image "$root" "$work/app.log" "${aot[@]}" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$management"
question='{"query":"{ country(code: \"KP\") { localName(language: \"id\") allegationsAgainst { totalCount } } }"}'
until answer=$(curl -fs -m 5 "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -d "$question"); do
  kill -0 "$image_pid" 2>/dev/null || { cat "$work/app.log"; echo "smoke-test.sh: the image stopped"; exit 1; }
  (( $(date +%s%N) - started < 120000000000 )) || { cat "$work/app.log"; echo "smoke-test.sh: no answer in 2 minutes"; exit 1; }
  sleep 0.01
done
echo "first answer $(( ($(date +%s%N) - started) / 1000000 )) ms after launch"
wait_ready "http://127.0.0.1:$management/q/health/ready" || { cat "$work/app.log"; echo "smoke-test.sh: not ready"; exit 1; }
answer=$(curl -fs "http://127.0.0.1:$port/graphql" -H 'Content-Type: application/json' -d "$question")
echo "$answer"
echo "$answer" | grep -q '"localName":"Korea Utara","allegationsAgainst":{"totalCount":4}' \
  || { echo "smoke-test.sh: not the seed's answer"; exit 1; }
ls "$root/deployments/data" | grep -q 'atlas.mv.db' || { echo "smoke-test.sh: no database in /deployments/data"; exit 1; }
echo "smoke-test.sh: the image starts as user $image_user, keeps its database in /deployments/data and answers"
