#!/usr/bin/env bash
# import-pages benchmark: a WARC of 10,000 news pages made from the 124 saved pages of the article-extraction
# benchmark (../shared/eval/article-extraction/html, never copied into the repository), each copy at its own address,
# imported by the packaged app's CLI into a fresh embedded H2: pages/s and the import process's peak RSS (and its
# largest RSS in each quarter of the run: flat memory has the last three alike), for each of REPS runs and their median.
#
#   bench/import-pages-bench.sh                      # 10,000 pages, each copy's text made distinct: all stored
#   SAME_TEXT=1 bench/import-pages-bench.sh          # the pages repeated as they are: 124 stored, the rest skipped (same text)
#   PAGES=2000 REPS=3 bench/import-pages-bench.sh
#
# Environment: PAGES (default 10000), REPS (default 1), XMX (import heap, default 512m), DATA (the benchmark's folder),
# WORK (scratch directory, default a new temp directory), SAME_TEXT (1: repeat the pages unchanged).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${PAGES:-10000}
reps=${REPS:-1}
xmx=${XMX:-512m}
data=$(realpath "${DATA:-../shared/eval/article-extraction}")
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
warc="$work/pages-$pages${SAME_TEXT:+-same}.warc.gz"
if [ ! -s "$warc" ]; then
  python3 bench/make-warc.py "$warc" "$pages" "$data"/html/*.html.gz --urls "$data/ground-truth.json" ${SAME_TEXT:+--same-text}
fi
echo "archive: $warc ($pages pages from $(ls "$data"/html/*.html.gz | wc -l) saved pages, $(du -h "$warc" | cut -f1));" \
  "heap -Xmx$xmx; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

rates=()
for rep in $(seq 1 "$reps"); do
  rm -rf "$work/data-$rep"
  log="$work/import-$rep.log"
  java -Xmx"$xmx" -Datlas.data-dir="$work/data-$rep" -jar target/quarkus-app/quarkus-run.jar import-pages "$warc" > "$log" 2>&1 &
  app=$!
  python3 bench/procmem.py "$work/mem-$rep" import=$app &
  sampler=$!
  wait $app || true
  wait $sampler 2>/dev/null || true
  summary=$(grep '^Read ' "$log" | tail -1)
  [ -n "$summary" ] || { echo "run $rep failed:"; tail -20 "$log"; exit 1; }
  mem=$(cat "$work/mem-$rep.summary")
  echo "run $rep: $summary"
  echo "        memory: $(echo "$mem" | grep -oE 'max_vmhwm_mib=[0-9]+|rss_q[1-4]_mib=[0-9]+' | tr '\n' ' ')"
  rates+=("$(echo "$summary" | sed -E 's/.*\(([0-9,.]+) pages\/s\).*/\1/' | tr -d ,)")
done
printf '%s\n' "${rates[@]}" | sort -g | awk -v n="$reps" '{a[NR]=$1} END {m=int((n+1)/2); printf "median of %d: %.1f pages/s\n", n, a[m]}'
