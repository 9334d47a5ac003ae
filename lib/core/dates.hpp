// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <bitset>
#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace kangle {

using Date = std::chrono::year_month_day;

/// A date written `YYYY-MM-DD`; nothing when malformed or when the day does not exist.
std::optional<Date> parse_date(std::string_view text);
/// A date as people type it: 2027-06-30, 2027/6/30, 2027.6.30, 2027年6月30日, full-width
/// digits, and as date cells read ("2027-06-30 00:00"). Nothing when it is not a real date.
std::optional<Date> parse_loose_date(std::string_view text);
/// A date written on its own, as config files hold one: the forms of parse_loose_date
/// but nothing else around it ("2026-12-03起每周四" is no date: its rhythm is not a day).
std::optional<Date> parse_written_date(std::string_view text);
/// A day given on the command line (`--date`, `--from`): YYYY-MM-DD, else a UsageError.
Date date_argument(std::string_view text);

/// `YYYY-MM-DD`.
std::string format_date(const Date& date);

/// `2小时30分` / `2 h 30 min`: minutes as people read them, in `lang`.
std::string format_duration(long minutes, Lang lang);
/// The duration in both languages, for a Message's argument.
Localized duration_words(long minutes);

/// The calendar day in `timezone` (an IANA name such as Asia/Shanghai) at the moment
/// `utc_timestamp` (`YYYY-MM-DDTHH:MM:SSZ`): a run at 02:00 in Beijing is still
/// yesterday in UTC. Without the zone database, China's zones fall back to UTC+8
/// (China keeps no summer time) and others to UTC.
Date local_date(std::string_view utc_timestamp, const std::string& timezone);

/// The moment `day` begins in `timezone`, as a UTC timestamp: 2026-12-01 begins in
/// Beijing at 2026-11-30T16:00:00Z. What happened at a stored moment (a review, a sign-up)
/// belongs to the day it was where the kiosks are, not to the UTC day.
std::string day_start_utc(const Date& day, const std::string& timezone);

/// The moment `utc_timestamp` (`YYYY-MM-DDTHH:MM:SSZ`; a date alone is its midnight) in
/// seconds since 1970; nothing when it is not a timestamp.
std::optional<std::time_t> utc_moment(std::string_view utc_timestamp);

/// `utc_timestamp` as people read it where they are: "2026-12-01 10:00" in `timezone`.
std::string local_time_text(std::string_view utc_timestamp, const std::string& timezone);

/// `utc_timestamp` (`YYYY-MM-DDTHH:MM:SSZ`) as people read a time in `timezone`, in `lang`:
/// 2026年12月3日 17:04, 3 Dec 2026 17:04. Every time shown to people goes through it; what
/// scripts read (JSON, CSV) keeps the UTC timestamp. A malformed timestamp is shown as it is.
std::string time_for_people(std::string_view utc_timestamp, const std::string& timezone, Lang lang);


/// Whether `local_date` knows `timezone`: a zone of the system's zone database, or one
/// of China's; any other name would silently be taken as UTC.
bool known_timezone(const std::string& timezone);

/// A weekday from `mon`…`sun`, `monday`…, `周一`…`周日` (also 周天, 星期一…); nothing otherwise.
std::optional<std::chrono::weekday> parse_weekday(std::string_view text);

/// The days written at the front of lower-case text, consumed: 每天, 工作日, 周末, 周一,
/// 每周三, 周2, 星期三, 礼拜三, mon, monday, ranges (周一至周五, 周一到周五, 周一-周五, 周一~周五,
/// 周一—周五, mon-fri) and runs (周一三五). The one reader of days for sign-up forms and
/// kiosk files; nothing (and `s` untouched) when no day is there.
std::optional<std::bitset<7>> take_weekdays(std::string_view& s);

/// One weekday at the front of lower-case text, consumed: 周三, 每周三, 星期三, 周3, wed.
std::optional<std::chrono::weekday> take_weekday(std::string_view& s);

/// Weekday characters alone (一 … 六, 日, 天), as the later items of 周一、三、五 are written.
std::optional<std::bitset<7>> take_bare_weekdays(std::string_view& s);

/// The weekday as people read it: `周一` in Chinese, `Mon` in English.
std::string_view weekday_display(std::chrono::weekday day, bool chinese);
/// The day's weekday as people read it in `lang`: 周四, Thu.
std::string weekday_of(const Date& day, Lang lang);

/// Minutes since midnight, as opening hours and sessions count them.
struct TimeRange {
  int start = 0;  ///< minutes since midnight, inclusive
  int end = 0;    ///< minutes since midnight, exclusive
  bool overlaps(const TimeRange& other) const { return start < other.end && other.start < end; }
  bool contains(const TimeRange& other) const { return start <= other.start && other.end <= end; }
  friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

/// `HH:MM-HH:MM` with a start before the end; nothing when malformed.
/// `ends_before_start` is set when both times are valid but the range is empty or reversed.
std::optional<TimeRange> parse_time_range(std::string_view text, bool* ends_before_start = nullptr);

/// A time range as people write it: 9:00-11:30, 9：00—11：30, 9:00至11:30, 9:00~11:30,
/// 9:00～11:30, 9:00－11:30, spaces around the dash, full-width digits. `reversed` is set
/// when both times are valid but the range ends before it starts.
std::optional<TimeRange> parse_loose_time_range(std::string_view text, bool* reversed = nullptr);

/// `HH:MM-HH:MM`.
std::string format_time_range(const TimeRange& range);

/// A span of days that boards and reports cover: a month, a quarter or a year.
struct Period {
  enum class Kind { month, quarter, year };
  Kind kind = Kind::month;
  Date first, last;  ///< both included
  std::string text() const;  ///< `2026-12`, `2026Q4`, `2026`
};

/// The period as people say it in `lang`: 2026年12月, 2026年第四季度, 2026年度.
std::string period_label(const Period& period, Lang lang);

/// `2026-12`, `2026Q4` (also `2026-Q4`, lower-case q) or `2026`; nothing otherwise.
std::optional<Period> parse_period(std::string_view text);

/// The period of the same kind `steps` periods later (earlier when negative):
/// 2026-12 → 2026-11 for -1; 2026Q1 → 2025Q4; a year back is -12 months, -4 quarters or -1 year.
Period shift_period(const Period& period, int steps);

/// The same period a year before: 2026-12 → 2025-12, 2026Q4 → 2025Q4.
Period year_before(const Period& period);

/// The months of a period, in order (one for a month, three for a quarter, twelve for a year).
std::vector<Period> months_of(const Period& period);

/// The part of `period` up to and including `day`: a month not yet over, to today. The
/// whole period when it is over by `day`; kind and text stay the period's.
Period period_to(const Period& period, const Date& day);

/// Whether `period` stops before its natural end (a part made by period_to).
bool is_cut(const Period& period);

/// `period` cut where `cut` is: as many months in and on the same day of the month (the
/// month's last when shorter), so that Dec 1–3 compares with Nov 1–3 and Q4 to Dec 3 with
/// Q3 to Sep 3. The whole of `period` when `cut` is whole.
Period cut_like(const Period& period, const Period& cut);

/// A day as people write it: 12月3日, 3 Dec; with the year 2025年12月3日, 3 Dec 2025.
std::string day_label(const Date& day, Lang lang, bool with_year = false);

/// A period's days as people write them: 2025年11月1日至11月3日, 1–3 Nov 2025.
std::string days_label(const Period& period, Lang lang);

}  // namespace kangle
