#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The growth table of issue 22 (bench/README.md, "Growth"): the rota, the matching and the
# import of sign-ups at sizes that double, each with its time, peak memory and ratio to the
# size before, and each result checked:
# - rota: `schedule build --month 2026-12` for districts of 50 × 5,000 up to 400 × 40,000
#   (ROTA_SIZES, KIOSKS:VOLUNTEERS each: add "800:80000 999:128000" for a city, some
#   ten minutes more; bench/gen_district.py); the network of the same build (`--dry-run --flow-out`) solved
#   again by another of LEMON's algorithms (bench/flow_solvers.cpp, CostScaling with
#   128-bit costs): the two optima must be equal; then drop-outs from the 1st and from the
#   15th (`schedule drop` of the volunteer with the most seats from then on), each rebuild
#   timed beside the build;
# - matching: `match run` for 6,250 needs × 625 resources up to 50,000 × 5,000, the district
#   growing with them (the same density; bench/gen_match.py); its objective against
#   networkx's (gen_match.py solve) where networkx ends within NX_TIMEOUT seconds (default
#   600: about 20,000 × 2,000); and the run's time over the time it takes to read the pairs
#   (bench/match_pairs.cpp, MATCH_PAIRS: the workspace's pool loaded and every servable
#   pair listed, on the workspace before the run);
# - import: `import volunteers` of the GB18030 CSV of 10,000, 130,000 and 1,000,000 rows
#   (IMPORT_ROWS: add 2000000 to see the memory past SQLite's bounded caches, some ten
#   minutes more; bench/gen_signups.py): the people stored must be the distinct phone numbers of the
#   sheet, as Python counts them;
# - records: `import records` of a month's service records (2027-01) of 12,000 up to 96,000
#   rows (RECORD_ROWS; bench/gen_month_records.py) into five years' (RECORD_HISTORY records,
#   default 5,000,000; bench/gen_records.py): each row is checked against the records
#   stored, its volunteers elsewhere at the time refused; checked that every row was added
#   or refused, and that no volunteer of an added record is in another at the same time.
#
#   bash bench/growth.sh [rota] [match] [import] [records]   (default: all four; about 25 minutes)
#
# KANGLE is the binary (default build/cli/kangle, copied first). Needs g++ and liblemon-dev
# (the rota's check), python3-openpyxl, python3-xlsxwriter and python3-networkx (Debian), sqlite3 and
# /usr/bin/time. PYTHON (default /usr/bin/python3) runs the generators; NX_PYTHON (default
# PYTHON) networkx. Every command timed (the rota's build and drop-outs, the matching's run
# and its pairs' reading, the import) is run GROWTH_RUNS times (default 3), each from the
# same database, and the least kept: the same work took from 7.7 to 10.8 s at 800 × 80,000
# on this machine, and a million rows' import from 9.3 to 11.5 s, so one run's ratio says
# little.
# Works under BENCH_DIR (default /tmp/kangle-growth), deleted at the end unless BENCH_KEEP=1.
# Exits 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(rota match import records)
python=${PYTHON:-/usr/bin/python3}
out=${BENCH_DIR:-/tmp/kangle-growth}
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out"
mkdir -p "$out"
kangle=$out/kangle
cp "$(realpath "${KANGLE:-build/cli/kangle}")" "$kangle"
export KANGLE_LANG=en NO_COLOR=1
failed=0

# measure COMMAND...: runs it once, its output in $out/last.out; sets `seconds` and `mb`.
measure() {
  if ! /usr/bin/time -f '%e %M' -o "$out/time" "$@" > "$out/last.out" 2> "$out/last.err"; then
    cat "$out/last.err" >&2
    echo "FAIL: $*" >&2
    exit 1
  fi
  read -r seconds kb < "$out/time"
  mb=$((kb / 1024))
}
# least_of_runs DATABASE WORKSPACE COMMAND...: COMMAND GROWTH_RUNS times, the workspace's
# database a copy of DATABASE before each; `seconds` the least, `mb` that run's.
least_of_runs() {
  local database=$1 workspace=$2 least="" least_mb=0
  shift 2
  for ((run = 0; run < ${GROWTH_RUNS:-3}; run++)); do
    cp "$database" "$workspace/kangle.db"
    rm -f "$workspace/kangle.db-wal" "$workspace/kangle.db-shm"
    measure "$@"
    if [ -z "$least" ] || awk "BEGIN { exit !($seconds < $least) }"; then least=$seconds least_mb=$mb; fi
  done
  seconds=$least mb=$least_mb
}
# row SIZE CHECK: a row of the table, with the ratio of `seconds` to the size before's.
row() {
  local ratio="" memory_ratio=""
  if [ -n "${previous_seconds:-}" ]; then
    ratio=$(awk "BEGIN { printf \"×%.1f\", $seconds / ($previous_seconds > 0 ? $previous_seconds : 0.01) }")
    memory_ratio=$(awk "BEGIN { printf \"×%.1f\", $mb / ($previous_mb > 0 ? $previous_mb : 1) }")
  fi
  printf '| %s | %.2f s | %s | %d MB | %s | %s |\n' "$1" "$seconds" "$ratio" "$mb" "$memory_ratio" "$2"
  previous_seconds=$seconds previous_mb=$mb
}
header() {
  echo
  echo "$1"
  echo
  echo "| size | time | ratio | peak memory | ratio | checked |"
  echo "| --- | ---: | ---: | ---: | ---: | --- |"
  previous_seconds="" previous_mb=""
}

growth_rota() {
  g++ -O2 -std=c++20 -Ilib -c lib/solver/min_cost_flow.cpp -o "$out/min_cost_flow.o" 2> /dev/null
  g++ -O2 -std=c++17 -Ilib bench/flow_solvers.cpp "$out/min_cost_flow.o" -o "$out/flow_solvers" -llemon 2> /dev/null
  header "Rota: \`schedule build --month 2026-12\` (kiosks × volunteers)"
  local sites volunteers ws rebuilds=()
  local -x KANGLE_NOW=2026-11-23T02:00:00Z  # before December: the whole month is open
  for size in ${ROTA_SIZES:-50:5000 100:10000 200:20000 400:40000}; do
    sites=${size%:*} volunteers=${size#*:} ws=$out/rota-$sites/ws
    "$python" bench/gen_district.py "$sites" "$volunteers" "$out/rota-$sites/input" > /dev/null
    "$kangle" init "$ws" > /dev/null
    cp "$out/rota-$sites"/input/kiosks/*.toml "$ws/kiosks/"
    "$kangle" -w "$ws" import volunteers "$out/rota-$sites/input/志愿者报名表.csv" > /dev/null
    # The build is timed; a dry run then writes its network for the check.
    cp "$ws/kangle.db" "$out/rota-$sites/imported.db"
    least_of_runs "$out/rota-$sites/imported.db" "$ws" "$kangle" -w "$ws" schedule build --month 2026-12
    cp "$ws/kangle.db" "$out/rota-$sites/built.db"
    local built_seconds=$seconds built_mb=$mb rebuild=""
    # Drop-outs from the build: from the 1st, and from the 15th, each the volunteer with the
    # most seats from that day on; the month is rebuilt around each.
    for from in 2026-12-01 2026-12-15; do
      local dropped
      dropped=$(sqlite3 "$out/rota-$sites/built.db" "SELECT v.phone FROM rota_seats s JOIN volunteers v ON v.id = s.volunteer_id
                                         WHERE s.date >= '$from' GROUP BY v.id ORDER BY count(*) DESC, v.id LIMIT 1")
      least_of_runs "$out/rota-$sites/built.db" "$ws" "$kangle" -w "$ws" schedule drop "$dropped" --month 2026-12 --from "$from" --format json
      rebuild+=$(printf ' %.2f s (%d MB, %s moved) |' "$seconds" "$mb" \
        "$("$python" -c 'import json, sys; print(json.load(sys.stdin)["facts"]["moved"])' < "$out/last.out")")
    done
    rebuilds+=("$(printf '| %s × %s | %.2f s (%d MB) |%s' "$sites" "$volunteers" "$built_seconds" "$built_mb" "$rebuild")")
    seconds=$built_seconds mb=$built_mb
    cp "$out/rota-$sites/imported.db" "$ws/kangle.db"
    rm -f "$ws/kangle.db-wal" "$ws/kangle.db-shm"
    "$kangle" -w "$ws" schedule build --month 2026-12 --dry-run --flow-out "$out/rota-$sites/rota.dimacs" > /dev/null
    local check
    if "$out/flow_solvers" "$out/rota-$sites/rota.dimacs" cost-partial-128 > "$out/solver.txt"; then
      check="the optimum CostScaling finds ($(awk '$1 == "c" && $2 == "optimum" { print $3 }' "$out/rota-$sites/rota.dimacs"))"
    else
      check="FAILED: $(tail -n 1 "$out/solver.txt")"
      failed=1
    fi
    row "$sites × $volunteers" "$check"
    rm -rf "$out/rota-$sites"
  done
  echo
  echo "Rota: drop-outs (\`schedule drop\`: the month rebuilt around it, the days before kept)"
  echo
  echo "| size | build | from the 1st | from the 15th |"
  echo "| --- | ---: | ---: | ---: |"
  printf '%s\n' "${rebuilds[@]}"
}

growth_match() {
  local match_pairs=$out/match_pairs
  cp "$(realpath "${MATCH_PAIRS:-build/bench/match_pairs}")" "$match_pairs"
  header "Matching: \`match run\` (needs × resources, the district's side)"
  local needs resources km ws db nx_check
  local -x KANGLE_NOW=2026-12-01T02:00:00Z
  for size in 6250:625:7.1 12500:1250:10 25000:2500:14.1 50000:5000:20; do
    IFS=: read -r needs resources km <<< "$size"
    ws=$out/match-$needs/ws db=$ws/kangle.db
    "$python" bench/gen_match.py generate "$out/match-$needs/sheets" --needs "$needs" --resources "$resources" \
      --km "$km" --today 2026-12-01 > /dev/null
    "$kangle" init "$ws" --example kangjian > /dev/null
    "$kangle" -w "$ws" import needs "$out/match-$needs/sheets/需求清单.csv" > /dev/null
    "$kangle" -w "$ws" import resources "$out/match-$needs/sheets/资源清单.csv" > /dev/null
    "$python" bench/gen_match.py backdate "$db" "$out/match-$needs/sheets" > /dev/null
    cp "$db" "$out/match-$needs/imported.db"
    # The goal's yardstick: reading the pairs (bench/match_pairs.cpp), on the same workspace.
    least_of_runs "$out/match-$needs/imported.db" "$ws" "$match_pairs" "$ws" 2026-12-01
    local pairs_read=$seconds
    least_of_runs "$out/match-$needs/imported.db" "$ws" "$kangle" -w "$ws" match run
    local mine theirs status=0
    mine=$("$python" bench/gen_match.py score "$db" --today 2026-12-01 | sed -n 's/^kangle: \(.*\) (.*/\1/p')
    if ! "${NX_PYTHON:-$python}" -c 'import networkx' 2> /dev/null; then
      status=none
    else
      timeout "${NX_TIMEOUT:-600}" "${NX_PYTHON:-$python}" bench/gen_match.py solve "$out/match-$needs/imported.db" --today 2026-12-01 \
        > "$out/networkx.txt" || status=$?
    fi
    theirs=$(sed -n 's/^networkx: \(.*\) (.*/\1/p' "$out/networkx.txt" 2> /dev/null)
    if [ "$status" = none ]; then
      nx_check="not checked: no networkx for ${NX_PYTHON:-$python} (apt-get install python3-networkx); kangle $mine"
    elif [ "$status" = 124 ]; then
      nx_check="not checked: networkx did not end within ${NX_TIMEOUT:-600} s"
    elif [ -n "$theirs" ] && [ "$theirs" = "$mine" ]; then
      nx_check="the objective networkx finds ($mine)"
    else
      nx_check="FAILED: kangle $mine, networkx ${theirs:-none}"
      failed=1
    fi
    row "$needs × $resources, $km km" "$(awk "BEGIN { printf \"%.1f× the %.2f s of reading its pairs\", $seconds / ($pairs_read > 0 ? $pairs_read : 0.01), $pairs_read }"); $nx_check"
    rm -rf "$out/match-$needs"
  done
}

growth_import() {
  header "Import: \`import volunteers\` of a GB18030 CSV (rows)"
  local ws stored expected
  for rows in ${IMPORT_ROWS:-10000 130000 1000000}; do
    ws=$out/import-$rows/ws
    "$python" bench/gen_signups.py "$rows" "$out/import-$rows" > /dev/null
    "$kangle" init "$ws" --example kangjian > /dev/null
    cp "$ws/kangle.db" "$out/import-$rows/empty.db"
    # Exit 1: rows were rejected (the sheet has people without a phone).
    least_of_runs "$out/import-$rows/empty.db" "$ws" \
      bash -c '"$@" || [ $? = 1 ]' import "$kangle" -w "$ws" import volunteers "$out/import-$rows/signups-gb18030.csv"
    stored=$(sqlite3 "$ws/kangle.db" "SELECT count(*) FROM volunteers")
    expected=$("$python" -c 'import csv, sys; print(len({r["phone"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["phone"]}))' \
      "$out/import-$rows/signups-plain.csv")
    if [ "$stored" = "$expected" ]; then
      row "$rows" "the $stored distinct phones, a person each"
    else
      row "$rows" "FAILED: $stored people stored, $expected distinct phones"
      failed=1
    fi
    rm -rf "$out/import-$rows"
  done
}

growth_records() {
  local history=${RECORD_HISTORY:-5000000} ws=$out/records/ws db added refused clashes
  local -x KANGLE_NOW=2027-02-01T02:00:00Z  # the month's days are all past
  header "Records: \`import records\` of a month's service records into $history stored (rows)"
  "$kangle" init "$ws" --example kangjian > /dev/null
  "$kangle" -w "$ws" points verify > /dev/null  # any database command: the latest schema
  "$python" bench/gen_records.py "$ws/kangle.db" --records "$history" 2> /dev/null
  cp "$ws/kangle.db" "$out/records/history.db"
  for rows in ${RECORD_ROWS:-12000 24000 48000 96000}; do
    "$python" bench/gen_month_records.py "$out/records/history.db" "$out/records/month-$rows.csv" --rows "$rows"
    # Exit 1: rows were refused.
    least_of_runs "$out/records/history.db" "$ws" \
      bash -c '"$@" || [ $? = 1 ]' import "$kangle" -w "$ws" import records "$out/records/month-$rows.csv" --format json
    read -r added refused < <("$python" -c 'import json, sys; f = json.load(sys.stdin)["facts"]; print(f["added"], f["rejected"])' < "$out/last.out")
    db=$ws/kangle.db
    # By the records' own dates, not the volunteers' copy the import looks up by: the month
    # comes after the five years, so a clash can only be between two of its records.
    clashes=$(sqlite3 "$db" "CREATE TEMP TABLE added AS SELECT a.volunteer_id AS volunteer, r.date AS day,
        r.start_minute, r.end_minute, r.id
      FROM service_records r JOIN record_volunteers a ON a.record_id = r.id WHERE r.id > $history AND r.cancelled_at IS NULL;
      CREATE INDEX temp.added_by_volunteer ON added (volunteer, day);
      SELECT count(*) FROM added x JOIN added y ON y.volunteer = x.volunteer AND y.day = x.day AND y.id <> x.id
      WHERE x.start_minute < y.end_minute AND y.start_minute < x.end_minute")
    if [ $((added + refused)) = "$rows" ] && [ "$clashes" = 0 ]; then
      row "$rows" "$added added, $refused refused; no one in two places at once"
    else
      row "$rows" "FAILED: $added added + $refused refused of $rows rows, $clashes clashes"
      failed=1
    fi
  done
  rm -rf "$out/records"
}

for job in "${jobs[@]}"; do
  case $job in
    rota | match | import | records) "growth_$job" ;;
    *) echo "unknown job $job (rota, match, import, records)" >&2; exit 2 ;;
  esac
done
exit "$failed"
