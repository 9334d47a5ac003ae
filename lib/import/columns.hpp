// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/diagnostics.hpp"
#include "import/sheet.hpp"

namespace kangle::import {

/// The headers that name each field of one list (`volunteers`, ...), normalised.
struct ColumnAliases {
  std::map<std::string, std::vector<std::string>> fields;  ///< field → headers
  std::vector<std::string> order;                          ///< the fields as columns.toml lists them
};

/// A header as it is compared: NFKC, lower case, no spaces or "*" marks, and no note
/// in brackets ("联系电话（必填）" → "联系电话").
std::string normalize_header(std::string_view header);
/// The first `most` bytes of normalize_header(header): a text NFKC keeps as it is is not
/// copied, and only its first bytes are normalised.
std::string normalize_header_start(std::string_view header, std::size_t most);

/// The aliases of `list` shipped in config/columns.toml, plus those of the workspace's
/// own columns.toml when it has one. Problems in the workspace's file go to `sink`.
ColumnAliases load_column_aliases(const std::filesystem::path& workspace, std::string_view list,
                                  config::Diagnostics& sink);

/// A field's name hashed as a view: looked up a dozen times a row, a sorted map compared
/// names byte by byte (1.7% of a workbook's import).
struct FieldHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
};

/// The header row as understood: which column holds which field.
struct Header {
  std::size_t row = 0;                          ///< the row number the spreadsheet shows
  std::unordered_map<std::string, std::size_t, FieldHash, std::equal_to<>> columns;  ///< field → column index
  std::vector<std::string> titles;              ///< the header texts as written, by column
  std::vector<std::string> ignored;             ///< headers that name no field
};

/// `row` read as a header: each cell matched against the aliases (an exact match, or
/// else the longest alias the header starts with); `overrides` (header → field, from
/// --map) come first. A header needs at least two known fields, `required` among them.
std::optional<Header> match_header(const Row& row, const ColumnAliases& aliases,
                                   const std::map<std::string, std::string>& overrides, const std::string& required);

/// Letters of a 0-based column index as spreadsheets show them: 0 → A, 27 → AB.
std::string column_letters(std::size_t column);

}  // namespace kangle::import
