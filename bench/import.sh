#!/usr/bin/env bash
# Times `import wordpress` of a generated WXR with 100,000 comments (bench/generate-wxr.py; not committed) into a
# throwaway PostgreSQL 15 cluster of its own (bench/lib.sh), then times the second run of the same file (which must
# add nothing). Prints the load average beside each figure. Goal (issue 18): under a minute on this machine.
# Usage: bench/import.sh [comments=100000] [posts=500]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
trap cleanup EXIT
COMMENTS=${1:-100000}
POSTS=${2:-500}

jar_build
pg_init
FILE="$WORK/bench.wxr"
bench/generate-wxr.py "$FILE" "$COMMENTS" "$POSTS"
log "WXR of $COMMENTS comments on $POSTS posts: $(du -h "$FILE" | cut -f1)"

# migrate the empty database once (the import would do it too; kept apart so the timing is the import's)
app_start TRIBUNE_DEMO_CONTENT=false
app_wait_ready >/dev/null
app_stop

# CPU seconds (user + system) used by the cluster's exited backends so far (the postmaster reaps them)
pg_cpu() {
  local pid; pid=$(head -1 "$PGDATA_DIR/postmaster.pid")
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($16 + $17) / hz }' "/proc/$pid/stat"
}

run_import() {
  /usr/bin/time -f "%U %S" -o "$WORK/time.txt" env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tribune" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789 \
    java -jar target/quarkus-app/quarkus-run.jar import wordpress "$FILE" 2>"$WORK/import-err.log"
}

for run in first second; do
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  pg_before=$(pg_cpu)
  start=$(now_ms)
  run_import > "$WORK/import-$run.txt"
  ms=$(( $(now_ms) - start ))
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  sleep 1
  pg_after=$(pg_cpu)
  jvm_cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/time.txt")
  comments=$(psql_q "select count(*) from comment")
  # on a loaded machine the wall time mostly measures waiting for a core: the CPU seconds used by the import's JVM
  # and by PostgreSQL for it say what the import itself costs
  echo "RESULT import_$run ms=$ms jvm_cpu_s=$jvm_cpu pg_cpu_s=$(awk -v a="$pg_after" -v b="$pg_before" 'BEGIN { printf "%.1f", a - b }')" \
    "comments_in_db=$comments load_before=$load_before load_after=$load_after"
  sed 's/^/  /' "$WORK/import-$run.txt"
done
psql_q "select 'depth ' || depth || ': ' || count(*) from comment group by depth order by depth" | sed 's/^/  /'
