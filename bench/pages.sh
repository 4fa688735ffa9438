#!/usr/bin/env bash
# Issue 16.3, side by side in one run, with the load average beside each figure: the 200-comment article (the
# reference) and the other public pages as readers without an account get them — the comments JSON API, the site
# feed, an article's comments feed, the sitemap, search results, a public profile, an author page — and the home and
# a section page for USERS distinct logged-in readers (page.lua) beside the anonymous ones. Each page's ratio to the
# article is printed (target: comments JSON >= 30 %), and logged-in home/section vs anonymous (target >= 50 %).
# The app must run with TRIBUNE_RATE_LIMIT_SEARCH_PER_IP raised (all load comes from one address).
# Usage: bench/pages.sh [base-url] [connections] [seconds]   (WARM_SECS=5 unmeasured before each run)
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-16}
SECS=${3:-10}
USERS=${USERS:-600}
WARM_SECS=${WARM_SECS:-5}
A200=${A200:-/articles/bench-article-5}
export BENCH_DIR=${BENCH_DIR:-/tmp/tribune-bench}
export BENCH_LUA_DIR=$PWD

if [ "$(wc -l < "$BENCH_DIR/sessions.txt" 2>/dev/null || echo 0)" -lt "$USERS" ]; then
  ./login-sessions.py "$BASE" "$USERS" "$BENCH_DIR" 5 >/dev/null
fi

load() { cut -d' ' -f1 /proc/loadavg; }
run() { # label path script -> RESULT line with the load average, sets LAST_RPS
  local label=$1 path=$2 script=$3
  [ "$WARM_SECS" -gt 0 ] && PAGE_PATH=$path wrk -t2 -c"$CONN" -d"${WARM_SECS}s" -s "$script" "$BASE$path" >/dev/null
  local before; before=$(load)
  PAGE_PATH=$path wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s "$script" "$BASE$path" | grep RESULT \
    | sed "s|^|$label $path |; s/\$/ bytes=$(curl -fsS "$BASE$path" | wc -c) load_before=$before load_after=$(load)/" \
    | tee /tmp/tribune-pages-last.txt
  LAST_RPS=$(sed -n 's/.*RESULT rps=\([0-9]*\).*/\1/p' /tmp/tribune-pages-last.txt)
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

run "anonymous" "$A200" report.lua; article=$LAST_RPS
for path in "/api${A200}/comments" /feeds/articles.atom "/feeds${A200}/comments.atom" /sitemap.xml \
    "/search?q=cloud" /users/bench1 /authors/ada-lovelace; do
  run "anonymous" "$path" report.lua
  echo "RATIO $path vs article: $(ratio "$LAST_RPS" "$article")"
done
for path in / /sections/news; do
  run "anonymous" "$path" report.lua; anon=$LAST_RPS
  run "logged-in" "$path" page.lua
  echo "RATIO $path logged-in vs anonymous: $(ratio "$LAST_RPS" "$anon")"
done
