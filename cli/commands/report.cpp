// SPDX-License-Identifier: Apache-2.0
// kangle report month 2026-12 | quarter 2026Q4 | year 2026   [--format F] [-o FILE] [--pack DIR]
// kangle report services | units | volunteers [--period P]     [--format F] [-o FILE]
// kangle report volunteers [--unit U] [--reveal]
// F: text (or table), md, html, csv, json, xlsx.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report/build.hpp"
#include "report/pack.hpp"

namespace kangle::cli {
namespace {

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

Outcome run(const ReportCommand& options, Context& context, Builder build, std::optional<Period::Kind> kind) {
  report::Source source{context.database->sql(), *context.config,
                        period_option(options.period, kind, context.today), context.now, options.reveal,
                        options.unit, context.lang};
  if (!options.pack.empty()) {
    std::size_t files = 0;
    {
      ProgressLine progress(Msg::report_pack_progress, options.quiet, context.lang);  // a year of a district: seconds a report
      files = report::write_pack(source, options.pack, [&](int reports) { progress.show(reports); });
    }
    fmt::print("{}\n", tr(context.lang, Msg::report_pack_written, files, options.pack));
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
