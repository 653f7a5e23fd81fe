#!/usr/bin/env bash
# The page reader (news/read) on the article-extraction benchmark: body F1 / precision / recall on the dev and
# test splits and on all pages (evaluate.py, the benchmark's own scorer, beside the anchors' outputs for the same
# pages), publication dates against the hand-checked list, and pages read per second on one core.
#   bench/read-pages.sh                      # data in ../shared/eval/article-extraction
#   DATA=/path/to/article-extraction OUT=/tmp/read-pages bench/read-pages.sh
#   PAGES=dev bench/read-pages.sh            # also each dev page's figures, worst first (bench/read-pages-report.py)
#   SPLITS="dev test all" bench/read-pages.sh  # the test split too: read it once, at the end of a piece of work
# Split (fixed before tuning): sha256 starting 0-9 or a -> dev (85 pages), b-f -> test (39).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath "${DATA:-../shared/eval/article-extraction}")
OUT=${OUT:-target/read-pages}
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi
"${PIN[@]}" java ${JAVA_OPTS:-} -Xmx1g -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dsplits="${SPLITS:-dev}" org.allegationatlas.news.read.ReadPagesBenchmark "$DATA" "$OUT"
for split in ${SPLITS:-dev}; do
  echo "== $split ($(python3 -c "import json,sys;print(len(json.load(open(sys.argv[1]))))" "$OUT/$split/ground-truth.json") pages)"
  (cd "$OUT/$split" && python3 evaluate.py --n-bootstrap 200)
done
if [[ -n "${PAGES:-}" ]]; then
  python3 bench/read-pages-report.py "$OUT/$PAGES"
fi
