// SPDX-License-Identifier: Apache-2.0
// kangle status: what the workspace holds, as a coordinator would read it.
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "config/describe.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "workspace/summary.hpp"

namespace kangle::cli {
namespace {

void print_block(std::string_view label, const std::vector<std::string>& lines) {
  constexpr std::size_t label_width = 12;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    fmt::print("  {}{}\n", text::pad_right(i == 0 ? label : "", label_width), lines[i]);
  }
}

void print_kiosk(const config::Kiosk& kiosk, const config::Catalogue& catalogue) {
  fmt::print("\n{}  [{}]\n", config::localized(kiosk.name, kiosk.name_en), kiosk.id);
  if (!kiosk.address.empty()) fmt::print("  {}\n", kiosk.address);
  print_block(message_text(Msg::status_hours, language()), config::describe_hours(kiosk));
  if (!kiosk.equipment.empty()) {
    print_block(message_text(Msg::status_equipment, language()),
                {text::join(kiosk.equipment, message_text(Msg::rhythm_list_separator, language()))});
  }
  static constexpr std::pair<config::Cadence, Msg> sections[] = {
      {config::Cadence::daily, Msg::status_daily},
      {config::Cadence::weekly, Msg::status_weekly},
      {config::Cadence::monthly, Msg::status_monthly},
      {config::Cadence::outreach, Msg::status_outreach}};
  for (const auto& [cadence, label] : sections) {
    std::vector<std::string> lines;
    for (const auto& entry : kiosk.menu) {
      if (entry.cadence != cadence) continue;
      lines.push_back(config::describe_entry(entry) + std::string(message_text(Msg::colon, language())) +
                      config::describe_services(catalogue, entry));
    }
    if (!lines.empty()) print_block(message_text(label, language()), lines);
  }
  for (const auto& closure : kiosk.closures) {
    print_block(message_text(Msg::status_closure, language()),
                {fmt::format("{} – {} {}", format_date(closure.from), format_date(closure.to), closure.reason)});
  }
}

int run_status(Context& context) {
  auto summary = workspace::summarize(context.workspace);
  const auto& config = summary.config;
  // First, before the pages of output a pipe may hold back.
  warn_provisional_years(config.holidays.provisional_years_soon(context.today));
  fmt::print("{}\n", tr(Msg::status_workspace, config.settings.name, summary.root.string()));
  fmt::print("{}\n", tr(Msg::status_language, lang_code(config.settings.language)));
  if (summary.schema_version) fmt::print("{}\n", tr(Msg::status_database, "kangle.db", *summary.schema_version));
  else fmt::print("{}\n", tr(Msg::status_database_none));
  const auto& c = config.catalogue;
  fmt::print("{}\n", tr(Msg::status_catalogue, c.categories.size(), c.services.size(), c.skills.size()));
  std::vector<std::string> years;
  for (int y : config.holidays.years) years.push_back(std::to_string(y));
  fmt::print("{}\n", tr(Msg::status_holidays, config.holidays.holidays.size(), config.holidays.workdays.size(),
                        text::join(years, ", ")));
  fmt::print("{}\n", tr(Msg::status_kiosks, config.kiosks.size()));
  for (const auto& kiosk : config.kiosks) print_kiosk(kiosk, c);
  return 0;
}

}  // namespace

void define_status(CLI::App&, Action& action) {
  action = [](Context& context) { return run_status(context); };
}

}  // namespace kangle::cli
