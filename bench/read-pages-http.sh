#!/usr/bin/env bash
# The benchmark's pages read as a user gets them: served from loopback by python's http.server (unzipped, no charset
# in the header), each asked of the packaged app's previewPage, the bodies scored by split with the benchmark's scorer.
#   ./mvnw -B package -DskipTests && bench/read-pages-http.sh
#   APP=/path/to/quarkus-app DATA=/path/to/article-extraction WORK=/tmp/rph bench/read-pages-http.sh
# SPLITS are all scored: dev (sha256 0-9/a), test (b-f) and all; read the test line only at the end of a piece of work.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath "${DATA:-../shared/eval/article-extraction}")
APP=$(realpath "${APP:-target/quarkus-app}")
WORK=${WORK:-$(mktemp -d)}
PAGE_PORT=${PAGE_PORT:-18765} APP_PORT=${APP_PORT:-18766} MGMT_PORT=${MGMT_PORT:-18767}
mkdir -p "$WORK/site" "$WORK/run"
for page in "$DATA"/html/*.html.gz; do zcat "$page" > "$WORK/site/$(basename "$page" .gz)"; done
python3 -m http.server "$PAGE_PORT" --bind 127.0.0.1 --directory "$WORK/site" > "$WORK/pages.log" 2>&1 &
pages=$!
(cd "$WORK/run" && ATLAS_FETCH_ALLOW_PRIVATE_ADDRESSES=true ATLAS_AUTH_TOKENS=editor:bench exec java -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$APP_PORT" -Dquarkus.management.port="$MGMT_PORT" -jar "$APP/quarkus-run.jar" > "$WORK/app.log" 2>&1) &
app=$!
trap 'kill $app $pages 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/health/ready" 2>/dev/null && break; sleep 1; done
python3 bench/read-pages-http.py "$DATA" "http://127.0.0.1:$PAGE_PORT" "http://127.0.0.1:$APP_PORT/graphql" bench "$WORK/scored"
