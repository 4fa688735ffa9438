#!/usr/bin/env bash
# Crash of the app in the middle of writes. A throwaway PostgreSQL 15 cluster and the production jar with the demo
# content; logged-in users post comments and replies and cast and take back up-votes through the JSON API; the app
# is killed with SIGKILL mid-burst, restarted, and bench/consistency.sql compares every stored counter with the
# rows it counts (and looks for half-written threads). Also: every acknowledged comment is there, every
# acknowledged vote is in the state last acknowledged, and the restarted app takes writes again.
# Usage: bench/crash.sh [rounds] [users]        (KEEP_WORK=1 keeps the logs and data in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
trap cleanup EXIT
ROUNDS=${1:-3}
USERS_N=${2:-8}
ARTICLES=quillstore-5-adds-native-vector-search,wayfarer-browser-blocks-third-party-cookies,passkeys-adoption-stalls-at-account-recovery

fail=0
check() { # description, condition (shell arithmetic)
  if (( $2 )); then echo "  ok    $1"; else echo "  FAIL  $1"; fail=1; fi
}
consistency() { # label -> prints the checks, returns the total number of violations
  psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -v ON_ERROR_STOP=1 -At -F ' | ' -f bench/consistency.sql \
    > "$WORK/consistency-$1.txt"
  sed 's/^/    /' "$WORK/consistency-$1.txt"
  awk -F' [|] ' '{ s += $2 } END { print s + 0 }' "$WORK/consistency-$1.txt" > "$WORK/violations"
}

jar_build
log "PostgreSQL 15 cluster in $PG_DIR, port $PG_PORT"
pg_init
log "Starting the app on $BASE (migrations and demo content)"
app_start
log "ready after $(app_wait_ready 180) ms"
make_users "$USERS_N"
USERS=$(seq -s, -f 'res%g' 1 "$USERS_N")
psql_q "create table acked_comment (id bigint, body text); create table acked_vote (username text, comment_id bigint, up boolean)"

echo "Consistency before any crash:"
consistency baseline
check "baseline consistent ($(cat "$WORK/violations") violations)" "$(cat "$WORK/violations") == 0"

for round in $(seq 1 "$ROUNDS"); do
  kill_after=$(( 4 + RANDOM % 5 ))
  log "Round $round: burst of comments, replies and votes; kill -9 after $kill_after s"
  python3 bench/resilience.py burst --base "$BASE" --users "$USERS" --password bench-password-1 --articles "$ARTICLES" \
    --seconds $(( kill_after + 2 )) --label "crash$round" --out "$WORK" --ready "$WORK/ready-$round" \
    > "$WORK/burst-$round.json" &
  LOAD=$!
  for _ in $(seq 1 600); do [ -e "$WORK/ready-$round" ] || sleep 0.1; done  # users logged in
  sleep "$kill_after"
  stored_before=$(psql_q "select count(*) from comment")
  app_kill9
  log "killed (comments in the database at the kill: $stored_before)"
  wait "$LOAD"
  cat "$WORK/burst-$round.json"
  psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -qc "\\copy acked_comment from '$WORK/crash$round-comments.tsv'"
  psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -qc "\\copy acked_vote from '$WORK/crash$round-votes.tsv'"
  app_start
  log "restarted, ready after $(app_wait_ready 180) ms"
  echo "Consistency after crash $round:"
  consistency "crash$round"
  check "round $round: stored counters match counted rows, no half-written comment ($(cat "$WORK/violations") violations)" \
    "$(cat "$WORK/violations") == 0"
done

MISSING=$(psql_q "select count(*) from acked_comment a where not exists (select 1 from comment c where c.id = a.id and c.body = a.body)")
ACKED=$(psql_q "select count(*) from acked_comment")
VOTES=$(psql_q "select count(*) from acked_vote")
WRONG_VOTES=$(psql_q "select count(*) from acked_vote a join app_user u on u.username = a.username
  where a.up <> exists (select 1 from comment_vote v where v.comment_id = a.comment_id and v.user_id = u.id)")

log "After the crashes: a short burst against the restarted app"
python3 bench/resilience.py burst --base "$BASE" --users "$USERS" --password bench-password-1 --articles "$ARTICLES" \
  --seconds 5 --label after --out "$WORK" > "$WORK/burst-after.json"
cat "$WORK/burst-after.json"
AFTER_OK=$(python3 -c "import json; d=json.load(open('$WORK/burst-after.json')); print(int(d['comments_acknowledged'] > 0 and d['statuses'] and all(200 <= s < 300 for s in d['statuses'])))")
echo "Consistency at the end:"
consistency final

echo
echo "== App crash (kill -9 mid-burst, $ROUNDS rounds): results"
check "acknowledged comments in the database: $((ACKED - MISSING)) of $ACKED" "MISSING == 0 && ACKED > 0"
check "acknowledged votes in their last acknowledged state: $((VOTES - WRONG_VOTES)) of $VOTES" "WRONG_VOTES == 0"
check "the restarted app takes comments and votes, all answered 2xx" "AFTER_OK == 1"
check "consistent at the end ($(cat "$WORK/violations") violations)" "$(cat "$WORK/violations") == 0"
if [ $fail = 0 ]; then echo "PASS: app crash"; else echo "FAIL: app crash (logs: KEEP_WORK=1)"; exit 1; fi
