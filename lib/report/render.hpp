// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

#include "report/model.hpp"

namespace kangle::report {

/// The report for the terminal: its title, then each section's title, lines and tables
/// (columns aligned, CJK characters counted two columns wide), then the footer. No colour;
/// charts are left out (their tables are there).
std::string render_table(const Report& report);

/// The report in Markdown: `# title`, `## section`, the lines as paragraphs, `### table`
/// above each table, the footer under a rule. Charts are left out.
std::string render_markdown(const Report& report);

/// The tables of the report as CSV, for scripts and spreadsheets. Every table of every
/// section, in order, is one block:
///
///     sessions_by_kiosk               the table's id, alone on its line
///     kiosk,sessions,satisfaction     the column keys (not the headers)
///     丁香亭,12,4.5                    one line per row
///
/// with one empty line between blocks. Numbers are written plainly, with the places of
/// their `decimals` (no thousands separators, `12` not `12.0`); an empty cell for none.
/// RFC 4180 quoting, CRLF line ends. Titles, lines, charts and the footer are left out.
std::string render_csv(const Report& report);

/// The report as one JSON object, keys in this order:
/// `{"report", "period", "title", "generated_at", "sections": [{"id", "title", "lines",
/// "tables": [{"id", "title", "columns": [{"key", "header"}], "rows": [{key: value}]}]}]}`.
/// Numbers are JSON numbers rounded to their `decimals` places, none is null, text a string.
/// Indented by two spaces, one row per line. Charts and the footer are left out.
std::string render_json(const Report& report);

/// The report as one self-contained HTML5 page (no scripts, fonts, images or links) that
/// prints on A4: the tables, each after the charts drawn from it as inline SVG.
/// Throws Error when a chart names a table or column its section does not have (a bug).
std::string render_html(const Report& report);

/// Writes the report as an XLSX workbook: a sheet per section (named after its title, made
/// valid and unique for Excel), its title, lines and tables, numbers as real numbers shown
/// with their `decimals`. `path` gets either the whole workbook or is left as it was.
/// Throws WorkspaceError naming `path` when it is a folder or cannot be written.
void write_xlsx(const Report& report, const std::filesystem::path& path);

}  // namespace kangle::report
