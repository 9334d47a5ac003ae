// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any text as a phone cell. Besides not crashing, what comes out must
// be what the header promises (11 digits starting with 1) and read back as itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "people/identity.hpp"
#include "people/volunteer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto phone = kangle::people::normalize_phone(text);
  if (!phone) {
    (void)kangle::people::mask_phone(text);  // printed as typed when unreadable
    return 0;
  }
  if (phone->size() != 11 || (*phone)[0] != '1' || phone->find_first_not_of("0123456789") != std::string_view::npos)
    std::abort();
  if (kangle::people::normalize_phone(*phone) != phone) std::abort();
  if (kangle::people::mask_phone(*phone).size() != 11) std::abort();
  return 0;
}
