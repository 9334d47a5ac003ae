// SPDX-License-Identifier: Apache-2.0
#include "schedule/assign.hpp"

#include <algorithm>
#include <bitset>
#include <set>

#include "solver/min_cost_flow.hpp"

namespace kangle::schedule {
namespace {

using solver::FlowNetwork;

int monthly_limit(const config::Config& config, const people::Volunteer& v) {
  return v.monthly_limit.value_or(config.settings.monthly_limit);
}

bool has_skill(const config::Config& config, const people::Volunteer& v, const Seat& seat, const Date& date) {
  if (seat.skill == config::general_skill) return true;
  auto it = std::find_if(v.skills.begin(), v.skills.end(), [&](const auto& s) { return s.skill == seat.skill; });
  if (it == v.skills.end()) return false;
  const auto* skill = config.catalogue.find_skill(seat.skill);
  bool certified = skill && !skill->certificate.empty();
  return !certified || !it->certificate_expires || date <= *it->certificate_expires;
}

/// The parts of the day `time` overlaps as bits (morning 1, afternoon 2, evening 4).
std::bitset<3> part_bits(const TimeRange& time) {
  std::bitset<3> bits;
  for (auto part : parts_of_day(time)) bits.set(static_cast<std::size_t>(part));
  return bits;
}

bool available(const people::Volunteer& v, const Session& session, std::bitset<3> needed) {
  if (std::any_of(v.blackouts.begin(), v.blackouts.end(), [&](const auto& b) { return b.covers(session.date); })) {
    return false;
  }
  auto day = std::chrono::weekday{std::chrono::sys_days{session.date}}.c_encoding();
  return (v.availability.slots[day] & needed) == needed;
}

bool available(const people::Volunteer& v, const Session& session) {
  return available(v, session, part_bits(session.time));
}

// The tiers of the objective, highest first: seats filled (over the whole rota);
// then, path by path, the previous rota kept; the first seat of a service in a
// session before its second (two sessions with one barber each rather than one with
// two and one with none); load balanced relative to each volunteer's limit.
constexpr std::int64_t balance_scale = 1000;  // the k-th of L shifts costs scale*(2k-1)/L: convex, relative to L
constexpr std::int64_t spread_step = 2 * balance_scale + 1;

/// The local search on top of the flow for what it cannot express: a rebuild should
/// move as few people as it can, but the flow, having kept what it could, spreads the
/// seats that change hands by balance. Someone who only gained seats gives them all to
/// others who are moving anyway, when those can take them (eligible, under their limit,
/// free that day). Seats filled and seats kept stay as they are.
void give_changes_to_fewest(const config::Config& config, const std::vector<Session>& sessions,
                            const std::vector<people::Volunteer>& volunteers, const AssignOptions& options,
                            RotaPlan& plan) {
  std::map<std::string, const Session*> session_of;
  std::map<std::string, const Seat*> seat_of;
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      session_of[seat.key] = &session;
      seat_of[seat.key] = &seat;
    }
  }
  std::map<std::int64_t, const people::Volunteer*> by_id;
  for (const auto& v : volunteers) by_id[v.id] = &v;
  std::map<std::int64_t, int> load;
  std::set<std::pair<std::int64_t, Date>> busy;
  std::map<std::int64_t, std::vector<std::string>> gained;
  std::set<std::int64_t> losing;
  for (const auto& [seat, id] : plan.assigned) {
    ++load[id];
    busy.insert({id, session_of.at(seat)->date});
    auto before = options.previous.find(seat);
    if (before == options.previous.end() || before->second != id) gained[id].push_back(seat);
  }
  for (const auto& [seat, id] : options.previous) {
    auto now = plan.assigned.find(seat);
    if (now == plan.assigned.end() || now->second != id) losing.insert(id);
  }
  std::set<std::int64_t> moving = losing;
  for (const auto& [id, seats] : gained) moving.insert(id);

  // Those who move least first: they are the easiest to spare.
  std::vector<std::int64_t> order;
  for (const auto& [id, seats] : gained) {
    if (!losing.contains(id)) order.push_back(id);
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return gained[a].size() < gained[b].size(); });
  for (auto giver : order) {
    std::vector<std::pair<std::string, std::int64_t>> moves;
    auto trial_load = load;
    auto trial_busy = busy;
    bool all = true;
    for (const auto& seat : gained[giver]) {
      if (options.locked.contains(seat)) {
        all = false;
        break;
      }
      const auto& session = *session_of.at(seat);
      std::optional<std::int64_t> taker;
      for (auto candidate : moving) {
        if (candidate == giver || !by_id.contains(candidate)) continue;
        const auto& v = *by_id.at(candidate);
        if (trial_load[candidate] >= monthly_limit(config, v) || trial_busy.contains({candidate, session.date})) continue;
        if (!eligible(config, v, session, *seat_of.at(seat))) continue;
        taker = candidate;
        break;
      }
      if (!taker) {
        all = false;
        break;
      }
      moves.emplace_back(seat, *taker);
      ++trial_load[*taker];
      trial_busy.insert({*taker, session.date});
      trial_busy.erase({giver, session.date});
    }
    if (!all) continue;
    for (const auto& [seat, taker] : moves) {
      plan.assigned[seat] = taker;
      gained[taker].push_back(seat);
    }
    load = std::move(trial_load);
    load[giver] -= static_cast<int>(moves.size());
    busy = std::move(trial_busy);
    gained.erase(giver);
    moving.erase(giver);
  }
}

/// Why each empty seat is empty, from the first hard constraint that left nobody.
/// `used` is each volunteer's seats in the plan, by their index.
void explain_unfilled(const config::Config& config, const std::vector<Session>& sessions,
                      const std::vector<people::Volunteer>& volunteers, const std::vector<int>& used, RotaPlan& plan) {
  // Seats held per volunteer and week, for the weekly limit.
  auto week = [](const Date& date) {
    auto day = std::chrono::sys_days{date};
    return day - (std::chrono::weekday{day} - std::chrono::Monday);
  };
  std::map<std::pair<std::int64_t, std::chrono::sys_days>, int> in_week;
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      if (auto it = plan.assigned.find(seat.key); it != plan.assigned.end()) ++in_week[{it->second, week(session.date)}];
    }
  }
  const auto& weekly = config.settings.weekly_limit;
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      if (plan.assigned.contains(seat.key)) continue;
      Unfilled why;
      std::vector<std::int64_t> skilled, free, under_limit;
      for (std::size_t i = 0; i < volunteers.size(); ++i) {
        const auto& v = volunteers[i];
        if (!has_skill(config, v, seat, session.date)) continue;
        skilled.push_back(v.id);
        if (!available(v, session)) continue;
        free.push_back(v.id);
        bool week_full = weekly && in_week[{v.id, week(session.date)}] >= *weekly;
        if (used[i] < monthly_limit(config, v) && !week_full) under_limit.push_back(v.id);
      }
      if (skilled.empty()) {
        why.reason = Unfilled::Reason::no_skill;
      } else if (free.empty()) {
        why = {Unfilled::Reason::not_available, skilled};
      } else if (under_limit.empty()) {
        why = {Unfilled::Reason::at_limit, free};
      } else {
        why = {Unfilled::Reason::busy_that_day, under_limit};
      }
      plan.unfilled[seat.key] = std::move(why);
    }
  }
}

}  // namespace

std::vector<people::DayPart> parts_of_day(const TimeRange& time) {
  std::vector<people::DayPart> parts;
  if (time.start < 12 * 60) parts.push_back(people::DayPart::morning);
  if (time.start < 18 * 60 && time.end > 12 * 60) parts.push_back(people::DayPart::afternoon);
  if (time.end > 18 * 60) parts.push_back(people::DayPart::evening);
  return parts;
}

bool eligible(const config::Config& config, const people::Volunteer& volunteer, const Session& session,
              const Seat& seat) {
  return has_skill(config, volunteer, seat, session.date) && available(volunteer, session);
}

RotaPlan assign(const config::Config& config, const std::vector<Session>& sessions,
                const std::vector<people::Volunteer>& volunteers, const AssignOptions& options) {
  RotaPlan plan;
  std::map<std::int64_t, std::size_t> index_of;
  for (std::size_t i = 0; i < volunteers.size(); ++i) index_of[volunteers[i].id] = i;

  // Locked seats, and those of days gone by, are taken first: they use up their
  // volunteer's month and day.
  std::vector<int> used(volunteers.size(), 0);
  std::map<std::pair<std::size_t, Date>, int> used_on_day;
  auto frozen = [&](const Session& session) { return options.frozen_before && session.date < *options.frozen_before; };
  auto fixed = [&](const Session& session, const Seat& seat) -> std::optional<std::int64_t> {
    const auto& from = frozen(session) ? options.previous : options.locked;
    if (auto it = from.find(seat.key); it != from.end()) return it->second;
    return std::nullopt;
  };
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      ++plan.seats;
      auto volunteer = fixed(session, seat);
      if (!volunteer) continue;
      plan.assigned[seat.key] = *volunteer;
      if (auto v = index_of.find(*volunteer); v != index_of.end()) {
        ++used[v->second];
        ++used_on_day[{v->second, session.date}];
      }
    }
  }

  FlowNetwork net;
  auto source = net.add_node();
  auto sink = net.add_node();
  // A volunteer enters the network with their first eligible seat: at district scale
  // most of them are eligible for none, and the network stays small.
  std::vector<std::optional<FlowNetwork::Node>> volunteer_node(volunteers.size());
  auto node_of = [&](std::size_t i) {
    if (!volunteer_node[i]) {
      volunteer_node[i] = net.add_node();
      int limit = monthly_limit(config, volunteers[i]);
      for (int k = used[i] + 1; k <= limit; ++k) {
        net.add_arc(source, *volunteer_node[i], 1, balance_scale * (2 * k - 1) / limit);
      }
    }
    return *volunteer_node[i];
  };

  struct Choice {
    std::string seat;
    std::size_t volunteer;
  };
  std::map<FlowNetwork::Arc, Choice> choices;
  std::map<std::pair<std::size_t, Date>, FlowNetwork::Node> day_node;
  std::int64_t open_seats = 0;
  std::vector<std::pair<const Session*, const Seat*>> open;
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      if (!frozen(session) && !options.locked.contains(seat.key)) open.emplace_back(&session, &seat);
    }
  }
  int most_seats = 1;
  for (const auto& [session, seat] : open) most_seats = std::max(most_seats, seat->number);
  const std::int64_t keep_bonus = spread_step * most_seats + 2 * balance_scale + 1;
  const std::int64_t fill_reward = (keep_bonus + spread_step * most_seats + 2 * balance_scale) *
                                   (static_cast<std::int64_t>(open.size()) + 1);
  // With a weekly limit, days reach the volunteer through their week (Monday to Sunday):
  // volunteer → volunteer-week → volunteer-day.
  const auto& weekly = config.settings.weekly_limit;
  auto monday_of = [](const Date& date) {
    auto day = std::chrono::sys_days{date};
    return day - (std::chrono::weekday{day} - std::chrono::Monday);
  };
  std::map<std::pair<std::size_t, std::chrono::sys_days>, int> used_in_week;
  for (const auto& [key, count] : used_on_day) used_in_week[{key.first, monday_of(key.second)}] += count;
  std::map<std::pair<std::size_t, std::chrono::sys_days>, FlowNetwork::Node> week_node;
  auto week_of = [&](std::size_t i, const Date& date) {
    if (!weekly) return node_of(i);
    auto key = std::pair{i, monday_of(date)};
    auto [it, fresh] = week_node.try_emplace(key, 0);
    if (fresh) {
      it->second = net.add_node();
      net.add_arc(node_of(i), it->second, std::max(0, *weekly - used_in_week[key]), 0);
    }
    return it->second;
  };

  // Who has which skill, so that each seat looks only at those who could take it.
  std::map<std::string, std::vector<std::size_t>> with_skill;
  std::vector<std::size_t> everyone(volunteers.size());
  for (std::size_t i = 0; i < volunteers.size(); ++i) {
    everyone[i] = i;
    for (const auto& skill : volunteers[i].skills) with_skill[skill.skill].push_back(i);
  }
  const std::vector<std::size_t> nobody;
  for (const auto& [session, seat] : open) {
    auto seat_node = net.add_node();
    net.add_arc(seat_node, sink, 1, -fill_reward + spread_step * (seat->number - 1));
    ++open_seats;
    auto previous = options.previous.find(seat->key);
    auto needed = part_bits(session->time);
    const auto& candidates = seat->skill == config::general_skill
                                 ? everyone
                                 : (with_skill.contains(seat->skill) ? with_skill.at(seat->skill) : nobody);
    for (std::size_t i : candidates) {
      if (!has_skill(config, volunteers[i], *seat, session->date) || !available(volunteers[i], *session, needed)) continue;
      int left_today = sessions_per_day - (used_on_day.contains({i, session->date}) ? used_on_day[{i, session->date}] : 0);
      if (left_today <= 0) continue;
      auto [it, fresh] = day_node.try_emplace({i, session->date}, 0);
      if (fresh) {
        it->second = net.add_node();
        net.add_arc(week_of(i, session->date), it->second, left_today, 0);
      }
      bool kept = previous != options.previous.end() && previous->second == volunteers[i].id;
      auto arc = net.add_arc(it->second, seat_node, 1, kept ? -keep_bonus : 0);
      choices[arc] = {seat->key, i};
    }
  }
  net.add_arc(source, sink, open_seats, 0);  // seats left empty
  auto solution = net.min_cost_flow(source, sink, open_seats);
  for (const auto& [arc, choice] : choices) {
    if (solution.flow[static_cast<std::size_t>(arc)] > 0) plan.assigned[choice.seat] = volunteers[choice.volunteer].id;
  }
  if (!options.previous.empty()) give_changes_to_fewest(config, sessions, volunteers, options, plan);

  std::fill(used.begin(), used.end(), 0);  // now counting every seat held, locks included
  for (const auto& [seat, id] : plan.assigned) {
    if (auto v = index_of.find(id); v != index_of.end()) ++used[v->second];
  }

  explain_unfilled(config, sessions, volunteers, used, plan);

  std::set<std::int64_t> moved;
  for (const auto& [seat, volunteer] : options.previous) {
    auto now = plan.assigned.find(seat);
    if (now == plan.assigned.end() || now->second != volunteer) {
      moved.insert(volunteer);
      if (now != plan.assigned.end()) moved.insert(now->second);
    }
  }
  for (const auto& [seat, volunteer] : plan.assigned) {
    if (!options.previous.empty() && !options.previous.contains(seat)) moved.insert(volunteer);
  }
  plan.moved.assign(moved.begin(), moved.end());
  return plan;
}

}  // namespace kangle::schedule
