#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled example: build, make the Kangjian workspace in
# demo/ (afresh each time), check it, show what it holds, import the
# volunteers' sign-up sheet (a GB18030 CSV as WPS saves it, with its mess) and
# a second batch as an Excel workbook, list them, build, show and explain
# December's rota and write it out (xlsx to print, the kiosks' 四公开 boards, phone
# calendars); import the records kept
# in a sheet, confirm a week of the rota as service records, award points, print
# the honour board and verify the ledger; import and list the needs and
# resources lists (需求清单, 资源清单), match them and follow a project.
set -euo pipefail
# The demo runs "as of" 2026-12-31 18:00 in Shanghai, whatever the machine's date:
# kangle records only service that has happened, and the demo confirms December 2026.
export KANGLE_NOW=2026-12-31T10:00:00Z
cd "$(dirname "$0")/.."
bash scripts/build.sh
rm -rf demo
./build/cli/kangle init demo --example kangjian
./build/cli/kangle -w demo check
./build/cli/kangle -w demo status
# Exit code 1: two rows of the sample are rejected on purpose, and listed.
./build/cli/kangle -w demo import volunteers examples/kangjian/sheets/志愿者报名表.csv \
  --rejects demo/rejected-rows.csv || [ $? -eq 1 ]
# The second batch, as Excel keeps it (examples/kangjian/make_xlsx.py): an instructions
# sheet in front, a merged title, a phone typed as a number, a total row; one of the
# first batch signs up again with a new skill.
./build/cli/kangle -w demo import volunteers "examples/kangjian/sheets/志愿者报名表（第二批）.xlsx"
./build/cli/kangle -w demo volunteers list
# The main job: December's rota from the kiosks' menus and the volunteers.
./build/cli/kangle -w demo schedule build --month 2026-12
./build/cli/kangle -w demo schedule show --month 2026-12
./build/cli/kangle -w demo schedule explain --month 2026-12
# What goes out: the rota as a workbook to print (a sheet per kiosk, a week per block,
# A4 landscape), each kiosk's 四公开 board (services, hours, fees, who is on duty; names,
# never a phone) and the volunteers' phone calendars.
./build/cli/kangle -w demo schedule export --month 2026-12 --format xlsx -o demo/排班表-2026-12.xlsx
./build/cli/kangle -w demo schedule notice --month 2026-12 --format md -o demo/四公开-2026-12.md
sed -n 1,16p demo/四公开-2026-12.md
./build/cli/kangle -w demo schedule export --month 2026-12 --format ics -o demo/排班-2026-12.ics
# What happened: the records a coordinator kept in a sheet for the first days
# (two of its rows rejected on purpose, and listed), then the third week's days
# confirmed from the rota (one absence, one stand-in, residents counted).
./build/cli/kangle -w demo import records examples/kangjian/sheets/服务记录.csv \
  --rejects demo/rejected-records.csv || [ $? -eq 1 ]
./build/cli/kangle -w demo record confirm --date 2026-12-15 --served haircut@09:00=18
./build/cli/kangle -w demo record confirm --date 2026-12-16 --absent 王建国 --instead 李秀英=梁红梅 \
  --served blood-sugar@13:30=26 --served darning@09:00=7
for day in 17 18; do ./build/cli/kangle -w demo record confirm --date 2026-12-$day >/dev/null; done
# Points by points.toml: a second run awards nothing twice.
./build/cli/kangle -w demo points award
./build/cli/kangle -w demo points award
./build/cli/kangle -w demo points board --month 2026-12
./build/cli/kangle -w demo points board --month 2026-12 --format html -o demo/先锋榜.html
./build/cli/kangle -w demo points history 张伟
./build/cli/kangle -w demo points verify
# The needs list (micro-wishes too, UTF-8 with a BOM) and the co-building units'
# resources list (GB18030): two rows of each are rejected on purpose, and listed.
./build/cli/kangle -w demo import needs examples/kangjian/sheets/需求清单.csv \
  --rejects demo/rejected-needs.csv || [ $? -eq 1 ]
./build/cli/kangle -w demo import resources examples/kangjian/sheets/资源清单.csv \
  --rejects demo/rejected-resources.csv || [ $? -eq 1 ]
./build/cli/kangle -w demo match list needs
./build/cli/kangle -w demo match list resources
# Matching: all open needs at once, vulnerable residents' first; the needs left
# and why; a unit claims a project, carries it out, and the resident reviews it.
./build/cli/kangle -w demo match run
./build/cli/kangle -w demo match gaps
./build/cli/kangle -w demo match claim 1 --by 交通银行康健支行
./build/cli/kangle -w demo match done 1 --delivered 收音机一台 --date 2026-12-05 --people 1 --volunteers 张伟
./build/cli/kangle -w demo match review 1 --satisfaction 5 --comment 老人很高兴
./build/cli/kangle -w demo match list projects
# Reports: December's figures, the service portfolio review (固化 保留 嫁接 退出,
# each with its reason), the co-building units ranked, and the whole set of
# formats (md, html with charts, json, xlsx, csv) into demo/reports/ as cron would.
./build/cli/kangle -w demo report month 2026-12
./build/cli/kangle -w demo report services --period 2026-12
./build/cli/kangle -w demo report units --period 2026-12
./build/cli/kangle -w demo report month 2026-12 --pack demo/reports
