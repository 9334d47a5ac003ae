// SPDX-License-Identifier: Apache-2.0
#include "report/model.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace kangle::report {

std::string Value::display() const {
  if (const auto* number = std::get_if<double>(&data)) {
    if (!std::isfinite(*number)) return "";
    int places = std::max(decimals, 0);
    // Halves round away from zero (四舍五入), as Excel shows the same number; fmt alone
    // would round them to even, 2.5 to 2.
    double scale = std::pow(10.0, places);
    double rounded = std::isfinite(*number * scale) ? std::round(*number * scale) / scale : *number;
    if (rounded == 0) rounded = 0;  // 0.0, not -0.0
    return fmt::format("{:.{}f}", rounded, places);
  }
  if (const auto* text = std::get_if<std::string>(&data)) return *text;
  return "";
}

Table as_read(const Table& table, const Section& section) {
  Table shown{table.id, table.title == section.title ? "" : table.title, {}, {}, table.key_columns};
  std::vector<std::size_t> kept;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].for_scripts) {
      if (c < table.key_columns) --shown.key_columns;
      continue;
    }
    kept.push_back(c);
    shown.columns.push_back(table.columns[c]);
  }
  for (const auto& row : table.rows) {
    auto& cells = shown.rows.emplace_back();
    for (auto c : kept) cells.push_back(c < row.size() ? row[c] : Value::none());
  }
  return shown;
}

}  // namespace kangle::report
