// SPDX-License-Identifier: Apache-2.0
#include "schedule/sessions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace kangle::schedule {
namespace {

using namespace std::chrono;

bool in_bounds(const config::MenuEntry& entry, const Date& date) {
  if (entry.from && date < *entry.from) return false;
  if (entry.until && *entry.until < date) return false;
  if (!entry.months.empty() &&
      std::find(entry.months.begin(), entry.months.end(), static_cast<unsigned>(date.month())) == entry.months.end()) {
    return false;
  }
  return true;
}

std::vector<Seat> seats_of(const config::MenuEntry& entry, const config::Catalogue& catalogue, const std::string& prefix) {
  std::vector<Seat> seats;
  for (const auto& ref : entry.services) {
    const auto* service = catalogue.find_service(ref.value);
    if (!service) continue;  // `check` reports it; a rota is still made from the rest
    for (int n = 1; n <= service->seats; ++n) {
      seats.push_back({fmt::format("{}/{}/{}", prefix, service->id, n), service->id, service->skill.value, n});
    }
  }
  for (const auto& request : entry.seats) {
    for (int n = 1; n <= request.count; ++n) {
      seats.push_back({fmt::format("{}/+{}/{}", prefix, request.skill.value, n), "", request.skill.value, n});
    }
  }
  return seats;
}

}  // namespace

std::string Month::text() const { return fmt::format("{:04}-{:02}", year, month); }

Month month_of(const Date& date) { return {static_cast<int>(date.year()), static_cast<unsigned>(date.month())}; }

Date Month::first() const { return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}}; }

Date Month::last() const {
  return Date{std::chrono::year_month_day_last{std::chrono::year{year},
                                                std::chrono::month_day_last{std::chrono::month{month}}}};
}

std::optional<Month> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto digits = [](std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; };
  if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2))) return std::nullopt;
  Month m;
  unsigned month = 0;
  std::from_chars(text.data(), text.data() + 4, m.year);
  std::from_chars(text.data() + 5, text.data() + 7, month);
  if (month < 1 || month > 12 || m.year < 1900) return std::nullopt;
  m.month = month;
  return m;
}

Month month_argument(std::string_view text) {
  auto month = parse_month(text);
  if (!month) throw UsageError(Message(Msg::schedule_bad_month, text));
  return *month;
}

std::vector<Session> expand_month(const config::Config& config, const Month& month) {
  std::vector<Session> sessions;
  for (auto day = sys_days{month.first()}; day <= sys_days{month.last()}; day += days{1}) {
    Date date{day};
    if (config.holidays.holiday_on(date)) continue;
    weekday actual{day};
    const auto* makeup = config.holidays.workday_on(date);
    weekday acts_as = makeup ? makeup->as : actual;
    std::optional<weekday> staffed_as;
    if (makeup && config.settings.makeup_day_availability == config::MakeupDayAvailability::stands_for) {
      staffed_as = makeup->as;
    }
    for (const auto& kiosk : config.kiosks) {
      if (kiosk.closure_on(date)) continue;
      for (const auto& entry : kiosk.menu) {
        if (!in_bounds(entry, date) || !entry.on.occurs_on(date, acts_as)) continue;
        std::vector<TimeRange> times;
        if (entry.time) times.push_back(*entry.time);
        else times = kiosk.hours[acts_as.c_encoding()];
        for (const auto& time : times) {
          Session s;
          s.kiosk = kiosk.id;
          s.date = date;
          s.acts_as = acts_as;
          s.staffed_as = staffed_as;
          s.time = time;
          s.cadence = entry.cadence;
          s.title = entry.title;
          s.place = entry.at;
          auto prefix = fmt::format("{}/{}/{:02}{:02}", kiosk.id, format_date(date), time.start / 60, time.start % 60);
          s.seats = seats_of(entry, config.catalogue, prefix);
          if (!s.seats.empty()) sessions.push_back(std::move(s));
        }
      }
    }
  }
  // Two entries of a kiosk at the same start asking for the same service (its own test
  // and an outreach visit's) would share keys: the later ones get "#2", "#3".
  std::map<std::string, int> seen;
  for (auto& session : sessions) {
    for (auto& seat : session.seats) {
      if (int n = ++seen[seat.key]; n > 1) seat.key += "#" + std::to_string(n);
    }
  }
  std::stable_sort(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.time.start != b.time.start) return a.time.start < b.time.start;
    return a.kiosk < b.kiosk;
  });
  return sessions;
}

weekday staffing_weekday(const Session& session) {
  return session.staffed_as.value_or(weekday{sys_days{session.date}});
}

std::vector<MakeupDay> makeup_days(const config::Config& config, const Month& month) {
  std::vector<MakeupDay> out;
  bool stands_for = config.settings.makeup_day_availability == config::MakeupDayAvailability::stands_for;
  for (const auto& w : config.holidays.workdays) {
    if (w.date < month.first() || month.last() < w.date) continue;
    out.push_back({w.date, w.as, stands_for ? w.as : weekday{sys_days{w.date}}});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return out;
}

}  // namespace kangle::schedule
