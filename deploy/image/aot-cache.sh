#!/usr/bin/env bash
# Adds the JDK's AOT cache (JEP 483/514/515) to an image tarball of build.sh: the image itself is run once,
# as smoke-test.sh runs it (image-root.sh: its own Java, its own class path, in a chroot), with
# -XX:AOTCacheOutput, asked what a service is asked (train.py: the Atlas page and its assets, the README's
# and the benchmark's questions, a write with an editor token, the probes) and stopped; the JVM writes at
# exit the classes it loaded and linked and its methods' profiles. The cache goes into a layer of its own
# and the entrypoint gets -XX:AOTCache, with the jar by its full path (the cache holds the class path as
# it was given, and the runtime checks every jar's size and time, which the layers keep).
# Root only (chroot); needs python3 and curl.
#
#   deploy/image/aot-cache.sh target/allegation-atlas-image.tar [PORT]      # rewrites the tarball
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/image-root.sh"
image=$(realpath "${1:?usage: aot-cache.sh IMAGE.tar [PORT]}")
port=${2:-18390}
management=$((port + 1))
image_namespaces_allowed || { echo "aot-cache.sh: the training run needs root (chroot and namespaces); AOT_CACHE=0 builds without" >&2; exit 1; }
work=$(mktemp -d)
trap 'stop_image; rm -rf "$work"' EXIT
unpack_image "$image" "$work"
[[ " ${image_command[*]} " != *" -XX:AOTCache="* ]] || { echo "aot-cache.sh: $image has an AOT cache already" >&2; exit 1; }
jar=
for word in "${image_command[@]}"; do [[ $word == *.jar ]] && jar=$word; done
[ -n "$jar" ] || { echo "aot-cache.sh: no jar in the entrypoint: ${image_command[*]}" >&2; exit 1; }

# the training run: a throwaway database and editor token, loopback only; the cache is written in /tmp at exit
token=$(head -c 18 /dev/urandom | base64 | tr '+/' 'ab')
started=$SECONDS
run_image "$work/root" "$work/training.log" -XX:AOTCacheOutput=/tmp/app.aot -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$port" -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$management" \
  -- ATLAS_DATA_DIR=/tmp/training-data "ATLAS_AUTH_TOKENS=editor:$token"
wait_ready "http://127.0.0.1:$management/q/health/ready" || { cat "$work/training.log"; echo "aot-cache.sh: the training run did not start" >&2; exit 1; }
python3 "$here/train.py" "http://127.0.0.1:$port" "http://127.0.0.1:$management" "$token" "${AOT_TRAINING_ROUNDS:-30}"
# the JVM assembles the cache as it exits (in a child JVM): give it time
stop_image 600
cache=$work/root/tmp/app.aot
[ -s "$cache" ] || { tail -20 "$work/training.log"; echo "aot-cache.sh: the training run wrote no cache" >&2; exit 1; }
echo "aot-cache.sh: $(grep -o 'AOTCache creation is complete.*' "$work/training.log"), training run $((SECONDS - started)) s"

# the cache's layer: /deployments/app.aot, readable by all, fixed times as Jib's layers
mkdir -p "$work/layer/${image_dir#/}"
cp "$cache" "$work/layer/$image_dir/app.aot"
chmod 644 "$work/layer/$image_dir/app.aot"
tar --sort=name --mtime=1970-01-01T00:00:01Z --owner=0 --group=0 --numeric-owner -C "$work/layer" -cf "$work/aot-layer.tar" .
python3 - "$work" "$(basename "$image_config")" "$image_dir/app.aot" "$jar" <<'PY'
import gzip, hashlib, json, os, shutil, sys
work, config_name, cache, jar = sys.argv[1:]
with open(f"{work}/aot-layer.tar", "rb") as f:
    diff_id = "sha256:" + hashlib.sha256(f.read()).hexdigest()
with open(f"{work}/aot-layer.tar", "rb") as src, open(f"{work}/aot-layer.tar.gz", "wb") as raw:
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)
with open(f"{work}/aot-layer.tar.gz", "rb") as f:
    layer = hashlib.sha256(f.read()).hexdigest() + ".tar.gz"
os.rename(f"{work}/aot-layer.tar.gz", f"{work}/{layer}")
with open(f"{work}/{config_name}") as f:
    config = json.load(f)
entrypoint = config["config"]["Entrypoint"]
at = entrypoint.index("-jar")
config["config"]["Entrypoint"] = entrypoint[:at] + [f"-XX:AOTCache={cache}", "-jar", jar] + entrypoint[at + 2:]
config["rootfs"]["diff_ids"].append(diff_id)
config["history"].append({"created": config.get("created"), "created_by": "deploy/image/aot-cache.sh",
                          "comment": "JDK AOT cache of a training run"})
with open(f"{work}/{config_name}", "w") as f:
    json.dump(config, f, separators=(",", ":"))
with open(f"{work}/manifest.json") as f:
    manifest = json.load(f)
manifest[0]["Layers"].append(layer)
with open(f"{work}/manifest.json", "w") as f:
    json.dump(manifest, f, separators=(",", ":"))
with open(f"{work}/layers.txt", "w") as f:
    f.write("\n".join([config_name, "manifest.json"] + manifest[0]["Layers"]) + "\n")
PY
tar --mtime=1970-01-01 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$image.partial" -T "$work/layers.txt"
mv "$image.partial" "$image"
echo "aot-cache.sh: $image now starts with $(tar -xOf "$image" "$(basename "$image_config")" | grep -o '"Entrypoint":\[[^]]*\]')"
