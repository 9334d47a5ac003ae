// SPDX-License-Identifier: Apache-2.0
#include "match/run.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <system_error>
#include <tuple>

#include "lists/period.hpp"
#include "lists/store.hpp"
#include "match/places.hpp"
#include "match/projects.hpp"
#include "storage/connection.hpp"
#include "storage/rows.hpp"

namespace kangle::match {

Street street_of(const config::Config& config) { return {config.settings.timezone, config.communities}; }

std::pair<std::vector<OpenNeed>, std::vector<FreeResource>> load_pool(storage::Connection& db, const Date& today,
                                                                      const Street& street) {
  ProjectStore projects(db);
  auto held_by_need = projects.places_by_need();
  auto live_days = projects.live_days_by_resource(street.timezone);
  auto refusals = projects.refusals_by_need();
  auto servers = projects.servers_by_need();
  std::map<std::int64_t, Date> since;
  {
    storage::Statement q(db, "SELECT id, created_at FROM needs");
    while (q.step()) since[q.column(0).int64()] = local_date(q.column(1).text(), street.timezone);
  }
  lists::Store store(db);
  std::pair<std::vector<OpenNeed>, std::vector<FreeResource>> pool;
  for (auto& need : store.needs({})) {
    if (need.status == lists::NeedStatus::cancelled || need.status == lists::NeedStatus::closed ||
        need.status == lists::NeedStatus::done) {
      continue;
    }
    int open = need.wanted - held_by_need[need.id];
    if (open <= 0) continue;
    auto waited = (std::chrono::sys_days{today} - std::chrono::sys_days{since[need.id]}).count();
    auto id = need.id;
    pool.first.push_back(
        {std::move(need), open, static_cast<int>(std::max<long>(waited, 0)), refusals[id], servers[id]});
  }
  for (auto& resource : store.resources({})) {
    // A period the import could not read was not stored; one stored before it was
    // checked serves always, as it did then.
    auto period = lists::parse_service_period(resource.period).value_or(lists::ServicePeriod{});
    auto window = period.window(today);
    auto held = std::count_if(live_days[resource.id].begin(), live_days[resource.id].end(), [&](const Date& day) {
      return !window || (window->first <= day && day <= window->second);
    });
    int free = resource.capacity - static_cast<int>(held);
    pool.second.push_back({std::move(resource), std::max(free, 0), period.serves_on(today)});
  }
  place_pool(pool.first, pool.second, street.communities);
  return pool;
}

namespace {

/// `work` started on a thread of its own, or done here when no thread is to be had.
std::future<void> started(const std::function<void()>& work) {
  try {
    return std::async(std::launch::async, work);
  } catch (const std::system_error&) {
    auto done = std::async(std::launch::deferred, work);
    done.wait();
    return done;
  }
}

}  // namespace

StartedRun start_matching(storage::Connection& db, const Date& today, const std::string& now, const std::string& by,
                          bool dry_run, const Street& street) {
  // A dry run only reads: it must not hold the write lock another user may want.
  auto transaction =
      std::make_shared<storage::Transaction>(db, dry_run ? storage::Transaction::read : storage::Transaction::write);
  // The pool's reading and the proposals' writing go over most of the database: with a
  // cache that holds a district's, each page is read once (8,600 reads instead of 51,000
  // at 50,000 × 5,000, some 8% of the run).
  db.prepare_for_bulk_writes(pool_cache_mib);
  StartedRun run;
  auto& report = run.report;
  std::tie(report.needs, report.resources) = load_pool(db, today, street);
  report.open_needs = static_cast<int>(report.needs.size());
  report.plan = plan_matches(report.needs, report.resources, today);
  if (dry_run) {
    std::promise<void> nothing_to_store;
    nothing_to_store.set_value();
    run.stored = nothing_to_store.get_future();
    return run;
  }
  std::map<std::int64_t, std::string> unit_of;
  for (const auto& r : report.resources) unit_of[r.resource.id] = r.resource.unit.empty() ? r.resource.provider : r.resource.unit;
  const auto numbering = ProjectStore(db).numbering();
  for (std::size_t k = 0; k < report.plan.proposals.size(); ++k) report.projects.push_back(numbering.project(k));
  // Writing the projects and their needs' statuses, then committing, is a fifth of a
  // district's run: its document is built and rendered meanwhile, on the other core.
  run.stored = started([&db, transaction, numbering, proposals = report.plan.proposals, unit_of = std::move(unit_of), now, by] {
    ProjectStore(db).propose(numbering, proposals, unit_of, now, by);
    transaction->commit();
  });
  return run;
}

RunReport run_matching(storage::Connection& db, const Date& today, const std::string& now, const std::string& by,
                       bool dry_run, const Street& street) {
  auto run = start_matching(db, today, now, by, dry_run, street);
  run.stored.get();
  return std::move(run.report);
}

}  // namespace kangle::match
