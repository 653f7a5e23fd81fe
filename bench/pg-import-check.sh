#!/usr/bin/env bash
# The command-line import into PostgreSQL tried from outside, as an operator would run it and as a crash would
# stop it (issue 22): two imports at once into one fresh database (different corpora, and the same one twice), one of
# two killed beside the other, an import beside a service and an editor writing through GraphQL, and an import
# killed with SIGKILL at five moments (each held by a lock of the script's own: right after its start, while it drops
# the indexes, mid-batches, while it adds its counts at its end, while it builds the deferred indexes), then repaired
# by a service's start or by the next import. After each step it prints whether the database is whole:
#   counts   the rows of country_claim_counts and country_pair_counts that differ from counting every claim again
#            (V7's own INSERT ... SELECT, as a query): 0 and 0 when every claim is counted once
#   indexes  the claim table's indexes missing against a database migrated without any import
#   left     rows left in uncounted_import and deferred_index
# and ends with PASS or FAIL per scenario (exit code 1 if any failed).
#
#   PGPORT=54350 bench/pg-import-check.sh                      # every scenario: 12:51 min at SIZE=10000 (2 cores)
#   PGPORT=54350 bench/pg-import-check.sh same kill            # some: concurrent, same, killed-beside, service, kill
#
# Needs a running PostgreSQL on 127.0.0.1:$PGPORT that user postgres may use without a password (see .ci/run for a
# private cluster), and the PostgreSQL build: APP (default target/quarkus-app, made with
# ./mvnw -B -q package -DskipTests -Datlas.db-kind=postgresql). WORK: scratch directory (corpora, logs), SIZE: the
# corpora's articles (default 5000; bench/gen.py with seeds 1 and 2, which share 8 urls at 10,000: those articles
# are replaced by whichever import stores them last), SERVICE_PORT (default 18360, and the next one).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PGPORT:-54350}
app=${APP:-target/quarkus-app}
work=${WORK:-$(mktemp -d)}
size=${SIZE:-5000}
mkdir -p "$work"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT # no JVM or lock holder of ours left behind if a step fails
[ -f "$app/quarkus-run.jar" ] || { echo "no $app/quarkus-run.jar: build it with -Datlas.db-kind=postgresql" >&2; exit 2; }

psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
fresh() { psql_ -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"; }
url() { echo "jdbc:postgresql://127.0.0.1:$port/$1"; }
# the packaged app on database $1 (the rest: its arguments)
atlas() {
  (
    export QUARKUS_DATASOURCE_JDBC_URL=$(url "$1") QUARKUS_DATASOURCE_USERNAME=postgres
    shift
    exec java -Xmx512m -jar "$app/quarkus-run.jar" "$@"
  )
}
atlas_in_background() { # the same, to run with &: the subshell becomes the JVM, so $! is the pid that kill -9 must stop
  local db=$1
  shift
  QUARKUS_DATASOURCE_JDBC_URL=$(url "$db") QUARKUS_DATASOURCE_USERNAME=postgres exec java -Xmx512m -jar "$app/quarkus-run.jar" "$@"
}

corpus() { # seed -> file
  local file="$work/corpus-$size-$1.jsonl"
  [ -s "$file" ] || python3 bench/gen.py --articles "$size" --seed "$1" > "$file"
  echo "$file"
}

expected_counts_sql="
with claims as (
  select s.span, c.stance, case s.span when 'A' then 0 when 'Y' then extract(year from c.stated_on)
           else extract(year from c.stated_on) * 100 + extract(month from c.stated_on) end::integer as period,
         c.subject_country, c.claimant_country, c.category, a.language
  from claim c join article a on a.id = c.article_id
  cross join (values ('A'), ('Y'), ('M')) s(span)
  where s.span = 'A' or c.stated_on is not null),
country as (
  select span::char(1) as span, stance, period, role::char(1) as role,
         coalesce(case role when 'S' then subject_country else claimant_country end, '') as country,
         category, language, count(*) as claims
  from claims cross join (values ('S'), ('C')) r(role) group by 1, 2, 3, 4, 5, 6, 7),
pair as (
  select span::char(1) as span, stance, period, claimant_country, subject_country, category, language, count(*) as claims
  from claims where claimant_country is not null and subject_country is not null group by 1, 2, 3, 4, 5, 6, 7)
select (select count(*) from claim), (select count(*) from article),
  (select count(*) from ((select * from country except all select * from country_claim_counts)
                         union all (select * from country_claim_counts except all select * from country)) d),
  (select count(*) from ((select * from pair except all select * from country_pair_counts)
                         union all (select * from country_pair_counts except all select * from pair)) d),
  (select count(*) from uncounted_import), (select count(*) from deferred_index)"

indexes() { psql_ -d "$1" -c "select indexname from pg_indexes where tablename = 'claim' order by 1"; }

reference_indexes=
# prints the state of database $1 and returns 1 unless it is whole (label $2)
check() {
  local db=$1 label=$2 state missing
  state=$(psql_ -d "$db" -F ' ' -c "$expected_counts_sql")
  read -r claims articles country_diff pair_diff uncounted deferred <<<"$state"
  missing=$(comm -23 <(echo "$reference_indexes") <(indexes "$db") | paste -sd, -)
  printf '  %-44s %6d articles %7d claims; counts off: %d country, %d pair rows; indexes missing: %s; left: %d uncounted_import, %d deferred_index\n' \
    "$label" "$articles" "$claims" "$country_diff" "$pair_diff" "${missing:-none}" "$uncounted" "$deferred"
  [ "$country_diff" = 0 ] && [ "$pair_diff" = 0 ] && [ -z "$missing" ] && [ "$uncounted" = 0 ] && [ "$deferred" = 0 ]
}

results=()
verdict() { # scenario, status
  if [ "$2" = 0 ]; then results+=("PASS  $1"); else results+=("FAIL  $1"); fi
}

# the indexes of a database migrated without any import (export migrates it and writes nothing)
fresh atlas_check_ref
atlas atlas_check_ref export "$work/empty.jsonl" >/dev/null 2>&1
reference_indexes=$(indexes atlas_check_ref)
echo "claim's indexes after migration: $(echo "$reference_indexes" | paste -sd, -)"
a=$(corpus 1)
b=$(corpus 2)
echo "corpora: $a, $b ($size articles each); app: $app"

# Two imports into one fresh database, the second started a second after the first; then both files again.
two_at_once() { # name, first file, second file
  local name=$1 db=atlas_check_$1 ok=0
  fresh "$db"
  echo "== $name: $(basename "$2") and, a second later, $(basename "$3")"
  atlas_in_background "$db" import "$2" >"$work/$name-1.log" 2>&1 &
  local first=$!
  sleep 1
  atlas_in_background "$db" import "$3" >"$work/$name-2.log" 2>&1 &
  local second=$!
  local rc1=0 rc2=0
  wait $first || rc1=$?
  wait $second || rc2=$?
  echo "  exit codes $rc1 and $rc2; their last lines:"
  tail -n 3 "$work/$name-1.log" "$work/$name-2.log" | sed 's/^/    /'
  [ "$rc1" = 0 ] && [ "$rc2" = 0 ] || ok=1
  check "$db" "after both" || ok=1
  # again, one after the other (the urls they share end as the second file has them), then the second once more:
  # that last run changes nothing, claim ids included
  atlas "$db" import "$2" >"$work/$name-3.log" 2>&1 || ok=1
  atlas "$db" import "$3" >"$work/$name-4.log" 2>&1 || ok=1
  check "$db" "after both files again" || ok=1
  local before
  before=$(psql_ -d "$db" -c "select count(*), sum(id), max(id) from claim")
  atlas "$db" import "$3" >"$work/$name-5.log" 2>&1 || ok=1
  [ "$before" = "$(psql_ -d "$db" -c "select count(*), sum(id), max(id) from claim")" ] || { echo "  the claims changed on the re-run"; ok=1; }
  verdict "$name" $ok
}

# Two imports at once into a fresh database, the first killed once it stored a third of its articles: the second,
# ending after it, must leave the database whole (it counts every claim again, and builds what the first deferred).
two_one_killed() {
  local name=killed-beside-another db=atlas_check_killed_beside ok=0
  fresh "$db"
  echo "== $name: $(basename "$a") and, a second later, $(basename "$b"); the first killed mid-batches"
  atlas_in_background "$db" import "$a" >"$work/$name-1.log" 2>&1 &
  local first=$!
  sleep 1
  atlas_in_background "$db" import "$b" >"$work/$name-2.log" 2>&1 &
  local second=$!
  until_true "$db" "select count(*) > $size / 3 from article" 300 || true
  kill -9 $first
  wait $first 2>/dev/null || true
  echo "  first killed at $(psql_ -d "$db" -c "select count(*) from article") articles"
  local rc=0
  wait $second || rc=$?
  echo "  the second's exit code $rc; its last lines:"
  tail -n 3 "$work/$name-2.log" | sed 's/^/    /'
  [ "$rc" = 0 ] || ok=1
  check "$db" "after the second ended" || ok=1
  atlas "$db" import "$a" >"$work/$name-3.log" 2>&1 || ok=1
  check "$db" "after the first run again" || ok=1
  verdict "$name" $ok
}

# An import while a service serves the same database and an editor writes through GraphQL beside it: new articles
# (corpus 2), one of the import's articles replaced and one deleted while the import has not counted them yet, the
# map read all along. Then the database must be whole and the service's map must equal the count tables.
beside_service() {
  local name=beside-service db=atlas_check_service ok=0 service_port=${SERVICE_PORT:-18360}
  fresh "$db"
  echo "== $name: a service on :$service_port, an editor writing through GraphQL, and an import of $(basename "$a")"
  (
    export QUARKUS_DATASOURCE_JDBC_URL=$(url "$db") QUARKUS_DATASOURCE_USERNAME=postgres ATLAS_AUTH_TOKENS=editor:pg-import-check
    exec java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$service_port" -Dquarkus.management.host=127.0.0.1 \
      -Dquarkus.management.port=$((service_port + 1)) -jar "$app/quarkus-run.jar"
  ) >"$work/$name.service.log" 2>&1 &
  local service=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$((service_port + 1))/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  atlas_in_background "$db" import "$a" >"$work/$name.log" 2>&1 &
  local import=$!
  python3 - "$service_port" "$a" "$b" "$import" "$(url "$db")" "$port" <<'PY' || ok=1
import json, os, subprocess, sys, time, urllib.request
port, corpus_a, corpus_b, importer = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def gql(query, variables=None, token="pg-import-check"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", json.dumps({"query": query, "variables": variables or {}}).encode(),
                                     {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.loads(response.read())
    if answer.get("errors"):
        raise SystemExit(f"GraphQL errors: {answer['errors']}")
    return answer["data"]
def sql(query):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", sys.argv[6], "-U", "postgres", "-X", "-A", "-t",
                           "-d", sys.argv[5].rsplit("/", 1)[1], "-c", query], capture_output=True, text=True).stdout.strip()
def alive():
    return os.path.exists(f"/proc/{importer}") and open(f"/proc/{importer}/stat").read().split()[2] != "Z"
a = [json.loads(line) for _, line in zip(range(400), open(corpus_a))]
b = [json.loads(line) for _, line in zip(range(400), open(corpus_b))]
ingest = "mutation($i: ArticleInput!) { ingestArticle(input: $i) { id } }"
written = replaced = deleted = reads = 0
while alive():
    if written < len(b):
        gql(ingest, {"i": b[written]}); written += 1
    gql("{ claimTotals { country { code } asSubject asClaimant } }"); reads += 1
    if not replaced and sql("select count(*) from article where url = '%s'" % a[200]["url"]) == "1":
        gql(ingest, {"i": dict(b[399], url=a[200]["url"])}); replaced = 1  # the import's article, its claims not counted yet
    if not deleted and sql("select count(*) from article where url = '%s'" % a[300]["url"]) == "1":
        article_id = sql("select id from article where url = '%s'" % a[300]["url"])
        assert gql("mutation($id: ID!) { deleteArticle(id: $id) }", {"id": article_id})["deleteArticle"]; deleted = 1
    time.sleep(0.2)
print(f"  editor: {written} articles written, {replaced} of the import's replaced, {deleted} deleted, {reads} map reads, all answered")
if not (replaced and deleted):
    raise SystemExit("  the import ended before the editor replaced and deleted one of its articles")
PY
  local rc=0
  wait $import || rc=$?
  echo "  import exit code $rc: $(tail -n 1 "$work/$name.log")"
  [ "$rc" = 0 ] || ok=1
  check "$db" "after the import" || ok=1
  # the service's map, asked after the import ended, is the count tables' (no answer cached from before)
  local served expected
  served=$(curl -fs "http://127.0.0.1:$service_port/graphql" -H 'Content-Type: application/json' \
    -d '{"query":"{ claimTotals { country { code } asSubject asClaimant } }"}' |
    jq -r '.data.claimTotals[] | "\(.country.code) \(.asSubject) \(.asClaimant)"' | sort)
  expected=$(psql_ -d "$db" -F ' ' -c "select country, coalesce(sum(claims) filter (where role = 'S'), 0),
    coalesce(sum(claims) filter (where role = 'C'), 0) from country_claim_counts where span = 'A' and country <> ''
    group by country order by country" | sort)
  if [ "$served" = "$expected" ]; then echo "  the service's map equals the counts ($(echo "$served" | wc -l) countries)"; else
    echo "  the service's map differs from the counts:"; diff <(echo "$served") <(echo "$expected") | head -5 || true; ok=1; fi
  kill $service
  wait $service 2>/dev/null || true
  verdict "$name" $ok
}

# A session of our own that holds a lock (SQL in $1) until release(): it stops the import at a chosen statement.
hold() { # db, sql
  psql_ -d "$1" -c "set application_name = 'pgcheck-hold'" -c "begin" -c "$2" -c "select pg_sleep(3600)" >/dev/null 2>&1 &
  until [ "$(psql_ -d "$1" -c "select count(*) from pg_stat_activity where application_name = 'pgcheck-hold' and query like '%pg_sleep%'")" = 1 ]; do
    sleep 0.05
  done
}
release() { psql_ -d "$1" -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'pgcheck-hold'" >/dev/null; }
until_true() { # db, sql that returns t when the moment has come, seconds
  local i
  for i in $(seq 1 $(($3 * 20))); do
    [ "$(psql_ -d "$1" -c "$2" 2>/dev/null)" = t ] && return 0
    sleep 0.05
  done
  return 1
}
waiting_on() { # the import's statement waiting for a lock, and what it is
  echo "select exists (select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
        and application_name <> 'pgcheck-hold' and query ilike '%$1%')"
}

# An import of corpus 1 into a fresh database (the seed already loaded by a first start, as on a database that has
# served), killed with SIGKILL at a moment: "at-start" its deferral of the indexes waits on a lock of ours (its row in
# uncounted_import written, nothing stored), "deferring" its drop of the indexes waits (their records written in the
# same transaction), "mid-batches" a third of the articles stored, "counting" its final count waits on the count table
# (its tally copied, in the transaction that adds it), "building-indexes" its deletion of the third index's record
# waits (two indexes built, the third built in the open transaction). Then the next start of a service (repair=start:
# the export command starts the app as a service does, then leaves) or the next import (repair=import) must leave
# the database whole, and the import run again must store every article.
killed() { # moment, repair
  local moment=$1 repair=$2 name="kill-$1-then-$2" db="atlas_check_${1//-/_}_$2" ok=0 total
  fresh "$db"
  atlas "$db" export "$work/$name.seed.jsonl" >/dev/null 2>&1
  total=$(( $(psql_ -d "$db" -c "select count(*) from article") + size ))
  echo "== $name"
  local ready
  case $moment in
  at-start)
    hold "$db" "lock table deferred_index in share mode"
    ready=$(waiting_on "insert into deferred_index") ;;
  deferring)
    hold "$db" "lock table claim in access share mode"
    ready=$(waiting_on "drop index") ;;
  mid-batches)
    ready="select count(*) > $size / 3 from article" ;;
  counting)
    ready="select count(*) = $total from article" ;;
  building-indexes)
    ready="select count(*) > 0 from deferred_index" ;;
  esac
  atlas_in_background "$db" import "$a" >"$work/$name.log" 2>&1 &
  local pid=$!
  if [ "$moment" = counting ]; then # all stored: hold the count table until the import waits on it
    until_true "$db" "$ready" 300 || true
    hold "$db" "lock table country_claim_counts in share mode"
    ready=$(waiting_on "country_claim_counts")
  elif [ "$moment" = building-indexes ]; then # the deferral committed: hold the third record until its build waits
    until_true "$db" "$ready" 120 || true
    hold "$db" "select 1 from deferred_index where name = (select name from deferred_index order by name offset 2 limit 1) for update"
    ready=$(waiting_on "delete from deferred_index")
  fi
  if until_true "$db" "$ready" 300 && kill -0 $pid 2>/dev/null; then
    kill -9 $pid
    wait $pid 2>/dev/null || true
    echo "  killed: $(psql_ -d "$db" -c "select count(*) from article") articles stored, $(psql_ -d "$db" -c "select count(*) from claim") claims"
  else
    echo "  the moment did not come: $(tail -n 2 "$work/$name.log" | tr '\r' '\n' | tail -n 1)"
    kill -9 $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    ok=1
  fi
  release "$db"
  check "$db" "right after the kill" || true
  if [ "$repair" = start ]; then
    atlas "$db" export "$work/$name.export.jsonl" >"$work/$name.repair.log" 2>&1 || ok=1
  else
    atlas "$db" import "$a" >"$work/$name.repair.log" 2>&1 || ok=1
  fi
  check "$db" "after the next $repair" || ok=1
  if [ "$repair" = start ]; then
    atlas "$db" import "$a" >"$work/$name.rerun.log" 2>&1 || ok=1
    check "$db" "after the import run again" || ok=1
  fi
  [ "$(psql_ -d "$db" -c "select count(*) from article")" = "$total" ] || { echo "  not every article is stored"; ok=1; }
  verdict "$name" $ok
}

scenarios=${*:-concurrent same killed-beside service kill}
for scenario in $scenarios; do
  case $scenario in
  concurrent) two_at_once different "$a" "$b" ;;
  same) two_at_once same "$a" "$a" ;;
  killed-beside) two_one_killed ;;
  service) beside_service ;;
  kill)
    for moment in at-start deferring mid-batches counting building-indexes; do
      killed $moment start
      killed $moment import
    done
    ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
done
printf '%s\n' "${results[@]}"
[[ ! " ${results[*]} " =~ FAIL ]]
