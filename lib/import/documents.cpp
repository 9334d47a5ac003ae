// SPDX-License-Identifier: Apache-2.0
#include "import/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "config/diagnostics.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/lists.hpp"
#include "import/records.hpp"
#include "import/volunteers.hpp"

namespace kangle::import {
namespace {

using present::Value;

/// `--map` values ("联系方式=phone") checked against the fields the list knows.
std::map<std::string, std::string> parse_maps(const std::vector<std::string>& maps, const ColumnAliases& aliases) {
  const auto& fields = aliases.order;
  std::map<std::string, std::string> out;
  for (const auto& m : maps) {
    auto eq = m.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) throw UsageError(Message(Msg::import_bad_map, m));
    auto field = m.substr(eq + 1);
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      throw UsageError(Message(Msg::import_unknown_field, field, text::join(fields, ", ")));
    }
    out[m.substr(0, eq)] = field;
  }
  return out;
}

/// The header words of `list`: columns.toml's, refused when it has errors.
ColumnAliases aliases_of(const std::filesystem::path& workspace, std::string_view list) {
  config::Diagnostics problems;
  auto aliases = load_column_aliases(workspace, list, problems);
  for (const auto& d : problems.sorted()) {
    if (d.severity == config::Severity::error) throw InputError(config::config_refusal(d));
  }
  return aliases;
}

/// How to read the table: the sheet, the `--map` headers, the encoding of a CSV file.
TableOptions table_options(const std::optional<std::string>& sheet, const std::vector<std::string>& maps,
                           const std::optional<std::string>& encoding, const ColumnAliases& aliases) {
  TableOptions table;
  table.sheet = sheet;
  table.map = parse_maps(maps, aliases);
  if (encoding) {
    table.encoding = parse_encoding(*encoding);
    if (!table.encoding) throw UsageError(Message(Msg::import_bad_encoding, *encoding));
  }
  return table;
}

std::string issue_label(RowIssue::Kind kind, Lang lang) {
  switch (kind) {
    case RowIssue::Kind::rejected: return tr(lang, Msg::import_label_rejected);
    case RowIssue::Kind::doubtful: return tr(lang, Msg::import_label_doubtful);
    case RowIssue::Kind::merged: return tr(lang, Msg::import_label_merged);
    case RowIssue::Kind::updated: return tr(lang, Msg::import_label_updated);
  }
  return {};
}

Value count(std::size_t n) { return Value::integer(static_cast<std::int64_t>(n)); }

}  // namespace

std::string_view list_name(List list) {
  switch (list) {
    case List::volunteers: return "volunteers";
    case List::needs: return "needs";
    case List::resources: return "resources";
    case List::records: return "records";
  }
  return {};
}

ImportReport run_import(storage::Connection& db, const config::Config& config, const std::filesystem::path& workspace,
                        const ImportRequest& request, const std::string& now) {
  auto aliases = aliases_of(workspace, list_name(request.list));
  ImportOptions options;
  options.file = request.file;
  options.dry_run = request.dry_run;
  options.table = table_options(request.sheet, request.maps, request.encoding, aliases);
  if (request.rejects) options.rejects_file = *request.rejects;
  options.progress = request.progress;
  options.lang = request.lang;
  switch (request.list) {
    case List::volunteers: return import_volunteers(db, config, aliases, options, now);
    case List::needs: return import_needs(db, config, aliases, options, now);
    case List::resources: return import_resources(db, config, aliases, options, now);
    case List::records: break;
  }
  return import_records(db, config, aliases, options, now);
}

KioskImportReport run_kiosk_import(const config::Config& config, const std::filesystem::path& workspace,
                                   const KioskImportRequest& request) {
  auto aliases = aliases_of(workspace, "kiosks");
  KioskImportOptions options;
  options.file = request.file;
  options.dry_run = request.dry_run;
  options.replace = request.replace;
  options.lang = request.lang;
  options.table = table_options(request.sheet, request.maps, request.encoding, aliases);
  return import_kiosks(config, workspace, aliases, options);
}

present::Document import_document(const ImportReport& r, const std::string& file, List list,
                                  const std::string& timezone, Lang lang) {
  std::vector<std::pair<std::string, Value>> facts = {{"list", Value::text(std::string(list_name(list)))},
                                                      {"file", Value::text(file)}};
  if (r.already_imported_at) {
    facts.emplace_back("already_imported_at", Value::text(*r.already_imported_at));
    return present::message(lang, "import", {tr(lang, Msg::import_already, file, time_for_people(*r.already_imported_at, timezone, lang))}, std::move(facts));
  }
  std::vector<std::string> lines;
  lines.push_back(r.csv ? tr(lang, Msg::import_heading_csv, file, r.header_row) : tr(lang, Msg::import_heading, file, r.sheet, r.header_row));
  // Volunteers are counted in people; needs, resources and records in lines.
  lines.push_back("  " + tr(lang, list == List::volunteers ? Msg::import_counts : Msg::import_counts_lines, r.added, r.updated,
                            r.merged, r.unchanged, r.rejected));
  if (r.blank_rows + r.total_rows > 0) lines.push_back("  " + tr(lang, Msg::import_skipped, r.blank_rows, r.total_rows));
  if (!r.ignored_columns.empty()) lines.push_back("  " + tr(lang, Msg::import_ignored_columns, list_in(lang, r.ignored_columns)));
  if (!r.other_sheets.empty()) {
    std::vector<std::string> quoted;
    for (const auto& name : r.other_sheets) quoted.push_back(fmt::format("“{}”", name));
    lines.push_back("  " + tr(lang, Msg::import_other_sheets, list_in(lang, quoted)));
  }
  for (const auto& issue : r.issues) {
    std::string where = fmt::format("{}:{}", file, issue.row);
    if (!issue.column.empty()) where += fmt::format(":{}", issue.column);
    std::string header = issue.header.empty() ? "" : tr(lang, Msg::import_column_header, issue.header);
    lines.push_back(where + header + std::string(message_text(Msg::colon, lang)) + issue_label(issue.kind, lang) +
                    issue.message.in(lang));
  }
  if (r.rejects_file) lines.push_back(tr(lang, Msg::import_rejects_written, r.rejects_file->string()));
  if (r.dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  if (!r.csv) facts.emplace_back("sheet", Value::text(r.sheet));
  facts.insert(facts.end(), {{"header_row", count(r.header_row)},
                             {"added", count(r.added)},
                             {"updated", count(r.updated)},
                             {"merged", count(r.merged)},
                             {"unchanged", count(r.unchanged)},
                             {"rejected", count(r.rejected)},
                             {"dry_run", Value::flag(r.dry_run, "")}});
  if (r.rejects_file) facts.emplace_back("rejects_file", Value::text(r.rejects_file->string()));
  return present::message(lang, "import", std::move(lines), std::move(facts));
}

}  // namespace kangle::import
