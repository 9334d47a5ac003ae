#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds everything with clang, AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/ and runs the whole CTest suite there: unit, golden CLI, crash and report
# tests, on the instrumented library and binary (on SQLite: not the PostgreSQL rerun). Any memory error, leak or undefined
# behaviour fails the test that met it. The same build holds the libFuzzer targets
# (scripts/fuzz.sh): one instrumented library serves both. docs/fuzzing.md says more.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/configure-asan.sh
jobs=${KANGLE_JOBS:-$(nproc)}
cmake --build build-asan -j "$jobs"
# The golden tests run kangle with an environment of their own, where these do not reach:
# the defaults there (exit code 1, leaks checked) still fail a test on any report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# The unit tests in one process (420 starts of an instrumented binary took longer than
# the tests), beside the rest: golden CLI, crash, security and report tests. The golden
# tests leave out their JSON twins here (tests/CMakeLists.txt).
./build-asan/tests/kangle_tests >build-asan/unit.log 2>&1 &
unit=$!
failed=0
ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE "unit|postgres" || failed=1
if wait "$unit"; then tail -n 3 build-asan/unit.log; else cat build-asan/unit.log; failed=1; fi
exit "$failed"
