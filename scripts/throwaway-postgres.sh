#!/usr/bin/env bash
# Start a PostgreSQL server for the tests in a temporary folder; print the lines to export.
# Installs the server from Debian's packages when it is missing. Stop it with
#   scripts/throwaway-postgres.sh stop "$PGDIR"
set -euo pipefail
if [[ "${1:-}" == "stop" ]]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $2/data -m fast -w stop" >/dev/null || true
  rm -rf "$2"
  exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d -t luoshi-pg.XXXXXX)
chown postgres:postgres "$dir"
port=${PGPORT_TEST:-54329}
su postgres -s /bin/sh -c "$bin/initdb -D $dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >$dir/initdb.log"
su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null"
echo "PGDIR=$dir"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
