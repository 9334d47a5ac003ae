#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The matching benchmark of bench/README.md ("Matching at district size"): generates a
# district of NEEDS needs and RESOURCES resources (default 50,000 and 5,000 over 20 km ×
# 20 km; KM sets the side), imports them with kangle, back-dates the needs (an import
# stamps every row with its own time), then times `kangle match run --dry-run` and the
# real run (best of 3 wall times with /usr/bin/time, peak memory of that run; each real
# run on a fresh copy of the imported database), scores the real run's projects, and
# solves the same instance with networkx (one exactly lexicographic network_simplex;
# apt-get install python3-networkx), once, under NX_TIMEOUT seconds (default 7200).
#
#   bash bench/run_match.sh KANGLE [NEEDS] [RESOURCES] [KM]
#
# KANGLE is the built binary (e.g. build/cli/kangle). Needs sqlite3 and /usr/bin/time.
# Works under BENCH_DIR (default /tmp/kangle-match-bench), deleted at the end unless
# BENCH_KEEP=1. NX=0 skips networkx.
set -euo pipefail
cd "$(dirname "$0")/.."
kangle=$(realpath "${1:?usage: bash bench/run_match.sh KANGLE [NEEDS] [RESOURCES] [KM]}")
needs=${2:-50000}
resources=${3:-5000}
km=${4:-20}
out=${BENCH_DIR:-/tmp/kangle-match-bench}/$needs-$resources
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out"
mkdir -p "$out"
export KANGLE_NOW=2026-12-01T02:00:00Z KANGLE_LANG=en
today=${KANGLE_NOW:0:10}
results=$out/results.txt
: > "$results"
ws=$out/ws
db=$ws/kangle.db

# timed LABEL COMMAND...: one run; stdout to $out/last.out; "LABEL seconds KB" into
# $results when it succeeds; returns the command's status.
timed() {
  local label=$1 t m status=0
  shift
  /usr/bin/time -f '%e %M' -o "$out/time" "$@" > "$out/last.out" || status=$?
  [ "$status" = 0 ] || return "$status"
  read -r t m < "$out/time"
  printf '%s\t%s\t%s\n' "$label" "$t" "$m" | tee -a "$results"
}
# best_of_3 LABEL SETUP COMMAND...: SETUP (a shell snippet) before each of three runs.
best_of_3() {
  local label=$1 setup=$2 best="" kb="" t m
  shift 2
  for _ in 1 2 3; do
    eval "$setup"
    /usr/bin/time -f '%e %M' -o "$out/time" "$@" > "$out/last.out"
    read -r t m < "$out/time"
    if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t kb=$m; fi
  done
  printf '%s\t%s\t%s\n' "$label" "$best" "$kb" | tee -a "$results"
}

python3 bench/gen_match.py generate "$out/sheets" --needs "$needs" --resources "$resources" --km "$km" --today "$today"
"$kangle" init "$ws" --example kangjian > /dev/null
timed "kangle import needs" "$kangle" -w "$ws" import needs "$out/sheets/需求清单.csv"
tail -n 3 "$out/last.out"
timed "kangle import resources" "$kangle" -w "$ws" import resources "$out/sheets/资源清单.csv"
tail -n 3 "$out/last.out"
python3 bench/gen_match.py backdate "$db" "$out/sheets"
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
cp "$db" "$out/imported.db"
cat "$db" > /dev/null  # into the page cache, for every command alike

fresh="cp '$out/imported.db' '$db'; rm -f '$db-wal' '$db-shm'"
best_of_3 "kangle match run --dry-run" "$fresh" "$kangle" -w "$ws" match run --dry-run
tail -n 3 "$out/last.out" | tee "$out/dry.txt"
best_of_3 "kangle match run" "$fresh" "$kangle" -w "$ws" match run
tail -n 2 "$out/last.out"
python3 bench/gen_match.py score "$db" --today "$today" | tee "$out/kangle.txt"
timed "kangle match gaps" "$kangle" -w "$ws" match gaps --format csv
printf 'projects\t%s\n' "$(sqlite3 "$db" 'SELECT count(*) FROM projects')" | tee -a "$results"

if [ "${NX:-1}" = 1 ]; then
  if timed "networkx network_simplex (python3 gen_match.py solve)" \
      timeout "${NX_TIMEOUT:-7200}" python3 bench/gen_match.py solve "$out/imported.db" --today "$today"; then
    tee "$out/networkx.txt" < "$out/last.out"
  else
    echo "networkx did not finish within ${NX_TIMEOUT:-7200} s" | tee "$out/networkx.txt"
  fi
fi

echo
echo "## $needs needs × $resources resources, ${km} km × ${km} km"
grep -h '^pool' "$out/networkx.txt" 2>/dev/null || true
grep -h '^kangle:' "$out/kangle.txt"
grep -h '^networkx:' "$out/networkx.txt" 2>/dev/null || true
if [ -f "$out/networkx.txt" ] && grep -q '^networkx:' "$out/networkx.txt"; then
  k=$(sed -n 's/^kangle: \(.*\) (.*/\1/p' "$out/kangle.txt")
  x=$(sed -n 's/^networkx: \(.*\) (.*/\1/p' "$out/networkx.txt")
  if [ "$k" = "$x" ]; then echo "objectives: EQUAL"; else echo "objectives: DIFFER"; fi
fi
echo
echo "| command | time | peak memory |"
echo "| --- | ---: | ---: |"
awk -F'\t' 'NF == 3 { printf "| %s | %.2f s | %d MB |\n", $1, $2, $3 / 1024 }' "$results"
