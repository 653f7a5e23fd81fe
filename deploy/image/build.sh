#!/usr/bin/env bash
# Builds the container image with Quarkus's Jib extension into a local tarball, without a Docker
# daemon and without a registry: the base image is assembled from this machine's JDK
# (jre-base.sh), and the finished image is saved by a stand-in for `docker load` (docker-save).
#
#   deploy/image/build.sh                                   # the embedded-H2 build
#   deploy/image/build.sh -Datlas.db-kind=postgresql        # the PostgreSQL build (any Maven options)
#
# Writes target/allegation-atlas-image.tar (load it with `docker load -i`, `podman load -i`,
# `kind load image-archive`, or push it with `skopeo copy docker-archive:... docker://...`), and
# target/kubernetes/kubernetes.yml naming that image. With a registry at hand, let Jib pull a base
# and push instead:  ./mvnw package -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
#   -Dquarkus.container-image.registry=<registry> -Dquarkus.jib.base-jvm-image=<registry>/<java-17-image>
set -euo pipefail
cd "$(dirname "$0")/../.."
base=target/jre-base.tar
image=target/allegation-atlas-image.tar
[ -s "$base" ] || deploy/image/jre-base.sh "$base"
rm -f "$image"
./mvnw -B -q package -DskipTests -Dquarkus.container-image.build=true \
  -Dquarkus.jib.base-jvm-image="tar://$PWD/$base" \
  -Dquarkus.jib.docker-executable-name="$PWD/deploy/image/docker-save" \
  -Dquarkus.jib.docker-environment.ATLAS_IMAGE_TAR="$PWD/$image" "$@"
[ -s "$image" ] || { echo "build.sh: no image was written to $image" >&2; exit 1; }
echo "$image: $(du -h "$image" | cut -f1), $(tar -xOf "$image" manifest.json | sed -n 's/.*"RepoTags":\[\([^]]*\)\].*/\1/p')"
