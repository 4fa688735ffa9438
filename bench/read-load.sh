#!/usr/bin/env bash
# Read benchmarks with wrk against a running Tribune (default http://127.0.0.1:8080) and the nginx ceiling.
# Prints requests/s, p50/p99 latency and errors for: home page, an article with 200 comments, the first page of an
# article with 5,000 comments, and nginx serving the 200-comment page's exact bytes as a static file.
# Usage: bench/read-load.sh [base-url] [connections] [seconds]   (each run after WARM_SECS=10 unmeasured)
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-64}
SECS=${3:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light || apt-get install -y -qq nginx; }

WARM_SECS=${WARM_SECS:-10}
run() { # name url [wrk options...]: WARM_SECS unmeasured first (JIT, caches), then the measured run
  local name=$1 url=$2
  shift 2
  echo "== $name ($url), $CONN connections, ${SECS}s"
  [ "$WARM_SECS" -gt 0 ] && wrk -t2 -c"$CONN" -d"${WARM_SECS}s" "$@" "$url" > /dev/null
  wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s report.lua "$@" "$url" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|99)%|RESULT" | tee /tmp/tribune-bench-last.txt
  LAST_RPS=$(sed -n 's/^RESULT rps=\([0-9]*\).*/\1/p' /tmp/tribune-bench-last.txt)
}

A200=${A200:-/articles/bench-article-5}
A5000=${A5000:-/articles/bench-article-1}
curl -fsS "$BASE/" -o /dev/null
run "home" "$BASE/"
run "article, 200 comments" "$BASE$A200"
ARTICLE_RPS=$LAST_RPS
run "article, 200 comments, gzip accepted (as browsers ask)" "$BASE$A200" -H "Accept-Encoding: gzip"
run "article, 5,000 comments (first page)" "$BASE$A5000"

mkdir -p /tmp/tribune-bench-static
curl -fsS "$BASE$A200" -o /tmp/tribune-bench-static/article.html
nginx -c "$PWD/nginx.conf" -p /tmp
trap 'nginx -c "$PWD/nginx.conf" -p /tmp -s stop' EXIT
sleep 1
run "nginx static ceiling (same bytes as the 200-comment page)" "http://127.0.0.1:18090/article.html"
echo "RATIO article_200_vs_nginx=$(awk -v a="$ARTICLE_RPS" -v n="$LAST_RPS" 'BEGIN { printf "%.0f%%", 100 * a / n }')"
