// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any text as an availability cell (周一上午、周末、mon am). What is
// read must be described in words that read back as the same availability, in both
// languages: volunteers list shows those words, and a sheet exported and re-imported has them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "import/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> unreadable;
  auto availability = kangle::import::parse_availability(text, &unreadable);
  if (!availability) return 0;
  for (auto lang : {kangle::Lang::zh_CN, kangle::Lang::en}) {
    auto words = kangle::import::describe_availability(*availability, lang);
    if (availability->empty()) continue;
    auto again = kangle::import::parse_availability(words);
    if (!again || *again != *availability) std::abort();
  }
  return 0;
}
