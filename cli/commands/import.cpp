// SPDX-License-Identifier: Apache-2.0
// kangle import volunteers|needs|resources|records FILE [--sheet NAME] [--dry-run] [--map "表头=field"]...
//                                                    [--encoding E] [--rejects FILE]
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "config/diagnostics.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/lists.hpp"
#include "import/records.hpp"
#include "import/volunteers.hpp"

namespace kangle::cli {
namespace {

/// The lists a spreadsheet can be imported into.
enum class List { volunteers, needs, resources, records };

struct ImportCommand {
  List list = List::volunteers;
  std::string file;
  std::optional<std::string> sheet;
  bool dry_run = false;
  std::vector<std::string> maps;
  std::optional<std::string> encoding;
  std::optional<std::string> rejects;
  bool quiet = false;
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

void print_report(const import::ImportReport& r, const std::string& file, List list) {
  if (r.already_imported_at) {
    fmt::print("{}\n", tr(Msg::import_already, file, *r.already_imported_at));
    return;
  }
  if (r.csv) fmt::print("{}\n", tr(Msg::import_heading_csv, file, r.header_row));
  else fmt::print("{}\n", tr(Msg::import_heading, file, r.sheet, r.header_row));
  // Volunteers are counted in people; needs, resources and records in lines.
  fmt::print("  {}\n", tr(list == List::volunteers ? Msg::import_counts : Msg::import_counts_lines, r.added, r.updated, r.merged,
                          r.unchanged, r.rejected));
  if (r.blank_rows + r.total_rows > 0) fmt::print("  {}\n", tr(Msg::import_skipped, r.blank_rows, r.total_rows));
  if (!r.ignored_columns.empty()) {
    fmt::print("  {}\n", tr(Msg::import_ignored_columns,
                            text::join(r.ignored_columns, message_text(Msg::rhythm_list_separator, language()))));
  }
  if (!r.other_sheets.empty()) {
    std::vector<std::string> quoted;
    for (const auto& name : r.other_sheets) quoted.push_back(fmt::format("“{}”", name));
    fmt::print("  {}\n", tr(Msg::import_other_sheets, text::join(quoted, message_text(Msg::rhythm_list_separator, language()))));
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

std::string_view list_name(List list) {
  switch (list) {
    case List::volunteers: return "volunteers";
    case List::needs: return "needs";
    case List::resources: return "resources";
    case List::records: return "records";
  }
  return {};
}

int run_import(const ImportCommand& options, Context& context) {
  config::Diagnostics problems;
  auto aliases = import::load_column_aliases(context.workspace, list_name(options.list), problems);
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
  auto& db = context.database->sql();
  const auto& config = *context.config;
  import::ImportReport report;
  {
    ProgressLine progress(Msg::import_progress, options.quiet);  // cleared before the report prints
    if (progress.enabled()) import.progress = [&progress](std::size_t rows) { progress.show(rows); };
    switch (options.list) {
      case List::volunteers: report = import::import_volunteers(db, config, aliases, import, context.now); break;
      case List::needs: report = import::import_needs(db, config, aliases, import, context.now); break;
      case List::resources: report = import::import_resources(db, config, aliases, import, context.now); break;
      case List::records: report = import::import_records(db, config, aliases, import, context.now); break;
    }
  }
  print_report(report, options.file, options.list);
  return static_cast<int>(report.rejected > 0 ? ExitCode::problems_found : ExitCode::success);
}

}  // namespace

void define_import(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<ImportCommand>();
  const std::pair<List, const char*> lists[] = {
      {List::volunteers, "Import volunteer sign-ups (报名表)"},
      {List::needs, "Import a needs list (需求清单), micro-wishes (微心愿) too"},
      {List::resources, "Import a resources list (资源清单) of units and volunteers"},
      {List::records, "Import service records (服务记录) kept in a spreadsheet"},
  };
  for (const auto& [list, summary] : lists) {
    auto* sub = command.add_subcommand(std::string(list_name(list)), summary);
    sub->add_option("file", options->file, "The spreadsheet: .xlsx, .csv or .txt")->required()->type_name("FILE");
    sub->add_option("--sheet", options->sheet, "The sheet to read (default: the first with a recognisable header)");
    sub->add_flag("--dry-run", options->dry_run, "Show what would happen; change nothing");
    sub->add_option("--map", options->maps, "A header and the field it holds, e.g. \"联系方式=phone\" (repeatable)");
    sub->add_option("--encoding", options->encoding, "The text encoding of a CSV file: utf-8, gbk, gb18030");
    sub->add_option("--rejects", options->rejects, "Where to write rejected rows (default: FILE.rejects.csv)")
        ->type_name("FILE");
    add_quiet_option(*sub, options->quiet);
    sub->callback([options, list = list] { options->list = list; });
  }
  action = [options](Context& context) { return run_import(*options, context); };
}

}  // namespace kangle::cli
