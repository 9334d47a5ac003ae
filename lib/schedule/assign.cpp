// SPDX-License-Identifier: Apache-2.0
#include "schedule/assign.hpp"

#include <algorithm>
#include <bitset>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <ostream>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "solver/min_cost_flow.hpp"

namespace kangle::schedule {
namespace {

using solver::FlowNetwork;

int monthly_limit(const config::Config& config, const people::Volunteer& v) {
  return v.monthly_limit.value_or(config.settings.monthly_limit);
}

/// Who may take a seat for its skill, by volunteer index in order: everyone for a general
/// seat, else those who list its skill. What looks for a seat's people looks at these
/// alone (certificates still to check): a district's empty seats want a skill few have.
class BySkill {
public:
  explicit BySkill(const std::vector<people::Volunteer>& volunteers) : everyone_(volunteers.size()) {
    std::iota(everyone_.begin(), everyone_.end(), std::size_t{0});
    for (std::size_t i = 0; i < volunteers.size(); ++i) {
      for (const auto& skill : volunteers[i].skills) {
        auto& listed = with_[skill.skill];
        if (listed.empty() || listed.back() != i) listed.push_back(i);
      }
    }
  }
  const std::vector<std::size_t>& who_may_take(const Seat& seat) const {
    if (seat.skill == config::general_skill) return everyone_;
    auto it = with_.find(seat.skill);
    return it == with_.end() ? nobody_ : it->second;
  }

private:
  std::vector<std::size_t> everyone_, nobody_;
  std::map<std::string, std::vector<std::size_t>> with_;
};

bool has_skill(const config::Config& config, const people::Volunteer& v, const Seat& seat, const Date& date) {
  if (seat.skill == config::general_skill) return true;
  auto it = std::find_if(v.skills.begin(), v.skills.end(), [&](const auto& s) { return s.skill == seat.skill; });
  if (it == v.skills.end()) return false;
  const auto* skill = config.catalogue.find_skill(seat.skill);
  bool certified = skill && !skill->certificate.empty();
  // A certificate that expires on a day covers the days before it, not that day.
  return !certified || !it->certificate_expires || date < *it->certificate_expires;
}

/// The parts of the day `time` overlaps as bits (morning 1, afternoon 2, evening 4).
std::bitset<3> part_bits(const TimeRange& time) {
  std::bitset<3> bits;
  for (auto part : people::parts_of_day(time)) bits.set(static_cast<std::size_t>(part));
  return bits;
}

/// True when `v` said they are free on `weekday` (0 Sunday) at every part of day `needed`.
bool free_on(const people::Volunteer& v, unsigned weekday, std::bitset<3> needed) {
  return (v.availability.slots[weekday] & needed) == needed;
}

/// True when `v` declared they cannot serve on `date` (a blackout): it wins over a lock.
bool away_on(const people::Volunteer& v, const Date& date) {
  return std::any_of(v.blackouts.begin(), v.blackouts.end(), [&](const auto& b) { return b.covers(date); });
}

bool available(const people::Volunteer& v, const Session& session) {
  return !away_on(v, session.date) && free_on(v, staffing_weekday(session).c_encoding(), part_bits(session.time));
}

/// 1 when `v` stated preferences and the seat is at none of their kiosks and in none of
/// their services; 0 otherwise (no preferences: anywhere suits them).
int off_preference(const people::Volunteer& v, const Session& session, const Seat& seat) {
  if (v.preferences.empty()) return 0;
  auto wanted = [&](const std::string& id) {
    return !id.empty() && std::find(v.preferences.begin(), v.preferences.end(), id) != v.preferences.end();
  };
  return wanted(session.kiosk) || wanted(seat.service) ? 0 : 1;
}

std::chrono::sys_days monday_of(const Date& date) {
  auto day = std::chrono::sys_days{date};
  return day - (std::chrono::weekday{day} - std::chrono::Monday);
}

/// The seats each volunteer holds, counted the ways the hard limits count them: the
/// month, the week, the day, the days in a row; with the days they serve outside the
/// month (AssignOptions::outside) in the week and the days in a row. The passes after the
/// flow change the rota only through it, so none of them can break a limit.
class Holdings {
public:
  Holdings(const config::Config& config, const std::vector<people::Volunteer>& volunteers,
           const std::map<std::int64_t, std::set<Date>>& outside)
      : config_(config), volunteers_(volunteers), month_(volunteers.size(), 0), days_(volunteers.size()) {
    for (std::size_t v = 0; v < volunteers.size(); ++v) {
      auto it = outside.find(volunteers[v].id);
      if (it == outside.end()) continue;
      for (const auto& date : it->second) {
        if (days_[v].insert(date).second) ++week_[{v, monday_of(date)}];
      }
    }
  }

  void add(std::size_t v, const Date& date) {
    ++month_[v];
    ++week_[{v, monday_of(date)}];
    days_[v].insert(date);
  }
  void remove(std::size_t v, const Date& date) {
    --month_[v];
    --week_[{v, monday_of(date)}];
    days_[v].erase(date);
  }
  int month(std::size_t v) const { return month_[v]; }
  bool busy(std::size_t v, const Date& date) const { return days_[v].contains(date); }
  bool under_monthly_limit(std::size_t v) const { return month_[v] < monthly_limit(config_, volunteers_[v]); }
  bool under_weekly_limit(std::size_t v, const Date& date) const {
    const auto& weekly = config_.settings.weekly_limit;
    auto week = week_.find({v, monday_of(date)});
    return !weekly || week == week_.end() || week->second < *weekly;
  }
  bool under_limits(std::size_t v, const Date& date) const {
    return under_monthly_limit(v) && under_weekly_limit(v, date);
  }
  /// True when serving on `date` too would make more days in a row than the cap.
  bool too_many_in_a_row(std::size_t v, const Date& date) const {
    const auto& cap = config_.settings.max_consecutive_days;
    if (!cap) return false;
    int run = 1;
    for (auto d = std::chrono::sys_days{date} - std::chrono::days{1}; days_[v].contains(Date{d}); d -= std::chrono::days{1}) ++run;
    for (auto d = std::chrono::sys_days{date} + std::chrono::days{1}; days_[v].contains(Date{d}); d += std::chrono::days{1}) ++run;
    return run > *cap;
  }
  /// May `v` take one more seat on `date`, a day they do not serve yet?
  bool can_take(std::size_t v, const Date& date) const {
    return !busy(v, date) && under_limits(v, date) && !too_many_in_a_row(v, date);
  }
  /// Days `v` serves, in order, outside days included.
  const std::set<Date>& days(std::size_t v) const { return days_[v]; }

private:
  const config::Config& config_;
  const std::vector<people::Volunteer>& volunteers_;
  std::vector<int> month_;
  std::map<std::pair<std::size_t, std::chrono::sys_days>, int> week_;
  std::vector<std::set<Date>> days_;
};

/// Every seat of the month with its session, and who holds it (by volunteer index).
struct SeatTable {
  struct Entry {
    const Session* session;
    const Seat* seat;
    bool fixed;                              ///< locked, or on a day gone by: never moved
    std::optional<std::size_t> previous;     ///< its volunteer in the rota before a rebuild
    std::optional<std::size_t> holder;
  };
  std::vector<Entry> entries;
  std::vector<std::vector<std::size_t>> held;  ///< by volunteer: the entries they hold

  void give(std::size_t entry, std::optional<std::size_t> to) {
    if (auto from = entries[entry].holder) std::erase(held[*from], entry);
    entries[entry].holder = to;
    if (to) held[*to].push_back(entry);
  }
  bool kept(std::size_t entry) const { return entries[entry].previous && entries[entry].previous == entries[entry].holder; }
};

/// The tiers of the flow's objective, highest first: seats filled (over the whole rota);
/// then, path by path, the previous rota kept; the first seat of a service in a session
/// before its second (two sessions with one barber each rather than one with two and one
/// with none); load balanced relative to each volunteer's limit (the k-th of L shifts
/// costs balance_scale·(2k−1)/L: convex, relative to L); stated preferences. Each tier's
/// unit outweighs everything below it.
struct Tiers {
  static constexpr std::int64_t balance_scale = 1000;
  std::int64_t balance_unit = 1;  ///< one balance step: more than every preference together
  std::int64_t spread_step = 0, keep_bonus = 0, fill_reward = 0;

  Tiers(std::int64_t open_seats, int most_seats) {
    // Preferences total at most one per open seat. Were the costs to grow past what
    // 64 bits hold for the whole rota, preferences become a tie-break within balance.
    constexpr std::int64_t budget = std::numeric_limits<std::int64_t>::max() / 8;
    balance_unit = open_seats + 1;
    while (!fits(open_seats, most_seats, budget) && balance_unit > 1) balance_unit /= 2;
  }
  std::int64_t balance(int k, int limit) const { return balance_unit * (balance_scale * (2 * k - 1) / limit); }

private:
  bool fits(std::int64_t open_seats, int most_seats, std::int64_t budget) {
    std::int64_t most_balance = 2 * balance_scale * balance_unit;
    spread_step = most_balance + 1;
    keep_bonus = spread_step * most_seats + most_balance + 1;
    std::int64_t below_fill = keep_bonus + spread_step * most_seats + most_balance;
    fill_reward = below_fill * (open_seats + 1);
    return below_fill <= budget / (open_seats + 1) / (open_seats + 1);
  }
};

/// A volunteer-day to forbid: the flow's rota put them on duty more days in a row than the cap.
using Forbidden = std::set<std::pair<std::size_t, Date>>;

/// Where the rota breaks the cap on days in a row: for each volunteer (by index) with
/// cap + 1 days in a row that include seats the flow gave them, the first such window and
/// the days of those seats in it, the latest first. A rota within the cap must leave one
/// of them to someone else (the window's other days are locked, history or outside the
/// month). Windows of fixed days only are left alone: nothing can mend them.
struct RunOverCap {
  std::size_t volunteer = 0;
  std::vector<Date> open_days;
};
std::vector<RunOverCap> runs_over_cap(const config::Config& config, const SeatTable& table, const Holdings& holdings) {
  std::vector<RunOverCap> out;
  const auto& cap = config.settings.max_consecutive_days;
  if (!cap) return out;
  for (std::size_t v = 0; v < table.held.size(); ++v) {
    std::set<Date> open;
    for (auto e : table.held[v]) {
      if (!table.entries[e].fixed) open.insert(table.entries[e].session->date);
    }
    if (open.empty()) continue;
    std::vector<Date> run;  // the current run of days in a row
    for (const auto& day : holdings.days(v)) {
      if (!run.empty() && std::chrono::sys_days{run.back()} + std::chrono::days{1} != std::chrono::sys_days{day}) run.clear();
      run.push_back(day);
      if (static_cast<int>(run.size()) <= *cap) continue;
      RunOverCap over{v, {}};
      for (auto d = run.rbegin(); d != run.rbegin() + *cap + 1; ++d) {
        if (open.contains(*d)) over.open_days.push_back(*d);
      }
      if (over.open_days.empty()) continue;
      out.push_back(std::move(over));
      break;
    }
  }
  return out;
}

/// The cheap mend first: each seat that makes a run one day too long, in date order, goes
/// to the least loaded (relative to their limit, then lowest index) who can take it. True
/// when every such seat found someone and no run is left over the cap: then the rota
/// fills as many seats as the flow without the cap, which no rota within it can beat.
/// False otherwise (the caller then re-solves).
bool hand_over_runs_over_cap(const config::Config& config, const std::vector<people::Volunteer>& volunteers,
                             SeatTable& table, Holdings& holdings) {
  const auto& cap = config.settings.max_consecutive_days;
  if (!cap) return true;
  for (std::size_t v = 0; v < volunteers.size(); ++v) {
    auto seats = table.held[v];
    std::sort(seats.begin(), seats.end(),
              [&](auto a, auto b) { return table.entries[a].session->date < table.entries[b].session->date; });
    for (auto entry : seats) {
      const auto& session = *table.entries[entry].session;
      if (table.entries[entry].fixed) continue;
      // The day that makes the run one too long, counting the days before it.
      int before = 0;
      for (auto d = std::chrono::sys_days{session.date} - std::chrono::days{1}; holdings.busy(v, Date{d});
           d -= std::chrono::days{1}) {
        ++before;
      }
      if (before < *cap) continue;
      holdings.remove(v, session.date);
      table.give(entry, std::nullopt);
      std::optional<std::size_t> taker;
      for (std::size_t w = 0; w < volunteers.size(); ++w) {
        if (w == v || !holdings.can_take(w, session.date) ||
            !eligible(config, volunteers[w], session, *table.entries[entry].seat)) {
          continue;
        }
        auto share = [&](std::size_t i) {
          return static_cast<double>(holdings.month(i)) / monthly_limit(config, volunteers[i]);
        };
        if (!taker || share(w) < share(*taker)) taker = w;
      }
      if (!taker) return false;
      holdings.add(*taker, session.date);
      table.give(entry, taker);
    }
  }
  return runs_over_cap(config, table, holdings).empty();
}

/// The local search on top of the flow for what it cannot express: a rebuild should
/// move as few people as it can, but the flow, having kept what it could, spreads the
/// seats that change hands by balance. Someone who only gained seats gives them all to
/// others who are moving anyway, when those can take them. Seats filled and seats kept
/// stay as they are.
void give_changes_to_fewest(const config::Config& config, const std::vector<people::Volunteer>& volunteers,
                            SeatTable& table, Holdings& holdings) {
  std::vector<std::vector<std::size_t>> gained(volunteers.size());
  std::set<std::size_t> losing;
  for (std::size_t e = 0; e < table.entries.size(); ++e) {
    const auto& entry = table.entries[e];
    if (entry.previous && entry.previous != entry.holder) losing.insert(*entry.previous);
    if (entry.holder && entry.previous != entry.holder) gained[*entry.holder].push_back(e);
  }
  std::set<std::size_t> moving = losing;
  for (std::size_t v = 0; v < volunteers.size(); ++v) {
    if (!gained[v].empty()) moving.insert(v);
  }
  // Those who move least first: they are the easiest to spare.
  std::vector<std::size_t> order;
  for (std::size_t v = 0; v < volunteers.size(); ++v) {
    if (!gained[v].empty() && !losing.contains(v)) order.push_back(v);
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return gained[a].size() < gained[b].size(); });
  for (auto giver : order) {
    std::vector<std::pair<std::size_t, std::size_t>> moves;  // entry, taker
    for (auto entry : gained[giver]) {
      const auto& seat = table.entries[entry];
      if (seat.fixed) break;
      holdings.remove(giver, seat.session->date);
      std::optional<std::size_t> taker;
      for (auto candidate : moving) {
        if (candidate != giver && holdings.can_take(candidate, seat.session->date) &&
            eligible(config, volunteers[candidate], *seat.session, *seat.seat)) {
          taker = candidate;
          break;
        }
      }
      if (!taker) {
        holdings.add(giver, seat.session->date);
        break;
      }
      holdings.add(*taker, seat.session->date);
      moves.emplace_back(entry, *taker);
    }
    if (moves.size() != gained[giver].size()) {  // all or nothing: undo the trial
      for (auto [entry, taker] : moves) {
        holdings.remove(taker, table.entries[entry].session->date);
        holdings.add(giver, table.entries[entry].session->date);
      }
      continue;
    }
    for (auto [entry, taker] : moves) {
      table.give(entry, taker);
      gained[taker].push_back(entry);
    }
    gained[giver].clear();
    moving.erase(giver);
  }
}

/// The recurring slot a seat belongs to: the same kiosk, weekday, hours and duty week
/// after week. Residents like to see the same barber there.
std::string slot_of(const Session& session, const Seat& seat) {
  return session.kiosk + '|' + std::to_string(session.acts_as.c_encoding()) + '|' + std::to_string(session.time.start) +
         '|' + (seat.service.empty() ? seat.skill : seat.service);
}

/// The last tier, a local search since it counts pairs of seats, which no arc cost can:
/// the same volunteer on the same recurring slot. Two volunteers exchange one seat each
/// when that gives more pairs of a slot's seats to one volunteer — Σ n² over slots and
/// volunteers, n the seats the volunteer holds in the slot (the seats of a slot being
/// fixed, it orders rotas as the pairs do; two people swapping halves of two slots gain) — and
/// changes nothing above: the seats filled and kept, each volunteer's load (so balance),
/// preferences (an exchange may also serve them better), and every hard constraint.
/// Only seats not kept from the rota before take part, so on a rebuild only people who
/// move anyway exchange. Passes until nothing improves.
void keep_regulars(const config::Config& config, const std::vector<people::Volunteer>& volunteers, SeatTable& table,
                   Holdings& holdings) {
  std::map<std::string, int> slot_ids;
  std::vector<int> slot(table.entries.size());
  for (std::size_t e = 0; e < table.entries.size(); ++e) {
    auto key = slot_of(*table.entries[e].session, *table.entries[e].seat);
    slot[e] = slot_ids.try_emplace(key, static_cast<int>(slot_ids.size())).first->second;
  }
  std::map<std::pair<int, std::size_t>, int> count;  // (slot, volunteer) → seats
  std::vector<std::set<std::size_t>> holders(slot_ids.size());
  for (std::size_t e = 0; e < table.entries.size(); ++e) {
    if (auto v = table.entries[e].holder) {
      ++count[{slot[e], *v}];
      holders[static_cast<std::size_t>(slot[e])].insert(*v);
    }
  }
  auto seats_in = [&](int s, std::size_t v) {
    auto it = count.find({s, v});
    return it == count.end() ? 0 : it->second;
  };
  // The change in Σ n² when a volunteer's n seats in a slot change by `by`.
  auto regulars_gained = [](int n, int by) { return (n + by) * (n + by) - n * n; };
  auto move_count = [&](int s, std::size_t from, std::size_t to) {
    if (--count[{s, from}] == 0) holders[static_cast<std::size_t>(s)].erase(from);
    ++count[{s, to}];
    holders[static_cast<std::size_t>(s)].insert(to);
  };
  auto movable = [&](std::size_t e) { return !table.entries[e].fixed && !table.kept(e); };
  // Moves a day from one volunteer to another's calendar if every limit allows it.
  auto exchange_days = [&](std::size_t a, const Date& a_gets, std::size_t b, const Date& b_gets) {
    if (a_gets == b_gets) return true;  // both still serve that one day
    holdings.remove(a, b_gets);
    holdings.remove(b, a_gets);
    if (holdings.can_take(a, a_gets) && holdings.can_take(b, b_gets)) {
      holdings.add(a, a_gets);
      holdings.add(b, b_gets);
      return true;
    }
    holdings.add(a, b_gets);
    holdings.add(b, a_gets);
    return false;
  };
  constexpr int most_passes = 8;  // every exchange improves; a few passes reach the fixed point in practice
  for (int pass = 0; pass < most_passes; ++pass) {
    bool improved = false;
    for (std::size_t s_entry = 0; s_entry < table.entries.size(); ++s_entry) {
      auto b = table.entries[s_entry].holder;
      if (!b || !movable(s_entry)) continue;
      const auto& s_seat = table.entries[s_entry];
      const int s_slot = slot[s_entry];
      std::optional<std::size_t> partner;  // the seat of a regular of the slot that b takes in exchange
      std::size_t a = 0;
      for (auto candidate : holders[static_cast<std::size_t>(s_slot)]) {
        if (candidate == *b || !eligible(config, volunteers[candidate], *s_seat.session, *s_seat.seat)) continue;
        for (auto u_entry : table.held[candidate]) {
          const int u_slot = slot[u_entry];
          const auto& u_seat = table.entries[u_entry];
          if (u_slot == s_slot || !movable(u_entry) || !eligible(config, volunteers[*b], *u_seat.session, *u_seat.seat)) {
            continue;
          }
          int prefs_before = off_preference(volunteers[*b], *s_seat.session, *s_seat.seat) +
                             off_preference(volunteers[candidate], *u_seat.session, *u_seat.seat);
          int prefs_after = off_preference(volunteers[candidate], *s_seat.session, *s_seat.seat) +
                            off_preference(volunteers[*b], *u_seat.session, *u_seat.seat);
          int gain = regulars_gained(seats_in(s_slot, candidate), 1) + regulars_gained(seats_in(s_slot, *b), -1) +
                     regulars_gained(seats_in(u_slot, *b), 1) + regulars_gained(seats_in(u_slot, candidate), -1);
          bool better = prefs_after < prefs_before || (prefs_after == prefs_before && gain > 0);
          if (better && exchange_days(candidate, s_seat.session->date, *b, u_seat.session->date)) {
            partner = u_entry;
            a = candidate;
            break;
          }
        }
        if (partner) break;
      }
      if (!partner) continue;
      move_count(s_slot, *b, a);
      move_count(slot[*partner], a, *b);
      table.give(s_entry, a);
      table.give(*partner, *b);
      improved = true;
    }
    if (!improved) break;
  }
}

/// After the passes that move seats between people, an empty seat someone can still take
/// goes to them: the cap on days in a row may have left one that a later exchange freed.
/// Without a cap the flow has filled them all already; run anyway, it is what lets
/// explain_unfilled blame the cap only when there is one.
void fill_what_is_left(const config::Config& config, const std::vector<people::Volunteer>& volunteers,
                       const BySkill& by_skill, SeatTable& table, Holdings& holdings) {
  for (std::size_t e = 0; e < table.entries.size(); ++e) {
    const auto& entry = table.entries[e];
    if (entry.holder || entry.fixed) continue;
    for (auto v : by_skill.who_may_take(*entry.seat)) {
      // Eligibility first: for a skill's seat it rules out most of a district at once.
      if (eligible(config, volunteers[v], *entry.session, *entry.seat) && holdings.can_take(v, entry.session->date)) {
        holdings.add(v, entry.session->date);
        table.give(e, v);
        break;
      }
    }
  }
}

/// Why each empty seat is empty, from the first hard constraint that left nobody.
void explain_unfilled(const config::Config& config, const std::vector<people::Volunteer>& volunteers,
                      const BySkill& by_skill, const SeatTable& table, const Holdings& holdings,
                      const std::optional<Date>& frozen_before, RotaPlan& plan) {
  for (const auto& entry : table.entries) {
    if (entry.holder || plan.assigned.contains(entry.seat->key)) continue;
    const auto& session = *entry.session;
    if (frozen_before && session.date < *frozen_before) {
      // History: whoever is free now, the seat stays as the day was.
      plan.unfilled[entry.seat->key] = {Unfilled::Reason::day_gone_by, {}, {}};
      continue;
    }
    std::vector<std::int64_t> skilled, free, under_month, under_limit, idle, in_session;
    for (auto i : by_skill.who_may_take(*entry.seat)) {
      const auto& v = volunteers[i];
      if (!has_skill(config, v, *entry.seat, session.date)) continue;
      skilled.push_back(v.id);
      if (!available(v, session)) continue;
      free.push_back(v.id);
      if (!holdings.under_monthly_limit(i)) continue;
      under_month.push_back(v.id);
      if (!holdings.under_weekly_limit(i, session.date)) continue;
      under_limit.push_back(v.id);
      if (!holdings.busy(i, session.date)) {
        idle.push_back(v.id);
      } else if (std::any_of(table.held[i].begin(), table.held[i].end(),
                             [&](auto e) { return table.entries[e].session == &session; })) {
        in_session.push_back(v.id);  // the seat beside this one: not "elsewhere"
      }
    }
    Unfilled why;
    if (skilled.empty()) {
      why.reason = Unfilled::Reason::no_skill;
    } else if (free.empty()) {
      why = {Unfilled::Reason::not_available, skilled, {}};
    } else if (under_month.empty()) {
      why = {Unfilled::Reason::at_limit, free, {}};
    } else if (under_limit.empty()) {
      why = {Unfilled::Reason::weekly_limit, under_month, {}};
    } else if (idle.empty() && in_session.size() == under_limit.size()) {
      why = {Unfilled::Reason::in_this_session, under_limit, {}};
    } else if (idle.empty()) {
      why = {Unfilled::Reason::busy_that_day, under_limit, in_session};
    } else {
      // Someone idle could take it, yet fill_what_is_left did not give it: only the cap stops them.
      why = {Unfilled::Reason::days_in_a_row, idle, {}};
    }
    plan.unfilled[entry.seat->key] = std::move(why);
  }
}

}  // namespace

bool eligible(const config::Config& config, const people::Volunteer& volunteer, const Session& session,
              const Seat& seat) {
  return has_skill(config, volunteer, seat, session.date) && available(volunteer, session);
}

RotaPlan assign(const config::Config& config, const std::vector<Session>& sessions,
                const std::vector<people::Volunteer>& volunteers, const AssignOptions& options) {
  RotaPlan plan;
  std::map<std::int64_t, std::size_t> index_of;
  for (std::size_t i = 0; i < volunteers.size(); ++i) index_of[volunteers[i].id] = i;
  auto index = [&](const Assignments& from, const std::string& seat) -> std::optional<std::size_t> {
    auto it = from.find(seat);
    if (it == from.end()) return std::nullopt;
    auto v = index_of.find(it->second);
    return v == index_of.end() ? std::nullopt : std::optional{v->second};
  };

  // Locked seats, and those of days gone by, are taken first: they use up their
  // volunteer's month, week and day. A lock does not hold a volunteer away that day.
  SeatTable table;
  table.held.resize(volunteers.size());
  Holdings holdings(config, volunteers, options.outside);
  auto frozen = [&](const Session& session) { return options.frozen_before && session.date < *options.frozen_before; };
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      ++plan.seats;
      const auto& fixed_from = frozen(session) ? options.previous : options.locked;
      bool fixed = frozen(session) || options.locked.contains(seat.key);
      if (fixed && !frozen(session)) {
        if (auto v = index(options.locked, seat.key); v && away_on(volunteers[*v], session.date)) {
          plan.freed[seat.key] = volunteers[*v].id;
          fixed = false;
        }
      }
      table.entries.push_back({&session, &seat, fixed, index(options.previous, seat.key), std::nullopt});
      if (!fixed) continue;
      if (auto it = fixed_from.find(seat.key); it != fixed_from.end()) {
        plan.assigned[seat.key] = it->second;  // kept even when the volunteer is gone
        if (auto v = index(fixed_from, seat.key)) {
          table.give(table.entries.size() - 1, v);
          holdings.add(*v, session.date);
        }
      }
    }
  }

  std::int64_t open_seats = 0;
  int most_seats = 1;
  for (const auto& entry : table.entries) {
    if (entry.fixed) continue;
    ++open_seats;
    most_seats = std::max(most_seats, entry.seat->number);
  }
  const Tiers tiers(open_seats, most_seats);

  const bool district = volunteers.size() >= options.district_from;
  const BySkill by_skill(volunteers);
  // Seats of one day, the same parts of it and one skill have the same candidates (skill,
  // certificate, availability and who is busy that day look at nothing else): they share
  // a node, a group. Each candidate's volunteer-day has one arc into it (the day's own
  // capacity) and it has one of capacity 1 to each of its seats, so the arcs number
  // candidates plus seats, not their product (a district's 13.5 million arcs become 1
  // million). Costs that differ by seat stay exact (stated preferences; a rebuild's kept
  // seats): the arc into the group costs what the dearest seat of the group costs that
  // volunteer-day, and each seat that costs them less gets a direct arc at its own cost.
  // So a path through the group never costs less than the seat it ends at costs that
  // volunteer-day, and a unit in the group may go to any of its seats: each flow of this
  // network is one of the plain network (an arc from every candidate to every seat, at
  // the seat's own cost) costing no more, and each flow of the plain network is one of
  // this costing the same. The two have the same optimum.
  struct Candidate {
    std::size_t volunteer;
    std::int64_t most;  // the arc's cost: the dearest seat of the group for them
  };
  struct Group {
    std::vector<std::size_t> entries;  // its seats, in rota order
    std::vector<Candidate> candidates;  // by volunteer index
    // Those of them (by place in `candidates`) some seat of the group costs less: few or
    // none, and only they are looked at seat by seat.
    std::vector<std::size_t> differing;
  };
  // The groups of the open seats with their candidates, for the volunteer-days not
  // forbidden: the same in every round of a solve (only who is set apart changes), so
  // listed once for them all (a city's rebuild spent a second on them each round).
  struct Candidates {
    std::vector<Group> groups;
    std::vector<std::size_t> group_index;  // by entry
  };
  // Who has a seat's skill (anyone, for a general seat) and is free on its weekday at its
  // parts of the day, listed once for each skill, weekday and parts: each group then
  // looks only at those (blackouts, certificates and busy days aside).
  std::map<std::tuple<std::string, unsigned, unsigned long>, std::vector<std::size_t>> free_by_slot;
  auto free_then = [&](const Session& session, const Seat& seat, std::bitset<3> needed) -> const std::vector<std::size_t>& {
    auto day = staffing_weekday(session).c_encoding();
    auto [it, fresh] = free_by_slot.try_emplace({seat.skill, day, needed.to_ulong()});
    auto& listed = it->second;
    if (!fresh) return listed;
    for (auto i : by_skill.who_may_take(seat)) {
      if (free_on(volunteers[i], day, needed)) listed.push_back(i);
    }
    return listed;
  };
  // What seat `e` costs volunteer `i` (on the seat's day).
  auto seat_cost = [&](std::size_t e, std::size_t i) {
    const auto& entry = table.entries[e];
    return off_preference(volunteers[i], *entry.session, *entry.seat) - (entry.previous == i ? tiers.keep_bonus : 0);
  };
  auto candidates_without = [&](const Forbidden& forbidden) {
    Candidates listed;
    auto& groups = listed.groups;
    listed.group_index.resize(table.entries.size());
    std::map<std::tuple<Date, unsigned long, std::string>, std::size_t> group_of;
    for (std::size_t e = 0; e < table.entries.size(); ++e) {
      const auto& entry = table.entries[e];
      if (entry.fixed) continue;
      auto key = std::tuple{entry.session->date, part_bits(entry.session->time).to_ulong(), entry.seat->skill};
      auto [it, fresh] = group_of.try_emplace(std::move(key), groups.size());
      if (fresh) groups.emplace_back();
      groups[it->second].entries.push_back(e);
      listed.group_index[e] = it->second;
    }
    // Most volunteers are away on no day, state no preferences and serve no day yet: a byte
    // each says so, and the groups read nothing else of theirs (a city's groups have 4.6
    // million candidates, and reading each one's own record missed the cache).
    std::vector<char> plain(volunteers.size());
    for (std::size_t i = 0; i < volunteers.size(); ++i) {
      plain[i] = volunteers[i].blackouts.empty() && volunteers[i].preferences.empty() && holdings.days(i).empty();
    }
    for (auto& group : groups) {
      // Its first seat stands for all: the same day, parts of the day and skill.
      const auto& session = *table.entries[group.entries.front()].session;
      const auto& seat = *table.entries[group.entries.front()].seat;
      std::vector<std::size_t> previous;
      for (auto e : group.entries) {
        if (auto v = table.entries[e].previous) previous.push_back(*v);
      }
      std::sort(previous.begin(), previous.end());
      auto needed = part_bits(session.time);
      // Those listed hold the skill: only a certificate run out can rule one out.
      const auto* skill = config.catalogue.find_skill(seat.skill);
      const bool certified = skill && !skill->certificate.empty();
      for (std::size_t i : free_then(session, seat, needed)) {
        if ((!plain[i] && (holdings.busy(i, session.date) || away_on(volunteers[i], session.date))) ||
            (certified && !has_skill(config, volunteers[i], seat, session.date)) ||
            (!forbidden.empty() && forbidden.contains({i, session.date}))) {
          continue;
        }
        // Every seat costs 0 to someone with no preferences who held none of them before.
        std::int64_t most = 0, least = 0;
        if ((!plain[i] && !volunteers[i].preferences.empty()) || std::binary_search(previous.begin(), previous.end(), i)) {
          most = std::numeric_limits<std::int64_t>::min();
          least = std::numeric_limits<std::int64_t>::max();
          for (auto e : group.entries) {
            auto cost = seat_cost(e, i);
            most = std::max(most, cost);
            least = std::min(least, cost);
          }
        }
        if (least < most) group.differing.push_back(group.candidates.size());
        group.candidates.push_back({i, most});
      }
    }
    return listed;
  };

  // The flow, on copies of the table and holdings of the fixed seats, among `candidates`;
  // returns its cost, the objective of every tier above (and, the first time, the
  // network's size in arcs), or nullopt when holders kept alike to others (all but those
  // `apart`, by index) cannot be dealt their seats: the volunteers of those kinds are then
  // in `uneven`.
  auto solve = [&](const Candidates& candidates, SeatTable& rota, Holdings& held, bool first, std::int64_t& arcs_out,
                   const std::vector<char>& apart, std::vector<std::size_t>& uneven) -> std::optional<std::int64_t> {
    const auto& groups = candidates.groups;
    const auto& group_index = candidates.group_index;
    struct Entering {
      FlowNetwork::Arc arc;  // alike-day → group
      std::size_t alike;
      FlowNetwork::Node day;
    };
    // A group's place in the network.
    struct GroupArcs {
      std::optional<FlowNetwork::Node> node;
      std::vector<FlowNetwork::Arc> to_seat;  // group → seat, by entries
      std::vector<Entering> from;
    };
    std::vector<GroupArcs> group_arcs(groups.size());
    // A seat cheaper only by the keep bonus leaves its holder alike to others unless
    // `apart`: their arc to it then leaves the alike's day node.
    std::vector<char> differs_somewhere(volunteers.size(), 0);
    for (const auto& group : groups) {
      for (auto c : group.differing) {
        auto i = group.candidates[c].volunteer;
        if (apart[i] || !volunteers[i].preferences.empty()) differs_somewhere[i] = 1;
      }
    }
    // Volunteers the network cannot tell apart (the same groups at the same costs, the same
    // limit and the same days already served, no seat costing them less than its group)
    // share its nodes, alike: one node for all of them with their capacities added, and
    // one alike-day node a day. A district has far fewer kinds of volunteer than
    // volunteers (8,623 in 19,253 at 200 × 20,000), and its network is half the size.
    // Every flow of the volunteers' own network is one of this at the same cost; and a
    // flow of this is shared out among them (below) with each within their limits and the
    // costs of their shifts adding up to what the shared arcs cost: the same optimum.
    struct Alike {
      std::vector<std::size_t> members;  // by index
      std::optional<FlowNetwork::Node> node;
      std::vector<FlowNetwork::Arc> shifts;  // source → alike, the cheapest shift first
    };
    std::vector<Alike> alikes;
    std::vector<std::size_t> alike_of(volunteers.size());
    {
      // Each volunteer's groups, with what the arc into each costs them, in group order: in
      // one array, volunteer after volunteer (a vector each took 0.6 s for a city's 4.6
      // million).
      using GroupCost = std::pair<std::size_t, std::int64_t>;
      std::vector<std::size_t> first_of(volunteers.size() + 1, 0);
      for (const auto& group : groups) {
        for (const auto& candidate : group.candidates) ++first_of[candidate.volunteer + 1];
      }
      std::partial_sum(first_of.begin(), first_of.end(), first_of.begin());
      std::vector<GroupCost> group_costs(first_of.back());
      auto next = first_of;
      for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const auto& candidate : groups[g].candidates) group_costs[next[candidate.volunteer]++] = {g, candidate.most};
      }
      struct Kind {
        int limit, month;
        std::vector<Date> days;
        std::span<const GroupCost> groups;
      };
      auto before = [](const Kind& x, const Kind& y) {
        if (std::tie(x.limit, x.month, x.days) != std::tie(y.limit, y.month, y.days)) {
          return std::tie(x.limit, x.month, x.days) < std::tie(y.limit, y.month, y.days);
        }
        return std::lexicographical_compare(x.groups.begin(), x.groups.end(), y.groups.begin(), y.groups.end());
      };
      std::map<Kind, std::size_t, decltype(before)> kinds(before);
      for (std::size_t i = 0; i < volunteers.size(); ++i) {
        if (first_of[i] == first_of[i + 1]) continue;
        std::optional<std::size_t> same;
        if (district && !differs_somewhere[i]) {
          const auto& days = held.days(i);
          Kind kind{monthly_limit(config, volunteers[i]), held.month(i), std::vector<Date>(days.begin(), days.end()),
                    std::span(group_costs).subspan(first_of[i], first_of[i + 1] - first_of[i])};
          auto [it, fresh] = kinds.try_emplace(std::move(kind), alikes.size());
          if (!fresh) same = it->second;
        }
        if (!same) {
          same = alikes.size();
          alikes.emplace_back();
        }
        alikes[*same].members.push_back(i);
        alike_of[i] = *same;
      }
    }
    // Who speaks for their alike in the network: its first member (a byte each, read for
    // every candidate of every group).
    std::vector<char> first_member(volunteers.size(), 0);
    for (const auto& alike : alikes) first_member[alike.members.front()] = 1;

    FlowNetwork net;
    auto source = net.add_node();
    auto sink = net.add_node();
    // Alikes enter the network with their first group: at district scale most volunteers
    // are candidates for none, and the network stays small.
    auto node_of = [&](std::size_t a) {
      auto& alike = alikes[a];
      if (!alike.node) {
        alike.node = net.add_node();
        auto i = alike.members.front();
        int limit = monthly_limit(config, volunteers[i]);
        for (int k = held.month(i) + 1; k <= limit; ++k) {
          alike.shifts.push_back(
              net.add_arc(source, *alike.node, static_cast<std::int64_t>(alike.members.size()), tiers.balance(k, limit)));
        }
      }
      return *alike.node;
    };
    // With a weekly limit, days reach the alike through their week (Monday to Sunday):
    // alike → alike-week → alike-day.
    const auto& weekly = config.settings.weekly_limit;
    std::map<std::pair<std::size_t, std::chrono::sys_days>, int> used_in_week;
    for (std::size_t i = 0; i < volunteers.size(); ++i) {
      for (const auto& day : held.days(i)) ++used_in_week[{i, monday_of(day)}];
    }
    // A node and the one arc into it.
    struct Entered {
      FlowNetwork::Node node = -1;
      FlowNetwork::Arc in = -1;
    };
    std::map<std::pair<std::size_t, std::chrono::sys_days>, Entered> week_node;
    auto week_of = [&](std::size_t a, const Date& date) {
      if (!weekly) return node_of(a);
      auto key = std::pair{a, monday_of(date)};
      auto [it, fresh] = week_node.try_emplace(key);
      if (fresh) {
        it->second.node = net.add_node();
        const auto& members = alikes[a].members;
        int room = std::max(0, *weekly - used_in_week[{members.front(), key.second}]);
        it->second.in = net.add_arc(node_of(a), it->second.node, room * static_cast<std::int64_t>(members.size()), 0);
      }
      return it->second.node;
    };
    // An alike's day nodes by the day's place among the groups' days: a vector, not a map,
    // for a city's 400,000 of them.
    auto first_day = std::chrono::sys_days::max(), last_day = std::chrono::sys_days::min();
    for (const auto& group : groups) {
      auto day = std::chrono::sys_days{rota.entries[group.entries.front()].session->date};
      first_day = std::min(first_day, day);
      last_day = std::max(last_day, day);
    }
    const auto days = groups.empty() ? std::size_t{0} : static_cast<std::size_t>((last_day - first_day).count() + 1);
    std::vector<Entered> day_node(alikes.size() * days);
    auto day_at = [&](std::size_t a, const Date& date) -> Entered& {
      return day_node[a * days + static_cast<std::size_t>((std::chrono::sys_days{date} - first_day).count())];
    };
    auto day_of = [&](std::size_t a, const Date& date) {
      auto& day = day_at(a, date);
      if (day.node < 0) {
        day.node = net.add_node();
        day.in = net.add_arc(week_of(a, date), day.node, sessions_per_day * static_cast<std::int64_t>(alikes[a].members.size()), 0);
      }
      return day.node;
    };
    // The group's node and its arcs from every candidate alike-day, made by the alike's
    // first member (each of them is a candidate of the same groups).
    auto open_group = [&](std::size_t g) {
      auto& arcs = group_arcs[g];
      arcs.node = net.add_node();
      const auto& date = rota.entries[groups[g].entries.front()].session->date;
      for (const auto& candidate : groups[g].candidates) {
        if (!first_member[candidate.volunteer]) continue;
        auto a = alike_of[candidate.volunteer];
        auto day = day_of(a, date);
        auto units = sessions_per_day * static_cast<std::int64_t>(alikes[a].members.size());
        arcs.from.push_back({net.add_arc(day, *arcs.node, units, candidate.most), a, day});
      }
    };
    struct Choice {
      FlowNetwork::Arc arc;
      std::size_t entry, volunteer;
    };
    std::vector<Choice> direct;  // volunteer-day → seat, where that seat costs less than the group
    std::vector<FlowNetwork::Arc> into_sink(rota.entries.size(), -1);  // by entry
    // Seats in rota order, each group's node and arcs in with its first seat: the order in
    // which the solver meets arcs picks among equal optima, and this one stays closest to
    // the rotas of the network of an arc per candidate and seat.
    for (std::size_t e = 0; e < rota.entries.size(); ++e) {
      if (rota.entries[e].fixed) continue;
      const auto& group = groups[group_index[e]];
      auto& arcs = group_arcs[group_index[e]];
      auto filled = -tiers.fill_reward + tiers.spread_step * (rota.entries[e].seat->number - 1);
      std::vector<std::pair<std::size_t, std::int64_t>> cheaper;  // (volunteer, cost): less than through the group
      for (auto c : group.differing) {
        const auto& candidate = group.candidates[c];
        if (auto cost = seat_cost(e, candidate.volunteer); cost < candidate.most) cheaper.emplace_back(candidate.volunteer, cost);
      }
      if (district && cheaper.empty()) {
        // Reached by its group's arc alone: that arc goes to the sink, without a node for
        // the seat (a district's solve takes a quarter less time).
        if (!arcs.node) open_group(group_index[e]);
        arcs.to_seat.push_back(into_sink[e] = net.add_arc(*arcs.node, sink, 1, filled));
        continue;
      }
      auto seat_node = net.add_node();
      into_sink[e] = net.add_arc(seat_node, sink, 1, filled);
      if (!arcs.node) open_group(group_index[e]);
      arcs.to_seat.push_back(net.add_arc(*arcs.node, seat_node, 1, 0));
      for (auto [volunteer, cost] : cheaper) {
        auto day = day_of(alike_of[volunteer], rota.entries[e].session->date);
        direct.push_back({net.add_arc(day, seat_node, 1, cost), e, volunteer});
      }
    }
    auto left_empty = net.add_arc(source, sink, open_seats, 0);
    // The problem as first posed is the one written out, once its flow is dealt (the
    // network whose rota this is): the caps' solves differ from it by a few arcs.
    std::ostringstream network;
    if (first && options.network_out) net.write_dimacs(network, source, sink, open_seats);
    if (first) arcs_out = std::max(1, net.arc_count());
    // A district's build is priced in order, half the time of mixed. Its rebuild, where
    // seats are kept at a bonus, is a fifth faster mixed (9.1–9.7 s against 11.1–12.4 s
    // at 999 × 128,000), and a street's stays mixed, which picks the equal optima its
    // golden rotas show.
    bool keeping = std::any_of(rota.entries.begin(), rota.entries.end(),
                               [](const auto& entry) { return !entry.fixed && entry.previous; });
    auto pricing = district && !keeping ? FlowNetwork::Pricing::in_order : FlowNetwork::Pricing::mixed;
    // The rota before as a flow: one unit for each seat whose holder is still a candidate,
    // along the arcs that take them there (their alike's cheapest shift with room, its
    // week, its day, the seat's own arc or its group's); a path with an arc already full
    // (a limit lowered, a week's room gone) is left out, and the rest left empty.
    auto rota_before_as_flow = [&] {
      std::vector<std::int64_t> flow(static_cast<std::size_t>(net.arc_count()), 0);
      auto full = [&](FlowNetwork::Arc arc) { return flow[static_cast<std::size_t>(arc)] >= net.capacity(arc); };
      std::map<std::pair<std::size_t, std::size_t>, FlowNetwork::Arc> direct_to;  // (entry, volunteer) → arc
      for (const auto& choice : direct) direct_to[{choice.entry, choice.volunteer}] = choice.arc;
      std::int64_t held_again = 0;
      for (std::size_t e = 0; e < rota.entries.size(); ++e) {
        const auto& entry = rota.entries[e];
        if (entry.fixed || !entry.previous) continue;
        const auto holder = *entry.previous;
        const auto& group = groups[group_index[e]];
        const auto& arcs = group_arcs[group_index[e]];
        // Candidates are listed by volunteer index (free_then lists them so).
        auto candidate = std::lower_bound(group.candidates.begin(), group.candidates.end(), holder,
                                          [](const Candidate& c, std::size_t v) { return c.volunteer < v; });
        if (candidate == group.candidates.end() || candidate->volunteer != holder) continue;
        const auto a = alike_of[holder];
        auto shift = std::find_if_not(alikes[a].shifts.begin(), alikes[a].shifts.end(), full);
        if (shift == alikes[a].shifts.end()) continue;
        std::vector<FlowNetwork::Arc> path{*shift};
        if (weekly) path.push_back(week_node.at({a, monday_of(entry.session->date)}).in);
        path.push_back(day_at(a, entry.session->date).in);
        if (auto to_seat = direct_to.find({e, holder}); to_seat != direct_to.end()) {
          path.push_back(to_seat->second);
        } else {
          auto into_group = std::find_if(arcs.from.begin(), arcs.from.end(), [&](const Entering& f) { return f.alike == a; });
          if (into_group == arcs.from.end()) continue;
          path.push_back(into_group->arc);
          path.push_back(arcs.to_seat[static_cast<std::size_t>(
              std::find(group.entries.begin(), group.entries.end(), e) - group.entries.begin())]);
        }
        if (path.back() != into_sink[e]) path.push_back(into_sink[e]);
        if (std::any_of(path.begin(), path.end(), full)) continue;
        for (auto arc : path) ++flow[static_cast<std::size_t>(arc)];
        ++held_again;
      }
      flow[static_cast<std::size_t>(left_empty)] = open_seats - held_again;
      return flow;
    };
    // A district's solve starts from a flow near the optimum, which it then finds in a
    // fraction of the time (bench/README.md, "Growth"): a rebuild from the rota before, a
    // build from a greedy flow.
    std::vector<std::int64_t> start;
    if (district) start = keeping ? rota_before_as_flow() : net.greedy_flow(source, sink, open_seats);
    auto solution = net.min_cost_flow(source, sink, open_seats, {}, pricing, start);
    auto flow = [&](FlowNetwork::Arc arc) { return solution.flow[static_cast<std::size_t>(arc)]; };
    auto take = [&](std::size_t entry, std::size_t volunteer) {
      rota.give(entry, volunteer);
      held.add(volunteer, rota.entries[entry].session->date);
    };
    // Seats kept by a holder alike to others, by alike: (day, holder).
    std::vector<std::vector<std::pair<Date, std::size_t>>> kept_by(alikes.size());
    for (const auto& choice : direct) {
      if (flow(choice.arc) == 0) continue;
      take(choice.entry, choice.volunteer);
      auto a = alike_of[choice.volunteer];
      if (alikes[a].members.size() > 1) kept_by[a].emplace_back(rota.entries[choice.entry].session->date, choice.volunteer);
    }
    // An alike's units go to its members in turn, in date order: the seats of a day (at
    // most one a member) to different members, those of a week (at most the weekly room
    // of each) spread over them all, the month's (at most their shifts each) as evenly
    // as can be, which is what the alike's shifts cost.
    struct Unit {
      Date date;
      std::size_t group, from;  // the group, its arc in from
    };
    std::vector<std::vector<Unit>> units_of(alikes.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const auto& date = rota.entries[groups[g].entries.front()].session->date;
      const auto& from = group_arcs[g].from;
      for (std::size_t f = 0; f < from.size(); ++f) {
        for (auto units = flow(from[f].arc); units > 0; --units) units_of[from[f].alike].push_back({date, g, f});
      }
    }
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> members_in;  // (group, arc in) → volunteers
    // Where holders kept seats, an alike's units go, in date order, each to the member with
    // the fewest so far (kept seats counted) among those free that day with room that
    // week. When that shares the month out as evenly as turns would, each within their
    // limits, the shifts cost what the alike's arcs cost: the rota is one of the network of
    // a node for each volunteer at the same cost, an optimum of it (that network costs no
    // less). When not, nullopt: the caller solves again with each holder apart.
    auto deal_around_kept = [&](std::size_t a, const std::vector<Unit>& units) {
      const auto& members = alikes[a].members;
      std::vector<int> load(members.size(), 0);
      std::vector<std::set<Date>> serving(members.size());
      auto at = [&](std::size_t volunteer) {
        return static_cast<std::size_t>(std::find(members.begin(), members.end(), volunteer) - members.begin());
      };
      std::map<std::pair<std::size_t, std::chrono::sys_days>, int> in_week;  // (member, Monday) → days
      auto week_room = [&](const Date& date) {
        return weekly ? *weekly - used_in_week[{members.front(), monday_of(date)}] : std::numeric_limits<int>::max();
      };
      auto give = [&](std::size_t m, const Date& date) {
        ++load[m];
        serving[m].insert(date);
        return ++in_week[{m, monday_of(date)}] <= week_room(date);
      };
      bool within = true;
      for (const auto& [date, volunteer] : kept_by[a]) within = give(at(volunteer), date) && within;
      for (const auto& unit : units) {
        std::optional<std::size_t> pick;
        for (std::size_t m = 0; m < members.size(); ++m) {
          if (serving[m].contains(unit.date) || (weekly && in_week[{m, monday_of(unit.date)}] >= week_room(unit.date))) continue;
          if (!pick || load[m] < load[*pick]) pick = m;
        }
        if (!pick) return false;
        within = give(*pick, unit.date) && within;
        members_in[{unit.group, unit.from}].push_back(members[*pick]);
      }
      auto [fewest, most] = std::minmax_element(load.begin(), load.end());
      return within && *most - *fewest <= 1;
    };
    for (std::size_t a = 0; a < alikes.size(); ++a) {
      auto& units = units_of[a];
      std::stable_sort(units.begin(), units.end(), [](const Unit& x, const Unit& y) { return x.date < y.date; });
      if (!kept_by[a].empty()) {
        if (!deal_around_kept(a, units)) uneven.insert(uneven.end(), alikes[a].members.begin(), alikes[a].members.end());
        continue;
      }
      for (std::size_t u = 0; u < units.size(); ++u) {
        members_in[{units[u].group, units[u].from}].push_back(alikes[a].members[u % alikes[a].members.size()]);
      }
    }
    if (!uneven.empty()) return std::nullopt;
    // In a group, every pairing of the units that came in with the seats that took one is
    // optimal (none costs more than was paid, none can cost less than the optimum): the
    // units in the order they came take the seats in rota order. keep_regulars then
    // exchanges seats for the same volunteers week after week.
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const auto& group = groups[g];
      const auto& arcs = group_arcs[g];
      std::size_t s = 0;
      for (std::size_t f = 0; f < arcs.from.size(); ++f) {
        auto in = members_in.find({g, f});
        if (in == members_in.end()) continue;
        for (auto volunteer : in->second) {
          while (s < group.entries.size() && flow(arcs.to_seat[s]) == 0) ++s;
          if (s == group.entries.size()) break;  // cannot happen: the flow is conserved at the group
          take(group.entries[s++], volunteer);
        }
      }
    }
    if (first && options.network_out) *options.network_out << network.str() << "c optimum " << solution.cost << '\n';
    return solution.cost;
  };

  // Where the flow's rota breaks the cap on days in a row, each seat that breaks a run
  // goes to someone else who can take it; when one finds nobody, the flow is solved
  // again with volunteer-days forbidden. First a rota within the cap in a few solves:
  // each round forbids, for every run over the cap, its latest day the flow chose. Then
  // branch and bound from the first solve: one of a run's days forbidden, each in turn;
  // a solve's cost bounds every rota below it (each only forbids more), so a branch that
  // cannot beat the best rota found is cut. Exact when it ends within its budget of
  // solves, which is smaller the larger the network (a district's solve takes seconds).
  struct Solved {
    SeatTable table;
    Holdings holdings;
    std::int64_t cost = 0;
  };
  int solves = 0;
  std::int64_t arcs = 1;
  // A district's holders of seats kept alike to others first (a rebuild's network is
  // then some half the size); where a kind's seats cannot be dealt evenly, again with its
  // holders apart (a city's rebuild took twice the time and memory with every holder
  // apart); should that not do, with every holder apart.
  auto solved_with = [&](const Forbidden& forbidden) {
    bool first = solves++ == 0;
    if (first && options.solving) options.solving(open_seats);
    const auto candidates = candidates_without(forbidden);
    std::vector<char> apart(volunteers.size(), district ? 0 : 1);
    for (int round = 0;; ++round) {
      Solved solved{table, holdings};
      std::vector<std::size_t> uneven;
      if (auto cost = solve(candidates, solved.table, solved.holdings, first, arcs, apart, uneven)) {
        solved.cost = *cost;
        return solved;
      }
      // With every holder apart, no kind holds a kept seat: nothing is left to deal.
      if (std::find(apart.begin(), apart.end(), 0) == apart.end()) throw std::logic_error("assign: holders apart not dealt");
      if (round == 0) {
        for (auto i : uneven) apart[i] = 1;
      } else {
        std::fill(apart.begin(), apart.end(), 1);
      }
    }
  };
  constexpr std::int64_t arcs_per_search = 4'000'000;
  auto root = solved_with({});
  const int most_solves = static_cast<int>(std::clamp<std::int64_t>(arcs_per_search / arcs, 2, 64));
  std::optional<Solved> best;
  std::function<void(const Forbidden&, Solved&&)> branch = [&](const Forbidden& forbidden, Solved&& solved) {
    if (solved.cost >= best->cost) return;
    auto over = runs_over_cap(config, solved.table, solved.holdings);
    if (over.empty()) {
      best.emplace(std::move(solved));
      return;
    }
    for (auto day : over.front().open_days) {
      if (solves >= most_solves) return;
      auto more = forbidden;
      more.insert({over.front().volunteer, day});
      branch(more, solved_with(more));
    }
  };
  if (auto runs = runs_over_cap(config, root.table, root.holdings); runs.empty()) {
    best.emplace(std::move(root));
  } else if (Solved mended = root; hand_over_runs_over_cap(config, volunteers, mended.table, mended.holdings)) {
    best.emplace(std::move(mended));
  } else {
    for (Forbidden forbidden; !best;) {
      for (const auto& over : runs) forbidden.insert({over.volunteer, over.open_days.front()});
      auto solved = solved_with(forbidden);
      runs = runs_over_cap(config, solved.table, solved.holdings);
      if (runs.empty()) best.emplace(std::move(solved));
    }
    branch({}, std::move(root));
  }
  table = std::move(best->table);
  Holdings& counts = best->holdings;
  bool rebuilding = !options.previous.empty();
  if (rebuilding) give_changes_to_fewest(config, volunteers, table, counts);
  keep_regulars(config, volunteers, table, counts);
  fill_what_is_left(config, volunteers, by_skill, table, counts);

  for (const auto& entry : table.entries) {
    if (entry.holder) plan.assigned[entry.seat->key] = volunteers[*entry.holder].id;
  }
  explain_unfilled(config, volunteers, by_skill, table, counts, options.frozen_before, plan);

  std::set<std::int64_t> moved;
  for (const auto& [seat, volunteer] : options.previous) {
    auto now = plan.assigned.find(seat);
    if (now == plan.assigned.end() || now->second != volunteer) {
      moved.insert(volunteer);
      if (now != plan.assigned.end()) moved.insert(now->second);
    }
  }
  for (const auto& [seat, volunteer] : plan.assigned) {
    if (rebuilding && !options.previous.contains(seat)) moved.insert(volunteer);
  }
  plan.moved.assign(moved.begin(), moved.end());
  return plan;
}

std::string_view reason_code(Unfilled::Reason reason) {
  switch (reason) {
    case Unfilled::Reason::no_skill: return "no_skill";
    case Unfilled::Reason::not_available: return "not_available";
    case Unfilled::Reason::at_limit: return "at_limit";
    case Unfilled::Reason::weekly_limit: return "weekly_limit";
    case Unfilled::Reason::busy_that_day: return "busy_that_day";
    case Unfilled::Reason::in_this_session: return "in_this_session";
    case Unfilled::Reason::days_in_a_row: return "days_in_a_row";
    case Unfilled::Reason::day_gone_by: return "day_gone_by";
  }
  return "";
}

}  // namespace kangle::schedule
