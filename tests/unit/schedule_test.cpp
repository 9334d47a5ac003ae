// SPDX-License-Identifier: Apache-2.0
// The rota engine: the month's sessions from the Kangjian example's menus and the 2026
// calendar, the exact assignment on hand-made inputs, properties on generated instances
// (checked against a maximum flow computed independently with LEMON's Preflow), and
// build_rota with its store on a workspace database.
#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>
#include <lemon/preflow.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/loader.hpp"
#include "config/model.hpp"
#include "core/dates.hpp"
#include "people/store.hpp"
#include "people/volunteer.hpp"
#include "schedule/assign.hpp"
#include "schedule/build.hpp"
#include "schedule/sessions.hpp"
#include "schedule/store.hpp"
#include "schedule_fixtures.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace schedule_test {

using namespace schedule_fixtures;  // std::chrono, Date, Config, Volunteer, Session, Unfilled, fs, ...
using kangle::schedule::AssignOptions;
using kangle::schedule::Month;
using kangle::schedule::RotaPlan;
using kangle::schedule::Seat;
namespace schedule = kangle::schedule;

namespace {

constexpr const char* first_run = "2026-11-25T02:00:00Z";
constexpr const char* later_run = "2026-11-26T02:00:00Z";

// ─── reading sessions ────────────────────────────────────────────────────────────

constexpr std::array<const char*, 7> weekday_names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 4> cadence_names = {"daily", "weekly", "monthly", "outreach"};

/// A session on one line: "dingxiang 2026-12-08 as Tue 09:00-11:00 outreach @樱花园小区:
/// blood-pressure/1=nurse" — each seat as its key after the session's prefix, = its skill.
std::string describe(const Session& s) {
  std::string out = s.kiosk + " " + kangle::format_date(s.date) + " as " + weekday_names[s.acts_as.c_encoding()] + " " +
                    kangle::format_time_range(s.time) + " " + cadence_names[static_cast<std::size_t>(s.cadence)];
  if (!s.title.empty()) out += " «" + s.title + "»";
  if (!s.place.empty()) out += " @" + s.place;
  out += ":";
  auto prefix = key_prefix(s);
  for (const auto& seat : s.seats) {
    out += " " + (seat.key.starts_with(prefix) ? seat.key.substr(prefix.size()) : "!" + seat.key) + "=" + seat.skill;
  }
  return out;
}

std::vector<std::string> describe_day(const std::vector<Session>& sessions, const Date& date) {
  std::vector<std::string> out;
  for (const auto& s : sessions) {
    if (s.date == date) out.push_back(describe(s));
  }
  return out;
}

std::vector<std::string> seat_keys(const std::vector<Session>& sessions) {
  std::vector<std::string> keys;
  for (const auto& s : sessions) {
    for (const auto& seat : s.seats) keys.push_back(seat.key);
  }
  return keys;
}

std::size_t seat_count(const std::vector<Session>& sessions) { return seat_keys(sessions).size(); }

/// Sessions and seats per kiosk: "dingxiang 47/77".
std::vector<std::string> per_kiosk(const std::vector<Session>& sessions) {
  std::map<std::string, std::pair<int, int>> counts;
  for (const auto& s : sessions) {
    ++counts[s.kiosk].first;
    counts[s.kiosk].second += static_cast<int>(s.seats.size());
  }
  std::vector<std::string> out;
  for (const auto& [kiosk, c] : counts) out.push_back(kiosk + " " + std::to_string(c.first) + "/" + std::to_string(c.second));
  return out;
}

/// Seats per volunteer id.
std::map<std::int64_t, int> loads(const RotaPlan& plan) {
  std::map<std::int64_t, int> out;
  for (const auto& [seat, volunteer] : plan.assigned) ++out[volunteer];
  return out;
}

void check_identical(const RotaPlan& a, const RotaPlan& b) {
  CHECK(lines(a.assigned) == lines(b.assigned));
  CHECK(lines(a.unfilled) == lines(b.unfilled));
  CHECK(a.seats == b.seats);
  CHECK(a.moved == b.moved);
}

/// On a district's network at any size (AssignOptions::district_from): the golden tests
/// of the CLI see the rotas of a street.
RotaPlan assign(const std::vector<Session>& sessions, const std::vector<Volunteer>& volunteers,
                AssignOptions options = {}) {
  options.district_from = 0;
  return schedule::assign(example(), sessions, volunteers, options);
}

}  // namespace

// ═══ 1. the month's sessions ══════════════════════════════════════════════════════

TEST_CASE("parse_month reads YYYY-MM and nothing else", "[schedule]") {
  auto december = schedule::parse_month("2026-12");
  REQUIRE(december);
  CHECK(december->year == 2026);
  CHECK(december->month == 12u);
  CHECK(december->text() == "2026-12");
  CHECK(december->first() == ymd(2026, 12, 1));
  CHECK(december->last() == ymd(2026, 12, 31));
  auto february = schedule::parse_month("2026-02");
  REQUIRE(february);
  CHECK(february->month == 2u);
  CHECK(february->last() == ymd(2026, 2, 28));
  CHECK(schedule::parse_month("2028-02")->last() == ymd(2028, 2, 29));

  for (std::string_view bad : {"2026-13", "26-12", "2026/12", "2026-00", "2026-1", "2026-123", "", "2026-1a",
                               "２０２６-12", " 2026-12", "2026-12 "}) {
    INFO("\"" << bad << "\"");
    CHECK_FALSE(schedule::parse_month(bad));
  }
}

TEST_CASE("parse_month rejects a one-digit month followed by a dash", "[schedule]") {
  CHECK_FALSE(schedule::parse_month("2026-1-"));
  CHECK_FALSE(schedule::parse_month("2026-9-"));
}

TEST_CASE("December 2026 of the Kangjian example: the count of sessions and seats per kiosk", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 12});
  // dingxiang: 23 weekdays × 2 opening ranges + the outreach visit; seats Mon 4×2×1,
  // Tue 5×2×2 (haircut: two barbers), Wed 5×2×2, Thu 5×2×2, Fri 4×2×1, outreach 1.
  // kangle-hall: Tue 5 + Fri 4 + the themed event (heritage-crafts + 4 general).
  // pubei: 5 Thursday markets of 8 seats.
  CHECK(per_kiosk(sessions) == std::vector<std::string>{"dingxiang 47/77", "kangle-hall 10/14", "pubei 5/40"});
  CHECK(sessions.size() == 62);
  CHECK(seat_count(sessions) == 131);
  CHECK(std::is_sorted(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.time.start != b.time.start) return a.time.start < b.time.start;
    return a.kiosk < b.kiosk;
  }));
  // No holiday and no make-up workday in December: every day follows its own menu.
  for (const auto& s : sessions) CHECK(s.acts_as == weekday{sys_days{s.date}});
}

TEST_CASE("December 2026: the Thursday markets at pubei", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 12});
  std::vector<std::string> markets;
  for (const auto& s : sessions) {
    if (s.kiosk == "pubei") markets.push_back(describe(s));
  }
  std::vector<std::string> expected;
  for (unsigned d : {3u, 10u, 17u, 24u, 31u}) {
    expected.push_back("pubei " + kangle::format_date(ymd(2026, 12, d)) +
                       " as Thu 08:30-11:30 weekly «便民服务小集市»: haircut/1=barber haircut/2=barber "
                       "knife-sharpening/1=knife-grinder umbrella-repair/1=handyman blood-pressure/1=nurse "
                       "sphygmomanometer-check/1=calibration legal-advice/1=lawyer legal-advice/2=lawyer");
  }
  CHECK(markets == expected);
  // Full keys, as the rota stores them.
  const auto& market = *std::find_if(sessions.begin(), sessions.end(), [](const Session& s) { return s.kiosk == "pubei"; });
  CHECK(seat_keys({market}) == std::vector<std::string>{
                                   "pubei/2026-12-03/0830/haircut/1", "pubei/2026-12-03/0830/haircut/2",
                                   "pubei/2026-12-03/0830/knife-sharpening/1", "pubei/2026-12-03/0830/umbrella-repair/1",
                                   "pubei/2026-12-03/0830/blood-pressure/1",
                                   "pubei/2026-12-03/0830/sphygmomanometer-check/1",
                                   "pubei/2026-12-03/0830/legal-advice/1", "pubei/2026-12-03/0830/legal-advice/2"});
  CHECK(market.seats[1].service == "haircut");
  CHECK(market.seats[1].number == 2);
}

TEST_CASE("December 2026: the last-Thursday themed event at kangle-hall, and only then", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 12});
  CHECK(describe_day(sessions, ymd(2026, 12, 31)) ==
        std::vector<std::string>{
            "pubei 2026-12-31 as Thu 08:30-11:30 weekly «便民服务小集市»: haircut/1=barber haircut/2=barber "
            "knife-sharpening/1=knife-grinder umbrella-repair/1=handyman blood-pressure/1=nurse "
            "sphygmomanometer-check/1=calibration legal-advice/1=lawyer legal-advice/2=lawyer",
            "dingxiang 2026-12-31 as Thu 09:00-11:30 daily: knife-sharpening/1=knife-grinder watch-repair/1=watchmaker",
            "dingxiang 2026-12-31 as Thu 13:30-16:00 daily: knife-sharpening/1=knife-grinder watch-repair/1=watchmaker",
            "kangle-hall 2026-12-31 as Thu 14:00-16:00 monthly «非遗+党建» @康乐汇二楼: "
            "heritage-crafts/1=craftsperson +general/1=general +general/2=general +general/3=general "
            "+general/4=general",
        });
  std::vector<std::string> themed;
  for (const auto& s : sessions) {
    if (s.cadence == kangle::config::Cadence::monthly) themed.push_back(describe(s));
    // kangle-hall opens Tuesdays and Fridays; on Thursdays only for the themed event.
    if (s.kiosk == "kangle-hall" && weekday_of(s.date) == 4) CHECK(s.date == ymd(2026, 12, 31));
  }
  CHECK(themed.size() == 1);
  auto event = std::find_if(sessions.begin(), sessions.end(),
                            [](const Session& s) { return s.cadence == kangle::config::Cadence::monthly; });
  REQUIRE(event != sessions.end());
  CHECK(event->title == "非遗+党建");
  CHECK(seat_keys({*event}) == std::vector<std::string>{
                                   "kangle-hall/2026-12-31/1400/heritage-crafts/1", "kangle-hall/2026-12-31/1400/+general/1",
                                   "kangle-hall/2026-12-31/1400/+general/2", "kangle-hall/2026-12-31/1400/+general/3",
                                   "kangle-hall/2026-12-31/1400/+general/4"});
  CHECK(event->seats[0].service == "heritage-crafts");
  CHECK(event->seats[1].service.empty());
}

TEST_CASE("December 2026: dingxiang's two opening ranges give a morning and an afternoon session a day",
          "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 12});
  const std::map<unsigned, std::string> menu = {
      {1, "umbrella-repair/1=handyman"},
      {2, "haircut/1=barber haircut/2=barber"},
      {3, "blood-sugar/1=nurse darning/1=tailor"},
      {4, "knife-sharpening/1=knife-grinder watch-repair/1=watchmaker"},
      {5, "bicycle-repair/1=bicycle-mechanic"},
  };
  int weekdays = 0;
  for (unsigned d = 1; d <= 31; ++d) {
    auto date = ymd(2026, 12, d);
    auto wd = weekday_of(date);
    std::vector<std::string> daily, all;
    for (const auto& s : sessions) {
      if (s.date != date) continue;
      all.push_back(describe(s));
      if (s.kiosk == "dingxiang" && s.cadence == kangle::config::Cadence::daily) daily.push_back(describe(s));
    }
    INFO(kangle::format_date(date));
    if (wd == 0 || wd == 6) {
      CHECK(all.empty());
      continue;
    }
    ++weekdays;
    auto prefix = "dingxiang " + kangle::format_date(date) + " as " + weekday_names[wd];
    CHECK(daily == std::vector<std::string>{prefix + " 09:00-11:30 daily: " + menu.at(wd),
                                            prefix + " 13:30-16:00 daily: " + menu.at(wd)});
  }
  CHECK(weekdays == 23);
  std::vector<std::string> wednesday;
  for (const auto& s : sessions) {
    if (s.date == ymd(2026, 12, 9)) {
      for (const auto& k : seat_keys({s})) wednesday.push_back(k);
    }
  }
  CHECK(wednesday == std::vector<std::string>{"dingxiang/2026-12-09/0900/blood-sugar/1", "dingxiang/2026-12-09/0900/darning/1",
                                              "dingxiang/2026-12-09/1330/blood-sugar/1", "dingxiang/2026-12-09/1330/darning/1"});
}

TEST_CASE("December 2026: the outreach visit on the 2nd Tuesday", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 12});
  std::vector<std::string> outreach;
  for (const auto& s : sessions) {
    if (s.cadence == kangle::config::Cadence::outreach) outreach.push_back(describe(s));
  }
  CHECK(outreach == std::vector<std::string>{
                        "dingxiang 2026-12-08 as Tue 09:00-11:00 outreach @樱花园小区: blood-pressure/1=nurse"});
  // The whole day, in order: date, start, kiosk; same kiosk and start in menu order.
  CHECK(describe_day(sessions, ymd(2026, 12, 8)) ==
        std::vector<std::string>{
            "dingxiang 2026-12-08 as Tue 09:00-11:30 daily: haircut/1=barber haircut/2=barber",
            "dingxiang 2026-12-08 as Tue 09:00-11:00 outreach @樱花园小区: blood-pressure/1=nurse",
            "kangle-hall 2026-12-08 as Tue 09:00-11:30 daily: blood-pressure/1=nurse",
            "dingxiang 2026-12-08 as Tue 13:30-16:00 daily: haircut/1=barber haircut/2=barber",
        });
}

TEST_CASE("December 2026: seat keys are unique, well formed and stable", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 12});
  auto keys = seat_keys(sessions);
  CHECK(std::set<std::string>(keys.begin(), keys.end()).size() == keys.size());
  for (const auto& s : sessions) {
    for (const auto& seat : s.seats) {
      auto tail = seat.service.empty() ? "+" + seat.skill : seat.service;
      CHECK(seat.key == key_prefix(s) + tail + "/" + std::to_string(seat.number));
    }
  }
  auto again = schedule::expand_month(example(), {2026, 12});
  CHECK(seat_keys(again) == keys);
  // ... and from a second, separately loaded copy of the same workspace.
  Workspace other;
  CHECK(seat_keys(schedule::expand_month(other.config(), {2026, 12})) == keys);
}

TEST_CASE("February 2026: Spring Festival closed, two make-up Saturdays", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 2});
  // dingxiang: 16 working days (Mon 3, Tue 3, Wed 3, Thu 3, Fri 4 with Sat 14) × 2 + the
  // outreach on Tue 10; kangle-hall: Tue 3, Fri 4, the "文化plus" event on Thu 26;
  // pubei: Thu 5, 12, 26 (19 is a holiday).
  CHECK(per_kiosk(sessions) == std::vector<std::string>{"dingxiang 33/51", "kangle-hall 8/11", "pubei 3/24"});
  for (unsigned d = 15; d <= 23; ++d) {
    INFO("2026-02-" << d);
    CHECK(describe_day(sessions, ymd(2026, 2, d)).empty());
  }
  CHECK(describe_day(sessions, ymd(2026, 2, 14)) ==
        std::vector<std::string>{
            "dingxiang 2026-02-14 as Fri 09:00-11:30 daily: bicycle-repair/1=bicycle-mechanic",
            "kangle-hall 2026-02-14 as Fri 09:00-11:30 daily: mental-health/1=counsellor",
            "dingxiang 2026-02-14 as Fri 13:30-16:00 daily: bicycle-repair/1=bicycle-mechanic",
        });
  CHECK(describe_day(sessions, ymd(2026, 2, 28)) ==
        std::vector<std::string>{
            "dingxiang 2026-02-28 as Mon 09:00-11:30 daily: umbrella-repair/1=handyman",
            "dingxiang 2026-02-28 as Mon 13:30-16:00 daily: umbrella-repair/1=handyman",
        });
  CHECK(describe_day(sessions, ymd(2026, 2, 26)).back() ==
        "kangle-hall 2026-02-26 as Thu 14:00-16:00 monthly «文化plus» @康乐汇二楼: +general/1=general "
        "+general/2=general +general/3=general +general/4=general");
  // Ordinary weekends stay closed.
  for (unsigned d : {1u, 7u, 8u}) CHECK(describe_day(sessions, ymd(2026, 2, d)).empty());
}

TEST_CASE("January 2026: New Year closed, Sunday 4 worked as a Friday", "[schedule]") {
  auto sessions = schedule::expand_month(example(), {2026, 1});
  CHECK(per_kiosk(sessions) == std::vector<std::string>{"dingxiang 43/67", "kangle-hall 10/13", "pubei 4/32"});
  for (unsigned d = 1; d <= 3; ++d) CHECK(describe_day(sessions, ymd(2026, 1, d)).empty());
  CHECK(describe_day(sessions, ymd(2026, 1, 4)) ==
        std::vector<std::string>{
            "dingxiang 2026-01-04 as Fri 09:00-11:30 daily: bicycle-repair/1=bicycle-mechanic",
            "kangle-hall 2026-01-04 as Fri 09:00-11:30 daily: mental-health/1=counsellor",
            "dingxiang 2026-01-04 as Fri 13:30-16:00 daily: bicycle-repair/1=bicycle-mechanic",
        });
  CHECK(sessions.front().date == ymd(2026, 1, 4));
  CHECK(sessions.front().seats.front().key == "dingxiang/2026-01-04/0900/bicycle-repair/1");
  CHECK(describe_day(sessions, ymd(2026, 1, 10)).empty());
  CHECK(describe_day(sessions, ymd(2026, 1, 11)).empty());
  CHECK(describe_day(sessions, ymd(2026, 1, 29)).back() ==
        "kangle-hall 2026-01-29 as Thu 14:00-16:00 monthly «党员Tall History» @康乐汇二楼: +general/1=general "
        "+general/2=general +general/3=general +general/4=general");
}

TEST_CASE("A kiosk's closure removes exactly its days", "[schedule]") {
  Workspace workspace;
  workspace.append("kiosks/dingxiang.toml",
                   "\n[[closure]]\n"
                   "from   = 2026-12-14\n"
                   "to     = 2026-12-16\n"
                   "reason = \"装修\"\n");
  auto closed = schedule::expand_month(workspace.config(), {2026, 12});
  auto open = schedule::expand_month(example(), {2026, 12});
  std::vector<std::string> expected_keys, removed;
  std::vector<std::string> expected_sessions, actual_sessions;
  for (const auto& s : open) {
    bool shut = s.kiosk == "dingxiang" && ymd(2026, 12, 14) <= s.date && s.date <= ymd(2026, 12, 16);
    (shut ? removed : expected_sessions).push_back(describe(s));
    if (!shut) {
      for (const auto& k : seat_keys({s})) expected_keys.push_back(k);
    }
  }
  for (const auto& s : closed) actual_sessions.push_back(describe(s));
  CHECK(actual_sessions == expected_sessions);
  CHECK(seat_keys(closed) == expected_keys);
  // Mon 14, Tue 15, Wed 16 at dingxiang: 2 sessions a day, 1 + 2 + 2 seats each.
  CHECK(removed.size() == 6);
  CHECK(seat_count(open) - seat_count(closed) == 10);
  // The other kiosks stay open those days.
  CHECK(describe_day(closed, ymd(2026, 12, 15)) ==
        std::vector<std::string>{"kangle-hall 2026-12-15 as Tue 09:00-11:30 daily: blood-pressure/1=nurse"});
}

TEST_CASE("Seat keys stay unique when two entries of a kiosk share a start time and a service", "[schedule]") {
  Workspace workspace;
  workspace.append("kiosks/kangle-hall.toml",
                   "\n[[outreach]]\n"
                   "on       = \"2nd tue\"\n"
                   "at       = \"樱花园小区\"\n"
                   "time     = \"09:00-11:00\"\n"
                   "services = [\"blood-pressure\"]\n");
  auto config = workspace.config();
  auto sessions = schedule::expand_month(config, {2026, 12});
  auto keys = seat_keys(sessions);
  CHECK(seat_count(sessions) == 132);
  CHECK(std::set<std::string>(keys.begin(), keys.end()).size() == keys.size());
  kangle::test::TestDatabase database(workspace.path());
  kangle::storage::Database db(database.location(), kangle::storage::Access::read_write);
  CHECK_NOTHROW(schedule::build_rota(db.sql(), config, {2026, 12}, first_run, false));
}

// ═══ 2. assign on hand-made inputs ════════════════════════════════════════════════

TEST_CASE("assign: a seat needs its skill, general seats take anyone", "[schedule]") {
  auto monday = session("k", ymd(2026, 12, 7), "09:00-11:30", {"barber", "general"});
  auto tuesday = session("k", ymd(2026, 12, 8), "09:00-11:30", {"tailor"});
  std::vector<Volunteer> volunteers = {person(1, {}, always(), 4), person(2, {"barber"}, always(), 4)};
  auto plan = assign({monday, tuesday}, volunteers);
  CHECK(lines(plan.assigned) == std::vector<std::string>{"k/2026-12-07/0900/+barber/1=2", "k/2026-12-07/0900/+general/1=1"});
  CHECK(lines(plan.unfilled) == std::vector<std::string>{"k/2026-12-08/0900/+tailor/1: no_skill []"});
  CHECK(plan.seats == 3);
  CHECK(plan.moved.empty());

  CHECK_FALSE(schedule::eligible(example(), volunteers[0], monday, monday.seats[0]));
  CHECK(schedule::eligible(example(), volunteers[0], monday, monday.seats[1]));
  CHECK(schedule::eligible(example(), volunteers[1], monday, monday.seats[0]));
  CHECK(schedule::eligible(example(), volunteers[1], monday, monday.seats[1]));
}

TEST_CASE("assign: a certificate-based skill counts on the days before its certificate expires", "[schedule]") {
  const auto* nurse = example().catalogue.find_skill("nurse");
  REQUIRE(nurse);
  REQUIRE(nurse->certificate == "健康证");
  auto n = person(1, {}, always(), 6);
  n.skills = {{"nurse", ymd(2026, 12, 10)}};
  std::vector<Session> sessions = {session("k", ymd(2026, 12, 9), "09:00-11:30", {"nurse"}),
                                   session("k", ymd(2026, 12, 10), "09:00-11:30", {"nurse"}),
                                   session("k", ymd(2026, 12, 11), "09:00-11:30", {"nurse"})};
  auto plan = assign(sessions, {n});
  // It expires on the 10th: it covers the 9th, not the 10th.
  CHECK(lines(plan.assigned) == std::vector<std::string>{"k/2026-12-09/0900/+nurse/1=1"});
  CHECK(lines(plan.unfilled) == std::vector<std::string>{"k/2026-12-10/0900/+nurse/1: no_skill []",
                                                         "k/2026-12-11/0900/+nurse/1: no_skill []"});
  CHECK(schedule::eligible(example(), n, sessions[0], sessions[0].seats[0]));
  CHECK_FALSE(schedule::eligible(example(), n, sessions[1], sessions[1].seats[0]));

  // A skill without a certificate ignores an expiry date someone wrote beside it.
  auto b = person(2, {}, always(), 6);
  b.skills = {{"barber", ymd(2026, 1, 1)}};
  auto haircut = session("k", ymd(2026, 12, 11), "09:00-11:30", {"barber"});
  CHECK(schedule::eligible(example(), b, haircut, haircut.seats[0]));
}

TEST_CASE("assign: availability by weekday and every part of day the session spans", "[schedule]") {
  using P = DayPart;
  CHECK(kangle::people::parts_of_day({9 * 60, 16 * 60}) == std::vector<P>{P::morning, P::afternoon});
  CHECK(kangle::people::parts_of_day({9 * 60, 12 * 60}) == std::vector<P>{P::morning});
  CHECK(kangle::people::parts_of_day({12 * 60, 13 * 60}) == std::vector<P>{P::afternoon});
  CHECK(kangle::people::parts_of_day({17 * 60, 19 * 60}) == std::vector<P>{P::afternoon, P::evening});
  CHECK(kangle::people::parts_of_day({18 * 60, 20 * 60}) == std::vector<P>{P::evening});
  CHECK(kangle::people::parts_of_day({8 * 60, 20 * 60}) == std::vector<P>{P::morning, P::afternoon, P::evening});

  auto long_day = session("k", ymd(2026, 12, 7), "09:00-16:00", {"general"});  // a Monday
  auto a = person(1, {}, when({{mon, P::morning}}), 4);
  auto b = person(2, {}, when({{mon, P::afternoon}}), 4);
  auto c = person(3, {}, when({{mon, P::morning}, {mon, P::afternoon}}), 4);
  auto d = person(4, {}, when({{tue, P::morning}, {tue, P::afternoon}, {tue, P::evening}}), 4);
  CHECK(lines(assign({long_day}, {a, b, c, d}).assigned) == std::vector<std::string>{"k/2026-12-07/0900/+general/1=3"});
  auto without_c = assign({long_day}, {a, b, d});
  CHECK(without_c.assigned.empty());
  CHECK(lines(without_c.unfilled) == std::vector<std::string>{"k/2026-12-07/0900/+general/1: not_available [1,2,4]"});

  auto morning = session("k", ymd(2026, 12, 7), "09:00-11:30", {"general"});
  CHECK(schedule::eligible(example(), a, morning, morning.seats[0]));
  CHECK_FALSE(schedule::eligible(example(), b, morning, morning.seats[0]));
  CHECK_FALSE(schedule::eligible(example(), d, morning, morning.seats[0]));
  auto evening = session("k", ymd(2026, 12, 8), "18:30-20:00", {"general"});  // a Tuesday
  CHECK(schedule::eligible(example(), d, evening, evening.seats[0]));
  CHECK_FALSE(schedule::eligible(example(), c, evening, evening.seats[0]));
}

TEST_CASE("assign: the monthly limit is never exceeded", "[schedule]") {
  auto week = general_days({7, 8, 9, 10, 11});
  SECTION("the volunteer's own limit") {
    auto plan = assign(week, {person(1, {}, always(), 3)});
    CHECK(plan.assigned.size() == 3);
    CHECK(loads(plan) == std::map<std::int64_t, int>{{1, 3}});
    REQUIRE(plan.unfilled.size() == 2);
    for (const auto& [seat, why] : plan.unfilled) CHECK(text(why) == "at_limit [1]");
  }
  SECTION("the workspace's default when the sign-up gives none") {
    REQUIRE(example().settings.monthly_limit == 4);
    auto plan = assign(week, {person(1, {}, always(), std::nullopt)});
    CHECK(plan.assigned.size() == 4);
    REQUIRE(plan.unfilled.size() == 1);
    CHECK(text(plan.unfilled.begin()->second) == "at_limit [1]");
  }
  SECTION("two volunteers") {
    auto plan = assign(week, {person(1, {}, always(), 3), person(2, {}, always(), 1)});
    CHECK(loads(plan) == std::map<std::int64_t, int>{{1, 3}, {2, 1}});
    REQUIRE(plan.unfilled.size() == 1);
    CHECK(text(plan.unfilled.begin()->second) == "at_limit [1,2]");
  }
}

TEST_CASE("assign: one session a day per volunteer", "[schedule]") {
  std::vector<Session> monday = {session("k1", ymd(2026, 12, 7), "09:00-11:30", {"general"}),
                                 session("k2", ymd(2026, 12, 7), "13:30-16:00", {"general"})};
  auto alone = assign(monday, {person(1, {}, always(), 4)});
  CHECK(alone.assigned.size() == 1);
  REQUIRE(alone.unfilled.size() == 1);
  CHECK(text(alone.unfilled.begin()->second) == "busy_that_day [1]");

  auto two = assign(monday, {person(1, {}, always(), 4), person(2, {}, always(), 4)});
  REQUIRE(two.assigned.size() == 2);
  CHECK(two.assigned.begin()->second != std::next(two.assigned.begin())->second);

  auto pair = session("k", ymd(2026, 12, 7), "09:00-11:30", {"general", "general"});
  auto one = assign({pair}, {person(1, {}, always(), 4)});
  CHECK(one.assigned.size() == 1);
  CHECK(lines(one.unfilled).size() == 1);
}

TEST_CASE("assign: one session a day keeps a volunteer in one place at a time", "[schedule]") {
  auto pair = session("k", ymd(2026, 12, 7), "09:00-11:30", {"general", "general"});
  CHECK(assign({pair}, {person(1, {}, always(), 4)}).assigned.size() == 1);
  std::vector<Session> same_hour = {session("k1", ymd(2026, 12, 7), "09:00-11:30", {"general"}),
                                    session("k2", ymd(2026, 12, 7), "10:00-11:00", {"general"})};
  CHECK(assign(same_hour, {person(1, {}, always(), 4)}).assigned.size() == 1);
}

TEST_CASE("assign: a locked seat keeps its volunteer, who uses up a month's place", "[schedule]") {
  using P = DayPart;
  auto haircut = session("k", ymd(2026, 12, 7), "09:00-11:30", {"barber"});  // Monday
  auto tuesday = session("k", ymd(2026, 12, 8), "09:00-11:30", {"general"});
  auto wednesday = session("k", ymd(2026, 12, 9), "09:00-11:30", {"general"});
  auto barber = person(1, {"barber"}, when({{mon, P::morning}}), 4);
  auto locked = person(2, {}, when({{tue, P::morning}}), 1);  // no barber, not free on Mondays
  AssignOptions options;
  options.locked[only_seat(haircut)] = 2;
  options.locked[only_seat(wednesday)] = 99;  // someone no longer on the list
  auto plan = assign({haircut, tuesday, wednesday}, {barber, locked}, options);
  CHECK(lines(plan.assigned) ==
        std::vector<std::string>{"k/2026-12-07/0900/+barber/1=2", "k/2026-12-09/0900/+general/1=99"});
  // Volunteer 2's one place this month went to the lock; volunteer 1 is not free on Tuesday.
  CHECK(lines(plan.unfilled) == std::vector<std::string>{"k/2026-12-08/0900/+general/1: at_limit [2]"});
  CHECK(plan.seats == 3);
}

TEST_CASE("assign: the previous rota is kept where it still can be", "[schedule]") {
  auto days = general_days({7, 8, 9, 10});
  auto a = person(1, {}, always(), 4), b = person(2, {}, always(), 4), c = person(3, {}, always(), 4);
  const auto& d7 = only_seat(days[0]);
  const auto& d8 = only_seat(days[1]);
  const auto& d9 = only_seat(days[2]);
  const auto& d10 = only_seat(days[3]);

  SECTION("an unbalanced rota that is still feasible stays as it was") {
    AssignOptions options;
    options.previous = {{d7, 1}, {d8, 1}, {d9, 1}, {d10, 2}};
    auto plan = assign(days, {a, b, c}, options);
    CHECK(lines(plan.assigned) == lines(options.previous));
    CHECK(plan.moved.empty());
  }
  SECTION("a volunteer leaves: their seat goes to one person, nobody else moves") {
    AssignOptions options;
    options.previous = {{d7, 1}, {d8, 1}, {d9, 2}, {d10, 3}};
    auto plan = assign(days, {a, b}, options);
    // Volunteer 2 (one seat) rather than 1 (two) takes day 10: the 2nd of 4 costs less
    // than the 3rd of 4. Volunteer 1 keeps both days.
    CHECK(lines(plan.assigned) == std::vector<std::string>{d7 + "=1", d8 + "=1", d9 + "=2", d10 + "=2"});
    CHECK(plan.moved == std::vector<std::int64_t>{2, 3});
  }
  SECTION("a volunteer no longer available there moves, with whoever replaces them") {
    AssignOptions options;
    options.previous = {{d7, 1}, {d8, 2}, {d9, 3}};
    auto b_busy = b;
    b_busy.availability.slots[tue].reset();  // 8 Dec is a Tuesday
    auto plan = assign(days, {a, b_busy, c}, options);
    CHECK(plan.assigned.at(d7) == 1);
    CHECK(plan.assigned.at(d9) == 3);
    REQUIRE(plan.assigned.contains(d8));
    CHECK(plan.assigned.at(d8) != 2);
    // Day 10 was empty: whoever fills it moves too.
    std::set<std::int64_t> expected = {2, plan.assigned.at(d8), plan.assigned.at(d10)};
    CHECK(plan.moved == std::vector<std::int64_t>(expected.begin(), expected.end()));
  }
}

TEST_CASE("assign: the weekly limit counts Monday to Sunday", "[schedule]") {
  auto config = example();
  config.settings.weekly_limit = 1;
  // Mon 7 to Thu 10 December are one week; Mon 14 and Tue 15 the next.
  auto days = general_days({7, 8, 9, 10, 14, 15});
  auto plan = schedule::assign(config, days, {person(1, {}, always(), 6)}, {});
  CHECK(plan.assigned.size() == 2);
  int first_week = 0;
  for (std::size_t d = 0; d < 4; ++d) first_week += plan.assigned.contains(only_seat(days[d])) ? 1 : 0;
  CHECK(first_week == 1);
  for (std::size_t d = 0; d < 4; ++d) {
    if (!plan.assigned.contains(only_seat(days[d]))) CHECK(plan.unfilled.at(only_seat(days[d])).reason == Unfilled::Reason::weekly_limit);
  }
  // Without it, the monthly limit alone: all six days.
  CHECK(schedule::assign(example(), days, {person(1, {}, always(), 6)}, {}).assigned.size() == 6);
}

TEST_CASE("assign: days before frozen_before keep their seats as they were, filled or empty", "[schedule]") {
  auto days = general_days({7, 8, 9, 10});
  AssignOptions options;
  options.previous = {{only_seat(days[0]), 2}};  // the 7th was served by 2; the 8th stayed empty
  options.frozen_before = ymd(2026, 12, 9);
  auto plan = assign(days, {person(1, {}, always(), 1), person(2, {}, always(), 4)}, options);
  CHECK(plan.assigned.at(only_seat(days[0])) == 2);
  CHECK_FALSE(plan.assigned.contains(only_seat(days[1])));  // history: nobody is sent back in time
  CHECK(plan.unfilled.at(only_seat(days[1])).reason == Unfilled::Reason::day_gone_by);
  CHECK(plan.assigned.contains(only_seat(days[2])));
  CHECK(plan.assigned.contains(only_seat(days[3])));
  CHECK(plan.assigned.size() + plan.unfilled.size() == 4);
}

TEST_CASE("assign: a leaver's seats go to as few people as possible", "[schedule]") {
  auto days = general_days({7, 8, 9, 10});
  AssignOptions options;
  options.previous = {{only_seat(days[0]), 1}, {only_seat(days[1]), 1}, {only_seat(days[2]), 2},
                      {only_seat(days[3]), 3}};
  auto plan = assign(days, {person(2, {}, always(), 4), person(3, {}, always(), 4)}, options);
  CHECK(plan.assigned.size() == 4);
  CHECK(plan.moved.size() == 2);
}

TEST_CASE("assign: load balanced relative to each volunteer's limit", "[schedule]") {
  auto days = general_days({7, 8, 9, 10});
  // The k-th of L seats costs floor(1000 (2k-1) / L): convex, so spreading is cheaper.
  SECTION("limits 4 and 4: 2 each") {
    // L = 4: 250, 750, 1250, 1750.  2+2: 2 × (250 + 750) = 2000; 3+1: 2250 + 250 = 2500;
    // 4+0: 4000.
    auto plan = assign(days, {person(1, {}, always(), 4), person(2, {}, always(), 4)});
    CHECK(loads(plan) == std::map<std::int64_t, int>{{1, 2}, {2, 2}});
  }
  SECTION("limits 2 and 6: 1 and 3") {
    // L = 2: 500, 1500.  L = 6: 166, 500, 833, 1166.
    // 0+4: 166 + 500 + 833 + 1166 = 2665;  1+3: 500 + (166 + 500 + 833) = 1999;
    // 2+2: (500 + 1500) + (166 + 500) = 2666.  1+3 it is: half of each limit.
    auto plan = assign(days, {person(1, {}, always(), 2), person(2, {}, always(), 6)});
    CHECK(loads(plan) == std::map<std::int64_t, int>{{1, 1}, {2, 3}});
  }
}

namespace {

// ─── generated instances ─────────────────────────────────────────────────────────

struct Instance {
  Month month;
  std::vector<Session> sessions;
  std::vector<Volunteer> volunteers;
};

/// A month of 2026 of the example's three kiosks and 5–40 random volunteers: skills from
/// the catalogue (mostly ones the month needs), a nurse's certificate that may expire in
/// the month, availability by weekday and part of day, limits 1–6 (sometimes none).
Instance generate(std::mt19937& rng) {
  const auto& config = example();
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  Instance in;
  in.month = {2026, static_cast<unsigned>(pick(1, 12))};
  in.sessions = schedule::expand_month(config, in.month);
  std::vector<std::string> needed, all;
  for (const auto& s : in.sessions) {
    for (const auto& seat : s.seats) {
      if (seat.skill != kangle::config::general_skill &&
          std::find(needed.begin(), needed.end(), seat.skill) == needed.end()) {
        needed.push_back(seat.skill);
      }
    }
  }
  for (const auto& skill : config.catalogue.skills) {
    if (skill.id != kangle::config::general_skill) all.push_back(skill.id);
  }
  int count = pick(5, 40);
  for (int i = 0; i < count; ++i) {
    Volunteer v;
    v.id = 100 + i * 7;  // ids need not be dense or start at 1
    v.name = "g" + std::to_string(i);
    std::set<std::string> skills;
    for (int k = pick(0, 3); k > 0; --k) {
      const auto& from = chance(0.75) ? needed : all;
      skills.insert(from[static_cast<std::size_t>(pick(0, static_cast<int>(from.size()) - 1))]);
    }
    for (const auto& s : skills) {
      std::optional<Date> expires;
      if (s == "nurse" && chance(0.6)) expires = plus_days(in.month.first(), pick(-5, 35));
      v.skills.push_back({s, expires});
    }
    for (std::size_t d = 0; d < 7; ++d) {
      for (std::size_t part = 0; part < 3; ++part) {
        bool working_day = d >= 1 && d <= 5 && part < 2;
        if (chance(working_day ? 0.6 : 0.3)) v.availability.slots[d].set(part);
      }
    }
    if (!chance(0.1)) v.monthly_limit = pick(1, 6);
    in.volunteers.push_back(std::move(v));
  }
  return in;
}

int limit_of(const Volunteer& v) { return v.monthly_limit.value_or(example().settings.monthly_limit); }

/// The seat's skill by the catalogue's rules, written out again here.
bool has_skill(const Volunteer& v, const std::string& skill, const Date& date) {
  if (skill == "general") return true;
  for (const auto& s : v.skills) {
    if (s.skill != skill) continue;
    const auto* k = example().catalogue.find_skill(skill);
    bool certified = k && !k->certificate.empty();
    return !(certified && s.certificate_expires && *s.certificate_expires <= date);
  }
  return false;
}

/// Free for every part of the day the session touches: before noon, noon to six, after six;
/// on a make-up workday, of the weekday it is staffed as.
bool is_available(const Volunteer& v, const Session& s) {
  auto day = s.staffed_as ? s.staffed_as->c_encoding() : weekday_of(s.date);
  if (s.time.start < 12 * 60 && !v.availability.slots[day].test(0)) return false;
  if (s.time.start < 18 * 60 && s.time.end > 12 * 60 && !v.availability.slots[day].test(1)) return false;
  if (s.time.end > 18 * 60 && !v.availability.slots[day].test(2)) return false;
  return true;
}

using Graph = lemon::ListDigraph;

/// The assignment network: source → volunteer (its monthly limit) → volunteer-day (the
/// daily limit) → seat (1, when eligible) → sink (1). Arc costs only where asked.
struct Network {
  Graph graph;
  Graph::ArcMap<int> capacity{graph};
  Graph::ArcMap<int> cost{graph};
  Graph::Node source = graph.addNode(), sink = graph.addNode();
  int seats = 0;
  std::vector<std::pair<Graph::Arc, bool>> choice_arcs;  ///< day → seat, and whether it keeps `previous`

  Network(const std::vector<Session>& sessions, const std::vector<Volunteer>& volunteers, int daily_limit,
          const Assignments& previous, int fill_cost) {
    std::vector<Graph::Node> people;
    for (const auto& v : volunteers) {
      people.push_back(graph.addNode());
      arc(source, people.back(), limit_of(v), 0);
    }
    std::map<std::pair<std::size_t, Date>, Graph::Node> day;
    for (const auto& s : sessions) {
      for (const auto& seat : s.seats) {
        ++seats;
        auto seat_node = graph.addNode();
        arc(seat_node, sink, 1, fill_cost);
        auto was = previous.find(seat.key);
        for (std::size_t i = 0; i < volunteers.size(); ++i) {
          if (!schedule::eligible(example(), volunteers[i], s, seat)) continue;
          auto [it, fresh] = day.try_emplace({i, s.date}, Graph::Node());
          if (fresh) {
            it->second = graph.addNode();
            arc(people[i], it->second, daily_limit, 0);
          }
          bool kept = was != previous.end() && was->second == volunteers[i].id;
          choice_arcs.emplace_back(arc(it->second, seat_node, 1, kept ? -1 : 0), kept);
        }
      }
    }
  }
  Graph::Arc arc(Graph::Node from, Graph::Node to, int cap, int c) {
    auto a = graph.addArc(from, to);
    capacity[a] = cap;
    cost[a] = c;
    return a;
  }
};

/// The most seats that can be filled, by LEMON's Preflow on the network above.
int max_flow(const std::vector<Session>& sessions, const std::vector<Volunteer>& volunteers, int daily_limit = 1) {
  Network net(sessions, volunteers, daily_limit, {}, 0);
  lemon::Preflow<Graph, Graph::ArcMap<int>> preflow(net.graph, net.capacity, net.source, net.sink);
  preflow.run();
  return preflow.flowValue();
}

/// Among the fullest rotas, the most seats that keep their volunteer of `previous`
/// (lexicographic: every filled seat is worth more than all kept seats together).
std::pair<int, int> most_filled_then_kept(const std::vector<Session>& sessions, const std::vector<Volunteer>& volunteers,
                                          const Assignments& previous) {
  int total = static_cast<int>(seat_count(sessions));
  Network net(sessions, volunteers, 1, previous, -(total + 1));
  auto bypass = net.arc(net.source, net.sink, total, 0);
  lemon::NetworkSimplex<Graph, int, int> simplex(net.graph);
  simplex.upperMap(net.capacity).costMap(net.cost).stSupply(net.source, net.sink, total);
  REQUIRE(simplex.run() == lemon::NetworkSimplex<Graph, int, int>::OPTIMAL);
  int kept = 0;
  for (const auto& [a, keeps] : net.choice_arcs) {
    if (keeps && simplex.flow(a) > 0) ++kept;
  }
  return {total - simplex.flow(bypass), kept};
}

/// The ids whose set of seats differs between `before` and `after`.
std::vector<std::int64_t> changed(const Assignments& before, const Assignments& after) {
  std::map<std::int64_t, std::set<std::string>> was, is;
  for (const auto& [seat, v] : before) was[v].insert(seat);
  for (const auto& [seat, v] : after) is[v].insert(seat);
  std::set<std::int64_t> ids;
  for (const auto& [v, seats] : was) {
    if (is[v] != seats) ids.insert(v);
  }
  for (const auto& [v, seats] : is) {
    if (was[v] != seats) ids.insert(v);
  }
  return {ids.begin(), ids.end()};
}

/// Every hard constraint of `plan`, and every unfilled seat's reason, against the data.
void check_plan(const Instance& in, const RotaPlan& plan, const AssignOptions& options = {}) {
  std::map<std::int64_t, const Volunteer*> by_id;
  for (const auto& v : in.volunteers) by_id[v.id] = &v;
  std::map<std::string, std::pair<const Session*, const Seat*>> seat_of;
  for (const auto& s : in.sessions) {
    for (const auto& seat : s.seats) seat_of[seat.key] = {&s, &seat};
  }
  REQUIRE(seat_of.size() == seat_count(in.sessions));
  CHECK(plan.seats == static_cast<int>(seat_of.size()));
  CHECK(plan.assigned.size() + plan.unfilled.size() == seat_of.size());

  std::map<std::int64_t, int> load;
  std::map<std::pair<std::int64_t, Date>, int> on_day;
  for (const auto& [key, id] : plan.assigned) {
    INFO("seat " << key << " = " << id);
    REQUIRE(seat_of.contains(key));
    CHECK_FALSE(plan.unfilled.contains(key));
    const auto& [session, seat] = seat_of.at(key);
    ++load[id];
    ++on_day[{id, session->date}];
    if (options.locked.contains(key)) {
      CHECK(options.locked.at(key) == id);
      continue;
    }
    REQUIRE(by_id.contains(id));
    const auto& v = *by_id.at(id);
    CHECK(has_skill(v, seat->skill, session->date));
    CHECK(is_available(v, *session));
    CHECK(schedule::eligible(example(), v, *session, *seat));
  }
  for (const auto& [id, n] : load) {
    INFO("volunteer " << id);
    if (by_id.contains(id)) CHECK(n <= limit_of(*by_id.at(id)));
  }
  for (const auto& [who, n] : on_day) {
    INFO("volunteer " << who.first << " on " << kangle::format_date(who.second));
    CHECK(n <= schedule::sessions_per_day);
  }

  for (const auto& [key, why] : plan.unfilled) {
    INFO("unfilled " << key << ": " << text(why));
    REQUIRE(seat_of.contains(key));
    const auto& [session, seat] = seat_of.at(key);
    std::vector<std::int64_t> skilled, free, under_limit;
    for (const auto& v : in.volunteers) {
      if (!has_skill(v, seat->skill, session->date)) continue;
      skilled.push_back(v.id);
      if (!is_available(v, *session)) continue;
      free.push_back(v.id);
      if (load[v.id] < limit_of(v)) under_limit.push_back(v.id);
    }
    switch (why.reason) {
      case Unfilled::Reason::no_skill:
        CHECK(skilled.empty());
        CHECK(why.volunteers.empty());
        break;
      case Unfilled::Reason::not_available:
        CHECK_FALSE(skilled.empty());
        CHECK(free.empty());
        CHECK(why.volunteers == skilled);
        break;
      case Unfilled::Reason::at_limit:
        CHECK_FALSE(free.empty());
        CHECK(under_limit.empty());
        CHECK(why.volunteers == free);
        break;
      case Unfilled::Reason::busy_that_day:
      case Unfilled::Reason::in_this_session: {
        CHECK_FALSE(under_limit.empty());
        CHECK(why.volunteers == under_limit);
        for (auto id : under_limit) CHECK(on_day[{id, session->date}] >= schedule::sessions_per_day);
        // Those whose seat that day is in this very session, by the plan.
        std::vector<std::int64_t> here;
        for (auto id : under_limit) {
          bool in_this = std::any_of(session->seats.begin(), session->seats.end(), [&](const Seat& other) {
            auto it = plan.assigned.find(other.key);
            return it != plan.assigned.end() && it->second == id;
          });
          if (in_this) here.push_back(id);
        }
        if (why.reason == Unfilled::Reason::in_this_session) {
          CHECK(here == under_limit);
        } else {
          CHECK(here != under_limit);
          CHECK(why.in_session == here);
        }
        break;
      }
      case Unfilled::Reason::weekly_limit:
        FAIL("the example sets no weekly limit");
        break;
      case Unfilled::Reason::days_in_a_row:
        FAIL("the example sets no cap on days in a row");
        break;
      case Unfilled::Reason::day_gone_by:
        CHECK((options.frozen_before && session->date < *options.frozen_before));
        CHECK(why.volunteers.empty());
        break;
    }
  }
}

}  // namespace

// ═══ 3. properties on generated instances ═════════════════════════════════════════

TEST_CASE("assign on generated instances: hard constraints, maximum flow, reasons", "[schedule]") {
  std::mt19937 rng(20261201);
  std::map<std::string, int> seen;  // what the instances exercised, all told
  for (int round = 0; round < 30; ++round) {
    auto in = generate(rng);
    INFO("round " << round << ": " << in.month.text() << ", " << in.volunteers.size() << " volunteers, "
                  << seat_count(in.sessions) << " seats");
    auto plan = assign(in.sessions, in.volunteers);
    seen["filled"] += static_cast<int>(plan.assigned.size());
    for (const auto& [seat, why] : plan.unfilled) ++seen[std::string(kangle::schedule::reason_code(why.reason))];
    check_plan(in, plan);
    CHECK(static_cast<int>(plan.assigned.size()) == max_flow(in.sessions, in.volunteers));
    CHECK(plan.moved.empty());

    // The same input, the same rota.
    check_identical(plan, assign(in.sessions, in.volunteers));

    // A rebuild on unchanged data keeps everything and moves nobody.
    AssignOptions again;
    again.previous = plan.assigned;
    auto rebuilt = assign(in.sessions, in.volunteers, again);
    CHECK(lines(rebuilt.assigned) == lines(plan.assigned));
    CHECK(rebuilt.moved.empty());

    // A drop-out: still the most seats, then the most of them kept, and `moved` is
    // exactly the people whose seats changed.
    auto busiest = loads(plan);
    if (busiest.empty()) continue;
    auto leaver = std::max_element(busiest.begin(), busiest.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->first;
    Instance rest = in;
    std::erase_if(rest.volunteers, [&](const Volunteer& v) { return v.id == leaver; });
    // A newcomer with the leaver's skills, free at every hour, joins in every other round.
    if (round % 2 == 0) {
      auto newcomer = *std::find_if(in.volunteers.begin(), in.volunteers.end(),
                                    [&](const Volunteer& v) { return v.id == leaver; });
      newcomer.id = 1;
      newcomer.availability = always();
      newcomer.monthly_limit = 6;
      rest.volunteers.push_back(newcomer);
    }
    auto after = assign(rest.sessions, rest.volunteers, again);
    check_plan(rest, after);
    auto [most, kept] = most_filled_then_kept(rest.sessions, rest.volunteers, plan.assigned);
    CHECK(static_cast<int>(after.assigned.size()) == most);
    CHECK(most == max_flow(rest.sessions, rest.volunteers));
    int kept_now = 0;
    for (const auto& [seat, v] : after.assigned) kept_now += plan.assigned.contains(seat) && plan.assigned.at(seat) == v;
    CHECK(kept_now == kept);
    CHECK(after.moved == changed(plan.assigned, after.assigned));
    CHECK(std::find(after.moved.begin(), after.moved.end(), leaver) != after.moved.end());
    ++seen["drop-outs"];
    seen["moved"] += static_cast<int>(after.moved.size());

    // Locks: a few seats locked to their volunteers, whose availability then vanishes,
    // keep them; everything else still obeys the hard constraints.
    AssignOptions locked;
    locked.previous = plan.assigned;
    std::set<std::int64_t> lockers;
    int n = 0;
    for (const auto& [seat, v] : plan.assigned) {
      if (n++ % 5 == 0) {
        locked.locked[seat] = v;
        lockers.insert(v);
      }
    }
    Instance changed_in = in;
    for (auto& v : changed_in.volunteers) {
      if (lockers.contains(v.id)) v.availability = {};
    }
    auto with_locks = assign(changed_in.sessions, changed_in.volunteers, locked);
    for (const auto& [seat, v] : locked.locked) CHECK(with_locks.assigned.at(seat) == v);
    check_plan(changed_in, with_locks, locked);
    seen["locked"] += static_cast<int>(locked.locked.size());
  }
  // The generator reaches every reason and every path above, not only easy cases.
  INFO("filled " << seen["filled"] << ", no_skill " << seen["no_skill"] << ", not_available " << seen["not_available"]
                 << ", at_limit " << seen["at_limit"] << ", busy_that_day " << seen["busy_that_day"] << ", drop-outs "
                 << seen["drop-outs"] << ", moved " << seen["moved"] << ", locked " << seen["locked"]);
  for (const char* what : {"filled", "no_skill", "not_available", "at_limit", "busy_that_day", "drop-outs", "moved", "locked"}) {
    CHECK(seen[what] > 0);
  }
  CHECK(seen["moved"] > seen["drop-outs"] + 10);  // drop-outs others fill, not only seats left empty
}

namespace {

/// The example's configuration with a cap on days in a row and a weekly limit.
Config with_caps(int days_in_a_row, std::optional<int> weekly) {
  Config config = example();
  config.settings.max_consecutive_days = days_in_a_row;
  config.settings.weekly_limit = weekly;
  return config;
}

/// Σ over recurring slots (kiosk, weekday, start, duty) of seats − distinct holders.
int regulars(const std::vector<Session>& sessions, const RotaPlan& plan) {
  std::map<std::string, std::map<std::int64_t, int>> by_slot;
  for (const auto& s : sessions) {
    for (const auto& seat : s.seats) {
      auto it = plan.assigned.find(seat.key);
      if (it == plan.assigned.end()) continue;
      ++by_slot[s.kiosk + std::to_string(weekday_of(s.date)) + std::to_string(s.time.start) + seat.service + seat.skill]
               [it->second];
    }
  }
  int total = 0;
  for (const auto& [slot, holders] : by_slot) {
    for (const auto& [v, n] : holders) total += n - 1;
  }
  return total;
}

}  // namespace

TEST_CASE("assign: stated preferences choose among equals, and never beat balance", "[schedule]") {
  SECTION("the kiosk they asked for") {
    std::vector<Session> sessions = {session("a", ymd(2026, 12, 7), "09:00-11:30", {"general"}),
                                     session("b", ymd(2026, 12, 7), "09:00-11:30", {"general"})};
    for (std::int64_t wants_b : {1, 2}) {
      std::vector<Volunteer> people = {person(1, {}, always(), 4), person(2, {}, always(), 4)};
      people[static_cast<std::size_t>(wants_b - 1)].preferences = {"b"};
      auto plan = assign(sessions, people);
      CHECK(plan.assigned.at(only_seat(sessions[1])) == wants_b);
    }
  }
  SECTION("the service they asked for") {
    auto day = session("a", ymd(2026, 12, 7), "09:00-11:30", {"general", "general"});
    day.seats[0].service = "haircut";
    day.seats[1].service = "darning";
    day.seats[1].number = 1;
    for (std::int64_t barber : {1, 2}) {
      std::vector<Volunteer> people = {person(1, {}, always(), 4), person(2, {}, always(), 4)};
      people[static_cast<std::size_t>(barber - 1)].preferences = {"haircut"};
      auto plan = assign({day}, people);
      REQUIRE(plan.assigned.size() == 2);
      CHECK(plan.assigned.at(day.seats[0].key) == barber);
    }
  }
  SECTION("balance first: two seats at a kiosk only one of them wants go one each") {
    auto days = general_days({7, 8});
    std::vector<Volunteer> people = {person(1, {}, always(), 4), person(2, {}, always(), 4)};
    people[0].preferences = {"k"};
    people[1].preferences = {"elsewhere"};
    CHECK(loads(assign(days, people)) == std::map<std::int64_t, int>{{1, 1}, {2, 1}});
  }
}

TEST_CASE("assign: seats that share their candidates still go by preference and by the rota before", "[schedule]") {
  // Four general seats on one Monday morning at four kiosks: the same candidates, so one
  // node of the network feeds them all. Handing its seats out in order (volunteers by
  // id, seats in order) would give a=1, b=2, c=3, d=4; preferences and a rebuild's kept
  // seats must decide instead.
  std::vector<Session> sessions;
  for (const char* kiosk : {"a", "b", "c", "d"}) sessions.push_back(session(kiosk, ymd(2026, 12, 7), "09:00-11:30", {"general"}));
  sessions[2].seats[0].service = "darning";
  std::vector<Volunteer> people = {person(1, {}, always(), 4), person(2, {}, always(), 4), person(3, {}, always(), 4),
                                   person(4, {}, always(), 4)};
  auto seats_of = [&](const RotaPlan& plan) {
    std::string out;
    for (const auto& s : sessions) out += s.kiosk + "=" + std::to_string(plan.assigned.at(only_seat(s))) + " ";
    return out;
  };
  SECTION("a kiosk or a service asked for") {
    people[0].preferences = {"d"};
    people[1].preferences = {"darning"};
    people[3].preferences = {"a", "elsewhere"};
    CHECK(seats_of(assign(sessions, people)) == "a=4 b=3 c=2 d=1 ");
  }
  SECTION("a rebuild keeps every seat's holder, before anyone's preference") {
    AssignOptions options;
    options.previous = {{only_seat(sessions[0]), 3}, {only_seat(sessions[1]), 1}, {only_seat(sessions[2]), 4},
                        {only_seat(sessions[3]), 2}};
    auto plan = assign(sessions, people, options);
    CHECK(seats_of(plan) == "a=3 b=1 c=4 d=2 ");
    CHECK(plan.moved.empty());
    people[2].preferences = {"d"};  // 3 would rather be at d, held by 2, who has no say
    CHECK(seats_of(assign(sessions, people, options)) == "a=3 b=1 c=4 d=2 ");
  }
  SECTION("a rebuild after one leaves: the others keep theirs, a newcomer takes the seat left") {
    AssignOptions options;
    options.previous = {{only_seat(sessions[0]), 3}, {only_seat(sessions[1]), 1}, {only_seat(sessions[2]), 4},
                        {only_seat(sessions[3]), 2}};
    people.erase(people.begin() + 2);  // 3 leaves
    people.push_back(person(5, {}, always(), 4));
    people.back().preferences = {"b"};  // held by 1: kept seats come first
    auto plan = assign(sessions, people, options);
    CHECK(seats_of(plan) == "a=5 b=1 c=4 d=2 ");
    CHECK(plan.moved == std::vector<std::int64_t>{3, 5});
  }
}

namespace {

/// A min-cost flow problem as `AssignOptions::network_out` writes it (DIMACS).
struct Dimacs {
  struct Arc {
    int from, to;
    std::int64_t capacity, cost;
  };
  int nodes = 0, source = -1, sink = -1;
  std::int64_t amount = 0;
  std::vector<Arc> arcs;
  std::optional<std::int64_t> optimum;  ///< the `c optimum` line
};

Dimacs read_dimacs(const std::string& text) {
  Dimacs out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream in(line);
    std::string kind;
    in >> kind;
    if (kind == "p") {
      std::string min;
      in >> min >> out.nodes;
    } else if (kind == "n") {
      int node = 0;
      std::int64_t supply = 0;
      in >> node >> supply;
      if (supply > 0) {
        out.source = node - 1;
        out.amount = supply;
      } else {
        out.sink = node - 1;
      }
    } else if (kind == "a") {
      Dimacs::Arc a{};
      std::int64_t low = 0;
      in >> a.from >> a.to >> low >> a.capacity >> a.cost;
      REQUIRE(low == 0);
      out.arcs.push_back({a.from - 1, a.to - 1, a.capacity, a.cost});
    } else if (std::string word; kind == "c" && in >> word && word == "optimum") {
      std::int64_t cost = 0;
      in >> cost;
      out.optimum = cost;
    }
  }
  return out;
}

std::int64_t min_cost(const Dimacs& problem) {
  Graph graph;
  std::vector<Graph::Node> nodes;
  for (int i = 0; i < problem.nodes; ++i) nodes.push_back(graph.addNode());
  Graph::ArcMap<std::int64_t> capacity(graph), cost(graph);
  for (const auto& a : problem.arcs) {
    auto arc = graph.addArc(nodes[static_cast<std::size_t>(a.from)], nodes[static_cast<std::size_t>(a.to)]);
    capacity[arc] = a.capacity;
    cost[arc] = a.cost;
  }
  lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t> simplex(graph);
  simplex.upperMap(capacity).costMap(cost).stSupply(nodes[static_cast<std::size_t>(problem.source)],
                                                    nodes[static_cast<std::size_t>(problem.sink)], problem.amount);
  REQUIRE(simplex.run() == decltype(simplex)::OPTIMAL);
  return simplex.totalCost();
}

/// The network with an arc from every candidate volunteer-day to every
/// seat, each at its own cost, that the rota's network stands for: each node that feeds only seats (their
/// one arc goes to the sink) is a group, replaced by an arc from each volunteer-day that
/// enters it to each of its seats, at what entering cost — unless that volunteer-day has
/// a direct arc to the seat, which must cost less. Counts the groups, and those with
/// more than one seat and more than one volunteer-day entering, in `groups` and `shared`.
Dimacs expand_groups(const Dimacs& merged, int& groups, int& shared) {
  std::vector<char> is_seat(static_cast<std::size_t>(merged.nodes), 0);
  for (const auto& a : merged.arcs) {
    if (a.to == merged.sink && a.from != merged.source) is_seat[static_cast<std::size_t>(a.from)] = 1;
  }
  std::vector<int> out_arcs(static_cast<std::size_t>(merged.nodes), 0), to_seats(static_cast<std::size_t>(merged.nodes), 0);
  for (const auto& a : merged.arcs) {
    ++out_arcs[static_cast<std::size_t>(a.from)];
    if (is_seat[static_cast<std::size_t>(a.to)]) ++to_seats[static_cast<std::size_t>(a.from)];
  }
  auto is_group = [&](int node) {
    auto n = static_cast<std::size_t>(node);
    return out_arcs[n] > 0 && out_arcs[n] == to_seats[n] && node != merged.source;
  };
  std::map<int, std::vector<int>> seats_of;                            // group → its seats
  std::map<std::pair<int, int>, std::int64_t> direct;                 // (day, seat) → cost
  std::map<int, std::vector<std::pair<int, std::int64_t>>> entering;  // group → (day, cost)
  Dimacs plain = merged;
  plain.arcs.clear();
  for (const auto& a : merged.arcs) {
    if (is_group(a.from)) {
      CHECK(a.capacity == 1);
      CHECK(a.cost == 0);
      seats_of[a.from].push_back(a.to);
    } else if (is_group(a.to)) {
      CHECK(a.capacity == schedule::sessions_per_day);
      entering[a.to].emplace_back(a.from, a.cost);
    } else {
      if (is_seat[static_cast<std::size_t>(a.to)]) direct[{a.from, a.to}] = a.cost;
      plain.arcs.push_back(a);
    }
  }
  groups += static_cast<int>(seats_of.size());
  for (const auto& [group, days] : entering) {
    if (days.size() > 1 && seats_of[group].size() > 1) ++shared;
    for (const auto& [day, cost] : days) {
      for (int seat : seats_of[group]) {
        auto it = direct.find({day, seat});
        if (it == direct.end()) {
          plain.arcs.push_back({day, seat, 1, cost});
        } else {
          CHECK(it->second < cost);
        }
      }
    }
  }
  return plain;
}

}  // namespace

TEST_CASE("assign: the network merged by groups of seats, and a district's by volunteers alike, has the optimum of one arc per candidate and seat",
          "[schedule]") {
  std::mt19937 rng(20261123);
  const std::vector<std::string> wishes = {"dingxiang", "pubei", "kangle-hall", "haircut", "darning", "blood-pressure"};
  int groups = 0, shared = 0, smaller = 0;
  for (int round = 0; round < 12; ++round) {
    auto in = generate(rng);
    for (auto& v : in.volunteers) {
      if (std::bernoulli_distribution(0.4)(rng)) v.preferences = {wishes[rng() % wishes.size()]};
    }
    INFO("round " << round << ": " << in.month.text() << ", " << in.volunteers.size() << " volunteers");
    std::ostringstream first;
    AssignOptions options;
    options.network_out = &first;
    auto plan = assign(in.sessions, in.volunteers, options);
    // Then a rebuild after the busiest leaves, the kept seats direct arcs of their own.
    auto busiest = loads(plan);
    Instance rest = in;
    if (!busiest.empty()) {
      auto leaver = std::max_element(busiest.begin(), busiest.end(), [](const auto& a, const auto& b) {
                      return a.second < b.second;
                    })->first;
      std::erase_if(rest.volunteers, [&](const Volunteer& v) { return v.id == leaver; });
    }
    std::ostringstream second;
    AssignOptions again;
    again.previous = plan.assigned;
    again.network_out = &second;
    assign(rest.sessions, rest.volunteers, again);
    // The same two builds on a street's network: a node for each volunteer and each seat.
    std::ostringstream first_apart, second_apart;
    options.district_from = again.district_from = std::numeric_limits<std::size_t>::max();
    options.network_out = &first_apart;
    again.network_out = &second_apart;
    schedule::assign(example(), in.sessions, in.volunteers, options);
    schedule::assign(example(), rest.sessions, rest.volunteers, again);
    for (auto [text, apart] : {std::pair{&first, &first_apart}, std::pair{&second, &second_apart}}) {
      auto street = read_dimacs(apart->str());
      REQUIRE(street.optimum);
      CHECK(min_cost(street) == *street.optimum);
      auto plain = expand_groups(street, groups, shared);
      CHECK(min_cost(plain) == *street.optimum);
      auto district = read_dimacs(text->str());
      CHECK(min_cost(district) == *street.optimum);
      CHECK(district.optimum == street.optimum);
      CHECK(district.arcs.size() < street.arcs.size());  // every seat through its group alone has no node
      if (district.nodes < street.nodes - static_cast<int>(seat_count(in.sessions))) ++smaller;  // more gone than seats
    }
  }
  INFO(groups << " groups, " << shared << " shared, " << smaller << " networks with volunteers alike merged");
  CHECK(shared > groups / 10);  // not only groups of one seat or one candidate
  CHECK(smaller > 2);           // volunteers alike merged, not only each of a kind
}

TEST_CASE("assign: a district's rebuild starts its solve from the rota before, what of it no longer fits left out, and reaches the optimum",
          "[schedule]") {
  // Built with a weekly limit of 3. Since, the limit is 1 and no more than 3 days in a row,
  // monthly limits fell, volunteers gave up a weekday and one left: many seats are more
  // than their holder may now take, and the rebuild's solve starts from those that are
  // not. Its optimum is the one the street's network, solved from nothing, has.
  std::mt19937 rng(20261207);
  auto before = example();
  before.settings.weekly_limit = 3;
  const auto after = with_caps(3, 1);
  int kept = 0;
  for (int round = 0; round < 12; ++round) {
    auto in = generate(rng);
    INFO("round " << round << ": " << in.month.text() << ", " << in.volunteers.size() << " volunteers");
    AssignOptions first;
    first.district_from = 0;
    auto plan = schedule::assign(before, in.sessions, in.volunteers, first);
    auto rest = in.volunteers;
    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(rng() % rest.size()));
    for (auto& v : rest) {
      if (v.monthly_limit && *v.monthly_limit > 1 && rng() % 2) --*v.monthly_limit;
      if (rng() % 3 == 0) v.availability.slots[rng() % 7].reset();
    }
    auto rebuild = [&](std::size_t district_from, std::ostringstream& network) {
      AssignOptions options;
      options.previous = plan.assigned;
      options.district_from = district_from;
      options.network_out = &network;
      return schedule::assign(after, in.sessions, rest, options);
    };
    std::ostringstream district_network, street_network;
    auto rebuilt = rebuild(0, district_network);
    rebuild(std::numeric_limits<std::size_t>::max(), street_network);
    auto district = read_dimacs(district_network.str()), street = read_dimacs(street_network.str());
    REQUIRE(street.optimum);
    CHECK(district.optimum == street.optimum);
    CHECK(min_cost(district) == *street.optimum);
    for (const auto& [seat, holder] : plan.assigned) kept += rebuilt.assigned.contains(seat) && rebuilt.assigned.at(seat) == holder;
  }
  CHECK(kept > 100);  // the start held something
}

TEST_CASE("assign: a district's rebuild keeps holders of seats alike to others when their seats deal out evenly, and apart when not",
          "[schedule]") {
  // Three alike volunteers (free always, limit 3) and two general seats on each of three
  // days at kiosks a and b: one group a day. A rebuild keeps every seat (the keep bonus
  // outweighs balance). Kept 2, 2 and 2, the three stay one node of the network; kept 3,
  // 2 and 1, the month cannot be shared out as evenly as their one node's arcs cost, and
  // the network has a node for each.
  std::vector<Session> sessions;
  for (int day : {7, 8, 9}) {
    for (const char* kiosk : {"a", "b"}) sessions.push_back(session(kiosk, ymd(2026, 12, day), "09:00-11:30", {"general"}));
  }
  std::vector<Volunteer> people = {person(1, {}, always(), 3), person(2, {}, always(), 3), person(3, {}, always(), 3)};
  auto rebuild = [&](const std::vector<std::int64_t>& holders, std::ostringstream& network) {
    AssignOptions options;
    for (std::size_t s = 0; s < sessions.size(); ++s) options.previous[only_seat(sessions[s])] = holders[s];
    options.network_out = &network;
    auto plan = assign(sessions, people, options);
    CHECK(plan.assigned == options.previous);
    CHECK(plan.moved.empty());
    return read_dimacs(network.str());
  };
  auto shifts_from_source = [](const Dimacs& network) {
    return std::count_if(network.arcs.begin(), network.arcs.end(), [&](const auto& arc) { return arc.from == network.source && arc.to != network.sink; });
  };
  // The same rebuild on a street's network, a node for each volunteer: the optimum.
  auto street_optimum = [&](const std::vector<std::int64_t>& holders) {
    AssignOptions options;
    for (std::size_t s = 0; s < sessions.size(); ++s) options.previous[only_seat(sessions[s])] = holders[s];
    std::ostringstream network;
    options.network_out = &network;
    options.district_from = std::numeric_limits<std::size_t>::max();
    schedule::assign(example(), sessions, people, options);
    return read_dimacs(network.str()).optimum;
  };
  SECTION("kept evenly: one node for the three") {
    const std::vector<std::int64_t> holders = {1, 2, 1, 3, 2, 3};
    std::ostringstream network;
    auto written = rebuild(holders, network);
    CHECK(shifts_from_source(written) == 3);  // the 1st, 2nd and 3rd shift of one node
    CHECK(written.optimum == street_optimum(holders));
  }
  SECTION("kept unevenly: a node each") {
    const std::vector<std::int64_t> holders = {1, 2, 1, 3, 1, 2};
    std::ostringstream network;
    auto written = rebuild(holders, network);
    CHECK(shifts_from_source(written) == 9);
    CHECK(written.optimum == street_optimum(holders));
  }
}

TEST_CASE("assign: a district's rebuild sets apart only the holders of the kind whose seats cannot be dealt evenly",
          "[schedule]") {
  // Two kinds of alike volunteers (free always; 1–3 limit 3, 4–6 limit 4) and four general
  // seats on each of three days: one group a day. The rebuild keeps every seat. The first
  // kind kept 3, 2 and 1: a node each. The second kept 2, 2 and 2: one node still, not
  // three (a city's rebuild took twice the time and memory with every holder apart).
  std::vector<Session> sessions;
  for (int day : {7, 8, 9}) {
    for (const char* kiosk : {"a", "b", "c", "d"}) sessions.push_back(session(kiosk, ymd(2026, 12, day), "09:00-11:30", {"general"}));
  }
  std::vector<Volunteer> people;
  for (std::int64_t id = 1; id <= 6; ++id) people.push_back(person(id, {}, always(), id <= 3 ? 3 : 4));
  // By day, at a, b, c, d: 1 and 2 and 4 and 5; 1 and 3 and 4 and 6; 1 and 2 and 5 and 6.
  const std::vector<std::int64_t> holders = {1, 2, 4, 5, 1, 3, 4, 6, 1, 2, 5, 6};
  AssignOptions options;
  for (std::size_t s = 0; s < sessions.size(); ++s) options.previous[only_seat(sessions[s])] = holders[s];
  std::ostringstream network;
  options.network_out = &network;
  auto plan = assign(sessions, people, options);
  CHECK(plan.assigned == options.previous);
  auto written = read_dimacs(network.str());
  auto shifts = std::count_if(written.arcs.begin(), written.arcs.end(),
                              [&](const auto& arc) { return arc.from == written.source && arc.to != written.sink; });
  CHECK(shifts == 3 * 3 + 4);  // three nodes of three shifts, and one of four
  // The optimum of the street's network, a node for each volunteer.
  std::ostringstream street;
  options.network_out = &street;
  options.district_from = std::numeric_limits<std::size_t>::max();
  schedule::assign(example(), sessions, people, options);
  CHECK(written.optimum == read_dimacs(street.str()).optimum);
}

TEST_CASE("assign: a district's rebuild deals an alike's seat to the member whose week has room, not the one with fewest seats",
          "[schedule]") {
  // Weekly limit 1. Volunteers 1 and 2 are alike (free always, limit 4); 3 serves Tuesday
  // mornings only. Before: 2 and 3 on Tuesday 8 December, 1 on Mondays 21 and 28 (at
  // kiosk a; each of those days has a seat at b too, so that a holder's day still has a
  // seat they did not hold and the two stay alike). Monday 7 and 14 are open. Every seat
  // can be filled, and Monday 7's must go to 1: 2 has served that week. Dealt to the
  // member with the fewest seats so far, it would go to 2, and the month would still come
  // out even.
  auto config = with_caps(7, 1);
  std::vector<Session> sessions;
  auto add = [&](const char* kiosk, unsigned day) {
    sessions.push_back(session(kiosk, ymd(2026, 12, static_cast<int>(day)), "09:00-11:30", {"general"}));
    return only_seat(sessions.back());
  };
  auto monday_7 = add("a", 7), monday_14 = add("a", 14);
  auto tuesday_a = add("a", 8), tuesday_b = add("b", 8);
  auto monday_21_a = add("a", 21), monday_21_b = add("b", 21), monday_28_a = add("a", 28), monday_28_b = add("b", 28);
  AssignOptions options;
  options.district_from = 0;
  options.previous = {{tuesday_a, 2}, {tuesday_b, 3}, {monday_21_a, 1}, {monday_28_a, 1}};
  std::vector<Volunteer> people = {person(1, {}, always(), 4), person(2, {}, always(), 4),
                                   person(3, {}, when({{tue, DayPart::morning}}), 4)};
  auto plan = schedule::assign(config, sessions, people, options);
  for (const auto& [seat, holder] : options.previous) CHECK(plan.assigned.at(seat) == holder);
  CHECK(plan.assigned.at(monday_7) == 1);
  CHECK(plan.assigned.at(monday_21_b) == 2);
  CHECK(plan.assigned.at(monday_28_b) == 2);
  CHECK(plan.assigned.contains(monday_14));
  // Nobody twice in a week.
  std::set<std::pair<std::int64_t, std::chrono::sys_days>> weeks;
  for (const auto& session : sessions) {
    auto day = std::chrono::sys_days{session.date};
    auto monday = day - (std::chrono::weekday{day} - std::chrono::Monday);
    CHECK(weeks.insert({plan.assigned.at(only_seat(session)), monday}).second);
  }
}

TEST_CASE("assign: the same volunteer on a recurring slot week after week", "[schedule]") {
  // Tuesday and Thursday mornings for four weeks; two volunteers free every day, four
  // shifts each. Balance gives four each; the slots then each have one regular.
  std::vector<Session> sessions;
  for (unsigned week = 0; week < 4; ++week) {
    sessions.push_back(session("k", ymd(2026, 12, 1 + 7 * week), "09:00-11:30", {"general"}));
    sessions.push_back(session("k", ymd(2026, 12, 3 + 7 * week), "09:00-11:30", {"general"}));
  }
  auto plan = assign(sessions, {person(1, {}, always(), 4), person(2, {}, always(), 4)});
  REQUIRE(plan.assigned.size() == 8);
  CHECK(loads(plan) == std::map<std::int64_t, int>{{1, 4}, {2, 4}});
  CHECK(regulars(sessions, plan) == 6);
  std::set<std::int64_t> tuesdays, thursdays;
  for (unsigned week = 0; week < 4; ++week) {
    tuesdays.insert(plan.assigned.at(only_seat(sessions[2 * week])));
    thursdays.insert(plan.assigned.at(only_seat(sessions[2 * week + 1])));
  }
  CHECK(tuesdays.size() == 1);
  CHECK(thursdays.size() == 1);
}

TEST_CASE("assign: no more days in a row than the cap", "[schedule]") {
  auto config = with_caps(2, std::nullopt);
  auto week = general_days({7, 8, 9, 10, 11});
  SECTION("alone, the third day stays empty and says why") {
    auto plan = schedule::assign(config, week, {person(1, {}, always(), 5)}, {});
    CHECK(plan.assigned.size() == 4);
    REQUIRE(plan.unfilled.size() == 1);
    CHECK(plan.unfilled.begin()->first == only_seat(week[2]));
    CHECK(text(plan.unfilled.begin()->second) == "days_in_a_row [1]");
  }
  SECTION("someone else takes the day that would break the run") {
    auto plan = schedule::assign(config, week, {person(1, {}, always(), 5), person(2, {}, when({{3, DayPart::morning}}), 1)}, {});
    CHECK(plan.assigned.size() == 5);
    CHECK(plan.assigned.at(only_seat(week[2])) == 2);
  }
}

TEST_CASE("assign on generated instances with a weekly limit and a cap on days in a row", "[schedule]") {
  std::mt19937 rng(20261123);
  int capped = 0;
  for (int round = 0; round < 20; ++round) {
    auto in = generate(rng);
    for (auto& v : in.volunteers) v.monthly_limit = 8 + round % 4;  // enough to run into the caps
    auto config = with_caps(1 + round % 3, round % 2 ? std::optional{3} : std::nullopt);
    INFO("round " << round << ": " << in.month.text() << ", " << in.volunteers.size() << " volunteers");
    // The hard constraints of `plan`, built for `volunteers`: one session a day, the cap,
    // the monthly and weekly limits, no more seats than a maximum flow, the cap's reasons.
    auto check_caps = [&](const RotaPlan& plan, const std::vector<Volunteer>& volunteers) {
      std::map<std::int64_t, std::set<Date>> days;
      std::map<std::pair<std::int64_t, sys_days>, int> weeks;
      std::map<std::string, const Session*> session_of;
      for (const auto& s : in.sessions) {
        for (const auto& seat : s.seats) session_of[seat.key] = &s;
      }
      std::map<std::int64_t, const Volunteer*> by_id;
      for (const auto& v : volunteers) by_id[v.id] = &v;
      for (const auto& [seat, id] : plan.assigned) {
        const auto& date = session_of.at(seat)->date;
        CHECK(days[id].insert(date).second);  // one session a day
        auto monday = sys_days{date} - (weekday{sys_days{date}} - Monday);
        ++weeks[{id, monday}];
      }
      for (const auto& [id, dates] : days) {
        CHECK(longest_run(dates) <= *config.settings.max_consecutive_days);
        CHECK(static_cast<int>(dates.size()) <= *by_id.at(id)->monthly_limit);
      }
      if (config.settings.weekly_limit) {
        for (const auto& [key, n] : weeks) CHECK(n <= *config.settings.weekly_limit);
      }
      CHECK(static_cast<int>(plan.assigned.size()) <= max_flow(in.sessions, volunteers));
      for (const auto& [seat, why] : plan.unfilled) {
        if (why.reason != Unfilled::Reason::days_in_a_row) continue;
        ++capped;
        const auto& date = session_of.at(seat)->date;
        for (auto id : why.volunteers) {
          auto with_it = days[id];
          CHECK(with_it.insert(date).second);  // free that day
          CHECK(longest_run(with_it) > *config.settings.max_consecutive_days);
        }
      }
    };
    auto plan = schedule::assign(config, in.sessions, in.volunteers, {});
    check_caps(plan, in.volunteers);
    check_identical(plan, schedule::assign(config, in.sessions, in.volunteers, {}));
    // The same on a district's network, then its rebuild after the busiest leaves: the
    // holders of seats kept alike to others, dealt within the week and the cap.
    AssignOptions district;
    district.district_from = 0;
    auto built = schedule::assign(config, in.sessions, in.volunteers, district);
    check_caps(built, in.volunteers);
    auto busiest = loads(built);
    if (busiest.empty()) continue;
    auto leaver = std::max_element(busiest.begin(), busiest.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    auto rest = in.volunteers;
    std::erase_if(rest, [&](const Volunteer& v) { return v.id == leaver; });
    district.previous = built.assigned;
    check_caps(schedule::assign(config, in.sessions, rest, district), rest);
  }
  CHECK(capped > 0);  // the generator reaches the cap's reason
}

TEST_CASE("assign is deterministic", "[schedule]") {
  std::mt19937 rng(7);
  auto in = generate(rng);
  auto december = schedule::expand_month(example(), {2026, 12});
  auto first = assign(december, in.volunteers);
  auto second = assign(december, in.volunteers);
  check_identical(first, second);
  AssignOptions options;
  options.previous = first.assigned;
  if (!first.assigned.empty()) options.locked[first.assigned.begin()->first] = first.assigned.begin()->second;
  check_identical(assign(december, in.volunteers, options), assign(december, in.volunteers, options));
}

// ═══ 4. build_rota and the rota's tables ══════════════════════════════════════════

namespace {

/// A workspace of the example with its database open and twelve volunteers stored.
class RotaWorkspace {
public:
  RotaWorkspace() {
    config_ = workspace_.config();
    db_ = std::make_unique<kangle::storage::Database>(database_.location(), kangle::storage::Access::read_write);
    kangle::people::Store store(db_->sql());
    const std::vector<std::vector<std::string>> skills = {
        {"barber"}, {"barber", "tailor"}, {"handyman", "knife-grinder"}, {"nurse"}, {"nurse", "calibration"},
        {"watchmaker"}, {"bicycle-mechanic"}, {"counsellor"}, {"craftsperson"}, {"lawyer"}, {"lawyer"}, {}};
    Availability weekdays;
    for (unsigned d = 1; d <= 5; ++d) weekdays.slots[d].set(0).set(1);
    for (std::size_t i = 0; i < skills.size(); ++i) {
      auto v = person(0, skills[i], weekdays, 4);
      v.name = "志愿者" + std::to_string(i + 1);
      v.phone = "138000000" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
      for (auto& s : v.skills) {
        if (s.skill == "nurse") s.certificate_expires = ymd(2027, 6, 30);
      }
      store.insert(v, first_run);
    }
  }
  kangle::storage::Connection& sql() { return db_->sql(); }
  const Config& config() const { return config_; }
  schedule::BuildReport build(bool dry_run = false, const char* now = first_run) {
    return schedule::build_rota(sql(), config_, {2026, 12}, now, dry_run);
  }
  std::vector<schedule::RotaSeat> stored() { return schedule::RotaStore(sql()).month({2026, 12}); }
  std::int64_t count(const char* table) {
    kangle::storage::Statement query(sql(), std::string("SELECT count(*) FROM ") + table);
    REQUIRE(query.step());
    return query.column(0).int64();
  }

private:
  Workspace workspace_;
  kangle::test::TestDatabase database_{workspace_.path()};
  Config config_;
  std::unique_ptr<kangle::storage::Database> db_;
};

/// The stored rota as seat=volunteer lines, filled seats only.
Assignments stored_assignments(const std::vector<schedule::RotaSeat>& seats) {
  Assignments out;
  for (const auto& s : seats) {
    if (s.volunteer) out[s.seat] = *s.volunteer;
  }
  return out;
}

}  // namespace

TEST_CASE("RotaStore::replace over a stored month leaves it as written anew", "[schedule]") {
  // Written over the month's build (only the rows that differ), and written into an empty
  // workspace: the same rows, seat for seat, after a session went, a title changed, a seat
  // went to someone else, one was left empty, a lock was kept and a session was added.
  RotaWorkspace over, anew;
  auto report = over.build();
  auto sessions = report.sessions;
  auto plan = report.plan;
  REQUIRE(sessions.size() > 4);
  REQUIRE(plan.assigned.size() > 3);
  auto locked_seat = plan.assigned.begin()->first;
  REQUIRE(schedule::RotaStore(over.sql()).set_locked({2026, 12}, locked_seat, std::nullopt, true) == 1);
  sessions.erase(sessions.begin() + 1);
  sessions[2].title = "换了名字";
  auto added = sessions[3];
  added.date = ymd(2026, 12, 31);
  for (auto& seat : added.seats) seat.key += "/added";
  sessions.push_back(added);
  auto given = std::next(plan.assigned.begin(), 1), emptied = std::next(plan.assigned.begin(), 2);
  given->second = emptied->second;
  plan.assigned.erase(emptied);
  const char* second_run = "2026-11-26T02:00:00Z";
  schedule::RotaStore(over.sql()).replace({2026, 12}, sessions, plan, second_run, false);
  schedule::RotaStore(anew.sql()).replace({2026, 12}, sessions, plan, second_run, false);
  REQUIRE(schedule::RotaStore(anew.sql()).set_locked({2026, 12}, locked_seat, std::nullopt, true) == 1);
  auto rows = [](kangle::storage::Connection& db) {
    kangle::storage::Statement query(db,
                                     "SELECT seat, position, kiosk, date, start_minute, end_minute, cadence, title, place, "
                                     "service, skill, volunteer_id, locked FROM rota_seats WHERE month = '2026-12' ORDER BY seat");
    std::vector<std::string> out;
    while (query.step()) {
      std::string row;
      for (int c = 0; c < 13; ++c) row += (query.column(c).is_null() ? std::string("NULL") : query.column(c).text()) + "|";
      out.push_back(row);
    }
    return out;
  };
  auto written_over = rows(over.sql());
  CHECK(written_over == rows(anew.sql()));
  std::size_t seats = 0;
  Assignments held;  // the plan's, on the seats of the sessions written
  for (const auto& session : sessions) {
    seats += session.seats.size();
    for (const auto& seat : session.seats) {
      if (plan.assigned.contains(seat.key)) held[seat.key] = plan.assigned.at(seat.key);
    }
  }
  CHECK(written_over.size() == seats);
  CHECK(stored_assignments(over.stored()) == held);
  CHECK(held.contains(given->first));
}

TEST_CASE("build_rota stores every seat of the month", "[schedule]") {
  RotaWorkspace ws;
  auto report = ws.build();
  CHECK_FALSE(report.rebuilt);
  CHECK(report.month.text() == "2026-12");
  CHECK(report.sessions.size() == 62);
  CHECK(report.plan.seats == 131);
  CHECK_FALSE(report.plan.assigned.empty());
  CHECK(report.plan.moved.empty());

  auto seats = ws.stored();
  REQUIRE(seats.size() == 131);
  // In the order of the sessions: date, time, kiosk, then the seats' own order.
  std::vector<std::string> keys;
  for (const auto& s : seats) keys.push_back(s.seat);
  CHECK(keys == seat_keys(report.sessions));
  CHECK(lines(stored_assignments(seats)) == lines(report.plan.assigned));
  std::map<std::int64_t, std::string> names;
  for (const auto& v : kangle::people::Store(ws.sql()).list({})) names[v.id] = v.name;
  for (const auto& s : seats) {
    CHECK_FALSE(s.locked);
    if (s.volunteer) CHECK(s.volunteer_name == names.at(*s.volunteer));
  }
  const auto& event = *std::find_if(seats.begin(), seats.end(),
                                    [](const schedule::RotaSeat& s) { return s.seat == "kangle-hall/2026-12-31/1400/+general/1"; });
  CHECK(event.kiosk == "kangle-hall");
  CHECK(event.date == ymd(2026, 12, 31));
  CHECK(kangle::format_time_range(event.time) == "14:00-16:00");
  CHECK(event.cadence == kangle::config::Cadence::monthly);
  CHECK(event.title == "非遗+党建");
  CHECK(event.place == "康乐汇二楼");
  CHECK(event.service.empty());
  CHECK(event.skill == "general");
  // Every filled seat obeys the hard constraints against the stored volunteers.
  Instance in{{2026, 12}, report.sessions, kangle::people::Store(ws.sql()).list({})};
  check_plan(in, report.plan);
  CHECK(static_cast<int>(report.plan.assigned.size()) == max_flow(in.sessions, in.volunteers));

  kangle::storage::Statement build(ws.sql(), "SELECT month, built_at, seats, filled, moved FROM rota_builds");
  REQUIRE(build.step());
  CHECK(build.column(0).text() == "2026-12");
  CHECK(build.column(1).text() == first_run);
  CHECK(build.column(2).int32() == 131);
  CHECK(build.column(3).int32() == static_cast<int>(report.plan.assigned.size()));
  CHECK(build.column(4).int32() == 0);
  CHECK_FALSE(build.step());
}

TEST_CASE("build_rota: a dry run stores nothing", "[schedule]") {
  RotaWorkspace ws;
  auto report = ws.build(true);
  CHECK(report.plan.seats == 131);
  CHECK_FALSE(report.plan.assigned.empty());
  CHECK(ws.count("rota_seats") == 0);
  CHECK(ws.count("rota_builds") == 0);
  // ... and over a stored rota, leaves it as it was.
  auto stored = ws.build();
  auto before = ws.stored();
  ws.build(true, later_run);
  CHECK(lines(stored_assignments(ws.stored())) == lines(stored_assignments(before)));
  CHECK(ws.count("rota_builds") == 1);
  CHECK(lines(stored_assignments(before)) == lines(stored.plan.assigned));
}

TEST_CASE("build_rota: a second build on unchanged data moves nobody", "[schedule]") {
  RotaWorkspace ws;
  auto first = ws.build();
  auto second = ws.build(false, later_run);
  CHECK(second.rebuilt);
  CHECK(second.plan.moved.empty());
  CHECK(lines(second.plan.assigned) == lines(first.plan.assigned));
  CHECK(lines(stored_assignments(ws.stored())) == lines(first.plan.assigned));
  kangle::storage::Statement builds(ws.sql(), "SELECT built_at, moved FROM rota_builds ORDER BY id");
  REQUIRE(builds.step());
  CHECK(builds.column(0).text() == first_run);
  REQUIRE(builds.step());
  CHECK(builds.column(0).text() == later_run);
  CHECK(builds.column(1).int32() == 0);
}

TEST_CASE("build_rota: a locked seat survives a rebuild after its volunteer's availability changes", "[schedule]") {
  RotaWorkspace ws;
  auto first = ws.build();
  REQUIRE_FALSE(first.plan.assigned.empty());
  // The first filled seat of the month, preferring one whose volunteer has more seats.
  auto counts = loads(first.plan);
  std::string seat;
  for (const auto& key : seat_keys(first.sessions)) {
    auto it = first.plan.assigned.find(key);
    if (it == first.plan.assigned.end()) continue;
    if (seat.empty() || counts[it->second] > counts[first.plan.assigned.at(seat)]) seat = key;
    if (counts[it->second] > 1) break;
  }
  REQUIRE_FALSE(seat.empty());
  auto volunteer = first.plan.assigned.at(seat);
  {
    kangle::storage::Statement lock(ws.sql(), "UPDATE rota_seats SET locked = 1 WHERE month = ? AND seat = ?");
    lock.bind(1, "2026-12");
    lock.bind(2, seat);
    REQUIRE(lock.exec() == 1);
  }
  kangle::people::Store store(ws.sql());
  auto everyone = store.list({});
  auto person_it = std::find_if(everyone.begin(), everyone.end(), [&](const Volunteer& v) { return v.id == volunteer; });
  REQUIRE(person_it != everyone.end());
  auto changed_person = *person_it;
  changed_person.availability = {};  // no longer free at all
  store.update(changed_person, later_run);

  auto second = ws.build(false, later_run);
  CHECK(second.plan.assigned.at(seat) == volunteer);
  // Nowhere else: every other seat of theirs went to someone else or stayed empty.
  int theirs = 0;
  for (const auto& [key, v] : second.plan.assigned) theirs += v == volunteer;
  CHECK(theirs == 1);
  int before = 0;
  for (const auto& [key, v] : first.plan.assigned) before += v == volunteer;
  if (before > 1) CHECK(std::find(second.plan.moved.begin(), second.plan.moved.end(), volunteer) != second.plan.moved.end());
  for (const auto& s : ws.stored()) {
    INFO(s.seat);
    CHECK(s.locked == (s.seat == seat));
    if (s.seat == seat) CHECK(s.volunteer == std::optional<std::int64_t>(volunteer));
  }
  // And a third build keeps the lock again, moving nobody.
  auto third = ws.build(false, later_run);
  CHECK(third.plan.assigned.at(seat) == volunteer);
  CHECK(third.plan.moved.empty());
}

}  // namespace schedule_test
