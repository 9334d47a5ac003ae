// SPDX-License-Identifier: Apache-2.0
// kangle import volunteers FILE [--sheet NAME] [--dry-run] [--map "表头=field"]... [--encoding E] [--rejects FILE]
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "config/diagnostics.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/volunteers.hpp"

namespace kangle::cli {
namespace {

struct ImportCommand {
  std::string file;
  std::optional<std::string> sheet;
  bool dry_run = false;
  std::vector<std::string> maps;
  std::optional<std::string> encoding;
  std::optional<std::string> rejects;
};

/// `--map` values ("联系方式=phone") checked against the fields the list knows.
std::map<std::string, std::string> parse_maps(const std::vector<std::string>& maps, const import::ColumnAliases& aliases) {
  const auto& fields = aliases.order;
  std::map<std::string, std::string> out;
  for (const auto& m : maps) {
    auto eq = m.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) throw UsageError(tr(Msg::import_bad_map, m));
    auto field = m.substr(eq + 1);
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      throw UsageError(tr(Msg::import_unknown_field, field, text::join(fields, ", ")));
    }
    out[m.substr(0, eq)] = field;
  }
  return out;
}

std::string_view issue_label(import::RowIssue::Kind kind) {
  switch (kind) {
    case import::RowIssue::Kind::rejected: return message_text(Msg::import_label_rejected, language());
    case import::RowIssue::Kind::doubtful: return message_text(Msg::import_label_doubtful, language());
    case import::RowIssue::Kind::merged: return message_text(Msg::import_label_merged, language());
    case import::RowIssue::Kind::updated: return message_text(Msg::import_label_updated, language());
  }
  return {};
}

void print_report(const import::ImportReport& r, const std::string& file) {
  if (r.already_imported_at) {
    fmt::print("{}\n", tr(Msg::import_already, file, *r.already_imported_at));
    return;
  }
  if (r.csv) fmt::print("{}\n", tr(Msg::import_heading_csv, file, r.header_row));
  else fmt::print("{}\n", tr(Msg::import_heading, file, r.sheet, r.header_row));
  fmt::print("  {}\n", tr(Msg::import_counts, r.added, r.updated, r.merged, r.unchanged, r.rejected));
  if (r.blank_rows + r.total_rows > 0) fmt::print("  {}\n", tr(Msg::import_skipped, r.blank_rows, r.total_rows));
  if (!r.ignored_columns.empty()) {
    fmt::print("  {}\n", tr(Msg::import_ignored_columns,
                            text::join(r.ignored_columns, message_text(Msg::rhythm_list_separator, language()))));
  }
  for (const auto& issue : r.issues) {
    std::string where = fmt::format("{}:{}", file, issue.row);
    if (!issue.column.empty()) where += fmt::format(":{}", issue.column);
    std::string header = issue.header.empty() ? "" : tr(Msg::import_column_header, issue.header);
    fmt::print("{}{}{}{}{}\n", where, header, message_text(Msg::colon, language()), issue_label(issue.kind), issue.message);
  }
  if (r.rejects_file) fmt::print("{}\n", tr(Msg::import_rejects_written, r.rejects_file->string()));
  if (r.dry_run) fmt::print("{}\n", tr(Msg::import_dry_run));
}

int run_import_volunteers(const ImportCommand& options, Context& context) {
  config::Diagnostics problems;
  auto aliases = import::load_column_aliases(context.workspace, "volunteers", problems);
  for (const auto& d : problems.sorted()) {
    if (d.severity == config::Severity::error) throw InputError(tr(Msg::config_has_errors, config::format_diagnostic(d)));
  }
  import::ImportOptions import;
  import.file = options.file;
  import.dry_run = options.dry_run;
  import.table.sheet = options.sheet;
  import.table.map = parse_maps(options.maps, aliases);
  if (options.encoding) {
    import.table.encoding = import::parse_encoding(*options.encoding);
    if (!import.table.encoding) throw UsageError(tr(Msg::import_bad_encoding, *options.encoding));
  }
  if (options.rejects) import.rejects_file = *options.rejects;
  auto report = import::import_volunteers(context.database->sql(), *context.config, aliases, import, context.now);
  print_report(report, options.file);
  return static_cast<int>(report.rejected > 0 ? ExitCode::problems_found : ExitCode::success);
}

}  // namespace

void define_import(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<ImportCommand>();
  auto* volunteers = command.add_subcommand("volunteers", "Import volunteer sign-ups (报名表)");
  volunteers->add_option("file", options->file, "The spreadsheet: .xlsx, .csv or .txt")->required();
  volunteers->add_option("--sheet", options->sheet, "The sheet to read (default: the first with a recognisable header)");
  volunteers->add_flag("--dry-run", options->dry_run, "Show what would happen; change nothing");
  volunteers->add_option("--map", options->maps, "A header and the field it holds, e.g. \"联系方式=phone\" (repeatable)");
  volunteers->add_option("--encoding", options->encoding, "The text encoding of a CSV file: utf-8, gbk, gb18030");
  volunteers->add_option("--rejects", options->rejects, "Where to write rejected rows (default: FILE.rejects.csv)");
  action = [options](Context& context) { return run_import_volunteers(*options, context); };
}

}  // namespace kangle::cli
