#!/usr/bin/env bash
# Trains the Indonesian part-of-speech and named-entity models of extraction with OpenNLP's
# trainers on the idner-news-2k corpus and prints their accuracy/F1 on its dev and test splits.
#   tools/train-indonesian-models.sh [CORPUS_DIR] [OUTPUT_DIR]
# defaults: ../shared/nlp/idner-news-2k and src/main/resources/extract/nlp (the committed models)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/nlp/idner-news-2k}
out=${2:-src/main/resources/extract/nlp}
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/train-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/train-classpath.txt)" \
  org.allegationatlas.extract.nlp.IndonesianModels "$corpus" "$out"
