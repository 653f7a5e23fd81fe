#!/usr/bin/env bash
# Load benchmark of Allegation Atlas against its peers (PostGraphile 4 and 5 over PostgreSQL) and
# the raw-SQL floor. Run from anywhere:   bench/load-bench.sh        (SIZE=200000 for ~1M claims)
#
#  1. builds the app when target/quarkus-app is missing or older than src/main and pom.xml;
#  2. generates the deterministic corpus with bench/gen.py (SIZE articles, ~5 claims each);
#  3. imports it into a fresh data dir with the CLI importer under -Xmx$IMPORT_XMX, sampling memory;
#  4. starts the packaged app on 127.0.0.1:$PORT ($STARTS times, for the startup time to first answer)
#     and checks its answers to the questions in bench/load/;
#  5. sets up the peer on a copy of $PEER_DIR (PostgreSQL via pg.sh + load.py, PostGraphile 4 via peer.sh,
#     PostGraphile 5 via v5/peer5.sh on the same database) and checks the peers' answers;
#  6. per question Q1..Q4 and repetition: wrk warm-up + measured run on ours, the same on PostGraphile 4
#     and 5, then pgbench on the peer's SQL floor; every response is checked for "errors";
#  7. prints the table (medians of $REPS) and the import, memory and startup figures, and stops
#     everything it started.
# See bench/README.md for every variable.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BENCH=$ROOT/bench
LOAD=$BENCH/load                                     # the questions, the wrk script, report.py

SIZE=${SIZE:-20000}
PEER=${PEER:-auto}                                   # auto (if the kit and its tools are there) | 1 (required) | 0 (ours only)
PEER5=${PEER5:-auto}                                 # PostGraphile 5 as a second peer: auto (with the peer, if the kit has v5/) | 1 (required) | 0
PEER_DIR=${PEER_DIR:-$ROOT/../shared/bench/peer}
WORK=${WORK:-${TMPDIR:-/tmp}/atlas-load-bench}       # corpus, data dirs, peer copy, results
PG_ROOT=${PG_ROOT:-${TMPDIR:-/tmp}/atlas-load-bench-pg}   # the peer's PostgreSQL cluster (kept: reused when it holds SIZE)
PORT=${PORT:-18090}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1))}      # health and metrics (quarkus.management.port)
DEFAULT_JAR=$ROOT/target/quarkus-app/quarkus-run.jar
APP_JAR=${APP_JAR:-$DEFAULT_JAR}
APP_OPTS=${APP_OPTS:-}                               # JVM options of the served app; default none, as the README runs it
XMX=${XMX:-}                                         # shortcut: XMX=256m adds -Xmx256m to APP_OPTS
IMPORT_XMX=${IMPORT_XMX:-512m}
BUILD=${BUILD:-auto}                                 # auto | 1 | 0
REUSE_IMPORT=${REUSE_IMPORT:-0}                      # 1: keep a finished import of the same corpus
PEER_RELOAD=${PEER_RELOAD:-0}                        # 1: reload PostgreSQL even when it holds SIZE articles
QUESTIONS=${QUESTIONS:-1 2 3 4}
REPS=${REPS:-3}; WARMUP=${WARMUP:-5}; FIRST_WARMUP=${FIRST_WARMUP:-10}; DURATION=${DURATION:-20}
THREADS=${THREADS:-2}; CONNS=${CONNS:-16}; WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
FLOOR=${FLOOR:-1}; FLOOR_T=${FLOOR_T:-15}
JAVA=${JAVA:-java}                                   # the java that runs our app and its import (e.g. a JDK 25 for AOT)
AOT=${AOT:-auto}                                     # auto | 1 (required) | 0: use target/quarkus-app/app.aot
EXECUTED=${EXECUTED:-1}                              # 1: also measure ours with every request executed (Cache-Control: no-cache)
STARTS=${STARTS:-3}
KEEP=${KEEP:-0}                                      # 1: leave our app, PostGraphile and PostgreSQL running
# H2 reuses a statement's last result when the same SQL with the same parameters runs again on the same
# connection and no table changed: a benchmark repeating one question measures that cache, not the query.
# H2_RESULT_REUSE=0 turns it off (QUERY_CACHE_SIZE=0 on our JDBC URL), as under varied questions or writes.
H2_RESULT_REUSE=${H2_RESULT_REUSE:-1}
Q4_URL=https://northern-post.example/2022/05/0012345   # article 12345 of the corpus (the peer's q4.vars.json)
PG_URL=postgres://bench@127.0.0.1:55432/atlas        # pg.sh's cluster; PostGraphile on 5055 (peer.sh)
PEER_PORT=5055
PEER5_PORT=5056                                      # PostGraphile 5 (v5/peer5.sh), same database
[ -z "$XMX" ] || APP_OPTS="${APP_OPTS:+$APP_OPTS }-Xmx$XMX"

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK" && WORK=$(cd "$WORK" && pwd)          # absolute: our app starts in the jar's folder
RUN=$WORK/results/$SIZE-$STAMP
mkdir -p "$RUN"
RES=$RUN/summary.txt
TMP=$RUN/tmp; mkdir -p "$TMP"
load1() { cut -d' ' -f1 /proc/loadavg; }
say() { echo "[$(date +%H:%M:%S) load $(load1)] $*" | tee -a "$RUN/log" >&2; }
die() { say "ERROR: $*"; exit 1; }
report() { python3 "$LOAD/report.py" "$@"; }
listening() { ss -ltnH "sport = :$1" | grep -q .; }
START_UPTIME=$(uptime | sed 's/^ *//')

# ---------- prerequisites: fail before anything starts ----------
for tool in java python3 curl ss awk; do
  command -v $tool >/dev/null || die "$tool is needed (Debian: apt-get install openjdk-17-jre-headless python3 curl iproute2 gawk)"
done
command -v wrk >/dev/null || die "wrk is needed: apt-get install wrk"
for f in gen.py countries.tsv procmem.py load/report.py load/post.lua; do [ -f "$BENCH/$f" ] || die "$BENCH/$f missing"; done
for q in $QUESTIONS; do
  case "$q" in 1|2|3|4) ;; *) die "QUESTIONS: $q is not one of 1 2 3 4" ;; esac
done
if listening "$PORT"; then die "port $PORT is taken: PORT=... bench/load-bench.sh"; fi
if listening "$MANAGEMENT_PORT"; then die "port $MANAGEMENT_PORT is taken: MANAGEMENT_PORT=... bench/load-bench.sh"; fi

# the peer is optional under PEER=auto: decide now, so a missing tool does not stop the run halfway
RUN_PEER=0
if [ "$PEER" != 0 ]; then
  why=""
  if [ ! -f "$PEER_DIR/pg.sh" ]; then why="peer kit not found at $PEER_DIR (set PEER_DIR=...)"
  elif [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then why="PostgreSQL 15 missing (apt-get install postgresql-15)"
  else
    for t in node npm psql pgbench; do
      command -v $t >/dev/null || { why="$t missing (apt-get install nodejs npm postgresql-client-15)"; break; }
    done
  fi
  if [ -n "$why" ]; then
    [ "$PEER" = 1 ] && die "PEER=1 but $why"
    say "peer skipped: $why"
  else
    RUN_PEER=1
    # another benchmark's PostgreSQL or PostGraphile would share the ports and the cores
    if listening "$PEER_PORT"; then die "127.0.0.1:$PEER_PORT is taken (another peer.sh running? stop it, or PEER=0)"; fi
    if listening 55432 && ! PGROOT=$PG_ROOT "$PEER_DIR/pg.sh" status >/dev/null 2>&1; then
      die "port 55432 is taken by another PostgreSQL (another pg.sh cluster? stop it, or PEER=0)"
    fi
  fi
fi
# PostGraphile 5 runs on the v4 peer's database; its package.json brings the Node 22 it needs
RUN_PEER5=0
if [ "$PEER5" != 0 ]; then
  why=""
  if [ "$RUN_PEER" != 1 ]; then why="it needs the peer's PostgreSQL (PEER=0 or the peer skipped)"
  elif [ ! -f "$PEER_DIR/v5/peer5.sh" ]; then why="no v5/peer5.sh in $PEER_DIR"
  elif listening "$PEER5_PORT"; then die "127.0.0.1:$PEER5_PORT is taken (another v5/peer5.sh running? stop it, or PEER5=0)"
  else RUN_PEER5=1; fi
  if [ -n "$why" ]; then
    [ "$PEER5" = 1 ] && die "PEER5=1 but $why"
    say "PostGraphile 5 skipped: $why"
  fi
fi

# ---------- clean-up of whatever this run started ----------
APP_PID=""; PEER_STARTED=0; PEER5_STARTED=0; PG_STARTED=0; WATCH_PIDS=()
P=$WORK/peer                                         # the peer kit's copy
peer_sh() { (cd "$P" && PGROOT=$PG_ROOT PEER_PIDFILE=$WORK/postgraphile.pid PEER_LOG=$RUN/postgraphile.log "$@"); }
peer5_sh() { PEER5_PORT=$PEER5_PORT PEER5_PIDFILE=$WORK/postgraphile5.pid PEER5_LOG=$RUN/postgraphile5.log "$P/v5/peer5.sh" "$@"; }
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() {
  for p in "${WATCH_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ "$KEEP" = 1 ]; then say "KEEP=1: left running: ours ${APP_PID:-none}, peer $PEER_STARTED, peer 5 $PEER5_STARTED, postgres $PG_STARTED"; return; fi
  stop_app
  if [ "$PEER_STARTED" = 1 ]; then peer_sh ./peer.sh stop >/dev/null 2>&1 || true; fi
  if [ "$PEER5_STARTED" = 1 ]; then peer5_sh stop >/dev/null 2>&1 || true; fi
  if [ "$PG_STARTED" = 1 ]; then peer_sh ./pg.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "run $RUN: SIZE=$SIZE articles, $(nproc) cores; $START_UPTIME"

# ---------- 1. build ----------
need_build=0
case "$BUILD" in
  1) need_build=1 ;;
  0) ;;
  *) # an APP_JAR given by the user is taken as it is
     if [ "$APP_JAR" = "$DEFAULT_JAR" ]; then
       if [ ! -f "$APP_JAR" ]; then need_build=1
       elif [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$APP_JAR" -type f -print -quit)" ]; then need_build=1; fi
     fi ;;
esac
if [ "$need_build" = 1 ]; then
  say "building: ./mvnw -q -B package -DskipTests"
  ./mvnw -q -B package -DskipTests >"$RUN/build.log" 2>&1 || { tail -40 "$RUN/build.log" >&2; die "build failed (log: $RUN/build.log)"; }
fi
[ -f "$APP_JAR" ] || die "$APP_JAR missing (BUILD=$BUILD)"
# what the served app gets: without -Xmx the JVM takes 1/4 of the machine's RAM as its limit
# shellcheck disable=SC2086
# AOT=auto: a JDK 25 AOT cache next to the jar (./mvnw verify -Dquarkus.package.jar.aot.enabled=true) is used
# when $JAVA can read it; the cache records the class path as seen from the jar's folder, so ours starts there
APP_DIR=$(cd "$(dirname "$APP_JAR")" && pwd)
if [ "$AOT" != 0 ] && [ -f "$APP_DIR/app.aot" ] && "$JAVA" -XX:AOTCache="$APP_DIR/app.aot" -version >/dev/null 2>&1; then
  APP_OPTS="$APP_OPTS -XX:AOTCache=app.aot"
elif [ "$AOT" = 1 ]; then die "AOT=1 but no usable $APP_DIR/app.aot for $("$JAVA" -version 2>&1 | head -1)"; fi
MAX_HEAP=$(cd "$APP_DIR" && "$JAVA" $APP_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {printf "%.0f MiB", $4/1048576}')
[ -n "$MAX_HEAP" ] || die "java rejects APP_OPTS='$APP_OPTS'"
say "served app: java ${APP_OPTS:-(no options)} -jar $APP_JAR: max heap $MAX_HEAP$(case "$APP_OPTS" in *-Xmx*) ;; *) echo " (JVM default, 1/4 of RAM; XMX=... to cap it)" ;; esac)"

# ---------- 2. corpus ----------
GEN_SUM=$(cat "$BENCH/gen.py" "$BENCH/countries.tsv" | sha1sum | cut -c1-8)
CORPUS=$WORK/corpus-$SIZE-$GEN_SUM.jsonl             # named by the generator's checksum: a changed gen.py regenerates
if [ ! -s "$CORPUS" ]; then
  say "generating $CORPUS"
  python3 "$BENCH/gen.py" --articles "$SIZE" >"$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS"
fi
CLAIMS=$(report claims "$CORPUS")
say "corpus: $SIZE articles, $CLAIMS claims, $(du -mL "$CORPUS" | cut -f1) MB"

# ---------- 3. import ----------
DATA=$WORK/data-$SIZE
MARK=$DATA/.imported-$(basename "$CORPUS" .jsonl)
if [ "$REUSE_IMPORT" = 1 ] && [ -f "$MARK" ]; then
  say "REUSE_IMPORT=1: keeping $DATA"
  IMPORT_LINE="(reused: $(cat "$MARK"))"
else
  rm -rf "$DATA"; mkdir -p "$DATA"
  say "importing into $DATA: java -Xmx$IMPORT_XMX -jar $(basename "$APP_JAR") import (corpus)"
  t0=$(date +%s%N)
  "$JAVA" -Xmx"$IMPORT_XMX" -Xlog:gc:file="$RUN/import-gc.log" -Datlas.data-dir="$DATA" -jar "$APP_JAR" import "$CORPUS" >"$RUN/import.log" 2>&1 &
  ipid=$!
  python3 "$BENCH/procmem.py" "$RUN/import-mem" import="$ipid" & WATCH_PIDS+=($!); iw=$!
  rc=0; wait "$ipid" || rc=$?
  t1=$(date +%s%N)
  wait "$iw" 2>/dev/null || true                     # procmem.py ends when the import has exited
  [ "$rc" = 0 ] || { tail -30 "$RUN/import.log" >&2; die "import exited with $rc"; }
  mem=$(cat "$RUN/import-mem.summary")
  memv() { echo "$mem" | grep -o "$1=[0-9]*" | cut -d= -f2 | paste -sd/; }
  IMPORT_LINE="$(grep -o 'Imported .*' "$RUN/import.log" | tail -1); wall $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b-a)/1e9}') s with JVM start"
  IMPORT_LINE="$IMPORT_LINE; -Xmx$IMPORT_XMX: $(memv peak_rss_mib) MiB peak RSS (VmHWM $(memv max_vmhwm_mib) MiB), RSS largest per quarter $(memv 'rss_q[1-4]_mib') MiB"
  IMPORT_LINE="$IMPORT_LINE; $(report gc-heap "$RUN/import-gc.log"); database $(du -sm "$DATA" | cut -f1) MB"
  echo "$IMPORT_LINE" >"$MARK"
  say "import: $IMPORT_LINE"
fi

# ---------- 4. our app: startup time to first answer, then its answers ----------
URL=http://127.0.0.1:$PORT/graphql
JDBC_OPT=""
# the application.properties URL plus QUERY_CACHE_SIZE=0 (keep in step with src/main/resources/application.properties)
[ "$H2_RESULT_REUSE" = 1 ] || JDBC_OPT="-Dquarkus.datasource.jdbc.url=jdbc:h2:file:$DATA/atlas;WRITE_DELAY=0;LOCK_TIMEOUT=20000;QUERY_CACHE_SIZE=0"
start_app() {  # start_app LOGFILE: sets APP_PID and START_MS (launch to first GraphQL answer)
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$APP_DIR" && exec "$JAVA" $APP_OPTS $JDBC_OPT -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" -Datlas.data-dir="$DATA" \
    -jar "$(basename "$APP_JAR")") >"$1" 2>&1 &
  APP_PID=$!
  # poll every 20 ms (2 minutes at most): the figure is the time a client waits
  for _ in $(seq 1 6000); do
    if curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{__typename}"}' "$URL" 2>/dev/null; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$1" >&2; die "our app exited during startup (log: $1)"; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  START_MS=$(( (t1 - t0) / 1000000 ))
}
STARTUPS=(); QSTART=()
for s in $(seq 1 "$STARTS"); do
  start_app "$RUN/app-start$s.log"
  STARTUPS+=("$START_MS")
  QSTART+=("$(grep -o 'started in [0-9.]*s' "$RUN/app-start$s.log" | grep -o '[0-9.]\+s' || echo '?')")
  say "start $s: first answer after $START_MS ms (Quarkus: started in ${QSTART[-1]})"
  [ "$s" = "$STARTS" ] || stop_app
done
python3 "$BENCH/procmem.py" "$RUN/app-mem" ours="$APP_PID" & WATCH_PIDS+=($!); APP_WATCH=$!
IDLE_RSS=$(( $(awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 ))

# the request bodies; Q4's id is ours for the corpus's article 12345, found through GraphQL
for q in $QUESTIONS; do
  [ "$q" = 4 ] && continue
  report body "$LOAD/q$q.graphql" "$LOAD/q$q.vars.json" >"$TMP/ours-body$q.json"
done
if [[ " $QUESTIONS " == *" 4 "* ]]; then
  if report q4-id "$CORPUS" "$URL" "$Q4_URL" >"$TMP/q4.vars.json" 2>"$TMP/q4-lookup.err"; then
    say "Q4: our id of $Q4_URL is $(cat "$TMP/q4.vars.json")"
    report body "$LOAD/q4.graphql" "$TMP/q4.vars.json" >"$TMP/ours-body4.json"
  else
    say "Q4 skipped: $(tail -1 "$TMP/q4-lookup.err")"; QUESTIONS=$(echo "$QUESTIONS" | tr ' ' '\n' | grep -v '^4$' | paste -sd' ')
  fi
fi
[ -n "$QUESTIONS" ] || die "no question left to measure"
# the first answer to a real question after start-up (cold caches, JIT not warmed): before the check asks it
t0=$(date +%s%N)
curl -sS -o /dev/null -H 'content-type: application/json' --data-binary @"$TMP/ours-body${QUESTIONS%% *}.json" "$URL" || die "no answer from $URL"
COLD_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
report check "$URL" "$TMP" "$CORPUS" "$Q4_URL" "$QUESTIONS" 2>&1 | tee -a "$RUN/log" >&2 || die "our answers are wrong"
if [ -d "$PEER_DIR" ]; then   # the kit carries the same questions in our contract: say when they drift apart
  for q in 1 2 3 4; do
    for f in "q$q.graphql" "q$q.vars.json"; do
      [ -f "$PEER_DIR/ours-$f" ] && [ -f "$LOAD/$f" ] && ! cmp -s "$PEER_DIR/ours-$f" "$LOAD/$f" \
        && say "note: $PEER_DIR/ours-$f differs from bench/load/$f (this script runs the latter)"
    done
  done
fi

# ---------- 5. the peer ----------
if [ "$RUN_PEER" = 1 ]; then
  mkdir -p "$P"
  cp -r "$PEER_DIR"/. "$P"/ && chmod -R u+w "$P"        # shared/ is read-only: work on a copy (keeps node_modules)
  mkdir -p "$P/data"
  if [ ! -d "$P/node_modules/postgraphile" ]; then
    say "peer: npm install (package.json pins exact versions; .npmrc: no lock file)"
    peer_sh npm install --no-audit --no-fund >"$RUN/npm.log" 2>&1 || { tail -20 "$RUN/npm.log" >&2; die "npm install failed"; }
  fi
  if peer_sh ./pg.sh status >/dev/null 2>&1; then say "peer: PostgreSQL in $PG_ROOT already running (left running at the end)"
  else
    # a client's ephemeral port can hold 55432 for a moment ("Address already in use"): retry
    for attempt in 1 2 3 4 5; do
      if peer_sh ./pg.sh start >>"$RUN/log" 2>&1; then PG_STARTED=1; break; fi
      say "peer: pg.sh start failed (attempt $attempt): $(tail -3 "$PG_ROOT/server.log" 2>/dev/null | grep -o 'FATAL.*\|could not bind.*' | head -1)"; sleep 2
    done
    [ "$PG_STARTED" = 1 ] || die "PostgreSQL did not start: see $PG_ROOT/server.log"
    say "peer: PostgreSQL up in $PG_ROOT (pid $(peer_sh ./pg.sh pid))"
  fi
  have=$(peer_sh ./pg.sh psql -qtAc "select count(*) from article" 2>/dev/null || echo 0)
  if [ "$PEER_RELOAD" = 1 ] || [ "$have" != "$SIZE" ]; then
    say "peer: load.py ($have articles in PostgreSQL, want $SIZE)"
    peer_sh python3 load.py "$CORPUS" 2>&1 | tee -a "$RUN/log" >&2
  else say "peer: PostgreSQL already holds the $SIZE articles"; fi
  peer_sh ./peer.sh start | tee -a "$RUN/log" >&2; PEER_STARTED=1
  PEER_URL=http://127.0.0.1:$PEER_PORT/graphql
  if [ "$SIZE" -ge 12345 ]; then                    # check.py asks for article 12345
    peer_sh python3 check.py "$PEER_URL" >"$RUN/peer-check.txt" 2>&1 || { cat "$RUN/peer-check.txt" >&2; die "peer check.py failed"; }
    say "peer: check.py $(grep -c '^ok' "$RUN/peer-check.txt") ok"
  fi
  for q in $QUESTIONS; do report body "$P/q$q.graphql" "$P/q$q.vars.json" >"$TMP/peer-body$q.json"; done
  PEER_PID=$(peer_sh ./peer.sh pid); PG_PID=$(peer_sh ./pg.sh pid)
  PEERS_LINE="PostGraphile $(node -p "require('$P/node_modules/postgraphile/package.json').version") (node $(node --version)) on :$PEER_PORT"
fi
if [ "$RUN_PEER5" = 1 ]; then
  if [ ! -d "$P/v5/node_modules/postgraphile" ] || [ ! -x "$P/v5/node_modules/.bin/node" ]; then
    say "PostGraphile 5: npm install in $P/v5 (package.json pins exact versions and brings Node 22)"
    (cd "$P/v5" && npm install --no-audit --no-fund) >"$RUN/npm5.log" 2>&1 || { tail -20 "$RUN/npm5.log" >&2; die "npm install of v5 failed"; }
  fi
  peer5_sh start | tee -a "$RUN/log" >&2; PEER5_STARTED=1
  PEER5_URL=http://127.0.0.1:$PEER5_PORT/graphql
  if [ "$SIZE" -ge 12345 ]; then                    # v5's questions: the SQL floors' answers, and the same JSON as v4's
    (cd "$P" && PREFIX=v5/q REF_URL=$PEER_URL python3 check.py "$PEER5_URL") >"$RUN/peer5-check.txt" 2>&1 \
      || { cat "$RUN/peer5-check.txt" >&2; die "PostGraphile 5: check.py failed"; }
    say "PostGraphile 5: check.py $(grep -c '^ok' "$RUN/peer5-check.txt") ok (answers equal the floors' and v4's)"
  fi
  for q in $QUESTIONS; do report body "$P/v5/q$q.graphql" "$P/v5/q$q.vars.json" >"$TMP/peer5-body$q.json"; done
  PEER5_PID=$(peer5_sh pid)
  PEERS_LINE="$PEERS_LINE; PostGraphile $(node -p "require('$P/v5/node_modules/postgraphile/package.json').version") (node $("$P/v5/node_modules/.bin/node" --version)) on :$PEER5_PORT"
fi
if [ "$RUN_PEER" = 1 ]; then
  python3 "$BENCH/procmem.py" "$RUN/peer-mem" postgraphile="$PEER_PID" \
    ${PEER5_PID:+postgraphile5="$PEER5_PID"} postgres="$PG_PID" & WATCH_PIDS+=($!); PEER_WATCH=$!
fi

# ---------- 6. measurements ----------
metric() {  # sum of a Prometheus series of ours, by name and label filter (0 when absent)
  curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk -v name="$1" -v label="$2" \
    'index($0, name) == 1 && (label == "" || index($0, label)) {s += $NF} END {printf "%.6f", s}'
}
# CPU used on the machine (jiffies, all cores) and by process trees: what the benchmark's own
# processes did not use was taken by something else (other builds on a shared machine)
busy_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
children_jiffies() {  # CPU of this shell's finished children (wrk): times >FILE runs in this shell, never in $(...)
  tail -1 "$1" | awk -v hz="$(getconf CLK_TCK)" '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } printf "%.0f", s * hz }'
}
run_wrk() {  # run_wrk LABEL URL BODY Q REP WARMUP_S SERVER_PIDS...
  local label=$1 url=$2 body=$3 q=$4 r=$5 w=$6 ld line bad b0 b1 s0 s1 k0 k1 other c0 nc=0 ours=1
  shift 6
  [ "$label" = executed ] && nc=1   # ours with Cache-Control: no-cache
  case "$label" in peer*) ours=0 ;; esac
  export NO_CACHE=$nc
  [ "$ours" = 0 ] || c0=$(ours_counters)
  BODY_FILE=$body wrk -t"$THREADS" -c"$CONNS" -d"${w}s" --timeout "$WRK_TIMEOUT" -s "$LOAD/post.lua" "$url" >"$TMP/$label-warm$q.$r" 2>&1 || true
  ld=$(load1)
  times >"$TMP/times0"; s0=$(report cpu "$@"); b0=$(busy_jiffies)
  BODY_FILE=$body wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout "$WRK_TIMEOUT" --latency -s "$LOAD/post.lua" "$url" >"$TMP/$label-wrk$q.$r" 2>&1 || true
  b1=$(busy_jiffies); s1=$(report cpu "$@"); times >"$TMP/times1"
  k0=$(children_jiffies "$TMP/times0"); k1=$(children_jiffies "$TMP/times1")
  other=$(awk -v b="$((b1 - b0))" -v s="$((s1 - s0))" -v k="$((k1 - k0))" -v hz="$(getconf CLK_TCK)" -v d="$DURATION" \
    'BEGIN {o = (b - s - k) / hz / d; if (o < 0) o = 0; printf "server_cores=%.2f wrk_cores=%.2f other_cores=%.2f", s / hz / d, k / hz / d, o}')
  line=$(grep '^RESULT' "$TMP/$label-wrk$q.$r" || { cat "$TMP/$label-wrk$q.$r" >&2; echo "RESULT rps=0 p50_ms=0 p99_ms=0 errors=-1 non200=0 sockerr=0"; })
  # warm-up included: a failure there is as wrong as one in the measured run
  bad=$(echo "$line $(grep '^RESULT' "$TMP/$label-warm$q.$r" || true)" | grep -o -E '(errors|non200|sockerr)=(-1|[1-9][0-9]*)' | paste -sd' ' || true)
  echo "q$q rep$r $label $line load1=$ld $other${bad:+ BAD $bad}" | tee -a "$RUN/raw.txt" >&2
  # per request, from /q/metrics over warm-up and measured run: SQL statements, server time, CPU of our process
  [ "$ours" = 0 ] || echo "q$q rep$r $label-server $(echo "$c0 $(ours_counters)" | awk '{d = $6 - $2; if (d < 1) d = 1;
    printf "requests=%d stmts_per_req=%.2f server_mean_ms=%.2f cpu_ms_per_req=%.2f", $6 - $2, ($5 - $1) / d, 1000 * ($7 - $3) / d, ($8 - $4) / 1e6 / d}')" \
    | tee -a "$RUN/raw.txt" >&2
  if [ -n "$bad" ]; then
    say "q$q $label: failed responses ($bad); one answer:"
    curl -s --max-time 30 -H 'content-type: application/json' --data-binary @"$body" "$url" >"$TMP/$label-bad$q.$r" 2>&1 || true
    head -c 600 "$TMP/$label-bad$q.$r" | tee -a "$RUN/log" >&2; echo >&2
  fi
}
run_floor() {  # run_floor Q REP
  local q=$1 r=$2 tps fail pct
  rm -f "$TMP"/pgb.*
  # -M prepared: PostGraphile (node-postgres) prepares its statements too
  if ! pgbench -n -M prepared -c 16 -j 2 -T "$FLOOR_T" -f "$P/q$q.sql" -l --log-prefix="$TMP/pgb" "$PG_URL" >"$TMP/pgb$q.$r" 2>&1; then
    cat "$TMP/pgb$q.$r" >&2; echo "q$q rep$r floor RESULT tps=0 BAD pgbench" | tee -a "$RUN/raw.txt" >&2; return
  fi
  tps=$(grep -o 'tps = [0-9.]*' "$TMP/pgb$q.$r" | head -1 | cut -d' ' -f3)
  fail=$(grep -o 'failed: [0-9]*' "$TMP/pgb$q.$r" | cut -d' ' -f2 || true)
  # p50/p99 from the per-transaction log (3rd field: latency in µs)
  pct=$(cat "$TMP"/pgb.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "p50_ms=%.3f p99_ms=%.3f", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')
  echo "q$q rep$r floor RESULT tps=$tps $pct load1=$(load1)${fail:+$( [ "$fail" = 0 ] || echo " BAD failed=$fail")}" | tee -a "$RUN/raw.txt" >&2
  rm -f "$TMP"/pgb.*
}

: >"$RUN/raw.txt"
say "measuring: questions $QUESTIONS, $REPS reps, wrk -t$THREADS -c$CONNS ${DURATION}s after ${FIRST_WARMUP}s (first) / ${WARMUP}s warm-up; floor pgbench -c16 -j2 -T$FLOOR_T -M prepared"
ours_counters() {
  echo "$(metric hibernate_statements_total 'status="prepared"') $(metric http_server_requests_seconds_count 'uri="/graphql"')" \
       "$(metric http_server_requests_seconds_sum 'uri="/graphql"') $(metric process_cpu_time_ns_total '')"
}
for q in $QUESTIONS; do
  # ours (as shipped: repeated questions come from the response cache), ours with every request
  # executed, PostGraphile 4 and 5, interleaved per repetition: a noisy minute hits all of them
  for r in $(seq 1 "$REPS"); do
    w=$WARMUP; [ "$r" = 1 ] && w=$FIRST_WARMUP
    run_wrk ours "$URL" "$TMP/ours-body$q.json" "$q" "$r" "$w" "$APP_PID"
    [ "$EXECUTED" = 1 ] && run_wrk executed "$URL" "$TMP/ours-body$q.json" "$q" "$r" "$w" "$APP_PID"
    if [ "$RUN_PEER" = 1 ]; then
      run_wrk peer "$PEER_URL" "$TMP/peer-body$q.json" "$q" "$r" "$w" "$PEER_PID" "$PG_PID"
      [ "$RUN_PEER5" = 1 ] && run_wrk peer5 "$PEER5_URL" "$TMP/peer5-body$q.json" "$q" "$r" "$w" "$PEER5_PID" "$PG_PID"
      [ "$FLOOR" = 1 ] && run_floor "$q" "$r"
    fi
  done
done
kill "$APP_WATCH" 2>/dev/null || true; wait "$APP_WATCH" 2>/dev/null || true
APP_HWM=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$APP_PID/status") / 1024 ))
if [ "$RUN_PEER" = 1 ]; then kill "$PEER_WATCH" 2>/dev/null || true; wait "$PEER_WATCH" 2>/dev/null || true; fi
END_UPTIME=$(uptime | sed 's/^ *//')

# ---------- 7. report ----------
{
  echo "ours, as shipped (a repeated question is answered from the response cache until the next write):"
  report table "$RUN/raw.txt" "$QUESTIONS" "$RUN_PEER" "$FLOOR" ours
  if [ "$EXECUTED" = 1 ]; then
    echo; echo "ours, every request executed (Cache-Control: no-cache):"
    report table "$RUN/raw.txt" "$QUESTIONS" "$RUN_PEER" "$FLOOR" executed
  fi
} >"$TMP/table.txt"
median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
APP_MEM=$(cat "$RUN/app-mem.summary")
{
  echo "# Allegation Atlas load benchmark, SIZE=$SIZE articles ($CLAIMS claims in the corpus), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo "# wrk -t$THREADS -c$CONNS --timeout $WRK_TIMEOUT: ${DURATION}s measured after a ${FIRST_WARMUP}s (first rep) / ${WARMUP}s warm-up, $REPS reps, $( [ "$RUN_PEER" = 1 ] && echo "ours and peers interleaved" || echo 'ours only (no peer)');"
  echo "# req/s: median (min-max) of $REPS; p50/p99: medians of the runs' p50 and p99$( [ "$RUN_PEER" = 1 ] && [ "$FLOOR" = 1 ] && echo "; floor: pgbench -c16 -j2 -T$FLOOR_T -M prepared on the peer's qN.sql")"
  [ "$RUN_PEER" = 1 ] && echo "# peers over PostgreSQL 15 (the kit's pg.sh): $PEERS_LINE"
  echo "# ours: $(basename "$APP_JAR") ${APP_OPTS:+($APP_OPTS) }on 127.0.0.1:$PORT, JVM max heap $MAX_HEAP; $("$JAVA" -version 2>&1 | head -1); H2 result reuse $( [ "$H2_RESULT_REUSE" = 1 ] && echo 'on (as shipped)' || echo 'OFF (QUERY_CACHE_SIZE=0)')"
  echo
  cat "$TMP/table.txt"
  echo "load at the start: $(echo "$START_UPTIME" | grep -o 'load average.*'); at the end: $(echo "$END_UPTIME" | grep -o 'load average.*')"
  echo
  echo "ours, startup to first GraphQL answer: median $(median_of "${STARTUPS[@]}") ms of $STARTS starts (${STARTUPS[*]} ms; Quarkus 'started in' ${QSTART[*]}); first Q${QUESTIONS%% *} answer after start-up: $COLD_MS ms"
  echo "ours, resident memory: peak $APP_HWM MiB (VmHWM, whole run), sampled peak $(echo "$APP_MEM" | grep -o 'peak_rss_mib=[0-9]*' | cut -d= -f2) MiB, $IDLE_RSS MiB idle after start-up"
  if [ "$RUN_PEER" = 1 ]; then
    echo "peer, memory: $(awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
      printf "%s%s peak PSS %s MiB (tree of %s processes, largest VmHWM %s MiB)", (NR > 1 ? "; " : ""), $1, v["peak_pss_mib"], v["processes"], v["max_vmhwm_mib"]}' "$RUN/peer-mem.summary")"
  fi
  echo "ours, import: $IMPORT_LINE"
  echo
  echo "targets: Q1/Q3 p99 < 20 ms at $CONNS connections; resident memory < 512 MB under load; startup < 2 s to first answer; import of 20,000 articles < 60 s with memory flat"
  echo "raw runs: $RUN/raw.txt; logs: $RUN"
} | tee "$RES"
