#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The rota benchmark of bench/README.md ("The rota at a district's size"): generates a
# district of SITES kiosks and VOLUNTEERS volunteers (default 200 and 20,000; 10 and 300
# is a street) with bench/gen_district.py, makes a workspace of it (`kangle init`, the
# kiosk files copied into kiosks/, `kangle import volunteers`), and times `kangle
# schedule build --month 2026-12`, its dry run and a rebuild of the built month (best
# of RUNS wall times with /usr/bin/time, default 3, each build on a fresh copy of the
# imported database; CPU time and peak memory of that run) and `schedule explain`
# (once: it plans the month again). Then kangle writes the network of the build
# (`--dry-run --flow-out FILE`: DIMACS, ending `c optimum COST`) and networkx solves it
# again (bench/flow_networkx.py; apt-get install python3-networkx), once, under
# NX_TIMEOUT seconds (default 7200). The two optima must be equal: if not, it says so
# and exits 1, keeping the network. NX=0 skips networkx. NX=merge has it merge seats as
# `flow_networkx.py --merge-seats` does, which kangle's own network now already is (about
# a million arcs at a district's size: networkx takes some 20 minutes there).
#
#   bash bench/run_schedule.sh [SITES] [VOLUNTEERS]
#
# KANGLE is the binary (default build/cli/kangle), copied first so that a rebuild of the
# tree does not swap it mid-run. PYTHON (default /usr/bin/python3) must have networkx.
# Works under BENCH_DIR (default /tmp/kangle-schedule-bench), deleted at the end unless
# BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
sites=${1:-200}
volunteers=${2:-20000}
runs=${RUNS:-3}
nx=${NX:-1}
case $nx in
  0 | 1) nx_options=() ;;
  merge) nx_options=(--merge-seats) ;;
  *) echo "NX must be 0, 1 or merge" >&2; exit 2 ;;
esac
python=${PYTHON:-/usr/bin/python3}
out=${BENCH_DIR:-/tmp/kangle-schedule-bench}/$sites-$volunteers
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$out"' EXIT
rm -rf "$out"
mkdir -p "$out"
kangle=$out/kangle
cp "$(realpath "${KANGLE:-build/cli/kangle}")" "$kangle"
# Today is before December: the whole month is open (a rebuild freezes no day of it).
export KANGLE_NOW=2026-11-23T02:00:00Z KANGLE_LANG=en NO_COLOR=1
ws=$out/ws
db=$ws/kangle.db
month=2026-12
# timed LABEL COMMAND...: one run, its output in $out/last.out and $out/last.err; keeps
# each label's fastest run: wall time in best[], peak memory in mem[], CPU time in cpu[]
# (as bench/timing.sh does, but a failed run stops the benchmark with its messages).
declare -A best mem cpu
timed() {
  local label=$1 t m u s
  shift
  if ! /usr/bin/time -f '%e %M %U %S' -o "$out/time" "$@" > "$out/last.out" 2> "$out/last.err"; then
    cat "$out/last.err" >&2
    echo "FAIL: $*" >&2
    exit 1
  fi
  read -r t m u s < "$out/time"
  if [ -z "${best[$label]:-}" ] || awk "BEGIN { exit !($t < ${best[$label]}) }"; then
    best[$label]=$t mem[$label]=$((m / 1024)) cpu[$label]=$(awk "BEGIN { printf \"%.2f\", $u + $s }")
  fi
}
fresh() { cp "$out/imported.db" "$db"; rm -f "$db-wal" "$db-shm"; }

"$python" bench/gen_district.py "$sites" "$volunteers" "$out/input"
"$kangle" init "$ws" > /dev/null
cp "$out"/input/kiosks/*.toml "$ws/kiosks/"
"$kangle" -w "$ws" check > /dev/null || { "$kangle" -w "$ws" check; exit 3; }
/usr/bin/time -f '%e s, peak memory %M KB' "$kangle" -w "$ws" import volunteers "$out/input/志愿者报名表.csv"
[ ! -e "$db-wal" ] || { echo "the database still has a WAL after the import" >&2; exit 3; }
cp "$db" "$out/imported.db"

build="schedule build --month $month"
dry="schedule build --month $month --dry-run"
rebuild="schedule build --month $month (a rebuild)"
for _ in $(seq "$runs"); do
  fresh
  timed "$build" "$kangle" -w "$ws" schedule build --month "$month"
  timed "$rebuild" "$kangle" -w "$ws" schedule build --month "$month"
  fresh
  timed "$dry" "$kangle" -w "$ws" schedule build --month "$month" --dry-run
done
fresh
"$kangle" -w "$ws" schedule build --month "$month" > "$out/build.txt" 2> "$out/build.err"
head -n 1 "$out/build.txt"
[ ! -s "$out/build.err" ] || echo "and $(grep -c . "$out/build.err") warnings, e.g. $(head -n 1 "$out/build.err")"
# "Rota of 2026-12: 6096 sessions, 11902 seats, 11822 filled, 80 empty"
read -r sessions seats filled empty < <(sed -n 's/^Rota of [0-9-]*: \([0-9]*\) sessions, \([0-9]*\) seats, \([0-9]*\) filled, \([0-9]*\) empty.*/\1 \2 \3 \4/p' "$out/build.txt")
explain="schedule explain --month $month"
timed "$explain" "$kangle" -w "$ws" schedule explain --month "$month"  # it plans the month again
cp "$out/last.out" "$out/explain.txt"
# Why the empty seats are empty (the messages of lib/core/i18n.cpp, in English), and
# how many explanations none of these words matched.
reasons=""
for why in "nobody has the skill=nobody has the skill" "none available then=not available then" \
    "all at their monthly limit=all at their monthly limit" "all at the weekly limit=all at the weekly limit" \
    "all serving elsewhere that day=serving elsewhere" "all on duty that day: elsewhere=on duty elsewhere or here" \
    "all already on duty in this session=already in this session" \
    "days in a row=too many days in a row"; do
  n=$(grep -cF -- "${why%%=*}" "$out/explain.txt" || true)
  [ "$n" = 0 ] || reasons+="${reasons:+, }$n ${why#*=}"
  explained=$((${explained:-0} + n))
done
[ "$explained" = "$empty" ] || reasons+="${reasons:+, }$((empty - explained)) other"

# The network, written by the same build as a dry run on a fresh copy of the database.
flow=$out/rota.dimacs
nodes="" arcs="" optimum="" nx_time="" nx_cpu="" nx_mem="" equal="not checked"
if "$kangle" schedule build --help | grep -q -- --flow-out; then
  fresh
  timed "flow-out" "$kangle" -w "$ws" schedule build --month "$month" --dry-run --flow-out "$flow"
  read -r nodes arcs < <(awk '$1 == "p" { print $3, $4; exit }' "$flow")
  optimum=$(awk '$1 == "c" && $2 == "optimum" { print $3 }' "$flow")
  [ -n "$optimum" ] || { echo "FAIL: $flow has no \`c optimum COST\` line" >&2; exit 1; }
  echo "network: $nodes nodes, $arcs arcs ($(du -h "$flow" | cut -f1)); kangle's optimum $optimum"
  if [ "$nx" != 0 ]; then
    status=0
    /usr/bin/time -f '%e %M %U %S' -o "$out/nx.time" timeout "${NX_TIMEOUT:-7200}" \
      "$python" bench/flow_networkx.py "${nx_options[@]}" "$flow" > "$out/networkx.txt" || status=$?
    cat "$out/networkx.txt"
    if [ "$status" = 124 ]; then
      equal="networkx did not finish within ${NX_TIMEOUT:-7200} s"
    else
      read -r nx_time nx_mem u s < <(tail -n 1 "$out/nx.time")
      nx_cpu=$(awk "BEGIN { printf \"%.2f\", $u + $s }")
      nx_optimum=$(sed -n 's/^optimum \(-\{0,1\}[0-9]*\)$/\1/p' "$out/networkx.txt")
      if [ -n "$nx_optimum" ] && [ "$nx_optimum" = "$optimum" ]; then
        equal=yes
      else
        echo >&2
        if [ -z "$nx_optimum" ]; then
          echo "FAIL: networkx found no optimum (exit $status): nothing to compare kangle's $optimum with" >&2
        else
          echo "FAIL: the optima DIFFER: kangle $optimum, networkx $nx_optimum" >&2
        fi
        echo "      the network is kept in $flow" >&2
        trap - EXIT
        exit 1
      fi
    fi
  fi
else
  echo "kangle has no \`schedule build --flow-out\` yet: the optimum is not checked" >&2
  equal="no --flow-out"
fi

echo
echo "## $sites sites × $volunteers volunteers, $month"
echo "sessions $sessions, seats $seats, filled $filled, empty $empty${reasons:+ ($reasons)}"
[ -z "$nodes" ] || echo "network: $nodes nodes, $arcs arcs; optimum $optimum; equal to networkx's: $equal"
echo
echo "| command | best of $runs | CPU | peak memory |"
echo "| --- | ---: | ---: | ---: |"
row() { printf '| %s | %s s | %s s | %s MB |\n' "$2" "${best[$1]}" "${cpu[$1]}" "${mem[$1]}"; }
row "$build" "\`kangle $build\`"
row "$dry" "\`kangle $dry\`"
row "$rebuild" "\`kangle $build\` again: a rebuild"
row "$explain" "\`kangle $explain\` (once)"
# shellcheck disable=SC2016
[ -z "$nx_time" ] || printf '| networkx (`flow_networkx.py%s`, once) | %s s | %s s | %s MB |\n' \
  "${nx_options[*]/#/ }" "$nx_time" "$nx_cpu" "$((nx_mem / 1024))"
echo
echo "| sites × volunteers | sessions | seats | filled | nodes | arcs | kangle build | kangle memory | networkx | networkx memory | equal optimum |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
printf '| %s × %s | %s | %s | %s | %s | %s | %s s (CPU %s s) | %s MB | %s | %s | %s |\n' "$sites" "$volunteers" \
  "$sessions" "$seats" "$filled" "${nodes:-?}" "${arcs:-?}" "${best[$build]}" "${cpu[$build]}" "${mem[$build]}" \
  "${nx_time:+$nx_time s (CPU $nx_cpu s)}" "${nx_mem:+$((nx_mem / 1024)) MB}" "$equal"
