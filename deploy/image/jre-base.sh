#!/usr/bin/env bash
# A Java runtime base image, as a docker-archive tarball, assembled from this machine alone: no
# registry, no Docker daemon. The runtime is jlink'ed from the JDK that runs this script, or JAVA_HOME (all its
# modules, so that every locale's country names work, as on the JVM); the C library and the other
# shared libraries it loads come from this machine (ldd). User 1001 owns /deployments/data, where
# the embedded database lives (mount a volume there).
#
#   deploy/image/jre-base.sh target/jre-base.tar
#
# Jib builds the application image on top of it: see deploy/image/build.sh.
set -euo pipefail
out=${1:?usage: jre-base.sh OUT.tar}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -x "$java_home/bin/jlink" ] || { echo "jre-base.sh: $java_home has no jlink (a full JDK is needed, e.g. Temurin 25)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

# from the JDK's jmods, or, where it ships none (Temurin 25), from its own run-time image (JEP 493),
# which cannot link jlink itself (nor jpackage, which needs it)
if [ -d "$java_home/jmods" ]; then
  modules=$(ls "$java_home/jmods" | sed -n 's/\.jmod$//p'); module_path=(--module-path "$java_home/jmods")
else
  modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -vx -e 'jdk\.jlink' -e 'jdk\.jpackage'); module_path=()
fi
"$java_home/bin/jlink" --add-modules "$(echo "$modules" | grep -v '^jdk\.incubator\.' | paste -sd, -)" "${module_path[@]}" \
  --strip-debug --no-man-pages --no-header-files --output "$root/opt/java"
# Debian's JDK links its trust store to /etc/ssl/certs: put the real file in the image
cacerts=$root/opt/java/lib/security/cacerts
if [ -L "$cacerts" ] || [ ! -s "$cacerts" ]; then
  rm -f "$cacerts"
  cp "$(readlink -f "$java_home/lib/security/cacerts")" "$cacerts"
fi

# every shared library the runtime loads, at the path this machine has it, and the dynamic loader
# (not those of the desktop: windows, sound, splash screen; the service runs headless)
find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) \
  ! -name libawt_xawt.so ! -name libjawt.so ! -name libsplashscreen.so ! -name libjsound.so | while read -r file; do
    ldd "$file" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
  done | sort -u | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done

mkdir -p "$root/etc" "$root/tmp" "$root/deployments/data"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\natlas:x:1001:0:atlas:/deployments:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"

# one layer, owned by root except the data directory, with fixed times (the same JDK gives the same layer)
tar --sort=name --mtime=2000-01-01 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" \
  --exclude=./deployments/data .
tar --mtime=2000-01-01 --owner=1001 --group=0 --numeric-owner -C "$root" -rf "$work/layer.tar" ./deployments/data
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
arch=$(uname -m); case "$arch" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; esac
version=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.version = //p')
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"2000-01-01T00:00:00Z",
 "config":{"User":"1001","WorkingDir":"/deployments","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
           "Labels":{"org.opencontainers.image.description":"Java $version runtime (jlink) with this machine's C library"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["allegation-atlas/jre-base:%s"],"Layers":["layer.tar"]}]\n' "$version" > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar --mtime=2000-01-01 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out: Java $version runtime base image, $(du -h "$out" | cut -f1)"
