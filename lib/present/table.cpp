// SPDX-License-Identifier: Apache-2.0
#include "present/table.hpp"

#include <algorithm>
#include <string_view>

#include "core/text.hpp"

namespace kangle::table {

namespace {

/// Each column's width in display columns: its widest cell, header included.
std::vector<std::size_t> column_widths(const std::vector<std::string>& headers,
                                       const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(headers.size(), 0);
  auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], text::display_width(cells[c]));
    }
  };
  measure(headers);
  for (const auto& row : rows) measure(row);
  return widths;
}

std::vector<std::string> pick(const std::vector<std::string>& cells, const std::vector<std::size_t>& columns) {
  std::vector<std::string> out;
  for (auto c : columns) out.push_back(c < cells.size() ? cells[c] : std::string());
  return out;
}

}  // namespace

std::string render_text(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  auto widths = column_widths(headers, rows);
  std::string out;
  // Each line written in place: a district's matching prints tens of thousands.
  auto line = [&](const std::vector<std::string>& cells) {
    const auto start = out.size();
    for (std::size_t c = 0; c < widths.size(); ++c) {
      std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
      out += cell;
      if (c + 1 < widths.size()) out.append(widths[c] - std::min(widths[c], text::display_width(cell)) + 2, ' ');
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  line(headers);
  for (const auto& row : rows) line(row);
  return out;
}

std::string render_text_within(const std::vector<std::string>& headers,
                               const std::vector<std::vector<std::string>>& rows, std::size_t width,
                               std::size_t key_columns) {
  auto widths = column_widths(headers, rows);
  std::size_t total = 0;
  for (auto w : widths) total += w + 2;
  key_columns = std::max<std::size_t>(key_columns, 1);
  if (total <= width + 2 || widths.size() <= key_columns + 1) return render_text(headers, rows);
  std::vector<std::size_t> keys;
  std::size_t keys_width = 0;
  for (std::size_t c = 0; c < key_columns; ++c) {
    keys.push_back(c);
    keys_width += widths[c] + (c > 0 ? 2 : 0);
  }
  std::string out;
  for (std::size_t next = key_columns; next < widths.size();) {
    auto columns = keys;
    std::size_t used = keys_width;
    while (next < widths.size() && (columns.size() == keys.size() || used + 2 + widths[next] <= width)) {
      used += 2 + widths[next];
      columns.push_back(next++);
    }
    std::vector<std::vector<std::string>> part;
    for (const auto& row : rows) part.push_back(pick(row, columns));
    if (!out.empty()) out += "\n";
    out += render_text(pick(headers, columns), part);
  }
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

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace kangle::table
