#!/usr/bin/env bash
# Builds the container image with Quarkus's Jib extension into a local tarball, without a Docker
# daemon and without a registry: the base image is assembled from a JDK 25 of this machine
# (jre-base.sh), the finished image is saved by a stand-in for `docker load` (docker-save), and a
# training run of the image itself adds the JDK's AOT cache to it (aot-cache.sh): its first answer in about
# half the plain jar's time (bench/README.md). Needs root (the training run is a chroot, as smoke-test.sh) and python3.
#
#   deploy/image/build.sh                                   # the embedded-H2 build
#   deploy/image/build.sh -Datlas.db-kind=postgresql        # the PostgreSQL build (any Maven options)
#   IMAGE_JAVA_HOME=/path/to/jdk-25 deploy/image/build.sh   # another JDK 25+ for the image's runtime
#   AOT_CACHE=0 deploy/image/build.sh                       # no training run, no cache (starts as the plain jar)
#
# The application is compiled for Java 17 by whatever JDK runs Maven, and packaged as Quarkus's aot-jar
# (every class on the JDK's own class path, which the AOT cache can hold; fast-jar's class loader it cannot).
# Writes target/allegation-atlas-image.tar (load it with `docker load -i`, `podman load -i`,
# `kind load image-archive`, or push it with `skopeo copy docker-archive:... docker://...`), and
# target/kubernetes/kubernetes.yml naming that image. With a registry at hand, let Jib pull a base
# and push instead (no AOT cache then):  ./mvnw package -Dquarkus.container-image.build=true \
#   -Dquarkus.container-image.push=true -Dquarkus.container-image.registry=<registry> \
#   -Dquarkus.jib.base-jvm-image=<registry>/<java-17-or-later-image>
set -euo pipefail
cd "$(dirname "$0")/../.."
# the image's Java runtime: a JDK 25 or later (the AOT cache is JDK 24+; the app itself runs on 17+)
jdk=${IMAGE_JAVA_HOME:-$(ls -d /usr/lib/jvm/*-25-* /usr/lib/jvm/*-25 2>/dev/null | head -1 || true)}
[ -x "$jdk/bin/java" ] || { echo "build.sh: no JDK 25 found; set IMAGE_JAVA_HOME (e.g. Temurin 25)" >&2; exit 1; }
version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.version = //p')
base=target/jre-base-$version.tar
image=target/allegation-atlas-image.tar
[ -s "$base" ] || JAVA_HOME=$jdk deploy/image/jre-base.sh "$base"
rm -f "$image"
./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.container-image.build=true \
  -Dquarkus.jib.base-jvm-image="tar://$PWD/$base" \
  -Dquarkus.jib.docker-executable-name="$PWD/deploy/image/docker-save" \
  -Dquarkus.jib.docker-environment.ATLAS_IMAGE_TAR="$PWD/$image" "$@"
[ -s "$image" ] || { echo "build.sh: no image was written to $image" >&2; exit 1; }
[ "${AOT_CACHE:-1}" = 0 ] || deploy/image/aot-cache.sh "$image"
echo "$image: $(du -h "$image" | cut -f1), $(tar -xOf "$image" manifest.json | sed -n 's/.*"RepoTags":\[\([^]]*\)\].*/\1/p')"
