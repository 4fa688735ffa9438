#!/usr/bin/env bash
# Tribune as a cluster on this machine: a PostgreSQL 15 primary, a streaming replica made with pg_basebackup -R, two
# instances of the production jar (prod profile) reading from the replica, and nginx balancing them — all on
# 127.0.0.1, in a temporary directory. Then the checks of issue 17: a session from one instance works on the other; a
# comment written through one is on the other's reader page within 1 s, and on SSE streams opened on the other and
# through nginx (docs/live.md) within 1 s; rate limits hold across both; kill -9 of one
# instance under read and write load loses no acknowledged write and nginx keeps serving; with replay paused on the
# replica a writer sees their own comment at once and readers have it after resume; with the replica stopped every
# page still answers 200. Without --short it then measures read throughput (1 and 2 instances, with and without
# the replica) with wrk.
# Usage: bench/cluster.sh [--short]      (KEEP_WORK=1 keeps logs and data; needs /usr/lib/postgresql/15/bin, nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
SHORT=0; [ "${1:-}" = "--short" ] && SHORT=1
PG_PORT=${PG_PORT:-18330}
REPLICA_PORT=${REPLICA_PORT:-18331}
APP1_PORT=${APP1_PORT:-18340}
APP2_PORT=${APP2_PORT:-18341}
LB_PORT=${LB_PORT:-18350}
WORK=${WORK:-$(mktemp -d /tmp/tribune-cluster.XXXXXX)}; mkdir -p "$WORK"
. bench/lib.sh
REPLICA_DIR="$PG_DIR/replica"
APP1="http://127.0.0.1:$APP1_PORT"; APP2="http://127.0.0.1:$APP2_PORT"; LB="http://127.0.0.1:$LB_PORT"
declare -A PIDS=()
ARTICLE=year-2038-problem-embedded-systems
ARTICLES=quillstore-5-adds-native-vector-search,corvid-cloud-outage-traced-to-bad-config-push,smart-tvs-acr-tracking-study

[ -x "$PG_BIN/pg_basebackup" ] || { echo "SKIP: PostgreSQL 15 binaries not found in $PG_BIN"; exit 0; }
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light || apt-get install -y -qq nginx; }

fail=0
check() { if (( $2 )); then echo "  ok    $1"; else echo "  FAIL  $1"; fail=1; fi; }
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, d))" "$1" "$2"; }

replica_start() {
  as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$PG_DIR/replica.log" -w -t 60 \
    -o "-p $REPLICA_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c hot_standby=on" start >/dev/null
}
replica_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m immediate -w stop >/dev/null 2>&1 || true; }
replica_sql() { psql -X -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d tribune -Atqc "$1"; }

# app_n N PORT [VAR=value...]: the production jar as instance N
app_n() {
  local n=$1 port=$2; shift 2
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tribune" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=cluster-bench-session-key-0123456789 \
    QUARKUS_HTTP_PORT="$port" TRIBUNE_DEMO_CONTENT=true TRIBUNE_COMMENTS_CLOSE_AFTER_DAYS=0 \
    TRIBUNE_COMMENTS_FLOOD_SECONDS=0 TRIBUNE_MODERATION_HELD_FIRST_COMMENTS=0 TRIBUNE_ACCOUNTS_SECURE_COOKIE=false \
    TRIBUNE_RATE_LIMIT_SIGNUP_PER_IP=100000 TRIBUNE_RATE_LIMIT_LOGIN_PER_IP=100000 \
    TRIBUNE_RATE_LIMIT_SEARCH_PER_IP=1000000 QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT=600S \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    TRIBUNE_ADMIN_USERNAME=chief TRIBUNE_ADMIN_EMAIL=chief@bench.invalid \
    TRIBUNE_ADMIN_PASSWORD=chief-password-for-benchmarks "$@" \
    java -Xmx512m -jar "${JAR:-target/quarkus-app/quarkus-run.jar}" >>"$WORK/app$n.log" 2>&1 &
  PIDS[$n]=$!
}
WITH_REPLICA=(QUARKUS_DATASOURCE_REPLICA_JDBC_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/tribune"
  QUARKUS_DATASOURCE_REPLICA_USERNAME=postgres)
wait_ready() { # url pid
  local deadline=$(( $(date +%s) + ${READY_SECS:-900} ))
  until curl -fs -o /dev/null -m 2 "$1/q/health/ready"; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$2" 2>/dev/null; then echo "not ready: $1" >&2; return 1; fi
    sleep 0.3
  done
}
app_kill() { kill -9 "${PIDS[$1]}" 2>/dev/null || true; wait "${PIDS[$1]}" 2>/dev/null || true; }
app_term() { kill "${PIDS[$1]}" 2>/dev/null || true; wait "${PIDS[$1]}" 2>/dev/null || true; }

nginx_conf() { # upstream ports...
  mkdir -p "$WORK/nginx"
  { echo "worker_processes 1; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;"
    echo "  upstream tribune { keepalive 32;"
    for p in "$@"; do echo "    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"; done
    echo "  }"
    echo "  server { listen 127.0.0.1:$LB_PORT; client_max_body_size 10m;"
    echo "    proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host;"
    echo "    proxy_set_header X-Forwarded-For \$remote_addr; proxy_next_upstream error timeout http_502 http_503;"
    echo "    proxy_connect_timeout 2s;"
    echo "    location / { proxy_pass http://tribune; }"
    echo "    location ~ ^/articles/[^/]+/live\$ { proxy_pass http://tribune; proxy_buffering off; proxy_read_timeout 1h; }"
    echo "  } }"; } > "$WORK/nginx/nginx.conf"
}
nginx_start() { nginx_conf "$@"; nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"; }
nginx_stop() { [ -f "$WORK/nginx/nginx.pid" ] && nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s stop 2>/dev/null || true; sleep 0.3; }

cluster_cleanup() {
  nginx_stop
  for n in "${!PIDS[@]}"; do app_term "$n"; done
  replica_stop
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then pg_stop_fast; fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "work files kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cluster_cleanup EXIT

jar_build
log "PostgreSQL 15 primary on $PG_PORT, streaming replica on $REPLICA_PORT ($PG_DIR)"
pg_init
as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$REPLICA_DIR" -R -X stream -c fast
replica_start
check "the replica is a hot standby" "$(replica_sql 'select pg_is_in_recovery()::int') == 1"
log "App 1 on $APP1_PORT (migrations and demo content), then app 2 on $APP2_PORT, both reading the replica"
app_n 1 "$APP1_PORT" "${WITH_REPLICA[@]}"; wait_ready "$APP1" "${PIDS[1]}"
app_n 2 "$APP2_PORT" "${WITH_REPLICA[@]}"; wait_ready "$APP2" "${PIDS[2]}"
nginx_start "$APP1_PORT" "$APP2_PORT"
make_users 12
curl -fs "$APP1/q/health/ready" | grep -q '"replica": "in use"' && IN_USE=1 || IN_USE=0
check "health of app 1 says the replica is in use" "$IN_USE == 1"

echo "== Checks"
R=$(python3 bench/cluster.py session --app1 "$APP1" --app2 "$APP2" --user res1 --password bench-password-1); echo "    $R"
check "a session made on app 1 works on app 2" "$(field "$R" 'int(logged_in)') == 1"

R=$(python3 bench/cluster.py propagation --app1 "$APP1" --app2 "$APP2" --user res2 --password bench-password-1 --article "$ARTICLE"); echo "    $R"
check "a comment posted through app 1 is on app 2's reader page within 1 s" "$(field "$R" 'int(seen_ms is not None and seen_ms <= 1000)') == 1"

R=$(python3 bench/cluster.py live --app1 "$APP1" --app2 "$APP2" --lb "$LB" --user res9 --password bench-password-1 --article "$ARTICLE"); echo "    $R"
# the goal is 1 s (the full form holds it); the short form runs in CI right after a full build on the same two
# cores, so it allows 2 s and prints the times measured
LIVE_MS=1000; [ $SHORT = 1 ] && LIVE_MS=2000
check "a comment written through app 1 arrives on SSE streams opened on app 2 and through nginx within $LIVE_MS ms" \
  "$(field "$R" "int(ready and seen_ms_app2 is not None and seen_ms_app2 <= $LIVE_MS and seen_ms_lb is not None and seen_ms_lb <= $LIVE_MS)") == 1"

R=$(python3 bench/cluster.py ratelimit --app1 "$APP1" --app2 "$APP2" --user res3); echo "    $R"
check "5 failed log-ins spread over both instances: the next ones wait (429) on either" \
  "$(field "$R" 'int(statuses[:5] == [401] * 5 and statuses[5:] == [429, 429])') == 1"

BEFORE=$(replica_sql "select xact_commit from pg_stat_database where datname = 'tribune'")
for i in $(seq 1 40); do curl -fs -o /dev/null "$APP2/search?q=word$i"; done
# PostgreSQL 15 publishes a busy backend's statistics at most once a second, an idle one's within 10 s
for wait in $(seq 1 15); do
  AFTER=$(replica_sql "select xact_commit from pg_stat_database where datname = 'tribune'")
  [ $((AFTER - BEFORE)) -ge 40 ] && break
  sleep 1
done
check "readers are served by the replica (its transactions: +$((AFTER - BEFORE)) for 40 searches)" "AFTER - BEFORE >= 40"

R=$(python3 bench/cluster.py ownwrites --app1 "$APP1" --app2 "$APP2" --user res4 --password bench-password-1 --article "$ARTICLE" \
  --pause "psql -X -h 127.0.0.1 -p $REPLICA_PORT -U postgres -d tribune -qAtc 'select pg_wal_replay_pause()' >/dev/null" \
  --resume "psql -X -h 127.0.0.1 -p $REPLICA_PORT -U postgres -d tribune -qAtc 'select pg_wal_replay_resume()' >/dev/null"); echo "    $R"
check "replay paused: the writer sees their own comment at once (read-your-writes cookie set)" "$(field "$R" 'int(writer_sees_at_once and wrote_cookie)') == 1"
check "replay paused: readers are never shown less than the instance was told of, and have it after resume" "$(field "$R" 'int(reader_sees_after_resume)') == 1"

psql_q "create table acked_comment (id bigint, body text)"
SECS=10; [ $SHORT = 1 ] && SECS=8
R=$(python3 bench/cluster.py killload --lb "$LB" --users res5,res6,res7,res8 --password bench-password-1 --articles "$ARTICLES" \
  --seconds "$SECS" --kill-after 3 --kill "kill -9 ${PIDS[2]}" --out "$WORK"); echo "    $R"
psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -qc "\\copy acked_comment from '$WORK/acked.tsv'"
ACKED=$(psql_q "select count(*) from acked_comment")
MISSING=$(psql_q "select count(*) from acked_comment a where not exists (select 1 from comment c where c.id = a.id and c.body = a.body)")
check "kill -9 of app 2 under load: every acknowledged comment is stored ($((ACKED - MISSING)) of $ACKED)" "ACKED > 0 && MISSING == 0"
check "nginx kept serving: every read answered 200 ($(field "$R" 'reads') reads, $(field "$R" 'reads_after_kill') after the kill)" \
  "$(field "$R" 'int(not bad_reads and reads_after_kill > 0)') == 1"
VIOLATIONS=$(psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -At -F ' | ' -f bench/consistency.sql | awk -F' [|] ' '{ s += $2 } END { print s + 0 }')
check "counters consistent after the kill ($VIOLATIONS violations)" "VIOLATIONS == 0"
# the short form goes on with app 1 alone behind nginx (another start of the jar costs minutes on a busy machine)
URLS="$LB,$APP1"
if [ $SHORT = 0 ]; then app_n 2 "$APP2_PORT" "${WITH_REPLICA[@]}"; wait_ready "$APP2" "${PIDS[2]}"; URLS="$LB,$APP1,$APP2"; fi

replica_stop
R=$(python3 bench/cluster.py pages --urls "$URLS" --rounds 2); echo "    $R"
check "replica stopped: every reader page answers 200 ($URLS)" "$(field "$R" 'int(not not_ok)') == 1"
curl -fs "$APP1/q/health/ready" | grep -q '"replica": "skipped' && SKIPPED=1 || SKIPPED=0
check "health says the replica is skipped" "SKIPPED == 1"
replica_start

if [ $SHORT = 0 ]; then
  echo "== Read throughput (wrk, 20 connections, ${BENCH_SECS:=20} s each after 5 s of warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  measure() { # label url
    wrk -t2 -c20 -d5s "$2" >/dev/null 2>&1 || true
    local rps; rps=$(wrk -t2 -c20 -d"${BENCH_SECS}s" "$2" 2>/dev/null | awk '/Requests\/sec/ { print $2 }')
    echo "RESULT $1 rps=$rps load=$(cut -d' ' -f1 /proc/loadavg)"
  }
  nginx_stop; nginx_start "$APP1_PORT"
  measure "article-page 1-instance replica" "$LB/articles/$ARTICLE"
  measure "search 1-instance replica" "$LB/search?q=cloud"
  nginx_stop; nginx_start "$APP1_PORT" "$APP2_PORT"
  measure "article-page 2-instances replica" "$LB/articles/$ARTICLE"
  measure "search 2-instances replica" "$LB/search?q=cloud"
  app_term 1; app_term 2
  app_n 1 "$APP1_PORT"; app_n 2 "$APP2_PORT"; wait_ready "$APP1" "${PIDS[1]}"; wait_ready "$APP2" "${PIDS[2]}"
  measure "article-page 2-instances primary-only" "$LB/articles/$ARTICLE"
  measure "search 2-instances primary-only" "$LB/search?q=cloud"
  nginx_stop; nginx_start "$APP1_PORT"
  measure "article-page 1-instance primary-only" "$LB/articles/$ARTICLE"
  measure "search 1-instance primary-only" "$LB/search?q=cloud"
fi

if [ $fail = 0 ]; then echo "PASS: cluster"; else echo "FAIL: cluster (logs: KEEP_WORK=1)"; exit 1; fi
