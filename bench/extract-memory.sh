#!/usr/bin/env bash
# Does the served app extract within the README's heap? Imports the seed plus SIZE generated articles
# (bench/gen.py), starts the packaged app with $APP_OPTS (default -Xmx256m -XX:+UseSerialGC, as the README runs
# it) and, for DURATION seconds, has two clients extract (extractArticle on new urls and previewExtraction, over
# the annotated articles and generated bodies) while a third asks bench/load's questions uncached. Prints the
# requests done, those that failed, the heap used after a full GC at the end, and peak resident memory.
#   SIZE=3000 DURATION=60 PORT=18100 [WORK=dir REUSE_IMPORT=1] bench/extract-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-3000}
DURATION=${DURATION:-60}
PORT=${PORT:-18100}
APP_OPTS=${APP_OPTS:--Xmx256m -XX:+UseSerialGC}
JAVA=${JAVA:-java}
WORK=${WORK:-$(mktemp -d)}
TOKEN=bench-editor
mkdir -p "$WORK"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
JAR=$(pwd)/target/quarkus-app/quarkus-run.jar

corpus="$WORK/corpus-$SIZE.jsonl"
[ -s "$corpus" ] || python3 bench/gen.py --articles "$SIZE" > "$corpus"
imported="$WORK/imported-$SIZE"
if [ "${REUSE_IMPORT:-0}" != 1 ] || [ ! -d "$imported" ]; then   # REUSE_IMPORT=1: the import of an earlier run
  rm -rf "$imported"
  "$JAVA" -Xmx512m -Datlas.data-dir="$imported" -jar "$JAR" import "$corpus" > "$WORK/import.log" 2>&1 \
    || { tail -20 "$WORK/import.log"; exit 1; }
fi
grep '^Imported' "$WORK/import.log" | tail -1
data="$WORK/data"
rm -rf "$data" && cp -r "$imported" "$data"

# the seed is loaded at the first start, beside the imported articles
# shellcheck disable=SC2086
"$JAVA" $APP_OPTS -Datlas.data-dir="$data" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.port=$((PORT + 1)) -Datlas.auth.tokens="editor:$TOKEN" -jar "$JAR" > "$WORK/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/graphql?query=%7B__typename%7D" && break
  sleep 1
done
echo "app $app on 127.0.0.1:$PORT with $APP_OPTS; load: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$PORT" "$TOKEN" "$DURATION" "$corpus" "$app" <<'EOF'
import json, sys, threading, time, urllib.request
port, token, duration, corpus, pid = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5]
url = f"http://127.0.0.1:{port}/graphql"
bodies = []
for name in ["en-nk-workers", "en-us-iran-houthis", "id-korsel-rudal", "id-ukraina-belarus"]:
    a = json.load(open(f"src/test/resources/extract/articles/{name}.json", encoding="utf-8"))
    bodies.append({k: a.get(k) for k in ["title", "publisher", "publishedOn", "dateline", "body"]})
with open(corpus, encoding="utf-8") as f:
    for i, line in zip(range(200), f):
        a = json.loads(line)
        bodies.append({k: a.get(k) for k in ["title", "publisher", "publishedOn", "body"]})
EXTRACT = "mutation($input: RawArticleInput!) { extractArticle(input: $input) { id claims { id explanation } } }"
PREVIEW = "query($input: RawArticleInput!) { previewExtraction(input: $input) { unattributedClaims proposal { claims { quote explanation } } } }"
questions = [(open(f"bench/load/q{q}.graphql").read(),
              json.load(open(f"bench/load/q{q}.vars.json")) if q != 4 else {}) for q in (1, 2, 3)]
counts = {"extract": 0, "preview": 0, "query": 0, "failed": 0}
lock = threading.Lock()
end = time.time() + duration

def post(document, variables):
    request = urllib.request.Request(url, json.dumps({"query": document, "variables": variables}).encode(),
        {"Content-Type": "application/json", "Authorization": f"Bearer {token}", "Cache-Control": "no-cache"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status == 200 and "errors" not in json.loads(response.read())
    except Exception:
        return False

def extractor(n):
    i = 0
    while time.time() < end:
        body = bodies[(i * 2 + n) % len(bodies)]
        kind = "extract" if i % 2 == 0 else "preview"
        data = dict(body, url=f"https://bench.invalid/extract/{n}/{i}")
        ok = post(EXTRACT if kind == "extract" else PREVIEW, {"input": data})
        with lock:
            counts[kind] += 1
            counts["failed"] += not ok
        i += 1

def asker():
    i = 0
    while time.time() < end:
        ok = post(*questions[i % len(questions)])
        with lock:
            counts["query"] += 1
            counts["failed"] += not ok
        i += 1

threads = [threading.Thread(target=extractor, args=(n,)) for n in (0, 1)] + [threading.Thread(target=asker)]
[t.start() for t in threads]
[t.join() for t in threads]
print(f"{duration:.0f} s: {counts['extract']} extractArticle, {counts['preview']} previewExtraction, "
      f"{counts['query']} queries; failed: {counts['failed']}")
EOF

jcmd "$app" GC.run > /dev/null
# the used figures of the heap's top lines (Serial: young and tenured generation; G1: the whole heap)
heap=$(jcmd "$app" GC.heap_info | grep -E '^ *(def new generation|tenured generation|garbage-first heap)' \
  | grep -Eo 'used [0-9]+K' | tr -dc '0-9\n' | awk '{s += $1} END {print s}')
hwm=$(grep VmHWM "/proc/$app/status" | tr -dc 0-9)
echo "heap used after a full GC: $((heap / 1024)) MiB; peak resident: $((hwm / 1024)) MiB"
if grep -q OutOfMemoryError "$WORK/app.log"; then echo "OutOfMemoryError in $WORK/app.log"; exit 1; fi
