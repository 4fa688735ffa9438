# Shared helpers for the resilience scripts (bench/outage.sh, bench/crash.sh): a throwaway PostgreSQL 15 cluster
# of their own, which can be stopped and started without disturbing anyone, and the production jar against it.
# Source it: `. bench/lib.sh`. Everything lives under $WORK (a temporary directory) and is removed by cleanup.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-18190}
BASE="http://127.0.0.1:$APP_PORT"
WORK=${WORK:-$(mktemp -d /tmp/tribune-resilience.XXXXXX)}
chmod 755 "$WORK"
PG_DIR="$WORK/pg"            # owned by the postgres user: data, server log, socket
PGDATA_DIR="$PG_DIR/data"
APP_PID=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

now_ms() { date +%s%3N; }

as_postgres() { runuser -u postgres -- "$@"; }

psql_q() { # sql -> unaligned tuples-only output
  psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tribune -v ON_ERROR_STOP=1 -Atq -c "$1"
}

# A fresh cluster in $WORK (initdb refuses to run as root, so it runs as the postgres user) with a database
# "tribune"; trust authentication on 127.0.0.1 only.
pg_init() {
  mkdir -p "$PG_DIR" && chown postgres:postgres "$PG_DIR"
  as_postgres "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; return 1; }
  pg_start
  psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "create database tribune" >/dev/null
}

pg_start() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=100 -c fsync=on" start >/dev/null
}

# Like a crash of the database server: no checkpoint, every backend killed, clients see their sockets close.
pg_stop_immediate() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null
}

pg_stop_fast() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
}

jar_build() {
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
}

# Starts the production jar against the throwaway cluster; extra VAR=value pairs are passed as environment.
app_start() {
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tribune" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789 \
    QUARKUS_HTTP_PORT="$APP_PORT" TRIBUNE_DEMO_CONTENT=true TRIBUNE_COMMENTS_CLOSE_AFTER_DAYS=0 \
    TRIBUNE_COMMENTS_FLOOD_SECONDS=0 TRIBUNE_MODERATION_HELD_FIRST_COMMENTS=0 \
    TRIBUNE_RATE_LIMIT_SIGNUP_PER_IP=100000 TRIBUNE_RATE_LIMIT_LOGIN_PER_IP=100000 \
    TRIBUNE_ADMIN_USERNAME=chief TRIBUNE_ADMIN_EMAIL=chief@bench.invalid \
    TRIBUNE_ADMIN_PASSWORD=chief-password-for-benchmarks "$@" \
    java -jar target/quarkus-app/quarkus-run.jar >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
}

# Waits until readiness says UP; prints the milliseconds it took.
app_wait_ready() { # [timeout seconds]
  local start; start=$(now_ms)
  local deadline=$(( start + ${1:-120} * 1000 ))
  until curl -fs -o /dev/null -m 2 "$BASE/q/health/ready"; do
    if [ "$(now_ms)" -gt "$deadline" ] || ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the app did not become ready; last log lines:" >&2; tail -n 30 "$WORK/app.log" >&2; return 1
    fi
    sleep 0.2
  done
  echo $(( $(now_ms) - start ))
}

app_stop() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

app_kill9() {
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# Creates N verified commenters res1..resN with the password "bench-password-1" (the hash bench/setup-db.sh uses),
# directly in the database: the sign-up flow is tested elsewhere and would need the emailed link.
make_users() { # count
  local hash='$2a$10$Hfzz/S9i1yG7.sId3DAtXO1ld8C3INFC2jFLR2K.F4kteRbqJVryO'
  psql_q "insert into app_user (username, email, password_hash, display_name, roles, email_verified_at)
          select 'res' || i, 'res' || i || '@bench.invalid', '$hash', 'Resilience ' || i, 'commenter', now()
          from generate_series(1, $1) i on conflict do nothing"
}

cleanup() {
  app_stop
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then pg_stop_fast; fi
  if [ -n "${KEEP_WORK:-}" ]; then echo "work files kept in $WORK"; else rm -rf "$WORK"; fi
}
