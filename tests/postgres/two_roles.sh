#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The two-role set-up of docs/postgresql.md, as written there: an owner makes the schema,
# the application's role works in it and cannot change the points ledger, by UPDATE or by
# dropping its triggers. Runs under scripts/with_postgres.sh.
#   bash scripts/with_postgres.sh bash tests/postgres/two_roles.sh build/cli/kangle
set -euo pipefail
kangle=$(realpath "$1")
examples=$(cd "$(dirname "$0")/../../examples/kangjian/sheets" && pwd)
host=$(sed 's/.*host=\([^&]*\).*/\1/' <<< "$KANGLE_TEST_DB")
as() { local role=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h "$host" -U "$role" -d kangle_test "$@"; }
url() { echo "postgresql:///kangle_test?host=$host&user=$1&options=-csearch_path%3Dkangjian"; }
fail() { echo "two_roles: $*" >&2; exit 1; }

as kangle -c "CREATE ROLE kangle_owner LOGIN; CREATE ROLE kangle_app LOGIN;
              CREATE SCHEMA kangjian AUTHORIZATION kangle_owner;"
ws=$(mktemp -d)/ws
trap 'rm -rf "$(dirname "$ws")"' EXIT
export KANGLE_NOW=2026-12-31T10:00:00Z
"$kangle" init "$ws" --example kangjian > /dev/null
cd "$ws"

KANGLE_DB=$(url kangle_app) "$kangle" volunteers list 2> /dev/null && fail "a command started an empty schema"
KANGLE_DB=$(url kangle_app) "$kangle" check > /dev/null 2>&1 && fail "check passed a schema without kangle's tables"
"$kangle" db copy --to "$(url kangle_owner)" > /dev/null || fail "the owner cannot make the schema"
as kangle -c "GRANT USAGE ON SCHEMA kangjian TO kangle_app;
              GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA kangjian TO kangle_app;
              REVOKE UPDATE, DELETE, TRUNCATE ON kangjian.points_ledger FROM kangle_app;"

export KANGLE_DB; KANGLE_DB=$(url kangle_app)
# Exit 1: the sheets have rows the import rejects, as in the demo.
"$kangle" import volunteers "$examples/志愿者报名表.csv" > /dev/null || [ $? -eq 1 ] || fail "import as the application's role"
"$kangle" schedule build --month 2026-12 > /dev/null || fail "schedule build as the application's role"
"$kangle" import records "$examples/服务记录.csv" > /dev/null || [ $? -eq 1 ] || fail "import records as the application's role"
"$kangle" points award > /dev/null || fail "points award as the application's role"
entries=$(as kangle_app -tA -c "SELECT count(*) FROM kangjian.points_ledger")
[ "$entries" -gt 0 ] || fail "no points were awarded"
"$kangle" points verify > /dev/null || fail "points verify as the application's role"

as kangle_app -c "UPDATE kangjian.points_ledger SET points = 1" 2> /dev/null && fail "the application's role updated the ledger"
as kangle_app -c "DROP TRIGGER points_ledger_no_update ON kangjian.points_ledger" 2> /dev/null &&
  fail "the application's role dropped the ledger's trigger"
as kangle -c "UPDATE kangjian.points_ledger SET points = 1" 2> /dev/null && fail "the ledger's trigger let an UPDATE through"
echo "two_roles: the owner made the schema; the application's role worked in it ($entries ledger entries) and could not change the ledger"
