// SPDX-License-Identifier: Apache-2.0
#include "match/projects.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "lists/store.hpp"
#include "storage/rows.hpp"

namespace kangle::match {
namespace {

constexpr std::array<std::string_view, 8> status_words = {"proposed", "claimed",  "in_progress", "done",
                                                          "reviewed", "declined", "unmatched",   "cancelled"};
constexpr std::array<Msg, 8> status_messages = {Msg::project_proposed, Msg::project_claimed,  Msg::project_in_progress,
                                                Msg::project_done,     Msg::project_reviewed, Msg::project_declined,
                                                Msg::project_unmatched, Msg::project_cancelled};

/// Where each status may go.
bool allowed(ProjectStatus from, ProjectStatus to) {
  using S = ProjectStatus;
  switch (from) {
    case S::proposed: return to == S::claimed || to == S::declined || to == S::cancelled;
    case S::claimed: return to == S::in_progress || to == S::done || to == S::unmatched || to == S::cancelled;
    case S::in_progress: return to == S::done || to == S::unmatched || to == S::cancelled;
    case S::done: return to == S::reviewed;
    case S::reviewed:
    case S::declined:
    case S::unmatched:
    case S::cancelled: break;
  }
  return false;
}

const std::string project_columns =
    "p.id, p.need_id, p.resource_id, p.unit, p.status, p.distance_m, p.delivered, p.done_on, p.people_served, "
    "p.satisfaction, p.comment, p.reason, n.requester, n.category, n.description, r.provider, n.deadline, n.vulnerable, "
    "n.micro_wish FROM projects p JOIN needs n ON n.id = p.need_id JOIN resources r ON r.id = p.resource_id";

/// Each need's projects that hold a place (live) and that were done, by need: completed by
/// the needs chosen and "GROUP BY need_id".
const std::string live_and_done_counts =
    "SELECT need_id, count(*) FILTER (WHERE status NOT IN ('declined', 'unmatched', 'cancelled')), "
    "count(*) FILTER (WHERE status IN ('done', 'reviewed')) FROM projects";

Project read_project(storage::Statement& q) {
  Project p;
  p.id = q.column(0).int64();
  p.need = q.column(1).int64();
  p.resource = q.column(2).int64();
  p.unit = q.column(3).text();
  p.status = parse_project_status(q.column(4).text()).value_or(ProjectStatus::proposed);
  if (!q.column(5).is_null()) p.distance_m = q.column(5).int32();
  p.delivered = q.column(6).text();
  p.done_on = storage::optional_date_at(q, 7);
  if (!q.column(8).is_null()) p.people_served = q.column(8).int32();
  if (!q.column(9).is_null()) p.satisfaction = q.column(9).int32();
  p.comment = q.column(10).text();
  p.reason = q.column(11).text();
  p.need_requester = q.column(12).text();
  p.need_category = q.column(13).text();
  p.need_description = q.column(14).text();
  p.resource_provider = q.column(15).text();
  p.deadline = storage::optional_date_at(q, 16);
  p.vulnerable = q.column(17).int32() != 0;
  p.micro_wish = q.column(18).int32() != 0;
  return p;
}

std::map<std::int64_t, int> places_by(storage::Connection& db, const char* sql) {
  storage::Statement q(db, sql);
  std::map<std::int64_t, int> out;
  while (q.step()) out[q.column(0).int64()] = q.column(1).int32();
  return out;
}

}  // namespace

std::string_view to_string(ProjectStatus status) { return status_words[static_cast<std::size_t>(status)]; }

std::optional<ProjectStatus> parse_project_status(std::string_view word) {
  for (std::size_t i = 0; i < status_words.size(); ++i) {
    if (status_words[i] == word) return static_cast<ProjectStatus>(i);
  }
  return std::nullopt;
}

Msg status_word(ProjectStatus status) { return status_messages[static_cast<std::size_t>(status)]; }

std::string display(ProjectStatus status, Lang lang) { return std::string(message_text(status_word(status), lang)); }

bool holds_place(ProjectStatus status) {
  return status != ProjectStatus::declined && status != ProjectStatus::unmatched && status != ProjectStatus::cancelled;
}

bool overdue(const Project& project, const Date& today) {
  bool running = project.status == ProjectStatus::claimed || project.status == ProjectStatus::in_progress;
  return running && project.deadline && *project.deadline < today;
}

std::map<std::int64_t, int> ProjectStore::places_by_need() {
  return places_by(db_,
                   "SELECT need_id, count(*) FROM projects WHERE status <> 'declined' AND status <> 'unmatched' "
                   "AND status <> 'cancelled' GROUP BY need_id");
}

std::map<std::int64_t, int> ProjectStore::places_by_resource() {
  return places_by(db_,
                   "SELECT resource_id, count(*) FROM projects WHERE status <> 'declined' AND status <> 'unmatched' "
                   "AND status <> 'cancelled' GROUP BY resource_id");
}

namespace {

std::map<std::int64_t, std::vector<std::int64_t>> resources_by_need(storage::Connection& db, const char* sql) {
  storage::Statement q(db, sql);
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  while (q.step()) out[q.column(0).int64()].push_back(q.column(1).int64());
  return out;
}

}  // namespace

std::map<std::int64_t, std::vector<std::int64_t>> ProjectStore::refusals_by_need() {
  return resources_by_need(db_,
                           "SELECT DISTINCT need_id, resource_id FROM projects WHERE status = 'declined' OR "
                           "status = 'unmatched' ORDER BY need_id, resource_id");
}

std::map<std::int64_t, std::vector<std::int64_t>> ProjectStore::servers_by_need() {
  return resources_by_need(db_,
                           "SELECT DISTINCT need_id, resource_id FROM projects WHERE status <> 'declined' AND "
                           "status <> 'unmatched' AND status <> 'cancelled' ORDER BY need_id, resource_id");
}

ProjectNumbering ProjectStore::numbering() {
  // Numbered here, so that each project's event can name it: the rows then go in two bulk
  // inserts instead of two statements a proposal. The events too, as the database would
  // number them (on PostgreSQL a COPY's rows are then not each numbered by a trigger's
  // look-up).
  return {db_.query_integer("SELECT coalesce(max(id), 0) + 1 FROM projects"),
          db_.query_integer("SELECT coalesce(max(id), 0) + 1 FROM project_events")};
}

void ProjectStore::propose(const ProjectNumbering& numbering, const std::vector<Proposal>& proposals,
                           const std::map<std::int64_t, std::string>& unit_of_resource, const std::string& now,
                           const std::string& by) {
  if (proposals.empty()) return;
  {
    storage::InsertRows rows(db_, "INSERT INTO projects (id, need_id, resource_id, unit, status, distance_m, created_at, updated_at)");
    for (std::size_t k = 0; k < proposals.size(); ++k) {
      const auto& proposal = proposals[k];
      rows.integer(numbering.project(k)).integer(proposal.need).integer(proposal.resource).text(unit_of_resource.at(proposal.resource));
      rows.text(to_string(ProjectStatus::proposed));
      if (proposal.distance_m) rows.integer(*proposal.distance_m);
      else rows.null();
      rows.text(now).text(now).end_row();
    }
    rows.finish();
  }
  {
    storage::InsertRows events(db_, "INSERT INTO project_events (id, project_id, from_status, to_status, at, actor, note)");
    for (std::size_t k = 0; k < proposals.size(); ++k) {
      events.integer(numbering.first_event + static_cast<std::int64_t>(k)).integer(numbering.project(k)).null();
      events.text(to_string(ProjectStatus::proposed)).text(now).text(by).text("").end_row();
    }
    events.finish();
  }
  static const std::string proposed_needs =
      live_and_done_counts + " WHERE need_id IN (SELECT need_id FROM projects WHERE id >= ?) GROUP BY need_id";
  auto& counts = statement_(proposed_needs);
  counts.bind(1, numbering.first_project);
  settle_needs(counts, now);
}

std::optional<Project> ProjectStore::find(std::int64_t id) {
  storage::Statement q(db_, "SELECT " + project_columns + " WHERE p.id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_project(q);
}

std::vector<Project> ProjectStore::of_need(std::int64_t need) {
  storage::Statement q(db_, "SELECT " + project_columns + " WHERE p.need_id = ? ORDER BY p.id");
  q.bind(1, need);
  std::vector<Project> out;
  while (q.step()) out.push_back(read_project(q));
  return out;
}

std::map<std::int64_t, std::vector<Date>> ProjectStore::live_days_by_resource(const std::string& timezone) {
  storage::Statement q(db_,
                      "SELECT resource_id, created_at FROM projects WHERE status <> 'declined' AND "
                      "status <> 'unmatched' AND status <> 'cancelled' ORDER BY resource_id, id");
  std::map<std::int64_t, std::vector<Date>> out;
  while (q.step()) out[q.column(0).int64()].push_back(local_date(q.column(1).text(), timezone));
  return out;
}

std::vector<Project> ProjectStore::list(const ProjectFilter& filter, const Date& today) {
  storage::Statement q(db_, "SELECT " + project_columns +
                               " WHERE (CAST(?1 AS TEXT) IS NULL OR p.status = ?1) AND (?2 = '' OR instr(p.unit, ?2) > 0 OR "
                               "instr(r.provider, ?2) > 0) ORDER BY p.id");
  if (filter.status) q.bind(1, std::string(to_string(*filter.status)));
  q.bind(2, filter.unit);
  std::vector<Project> out;
  while (q.step()) {
    auto p = read_project(q);
    if (!filter.overdue_only || overdue(p, today)) out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const Project& a, const Project& b) { return a.status < b.status; });
  return out;
}

std::vector<ProjectEvent> ProjectStore::events(std::int64_t project) {
  storage::Statement q(db_,
                      "SELECT from_status, to_status, at, actor, note FROM project_events WHERE project_id = ? ORDER BY id");
  q.bind(1, project);
  std::vector<ProjectEvent> out;
  while (q.step()) {
    ProjectEvent e;
    if (!q.column(0).is_null()) e.from = parse_project_status(q.column(0).text());
    e.to = parse_project_status(q.column(1).text()).value_or(ProjectStatus::proposed);
    e.at = q.column(2).text();
    e.by = q.column(3).text();
    e.note = q.column(4).text();
    out.push_back(std::move(e));
  }
  return out;
}

Project ProjectStore::transition(std::int64_t id, ProjectStatus to, const TransitionDetails& details,
                                 const std::string& now) {
  auto project = find(id);
  if (!project) throw InputError(Message(Msg::project_not_found, id));
  if (!allowed(project->status, to)) {
    throw InputError(Message(Msg::project_bad_transition, id, status_word(project->status), status_word(to)));
  }
  if (to == ProjectStatus::reviewed && (!details.satisfaction || *details.satisfaction < 1 || *details.satisfaction > 5)) {
    throw UsageError(Message(Msg::project_bad_satisfaction, id));
  }
  storage::Statement q(db_,
                      "UPDATE projects SET status = ?, updated_at = ?, "
                      "delivered = CASE WHEN ?3 = 'done' THEN ?4 ELSE delivered END, "
                      "done_on = coalesce(?5, done_on), people_served = coalesce(?6, people_served), "
                      "satisfaction = coalesce(?7, satisfaction), "
                      "comment = CASE WHEN ?3 = 'reviewed' THEN ?4 ELSE comment END, "
                      "reason = CASE WHEN ?3 = 'declined' OR ?3 = 'unmatched' OR ?3 = 'cancelled' THEN ?4 ELSE reason END "
                      "WHERE id = ?8");
  q.bind(1, std::string(to_string(to)));
  q.bind(2, now);
  q.bind(3, std::string(to_string(to)));
  q.bind(4, details.note);
  if (details.done_on) q.bind(5, format_date(*details.done_on));
  if (details.people_served) q.bind(6, *details.people_served);
  if (details.satisfaction) q.bind(7, *details.satisfaction);
  q.bind(8, id);
  q.exec();
  for (auto volunteer : details.volunteers) {
    storage::Statement team(db_, "INSERT INTO project_volunteers (project_id, volunteer_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
    team.bind(1, id);
    team.bind(2, volunteer);
    team.exec();
  }
  log(id, project->status, to, now, details.by, details.note);
  refresh_need_status(project->need, now);
  return *find(id);
}

std::vector<std::int64_t> ProjectStore::team(std::int64_t project) {
  storage::Statement q(db_, "SELECT volunteer_id FROM project_volunteers WHERE project_id = ? ORDER BY volunteer_id");
  q.bind(1, project);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.column(0).int64());
  return out;
}

std::vector<Project> ProjectStore::done_between(const std::optional<Date>& from, const std::optional<Date>& to) {
  storage::Statement q(db_, "SELECT " + project_columns +
                               " WHERE (p.status = 'done' OR p.status = 'reviewed') AND (CAST(?1 AS TEXT) IS NULL OR p.done_on >= ?1) "
                               "AND (CAST(?2 AS TEXT) IS NULL OR p.done_on <= ?2) ORDER BY p.id");
  if (from) q.bind(1, format_date(*from));
  if (to) q.bind(2, format_date(*to));
  std::vector<Project> out;
  while (q.step()) out.push_back(read_project(q));
  return out;
}

void ProjectStore::log(std::int64_t project, std::optional<ProjectStatus> from, ProjectStatus to, const std::string& now,
                       const std::string& by, const std::string& note) {
  static const std::string sql =
      "INSERT INTO project_events (project_id, from_status, to_status, at, actor, note) VALUES (?, ?, ?, ?, ?, ?)";
  auto& q = statement_(sql);
  q.bind(1, project);
  if (from) q.bind(2, std::string(to_string(*from)));
  q.bind(3, std::string(to_string(to)));
  q.bind(4, now);
  q.bind(5, by);
  q.bind(6, note);
  q.exec();
}

void ProjectStore::refresh_need_status(std::int64_t need, const std::string& now) {
  static const std::string sql = live_and_done_counts + " WHERE need_id = ? GROUP BY need_id";
  auto& counts = statement_(sql);
  counts.bind(1, need);
  settle_needs(counts, now, need);
}

void ProjectStore::settle_needs(storage::Statement& counts, const std::string& now, std::optional<std::int64_t> need) {
  std::vector<lists::Store::NeedProjects> counted;
  while (counts.step()) counted.push_back({counts.column(0).int64(), counts.column(1).int64(), counts.column(2).int64()});
  counts.reset();  // read: no statement stays open
  if (need && counted.empty()) counted.push_back({*need, 0, 0});  // no project: open again
  needs_.settle_need_statuses(counted, now);
}

}  // namespace kangle::match
