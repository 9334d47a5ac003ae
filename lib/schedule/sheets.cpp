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

using present::Column;
using present::Value;

Date plus_days(const Date& date, int days) { return Date{std::chrono::sys_days{date} + std::chrono::days{days}}; }

/// A service as a rota or notice names it: with its daily cap (每日限定人数) when it has one.
std::string service_label(const config::Service& service, Lang lang) {
  auto label = config::localized(service.name, service.name_en, lang);
  if (service.daily_cap) label += tr(lang, Msg::rota_daily_cap, *service.daily_cap);
  return label;
}

/// The duty as a rota shows it: the event's title before the service, the place after.
std::string duty_label(const config::Config& config, const RotaSeat& seat, Lang lang) {
  const auto* service = config.catalogue.find_service(seat.service);
  auto duty = service ? service_label(*service, lang) : duty_name(config, seat.service, seat.skill, lang);
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
std::string row_label(const config::Config& config, const DutyLine& line, Lang lang) {
  return format_time_range(line.first.time) + " " + duty_label(config, line.first, lang);
}

/// Why the kiosk is closed on `date`: the public holiday's name (marked when provisional)
/// or the closure's reason;
/// nothing when it opens.
std::optional<std::string> closed_for(const config::Config& config, const config::Kiosk& kiosk, const Date& date,
                                      Lang lang) {
  if (const auto* holiday = config.holidays.holiday_on(date)) {
    auto name = config::localized(holiday->name, holiday->name_en, lang);
    // A statutory day of a year whose schedule is not in holidays/ yet: the real one may differ.
    return holiday->provisional ? name + std::string(message_text(Msg::rota_provisional, lang)) : name;
  }
  if (const auto* closure = kiosk.closure_on(date)) return closure->reason;
  return std::nullopt;
}

/// What a printed rota says of a kiosk's day beside its duties: closed for a public holiday
/// or a closure of its own, open on a make-up workday (调休) as the weekday it stands for;
/// empty on an ordinary day.
std::string day_note(const config::Config& config, const config::Kiosk& kiosk, const Date& date, Lang lang) {
  if (auto reason = closed_for(config, kiosk, date, lang)) {
    if (reason->empty()) return std::string(message_text(Msg::rota_closed, lang));
    return tr(lang, config.holidays.holiday_on(date) ? Msg::rota_closed_holiday : Msg::rota_closed_kiosk, *reason);
  }
  if (const auto* makeup = config.holidays.workday_on(date)) {
    return tr(lang, Msg::rota_makeup_day, weekday_display(makeup->as, lang == Lang::zh_CN));
  }
  return {};
}

/// "10-01", or "10-01 至 10-07": the days from `from` to `to`.
std::string days_text(const Date& from, const Date& to, Lang lang) {
  auto month_day = [](const Date& date) { return format_date(date).substr(5); };
  return from == to ? month_day(from) : tr(lang, Msg::rota_days, month_day(from), month_day(to));
}

/// The notice's lines on the kiosk's closed days and make-up workdays in `month`, by date:
/// a run of days closed for one reason is one item ("10-01 至 10-07 国庆节").
std::vector<std::string> calendar_lines(const config::Config& config, const config::Kiosk& kiosk, const Month& month,
                                        Lang lang) {
  std::vector<std::string> closed_days, makeup_days;
  std::optional<std::pair<Date, std::string>> run;  // the first day and reason of the run in progress
  auto end_run = [&](const Date& last) {
    if (run) closed_days.push_back(days_text(run->first, last, lang) + (run->second.empty() ? "" : " " + run->second));
    run.reset();
  };
  for (auto day = std::chrono::sys_days{month.first()}; day <= std::chrono::sys_days{month.last()}; day += std::chrono::days{1}) {
    Date date{day};
    auto reason = closed_for(config, kiosk, date, lang);
    if (run && (!reason || *reason != run->second)) end_run(plus_days(date, -1));
    if (reason && !run) run.emplace(date, *reason);
    if (const auto* workday = config.holidays.workday_on(date)) {
      makeup_days.push_back(tr(lang, Msg::rota_makeup_as, days_text(date, date, lang),
                               weekday_display(workday->as, lang == Lang::zh_CN)));
    }
  }
  end_run(month.last());
  std::vector<std::string> lines;
  if (!closed_days.empty()) lines.push_back(tr(lang, Msg::notice_closed_days, list_in(lang, closed_days)));
  if (!makeup_days.empty()) lines.push_back(tr(lang, Msg::notice_makeup_days, list_in(lang, makeup_days)));
  return lines;
}

/// One kiosk's duties of a week, Monday `monday` to Sunday: first a row of the days it is
/// closed or works as another weekday, if any; then a row per time and duty, by start time
/// and then in the order the month's rota first shows them (the menu's).
present::Table week_table(const config::Config& config, const config::Kiosk& kiosk, const std::vector<DutyLine>& lines,
                         const Month& month, const Date& monday, int number, Lang lang) {
  static constexpr std::array<const char*, 7> keys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  present::Table table;
  table.id = fmt::format("week_{}", number);
  table.title = tr(lang, Msg::rota_week, format_date(monday), format_date(plus_days(monday, 6)));
  table.columns.push_back({"duty", std::string(message_text(Msg::rota_time_duty, lang)), false});
  for (int d = 0; d < 7; ++d) {
    auto date = plus_days(monday, d);
    bool in_month = date >= month.first() && date <= month.last();
    auto header = weekday_of(date, lang) + (in_month ? " " + format_date(date).substr(5) : "");
    table.columns.push_back({keys[static_cast<std::size_t>(d)], header, false});
  }
  std::vector<Value> notes(8);
  notes[0] = Value::text(std::string(message_text(Msg::rota_day_notes, lang)));
  bool any_note = false;
  for (int d = 0; d < 7; ++d) {
    auto date = plus_days(monday, d);
    if (date < month.first() || month.last() < date) continue;
    if (auto note = day_note(config, kiosk, date, lang); !note.empty()) {
      notes[static_cast<std::size_t>(d) + 1] = Value::text(std::move(note));
      any_note = true;
    }
  }
  if (any_note) table.rows.push_back(std::move(notes));
  std::map<std::string, std::size_t> first_seen;
  for (const auto& line : lines) first_seen.try_emplace(row_label(config, line, lang), first_seen.size());
  std::map<std::tuple<int, std::size_t>, std::vector<Value>> rows;  // by start, then first seen
  for (const auto& line : lines) {
    auto day = (std::chrono::sys_days{line.first.date} - std::chrono::sys_days{monday}).count();
    if (day < 0 || day > 6) continue;
    auto label = row_label(config, line, lang);
    auto& row = rows.try_emplace({line.first.time.start, first_seen.at(label)}, std::vector<Value>(8)).first->second;
    row[0] = Value::text(label);
    row[static_cast<std::size_t>(day) + 1] = Value::text(who_serves(line.volunteers, line.empty, lang));
  }
  for (auto& [order, row] : rows) table.rows.push_back(std::move(row));
  return table;
}

/// A month's sheet to print, a page per kiosk.
present::Document sheet(std::string kind, const Month& month, std::string title, const std::string& now, Lang lang) {
  present::Document out(lang);
  out.kind = std::move(kind);
  out.period = month.text();
  out.title = std::move(title);
  out.generated_at = now;
  out.page_per_section = true;
  out.fit_terminal = true;
  out.csv_by_keys = true;
  return out;
}

}  // namespace

std::string duty_name(const config::Config& config, const std::string& service, const std::string& skill, Lang lang) {
  if (const auto* s = config.catalogue.find_service(service)) return config::localized(s->name, s->name_en, lang);
  if (const auto* k = config.catalogue.find_skill(skill)) return config::localized(k->name, k->name_en, lang);
  return service.empty() ? skill : service;
}

std::vector<DutyLine> duty_lines(const config::Config& config, const std::vector<RotaSeat>& seats) {
  // Seats of one name are one duty, whatever the language shown: the Chinese name, which every duty has.
  std::vector<DutyLine> lines;
  for (const auto& seat : seats) {
    auto duty = duty_name(config, seat.service, seat.skill, Lang::zh_CN);
    bool same = !lines.empty() && lines.back().first.kiosk == seat.kiosk && lines.back().first.date == seat.date &&
                lines.back().first.time == seat.time &&
                duty_name(config, lines.back().first.service, lines.back().first.skill, Lang::zh_CN) == duty;
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

std::string who_serves(std::vector<std::string> volunteers, int empty, Lang lang) {
  if (empty > 0) volunteers.push_back(tr(lang, Msg::rota_empty_seats, empty));
  return list_in(lang, volunteers);
}

present::Document rota_by_week(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                               const std::string& now, Lang lang) {
  auto out = sheet("rota", month, tr(lang, Msg::rota_title, config.settings.name, month.text()), now, lang);
  out.landscape = true;
  auto lines = duty_lines(config, seats);
  auto first_monday = Date{std::chrono::sys_days{month.first()} -
                           (std::chrono::weekday{std::chrono::sys_days{month.first()}} - std::chrono::Monday)};
  for (const auto* kiosk : kiosks_with_seats(config, seats)) {
    present::Section section;
    section.id = kiosk->id;
    section.title = config::kiosk_label(config, kiosk->id, lang);
    section.lines.push_back(tr(lang, Msg::rota_sheet_title, config.settings.name, config::localized(kiosk->name, kiosk->name_en, lang),
                               month.text()));
    std::vector<DutyLine> here;
    std::copy_if(lines.begin(), lines.end(), std::back_inserter(here), [&](const auto& l) { return l.first.kiosk == kiosk->id; });
    int number = 0;
    for (auto monday = first_monday; monday <= month.last(); monday = plus_days(monday, 7)) {
      auto table = week_table(config, *kiosk, here, month, monday, ++number, lang);
      if (!table.rows.empty()) section.tables.push_back(std::move(table));
    }
    out.sections.push_back(std::move(section));
  }
  out.footer.push_back(tr(lang, Msg::report_generated, time_for_people(now, config.settings.timezone, lang)));
  return out;
}

present::Document duty_notice(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                              const std::string& now, Lang lang) {
  auto out = sheet("notice", month, tr(lang, Msg::notice_title, config.settings.name, month.text()), now, lang);
  auto lines = duty_lines(config, seats);
  for (const auto* kiosk : kiosks_with_seats(config, seats)) {
    present::Section section;
    section.id = kiosk->id;
    section.title = config::localized(kiosk->name, kiosk->name_en, lang);
    if (!kiosk->address.empty()) section.lines.push_back(tr(lang, Msg::notice_address, kiosk->address));
    section.lines.push_back(tr(lang, Msg::notice_hours, text::join(config::describe_hours(*kiosk, lang), "；")));
    if (!kiosk->pledge.empty()) section.lines.push_back(kiosk->pledge);
    for (auto& line : calendar_lines(config, *kiosk, month, lang)) section.lines.push_back(std::move(line));

    present::Table services;
    services.id = "services";
    services.title = std::string(message_text(Msg::notice_services, lang));
    services.columns = {{"service", std::string(message_text(Msg::notice_col_service, lang)), false},
                        {"when", std::string(message_text(Msg::notice_col_when, lang)), false},
                        {"fee", std::string(message_text(Msg::notice_col_fee, lang)), false}};
    for (const auto& entry : kiosk->menu) {
      if (!entry.months.empty() &&
          std::find(entry.months.begin(), entry.months.end(), month.month) == entry.months.end()) {
        continue;
      }
      for (const auto& ref : entry.services) {
        const auto* service = config.catalogue.find_service(ref.value);
        services.rows.push_back({Value::text(service ? service_label(*service, lang) : ref.value),
                                 Value::text(config::describe_entry(entry, lang)),
                                 Value::text(service ? config::describe_fee(service->fee, lang) : "")});
      }
      // A themed event that asks only for helping hands is a service to the public too:
      // listed by its title (its time names it again, like every titled entry's).
      if (entry.services.empty() && !entry.title.empty()) {
        services.rows.push_back({Value::text(entry.title), Value::text(config::describe_entry(entry, lang)),
                                 Value::text(config::describe_fee(config::Fee{}, lang))});
      }
    }

    present::Table duties;
    duties.id = "duties";
    duties.title = std::string(message_text(Msg::notice_duties, lang));
    duties.columns = {{"date", std::string(message_text(Msg::rota_date, lang)), false},
                      {"weekday", std::string(message_text(Msg::rota_weekday, lang)), false},
                      {"time", std::string(message_text(Msg::rota_time, lang)), false},
                      {"duty", std::string(message_text(Msg::rota_duty, lang)), false},
                      {"volunteers", std::string(message_text(Msg::rota_volunteers, lang)), false}};
    duties.key_columns = 2;
    for (const auto& line : lines) {
      if (line.first.kiosk != kiosk->id) continue;
      duties.rows.push_back({Value::date(line.first.date), Value::text(weekday_of(line.first.date, lang)),
                             Value::text(format_time_range(line.first.time)), Value::text(duty_label(config, line.first, lang)),
                             Value::text(who_serves(line.volunteers, line.empty, lang))});
    }
    section.tables.push_back(std::move(services));
    section.tables.push_back(std::move(duties));
    out.sections.push_back(std::move(section));
  }
  out.footer.push_back(tr(lang, Msg::notice_footer, time_for_people(now, config.settings.timezone, lang)));
  return out;
}

}  // namespace kangle::schedule
