// SPDX-License-Identifier: Apache-2.0
// Where a document goes: the format asked for, to standard output or a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "present/document.hpp"

namespace kangle::present {

/// The formats of `--format`: the terminal's text, JSON and CSV for scripts and
/// spreadsheets, Markdown and a self-contained HTML page for what is posted, an XLSX
/// workbook for the office.
enum class Format { text, json, csv, md, html, xlsx };

/// `text`, `json`, … as `--format` names them.
std::string_view format_name(Format format);

/// The character encoding of CSV: UTF-8, or GB18030 for old WPS and Excel versions.
enum class Encoding { utf8, gb18030 };

struct Output {
  Format format = Format::text;
  std::string path;  ///< empty or "-": standard output
  Encoding encoding = Encoding::utf8;
};

/// The bytes of `document` in `output`'s format and encoding. CSV written to a file
/// (`for_file`) starts with a UTF-8 byte-order mark, so that a Chinese Excel reads it as
/// UTF-8 (XLSX keeps phone and ID numbers as text, which CSV cannot tell Excel). Throws
/// UsageError for XLSX, which is only written to a file, for a table format of a document
/// without a table, and for an encoding other than UTF-8 outside CSV.
std::string rendered(const Document& document, const Output& output, bool for_file);

/// Writes `document` to `output.path` atomically (the old file or the whole new one,
/// never half); a CSV file is for a spreadsheet (see `rendered`). XLSX is refused for a
/// document without a table, as CSV is.
void write(const Document& document, const Output& output);

}  // namespace kangle::present
