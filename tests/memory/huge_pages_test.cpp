// SPDX-License-Identifier: Apache-2.0
// cli/huge_pages.cpp, linked alone: what operator new gives, as the heap grows and in a
// block of its own mapping, is memory the kernel was asked to back with huge pages (the
// "hg" flag of its mapping in /proc/self/smaps). Skipped (77) on a kernel without them.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// The VmFlags of the mapping that holds `address`, or "" when none does.
std::string flags_at(const void* address) {
  auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= at && at < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

bool asked_for_huge_pages(const char* what, const void* address) {
  auto flags = flags_at(address);
  if (flags.find(" hg") != std::string::npos) return true;
  std::fprintf(stderr, "FAIL: %s at %p: not asked for huge pages (%s)\n", what, address, flags.c_str());
  return false;
}

}  // namespace

int main() {
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) return 77;
  // Blocks small enough for the heap, 8 MB of them (malloc maps 128 KB and up alone).
  std::vector<std::unique_ptr<char[]>> small;
  for (int i = 0; i < 128; ++i) small.push_back(std::make_unique<char[]>(64 << 10));
  auto big = std::make_unique<char[]>(std::size_t{64} << 20);
  // The last 2 MB may wait for more growth.
  bool passed = asked_for_huge_pages("a heap grown by 8 MB, halfway", small[small.size() / 2].get());
  passed = asked_for_huge_pages("a block of 64 MB", big.get() + (32 << 20)) && passed;
  return passed ? 0 : 1;
}
