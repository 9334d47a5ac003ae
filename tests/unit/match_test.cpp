// SPDX-License-Identifier: Apache-2.0
// The matching engine: plan_matches against brute force on many small random instances
// (the full lexicographic objective), its properties on larger ones (room, places,
// reach, refusals, gaps and shortages), hand-made priority and gap cases, distance_m on
// known points; then the project life through ProjectStore and run_matching on a workspace.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <functional>
#include <iterator>
#include <map>
#include <numbers>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "import_report.hpp"
#include "lists/model.hpp"
#include "lists/store.hpp"
#include "match/closing.hpp"
#include "match/matcher.hpp"
#include "match/projects.hpp"
#include "match/run.hpp"
#include "storage/connection.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace match_test {

using kangle::Date;
using kangle::lists::Coordinates;
using kangle::lists::Need;
using kangle::lists::NeedStatus;
using kangle::lists::Resource;
using kangle::match::FreeResource;
using kangle::match::Gap;
using kangle::match::GapReason;
using kangle::match::MatchPlan;
using kangle::match::OpenNeed;
using kangle::match::Project;
using kangle::match::ProjectStatus;
using kangle::match::ProjectStore;
using kangle::match::Proposal;
using kangle::match::TransitionDetails;
using kangle::test::error_message;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }
Date plus_days(const Date& d, int days) { return Date{std::chrono::sys_days{d} + std::chrono::days{days}}; }

const Date today = ymd(2026, 12, 1);

/// A point `north_m` metres north and `east_m` metres east of Kangjian (31.16N 121.42E).
Coordinates near(double north_m, double east_m) {
  constexpr double metres_per_degree = 6'371'000.0 * std::numbers::pi / 180.0;
  constexpr double base_lat = 31.16, base_lon = 121.42;
  return {base_lat + north_m / metres_per_degree,
          base_lon + east_m / (metres_per_degree * std::cos(base_lat * std::numbers::pi / 180.0))};
}

OpenNeed open_need(std::int64_t id, const std::string& category, std::optional<Coordinates> at, int age_days = 0,
                   bool vulnerable = false, int open = 1, std::optional<Date> deadline = std::nullopt) {
  OpenNeed n;
  n.need.id = id;
  n.need.requester = "居民" + std::to_string(id);
  n.need.category = category;
  n.need.location = at;
  n.need.vulnerable = vulnerable;
  n.need.wanted = open;
  n.need.deadline = deadline;
  n.open = open;
  n.age_days = age_days;
  return n;
}

FreeResource free_resource(std::int64_t id, const std::string& category, std::optional<Coordinates> at,
                           std::optional<int> radius_m, int free = 1) {
  FreeResource r;
  r.resource.id = id;
  r.resource.provider = "单位" + std::to_string(id);
  r.resource.category = category;
  r.resource.location = at;
  r.resource.radius_m = radius_m;
  r.resource.capacity = std::max(free, 1);
  r.free = free;
  return r;
}

struct Instance {
  std::vector<OpenNeed> needs;
  std::vector<FreeResource> resources;
};

bool listed(const std::vector<std::int64_t>& ids, std::int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

/// Whether `r` declined `n` or gave it back, or already serves it in a live project.
bool excluded(const OpenNeed& n, const FreeResource& r) {
  return listed(n.refused_by, r.resource.id) || listed(n.served_by, r.resource.id);
}

/// The donor of a resource: its unit (or its provider), a volunteer's own name.
std::string donor_of(const Resource& r) {
  if (r.provider_kind == kangle::lists::ProviderKind::volunteer) return "volunteer:" + r.provider;
  return "unit:" + (r.unit.empty() ? r.provider : r.unit);
}

/// The donors of the resources serving `n` already.
std::set<std::string> serving_donors(const std::vector<FreeResource>& resources, const OpenNeed& n) {
  std::set<std::string> out;
  for (const auto& r : resources) {
    if (listed(n.served_by, r.resource.id)) out.insert(donor_of(r.resource));
  }
  return out;
}

/// Whether `r` serves in today's period and can serve `n`.
bool available(const OpenNeed& n, const FreeResource& r) {
  return r.in_period && kangle::match::can_serve(r.resource, n.need, today);
}

/// Whether the engine may propose `r` for `n`: it is available, not excluded, and its
/// donor does not serve `n` already.
bool may_propose(const std::vector<FreeResource>& resources, const OpenNeed& n, const FreeResource& r) {
  return available(n, r) && !excluded(n, r) && !serving_donors(resources, n).contains(donor_of(r.resource));
}

std::optional<int> distance_between(const Resource& r, const Need& n) {
  if (!r.location || !n.location) return std::nullopt;
  return kangle::match::distance_m(*r.location, *n.location);
}

/// The engine's distance units, as its documentation states them: tens of metres up to
/// 100 km, an unknown distance the farthest.
long distance_units(const std::optional<int>& metres) { return metres ? std::min(*metres / 10, 10'000) : 10'000; }

/// Whether `r` offers a service `n` asks for.
bool offers_asked_service(const FreeResource& r, const OpenNeed& n) {
  for (const auto& service : n.need.services) {
    if (std::find(r.resource.services.begin(), r.resource.services.end(), service) != r.resource.services.end()) return true;
  }
  return false;
}

/// The objective, to be maximised lexicographically: vulnerable places, places, days
/// waited (each need's age clamped to 3650) summed over the places, places given by a
/// resource offering a service the need asks for, minus distance units.
using Score = std::tuple<long, long, long, long, long>;

Score pair_score(const OpenNeed& n, const FreeResource& r) {
  return {n.need.vulnerable ? 1 : 0, 1, std::clamp(n.age_days, 0, 3650), offers_asked_service(r, n) ? 1 : 0,
          -distance_units(distance_between(r.resource, n.need))};
}

Score operator+(const Score& a, const Score& b) {
  return {std::get<0>(a) + std::get<0>(b), std::get<1>(a) + std::get<1>(b), std::get<2>(a) + std::get<2>(b),
          std::get<3>(a) + std::get<3>(b), std::get<4>(a) + std::get<4>(b)};
}

std::string show(const Score& s) {
  return "(vulnerable " + std::to_string(std::get<0>(s)) + ", places " + std::to_string(std::get<1>(s)) + ", days " +
         std::to_string(std::get<2>(s)) + ", services asked " + std::to_string(std::get<3>(s)) + ", distance " +
         std::to_string(-std::get<4>(s)) + ")";
}

/// Indexes of the instance's needs and resources by id.
struct Index {
  std::map<std::int64_t, std::size_t> need, resource;
  explicit Index(const Instance& in) {
    for (std::size_t i = 0; i < in.needs.size(); ++i) need[in.needs[i].need.id] = i;
    for (std::size_t j = 0; j < in.resources.size(); ++j) resource[in.resources[j].resource.id] = j;
  }
};

Score plan_score(const Instance& in, const MatchPlan& plan) {
  Index index(in);
  Score s{};
  for (const auto& p : plan.proposals) s = s + pair_score(in.needs[index.need.at(p.need)], in.resources[index.resource.at(p.resource)]);
  return s;
}

/// The best objective over every feasible set of pairs: each pair at most once, no
/// resource over its free room, no need over its open places, every pair servable and
/// not excluded, in its period, each donor once a need. Each need in turn takes every
/// subset of the resources that may serve it.
Score brute_force_best(const Instance& in) {
  std::vector<std::vector<std::size_t>> servable(in.needs.size());
  for (std::size_t i = 0; i < in.needs.size(); ++i) {
    for (std::size_t j = 0; j < in.resources.size(); ++j) {
      if (may_propose(in.resources, in.needs[i], in.resources[j])) servable[i].push_back(j);
    }
  }
  std::set<std::string> donors_taken;  // by the need being visited
  std::vector<int> room;
  for (const auto& r : in.resources) room.push_back(r.free);
  Score best{};  // the empty set
  std::function<void(std::size_t, std::size_t, int, const Score&)> visit = [&](std::size_t need, std::size_t next,
                                                                            int taken, const Score& so_far) {
    if (need == in.needs.size()) {
      best = std::max(best, so_far);
      return;
    }
    // This need takes no more resources: on to the next need.
    auto mine = std::exchange(donors_taken, {});
    visit(need + 1, 0, 0, so_far);
    donors_taken = std::move(mine);
    if (taken == in.needs[need].open) return;
    for (std::size_t k = next; k < servable[need].size(); ++k) {
      auto r = servable[need][k];
      auto donor = donor_of(in.resources[r].resource);
      if (room[r] <= 0 || donors_taken.contains(donor)) continue;
      --room[r];
      donors_taken.insert(donor);
      visit(need, k + 1, taken + 1, so_far + pair_score(in.needs[need], in.resources[r]));
      donors_taken.erase(donor);
      ++room[r];
    }
  };
  visit(0, 0, 0, Score{});
  return best;
}

/// A random instance: `needs` and `resources` over `categories` categories, within
/// `spread_m` of the centre; some without coordinates, some resources serving the whole
/// street, some deadlines passed (and some falling today), a few ages past the ten-year
/// clamp, a tenth of the pairs refused (the resource declined the need or gave it back)
/// and a twentieth already served by a live project; half the resources share one of
/// three units, a tenth are outside their period; needs ask for, and resources offer,
/// none, one or two of three services of their category.
Instance random_instance(std::mt19937& rng, int needs, int resources, int categories, int spread_m, int max_free,
                         int max_open) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  auto somewhere = [&]() -> std::optional<Coordinates> {
    if (chance(0.1)) return std::nullopt;
    return near(uniform(-spread_m, spread_m), uniform(-spread_m, spread_m));
  };
  auto category = [&] { return std::string(1, static_cast<char>('a' + uniform(0, categories - 1))); };
  Instance in;
  for (int i = 0; i < needs; ++i) {
    std::optional<Date> deadline;
    switch (uniform(0, 9)) {
      case 0:
      case 1: deadline = plus_days(today, -uniform(1, 30)); break;
      case 2: deadline = today; break;
      case 3:
      case 4:
      case 5: break;
      default: deadline = plus_days(today, uniform(1, 60));
    }
    int age = chance(0.05) ? uniform(3600, 3700) : uniform(0, 30);
    in.needs.push_back(open_need(1000 + i, category(), somewhere(), age, chance(0.3), uniform(1, max_open), deadline));
  }
  for (int j = 0; j < resources; ++j) {
    std::optional<int> radius;
    if (!chance(0.3)) radius = uniform(300, spread_m * 3 / 2);
    in.resources.push_back(free_resource(5000 + j, category(), somewhere(), radius, uniform(0, max_free)));
    // Half the resources belong to one of three units (several rows of one donor); a
    // tenth are outside their period today.
    if (chance(0.5)) in.resources.back().resource.unit = "单位" + std::to_string(uniform(0, 2));
    in.resources.back().in_period = !chance(0.1);
  }
  for (auto& n : in.needs) {
    for (const auto& r : in.resources) {
      if (chance(0.1)) n.refused_by.push_back(r.resource.id);
      else if (chance(0.05)) n.served_by.push_back(r.resource.id);
    }
  }
  auto services = [&](const std::string& of_category) {
    std::vector<std::string> ids;
    for (int k = uniform(0, 2); k > 0; --k) {
      auto id = of_category + "-service-" + std::to_string(uniform(1, 3));
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  };
  for (auto& n : in.needs) n.need.services = services(n.need.category);
  for (auto& r : in.resources) r.resource.services = services(r.resource.category);
  return in;
}

/// Everything a plan must satisfy whatever the instance; returns how many places each need got.
std::vector<int> check_plan(const Instance& in, const MatchPlan& plan) {
  Index index(in);
  std::vector<int> served(in.needs.size(), 0), used(in.resources.size(), 0);
  std::set<std::pair<std::int64_t, std::int64_t>> pairs;
  std::set<std::pair<std::int64_t, std::string>> donors;
  int vulnerable = 0;
  long distance = 0;
  for (const auto& p : plan.proposals) {
    REQUIRE(index.need.count(p.need) == 1);
    REQUIRE(index.resource.count(p.resource) == 1);
    const auto& n = in.needs[index.need.at(p.need)];
    const auto& r = in.resources[index.resource.at(p.resource)];
    INFO("proposal: need " << p.need << ", resource " << p.resource);
    CHECK(pairs.insert({p.need, p.resource}).second);  // no pair twice
    CHECK(kangle::match::can_serve(r.resource, n.need, today));
    CHECK(r.in_period);
    CHECK_FALSE(excluded(n, r));
    CHECK_FALSE(serving_donors(in.resources, n).contains(donor_of(r.resource)));
    CHECK(donors.insert({p.need, donor_of(r.resource)}).second);  // each donor once a need
    CHECK(n.need.category == r.resource.category);
    CHECK_FALSE((n.need.deadline && *n.need.deadline < today));
    if (r.resource.radius_m) {
      REQUIRE(p.distance_m);
      CHECK(*p.distance_m <= *r.resource.radius_m);
    }
    CHECK(p.distance_m == distance_between(r.resource, n.need));
    ++served[index.need.at(p.need)];
    ++used[index.resource.at(p.resource)];
    if (n.need.vulnerable) ++vulnerable;
    if (p.distance_m) distance += *p.distance_m;
  }
  for (std::size_t i = 0; i < in.needs.size(); ++i) {
    INFO("need " << in.needs[i].need.id);
    CHECK(served[i] <= std::max(in.needs[i].open, 0));
  }
  for (std::size_t j = 0; j < in.resources.size(); ++j) {
    INFO("resource " << in.resources[j].resource.id);
    CHECK(used[j] <= std::max(in.resources[j].free, 0));
  }
  CHECK(plan.vulnerable_served == vulnerable);
  CHECK(plan.total_distance_m == distance);
  CHECK(std::is_sorted(plan.proposals.begin(), plan.proposals.end(), [](const Proposal& a, const Proposal& b) {
    return std::pair{a.need, a.resource} < std::pair{b.need, b.resource};
  }));
  return served;
}

/// Every need with places missing has exactly one gap, whose reason agrees with the
/// instance; no other need has one. Categories short of room are listed, and only they.
void check_gaps(const Instance& in, const MatchPlan& plan, const std::vector<int>& served) {
  Index index(in);
  std::map<std::int64_t, const Gap*> gap_of;
  for (const auto& g : plan.gaps) {
    REQUIRE(index.need.count(g.need) == 1);
    CHECK(gap_of.emplace(g.need, &g).second);
  }
  std::set<std::pair<std::int64_t, std::int64_t>> proposed;
  std::set<std::pair<std::int64_t, std::string>> proposed_donors;
  for (const auto& p : plan.proposals) {
    proposed.insert({p.need, p.resource});
    proposed_donors.insert({p.need, donor_of(in.resources[index.resource.at(p.resource)].resource)});
  }
  std::vector<int> used(in.resources.size(), 0);
  for (const auto& p : plan.proposals) ++used[index.resource.at(p.resource)];

  std::size_t previous = 0;
  for (const auto& g : plan.gaps) {  // in the needs' order
    CHECK(index.need.at(g.need) >= previous);
    previous = index.need.at(g.need);
  }
  for (std::size_t i = 0; i < in.needs.size(); ++i) {
    const auto& n = in.needs[i];
    INFO("need " << n.need.id << " (" << n.need.category << ")");
    int missing = n.open - served[i];
    if (n.open <= 0 || missing <= 0) {
      CHECK(gap_of.count(n.need.id) == 0);
      continue;
    }
    REQUIRE(gap_of.count(n.need.id) == 1);
    const auto& g = *gap_of.at(n.need.id);
    CHECK(g.missing == missing);
    std::vector<std::size_t> same_category;
    for (std::size_t j = 0; j < in.resources.size(); ++j) {
      if (in.resources[j].resource.category == n.need.category) same_category.push_back(j);
    }
    bool passed = n.need.deadline && *n.need.deadline < today;
    bool servable = std::any_of(same_category.begin(), same_category.end(), [&](std::size_t j) {
      return kangle::match::can_serve(in.resources[j].resource, n.need, today);
    });
    std::optional<int> nearest_m;
    for (auto j : same_category) {
      auto d = distance_between(in.resources[j].resource, n.need);
      if (d && (!nearest_m || *d < *nearest_m)) nearest_m = d;
    }
    CHECK((g.reason == GapReason::deadline_passed) == passed);
    if (passed) continue;
    CHECK((g.reason == GapReason::no_resource) == same_category.empty());
    if (same_category.empty()) continue;
    if (!servable) {
      if (nearest_m) {
        REQUIRE(g.reason == GapReason::too_far);
        REQUIRE(g.nearest);
        CHECK(g.nearest_m == nearest_m);
        REQUIRE(index.resource.count(*g.nearest) == 1);
        const auto& r = in.resources[index.resource.at(*g.nearest)].resource;
        CHECK(r.category == n.need.category);
        CHECK(distance_between(r, n.need) == nearest_m);
      } else {
        CHECK(g.reason == GapReason::no_location);
      }
      continue;
    }
    // out_of_period: none that can serve it serves today.
    bool out_of_period = std::none_of(same_category.begin(), same_category.end(),
                                      [&](std::size_t j) { return available(n, in.resources[j]); });
    // refused: it was refused before, and every resource available refused it, serves
    // it already, or is of a donor serving it.
    bool refused = !n.refused_by.empty() && std::none_of(same_category.begin(), same_category.end(), [&](std::size_t j) {
      return may_propose(in.resources, n, in.resources[j]);
    });
    // few_in_reach: fewer donors that may ever serve it (those serving it already
    // included) than it wants; otherwise they are all full.
    std::set<std::string> reachable;
    for (auto j : same_category) {
      const auto& r = in.resources[j];
      if (available(n, r) && !listed(n.refused_by, r.resource.id)) reachable.insert(donor_of(r.resource));
    }
    auto in_reach = static_cast<int>(reachable.size());
    auto expected = out_of_period ? GapReason::out_of_period
                    : refused     ? GapReason::refused
                                  : (in_reach < n.need.wanted ? GapReason::few_in_reach : GapReason::all_full);
    REQUIRE(g.reason == expected);
    if (expected == GapReason::few_in_reach) CHECK(g.in_reach == in_reach);
    // Each resource that may serve it is out of room, or its donor serves it in the
    // plan already: else the plan would not have the most places.
    for (auto j : same_category) {
      const auto& r = in.resources[j];
      if (!may_propose(in.resources, n, r)) continue;
      INFO("resource " << r.resource.id << " could serve it");
      CHECK((used[j] >= r.free || proposed_donors.count({n.need.id, donor_of(r.resource)}) == 1));
    }
  }
  std::map<std::string, std::pair<int, int>> demand;  // category → (wanted, room)
  for (const auto& n : in.needs) {
    if (n.open > 0 && !(n.need.deadline && *n.need.deadline < today)) demand[n.need.category].first += n.open;
  }
  for (const auto& r : in.resources) {
    if (!r.in_period) continue;
    if (auto it = demand.find(r.resource.category); it != demand.end()) it->second.second += std::max(r.free, 0);
  }
  std::vector<std::tuple<std::string, int, int>> expected, got;
  for (const auto& [category, wr] : demand) {
    if (wr.first > wr.second) expected.emplace_back(category, wr.first, wr.second);
  }
  for (const auto& s : plan.shortages) got.emplace_back(s.category, s.wanted, s.room);
  CHECK(got == expected);
}

std::vector<std::pair<std::int64_t, std::int64_t>> pairs_of(const MatchPlan& plan) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& p : plan.proposals) out.emplace_back(p.need, p.resource);
  return out;
}

const Gap& gap_for(const MatchPlan& plan, std::int64_t need) {
  auto it = std::find_if(plan.gaps.begin(), plan.gaps.end(), [&](const Gap& g) { return g.need == need; });
  REQUIRE(it != plan.gaps.end());
  return *it;
}

}  // namespace

// ─── the plan ───────────────────────────────────────────────────────────────────

TEST_CASE("plan_matches reaches the brute-force optimum of the lexicographic objective", "[match]") {
  std::mt19937 rng(20261201);
  int instances = 0, with_proposals = 0, with_services_asked = 0;
  for (int round = 0; round < 2000; ++round) {
    std::uniform_int_distribution<int> needs(1, 6), resources(1, 5), categories(1, 3);
    auto in = random_instance(rng, needs(rng), resources(rng), categories(rng), 2000, 3, 2);
    auto plan = kangle::match::plan_matches(in.needs, in.resources, today);
    INFO("instance " << round << ": " << in.needs.size() << " needs, " << in.resources.size() << " resources");
    auto served = check_plan(in, plan);
    check_gaps(in, plan, served);
    auto best = brute_force_best(in);
    INFO("engine " << show(plan_score(in, plan)) << ", brute force " << show(best));
    CHECK(plan_score(in, plan) == best);
    ++instances;
    if (!plan.proposals.empty()) ++with_proposals;
    if (std::get<3>(best) > 0) ++with_services_asked;
  }
  CHECK(instances == 2000);
  CHECK(with_proposals > 1000);  // the instances are not trivially empty
  CHECK(with_services_asked > 400);  // nor is the tier of the services asked
}

TEST_CASE("plan_matches on larger instances: room, places, reach, gaps and shortages", "[match]") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    auto in = random_instance(rng, 200, 40, 1 + static_cast<int>(seed % 5), 3000, 8, 3);
    auto plan = kangle::match::plan_matches(in.needs, in.resources, today);
    INFO("seed " << seed << ": " << plan.proposals.size() << " proposals, " << plan.gaps.size() << " gaps");
    auto served = check_plan(in, plan);
    check_gaps(in, plan, served);
    CHECK(!plan.proposals.empty());
  }
}

TEST_CASE("plan_matches: each category's plan, solved on its own thread, is the one it gets alone", "[match]") {
  // More categories than a machine has cores, so that threads take several in turn.
  std::mt19937 rng(20261206);
  auto in = random_instance(rng, 900, 180, 12, 3000, 8, 3);
  auto plan = kangle::match::plan_matches(in.needs, in.resources, today);
  auto served = check_plan(in, plan);
  check_gaps(in, plan, served);
  Index index(in);
  int categories_served = 0;
  for (char c = 'a'; c < 'a' + 12; ++c) {
    // The category's needs alone, beside every resource: a donor already serving a need may
    // be a unit's resource of another category.
    Instance alone{{}, in.resources};
    auto of_category = [&](const kangle::lists::Need& n) { return n.category == std::string(1, c); };
    std::copy_if(in.needs.begin(), in.needs.end(), std::back_inserter(alone.needs), [&](const OpenNeed& n) { return of_category(n.need); });
    MatchPlan share;
    std::copy_if(plan.proposals.begin(), plan.proposals.end(), std::back_inserter(share.proposals),
                 [&](const Proposal& p) { return of_category(in.needs[index.need.at(p.need)].need); });
    // The same network, built the same way, whichever thread solves it: the same proposals.
    auto by_itself = kangle::match::plan_matches(alone.needs, alone.resources, today);
    INFO("category " << c << ": " << share.proposals.size() << " proposals");
    CHECK(show(plan_score(alone, share)) == show(plan_score(alone, by_itself)));
    auto pairs = [](const MatchPlan& p) {
      std::vector<std::tuple<std::int64_t, std::int64_t, std::optional<int>>> out;
      for (const auto& proposal : p.proposals) out.emplace_back(proposal.need, proposal.resource, proposal.distance_m);
      return out;
    };
    CHECK(pairs(share) == pairs(by_itself));
    // Its gaps too, worked out on the thread that planned it.
    auto gaps = [](const std::vector<kangle::match::Gap>& all, auto keep) {
      std::vector<std::tuple<std::int64_t, int, int, std::optional<std::int64_t>, std::optional<int>, int>> out;
      for (const auto& g : all) {
        if (keep(g)) out.emplace_back(g.need, g.missing, static_cast<int>(g.reason), g.nearest, g.nearest_m, g.in_reach);
      }
      return out;
    };
    auto gaps_of_category = gaps(plan.gaps, [&](const kangle::match::Gap& g) { return of_category(in.needs[index.need.at(g.need)].need); });
    CHECK(gaps_of_category == gaps(by_itself.gaps, [](const kangle::match::Gap&) { return true; }));
    CHECK(!gaps_of_category.empty());
    if (!share.proposals.empty()) ++categories_served;
  }
  CHECK(categories_served == 12);
}

TEST_CASE("plan_matches: the service asked for before the distance, after the days waited", "[match]") {
  auto asking = [](OpenNeed n, std::vector<std::string> services) {
    n.need.services = std::move(services);
    return n;
  };
  auto offering = [](FreeResource r, std::vector<std::string> services) {
    r.resource.services = std::move(services);
    return r;
  };
  SECTION("the example's pest control goes to the pest-control company, not the health centre 218 m away") {
    // 楼道灭蟑螂、垃圾厢房消杀: the health centre (测血压, 1 km radius) is near; the
    // company offering 消杀 serves the whole street, its distance unknown.
    std::vector<FreeResource> resources{
        offering(free_resource(2, "health", near(218, 0), 1000, 20), {"blood-pressure", "blood-sugar", "health-advice"}),
        offering(free_resource(3, "health", std::nullopt, std::nullopt, 4), {"disinfection"})};
    std::vector<OpenNeed> needs{asking(open_need(11, "health", near(0, 0)), {"disinfection"})};
    auto plan = kangle::match::plan_matches(needs, resources, today);
    CHECK(pairs_of(plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 3}});
    CHECK(plan.gaps.empty());
  }
  SECTION("a need asking no service takes the nearest of its category") {
    std::vector<FreeResource> resources{offering(free_resource(2, "health", near(218, 0), 1000, 1), {"blood-pressure"}),
                                        offering(free_resource(3, "health", std::nullopt, std::nullopt, 1), {"disinfection"})};
    std::vector<OpenNeed> needs{open_need(11, "health", near(0, 0))};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 2}});
  }
  SECTION("a resource sharing only the category still serves when none offers the service") {
    std::vector<FreeResource> resources{offering(free_resource(2, "health", near(218, 0), 1000, 1), {"blood-pressure"})};
    std::vector<OpenNeed> needs{asking(open_need(11, "health", near(0, 0)), {"disinfection"})};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 2}});
  }
  SECTION("the older need keeps the place, though a younger one asks for the service offered") {
    std::vector<FreeResource> resources{offering(free_resource(1, "health", near(0, 0), std::nullopt, 1), {"disinfection"})};
    std::vector<OpenNeed> needs{asking(open_need(10, "health", near(100, 0), 8), {"blood-pressure"}),
                                asking(open_need(11, "health", near(100, 0), 7), {"disinfection"})};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 1}});
  }
  SECTION("of needs as old, the one asking the service offered, though farther") {
    std::vector<FreeResource> resources{offering(free_resource(1, "health", near(0, 0), std::nullopt, 1), {"disinfection"})};
    std::vector<OpenNeed> needs{asking(open_need(10, "health", near(100, 0), 7), {"blood-pressure"}),
                                asking(open_need(11, "health", near(3000, 0), 7), {"disinfection"})};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 1}});
  }
}

TEST_CASE("plan_matches: vulnerable residents first, then places, then the oldest, then the nearest", "[match]") {
  SECTION("a vulnerable need beats an older, nearer one for the last place") {
    std::vector<FreeResource> resources{free_resource(1, "health", near(0, 0), 3000, 1)};
    std::vector<OpenNeed> needs{open_need(10, "health", near(100, 0), 300, false),
                                open_need(11, "health", near(2000, 0), 1, true)};
    auto plan = kangle::match::plan_matches(needs, resources, today);
    CHECK(pairs_of(plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 1}});
    CHECK(plan.vulnerable_served == 1);
    REQUIRE(plan.gaps.size() == 1);
    CHECK(gap_for(plan, 10).reason == GapReason::all_full);
  }
  SECTION("the older need first, even when farther") {
    std::vector<FreeResource> resources{free_resource(1, "health", near(0, 0), std::nullopt, 1)};
    std::vector<OpenNeed> needs{open_need(10, "health", near(100, 0), 5), open_need(11, "health", near(2500, 0), 6)};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 1}});
  }
  SECTION("of needs as old, the nearer") {
    std::vector<FreeResource> resources{free_resource(1, "health", near(0, 0), std::nullopt, 1)};
    std::vector<OpenNeed> needs{open_need(10, "health", near(900, 0), 7), open_need(11, "health", near(0, 400), 7),
                                open_need(12, "health", std::nullopt, 7)};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 1}});
  }
  SECTION("a known distance beats an unknown one, and ages past ten years count as ten years") {
    std::vector<FreeResource> resources{free_resource(1, "health", near(0, 0), std::nullopt, 1)};
    std::vector<OpenNeed> needs{open_need(10, "health", std::nullopt, 5000), open_need(11, "health", near(5000, 0), 3650)};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{11, 1}});
  }
  SECTION("more places beat the oldest need") {
    // R1 reaches both needs, R2 only the old one, which R1 is nearer to: the old one
    // takes R2 all the same, so that both are served.
    std::vector<FreeResource> resources{free_resource(1, "health", near(0, 0), 2000, 1),
                                        free_resource(2, "health", near(3000, 0), 2000, 1)};
    std::vector<OpenNeed> needs{open_need(10, "health", near(1200, 0), 200), open_need(11, "health", near(-500, 0), 1)};
    auto plan = kangle::match::plan_matches(needs, resources, today);
    CHECK(pairs_of(plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 2}, {11, 1}});
    CHECK(plan.gaps.empty());
  }
  SECTION("a micro-wish wanting two donors gets two different resources") {
    std::vector<FreeResource> resources{free_resource(1, "elderly-care", std::nullopt, std::nullopt, 5),
                                        free_resource(2, "elderly-care", std::nullopt, std::nullopt, 5)};
    std::vector<OpenNeed> needs{open_need(10, "elderly-care", std::nullopt, 3, true, 3)};
    auto plan = kangle::match::plan_matches(needs, resources, today);
    CHECK(pairs_of(plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 1}, {10, 2}});
    CHECK(plan.vulnerable_served == 2);
    REQUIRE(plan.gaps.size() == 1);
    CHECK(plan.gaps[0].need == 10);
    CHECK(plan.gaps[0].missing == 1);
    // Both still have room, but each serves it once: two in reach for three wanted.
    CHECK(plan.gaps[0].reason == GapReason::few_in_reach);
    CHECK(plan.gaps[0].in_reach == 2);
    // On a later run, with resource 1 already serving it, only resource 2 may be proposed.
    needs[0].open = 1;
    needs[0].served_by = {1};
    CHECK(pairs_of(kangle::match::plan_matches(needs, resources, today)) ==
          std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 2}});
    needs[0].served_by = {1, 2};
    auto none = kangle::match::plan_matches(needs, resources, today);
    CHECK(none.proposals.empty());
    REQUIRE(none.gaps.size() == 1);
    CHECK(none.gaps[0].reason == GapReason::few_in_reach);
    // Two wanted and two in reach, serving it already: nothing more to give, and full is not the word.
    needs[0].need.wanted = 2;
    needs[0].open = 1;
    needs[0].served_by = {1};
    resources[1].free = 0;
    CHECK(kangle::match::plan_matches(needs, resources, today).gaps.at(0).reason == GapReason::all_full);
    resources[1].free = 5;
    needs[0].refused_by = {2};
    needs[0].served_by = {1};
    CHECK(kangle::match::plan_matches(needs, resources, today).gaps.at(0).reason == GapReason::refused);
  }
}

TEST_CASE("plan_matches: each reason a need is left unmatched, and shortages by category", "[match]") {
  std::vector<FreeResource> resources{
      free_resource(1, "health", near(0, 0), 1000, 2),       // 1 km around the centre
      free_resource(2, "health", near(0, 3000), 500, 1),     // 500 m around a point 3 km east
      free_resource(3, "legal", std::nullopt, std::nullopt, 1),  // the whole street
      free_resource(4, "repair", std::nullopt, 800, 3),      // a radius but no coordinates
      free_resource(5, "life", near(0, 0), 500, 0),          // no room left
      free_resource(6, "mental-care", std::nullopt, std::nullopt, 1),
  };
  std::vector<OpenNeed> needs{
      open_need(10, "health", near(200, 0), 3),
      open_need(11, "health", near(0, 2000), 3),                                   // 1 km from R2, 2 km from R1
      open_need(12, "health", near(100, 0), 3, false, 1, plus_days(today, -1)),    // deadline yesterday
      open_need(13, "health", near(300, 0), 3, false, 1, today),                    // deadline today: still on
      open_need(14, "digital", near(0, 0), 3),                                     // nobody offers it
      open_need(15, "health", std::nullopt, 3),                                    // radius, no coordinates
      open_need(16, "repair", near(0, 0), 3),                                      // the resource has none
      open_need(17, "legal", std::nullopt, 9, false, 2),                           // one resource, wants two
      open_need(18, "legal", std::nullopt, 1),                                     // its room went to 17
      open_need(19, "life", near(0, 0), 3),                                        // in reach, no room
      open_need(20, "health", near(-400, 0), 1),                                   // lost to 10 and 13 (older)
      open_need(21, "mental-care", std::nullopt, 30, true),                        // R6 declined it before
      open_need(22, "mental-care", std::nullopt, 1),                               // so R6 goes here
  };
  needs[11].refused_by = {6};
  auto plan = kangle::match::plan_matches(needs, resources, today);
  CHECK(pairs_of(plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 1}, {13, 1}, {17, 3}, {22, 6}});

  auto reason_of = [&](std::int64_t need) { return gap_for(plan, need).reason; };
  CHECK(plan.gaps.size() == 10);
  CHECK(reason_of(11) == GapReason::too_far);
  CHECK(gap_for(plan, 11).nearest == std::optional<std::int64_t>(2));
  CHECK(gap_for(plan, 11).nearest_m == kangle::match::distance_m(*needs[1].need.location, *resources[1].resource.location));
  CHECK(gap_for(plan, 11).nearest_m.value_or(0) == Approx(1000).margin(2));
  CHECK(gap_for(plan, 11).missing == 1);
  CHECK(reason_of(12) == GapReason::deadline_passed);
  CHECK_FALSE(gap_for(plan, 12).nearest);
  CHECK(reason_of(14) == GapReason::no_resource);
  CHECK(reason_of(15) == GapReason::no_location);
  CHECK_FALSE(gap_for(plan, 15).nearest);
  CHECK(reason_of(16) == GapReason::no_location);
  CHECK(reason_of(17) == GapReason::few_in_reach);  // one legal resource in the street, and it wants two
  CHECK(gap_for(plan, 17).in_reach == 1);
  CHECK(gap_for(plan, 17).missing == 1);
  CHECK(reason_of(18) == GapReason::all_full);
  CHECK(reason_of(19) == GapReason::all_full);
  CHECK(reason_of(20) == GapReason::all_full);
  CHECK(reason_of(21) == GapReason::refused);
  CHECK_FALSE(gap_for(plan, 21).nearest);
  for (auto need : {10, 13, 22}) {
    CHECK(std::none_of(plan.gaps.begin(), plan.gaps.end(), [&](const Gap& g) { return g.need == need; }));
  }

  // Shortages: health wants 5 (10, 11, 13, 15, 20; 12's deadline passed) of 3 places;
  // legal 3 of 1; life 1 of 0; mental care 2 of 1; repair 1 of 3 is no shortage;
  // digital wants 1 of none.
  std::vector<std::tuple<std::string, int, int>> shortages;
  for (const auto& s : plan.shortages) shortages.emplace_back(s.category, s.wanted, s.room);
  CHECK(shortages == std::vector<std::tuple<std::string, int, int>>{
                         {"digital", 1, 0}, {"health", 5, 3}, {"legal", 3, 1}, {"life", 1, 0}, {"mental-care", 2, 1}});
}

TEST_CASE("plan_matches: nothing to match", "[match]") {
  auto empty = kangle::match::plan_matches({}, {}, today);
  CHECK(empty.proposals.empty());
  CHECK(empty.gaps.empty());
  CHECK(empty.shortages.empty());
  std::vector<OpenNeed> satisfied{open_need(1, "health", std::nullopt, 1, false, 1)};
  satisfied[0].open = 0;
  auto plan = kangle::match::plan_matches(satisfied, {free_resource(2, "health", std::nullopt, std::nullopt, 1)}, today);
  CHECK(plan.proposals.empty());
  CHECK(plan.gaps.empty());
}

TEST_CASE("can_serve: a radius reached at its very edge north, south and east, and not a metre past it", "[match]") {
  // Needs farther north or south than the radius are set aside without their distance:
  // one at the edge (its distance rounding to the radius) must still be served.
  auto resource = free_resource(1, "repair", near(0, 0), 800).resource;
  for (double side : {1.0, -1.0}) {
    INFO("north or south: " << side);
    auto at_edge = open_need(2, "repair", near(side * 800.4, 0)).need;
    auto past_edge = open_need(3, "repair", near(side * 801.6, 0)).need;
    REQUIRE(kangle::match::distance_m(*resource.location, *at_edge.location) == 800);
    REQUIRE(kangle::match::distance_m(*resource.location, *past_edge.location) == 802);
    CHECK(kangle::match::can_serve(resource, at_edge, today));
    CHECK_FALSE(kangle::match::can_serve(resource, past_edge, today));
  }
  CHECK(kangle::match::can_serve(resource, open_need(4, "repair", near(0, 799.6)).need, today));
  CHECK_FALSE(kangle::match::can_serve(resource, open_need(5, "repair", near(0, 801.6)).need, today));
}

TEST_CASE("distance_m: the great circle on known points", "[match]") {
  constexpr double pi = std::numbers::pi, earth = 6'371'000.0;
  auto radians = [](double degrees) { return degrees * std::numbers::pi / 180.0; };
  // The spherical law of cosines, an independent formula for the same great circle.
  auto expected = [&](Coordinates a, Coordinates b) {
    double c = std::sin(radians(a.lat)) * std::sin(radians(b.lat)) +
               std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::cos(radians(b.lon - a.lon));
    return earth * std::acos(std::clamp(c, -1.0, 1.0));
  };
  Coordinates a{31.16, 121.42};
  CHECK(kangle::match::distance_m(a, a) == 0);
  // 0.01° along a meridian: 6371 km × 0.01 × π/180 = 1111.95 m.
  Coordinates north{31.17, 121.42};
  CHECK(kangle::match::distance_m(a, north) == 1112);
  CHECK(std::abs(kangle::match::distance_m(a, north) - earth * 0.01 * pi / 180) <= 1.0);
  CHECK(kangle::match::distance_m(north, a) == kangle::match::distance_m(a, north));
  // 0.01° along the parallel at 31.16N: shorter by cos(31.16°), about 952 m.
  Coordinates east{31.16, 121.43};
  CHECK(std::abs(kangle::match::distance_m(a, east) - expected(a, east)) <= 1.0);
  CHECK(kangle::match::distance_m(a, east) == Approx(1111.95 * std::cos(radians(31.16))).margin(1));
  // Kangjian to People's Square and to Tian'anmen.
  for (Coordinates b : {Coordinates{31.2304, 121.4737}, Coordinates{39.9042, 116.4074}, Coordinates{31.14, 121.40}}) {
    INFO(b.lat << ", " << b.lon);
    CHECK(std::abs(kangle::match::distance_m(a, b) - expected(a, b)) <= 1.0);
  }
  CHECK(kangle::match::distance_m(a, {39.9042, 116.4074}) == Approx(1'070'000).margin(10'000));
}

// ─── projects and runs on a workspace ───────────────────────────────────────────

namespace {

constexpr const char* run_time = "2026-12-01T02:00:00Z";

/// The example workspace with needs, resources and projects stored by hand.
class MatchWorkspace : public kangle::test::ImportWorkspace {
public:
  // Each move commits on its own: without a sync to the disk at each, the tests run in
  // a tenth of the time. What they check does not depend on it.
  MatchWorkspace() { without_sync(); }

  std::int64_t need(const std::string& requester, const std::string& category, std::optional<Coordinates> at,
                    int wanted = 1, bool vulnerable = false, const std::string& created = run_time,
                    std::optional<Date> deadline = std::nullopt) {
    Need n;
    n.requester = requester;
    n.category = category;
    n.location = at;
    n.wanted = wanted;
    n.vulnerable = vulnerable;
    n.deadline = deadline;
    return kangle::lists::Store(sql()).insert(n, created);
  }
  std::int64_t resource(const std::string& provider, const std::string& category, std::optional<Coordinates> at,
                        std::optional<int> radius_m, int capacity, const std::string& unit = "") {
    Resource r;
    r.provider = provider;
    r.unit = unit;
    r.category = category;
    r.location = at;
    r.radius_m = radius_m;
    r.capacity = capacity;
    return kangle::lists::Store(sql()).insert(r, run_time);
  }
  ProjectStore projects() { return ProjectStore(sql()); }
  std::int64_t propose(std::int64_t need, std::int64_t resource, const std::string& by = "matcher",
                       const std::string& now = run_time) {
    auto numbering = projects().numbering();
    projects().propose(numbering, {{need, resource, std::nullopt}}, {{resource, "单位"}}, now, by);
    return numbering.project(0);
  }
  Project move(std::int64_t project, ProjectStatus to, const std::string& now = "2026-12-02T03:00:00Z",
               const std::string& by = "", const std::string& note = "") {
    TransitionDetails d;
    d.by = by;
    d.note = note;
    if (to == ProjectStatus::reviewed) d.satisfaction = 4;
    if (to == ProjectStatus::done) d.done_on = ymd(2026, 12, 2);
    return projects().transition(project, to, d, now);
  }
  std::string need_status(std::int64_t need) {
    kangle::storage::Statement q(sql(), "SELECT status FROM needs WHERE id = ?");
    q.bind(1, need);
    REQUIRE(q.step());
    return q.column(0).text();
  }
  void cancel_need(std::int64_t id) {
    kangle::lists::Store store(sql());
    auto needs = store.needs({});
    auto it = std::find_if(needs.begin(), needs.end(), [&](const Need& n) { return n.id == id; });
    REQUIRE(it != needs.end());
    it->status = NeedStatus::cancelled;
    store.update(*it, run_time);
  }
  std::int64_t count(const char* table) {
    return sql().query_integer(std::string("SELECT count(*) FROM ") + table);
  }
  /// Each project as "need resource status", by id.
  std::vector<std::string> project_rows() {
    kangle::storage::Statement q(sql(), "SELECT need_id, resource_id, status FROM projects ORDER BY id");
    std::vector<std::string> out;
    while (q.step()) {
      out.push_back(std::to_string(q.column(0).int64()) + " " + std::to_string(q.column(1).int64()) + " " +
                    q.column(2).text());
    }
    return out;
  }
};

/// The statuses a project passes through to reach `status` from proposed.
std::vector<ProjectStatus> path_to(ProjectStatus status) {
  using S = ProjectStatus;
  switch (status) {
    case S::proposed: return {};
    case S::claimed: return {S::claimed};
    case S::in_progress: return {S::claimed, S::in_progress};
    case S::done: return {S::claimed, S::in_progress, S::done};
    case S::reviewed: return {S::claimed, S::done, S::reviewed};
    case S::declined: return {S::declined};
    case S::unmatched: return {S::claimed, S::unmatched};
    case S::cancelled: return {S::cancelled};
  }
  return {};
}

const std::vector<ProjectStatus> all_statuses{ProjectStatus::proposed,  ProjectStatus::claimed,  ProjectStatus::in_progress,
                                              ProjectStatus::done,      ProjectStatus::reviewed, ProjectStatus::declined,
                                              ProjectStatus::unmatched, ProjectStatus::cancelled};

/// The life the documentation gives a project.
const std::set<std::pair<ProjectStatus, ProjectStatus>> allowed_moves{
    {ProjectStatus::proposed, ProjectStatus::claimed},      {ProjectStatus::proposed, ProjectStatus::declined},
    {ProjectStatus::proposed, ProjectStatus::cancelled},    {ProjectStatus::claimed, ProjectStatus::in_progress},
    {ProjectStatus::claimed, ProjectStatus::done},          {ProjectStatus::claimed, ProjectStatus::unmatched},
    {ProjectStatus::claimed, ProjectStatus::cancelled},     {ProjectStatus::in_progress, ProjectStatus::done},
    {ProjectStatus::in_progress, ProjectStatus::unmatched}, {ProjectStatus::in_progress, ProjectStatus::cancelled},
    {ProjectStatus::done, ProjectStatus::reviewed},
};

}  // namespace

TEST_CASE("ProjectStore: every allowed move, and every other refused naming the project and both statuses", "[match]") {
  MatchWorkspace ws;
  auto r = ws.resource("康健街道社区卫生服务中心", "health", std::nullopt, std::nullopt, 100);
  int moved = 0, refused = 0;
  for (auto from : all_statuses) {
    for (auto to : all_statuses) {
      INFO(kangle::match::to_string(from) << " → " << kangle::match::to_string(to));
      auto n = ws.need("居民" + std::to_string(moved + refused), "health", std::nullopt);
      auto p = ws.propose(n, r);
      for (auto step : path_to(from)) ws.move(p, step);
      REQUIRE(ws.projects().find(p)->status == from);
      auto events = ws.projects().events(p).size();
      if (allowed_moves.count({from, to})) {
        CHECK(ws.move(p, to).status == to);
        CHECK(ws.projects().events(p).size() == events + 1);
        ++moved;
      } else {
        auto message = error_message<kangle::InputError>([&] { ws.move(p, to); });
        CHECK(message == "project " + std::to_string(p) + " is " + kangle::match::display(from, kangle::Lang::en) +
                             ": it cannot become " + kangle::match::display(to, kangle::Lang::en));
        CHECK(ws.projects().find(p)->status == from);
        CHECK(ws.projects().events(p).size() == events);
        ++refused;
      }
    }
  }
  CHECK(moved == 11);
  CHECK(refused == 53);
}

TEST_CASE("ProjectStore: the illegal moves people try, and a review without satisfaction", "[match]") {
  MatchWorkspace ws;
  auto r = ws.resource("上海师范大学法政学院", "legal", std::nullopt, std::nullopt, 10);
  auto p = ws.propose(ws.need("李建华", "legal", std::nullopt), r);
  auto id = std::to_string(p);
  CHECK(error_message<kangle::InputError>([&] { ws.move(p, ProjectStatus::done); }) ==
        "project " + id + " is proposed: it cannot become done");
  ws.move(p, ProjectStatus::claimed);
  ws.move(p, ProjectStatus::done);
  auto events = ws.projects().events(p).size();
  for (std::optional<int> satisfaction : {std::optional<int>{}, std::optional<int>{0}, std::optional<int>{6}}) {
    TransitionDetails d;
    d.satisfaction = satisfaction;
    CHECK(error_message<kangle::UsageError>([&] { ws.projects().transition(p, ProjectStatus::reviewed, d, run_time); }) ==
          "project 1: a review needs --satisfaction from 1 to 5");
  }
  CHECK(ws.projects().find(p)->status == ProjectStatus::done);
  CHECK(ws.projects().events(p).size() == events);
  ws.move(p, ProjectStatus::reviewed);
  CHECK(error_message<kangle::InputError>([&] { ws.move(p, ProjectStatus::reviewed); }) ==
        "project " + id + " is reviewed: it cannot become reviewed");

  auto q = ws.propose(ws.need("吴德明", "legal", std::nullopt), r);
  ws.move(q, ProjectStatus::declined, run_time, "法政学院", "本季度名额已满");
  CHECK(error_message<kangle::InputError>([&] { ws.move(q, ProjectStatus::claimed); }) ==
        "project " + std::to_string(q) + " is declined: it cannot become claimed");
  CHECK(error_message<kangle::InputError>([&] { ws.move(9999, ProjectStatus::claimed); }) == "there is no project 9999");
}

TEST_CASE("ProjectStore: the need's status follows its projects, events in order with who and the note", "[match]") {
  MatchWorkspace ws;
  auto r1 = ws.resource("交通银行康健支行", "elderly-care", std::nullopt, std::nullopt, 10);
  auto r2 = ws.resource("康健街道团工委", "elderly-care", std::nullopt, std::nullopt, 10);
  auto r3 = ws.resource("上海康健物业管理有限公司", "elderly-care", std::nullopt, std::nullopt, 10);
  auto wish = ws.need("王秀英", "elderly-care", std::nullopt, 2, true);  // a micro-wish for two donors
  CHECK(ws.need_status(wish) == "open");

  auto p1 = ws.propose(wish, r1);
  CHECK(ws.need_status(wish) == "open");  // one of two places taken
  auto p2 = ws.propose(wish, r2);
  CHECK(ws.need_status(wish) == "matched");
  ws.move(p2, ProjectStatus::declined, "2026-12-02T01:00:00Z", "团工委", "本月活动已排满");
  CHECK(ws.need_status(wish) == "open");
  CHECK(ws.projects().places_by_need()[wish] == 1);
  CHECK(ws.projects().places_by_resource().count(r2) == 0);
  auto p3 = ws.propose(wish, r3);
  CHECK(ws.need_status(wish) == "matched");

  ws.move(p1, ProjectStatus::claimed, "2026-12-03T01:00:00Z", "交行 张行长");
  ws.move(p1, ProjectStatus::in_progress, "2026-12-04T01:00:00Z", "交行 张行长");
  TransitionDetails done;
  done.by = "交行 张行长";
  done.note = "送去收音机一台";
  done.done_on = ymd(2026, 12, 5);
  done.people_served = 1;
  ws.projects().transition(p1, ProjectStatus::done, done, "2026-12-05T09:00:00Z");
  CHECK(ws.need_status(wish) == "matched");  // one of two done
  ws.move(p3, ProjectStatus::claimed);
  ws.move(p3, ProjectStatus::done);
  CHECK(ws.need_status(wish) == "done");
  TransitionDetails review;
  review.by = "居委 陈书记";
  review.note = "老人很满意";
  review.satisfaction = 5;
  auto reviewed = ws.projects().transition(p1, ProjectStatus::reviewed, review, "2026-12-20T02:00:00Z");
  CHECK(ws.need_status(wish) == "done");

  CHECK(reviewed.status == ProjectStatus::reviewed);
  CHECK(reviewed.delivered == "送去收音机一台");
  CHECK(reviewed.done_on == ymd(2026, 12, 5));
  CHECK(reviewed.people_served == 1);
  CHECK(reviewed.satisfaction == 5);
  CHECK(reviewed.comment == "老人很满意");
  CHECK(ws.projects().find(p2)->reason == "本月活动已排满");

  std::vector<std::string> events;
  for (const auto& e : ws.projects().events(p1)) {
    events.push_back((e.from ? std::string(kangle::match::to_string(*e.from)) : "-") + " → " +
                     std::string(kangle::match::to_string(e.to)) + " | " + e.at + " | " + e.by + " | " + e.note);
  }
  CHECK(events == std::vector<std::string>{
                      "- → proposed | 2026-12-01T02:00:00Z | matcher | ",
                      "proposed → claimed | 2026-12-03T01:00:00Z | 交行 张行长 | ",
                      "claimed → in_progress | 2026-12-04T01:00:00Z | 交行 张行长 | ",
                      "in_progress → done | 2026-12-05T09:00:00Z | 交行 张行长 | 送去收音机一台",
                      "done → reviewed | 2026-12-20T02:00:00Z | 居委 陈书记 | 老人很满意",
                  });
  CHECK(ws.projects().events(p2).back().by == "团工委");
  CHECK(ws.projects().events(p2).back().note == "本月活动已排满");

  // Given back after a claim: open again.
  auto given_back = ws.need("陈桂芳", "elderly-care", std::nullopt);
  auto p4 = ws.propose(given_back, r1);
  ws.move(p4, ProjectStatus::claimed);
  CHECK(ws.need_status(given_back) == "matched");
  ws.move(p4, ProjectStatus::unmatched, run_time, "交行", "人手不足");
  CHECK(ws.need_status(given_back) == "open");

  // A project cancelled frees its need; a cancelled need stays cancelled whatever its projects do.
  auto solved = ws.need("赵金花", "elderly-care", std::nullopt);
  auto p5 = ws.propose(solved, r2);
  ws.move(p5, ProjectStatus::cancelled, run_time, "协调员", "居民已自行解决");
  CHECK(ws.need_status(solved) == "open");
  auto cancelled = ws.need("冯兰英", "elderly-care", std::nullopt);
  auto p6 = ws.propose(cancelled, r2);
  ws.cancel_need(cancelled);
  CHECK(ws.need_status(cancelled) == "cancelled");
  ws.move(p6, ProjectStatus::claimed);
  ws.move(p6, ProjectStatus::done);
  CHECK(ws.need_status(cancelled) == "cancelled");
  ws.propose(cancelled, r3);
  CHECK(ws.need_status(cancelled) == "cancelled");
  auto [pool, room] = kangle::match::load_pool(ws.sql(), today);
  CHECK(std::none_of(pool.begin(), pool.end(), [&](const OpenNeed& n) { return n.need.id == cancelled; }));
  CHECK(room.size() == 3);
}

TEST_CASE("ProjectStore: proposals stored together are numbered in order, each with its event, unit and need's status", "[match]") {
  MatchWorkspace ws;
  auto bank = ws.resource("交通银行康健支行", "elderly-care", std::nullopt, std::nullopt, 10, "交通银行");
  auto league = ws.resource("康健街道团工委", "elderly-care", std::nullopt, std::nullopt, 10);
  auto pair = ws.need("王秀英", "elderly-care", std::nullopt, 2);  // both places in one run
  auto half = ws.need("陈桂芳", "elderly-care", std::nullopt, 2);  // one of two
  auto again = ws.need("赵金花", "elderly-care", std::nullopt);    // declined before, proposed anew
  auto declined = ws.propose(again, league);
  ws.move(declined, ProjectStatus::declined);
  CHECK(ws.need_status(again) == "open");

  const auto numbering = ws.projects().numbering();
  CHECK(numbering.first_project == declined + 1);
  ws.projects().propose(numbering, {{pair, bank, 120}, {pair, league, std::nullopt}, {half, bank, 300}, {again, bank, 80}},
                        {{bank, "交通银行"}, {league, "康健街道团工委"}}, "2026-12-03T02:00:00Z", "matcher");
  std::vector<std::int64_t> ids;
  for (std::size_t k = 0; k < 4; ++k) ids.push_back(numbering.project(k));
  CHECK(ws.need_status(pair) == "matched");
  CHECK(ws.need_status(half) == "open");
  CHECK(ws.need_status(again) == "matched");
  CHECK(ws.projects().places_by_need() == std::map<std::int64_t, int>{{pair, 2}, {half, 1}, {again, 1}});
  std::vector<std::string> stored;
  for (auto id : ids) {
    auto p = *ws.projects().find(id);
    auto events = ws.projects().events(id);
    REQUIRE(events.size() == 1);
    stored.push_back(fmt::format("{} {} {} {} {} {} {}", p.need, p.resource, p.unit, p.distance_m.value_or(-1),
                                 kangle::match::to_string(p.status), events[0].at, events[0].by));
  }
  CHECK(stored == std::vector<std::string>{
                      fmt::format("{} {} 交通银行 120 proposed 2026-12-03T02:00:00Z matcher", pair, bank),
                      fmt::format("{} {} 康健街道团工委 -1 proposed 2026-12-03T02:00:00Z matcher", pair, league),
                      fmt::format("{} {} 交通银行 300 proposed 2026-12-03T02:00:00Z matcher", half, bank),
                      fmt::format("{} {} 交通银行 80 proposed 2026-12-03T02:00:00Z matcher", again, bank),
                  });
  ws.projects().propose(ws.projects().numbering(), {}, {}, "2026-12-03T02:00:00Z", "matcher");
  CHECK(ws.projects().numbering().first_project == declined + 5);

  // A need without a project is open, whatever it was stored as (no count to group by).
  auto alone = ws.need("冯兰英", "elderly-care", std::nullopt);
  kangle::storage::Statement stale(ws.sql(), "UPDATE needs SET status = 'matched' WHERE id = ?");
  stale.bind(1, alone);
  stale.exec();
  ws.projects().refresh_need_status(alone, "2026-12-04T02:00:00Z");
  CHECK(ws.need_status(alone) == "open");
}

TEST_CASE("run_matching: a dry run writes nothing, a second run proposes nothing new, declines free room", "[match]") {
  MatchWorkspace ws;
  // A street: health care within 1 km of the centre (room 2), legal advice anywhere
  // (room 1), a volunteer barber within 800 m (room 1).
  auto health = ws.resource("康健街道社区卫生服务中心", "health", near(0, 0), 1000, 2);
  auto legal = ws.resource("上海师范大学法政学院", "legal", std::nullopt, std::nullopt, 1);
  auto barber = ws.resource("张伟", "life", near(0, 0), 800, 1, "康健物业");
  auto n1 = ws.need("周玉珍", "health", near(300, 0), 1, true, "2026-11-25T02:00:00Z");
  auto n2 = ws.need("钱淑英", "health", near(500, 0), 1, false, "2026-10-01T02:00:00Z");  // older than n3
  auto n3 = ws.need("孙立新", "health", near(0, 600), 1, false, "2026-11-01T02:00:00Z");
  auto n4 = ws.need("李建华", "legal", std::nullopt, 1, false, "2026-11-01T02:00:00Z");
  auto n5 = ws.need("吴德明", "legal", std::nullopt, 1, false, "2026-09-01T02:00:00Z");  // older
  auto n6 = ws.need("陈桂芳", "life", near(2000, 0), 1, true);                             // too far
  auto n7 = ws.need("樱花园小区", "digital", std::nullopt);                              // nobody offers it
  auto n8 = ws.need("丁香园居民区", "health", near(100, 0), 1, false, "2026-08-01T02:00:00Z",
                    ymd(2026, 11, 30));  // deadline passed

  auto [pool_needs, pool_resources] = kangle::match::load_pool(ws.sql(), today);
  CHECK(pool_needs.size() == 8);
  CHECK(pool_resources.size() == 3);
  for (const auto& n : pool_needs) {
    if (n.need.id == n2) CHECK(n.age_days == 61);
    if (n.need.id == n1) CHECK(n.age_days == 6);
  }

  auto dry = kangle::match::run_matching(ws.sql(), today, run_time, "协调员", true);
  std::vector<std::pair<std::int64_t, std::int64_t>> expected{{n1, health}, {n2, health}, {n5, legal}};
  std::sort(expected.begin(), expected.end());
  CHECK(pairs_of(dry.plan) == expected);
  CHECK(dry.projects.empty());
  CHECK(dry.open_needs == 8);
  CHECK(ws.count("projects") == 0);
  CHECK(ws.count("project_events") == 0);
  CHECK(ws.need_status(n1) == "open");
  std::map<std::int64_t, GapReason> reasons;
  for (const auto& g : dry.plan.gaps) reasons[g.need] = g.reason;
  CHECK(reasons == std::map<std::int64_t, GapReason>{{n3, GapReason::all_full},
                                                     {n4, GapReason::all_full},
                                                     {n6, GapReason::too_far},
                                                     {n7, GapReason::no_resource},
                                                     {n8, GapReason::deadline_passed}});

  auto first = kangle::match::run_matching(ws.sql(), today, run_time, "协调员", false);
  CHECK(pairs_of(first.plan) == expected);
  REQUIRE(first.projects.size() == 3);
  CHECK(ws.count("projects") == 3);
  CHECK(ws.count("project_events") == 3);
  for (std::size_t i = 0; i < first.projects.size(); ++i) {
    auto p = ws.projects().find(first.projects[i]);
    REQUIRE(p);
    CHECK(p->need == first.plan.proposals[i].need);
    CHECK(p->resource == first.plan.proposals[i].resource);
    CHECK(p->status == ProjectStatus::proposed);
    CHECK(p->distance_m == first.plan.proposals[i].distance_m);
    CHECK(p->unit == (p->resource == legal ? "上海师范大学法政学院" : "康健街道社区卫生服务中心"));
    auto events = ws.projects().events(p->id);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].from);
    CHECK(events[0].by == "协调员");
    CHECK(events[0].at == run_time);
  }
  for (auto n : {n1, n2, n5}) CHECK(ws.need_status(n) == "matched");
  for (auto n : {n3, n4, n6, n7, n8}) CHECK(ws.need_status(n) == "open");

  auto second = kangle::match::run_matching(ws.sql(), today, "2026-12-01T03:00:00Z", "协调员", false);
  CHECK(second.plan.proposals.empty());
  CHECK(second.projects.empty());
  CHECK(second.open_needs == 5);
  CHECK(ws.count("projects") == 3);

  // The health centre declines n2: its room goes to n3 on the next run, and it is not
  // proposed for n2 again.
  auto declined = first.projects[1];
  REQUIRE(ws.projects().find(declined)->need == n2);
  ws.move(declined, ProjectStatus::declined, "2026-12-02T01:00:00Z", "卫生服务中心", "人手不足");
  CHECK(ws.need_status(n2) == "open");
  auto [needs_after, resources_after] = kangle::match::load_pool(ws.sql(), today);
  for (const auto& r : resources_after) {
    if (r.resource.id == health) CHECK(r.free == 1);
  }
  for (const auto& n : needs_after) {
    if (n.need.id == n2) CHECK(n.refused_by == std::vector<std::int64_t>{health});
  }
  auto third = kangle::match::run_matching(ws.sql(), today, "2026-12-02T02:00:00Z", "协调员", false);
  CHECK(pairs_of(third.plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{n3, health}});
  CHECK(ws.need_status(n3) == "matched");
  CHECK(gap_for(third.plan, n2).reason == GapReason::refused);

  // n3's project is claimed, then given back: the room is free again, but neither need
  // gets the health centre again.
  REQUIRE(third.projects.size() == 1);
  ws.move(third.projects[0], ProjectStatus::claimed, "2026-12-03T01:00:00Z", "卫生服务中心");
  ws.move(third.projects[0], ProjectStatus::unmatched, "2026-12-04T01:00:00Z", "卫生服务中心", "医生出差");
  CHECK(ws.need_status(n3) == "open");
  auto fourth = kangle::match::run_matching(ws.sql(), today, "2026-12-04T02:00:00Z", "协调员", false);
  CHECK(fourth.plan.proposals.empty());
  CHECK(gap_for(fourth.plan, n2).reason == GapReason::refused);
  CHECK(gap_for(fourth.plan, n3).reason == GapReason::refused);
  CHECK(ws.count("projects") == 4);
  (void)barber;
}

TEST_CASE("run_matching: a second run does not give a need the same resource twice", "[match]") {
  // A need wanting two resources, one resource: the second run must not pair them again.
  MatchWorkspace ws;
  auto only = ws.resource("交通银行康健支行", "elderly-care", std::nullopt, std::nullopt, 5);
  auto wish = ws.need("王秀英", "elderly-care", std::nullopt, 2, true);
  auto first = kangle::match::run_matching(ws.sql(), today, run_time, "协调员", false);
  CHECK(pairs_of(first.plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{wish, only}});
  auto second = kangle::match::run_matching(ws.sql(), today, "2026-12-01T03:00:00Z", "协调员", false);
  CHECK(second.plan.proposals.empty());
  CHECK(ws.project_rows() == std::vector<std::string>{std::to_string(wish) + " " + std::to_string(only) + " proposed"});
}

TEST_CASE("close_need: proposed projects cancelled with it and refused while one is under way and never proposed again", "[match]") {
  MatchWorkspace ws;
  auto r1 = ws.resource("交通银行康健支行", "elderly-care", std::nullopt, std::nullopt, 5);
  auto r2 = ws.resource("康健街道团工委", "elderly-care", std::nullopt, std::nullopt, 5);
  auto wish = ws.need("王秀英", "elderly-care", std::nullopt, 2, true);
  auto p1 = ws.propose(wish, r1);
  auto p2 = ws.propose(wish, r2);
  ws.move(p1, ProjectStatus::claimed);
  auto id = std::to_string(wish);
  try {
    kangle::match::close_need(ws.sql(), id, "已另行解决", "协调员", "2026-12-03T01:00:00Z");
    FAIL("closed with a project under way");
  } catch (const kangle::InputError& e) {
    CHECK(e.message().id() == kangle::Msg::match_close_under_way);
    CHECK(e.message().in(kangle::Lang::en).find(std::to_string(p1)) != std::string::npos);
  }
  CHECK(ws.need_status(wish) == "matched");  // rolled back: nothing changed
  CHECK(ws.project_rows()[1].ends_with("proposed"));
  ws.move(p1, ProjectStatus::unmatched, "2026-12-03T02:00:00Z", "交行", "人手不足");
  auto closed = kangle::match::close_need(ws.sql(), id, " 已另行解决 ", "协调员", "2026-12-03T03:00:00Z");
  CHECK(closed.need.status == NeedStatus::closed);
  CHECK(closed.need.closed_reason == "已另行解决");
  CHECK(closed.cancelled == std::vector<std::int64_t>{p2});
  CHECK(ws.projects().events(p2).back().to == ProjectStatus::cancelled);
  CHECK(ws.projects().events(p2).back().note == "已另行解决");
  CHECK(ws.need_status(wish) == "closed");
  auto run = kangle::match::run_matching(ws.sql(), today, "2026-12-04T02:00:00Z", "协调员", false);
  CHECK(run.plan.proposals.empty());
  CHECK(run.open_needs == 0);
  CHECK_THROWS_AS(kangle::match::close_need(ws.sql(), id, "再关一次", "协调员", run_time), kangle::InputError);
  CHECK_THROWS_AS(kangle::match::close_need(ws.sql(), id, "  ", "协调员", run_time), kangle::UsageError);
  CHECK_THROWS_AS(kangle::match::close_need(ws.sql(), "XQ-404", "已搬离", "协调员", run_time), kangle::InputError);
}

TEST_CASE("cancel_project: the need's fate must be said when it would go back to the pool", "[match]") {
  using kangle::match::NeedAfterCancel;
  MatchWorkspace ws;
  auto r1 = ws.resource("交通银行康健支行", "elderly-care", std::nullopt, std::nullopt, 5);
  auto n1 = ws.need("王秀英", "elderly-care", std::nullopt);
  auto n2 = ws.need("陈桂芳", "elderly-care", std::nullopt);
  auto p1 = ws.propose(n1, r1);
  auto p2 = ws.propose(n2, r1);
  CHECK_THROWS_AS(kangle::match::cancel_project(ws.sql(), p1, "单位撤回", NeedAfterCancel::unsaid, "协调员", run_time),
                  kangle::UsageError);
  CHECK(ws.projects().find(p1)->status == ProjectStatus::proposed);  // rolled back
  auto reopened = kangle::match::cancel_project(ws.sql(), p1, "单位撤回", NeedAfterCancel::reopen, "协调员", run_time);
  CHECK(reopened.project.status == ProjectStatus::cancelled);
  CHECK(reopened.need.status == NeedStatus::open);
  CHECK(ws.need_status(n1) == "open");
  auto closed = kangle::match::cancel_project(ws.sql(), p2, "已搬离", NeedAfterCancel::close, "协调员", run_time);
  CHECK(closed.need.status == NeedStatus::closed);
  CHECK(ws.need_status(n2) == "closed");
  auto next = kangle::match::run_matching(ws.sql(), today, "2026-12-02T02:00:00Z", "协调员", false);
  CHECK(pairs_of(next.plan) == std::vector<std::pair<std::int64_t, std::int64_t>>{{n1, r1}});
}

TEST_CASE("load_pool: a resource outside its period is out of it, and a renewed capacity counts this window only", "[match]") {
  MatchWorkspace ws;
  auto weekly = ws.resource("张伟", "life", std::nullopt, std::nullopt, 1);
  auto later = ws.resource("康健街道团工委", "culture", std::nullopt, std::nullopt, 2);
  kangle::lists::Store store(ws.sql());
  auto w = *store.find_resource(weekly);
  w.period = "每周二";
  store.update(w, run_time);
  auto l = *store.find_resource(later);
  l.period = "2027年";
  store.update(l, run_time);
  auto n1 = ws.need("赵金花", "life", std::nullopt);
  ws.propose(n1, weekly);  // proposed 2026-12-01, a Tuesday: the week of 11-30
  auto room = [&](const Date& day) {
    std::map<std::int64_t, std::pair<int, bool>> out;
    for (const auto& r : kangle::match::load_pool(ws.sql(), day, {"Asia/Shanghai", {}}).second) out[r.resource.id] = {r.free, r.in_period};
    return out;
  };
  CHECK(room(ymd(2026, 12, 6)) == std::map<std::int64_t, std::pair<int, bool>>{{weekly, {0, true}}, {later, {2, false}}});
  CHECK(room(ymd(2026, 12, 7)) == std::map<std::int64_t, std::pair<int, bool>>{{weekly, {1, true}}, {later, {2, false}}});
  CHECK(room(ymd(2027, 1, 1)) == std::map<std::int64_t, std::pair<int, bool>>{{weekly, {1, true}}, {later, {2, true}}});
  // Proposed at 02:00 Beijing time on Monday 12-07 (Sunday 18:00 UTC): that Monday's week.
  auto n2 = ws.need("钱淑英", "life", std::nullopt);
  ws.propose(n2, weekly, "matcher", "2026-12-06T18:00:00Z");
  CHECK(room(ymd(2026, 12, 7))[weekly] == std::pair{0, true});
  CHECK(room(ymd(2026, 12, 6))[weekly] == std::pair{0, true});  // the week before: n1 already held it
}

TEST_CASE("plan_matches: a run of thousands of places is planned, the longest waits first", "[match]") {
  // 4,200 needs, 42 for each wait of 0 to 99 days, for 4,100 places: one weighted solve
  // would have needed costs past 64 bits (it was refused above some 3,800 places).
  std::vector<OpenNeed> needs;
  for (std::int64_t id = 1; id <= 4200; ++id) needs.push_back(open_need(id, "life", std::nullopt, static_cast<int>(id % 100)));
  std::vector<FreeResource> resources{free_resource(1, "life", std::nullopt, std::nullopt, 4100)};
  auto plan = kangle::match::plan_matches(needs, resources, today);
  REQUIRE(plan.proposals.size() == 4100);
  std::map<int, int> served_by_wait;
  for (const auto& p : plan.proposals) ++served_by_wait[needs[static_cast<std::size_t>(p.need - 1)].age_days];
  CHECK(served_by_wait[0] == 0);   // the 100 left are the shortest waits: 42 of 0 days,
  CHECK(served_by_wait[1] == 0);   // 42 of 1 day,
  CHECK(served_by_wait[2] == 26);  // 16 of 2 days
  for (int wait = 3; wait < 100; ++wait) CHECK(served_by_wait[wait] == 42);
}

}  // namespace match_test
