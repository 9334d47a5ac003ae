# SPDX-License-Identifier: Apache-2.0
# Sourced by bench/run_ledger.sh and bench/run_report.sh: best-of-3 timings of kangle
# against the sqlite3 shell, as rows of a Markdown table. The caller sets `out` (a
# scratch folder), `results` (the table's file), `kangle`, `ws` and `db`.

# timed LABEL COMMAND...: one run, stdout to /dev/null. Keeps each label's fastest run:
# wall time in best[], peak memory in mem[], CPU time in cpu[].
declare -A best mem cpu
timed() {
  local label=$1 t m u s
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$out/time" "$@" >/dev/null
  read -r t m u s < "$out/time"
  if [ -z "${best[$label]:-}" ] || awk "BEGIN { exit !($t < ${best[$label]}) }"; then
    best[$label]=$t mem[$label]=$((m / 1024)) cpu[$label]=$(awk "BEGIN { printf \"%.2f\", $u + $s }")
  fi
}

# compare SQL KANGLE-ARGS...: `kangle -w $ws KANGLE-ARGS` against `sqlite3 $db SQL` (a
# statement, or `.read FILE`), three runs each, alternately, so that a load on the
# machine falls on both alike; a row of the table.
compare() {
  local sql=$1 k s
  shift
  k="$*" s="sqlite3: $sql for $*"  # each row its own best of 3
  for _ in 1 2 3; do
    timed "$k" "$kangle" -w "$ws" "$@"
    timed "$s" sqlite3 "$db" "$sql"
  done
  # shellcheck disable=SC2016 # the backquotes are Markdown's
  printf '| `%s` | %s s | %s s | %s | %s s / %s s | %s MB |\n' "$k" "${best[$k]}" "${best[$s]}" \
    "$(awk "BEGIN { printf \"%.2f×\", ${best[$k]} / (${best[$s]} > 0 ? ${best[$s]} : 0.01) }")" \
    "${cpu[$k]}" "${cpu[$s]}" "${mem[$k]}" | tee -a "$results"
}
