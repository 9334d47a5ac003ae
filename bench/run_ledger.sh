#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The points ledger benchmark of bench/README.md: generates a ledger of ENTRIES entries
# (default 10,000,000) for VOLUNTEERS people (default 130,000: Haining), then times
# `kangle points balance` and `points board` against the bare SQL aggregate in the
# sqlite3 shell, and `points verify` at a tenth, three tenths and all of the ledger.
# Best of 3 wall times (/usr/bin/time), with the CPU time (user + system) and peak memory
# of that run; kangle and the sqlite3 shell run alternately, so that a load on the
# machine falls on both alike.
#
#   bash bench/run_ledger.sh KANGLE [ENTRIES] [VOLUNTEERS]
#
# KANGLE is the built binary (e.g. build/cli/kangle). Needs sqlite3 and /usr/bin/time.
# Writes its workspaces under BENCH_DIR (default /tmp/kangle-ledger-bench; 3.3 GB at 10M
# entries, 4.4 GB at the peak) and deletes them at the end unless BENCH_KEEP=1 (then a
# rerun with the same sizes reuses the generated ledger).
set -euo pipefail
cd "$(dirname "$0")/.."
kangle=$(realpath "${1:?usage: bash bench/run_ledger.sh KANGLE [ENTRIES] [VOLUNTEERS]}")
entries=${2:-10000000}
volunteers=${3:-130000}
out=${BENCH_DIR:-/tmp/kangle-ledger-bench}
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"
results=$out/results.md
: > "$results"

# A workspace at the latest schema with an empty ledger.
new_workspace() {
  rm -rf "$1"
  "$kangle" init "$1" --example kangjian >/dev/null
  "$kangle" -w "$1" points verify >/dev/null
}

# shellcheck source=bench/timing.sh
source bench/timing.sh

# verify_row WS N: `kangle points verify` on a workspace of N entries, three runs.
verify_row() {
  local label="verify $2"
  for _ in 1 2 3; do timed "$label" "$kangle" -w "$1" points verify; done
  printf '| %s | %s s | %s | %s s | %s MB |\n' "$2" "${best[$label]}" \
    "$(awk "BEGIN { printf \"%.0f\", $2 / ${best[$label]} }")" "${cpu[$label]}" "${mem[$label]}" | tee -a "$results"
}

ws=$out/ws
db=$ws/kangle.db
# Generated once for these sizes; a rerun with BENCH_KEEP=1 before it reuses the ledger.
if [ ! -f "$db" ] || [ "$(cat "$out/sizes" 2>/dev/null)" != "$entries $volunteers" ]; then
  rm -f "$out/sizes"
  new_workspace "$ws"
  /usr/bin/python3 bench/gen_ledger.py "$db" --volunteers "$volunteers" --entries "$entries"
  echo "$entries $volunteers" > "$out/sizes"
fi
"$kangle" -w "$ws" points verify
cat "$db" > /dev/null  # into the page cache, for every command alike

{
  echo "| $entries entries, $volunteers volunteers | kangle | sqlite3 shell | kangle ÷ sqlite3 | CPU (kangle / sqlite3) | kangle's peak memory |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} | tee -a "$results"
board="SELECT volunteer_id, sum(points) FROM points_ledger WHERE date BETWEEN '%s' AND '%s' AND kind <> 'redeem' GROUP BY volunteer_id ORDER BY 2 DESC LIMIT 10"
# shellcheck disable=SC2059
{
  compare "SELECT volunteer_id, sum(points) FROM points_ledger GROUP BY volunteer_id" points balance --format csv
  compare "$(printf "$board" 2026-01-01 2026-12-31)" points board --year 2026 --format csv
  compare "$(printf "$board" 2026-12-01 2026-12-31)" points board --month 2026-12 --format csv
}
size=$(stat -c %s "$db")

{
  echo
  echo "| points verify: entries | best of 3 | entries/s | CPU | peak memory |"
  echo "| ---: | ---: | ---: | ---: | ---: |"
} | tee -a "$results"
# A tenth and three tenths of the ledger: prefixes of the big one, whose chain and
# balances are as valid as the whole's.
for n in $((entries / 10)) $((entries * 3 / 10)); do
  small=$out/ws-$n
  new_workspace "$small"
  sqlite3 "$small/kangle.db" <<SQL
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
ATTACH '$db' AS big;
BEGIN;
INSERT INTO volunteers SELECT * FROM big.volunteers;
INSERT INTO points_ledger SELECT * FROM big.points_ledger WHERE id <= $n;
COMMIT;
SQL
  sqlite3 "$small/kangle.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  "$kangle" -w "$small" points verify >/dev/null  # fails the script if the prefix did not verify
  cat "$small/kangle.db" > /dev/null
  verify_row "$small" "$n"
  rm -rf "$small"
done
verify_row "$ws" "$entries"
printf '\ndatabase: %s bytes (%s MiB)\n' "$size" $((size / 1048576)) | tee -a "$results"
echo
cat "$results"
