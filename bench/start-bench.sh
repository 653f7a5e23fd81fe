#!/usr/bin/env bash
# Start-up benchmark: time from launch to the first GraphQL answer, and resident memory after
# 100 queries, for the packaged jar, a native binary or the container image, on a database that
# already exists.
#
# usage:  bench/start-bench.sh [APP]        APP: a quarkus-run.jar (default target/quarkus-app/quarkus-run.jar),
#                                            a native binary, or an image tarball of deploy/image/build.sh
#                                            (*.tar: run as the image runs, with its own Java and AOT cache,
#                                            in a chroot as deploy/image/smoke-test.sh does; root only)
#   JAVA      java to run a jar with (default: java on PATH)
#   JAVA_OPTS JVM options for a jar (default: -Xmx256m -XX:+UseSerialGC; the image has its own)
#   RUNS      starts to measure (default 3); the median is printed
#   PORT      loopback port (default 18480); PORT + 1 for the management interface
#   DATA      an existing data folder, e.g. an import of bench/gen.py's corpus; each start gets a fresh copy of it
#             (at this build's schema: an older one is migrated at every start, and the script warns)
#             (default: a temporary one, made and seeded by one unmeasured start first)
#   APP_ARGS  more arguments for the app, e.g. native run-time options: APP_ARGS='-Xmx64m -Xmn16m', or for the
#             image's JVM: APP_ARGS='-XX:AOTMode=off' (the image without its cache)
#
#   DATA=/work/data-1m bench/start-bench.sh                                                  # JDK 17 jar
#   DATA=/work/data-1m JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/start-bench.sh  # JDK 25 jar
#   DATA=/work/data-1m bench/start-bench.sh target/allegation-atlas-image.tar                # image: JDK 25 + AOT cache
#
#   IMAGE_ENV more environment for the image, as a container runtime's env would set it: IMAGE_ENV='MALLOC_ARENA_MAX=2'
#   POLL      curl (default): a curl every 5 ms from launch, as the native kit's check polls; socket: one python3
#             process that tries the port every 5 ms. A curl process every 5 ms costs this 2-core machine about
#             0.65 of a core (1.3 s of CPU in 2 s), which the app's start then shares a core with.
#
# The first answer is that of { country(code:"KP") { name localName(language:"id") } },
# polled every 5 ms from launch. The load average is printed before and after: on a shared
# machine it is half the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/image/image-root.sh
APP=${1:-target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
RUNS=${RUNS:-3}
PORT=${PORT:-18480}
APP_ARGS=${APP_ARGS:-}
POLL=${POLL:-curl}
IMAGE_ENV=${IMAGE_ENV:-}
[ -f "$APP" ] || { echo "no such app: $APP" >&2; exit 2; }
APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
query='{"query":"{ country(code:\"KP\") { name localName(language:\"id\") } }"}'
work=$(mktemp -d)
pid=
image_pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true; stop_image; rm -rf "$work"' EXIT
if [[ $APP == *.tar ]]; then
    image_namespaces_allowed || { echo "an image is run in a chroot: root only" >&2; exit 2; }
    unpack_image "$APP" "$work/image"
    run_dir=$work/image/root$image_dir/data    # the image's /deployments/data, its volume
    echo "image: ${image_command[*]}"
else
    run_dir=$work/data
fi
source_data=${DATA:-}

launch() {
    if curl -s -m 1 "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then echo "port $PORT is in use" >&2; exit 1; fi
    local ports=(-Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dquarkus.management.host=127.0.0.1
                 -Dquarkus.management.port=$((PORT + 1)))
    if [[ $APP == *.tar ]]; then
        # shellcheck disable=SC2086
        run_image "$work/image/root" "$work/app.log" $APP_ARGS "${ports[@]}" ${IMAGE_ENV:+-- $IMAGE_ENV}
        # the JVM is unshare's child (env and chroot exec it)
        pid=
        while [ -z "$pid" ]; do pid=$(pgrep -P "$image_pid" || true); sleep 0.001; done
    elif [[ $APP == *.jar ]]; then
        # run from the data folder so that nothing the app writes lands in the project
        # shellcheck disable=SC2086
        (cd "$run_dir" && exec "$JAVA" $JAVA_OPTS "${ports[@]}" -Datlas.data-dir="$run_dir" $APP_ARGS -jar "$APP") >"$work/app.log" 2>&1 &
        pid=$!
    else
        # shellcheck disable=SC2086
        (cd "$run_dir" && exec "$APP" $APP_ARGS "${ports[@]}" -Datlas.data-dir="$run_dir") >"$work/app.log" 2>&1 &
        pid=$!
    fi
}
ms=
cpu=
first_answer() { # sets pid, ms and cpu
    local t0 t1
    t0=$(date +%s%N)
    launch
    if [ "$POLL" = socket ]; then
        python3 - "$PORT" "$query" "$pid" >"$work/first.json" <<'PY' || { echo "the app exited; its log:" >&2; tail -5 "$work/app.log" >&2; exit 1; }
import http.client, os, sys, time
port, query, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
while True:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("POST", "/graphql", query, {"Content-Type": "application/json"})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status == 200 and body:
            sys.stdout.write(body.decode())
            break
    except OSError:
        pass
    os.kill(pid, 0)  # raises when the app is gone
    time.sleep(0.005)
PY
    else
        until curl -sf -m 2 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$PORT/graphql" >"$work/first.json" 2>/dev/null; do
            kill -0 "$pid" 2>/dev/null || { echo "the app exited; its log:" >&2; tail -5 "$work/app.log" >&2; exit 1; }
            sleep 0.005
        done
    fi
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    # CPU time (user + system) the process used until then: steadier than wall time on a busy machine
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
}
stop() {
    if [[ $APP == *.tar ]]; then stop_image; else kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    pid=
}
# a fresh copy of the data for each start (not measured), owned by the image's user in the image
fresh_data() {
    rm -rf "$run_dir"
    cp -a "$source_data" "$run_dir"
    [[ $APP != *.tar ]] || chown -R "$image_user:0" "$run_dir"
}

if [ -z "$source_data" ]; then
    # one start to create and seed a database, not measured
    source_data=$work/seeded
    mkdir -p "$run_dir"
    [[ $APP != *.tar ]] || chown "$image_user:0" "$run_dir"
    first_answer
    stop
    cp -a "$run_dir" "$source_data"
fi
echo "data: $source_data ($(du -sh "$source_data" | cut -f1)), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
cpus=()
rss=()
anons=()
for i in $(seq 1 "$RUNS"); do
    fresh_data
    first_answer
    # DATA older than this build's schema: every copy is migrated (with UpgradeBackup's copy of the file) before the
    # first answer, and the figure times that, not a start (a 1M-claim database: +30 s). Migrate it once, then time.
    if grep -q 'Migrating schema' "$work/app.log"; then
        echo "warning: DATA ($source_data) is older than this build's schema; each start migrated its copy first:" \
             "start the app once on a copy of it and time that copy" >&2
    fi
    for _ in $(seq 1 100); do
        curl -s -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$PORT/graphql" >/dev/null
    done
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    # of it: private memory (heap, JIT, threads) and mapped files' pages (the JDK's modules, the AOT cache: clean
    # pages the kernel can drop and read again, shared by processes that map the same file)
    anon=$(awk '/^RssAnon:/ {print int($2 / 1024)}' "/proc/$pid/status")
    mapped=$(awk '/^RssFile:/ {print int($2 / 1024)}' "/proc/$pid/status")
    stop
    times+=("$ms")
    cpus+=("$cpu")
    rss+=("$((kb / 1024))")
    anons+=("$anon")
    echo "run $i: first answer $ms ms (CPU $cpu ms), RSS after 100 queries $((kb / 1024)) MiB (private $anon, mapped files $mapped), load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "answer: $(cat "$work/first.json")"
echo "median of $RUNS: first answer $(median "${times[@]}") ms (CPU $(median "${cpus[@]}") ms), RSS after 100 queries $(median "${rss[@]}") MiB (private $(median "${anons[@]}") MiB), file $(du -k "$APP" | cut -f1) KiB, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
