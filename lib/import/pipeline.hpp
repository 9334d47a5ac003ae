// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "import/table.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::import {

struct ImportOptions {
  std::filesystem::path file;
  TableOptions table;
  bool dry_run = false;
  /// Where rejected rows go; default: FILE's name with `.rejects.csv`, beside it.
  std::optional<std::filesystem::path> rejects_file;
  /// Told the rows read so far, every `progress_every` rows: for a progress line.
  std::function<void(std::size_t)> progress;
  /// The language of the rejects file's reason column, which people read.
  Lang lang = Lang::zh_CN;
};

inline constexpr std::size_t progress_every = 1000;

/// What happened to one row that was not simply added.
struct RowIssue {
  enum class Kind { rejected, doubtful, merged, updated };
  Kind kind = Kind::rejected;
  std::size_t row = 0;        ///< as the spreadsheet shows it
  std::string column;         ///< "C" and its header, when one column is at fault
  std::string header;
  Message message;            ///< why, shown in the language of whoever reads it
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
  std::vector<std::string> other_sheets;         ///< sheets that look like the same list, not read
  std::optional<std::string> already_imported_at;  ///< the same file was imported then: nothing done
  std::optional<std::filesystem::path> rejects_file;  ///< written when rows were rejected
  bool dry_run = false;
};

/// One row's cells by field, and the issues found in them, each naming its column
/// ("C" and its header as written).
class RowFields {
public:
  RowFields(const Header& header, const Row& row, std::vector<RowIssue>& issues)
      : header_(header), row_(row), issues_(issues) {}

  /// The cell under `field`'s column as it was written; empty when the sheet has no such column.
  const std::string& raw(std::string_view field) const;
  /// The same, NFKC-normalised and trimmed.
  std::string text(std::string_view field) const;
  /// Adds an issue about `field`'s column; a rejected one rejects the row.
  void issue(RowIssue::Kind kind, std::string_view field, Message message);
  bool rejected() const { return rejected_; }
  std::size_t row() const { return row_.number; }

private:
  const Header& header_;
  const Row& row_;
  std::vector<RowIssue>& issues_;
  bool rejected_ = false;
};

/// What became of one row a list's importer took.
enum class RowOutcome {
  added,      ///< a new record
  updated,    ///< changed a record stored by an earlier import
  merged,     ///< the same record as an earlier row of this file
  unchanged,  ///< a record stored before, exactly so
  rejected,   ///< not stored: its rejected issues say why
};

/// What an importer made of a row without the database, ahead of storing it: each
/// importer's own kind of it.
struct RowReading {
  virtual ~RowReading() = default;
};

/// What one list (volunteers, needs, resources) adds to the import pipeline: how a
/// row becomes a record, and how that record is stored or merged into what is there.
class ListImporter {
public:
  virtual ~ListImporter() = default;
  /// The list's name: the `imports` record's kind and the `[section]` of columns.toml.
  virtual std::string_view kind() const = 0;
  /// The field a row must have a column for: the header is the row that names it.
  virtual std::string_view required_field() const = 0;
  /// Called once the header is found, before the first row, inside the import's transaction.
  virtual void begin(const OpenTable& table, storage::Connection& db) = 0;
  /// Reads what of one row (neither blank nor a total) needs no database, with its issues
  /// in `issues`. Called after begin(), often on the thread that reads the sheet while
  /// take() stores the rows before: it may change nothing take() reads. Default: nothing.
  virtual std::unique_ptr<RowReading> read(const Row& row, std::vector<RowIssue>& issues) const;
  /// Stores or merges one row, with what read() made of it (null if nothing). Appends the
  /// row's issues to `issues` in the order they are to be shown; when the outcome is
  /// rejected, those of kind rejected say why and nothing was stored.
  virtual RowOutcome take(const Row& row, RowReading* reading, std::vector<RowIssue>& issues) = 0;
  /// After the last row: writes what take() held back to write many rows at once.
  virtual void finish() {}
};

/// Imports `options.file` with `list` in one transaction (rolled back for a dry run):
/// the file's SHA-256 checked against earlier imports of the same kind (the same file
/// again changes nothing), the header found, blank and total rows counted, every other
/// row handed to `list`, rejected rows written with their header and a reason column
/// to the rejects file, and the import recorded with its counts. Throws InputError
/// when the file cannot be read at all; nothing is written then.
ImportReport run_import(storage::Connection& db, const ColumnAliases& aliases, const ImportOptions& options,
                        const std::string& now, ListImporter& list);

/// True for a row of sums under the data: a cell that is, or in Chinese starts with, a
/// word for a total ("合计：12人"). English words must stand alone: "Summer" is a name.
bool is_total_row(const Row& row);

}  // namespace kangle::import
