#!/usr/bin/env bash
# Soak test: a mix of anonymous reads (home, article pages) and logged-in writes (comment posts, up-votes) at a fixed
# share of the measured peak for a long time, then asserts zero errors and no heap growth after a full GC.
#
#   1. logs in the users (login-sessions.py), as write-load.sh does;
#   2. measures the peak of the same mix: PEAK_SECS at full speed with CONN connections, after PREWARM_SECS at full
#      speed for the JIT (both skipped when PEAK_RPS is given);
#   3. RATE = LOAD_PCT % of the peak. wrk2 is not available: mix.lua paces wrk itself, each wrk thread handing out
#      send times 1/(RATE/THREADS) s apart through wrk's delay() hook (common.lua), on CONN connections, so the
#      offered load is RATE whatever the latency (as long as CONN requests in flight suffice);
#   4. warms up WARM_SECS at RATE, then takes the baseline: jcmd GC.run (a full GC) and the heap used after it
#      (GC.heap_info). The warm-up must fill the page cache for anonymous readers (AnonymousArticlePages: at most
#      tribune.page-cache.max-megabytes, 64 MB, of whole pages) to its bound, or its filling reads as growth: at 70 %
#      of the peak that takes a minute or two, hence 300 s. Its entry count is printed with each heap;
#   5. runs SOAK_SECS at RATE, reporting the heap (without a forced GC) every SAMPLE_SECS;
#   6. full GC again and compares: fails when errors > 0 (non-2xx, socket errors, 2 s timeouts) or when the heap
#      used after GC grew more than HEAP_TOLERANCE_PCT % of the baseline plus HEAP_TOLERANCE_MB.
#
# Usage: bench/soak.sh [base-url] — the app must run on this machine (jcmd needs its pid: APP_PID, or found from the
# port) with bench/write-load.env, against a copy of the benchmark database (see write-load.sh).
# Defaults: SOAK_SECS=1200 CONN=64 THREADS=2 LOAD_PCT=70 PREWARM_SECS=60 PEAK_SECS=30 WARM_SECS=300 SAMPLE_SECS=300
#           HEAP_TOLERANCE_PCT=5 HEAP_TOLERANCE_MB=32 MIX=home=20,article=40,post=10,vote=30 USERS=300
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
SOAK_SECS=${SOAK_SECS:-1200}
CONN=${CONN:-64}
export THREADS=${THREADS:-2}
LOAD_PCT=${LOAD_PCT:-70}
PREWARM_SECS=${PREWARM_SECS:-60}
PEAK_SECS=${PEAK_SECS:-30}
WARM_SECS=${WARM_SECS:-300}
SAMPLE_SECS=${SAMPLE_SECS:-300}
HEAP_TOLERANCE_PCT=${HEAP_TOLERANCE_PCT:-5}
HEAP_TOLERANCE_MB=${HEAP_TOLERANCE_MB:-32}
export MIX=${MIX:-home=20,article=40,post=10,vote=30}
export BENCH_DIR=${BENCH_DIR:-/tmp/tribune-bench}
USERS=${USERS:-300}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

PORT=$(python3 -c 'import sys, urllib.parse; u = urllib.parse.urlsplit(sys.argv[1]); print(u.port or 80)' "$BASE")
APP_PID=${APP_PID:-$(ss -Hltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)}
[ -n "$APP_PID" ] || { echo "No process listens on port $PORT: set APP_PID"; exit 2; }
echo "== soak of $BASE (pid $APP_PID): mix $MIX, $CONN connections, $THREADS wrk threads"

if [ "${FRESH:-0}" = 1 ] || [ "$(cat "$BENCH_DIR/base" 2>/dev/null)" != "$BASE" ] || [ ! -s "$BENCH_DIR/sessions.txt" ] \
    || [ "$(wc -l < "$BENCH_DIR/sessions.txt")" -lt "$USERS" ]; then
  echo "== logging in $USERS users"
  python3 login-sessions.py "$BASE" "$USERS" "$BENCH_DIR"
  echo "$BASE" > "$BENCH_DIR/base"
fi

mix() { # seconds -> wrk output (RATE from the environment)
  wrk -t"$THREADS" -c"$CONN" -d"${1}s" --latency -s mix.lua "$BASE" 2>"$BENCH_DIR/soak-stderr.txt"
}
field() { # name line -> value
  sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<< "$2"
}
heap_after_gc() { # -> MB used after a full GC
  jcmd "$APP_PID" GC.run > /dev/null
  jcmd "$APP_PID" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%d", $1 / 1024}'
}
cached_threads() { # -> entries in the rendered-thread cache (instances of its key class)
  jcmd "$APP_PID" GC.class_histogram -all 2>/dev/null | awk '$4 == "io.tribune.article.AnonymousArticlePages$Key" { print $2 }' | head -1
}
direct_mb() { # -> MB of direct (off-heap) buffers: the cached pages' HTML lives there
  curl -fs "$BASE/q/metrics" | awk -F' ' '/^jvm_buffer_memory_used_bytes\{.*id="direct"/ { printf "%d", $2 / 1048576 }'
}
heap_now() { # -> MB used, no forced GC
  jcmd "$APP_PID" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%d", $1 / 1024}'
}

if [ -z "${PEAK_RPS:-}" ]; then
  echo "== JIT warm-up: ${PREWARM_SECS}s at full speed"
  RATE=0 mix "$PREWARM_SECS" | grep RESULT
  echo "== peak: ${PEAK_SECS}s at full speed"
  PEAK_LINE=$(RATE=0 mix "$PEAK_SECS" | grep RESULT)
  echo "$PEAK_LINE"
  PEAK_RPS=$(field rps "$PEAK_LINE")
fi
export RATE=$(( PEAK_RPS * LOAD_PCT / 100 ))
echo "== target: $LOAD_PCT % of $PEAK_RPS requests/s = $RATE requests/s"

echo "== warm-up: ${WARM_SECS}s at $RATE requests/s"
mix "$WARM_SECS" | grep RESULT
HEAP_START=$(heap_after_gc)
echo "== heap used after full GC at the start: $HEAP_START MB ($(cached_threads) cached pages, $(direct_mb) MB of direct buffers)"

echo "== soak: ${SOAK_SECS}s at $RATE requests/s"
mix "$SOAK_SECS" > "$BENCH_DIR/soak-wrk.txt" &
WRK=$!
trap 'kill $WRK 2>/dev/null || true' EXIT
elapsed=0
while kill -0 $WRK 2>/dev/null; do
  sleep 5; elapsed=$(( elapsed + 5 ))
  if (( elapsed % SAMPLE_SECS == 0 )); then echo "   ${elapsed}s: heap used $(heap_now) MB (no forced GC)"; fi
done
wait $WRK
trap - EXIT
RESULT=$(grep RESULT "$BENCH_DIR/soak-wrk.txt")
grep -E "requests in|Socket errors" "$BENCH_DIR/soak-wrk.txt" || true
head -5 "$BENCH_DIR/soak-stderr.txt"
echo "$RESULT"
HEAP_END=$(heap_after_gc)
ALLOWED=$(( HEAP_START + HEAP_START * HEAP_TOLERANCE_PCT / 100 + HEAP_TOLERANCE_MB ))
ERRORS=$(field errors "$RESULT")
echo "== heap used after full GC at the end: $HEAP_END MB ($(cached_threads) cached pages, $(direct_mb) MB of direct buffers; start $HEAP_START MB, allowed up to $ALLOWED MB)"
echo "SOAK rps=$(field rps "$RESULT") target_rps=$RATE peak_rps=$PEAK_RPS errors=$ERRORS heap_start_mb=$HEAP_START heap_end_mb=$HEAP_END"
status=0
[ "$ERRORS" = 0 ] || { echo "FAIL: $ERRORS errors"; status=1; }
[ "$HEAP_END" -le "$ALLOWED" ] || { echo "FAIL: the heap after GC grew from $HEAP_START MB to $HEAP_END MB"; status=1; }
[ $status = 0 ] && echo "PASS"
exit $status
