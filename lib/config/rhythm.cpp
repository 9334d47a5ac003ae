// SPDX-License-Identifier: Apache-2.0
#include "config/rhythm.hpp"

#include <charconv>

#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::config {
namespace {

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// "1st", "2nd", "3rd", "4th", "5th" or "last" (-1).
std::optional<int> parse_ordinal(std::string_view text) {
  if (text == "last") return -1;
  if (text.size() != 3) return std::nullopt;
  auto n = parse_int(text.substr(0, 1));
  auto suffix = text.substr(1);
  if (!n || *n < 1 || *n > 5) return std::nullopt;
  static constexpr std::string_view suffixes[] = {"st", "nd", "rd", "th", "th"};
  if (suffix != suffixes[*n - 1]) return std::nullopt;
  return n;
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto space = text.find(' ');
    if (space != 0) out.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

}  // namespace

std::optional<std::bitset<7>> parse_weekday_set(std::string_view text) {
  text = text::trim(text);
  std::bitset<7> days;
  auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    auto day = parse_weekday(text);
    if (!day) return std::nullopt;
    days.set(day->c_encoding());
    return days;
  }
  auto first = parse_weekday(text::trim(text.substr(0, dash)));
  auto last = parse_weekday(text::trim(text.substr(dash + 1)));
  if (!first || !last) return std::nullopt;
  for (auto d = *first;; ++d) {
    days.set(d.c_encoding());
    if (d == *last) break;
  }
  return days;
}

std::optional<Rhythm> parse_rhythm(std::string_view text) {
  text = text::trim(text);
  Rhythm r;
  if (auto days = parse_weekday_set(text)) {
    r.kind = Rhythm::Kind::weekdays;
    r.weekdays = *days;
    return r;
  }
  if (auto date = parse_date(text)) {
    r.kind = Rhythm::Kind::one_date;
    r.anchor = *date;
    return r;
  }
  auto w = words(text);
  if (w.size() == 2 && w[0] == "day") {
    auto day = parse_int(w[1]);
    if (!day || *day < 1 || *day > 31) return std::nullopt;
    r.kind = Rhythm::Kind::day_of_month;
    r.day = static_cast<unsigned>(*day);
    return r;
  }
  if (w.size() == 2) {
    auto nth = parse_ordinal(w[0]);
    auto day = parse_weekday(w[1]);
    if (!nth || !day) return std::nullopt;
    r.kind = Rhythm::Kind::nth_weekday;
    r.nth = *nth;
    r.weekday = *day;
    return r;
  }
  // every N weeks from DATE
  if (w.size() == 5 && w[0] == "every" && (w[2] == "weeks" || w[2] == "week") && w[3] == "from") {
    auto n = parse_int(w[1]);
    auto anchor = parse_date(w[4]);
    if (!n || *n < 1 || *n > 52 || !anchor) return std::nullopt;
    r.kind = Rhythm::Kind::every_n_weeks;
    r.interval_weeks = *n;
    r.anchor = *anchor;
    return r;
  }
  return std::nullopt;
}


std::string describe_weekdays(const std::bitset<7>& days, Lang lang) {
  bool chinese = lang == Lang::zh_CN;
  std::vector<std::string> names;
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    if (days.test(d)) names.emplace_back(weekday_display(std::chrono::weekday{d}, chinese));
  }
  return list_in(lang, names);
}

std::string describe_rhythm(const Rhythm& r, Lang lang) {
  bool chinese = lang == Lang::zh_CN;
  switch (r.kind) {
    case Rhythm::Kind::weekdays:
      return describe_weekdays(r.weekdays, lang);
    case Rhythm::Kind::nth_weekday: {
      auto day = weekday_display(r.weekday, chinese);
      if (r.nth < 0) return tr(lang, Msg::rhythm_last, day);
      static constexpr std::string_view suffixes[] = {"st", "nd", "rd", "th", "th"};
      return tr(lang, Msg::rhythm_nth, r.nth, day, suffixes[r.nth - 1]);
    }
    case Rhythm::Kind::every_n_weeks:
      return tr(lang, Msg::rhythm_every_weeks, r.interval_weeks, format_date(r.anchor));
    case Rhythm::Kind::day_of_month:
      return tr(lang, Msg::rhythm_day, r.day);
    case Rhythm::Kind::one_date:
      return format_date(r.anchor);
  }
  return {};
}

bool Rhythm::occurs_on(const Date& date, std::chrono::weekday acts_as) const {
  using namespace std::chrono;
  switch (kind) {
    case Kind::weekdays:
      return weekdays.test(acts_as.c_encoding());
    case Kind::nth_weekday: {
      if (std::chrono::weekday{sys_days{date}} != weekday) return false;
      unsigned index = (static_cast<unsigned>(date.day()) - 1) / 7 + 1;
      if (nth > 0) return static_cast<int>(index) == nth;
      return !(year_month_day{sys_days{date} + days{7}}.month() == date.month());
    }
    case Kind::every_n_weeks: {
      auto delta = (sys_days{date} - sys_days{anchor}).count();
      return delta >= 0 && delta % (7 * interval_weeks) == 0;
    }
    case Kind::day_of_month:
      return static_cast<unsigned>(date.day()) == day;
    case Kind::one_date:
      return date == anchor;
  }
  return false;
}

}  // namespace kangle::config
