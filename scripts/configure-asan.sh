#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures build-asan/, the one instrumented build that scripts/sanitize.sh and
# scripts/fuzz.sh share: clang, ASan and UBSan (KANGLE_SANITIZE), and libFuzzer's
# coverage in every object with the fuzz targets (KANGLE_FUZZ).
# clang, not g++: with the sanitizers its kangle is a quarter the size and starts in half
# the time, which the golden tests (hundreds of kangle runs) feel, and libFuzzer is clang's.
# -O1, as ASan advises: -O0 builds a third faster but runs the crash test's imports and
# rotas several times slower. Line tables only: reports still name file and line.
# KANGLE_SANITIZE_FLAGS overrides them (e.g. "-O1 -g").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --clang
export CMAKE_GENERATOR=${CMAKE_GENERATOR:-Ninja}  # as scripts/build.sh
cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++ -DKANGLE_SANITIZE=ON -DKANGLE_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=${KANGLE_SANITIZE_FLAGS:--O1 -gline-tables-only}" >/dev/null
