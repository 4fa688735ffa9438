#!/usr/bin/env bash
# Issue 16.2, side by side in one run: the hot article (HOT, default bench-article-5, 200 comments) read at rest and
# then while it receives POSTS comments/s and VOTES up-votes/s on its own comments (defaults 5 and 20, paced by
# common.lua), for readers without an account (report.lua) and for USERS distinct logged-in readers (page.lua),
# with the load average beside each figure and the ratio under load / at rest (target >= 50 %).
# The app must run with bench/write-load.env (flood control off, old articles open), against a copy of the benchmark
# database (it writes): createdb -h 127.0.0.1 -U postgres -T tribune_bench tribune_writes
# Usage: bench/hot-article.sh [base-url] [connections] [seconds]   (WARM_SECS=10 unmeasured before each run)
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-16}
SECS=${3:-20}
HOT=${HOT:-bench-article-5}
POSTS=${POSTS:-5}
VOTES=${VOTES:-20}
USERS=${USERS:-600}
WARM_SECS=${WARM_SECS:-10}
export BENCH_DIR=${BENCH_DIR:-/tmp/tribune-bench}
export BENCH_LUA_DIR=$PWD
HOT_DIR=$BENCH_DIR/hot
mkdir -p "$HOT_DIR"

if [ "$(wc -l < "$BENCH_DIR/sessions.txt" 2>/dev/null || echo 0)" -lt "$USERS" ]; then
  ./login-sessions.py "$BASE" "$USERS" "$BENCH_DIR" 5 >/dev/null
fi
cp "$BENCH_DIR/sessions.txt" "$HOT_DIR/sessions.txt"
# the hot article's own comments (id, author), for the up-votes
python3 - "$BASE" "$HOT" > "$HOT_DIR/comments.txt" <<'PY'
import json, sys, urllib.request
base, slug = sys.argv[1], sys.argv[2]
def walk(items):
    for c in items:
        if c.get("status") == "visible" and c.get("author"):
            print(f"{c['id']}\t{c['author']}")
        walk(c.get("replies") or [])
page = 1
while True:
    with urllib.request.urlopen(f"{base}/api/articles/{slug}/comments?page={page}") as r:
        data = json.load(r)
    walk(data["threads"])
    if not data.get("hasNext"):
        break
    page += 1
PY
echo "hot article $HOT: $(wc -l < "$HOT_DIR/comments.txt") comments to up-vote"

load() { cut -d' ' -f1 /proc/loadavg; }
run() { # label script -> RESULT line with the load average, sets LAST_RPS
  local label=$1 script=$2
  [ "$WARM_SECS" -gt 0 ] && PAGE_PATH=/articles/$HOT wrk -t2 -c"$CONN" -d"${WARM_SECS}s" -s "$script" "$BASE/articles/$HOT" >/dev/null
  local before; before=$(load)
  PAGE_PATH=/articles/$HOT wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$script" "$BASE/articles/$HOT" | grep RESULT \
    | sed "s/^/$label /; s/\$/ load_before=$before load_after=$(load)/" | tee /tmp/tribune-hot-last.txt
  LAST_RPS=$(sed -n 's/.*RESULT rps=\([0-9]*\).*/\1/p' /tmp/tribune-hot-last.txt)
}

run "at-rest anonymous" report.lua; rest_anon=$LAST_RPS
run "at-rest logged-in" page.lua; rest_user=$LAST_RPS

writes=$(( 2 * (SECS + WARM_SECS) + 10 ))
echo "== writers: $POSTS comments/s and $VOTES up-votes/s on $HOT for ${writes}s"
BENCH_DIR=$HOT_DIR RATE=$POSTS THREADS=1 POST_FIRST=${HOT#bench-article-} POST_LAST=${HOT#bench-article-} \
  wrk -t1 -c4 -d"${writes}s" -s post.lua "$BASE" > "$HOT_DIR/posts.txt" 2>&1 &
POSTER=$!
BENCH_DIR=$HOT_DIR RATE=$VOTES THREADS=1 wrk -t1 -c4 -d"${writes}s" -s vote.lua "$BASE" > "$HOT_DIR/votes.txt" 2>&1 &
VOTER=$!
sleep 5
run "under-writes anonymous" report.lua; hot_anon=$LAST_RPS
run "under-writes logged-in" page.lua; hot_user=$LAST_RPS
wait $POSTER $VOTER || true
echo "writers: posts $(grep RESULT "$HOT_DIR/posts.txt") / votes $(grep RESULT "$HOT_DIR/votes.txt")"
awk -v a="$hot_anon" -v b="$rest_anon" -v c="$hot_user" -v d="$rest_user" 'BEGIN {
  printf "RATIO hot_vs_rest anonymous=%.0f%% logged_in=%.0f%%\n", 100 * a / b, 100 * c / d }'
