#!/bin/sh
# docker-compose only: the official image runs this once, on an empty primary. A replication account, a slot for the
# replica, and a pg_hba line letting it connect from the compose network.
set -e
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" <<SQL
create role replicator replication login password 'change-me-too';
select pg_create_physical_replication_slot('replica1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
