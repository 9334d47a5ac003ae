// SPDX-License-Identifier: Apache-2.0
#include "import/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/columns.hpp"
#include "import/normalize.hpp"
#include "import/read_ahead.hpp"
#include "present/table.hpp"
#include "storage/connection.hpp"

namespace kangle::import {

const std::string& RowFields::raw(std::string_view field) const {
  static const std::string none;
  auto it = header_.columns.find(field);
  if (it == header_.columns.end() || it->second >= row_.cells.size()) return none;
  return row_.cells[it->second].text;
}

std::string RowFields::text(std::string_view field) const { return text::clean(raw(field)); }

void RowFields::issue(RowIssue::Kind kind, std::string_view field, Message message) {
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
  // Only a cell's start can make it one of the words: normalising every cell of every row
  // whole took up to a tenth of an import. Its first byte rules out most cells; one byte
  // past the longest word tells a longer text.
  auto may_start_one = [](char first) {
    auto starts = [&](std::string_view w) { return w.front() == first; };
    return std::any_of(std::begin(chinese), std::end(chinese), starts) ||
           std::any_of(std::begin(english), std::end(english), starts);
  };
  constexpr std::size_t enough = std::string_view("subtotal").size() + 1;
  for (const auto& cell : row.cells) {
    auto first = normalize_header_start(cell.text, 1);
    if (first.empty() || !may_start_one(first.front())) continue;
    auto start = normalize_header_start(cell.text, enough);
    for (auto w : chinese) {
      if (start.starts_with(w)) return true;
    }
    for (auto w : english) {
      if (start == w) return true;
    }
  }
  return false;
}

namespace {

/// The length of the invisible character at the front of `s` that no cell should hold —
/// C0 and C1 control characters but tab and line breaks, DEL, zero-width spaces and joiners,
/// a byte order mark — and its code point; 0 when `s` starts with anything else.
std::pair<std::size_t, char32_t> invisible_at(std::string_view s) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (b(0) < 0x20 && b(0) != '\t' && b(0) != '\n' && b(0) != '\r') return {1, b(0)};
  if (b(0) == 0x7F) return {1, 0x7F};
  if (b(0) == 0xC2 && s.size() >= 2 && b(1) >= 0x80 && b(1) <= 0x9F) return {2, b(1)};
  if (b(0) == 0xE2 && s.size() >= 3 && b(1) == 0x80 && b(2) >= 0x8B && b(2) <= 0x8D) return {3, 0x2000u + (b(2) - 0x80u)};
  if (b(0) == 0xE2 && s.size() >= 3 && b(1) == 0x81 && b(2) == 0xA0) return {3, 0x2060};
  if (b(0) == 0xEF && s.size() >= 3 && b(1) == 0xBB && b(2) == 0xBF) return {3, 0xFEFF};
  return {0, 0};
}

/// Takes the invisible characters out of every cell of `row` (a NUL would cut a name in two
/// in some programs and not in others, a zero-width space makes 王芳 another person), each
/// cell that held one a doubtful issue naming the first.
void remove_invisible(Row& row, const Header& header, std::vector<RowIssue>& issues) {
  // The bytes an invisible character starts with: most cells hold none, and are passed over
  // at a table look-up a byte instead of a copy.
  static const auto may_start = [] {
    std::array<bool, 256> bytes{};
    for (unsigned b = 0; b < 0x20; ++b) bytes[b] = b != '\t' && b != '\n' && b != '\r';
    bytes[0x7F] = bytes[0xC2] = bytes[0xE2] = bytes[0xEF] = true;
    return bytes;
  }();
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    auto& text = row.cells[c].text;
    if (std::none_of(text.begin(), text.end(), [](char b) { return may_start[static_cast<unsigned char>(b)]; })) continue;
    std::string kept;
    std::optional<char32_t> first;
    for (std::size_t i = 0; i < text.size();) {
      auto [length, code] = invisible_at(std::string_view(text).substr(i));
      if (length == 0) {
        kept += text[i++];
        continue;
      }
      if (!first) first = code;
      i += length;
    }
    if (!first) continue;
    text = std::move(kept);
    issues.push_back({RowIssue::Kind::doubtful, row.number, column_letters(c), c < header.titles.size() ? header.titles[c] : "",
                      Message(Msg::import_invisible_removed, fmt::format("U+{:04X}", static_cast<std::uint32_t>(*first)))});
  }
}

/// What makes an import the same as an earlier one: the file's bytes, and the options that
/// change what they mean (another sheet, another mapping, another encoding read the same
/// bytes as other rows). Without them, the file's SHA-256 alone, as imports always kept it.
std::string import_key(const ImportOptions& options) {
  auto hash = file_sha256(options.file);
  const auto& table = options.table;
  if (!table.sheet && table.map.empty() && !table.encoding) return hash;
  std::string meaning = hash + "\x1fsheet=" + table.sheet.value_or("");
  for (const auto& [header, field] : table.map) meaning += "\x1fmap=" + header + "=" + field;
  if (table.encoding) meaning += "\x1f" "encoding=" + std::to_string(static_cast<int>(*table.encoding));
  return sha256_hex(meaning);
}

/// A row of the sheet, and what was made of it before it is stored.
struct ReadRow {
  Row row;
  bool made_sense = false;  ///< the fields below are filled
  bool total = false;       ///< a row of sums, skipped
  std::vector<RowIssue> issues;
  std::unique_ptr<RowReading> reading;
};

/// What of `out.row` needs no database: whether it is a total row, its invisible
/// characters, `list`'s reading. Done by whichever thread has the time.
void make_sense(const Header& header, const ListImporter& list, ReadRow& out) {
  auto& row = out.row;
  out.made_sense = true;
  out.issues.clear();
  out.reading.reset();
  out.total = is_total_row(row);
  if (out.total) return;
  remove_invisible(row, header, out.issues);
  if (row.hidden) out.issues.push_back({RowIssue::Kind::doubtful, row.number, "", "", Message(Msg::import_hidden_row)});
  out.reading = list.read(row, out.issues);
}

}  // namespace

std::unique_ptr<RowReading> ListImporter::read(const Row&, std::vector<RowIssue>&) const { return nullptr; }

ImportReport run_import(storage::Connection& db, const ColumnAliases& aliases, const ImportOptions& options,
                        const std::string& now, ListImporter& list) {
  using Kind = RowIssue::Kind;
  ImportReport report;
  report.file = options.file.string();
  report.dry_run = options.dry_run;
  auto hash = import_key(options);
  auto table = open_table(options.file, options.table, aliases, std::string(list.required_field()));
  report.sheet = table.reader->name();
  report.csv = table.csv;
  report.header_row = table.header.row;
  report.ignored_columns = table.header.ignored;
  report.other_sheets = table.other_sheets;

  // 16 MiB. With less, the indexes kept row by row spill to the WAL before the commit and
  // are read back: a tenth of a 130,000-row workbook's time at SQLite's 2 MiB, more than
  // twice the system time of a million rows' at 8. More only holds more of what is written
  // once: the rows go in by id, and the indexes of a first import are sorted at the end,
  // in as much memory again. At 64, a million rows' import took 194 MB instead of 114, in
  // the same time (bench/README.md, "Session 35").
  db.prepare_for_bulk_writes(16);
  storage::Transaction transaction(db, storage::Transaction::write);
  {
    storage::Statement seen(db, "SELECT imported_at FROM imports WHERE kind = ? AND sha256 = ?");
    seen.bind(1, std::string(list.kind()));
    seen.bind(2, hash);
    if (seen.step()) {
      report.already_imported_at = seen.column(0).text();
      return report;  // the transaction rolls back: nothing was written
    }
  }

  list.begin(table, db);
  std::string rejects = "\xEF\xBB\xBF";  // a BOM, so that Excel opens the UTF-8 file as such
  auto reject_header = table.header.titles;
  reject_header.push_back(std::string(message_text(Msg::import_reason_column, options.lang)));
  rejects += table::csv_line(reject_header);

  // Rows are read on a second thread while this one stores the ones before; each is made
  // sense of there when it is ahead (a CSV file), else here (a workbook's XML keeps it busy).
  ReadAhead<ReadRow> rows([&](ReadRow& next, bool ahead) {
    if (!table.reader->next(next.row)) return false;
    next.made_sense = false;
    if (ahead) make_sense(table.header, list, next);
    return true;
  });
  ReadRow current;
  std::size_t last_row = table.header.row;
  std::size_t read = 0;
  while (rows.next(current)) {
    if (!current.made_sense) make_sense(table.header, list, current);
    const auto& row = current.row;
    auto& issues = current.issues;
    if (options.progress && ++read % progress_every == 0) options.progress(read);
    report.blank_rows += row.number - last_row - 1;
    last_row = row.last_line();
    if (current.total) {
      ++report.total_rows;
      continue;
    }
    auto outcome = list.take(row, current.reading.get(), issues);
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
      if (i.kind == Kind::rejected) reasons.push_back(i.message.in(options.lang));
    }
    fields.push_back(text::join(reasons, "; "));
    rejects += table::csv_line(fields);
    for (auto& i : issues) {
      if (i.kind == Kind::rejected) report.issues.push_back(std::move(i));
    }
  }
  list.finish();
  std::stable_sort(report.issues.begin(), report.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });

  storage::Statement record(db,
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
