// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "lists/store.hpp"
#include "match/matcher.hpp"
#include "storage/connection.hpp"
#include "storage/statements.hpp"

namespace kangle::match {

/// The life of a project (项目): proposed → claimed → in progress → done → reviewed;
/// declined (by the unit) and unmatched (given back) return the need to the pool;
/// cancelled ends it.
enum class ProjectStatus { proposed, claimed, in_progress, done, reviewed, declined, unmatched, cancelled };

std::string_view to_string(ProjectStatus status);
std::optional<ProjectStatus> parse_project_status(std::string_view word);
/// The word of the catalogue for a status, and the word in `lang`: 待认领, 已认领, 进行中 …
Msg status_word(ProjectStatus status);
std::string display(ProjectStatus status, Lang lang);
/// Whether a project in `status` holds its need's and resource's place.
bool holds_place(ProjectStatus status);

struct Project {
  std::int64_t id = 0;
  std::int64_t need = 0, resource = 0;
  std::string unit;  ///< the unit that owns it: the resource's
  ProjectStatus status = ProjectStatus::proposed;
  std::optional<int> distance_m;
  std::string delivered;
  std::optional<Date> done_on;
  std::optional<int> people_served;
  std::optional<int> satisfaction;
  std::string comment, reason;
  // Read with the project, for lists:
  std::string need_requester, need_category, need_description, resource_provider;
  std::optional<Date> deadline;
  bool vulnerable = false, micro_wish = false;
};

/// One change of a project's status.
struct ProjectEvent {
  std::optional<ProjectStatus> from;
  ProjectStatus to = ProjectStatus::proposed;
  std::string at, by, note;
};

/// A project is overdue when it is claimed or in progress past its need's deadline.
bool overdue(const Project& project, const Date& today);

/// What `match list projects` filters on.
struct ProjectFilter {
  std::optional<ProjectStatus> status;
  std::string unit;  ///< a part of the unit's name
  bool overdue_only = false;
};

/// What a transition carries, besides the new status.
struct TransitionDetails {
  std::string by;      ///< who did it
  std::string note;    ///< why (declined, given back, cancelled), or what was delivered (done)
  std::optional<Date> done_on;
  std::optional<int> people_served;
  std::optional<int> satisfaction;  ///< reviewed: 1–5
  std::vector<std::int64_t> volunteers;  ///< done: the team that served, for project_done points
};

/// Where a run's projects and their events are numbered from: known before they are
/// written, so that what the run proposed can be said while it is written.
struct ProjectNumbering {
  std::int64_t first_project = 1, first_event = 1;
  /// The id of the project proposed `k`-th.
  std::int64_t project(std::size_t k) const { return first_project + static_cast<std::int64_t>(k); }
};

/// The projects tables. Every statement binds its values.
class ProjectStore {
public:
  explicit ProjectStore(storage::Connection& db) : db_(db) {}

  /// Places each need and resource holds in live projects (proposed to reviewed).
  std::map<std::int64_t, int> places_by_need();
  std::map<std::int64_t, int> places_by_resource();
  /// For each need, the resources that declined it or gave it back.
  std::map<std::int64_t, std::vector<std::int64_t>> refusals_by_need();
  /// For each need, the resources of its live projects.
  std::map<std::int64_t, std::vector<std::int64_t>> servers_by_need();
  /// The ids the next projects proposed, and their events, take: each after the largest
  /// stored. Only within a write transaction, which keeps them free until it ends.
  ProjectNumbering numbering();
  /// Stores `proposals` as projects proposed, in that order, numbered from `numbering`,
  /// each with its event, and sets their needs' statuses. `unit_of_resource` holds the
  /// unit of each proposal's resource.
  void propose(const ProjectNumbering& numbering, const std::vector<Proposal>& proposals,
               const std::map<std::int64_t, std::string>& unit_of_resource, const std::string& now, const std::string& by);
  std::optional<Project> find(std::int64_t id);
  /// The projects of need `need`, by id.
  std::vector<Project> of_need(std::int64_t need);
  /// For each resource, the days (in `timezone`) its live projects were proposed: what a
  /// renewed capacity counts within its window.
  std::map<std::int64_t, std::vector<Date>> live_days_by_resource(const std::string& timezone);
  /// By status order (live first), then id.
  std::vector<Project> list(const ProjectFilter& filter, const Date& today);
  std::vector<ProjectEvent> events(std::int64_t project);
  /// Moves project `id` to `to`; InputError naming both statuses when the move is not
  /// allowed (done before claimed, a second review). Updates the need's status.
  Project transition(std::int64_t id, ProjectStatus to, const TransitionDetails& details, const std::string& now);
  /// The volunteers who served a project done.
  std::vector<std::int64_t> team(std::int64_t project);
  /// Projects done (or reviewed since) with `done_on` from `from` to `to` (either open), by id.
  std::vector<Project> done_between(const std::optional<Date>& from, const std::optional<Date>& to);
  /// Sets the need's status from its projects and how many resources it wants: open,
  /// matched or done (a closed or cancelled need stays so).
  void refresh_need_status(std::int64_t need, const std::string& now);

private:
  /// Sets the status of each need in `counts` (need, live, done rows); `need`, when given
  /// and absent from them, has no project left.
  void settle_needs(storage::Statement& counts, const std::string& now, std::optional<std::int64_t> need = std::nullopt);
  void log(std::int64_t project, std::optional<ProjectStatus> from, ProjectStatus to, const std::string& now,
           const std::string& by, const std::string& note);
  storage::Connection& db_;
  // A run proposes tens of thousands of projects: each statement is prepared once (each
  // prepared anew took a third of a district's run).
  storage::StatementCache statement_{db_};
  lists::Store needs_{db_};
};

}  // namespace kangle::match
