// SPDX-License-Identifier: Apache-2.0
#include "import/table.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/xlsx_reader.hpp"

namespace kangle::import {
namespace {

enum class FileKind { xlsx, xls, text };

FileKind file_kind(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(Message(Msg::cannot_read_file, file.string(), std::strerror(errno)));
  char magic[4] = {};
  in.read(magic, 4);
  std::string_view head(magic, static_cast<std::size_t>(in.gcount()));
  if (head == std::string_view("PK\x03\x04", 4)) return FileKind::xlsx;
  if (head == std::string_view("\xD0\xCF\x11\xE0", 4)) return FileKind::xls;
  return FileKind::text;
}

/// Reads up to header_search_rows rows looking for the header.
std::optional<Header> find_header(SheetReader& reader, const TableOptions& options, const ColumnAliases& aliases,
                                  const std::string& required) {
  Row row;
  for (std::size_t n = 0; n < header_search_rows && reader.next(row); ++n) {
    if (auto header = match_header(row, aliases, options.map, required)) return header;
  }
  return std::nullopt;
}

std::vector<std::string> expected_headers(const ColumnAliases& aliases, const std::string& required) {
  std::vector<std::string> examples;
  if (auto it = aliases.fields.find(required); it != aliases.fields.end() && !it->second.empty()) {
    examples.push_back(it->second.front());
  }
  for (const auto& field : aliases.order) {
    const auto& list = aliases.fields.at(field);
    if (field != required && !list.empty() && examples.size() < 4) examples.push_back(list.front());
  }
  return examples;
}

}  // namespace

OpenTable open_table(const std::filesystem::path& file, const TableOptions& options, const ColumnAliases& aliases,
                     const std::string& required) {
  auto no_header = [&](const std::string& where) {
    return InputError(Message(Msg::import_no_header, where, header_search_rows,
                         listed(expected_headers(aliases, required))));
  };
  switch (file_kind(file)) {
    case FileKind::xls:
      throw InputError(Message(Msg::xlsx_old_xls, file.string()));
    case FileKind::text: {
      auto reader = open_csv(file, options.encoding);
      auto header = find_header(*reader, options, aliases, required);
      if (!header) throw no_header(file.string());
      return {std::move(reader), std::move(*header), true, {}};
    }
    case FileKind::xlsx:
      break;
  }
  auto names = xlsx_sheet_names(file);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (options.sheet && names[i] != *options.sheet) continue;
    auto reader = open_xlsx_sheet(file, i);
    if (auto header = find_header(*reader, options, aliases, required)) {
      OpenTable table{std::move(reader), std::move(*header), false, {}};
      for (std::size_t later = i + 1; later < names.size() && !options.sheet; ++later) {
        if (auto other = open_xlsx_sheet(file, later); find_header(*other, options, aliases, required)) {
          table.other_sheets.push_back(names[later]);
        }
      }
      return table;
    }
    if (options.sheet) throw no_header(file.string() + ":" + names[i]);
  }
  if (options.sheet) {
    throw InputError(Message(Msg::import_no_sheet, file.string(), *options.sheet,
                        listed(names)));
  }
  throw no_header(file.string());
}

}  // namespace kangle::import
