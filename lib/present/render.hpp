// SPDX-License-Identifier: Apache-2.0
// One renderer per format for every document kangle prints or writes.
#pragma once

#include <filesystem>
#include <string>

#include "present/document.hpp"

namespace kangle::present {

/// The version of the JSON every command writes (`format_version`, its first key).
/// Adding keys, kinds, sections, tables or columns keeps the version: readers must
/// ignore what they do not know. Renaming or removing a key, or changing the type or
/// meaning of a value, raises it.
inline constexpr int json_format_version = 1;

/// The document for the terminal: its title, then each section's title, lines and tables
/// (columns aligned, CJK characters counted two columns wide), then the footer, blocks
/// apart by an empty line. No colour; charts are left out (their tables are there).
std::string render_text(const Document& document);

/// The document in Markdown: `# title`, `## section`, the lines as paragraphs, `### table`
/// above each table, the footer under a rule. Charts are left out.
std::string render_markdown(const Document& document);

/// The tables `in_csv` as CSV (RFC 4180 quoting, CRLF line ends), values as scripts read
/// them (codes, whole minutes, true/false, plain numbers with their places, lists joined by
/// commas). One table is that table under the headers people read. Several tables, or a
/// document `csv_by_keys` (a report), are each a block:
///
///     sessions_by_kiosk               the table's id, alone on its line
///     kiosk,sessions,satisfaction     the column keys (not the headers)
///     丁香亭,12,4.5                    one line per row
///
/// with one empty line between blocks. Titles, lines, charts and the footer are left out.
/// Throws UsageError when the document has no table (what a command said it did).
std::string render_csv(const Document& document);

/// The document as one JSON object, keys in this order: `format_version`, `kind`, `title`,
/// `period` and `generated_at` (when it has them), `facts` (when it has any),
/// `sections`: [{`id`, `title`, `lines`, `tables`: [{`id`, `title`, `columns`: [{`key`,
/// `header`}], `rows`: [{key: value}]}]}]. Keys never depend on the language; values are
/// typed (numbers, booleans, null, arrays, codes), only titles, headers and lines are
/// text in the language of the run. Indented by two spaces. Charts and the footer are
/// left out.
std::string render_json(const Document& document);

/// The document as one self-contained HTML5 page (no scripts, fonts, images or links) that
/// prints on A4, nothing cut at the right edge (across the page when `printed_across`): the
/// tables, each after the charts drawn from it as inline SVG; the 落款 and the footer.
/// Throws Error when a chart names a table or column its section does not have (a bug).
std::string render_html(const Document& document);

/// Whether the document is printed across A4 (HTML and XLSX): it asks to be (`landscape`), or
/// one of its tables, with no header broken, is wider than a portrait page (180 mm at the
/// 9 pt tables are printed in) by more than a tenth, as the services review's portfolio is.
bool printed_across(const Document& document);

/// Writes the document as an XLSX workbook: a sheet per section (named after its title, made
/// valid and unique for Excel), its title, lines and tables, numbers as real numbers shown
/// with their `decimals`, phone and ID numbers as text. `path` gets either the whole
/// workbook or is left as it was. Throws WorkspaceError naming `path` when it is a folder
/// or cannot be written.
void write_xlsx(const Document& document, const std::filesystem::path& path);

}  // namespace kangle::present
