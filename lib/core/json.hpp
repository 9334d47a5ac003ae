// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace kangle::json {

/// `s` as a JSON string literal, quotes included; UTF-8 passes through unescaped.
std::string quote(std::string_view s);

}  // namespace kangle::json
