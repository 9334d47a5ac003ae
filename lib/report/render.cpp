// SPDX-License-Identifier: Apache-2.0
#include "report/render.hpp"

#include <utility>
#include <vector>

#include "core/json.hpp"
#include "core/table.hpp"
#include "core/text.hpp"

namespace kangle::report {
namespace {

/// The terminal's width the text renderer keeps within: what a coordinator's window
/// and a cron mail show without wrapping lines.
constexpr std::size_t terminal_width = 80;

std::vector<std::string> headers(const Table& table) {
  std::vector<std::string> out;
  for (const auto& column : table.columns) out.push_back(column.header);
  return out;
}

std::vector<std::string> keys(const Table& table) {
  std::vector<std::string> out;
  for (const auto& column : table.columns) out.push_back(column.key);
  return out;
}

std::vector<std::vector<std::string>> displayed_rows(const Table& table) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : table.rows) {
    auto& cells = out.emplace_back();
    for (const auto& value : row) cells.push_back(value.display());
  }
  return out;
}

/// Blocks of lines (each ending in a line break) with one empty line between them;
/// empty blocks are left out.
std::string separated(const std::vector<std::string>& blocks, std::string_view empty_line = "\n") {
  std::string out;
  for (const auto& block : blocks) {
    if (block.empty()) continue;
    if (!out.empty()) out += empty_line;
    out += block;
  }
  return out;
}

std::string underlined(const std::string& title, char rule) {
  return title + "\n" + std::string(text::display_width(title), rule) + "\n";
}

std::string lines_block(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

std::string indent(std::size_t depth) { return std::string(2 * depth, ' '); }

/// JSON texts as an array, one item per line at `depth` + 1; `[]` when empty.
std::string json_array(const std::vector<std::string>& items, std::size_t depth) {
  if (items.empty()) return "[]";
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "\n" : ",\n") + indent(depth + 1) + items[i];
  return out + "\n" + indent(depth) + "]";
}

using Members = std::vector<std::pair<std::string, std::string>>;

/// Keys and JSON texts as an object, one member per line at `depth` + 1.
std::string json_object(const Members& members, std::size_t depth) {
  std::string out = "{";
  for (std::size_t i = 0; i < members.size(); ++i) {
    out += (i == 0 ? "\n" : ",\n") + indent(depth + 1) + json::quote(members[i].first) + ": " + members[i].second;
  }
  return out + "\n" + indent(depth) + "}";
}

/// Keys and JSON texts as an object on one line.
std::string json_inline_object(const Members& members) {
  std::string out = "{";
  for (std::size_t i = 0; i < members.size(); ++i) {
    out += (i == 0 ? "" : ", ") + json::quote(members[i].first) + ": " + members[i].second;
  }
  return out + "}";
}

std::string json_value(const Value& value) {
  if (value.is_text()) return json::quote(value.display());
  std::string number = value.display();  // empty for none, and for infinity and NaN, which JSON cannot hold
  return number.empty() ? "null" : number;
}

std::string json_table(const Table& table, std::size_t depth) {
  std::vector<std::string> columns, rows;
  for (const auto& column : table.columns) {
    columns.push_back(json_inline_object({{"key", json::quote(column.key)}, {"header", json::quote(column.header)}}));
  }
  for (const auto& row : table.rows) {
    Members cells;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      cells.emplace_back(table.columns[c].key, c < row.size() ? json_value(row[c]) : "null");
    }
    rows.push_back(json_inline_object(cells));
  }
  return json_object({{"id", json::quote(table.id)},
                      {"title", json::quote(table.title)},
                      {"columns", json_array(columns, depth + 1)},
                      {"rows", json_array(rows, depth + 1)}},
                     depth);
}

std::string json_section(const Section& section, std::size_t depth) {
  std::vector<std::string> lines, tables;
  for (const auto& line : section.lines) lines.push_back(json::quote(line));
  for (const auto& table : section.tables) tables.push_back(json_table(table, depth + 2));
  return json_object({{"id", json::quote(section.id)},
                      {"title", json::quote(section.title)},
                      {"lines", json_array(lines, depth + 1)},
                      {"tables", json_array(tables, depth + 1)}},
                     depth);
}

}  // namespace

std::string render_table(const Report& report) {
  std::vector<std::string> blocks{underlined(report.title, '=')};
  for (const auto& section : report.sections) {
    blocks.push_back(underlined(section.title, '-') + lines_block(section.lines));
    for (const auto& full : section.tables) {
      auto table = as_read(full, section);
      std::string title = table.title.empty() ? "" : table.title + "\n";
      blocks.push_back(title + table::render_text_within(headers(table), displayed_rows(table), terminal_width, table.key_columns));
    }
  }
  blocks.push_back(lines_block(report.footer));
  return separated(blocks);
}

std::string render_markdown(const Report& report) {
  std::vector<std::string> blocks{"# " + report.title + "\n"};
  for (const auto& section : report.sections) {
    blocks.push_back("## " + section.title + "\n");
    for (const auto& line : section.lines) blocks.push_back(line + "\n");
    for (const auto& full : section.tables) {
      auto table = as_read(full, section);
      if (!table.title.empty()) blocks.push_back("### " + table.title + "\n");
      blocks.push_back(table::render_markdown(headers(table), displayed_rows(table)));
    }
  }
  if (!report.footer.empty()) blocks.push_back("---\n");
  for (const auto& line : report.footer) blocks.push_back(line + "\n");
  return separated(blocks);
}

std::string render_csv(const Report& report) {
  std::vector<std::string> blocks;
  for (const auto& section : report.sections) {
    for (const auto& table : section.tables) {
      blocks.push_back(table::csv_line({table.id}) + table::render_csv(keys(table), displayed_rows(table)));
    }
  }
  return separated(blocks, "\r\n");
}

std::string render_json(const Report& report) {
  std::vector<std::string> sections;
  for (const auto& section : report.sections) sections.push_back(json_section(section, 2));
  return json_object({{"report", json::quote(report.kind)},
                      {"period", json::quote(report.period)},
                      {"title", json::quote(report.title)},
                      {"generated_at", json::quote(report.generated_at)},
                      {"ledger", json_inline_object({{"entries", std::to_string(report.ledger_entries)},
                                                     {"head", json::quote(report.ledger_head)}})},
                      {"sections", json_array(sections, 1)}},
                     0) +
         "\n";
}

}  // namespace kangle::report
