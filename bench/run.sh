#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The import benchmark of bench/README.md: generates ROWS sign-ups (default
# 130,000), then times kangle's import of the two workbooks (as openpyxl writes them, and
# as Excel and WPS do) and of the GB18030 CSV against openpyxl + executemany on each
# workbook, against sqlite3's .import of the plain CSV, and against sqlite3 putting the
# rows kangle stored back into kangle's own tables.
# Needs: a built kangle (scripts/build.sh; KANGLE=path for another build),
# python3-openpyxl, python3-xlsxwriter, sqlite3, hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-130000}
out=${BENCH_DIR:-/tmp/kangle-bench}
kangle=${KANGLE:-$PWD/build/cli/kangle}
mkdir -p "$out"
[ -f "$out/signups-excel.xlsx" ] && [ "$(cat "$out/rows" 2>/dev/null)" = "$rows" ] || {
  /usr/bin/python3 bench/gen_signups.py "$rows" "$out"
  echo "$rows" > "$out/rows"
}
fresh="rm -rf $out/ws $out/base.db && $kangle init $out/ws --example kangjian >/dev/null"
# What SQLite alone takes to store the same people in kangle's schema (the indexes,
# constraints and foreign keys of volunteers and volunteer_skills): the rows of one
# import, as CSV, put back into a fresh workspace by .import, with NULLs restored,
# with the page cache kangle's import has.
eval "$fresh"
"$kangle" -w "$out/ws" import volunteers "$out/signups-gb18030.csv" >/dev/null || [ $? -eq 1 ]
sqlite3 -csv "$out/ws/kangle.db" "SELECT * FROM volunteers" > "$out/stored-volunteers.csv"
sqlite3 -csv "$out/ws/kangle.db" "SELECT * FROM volunteer_skills" > "$out/stored-skills.csv"
cat > "$out/store.sql" <<EOF
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -16384;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE v AS SELECT * FROM main.volunteers WHERE 0;
CREATE TEMP TABLE s AS SELECT * FROM main.volunteer_skills WHERE 0;
.import --csv $out/stored-volunteers.csv v
.import --csv $out/stored-skills.csv s
UPDATE v SET phone = nullif(phone, ''), id_number = nullif(id_number, ''),
  monthly_limit = nullif(monthly_limit, ''), forgotten_at = nullif(forgotten_at, '');
UPDATE s SET certificate_expires = nullif(certificate_expires, '');
INSERT INTO main.volunteers SELECT * FROM v;
INSERT INTO main.volunteer_skills SELECT * FROM s;
COMMIT;
EOF
hyperfine --warmup 1 --runs 5 --export-markdown "$out/results.md" \
  --prepare "$fresh" -n "kangle import (xlsx)" "$kangle -w $out/ws import volunteers $out/signups.xlsx >/dev/null || [ \$? -eq 1 ]" \
  --prepare "$fresh" -n "kangle import (xlsx as Excel writes it)" "$kangle -w $out/ws import volunteers $out/signups-excel.xlsx >/dev/null || [ \$? -eq 1 ]" \
  --prepare "$fresh" -n "kangle import (GB18030 csv)" "$kangle -w $out/ws import volunteers $out/signups-gb18030.csv >/dev/null || [ \$? -eq 1 ]" \
  --prepare "$fresh" -n "openpyxl + executemany (xlsx)" "/usr/bin/python3 bench/baseline_openpyxl.py $out/signups.xlsx $out/base.db" \
  --prepare "$fresh" -n "openpyxl + executemany (xlsx as Excel writes it)" "/usr/bin/python3 bench/baseline_openpyxl.py $out/signups-excel.xlsx $out/base.db" \
  --prepare "$fresh" -n "sqlite3 .import (plain csv)" "sqlite3 $out/base.db '.import --csv $out/signups-plain.csv volunteers'" \
  --prepare "$fresh" -n "sqlite3 .import into kangle's tables (stored rows)" "sqlite3 $out/ws/kangle.db '.read $out/store.sql'"
for f in signups.xlsx signups-excel.xlsx signups-gb18030.csv; do
  eval "$fresh"
  /usr/bin/time -f "kangle import $f: %M KB peak memory" "$kangle" -w "$out/ws" import volunteers "$out/$f" >/dev/null || true
done
cat "$out/results.md"
