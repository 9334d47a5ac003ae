// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/sheet.hpp"

namespace kangle::import {

struct TableOptions {
  std::optional<std::string> sheet;         ///< --sheet: a sheet's name
  std::optional<Encoding> encoding;         ///< --encoding, for CSV
  std::map<std::string, std::string> map;   ///< --map: header → field
};

/// A sheet positioned just after its header row.
struct OpenTable {
  std::unique_ptr<SheetReader> reader;
  Header header;
  bool csv = false;  ///< a text file rather than a workbook
  /// Later sheets of the workbook with a header of the same list, not read: a workbook
  /// with a sheet per month or per community is imported a sheet at a time.
  std::vector<std::string> other_sheets;
};

/// How far down a sheet the header row may be (title rows, notes and blank rows above it).
inline constexpr std::size_t header_search_rows = 30;

/// Opens `file` (.xlsx, .csv or .txt, told apart by their content), takes the sheet
/// named in `options`, or else the first sheet with a recognisable header, and finds
/// its header row. Throws InputError for an old .xls, an unknown sheet (naming the
/// sheets there are), or when no header holds `required` and another known field.
OpenTable open_table(const std::filesystem::path& file, const TableOptions& options, const ColumnAliases& aliases,
                     const std::string& required);

}  // namespace kangle::import
