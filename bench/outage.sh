#!/usr/bin/env bash
# Database outage under load. A throwaway PostgreSQL 15 cluster (port $PG_PORT, default 55432) and the production
# jar (port $APP_PORT, default 18190) with the demo content; logged-in users post comments through the JSON API
# while readers load pages. Then PostgreSQL is stopped the hard way (pg_ctl stop -m immediate) for $DOWN seconds
# and started again. Checks:
#   - while it is down, every request gets the friendly 503 (page or JSON, with Retry-After) within a second;
#   - /q/health/ready says DOWN;
#   - after it is back, pages and comment posts work again within 5 s, without restarting the app;
#   - every comment that got a 2xx answer is in the database exactly once.
# Usage: bench/outage.sh [writers] [down-seconds]        (KEEP_WORK=1 keeps the logs and data in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
trap cleanup EXIT
WRITERS=${1:-8}
DOWN=${2:-10}
ARTICLE=quillstore-5-adds-native-vector-search

jar_build
log "PostgreSQL 15 cluster in $PG_DIR, port $PG_PORT"
pg_init
log "Starting the app on $BASE (migrations and demo content)"
app_start
log "ready after $(app_wait_ready 180) ms"
make_users "$WRITERS"
USERS=$(seq -s, -f 'res%g' 1 "$WRITERS")

log "Load: $WRITERS writers + 2 readers; PostgreSQL stops after 15 s, for $DOWN s"
python3 bench/resilience.py outage --base "$BASE" --users "$USERS" --password bench-password-1 --article "$ARTICLE" \
  --out "$WORK" --warm 15 --down "$DOWN" --after 15 \
  --stop "runuser -u postgres -- $PG_BIN/pg_ctl -D $PGDATA_DIR -m immediate -w stop >/dev/null" \
  --start "runuser -u postgres -- $PG_BIN/pg_ctl -D $PGDATA_DIR -l $PG_DIR/postgres.log -w -t 60 -o '-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=100' start >/dev/null" \
  > "$WORK/summary.txt"
cat "$WORK/summary.txt"

# every acknowledged comment exactly once; unacknowledged ones that were stored anyway are "in doubt" (the commit
# reached the server but its answer did not come back), which is allowed
psql_q "create table acked (body text); create table unacked (body text)"
psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -qc "\\copy acked from '$WORK/acked.txt'"
psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -qc "\\copy unacked from '$WORK/unacked.txt'"
MISSING=$(psql_q "select count(*) from acked a where not exists (select 1 from comment c where c.body = a.body)")
TWICE=$(psql_q "select count(*) from (select body from comment where body in (select body from acked union all select body from unacked) group by body having count(*) > 1) d")
IN_DOUBT=$(psql_q "select count(*) from unacked u where exists (select 1 from comment c where c.body = u.body)")
ACKED=$(psql_q "select count(*) from acked")

value() { python3 -c "import json,sys; v=json.load(open('$WORK/summary.json'))['$1']; print('' if v is None else v)"; }
fail=0
check() { # description, condition (shell arithmetic)
  if (( $2 )); then echo "  ok    $1"; else echo "  FAIL  $1"; fail=1; fi
}
SLOWEST=$(value slowest_answer_during_outage_ms); BAD=$(value non_friendly_or_non_503_during_outage)
DURING=$(value requests_during_outage); HDOWN=$(value health_down_after_stop_ms)
HUP=$(value health_not_down_during_outage); RPAGE=$(value recovery_page_ms); RCOMMENT=$(value recovery_comment_ms)
AFTER=$(value failures_after_recovery); HANG=$(value hanging_requests)
echo
echo "== Database outage: results"
check "requests during the outage: $DURING, all friendly 503 with Retry-After (others: $BAD)" "DURING > 0 && BAD == 0"
check "slowest answer during the outage: $SLOWEST ms (limit 1000)" "SLOWEST < 1000"
check "no request left hanging (no answer within 10 s): $HANG" "HANG == 0"
check "readiness DOWN ${HDOWN:-never} ms after pg_ctl stop was called, and DOWN throughout ($HUP exceptions)" "${HDOWN:-99999} < 5000 && HUP == 0"
check "recovered without a restart: pages ${RPAGE:-never} ms, comment posts ${RCOMMENT:-never} ms after PostgreSQL was ready (limit 5000)" "${RPAGE:-99999} <= 5000 && ${RCOMMENT:-99999} <= 5000"
check "no failures once recovered: $AFTER" "AFTER == 0"
check "acknowledged comments in the database: $((ACKED - MISSING)) of $ACKED" "MISSING == 0 && ACKED > 0"
check "comments stored twice: $TWICE" "TWICE == 0"
echo "  info  requests in flight when pg_ctl stop was called: $(value in_flight_at_stop), slowest answered after $(value slowest_in_flight_ms) ms; first 503 $(value first_503_after_stop_ms) ms after the call (pg_ctl took $(value pg_stop_ms) ms)"
echo "  info  unacknowledged comments stored anyway (commit in doubt when the server died): $IN_DOUBT"
if [ $fail = 0 ]; then echo "PASS: database outage"; else echo "FAIL: database outage (logs: KEEP_WORK=1)"; exit 1; fi
