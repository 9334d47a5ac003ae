// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace kangle::import {

/// One cell as a spreadsheet holds it.
struct Cell {
  enum class Kind { empty, text, number, boolean, date };
  Kind kind = Kind::empty;
  /// What a person sees: the text; a number in its shortest form ("13800138000",
  /// "1.5"); TRUE/FALSE; a date as YYYY-MM-DD (with " HH:MM" when it has a time).
  std::string text;
  double number = 0;  ///< the value of a number, or a date's serial number
};

/// A row that holds at least one non-empty cell.
struct Row {
  std::size_t number = 0;   ///< 1-based, as the spreadsheet shows it (CSV: the line the record starts on)
  std::vector<Cell> cells;  ///< by column, 0 = A; trailing empty cells dropped
  std::size_t last = 0;     ///< the line the row ends on: a CSV record may span lines; 0 = `number`
  bool hidden = false;      ///< hidden in the workbook, by hand or by a filter

  std::size_t last_line() const { return last != 0 ? last : number; }
};

/// Rows of one sheet, read one at a time so that memory does not grow with the file.
class SheetReader {
public:
  virtual ~SheetReader() = default;
  /// Fills `row` with the next row holding anything; false at the end of the sheet.
  /// Throws InputError naming the file when it is broken.
  virtual bool next(Row& row) = 0;
  /// The sheet's name ("Sheet1"; for CSV, the file's name).
  virtual const std::string& name() const = 0;
};

}  // namespace kangle::import
