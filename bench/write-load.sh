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
# Usage: bench/write-load.sh [base-url] [connections] [seconds]
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

run() { # name script
  echo "== $1, $CONN connections, ${SECS}s"
  wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$2" "$BASE" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|99)%|RESULT"
}

run "post comments (POST /api/articles/{slug}/comments)" post.lua
run "up-vote comments (PUT /api/comments/{id}/vote)" vote.lua
