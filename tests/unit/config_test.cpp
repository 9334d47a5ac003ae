// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "config/diagnostics.hpp"
#include "config/loader.hpp"
#include "config/rhythm.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "temp_dir.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace config_test {

using namespace std::chrono;
using kangle::Date;
using kangle::Lang;
using kangle::config::parse_rhythm;
using kangle::config::Rhythm;
using kangle::test::TempDir;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

/// Whether `rhythm` happens on `date`, the day following its own weekday's menu.
bool on(const Rhythm& rhythm, const Date& date) { return rhythm.occurs_on(date, weekday{sys_days{date}}); }

Rhythm rhythm(std::string_view text) {
  auto parsed = parse_rhythm(text);
  if (!parsed) FAIL("parse_rhythm rejected \"" << text << "\"");
  return *parsed;
}

// ─── A minimal clean workspace; each error test changes one line of it ───────────

constexpr std::string_view settings_toml =
    "name = \"Test street\"\n"  // 1
    "language = \"en\"\n";      // 2

constexpr std::string_view services_toml =
    "[categories.life]\n"                 // 1
    "name = \"生活服务\"\n"               // 2
    "name_en = \"Everyday services\"\n"  // 3
    "\n"                                  // 4
    "[skills.barber]\n"                   // 5
    "name = \"理发\"\n"                   // 6
    "aliases = [\"剪发\"]\n"              // 7
    "\n"                                  // 8
    "[services.haircut]\n"                // 9
    "name = \"理发\"\n"                   // 10
    "name_en = \"Haircut\"\n"             // 11
    "category = \"life\"\n"               // 12
    "skill = \"barber\"\n"                // 13
    "seats = 2\n"                         // 14
    "daily_cap = 20\n"                    // 15
    "fee = { fixed = 5.5 }\n"             // 16
    "minutes = 150\n";                    // 17

constexpr std::string_view kiosk_toml =
    "name = \"Kiosk A\"\n"                                // 1
    "\n"                                                  // 2
    "[hours]\n"                                           // 3
    "mon-fri = [\"09:00-11:30\", \"13:30-16:00\"]\n"      // 4
    "sat = \"09:00-11:00\"\n"                             // 5
    "\n"                                                  // 6
    "[[daily]]\n"                                         // 7
    "on = \"mon\"\n"                                      // 8
    "services = [\"haircut\"]\n";                         // 9

constexpr std::string_view holidays_toml =
    "[[holiday]]\n"               // 1
    "name = \"国庆节\"\n"         // 2
    "name_en = \"National Day\"\n"  // 3
    "from = 2026-10-01\n"         // 4
    "to = 2026-10-07\n"           // 5
    "\n"                          // 6
    "[[workday]]\n"               // 7
    "date = 2026-10-10\n"         // 8
    "as = \"fri\"\n"              // 9
    "name = \"国庆调休\"\n";      // 10

/// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  auto at = out.find(from);
  if (at == std::string::npos || out.find(from, at + 1) != std::string::npos) FAIL("no single \"" << from << "\"");
  out.replace(at, from.size(), to);
  return out;
}

struct Workspace {
  std::string settings{settings_toml};
  std::string services{services_toml};
  std::string kiosk{kiosk_toml};
  std::string holidays{holidays_toml};

  void write_to(const TempDir& dir) const {
    dir.write("kangle.toml", settings);
    dir.write("services.toml", services);
    dir.write("kiosks/a.toml", kiosk);
    dir.write("holidays/2026.toml", holidays);
  }
};

/// Every diagnostic of the workspace, formatted in `lang`, in `check` order.
std::vector<std::string> diagnostics_of(const Workspace& workspace, Lang lang = Lang::en) {
  TempDir dir;
  workspace.write_to(dir);
  auto result = kangle::config::load_config(dir.path());
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.sorted()) out.push_back(kangle::config::format_diagnostic(d, lang));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

// ─── Rhythms ─────────────────────────────────────────────────────────────────────

TEST_CASE("parse_rhythm, one weekday") {
  auto thu = rhythm("thu");
  CHECK(thu.kind == Rhythm::Kind::weekdays);
  CHECK(thu.weekdays.to_string() == "0010000");  // bit 4 = Thursday
  CHECK(on(thu, ymd(2026, 12, 3)));
  CHECK_FALSE(on(thu, ymd(2026, 12, 4)));
  CHECK(on(rhythm("周四"), ymd(2026, 12, 3)));
}

TEST_CASE("parse_rhythm, a range of weekdays") {
  auto weekdays = rhythm("mon-fri");
  CHECK(weekdays.kind == Rhythm::Kind::weekdays);
  CHECK(weekdays.weekdays.to_string() == "0111110");
  CHECK(on(weekdays, ymd(2026, 12, 4)));        // Friday
  CHECK_FALSE(on(weekdays, ymd(2026, 12, 5)));  // Saturday
  CHECK_FALSE(on(weekdays, ymd(2026, 12, 6)));  // Sunday
  CHECK(rhythm("sat-sun").weekdays.to_string() == "1000001");
  CHECK(rhythm("fri-mon").weekdays.to_string() == "1100011");  // wraps round the week end
}

TEST_CASE("parse_rhythm, last weekday of the month") {
  auto last_thu = rhythm("last thu");
  CHECK(last_thu.kind == Rhythm::Kind::nth_weekday);
  CHECK(last_thu.nth == -1);
  CHECK(last_thu.weekday == Thursday);
  CHECK(on(last_thu, ymd(2026, 12, 31)));
  CHECK_FALSE(on(last_thu, ymd(2026, 12, 24)));
  CHECK_FALSE(on(last_thu, ymd(2026, 12, 30)));  // last of the month, but a Wednesday
  CHECK(on(last_thu, ymd(2026, 11, 26)));
}

TEST_CASE("parse_rhythm, nth weekday of the month") {
  auto second_sat = rhythm("2nd sat");
  CHECK(second_sat.kind == Rhythm::Kind::nth_weekday);
  CHECK(second_sat.nth == 2);
  CHECK(second_sat.weekday == Saturday);
  CHECK(on(second_sat, ymd(2026, 12, 12)));
  CHECK_FALSE(on(second_sat, ymd(2026, 12, 5)));
  CHECK_FALSE(on(second_sat, ymd(2026, 12, 19)));
  auto fifth_thu = rhythm("5th thu");
  CHECK(on(fifth_thu, ymd(2026, 12, 31)));
  CHECK_FALSE(on(fifth_thu, ymd(2026, 11, 26)));  // November 2026 has four Thursdays
}

TEST_CASE("parse_rhythm, every n weeks from a start date") {
  auto fortnightly = rhythm("every 2 weeks from 2026-12-03");
  CHECK(fortnightly.kind == Rhythm::Kind::every_n_weeks);
  CHECK(fortnightly.interval_weeks == 2);
  CHECK(fortnightly.anchor == ymd(2026, 12, 3));
  CHECK(on(fortnightly, ymd(2026, 12, 3)));
  CHECK_FALSE(on(fortnightly, ymd(2026, 12, 10)));
  CHECK(on(fortnightly, ymd(2026, 12, 17)));
  CHECK_FALSE(on(fortnightly, ymd(2026, 11, 19)));  // two weeks before the start
  CHECK(rhythm("every 1 week from 2026-12-03").interval_weeks == 1);
}

TEST_CASE("parse_rhythm, day of the month") {
  auto fifteenth = rhythm("day 15");
  CHECK(fifteenth.kind == Rhythm::Kind::day_of_month);
  CHECK(fifteenth.day == 15);
  CHECK(on(fifteenth, ymd(2026, 12, 15)));
  CHECK(on(fifteenth, ymd(2027, 2, 15)));
  CHECK_FALSE(on(fifteenth, ymd(2026, 12, 16)));
  auto thirty_first = rhythm("day 31");
  CHECK_FALSE(on(thirty_first, ymd(2026, 11, 30)));
  CHECK(on(thirty_first, ymd(2026, 12, 31)));
}

TEST_CASE("parse_rhythm, one date") {
  auto once = rhythm("2026-12-24");
  CHECK(once.kind == Rhythm::Kind::one_date);
  CHECK(on(once, ymd(2026, 12, 24)));
  CHECK_FALSE(on(once, ymd(2027, 12, 24)));
}

TEST_CASE("Rhythm::occurs_on, a make-up workday follows the menu of its acts_as weekday") {
  auto fri = rhythm("fri");
  Date sunday = ymd(2026, 12, 6);
  CHECK(fri.occurs_on(sunday, Friday));
  CHECK_FALSE(fri.occurs_on(sunday, Sunday));
  CHECK_FALSE(rhythm("sun").occurs_on(sunday, Friday));
}

TEST_CASE("parse_rhythm, bad rhythms are rejected") {
  for (auto bad : {"3th fri", "1th mon", "6th fri", "every 0 weeks from 2026-12-03", "every 2 weeks from 2026-02-30",
                   "every 2 days from 2026-12-03", "day 32", "day 0", "day x", "blah", "", "last xyz",
                   "mon-xyz", "2026-02-30"}) {
    INFO("rhythm \"" << bad << "\"");
    CHECK_FALSE(parse_rhythm(bad).has_value());
  }
}

TEST_CASE("parse_rhythm, the forms people write in Chinese", "[forms]") {
  auto weekdays = std::string("0111110");
  for (auto text : {"周一至周五", "周一-周五", "周一到周五", "周一~周五", "周一～周五", "周一—周五", "周一 至 周五",
                    "星期一至星期五", "周一至五", "工作日", "MON-FRI"}) {
    INFO(text);
    CHECK(rhythm(text).weekdays.to_string() == weekdays);
  }
  CHECK(rhythm("每周三").weekdays.to_string() == "0001000");
  CHECK(rhythm("周一、周三").weekdays.to_string() == "0001010");
  CHECK(rhythm("周末").weekdays.to_string() == "1000001");

  auto last_thu = rhythm("每月最后一个周四");
  CHECK(last_thu.kind == Rhythm::Kind::nth_weekday);
  CHECK(last_thu.nth == -1);
  CHECK(last_thu.weekday == Thursday);
  for (auto text : {"每月第二个周六", "每月第2个周六", "每月第２个星期六", "第二个周六"}) {
    INFO(text);
    auto second_sat = rhythm(text);
    CHECK(second_sat.kind == Rhythm::Kind::nth_weekday);
    CHECK(second_sat.nth == 2);
    CHECK(second_sat.weekday == Saturday);
  }
  auto fifteenth = rhythm("每月15日");
  CHECK(fifteenth.kind == Rhythm::Kind::day_of_month);
  CHECK(fifteenth.day == 15);
  CHECK(rhythm("每月1号").day == 1);
  auto once = rhythm("2026年12月24日");
  CHECK(once.kind == Rhythm::Kind::one_date);
  CHECK(once.anchor == ymd(2026, 12, 24));
  CHECK(rhythm("２０２６-１２-２４").anchor == ymd(2026, 12, 24));  // full-width digits
}

TEST_CASE("parse_rhythm, every other week (隔周) from a start date", "[forms]") {
  for (auto text : {"隔周四 从2026-12-03", "隔周周四，从2026-12-03起", "隔周 从2026-12-03", "隔周四 自2026年12月3日起",
                    "每2周周四 从2026-12-03", "每两周周四 从 2026-12-03 开始", "隔周四从２０２６-１２-０３"}) {
    INFO(text);
    auto fortnightly = rhythm(text);
    CHECK(fortnightly.kind == Rhythm::Kind::every_n_weeks);
    CHECK(fortnightly.interval_weeks == 2);
    CHECK(fortnightly.anchor == ymd(2026, 12, 3));
    CHECK(on(fortnightly, ymd(2026, 12, 17)));
    CHECK_FALSE(on(fortnightly, ymd(2026, 12, 10)));
  }
  CHECK(rhythm("每3周周四 从2026-12-03").interval_weeks == 3);
}

TEST_CASE("parse_rhythm, every other week without its start says what to add", "[forms]") {
  for (auto text : {"隔周四", "隔周周四", "每两周周四", "every 2 weeks"}) {
    INFO(text);
    std::optional<kangle::Message> problem;
    CHECK_FALSE(parse_rhythm(text, &problem).has_value());
    REQUIRE(problem.has_value());
    CHECK(problem->in(Lang::zh_CN) == "“" + std::string(text) + "”：隔周需要写明从哪一天开始，如“隔周四 从2026-12-03”");
  }
  std::optional<kangle::Message> problem;
  CHECK_FALSE(parse_rhythm("隔周三 从2026-12-03", &problem).has_value());
  REQUIRE(problem.has_value());
  CHECK(problem->in(Lang::zh_CN) == "“隔周三 从2026-12-03”：起始日期 2026-12-03 是周四，不是周三");
  CHECK(problem->in(Lang::en) == "\"隔周三 从2026-12-03\": the start date 2026-12-03 is a Thu, not a Wed");
}

TEST_CASE("parse_rhythm, Chinese forms that are not rhythms are refused", "[forms]") {
  for (auto bad : {"周八", "每月第六个周六", "每月第二个", "每月32日", "隔周一三 从2026-12-03", "隔周四 从2026-02-30",
                   "周一至", "每月最后一个", "2026年2月30日",
                   // a date among other words is no single day: its rhythm was not read
                   "每周四（2026-12-03起）", "从2026年12月3日起每周四", "2026年12月起每月15日", "隔周四 从2026-12-03至2027-06-30"}) {
    INFO("rhythm \"" << bad << "\"");
    CHECK_FALSE(parse_rhythm(bad).has_value());
  }
}

TEST_CASE("parse_weekday_set, the [hours] keys people write", "[forms]") {
  using kangle::config::parse_weekday_set;
  for (auto text : {"周一至周五", "周一-周五", "周一到周五", "周一－周五", "mon-fri", "Mon - Fri", "工作日"}) {
    INFO(text);
    auto days = parse_weekday_set(text);
    REQUIRE(days.has_value());
    CHECK(days->to_string() == "0111110");
  }
  CHECK(parse_weekday_set("周六、周日")->to_string() == "1000001");
  CHECK_FALSE(parse_weekday_set("周一至").has_value());
  CHECK_FALSE(parse_weekday_set("").has_value());
  CHECK_FALSE(parse_weekday_set("mon fri").has_value());
  CHECK(parse_weekday_set("每天")->to_string() == "1111111");
  for (auto vague : {"随时", "都可以", "不限", "any"}) {  // a volunteer's availability, not a kiosk's days
    INFO(vague);
    CHECK_FALSE(parse_weekday_set(vague).has_value());
    CHECK_FALSE(kangle::config::parse_rhythm(vague).has_value());
  }
}

TEST_CASE("describe_rhythm, in Chinese") {
  CHECK(kangle::config::describe_rhythm(rhythm("last thu"), Lang::zh_CN) == "每月最后一个周四");
  CHECK(kangle::config::describe_rhythm(rhythm("2nd sat"), Lang::zh_CN) == "每月第2个周六");
  CHECK(kangle::config::describe_rhythm(rhythm("every 2 weeks from 2026-12-03"), Lang::zh_CN) == "自 2026-12-03 起每 2 周");
  CHECK(kangle::config::describe_rhythm(rhythm("day 15"), Lang::zh_CN) == "每月15日");
  CHECK(kangle::config::describe_rhythm(rhythm("sat-sun"), Lang::zh_CN) == "周六、周日");
  CHECK(kangle::config::describe_rhythm(rhythm("2026-12-24"), Lang::zh_CN) == "2026-12-24");
}

TEST_CASE("describe_rhythm, in English") {
  CHECK(kangle::config::describe_rhythm(rhythm("last thu"), Lang::en) == "last Thu of the month");
  CHECK(kangle::config::describe_rhythm(rhythm("2nd sat"), Lang::en) == "2nd Sat of the month");
  CHECK(kangle::config::describe_rhythm(rhythm("1st mon"), Lang::en) == "1st Mon of the month");
  CHECK(kangle::config::describe_rhythm(rhythm("3rd fri"), Lang::en) == "3rd Fri of the month");
  CHECK(kangle::config::describe_rhythm(rhythm("every 2 weeks from 2026-12-03"), Lang::en) == "every 2 weeks from 2026-12-03");
  CHECK(kangle::config::describe_rhythm(rhythm("day 15"), Lang::en) == "day 15 of the month");
  CHECK(kangle::config::describe_rhythm(rhythm("mon-fri"), Lang::en) == "Mon, Tue, Wed, Thu, Fri");
}

// ─── load_config ─────────────────────────────────────────────────────────────────

TEST_CASE("load_config, a clean minimal workspace") {
  TempDir dir;
  Workspace{}.write_to(dir);
  auto result = kangle::config::load_config(dir.path());
  CHECK(result.diagnostics.items().empty());
  const auto& config = result.config;

  CHECK(config.settings.name == "Test street");
  CHECK(config.settings.language == Lang::en);
  CHECK(config.settings.timezone == "Asia/Shanghai");
  CHECK(config.settings.monthly_limit == 4);

  const auto& catalogue = config.catalogue;
  REQUIRE(catalogue.categories.size() == 1);
  CHECK(catalogue.categories[0].id == "life");
  CHECK(catalogue.categories[0].name_en == "Everyday services");
  REQUIRE(catalogue.skills.size() == 2);
  CHECK(catalogue.skills[0].id == "general");
  CHECK(catalogue.skills[1].id == "barber");
  CHECK(catalogue.skills[1].aliases == std::vector<std::string>{"剪发"});
  REQUIRE(catalogue.services.size() == 1);
  const auto& haircut = catalogue.services[0];
  CHECK(haircut.id == "haircut");
  CHECK(haircut.name == "理发");
  CHECK(haircut.name_en == "Haircut");
  CHECK(haircut.category.value == "life");
  CHECK(haircut.skill.value == "barber");
  CHECK(haircut.seats == 2);
  CHECK(haircut.daily_cap == 20);
  CHECK(haircut.fee.kind == kangle::config::FeeKind::fixed);
  CHECK(haircut.fee.fixed_fen == 550);
  CHECK(haircut.minutes == 150);
  CHECK(haircut.at == kangle::config::Position{"services.toml", 9, 1});
  CHECK(catalogue.find_service("haircut") == &haircut);
  CHECK(catalogue.find_service("shave") == nullptr);

  REQUIRE(config.kiosks.size() == 1);
  const auto& kiosk = config.kiosks[0];
  CHECK(kiosk.id == "a");
  CHECK(kiosk.file == "kiosks/a.toml");
  CHECK(kiosk.name == "Kiosk A");
  using kangle::TimeRange;
  for (unsigned d = 1; d <= 5; ++d) {
    INFO("weekday " << d);
    CHECK(kiosk.hours[d] == std::vector<TimeRange>{{9 * 60, 11 * 60 + 30}, {13 * 60 + 30, 16 * 60}});
  }
  CHECK(kiosk.hours[6] == std::vector<TimeRange>{{9 * 60, 11 * 60}});
  CHECK(kiosk.hours[0].empty());
  REQUIRE(kiosk.menu.size() == 1);
  const auto& daily = kiosk.menu[0];
  CHECK(daily.cadence == kangle::config::Cadence::daily);
  CHECK(daily.on_text == "mon");
  CHECK(daily.on.kind == Rhythm::Kind::weekdays);
  CHECK(daily.on.weekdays.to_string() == "0000010");
  CHECK_FALSE(daily.time.has_value());
  REQUIRE(daily.services.size() == 1);
  CHECK(daily.services[0].value == "haircut");
  CHECK(daily.services[0].at == kangle::config::Position{"kiosks/a.toml", 9, 13});

  CHECK(config.holidays.years == std::vector<int>{2026});
  REQUIRE(config.holidays.holidays.size() == 1);
  CHECK(config.holidays.holiday_on(ymd(2026, 10, 7)) == &config.holidays.holidays[0]);
  CHECK(config.holidays.holiday_on(ymd(2026, 10, 8)) == nullptr);
  const auto* workday = config.holidays.workday_on(ymd(2026, 10, 10));
  REQUIRE(workday != nullptr);
  CHECK(workday->as == Friday);
  CHECK(workday->name == "国庆调休");
}

TEST_CASE("load_config, a TOML syntax error") {
  Workspace w;
  w.settings = std::string(settings_toml) +
               "[defaults\n"           // 3
               "monthly_limit = 4\n";  // 4
  CHECK(diagnostics_of(w) ==
        Lines{"kangle.toml:3:10: this is not TOML as kangle reads it: check the quotes, brackets and = of the line "
              "(the parser says: Error while parsing table header: expected ']', saw '\\n')"});
}

TEST_CASE("load_config, an unquoted date that does not exist is a syntax error") {
  Workspace w;
  w.kiosk = std::string(kiosk_toml) + "\n[[closure]]\nfrom = 2026-02-30\nto = 2026-03-02\n";
  auto lines = diagnostics_of(w);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back() == "kiosks/a.toml:12:18: this is not TOML as kangle reads it: check the quotes, brackets and = "
                        "of the line (the parser says: Error while parsing date: expected day between 1 and 28 "
                        "(inclusive), saw 30)");
}

TEST_CASE("load_config, a kiosk file with a syntax error does not also warn of no kiosks") {
  Workspace w;
  w.kiosk = std::string(kiosk_toml) + "\n[[closure]]\nfrom = 2026-02-30\nto = 2026-03-02\n";
  CHECK(diagnostics_of(w) == Lines{"kiosks/a.toml:12:18: this is not TOML as kangle reads it: check the quotes, "
                                   "brackets and = of the line (the parser says: Error while parsing date: expected "
                                   "day between 1 and 28 (inclusive), saw 30)"});
}

TEST_CASE("load_config, an unknown key suggests the nearest known one") {
  Workspace w;
  w.services = replaced(services_toml, "daily_cap = 20", "daily_cpa = 3");
  CHECK(diagnostics_of(w) == Lines{"services.toml:15:1: unknown key \"daily_cpa\" (did you mean \"daily_cap\"?)"});
}

TEST_CASE("load_config, an unknown key far from every known one") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "name = \"Kiosk A\"\n", "name = \"Kiosk A\"\ncolour = \"red\"\n");
  CHECK(diagnostics_of(w) == Lines{"kiosks/a.toml:2:1: unknown key \"colour\""});
}

TEST_CASE("load_config, [review]'s unknown_share is a share, from 0 to 1") {
  Workspace w;
  w.settings = std::string(settings_toml) + "\n[review]\nunknown_share = 0.25\n";
  CHECK(diagnostics_of(w).empty());
  TempDir dir;
  w.write_to(dir);
  CHECK(kangle::config::load_config(dir.path()).config.settings.review.unknown_share == 0.25);
  w.settings = std::string(settings_toml) + "\n[review]\nunknown_share = 50\n";
  CHECK(diagnostics_of(w) == Lines{"kangle.toml:5:17: unknown_share must be between 0 and 1"});
}

TEST_CASE("load_config, a value of the wrong type") {
  Workspace w;
  w.services = replaced(services_toml, "seats = 2", "seats = \"two\"");
  CHECK(diagnostics_of(w) == Lines{"services.toml:14:9: \"seats\" must be a whole number"});
}

TEST_CASE("load_config, a kiosk menu names an unknown service") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "[\"haircut\"]", "[\"hiarcut\"]");
  CHECK(diagnostics_of(w) == Lines{"kiosks/a.toml:9:13: unknown service \"hiarcut\" (did you mean \"haircut\"?)"});
}

TEST_CASE("load_config, a service names an unknown category") {
  Workspace w;
  w.services = replaced(services_toml, "category = \"life\"", "category = \"lfe\"");
  CHECK(diagnostics_of(w) == Lines{"services.toml:12:12: unknown category \"lfe\" (did you mean \"life\"?)"});
}

TEST_CASE("load_config, a reversed time range") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "sat = \"09:00-11:00\"", "sat = \"11:00-09:00\"");
  CHECK(diagnostics_of(w) == Lines{"kiosks/a.toml:5:7: \"11:00-09:00\" ends before it starts"});
}

TEST_CASE("load_config, a malformed time range") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "sat = \"09:00-11:00\"", "sat = \"09:00-25:00\"");
  CHECK(diagnostics_of(w) == Lines{"kiosks/a.toml:5:7: \"09:00-25:00\" is not a time range (write 9:00-11:30)"});
}

TEST_CASE("load_config, overlapping opening hours") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "sat = \"09:00-11:00\"\n", "sat = \"09:00-11:00\"\nmon = \"11:00-12:00\"\n");
  // Reported at the later line, in the order of the file.
  CHECK(diagnostics_of(w) ==
        Lines{"kiosks/a.toml:6:7: opening hours 11:00-12:00 overlap 09:00-11:30 (line 4) on Mon"});
}

TEST_CASE("load_config, a closure date that does not exist is found at its position") {
  Workspace w;
  w.kiosk = std::string(kiosk_toml) +
            "\n"                        // 10
            "[[closure]]\n"             // 11
            "from = \"2026-02-30\"\n"   // 12
            "to = \"2026-03-02\"\n"     // 13
            "reason = \"repairs\"\n";   // 14
  auto lines = diagnostics_of(w);
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::StartsWith("kiosks/a.toml:12:8: \"") &&
                           Catch::EndsWith("\" is not a date that exists (write YYYY-MM-DD)"));
}

TEST_CASE("load_config, a closure date that does not exist is quoted in the message") {
  Workspace w;
  w.kiosk = std::string(kiosk_toml) + "\n[[closure]]\nfrom = \"2026-02-30\"\nto = \"2026-03-02\"\n";
  CHECK(diagnostics_of(w) ==
        Lines{"kiosks/a.toml:12:8: \"2026-02-30\" is not a date that exists (write YYYY-MM-DD)"});
}

TEST_CASE("load_config, a daily_cap that is not positive") {
  Workspace w;
  w.services = replaced(services_toml, "daily_cap = 20", "daily_cap = 0");
  CHECK(diagnostics_of(w) == Lines{"services.toml:15:13: \"daily_cap\" must be a whole number of at least 1"});
}

TEST_CASE("load_config, a daily entry needs weekdays, not a monthly rhythm") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "on = \"mon\"", "on = \"last thu\"");
  CHECK(diagnostics_of(w) == Lines{"kiosks/a.toml:8:6: a daily entry happens on weekdays, not \"last thu\""});
}

TEST_CASE("load_config, a rhythm that cannot be read") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "on = \"mon\"", "on = \"3th fri\"");
  CHECK(diagnostics_of(w) ==
        Lines{"kiosks/a.toml:8:6: cannot read the rhythm \"3th fri\" (e.g. \"thu\", \"mon-fri\", \"2nd sat\", "
              "\"last fri\", \"every 2 weeks from 2026-12-03\", \"day 15\", \"2026-12-24\")"});
}

TEST_CASE("load_config, a make-up workday inside a holiday") {
  Workspace w;
  w.holidays = replaced(holidays_toml, "date = 2026-10-10", "date = 2026-10-03");
  CHECK(diagnostics_of(w, Lang::zh_CN) == Lines{"holidays/2026.toml:7:1: 调休上班日 2026-10-03 落在假期“国庆节”之内"});
  auto english = diagnostics_of(w, Lang::en);
  REQUIRE(english.size() == 1);
  CHECK_THAT(english[0], Catch::StartsWith("holidays/2026.toml:7:1: make-up workday 2026-10-03 falls inside the holiday "));
}

TEST_CASE("load_config, a make-up workday inside a holiday names the holiday in English") {
  Workspace w;
  w.holidays = replaced(holidays_toml, "date = 2026-10-10", "date = 2026-10-03");
  CHECK(diagnostics_of(w, Lang::en) ==
        Lines{"holidays/2026.toml:7:1: make-up workday 2026-10-03 falls inside the holiday National Day"});
}

TEST_CASE("load_config, a make-up workday on a weekday is only a warning") {
  Workspace w;
  w.holidays = replaced(holidays_toml, "date = 2026-10-10", "date = 2026-10-09");
  CHECK(diagnostics_of(w) ==
        Lines{"holidays/2026.toml:7:1: warning: make-up workday 2026-10-09 is not a Saturday or Sunday"});
}

TEST_CASE("load_config, several problems are all reported, sorted by file and position") {
  Workspace w;
  w.services = replaced(services_toml, "daily_cap = 20", "daily_cap = 0");
  w.services = replaced(w.services, "seats = 2", "seats = \"two\"");
  w.kiosk = replaced(kiosk_toml, "[\"haircut\"]", "[\"hiarcut\"]");
  CHECK(diagnostics_of(w) == Lines{
                                 "kiosks/a.toml:9:13: unknown service \"hiarcut\" (did you mean \"haircut\"?)",
                                 "services.toml:14:9: \"seats\" must be a whole number",
                                 "services.toml:15:13: \"daily_cap\" must be a whole number of at least 1",
                             });
}

TEST_CASE("load_config, no kiosks is a warning") {
  TempDir dir;
  dir.write("kangle.toml", settings_toml);
  dir.write("services.toml", services_toml);
  auto result = kangle::config::load_config(dir.path());
  REQUIRE(result.diagnostics.items().size() == 1);
  CHECK_FALSE(result.diagnostics.has_errors());
  CHECK(kangle::config::format_diagnostic(result.diagnostics.items()[0], Lang::en) ==
        "kiosks/: warning: no kiosks: import the stations table (kangle import kiosks FILE), or add one (kangle kiosk add NAME --hours ...)");
}

TEST_CASE("format_diagnostic, in Chinese") {
  kangle::config::Diagnostic warning{{"kiosks/a.toml", 3, 7}, kangle::config::Severity::warning, kangle::Message::verbatim("注意")};
  CHECK(kangle::config::format_diagnostic(warning, Lang::zh_CN) == "kiosks/a.toml:3:7: 警告：注意");
  kangle::config::Diagnostic no_line{{"kangle.toml", 0, 0}, kangle::config::Severity::error, kangle::Message::verbatim("x")};
  CHECK(kangle::config::format_diagnostic(no_line, Lang::zh_CN) == "kangle.toml: x");
}

TEST_CASE("load_valid_config, throws InputError naming the first problem") {
  TempDir dir;
  Workspace w;
  w.services = replaced(services_toml, "daily_cap = 20", "daily_cpa = 3");
  w.write_to(dir);
  try {
    kangle::config::load_valid_config(dir.path());
    FAIL("load_valid_config accepted a broken workspace");
  } catch (const kangle::InputError& e) {
    CHECK(std::string(e.what()) ==
          "services.toml:15:1: unknown key \"daily_cpa\" (did you mean \"daily_cap\"?) "
          "(run `kangle check` to see every problem)");
    CHECK(e.exit_code() == kangle::ExitCode::bad_input);
  }
}

TEST_CASE("load_valid_config, a clean workspace loads") {
  TempDir dir;
  Workspace{}.write_to(dir);
  auto config = kangle::config::load_valid_config(dir.path());
  CHECK(config.kiosks.size() == 1);
  CHECK(config.catalogue.services.size() == 1);
}

TEST_CASE("peek_language, read before the rest") {
  TempDir dir;
  CHECK_FALSE(kangle::config::peek_language(dir.path()).has_value());
  dir.write("kangle.toml", settings_toml);
  CHECK(kangle::config::peek_language(dir.path()) == Lang::en);
  dir.write("kangle.toml", "language = \"zh-CN\"\n");
  CHECK(kangle::config::peek_language(dir.path()) == Lang::zh_CN);
  dir.write("kangle.toml", "language = \n");
  CHECK_FALSE(kangle::config::peek_language(dir.path()).has_value());
}

TEST_CASE("load_config, the embedded kangjian example is clean") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "kangjian";
  options.example = "kangjian";
  kangle::workspace::init_workspace(options);
  auto result = kangle::config::load_config(options.dir);
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.sorted()) lines.push_back(kangle::config::format_diagnostic(d, Lang::en));
  CHECK(lines.empty());
  CHECK(result.config.kiosks.size() == 3);
  CHECK(result.config.catalogue.services.size() == 36);
  CHECK(result.config.catalogue.categories.size() == 9);
  CHECK(result.config.settings.language == Lang::zh_CN);
}

TEST_CASE("load_config, an unknown time zone is a warning: today would be UTC's") {
  Workspace w;
  w.settings = std::string(settings_toml) + "timezone = \"Asia/Shangai\"\n";
  CHECK(diagnostics_of(w) == Lines{"kangle.toml:3:12: warning: unknown time zone \"Asia/Shangai\": \"today\" will be "
                                   "UTC's day; write an IANA name such as Asia/Shanghai"});
  w.settings = std::string(settings_toml) + "timezone = \"Asia/Shanghai\"\n";
  CHECK(diagnostics_of(w).empty());
}

TEST_CASE("load_config, the reports' issuer (落款): empty unless kangle.toml names one") {
  Workspace w;
  TempDir plain;
  w.write_to(plain);
  CHECK(kangle::config::load_config(plain.path()).config.settings.issuer.empty());
  w.settings = std::string(settings_toml) + "issuer = \"康健街道党工委\"\n";
  TempDir named;
  w.write_to(named);
  auto result = kangle::config::load_config(named.path());
  CHECK(result.diagnostics.items().empty());
  CHECK(result.config.settings.issuer == "康健街道党工委");
}

TEST_CASE("load_config_texts, the files in memory read as load_config reads them on disk") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "[\"haircut\"]", "[\"hiarcut\"]");
  w.holidays = replaced(holidays_toml, "date = 2026-10-10", "date = 2026-10-09");
  auto on_disk = diagnostics_of(w);
  REQUIRE(on_disk.size() == 2);
  kangle::config::ConfigTexts files{{"kangle.toml", w.settings},
                                    {"services.toml", w.services},
                                    {"kiosks/a.toml", w.kiosk},
                                    {"kiosks/notes/b.toml", "not a kiosk: in a folder below kiosks/"},
                                    {"holidays/2026.toml", w.holidays}};
  auto result = kangle::config::load_config_texts(files);
  Lines in_memory;
  for (const auto& d : result.diagnostics.sorted()) in_memory.push_back(kangle::config::format_diagnostic(d, Lang::en));
  CHECK(in_memory == on_disk);
  CHECK(result.config.kiosks.size() == 1);
  CHECK(result.config.holidays.years == std::vector<int>{2026});

  files.erase("services.toml");
  result = kangle::config::load_config_texts(files);
  REQUIRE_FALSE(result.diagnostics.sorted().empty());
  CHECK(kangle::config::format_diagnostic(result.diagnostics.sorted().back(), Lang::en) ==
        "services.toml: cannot read services.toml: No such file or directory");
}

TEST_CASE("load_config with files replaced: the disk's files, the new ones beside them, a replaced one read from memory") {
  Workspace w;
  TempDir dir;
  w.write_to(dir);
  kangle::config::ConfigTexts replacing{{"kiosks/b.toml", replaced(kiosk_toml, "Kiosk A", "Kiosk B")}};
  auto result = kangle::config::load_config(dir.path(), replacing);
  REQUIRE(result.config.kiosks.size() == 2);
  CHECK(result.config.kiosks.at(0).id == "a");
  CHECK(result.config.kiosks.at(1).id == "b");

  replacing = {{"kiosks/a.toml", replaced(kiosk_toml, "[\"haircut\"]", "[\"hiarcut\"]")}};
  result = kangle::config::load_config(dir.path(), replacing);
  CHECK(result.config.kiosks.size() == 1);
  REQUIRE(result.diagnostics.sorted().size() == 1);
  CHECK(kangle::config::format_diagnostic(result.diagnostics.sorted().front(), Lang::en).find("hiarcut") != std::string::npos);
  CHECK(kangle::config::load_config(dir.path()).diagnostics.items().empty());  // the disk untouched
}

TEST_CASE("load_config, a service's keywords: read trimmed, and bad ones found at their line") {
  Workspace w;
  w.services = replaced(services_toml, "minutes = 150\n", "minutes = 150\nkeywords = [\" 剪头 \", \"hair cut\"]\n");
  TempDir dir;
  w.write_to(dir);
  auto result = kangle::config::load_config(dir.path());
  CHECK(result.diagnostics.items().empty());
  CHECK(result.config.catalogue.services.at(0).keywords == std::vector<std::string>{"剪头", "hair cut"});

  w.services = replaced(services_toml, "minutes = 150\n", "minutes = 150\nkeywords = [\"剪头\", \" \"]\n");
  CHECK(diagnostics_of(w) == Lines{"services.toml:18:19: service \"haircut\": a keyword is empty"});
  w.services = replaced(services_toml, "minutes = 150\n", "minutes = 150\nkeywords = 3\n");
  CHECK(diagnostics_of(w) == Lines{"services.toml:18:12: \"keywords\" must be text or a list of texts"});
  // A keyword names one service: not two, and not another's name.
  w.services = replaced(services_toml, "minutes = 150\n",
                        "minutes = 150\nkeywords = [\"剪头\"]\n\n[services.shave]\nname = \"修面\"\ncategory = \"life\"\n"
                        "keywords = [\"剪头\", \"理发\"]\n");
  CHECK(diagnostics_of(w) == Lines{"services.toml:20:1: keyword \"剪头\" belongs to both service \"haircut\" and service \"shave\"",
                                   "services.toml:20:1: keyword \"理发\" belongs to both service \"haircut\" and service \"shave\""});
}

TEST_CASE("load_config, [assessment] prior_ratings: 10 unless set, a whole number, no other key") {
  Workspace w;
  auto load = [](const Workspace& workspace) {
    TempDir dir;
    workspace.write_to(dir);
    return kangle::config::load_config(dir.path()).config;
  };
  CHECK(load(w).settings.assessment.prior_ratings == 10);
  w.settings = std::string(settings_toml) + "[assessment]\nprior_ratings = 3\n";
  CHECK(diagnostics_of(w).empty());
  CHECK(load(w).settings.assessment.prior_ratings == 3);
  w.settings = std::string(settings_toml) + "[assessment]\nprior_ratngs = 3\n";
  CHECK(diagnostics_of(w) == Lines{"kangle.toml:4:1: unknown key \"prior_ratngs\" (did you mean \"prior_ratings\"?)"});
  w.settings = std::string(settings_toml) + "[assessment]\nprior_ratings = -1\n";
  REQUIRE(diagnostics_of(w).size() == 1);
  CHECK(diagnostics_of(w)[0].starts_with("kangle.toml:4:17: "));
}

// ─── The forms people write, in a whole workspace ───────────────────────────────

TEST_CASE("load_config, a kiosk written in Chinese forms with a Chinese id", "[forms]") {
  TempDir dir;
  Workspace w;
  dir.write("kangle.toml", w.settings);
  dir.write("services.toml", w.services);
  dir.write("holidays/2026.toml", w.holidays);
  dir.write("kiosks/梧桐SPACE.toml",
            "name = \"梧桐SPACE\"\n"
            "[hours]\n"
            "\"周一至周五\" = [\"9：00—11：30\", \"13:30至16:00\"]\n"
            "\"周六\" = \"９:００～１１:００\"\n"
            "[[daily]]\n"
            "on = \"每周三\"\n"
            "services = [\"haircut\"]\n"
            "[[weekly]]\n"
            "on = \"隔周四 从2026-12-03\"\n"
            "time = \"8:30~11:30\"\n"
            "services = [\"haircut\"]\n"
            "[[monthly]]\n"
            "on = \"每月最后一个周四\"\n"
            "time = \"14:00－16:00\"\n"
            "services = [\"haircut\"]\n"
            "[[outreach]]\n"
            "on = \"每月第二个周六\"\n"
            "services = [\"haircut\"]\n"
            "[[closure]]\n"
            "from = \"2027年1月10日\"\n"
            "to = \"2027/1/20\"\n");
  auto result = kangle::config::load_config(dir.path());
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.sorted()) lines.push_back(kangle::config::format_diagnostic(d, Lang::en));
  CHECK(lines.empty());
  REQUIRE(result.config.kiosks.size() == 1);
  const auto& kiosk = result.config.kiosks[0];
  CHECK(kiosk.id == "梧桐SPACE");
  using kangle::TimeRange;
  CHECK(kiosk.hours[1] == std::vector<TimeRange>{{9 * 60, 11 * 60 + 30}, {13 * 60 + 30, 16 * 60}});
  CHECK(kiosk.hours[6] == std::vector<TimeRange>{{9 * 60, 11 * 60}});
  REQUIRE(kiosk.menu.size() == 4);
  CHECK(kiosk.menu[1].on.kind == Rhythm::Kind::every_n_weeks);
  CHECK(kiosk.menu[1].time == TimeRange{8 * 60 + 30, 11 * 60 + 30});
  CHECK(kiosk.menu[2].time == TimeRange{14 * 60, 16 * 60});
  REQUIRE(kiosk.closures.size() == 1);
  CHECK(kiosk.closures[0].from == ymd(2027, 1, 10));
}

TEST_CASE("load_config, ids: Chinese or ASCII words, never spaces or dots", "[forms]") {
  TempDir dir;
  Workspace w;
  w.write_to(dir);
  dir.write("kiosks/名称.toml", w.kiosk);
  dir.write("kiosks/梧桐 SPACE.toml", w.kiosk);
  auto result = kangle::config::load_config(dir.path());
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.sorted()) lines.push_back(kangle::config::format_diagnostic(d, Lang::zh_CN));
  CHECK(lines == Lines{"kiosks/梧桐 SPACE.toml: “梧桐 SPACE”不是有效的标识（只能用汉字、字母、数字、- 和 _，不能有空格）"});
}

TEST_CASE("load_config, ids only case or width tells apart are refused, not taken one for the other", "[forms]") {
  TempDir dir;
  Workspace w;
  w.write_to(dir);
  dir.write("kiosks/梧桐SPACE.toml", w.kiosk);
  dir.write("kiosks/梧桐space.toml", w.kiosk);
  dir.write("kiosks/梧桐ＳＰＡＣＥ２.toml", w.kiosk);
  auto result = kangle::config::load_config(dir.path());
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.sorted()) lines.push_back(kangle::config::format_diagnostic(d, Lang::zh_CN));
  CHECK(lines == Lines{"kiosks/梧桐space.toml: “梧桐space”与“梧桐SPACE”（kiosks/梧桐SPACE.toml）只差大小写：kangle 会把二者当成同一个，请改用不同的名称",
                       "kiosks/梧桐ＳＰＡＣＥ２.toml: “梧桐ＳＰＡＣＥ２”不是有效的标识（只能用汉字、字母、数字、- 和 _，不能有空格）"});
}

TEST_CASE("load_config, an unquoted Chinese key says to quote it, in Chinese", "[forms]") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "mon-fri = ", "周一至周五 = ");
  CHECK(diagnostics_of(w, Lang::zh_CN) ==
        Lines{"kiosks/a.toml:4:1: 键“周一至周五”须加英文双引号（不加引号的键只能用 A-Z、a-z、0-9、- 和 _）：写成 "
              "\"周一至周五\" = [\"09:00-11:30\", \"13:30-16:00\"]"});
  CHECK(diagnostics_of(w, Lang::en) ==
        Lines{"kiosks/a.toml:4:1: the key \"周一至周五\" must be in double quotes (a key without quotes may hold only "
              "A-Z, a-z, 0-9, - and _): write \"周一至周五\" = [\"09:00-11:30\", \"13:30-16:00\"]"});
  // The line as written in the issue: the value unquoted too, and the fix-it quotes both.
  w.kiosk = replaced(kiosk_toml, "mon-fri = [\"09:00-11:30\", \"13:30-16:00\"]", "周一至周五 = 9:00-11:30");
  CHECK(diagnostics_of(w, Lang::zh_CN) ==
        Lines{"kiosks/a.toml:4:1: 键“周一至周五”须加英文双引号（不加引号的键只能用 A-Z、a-z、0-9、- 和 _）：写成 "
              "\"周一至周五\" = \"9:00-11:30\""});
}

TEST_CASE("load_config, TOML syntax errors said for people, the parser's words as a detail", "[forms]") {
  Workspace w;
  w.kiosk = replaced(kiosk_toml, "name = \"Kiosk A\"", "name = 丁香园");
  CHECK(diagnostics_of(w, Lang::zh_CN) == Lines{"kiosks/a.toml:1:8: 文字“丁香园”须加英文双引号：写成 name = \"丁香园\""});
  w.kiosk = replaced(kiosk_toml, "sat = \"09:00-11:00\"", "sat = 9:00-11:00");
  CHECK(diagnostics_of(w, Lang::zh_CN) == Lines{"kiosks/a.toml:5:7: 文字“9:00-11:00”须加英文双引号：写成 sat = \"9:00-11:00\""});
  w.kiosk = replaced(kiosk_toml, "name = \"Kiosk A\"", "name = “丁香园”");
  CHECK(diagnostics_of(w, Lang::zh_CN) ==
        Lines{"kiosks/a.toml:1:8: TOML 的引号须用英文双引号 \"…\"，不能用中文引号“…”：写成 name = \"丁香园\""});
  w.kiosk = replaced(kiosk_toml, "name = \"Kiosk A\"", "name = \"Kiosk A");
  CHECK(diagnostics_of(w, Lang::zh_CN) == Lines{"kiosks/a.toml:1:16: 文字缺少结尾的英文双引号 \"（须在同一行内）"});
  w.kiosk = replaced(kiosk_toml, "[hours]", "[营业时间]");
  CHECK(diagnostics_of(w, Lang::zh_CN) ==
        Lines{"kiosks/a.toml:3:2: 键“营业时间”须加英文双引号（不加引号的键只能用 A-Z、a-z、0-9、- 和 _）：写成 [\"营业时间\"]"});
  w.kiosk = replaced(kiosk_toml, "[hours]", "[hours");
  CHECK(diagnostics_of(w, Lang::zh_CN) ==
        Lines{"kiosks/a.toml:3:7: 此处不符合 TOML 格式：请检查这一行的引号、方括号和等号（解析器原文：Error while parsing "
              "table header: expected ']', saw '\\n'）"});
}

}  // namespace config_test
