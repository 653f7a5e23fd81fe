#!/usr/bin/env bash
# Start-up benchmark: time from launch to the first GraphQL answer, and resident memory after
# 100 queries, for the packaged jar or a native binary, on a database that already exists.
#
# usage:  bench/start-bench.sh [APP]        APP: a native binary, or a quarkus-run.jar
#                                            (default target/quarkus-app/quarkus-run.jar)
#   JAVA      java to run a jar with (default: java on PATH)
#   JAVA_OPTS JVM options (default: -Xmx256m -XX:+UseSerialGC)
#   RUNS      starts to measure (default 3); the median is printed
#   PORT      loopback port (default 18480); PORT + 1 for the management interface
#   DATA      data folder (default: a fresh temporary one, filled by one unmeasured start first)
#   APP_ARGS  more arguments for the app, e.g. native run-time options: APP_ARGS='-Xmx64m -Xmn16m'
#
# The first answer is that of { country(code:"KP") { name localName(language:"id") } },
# polled every 5 ms from launch, as the native kit's check does.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${1:-target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
RUNS=${RUNS:-3}
PORT=${PORT:-18480}
DATA=${DATA:-$(mktemp -d)}
APP_ARGS=${APP_ARGS:-}
[ -f "$APP" ] || { echo "no such app: $APP" >&2; exit 2; }
APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
query='{"query":"{ country(code:\"KP\") { name localName(language:\"id\") } }"}'
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

launch() {
    if curl -s -m 1 "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then echo "port $PORT is in use" >&2; exit 1; fi
    # run from the data folder so that nothing the app writes lands in the project
    if [[ $APP == *.jar ]]; then
        # shellcheck disable=SC2086
        (cd "$DATA" && exec "$JAVA" $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
            -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1)) -Datlas.data-dir="$DATA" $APP_ARGS -jar "$APP") >"$DATA/app.log" 2>&1 &
    else
        # shellcheck disable=SC2086
        (cd "$DATA" && exec "$APP" $APP_ARGS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
            -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1)) -Datlas.data-dir="$DATA") >"$DATA/app.log" 2>&1 &
    fi
    pid=$!
}
ms=
cpu=
first_answer() { # sets pid, ms and cpu
    local t0 t1
    t0=$(date +%s%N)
    launch
    until curl -sf -m 2 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$PORT/graphql" >"$DATA/first.json" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "the app exited; see $DATA/app.log" >&2; tail -5 "$DATA/app.log" >&2; exit 1; }
        sleep 0.005
    done
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    # CPU time (user + system) the process used until then: steadier than wall time on a busy machine
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

# one start to create and seed the database, not measured
first_answer
stop
times=()
cpus=()
rss=()
for i in $(seq 1 "$RUNS"); do
    first_answer
    for _ in $(seq 1 100); do
        curl -s -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$PORT/graphql" >/dev/null
    done
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    stop
    times+=("$ms")
    cpus+=("$cpu")
    rss+=("$((kb / 1024))")
    echo "run $i: first answer $ms ms (CPU $cpu ms), RSS after 100 queries $((kb / 1024)) MiB"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "answer: $(cat "$DATA/first.json")"
echo "median of $RUNS: first answer $(median "${times[@]}") ms (CPU $(median "${cpus[@]}") ms), RSS after 100 queries $(median "${rss[@]}") MiB, file $(du -k "$APP" | cut -f1) KiB"
