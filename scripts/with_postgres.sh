#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temporary folder, the
# server listening on a socket in that folder only (no TCP), KANGLE_TEST_DB set to its
# database, everything stopped and removed on exit. Debian 12's postgresql-15
# (scripts/setup.sh). As root, the cluster runs as the `postgres` user, since PostgreSQL
# refuses to run as root.
#   bash scripts/with_postgres.sh COMMAND [ARGS...]
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "with_postgres: no PostgreSQL server (apt-get install postgresql-15)" >&2; exit 1; }

dir=$(mktemp -d /tmp/kangle-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# The C collation, as docs/postgresql.md has a district make its database: text sorts byte by
# byte, as in SQLite.
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U kangle --auth=trust -E UTF8 --locale=C > "$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a throwaway cluster need not survive a power cut, and the suite commits often.
# Autovacuum off: after the suite's hundreds of dropped schemas it may truncate the
# catalogues, locking them for a moment, where a test waits 1 ms for a lock (a busy timeout
# of 0): the likeliest cause of a unit test's one "lock timeout" in CI, on a CREATE TABLE.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off" \
  start > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/createdb" -h "$dir" -U kangle kangle_test

export KANGLE_TEST_DB="postgresql:///kangle_test?host=$dir&user=kangle"
"$@"
