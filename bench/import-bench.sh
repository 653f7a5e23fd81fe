#!/usr/bin/env bash
# Bulk-import benchmark: generates the deterministic synthetic corpus (bench/gen.py: ~5 claims an
# article, actors reused across articles, a few countries accused far more than others) and imports
# it with the packaged app's CLI into a fresh database (embedded H2, or PostgreSQL with DB=postgresql), then
# prints the wall time (JVM start to exit: import, counting, H2's compaction), the import process's CPU time
# (user + system: less at the mercy of other work on a shared machine than the wall time; PostgreSQL's own
# server processes are not in it), articles/s, claims/s, the import process's peak resident memory and the
# load average, for each of REPS runs and their medians.
#
#   bench/import-bench.sh                 # 20,000 articles (~100,000 claims), 3 runs, embedded H2
#   SIZE=2000 REPS=1 bench/import-bench.sh
#   DB=postgresql SIZE=200000 bench/import-bench.sh   # as root: a private PostgreSQL cluster on 127.0.0.1
#
# Environment: SIZE (articles, default 20000), REPS (default 3), XMX (import heap, default 512m),
# SEED (corpus seed, default gen.py's), WORK (scratch directory, default a new temp directory),
# DB (h2 or postgresql), APP (the quarkus-app directory to run: default target/quarkus-app, built if
# missing; for DB=postgresql a build made with -Datlas.db-kind=postgresql, by default built here into WORK),
# PGPORT (the private cluster's port, default 54331; Debian's newest /usr/lib/postgresql/*/bin), JAVA_ARGS (more options
# for the import's JVM, e.g. -Dquarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts=false).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-20000}
reps=${REPS:-3}
xmx=${XMX:-512m}
db=${DB:-h2}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

app=${APP:-}
if [ -z "$app" ] && [ "$db" = postgresql ]; then
  app="$work/pg-app"
  if [ ! -f "$app/quarkus-run.jar" ]; then
    ./mvnw -B -q package -DskipTests -Datlas.db-kind=postgresql && rm -rf "$app" && cp -r target/quarkus-app "$app"
    ./mvnw -B -q package -DskipTests # target/ back to the default build
  fi
fi
if [ -z "$app" ]; then
  app=target/quarkus-app
  [ -f "$app/quarkus-run.jar" ] || ./mvnw -B -q package -DskipTests
fi

if [ "$db" = postgresql ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=${PGPORT:-54331}
  pg_dir=$(mktemp -d)
  chown postgres "$pg_dir"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$pg_dir" start >/dev/null
  trap 'runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
  pg_sql() { runuser -u postgres -- psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "$1"; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'): a private cluster on 127.0.0.1:$pg_port, default settings"
fi

corpus="$work/corpus-$size.jsonl"
if [ ! -s "$corpus" ]; then
  python3 bench/gen.py --articles "$size" ${SEED:+--seed "$SEED"} > "$corpus"
fi
echo "corpus: $corpus ($(wc -l < "$corpus") articles, $(du -hL "$corpus" | cut -f1)); $db; heap -Xmx$xmx; $(java -version 2>&1 | head -1); $(nproc) cores"

rates=()
for rep in $(seq 1 "$reps"); do
  data="$work/data-$rep"
  rm -rf "$data"
  log="$work/import-$rep.log"
  settings=(-Datlas.data-dir="$data")
  if [ "$db" = postgresql ]; then
    pg_sql "drop database if exists atlas_bench" && pg_sql "create database atlas_bench"
    settings=(-Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$pg_port/atlas_bench" -Dquarkus.datasource.username=postgres)
  fi
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  /usr/bin/env time -f '%M %U %S' -o "$work/rss-$rep" \
    java -Xmx"$xmx" ${JAVA_ARGS:-} "${settings[@]}" -jar "$app/quarkus-run.jar" import "$corpus" > "$log" 2>&1 || true
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  summary=$(grep '^Imported' "$log" | tail -1)
  [ -n "$summary" ] || { echo "run $rep failed:"; tail -20 "$log"; exit 1; }
  read -r rss_kib user_s sys_s < "$work/rss-$rep"
  rss_mib=$(( rss_kib / 1024 ))
  cpu=$(echo "$user_s + $sys_s" | bc)
  counted=$(grep -o 'Counted the claims for the map in [0-9.]* s' "$log" | grep -o '[0-9.]* s$' || echo "- s")
  printf 'run %d: %.1f s wall, %.1f s CPU (counting %s); %s; peak RSS %d MiB; load %s before, %s after\n' "$rep" "$wall" \
    "$cpu" "$counted" "$summary" "$rss_mib" "$load" "$(cut -d' ' -f1-3 /proc/loadavg)"
  rates+=("$(echo "$summary" | sed -E 's/.*: ([0-9,]+) articles\/s, ([0-9,]+) claims\/s.*/\1 \2/' | tr -d ,) $wall $cpu")
done
median() { printf '%s\n' "${rates[@]}" | cut -d' ' -f"$1" | sort -g | sed -n "$(( (reps + 1) / 2 ))p"; }
printf 'median of %d: %.1f s wall, %.1f s CPU, %d articles/s, %d claims/s (the import alone)\n' "$reps" "$(median 3)" "$(median 4)" \
  "$(median 1)" "$(median 2)"
