// SPDX-License-Identifier: Apache-2.0
#include "commands.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/error.hpp"
#include "core/atomic_file.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/store.hpp"

namespace kangle::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"init", "Make a workspace (optionally from a bundled example)", Needs::nothing, define_init},
      {"check", "Check every config file and the database; list every problem", Needs::workspace, define_check},
      {"status", "Show what the workspace holds: kiosks, menus, catalogue, holidays", Needs::workspace, define_status},
      {"import", "Import a spreadsheet (xlsx, csv) of stations, volunteers, needs, resources or service records", Needs::database, define_import},
      {"kiosk", "Add a kiosk (站点) from options, without writing its file by hand", Needs::config, define_kiosk},
      {"service", "Add a service (服务项目) to the catalogue, without writing services.toml by hand", Needs::config,
       define_service},
      {"volunteers", "List and show the volunteers", Needs::database, define_volunteers},
      {"match", "List the needs and resources (需求清单, 资源清单) that matching pairs up", Needs::database, define_match},
      {"schedule", "Build, show and explain the monthly rota", Needs::database, define_schedule},
      {"record", "Service records: confirm the rota's day, add, list; service hours", Needs::database, define_record},
      {"points", "The points ledger: award, adjust, redeem, balances, honour board, verify", Needs::database, define_points},
      {"report", "Reports: month, quarter, year; the service portfolio review; units; volunteers", Needs::database,
       define_report},
      {"db", "The workspace's database: copy it into another (SQLite, PostgreSQL)", Needs::config, define_db},
      {"completion", "Print a bash or zsh completion script (try: source <(kangle completion bash))", Needs::nothing,
       define_completion},
      {"__complete", "The workspace's kiosks, people or months, for the completion scripts", Needs::workspace,
       define_complete_values},
  };
  return table;
}

void add_format_option(CLI::App& command, Format& format, std::vector<Format> allowed) {
  static const std::pair<const char*, Format> all[] = {
      {"text", Format::text}, {"json", Format::json}, {"csv", Format::csv},
      {"md", Format::md},     {"html", Format::html}, {"xlsx", Format::xlsx}};
  std::map<std::string, Format> names{{"table", Format::text}};
  std::vector<std::string> listed;
  for (const auto& [name, value] : all) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) continue;
    names.emplace(name, value);
    listed.emplace_back(name);
  }
  command.add_option("--format", format, "Output format: " + text::join(listed, ", "))
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))
      ->type_name(text::join(listed, "|"));
}

void add_output_options(CLI::App& command, present::Output& output, std::vector<Format> allowed) {
  bool csv = std::find(allowed.begin(), allowed.end(), Format::csv) != allowed.end();
  bool tables = std::any_of(allowed.begin(), allowed.end(), [](Format f) { return f != Format::text && f != Format::json; });
  add_format_option(command, output.format, std::move(allowed));
  if (tables) add_output_option(command, output.path);
  if (!csv) return;
  command.add_option("--encoding", output.encoding, "CSV's character encoding: utf-8, or gb18030 for old WPS and Excel")
      ->transform(CLI::CheckedTransformer(
                      std::map<std::string, present::Encoding>{{"utf-8", present::Encoding::utf8},
                                                               {"utf8", present::Encoding::utf8},
                                                               {"gb18030", present::Encoding::gb18030}},
                      CLI::ignore_case)
                      .description(""))
      ->type_name("utf-8|gb18030");
}

void emit(const present::Document& document, const present::Output& output, std::future<void> stored) {
  // What is being stored is waited for before anything is printed or written: if it
  // fails, nothing says it was done. Meanwhile the document is rendered.
  auto once_stored = [&] {
    if (stored.valid()) stored.get();
  };
  if (output.path.empty() || output.path == "-") {
    auto text = present::rendered(document, output, false);
    once_stored();
    fmt::print("{}", text);
    return;
  }
  once_stored();
  present::write(document, output);
  fmt::print("{}\n", tr(document.language, Msg::file_written, output.path));
}

void define_leaves(CLI::App& command, Action& action, std::vector<Leaf> leaves) {
  struct Defined {
    CLI::App* app;
    Run run;
    std::shared_ptr<present::Output> output;
  };
  std::vector<Defined> defined;
  for (auto& leaf : leaves) {
    CLI::App* app = std::string_view(leaf.name).empty() ? &command : command.add_subcommand(leaf.name, leaf.summary);
    auto output = std::make_shared<present::Output>();
    if (!leaf.formats.empty()) output->format = leaf.formats.front();
    if (leaf.formats.size() > 1) add_output_options(*app, *output, leaf.formats);
    defined.push_back({app, leaf.define(*app), output});
  }
  if (defined.size() > 1 || defined.front().app != &command) command.require_subcommand(1);
  action = [defined](Context& context) {
    for (const auto& leaf : defined) {
      if (!leaf.app->parsed()) continue;
      context.output = *leaf.output;
      auto outcome = leaf.run(context);
      if (outcome.document) emit(*outcome.document, context.output, std::move(outcome.stored));
      if (outcome.stored.valid()) outcome.stored.get();
      return outcome.exit_code;
    }
    return static_cast<int>(ExitCode::usage);
  };
}

void add_output_option(CLI::App& command, std::string& output) {
  command.add_option("-o,--output", output, "The file to write (default: standard output)")->type_name("FILE");
}

void print_or_write(const std::string& content, const std::string& output, Lang lang) {
  if (output.empty() || output == "-") {
    fmt::print("{}", content);
    return;
  }
  write_file_atomically(output, content);
  fmt::print("{}\n", tr(lang, Msg::file_written, output));
}

void add_by_option(CLI::App& command, std::string& by) {
  command.add_option("--by", by, "Who enters it, for the record (default: the login name)");
}

std::string who_enters(const std::string& by) {
  if (!by.empty()) return by;
  for (const char* name : {"KANGLE_USER", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(name); value && *value) return value;
  }
  return "kangle";
}

ProgressLine::ProgressLine(Msg message, bool quiet, Lang lang)
    : message_(message), lang_(lang), enabled_(!quiet && ::isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() {
  if (shown_) std::fputs("\r\033[K", stderr);
}

void ProgressLine::show(std::size_t count) {
  if (!enabled_) return;
  std::fputs(("\r" + tr(lang_, message_, count)).c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void add_quiet_option(CLI::App& command, bool& quiet) {
  command.add_flag("-q,--quiet", quiet, "No progress line, even on a terminal");
}

void add_reveal_option(CLI::App& command, bool& reveal) {
  command.add_flag("--reveal", reveal, "Show phone and ID numbers in full (they are masked by default)");
}

void warn_provisional_years(const std::vector<int>& years, Lang lang) {
  std::fflush(stdout);  // in order with what the command printed before
  for (int year : years) {
    std::fprintf(stderr, "kangle: %s%s\n", std::string(message_text(Msg::warning_prefix, lang)).c_str(),
                 tr(lang, Msg::calendar_provisional, year).c_str());
  }
}

void warn_provisional_years(const config::HolidayCalendar& calendar, const Date& from, const Date& to, Lang lang) {
  warn_provisional_years(calendar.provisional_years(from, to), lang);
}

}  // namespace kangle::cli
