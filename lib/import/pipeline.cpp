// SPDX-License-Identifier: Apache-2.0
#include "import/pipeline.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"
#include "core/table.hpp"
#include "core/text.hpp"
#include "import/columns.hpp"
#include "import/normalize.hpp"

namespace kangle::import {

const std::string& RowFields::raw(const std::string& field) const {
  static const std::string none;
  auto it = header_.columns.find(field);
  if (it == header_.columns.end() || it->second >= row_.cells.size()) return none;
  return row_.cells[it->second].text;
}

std::string RowFields::text(const std::string& field) const { return clean(raw(field)); }

void RowFields::issue(RowIssue::Kind kind, const std::string& field, std::string message) {
  RowIssue i{kind, row_.number, "", "", std::move(message)};
  if (auto it = header_.columns.find(field); it != header_.columns.end()) {
    i.column = column_letters(it->second);
    i.header = header_.titles[it->second];
  }
  if (kind == RowIssue::Kind::rejected) rejected_ = true;
  issues_.push_back(std::move(i));
}

bool is_total_row(const Row& row) {
  static constexpr std::string_view chinese[] = {"合计", "总计", "小计", "共计", "总数"};
  static constexpr std::string_view english[] = {"total", "sum", "subtotal"};
  // Normalising every cell of every row took up to a tenth of an import. A text NFKC keeps as it
  // is only loses characters and ASCII capitals to normalize_header(): it can become one of
  // the words only if it holds a word's first character.
  auto may_become_one = [&](std::string_view text) {
    if (!nfkc_stable(text)) return true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        auto lower = static_cast<char>(c | 0x20);  // T as t, S as s: no other byte becomes either
        if (std::any_of(std::begin(english), std::end(english), [&](auto w) { return w[0] == lower; })) return true;
      } else if (c >= 0xE0 && std::any_of(std::begin(chinese), std::end(chinese), [&](auto w) {
                   return c == static_cast<unsigned char>(w[0]) && text.substr(i, 3) == w.substr(0, 3);
                 })) {
        return true;
      }
    }
    return false;
  };
  for (const auto& cell : row.cells) {
    if (!may_become_one(cell.text)) continue;
    auto text = normalize_header(cell.text);
    for (auto w : chinese) {
      if (text.starts_with(w)) return true;
    }
    for (auto w : english) {
      if (text == w) return true;
    }
  }
  return false;
}

ImportReport run_import(SQLite::Database& db, const ColumnAliases& aliases, const ImportOptions& options,
                        const std::string& now, ListImporter& list) {
  using Kind = RowIssue::Kind;
  ImportReport report;
  report.file = options.file.string();
  report.dry_run = options.dry_run;
  auto hash = file_sha256(options.file);
  auto table = open_table(options.file, options.table, aliases, std::string(list.required_field()));
  report.sheet = table.reader->name();
  report.csv = table.csv;
  report.header_row = table.header.row;
  report.ignored_columns = table.header.ignored;

  // A page cache of 64 MiB rather than SQLite's 2: with 2, the indexes of a big import spill
  // to the WAL before the commit and are read back (110,000 reads and writes for 130,000
  // rows, a tenth of the time). Only what the import touches is held; the command's
  // connection closes after it.
  db.exec("PRAGMA cache_size = -65536");
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  {
    SQLite::Statement seen(db, "SELECT imported_at FROM imports WHERE kind = ? AND sha256 = ?");
    seen.bind(1, std::string(list.kind()));
    seen.bind(2, hash);
    if (seen.executeStep()) {
      report.already_imported_at = seen.getColumn(0).getString();
      return report;  // the transaction rolls back: nothing was written
    }
  }

  list.begin(table, db);
  std::string rejects = "\xEF\xBB\xBF";  // a BOM, so that Excel opens the UTF-8 file as such
  auto reject_header = table.header.titles;
  reject_header.push_back(std::string(message_text(Msg::import_reason_column, language())));
  rejects += table::csv_line(reject_header);

  Row row;
  std::vector<RowIssue> issues;
  std::size_t last_row = table.header.row;
  std::size_t read = 0;
  while (table.reader->next(row)) {
    if (options.progress && ++read % progress_every == 0) options.progress(read);
    report.blank_rows += row.number - last_row - 1;
    last_row = row.last_line();
    if (is_total_row(row)) {
      ++report.total_rows;
      continue;
    }
    issues.clear();
    auto outcome = list.take(row, issues);
    switch (outcome) {
      case RowOutcome::added: ++report.added; break;
      case RowOutcome::updated: ++report.updated; break;
      case RowOutcome::merged: ++report.merged; break;
      case RowOutcome::unchanged: ++report.unchanged; break;
      case RowOutcome::rejected: ++report.rejected; break;
    }
    if (outcome != RowOutcome::rejected) {
      for (auto& i : issues) report.issues.push_back(std::move(i));
      continue;
    }
    // The row as it was, under its header, with the reasons in a last column.
    std::vector<std::string> fields(table.header.titles.size());
    for (std::size_t c = 0; c < row.cells.size() && c < fields.size(); ++c) fields[c] = row.cells[c].text;
    std::vector<std::string> reasons;
    for (const auto& i : issues) {
      if (i.kind == Kind::rejected) reasons.push_back(i.message);
    }
    fields.push_back(text::join(reasons, "; "));
    rejects += table::csv_line(fields);
    for (auto& i : issues) {
      if (i.kind == Kind::rejected) report.issues.push_back(std::move(i));
    }
  }
  std::stable_sort(report.issues.begin(), report.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });

  SQLite::Statement record(db,
                           "INSERT INTO imports (kind, file_name, sha256, imported_at, added, updated, unchanged, skipped, rejected) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  record.bind(1, std::string(list.kind()));
  record.bind(2, options.file.filename().string());
  record.bind(3, hash);
  record.bind(4, now);
  record.bind(5, static_cast<std::int64_t>(report.added));
  record.bind(6, static_cast<std::int64_t>(report.updated + report.merged));
  record.bind(7, static_cast<std::int64_t>(report.unchanged));
  record.bind(8, static_cast<std::int64_t>(report.blank_rows + report.total_rows));
  record.bind(9, static_cast<std::int64_t>(report.rejected));
  record.exec();

  if (options.dry_run) return report;  // the transaction rolls back
  if (report.rejected > 0) {
    auto path = options.rejects_file.value_or(options.file.parent_path() / (options.file.stem().string() + ".rejects.csv"));
    write_file_atomically(path, rejects);
    report.rejects_file = path;
  }
  transaction.commit();
  return report;
}

}  // namespace kangle::import
