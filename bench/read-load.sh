#!/usr/bin/env bash
# Read benchmarks with wrk against a running Tribune (default http://127.0.0.1:8080) and the nginx ceiling.
# Prints requests/s, p50/p99 latency and errors for: home page, an article with 200 comments, the first page of an
# article with 5,000 comments, and nginx serving the 200-comment page's exact bytes as a static file.
# Usage: bench/read-load.sh [base-url] [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:-http://127.0.0.1:8080}
CONN=${2:-64}
SECS=${3:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light || apt-get install -y -qq nginx; }

run() { # name url
  echo "== $1 ($2), $CONN connections, ${SECS}s"
  wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s report.lua "$2" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|99)%|RESULT"
}

A200=${A200:-/articles/bench-article-5}
A5000=${A5000:-/articles/bench-article-1}
curl -fsS "$BASE/" -o /dev/null
run "home" "$BASE/"
run "article, 200 comments" "$BASE$A200"
run "article, 5,000 comments (first page)" "$BASE$A5000"

mkdir -p /tmp/tribune-bench-static
curl -fsS "$BASE$A200" -o /tmp/tribune-bench-static/article.html
nginx -c "$PWD/nginx.conf" -p /tmp
trap 'nginx -c "$PWD/nginx.conf" -p /tmp -s stop' EXIT
sleep 1
run "nginx static ceiling (same bytes as the 200-comment page)" "http://127.0.0.1:18090/article.html"
