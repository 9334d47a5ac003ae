// SPDX-License-Identifier: Apache-2.0
#include "core/dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle {
namespace {

std::optional<int> parse_digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  if (text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;  // from_chars takes a "-"
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> parse_clock(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto hour_text = text.substr(0, colon);
  auto hours = parse_digits(hour_text, hour_text.size() == 1 ? 1 : 2);
  auto minutes = parse_digits(text.substr(colon + 1), 2);
  if (!hours || !minutes || *hours > 24 || *minutes > 59 || (*hours == 24 && *minutes != 0)) return std::nullopt;
  return *hours * 60 + *minutes;
}

struct WeekdayName {
  std::string_view name;
  unsigned index;  // 0 = Sunday, as std::chrono counts
};

constexpr std::array<WeekdayName, 38> weekday_names{{
    {"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6},
    {"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},
    {"周日", 0}, {"周一", 1}, {"周二", 2}, {"周三", 3}, {"周四", 4}, {"周五", 5}, {"周六", 6},
    {"星期日", 0}, {"星期一", 1}, {"星期二", 2}, {"星期三", 3}, {"星期四", 4}, {"星期五", 5}, {"星期六", 6},
    {"周天", 0}, {"星期天", 0}, {"礼拜一", 1}, {"礼拜二", 2}, {"礼拜三", 3}, {"礼拜四", 4}, {"礼拜五", 5},
    {"礼拜六", 6}, {"礼拜天", 0}, {"礼拜日", 0},
}};

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parse_digits(text.substr(0, 4), 4);
  auto m = parse_digits(text.substr(5, 2), 2);
  auto d = parse_digits(text.substr(8, 2), 2);
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Date> parse_loose_date(std::string_view raw) {
  std::string s = text::clean(raw);
  if (s.size() >= 10) {
    if (auto exact = parse_date(s.substr(0, 10))) return exact;  // also "2027-06-30 00:00"
  }
  std::vector<int> parts;
  int value = -1;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : '/';
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
      if (value > 9999) return std::nullopt;
    } else if (value >= 0) {
      parts.push_back(value);
      value = -1;
    }
  }
  if (parts.size() != 3) return std::nullopt;
  Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
            std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok() || parts[0] < 1900) return std::nullopt;
  return date;
}

std::optional<Date> parse_written_date(std::string_view raw) {
  std::string s = text::clean(raw);
  if (s.ends_with("日")) s.resize(s.size() - std::string_view("日").size());
  else if (s.ends_with("号")) s.resize(s.size() - std::string_view("号").size());
  std::string_view rest = s;
  while (!rest.empty()) {
    if ((rest.front() >= '0' && rest.front() <= '9') || rest.front() == '-' || rest.front() == '/' || rest.front() == '.') {
      rest.remove_prefix(1);
    } else if (rest.starts_with("年") || rest.starts_with("月")) {
      rest.remove_prefix(std::string_view("年").size());
    } else {
      return std::nullopt;
    }
  }
  return parse_loose_date(s);
}

Date date_argument(std::string_view text) {
  auto date = parse_date(text);
  if (!date) throw UsageError(Message(Msg::toml_bad_date, text));
  return *date;
}

std::string format_date(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

namespace {

/// The POSIX TZ value for an IANA zone name: the zone file when the system has it.
bool in_zone_database(const std::string& timezone) {
  return !timezone.empty() && std::filesystem::is_regular_file(std::filesystem::path("/usr/share/zoneinfo") / timezone);
}

bool in_china(const std::string& timezone) {
  static constexpr std::array china{"Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC", "Asia/Hong_Kong",
                                    "Asia/Macau", "Asia/Taipei"};
  return std::find(china.begin(), china.end(), timezone) != china.end();
}

std::string posix_zone(const std::string& timezone) {
  if (in_zone_database(timezone)) return ":" + timezone;
  return in_china(timezone) ? "CST-8" : "UTC0";
}

}  // namespace

std::optional<std::time_t> utc_moment(std::string_view utc_timestamp) {
  auto day = parse_date(utc_timestamp.substr(0, 10));
  if (!day) return std::nullopt;
  int hour = utc_timestamp.size() >= 19 ? parse_digits(utc_timestamp.substr(11, 2), 2).value_or(0) : 0;
  int minute = utc_timestamp.size() >= 19 ? parse_digits(utc_timestamp.substr(14, 2), 2).value_or(0) : 0;
  int second = utc_timestamp.size() >= 19 ? parse_digits(utc_timestamp.substr(17, 2), 2).value_or(0) : 0;
  auto seconds = std::chrono::sys_days{*day}.time_since_epoch() + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                 std::chrono::seconds{second};
  return std::chrono::duration_cast<std::chrono::seconds>(seconds).count();
}

bool known_timezone(const std::string& timezone) {
  return in_zone_database(timezone) || in_china(timezone) || timezone == "UTC";
}

namespace {

/// The broken-down time in `timezone` at the moment `utc_timestamp`; nothing when it is not a timestamp.
std::optional<std::tm> local_tm(std::string_view utc_timestamp, const std::string& timezone) {
  auto at = utc_moment(utc_timestamp);
  if (!at) return std::nullopt;
  std::time_t moment = *at;
  // localtime_r follows TZ. Nothing else in kangle reads the local time, so TZ is set
  // to the zone asked for and left: glibc reads a zone's file again only when TZ
  // changes, which setting and restoring it on every call made it do twice a call (a
  // tenth of a district's matching). The lock keeps kangle's own threads off setenv.
  static std::mutex lock;
  static std::string zone_set, tz_set;
  std::lock_guard guard(lock);
  if (tz_set.empty() || zone_set != timezone) {
    zone_set = timezone;
    tz_set = posix_zone(timezone);
    ::setenv("TZ", tz_set.c_str(), 1);
    ::tzset();
  }
  std::tm local{};
  ::localtime_r(&moment, &local);
  return local;
}

}  // namespace

Date local_date(std::string_view utc_timestamp, const std::string& timezone) {
  auto local = local_tm(utc_timestamp, timezone);
  if (!local) return Date{};
  return Date{std::chrono::year{local->tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local->tm_mon + 1)},
              std::chrono::day{static_cast<unsigned>(local->tm_mday)}};
}

std::string day_start_utc(const Date& day, const std::string& timezone) {
  auto text = [](std::time_t moment) {
    std::tm utc{};
    ::gmtime_r(&moment, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                       utc.tm_min, utc.tm_sec);
  };
  auto offset_at = [&](std::time_t moment) -> std::time_t {
    auto local = local_tm(text(moment), timezone);
    return local ? local->tm_gmtoff : 0;
  };
  std::time_t midnight = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::sys_days{day}.time_since_epoch()).count();
  // The offset in force at the start itself: it differs from midnight UTC's on a day
  // summer time begins or ends.
  std::time_t start = midnight - offset_at(midnight);
  return text(midnight - offset_at(start));
}

std::string local_time_text(std::string_view utc_timestamp, const std::string& timezone) {
  auto local = local_tm(utc_timestamp, timezone);
  if (!local) return std::string(utc_timestamp);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", local->tm_year + 1900, local->tm_mon + 1, local->tm_mday, local->tm_hour,
                     local->tm_min);
}

std::string time_for_people(std::string_view utc_timestamp, const std::string& timezone, Lang lang) {
  auto local = local_tm(utc_timestamp, timezone);
  if (!local) return std::string(utc_timestamp);
  Date day{std::chrono::year{local->tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local->tm_mon + 1)},
           std::chrono::day{static_cast<unsigned>(local->tm_mday)}};
  return fmt::format("{} {:02}:{:02}", day_label(day, lang, true), local->tm_hour, local->tm_min);
}

std::optional<std::chrono::weekday> parse_weekday(std::string_view text) {
  auto lower = text::ascii_lower(text);
  for (const auto& entry : weekday_names) {
    if (entry.name == lower) return std::chrono::weekday{entry.index};
  }
  return std::nullopt;
}

namespace {

using text::take_longest;

/// Day-of-week characters after 周/星期/礼拜: 一 … 六, 日/天 (0 = Sunday).
std::optional<unsigned> take_day_char(std::string_view& s) {
  return take_longest(s, {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}, {"日", 0}, {"天", 0}, {"七", 0}});
}

/// A day after 周 written as a digit, 周2 (7 is Sunday); only there, where it cannot be a clock.
std::optional<unsigned> take_day_digit(std::string_view& s) {
  return take_longest(s, {{"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}, {"5", 5}, {"6", 6}, {"7", 0}});
}

}  // namespace

std::optional<std::chrono::weekday> take_weekday(std::string_view& s) {
  if (auto english = take_longest(s, {{"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
                                      {"saturday", 6}, {"sunday", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4},
                                      {"fri", 5}, {"sat", 6}, {"sun", 0}})) {
    return std::chrono::weekday{*english};
  }
  auto rest = s;
  take_longest(rest, {{"每个", 0}, {"每", 0}});  // 每周二: every Tuesday is Tuesday
  if (!take_longest(rest, {{"周", 0}, {"星期", 0}, {"礼拜", 0}})) return std::nullopt;
  auto day = take_day_char(rest);
  if (!day) day = take_day_digit(rest);
  if (!day) return std::nullopt;
  s = rest;
  return std::chrono::weekday{*day};
}

std::optional<std::bitset<7>> take_weekdays(std::string_view& s) {
  using Days = std::bitset<7>;
  if (take_longest(s, {{"每天", 0}, {"天天", 0}, {"每日", 0}, {"全周", 0}, {"随时", 0}, {"都可以", 0}, {"不限", 0},
                       {"everyday", 0}, {"daily", 0}, {"any", 0}})) {
    return Days{}.set();
  }
  if (take_longest(s, {{"工作日", 0}, {"weekdays", 0}, {"weekday", 0}})) return Days{0b0111110};
  if (take_longest(s, {{"周末", 0}, {"双休日", 0}, {"weekends", 0}, {"weekend", 0}})) return Days{0b1000001};
  auto first = take_weekday(s);
  if (!first) return std::nullopt;
  Days days;
  days.set(first->c_encoding());
  auto rest = s;
  if (take_longest(rest, {{"至", 0}, {"到", 0}, {"-", 0}, {"~", 0}, {"～", 0}, {"—", 0}, {"–", 0}, {"〜", 0}, {"－", 0}})) {
    std::optional<unsigned> last;
    if (auto day = take_weekday(rest)) last = day->c_encoding();
    else last = take_day_char(rest);  // 周一至五
    if (last) {
      for (unsigned d = first->c_encoding();; d = (d + 1) % 7) {
        days.set(d);
        if (d == *last) break;
      }
      s = rest;
      return days;
    }
  }
  while (auto more = take_day_char(s)) days.set(*more);  // 周一三五
  return days;
}

std::optional<std::bitset<7>> take_bare_weekdays(std::string_view& s) {
  std::bitset<7> days;
  while (auto day = take_day_char(s)) days.set(*day);
  if (days.none()) return std::nullopt;
  return days;
}

std::string_view weekday_display(std::chrono::weekday day, bool chinese) {
  static constexpr std::array<std::string_view, 7> english{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return chinese ? weekday_names[14 + day.c_encoding()].name : english[day.c_encoding()];
}

std::string weekday_of(const Date& day, Lang lang) {
  return std::string(weekday_display(std::chrono::weekday{std::chrono::sys_days{day}}, lang == Lang::zh_CN));
}

std::optional<TimeRange> parse_time_range(std::string_view text, bool* ends_before_start) {
  if (ends_before_start) *ends_before_start = false;
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto start = parse_clock(text.substr(0, dash));
  auto end = parse_clock(text.substr(dash + 1));
  if (!start || !end) return std::nullopt;
  if (*end <= *start) {
    if (ends_before_start) *ends_before_start = true;
    return std::nullopt;
  }
  return TimeRange{*start, *end};
}

std::optional<TimeRange> parse_loose_time_range(std::string_view raw, bool* reversed) {
  // After NFKC, full-width digits, colons, －, ～ are ASCII; the other dashes are named here.
  static constexpr std::string_view dashes[] = {"—", "–", "〜", "~", "至", "到", "-"};
  std::string text = text::clean(raw);
  std::string s;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::string_view dash;
    for (auto d : dashes) {
      if (std::string_view(text).substr(i).starts_with(d)) dash = d;
    }
    if (dash.empty()) {
      s += text[i++];
      continue;
    }
    if (!s.ends_with('-')) s += '-';  // "——" is one dash
    i += dash.size();
  }
  return parse_time_range(s, reversed);
}

std::string format_time_range(const TimeRange& range) {
  return fmt::format("{:02}:{:02}-{:02}:{:02}", range.start / 60, range.start % 60, range.end / 60, range.end % 60);
}

namespace {

Date month_end(int year, unsigned month) {
  return Date{std::chrono::year_month_day_last{std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}}};
}

Date month_start(int year, unsigned month) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
}

}  // namespace

std::string Period::text() const {
  int year = static_cast<int>(first.year());
  unsigned month = static_cast<unsigned>(first.month());
  switch (kind) {
    case Kind::month: return fmt::format("{:04}-{:02}", year, month);
    case Kind::quarter: return fmt::format("{:04}Q{}", year, (month - 1) / 3 + 1);
    case Kind::year: break;
  }
  return fmt::format("{:04}", year);
}


std::string period_label(const Period& period, Lang lang) {
  int year = static_cast<int>(period.first.year());
  unsigned month = static_cast<unsigned>(period.first.month());
  bool chinese = lang == Lang::zh_CN;
  static constexpr std::string_view quarters_zh[] = {"一", "二", "三", "四"};
  static constexpr std::string_view months_en[] = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
  switch (period.kind) {
    case Period::Kind::month:
      return chinese ? fmt::format("{}年{}月", year, month) : fmt::format("{} {}", months_en[month - 1], year);
    case Period::Kind::quarter:
      return chinese ? fmt::format("{}年第{}季度", year, quarters_zh[(month - 1) / 3])
                     : fmt::format("Q{} {}", (month - 1) / 3 + 1, year);
    case Period::Kind::year: break;
  }
  return chinese ? fmt::format("{}年度", year) : std::to_string(year);
}

std::optional<Period> parse_period(std::string_view text) {
  auto year = parse_digits(text.substr(0, 4), 4);
  if (!year || *year < 1900) return std::nullopt;
  auto rest = text.substr(4);
  if (rest.empty()) return Period{Period::Kind::year, month_start(*year, 1), month_end(*year, 12)};
  if (rest.front() == '-') rest.remove_prefix(1);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
    auto quarter = parse_digits(rest.substr(1), 1);
    if (!quarter || *quarter < 1 || *quarter > 4) return std::nullopt;
    auto first = static_cast<unsigned>(*quarter * 3 - 2);
    return Period{Period::Kind::quarter, month_start(*year, first), month_end(*year, first + 2)};
  }
  auto month = parse_digits(rest, 2);
  if (!month || *month < 1 || *month > 12 || text[4] != '-') return std::nullopt;
  auto m = static_cast<unsigned>(*month);
  return Period{Period::Kind::month, month_start(*year, m), month_end(*year, m)};
}

namespace {

/// The period of `kind` that starts with the month `index` months after January of year 0.
Period period_at(Period::Kind kind, long index) {
  int year = static_cast<int>(index / 12);
  auto month = static_cast<unsigned>(index % 12 + 1);
  switch (kind) {
    case Period::Kind::month: return Period{kind, month_start(year, month), month_end(year, month)};
    case Period::Kind::quarter: return Period{kind, month_start(year, month), month_end(year, month + 2)};
    case Period::Kind::year: break;
  }
  return Period{kind, month_start(year, 1), month_end(year, 12)};
}

long month_index(const Date& date) {
  return static_cast<long>(static_cast<int>(date.year())) * 12 + static_cast<unsigned>(date.month()) - 1;
}

int months_in(Period::Kind kind) { return kind == Period::Kind::month ? 1 : kind == Period::Kind::quarter ? 3 : 12; }

}  // namespace

Period shift_period(const Period& period, int steps) {
  return period_at(period.kind, month_index(period.first) + static_cast<long>(steps) * months_in(period.kind));
}

Period year_before(const Period& period) { return period_at(period.kind, month_index(period.first) - 12); }

std::vector<Period> months_of(const Period& period) {
  std::vector<Period> months;
  for (long i = month_index(period.first); i <= month_index(period.last); ++i) months.push_back(period_at(Period::Kind::month, i));
  return months;
}

Period period_to(const Period& period, const Date& day) {
  if (std::chrono::sys_days{day} >= std::chrono::sys_days{period.last}) return period;
  Period part = period;
  part.last = day;
  return part;
}

bool is_cut(const Period& period) { return period_at(period.kind, month_index(period.first)).last != period.last; }

Period cut_like(const Period& period, const Period& cut) {
  if (!is_cut(cut)) return period;
  long index = month_index(period.first) + month_index(cut.last) - month_index(cut.first);
  auto month = period_at(Period::Kind::month, index);
  auto day = std::min(static_cast<unsigned>(cut.last.day()), static_cast<unsigned>(month.last.day()));
  Period part = period;
  part.last = Date{month.last.year(), month.last.month(), std::chrono::day{day}};
  return part;
}

namespace {
constexpr std::string_view months_short_en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}

std::string day_label(const Date& day, Lang lang, bool with_year) {
  int year = static_cast<int>(day.year());
  unsigned month = static_cast<unsigned>(day.month()), d = static_cast<unsigned>(day.day());
  if (lang == Lang::zh_CN) return with_year ? fmt::format("{}年{}月{}日", year, month, d) : fmt::format("{}月{}日", month, d);
  return with_year ? fmt::format("{} {} {}", d, months_short_en[month - 1], year)
                   : fmt::format("{} {}", d, months_short_en[month - 1]);
}

std::string days_label(const Period& period, Lang lang) {
  bool same_year = period.first.year() == period.last.year();
  if (lang == Lang::zh_CN) {
    auto end = same_year ? day_label(period.last, lang) : day_label(period.last, lang, true);
    return fmt::format("{}至{}", day_label(period.first, lang, true), end);
  }
  if (same_year && period.first.month() == period.last.month()) {
    return fmt::format("{}–{}", static_cast<unsigned>(period.first.day()), day_label(period.last, lang, true));
  }
  return fmt::format("{} – {}", same_year ? day_label(period.first, lang) : day_label(period.first, lang, true),
                     day_label(period.last, lang, true));
}


Localized duration_words(long minutes) { return {format_duration(minutes, Lang::zh_CN), format_duration(minutes, Lang::en)}; }

std::string format_duration(long minutes, Lang lang) {
  bool chinese = lang == Lang::zh_CN;
  std::string sign = minutes < 0 ? "-" : "";
  minutes = std::abs(minutes);
  long h = minutes / 60, m = minutes % 60;
  if (chinese) {
    if (m == 0) return fmt::format("{}{}小时", sign, h);
    if (h == 0) return fmt::format("{}{}分钟", sign, m);
    return fmt::format("{}{}小时{}分", sign, h, m);
  }
  if (m == 0) return fmt::format("{}{} h", sign, h);
  if (h == 0) return fmt::format("{}{} min", sign, m);
  return fmt::format("{}{} h {} min", sign, h, m);
}

}  // namespace kangle
