#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The report benchmark of bench/README.md ("Reports at a district's size"): generates five
# years of a district's service records (default 5,000,000 records, 130,000 volunteers,
# 200 kiosks), checks that kangle's figures and the hand-written SQL's agree, then times
# `kangle report month 2026-06` (csv and json) against bench/report_month.sql and `report
# year 2026` against bench/report_year.sql in the sqlite3 shell, and on their own `report
# services --period 2026Q2`, `record hours --period 2026`, `points stars --year 2026` and
# `report units --period 2026`. Best of 3 wall times (/usr/bin/time), with the CPU time
# (user + system) and peak memory of that run; kangle and the sqlite3 shell run
# alternately, so that a load on the machine falls on both alike.
#
#   bash bench/run_report.sh KANGLE [RECORDS]
#
# KANGLE is the built binary (e.g. build/cli/kangle). Needs python3, sqlite3 and
# /usr/bin/time. Writes its workspace under BENCH_DIR (default /tmp/kangle-report-bench;
# 1.2 GB at 5M records) and deletes it at the end unless BENCH_KEEP=1 (then a rerun with
# the same size reuses the generated records). INDEXES=1 times a copy of the workspace
# (1.4 GB more) to which the indexes proposed in bench/README.md have been added by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
kangle=$(realpath "${1:?usage: bash bench/run_report.sh KANGLE [RECORDS]}")
records=${2:-5000000}
volunteers=130000
kiosks=200
out=${BENCH_DIR:-/tmp/kangle-report-bench}
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"
results=$out/results.md
: > "$results"
export KANGLE_NOW=2026-07-01T02:00:00Z  # the reports' "generated at"

# shellcheck source=bench/timing.sh
source bench/timing.sh

# alone KANGLE-ARGS...: kangle only, three runs; a row of the table.
alone() {
  local k="$*"
  for _ in 1 2 3; do timed "$k" "$kangle" -w "$ws" "$@"; done
  # shellcheck disable=SC2016
  printf '| `%s` | %s s | | | %s s | %s MB |\n' "$k" "${best[$k]}" "${cpu[$k]}" "${mem[$k]}" | tee -a "$results"
}

# check KIND SQL-FILE KANGLE-ARGS...: kangle's JSON against the SQL's output, figure by
# figure: the headline (current, previous, a year before), the months, every kiosk's and
# every service's row. Exits non-zero, loudly, at the first difference.
check() {
  local kind=$1 sql=$2
  shift 2
  "$kangle" -w "$ws" "$@" --format json > "$out/check.json"
  sqlite3 "$db" ".read $sql" > "$out/check.txt"
  python3 - "$kind" "$out/check.json" "$out/check.txt" <<'PY'
import json, re, sys
kind, report, sql = sys.argv[1], json.load(open(sys.argv[2])), open(sys.argv[3]).read().splitlines()
tables = {t["id"]: t["rows"] for s in report["sections"] for t in s["tables"]}
rows = [line.split("|") for line in sql]
period = (lambda r: re.fullmatch(r"\d{4}-\d\d", r[0])) if kind == "month" else (lambda r: re.fullmatch(r"\d{4}", r[0]))
headline_sql = {r[0]: r for r in rows if period(r) and len(r) == 12}
trend_sql = [r for r in rows if re.fullmatch(r"\d{4}-\d\d", r[0]) and len(r) == 5]
kiosk_sql = [r for r in rows if len(r) == 8 and not period(r)]
service_sql = [r for r in rows if len(r) == 6]
if kind == "month":
    now, before, year = "2026-06", "2026-05", "2025-06"
    trend_sql = [[r[0], str(int(r[1]) + int(r[2])), r[3], r[5], r[6]] for r in headline_sql.values() if r[0] >= "2025-07"]
else:
    now, before, year = "2026", "2025", "2025"
failures, checked = [], 0
def same(what, kangle, sql, places):
    global checked
    checked += 1
    k = None if kangle is None else float(kangle)
    s = None if sql in ("", None) else float(sql)
    if k is None or s is None:
        ok = k is None and (s is None or s == 0)
    else:
        ok = abs(k - s) <= (0.5001 * 10 ** -places if places else 0)
    if not ok:
        failures.append(f"{what}: kangle {kangle}, SQL {sql}")
columns = {"sessions": (1, 0), "themed_events": (2, 0), "residents": (3, 0), "volunteers": (4, 0),
           "volunteer_times": (5, 0), "hours_recorded": (6, 1), "hours_granted": (7, 1), "satisfaction": (8, 2),
           "new_volunteers": (9, 0), "party_share": (10, 1), "points_awarded": (11, 0)}
for row in tables["headline"]:
    if row["metric"] not in columns:
        continue
    col, places = columns[row["metric"]]
    for which, key in (("current", now), ("previous", before), ("last_year", year)):
        same(f"headline {row['metric']} {which} ({key})", row[which], headline_sql[key][col], places)
trend = tables["by_month"]
if [r["month"] for r in trend] != [r[0] for r in trend_sql]:
    failures.append(f"months: kangle {[r['month'] for r in trend]}, SQL {[r[0] for r in trend_sql]}")
for k, s in zip(trend, trend_sql):
    for key, col, places in (("sessions", 1, 0), ("residents", 2, 0), ("volunteer_times", 3, 0), ("hours", 4, 1)):
        same(f"{k['month']} {key}", k[key], s[col], places)
def figures(row_list, keys):
    return sorted(tuple(None if v in (None, "") else round(float(v), 2) for v in r) for r in
                  ([row[key] for key in keys] for row in row_list))
kiosk_keys = ("sessions", "themed_events", "residents", "volunteer_times", "hours", "satisfaction", "all_sessions")
if figures(tables["sessions_by_kiosk"], kiosk_keys) != figures([dict(zip(kiosk_keys, r[1:])) for r in kiosk_sql], kiosk_keys):
    failures.append("the kiosks' rows differ")
checked += len(kiosk_sql)
service_keys = ("sessions", "residents", "per_session", "satisfaction")
if figures(tables["by_service"], service_keys) != figures([dict(zip(service_keys, r[2:])) for r in service_sql], service_keys):
    failures.append("the services' rows differ")
checked += len(service_sql)
if failures or not kiosk_sql or not service_sql:
    sys.exit(f"MISMATCH between kangle and the SQL ({kind}):\n  " + "\n  ".join(failures or ["no rows"]))
cur = headline_sql[now]
print(f"{kind}: kangle and the SQL agree on {checked} figures (e.g. {now}: {cur[1]} sessions, {cur[3]} residents, "
      f"{cur[4]} volunteers)", file=sys.stderr)
PY
}

ws=$out/ws
db=$ws/kangle.db
# Generated once for this size; a rerun with BENCH_KEEP=1 before it reuses the records.
if [ ! -f "$db" ] || [ "$(cat "$out/sizes" 2>/dev/null)" != "$records $volunteers $kiosks" ]; then
  rm -f "$out/sizes"
  rm -rf "$ws"
  "$kangle" init "$ws" --example kangjian >/dev/null
  "$kangle" -w "$ws" points verify >/dev/null  # any database command: the latest schema
  /usr/bin/time -f '%e' -o "$out/generated" \
    python3 bench/gen_records.py "$db" --records "$records" --volunteers "$volunteers" --kiosks "$kiosks"
  echo "$records $volunteers $kiosks" > "$out/sizes"
fi
if [ "${INDEXES:-0}" = 1 ]; then
  # The indexes proposed in bench/README.md, on a copy: the generated database stays as
  # kangle's migrations made it.
  rm -rf "$out/ws-indexed"
  cp -r "$ws" "$out/ws-indexed"
  ws=$out/ws-indexed
  db=$ws/kangle.db
  sqlite3 "$db" <<'SQL'
DROP INDEX service_records_by_date;
CREATE INDEX service_records_by_date ON service_records (date, kiosk, cancelled_at, cadence, service, title, residents, satisfaction);
CREATE INDEX record_volunteers_by_record ON record_volunteers (record_id, volunteer_id, minutes);
SQL
fi
cat "$db" > /dev/null  # into the page cache, for every command alike

check month bench/report_month.sql report month 2026-06
check year bench/report_year.sql report year 2026

{
  echo "| $records records, $volunteers volunteers, $kiosks kiosks | kangle | sqlite3 shell | kangle ÷ sqlite3 | CPU (kangle / sqlite3) | kangle's peak memory |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} | tee -a "$results"
compare ".read bench/report_month.sql" report month 2026-06 --format csv
compare ".read bench/report_month.sql" report month 2026-06 --format json
compare ".read bench/report_year.sql" report year 2026 --format csv
alone report services --period 2026Q2 --format csv
# What else reads the records of a period: each read every record kept before session 36.
alone record hours --period 2026 --format csv
alone points stars --year 2026 --format csv
alone report units --period 2026 --format csv

size=$(stat -c %s "$db")
printf '\ndatabase: %s bytes (%s MiB)' "$size" $((size / 1048576)) | tee -a "$results"
[ -f "$out/generated" ] && printf '; generated in %s s' "$(cat "$out/generated")" | tee -a "$results"
printf '\n' | tee -a "$results"
echo
cat "$results"
