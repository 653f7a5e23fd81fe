#!/usr/bin/env bash
# Are two builds' answers the same, byte for byte? Starts each jar in turn on a copy of one database (or each
# on its own), executes a fixed set of questions (the load benchmark's four, variants of their variables, the
# deep documents of NoNPlusOneTest, and the page's map and who-accuses-whom) with Cache-Control: no-cache, saves every answer and compares.
#
#   bench/same-answers.sh OLD_JAR NEW_JAR DATA_DIR     # e.g. main's build against this one, on
#                                                      # load-bench.sh's import ($WORK/data-20000)
#   bench/same-answers.sh OLD_JAR NEW_JAR OLD_DATA NEW_DATA   # each jar on its own database: e.g. the same
#                                                      # file imported by each build (import-bench.sh)
# Exits 0 when every answer is identical, 1 otherwise (and names the answers that differ).
# Variables: PORT (18690; management PORT+1), JAVA (java), OUT (a new temporary directory).
set -euo pipefail
[ $# = 3 ] || [ $# = 4 ] || { sed -n 2,11p "$0" >&2; exit 2; }
OLD_JAR=$(readlink -f "$1"); NEW_JAR=$(readlink -f "$2"); OLD_DATA=$(readlink -f "$3"); NEW_DATA=$(readlink -f "${4:-$3}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18690}; JAVA=${JAVA:-java}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/atlas-same-answers.XXXXXX")}
URL=http://127.0.0.1:$PORT/graphql
LOAD=$ROOT/bench/load; NPLUS=$ROOT/src/test/resources/nplusone
APP_PID=""
stop() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=""; }
trap stop EXIT

# name|document|variables (JSON): $ARTICLE is the id of an article with claims, found at run time
QUESTIONS=$(cat <<'Q'
q1|q1|{"code": "KP"}
q1-us-50|q1|{"code": "US", "first": 50}
q1-cn-1|q1|{"code": "CN", "first": 1}
q2|q2|{"category": "ARMS_TRANSFER", "from": "2022-01-01", "to": "2022-12-31"}
q2-military-2021-100|q2|{"category": "MILITARY_SUPPORT", "from": "2021-01-01", "to": "2021-12-31", "first": 100}
q2-concealment-all|q2|{"category": "CONCEALMENT", "from": "1900-01-01", "to": "2100-12-31", "first": 20}
q3|q3|{"code": "KP"}
q3-us|q3|{"code": "US"}
q4|q4|{"id": "$ARTICLE"}
q4-1|q4|{"id": "1"}
q4-none|q4|{"id": "999999999"}
nested-article|nestedArticle|{"id": "$ARTICLE"}
nested-claims-kp|nestedClaims|{"country": "KP", "first": 40}
all-roles-us|claimsWithAllRoles|{"country": "US", "first": 50}
claims-of-actors-us|claimsOfActors|{"country": "US", "first": 20}
claims-of-actor-kp|claimsOfActors|{"country": "KP", "first": 1}
map|map|{}
map-2022|map|{"filter": {"statedFrom": "2022-01-01", "statedTo": "2022-12-31"}}
map-months|map|{"filter": {"statedFrom": "2021-03-01", "statedTo": "2021-07-31", "stance": ["ALLEGES"]}}
matrix|matrix|{"first": 50}
matrix-2021-arms|matrix|{"filter": {"statedFrom": "2021-01-01", "statedTo": "2021-12-31", "category": ["ARMS_TRANSFER"]}, "first": 50}
Q
)

# the page's own map and who-accuses-whom documents: answered from the counts an import keeps
doc() { local f=$LOAD/$1.graphql; [ -f "$f" ] || f=$NPLUS/$1.graphql; [ -f "$f" ] || f=$ROOT/src/main/resources/web/app/$1/$1.graphql; echo "$f"; }

answers() {  # answers JAR DIR DATA
  local jar=$1 dir=$2 data=$OUT/data-$(basename "$2")
  mkdir -p "$dir"; rm -rf "$data"; cp -r "$3" "$data"
  (cd "$(dirname "$jar")" && exec "$JAVA" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$((PORT + 1))" -Datlas.data-dir="$data" -jar "$(basename "$jar")") >"$dir.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{__typename}"}' "$URL" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$dir.log" >&2; echo "$jar exited during startup" >&2; exit 2; }
    sleep 0.2
  done
  local article="" try
  # the first question to a cold million-claim database can run past the statement timeout: ask again
  for try in 1 2 3 4 5; do
    article=$(curl -sf -H 'content-type: application/json' -H 'Cache-Control: no-cache' \
      -d '{"query":"{ claims(first: 1) { edges { node { article { id } } } } }"}' "$URL" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["claims"]["edges"][0]["node"]["article"]["id"])' 2>/dev/null) && break
    sleep 2
  done
  [ -n "$article" ] || { echo "$jar: no article found (try 5 times)" >&2; exit 2; }
  while IFS='|' read -r name document variables; do
    python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": json.loads(sys.argv[2])}))' \
      "$(doc "$document")" "${variables//\$ARTICLE/$article}" >"$dir/$name.request.json"
    curl -sS -o "$dir/$name.json" -D "$dir/$name.headers" -H 'content-type: application/json' -H 'Cache-Control: no-cache' \
      --data-binary @"$dir/$name.request.json" "$URL"
  done <<<"$QUESTIONS"
  stop
}

answers "$OLD_JAR" "$OUT/old" "$OLD_DATA"
answers "$NEW_JAR" "$OUT/new" "$NEW_DATA"
same=0; differ=0
while IFS='|' read -r name _; do
  if cmp -s "$OUT/old/$name.json" "$OUT/new/$name.json"; then same=$((same + 1))
  else differ=$((differ + 1)); echo "DIFFERS: $name ($OUT/old/$name.json vs $OUT/new/$name.json)"; fi
  if [ "$name" != q4-none ] && grep -q '"errors"' "$OUT/new/$name.json"; then echo "note: $name answered with errors"; fi
done <<<"$QUESTIONS"
echo "answers compared in $OUT: $same identical, $differ different ($(cat "$OUT"/new/*.json | wc -c) bytes)"
[ "$differ" = 0 ]
