#!/usr/bin/env bash
# Atlas page benchmark (docs/atlas-page.md): on an imported corpus, starts the packaged app and measures
#  1. the map's data, the one GraphQL GET the page sends for its first view, timed with curl over loopback
#     (time_total: an upper bound of the time at the server), median of REPS runs each:
#       after a write     Cache-Control: no-cache right after an ingest: executed, aggregates recomputed
#                         (what the first visitor after an import or a new article waits for)
#       executed          Cache-Control: no-cache: executed, the aggregates cached for the data version
#       response cache    a repeat: answered from the response cache
#       revalidated       a repeat with If-None-Match: 304 Not Modified
#     for the page's default view and with a category filter;
#  2. first paint in Chromium (bench/AtlasFirstPaint.java, Playwright): empty cache and returning visitor;
#  3. the page's assets on the wire (gzip) and their Cache-Control.
#
#   DATA=/path/to/data bench/atlas-page-bench.sh      # a data directory imported before (bench/import-bench.sh, CLI import)
#   SIZE=200000 bench/atlas-page-bench.sh             # generates and imports the corpus first (~1,000,000 claims)
#
# Environment: DATA or SIZE (default 20000 articles), REPS (default 7), WARMUP (executed requests first, default 20), PORT (default 18290; PORT + 1 health), XMX (default 512m),
# CHROMIUM (default /usr/bin/chromium), WORK (scratch directory). Needs curl, python3, and for the first paint
# Chromium and the Playwright jars (resolved by ./mvnw -Pbrowser).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${REPS:-7}
port=${PORT:-18290}
xmx=${XMX:-512m}
chromium=${CHROMIUM:-/usr/bin/chromium}
work=${WORK:-$(mktemp -d)}
base="http://127.0.0.1:$port"
token="bench-$RANDOM$RANDOM"
mkdir -p "$work"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
if [ -z "${DATA:-}" ]; then
  size=${SIZE:-20000}
  DATA="$work/data-$size"
  if [ ! -f "$DATA/atlas.mv.db" ]; then
    python3 bench/gen.py --articles "$size" > "$work/corpus-$size.jsonl"
    java -Xmx"$xmx" -Datlas.data-dir="$DATA" -jar target/quarkus-app/quarkus-run.jar import "$work/corpus-$size.jsonl" > "$work/import.log" 2>&1
    grep '^Imported' "$work/import.log"
  fi
fi

java -Xmx"$xmx" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -Datlas.data-dir="$DATA" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$((port + 1))" \
  -Datlas.auth.tokens="editor:$token" -jar target/quarkus-app/quarkus-run.jar > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
ready="http://127.0.0.1:$((port + 1))/q/health/ready" # health is on the management interface
for _ in $(seq 1 240); do curl -fs "$ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$ready" >/dev/null || { echo "the app did not start:"; tail -20 "$work/app.log"; exit 1; }
claims=$(curl -fs -G "$base/graphql" --data-urlencode 'query={ claims { totalCount } }' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["claims"]["totalCount"])')
echo "database: $DATA, $claims claims; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); $reps runs each"

# the exact requests the page sends for its map and its who-accuses-whom view (src/main/resources/web/app/map/map.graphql,
# matrix/matrix.graphql, compacted as the page does)
compact() { sed 's/#.*//' "$1" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; }
map_query=$(compact src/main/resources/web/app/map/map.graphql)
matrix_query=$(compact src/main/resources/web/app/matrix/matrix.graphql)
query=$map_query
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'; }
get() { # variables, extra curl args...: prints time_total in ms and the status
  local vars=$1; shift
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -G "$base/graphql" -H 'Accept: application/json' \
    --data-urlencode "query=$query" --data-urlencode "variables=$vars" "$@" | awk '{printf "%.2f %s\n", $1 * 1000, $2}'
}
write() { # a new version of one small article: bumps the data version, so aggregates are recomputed
  local body="{\"query\":\"mutation { ingestArticle(input: { url: \\\"https://bench.invalid/atlas-page\\\", language: \\\"en\\\", body: \\\"Run $1 $RANDOM.\\\", actors: [], claims: [] }) { id } }\"}"
  curl -fs -o /dev/null "$base/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$body"
}
measure() { # label, variables
  local label=$1 vars=$2 after=() executed=() cached=() revalidated=() etag
  for i in $(seq 1 "$reps"); do
    write "$i"
    after+=("$(get "$vars" -H 'Cache-Control: no-cache' | cut -d' ' -f1)")
    executed+=("$(get "$vars" -H 'Cache-Control: no-cache' | cut -d' ' -f1)")
    get "$vars" > /dev/null # fills the response cache
    cached+=("$(get "$vars" | cut -d' ' -f1)")
    etag=$(curl -s -D - -o /dev/null -G "$base/graphql" --data-urlencode "query=$query" --data-urlencode "variables=$vars" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
    revalidated+=("$(get "$vars" -H "If-None-Match: $etag" | tr ' ' '/')")
  done
  printf '%-34s after a write %7s ms | executed %7s ms | response cache %6s ms | revalidated %6s ms (HTTP %s)\n' "$label" \
    "$(printf '%s\n' "${after[@]}" | median)" "$(printf '%s\n' "${executed[@]}" | median)" \
    "$(printf '%s\n' "${cached[@]}" | median)" "$(printf '%s\n' "${revalidated[@]}" | cut -d/ -f1 | median)" \
    "$(printf '%s\n' "${revalidated[@]}" | cut -d/ -f2 | sort -u | tr '\n' ' ')"
}
# the JIT's warm-up is not what a visitor after the first few waits for: some executed requests first, discarded
for _ in $(seq 1 "${WARMUP:-20}"); do
  query=$map_query get '{"filter":{"stance":["ALLEGES"]}}' -H 'Cache-Control: no-cache' > /dev/null
  query=$matrix_query get '{"filter":{"stance":["ALLEGES"]},"first":60}' -H 'Cache-Control: no-cache' > /dev/null
done
echo "== the map's data: one GraphQL GET (claimTotals; shading against or by is the same answer), median ms over loopback"
measure "default view (stance ALLEGES)" '{"filter":{"stance":["ALLEGES"]}}'
measure "category ARMS_TRANSFER" '{"filter":{"category":["ARMS_TRANSFER"],"stance":["ALLEGES"]}}'
measure "stance DENIES" '{"filter":{"stance":["DENIES"]}}'
measure "language id, 2022" '{"filter":{"stance":["ALLEGES"],"statedFrom":"2022-01-01","statedTo":"2022-12-31","language":"id"}}'
measure "2019-03-17 to 2024-06-04" '{"filter":{"stance":["ALLEGES"],"statedFrom":"2019-03-17","statedTo":"2024-06-04"}}'
measure "all filters, ragged dates" '{"filter":{"stance":["ALLEGES"],"category":["MILITARY_SUPPORT"],"language":"en","statedFrom":"2023-02-10","statedTo":"2023-11-20"}}'
echo "== who accuses whom: one GraphQL GET (allegationMatrix, first 60), median ms over loopback"
query=$matrix_query
measure "default view" '{"filter":{"stance":["ALLEGES"]},"first":60}'
measure "category ARMS_TRANSFER" '{"filter":{"category":["ARMS_TRANSFER"],"stance":["ALLEGES"]},"first":60}'
measure "language id, 2022" '{"filter":{"stance":["ALLEGES"],"statedFrom":"2022-01-01","statedTo":"2022-12-31","language":"id"},"first":60}'
measure "2019-03-17 to 2024-06-04" '{"filter":{"stance":["ALLEGES"],"statedFrom":"2019-03-17","statedTo":"2024-06-04"},"first":60}'
query=$map_query
echo "  answer size: $(curl -s -G "$base/graphql" --data-urlencode "query=$map_query" --data-urlencode 'variables={"filter":{"stance":["ALLEGES"]}}' | wc -c) bytes," \
  "$(curl -s -H 'Accept-Encoding: gzip' -G "$base/graphql" --data-urlencode "query=$map_query" --data-urlencode 'variables={"filter":{"stance":["ALLEGES"]}}' | wc -c) gzipped"

echo "== the page's assets (gzip on the wire)"
for path in / $(curl -s "$base/" | grep -o '/static/bundle/[^"]*'); do
  headers=$(curl -s -D - -o "$work/asset" -H 'Accept-Encoding: gzip' "$base$path" | tr -d '\r')
  printf '%-40s %8s bytes on the wire (%s), %9s bytes unpacked; Cache-Control: %s\n' "$path" "$(wc -c < "$work/asset")" \
    "$(echo "$headers" | awk -F': ' 'tolower($1)=="content-encoding" {print $2}')" "$(curl -s "$base$path" | wc -c)" \
    "$(echo "$headers" | awk -F': ' 'tolower($1)=="cache-control" {print $2}')"
done

echo "== first paint in Chromium (bench/AtlasFirstPaint.java)"
if [ -x "$chromium" ]; then
  ./mvnw -B -q -Pbrowser dependency:build-classpath -Dmdep.includeGroupIds=com.microsoft.playwright,com.google.code.gson,org.java-websocket \
    -Dmdep.outputFile="$work/cp.txt" > /dev/null
  java -cp "$(cat "$work/cp.txt")" bench/AtlasFirstPaint.java "$base/" "$reps" "$chromium"
else
  echo "no Chromium at $chromium: first paint not measured"
fi
