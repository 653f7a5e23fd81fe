#!/usr/bin/env bash
# Bulk-import benchmark: generates the deterministic synthetic corpus (bench/gen.py: ~5 claims an
# article, actors reused across articles, a few countries accused far more than others) and imports
# it with the packaged app's CLI into a fresh embedded H2, then prints articles/s, claims/s and the
# import process's peak resident memory, for each of REPS runs and their median.
#
#   bench/import-bench.sh                 # 20,000 articles (~100,000 claims), 3 runs
#   SIZE=2000 REPS=1 bench/import-bench.sh
#
# Environment: SIZE (articles, default 20000), REPS (default 3), XMX (import heap, default 512m),
# SEED (corpus seed, default gen.py's), WORK (scratch directory, default a new temp directory).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-20000}
reps=${REPS:-3}
xmx=${XMX:-512m}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
corpus="$work/corpus-$size.jsonl"
if [ ! -s "$corpus" ]; then
  python3 bench/gen.py --articles "$size" ${SEED:+--seed "$SEED"} > "$corpus"
fi
echo "corpus: $corpus ($(wc -l < "$corpus") articles, $(du -h "$corpus" | cut -f1)); heap -Xmx$xmx; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

rates=()
for rep in $(seq 1 "$reps"); do
  data="$work/data-$rep"
  rm -rf "$data"
  log="$work/import-$rep.log"
  /usr/bin/env time -f '%M' -o "$work/rss-$rep" \
    java -Xmx"$xmx" -Datlas.data-dir="$data" -jar target/quarkus-app/quarkus-run.jar import "$corpus" > "$log" 2>&1 || true
  summary=$(grep '^Imported' "$log" | tail -1)
  [ -n "$summary" ] || { echo "run $rep failed:"; tail -20 "$log"; exit 1; }
  rss_mib=$(( $(cat "$work/rss-$rep") / 1024 ))
  echo "run $rep: $summary; peak RSS ${rss_mib} MiB"
  rates+=("$(echo "$summary" | sed -E 's/.*: ([0-9,]+) articles\/s, ([0-9,]+) claims\/s.*/\1 \2/' | tr -d ,)")
done
printf '%s\n' "${rates[@]}" | sort -n | awk -v n="$reps" '{a[NR]=$1; c[NR]=$2} END {m=int((n+1)/2); printf "median of %d: %d articles/s, %d claims/s\n", n, a[m], c[m]}'
