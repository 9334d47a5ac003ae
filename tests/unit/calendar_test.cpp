// SPDX-License-Identifier: Apache-2.0
// The calendar across years: statutory public holidays by rule (ICU's lunar calendar,
// libnova's sun and moon), provisional years without holidays/YEAR.toml, how make-up
// workdays are staffed, and a certificate's last day.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "config/model.hpp"
#include "config/statutory.hpp"
#include "core/dates.hpp"
#include "people/volunteer.hpp"
#include "schedule/assign.hpp"
#include "schedule/sessions.hpp"
#include "temp_dir.hpp"
#include "workspace/check.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace calendar_test {

namespace {

using namespace std::chrono;
using kangle::Date;
using kangle::format_date;
namespace config = kangle::config;
namespace schedule = kangle::schedule;

Date d(const char* text) { return *kangle::parse_date(text); }

/// The kangjian example in a temporary folder (holidays/2026.toml only).
class Workspace {
public:
  Workspace() { kangle::workspace::init_workspace({dir_.path(), std::string("kangjian"), std::nullopt}); }
  config::Config config() const { return config::load_valid_config(dir_.path()); }
  const std::filesystem::path& path() const { return dir_.path(); }
  void write(const std::filesystem::path& relative, const std::string& text) const { dir_.write(relative, text); }

private:
  kangle::test::TempDir dir_;
};

std::vector<std::string> describe(const std::vector<config::Holiday>& holidays) {
  std::vector<std::string> out;
  for (const auto& h : holidays) out.push_back(h.name + " " + format_date(h.from) + " " + format_date(h.to));
  return out;
}

/// Lunar New Year, 端午 (5/5) and 中秋 (8/15) of each year, from the table-based `lunar`
/// program (Debian's package lunar 2.2, its data from the published Chinese calendar):
/// a source independent of ICU and libnova.
struct LunarDays {
  int year;
  const char *new_year, *dragon_boat, *mid_autumn;
};
constexpr LunarDays published[] = {
#include "calendar_lunar_days.inc"
};

}  // namespace

TEST_CASE("statutory holidays: 2027 by rule", "[calendar]") {
  auto holidays = config::statutory_holidays(2027);
  CHECK(describe(holidays) == std::vector<std::string>{
                                  "元旦 2027-01-01 2027-01-01",
                                  "春节 2027-02-05 2027-02-08",  // the eve, then lunar 1/1–1/3
                                  "清明节 2027-04-05 2027-04-05",
                                  "劳动节 2027-05-01 2027-05-02",
                                  "端午节 2027-06-09 2027-06-09",
                                  "中秋节 2027-09-15 2027-09-15",
                                  "国庆节 2027-10-01 2027-10-03",
                              });
  for (const auto& h : holidays) CHECK(h.provisional);
}

TEST_CASE("statutory holidays: before 2025, the 2013 revision", "[calendar]") {
  auto holidays = describe(config::statutory_holidays(2024));
  CHECK(holidays[1] == "春节 2024-02-10 2024-02-12");  // no eve
  CHECK(holidays[3] == "劳动节 2024-05-01 2024-05-01");
  CHECK(describe(config::statutory_holidays(2025))[1] == "春节 2025-01-28 2025-01-31");
}

TEST_CASE("provisional years: check warns about this month's and the next's", "[calendar]") {
  Workspace workspace;
  auto warned = [&](const char* today) {
    int n = 0;
    for (const auto& d : kangle::workspace::check_workspace(workspace.path(), *kangle::parse_date(today))) {
      if (d.at.file == "holidays/" && d.severity == config::Severity::warning) ++n;
    }
    return n;
  };
  CHECK(warned("2026-11-20") == 0);
  CHECK(warned("2026-12-20") == 1);  // January 2027
}

TEST_CASE("statutory holidays: lunar days as published, 1990–2049", "[calendar]") {
  // 2027's New Year is the case ICU alone gets wrong: the new moon is at 23:56 in Beijing.
  for (const auto& y : published) {
    INFO(y.year);
    CHECK(format_date(config::lunar_date(y.year, 1, 1)) == y.new_year);
    CHECK(format_date(config::lunar_date(y.year, 5, 5)) == y.dragon_boat);
    CHECK(format_date(config::lunar_date(y.year, 8, 15)) == y.mid_autumn);
  }
}

TEST_CASE("statutory holidays: Qingming as in the State Council's schedules", "[calendar]") {
  const std::pair<int, const char*> qingming[] = {
      {2008, "2008-04-04"}, {2010, "2010-04-05"}, {2012, "2012-04-04"}, {2015, "2015-04-05"}, {2016, "2016-04-04"},
      {2019, "2019-04-05"}, {2020, "2020-04-04"}, {2021, "2021-04-04"}, {2022, "2022-04-05"}, {2023, "2023-04-05"},
      {2024, "2024-04-04"}, {2025, "2025-04-04"}, {2026, "2026-04-05"}, {2027, "2027-04-05"}};
  for (const auto& [year_of, day_of] : qingming) {
    INFO(year_of);
    CHECK(format_date(config::qingming(year_of)) == day_of);
  }
}

TEST_CASE("statutory holidays: 2026's core days lie inside the shipped holidays/2026.toml", "[calendar]") {
  Workspace workspace;
  auto calendar = workspace.config().holidays;
  REQUIRE_FALSE(calendar.provisional(2026));
  for (const auto& h : config::statutory_holidays(2026)) {
    for (auto day = sys_days{h.from}; day <= sys_days{h.to}; day += days{1}) {
      INFO(h.name << " " << format_date(Date{day}));
      const auto* announced = calendar.holiday_on(Date{day});
      REQUIRE(announced);
      CHECK(announced->name == h.name);
      CHECK_FALSE(announced->provisional);
    }
  }
}

TEST_CASE("provisional years: a year without its file closes on the statutory days", "[calendar]") {
  Workspace workspace;
  auto config = workspace.config();
  const auto& calendar = config.holidays;
  CHECK(calendar.provisional(2027));
  CHECK(calendar.provisional_years(d("2026-12-01"), d("2027-01-31")) == std::vector<int>{2027});
  CHECK(calendar.provisional_years(d("2026-03-01"), d("2026-03-31")).empty());
  CHECK(calendar.provisional_years_soon(d("2026-12-15")) == std::vector<int>{2027});
  CHECK(calendar.provisional_years_soon(d("2026-11-30")).empty());
  const auto* new_year = calendar.holiday_on(d("2027-01-01"));
  REQUIRE(new_year);
  CHECK(new_year->name == "元旦");
  CHECK(new_year->provisional);
  CHECK_FALSE(calendar.holiday_on(d("2027-01-04")));
  CHECK_FALSE(calendar.workday_on(d("2027-01-09")));  // make-up workdays are not known

  auto sessions = schedule::expand_month(config, {2027, 1});
  REQUIRE_FALSE(sessions.empty());
  for (const auto& s : sessions) CHECK(s.date != d("2027-01-01"));
}

TEST_CASE("provisional years: with holidays/2027.toml its days are used, not the rule", "[calendar]") {
  Workspace workspace;
  workspace.write("holidays/2027.toml", "[[holiday]]\nname = \"元旦\"\nfrom = 2027-01-01\nto = 2027-01-03\n"
                                        "[[holiday]]\nname = \"台风\"\nfrom = 2027-09-15\nto = 2027-09-15\n");
  auto config = workspace.config();
  CHECK_FALSE(config.holidays.provisional(2027));
  CHECK(config.holidays.provisional_years_soon(d("2026-12-15")).empty());
  CHECK_FALSE(config.holidays.holiday_on(d("2027-01-01"))->provisional);
  CHECK_FALSE(config.holidays.holiday_on(d("2027-02-06")));  // not in the file: the file is the schedule
}

TEST_CASE("make-up workdays: staffed by the weekday they stand for, or the real one", "[calendar]") {
  Workspace workspace;
  auto stands_for = workspace.config();
  REQUIRE(stands_for.settings.makeup_day_availability == config::MakeupDayAvailability::stands_for);
  // 2026-09-20, a Sunday worked as a Tuesday: a volunteer free on Tuesdays only.
  kangle::people::Volunteer tuesday;
  tuesday.id = 1;
  tuesday.skills = {{"general", std::nullopt}};
  for (auto& slots : tuesday.availability.slots) slots.reset();
  tuesday.availability.slots[Tuesday.c_encoding()].set();
  auto sunday = tuesday;
  for (auto& slots : sunday.availability.slots) slots.reset();
  sunday.availability.slots[Sunday.c_encoding()].set();

  auto on_the_day = [](const config::Config& config) {
    for (const auto& s : schedule::expand_month(config, {2026, 9})) {
      if (s.date == d("2026-09-20") && kangle::people::parts_of_day(s.time).size() == 1) return s;
    }
    FAIL("no morning or afternoon session on 2026-09-20");
    return schedule::Session{};
  };
  auto session = on_the_day(stands_for);
  CHECK(schedule::staffing_weekday(session) == Tuesday);
  schedule::Seat general{"x", "", "general", 1};
  CHECK(schedule::eligible(stands_for, tuesday, session, general));
  CHECK_FALSE(schedule::eligible(stands_for, sunday, session, general));
  auto days = schedule::makeup_days(stands_for, {2026, 9});
  REQUIRE(days.size() == 1);
  CHECK(days[0].stands_for == Tuesday);
  CHECK(days[0].staffed_as == Tuesday);

  auto actual = stands_for;
  actual.settings.makeup_day_availability = config::MakeupDayAvailability::actual_weekday;
  auto real = on_the_day(actual);
  CHECK(schedule::staffing_weekday(real) == Sunday);
  CHECK_FALSE(schedule::eligible(actual, tuesday, real, general));
  CHECK(schedule::eligible(actual, sunday, real, general));
  CHECK(schedule::makeup_days(actual, {2026, 9})[0].staffed_as == Sunday);
  // An ordinary day is staffed as itself either way.
  auto monday = schedule::expand_month(actual, {2026, 9}).front();
  CHECK(schedule::staffing_weekday(monday) == weekday{sys_days{monday.date}});
}

TEST_CASE("make-up workdays: kangle.toml's makeup_day_availability is checked", "[calendar]") {
  config::ConfigTexts texts{{"kangle.toml", "name = \"x\"\n[defaults]\nmakeup_day_availability = \"saturday\"\n"}};
  auto loaded = config::load_config_texts(texts);
  bool reported = false;
  for (const auto& diagnostic : loaded.diagnostics.items()) {
    if (diagnostic.message.id() != kangle::Msg::bad_makeup_day_availability) continue;
    reported = true;
    CHECK(diagnostic.severity == config::Severity::error);
    CHECK(diagnostic.at.file == "kangle.toml");
    CHECK(diagnostic.at.line == 3);
  }
  CHECK(reported);
  texts["kangle.toml"] = "name = \"x\"\n[defaults]\nmakeup_day_availability = \"actual_weekday\"\n";
  CHECK(config::load_config_texts(texts).config.settings.makeup_day_availability ==
        config::MakeupDayAvailability::actual_weekday);
}

}  // namespace calendar_test
