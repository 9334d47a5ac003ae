// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"

namespace kangle::schedule {

/// A calendar month, `2026-12`.
struct Month {
  int year = 0;
  unsigned month = 0;
  std::string text() const;
  Date first() const;
  Date last() const;
  bool operator==(const Month&) const = default;
};

/// The month `date` falls in.
Month month_of(const Date& date);

/// `YYYY-MM`; nothing otherwise.
std::optional<Month> parse_month(std::string_view text);

/// A month given on the command line (`--month 2026-12`); a UsageError naming it otherwise.
Month month_argument(std::string_view text);

/// A volunteer's place in a session: one of the N seats its service needs.
struct Seat {
  std::string key;      ///< stable across rebuilds: kiosk/date/start/service-or-skill/n
  std::string service;  ///< empty for seats an entry asks beside its services
  std::string skill;
  int number = 1;       ///< 1..N among the seats of the same service in the session
};

/// One occurrence of a menu entry: a kiosk (or a place it serves) on a date and time.
struct Session {
  std::string kiosk;
  Date date;
  std::chrono::weekday acts_as;  ///< the weekday whose menu the day follows (调休)
  /// The weekday whose free time volunteers keep that day, when not its real weekday: on
  /// a make-up workday, the one it stands for (kangle.toml's makeup_day_availability).
  std::optional<std::chrono::weekday> staffed_as;
  TimeRange time;
  config::Cadence cadence = config::Cadence::daily;
  std::string title;
  std::string place;  ///< where, when not at the kiosk
  std::vector<Seat> seats;
};

/// Every session of `month`: each kiosk's menu laid over the calendar. Public holidays
/// (a provisional year's statutory ones) close every kiosk; a make-up workday (调休)
/// opens them with the menu of the weekday it stands for, staffed as that weekday
/// unless the workspace says its real weekday; a kiosk's closures shut it; an entry without its own time takes each
/// of the kiosk's opening ranges that day as a session. Sorted by date, time, kiosk.
std::vector<Session> expand_month(const config::Config& config, const Month& month);

/// The weekday whose free time volunteers keep on `session`'s day.
std::chrono::weekday staffing_weekday(const Session& session);

/// A make-up workday of a month and how it is staffed, for `schedule explain`.
struct MakeupDay {
  Date date;
  std::chrono::weekday stands_for;  ///< the weekday whose menu it opens with
  std::chrono::weekday staffed_as;  ///< the weekday whose free time volunteers keep
};
std::vector<MakeupDay> makeup_days(const config::Config& config, const Month& month);

}  // namespace kangle::schedule
