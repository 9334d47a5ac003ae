// SPDX-License-Identifier: Apache-2.0
// toml++'s parser compiled into the fuzz targets, instrumented, so that libFuzzer sees its
// branches and ASan its memory: the executable's copy wins over Debian's libtomlplusplus.so.
// Its internal assertions are off, as in Debian's build (NDEBUG, g++: no assume either):
// "[\n" trips one of them, where the shipped parser reports a syntax error, as kangle needs.
// Compiled without UBSan's `unreachable` check (tests/fuzz/CMakeLists.txt): toml++ 3.3.0's
// is_non_ascii_horizontal_whitespace() reaches TOML_UNREACHABLE for most characters from
// U+00A1 to U+0499 ("x = 1 é"), where the shipped parser, too, reports a syntax error
// (fuzz_regressions_test.cpp). Every other check stays on.
#define TOML_ASSERT(expr) static_assert(true)
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
