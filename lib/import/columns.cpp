// SPDX-License-Identifier: Apache-2.0
#include "import/columns.hpp"

#include <toml++/toml.h>

#include <algorithm>

#include "config/embedded.hpp"
#include "config/toml_reader.hpp"
#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"

namespace kangle::import {
namespace {

/// Reads the `[list]` table of a columns.toml into `aliases`. With `known` fields given,
/// any other field is reported (with a suggestion).
void add_aliases(const toml::table& doc, const std::string& file, std::string_view list,
                 const std::vector<std::string>& known, ColumnAliases& aliases, config::Diagnostics& sink) {
  const auto* table = doc.get_as<toml::table>(list);
  if (!table) return;
  config::TableReader reader(*table, file, sink);
  std::vector<std::string> fields = known;
  if (fields.empty()) {  // the shipped file: its keys in the order written
    std::vector<std::pair<std::size_t, std::string>> by_line;
    for (const auto& [field, value] : *table) by_line.emplace_back(field.source().begin.line, std::string(field.str()));
    std::sort(by_line.begin(), by_line.end());
    for (auto& [line, field] : by_line) fields.push_back(std::move(field));
  }
  for (const auto& field : fields) {
    for (const auto& alias : reader.strings(field)) {
      if (!aliases.fields.contains(field)) aliases.order.push_back(field);
      auto& list_of_field = aliases.fields[field];
      auto normalized = normalize_header(alias.value);
      if (std::find(list_of_field.begin(), list_of_field.end(), normalized) == list_of_field.end())
        list_of_field.push_back(normalized);
    }
  }
  reader.finish();
}

}  // namespace

std::string normalize_header_start(std::string_view header, std::size_t most) {
  // A text NFKC keeps as it is is read where it lies: clean() would only trim a copy of it.
  const bool stable = text::nfkc_stable(header);
  const std::string folded = stable ? std::string() : text::clean(header);
  const std::string_view s = stable ? text::trim(header) : std::string_view(folded);
  std::string out(std::min(most, s.size()), '\0');  // written by index: push_back took a call a byte
  std::size_t length = 0;
  int depth = 0;
  for (std::size_t i = 0; i < s.size() && length < out.size(); ++i) {
    char c = s[i];
    // NFKC turns full-width brackets into ( and ); 【】 (E3 80 90/91) stay as they are.
    bool lenticular = static_cast<unsigned char>(c) == 0xE3;
    if (c == '(' || (lenticular && s.compare(i, 3, "【") == 0)) {
      ++depth;
      if (c != '(') i += 2;
      continue;
    }
    if (c == ')' || (lenticular && s.compare(i, 3, "】") == 0)) {
      depth = std::max(0, depth - 1);
      if (c != ')') i += 2;
      continue;
    }
    if (depth > 0 || c == ' ' || c == '*' || c == ':') continue;
    out[length++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(length);
  return out;
}

std::string normalize_header(std::string_view header) { return normalize_header_start(header, std::string::npos); }

ColumnAliases load_column_aliases(const std::filesystem::path& workspace, std::string_view list,
                                  config::Diagnostics& sink) {
  ColumnAliases aliases;
  for (const auto& f : config::embedded_files()) {
    if (f.path == "config/columns.toml") {
      add_aliases(toml::parse(f.content, std::string_view("config/columns.toml")), "config/columns.toml", list, {},
                  aliases, sink);
    }
  }
  auto known = aliases.order;
  std::string why;
  auto content = read_file(workspace / "columns.toml", why);
  if (!content) return aliases;
  try {
    add_aliases(toml::parse(std::string_view(*content), std::string_view("columns.toml")), "columns.toml", list,
                known, aliases, sink);
  } catch (const toml::parse_error& e) {
    sink.error({"columns.toml", static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
               Message(Msg::toml_syntax, e.description()));
  }
  return aliases;
}

std::optional<Header> match_header(const Row& row, const ColumnAliases& aliases,
                                   const std::map<std::string, std::string>& overrides, const std::string& required) {
  Header header;
  header.row = row.number;
  std::map<std::string, std::string> normalized_overrides;
  for (const auto& [title, field] : overrides) normalized_overrides[normalize_header(title)] = field;
  for (std::size_t col = 0; col < row.cells.size(); ++col) {
    const auto& title = row.cells[col].text;
    header.titles.push_back(title);
    auto key = normalize_header(title);
    if (key.empty()) continue;
    std::string field;
    if (auto it = normalized_overrides.find(key); it != normalized_overrides.end()) {
      field = it->second;
    } else {
      std::size_t best_length = 0;
      for (const auto& [name, list] : aliases.fields) {
        for (const auto& alias : list) {
          bool exact = alias == key;
          if ((exact || key.starts_with(alias)) && (exact ? key.size() + 1 : alias.size()) > best_length) {
            best_length = exact ? key.size() + 1 : alias.size();  // an exact match beats any prefix
            field = name;
          }
        }
      }
    }
    if (field.empty() || header.columns.contains(field)) header.ignored.push_back(title);
    else header.columns[field] = col;
  }
  if (header.columns.size() < 2 || !header.columns.contains(required)) return std::nullopt;
  return header;
}

std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

}  // namespace kangle::import
