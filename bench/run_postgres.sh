#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The PostgreSQL benchmark of bench/README.md ("A district on PostgreSQL"): the same
# commands on kangle.db and on a schema of a throwaway PostgreSQL cluster
# (scripts/with_postgres.sh: a local socket, fsync off), best of RUNS (default 3) wall
# times each, alternately, so that a load on the machine falls on both alike:
# - `import volunteers` of ROWS sign-ups (default 130,000; bench/gen_signups.py's
#   GB18030 CSV) into a new workspace;
# - `db copy` of a district's imported workspace (SITES kiosks, VOLUNTEERS volunteers;
#   default 200 and 20,000; bench/gen_district.py) into PostgreSQL, then
#   `schedule build` of its month on each;
# - `report month` and `report year` over RECORDS service records (default 1,000,000;
#   bench/gen_records.py), the records moved into PostgreSQL by `db copy` (timed once),
#   the JSON of both compared.
#
#   bash bench/run_postgres.sh
#
# KANGLE is the binary (default build/cli/kangle). Needs postgresql-15 (scripts/setup.sh),
# /usr/bin/python3 with openpyxl and xlsxwriter, /usr/bin/time. Works under BENCH_DIR (default
# /tmp/kangle-postgres-bench), deleted at the end unless BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${KANGLE_TEST_DB:-}" ] || exec bash scripts/with_postgres.sh bash "$0" "$@"
kangle=$(realpath "${KANGLE:-build/cli/kangle}")
rows=${ROWS:-130000} sites=${SITES:-200} volunteers=${VOLUNTEERS:-20000} records=${RECORDS:-1000000} runs=${RUNS:-3}
out=${BENCH_DIR:-/tmp/kangle-postgres-bench}
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out"
mkdir -p "$out"
results=$out/results.md
export KANGLE_NOW=2026-11-23T02:00:00Z KANGLE_LANG=en NO_COLOR=1
# shellcheck source=bench/timing.sh
source bench/timing.sh

# schema NAME: the URL of a schema of its own in the cluster's database.
schema() { echo "$KANGLE_TEST_DB&options=-csearch_path%3D$1"; }
# row LABEL: a row of the table, SQLite's and PostgreSQL's best of the label.
row() {
  local s="$1 (SQLite)" p="$1 (PostgreSQL)"
  printf '| %s | %s s | %s s | %s | %s s / %s s | %s MB / %s MB |\n' "$1" "${best[$s]}" "${best[$p]}" \
    "$(awk "BEGIN { printf \"%.1f×\", ${best[$p]} / (${best[$s]} > 0 ? ${best[$s]} : 0.01) }")" \
    "${cpu[$s]}" "${cpu[$p]}" "${mem[$s]}" "${mem[$p]}" | tee -a "$results"
}
# kangle_ok ARGS...: kangle, whose exit 1 (some rows rejected, on purpose) is no failure.
kangle_ok() { "$kangle" "$@" || [ $? -eq 1 ]; }

echo "| command | SQLite | PostgreSQL | ratio | CPU (SQLite / PostgreSQL) | peak memory |" | tee "$results"
echo "| --- | ---: | ---: | ---: | ---: | ---: |" | tee -a "$results"

# The import.
/usr/bin/python3 bench/gen_signups.py "$rows" "$out" > /dev/null
"$kangle" init "$out/import" --example kangjian > /dev/null
"$kangle" init "$out/empty" --example kangjian > /dev/null  # its empty database makes each schema (db copy)
label="import volunteers ($rows rows)"
for i in $(seq "$runs"); do
  rm -f "$out/import/kangle.db"*
  timed "$label (SQLite)" bash -c "$(declare -f kangle_ok); kangle=$kangle; kangle_ok -w $out/import import volunteers $out/signups-gb18030.csv"
  "$kangle" -w "$out/empty" db copy --to "$(schema "import_$i")" > /dev/null
  timed "$label (PostgreSQL)" bash -c "$(declare -f kangle_ok); kangle=$kangle; kangle_ok -w $out/import --db '$(schema "import_$i")' import volunteers $out/signups-gb18030.csv"
done
row "$label"

# The rota.
/usr/bin/python3 bench/gen_district.py "$sites" "$volunteers" "$out/district" > /dev/null
ws=$out/rota
"$kangle" init "$ws" > /dev/null
cp "$out"/district/kiosks/*.toml "$ws/kiosks/"
kangle_ok -w "$ws" import volunteers "$out/district/志愿者报名表.csv" > /dev/null
cp "$ws/kangle.db" "$out/imported.db"
label="schedule build ($sites kiosks, $volunteers volunteers)"
copy="db copy ($volunteers volunteers) into PostgreSQL"
for i in $(seq "$runs"); do
  cp "$out/imported.db" "$ws/kangle.db"
  rm -f "$ws/kangle.db-wal" "$ws/kangle.db-shm"
  timed "$copy" "$kangle" -w "$ws" db copy --to "$(schema "rota_$i")"
  timed "$label (SQLite)" "$kangle" -w "$ws" schedule build --month 2026-12
  timed "$label (PostgreSQL)" "$kangle" -w "$ws" --db "$(schema "rota_$i")" schedule build --month 2026-12
done
row "$label"
echo "| $copy | | ${best[$copy]} s | | ${cpu[$copy]} s | ${mem[$copy]} MB |" | tee -a "$results"

# The reports.
ws=$out/reports
"$kangle" init "$ws" --example kangjian > /dev/null
"$kangle" -w "$ws" points verify > /dev/null  # any database command: the latest schema
python3 bench/gen_records.py "$ws/kangle.db" --records "$records" --volunteers 130000 --kiosks "$sites" > /dev/null
copy="db copy ($records records) into PostgreSQL"
timed "$copy" "$kangle" -w "$ws" db copy --to "$(schema reports)"
for args in "report month 2026-06" "report year 2026"; do
  label="$args ($records records)"
  # shellcheck disable=SC2086 # the words of the command
  for _ in $(seq "$runs"); do
    timed "$label (SQLite)" "$kangle" -w "$ws" $args --format json
    timed "$label (PostgreSQL)" "$kangle" -w "$ws" --db "$(schema reports)" $args --format json
  done
  # shellcheck disable=SC2086
  cmp <("$kangle" -w "$ws" $args --format json) <("$kangle" -w "$ws" --db "$(schema reports)" $args --format json) ||
    { echo "MISMATCH: $args differs between SQLite and PostgreSQL" >&2; exit 1; }
  row "$label"
done
echo "| $copy | | ${best[$copy]} s | | ${cpu[$copy]} s | ${mem[$copy]} MB |" | tee -a "$results"
