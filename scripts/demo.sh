#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled example: build, make the Kangjian workspace in
# demo/ (afresh each time), check it, show what it holds, import the
# volunteers' sign-up sheet (a GB18030 CSV as WPS saves it, with its mess),
# list them, build, show and explain December's rota, and import and list the
# needs and resources lists (需求清单, 资源清单) that matching pairs up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
rm -rf demo
./build/cli/kangle init demo --example kangjian
./build/cli/kangle -w demo check
./build/cli/kangle -w demo status
# Exit code 1: two rows of the sample are rejected on purpose, and listed.
./build/cli/kangle -w demo import volunteers examples/kangjian/sheets/志愿者报名表.csv \
  --rejects demo/rejected-rows.csv || [ $? -eq 1 ]
./build/cli/kangle -w demo volunteers list
# The main job: December's rota from the kiosks' menus and the volunteers.
./build/cli/kangle -w demo schedule build --month 2026-12
./build/cli/kangle -w demo schedule show --month 2026-12
./build/cli/kangle -w demo schedule explain --month 2026-12
# The needs list (micro-wishes too, UTF-8 with a BOM) and the co-building units'
# resources list (GB18030): two rows of each are rejected on purpose, and listed.
./build/cli/kangle -w demo import needs examples/kangjian/sheets/需求清单.csv \
  --rejects demo/rejected-needs.csv || [ $? -eq 1 ]
./build/cli/kangle -w demo import resources examples/kangjian/sheets/资源清单.csv \
  --rejects demo/rejected-resources.csv || [ $? -eq 1 ]
./build/cli/kangle -w demo match list needs
./build/cli/kangle -w demo match list resources
