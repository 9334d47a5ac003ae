// SPDX-License-Identifier: Apache-2.0
#include "match/matcher.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <iterator>
#include <map>
#include <numbers>
#include <set>
#include <system_error>
#include <thread>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "solver/min_cost_flow.hpp"

namespace kangle::match {
namespace {

/// Distances enter the costs in tens of metres, up to 100 km; an unknown distance
/// (a resource serving the whole street, a need without coordinates) counts as the
/// farthest, so that a known near one is preferred.
constexpr std::int64_t farthest_units = 10'000;
/// Days waited count up to ten years.
constexpr std::int64_t longest_wait_days = 3650;
constexpr double earth_radius_m = 6'371'000.0;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

/// The metres between `a` and `b` over the earth, each given with the cosine of its
/// latitude: the planner works those out once a place, not once a pair (a district's
/// matching works out millions of distances, and each sine or cosine sets the rounding
/// mode and back).
int metres_between(const lists::Coordinates& a, double cos_lat_a, const lists::Coordinates& b, double cos_lat_b) {
  double dlat = radians(b.lat - a.lat), dlon = radians(b.lon - a.lon);
  double sin_half_dlat = std::sin(dlat / 2), sin_half_dlon = std::sin(dlon / 2);
  double h = sin_half_dlat * sin_half_dlat + cos_lat_a * cos_lat_b * sin_half_dlon * sin_half_dlon;
  return static_cast<int>(std::lround(2 * earth_radius_m * std::asin(std::min(1.0, std::sqrt(h)))));
}

/// A need's or a resource's coordinates (if any), with the cosine of the latitude.
struct Place {
  std::optional<lists::Coordinates> at;
  double cos_lat = 0;
  explicit Place(const std::optional<lists::Coordinates>& coordinates)
      : at(coordinates), cos_lat(coordinates ? std::cos(radians(coordinates->lat)) : 0.0) {}
};

std::int64_t distance_units(const std::optional<int>& metres) {
  return metres ? std::min<std::int64_t>(*metres / 10, farthest_units) : farthest_units;
}

std::optional<int> distance_between(const lists::Resource& r, const lists::Need& n) {
  if (!r.location || !n.location) return std::nullopt;
  return distance_m(*r.location, *n.location);
}

/// Whether `r` offers a service `n` asks for; a need asking none prefers no resource.
bool offers_asked_service(const lists::Resource& r, const lists::Need& n) {
  return std::any_of(n.services.begin(), n.services.end(), [&](const std::string& service) {
    return std::find(r.services.begin(), r.services.end(), service) != r.services.end();
  });
}

bool deadline_passed(const lists::Need& n, const Date& today) { return n.deadline && *n.deadline < today; }

bool among(const std::vector<std::int64_t>& ids, std::int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

/// A resource that declined the need, gave it back, or already serves it.
bool excluded(const OpenNeed& need, std::int64_t resource) {
  return among(need.refused_by, resource) || among(need.served_by, resource);
}

/// A need and a resource that may serve it, by their indexes in the pool (32 bits: a
/// district lists millions of pairs).
struct Pair {
  std::uint32_t need, resource;
  std::optional<int> distance;
  bool asked_service = false;  ///< the resource offers a service the need asks for
};

/// The pool as the pairs are listed and solved: each resource's donor (an index), and
/// the donors already serving each need.
struct Pool {
  const std::vector<OpenNeed>& needs;
  const std::vector<FreeResource>& resources;
  std::vector<std::size_t> donor_at;  ///< by resource
  std::vector<std::set<std::size_t>> serving;  ///< by need
  /// Where each need and resource is, in arrays of their own: the pairs' listing reads
  /// them for every pair, and a need or a resource whole spans several cache lines.
  std::vector<Place> need_at, resource_at;

  Pool(const std::vector<OpenNeed>& open, const std::vector<FreeResource>& free)
      : needs(open), resources(free), donor_at(free.size()), serving(open.size()) {
    for (const auto& n : needs) need_at.emplace_back(n.need.location);
    for (const auto& r : resources) resource_at.emplace_back(r.resource.location);
    std::map<std::string, std::size_t> donor_index;
    std::map<std::int64_t, std::size_t> donor_of;
    for (std::size_t r = 0; r < resources.size(); ++r) {
      donor_at[r] = donor_of[resources[r].resource.id] =
          donor_index.emplace(donor(resources[r].resource), donor_index.size()).first->second;
    }
    for (std::size_t n = 0; n < needs.size(); ++n) {
      for (auto id : needs[n].served_by) {
        if (auto it = donor_of.find(id); it != donor_of.end()) serving[n].insert(it->second);
      }
    }
  }
  /// A resource that declined the need or gave it back, or whose donor serves it already.
  bool barred(std::size_t n, std::size_t r) const {
    return excluded(needs[n], resources[r].resource.id) || serving[n].contains(donor_at[r]);
  }
  /// distance_m from resource `r` to need `n`; nothing when either has no coordinates.
  std::optional<int> distance(std::size_t n, std::size_t r) const {
    const auto &from = resource_at[r], &to = need_at[n];
    if (!from.at || !to.at) return std::nullopt;
    return metres_between(*from.at, from.cos_lat, *to.at, to.cos_lat);
  }
};

/// The places to give, exactly lexicographically: vulnerable places, then places (a
/// vulnerable place outweighs any number of others: at most `amount` of them), then days
/// waited, then places given the service asked for, then distance. Each tier after the
/// first is solved on its own small costs, however many places a run gives. The network:
/// source → resource (its room) → [need's donor (one place), for a need wanting several]
/// → need (its open places) → need's side (vulnerable or not) → sink. What depends on the
/// need alone costs on the need's arc, which each of its places crosses once, not on
/// its pairs: the solver then has no ties among a need's pairs to pivot through (three
/// times faster on the days waited at district size). Returns the flow on each pair's arc.
std::vector<std::int64_t> solve(const Pool& pool, const std::vector<Pair>& pairs, std::int64_t amount) {
  const auto& needs = pool.needs;
  const auto& resources = pool.resources;
  solver::FlowNetwork g;
  auto source = g.add_node(), sink = g.add_node();
  auto vulnerable_side = g.add_node(), other_side = g.add_node();
  constexpr solver::FlowNetwork::Node none = -1;
  std::vector<solver::FlowNetwork::Node> resource_node(resources.size(), none), need_node(needs.size(), none);
  std::vector<solver::FlowNetwork::Arc> need_arc(needs.size(), none);
  // A need wanting several takes one place from each donor: a node for each of its
  // (need, donor) pairs, found by the donor among the need's.
  std::vector<std::vector<std::pair<std::size_t, solver::FlowNetwork::Node>>> donor_nodes(needs.size());
  std::vector<solver::FlowNetwork::Arc> arcs;
  arcs.reserve(pairs.size());
  for (const auto& p : pairs) {
    if (resource_node[p.resource] == none) {
      resource_node[p.resource] = g.add_node();
      g.add_arc(source, resource_node[p.resource], resources[p.resource].free, 0);
    }
    const auto& need = needs[p.need];
    if (need_node[p.need] == none) {
      need_node[p.need] = g.add_node();
      need_arc[p.need] = g.add_arc(need_node[p.need], need.need.vulnerable ? vulnerable_side : other_side, need.open,
                                   -(1 + (need.need.vulnerable ? amount + 1 : 0)));
    }
    auto to = need_node[p.need];
    if (need.open > 1) {
      auto& donors = donor_nodes[p.need];
      const auto donor = pool.donor_at[p.resource];
      auto it = std::find_if(donors.begin(), donors.end(), [&](const auto& d) { return d.first == donor; });
      if (it == donors.end()) {
        it = donors.insert(donors.end(), {donor, g.add_node()});
        g.add_arc(it->second, need_node[p.need], 1, 0);
      }
      to = it->second;
    }
    arcs.push_back(g.add_arc(resource_node[p.resource], to, 1, 0));
  }
  g.add_arc(vulnerable_side, sink, amount, 0);
  g.add_arc(other_side, sink, amount, 0);
  g.add_arc(source, sink, amount, 0);  // what cannot be placed bypasses
  std::vector<std::vector<std::int64_t>> tiers(3, std::vector<std::int64_t>(static_cast<std::size_t>(g.arc_count()), 0));
  auto& days_waited = tiers[0];
  auto& service_asked = tiers[1];
  auto& distance = tiers[2];
  for (std::size_t n = 0; n < needs.size(); ++n) {
    if (need_arc[n] == none) continue;
    days_waited[static_cast<std::size_t>(need_arc[n])] = -std::clamp<std::int64_t>(needs[n].age_days, 0, longest_wait_days);
  }
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    auto arc = static_cast<std::size_t>(arcs[i]);
    service_asked[arc] = pairs[i].asked_service ? -1 : 0;
    distance[arc] = distance_units(pairs[i].distance);
  }
  auto solution = g.min_cost_flow(source, sink, amount, tiers, solver::FlowNetwork::Pricing::candidate_lists);
  std::vector<std::int64_t> flow;
  flow.reserve(arcs.size());
  for (auto arc : arcs) flow.push_back(solution.flow[static_cast<std::size_t>(arc)]);
  return flow;
}

}  // namespace

int distance_m(const lists::Coordinates& a, const lists::Coordinates& b) {
  return metres_between(a, std::cos(radians(a.lat)), b, std::cos(radians(b.lat)));
}

std::string donor(const lists::Resource& resource) {
  if (resource.provider_kind == lists::ProviderKind::volunteer) return "volunteer:" + resource.provider;
  return "unit:" + (resource.unit.empty() ? resource.provider : resource.unit);
}

namespace {

/// Whether a need at `distance` (unknown: nothing) is within a resource's `radius_m`
/// (none: anywhere).
bool within_radius(const std::optional<int>& radius_m, const std::optional<int>& distance) {
  return !radius_m || (distance && *distance <= *radius_m);
}

/// Whether a need at `to` lies farther north or south of a resource at `from` than its
/// `radius_m`. The distance over the earth is at least the difference in latitude, so
/// such a need is out of reach without the distance worked out (most of a district's
/// candidates; a metre spared for the distance's rounding).
bool beyond_radius_by_latitude(const std::optional<lists::Coordinates>& from, const std::optional<int>& radius_m,
                               const std::optional<lists::Coordinates>& to) {
  if (!radius_m || !from || !to) return false;
  return earth_radius_m * std::abs(radians(to->lat - from->lat)) > *radius_m + 1.0;
}

/// Whether the need is within the resource's radius; `distance()` gives the distance
/// between them, worked out only for a radius.
template <typename Distance>
bool reaches(const lists::Resource& resource, const lists::Need& need, Distance distance) {
  if (!resource.radius_m) return true;
  return !beyond_radius_by_latitude(resource.location, resource.radius_m, need.location) &&
         within_radius(resource.radius_m, distance());
}

/// Why need `n` is left `missing` places short, `candidates` its category's resources.
Gap gap_of(const Pool& pool, std::size_t n, int missing, const std::vector<std::size_t>& candidates, const Date& today) {
  const auto& needs = pool.needs;
  const auto& resources = pool.resources;
  const auto& need = needs[n].need;
  Gap gap{need.id, missing, GapReason::all_full, std::nullopt, std::nullopt, 0};
  if (deadline_passed(need, today)) {
    gap.reason = GapReason::deadline_passed;
  } else if (candidates.empty()) {
    gap.reason = GapReason::no_resource;
  } else {
    // The candidates whose radius reaches the need, worked out once.
    std::vector<std::size_t> in_reach;
    for (auto r : candidates) {
      if (reaches(resources[r].resource, need, [&] { return pool.distance(n, r); })) in_reach.push_back(r);
    }
    auto in_period = [&](std::size_t r) { return resources[r].in_period; };
    if (in_reach.empty()) {
      for (auto r : candidates) {
        auto d = pool.distance(n, r);
        if (d && (!gap.nearest_m || *d < *gap.nearest_m)) {
          gap.nearest = resources[r].resource.id;
          gap.nearest_m = d;
        }
      }
      gap.reason = gap.nearest ? GapReason::too_far : GapReason::no_location;
    } else if (std::none_of(in_reach.begin(), in_reach.end(), in_period)) {
      gap.reason = GapReason::out_of_period;
    } else if (!needs[n].refused_by.empty() && std::all_of(in_reach.begin(), in_reach.end(), [&](std::size_t r) {
                 return !in_period(r) || pool.barred(n, r);
               })) {
      gap.reason = GapReason::refused;
    } else {
      // Donors already serving it count as in reach: they cannot serve it twice.
      std::set<std::size_t> donors;
      for (auto r : in_reach) {
        if (in_period(r) && !among(needs[n].refused_by, resources[r].resource.id)) donors.insert(pool.donor_at[r]);
      }
      gap.in_reach = static_cast<int>(donors.size());
      if (gap.in_reach < need.wanted) gap.reason = GapReason::few_in_reach;
    }
  }
  return gap;
}

/// A category's open needs (their deadline not passed) and resources; once planned, the
/// pairs it proposes and the gaps it leaves, each with its need's index.
struct Category {
  std::vector<std::size_t> needs;
  const std::vector<std::size_t>* resources = nullptr;
  int room = 0;  ///< the places free among its resources in their period
  std::vector<Pair> proposed;
  std::vector<std::pair<std::size_t, Gap>> gaps;
};

/// Lists the category's pairs (a resource with room, in its period, not barred, whose
/// radius reaches the need: the distance worked out once), solves its network and keeps
/// the pairs proposed.
void propose_in(const Pool& pool, Category& category) {
  // The resources with room in their period, in one array read for every need.
  struct Candidate {
    std::uint32_t r;
    std::optional<int> radius_m;
  };
  std::vector<Candidate> candidates;
  for (auto r : *category.resources) {
    const auto& resource = pool.resources[r];
    if (resource.free > 0 && resource.in_period) candidates.push_back({static_cast<std::uint32_t>(r), resource.resource.radius_m});
  }
  std::vector<Pair> pairs;
  std::int64_t wanted = 0;
  for (auto n : category.needs) {
    const auto& need = pool.needs[n].need;
    bool any = false;
    for (const auto& [r, radius_m] : candidates) {
      if (beyond_radius_by_latitude(pool.resource_at[r].at, radius_m, need.location) || pool.barred(n, r)) continue;
      auto distance = pool.distance(n, r);
      if (!within_radius(radius_m, distance)) continue;
      pairs.push_back({static_cast<std::uint32_t>(n), r, distance, offers_asked_service(pool.resources[r].resource, need)});
      any = true;
    }
    if (any) wanted += pool.needs[n].open;
  }
  const auto amount = std::min<std::int64_t>(wanted, category.room);
  if (pairs.empty() || amount <= 0) return;
  auto flow = solve(pool, pairs, amount);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (flow[i] > 0) category.proposed.push_back(pairs[i]);
  }
}

/// The category's proposals, then the gaps they leave (on the category's thread too: a
/// gap looks over every resource of its category).
void plan_category(const Pool& pool, Category& category, const Date& today) {
  propose_in(pool, category);
  std::map<std::size_t, int> served;
  for (const auto& pair : category.proposed) ++served[pair.need];
  for (auto n : category.needs) {
    const int missing = pool.needs[n].open - served[n];
    if (missing > 0) category.gaps.emplace_back(n, gap_of(pool, n, missing, *category.resources, today));
  }
}

/// Plans each category on its own, on as many threads as the machine has cores (at most
/// one a category), the largest first. A need pairs only with its category's resources:
/// the categories' networks share no node, so the optimum of each is the whole's (every
/// tier's total is a sum over them), and the pivots of one do not walk the others' arcs.
void plan_each(const Pool& pool, std::map<std::string, Category>& categories, const Date& today) {
  std::vector<Category*> queue;
  for (auto& [name, category] : categories) queue.push_back(&category);
  if (queue.empty()) return;
  auto size = [](const Category* c) { return c->needs.size() * c->resources->size(); };
  std::sort(queue.begin(), queue.end(), [&](const Category* a, const Category* b) { return size(a) > size(b); });
  std::atomic<std::size_t> next = 0;
  std::vector<std::exception_ptr> failures(std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, queue.size()));
  auto work = [&](std::exception_ptr& failure) {
    try {
      for (auto i = next++; i < queue.size(); i = next++) plan_category(pool, *queue[i], today);
    } catch (...) {
      failure = std::current_exception();
      next = queue.size();
    }
  };
  {
    std::vector<std::jthread> helpers;
    try {
      for (std::size_t t = 1; t < failures.size(); ++t) helpers.emplace_back(work, std::ref(failures[t]));
    } catch (const std::system_error&) {
      // No more threads to be had: the ones started and this one plan the rest.
    }
    work(failures[0]);
  }
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace

bool can_serve(const lists::Resource& resource, const lists::Need& need, const Date& today) {
  return resource.category == need.category && !deadline_passed(need, today) &&
         reaches(resource, need, [&] { return distance_between(resource, need); });
}

MatchPlan plan_matches(const std::vector<OpenNeed>& needs, const std::vector<FreeResource>& resources,
                       const Date& today) {
  std::map<std::string, std::vector<std::size_t>> by_category;
  for (std::size_t r = 0; r < resources.size(); ++r) by_category[resources[r].resource.category].push_back(r);
  Pool pool(needs, resources);
  std::map<std::string, Category> categories;
  for (std::size_t n = 0; n < needs.size(); ++n) {
    if (needs[n].open <= 0 || deadline_passed(needs[n].need, today)) continue;
    auto& category = categories[needs[n].need.category];
    category.needs.push_back(n);
    category.resources = &by_category[needs[n].need.category];
  }
  for (auto& [name, category] : categories) {
    for (auto r : *category.resources) category.room += resources[r].in_period ? std::max(resources[r].free, 0) : 0;
  }
  MatchPlan plan;
  plan_each(pool, categories, today);
  std::vector<std::pair<std::size_t, Gap>> gaps;  // with each need's index, to list them in the needs' order
  for (auto& [name, category] : categories) {
    for (const auto& pair : category.proposed) {
      const auto& need = needs[pair.need].need;
      plan.proposals.push_back({need.id, resources[pair.resource].resource.id, pair.distance});
      if (need.vulnerable) ++plan.vulnerable_served;
      if (pair.distance) plan.total_distance_m += *pair.distance;
    }
    gaps.insert(gaps.end(), std::make_move_iterator(category.gaps.begin()), std::make_move_iterator(category.gaps.end()));
  }
  std::sort(plan.proposals.begin(), plan.proposals.end(),
            [](const Proposal& a, const Proposal& b) { return std::pair{a.need, a.resource} < std::pair{b.need, b.resource}; });

  std::map<std::string, Shortage> shortages;
  for (std::size_t n = 0; n < needs.size(); ++n) {
    const auto& need = needs[n].need;
    if (needs[n].open <= 0) continue;
    if (!deadline_passed(need, today)) {
      auto& s = shortages[need.category];
      s.category = need.category;
      s.wanted += needs[n].open;
      s.room = categories.at(need.category).room;  // every need not past its deadline is in its category
    } else {
      gaps.emplace_back(n, gap_of(pool, n, needs[n].open, by_category[need.category], today));  // in no category
    }
  }
  std::sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [n, gap] : gaps) plan.gaps.push_back(std::move(gap));
  for (auto& [category, s] : shortages) {
    if (s.wanted > s.room) plan.shortages.push_back(s);
  }
  return plan;
}

}  // namespace kangle::match
