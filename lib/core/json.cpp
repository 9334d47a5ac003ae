// SPDX-License-Identifier: Apache-2.0
#include "core/json.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kangle::json {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  out += '"';
  return out;
}

std::string quote_all(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? ", " : "") + quote(items[i]);
  return out + "]";
}

std::string render_objects(const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<std::size_t>& numbers) {
  std::string out = "[";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += r == 0 ? "\n  {" : ",\n  {";
    for (std::size_t c = 0; c < keys.size(); ++c) {
      const std::string cell = c < rows[r].size() ? rows[r][c] : std::string();
      bool number = std::find(numbers.begin(), numbers.end(), c) != numbers.end();
      out += (c == 0 ? "" : ", ") + quote(keys[c]) + ": " + (number ? (cell.empty() ? "null" : cell) : quote(cell));
    }
    out += "}";
  }
  out += rows.empty() ? "]\n" : "\n]\n";
  return out;
}

}  // namespace kangle::json
