// SPDX-License-Identifier: Apache-2.0
#include "match/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/categories.hpp"
#include "import/normalize.hpp"
#include "lists/store.hpp"
#include "match/places.hpp"
#include "match/run.hpp"
#include "people/identity.hpp"
#include "people/store.hpp"
#include "present/columns.hpp"
#include "storage/connection.hpp"

namespace kangle::match {
namespace {

using present::column;
using present::column_for_scripts;
using present::date_or_none;
using present::integer_or_none;
using present::text_or_none;
using present::Value;

std::string text_of(Lang lang, Msg id) { return std::string(message_text(id, lang)); }

Value category_value(const config::Catalogue& catalogue, const std::string& id, Lang lang) {
  const auto* c = catalogue.find_category(id);
  return Value::code(id, c ? config::localized(c->name, c->name_en, lang) : id);
}

/// The services asked or offered: ids for scripts, names for people; 按类别 when none is
/// known (the need or resource is matched by its category alone).
Value services_value(const config::Catalogue& catalogue, const std::vector<std::string>& ids, Lang lang) {
  std::vector<std::string> names;
  for (const auto& id : ids) names.push_back(config::service_label(catalogue, id, lang));
  return Value::codes(ids, std::move(names), text_of(lang, Msg::match_by_category));
}

Value decimal_or_none(const std::optional<double>& number) { return number ? Value::number(*number, 6) : Value::none(); }

/// A need's vulnerability: set or not for scripts; the group's name (or 是) for people.
Value vulnerable_value(bool vulnerable, const std::string& group, Lang lang) {
  return Value::flag(vulnerable, group.empty() ? text_of(lang, Msg::word_yes) : group);
}

std::string distance_text(const std::optional<int>& metres, Lang lang) {
  if (!metres) return "";
  return *metres < 1000 ? tr(lang, Msg::match_metres, *metres) : tr(lang, Msg::match_kilometres, fmt::format("{:.1f}", *metres / 1000.0));
}

/// A distance: whole metres for scripts (the code), 232米 or 1.5公里 for people.
Value distance_value(const std::optional<int>& metres, Lang lang) {
  return metres ? Value::code(std::to_string(*metres), distance_text(metres, lang)) : Value::none();
}

/// A radius: whole metres or `anywhere` (全街道) for scripts, as people read it beside.
Value radius_value(const std::optional<int>& metres, Lang lang) {
  return Value::code(metres ? std::to_string(*metres) : "anywhere", lists::display_radius(metres, lang));
}

/// An amount: fen or `free` for scripts, 200元 or 免费 for people.
Value money_value(const std::optional<std::int64_t>& fen, Lang lang) {
  if (!fen) return Value::none();
  return Value::code(*fen == 0 ? "free" : std::to_string(*fen), lists::display_money(*fen, lang));
}

std::string need_label(const lists::Need& n) {
  auto label = n.code.empty() ? "#" + std::to_string(n.id) : n.code;
  return label + " " + n.requester;
}

Value need_status_value(lists::NeedStatus status, Lang lang) {
  return Value::code(std::string(lists::to_string(status)), lists::display(status, lang));
}

/// Project numbers as people read them (12、13), and as a list for scripts.
std::string numbers_text(Lang lang, const std::vector<std::int64_t>& ids) {
  std::vector<std::string> texts;
  for (auto id : ids) texts.push_back(std::to_string(id));
  return list_in(lang, texts);
}

Value numbers_value(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> items;
  for (auto id : ids) items.push_back(std::to_string(id));
  return Value::list(std::move(items));
}

Value project_status_value(ProjectStatus status, Lang lang, bool is_overdue = false) {
  auto label = display(status, lang);
  if (is_overdue) label += text_of(lang, Msg::project_overdue_mark);
  return Value::code(std::string(to_string(status)), label);
}

std::string_view to_string(GapReason reason) {
  switch (reason) {
    case GapReason::deadline_passed: return "deadline_passed";
    case GapReason::no_resource: return "no_resource";
    case GapReason::too_far: return "too_far";
    case GapReason::no_location: return "no_location";
    case GapReason::all_full: return "all_full";
    case GapReason::refused: return "refused";
    case GapReason::few_in_reach: return "few_in_reach";
    case GapReason::out_of_period: return "out_of_period";
  }
  return "";
}

std::string gap_reason_text(const Gap& gap, const lists::Need& need, const std::map<std::int64_t, lists::Resource>& resources,
                            Lang lang) {
  switch (gap.reason) {
    case GapReason::deadline_passed: return text_of(lang, Msg::gap_deadline_passed);
    case GapReason::no_resource: return text_of(lang, Msg::gap_no_resource);
    case GapReason::no_location: return text_of(lang, Msg::gap_no_location);
    case GapReason::all_full: return text_of(lang, Msg::gap_all_full);
    case GapReason::refused: return text_of(lang, Msg::gap_refused);
    case GapReason::few_in_reach: return tr(lang, Msg::gap_few_in_reach, gap.in_reach, need.wanted);
    case GapReason::out_of_period: return text_of(lang, Msg::gap_out_of_period);
    case GapReason::too_far: break;
  }
  const auto& nearest = resources.at(*gap.nearest);
  return tr(lang, Msg::gap_too_far, nearest.provider, distance_text(gap.nearest_m, lang), lists::display_radius(nearest.radius_m, lang));
}

std::string resource_label(const lists::Resource& r) {
  auto label = r.code.empty() ? "#" + std::to_string(r.id) : r.code;
  return label + " " + r.provider;
}

/// What a coordinator can do about a gap: a code for scripts with its words, and for a
/// gap for want of coordinates which side lacks them (`need`, `resources` or `both`)
/// and the compound the need names.
struct WayForward {
  Value step;
  Value lacks = Value::none();
  Value compound = Value::none();
};

WayForward way_forward(const Gap& gap, const lists::Need& need, const std::map<std::int64_t, lists::Resource>& resources,
                       const config::Config& config, Lang lang) {
  auto step = [&](const char* code, std::string words) { return Value::code(code, std::move(words)); };
  switch (gap.reason) {
    case GapReason::deadline_passed: return {step("extend_deadline", text_of(lang, Msg::gap_way_deadline))};
    case GapReason::no_resource: return {step("find_resource", text_of(lang, Msg::gap_way_find_resource))};
    case GapReason::too_far:
      return {step("widen_radius", tr(lang, Msg::gap_way_widen_radius, resources.at(*gap.nearest).provider))};
    case GapReason::all_full: return {step("more_capacity", text_of(lang, Msg::gap_way_more_capacity))};
    case GapReason::refused: return {step("another_resource", text_of(lang, Msg::gap_way_another_resource))};
    case GapReason::few_in_reach: return {step("more_resources", text_of(lang, Msg::gap_way_more_resources))};
    case GapReason::out_of_period: return {step("wait_period", text_of(lang, Msg::gap_way_wait_period))};
    case GapReason::no_location: break;
  }
  // The need's place and the resources' are those matching used (compounds' included).
  std::vector<std::string> unplaced;
  for (const auto& [id, r] : resources) {
    if (r.category == need.category && r.radius_m && !r.location) unplaced.push_back(resource_label(r));
  }
  std::vector<std::string> words;
  std::string code = "locate_resources";
  WayForward way;
  if (!need.location) {
    const auto* compound = compound_of(need, config.communities);
    if (compound) {
      code = "locate_compound";
      words.push_back(tr(lang, Msg::gap_way_compound_coordinates, compound->name));
      way.compound = Value::text(compound->name);
    } else if (!need.compound.empty()) {
      code = "add_compound";
      words.push_back(tr(lang, Msg::gap_way_unknown_compound, need.compound));
      way.compound = Value::text(need.compound);
    } else {
      code = "locate_need";
      words.push_back(text_of(lang, Msg::gap_way_need_place));
    }
  }
  // Resources without a place matter only when placing the need alone would not do.
  bool resources_lack = !unplaced.empty() && (need.location || std::none_of(resources.begin(), resources.end(), [&](const auto& r) {
                                                 return r.second.category == need.category && r.second.radius_m && r.second.location;
                                               }));
  if (resources_lack) words.push_back(tr(lang, Msg::gap_way_resource_place, list_in(lang, unplaced)));
  way.lacks = Value::text(!need.location ? (resources_lack ? "both" : "need") : "resources");
  way.step = Value::code(code, text::join(words, lang == Lang::zh_CN ? "；" : "; "));
  return way;
}

/// A listing with its count under it, as people read it.
present::Document counted_listing(Lang lang, std::string kind, present::Table table, Msg count) {
  auto rows = table.rows.size();
  auto document = present::listing(lang, std::move(kind), std::move(table));
  document.footer.push_back(tr(lang, count, rows));
  return document;
}

}  // namespace

present::Document needs_listing(storage::Connection& db, const config::Config& config, const ListQuery& query, Lang lang) {
  if (query.unit) throw UsageError(Message(Msg::match_unit_resources_only));
  lists::NeedFilter filter;
  if (query.status) {
    filter.status = lists::parse_need_status(*query.status);
    if (!filter.status) throw UsageError(Message(Msg::match_bad_status, *query.status));
  }
  if (query.category) filter.category = import::require_category(config.catalogue, *query.category);
  present::Table table;
  table.id = "needs";
  table.columns = {column(lang, "code", Msg::field_code),
                   column(lang, "requester", Msg::field_requester),
                   column(lang, "requester_kind", Msg::field_kind),
                   column(lang, "phone", Msg::field_phone),
                   column(lang, "compound", Msg::field_compound),
                   column(lang, "category", Msg::field_category),
                   column(lang, "services", Msg::field_services),
                   column(lang, "description", Msg::field_description),
                   column(lang, "people", Msg::field_people),
                   column(lang, "deadline", Msg::field_deadline),
                   column(lang, "vulnerable", Msg::field_vulnerable),
                   column(lang, "micro_wish", Msg::field_micro_wish),
                   column(lang, "status", Msg::field_status),
                   column_for_scripts("id"),
                   column_for_scripts("vulnerability"),
                   column_for_scripts("value_fen"),
                   column_for_scripts("wanted"),
                   column_for_scripts("address"),
                   column_for_scripts("lat"),
                   column_for_scripts("lon"),
                   column_for_scripts("note")};
  for (const auto& n : lists::Store(db).needs(filter)) {
    std::string wish = n.value_fen ? tr(lang, Msg::lists_micro_wish_value, lists::display_money(*n.value_fen, lang)) : text_of(lang, Msg::word_yes);
    table.rows.push_back({text_or_none(n.code), Value::text(n.requester),
                          Value::code(std::string(lists::to_string(n.requester_kind)), lists::display(n.requester_kind, lang)),
                          people::phone_value(n.phone, query.reveal), text_or_none(n.compound),
                          category_value(config.catalogue, n.category, lang),
                          services_value(config.catalogue, n.services, lang), Value::text(n.description),
                          Value::integer(n.people), date_or_none(n.deadline), vulnerable_value(n.vulnerable, n.vulnerability, lang),
                          Value::flag(n.micro_wish, wish),
                          Value::code(std::string(lists::to_string(n.status)), lists::display(n.status, lang)),
                          Value::integer(n.id), text_or_none(n.vulnerability), integer_or_none(n.value_fen),
                          Value::integer(n.wanted), text_or_none(n.address),
                          decimal_or_none(n.location ? std::optional(n.location->lat) : std::nullopt),
                          decimal_or_none(n.location ? std::optional(n.location->lon) : std::nullopt),
                          text_or_none(n.note)});
  }
  return counted_listing(lang, "match_needs", std::move(table), Msg::needs_count);
}

present::Document resources_listing(storage::Connection& db, const config::Config& config, const ListQuery& query,
                                    const Date& today, Lang lang) {
  if (query.status) throw UsageError(Message(Msg::match_status_needs_only));
  lists::ResourceFilter filter;
  if (query.unit) filter.unit = *query.unit;
  if (query.category) filter.category = import::require_category(config.catalogue, *query.category);
  present::Table table;
  table.id = "resources";
  table.columns = {column(lang, "code", Msg::field_code),
                   column(lang, "provider", Msg::field_provider),
                   column(lang, "provider_kind", Msg::field_kind),
                   column(lang, "contact", Msg::field_contact),
                   column(lang, "phone", Msg::field_phone),
                   column(lang, "category", Msg::field_category),
                   column(lang, "services", Msg::field_services),
                   column(lang, "description", Msg::field_description),
                   column(lang, "radius", Msg::field_radius),
                   column(lang, "capacity", Msg::field_capacity),
                   column(lang, "period", Msg::field_period),
                   column(lang, "left", Msg::field_left),
                   column(lang, "cost", Msg::field_cost),
                   column_for_scripts("id"),
                   column_for_scripts("unit"),
                   column_for_scripts("radius_m"),
                   column_for_scripts("cost_fen"),
                   column_for_scripts("address"),
                   column_for_scripts("lat"),
                   column_for_scripts("lon"),
                   column_for_scripts("note"),
                   column_for_scripts("in_period")};
  std::map<std::int64_t, FreeResource> room;
  for (auto& r : load_pool(db, today, street_of(config)).second) room.emplace(r.resource.id, std::move(r));
  for (const auto& r : lists::Store(db).resources(filter)) {
    const auto& free = room.at(r.id);
    table.rows.push_back({text_or_none(r.code), Value::text(r.provider),
                          Value::code(std::string(lists::to_string(r.provider_kind)), lists::display(r.provider_kind, lang)),
                          text_or_none(r.contact), people::phone_value(r.phone, query.reveal),
                          category_value(config.catalogue, r.category, lang),
                          services_value(config.catalogue, r.services, lang), Value::text(r.description),
                          radius_value(r.radius_m, lang), Value::integer(r.capacity), text_or_none(r.period),
                          Value::integer(free.in_period ? free.free : 0), money_value(r.cost_fen, lang),
                          Value::integer(r.id), text_or_none(r.unit), integer_or_none(r.radius_m),
                          integer_or_none(r.cost_fen), text_or_none(r.address),
                          decimal_or_none(r.location ? std::optional(r.location->lat) : std::nullopt),
                          decimal_or_none(r.location ? std::optional(r.location->lon) : std::nullopt),
                          text_or_none(r.note), Value::flag(free.in_period, text_of(lang, Msg::word_yes))});
  }
  return counted_listing(lang, "match_resources", std::move(table), Msg::resources_count);
}

present::Document projects_listing(storage::Connection& db, const config::Config& config, const ListQuery& query,
                                   const Date& today, Lang lang) {
  ProjectFilter filter;
  if (query.status) {
    auto status = parse_project_status(*query.status);
    if (!status) throw UsageError(Message(Msg::project_unknown_status, *query.status));
    filter.status = *status;
  }
  if (query.unit) filter.unit = *query.unit;
  filter.overdue_only = query.overdue;
  present::Table table;
  table.id = "projects";
  table.columns = {column(lang, "project", Msg::match_project),
                   column(lang, "requester", Msg::field_requester),
                   column(lang, "vulnerable", Msg::field_vulnerable),
                   column(lang, "category", Msg::field_category),
                   column(lang, "description", Msg::field_description),
                   column(lang, "unit", Msg::field_unit),
                   column(lang, "status", Msg::field_status),
                   column(lang, "deadline", Msg::field_deadline),
                   column(lang, "satisfaction", Msg::record_satisfaction),
                   column_for_scripts("overdue"),
                   column_for_scripts("micro_wish")};
  for (const auto& p : ProjectStore(db).list(filter, today)) {
    bool late = overdue(p, today);
    table.rows.push_back({Value::integer(p.id), Value::text(p.need_requester), Value::flag(p.vulnerable, "★"),
                          category_value(config.catalogue, p.need_category, lang), Value::text(p.need_description),
                          text_or_none(p.unit), project_status_value(p.status, lang, late), date_or_none(p.deadline),
                          integer_or_none(p.satisfaction), Value::flag(late, text_of(lang, Msg::word_yes)),
                          Value::flag(p.micro_wish, text_of(lang, Msg::word_yes))});
  }
  return counted_listing(lang, "match_projects", std::move(table), Msg::projects_count);
}

present::Document listing(storage::Connection& db, const config::Config& config, std::string_view what,
                          const ListQuery& query, const Date& today, Lang lang) {
  if (what == "needs") return needs_listing(db, config, query, lang);
  if (what == "resources") return resources_listing(db, config, query, today, lang);
  if (what == "projects") return projects_listing(db, config, query, today, lang);
  throw Error(fmt::format("match list {}: not needs, resources or projects", what));  // the command line allows no other
}

RunDocument run_document(storage::Connection& db, const config::Config& config, const Date& today, const std::string& now,
                         const std::string& by, bool dry_run, Lang lang) {
  auto [report, stored] = start_matching(db, today, now, by, dry_run, street_of(config));
  std::map<std::int64_t, const lists::Need*> needs;
  for (const auto& n : report.needs) needs.emplace(n.need.id, &n.need);
  std::map<std::int64_t, const lists::Resource*> resources;
  for (const auto& r : report.resources) resources.emplace(r.resource.id, &r.resource);
  present::Table table;
  table.id = "proposals";
  table.columns = {column(lang, "project", Msg::match_project),
                   column(lang, "need", Msg::field_requester),
                   column(lang, "vulnerable", Msg::field_vulnerable),
                   column(lang, "category", Msg::field_category),
                   column(lang, "description", Msg::field_description),
                   column(lang, "provider", Msg::field_provider),
                   column(lang, "distance", Msg::match_distance),
                   column_for_scripts("need_id"),
                   column_for_scripts("resource_id"),
                   column_for_scripts("distance_m")};
  for (std::size_t i = 0; i < report.plan.proposals.size(); ++i) {
    const auto& p = report.plan.proposals[i];
    const auto& n = *needs.at(p.need);
    table.rows.push_back({dry_run ? Value::none() : Value::integer(report.projects[i]), Value::text(need_label(n)),
                          vulnerable_value(n.vulnerable, n.vulnerability, lang), category_value(config.catalogue, n.category, lang),
                          Value::text(n.description), Value::text(resources.at(p.resource)->provider),
                          distance_value(p.distance_m, lang), Value::integer(p.need), Value::integer(p.resource),
                          integer_or_none(p.distance_m)});
  }
  const auto& plan = report.plan;
  present::Document document(lang);
  document.kind = "match_run";
  // Nothing proposed is said by the summary alone (and by `proposed` for scripts).
  if (!table.rows.empty()) document = present::listing(lang, "match_run", std::move(table));
  document.footer.push_back(tr(lang, Msg::match_run_summary, report.open_needs, plan.proposals.size(), plan.vulnerable_served,
                               fmt::format("{:.1f}", static_cast<double>(plan.total_distance_m) / 1000.0)));
  if (!plan.gaps.empty()) document.footer.push_back(tr(lang, Msg::match_run_gaps, plan.gaps.size()));
  if (dry_run) document.footer.push_back(text_of(lang, Msg::import_dry_run));
  document.facts = {{"open_needs", Value::integer(report.open_needs)},
                    {"proposed", Value::integer(static_cast<std::int64_t>(plan.proposals.size()))},
                    {"vulnerable_served", Value::integer(plan.vulnerable_served)},
                    {"total_distance_m", Value::integer(plan.total_distance_m)},
                    {"gaps", Value::integer(static_cast<std::int64_t>(plan.gaps.size()))},
                    {"dry_run", Value::flag(dry_run, text_of(lang, Msg::word_yes))}};
  return {std::move(document), std::move(stored)};
}

present::Document gaps_document(storage::Connection& db, const config::Config& config, const Date& today, Lang lang) {
  auto [open, free] = load_pool(db, today, street_of(config));
  auto plan = plan_matches(open, free, today);
  std::map<std::int64_t, lists::Need> needs;
  for (auto& n : open) needs.emplace(n.need.id, n.need);
  std::map<std::int64_t, lists::Resource> resources;
  for (auto& r : free) resources.emplace(r.resource.id, r.resource);
  present::Table gaps;
  gaps.id = "gaps";
  gaps.columns = {column(lang, "need", Msg::field_requester),
                  column(lang, "vulnerable", Msg::field_vulnerable),
                  column(lang, "category", Msg::field_category),
                  column(lang, "description", Msg::field_description),
                  column(lang, "missing", Msg::match_missing),
                  column(lang, "reason", Msg::match_reason),
                  column(lang, "way_forward", Msg::match_way_forward),
                  column_for_scripts("need_id"),
                  column_for_scripts("nearest_resource_id"),
                  column_for_scripts("nearest_m"),
                  column_for_scripts("lacks_coordinates"),
                  column_for_scripts("compound")};
  for (const auto& g : plan.gaps) {
    const auto& n = needs.at(g.need);
    auto way = way_forward(g, n, resources, config, lang);
    gaps.rows.push_back({Value::text(need_label(n)), vulnerable_value(n.vulnerable, n.vulnerability, lang),
                         category_value(config.catalogue, n.category, lang), Value::text(n.description), Value::integer(g.missing),
                         Value::code(std::string(to_string(g.reason)), gap_reason_text(g, n, resources, lang)), way.step,
                         Value::integer(n.id), integer_or_none(g.nearest), integer_or_none(g.nearest_m), way.lacks,
                         way.compound});
  }
  present::Table shortages;
  shortages.id = "shortages";
  shortages.title = text_of(lang, Msg::match_shortages);
  shortages.columns = {column(lang, "category", Msg::field_category), column(lang, "wanted", Msg::field_wanted),
                       column(lang, "room", Msg::field_capacity)};
  for (const auto& s : plan.shortages) {
    shortages.rows.push_back({category_value(config.catalogue, s.category, lang), Value::integer(s.wanted), Value::integer(s.room)});
  }
  present::Document document(lang);
  document.kind = "match_gaps";
  present::Section section;
  section.id = "gaps";
  if (plan.gaps.empty()) section.lines.push_back(text_of(lang, Msg::gap_none));
  section.tables.push_back(std::move(gaps));
  // A category short of resources is said only when it is: most months none is.
  if (!shortages.rows.empty()) section.tables.push_back(std::move(shortages));
  document.sections.push_back(std::move(section));
  return document;
}

present::Document project_document(storage::Connection& db, const config::Config& config, std::int64_t id,
                                   const Date& today, Lang lang) {
  ProjectStore store(db);
  auto project = store.find(id);
  if (!project) throw InputError(Message(Msg::project_not_found, id));
  auto status = project_status_value(project->status, lang, overdue(*project, today));
  present::Section section;
  section.id = "project";
  section.lines.push_back(tr(lang, Msg::project_heading, project->id, project->need_requester, project->need_description,
                             project->resource_provider, status.display(lang)));
  if (!project->delivered.empty()) section.lines.push_back(tr(lang, Msg::project_delivered_line, project->delivered));
  present::Table events;
  events.id = "events";
  // `status` is the status it went to (a code); people read where it came from too.
  events.columns = {column(lang, "at", Msg::project_when), column(lang, "status", Msg::field_status), column(lang, "by", Msg::points_by),
                    column(lang, "note", Msg::field_note), column_for_scripts("from")};
  for (const auto& e : store.events(project->id)) {
    auto change = e.from ? display(*e.from, lang) + " → " + display(e.to, lang) : display(e.to, lang);
    // Scripts read the moment in UTC; people read it in the workspace's time zone.
    events.rows.push_back({Value::code(e.at, time_for_people(e.at, config.settings.timezone, lang)),
                           Value::code(std::string(to_string(e.to)), change), text_or_none(e.by),
                           text_or_none(e.note), e.from ? project_status_value(*e.from, lang) : Value::none()});
  }
  section.tables.push_back(std::move(events));
  present::Document document(lang);
  document.kind = "match_project";
  document.facts = {{"project", Value::integer(project->id)},
                    {"status", status},
                    {"need_id", Value::integer(project->need)},
                    {"resource_id", Value::integer(project->resource)},
                    {"category", category_value(config.catalogue, project->need_category, lang)},
                    {"satisfaction", integer_or_none(project->satisfaction)}};
  document.sections.push_back(std::move(section));
  return document;
}

present::Document move_project(storage::Connection& db, const ProjectMove& move, const Date& today, const std::string& now,
                               Lang lang) {
  TransitionDetails details;
  details.by = move.by;
  details.note = move.note;
  details.people_served = move.people;
  details.satisfaction = move.satisfaction;
  if (move.to == ProjectStatus::done) {
    details.done_on = today;
    if (!move.date.empty()) details.done_on = date_argument(move.date);
    people::Store volunteers(db);
    for (const auto& list : move.volunteers) {
      for (const auto& who : import::split_list(list)) details.volunteers.push_back(people::resolve_volunteer(volunteers, who));
    }
  }
  if (move.to == ProjectStatus::cancelled) {
    auto cancelled = cancel_project(db, move.project, move.note, move.need_after, move.by, now);
    const auto& project = cancelled.project;
    const auto& need = cancelled.need;
    std::vector<std::string> lines{tr(lang, Msg::project_moved, project.id, project.need_requester, display(project.status, lang)),
                                   tr(lang, Msg::match_need_after_cancel, need_label(need), lists::display(need.status, lang))};
    if (!cancelled.cancelled.empty()) lines.push_back(tr(lang, Msg::match_cancelled_with_need, numbers_text(lang, cancelled.cancelled)));
    return present::message(lang, "match_move", std::move(lines),
                            {{"project", Value::integer(project.id)},
                             {"status", project_status_value(project.status, lang)},
                             {"need", Value::integer(need.id)},
                             {"need_status", need_status_value(need.status, lang)},
                             {"cancelled", numbers_value(cancelled.cancelled)}});
  }
  storage::Transaction transaction(db, storage::Transaction::write);
  auto project = ProjectStore(db).transition(move.project, move.to, details, now);
  transaction.commit();
  return present::message(lang, "match_move", {tr(lang, Msg::project_moved, project.id, project.need_requester, display(project.status, lang))},
                          {{"project", Value::integer(project.id)}, {"status", project_status_value(project.status, lang)}});
}

present::Document close_need_document(storage::Connection& db, std::string_view need, const std::string& reason,
                                      const std::string& by, const std::string& now, Lang lang) {
  auto closed = close_need(db, need, reason, by, now);
  const auto& n = closed.need;
  std::vector<std::string> lines{tr(lang, Msg::match_need_closed, need_label(n), n.description, n.closed_reason)};
  if (!closed.cancelled.empty()) lines.push_back(tr(lang, Msg::match_cancelled_with_need, numbers_text(lang, closed.cancelled)));
  return present::message(lang, "match_close", std::move(lines),
                          {{"need", Value::integer(n.id)},
                           {"status", need_status_value(n.status, lang)},
                           {"reason", Value::text(n.closed_reason)},
                           {"cancelled", numbers_value(closed.cancelled)}});
}

namespace {

/// What an added need or resource naming no service is told, as an import tells it: it is
/// matched by its category alone.
std::string by_category_alone(const config::Config& config, const import::HandEntry& entry, const std::string& category,
                              const std::string& description, Lang lang) {
  const auto* c = config.catalogue.find_category(category);
  auto name = c ? config::localized(c->name, c->name_en, lang) : category;
  return tr(lang, Msg::lists_no_service, entry.category, description, name);
}

}  // namespace

present::Document add_need(storage::Connection& db, const config::Config& config, const import::HandEntry& entry,
                           const std::string& now, Lang lang) {
  auto need = import::add_need(db, config.catalogue, entry, now);
  std::vector<std::string> lines{tr(lang, Msg::match_need_added, need.id, need.requester, need.description)};
  // A micro-wish asks for a thing, not a service.
  if (need.services.empty() && !need.micro_wish) {
    lines.push_back(by_category_alone(config, entry, need.category, need.description, lang));
  }
  return present::message(lang, "match_need_added", std::move(lines), {{"need", Value::integer(need.id)}});
}

present::Document add_resource(storage::Connection& db, const config::Config& config, const import::HandEntry& entry,
                               const std::string& now, Lang lang) {
  auto resource = import::add_resource(db, config.catalogue, entry, now);
  std::vector<std::string> lines{tr(lang, Msg::match_resource_added, resource.id, resource.provider, resource.description)};
  if (resource.services.empty()) {
    lines.push_back(by_category_alone(config, entry, resource.category, resource.description, lang));
  }
  return present::message(lang, "match_resource_added", std::move(lines), {{"resource", Value::integer(resource.id)}});
}

namespace {

/// What a `match set` did: a line for the record, one for each change.
template <typename Record>
present::Document changed_document(const import::Changed<Record>& changed, Msg heading, const std::string& label,
                                   const std::string& what, std::string_view kind, Lang lang) {
  std::vector<std::string> lines;
  if (changed.changes.empty()) {
    lines.push_back(tr(lang, Msg::match_set_unchanged, label, what));
  } else {
    lines.push_back(tr(lang, heading, label, what));
    for (const auto& change : changed.changes) lines.push_back("  " + change.in(lang));
  }
  return present::message(lang, std::string(kind), std::move(lines),
                          {{std::string(kind == "match_need_set" ? "need" : "resource"), Value::integer(changed.record.id)},
                           {"changed", Value::integer(static_cast<std::int64_t>(changed.changes.size()))}});
}

}  // namespace

present::Document set_need(storage::Connection& db, const config::Config& config, const std::string& ref,
                           const import::HandEntry& entry, const std::string& now, Lang lang) {
  auto changed = import::set_need(db, config.catalogue, ref, entry, now, [&](std::int64_t need) {
    ProjectStore(db).refresh_need_status(need, now);
  });
  return changed_document(changed, Msg::match_need_set, need_label(changed.record), changed.record.description,
                          "match_need_set", lang);
}

present::Document set_resource(storage::Connection& db, const config::Config& config, const std::string& ref,
                               const import::HandEntry& entry, const std::string& now, Lang lang) {
  auto changed = import::set_resource(db, config.catalogue, ref, entry, now);
  const auto& r = changed.record;
  auto label = (r.code.empty() ? "#" + std::to_string(r.id) : r.code) + " " + r.provider;
  return changed_document(changed, Msg::match_resource_set, label, r.description, "match_resource_set", lang);
}

}  // namespace kangle::match
