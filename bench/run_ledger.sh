#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The points ledger benchmark of bench/README.md: generates a ledger of ENTRIES entries
# (default 10,000,000) for VOLUNTEERS people (default 130,000: Haining), then times
# `kangle points balance` and `points board` against the bare SQL aggregate in the
# sqlite3 shell, and `points verify` at a tenth, three tenths and all of the ledger.
# Best of 3 wall times (/usr/bin/time), peak memory of that run.
#
#   bash bench/run_ledger.sh KANGLE [ENTRIES] [VOLUNTEERS]
#
# KANGLE is the built binary (e.g. build/cli/kangle). Needs sqlite3 and /usr/bin/time.
# Writes its workspaces under BENCH_DIR (default /tmp/kangle-ledger-bench, about 3.6 GB
# at 10M entries) and deletes them at the end unless BENCH_KEEP=1 (then a rerun with the
# same sizes reuses the generated ledger).
set -euo pipefail
cd "$(dirname "$0")/.."
kangle=$(realpath "${1:?usage: bash bench/run_ledger.sh KANGLE [ENTRIES] [VOLUNTEERS]}")
entries=${2:-10000000}
volunteers=${3:-130000}
out=${BENCH_DIR:-/tmp/kangle-ledger-bench}
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"
results=$out/results.txt
: > "$results"

# A workspace at the latest schema with an empty ledger.
new_workspace() {
  rm -rf "$1"
  "$kangle" init "$1" --example kangjian >/dev/null
  "$kangle" -w "$1" points verify >/dev/null
}

# best_of_3 LABEL COMMAND...: the fastest of three runs (stdout to /dev/null) into $results.
best_of_3() {
  local label=$1 best="" kb="" t
  shift
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$out/time" "$@" >/dev/null
    read -r t m < "$out/time"
    if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t kb=$m; fi
  done
  printf '%s\t%s\t%s\n' "$label" "$best" "$kb" | tee -a "$results"
}

ws=$out/ws
db=$ws/kangle.db
# Generated once for these sizes; a rerun with BENCH_KEEP=1 before it reuses the ledger.
[ -f "$db" ] && [ "$(cat "$out/sizes" 2>/dev/null)" = "$entries $volunteers" ] || {
  rm -f "$out/sizes"
  new_workspace "$ws"
  /usr/bin/python3 bench/gen_ledger.py "$db" --volunteers "$volunteers" --entries "$entries"
  echo "$entries $volunteers" > "$out/sizes"
}
"$kangle" -w "$ws" points verify
cat "$db" > /dev/null  # into the page cache, for every command alike

year="SELECT volunteer_id, sum(points) FROM points_ledger WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND kind <> 'redeem' GROUP BY volunteer_id ORDER BY 2 DESC LIMIT 10"
month="SELECT volunteer_id, sum(points) FROM points_ledger WHERE date BETWEEN '2026-12-01' AND '2026-12-31' AND kind <> 'redeem' GROUP BY volunteer_id ORDER BY 2 DESC LIMIT 10"
best_of_3 "kangle points balance --format csv" "$kangle" -w "$ws" points balance --format csv
best_of_3 "sqlite3: sum(points) GROUP BY volunteer_id" sqlite3 "$db" "SELECT volunteer_id, sum(points) FROM points_ledger GROUP BY volunteer_id"
best_of_3 "kangle points board --year 2026 --format csv" "$kangle" -w "$ws" points board --year 2026 --format csv
best_of_3 "sqlite3: the year's top 10" sqlite3 "$db" "$year"
best_of_3 "kangle points board --month 2026-12 --format csv" "$kangle" -w "$ws" points board --month 2026-12 --format csv
best_of_3 "sqlite3: the month's top 10" sqlite3 "$db" "$month"
printf 'database size\t%s bytes (%s)\n' "$(stat -c %s "$db")" "$(du -h "$db" | cut -f1)" | tee -a "$results"

# verify at a tenth and three tenths of the ledger: prefixes of the big one, whose chain
# and balances are as valid as the whole's.
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
  "$kangle" -w "$small" points verify
  cat "$small/kangle.db" > /dev/null
  best_of_3 "kangle points verify, $n entries" "$kangle" -w "$small" points verify
  rm -rf "$small"
done
best_of_3 "kangle points verify, $entries entries" "$kangle" -w "$ws" points verify

echo
echo "| ${entries} entries, ${volunteers} volunteers | kangle | sqlite3 shell | kangle ÷ sqlite3 | kangle's peak memory |"
echo "| --- | ---: | ---: | ---: | ---: |"
awk -F'\t' '
  /^kangle points (balance|board)/ { name = $1; sub(/^kangle /, "", name); k = $2; kmem = $3; next }
  /^sqlite3/ { printf "| `%s` | %.2f s | %.2f s | %s | %d MB |\n", name, k, $2, ($2 > 0 ? sprintf("%.2f×", k / $2) : "–"), kmem / 1024 }
' "$results"
echo
echo "| points verify | best of 3 | entries/s | peak memory |"
echo "| ---: | ---: | ---: | ---: |"
awk -F'\t' '
  /verify/ { n = $1; sub(/.*verify, /, "", n); sub(/ entries/, "", n)
             printf "| %s entries | %.2f s | %.0f | %d MB |\n", n, $2, n / $2, $3 / 1024 }
  /^database size/ { size = $2 }
  END { print ""; print "database: " size }
' "$results"
