#!/bin/sh
# Make and start a streaming replica of the primary (run as the postgres user on the replica's machine):
#   PRIMARY_HOST=db1 REPLICA_DATA=/var/lib/postgresql/15/replica deploy/postgres/start-replica.sh
# pg_basebackup -R writes standby.signal and primary_conninfo; the copy is then a hot standby that readers may query.
set -eu
: "${PRIMARY_HOST:?set PRIMARY_HOST}"
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_DATA=${REPLICA_DATA:-/var/lib/postgresql/data}
REPLICA_PORT=${REPLICA_PORT:-5432}
SLOT=${SLOT:-replica1}
if [ ! -f "$REPLICA_DATA/standby.signal" ]; then
    rm -rf "$REPLICA_DATA"
    PGPASSWORD=${REPLICATION_PASSWORD:-} pg_basebackup -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U replicator -c fast \
        -D "$REPLICA_DATA" -R -X stream -S "$SLOT"
    chmod 700 "$REPLICA_DATA"
fi
exec postgres -D "$REPLICA_DATA" -c port="$REPLICA_PORT" -c hot_standby=on -c listen_addresses='*'
