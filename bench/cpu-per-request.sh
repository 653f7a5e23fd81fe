#!/usr/bin/env bash
# CPU per executed request of one build on one question, for before/after comparisons of a change
# (load-bench.sh's req/s move with the machine's speed from run to run; CPU per request moves less).
#
#   bench/cpu-per-request.sh APP_DIR DATA_DIR Q        # APP_DIR: a target/quarkus-app; DATA_DIR: an import
#                                                      # (load-bench.sh's $WORK/data-SIZE); Q: 1..4, or any
#                                                      # .graphql document with its variables in VARS (JSON)
# Starts the app on a copy of DATA_DIR (made once, in $COPY), warms it up with wrk for $WARM s, then runs
# wrk -t2 -c16 for $SECONDS_EACH s, $REPS times, every request executed (Cache-Control: no-cache), and
# prints wrk's RESULT line with the server's CPU ms per request (/proc/PID/stat over the run).
# Variables: WARM (25), SECONDS_EACH (10), REPS (3), PORT (18190; management PORT+1), COPY
# (/tmp/atlas-cpu-data), Q4_ID (the id of the corpus's article 12345: Q4's variable, printed by
# load-bench.sh), JAVA_OPTS (-Xmx256m; add -XX:StartFlightRecording=... to profile a run).
set -euo pipefail
APP_DIR=${1:?APP_DIR}; DATA=${2:?DATA_DIR}; Q=${3:?question 1..4}
BENCH=$(cd "$(dirname "$0")" && pwd)
WARM=${WARM:-25}; SECONDS_EACH=${SECONDS_EACH:-10}; REPS=${REPS:-3}; PORT=${PORT:-18190}
COPY=${COPY:-/tmp/atlas-cpu-data}; JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[ -d "$COPY" ] || cp -r "$DATA" "$COPY"          # the copy: the app may write its own files beside the data
BODY=$(mktemp)
if [[ "$Q" == *.graphql ]]; then                 # a question of your own: one the benchmark was not tuned on
  vars=${VARS:-'{}'}
  echo "$vars" >"$BODY.vars"
  python3 "$BENCH/load/report.py" body "$Q" "$BODY.vars" >"$BODY"
elif [ "$Q" = 4 ]; then
  echo "{\"id\": \"${Q4_ID:?Q4_ID: the id of article 12345 in this import (load-bench.sh prints it)}\"}" >"$BODY.vars"
  python3 "$BENCH/load/report.py" body "$BENCH/load/q4.graphql" "$BODY.vars" >"$BODY"
else
  python3 "$BENCH/load/report.py" body "$BENCH/load/q$Q.graphql" "$BENCH/load/q$Q.vars.json" >"$BODY"
fi
URL=http://127.0.0.1:$PORT/graphql
# shellcheck disable=SC2086
(cd "$APP_DIR" && exec java $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1)) -Datlas.data-dir="$COPY" \
  -jar quarkus-run.jar) >"$BODY.log" 2>&1 &
PID=$!
stop() { rc=$?; kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -f "$BODY" "$BODY.vars" "$BODY.log"; exit $rc; }
trap stop EXIT
until curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{__typename}"}' "$URL"; do
  kill -0 $PID 2>/dev/null || { tail -20 "$BODY.log" >&2; exit 1; }
  sleep 0.1
done
export BODY_FILE=$BODY NO_CACHE=1
wrk -t2 -c16 -d"${WARM}s" -s "$BENCH/load/post.lua" "$URL" >/dev/null
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }   # user + system, in clock ticks (1/100 s)
for _ in $(seq 1 "$REPS"); do
  c0=$(cpu)
  out=$(wrk -t2 -c16 -d"${SECONDS_EACH}s" -s "$BENCH/load/post.lua" "$URL" | grep RESULT)
  c1=$(cpu)
  n=$(echo "$out" | grep -o 'requests=[0-9]*' | cut -d= -f2)
  echo "$(basename "$Q" .graphql) $out cpu_ms_per_req=$(awk -v a="$c0" -v b="$c1" -v n="$n" 'BEGIN {printf "%.3f", (b - a) * 10 / n}')"
done
