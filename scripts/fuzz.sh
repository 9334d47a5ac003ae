#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets of tests/fuzz with clang, ASan and UBSan in build-asan/
# (shared with scripts/sanitize.sh), and runs each for SECONDS (default 12) from its seeds
# in tests/fuzz/corpus/. Fails on any crash, sanitizer report, leak, timeout or memory
# blow-up, the input that did it kept in build-asan/crashes/. Longer runs and reproducing
# a crash: docs/fuzzing.md.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-12}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(config csv xlsx availability phone)

bash scripts/configure-asan.sh
cmake --build build-asan --target kangle_fuzzers -j "${KANGLE_JOBS:-$(nproc)}"

mkdir -p build-asan/crashes
failed=0
for t in "${targets[@]}"; do
  # New inputs go to the first folder, build-asan/corpus/T, kept between runs; the
  # committed seeds are only read.
  mkdir -p "build-asan/corpus/$t"
  log="build-asan/$t.log"
  if ./build-asan/tests/fuzz/"${t}_fuzz" "build-asan/corpus/$t" "tests/fuzz/corpus/$t" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="build-asan/crashes/$t-" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ${runs:-?} runs in ${seconds}s ($(( ${runs:-0} / seconds ))/s), no crash"
  else
    echo "fuzz $t: FAILED; the end of $log:" >&2
    tail -n 40 "$log" >&2
    failed=1
  fi
done
exit "$failed"
