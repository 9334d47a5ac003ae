// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"
#include "people/volunteer.hpp"
#include "schedule/sessions.hpp"

namespace kangle::schedule {

/// Why a seat stayed empty, from the first hard constraint that left nobody.
struct Unfilled {
  enum class Reason {
    no_skill,        ///< nobody has the skill (or a valid certificate for it)
    not_available,   ///< some have it, none is available that weekday and part of day
    at_limit,        ///< the available ones have reached their monthly limit
    weekly_limit,    ///< the available ones under their monthly limit have reached the weekly one
    busy_that_day,   ///< the available ones serve that day, some of them elsewhere
    in_this_session, ///< the available ones already hold another seat of this very session
    days_in_a_row,   ///< the others free that day would serve more days in a row than allowed
    day_gone_by,     ///< a day before AssignOptions::frozen_before: kept as it was, empty
  };
  Reason reason = Reason::no_skill;
  std::vector<std::int64_t> volunteers;  ///< those the reason is about (with the skill, available, ...)
  /// For busy_that_day: those of `volunteers` whose seat that day is in this session.
  std::vector<std::int64_t> in_session;
};

/// The reason's stable code for scripts and tests: `no_skill`, `at_limit`, …
std::string_view reason_code(Unfilled::Reason reason);

/// Seat key → volunteer id.
using Assignments = std::map<std::string, std::int64_t>;

struct RotaPlan {
  Assignments assigned;                      ///< filled seats
  std::map<std::string, Unfilled> unfilled;  ///< empty seats and why
  int seats = 0;
  /// Volunteers whose seats differ from `previous` (the rota before a rebuild), by id.
  std::vector<std::int64_t> moved;
  /// Locked seats taken from their volunteer, away that day (a blackout wins over a lock):
  /// seat key → the volunteer it was locked to.
  Assignments freed;
};

struct AssignOptions {
  Assignments locked;    ///< seats that keep their volunteer whatever happens
  Assignments previous;  ///< the rota before this build: kept where it still can be
  /// The days each volunteer (by id) serves outside `sessions`: the neighbouring months'
  /// rotas. Fixed; they count toward the weekly limit and the cap on days in a row, not
  /// toward the monthly limit.
  std::map<std::int64_t, std::set<Date>> outside;
  /// Days before this one are history: their seats stay exactly as in `previous`
  /// (filled or empty). Set on a rebuild (today, or a drop-out's first day).
  std::optional<Date> frozen_before;
  /// When set, the flow problem is written here in the DIMACS format, then a line
  /// `c optimum COST`: for an independent solver to check (bench/run_schedule.sh).
  std::ostream* network_out = nullptr;
  /// Told the open seats as the solver starts, for a progress line: a district's
  /// month takes it seconds.
  std::function<void(std::int64_t)> solving;
  /// From this many volunteers on, the network is a district's: those it cannot tell
  /// apart share its nodes (assign's "alike"; on a rebuild, those who held seats too, with
  /// an arc each to their seat, apart again if that cannot be dealt), a build is priced
  /// in order (a rebuild mixed), and a seat reached through its group alone has no node
  /// of its own. Half the size, the same optimum, solved several times faster; a street's
  /// rota, instant either way, stays the one it always was (another of the equal optima).
  /// 0: always.
  std::size_t district_from = 1000;
};

/// Sessions a volunteer serves in a day. One, which also keeps everyone in one place
/// at a time; more would need a check of overlapping sessions the flow cannot express.
inline constexpr int sessions_per_day = 1;

/// Assigns volunteers to the seats of `sessions`, exactly, with a min-cost flow
/// (source → volunteer → volunteer-day → group of seats with the same candidates → seat
/// → sink; direct volunteer-day → seat arcs where a seat costs someone less than its
/// group; volunteers the network cannot tell apart sharing their nodes). Hard: the seat's skill (and its certificate still valid that day, which is
/// before the day it expires: one with no expiry recorded counts as valid), the
/// volunteer's availability for every part of day the session spans on the day's weekday
/// (a make-up workday's: staffing_weekday), their blackout days, the monthly limit (the
/// volunteer's or the workspace's default), the workspace's weekly limit if any, one session a day,
/// locked seats (unless their volunteer is away that day: a blackout wins over a lock),
/// and the cap on days in a row if any (windows of days are no capacity: where the flow's
/// rota breaks the cap, the flow is solved again with volunteer-days forbidden, by
/// branch and bound over which ones, exact within a budget of solves). The weekly limit
/// and the days in a row count `outside` days too. Then, in this order: as many seats
/// filled as possible; the previous rota kept where possible; first seats of a session before
/// second ones; load balanced relative to each volunteer's limit; stated preferences
/// (kiosks or services). On a rebuild, a local search then gives the seats that changed
/// hands to as few people as it can (a per-person charge, which a flow cannot express).
/// Last, exchanges put the same volunteer on the same recurring slot week after week
/// where they can (pairs of seats: no arc cost either). Deterministic for the same input.
RotaPlan assign(const config::Config& config, const std::vector<Session>& sessions,
                const std::vector<people::Volunteer>& volunteers, const AssignOptions& options);


/// True when `volunteer` may take `seat` of `session` by skill, certificate and availability.
bool eligible(const config::Config& config, const people::Volunteer& volunteer, const Session& session,
              const Seat& seat);

}  // namespace kangle::schedule
