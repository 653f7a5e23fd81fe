#!/usr/bin/env bash
# Extraction's cost: heap held by the dictionaries and models, and milliseconds per article after warm-up
# (median and p90 of ROUNDS rounds over the seed and the four annotated articles), RUNS times.
#   RUNS=3 ROUNDS=200 JAVA=java bench/extract-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-200}
JAVA=${JAVA:-java}
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
for run in $(seq 1 "$RUNS"); do
  echo "run $run:"
  "$JAVA" -Xmx512m -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.allegationatlas.extract.ExtractionBenchmark "$ROUNDS"
done
