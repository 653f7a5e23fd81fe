#!/usr/bin/env bash
# The packaged-app tests (*IT) against a native binary built elsewhere (e.g. by the native kit),
# without building one here.
#
# usage:  bench/native-it.sh BINARY [MAVEN ARGS...]      e.g. bench/native-it.sh /tmp/kit/out/allegation-atlas-0.1.0-SNAPSHOT-runner -Dit.test=CountryApiIT
#
# @QuarkusIntegrationTest picks its launcher from target/quarkus-artifact.properties (written by a
# Quarkus build; type=native starts the file that the system property native.image.path names,
# which the failsafe configuration sets to target/<finalName>-runner). So this compiles the tests,
# links BINARY there (its native-kit-libs/ stays beside the real file), says type=native, and runs
# failsafe alone. The next ./mvnw package writes the properties anew.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY [MAVEN ARGS...]" >&2; exit 2; }
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
name=$(./mvnw -B -q help:evaluate -Dexpression=project.build.finalName -DforceStdout)
./mvnw -B -q test-compile
ln -sfn "$binary" "target/$name-runner"
printf '# written by bench/native-it.sh: the *IT suite runs the native binary\npath=%s\ntype=native\n' "$name-runner" \
    >target/quarkus-artifact.properties
# every packaged-app test, the twins of the JVM tests among them (not only those of the README's ./mvnw verify)
./mvnw -B failsafe:integration-test failsafe:verify -Dit.excluded-groups=none "$@"
