// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kangle::json {

/// `s` as a JSON string literal, quotes included; UTF-8 passes through unescaped.
std::string quote(std::string_view s);

/// Strings as a one-line JSON array: `["a", "b"]`.
std::string quote_all(const std::vector<std::string>& items);

/// Rows as a JSON array of objects, one key per column, a line per object. Cells of the
/// columns in `numbers` are written as numbers (null when empty), the others as strings.
std::string render_objects(const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<std::size_t>& numbers = {});

}  // namespace kangle::json
