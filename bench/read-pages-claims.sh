#!/usr/bin/env bash
# What the page reader's mistakes do to the stored claims: on each page of the article-extraction benchmark, the
# claims fetchArticle would store from the reader's body against those from the body a person marked
# (src/test/java/org/allegationatlas/news/ReadPagesClaims.java says how they are compared).
#   bench/read-pages-claims.sh                          # dev split, each page whose claims differ listed
#   JAVA_OPTS=-Ddump=dev bench/read-pages-claims.sh     # also every claim stored from the marked body, with its explanation
#   SPLITS="dev test" bench/read-pages-claims.sh        # the test split's figures too (read it at the end of a piece of work)
#   DATA=/path/to/article-extraction bench/read-pages-claims.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath "${DATA:-../shared/eval/article-extraction}")
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx1g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" -Dsplits="${SPLITS:-dev}" \
  org.allegationatlas.news.ReadPagesClaims "$DATA"
