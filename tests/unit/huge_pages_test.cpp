// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/huge_pages.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace huge_pages_test {

constexpr std::size_t huge_page = std::size_t{2} << 20;

/// The VmFlags line of the mapping of this process that holds `address`, or "" if none.
std::string vm_flags_at(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> start >> dash >> end && dash == '-') {
      inside = start <= at && at < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      return line;
    }
  }
  return "";
}

TEST_CASE("HugePages, zeroed memory from a 2 MiB boundary, marked for huge pages") {
  kangle::HugePages memory(3 * (std::size_t{1} << 20) + 5);
  CHECK(memory.size() == 2 * huge_page);
  CHECK(reinterpret_cast<std::uintptr_t>(memory.data()) % huge_page == 0);
  auto* bytes = static_cast<unsigned char*>(memory.data());
  bool zeroed = true;
  for (std::size_t i = 0; i < memory.size(); i += 4096) zeroed = zeroed && bytes[i] == 0 && bytes[i + 4095] == 0;
  CHECK(zeroed);
  bytes[memory.size() - 1] = 1;  // all of it is writable
  CHECK(bytes[memory.size() - 1] == 1);
  // "hg": the kernel was asked for huge pages there, where it has them at all.
  if (std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled")) {
    CHECK(vm_flags_at(bytes).find(" hg") != std::string::npos);
    CHECK(vm_flags_at(bytes + memory.size() - 1).find(" hg") != std::string::npos);
  }
}

TEST_CASE("HugePages, a size already whole is not rounded up") {
  kangle::HugePages memory(huge_page);
  CHECK(memory.size() == huge_page);
}

}  // namespace huge_pages_test
