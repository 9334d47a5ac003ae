// SPDX-License-Identifier: Apache-2.0
// The XLSX workbook of a document, written with libxlsxwriter.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "present/render.hpp"

namespace kangle::present {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const char* reason) {
  throw WorkspaceError(Message(Msg::cannot_write_file, path.string(), reason));
}

void check(lxw_error error, const fs::path& path) {
  if (error != LXW_NO_ERROR) fail(path, lxw_strerror(error));
}

/// A new file of our own in the system's temporary folder, removed at scope exit:
/// libxlsxwriter writes a workbook only to a named file.
class ScratchFile {
public:
  explicit ScratchFile(const fs::path& target) {
    std::string name = (fs::temp_directory_path() / "kangle-xlsx-XXXXXX").string();
    int fd = ::mkstemp(name.data());
    if (fd < 0) fail(target, std::strerror(errno));
    ::close(fd);
    path_ = name;
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }

  const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

constexpr std::size_t sheet_name_limit = 31;  // characters, as Excel counts them

/// `text` as Excel takes a sheet name: none of []:*?/\ or control characters, no apostrophe
/// (nor, for tidiness, a space) at either end, at most `limit` characters.
std::string valid_sheet_name(std::string_view text, std::size_t limit = sheet_name_limit) {
  std::string name;
  for (char c : text) {
    bool control = static_cast<unsigned char>(c) < 0x20;
    name += control || std::string_view("[]:*?/\\").find(c) != std::string_view::npos ? '_' : c;
  }
  name = std::string(text::first_chars(name, limit));
  auto at_edge = [](char c) { return c == '\'' || c == ' '; };
  while (!name.empty() && at_edge(name.back())) name.pop_back();
  name.erase(name.begin(), std::find_if_not(name.begin(), name.end(), at_edge));
  return name;
}

/// The sheet names of a workbook, unique as Excel compares them: ignoring case.
class SheetNames {
public:
  /// The section's title made a valid sheet name (its id when nothing of the title is left),
  /// with ` (2)`, ` (3)`… when a sheet already has it.
  std::string add(const Section& section) {
    std::string name = valid_sheet_name(section.title);
    if (name.empty()) name = valid_sheet_name(section.id);
    if (name.empty()) name = "Sheet";
    std::string unique = name;
    for (int n = 2; std::count(taken_.begin(), taken_.end(), text::ascii_lower(unique)) > 0; ++n) {
      std::string suffix = fmt::format(" ({})", n);
      unique = valid_sheet_name(name, sheet_name_limit - suffix.size()) + suffix;
    }
    taken_.push_back(text::ascii_lower(unique));
    return unique;
  }

private:
  std::vector<std::string> taken_{"history"};  // Excel keeps History for itself
};

/// The cell formats of a workbook, each made once. A table's cells are bordered, its
/// headers bold on a tinted ground, as a paper for the committee prints them.
class Formats {
public:
  explicit Formats(lxw_workbook* book)
      : title(workbook_add_format(book)), heading(workbook_add_format(book)), bold(workbook_add_format(book)),
        header(workbook_add_format(book)), cell(workbook_add_format(book)), signature(workbook_add_format(book)),
        book_(book) {
    format_set_bold(title);
    format_set_font_size(title, 16);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bold(heading);
    format_set_font_size(heading, 13);
    format_set_bold(bold);
    format_set_bold(header);
    format_set_bg_color(header, 0xFBE9E7);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(signature, LXW_ALIGN_RIGHT);
  }

  lxw_format* const title;      ///< the document's title, across the sheet
  lxw_format* const heading;    ///< the section's title
  lxw_format* const bold;       ///< a table's title
  lxw_format* const header;     ///< a table's column headers
  lxw_format* const cell;       ///< a table's text cell
  lxw_format* const signature;  ///< the 落款

  /// The format of a table's number cell with `decimals` places: 0, 0.0, 0.00…, bordered.
  lxw_format* number(int decimals) {
    std::string places(static_cast<std::size_t>(std::max(decimals, 0)), '0');
    lxw_format*& format = numbers_[places.size()];
    if (format == nullptr) {
      format = workbook_add_format(book_);
      format_set_num_format(format, places.empty() ? "0" : ("0." + places).c_str());
      format_set_border(format, LXW_BORDER_THIN);
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    }
    return format;
  }

private:
  lxw_workbook* book_;
  std::map<std::size_t, lxw_format*> numbers_;
};

/// How many rows `write_section` writes for `section`, up to its last: the document's
/// title and its own, its lines, each table with an empty row before it, its title, its
/// header and its rows, and the 落款 two rows under the last section.
std::size_t rows_taken(const Document& document, const Section& section, bool last) {
  std::size_t rows = section.lines.size();
  if (!document.title.empty()) ++rows;
  if (!section.title.empty() && section.title != document.title) ++rows;
  for (const auto& table : section.tables) rows += table.rows.size() + (TableAsRead(table, section).title.empty() ? 2 : 3);
  if (last && !document.signature.empty()) rows += 2 + document.signature.size();
  return rows;
}

/// The document's title across the top (merged over the table's columns), the section's title,
/// its lines, then each table after an empty row: its title, its headers, its rows, every cell
/// bordered; the 落款 under the last section. Columns are as wide as their widest table cell
/// (long text wraps at 40); the first table's header row is printed again on every page.
void write_section(lxw_worksheet* sheet, const Document& document, const Section& section, bool last, Formats& formats,
                   const fs::path& path) {
  Lang lang = document.language;
  lxw_row_t row = 0;
  auto write_text = [&](std::size_t column, const std::string& text, lxw_format* format) {
    check(worksheet_write_string(sheet, row, static_cast<lxw_col_t>(column), text.c_str(), format), path);
  };
  std::vector<std::size_t> widths;  // in display columns: a CJK character counts two
  auto measure = [&](std::size_t column, const std::string& text) {
    if (widths.size() <= column) widths.resize(column + 1, 0);
    widths[column] = std::max(widths[column], text::display_width(text));
  };
  std::size_t columns = 1;
  for (const auto& table : section.tables) columns = std::max(columns, TableAsRead(table, section).columns.size());
  auto last_column = static_cast<lxw_col_t>(columns - 1);

  if (!document.title.empty()) {
    if (last_column > 0) {
      check(worksheet_merge_range(sheet, row, 0, row, last_column, document.title.c_str(), formats.title), path);
    } else {
      write_text(0, document.title, formats.title);
    }
    check(worksheet_set_row(sheet, row, 28, nullptr), path);
    ++row;
  }
  if (!section.title.empty() && section.title != document.title) {
    write_text(0, section.title, formats.heading);
    ++row;
  }
  for (const auto& line : section.lines) {
    if (!line.empty()) write_text(0, line, nullptr);
    ++row;
  }
  std::optional<lxw_row_t> first_header;
  for (const auto& full : section.tables) {
    TableAsRead table(full, section);
    ++row;
    if (!table.title.empty()) {
      write_text(0, table.title, formats.bold);
      ++row;
    }
    if (!first_header) first_header = row;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      write_text(c, table.columns[c].header, formats.header);
      measure(c, table.columns[c].header);
    }
    for (const auto& cells : table.rows()) {
      ++row;
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const Value& value = table.cell(cells, c);
        std::string shown = value.display(lang);  // empty for infinity and NaN, which XLSX cannot hold
        if (value.is_number() && !shown.empty()) {
          check(worksheet_write_number(sheet, row, static_cast<lxw_col_t>(c), value.number_value(),
                                       formats.number(value.decimals())),
                path);
        } else if (shown.empty()) {
          check(worksheet_write_blank(sheet, row, static_cast<lxw_col_t>(c), formats.cell), path);
        } else {
          write_text(c, shown, formats.cell);
        }
        measure(c, shown);
      }
    }
    ++row;
  }
  if (last && !document.signature.empty()) {
    row += 2;
    for (const auto& line : document.signature) {
      write_text(last_column, line, formats.signature);
      ++row;
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    auto width = static_cast<double>(std::clamp<std::size_t>(widths[c] + 2, 8, 40));
    check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr), path);
  }
  if (first_header) check(worksheet_repeat_rows(sheet, *first_header, *first_header), path);
}

struct CloseWorkbook {
  void operator()(lxw_workbook* book) const { workbook_close(book); }
};

}  // namespace

void write_xlsx(const Document& document, const fs::path& path) {
  // Refused before the work, as the atomic write would refuse it at the end.
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw WorkspaceError(Message(Msg::output_is_folder, path.string()));

  // A sheet too long for a workbook, refused before the work: at a million rows that was
  // 2.5 GB and most of a minute, then libxlsxwriter's "index out of range".
  SheetNames counted;
  for (const auto& section : document.sections) {
    std::string name = counted.add(section);
    if (auto rows = rows_taken(document, section, &section == &document.sections.back()); rows > LXW_ROW_MAX) {
      throw UsageError(Message(Msg::xlsx_too_many_rows, path.string(), LXW_ROW_MAX, name, rows));
    }
  }

  ScratchFile scratch(path);
  std::unique_ptr<lxw_workbook, CloseWorkbook> book(workbook_new(scratch.path().c_str()));
  if (book == nullptr) fail(path, std::strerror(ENOMEM));
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(document.title.c_str());  // copied by libxlsxwriter
  // The document's own time, not the clock's: the same report, the same bytes.
  if (auto made = utc_moment(document.generated_at)) properties.created = *made;
  check(workbook_set_properties(book.get(), &properties), path);
  Formats formats(book.get());
  SheetNames names;
  bool across = printed_across(document);
  for (const auto& section : document.sections) {
    std::string name = names.add(section);
    check(workbook_validate_sheet_name(book.get(), name.c_str()), path);
    lxw_worksheet* sheet = workbook_add_worksheet(book.get(), name.c_str());
    if (sheet == nullptr) fail(path, std::strerror(ENOMEM));
    // Printed on A4, as wide as one page (across it for wide tables), centred, 15 mm margins.
    worksheet_set_paper(sheet, 9);
    if (across) worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_center_horizontally(sheet);
    worksheet_set_margins(sheet, 0.6, 0.6, 0.6, 0.6);
    write_section(sheet, document, section, &section == &document.sections.back(), formats, path);
  }
  check(workbook_close(book.release()), path);

  // The finished workbook replaces the target in one rename: a reader, or a crash,
  // sees the old file or the new one, never half of it.
  std::string why;
  auto content = read_file(scratch.path(), why);
  if (!content) fail(path, why.c_str());
  write_file_atomically(path, *content);
}

}  // namespace kangle::present
