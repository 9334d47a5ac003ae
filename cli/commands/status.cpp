// SPDX-License-Identifier: Apache-2.0
// kangle status: what the workspace holds, as a coordinator would read it.
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "workspace/summary.hpp"

namespace kangle::cli {
namespace {

bool chinese() { return language() == Lang::zh_CN; }


std::string service_names(const config::Catalogue& catalogue, const config::MenuEntry& entry) {
  std::vector<std::string> names;
  for (const auto& ref : entry.services) {
    const auto* s = catalogue.find_service(ref.value);
    names.push_back(s ? config::localized(s->name, s->name_en) : ref.value);
  }
  for (const auto& seat : entry.seats) {
    const auto* skill = catalogue.find_skill(seat.skill.value);
    names.push_back(fmt::format("{}×{}", skill ? config::localized(skill->name, skill->name_en) : seat.skill.value, seat.count));
  }
  return text::join(names, message_text(Msg::rhythm_list_separator, language()));
}

std::string hours_of_day(const std::vector<TimeRange>& ranges) {
  std::vector<std::string> parts;
  for (const auto& r : ranges) parts.push_back(format_time_range(r));
  return parts.empty() ? std::string(message_text(Msg::status_no_hours, language())) : text::join(parts, ", ");
}

/// Days with the same hours grouped: "周一、周二、周三、周四、周五 09:00-11:30".
std::vector<std::string> hours_lines(const config::Kiosk& kiosk) {
  std::vector<std::string> lines;
  std::vector<bool> done(7, false);
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    if (done[d] || kiosk.hours[d].empty()) continue;
    std::bitset<7> same;
    for (unsigned e = 0; e < 7; ++e) {
      if (kiosk.hours[e] == kiosk.hours[d]) {
        same.set(e);
        done[e] = true;
      }
    }
    lines.push_back(fmt::format("{} {}", config::describe_weekdays(same), hours_of_day(kiosk.hours[d])));
  }
  return lines;
}

void print_block(std::string_view label, const std::vector<std::string>& lines) {
  constexpr std::size_t label_width = 12;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    fmt::print("  {}{}\n", text::pad_right(i == 0 ? label : "", label_width), lines[i]);
  }
}

void print_kiosk(const config::Kiosk& kiosk, const config::Catalogue& catalogue) {
  fmt::print("\n{}  [{}]\n", config::localized(kiosk.name, kiosk.name_en), kiosk.id);
  if (!kiosk.address.empty()) fmt::print("  {}\n", kiosk.address);
  print_block(message_text(Msg::status_hours, language()), hours_lines(kiosk));
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
      std::string line = config::describe_rhythm(entry.on);
      if (entry.time) line += " " + format_time_range(*entry.time);
      if (!entry.at.empty()) line += " @" + entry.at;
      if (!entry.title.empty()) line += " 「" + entry.title + "」";
      if (!entry.months.empty()) {
        std::vector<std::string> months;
        for (auto m : entry.months) months.push_back(std::to_string(m));
        line += chinese() ? fmt::format("（{}月）", text::join(months, "、")) : fmt::format(" (months {})", text::join(months, ", "));
      }
      line += std::string(message_text(Msg::colon, language())) + service_names(catalogue, entry);
      lines.push_back(line);
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
