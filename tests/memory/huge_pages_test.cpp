// SPDX-License-Identifier: Apache-2.0
// cli/huge_pages.cpp, linked alone: what operator new gives, as the heap grows and in a
// block of its own mapping, is memory the kernel was asked to back with huge pages (the
// "hg" flag of its mapping in /proc/self/smaps); and lib/core's HugePages, zeroed memory
// from a 2 MiB boundary asked for them too. Skipped (77) on a kernel without them.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/huge_pages.hpp"

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

  constexpr std::size_t huge_page = std::size_t{2} << 20;
  kangle::HugePages pages(3 * (std::size_t{1} << 20) + 5);
  auto* bytes = static_cast<unsigned char*>(pages.data());
  bool zeroed = true;
  for (std::size_t i = 0; i < pages.size(); i += 4096) zeroed = zeroed && bytes[i] == 0 && bytes[i + 4095] == 0;
  bytes[pages.size() - 1] = 1;  // all of it is there to write
  auto check = [&](bool ok, const char* what) {
    if (!ok) std::fprintf(stderr, "FAIL: HugePages: %s\n", what);
    passed = ok && passed;
  };
  check(pages.size() == 2 * huge_page, "3 MiB and 5 bytes make two huge pages");
  check(reinterpret_cast<std::uintptr_t>(pages.data()) % huge_page == 0, "from a 2 MiB boundary");
  check(zeroed, "zeroed");
  check(kangle::HugePages(huge_page).size() == huge_page, "a whole huge page stays one");
  passed = asked_for_huge_pages("HugePages, its first byte", bytes) && passed;
  passed = asked_for_huge_pages("HugePages, its last byte", bytes + pages.size() - 1) && passed;
  return passed ? 0 : 1;
}
