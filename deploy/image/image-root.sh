# Runs an image tarball of build.sh without a container runtime (sourced by smoke-test.sh and aot-cache.sh):
# its layers unpacked into a directory, its entrypoint run there with chroot as its user, in fresh mount and
# process namespaces with /proc, as a runtime would. Root only.

# image_namespaces_allowed: whether this machine lets us make the namespaces (root, not in a locked-down container)
image_namespaces_allowed() { unshare --mount --pid --fork true 2>/dev/null; }

# unpack_image IMAGE.tar WORK: the layers into WORK/root (file times kept: the AOT cache checks its jars' times);
# sets image_config (the config file), image_user, image_dir, image_command and image_env (arrays)
unpack_image() {
  local image=$1 work=$2 layer entrypoint env
  mkdir -p "$work/root"
  tar -xf "$image" -C "$work"
  image_config=$work/$(sed -n 's/.*"Config":"\([^"]*\)".*/\1/p' "$work/manifest.json")
  for layer in $(sed 's/.*"Layers":\[\([^]]*\)\].*/\1/; s/[",]/ /g' "$work/manifest.json"); do
    tar -xf "$work/$layer" -C "$work/root" 2>/dev/null
  done
  mkdir -p "$work/root/proc" "$work/root/dev"
  # the devices a container runtime gives every container: without /dev/urandom the JVM seeds SecureRandom by
  # timing threads (sun.security.provider.SeedGenerator), seconds of CPU before the first answer
  local name major_minor
  for name in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    major_minor=${name#*:}
    [ -e "$work/root/dev/${name%%:*}" ] || mknod -m 666 "$work/root/dev/${name%%:*}" c "${major_minor%:*}" "${major_minor#*:}"
  done
  image_user=$(grep -o '"User":"[^"]*"' "$image_config" | cut -d'"' -f4)
  image_dir=$(grep -o '"WorkingDir":"[^"]*"' "$image_config" | cut -d'"' -f4)
  entrypoint=$(grep -o '"Entrypoint":\[[^]]*\]' "$image_config" | sed 's/"Entrypoint":\[//; s/\]$//; s/","/\n/g; s/"//g')
  env=$(grep -o '"Env":\[[^]]*\]' "$image_config" | sed 's/"Env":\[//; s/\]$//; s/","/\n/g; s/"//g')
  mapfile -t image_command <<<"$entrypoint"
  mapfile -t image_env <<<"$env"
  # chroot starts in /: a jar relative to the working directory gets its full path
  local i
  for i in "${!image_command[@]}"; do
    [[ "${image_command[$i]}" == *.jar && "${image_command[$i]}" != /* ]] && image_command[$i]="$image_dir/${image_command[$i]}"
  done
  return 0
}

# run_image ROOT LOG [JAVA_OPTION...] [-- VAR=VALUE...]: the entrypoint in the background, the options after its
# first word (java), the variables added to its environment; sets image_pid
run_image() {
  local root=$1 log=$2 options=() extra_env=()
  shift 2
  while (($#)) && [ "$1" != -- ]; do options+=("$1"); shift; done
  (($#)) && shift && extra_env=("$@")
  unshare --mount --pid --fork --kill-child --mount-proc="$root/proc" env -i "${image_env[@]}" "${extra_env[@]}" \
    "$(command -v chroot)" --userspec="$image_user:0" "$root" \
    "${image_command[0]}" "${options[@]}" "${image_command[@]:1}" >"$log" 2>&1 &
  image_pid=$!
}

# wait_ready URL: until the readiness probe answers (2 minutes at most); 1 if the image stopped
wait_ready() {
  local _
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$image_pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# stop_image [SECONDS]: SIGTERM to the app, SIGKILL after SECONDS (10). unshare --fork ignores SIGTERM (it waits
# for its child): the app, PID 1 of its namespace, gets it, and unshare the SIGKILL, which --kill-child passes on.
stop_image() {
  local _
  [ -n "${image_pid:-}" ] || return 0
  pkill -TERM -P "$image_pid" 2>/dev/null || true
  for _ in $(seq 1 $((${1:-10} * 4))); do kill -0 "$image_pid" 2>/dev/null || break; sleep 0.25; done
  # the app too: --kill-child does not reach it once chroot --userspec has changed its user (the death signal is reset)
  pkill -KILL -P "$image_pid" 2>/dev/null || true
  kill -KILL "$image_pid" 2>/dev/null || true
  wait "$image_pid" 2>/dev/null || true
  image_pid=
}
