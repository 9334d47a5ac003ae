// SPDX-License-Identifier: Apache-2.0
// What `kangle match` prints: the needs, resources and projects lists, the run's
// proposals, the gaps, a project's history, and what a change did. Statuses, kinds,
// categories and reasons are codes (the same in every language) with their labels.
#pragma once

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "import/lists.hpp"
#include "match/closing.hpp"
#include "match/projects.hpp"
#include "present/document.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::match {

/// `match list`'s filters as typed: each list refuses those it does not take (a
/// UsageError), reads a status word and a category as an id, a name or a service's name.
struct ListQuery {
  std::optional<std::string> status;
  std::optional<std::string> unit;
  std::optional<std::string> category;
  bool overdue = false;  ///< projects only
  bool reveal = false;   ///< phones in full
};

/// The needs list (`needs`): vulnerable residents' first, then by deadline.
present::Document needs_listing(storage::Connection& db, const config::Config& config, const ListQuery& query, Lang lang);
/// The resources list (`resources`), by provider, with the room left in the period
/// holding `today` (`left`; 0 outside its period, `in_period` false).
present::Document resources_listing(storage::Connection& db, const config::Config& config, const ListQuery& query,
                                    const Date& today, Lang lang);
/// The projects (`projects`), live first; `overdue` ones past their need's deadline on `today`.
present::Document projects_listing(storage::Connection& db, const config::Config& config, const ListQuery& query,
                                   const Date& today, Lang lang);

/// `match list WHAT`: the needs, resources or projects listing (Error, a bug, for another word).
present::Document listing(storage::Connection& db, const config::Config& config, std::string_view what,
                          const ListQuery& query, const Date& today, Lang lang);

/// What `match run` says, and its projects being stored (StartedRun::stored): nothing is
/// to be printed or written before `stored` is ready.
struct RunDocument {
  present::Document document;
  std::future<void> stored;
};

/// `match run`: matches every open need at once (match::start_matching, written in one
/// transaction unless `dry_run`) and says what it proposed: the proposals, and as facts
/// the open needs, projects proposed, places for vulnerable residents, total distance, gaps.
RunDocument run_document(storage::Connection& db, const config::Config& config, const Date& today, const std::string& now,
                         const std::string& by, bool dry_run, Lang lang);

/// `match gaps`: the needs that cannot be (fully) matched and why (a reason code), and
/// the categories short of resources.
present::Document gaps_document(storage::Connection& db, const config::Config& config, const Date& today, Lang lang);

/// `match show`: project `id` and every change of its status; InputError when there is none.
present::Document project_document(storage::Connection& db, const config::Config& config, std::int64_t id,
                                   const Date& today, Lang lang);

/// A move of a project as typed: `date` (done) a YYYY-MM-DD, `volunteers` (done) lists of
/// names or phones (张伟,王建国).
struct ProjectMove {
  std::int64_t project = 0;
  ProjectStatus to = ProjectStatus::claimed;
  std::string by, note, date;
  std::optional<int> people, satisfaction;
  std::vector<std::string> volunteers;
  NeedAfterCancel need_after = NeedAfterCancel::unsaid;  ///< cancel: what becomes of the need
};

/// Moves the project (a bad date is a UsageError, an unknown volunteer or a move not
/// allowed an InputError) in one transaction and says so; facts: the project and its status.
present::Document move_project(storage::Connection& db, const ProjectMove& move, const Date& today, const std::string& now,
                               Lang lang);

/// `match close NEED --reason R` (match::close_need) said: the need closed and the
/// projects cancelled with it; facts: the need's id, its status, the projects cancelled.
present::Document close_need_document(storage::Connection& db, std::string_view need, const std::string& reason,
                                      const std::string& by, const std::string& now, Lang lang);

/// `match add need|resource`: the line read and added (import::add_need) and said; facts:
/// its id.
present::Document add_need(storage::Connection& db, const config::Config& config, const import::HandEntry& entry,
                           const std::string& now, Lang lang);
present::Document add_resource(storage::Connection& db, const config::Config& config, const import::HandEntry& entry,
                               const std::string& now, Lang lang);

/// `match set need|resource REF`: the fields given changed (import::set_need,
/// import::set_resource), each change said; facts: its id and how many fields changed.
present::Document set_need(storage::Connection& db, const config::Config& config, const std::string& ref,
                           const import::HandEntry& entry, const std::string& now, Lang lang);
present::Document set_resource(storage::Connection& db, const config::Config& config, const std::string& ref,
                               const import::HandEntry& entry, const std::string& now, Lang lang);

}  // namespace kangle::match
