// SPDX-License-Identifier: Apache-2.0
#include "schedule/sheets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "config/describe.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::schedule {
namespace {

using report::Column;
using report::Value;

std::string_view separator() { return message_text(Msg::rhythm_list_separator, language()); }

std::string weekday_name(const Date& date) {
  return std::string(
      weekday_display(std::chrono::weekday{std::chrono::sys_days{date}}, language() == Lang::zh_CN));
}

Date plus_days(const Date& date, int days) { return Date{std::chrono::sys_days{date} + std::chrono::days{days}}; }

/// The duty as a rota shows it: the event's title before the service, the place after.
std::string duty_label(const config::Config& config, const RotaSeat& seat) {
  auto duty = duty_name(config, seat.service, seat.skill);
  if (!seat.title.empty()) duty = seat.title + " " + duty;
  if (!seat.place.empty()) duty += " @" + seat.place;
  return duty;
}

/// The kiosks of `config` that have a seat in `seats`, in the config's order.
std::vector<const config::Kiosk*> kiosks_with_seats(const config::Config& config, const std::vector<RotaSeat>& seats) {
  std::set<std::string> used;
  for (const auto& seat : seats) used.insert(seat.kiosk);
  std::vector<const config::Kiosk*> out;
  for (const auto& kiosk : config.kiosks) {
    if (used.contains(kiosk.id)) out.push_back(&kiosk);
  }
  return out;
}

/// A rota row's label: "09:00-11:30 理发".
std::string row_label(const config::Config& config, const DutyLine& line) {
  return format_time_range(line.first.time) + " " + duty_label(config, line.first);
}

/// One kiosk's duties of a week, Monday `monday` to Sunday: a row per time and duty,
/// by start time and then in the order the month's rota first shows them (the menu's).
report::Table week_table(const config::Config& config, const std::vector<DutyLine>& lines, const Month& month,
                         const Date& monday, int number) {
  static constexpr std::array<const char*, 7> keys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  report::Table table;
  table.id = fmt::format("week_{}", number);
  table.title = tr(Msg::rota_week, format_date(monday), format_date(plus_days(monday, 6)));
  table.columns.push_back({"duty", std::string(message_text(Msg::rota_time_duty, language())), false});
  for (int d = 0; d < 7; ++d) {
    auto date = plus_days(monday, d);
    bool in_month = date >= month.first() && date <= month.last();
    auto header = weekday_name(date) + (in_month ? " " + format_date(date).substr(5) : "");
    table.columns.push_back({keys[static_cast<std::size_t>(d)], header, false});
  }
  std::map<std::string, std::size_t> first_seen;
  for (const auto& line : lines) first_seen.try_emplace(row_label(config, line), first_seen.size());
  std::map<std::tuple<int, std::size_t>, std::vector<Value>> rows;  // by start, then first seen
  for (const auto& line : lines) {
    auto day = (std::chrono::sys_days{line.first.date} - std::chrono::sys_days{monday}).count();
    if (day < 0 || day > 6) continue;
    auto label = row_label(config, line);
    auto& row = rows.try_emplace({line.first.time.start, first_seen.at(label)}, std::vector<Value>(8)).first->second;
    row[0] = Value::text(label);
    row[static_cast<std::size_t>(day) + 1] = Value::text(who_serves(line));
  }
  for (auto& [order, row] : rows) table.rows.push_back(std::move(row));
  return table;
}

/// A month's sheet to print, a page per kiosk.
report::Report sheet(std::string kind, const Month& month, std::string title, const std::string& now) {
  report::Report out;
  out.kind = std::move(kind);
  out.period = month.text();
  out.title = std::move(title);
  out.generated_at = now;
  out.page_per_section = true;
  return out;
}

}  // namespace

std::string duty_name(const config::Config& config, const std::string& service, const std::string& skill) {
  if (const auto* s = config.catalogue.find_service(service)) return config::localized(s->name, s->name_en);
  if (const auto* k = config.catalogue.find_skill(skill)) return config::localized(k->name, k->name_en);
  return service.empty() ? skill : service;
}

std::vector<DutyLine> duty_lines(const config::Config& config, const std::vector<RotaSeat>& seats) {
  std::vector<DutyLine> lines;
  for (const auto& seat : seats) {
    auto duty = duty_name(config, seat.service, seat.skill);
    bool same = !lines.empty() && lines.back().first.kiosk == seat.kiosk && lines.back().first.date == seat.date &&
                lines.back().first.time == seat.time &&
                duty_name(config, lines.back().first.service, lines.back().first.skill) == duty;
    if (!same) lines.push_back({seat, {}, {}, {}, {}, 0});
    auto& line = lines.back();
    line.seats.push_back(seat.seat);
    if (seat.volunteer) {
      line.volunteers.push_back(seat.volunteer_name);
      if (seat.locked) line.locked.push_back(seat.volunteer_name);
      line.volunteer_ids.push_back(*seat.volunteer);
    } else {
      ++line.empty;
    }
  }
  return lines;
}

std::string who_serves(const DutyLine& line) {
  auto who = text::join(line.volunteers, separator());
  if (line.empty > 0) who += (who.empty() ? "" : std::string(separator())) + tr(Msg::rota_empty_seats, line.empty);
  return who;
}

report::Report rota_by_week(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                            const std::string& now) {
  auto out = sheet("rota", month, tr(Msg::rota_title, config.settings.name, month.text()), now);
  out.landscape = true;
  auto lines = duty_lines(config, seats);
  auto first_monday = Date{std::chrono::sys_days{month.first()} -
                           (std::chrono::weekday{std::chrono::sys_days{month.first()}} - std::chrono::Monday)};
  for (const auto* kiosk : kiosks_with_seats(config, seats)) {
    report::Section section;
    section.id = kiosk->id;
    section.title = config::kiosk_label(config, kiosk->id);
    section.lines.push_back(tr(Msg::rota_sheet_title, config.settings.name, config::localized(kiosk->name, kiosk->name_en),
                               month.text()));
    std::vector<DutyLine> here;
    std::copy_if(lines.begin(), lines.end(), std::back_inserter(here), [&](const auto& l) { return l.first.kiosk == kiosk->id; });
    int number = 0;
    for (auto monday = first_monday; monday <= month.last(); monday = plus_days(monday, 7)) {
      auto table = week_table(config, here, month, monday, ++number);
      if (!table.rows.empty()) section.tables.push_back(std::move(table));
    }
    out.sections.push_back(std::move(section));
  }
  out.footer.push_back(tr(Msg::report_generated, now));
  return out;
}

report::Report duty_notice(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                           const std::string& now) {
  auto out = sheet("notice", month, tr(Msg::notice_title, config.settings.name, month.text()), now);
  auto lines = duty_lines(config, seats);
  for (const auto* kiosk : kiosks_with_seats(config, seats)) {
    report::Section section;
    section.id = kiosk->id;
    section.title = config::localized(kiosk->name, kiosk->name_en);
    if (!kiosk->address.empty()) section.lines.push_back(tr(Msg::notice_address, kiosk->address));
    section.lines.push_back(tr(Msg::notice_hours, text::join(config::describe_hours(*kiosk), "；")));
    if (!kiosk->pledge.empty()) section.lines.push_back(kiosk->pledge);

    report::Table services;
    services.id = "services";
    services.title = std::string(message_text(Msg::notice_services, language()));
    services.columns = {{"service", std::string(message_text(Msg::notice_col_service, language())), false},
                        {"when", std::string(message_text(Msg::notice_col_when, language())), false},
                        {"fee", std::string(message_text(Msg::notice_col_fee, language())), false}};
    for (const auto& entry : kiosk->menu) {
      if (!entry.months.empty() &&
          std::find(entry.months.begin(), entry.months.end(), month.month) == entry.months.end()) {
        continue;
      }
      for (const auto& ref : entry.services) {
        const auto* service = config.catalogue.find_service(ref.value);
        services.rows.push_back({Value::text(service ? config::localized(service->name, service->name_en) : ref.value),
                                 Value::text(config::describe_entry(entry)),
                                 Value::text(service ? config::describe_fee(service->fee) : "")});
      }
    }

    report::Table duties;
    duties.id = "duties";
    duties.title = std::string(message_text(Msg::notice_duties, language()));
    duties.columns = {{"date", std::string(message_text(Msg::rota_date, language())), false},
                      {"weekday", std::string(message_text(Msg::rota_weekday, language())), false},
                      {"time", std::string(message_text(Msg::rota_time, language())), false},
                      {"duty", std::string(message_text(Msg::rota_duty, language())), false},
                      {"volunteers", std::string(message_text(Msg::rota_volunteers, language())), false}};
    duties.key_columns = 2;
    for (const auto& line : lines) {
      if (line.first.kiosk != kiosk->id) continue;
      duties.rows.push_back({Value::text(format_date(line.first.date)), Value::text(weekday_name(line.first.date)),
                             Value::text(format_time_range(line.first.time)), Value::text(duty_label(config, line.first)),
                             Value::text(who_serves(line))});
    }
    section.tables.push_back(std::move(services));
    section.tables.push_back(std::move(duties));
    out.sections.push_back(std::move(section));
  }
  out.footer.push_back(tr(Msg::notice_footer, now));
  return out;
}

}  // namespace kangle::schedule
