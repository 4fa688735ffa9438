#!/usr/bin/env bash
# Latency of the same pages on the demo database and on the million-comment database, one after the other with the
# same production jar, and the ratio between them (target: within 1.5x).
# Usage: bench/scale-compare.sh [small-db] [large-db] [connections] [seconds]
#   defaults: tribune_demo (DEMO_ONLY=1 bench/setup-db.sh tribune_demo), tribune_bench (bench/setup-db.sh), 8, 10
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${1:-tribune_demo}
LARGE=${2:-tribune_bench}
CONN=${3:-8}
SECS=${4:-10}
WARM_ROUNDS=${WARM_ROUNDS:-4} # rounds of 3 s on every page before measuring: the JIT takes a minute or more
PORT=18081
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests

# pages both databases have: the demo content is part of the large one too
PAGES=(
  "home|/"
  "section|/sections/privacy"
  "article, 200 comments|/articles/quillstore-5-adds-native-vector-search"
  "article, 200 comments, oldest first|/articles/quillstore-5-adds-native-vector-search?sort=oldest"
  "comments JSON|/api/articles/quillstore-5-adds-native-vector-search/comments"
  "search|/search?q=browser"
  "feed|/feeds/articles.atom"
)

measure() { # db -> lines "name|p50|p99|rps|errors"
  local db=$1
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=unused QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789 \
  TRIBUNE_RATE_LIMIT_SEARCH_PER_IP=100000000 \
    java -jar target/quarkus-app/quarkus-run.jar > "target/bench-scale-$db.log" 2>&1 &
  local app=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$BASE/q/health/ready" && break; sleep 1; done
  for _ in $(seq 1 "$WARM_ROUNDS"); do # warm-up: JIT and caches, as a running site has them
    for page in "${PAGES[@]}"; do
      wrk -t2 -c"$CONN" -d3s "$BASE${page#*|}" > /dev/null
    done
  done
  for page in "${PAGES[@]}"; do
    local line
    line=$(wrk -t2 -c"$CONN" -d"${SECS}s" --latency -s bench/report.lua "$BASE${page#*|}" | grep RESULT)
    echo "${page%%|*}|$(sed -E 's/.*rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+).*/\2|\3|\1|\4/' <<< "$line")"
  done
  kill $app; wait $app 2>/dev/null || true
}

echo "Measuring $SMALL..." >&2
mapfile -t small < <(measure "$SMALL")
echo "Measuring $LARGE..." >&2
mapfile -t large < <(measure "$LARGE")

echo "| page | p50 $SMALL | p50 $LARGE | ratio | p99 $SMALL | p99 $LARGE | req/s $SMALL | req/s $LARGE | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
worst=0
for i in "${!small[@]}"; do
  IFS='|' read -r name p50s p99s rpss errs <<< "${small[$i]}"
  IFS='|' read -r _ p50l p99l rpsl errl <<< "${large[$i]}"
  ratio=$(awk -v a="$p50s" -v b="$p50l" 'BEGIN { printf "%.2f", b / a }')
  worst=$(awk -v w="$worst" -v r="$ratio" 'BEGIN { print (r > w) ? r : w }')
  echo "| $name | $p50s ms | $p50l ms | ${ratio}x | $p99s ms | $p99l ms | $rpss | $rpsl | $((errs + errl)) |"
done
echo "RESULT worst_p50_ratio=$worst (target <= 1.5)"
