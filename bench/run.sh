#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The import benchmark of bench/README.md: generates ROWS sign-ups (default
# 130,000), then times kangle's import of the xlsx and of the GB18030 CSV against
# openpyxl + executemany and against sqlite3's .import of the plain CSV.
# Needs: a built kangle (scripts/build.sh), python3-openpyxl, sqlite3, hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-130000}
out=${BENCH_DIR:-/tmp/kangle-bench}
kangle=$PWD/build/cli/kangle
mkdir -p "$out"
[ -f "$out/signups.xlsx" ] && [ "$(cat "$out/rows" 2>/dev/null)" = "$rows" ] || {
  /usr/bin/python3 bench/gen_signups.py "$rows" "$out"
  echo "$rows" > "$out/rows"
}
fresh="rm -rf $out/ws $out/base.db && $kangle init $out/ws --example kangjian >/dev/null"
hyperfine --warmup 1 --runs 5 --export-markdown "$out/results.md" \
  --prepare "$fresh" -n "kangle import (xlsx)" "$kangle -w $out/ws import volunteers $out/signups.xlsx >/dev/null || [ \$? -eq 1 ]" \
  --prepare "$fresh" -n "kangle import (GB18030 csv)" "$kangle -w $out/ws import volunteers $out/signups-gb18030.csv >/dev/null || [ \$? -eq 1 ]" \
  --prepare "$fresh" -n "openpyxl + executemany (xlsx)" "/usr/bin/python3 bench/baseline_openpyxl.py $out/signups.xlsx $out/base.db" \
  --prepare "$fresh" -n "sqlite3 .import (plain csv)" "sqlite3 $out/base.db '.import --csv $out/signups-plain.csv volunteers'"
for f in signups.xlsx signups-gb18030.csv; do
  eval "$fresh"
  /usr/bin/time -f "kangle import $f: %M KB peak memory" "$kangle" -w "$out/ws" import volunteers "$out/$f" >/dev/null || true
done
cat "$out/results.md"
