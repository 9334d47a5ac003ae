// SPDX-License-Identifier: Apache-2.0
#include "config/describe.hpp"

#include <fmt/format.h>

#include <bitset>

#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::config {
namespace {

std::string hours_of_day(const std::vector<TimeRange>& ranges, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& r : ranges) parts.push_back(format_time_range(r));
  return parts.empty() ? std::string(message_text(Msg::status_no_hours, lang)) : text::join(parts, ", ");
}

}  // namespace

std::vector<std::string> describe_hours(const Kiosk& kiosk, Lang lang) {
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
    lines.push_back(fmt::format("{} {}", describe_weekdays(same, lang), hours_of_day(kiosk.hours[d], lang)));
  }
  return lines;
}

std::string describe_services(const Catalogue& catalogue, const MenuEntry& entry, Lang lang) {
  std::vector<std::string> names;
  for (const auto& ref : entry.services) {
    const auto* s = catalogue.find_service(ref.value);
    names.push_back(s ? localized(s->name, s->name_en, lang) : ref.value);
  }
  for (const auto& seat : entry.seats) {
    const auto* skill = catalogue.find_skill(seat.skill.value);
    names.push_back(fmt::format("{}×{}", skill ? localized(skill->name, skill->name_en, lang) : seat.skill.value, seat.count));
  }
  return list_in(lang, names);
}

std::string describe_entry(const MenuEntry& entry, Lang lang) {
  std::string line = describe_rhythm(entry.on, lang);
  if (entry.time) line += " " + format_time_range(*entry.time);
  if (!entry.at.empty()) line += " @" + entry.at;
  if (!entry.title.empty()) line += " 「" + entry.title + "」";
  if (!entry.months.empty()) {
    std::vector<std::string> months;
    for (auto m : entry.months) months.push_back(std::to_string(m));
    line += tr(lang, Msg::entry_months, list_in(lang, months));
  }
  return line;
}

std::string describe_fee(const Fee& fee, Lang lang) {
  switch (fee.kind) {
    case FeeKind::free: return std::string(message_text(Msg::fee_free, lang));
    case FeeKind::materials: return std::string(message_text(Msg::fee_materials, lang));
    case FeeKind::fixed: return tr(lang, Msg::fee_fixed, fmt::format("{}.{:02}", fee.fixed_fen / 100, fee.fixed_fen % 100));
  }
  return {};
}

}  // namespace kangle::config
