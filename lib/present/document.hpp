// SPDX-License-Identifier: Apache-2.0
// The output model every command fills and every format renders: a document of
// sections and tables of typed values. Areas build documents (translating what people
// read); the renderers in present/render.hpp know nothing else.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dates.hpp"
#include "core/i18n.hpp"

namespace kangle::present {

/// One cell. What scripts read (JSON, CSV) never depends on the language of the run;
/// what people read (text, Markdown, HTML, XLSX) is `display()`.
class Value {
public:
  enum class Kind : std::uint8_t {
    none,      ///< an empty cell; null in JSON
    text,      ///< free text
    integer,   ///< a whole number
    decimal,   ///< a real number shown with `decimals` places
    flag,      ///< a yes or no: JSON true/false, people read a mark (★) or nothing
    date,      ///< a day: 2026-12-03 everywhere
    duration,  ///< whole minutes for scripts; people read 2小时30分
    list,      ///< items: a JSON array; people read them joined by 、
    personal,  ///< a phone or ID number as shown (masked unless revealed): text in every
               ///< format, never a number a spreadsheet would round
    code,      ///< a stable code for scripts (`proposed`) with its label for people (待认领)
  };

  Value() = default;
  static Value none() { return {}; }
  static Value text(std::string text);
  static Value integer(std::int64_t number);
  /// A change people read with its sign (+2, -3): points added or taken.
  static Value change(std::int64_t number);
  static Value number(double number, int decimals = 0);
  static Value flag(bool set, std::string shown_when_set);
  static Value date(const Date& day);
  static Value duration(std::int64_t minutes);
  static Value list(std::vector<std::string> items);
  /// Codes for scripts (a JSON array: ["disinfection"]) with their labels for people
  /// (消杀), and what people read when there is none.
  static Value codes(std::vector<std::string> codes, std::vector<std::string> labels, std::string shown_when_none);
  static Value personal(std::string shown);
  static Value code(std::string code, std::string label);

  Kind kind() const { return kind_; }
  bool is_number() const { return kind_ == Kind::integer || kind_ == Kind::decimal; }
  double number_value() const { return number_; }
  int decimals() const { return decimals_; }
  bool flag_value() const { return set_; }
  const std::vector<std::string>& items() const;
  /// As people read it in `lang` (durations are words); "" for none.
  std::string display(Lang lang) const;
  /// As scripts read it in CSV: the code, whole minutes, true/false, plain numbers, items
  /// joined by commas.
  std::string for_scripts() const;

private:
  /// What a list holds; shared by a value's copies.
  struct Items {
    std::vector<std::string> items;
    std::vector<std::string> labels;  // codes: the items' labels
  };
  // Small, since a long listing holds a value a cell (a month's records of a district
  // are a million of them): one string for what scripts read and what people read after it.
  std::string text_;  // text, date, personal, code: what scripts read; then a code's label or a flag's mark
  std::shared_ptr<const Items> items_;
  double number_ = 0;
  std::uint32_t label_at_ = 0;  // where in text_ the label begins
  Kind kind_ = Kind::none;
  std::uint8_t decimals_ = 0;
  bool set_ : 1 = false;
  bool signed_ : 1 = false;
  bool labelled_ : 1 = false;

  std::string_view own_text() const { return std::string_view(text_).substr(0, label_at_); }
  std::string_view label() const { return std::string_view(text_).substr(label_at_); }
};

/// A column: the stable key scripts read (JSON key, CSV header of a pack file) and
/// the header people read, in the language of the run.
struct Column {
  std::string key;
  std::string header;
  bool for_scripts = false;  ///< only in CSV and JSON: a stable key people need not read
  bool durations = false;    ///< holds durations: a listing's CSV header says they are in minutes
};

struct Table {
  std::string id;     ///< stable, ASCII: `sessions_by_kiosk`; names the pack's CSV file
  std::string title;  ///< in the language of the run
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  std::size_t key_columns = 1;  ///< leading columns that name a row: kept in every part of a cut table
  bool in_csv = true;  ///< false: a table people read beside the main one, which CSV leaves out
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
  std::string title;  ///< in the language of the run; may be empty in a listing
  std::vector<std::string> lines;  ///< sentences before the tables: headlines, reasons
  std::vector<Table> tables;
  std::vector<Chart> charts;
};

/// A table as people read it (text, Markdown, HTML, XLSX): without the columns kept for
/// scripts, and without a title that only repeats its section's. Its rows are the table's
/// own, read through `cell`: a long listing's values are not copied.
class TableAsRead {
public:
  TableAsRead(const Table& table, const Section& section);
  TableAsRead(Table&& table, const Section& section) = delete;  // it would outlive the rows it reads
  std::string title;
  std::vector<Column> columns;
  std::size_t key_columns;
  const std::vector<std::vector<Value>>& rows() const { return table_.rows; }
  /// The value of `row` (one of rows()) under columns[c]; none where the row is short.
  const Value& cell(const std::vector<Value>& row, std::size_t c) const;

private:
  const Table& table_;
  std::vector<std::size_t> kept_;  // the table's column under each of `columns`
};

/// What every command prints, whatever it prints: a report, a listing, a status.
struct Document {
  explicit Document(Lang in) : language(in) {}
  Lang language;  ///< of its titles, headers and lines: the renderers' words (durations, the page's lang) follow it
  std::string kind;    ///< stable, ASCII: `report_month`, `points_history`, `status`
  std::string title;   ///< in the language of the run; empty for a bare listing
  std::string period;  ///< `2026-12`, `2026Q4`, `2026`; empty when the document has none
  std::string generated_at;  ///< ISO-8601 UTC (a machine form: `2026-12-03T09:04:00Z`), for what is kept or posted; else empty
  /// Figures scripts read beside the tables (JSON `facts`): a report's ledger head.
  std::vector<std::pair<std::string, Value>> facts;
  std::vector<Section> sections;
  std::vector<std::string> footer;  ///< lines under it: when made, by what, the privacy note
  /// The 落款 closing a paper for the committee, above the footer and set to the right: the
  /// issuing body, then the day. Empty for other documents.
  std::vector<std::string> signature;
  bool landscape = false;         ///< printed across A4 (HTML and XLSX): wide tables such as a rota's weeks
  bool page_per_section = false;  ///< each section on a page of its own when printed: a notice per kiosk
  /// CSV: every table a block named by its id and headed by the column keys (a report,
  /// for scripts and packs), also when there is one table.
  bool csv_by_keys = false;
  bool fit_terminal = false;  ///< text: a table wider than a terminal is cut into parts
};

/// A listing in `language`: a document of one untitled section holding `table`.
Document listing(Lang language, std::string kind, Table table);

/// What a command says when it has done something (entry written, 12 imported): its
/// `lines` in `language`, and the ids and figures scripts read (`facts`).
Document message(Lang language, std::string kind, std::vector<std::string> lines,
                 std::vector<std::pair<std::string, Value>> facts = {});

}  // namespace kangle::present
