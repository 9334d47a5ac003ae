// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "import/table.hpp"

namespace SQLite {
class Database;
}

namespace kangle::import {

struct ImportOptions {
  std::filesystem::path file;
  TableOptions table;
  bool dry_run = false;
  /// Where rejected rows go; default: FILE's name with `.rejects.csv`, beside it.
  std::optional<std::filesystem::path> rejects_file;
};

/// What happened to one row that was not simply added.
struct RowIssue {
  enum class Kind { rejected, doubtful, merged, updated };
  Kind kind = Kind::rejected;
  std::size_t row = 0;        ///< as the spreadsheet shows it
  std::string column;         ///< "C" and its header, when one column is at fault
  std::string header;
  std::string message;        ///< in the user's language
};

struct ImportReport {
  std::string file;
  std::string sheet;
  bool csv = false;             ///< a text file: no sheets
  std::size_t header_row = 0;
  std::size_t added = 0, updated = 0, merged = 0, unchanged = 0, rejected = 0;
  std::size_t blank_rows = 0;   ///< empty rows between the header and the last row
  std::size_t total_rows = 0;   ///< 合计/总计/小计 rows skipped
  std::vector<RowIssue> issues;                  ///< by row
  std::vector<std::string> ignored_columns;      ///< headers that name no field
  std::optional<std::string> already_imported_at;  ///< the same file was imported then: nothing done
  std::optional<std::filesystem::path> rejects_file;  ///< written when rows were rejected
  bool dry_run = false;
};

/// Imports a volunteer sign-up sheet into the workspace database in one transaction
/// (rolled back for a dry run): one person per phone number (or ID number) across the
/// file and earlier imports, a later sign-up merging skills and availability and
/// updating the rest. Rejected rows are written with their header and a reason column
/// to the rejects file. Throws InputError when the file cannot be read at all.
ImportReport import_volunteers(SQLite::Database& db, const config::Config& config, const ColumnAliases& aliases,
                               const ImportOptions& options, const std::string& now);

}  // namespace kangle::import
