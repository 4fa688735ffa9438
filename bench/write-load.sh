#!/usr/bin/env bash
# Write benchmarks with wrk against a running Tribune (default http://127.0.0.1:8080): posting comments through the
# JSON API (post.lua) and up-voting random comments (vote.lua), as logged-in users with session and CSRF cookies.
# Each run prints requests/s, p50/p99 latency and errors (every response that is not 2xx, plus socket errors).
#
# The app must run with the settings in bench/write-load.env (flood control off, comments kept open on the old
# generated articles, log-in limits lifted for one address): all load comes from 127.0.0.1 and a few hundred users.
# Run it against a copy of the benchmark database, never tribune_bench itself, e.g.
#   createdb -h 127.0.0.1 -U postgres -T tribune_bench tribune_writes
#
# Usage: bench/write-load.sh [base-url] [connections] [seconds]   (WARM_SECS=160 of unmeasured warm-up first)
#   USERS (300) sessions are logged in first unless BENCH_DIR (/tmp/tribune-bench) already has them for this
#   base URL; FRESH=1 logs in again. POST_FIRST/POST_LAST choose the articles posted on (6..1005).
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-64}
SECS=${3:-20}
export BENCH_DIR=${BENCH_DIR:-/tmp/tribune-bench}
USERS=${USERS:-300}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

if [ "${FRESH:-0}" = 1 ] || [ "$(cat "$BENCH_DIR/base" 2>/dev/null)" != "$BASE" ] || [ ! -s "$BENCH_DIR/sessions.txt" ] \
    || [ "$(wc -l < "$BENCH_DIR/sessions.txt")" -lt "$USERS" ]; then
  echo "== logging in $USERS users"
  python3 login-sessions.py "$BASE" "$USERS" "$BENCH_DIR"
  echo "$BASE" > "$BENCH_DIR/base"
fi

# CPU time per request of the app and of PostgreSQL (the backends of database $DB plus the background processes),
# from /proc: far less sensitive than requests/s to whatever else runs on this shared machine. Only when the app
# listens on this machine.
DB=${DB:-tribune_writes}
PORT=$(python3 -c 'import sys, urllib.parse; u = urllib.parse.urlsplit(sys.argv[1]); print(u.port or 80)' "$BASE")
APP_PID=${APP_PID:-$(ss -Hltnp "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)}
ticks() { # pid... -> user + system clock ticks
  local sum=0 t
  for p in "$@"; do t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null); sum=$(( sum + ${t:-0} )); done
  echo $sum
}
pg_pids() {
  psql -h 127.0.0.1 -U postgres -Atc "select pid from pg_stat_activity where (datname = '$DB' and pid <> pg_backend_pid())
    or backend_type <> 'client backend'" 2>/dev/null
}

run() { # name script
  echo "== $1, $CONN connections, ${SECS}s"
  local app0 pg0 out
  [ -n "$APP_PID" ] && { app0=$(ticks "$APP_PID"); pg0=$(ticks $(pg_pids)); }
  out=$(wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$2" "$BASE")
  grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|99)%|RESULT" <<< "$out"
  if [ -n "$APP_PID" ]; then
    local n=$(grep -oE "[0-9]+ requests in" <<< "$out" | cut -d' ' -f1)
    awk -v a=$(( $(ticks "$APP_PID") - app0 )) -v p=$(( $(ticks $(pg_pids)) - pg0 )) -v n="$n" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN { printf "CPU app_ms_per_req=%.2f pg_ms_per_req=%.2f load_avg=%s\n", a * 10 / n, p * 10 / n, l }'
  fi
}

# Right after a start the JIT is still compiling (the first runs are 3-4x slower, with timeouts): warm up unmeasured,
# alternating posts and votes, WARM_SECS in all (0 skips it, e.g. when the app has just been measured).
WARM_SECS=${WARM_SECS:-160}
if [ "$WARM_SECS" -gt 0 ]; then
  echo "== warming up ${WARM_SECS}s (posts and votes, not measured)"
  for script in post.lua vote.lua post.lua vote.lua; do
    wrk -t2 -c"$CONN" -d"$(( WARM_SECS / 4 ))s" -s "$script" "$BASE" > /dev/null
  done
fi

run "post comments (POST /api/articles/{slug}/comments)" post.lua
run "up-vote comments (PUT /api/comments/{id}/vote)" vote.lua
