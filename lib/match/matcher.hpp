// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "lists/model.hpp"

namespace kangle::match {

/// A need still wanting resources: `open` more (its `wanted` less its live projects).
struct OpenNeed {
  lists::Need need;
  int open = 1;
  int age_days = 0;  ///< how long it has waited: older needs come first
  std::vector<std::int64_t> refused_by;  ///< resources that declined it or gave it back: not proposed again
  std::vector<std::int64_t> served_by;   ///< resources already in its live projects: not proposed twice
};

/// A resource with `free` room left (its capacity less its live projects in the current
/// window of its period), and whether it serves today at all.
struct FreeResource {
  lists::Resource resource;
  int free = 1;
  bool in_period = true;  ///< today is within its period (服务周期): else it is not proposed
};

/// Who gives: a unit (its name, or the provider's when it has none), or a volunteer
/// (the provider). A need wanting several resources gets them from different donors.
std::string donor(const lists::Resource& resource);

/// A project to propose: `resource` to serve `need`.
struct Proposal {
  std::int64_t need = 0;
  std::int64_t resource = 0;
  std::optional<int> distance_m;  ///< none when either has no coordinates
};

/// Why a need is left (partly) unmatched.
enum class GapReason {
  deadline_passed,  ///< its deadline is before today
  no_resource,      ///< nobody offers its category
  too_far,          ///< every resource of its category is out of reach (see `nearest`)
  no_location,      ///< resources of its category have a radius, and it (or they) have no coordinates
  all_full,         ///< resources within reach exist, but their room went to other needs, or they have none
  refused,          ///< every resource within reach declined it or gave it back
  few_in_reach,     ///< fewer donors within reach than it wants (each serves it once; see `in_reach`)
  out_of_period,    ///< resources within reach exist, but none serves in today's period
};

struct Gap {
  std::int64_t need = 0;
  int missing = 0;  ///< resources it still wants
  GapReason reason = GapReason::no_resource;
  std::optional<std::int64_t> nearest;  ///< for too_far: the nearest resource of its category
  std::optional<int> nearest_m;
  int in_reach = 0;  ///< for few_in_reach: the donors that could ever serve it
};

/// A category where the needs want more than the resources can take.
struct Shortage {
  std::string category;
  int wanted = 0;  ///< resource places the open needs want
  int room = 0;    ///< places free among the category's resources
};

struct MatchPlan {
  std::vector<Proposal> proposals;  ///< by need, then resource
  std::vector<Gap> gaps;            ///< by need
  std::vector<Shortage> shortages;  ///< by category
  int vulnerable_served = 0;        ///< places given to vulnerable residents' needs
  long total_distance_m = 0;        ///< over proposals with known distances
};

/// The great-circle distance in whole metres.
int distance_m(const lists::Coordinates& a, const lists::Coordinates& b);

/// Whether `resource` may serve `need` on `today`: the same category, the deadline not
/// passed, and within the resource's radius. A resource without a radius serves
/// anywhere in the street; one with a radius only needs whose distance is known.
bool can_serve(const lists::Resource& resource, const lists::Need& need, const Date& today);

/// Matches all open needs at once, exactly, as a transportation problem solved by a
/// min-cost flow (LEMON's NetworkSimplex, the solver the rota uses). The objective is
/// lexicographic: (1) the most places for vulnerable residents' needs, (2) the most
/// places in all, (3) the oldest needs first (the most days waited, summed over the
/// places given), (4) the most places given by a resource offering a service the need
/// asks for (a need asking none, or a resource offering none, only shares the
/// category), (5) the shortest total distance. Each donor serves a need at most
/// once: a need wanting several resources (a micro-wish claimed by several donors) may
/// get several, from different donors, none of them a donor already serving it (a node
/// per need and donor of capacity 1 keeps the flow exact). A resource outside its period
/// is not proposed. (1)-(2) and (3)-(5) are two solves: their weights together would
/// overflow 64-bit costs at district size. Each category is a network of its own (a need
/// pairs only with its category's resources), solved on its own, on the machine's cores.
MatchPlan plan_matches(const std::vector<OpenNeed>& needs, const std::vector<FreeResource>& resources,
                       const Date& today);

}  // namespace kangle::match
