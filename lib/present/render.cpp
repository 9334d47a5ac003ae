// SPDX-License-Identifier: Apache-2.0
#include "present/render.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "present/table.hpp"

namespace kangle::present {
namespace {

using Json = nlohmann::ordered_json;

/// The terminal's width a document `fit_terminal` keeps within: what a coordinator's
/// window and a cron mail show without wrapping lines.
constexpr std::size_t terminal_width = 80;

std::vector<std::string> headers(const std::vector<Column>& columns) {
  std::vector<std::string> out;
  for (const auto& column : columns) out.push_back(column.header);
  return out;
}

std::vector<std::string> keys(const Table& table) {
  std::vector<std::string> out;
  for (const auto& column : table.columns) out.push_back(column.key);
  return out;
}

std::vector<std::vector<std::string>> displayed_rows(const TableAsRead& table, Lang lang) {
  std::vector<std::vector<std::string>> out;
  out.reserve(table.rows().size());
  for (const auto& row : table.rows()) {
    auto& cells = out.emplace_back();
    cells.reserve(table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) cells.push_back(table.cell(row, c).display(lang));
  }
  return out;
}

/// `table` as CSV under `headers`: each value as scripts read it, a row at a time (a
/// district's year of records is a million rows).
std::string csv_of(const std::vector<std::string>& headers, const Table& table) {
  std::string out = table::csv_line(headers);
  std::vector<std::string> fields;
  for (const auto& row : table.rows) {
    fields.clear();
    for (const auto& value : row) fields.push_back(value.for_scripts());
    out += table::csv_line(fields);
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
  if (title.empty()) return "";
  return title + "\n" + std::string(text::display_width(title), rule) + "\n";
}

std::string lines_block(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

/// The 落款 set to the right edge of `above` (the text before it), as a paper ends; at most
/// a terminal wide.
std::string signature_block(const std::vector<std::string>& signature, const std::string& above) {
  std::size_t right = 0;
  for (std::size_t start = 0; start < above.size();) {
    auto end = above.find('\n', start);
    if (end == std::string::npos) end = above.size();
    right = std::max(right, text::display_width(std::string_view(above).substr(start, end - start)));
    start = end + 1;
  }
  right = std::min(right, terminal_width);
  std::string out;
  for (const auto& line : signature) {
    auto width = text::display_width(line);
    out += std::string(right > width ? right - width : 0, ' ') + line + "\n";
  }
  return out;
}

Json json_value(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::none: return nullptr;
    case Value::Kind::integer:
    case Value::Kind::duration: return static_cast<std::int64_t>(std::llround(value.number_value()));
    case Value::Kind::decimal: {
      std::string shown = value.for_scripts();  // rounded to its places; empty for infinity and NaN
      if (shown.empty()) return nullptr;
      if (value.decimals() == 0) return static_cast<std::int64_t>(std::llround(value.number_value()));
      return std::stod(shown);
    }
    case Value::Kind::flag: return value.flag_value();
    case Value::Kind::list: return value.items();
    case Value::Kind::text:
    case Value::Kind::date:
    case Value::Kind::personal:
    case Value::Kind::code: return value.for_scripts();
  }
  return nullptr;
}

std::string dumped(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace); }

/// What stands for the rows of the document's `index`th table in the tree that is dumped:
/// the rows are written into the text one at a time, since a tree of a district's year of
/// records (a million rows) took gigabytes.
std::string rows_placeholder(std::size_t index) { return std::string(1, '\0') + "rows " + std::to_string(index); }

Json json_table(const Table& table, std::size_t index) {
  Json columns = Json::array();
  for (const auto& column : table.columns) columns.push_back({{"key", column.key}, {"header", column.header}});
  return {{"id", table.id}, {"title", table.title}, {"columns", std::move(columns)}, {"rows", rows_placeholder(index)}};
}

/// `text`, the dumped tree, with the placeholder of `table`'s rows, the first at or after
/// `from`, replaced by its rows as nlohmann's dump would have written them there. Returns
/// where the rows end, to look for the next table's from there: a value of the rows spliced
/// could hold the next one's placeholder.
std::size_t splice_rows(std::string& text, std::size_t from, const Table& table, std::size_t index) {
  std::string placeholder = "\"rows\": " + dumped(rows_placeholder(index));
  auto at = text.find(placeholder, from);
  if (at == std::string::npos) throw std::logic_error("a table's rows are not where the JSON tree put them");
  auto line = text.rfind('\n', at) + 1;
  std::string indent(at - line, ' ');  // the key's
  std::string rows = "\"rows\": [";
  const std::string element_indent = "\n" + indent + "  ";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    Json cells = Json::object();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      cells[table.columns[c].key] = c < row.size() ? json_value(row[c]) : Json(nullptr);
    }
    rows += r == 0 ? element_indent : "," + element_indent;
    // A string's line breaks are escaped: every line break of the dump is the layout's.
    for (char ch : dumped(cells)) {
      if (ch == '\n') rows += element_indent;
      else rows += ch;
    }
  }
  rows += table.rows.empty() ? "]" : "\n" + indent + "]";
  text.replace(at, placeholder.size(), rows);
  return at + rows.size();
}

}  // namespace

std::string render_text(const Document& document) {
  std::vector<std::string> blocks{underlined(document.title, '=')};
  for (const auto& section : document.sections) {
    blocks.push_back(underlined(section.title, '-') + lines_block(section.lines));
    for (const auto& full : section.tables) {
      TableAsRead table(full, section);
      std::string title = table.title.empty() ? "" : table.title + "\n";
      blocks.push_back(title + (document.fit_terminal ? table::render_text_within(headers(table.columns), displayed_rows(table, document.language),
                                                                                  terminal_width, table.key_columns)
                                                      : table::render_text(headers(table.columns), displayed_rows(table, document.language))));
    }
  }
  blocks.push_back(signature_block(document.signature, separated(blocks)));
  blocks.push_back(lines_block(document.footer));
  return separated(blocks);
}

std::string render_markdown(const Document& document) {
  std::vector<std::string> blocks;
  if (!document.title.empty()) blocks.push_back("# " + document.title + "\n");
  for (const auto& section : document.sections) {
    if (!section.title.empty()) blocks.push_back("## " + section.title + "\n");
    for (const auto& line : section.lines) blocks.push_back(line + "\n");
    for (const auto& full : section.tables) {
      TableAsRead table(full, section);
      if (!table.title.empty()) blocks.push_back("### " + table.title + "\n");
      blocks.push_back(table::render_markdown(headers(table.columns), displayed_rows(table, document.language)));
    }
  }
  // The 落款: Markdown cannot set it to the right; it closes the paper before the footer.
  for (const auto& line : document.signature) blocks.push_back(line + "\n");
  if (!document.footer.empty()) blocks.push_back("---\n");
  for (const auto& line : document.footer) blocks.push_back(line + "\n");
  return separated(blocks);
}

std::string render_csv(const Document& document) {
  std::vector<const Table*> tables;
  for (const auto& section : document.sections) {
    for (const auto& table : section.tables) {
      if (table.in_csv) tables.push_back(&table);
    }
  }
  if (tables.empty()) throw UsageError(Message(Msg::csv_needs_table));
  if (tables.size() == 1 && !document.csv_by_keys) {
    // A listing for a spreadsheet: the headers people read; durations in minutes say so.
    const Table& table = *tables.front();
    std::vector<std::string> shown = headers(table.columns);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].durations) shown[c] += message_text(Msg::in_minutes_suffix, document.language);
    }
    return csv_of(shown, table);
  }
  std::vector<std::string> blocks;
  for (const auto* table : tables) {
    blocks.push_back(table::csv_line({table->id}) + csv_of(keys(*table), *table));
  }
  return separated(blocks, "\r\n");
}

std::string render_json(const Document& document) {
  Json out = {{"format_version", json_format_version}, {"kind", document.kind}, {"title", document.title}};
  if (!document.period.empty()) out["period"] = document.period;
  if (!document.generated_at.empty()) out["generated_at"] = document.generated_at;
  if (!document.facts.empty()) {
    Json facts = Json::object();
    for (const auto& [key, value] : document.facts) facts[key] = json_value(value);
    out["facts"] = std::move(facts);
  }
  Json sections = Json::array();
  std::vector<const Table*> tables_in_order;
  for (const auto& section : document.sections) {
    Json tables = Json::array();
    for (const auto& table : section.tables) {
      tables.push_back(json_table(table, tables_in_order.size()));
      tables_in_order.push_back(&table);
    }
    sections.push_back({{"id", section.id}, {"title", section.title}, {"lines", section.lines}, {"tables", std::move(tables)}});
  }
  out["sections"] = std::move(sections);
  std::string text = dumped(out);
  // The sections are the tree's last key, and a top-level key alone is indented by two: a
  // fact could be named rows too.
  auto from = text.rfind("\n  \"sections\": ");
  for (std::size_t t = 0; t < tables_in_order.size(); ++t) from = splice_rows(text, from, *tables_in_order[t], t);
  return text + "\n";
}

}  // namespace kangle::present
