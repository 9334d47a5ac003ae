#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the bundled example: build, make the Kangjian workspace in
# demo/ (afresh each time), check it and show what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
rm -rf demo
./build/cli/kangle init demo --example kangjian
./build/cli/kangle -w demo check
./build/cli/kangle -w demo status
