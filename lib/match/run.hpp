// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "match/matcher.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::match {

struct RunReport {
  MatchPlan plan;
  std::vector<std::int64_t> projects;  ///< the projects proposed, in the order of plan.proposals (none for a dry run)
  int open_needs = 0;                  ///< needs that still wanted a resource
  std::vector<OpenNeed> needs;         ///< the pool planned from: every proposal's need and resource is in it
  std::vector<FreeResource> resources;
};

/// Where the lists live: the workspace's time zone, whose days count (a need's waiting,
/// a project's window, as `today`), and the compounds that place needs and resources.
struct Street {
  std::string timezone = config::Settings{}.timezone;
  std::vector<config::Community> communities;
};
Street street_of(const config::Config& config);

/// The open needs and the resources' free room as the workspace holds them today:
/// what `match run` and `match gaps` plan from. Projects already proposed keep their
/// places; declined, given-back and cancelled ones free them, and a resource that
/// declined a need or gave it back is not proposed for it again. A resource's room is
/// its capacity less its live projects proposed in the current window of its period
/// (this week, month, quarter or year when it renews; its span when it does not; ever
/// when it has neither), and it is in period when its period holds `today`. Needs and resources without coordinates are
/// placed at those of the compound they name (match::place_pool).
std::pair<std::vector<OpenNeed>, std::vector<FreeResource>> load_pool(storage::Connection& db, const Date& today,
                                                                      const Street& street = {});
/// The page cache, in MiB, a run reads its pool and writes its projects through: a district's
/// whole database (17 MB at 50,000 needs and 5,000 resources) and what the run adds to it.
constexpr int pool_cache_mib = 64;

/// A run planned, its projects numbered, and being stored on a thread of its own: the
/// connection is that thread's until `stored` is ready, which rethrows what stopped the
/// writing (rolled back). What the run proposed can be said meanwhile; nothing is to be
/// printed or written before. A dry run's `stored` is ready at once.
struct StartedRun {
  RunReport report;
  std::future<void> stored;
};

/// `match run`: plans over the pool and stores each proposal as a project (status
/// proposed, owned by the resource's unit), in one transaction; a dry run plans only.
StartedRun start_matching(storage::Connection& db, const Date& today, const std::string& now, const std::string& by,
                          bool dry_run, const Street& street = {});
/// start_matching, once its projects are stored.
RunReport run_matching(storage::Connection& db, const Date& today, const std::string& now, const std::string& by,
                       bool dry_run, const Street& street = {});

}  // namespace kangle::match
