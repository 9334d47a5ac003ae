// SPDX-License-Identifier: Apache-2.0
#include "points/rules.hpp"

#include <fmt/format.h>

#include "core/i18n.hpp"
#include "records/integrity.hpp"

namespace kangle::points {
namespace {

/// A weekend day, a public holiday, or a make-up workday (always a weekend day).
bool day_off(const config::HolidayCalendar& calendar, const Date& date) {
  std::chrono::weekday day{std::chrono::sys_days{date}};
  return day == std::chrono::Saturday || day == std::chrono::Sunday || calendar.holiday_on(date) ||
         calendar.workday_on(date);
}

}  // namespace

std::string record_source_prefix(std::int64_t record, std::int64_t volunteer) {
  return fmt::format("record:{}:{}:", record, volunteer);
}

std::string rule_label(const config::Catalogue& catalogue, const std::string& rule, Lang lang) {
  if (rule.starts_with("service:")) return tr(lang, Msg::rule_service, config::service_label(catalogue, rule.substr(8), lang));
  static const std::pair<std::string_view, Msg> labels[] = {
      {"per_session", Msg::rule_per_session}, {"per_hour", Msg::rule_per_hour},   {"outreach", Msg::rule_outreach},
      {"holiday", Msg::rule_holiday},         {"themed_event", Msg::rule_themed}, {"project_done", Msg::rule_project},
      {"manual", Msg::rule_manual},           {"redeem", Msg::rule_redeem},       {"reversal", Msg::rule_reversal}};
  for (const auto& [name, msg] : labels) {
    if (name == rule) return std::string(message_text(msg, lang));
  }
  return rule;
}

std::vector<Award> awards_for(const config::Config& config, const records::Record& record) {
  const auto& rules = config.points;
  auto summary = records::summarized(config, record);
  std::vector<Award> out;
  for (const auto& a : record.volunteers) {
    auto prefix = record_source_prefix(record.id, a.volunteer);
    auto add = [&](int points, const std::string& rule, const std::string& detail) {
      if (points <= 0) return;
      out.push_back({a.volunteer, points, rule, prefix + rule, Message(Msg::verbatim, in_both_languages([&](Lang lang) {
                       return fmt::format("{} · {}{}", summary.in(lang), rule_label(config.catalogue, rule, lang), detail);
                     }))});
    };
    if (auto it = rules.services.find(record.service); it != rules.services.end()) {
      add(it->second, "service:" + record.service, "");
    } else {
      add(rules.per_session, "per_session", "");
    }
    int hours = a.minutes / 60;
    add(hours * rules.per_hour, "per_hour", fmt::format(" ×{}", hours));
    if (record.cadence == config::Cadence::outreach) add(rules.outreach, "outreach", "");
    if (day_off(config.holidays, record.date)) add(rules.holiday, "holiday", "");
    if (record.cadence == config::Cadence::monthly) add(rules.themed_event, "themed_event", "");
  }
  return out;
}

}  // namespace kangle::points
