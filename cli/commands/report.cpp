// SPDX-License-Identifier: Apache-2.0
// kangle report month 2026-12 | quarter 2026Q4 | year 2026   [--format F] [-o FILE] [--pack DIR]
// kangle report services | units | volunteers [--period P]     [--format F] [-o FILE]
// kangle report volunteers [--unit U] [--reveal]
// F: text (or table), md, html, csv, json, xlsx.
#include <fmt/format.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../commands.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report/build.hpp"
#include "present/emit.hpp"
#include "present/render.hpp"

namespace kangle::cli {
namespace {

namespace fs = std::filesystem;

struct ReportCommand {
  std::string period;
  std::string pack, unit;
  bool reveal = false;
  bool quiet = false;
};

using Builder = present::Document (*)(const report::Source&);

Period period_option(const std::string& text, std::optional<Period::Kind> wanted, const Date& today) {
  if (text.empty()) {
    // The review, the units and the volunteers look at the year so far by default.
    return *parse_period(fmt::format("{:04}", static_cast<int>(today.year())));
  }
  auto period = parse_period(text);
  if (!period || (wanted && period->kind != *wanted)) throw UsageError(Message(Msg::bad_period, text));
  return *period;
}

/// `--pack DIR`: the period's report, the portfolio review, the units and the
/// volunteers, each as Markdown, HTML, JSON and XLSX, and every table as a CSV file.
/// Written whole or not at all: into a folder of its own beside DIR, moved into DIR once
/// every file is written (a full disk half way leaves nothing behind).
void write_pack(const report::Source& source, const fs::path& folder, bool quiet) {
  if (fs::exists(folder) && !fs::is_directory(folder)) throw UsageError(Message(Msg::report_pack_not_folder, folder.string()));
  std::error_code error;
  auto parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
  fs::create_directories(parent, error);
  if (error) throw WorkspaceError(Message(Msg::report_cannot_create_folder, parent.string(), error.message()));
  // Beside the target, on the same file system, so that moving it in is a rename.
  auto staging = parent / fmt::format(".{}.kangle-{}", folder.filename().string(), ::getpid());
  fs::remove_all(staging, error);
  fs::create_directory(staging, error);
  if (error) throw WorkspaceError(Message(Msg::report_cannot_create_folder, staging.string(), error.message()));
  std::vector<std::string> names;
  try {
    ProgressLine progress(Msg::report_pack_progress, quiet, source.lang);  // a year of a district takes seconds a report
    int reports = 0;
    auto write = [&](const std::string& name, const std::string& content) {
      write_file_atomically(staging / name, content);
      names.push_back(name);
    };
    for (Builder build : {report::period_report, report::services_report, report::units_report, report::volunteers_report}) {
      auto report = build(source);
      auto stem = report.kind + "-" + report.period;
      write(stem + ".md", present::render_markdown(report));
      write(stem + ".html", present::render_html(report));
      write(stem + ".json", present::render_json(report));
      present::write_xlsx(report, staging / (stem + ".xlsx"));
      names.push_back(stem + ".xlsx");
      for (const auto& section : report.sections) {
        for (const auto& table : section.tables) {
          auto one = report;
          one.sections = {{section.id, section.title, {}, {table}, {}}};
          write(stem + "." + table.id + ".csv", present::rendered(one, present::Output{Format::csv, "", present::Encoding::utf8}, true));
        }
      }
      progress.show(++reports);
    }
    // A new folder moves in at once; into one that exists (other files of the user's, an
    // earlier pack) each file moves in by a rename, which needs no room on the disk.
    fs::rename(staging, folder, error);
    if (error) {
      fs::create_directories(folder);
      for (const auto& name : names) fs::rename(staging / name, folder / name);
      fs::remove(staging);
    }
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, error);
    throw WorkspaceError(Message(Msg::cannot_write_file, folder.string(), e.code().message()));
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
  fmt::print("{}\n", tr(source.lang, Msg::report_pack_written, names.size(), folder.string()));
}

Outcome run(const ReportCommand& options, Context& context, Builder build, std::optional<Period::Kind> kind) {
  report::Source source{context.database->sql(), *context.config,
                        period_option(options.period, kind, context.today), context.now, options.reveal,
                        options.unit, context.lang};
  if (!options.pack.empty()) {
    write_pack(source, options.pack, options.quiet);
    return {};
  }
  return {build(source)};
}

}  // namespace

void define_report(CLI::App& command, Action& action) {
  struct Kind {
    const char* name;
    const char* help;
    Builder build;
    std::optional<Period::Kind> period;
  };
  static const Kind kinds[] = {
      {"month", "The month's report: headline figures, by kiosk, by service, the last twelve months",
       report::period_report, Period::Kind::month},
      {"quarter", "The quarter's report", report::period_report, Period::Kind::quarter},
      {"year", "The year's report", report::period_report, Period::Kind::year},
      {"services", "The service portfolio review: 固化, 保留, 嫁接, 退出, with the reasons", report::services_report,
       std::nullopt},
      {"units", "The co-building units' reverse assessment (反向考核), ranked", report::units_report, std::nullopt},
      {"volunteers", "Each volunteer's sessions, hours and points; coverage; seats filled", report::volunteers_report,
       std::nullopt},
  };
  std::vector<Leaf> leaves;
  for (const auto& kind : kinds) {
    leaves.push_back({kind.name, kind.help, listing_formats, [&kind](CLI::App& sub) -> Run {
                        auto options = std::make_shared<ReportCommand>();
                        if (kind.period) {
                          sub.add_option("period", options->period, "The period: 2026-12, 2026Q4 or 2026")->required();
                          // The pack writes every format, each to its own file: --format and -o would be ignored.
                          sub.add_option("--pack", options->pack,
                                         "Write the whole set for the period into this folder (md, html, json, xlsx, csv)")
                              ->type_name("DIR")
                              ->excludes(sub.get_option("--format"))
                              ->excludes(sub.get_option("--output"));
                          add_quiet_option(sub, options->quiet);
                        } else {
                          sub.add_option("--period", options->period, "A month, quarter or year (default: this year)");
                        }
                        if (std::string_view(kind.name) == "volunteers") {
                          add_reveal_option(sub, options->reveal);
                          sub.add_option("--unit", options->unit, "Only the volunteers whose unit's name contains this");
                        }
                        return [options, &kind](Context& context) {
                          return run(*options, context, kind.build, kind.period);
                        };
                      }});
  }
  define_leaves(command, action, std::move(leaves));
}

}  // namespace kangle::cli
