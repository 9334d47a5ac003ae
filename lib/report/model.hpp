// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kangle::report {

/// One cell: nothing (an empty cell, null in JSON), a number (a real number in XLSX
/// and JSON), or text. `decimals` says how a number is shown in text formats.
struct Value {
  std::variant<std::monostate, double, std::string> data;
  int decimals = 0;

  static Value none() { return {}; }
  static Value number(double v, int decimals = 0) { return {v, decimals}; }
  static Value text(std::string v) { return {std::move(v), 0}; }
  bool is_number() const { return std::holds_alternative<double>(data); }
  bool is_text() const { return std::holds_alternative<std::string>(data); }
  /// As text formats show it: numbers with `decimals` places, none as "".
  std::string display() const;
};

/// A column: the stable key scripts read (CSV header of a pack file, JSON key) and
/// the header people read, in the language of the run.
struct Column {
  std::string key;
  std::string header;
  bool for_scripts = false;  ///< only in CSV and JSON: a stable key people need not read
};

struct Table {
  std::string id;     ///< stable, ASCII: `sessions_by_kiosk`; names the pack's CSV file
  std::string title;  ///< in the language of the run
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  std::size_t key_columns = 1;  ///< leading columns that name a row: kept in every part of a cut table
};

/// A chart drawn (as inline SVG) only by the HTML renderer; other formats carry the
/// table it comes from.
struct Chart {
  enum class Kind {
    bars,      ///< one bar per row of `table`: label column `label`, value column `value`
    quadrant,  ///< one point per row: x = column `x`, y = column `y`, labelled by `label`;
               ///< dashed lines at `x_split` and `y_split`
  };
  Kind kind = Kind::bars;
  std::string title;
  std::string table;  ///< the id of a table of the same section
  std::string label, value, x, y;  ///< column keys
  double x_split = 0, y_split = 0;
  std::string x_title, y_title;  ///< axis titles (quadrant)
};

struct Section {
  std::string id;     ///< stable, ASCII; names the XLSX sheet (with `title`)
  std::string title;  ///< in the language of the run
  std::vector<std::string> lines;  ///< sentences before the tables: headlines, reasons
  std::vector<Table> tables;
  std::vector<Chart> charts;
};

/// `table` as people read it (text, Markdown, HTML, XLSX): without the columns kept for
/// scripts, and without a title that only repeats its section's.
Table as_read(const Table& table, const Section& section);

/// What every report is, whatever it reports: the renderers know nothing else.
struct Report {
  std::string kind;    ///< `month`, `quarter`, `year`, `services`, `units`, `volunteers`
  std::string period;  ///< `2026-12`, `2026Q4`, `2026`
  std::string title;   ///< in the language of the run: 康健街道 2026年12月 服务月报
  std::string generated_at;  ///< ISO-8601 UTC
  std::vector<std::string> footer;  ///< lines under the report: when made, by what, the privacy note
  std::vector<Section> sections;
  bool landscape = false;         ///< printed across A4 (HTML and XLSX): wide tables such as a rota's weeks
  bool page_per_section = false;  ///< each section on a page of its own when printed: a notice per kiosk
  std::int64_t ledger_entries = 0;  ///< the points ledger when the report was made: its entries
  std::string ledger_head{};        ///< and its last hash, which `points verify --expect` finds later
};

}  // namespace kangle::report
