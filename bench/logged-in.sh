#!/usr/bin/env bash
# Anonymous vs logged-in readers, side by side in one run, with the machine's load average beside each figure:
# the 200-comment article and the home page, first as a reader without an account, then as USERS (600) distinct
# logged-in readers round-robin (bench/page.lua), and the ratio of each pair. Also prints the two pages' sizes.
# Usage: bench/logged-in.sh [base-url] [connections] [seconds]   (each run after WARM_SECS=10 unmeasured)
# Needs the benchmark database (bench/setup-db.sh: users bench1 .. benchN) behind the app; the sessions come from
# bench/login-sessions.py (run here unless $BENCH_DIR/sessions.txt already has USERS lines). Keep runs short on a
# shared machine: full numbers need a quiet one.
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-16}
SECS=${3:-20}
USERS=${USERS:-600}
WARM_SECS=${WARM_SECS:-10}
export BENCH_DIR=${BENCH_DIR:-/tmp/tribune-bench}
export BENCH_LUA_DIR=$PWD
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

if [ "$(wc -l < "$BENCH_DIR/sessions.txt" 2>/dev/null || echo 0)" -lt "$USERS" ]; then
  ./login-sessions.py "$BASE" "$USERS" "$BENCH_DIR" 5 >/dev/null
fi

load() { cut -d' ' -f1 /proc/loadavg; }

run() { # name path [anonymous|logged-in]: prints RESULT ... load=…, sets LAST_RPS
  local name=$1 path=$2 who=$3
  local script=report.lua
  [ "$who" = logged-in ] && script=page.lua
  echo "== $name ($who, $path), $CONN connections, ${SECS}s"
  [ "$WARM_SECS" -gt 0 ] && PAGE_PATH=$path wrk -t2 -c"$CONN" -d"${WARM_SECS}s" -s "$script" "$BASE$path" >/dev/null
  local before; before=$(load)
  PAGE_PATH=$path wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$script" "$BASE$path" | grep RESULT \
    | sed "s/\$/ load_before=$before load_after=$(load)/" | tee /tmp/tribune-bench-last.txt
  LAST_RPS=$(sed -n 's/^RESULT rps=\([0-9]*\).*/\1/p' /tmp/tribune-bench-last.txt)
}

A200=${A200:-/articles/bench-article-5}
cookie=$(head -1 "$BENCH_DIR/sessions.txt" | cut -f2)
anon_bytes=$(curl -fsS "$BASE$A200" | wc -c)
user_bytes=$(curl -fsS -H "Cookie: $cookie" "$BASE$A200" | wc -c)
anon_gz=$(curl -fsS -H 'Accept-Encoding: gzip' "$BASE$A200" | wc -c)
user_gz=$(curl -fsS -H 'Accept-Encoding: gzip' -H "Cookie: $cookie" "$BASE$A200" | wc -c)
echo "BYTES article_200 anonymous=$anon_bytes logged_in=$user_bytes ratio=$(awk -v a="$anon_bytes" -v u="$user_bytes" 'BEGIN { printf "%.2f", u / a }')"
echo "BYTES article_200 gzip anonymous=$anon_gz logged_in=$user_gz"

for page in "article_200 $A200" "home /"; do
  set -- $page
  run "$1" "$2" anonymous
  anon=$LAST_RPS
  run "$1" "$2" logged-in
  echo "RATIO ${1}_logged_in_vs_anonymous=$(awk -v a="$anon" -v u="$LAST_RPS" 'BEGIN { printf "%.0f%%", 100 * u / a }')"
done
