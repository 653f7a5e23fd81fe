#!/usr/bin/env bash
# Valid work on a busy machine (issue 23). With CPU burners on every core (BURNERS, default 10) and two writers
# that fsync all the time beside it, on loopback only:
#   1. the CLI import of ARTICLES generated articles (bench/gen.py) into a new embedded database: exits 0, every
#      line stored;
#   2. the service on that database, with 16 clients writing 8 urls at once (WRITES each): no write refused,
#      every acknowledged write present (each url holds the body of one acknowledged write);
#   3. a database as a release before V7 left it (src/test/java/.../backup/OldDatabase.java, OLD_CLAIMS claims), upgraded by a
#      plain start: it starts, answers, and counts every claim.
# Prints one line per step and "busy machine: ok" at the end; exits 1 at the first check that fails.
#
#   bench/busy-machine.sh [APP_DIR]        (APP_DIR: a packaged app, target/quarkus-app by default)
#   ARTICLES=20000 WRITES=25 OLD_CLAIMS=100000 BURNERS=10 PORT=18230 bench/busy-machine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(cd "${1:-target/quarkus-app}" && pwd)
ARTICLES=${ARTICLES:-20000}
WRITES=${WRITES:-25}
OLD_CLAIMS=${OLD_CLAIMS:-100000}
BURNERS=${BURNERS:-10}
PORT=${PORT:-18230}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "busy machine: FAILED: $*"; exit 1; }

# ---- the load: burners and fsync'ing writers, for as long as the script runs ----
for _ in $(seq 1 "$BURNERS"); do
  (while :; do :; done) &
  pids+=($!)
done
for i in 1 2; do
  (while :; do dd if=/dev/zero of="$work/fsync-$i" bs=64k count=32 oflag=dsync status=none; done) &
  pids+=($!)
done
echo "load: $BURNERS CPU burners and 2 fsync'ing writers on $(nproc) cores"

# java_app JVM-OPTIONS... -- ARGUMENTS...
java_app() {
  local options=()
  while [ "$1" != "--" ]; do options+=("$1"); shift; done
  shift
  exec java -Xmx512m "${options[@]}" -jar "$app/quarkus-run.jar" "$@"  # exec: a background call's $! is java itself
}

# ---- 1. the import ----
python3 bench/gen.py --articles "$ARTICLES" > "$work/corpus.jsonl"
start=$SECONDS
set +e
(java_app -Datlas.data-dir="$work/imported" -- import "$work/corpus.jsonl") > "$work/import.log" 2>&1
status=$?
set -e
tail -3 "$work/import.log"
[ "$status" = 0 ] || fail "import exited $status (log: $(grep -m3 -E 'line [0-9]+:|ERROR|Exception' "$work/import.log" || true))"
imported=$(grep -oE "^Imported [0-9,]+ articles" "$work/import.log" | tr -dc '0-9')
[ "$imported" = "$ARTICLES" ] || fail "the import stored ${imported:-no} articles of $ARTICLES"
echo "1. import of $ARTICLES articles: exit 0, every line stored, in $((SECONDS - start)) s"

# ---- 2. the service on that database, 16 writers ----
serve() { # data dir, log
  java_app -Datlas.data-dir="$1" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port=$((PORT + 1)) -Datlas.auth.tokens=editor:busy -- > "$2" 2>&1 &
  server=$!
  pids+=("$server")
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$((PORT + 1))/q/health/ready" > /dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { tail -20 "$2"; fail "the service did not start (log above)"; }
    sleep 0.5
  done
  fail "the service was not ready after 10 minutes"
}
start=$SECONDS
serve "$work/imported" "$work/service.log"
echo "   the service started on the imported database in $((SECONDS - start)) s"
python3 - "$PORT" "$WRITES" "$ARTICLES" <<'PY' || fail "concurrent writers (above)"
import json, sys, threading, urllib.request
port, writes, articles = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
url = f"http://127.0.0.1:{port}/graphql"
def ask(query, variables=None, token=True):
    request = urllib.request.Request(url, json.dumps({"query": query, "variables": variables or {}}).encode(),
        {"Content-Type": "application/json", **({"Authorization": "Bearer busy"} if token else {})})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return json.load(answer)
total = ask("{ articles(first: 1) { totalCount } }")["data"]["articles"]["totalCount"]
if total != articles + 1:
    sys.exit(f"the imported database holds {total} articles, not {articles} and the seed")
ingest = "mutation($input: ArticleInput!) { ingestArticle(input: $input) { id } }"
acknowledged, refused, lock = {}, [], threading.Lock()
def writer(w):
    for n in range(writes):
        page = f"https://busy.invalid/{(w + n) % 8}"
        quote = f"Palau accused Nauru of fishing, wrote writer {w} as write {n}."
        answer = ask(ingest, {"input": {"url": page, "language": "en", "body": quote,
            "actors": [{"key": "p", "name": "Palau", "kind": "STATE", "country": "PW"},
                       {"key": "n", "name": "Nauru", "kind": "STATE", "country": "NR"}],
            "claims": [{"claimant": "p", "subject": "n", "stance": "ALLEGES", "category": "OTHER",
                        "summary": "Palau accused Nauru of fishing.", "quote": quote}]}})
        with lock:
            if answer.get("errors"):
                refused.append(answer["errors"][0].get("message"))
            else:
                acknowledged.setdefault(answer["data"]["ingestArticle"]["id"], set()).add(quote)
threads = [threading.Thread(target=writer, args=(w,)) for w in range(16)]
[t.start() for t in threads]
[t.join() for t in threads]
if refused:
    sys.exit(f"{len(refused)} of {16 * writes} valid writes refused, e.g. {refused[0]}")
if len(acknowledged) != 8:
    sys.exit(f"8 urls were written, {len(acknowledged)} articles acknowledged")
for article, bodies in acknowledged.items():
    answer = ask("query($id: ID!) { article(id: $id) { url body claims { quote } } }", {"id": article})
    stored = (answer.get("data") or {}).get("article")
    if not stored or stored["body"] not in bodies or [c["quote"] for c in stored["claims"]] != [stored["body"]]:
        sys.exit(f"article {article} holds {stored or answer}, which no acknowledged write sent")
print(f"2. 16 writers on 8 urls: {16 * writes} writes acknowledged, 0 refused; each url holds an acknowledged write")
PY
kill "$server"; wait "$server" 2>/dev/null || true

# ---- 3. the upgrade of a database from before V7 ----
java -cp "$app/lib/main/*:$app/app/*" src/test/java/org/allegationatlas/backup/OldDatabase.java "$work/old" "$OLD_CLAIMS" 6
start=$SECONDS
serve "$work/old" "$work/upgrade.log"
grep -q "Upgrading the database: keeping a copy" "$work/upgrade.log" || fail "the upgrade kept no copy first"
[ ! -e "$work/old/upgrade-in-progress.zip" ] || fail "the copy of the upgrade was not removed after it succeeded"
python3 - "$PORT" "$OLD_CLAIMS" <<'PY' || fail "the upgraded database (above)"
import json, sys, urllib.request
port, claims = int(sys.argv[1]), int(sys.argv[2])
request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query":
    "{ claims(first: 1) { totalCount } claimTotals { asSubject } }"}).encode(), {"Content-Type": "application/json"})
data = json.load(urllib.request.urlopen(request, timeout=600))["data"]
counted = sum(t["asSubject"] for t in data["claimTotals"])
if data["claims"]["totalCount"] < claims or counted < claims:
    sys.exit(f"after the upgrade: {data['claims']['totalCount']} claims, {counted} counted on the map; expected {claims} and the seed's")
print(f"3. a V6 database of {claims:,} claims upgraded by a plain start: {data['claims']['totalCount']:,} claims, all counted")
PY
echo "   upgraded and started in $((SECONDS - start)) s"
echo "busy machine: ok"
