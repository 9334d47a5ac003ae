// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/dates.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace dates_test {

using namespace std::chrono;
using kangle::Date;
using kangle::parse_date;
using kangle::parse_time_range;
using kangle::parse_weekday;
using kangle::local_date;
using kangle::TimeRange;

TEST_CASE("parse_date, a valid date") {
  auto date = parse_date("2026-12-03");
  REQUIRE(date.has_value());
  CHECK(*date == Date{year{2026}, December, day{3}});
  CHECK(kangle::format_date(*date) == "2026-12-03");
}

TEST_CASE("parse_date, 29 February only in leap years") {
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  auto leap = parse_date("2024-02-29");
  REQUIRE(leap.has_value());
  CHECK(*leap == Date{year{2024}, February, day{29}});
  CHECK_FALSE(parse_date("2026-02-30").has_value());
  CHECK_FALSE(parse_date("2026-04-31").has_value());
  CHECK_FALSE(parse_date("2026-13-01").has_value());
  CHECK_FALSE(parse_date("2026-00-10").has_value());
  CHECK_FALSE(parse_date("2026-01-00").has_value());
}

TEST_CASE("parse_date, malformed text") {
  CHECK_FALSE(parse_date("").has_value());
  CHECK_FALSE(parse_date("2026-1-01").has_value());
  CHECK_FALSE(parse_date("2026/12/03").has_value());
  CHECK_FALSE(parse_date("26-12-03").has_value());
  CHECK_FALSE(parse_date("2026-12-3x").has_value());
  CHECK_FALSE(parse_date("2026-12-03 ").has_value());
  CHECK_FALSE(parse_date("abcd-ef-gh").has_value());
}

TEST_CASE("parse_weekday, English, Chinese and colloquial names") {
  CHECK(parse_weekday("mon") == Monday);
  CHECK(parse_weekday("Monday") == Monday);
  CHECK(parse_weekday("SUN") == Sunday);
  CHECK(parse_weekday("周一") == Monday);
  CHECK(parse_weekday("周日") == Sunday);
  CHECK(parse_weekday("星期日") == Sunday);
  CHECK(parse_weekday("星期三") == Wednesday);
  CHECK(parse_weekday("礼拜天") == Sunday);
  CHECK(parse_weekday("礼拜六") == Saturday);
}

TEST_CASE("parse_weekday, rejects what is not a weekday") {
  CHECK_FALSE(parse_weekday("xyz").has_value());
  CHECK_FALSE(parse_weekday("").has_value());
  CHECK_FALSE(parse_weekday("mo").has_value());
  CHECK_FALSE(parse_weekday("周八").has_value());
}

TEST_CASE("weekday_display, Chinese and English") {
  CHECK(kangle::weekday_display(Thursday, true) == "周四");
  CHECK(kangle::weekday_display(Thursday, false) == "Thu");
  CHECK(kangle::weekday_display(Sunday, true) == "周日");
}

TEST_CASE("parse_time_range, a valid range") {
  bool reversed = true;
  auto range = parse_time_range("09:00-11:30", &reversed);
  REQUIRE(range.has_value());
  CHECK(range->start == 9 * 60);
  CHECK(range->end == 11 * 60 + 30);
  CHECK_FALSE(reversed);
  auto short_hour = parse_time_range("9:05-24:00");
  REQUIRE(short_hour.has_value());
  CHECK(*short_hour == TimeRange{9 * 60 + 5, 24 * 60});
}

TEST_CASE("parse_time_range, a reversed range sets ends_before_start") {
  bool reversed = false;
  CHECK_FALSE(parse_time_range("11:30-09:00", &reversed).has_value());
  CHECK(reversed);
  reversed = false;
  CHECK_FALSE(parse_time_range("09:00-09:00", &reversed).has_value());
  CHECK(reversed);
  CHECK_FALSE(parse_time_range("11:30-09:00").has_value());  // no flag asked for: no crash
}

TEST_CASE("parse_time_range, invalid clock times") {
  bool reversed = true;
  CHECK_FALSE(parse_time_range("25:00-26:00", &reversed).has_value());
  CHECK_FALSE(reversed);
  reversed = true;
  CHECK_FALSE(parse_time_range("09:00-25:00", &reversed).has_value());
  CHECK_FALSE(reversed);
  CHECK_FALSE(parse_time_range("09:60-10:00").has_value());
  CHECK_FALSE(parse_time_range("24:30-24:45").has_value());
  CHECK_FALSE(parse_time_range("0900-1100").has_value());
  CHECK_FALSE(parse_time_range("09:00").has_value());
  CHECK_FALSE(parse_time_range("").has_value());
}

TEST_CASE("format_time_range, zero-padded HH:MM-HH:MM") {
  CHECK(kangle::format_time_range(TimeRange{9 * 60, 11 * 60 + 30}) == "09:00-11:30");
  CHECK(kangle::format_time_range(TimeRange{0, 5}) == "00:00-00:05");
  CHECK(kangle::format_time_range(TimeRange{13 * 60 + 30, 24 * 60}) == "13:30-24:00");
  auto parsed = parse_time_range("08:30-11:30");
  REQUIRE(parsed.has_value());
  CHECK(kangle::format_time_range(*parsed) == "08:30-11:30");
}

TEST_CASE("TimeRange, overlaps and contains") {
  TimeRange morning{9 * 60, 11 * 60 + 30}, late{11 * 60, 12 * 60}, afternoon{11 * 60 + 30, 16 * 60};
  CHECK(morning.overlaps(late));
  CHECK_FALSE(morning.overlaps(afternoon));  // ends are exclusive
  CHECK(morning.contains(TimeRange{10 * 60, 11 * 60}));
  CHECK_FALSE(morning.contains(late));
}

TEST_CASE("parse_time_range, a minus sign is not a digit") {
  CHECK_FALSE(parse_time_range("09:00-10:-1").has_value());
}

TEST_CASE("parse_date, a minus sign is not a digit") {
  CHECK_FALSE(parse_date("-001-01-01").has_value());
}

TEST_CASE("local_date, the day in the workspace's time zone, not UTC's") {
  // 02:00 in Beijing on 1 December is 18:00 on 30 November in UTC: the cron job's day is the 1st.
  CHECK(local_date("2026-11-30T18:00:00Z", "Asia/Shanghai") == parse_date("2026-12-01"));
  CHECK(local_date("2026-11-30T15:59:00Z", "Asia/Shanghai") == parse_date("2026-11-30"));
  CHECK(local_date("2026-12-31T16:00:00Z", "Asia/Shanghai") == parse_date("2027-01-01"));
  CHECK(local_date("2026-11-30T18:00:00Z", "UTC") == parse_date("2026-11-30"));
  // A name the system does not know falls back to UTC; a China zone to UTC+8 even without the zone files.
  CHECK(local_date("2026-11-30T18:00:00Z", "Nowhere/Atlantis") == parse_date("2026-11-30"));
  CHECK(local_date("2026-11-30T18:00:00Z", "PRC") == parse_date("2026-12-01"));
}

TEST_CASE("local_date, zones asked in turn: each answer in its own zone, summer time included") {
  // The zone is set once and kept while the same one is asked: switching must take each time.
  for (int round = 0; round < 3; ++round) {
    CHECK(local_date("2026-11-30T18:00:00Z", "Asia/Shanghai") == parse_date("2026-12-01"));
    CHECK(local_date("2026-11-30T18:00:00Z", "UTC") == parse_date("2026-11-30"));
    // 23:30 UTC on 30 June is 00:30 on 1 July in London's summer time, still 30 June in winter's.
    CHECK(local_date("2026-06-30T23:30:00Z", "Europe/London") == parse_date("2026-07-01"));
    CHECK(local_date("2026-12-30T23:30:00Z", "Europe/London") == parse_date("2026-12-30"));
    CHECK(local_date("2026-11-30T18:00:00Z", "PRC") == parse_date("2026-12-01"));
  }
  CHECK(kangle::local_time_text("2026-06-30T23:30:00Z", "Europe/London") == "2026-07-01 00:30");
  CHECK(kangle::local_time_text("2026-06-30T23:30:00Z", "Asia/Shanghai") == "2026-07-01 07:30");
}

TEST_CASE("time_for_people, the time in the workspace's zone as people read it, no UTC and no Z") {
  CHECK(kangle::time_for_people("2026-12-03T09:04:00Z", "Asia/Shanghai", kangle::Lang::zh_CN) == "2026年12月3日 17:04");
  CHECK(kangle::time_for_people("2026-12-03T09:04:00Z", "Asia/Shanghai", kangle::Lang::en) == "3 Dec 2026 17:04");
  // Past midnight in Beijing, still the day before in UTC.
  CHECK(kangle::time_for_people("2026-12-31T16:30:00Z", "Asia/Shanghai", kangle::Lang::zh_CN) == "2027年1月1日 00:30");
  CHECK(kangle::time_for_people("2026-12-31T16:30:00Z", "UTC", kangle::Lang::en) == "31 Dec 2026 16:30");
  CHECK(kangle::time_for_people("not a time", "Asia/Shanghai", kangle::Lang::en) == "not a time");
  CHECK(kangle::day_label(*parse_date("2026-05-01"), kangle::Lang::zh_CN, true) == "2026年5月1日");
  CHECK(kangle::day_label(*parse_date("2026-05-01"), kangle::Lang::en, true) == "1 May 2026");
}

TEST_CASE("shift_period, year_before and months_of, across year ends", "[report]") {
  auto period = [](const char* text) { return *kangle::parse_period(text); };
  CHECK(kangle::shift_period(period("2026-01"), -1).text() == "2025-12");
  CHECK(kangle::shift_period(period("2026-12"), 1).text() == "2027-01");
  CHECK(kangle::shift_period(period("2026Q1"), -1).text() == "2025Q4");
  CHECK(kangle::shift_period(period("2026Q1"), -1).last == parse_date("2025-12-31"));
  CHECK(kangle::shift_period(period("2026"), -1).text() == "2025");
  CHECK(kangle::year_before(period("2024-02")).last == parse_date("2023-02-28"));
  CHECK(kangle::year_before(period("2026Q3")).text() == "2025Q3");
  auto months = kangle::months_of(period("2026Q4"));
  REQUIRE(months.size() == 3);
  CHECK(months[0].text() == "2026-10");
  CHECK(months[2].last == parse_date("2026-12-31"));
  CHECK(kangle::months_of(period("2026")).size() == 12);
  CHECK(kangle::months_of(period("2026-02")).size() == 1);
}

TEST_CASE("known_timezone, the zone database and China's zones, not a typo") {
  CHECK(kangle::known_timezone("Asia/Shanghai"));
  CHECK(kangle::known_timezone("PRC"));
  CHECK(kangle::known_timezone("UTC"));
  CHECK_FALSE(kangle::known_timezone("Asia/Shangai"));
  CHECK_FALSE(kangle::known_timezone(""));
  CHECK_FALSE(kangle::known_timezone("Asia"));  // a folder of the database, not a zone
}

TEST_CASE("period_to, cut_like and the labels of a period not yet over", "[report]") {
  auto p = [](const char* text) { return *kangle::parse_period(text); };
  auto d = [](const char* text) { return *kangle::parse_date(text); };
  auto december = kangle::period_to(p("2026-12"), d("2026-12-03"));
  CHECK(kangle::format_date(december.last) == "2026-12-03");
  CHECK(december.text() == "2026-12");
  CHECK(kangle::is_cut(december));
  CHECK_FALSE(kangle::is_cut(p("2026-12")));
  CHECK_FALSE(kangle::is_cut(kangle::period_to(p("2026-11"), d("2026-12-03"))));
  auto november = kangle::cut_like(kangle::shift_period(december, -1), december);
  CHECK(kangle::format_date(november.first) == "2026-11-01");
  CHECK(kangle::format_date(november.last) == "2026-11-03");
  CHECK(kangle::format_date(kangle::cut_like(kangle::year_before(december), december).last) == "2025-12-03");
  // The 31st against a shorter month: its last day.
  auto march = kangle::period_to(p("2026-03"), d("2026-03-30"));
  CHECK(kangle::format_date(kangle::cut_like(kangle::shift_period(march, -1), march).last) == "2026-02-28");
  // A quarter to its third month's 3rd: the quarter before to its third month's 3rd.
  auto q4 = kangle::period_to(p("2026Q4"), d("2026-12-03"));
  CHECK(kangle::format_date(kangle::cut_like(kangle::shift_period(q4, -1), q4).last) == "2026-09-03");
  auto year = kangle::period_to(p("2026"), d("2026-12-03"));
  CHECK(kangle::format_date(kangle::cut_like(kangle::year_before(year), year).last) == "2025-12-03");
  CHECK_FALSE(kangle::is_cut(kangle::cut_like(p("2026-11"), p("2026-12"))));

  CHECK(kangle::day_label(d("2026-12-03"), kangle::Lang::zh_CN) == "12月3日");
  CHECK(kangle::day_label(d("2026-12-03"), kangle::Lang::en) == "3 Dec");
  CHECK(kangle::days_label(november, kangle::Lang::zh_CN) == "2026年11月1日至11月3日");
  CHECK(kangle::days_label(november, kangle::Lang::en) == "1–3 Nov 2026");
  CHECK(kangle::days_label(kangle::cut_like(p("2026Q3"), q4), kangle::Lang::en) == "1 Jul – 3 Sep 2026");
}

TEST_CASE("parse_loose_time_range, the ways people write a range", "[forms]") {
  TimeRange morning{9 * 60, 11 * 60 + 30};
  for (auto text : {"9:00-11:30", "09:00-11:30", "9：00—11：30", "9:00至11:30", "9:00到11:30", "9:00~11:30",
                    "9:00～11:30", "9:00－11:30", "9:00 - 11:30", "９:００-１１:３０", "9:00——11:30", "9:00–11:30"}) {
    INFO(text);
    CHECK(kangle::parse_loose_time_range(text) == morning);
  }
  bool reversed = false;
  CHECK_FALSE(kangle::parse_loose_time_range("11:30至9:00", &reversed).has_value());
  CHECK(reversed);
  CHECK_FALSE(kangle::parse_loose_time_range("上午").has_value());
  CHECK_FALSE(kangle::parse_loose_time_range("9:00").has_value());
}

TEST_CASE("take_weekdays, the one reader of days for forms and kiosk files", "[forms]") {
  auto days = [](std::string_view text) -> std::string {
    auto rest = text;
    auto read = kangle::take_weekdays(rest);
    if (!read) return "none";
    return read->to_string() + "|" + std::string(rest);
  };
  CHECK(days("周一至周五") == "0111110|");
  CHECK(days("周一到周五上午") == "0111110|上午");
  CHECK(days("周一-周五") == "0111110|");
  CHECK(days("mon-fri") == "0111110|");
  CHECK(days("每周三") == "0001000|");
  CHECK(days("周一三五") == "0101010|");
  CHECK(days("周六至周一") == "1000011|");  // round the week end
  CHECK(days("工作日") == "0111110|");
  CHECK(days("周末") == "1000001|");
  CHECK(days("上午") == "none");
}

}  // namespace dates_test
