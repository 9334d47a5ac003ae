#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The nightly and monthly report jobs (see crontab beside this file).
#   kangle-nightly.sh nightly   points awarded, this month's pack so far
#   kangle-nightly.sh monthly   last month's pack, kept for good
#   kangle-nightly.sh notify    tomorrow's messages to volunteers, to send by hand
# Needs KANGLE_WORKSPACE (the workspace) and REPORTS (where packs go). Dates are
# the workspace's: kangle.toml's timezone (Asia/Shanghai), also when the machine
# runs on UTC. Exits with the first failing kangle command's code.
set -eu
: "${KANGLE_WORKSPACE:?set KANGLE_WORKSPACE to the workspace folder}"
: "${REPORTS:?set REPORTS to the folder for report packs}"
export KANGLE_WORKSPACE
# Beijing time whatever the machine's clock zone: China keeps no summer time.
this_month=$(TZ=Asia/Shanghai date +%Y-%m)
last_month=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 day" +%Y-%m)
tomorrow=$(TZ=Asia/Shanghai date -d tomorrow +%Y-%m-%d)

case "${1:-nightly}" in
  nightly)
    # Safe to run again: a record is never awarded twice.
    kangle points award
    # Each file is replaced whole (temp file + rename): readers never see half a report.
    kangle report month "$this_month" --pack "$REPORTS/$this_month"
    ;;
  monthly)
    kangle report month "$last_month" --pack "$REPORTS/$last_month"
    kangle points board --month "$last_month" --format html -o "$REPORTS/$last_month/先锋榜.html"
    ;;
  notify)
    # Who is on duty tomorrow, and each change to the rota once (kangle records what it
    # told). Fails (exit 3) when tomorrow's month has no rota: a forgotten build. A file
    # per run: what one run told, a second run the same night does not tell again.
    mkdir -p "$REPORTS/notify"
    kangle schedule notify --date "$tomorrow" --format csv --reveal -o "$REPORTS/notify/$tomorrow-$(date +%H%M%S).csv"
    ;;
  *)
    echo "usage: $0 nightly|monthly|notify" >&2
    exit 2
    ;;
esac
