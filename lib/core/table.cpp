// SPDX-License-Identifier: Apache-2.0
#include "core/table.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace kangle::table {

std::string render_text(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(headers.size(), 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], text::display_width(cells[c]));
    }
  };
  measure(headers);
  for (const auto& row : rows) measure(row);
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string& cell = c < cells.size() ? cells[c] : std::string();
      l += c + 1 < widths.size() ? text::pad_right(cell, widths[c]) + "  " : cell;
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(headers);
  for (const auto& row : rows) line(row);
  return out;
}

std::string render_markdown(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  auto line = [](const std::vector<std::string>& cells) {
    std::string l = "|";
    for (const auto& cell : cells) {
      std::string escaped;
      for (char c : cell) {
        if (c == '|') escaped += '\\';
        escaped += c == '\n' ? ' ' : c;
      }
      l += " " + escaped + " |";
    }
    return l + "\n";
  };
  std::string out = line(headers);
  out += "|";
  for (std::size_t i = 0; i < headers.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : rows) out += line(row);
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const auto& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

std::string render_csv(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  std::string out = csv_line(headers);
  for (const auto& row : rows) out += csv_line(row);
  return out;
}

}  // namespace kangle::table
