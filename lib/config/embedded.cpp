// SPDX-License-Identifier: Apache-2.0
#include "config/embedded.hpp"

#include <algorithm>

namespace kangle::config {

std::vector<std::string_view> example_names() {
  static constexpr std::string_view prefix = "examples/";
  std::vector<std::string_view> names;
  for (const auto& f : embedded_files()) {
    if (!f.path.starts_with(prefix)) continue;
    auto rest = f.path.substr(prefix.size());
    auto name = rest.substr(0, rest.find('/'));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace kangle::config
