// SPDX-License-Identifier: Apache-2.0
// The rota's limits across the month's edges (the weekly limit and the cap on days in a
// row count the neighbouring months' seats), the cap re-solved rather than emptied
// (against a brute-force optimum on tiny instances), a blackout winning over a lock, and
// the reasons explain gives for the limit that bound.

#include <functional>
#include <memory>
#include <random>
#include <set>

#include "people/store.hpp"
#include "schedule/away.hpp"
#include "schedule/build.hpp"
#include "schedule/store.hpp"
#include "schedule_fixtures.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "test_database.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace limits_test {

using namespace schedule_fixtures;
using kangle::schedule::AssignOptions;
using kangle::schedule::RotaPlan;
namespace schedule = kangle::schedule;

namespace {

Config with_caps(std::optional<int> days_in_a_row, std::optional<int> weekly) {
  Config config = example();
  config.settings.max_consecutive_days = days_in_a_row;
  config.settings.weekly_limit = weekly;
  return config;
}

std::vector<Session> general_on(std::initializer_list<Date> dates) {
  std::vector<Session> out;
  for (const auto& d : dates) out.push_back(session("k", d, "09:00-11:30", {"general"}));
  return out;
}

}  // namespace

// ═══ limits across the month's edges ══════════════════════════════════════════════

TEST_CASE("assign: the days in a row count the seats of the neighbouring months", "[schedule][limits]") {
  auto config = with_caps(2, std::nullopt);
  SECTION("March built: not on duty April 1st after March 30 and 31") {
    auto april = general_on({ymd(2026, 4, 1), ymd(2026, 4, 2), ymd(2026, 4, 3)});
    AssignOptions options;
    options.outside[1] = {ymd(2026, 3, 30), ymd(2026, 3, 31)};
    auto plan = schedule::assign(config, april, {person(1, {}, always(), 5)}, options);
    CHECK_FALSE(plan.assigned.contains(only_seat(april[0])));
    CHECK(text(plan.unfilled.at(only_seat(april[0]))) == "days_in_a_row [1]");
    CHECK(plan.assigned.at(only_seat(april[1])) == 1);
    CHECK(plan.assigned.at(only_seat(april[2])) == 1);
    // The outside days are not the month's: they do not use up the monthly limit.
    CHECK(schedule::assign(config, {april[1]}, {person(1, {}, always(), 1)}, options).assigned.size() == 1);
  }
  SECTION("April built first: March keeps March 31 free before April 1 and 2") {
    auto march = general_on({ymd(2026, 3, 29), ymd(2026, 3, 30), ymd(2026, 3, 31)});
    AssignOptions options;
    options.outside[1] = {ymd(2026, 4, 1), ymd(2026, 4, 2)};
    auto plan = schedule::assign(config, march, {person(1, {}, always(), 5)}, options);
    CHECK(plan.assigned.at(only_seat(march[0])) == 1);
    CHECK(plan.assigned.at(only_seat(march[1])) == 1);
    CHECK_FALSE(plan.assigned.contains(only_seat(march[2])));
    CHECK(text(plan.unfilled.at(only_seat(march[2]))) == "days_in_a_row [1]");
  }
}

TEST_CASE("assign: the weekly limit counts the seats of a week spanning two months", "[schedule][limits]") {
  // Monday 26 January to Sunday 1 February 2026 is one week.
  auto config = with_caps(std::nullopt, 2);
  auto february = general_on({ymd(2026, 2, 1), ymd(2026, 2, 2)});
  AssignOptions options;
  options.outside[1] = {ymd(2026, 1, 27), ymd(2026, 1, 29)};
  auto plan = schedule::assign(config, february, {person(1, {}, always(), 5)}, options);
  CHECK_FALSE(plan.assigned.contains(only_seat(february[0])));
  CHECK(text(plan.unfilled.at(only_seat(february[0]))) == "weekly_limit [1]");
  CHECK(plan.assigned.at(only_seat(february[1])) == 1);  // a new week
}

TEST_CASE("assign: an empty seat of a day gone by is history, not the cap on days in a row", "[schedule][limits]") {
  // No cap: the 1st and 2nd, before frozen_before and empty in the rota before, stay empty
  // though 1 is free; explain says why, not "more than 0 days in a row".
  auto config = with_caps(std::nullopt, std::nullopt);
  auto december = general_on({ymd(2026, 12, 1), ymd(2026, 12, 2), ymd(2026, 12, 3)});
  AssignOptions options;
  options.frozen_before = ymd(2026, 12, 3);
  auto plan = schedule::assign(config, december, {person(1, {}, always(), 5)}, options);
  CHECK(text(plan.unfilled.at(only_seat(december[0]))) == "day_gone_by []");
  CHECK(text(plan.unfilled.at(only_seat(december[1]))) == "day_gone_by []");
  CHECK(plan.assigned.at(only_seat(december[2])) == 1);
  CHECK(plan.unfilled.size() == 2);
}

namespace {

/// A workspace of the example with its database open and `volunteers` stored.
class LimitsWorkspace {
public:
  explicit LimitsWorkspace(const std::vector<Volunteer>& volunteers) {
    config_ = workspace_.config();
    db_ = std::make_unique<kangle::storage::Database>(database_.location(), kangle::storage::Access::read_write);
    kangle::people::Store store(db_->sql());
    for (auto v : volunteers) {
      v.phone = "1380000" + std::to_string(1000 + v.id);
      ids_.push_back(store.insert(v, now));
    }
  }
  static constexpr const char* now = "2025-12-01T02:00:00Z";
  kangle::storage::Connection& sql() { return db_->sql(); }
  Config& config() { return config_; }
  std::int64_t id(std::size_t i) const { return ids_.at(i); }
  schedule::BuildReport build(const schedule::Month& month) { return schedule::build_rota(sql(), config_, month, now, false); }
  /// The days volunteer `id` serves in the stored rota of `month`.
  std::set<Date> days_of(std::int64_t id, const schedule::Month& month) {
    std::set<Date> out;
    for (const auto& s : schedule::RotaStore(sql()).month(month)) {
      if (s.volunteer == id) out.insert(s.date);
    }
    return out;
  }

private:
  Workspace workspace_;
  kangle::test::TestDatabase database_{workspace_.path()};
  Config config_;
  std::unique_ptr<kangle::storage::Database> db_;
  std::vector<std::int64_t> ids_;
};

/// One volunteer of every skill the example's menus ask, free every day, has a seat on
/// every day a kiosk is open.
Volunteer of_every_skill(std::int64_t id) {
  return person(id,
                {"barber", "tailor", "handyman", "knife-grinder", "nurse", "calibration", "watchmaker",
                 "bicycle-mechanic", "counsellor", "craftsperson", "lawyer"},
                always(), 31);
}

}  // namespace

TEST_CASE("build_rota: two months built either way round never exceed the cap across their edge",
          "[schedule][limits]") {
  for (bool april_first : {false, true}) {
    INFO((april_first ? "April, then March" : "March, then April"));
    LimitsWorkspace ws({of_every_skill(1)});
    ws.config().settings.max_consecutive_days = 2;
    if (april_first) ws.build({2026, 4});
    ws.build({2026, 3});
    if (!april_first) ws.build({2026, 4});
    auto march = ws.days_of(ws.id(0), {2026, 3});
    auto april = ws.days_of(ws.id(0), {2026, 4});
    REQUIRE(march.size() > 5);
    REQUIRE(april.size() > 5);
    auto both = march;
    both.insert(april.begin(), april.end());
    CHECK(longest_run(march) == 2);
    CHECK(longest_run(both) == 2);
  }
}

TEST_CASE("build_rota: the weekly limit counts March's seats in the week of April 1st", "[schedule][limits]") {
  // Monday March 30 to Sunday April 5, 2026 (the kiosks open on weekdays only: the week
  // of February 1st has none of its days in February).
  for (bool april_first : {false, true}) {
    INFO((april_first ? "April, then March" : "March, then April"));
    LimitsWorkspace ws({of_every_skill(1)});
    ws.config().settings.weekly_limit = 2;
    if (april_first) ws.build({2026, 4});
    ws.build({2026, 3});
    if (!april_first) ws.build({2026, 4});
    std::map<sys_days, int> weeks;
    for (const auto& month : {schedule::Month{2026, 3}, schedule::Month{2026, 4}}) {
      for (const auto& d : ws.days_of(ws.id(0), month)) ++weeks[sys_days{d} - (weekday{sys_days{d}} - Monday)];
    }
    for (const auto& [monday, n] : weeks) {
      INFO(kangle::format_date(Date{monday}));
      CHECK(n <= 2);
    }
    CHECK(weeks[sys_days{ymd(2026, 3, 30)}] == 2);  // it binds there
  }
}

// ═══ the cap re-solved, not emptied ═══════════════════════════════════════════════

TEST_CASE("assign: a seat the cap frees goes to the rota where the cap does not bind", "[schedule][limits]") {
  // Thursday's general seat: 甲 or 乙; Friday's knife seat: only 甲. The flow alone gives
  // 甲 both (乙's one seat costs more balance); the cap of 1 must then give Thursday to 乙.
  auto config = with_caps(1, std::nullopt);
  std::vector<Session> sessions = {session("k", ymd(2026, 12, 10), "09:00-11:30", {"general"}),
                                   session("k", ymd(2026, 12, 11), "09:00-11:30", {"knife-grinder"})};
  auto plan = schedule::assign(config, sessions, {person(1, {"knife-grinder"}, always(), 6), person(2, {}, always(), 1)}, {});
  CHECK(lines(plan.assigned) == std::vector<std::string>{only_seat(sessions[0]) + "=2", only_seat(sessions[1]) + "=1"});
  CHECK(plan.unfilled.empty());
}

namespace {

/// A tiny instance: 3–5 days in a row, one or two sessions a day of one or two seats,
/// two to four volunteers.
struct Tiny {
  std::vector<Session> sessions;
  std::vector<Volunteer> volunteers;
  Config config;
};

Tiny tiny(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  const std::vector<std::string> skills = {"general", "knife-grinder", "barber"};
  Tiny t;
  t.config = with_caps(pick(1, 2), chance(0.3) ? std::optional{2} : std::nullopt);
  auto first = ymd(2026, 12, static_cast<unsigned>(pick(1, 10)));
  int days = pick(3, 5), seats = 0;
  for (int d = 0; d < days && seats < 7; ++d) {
    for (int s = pick(1, 2); s > 0 && seats < 7; --s) {
      std::vector<std::string> wanted;
      for (int k = pick(1, 2); k > 0 && seats < 7; --k, ++seats) wanted.push_back(skills[static_cast<std::size_t>(pick(0, 2))]);
      t.sessions.push_back(session(s == 1 ? "a" : "b", plus_days(first, d), s == 1 ? "09:00-11:30" : "13:30-16:00", wanted));
    }
  }
  for (int i = pick(2, 4); i > 0; --i) {
    std::vector<std::string> has;
    for (std::size_t k = 1; k < skills.size(); ++k) {
      if (chance(0.5)) has.push_back(skills[k]);
    }
    Availability a;
    for (auto& day : a.slots) {
      if (chance(0.8)) day.set();
    }
    t.volunteers.push_back(person(static_cast<std::int64_t>(t.volunteers.size() + 1), has, a, pick(1, 4)));
  }
  return t;
}

/// The most seats any rota of `t` fills within every hard limit, by trying them all.
int brute_force_most(const Tiny& t) {
  struct Slot {
    const Session* session;
    const kangle::schedule::Seat* seat;
  };
  std::vector<Slot> slots;
  for (const auto& s : t.sessions) {
    for (const auto& seat : s.seats) slots.push_back({&s, &seat});
  }
  std::vector<std::vector<Date>> held(t.volunteers.size());
  auto fits = [&](std::size_t v) {
    const auto& days = held[v];
    if (static_cast<int>(days.size()) > *t.volunteers[v].monthly_limit) return false;
    std::set<Date> distinct(days.begin(), days.end());
    if (distinct.size() != days.size()) return false;  // one seat a day
    if (longest_run(distinct) > *t.config.settings.max_consecutive_days) return false;
    if (auto weekly = t.config.settings.weekly_limit) {
      std::map<sys_days, int> weeks;
      for (const auto& d : distinct) {
        if (++weeks[sys_days{d} - (weekday{sys_days{d}} - Monday)] > *weekly) return false;
      }
    }
    return true;
  };
  int best = 0;
  std::function<void(std::size_t, int)> next = [&](std::size_t k, int filled) {
    if (filled + static_cast<int>(slots.size() - k) <= best) return;
    if (k == slots.size()) {
      best = filled;
      return;
    }
    for (std::size_t v = 0; v < t.volunteers.size(); ++v) {
      if (!schedule::eligible(t.config, t.volunteers[v], *slots[k].session, *slots[k].seat)) continue;
      held[v].push_back(slots[k].session->date);
      if (fits(v)) next(k + 1, filled + 1);
      held[v].pop_back();
    }
    next(k + 1, filled);
  };
  next(0, 0);
  return best;
}

}  // namespace

TEST_CASE("assign on tiny generated instances where the cap binds: as many seats as the best rota", "[schedule][limits]") {
  std::mt19937 rng(17);
  int binding = 0;
  for (int round = 0; round < 300; ++round) {
    auto t = tiny(rng);
    auto plan = schedule::assign(t.config, t.sessions, t.volunteers, {});
    auto uncapped = t.config;
    uncapped.settings.max_consecutive_days = 99;
    if (schedule::assign(uncapped, t.sessions, t.volunteers, {}).assigned.size() > plan.assigned.size()) ++binding;
    INFO("round " << round << ": cap " << *t.config.settings.max_consecutive_days << ", weekly "
                  << t.config.settings.weekly_limit.value_or(0) << ", " << t.volunteers.size() << " volunteers, "
                  << t.sessions.size() << " sessions");
    CHECK(static_cast<int>(plan.assigned.size()) == brute_force_most(t));
    // Within the limits, and the same again.
    std::map<std::int64_t, std::set<Date>> days;
    std::map<std::string, const Session*> session_of;
    for (const auto& s : t.sessions) {
      for (const auto& seat : s.seats) session_of[seat.key] = &s;
    }
    for (const auto& [seat, id] : plan.assigned) CHECK(days[id].insert(session_of.at(seat)->date).second);
    for (const auto& [id, dates] : days) CHECK(longest_run(dates) <= *t.config.settings.max_consecutive_days);
    CHECK(lines(plan.assigned) == lines(schedule::assign(t.config, t.sessions, t.volunteers, {}).assigned));
    // A rebuild on the same data keeps it all and moves nobody; a lock holds; days
    // before frozen_before stay as they were.
    AssignOptions again;
    again.previous = plan.assigned;
    auto rebuilt = schedule::assign(t.config, t.sessions, t.volunteers, again);
    CHECK(lines(rebuilt.assigned) == lines(plan.assigned));
    CHECK(rebuilt.moved.empty());
    if (plan.assigned.empty()) continue;
    AssignOptions locked;
    locked.locked = {*plan.assigned.rbegin()};
    locked.frozen_before = plus_days(t.sessions.front().date, 1);
    locked.previous = plan.assigned;
    auto with_lock = schedule::assign(t.config, t.sessions, t.volunteers, locked);
    CHECK(with_lock.assigned.at(plan.assigned.rbegin()->first) == plan.assigned.rbegin()->second);
    for (const auto& seat : t.sessions.front().seats) {
      CHECK(with_lock.assigned.contains(seat.key) == plan.assigned.contains(seat.key));
      if (plan.assigned.contains(seat.key)) CHECK(with_lock.assigned.at(seat.key) == plan.assigned.at(seat.key));
    }
    CHECK(static_cast<int>(with_lock.assigned.size()) == static_cast<int>(plan.assigned.size()));
  }
  CHECK(binding > 20);  // the cap binds often enough to mean something
}

// ═══ away wins over a lock ════════════════════════════════════════════════════════

TEST_CASE("assign: a locked seat of a volunteer away that day is freed and said", "[schedule][limits]") {
  auto days = general_on({ymd(2026, 12, 7), ymd(2026, 12, 8)});
  auto away = person(1, {}, always(), 5);
  away.blackouts.push_back({ymd(2026, 12, 8), ymd(2026, 12, 8), "sick"});
  AssignOptions options;
  options.locked = {{only_seat(days[0]), 1}, {only_seat(days[1]), 1}};
  options.previous = options.locked;
  auto plan = schedule::assign(example(), days, {away, person(2, {}, always(), 5)}, options);
  CHECK(plan.assigned.at(only_seat(days[0])) == 1);  // the lock still holds on a day they serve
  CHECK(plan.assigned.at(only_seat(days[1])) == 2);
  CHECK(lines(plan.freed) == std::vector<std::string>{only_seat(days[1]) + "=1"});
  // Days gone by are history: an absence declared after them changes nothing.
  options.frozen_before = ymd(2026, 12, 9);
  auto history = schedule::assign(example(), days, {away, person(2, {}, always(), 5)}, options);
  CHECK(history.assigned.at(only_seat(days[1])) == 1);
  CHECK(history.freed.empty());
}

TEST_CASE("build_rota: away on a locked seat frees it, and the stored lock goes with it", "[schedule][limits]") {
  LimitsWorkspace ws({person(1, {"barber"}, always(), 31), person(2, {"barber"}, always(), 31)});
  auto first = ws.build({2026, 12});
  schedule::RotaStore rota(ws.sql());
  REQUIRE(rota.set_locked({2026, 12}, "", ws.id(0), true) > 0);
  auto locked = rota.month({2026, 12});
  auto seat = std::find_if(locked.begin(), locked.end(), [](const auto& s) { return s.locked; });
  REQUIRE(seat != locked.end());
  auto declared = schedule::declare_away(ws.sql(), ws.id(0), {seat->date, seat->date, "ill"}, LimitsWorkspace::now);
  REQUIRE(declared.seats.size() == 1);
  CHECK(declared.seats[0].locked);
  auto second = ws.build({2026, 12});
  CHECK(lines(second.plan.freed) == std::vector<std::string>{seat->seat + "=" + std::to_string(ws.id(0))});
  // The other barber, unless on duty elsewhere that day.
  if (second.plan.assigned.contains(seat->seat)) CHECK(second.plan.assigned.at(seat->seat) == ws.id(1));
  for (const auto& s : rota.month({2026, 12})) {
    INFO(s.seat);
    if (s.seat == seat->seat) CHECK_FALSE(s.locked);
    else if (s.volunteer == ws.id(0)) CHECK(s.locked);
  }
  CHECK(ws.build({2026, 12}).plan.freed.empty());  // said once: the seat is no longer locked
}

// ═══ explain names the limit that bound ═══════════════════════════════════════════

TEST_CASE("assign: the seat beside theirs in the same session is not \"elsewhere\"", "[schedule][limits]") {
  auto two = session("k", ymd(2026, 12, 7), "09:00-11:30", {"general", "general"});
  auto plan = schedule::assign(example(), {two}, {person(1, {}, always(), 5)}, {});
  REQUIRE(plan.unfilled.size() == 1);
  CHECK(text(plan.unfilled.begin()->second) == "in_this_session [1]");
  // Elsewhere that day for one, beside it for the other: both said, each for what it is.
  auto other = session("j", ymd(2026, 12, 7), "09:00-11:30", {"barber"});
  auto mixed = schedule::assign(example(), {two, other},
                                {person(1, {}, always(), 5), person(2, {"barber"}, when({{1, DayPart::morning}}), 5)}, {});
  REQUIRE(mixed.assigned.at(only_seat(other)) == 2);
  REQUIRE(mixed.unfilled.size() == 1);
  const auto& why = mixed.unfilled.begin()->second;
  CHECK(text(why) == "busy_that_day [1,2]");
  CHECK(why.in_session == std::vector<std::int64_t>{1});
}

TEST_CASE("assign: the monthly and the weekly limit are told apart", "[schedule][limits]") {
  auto days = general_on({ymd(2026, 12, 7), ymd(2026, 12, 8), ymd(2026, 12, 9)});
  auto weekly = schedule::assign(with_caps(std::nullopt, 1), days, {person(1, {}, always(), 5)}, {});
  CHECK(weekly.assigned.size() == 1);
  for (const auto& [seat, why] : weekly.unfilled) CHECK(text(why) == "weekly_limit [1]");
  auto monthly = schedule::assign(with_caps(std::nullopt, 3), days, {person(1, {}, always(), 1)}, {});
  for (const auto& [seat, why] : monthly.unfilled) CHECK(text(why) == "at_limit [1]");
}

}  // namespace limits_test
