// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "import/sheet.hpp"

namespace kangle::import {

/// Bounds that make a hostile or absurd .xlsx fail cleanly instead of eating memory or
/// time (zip bombs). The defaults are far above what real spreadsheets need.
struct XlsxLimits {
  /// Unpacked size of one worksheet's XML, checked against the declared size and while reading.
  std::uint64_t max_sheet_bytes = std::uint64_t{1} << 30;
  /// Unpacked size of the shared strings table, which is kept in memory.
  std::uint64_t max_shared_strings_bytes = std::uint64_t{256} << 20;
  /// Unpacked size of any other part read (workbook, relationships, styles).
  std::uint64_t max_part_bytes = std::uint64_t{64} << 20;
  /// Largest compression ratio accepted for a part whose unpacked size exceeds `ratio_threshold_bytes`.
  double max_ratio = 200;
  std::uint64_t ratio_threshold_bytes = std::uint64_t{1} << 20;
  /// Longest text of one cell, in bytes: Excel allows 32767 characters of up to 4 UTF-8 bytes.
  std::size_t max_cell_bytes = std::size_t{32767} * 4;
  /// Most cells that merged ranges may fill on one sheet (each range counted by its area).
  std::uint64_t max_merged_cells = 10'000'000;
};

/// The names of the workbook's sheets, in workbook order (hidden sheets included).
/// Throws InputError, in the user's language and naming the file, when the file is
/// not a readable .xlsx (an old .xls gets its own message).
std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& file, const XlsxLimits& limits = {});

/// Opens the sheet at `sheet_index` (0-based, workbook order) for reading row by row:
/// the sheet's XML is streamed, only the shared strings and styles are held in memory.
/// Cells read as the Cell comments say; in addition a time of day without a day (a number
/// below 1 in a time format such as "h:mm", or in any date format of the 1900 system,
/// which has no day 0) reads as a date whose text is "HH:MM"; and the value of a merged
/// range's top-left cell is copied into every cell of the range, down to the last row the
/// sheet's data mentions (a range over a whole column stops there).
/// Throws InputError naming the file, and the sheet and row when known.
std::unique_ptr<SheetReader> open_xlsx_sheet(const std::filesystem::path& file, std::size_t sheet_index,
                                             const XlsxLimits& limits = {});

}  // namespace kangle::import
