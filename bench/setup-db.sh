#!/usr/bin/env bash
# Creates the benchmark database on a local PostgreSQL, migrates it and loads the demo content by starting the
# production jar once, then fills it with the large generated site (bench/generate.sql).
# Usage: bench/setup-db.sh [database-name]   (PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)
#        DEMO_ONLY=1 bench/setup-db.sh tribune_demo   (the demo content alone: the small reference database)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-tribune_bench}
PGURL="postgresql://postgres@127.0.0.1:5432"
# bcrypt of "bench-password-1": every generated user (bench1 .. bench100000) logs in with it
HASH='$2a$10$Hfzz/S9i1yG7.sId3DAtXO1ld8C3INFC2jFLR2K.F4kteRbqJVryO'

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
psql "$PGURL/postgres" -v ON_ERROR_STOP=1 -qc "drop database if exists $DB" -c "create database $DB"

echo "Migrating and loading the demo content..."
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_DATASOURCE_PASSWORD=unused TRIBUNE_DEMO_CONTENT=true QUARKUS_HTTP_PORT=18089 \
QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789 \
  java -jar target/quarkus-app/quarkus-run.jar > target/bench-setup.log 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null http://127.0.0.1:18089/q/health/ready && break
  sleep 1
done
kill $APP; wait $APP 2>/dev/null || true

[ "${DEMO_ONLY:-0}" = 1 ] && { echo "Demo content only: done."; exit 0; }

echo "Generating the large site..."
start=$(date +%s)
psql "$PGURL/$DB" -v ON_ERROR_STOP=1 -v password_hash="'$HASH'" -f bench/generate.sql
echo "Generated in $(( $(date +%s) - start )) s"
