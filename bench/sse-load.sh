#!/usr/bin/env bash
# The live conversation under load (docs/live.md): N concurrent Server-Sent Events clients (default 5000) on one
# article of one instance (the production jar on a throwaway PostgreSQL 15) while comments are posted 5 a second.
# Reports delivery latency p50/p99 (from the POST being sent to the event being read, bench/sse-clients.js), heap per
# connection (used heap after a full GC, before and after connecting) and the req/s of another, cached article page
# with wrk: idle, then with the clients connected and comments being delivered. Load average beside each figure.
# Usage: bench/sse-load.sh [clients] [post-seconds]   (KEEP_WORK=1 keeps logs and threads.txt/top.txt, the busiest
# threads while streams and wrk run; RATE=5; WRK_SECS=15; WRK_CONN=20)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-5000}
POST_SECS=${2:-20}
RATE=${RATE:-5}
WRK_SECS=${WRK_SECS:-15}
WRK_CONN=${WRK_CONN:-20}
PG_PORT=${PG_PORT:-18430}
APP_PORT=${APP_PORT:-18440}
WORK=${WORK:-$(mktemp -d /tmp/tribune-sse.XXXXXX)}
. bench/lib.sh
trap cleanup EXIT
ARTICLE=year-2038-problem-embedded-systems                   # the streamed article, receiving the comments
OTHER=quillstore-5-adds-native-vector-search                 # the cached page measured with wrk
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v node >/dev/null || { echo "SKIP: node not found"; exit 0; }
[ -x "$PG_BIN/initdb" ] || { echo "SKIP: PostgreSQL 15 binaries not found in $PG_BIN"; exit 0; }
ulimit -n 65536 || true
load() { cut -d' ' -f1-3 /proc/loadavg; }
heap_used_kb() { # after a full GC
  jcmd "$APP_PID" GC.run >/dev/null; sleep 1
  jcmd "$APP_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1) + 0; exit } }'
}

jar_build
log "PostgreSQL 15 on $PG_PORT, the app on $APP_PORT ($CLIENTS clients, $RATE comments/s for $POST_SECS s)"
pg_init
app_start TRIBUNE_LIVE_MAX_CONNECTIONS=$((CLIENTS + 100)) TRIBUNE_LIVE_MAX_PER_IP=$((CLIENTS + 100))
app_wait_ready 600 >/dev/null
make_users 5
for i in 1 2 3 4 5; do
  jar="$WORK/res$i.cookies"
  token=$(curl -fsS -c "$jar" "$BASE/login" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "login=res$i" --data-urlencode "password=bench-password-1" \
    --data-urlencode "csrf-token=$token" "$BASE/login"
  grep -q tribune-session "$jar" || { echo "log-in of res$i failed" >&2; exit 1; }
done

wrk_rps() { # url
  wrk -t2 -c"$WRK_CONN" -d5s "$1" >/dev/null 2>&1 || true
  wrk -t2 -c"$WRK_CONN" -d"${WRK_SECS}s" "$1" 2>/dev/null | awk '/Requests\/sec/ { print $2 }'
}
echo "== Cached article page, idle (wrk $WRK_CONN connections, ${WRK_SECS}s)"
IDLE=$(wrk_rps "$BASE/articles/$OTHER"); echo "RESULT page-idle rps=$IDLE load=$(load)"
HEAP0=$(heap_used_kb); echo "RESULT heap-before used_kb=$HEAP0"

rm -f "$WORK/go"
node bench/sse-clients.js "$BASE" "$ARTICLE" "$CLIENTS" "$RATE" "$POST_SECS" "$WORK/go" "$WORK"/res*.cookies \
  > "$WORK/clients.out" 2>&1 &
NODE_PID=$!
until grep -q CONNECTED "$WORK/clients.out"; do
  kill -0 $NODE_PID 2>/dev/null || { cat "$WORK/clients.out"; exit 1; }
  sleep 0.5
done
echo "RESULT $(grep CONNECTED "$WORK/clients.out") load=$(load)"
HEAP1=$(heap_used_kb)
echo "RESULT heap-after used_kb=$HEAP1 per_connection_bytes=$(( (HEAP1 - HEAP0) * 1024 / CLIENTS ))"
THREADS=$(ls /proc/"$APP_PID"/task | wc -l); echo "RESULT app-threads $THREADS (with $CLIENTS streams open)"

touch "$WORK/go"
sleep 1
echo "== Cached article page with $CLIENTS streams open and $RATE comments/s delivered"
( sleep 8; top -b -n1 -H -p "$APP_PID" | head -25 > "$WORK/threads.txt"; top -b -n1 | head -20 > "$WORK/top.txt" ) &
BUSY=$(wrk_rps "$BASE/articles/$OTHER"); echo "RESULT page-with-streams rps=$BUSY load=$(load)"
echo "RESULT page-ratio $(awk -v a="$BUSY" -v b="$IDLE" 'BEGIN { printf "%.0f%%", 100 * a / b }') of idle"
wait $NODE_PID || true
echo "RESULT delivery $(tail -1 "$WORK/clients.out") load=$(load)"
