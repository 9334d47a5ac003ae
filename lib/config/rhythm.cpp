// SPDX-License-Identifier: Apache-2.0
#include "config/rhythm.hpp"

#include <algorithm>
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

namespace {

using text::take_longest;

/// 1st … 5th (or -1 for last) of a month in Chinese: 第二个, 第2个, 最后一个, after 每月.
std::optional<int> take_chinese_ordinal(std::string_view& s) {
  take_longest(s, {{"每月", 0}, {"每个月", 0}, {"每月的", 0}, {"每个月的", 0}});
  if (take_longest(s, {{"最后一个", 0}, {"最后1个", 0}, {"最末一个", 0}, {"倒数第一个", 0}, {"最后", 0}})) return -1;
  if (!take_longest(s, {{"第", 0}})) return std::nullopt;
  auto n = take_longest(s, {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}, {"5", 5}});
  if (!n) return std::nullopt;
  take_longest(s, {{"个", 0}});
  return static_cast<int>(*n);
}

/// 每月15日, 每月15号, 每个月的1号: the day of the month.
std::optional<unsigned> parse_chinese_day_of_month(std::string_view s) {
  if (!take_longest(s, {{"每月", 0}, {"每个月", 0}, {"每月的", 0}, {"每个月的", 0}})) return std::nullopt;
  auto digits = s.substr(0, s.find_first_not_of("0123456789"));
  auto day = parse_int(digits);
  s.remove_prefix(digits.size());
  if (!day || *day < 1 || *day > 31 || !take_longest(s, {{"日", 0}, {"号", 0}}) || !s.empty()) return std::nullopt;
  return static_cast<unsigned>(*day);
}

/// How many weeks apart: 隔周, 每隔一周, 双周 (2); 每2周, 每两周, 每3周 (N).
std::optional<int> take_week_interval(std::string_view& s) {
  if (take_longest(s, {{"隔周", 0}, {"每隔一周", 0}, {"每隔1周", 0}, {"双周", 0}})) return 2;
  auto rest = s;
  if (!take_longest(rest, {{"每", 0}})) return std::nullopt;
  std::optional<int> n;
  if (auto word = take_longest(rest, {{"两", 2}, {"二", 2}, {"三", 3}, {"四", 4}})) {
    n = static_cast<int>(*word);
  } else {
    auto digits = rest.substr(0, rest.find_first_not_of("0123456789"));
    n = parse_int(digits);
    rest.remove_prefix(digits.size());
  }
  if (!n || *n < 1 || *n > 52 || !take_longest(rest, {{"周", 0}, {"个星期", 0}, {"星期", 0}})) return std::nullopt;
  s = rest;
  return n;
}

/// 隔周四 从2026-12-03, 隔周 从2026-12-03起, 每2周周四，自2026年12月3日起: every N weeks
/// from a start date; the weekday, when given, must be the start date's.
std::optional<Rhythm> parse_chinese_every_weeks(std::string_view original, std::string_view s,
                                                std::optional<Message>* problem) {
  auto weeks = take_week_interval(s);
  if (!weeks) return std::nullopt;
  take_longest(s, {{"的", 0}});
  std::optional<std::chrono::weekday> day = take_weekday(s);
  if (!day) {
    if (auto bare = take_bare_weekdays(s)) {  // 隔周四: 隔周 then 四
      if (bare->count() != 1) return std::nullopt;
      for (unsigned d = 0; d < 7; ++d) {
        if (bare->test(d)) day = std::chrono::weekday{d};
      }
    }
  }
  s = text::trim(s);
  while (take_longest(s, {{",", 0}, {"、", 0}, {" ", 0}})) s = text::trim(s);
  take_longest(s, {{"从", 0}, {"自", 0}, {"from", 0}});
  s = text::trim(s);
  for (std::string_view suffix : {"开始", "起始", "起"}) {
    if (s.ends_with(suffix)) s.remove_suffix(suffix.size());
  }
  s = text::trim(s);
  if (s.empty()) {
    if (problem) *problem = Message(Msg::rhythm_needs_start, original);
    return std::nullopt;
  }
  auto start = parse_written_date(s);
  if (!start) return std::nullopt;
  std::chrono::weekday start_day{std::chrono::sys_days{*start}};
  if (day && *day != start_day) {
    if (problem) {
      *problem = Message(Msg::rhythm_start_not_weekday, original, format_date(*start), weekday_words(start_day),
                         weekday_words(*day));
    }
    return std::nullopt;
  }
  Rhythm r;
  r.kind = Rhythm::Kind::every_n_weeks;
  r.interval_weeks = *weeks;
  r.anchor = *start;
  return r;
}

}  // namespace

Localized weekday_words(std::chrono::weekday day) {
  return in_both_languages([&](Lang lang) { return std::string(weekday_display(day, lang == Lang::zh_CN)); });
}

std::optional<std::bitset<7>> parse_weekday_set(std::string_view text) {
  auto folded = text::ascii_lower(text::clean(text));
  std::bitset<7> days;
  std::size_t pieces = 0;
  for (std::string_view rest = folded; !rest.empty();) {
    auto comma = std::min(rest.find(','), rest.find("、"));
    auto piece = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + (rest[comma] == ',' ? 1 : 3));
    std::string compact;  // "mon - fri", "周一 至 周五"
    for (char c : piece) {
      if (c != ' ') compact += c;
    }
    // A sign-up sheet's 随时 or 不限 (any time suits me) says nothing of the days a kiosk opens.
    for (std::string_view vague : {"随时", "都可以", "不限", "any"}) {
      if (compact.starts_with(vague)) return std::nullopt;
    }
    std::string_view s = compact;
    auto some = take_weekdays(s);
    if (!some || !s.empty()) return std::nullopt;
    days |= *some;
    ++pieces;
  }
  if (pieces == 0) return std::nullopt;
  return days;
}

std::optional<Rhythm> parse_rhythm(std::string_view original, std::optional<Message>* problem) {
  auto cleaned = text::ascii_lower(text::clean(original));  // NFKC: full-width digits and letters
  std::string_view text = cleaned;
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
  if (auto weeks = parse_chinese_every_weeks(original, text, problem)) return weeks;
  if (problem && *problem) return std::nullopt;
  {
    std::string_view s = text;
    auto nth = take_chinese_ordinal(s);
    take_longest(s, {{"的", 0}});
    auto day = nth ? take_weekday(s) : std::nullopt;
    if (day && s.empty()) {
      r.kind = Rhythm::Kind::nth_weekday;
      r.nth = *nth;
      r.weekday = *day;
      return r;
    }
  }
  if (auto day = parse_chinese_day_of_month(text)) {
    r.kind = Rhythm::Kind::day_of_month;
    r.day = *day;
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
  bool every_weeks = (w.size() == 3 || w.size() == 5) && w[0] == "every" && (w[2] == "weeks" || w[2] == "week");
  if (every_weeks && w.size() == 3) {
    if (problem) *problem = Message(Msg::rhythm_needs_start, original);
    return std::nullopt;
  }
  // every N weeks from DATE
  if (every_weeks && w[3] == "from") {
    auto n = parse_int(w[1]);
    auto anchor = parse_date(w[4]);
    if (!n || *n < 1 || *n > 52 || !anchor) return std::nullopt;
    r.kind = Rhythm::Kind::every_n_weeks;
    r.interval_weeks = *n;
    r.anchor = *anchor;
    return r;
  }
  if (auto date = parse_written_date(text)) {  // 2026年12月24日, 2026/12/24
    r.kind = Rhythm::Kind::one_date;
    r.anchor = *date;
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
