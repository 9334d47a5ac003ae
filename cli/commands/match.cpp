// SPDX-License-Identifier: Apache-2.0
// kangle match list needs|resources|projects [--status S] [--unit U] [--category C] [--overdue] [--format text|json|csv]
// kangle match run [--dry-run]          kangle match gaps [--format text|json|csv]
// kangle match claim|start ID           kangle match done ID --delivered T [--date D] [--people N] [--volunteers A,B]
// kangle match review ID --satisfaction N [--comment C]
// kangle match decline|unmatch|cancel ID --reason R          kangle match show ID
#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "present/table.hpp"
#include "core/text.hpp"
#include "import/categories.hpp"
#include "lists/store.hpp"
#include "match/projects.hpp"
#include "match/run.hpp"
#include "import/normalize.hpp"
#include "people/volunteer.hpp"
#include "people/identity.hpp"

namespace kangle::cli {
namespace {

/// `match add need|resource`: the values as typed.
struct AddOptions {
  std::string code, who, kind, phone, compound, address, category, description, deadline, vulnerable, value, unit,
      contact, radius, period, cost, note;
  std::optional<double> lat, lon;
  std::optional<int> people, wanted, capacity;
  bool micro_wish = false;
};

struct MatchCommand {
  AddOptions add;
  std::string what;  ///< needs, resources or projects
  std::int64_t project = 0;
  std::string note, by, date, comment;
  std::optional<int> people, satisfaction;
  std::vector<std::string> volunteers;
  bool dry_run = false, overdue = false;
  std::optional<std::string> status;
  std::optional<std::string> unit;
  std::optional<std::string> category;
  Format format = Format::text;
  bool reveal = false;
};

std::string text_of(Msg id) { return std::string(message_text(id, language())); }

std::string yes_no(bool value) { return text_of(value ? Msg::word_yes : Msg::word_no); }

std::string shown_phone(const std::string& phone, bool reveal) {
  if (phone.empty() || reveal) return phone;
  return people::mask_phone(phone);
}

std::string category_name(const config::Catalogue& catalogue, const std::string& id) {
  const auto* c = catalogue.find_category(id);
  if (!c) return id;
  return language() == Lang::en && !c->name_en.empty() ? c->name_en : c->name;
}

/// `--category` as a category id: an id, a name, or a service's name, as imports read them.
std::string category_id(const std::string& text, const config::Catalogue& catalogue) {
  import::CategoryMatcher matcher(catalogue);
  if (auto id = matcher.match(text)) return *id;
  if (auto nearest = matcher.nearest(text)) throw UsageError(tr(Msg::lists_unknown_category_suggest, text, *nearest));
  throw UsageError(tr(Msg::lists_unknown_category, text,
                      text::join(matcher.names(), message_text(Msg::rhythm_list_separator, language()))));
}

std::string json_or_null(const std::optional<std::string>& value) { return value ? json::quote(*value) : "null"; }

template <typename Int>
std::string number_or_null(const std::optional<Int>& value) {
  return value ? std::to_string(*value) : "null";
}

std::string json_location(const std::optional<lists::Coordinates>& at) {
  return at ? fmt::format("{{\"lat\": {}, \"lon\": {}}}", at->lat, at->lon) : "null";
}

void print_json(const std::vector<std::string>& items) {
  fmt::print("[{}{}{}]\n", items.empty() ? "" : "\n", text::join(items, ",\n"), items.empty() ? "" : "\n");
}

void print_table(const std::vector<Msg>& header_ids, const std::vector<std::vector<std::string>>& rows, Format format,
                 Msg count_id) {
  std::vector<std::string> headers;
  for (auto id : header_ids) headers.push_back(text_of(id));
  if (format == Format::csv) {
    fmt::print("{}", table::render_csv(headers, rows));
    return;
  }
  fmt::print("{}", table::render_text(headers, rows));
  fmt::print("{}\n", tr(count_id, rows.size()));
}

// ─── needs ───────────────────────────────────────────────────────────────────────

std::string vulnerability_cell(const lists::Need& n) {
  if (!n.vulnerable) return "";
  return n.vulnerability.empty() ? yes_no(true) : n.vulnerability;
}

std::string micro_wish_cell(const lists::Need& n) {
  if (!n.micro_wish) return "";
  if (!n.value_fen) return yes_no(true);
  return tr(Msg::lists_micro_wish_value, lists::display_money(*n.value_fen));
}

std::string need_json(const lists::Need& n, bool reveal) {
  return fmt::format(
      "{{\"code\": {}, \"requester\": {}, \"requester_kind\": {}, \"phone\": {}, \"compound\": {}, \"address\": {}, "
      "\"location\": {}, \"category\": {}, \"description\": {}, \"people\": {}, \"deadline\": {}, \"vulnerable\": {}, "
      "\"vulnerability\": {}, \"micro_wish\": {}, \"value_fen\": {}, \"wanted\": {}, \"status\": {}, \"note\": {}}}",
      json_or_null(n.code.empty() ? std::nullopt : std::optional(n.code)), json::quote(n.requester),
      json::quote(lists::to_string(n.requester_kind)),
      json_or_null(n.phone.empty() ? std::nullopt : std::optional(shown_phone(n.phone, reveal))), json::quote(n.compound),
      json::quote(n.address), json_location(n.location), json::quote(n.category), json::quote(n.description), n.people,
      json_or_null(n.deadline ? std::optional(format_date(*n.deadline)) : std::nullopt), n.vulnerable ? "true" : "false",
      json::quote(n.vulnerability), n.micro_wish ? "true" : "false", number_or_null(n.value_fen), n.wanted,
      json::quote(lists::to_string(n.status)), json::quote(n.note));
}

int list_needs(const MatchCommand& options, Context& context) {
  if (options.unit) throw UsageError(tr(Msg::match_unit_resources_only));
  const auto& catalogue = context.config->catalogue;
  lists::NeedFilter filter;
  if (options.status) {
    filter.status = lists::parse_need_status(*options.status);
    if (!filter.status) throw UsageError(tr(Msg::match_bad_status, *options.status));
  }
  if (options.category) filter.category = category_id(*options.category, catalogue);
  auto needs = lists::Store(context.database->sql()).needs(filter);
  if (options.format == Format::json) {
    std::vector<std::string> items;
    for (const auto& n : needs) items.push_back("  " + need_json(n, options.reveal));
    print_json(items);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& n : needs) {
    rows.push_back({n.code, n.requester, lists::display(n.requester_kind), shown_phone(n.phone, options.reveal),
                    n.compound, category_name(catalogue, n.category), n.description, std::to_string(n.people),
                    n.deadline ? format_date(*n.deadline) : "", vulnerability_cell(n), micro_wish_cell(n),
                    lists::display(n.status)});
  }
  print_table({Msg::field_code, Msg::field_requester, Msg::field_kind, Msg::field_phone, Msg::field_compound,
               Msg::field_category, Msg::field_description, Msg::field_people, Msg::field_deadline,
               Msg::field_vulnerable, Msg::field_micro_wish, Msg::field_status},
              rows, options.format, Msg::needs_count);
  return 0;
}

// ─── resources ───────────────────────────────────────────────────────────────────

std::string resource_json(const lists::Resource& r, bool reveal) {
  return fmt::format(
      "{{\"code\": {}, \"provider\": {}, \"provider_kind\": {}, \"unit\": {}, \"contact\": {}, \"phone\": {}, "
      "\"category\": {}, \"description\": {}, \"address\": {}, \"location\": {}, \"radius_m\": {}, \"capacity\": {}, "
      "\"period\": {}, \"cost_fen\": {}, \"note\": {}}}",
      json_or_null(r.code.empty() ? std::nullopt : std::optional(r.code)), json::quote(r.provider),
      json::quote(lists::to_string(r.provider_kind)), json::quote(r.unit), json::quote(r.contact),
      json_or_null(r.phone.empty() ? std::nullopt : std::optional(shown_phone(r.phone, reveal))), json::quote(r.category),
      json::quote(r.description), json::quote(r.address), json_location(r.location), number_or_null(r.radius_m),
      r.capacity, json_or_null(r.period.empty() ? std::nullopt : std::optional(r.period)), number_or_null(r.cost_fen),
      json::quote(r.note));
}

int list_resources(const MatchCommand& options, Context& context) {
  if (options.status) throw UsageError(tr(Msg::match_status_needs_only));
  const auto& catalogue = context.config->catalogue;
  lists::ResourceFilter filter;
  if (options.unit) filter.unit = *options.unit;
  if (options.category) filter.category = category_id(*options.category, catalogue);
  auto resources = lists::Store(context.database->sql()).resources(filter);
  if (options.format == Format::json) {
    std::vector<std::string> items;
    for (const auto& r : resources) items.push_back("  " + resource_json(r, options.reveal));
    print_json(items);
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : resources) {
    rows.push_back({r.code, r.provider, lists::display(r.provider_kind), r.contact, shown_phone(r.phone, options.reveal),
                    category_name(catalogue, r.category), r.description, lists::display_radius(r.radius_m),
                    std::to_string(r.capacity), r.period, r.cost_fen ? lists::display_money(*r.cost_fen) : ""});
  }
  print_table({Msg::field_code, Msg::field_provider, Msg::field_kind, Msg::field_contact, Msg::field_phone,
               Msg::field_category, Msg::field_description, Msg::field_radius, Msg::field_capacity, Msg::field_period,
               Msg::field_cost},
              rows, options.format, Msg::resources_count);
  return 0;
}

// ─── adding by hand ──────────────────────────────────────────────────────────────

std::optional<lists::Coordinates> coordinates_of(const AddOptions& a) {
  if (!a.lat && !a.lon) return std::nullopt;
  if (!a.lat || !a.lon) throw UsageError(text_of(Msg::match_add_both_coordinates));
  if (std::abs(*a.lat) > 90) throw UsageError(text_of(Msg::bad_latitude));
  if (std::abs(*a.lon) > 180) throw UsageError(text_of(Msg::bad_longitude));
  return lists::Coordinates{*a.lat, *a.lon};
}

std::string phone_of(const AddOptions& a) {
  if (a.phone.empty()) return "";
  auto phone = people::normalize_phone(a.phone);
  if (!phone) throw UsageError(tr(Msg::match_add_bad_phone, a.phone));
  return *phone;
}

template <typename Kind>
Kind kind_of(const std::string& word, std::optional<Kind> (*parse)(std::string_view), Kind fallback) {
  if (word.empty()) return fallback;
  if (auto kind = parse(word)) return *kind;
  throw UsageError(tr(Msg::match_add_bad_kind, word));
}

int add_need(const MatchCommand& options, Context& context) {
  const auto& a = options.add;
  lists::Need n;
  n.code = text::clean(a.code);
  n.requester = text::clean(a.who);
  n.requester_kind = kind_of(a.kind, lists::parse_requester_kind, lists::RequesterKind::resident);
  n.phone = phone_of(a);
  n.compound = text::clean(a.compound);
  n.address = text::clean(a.address);
  n.location = coordinates_of(a);
  n.category = category_id(a.category, context.config->catalogue);
  n.description = text::clean_prose(a.description);
  n.people = a.people.value_or(1);
  if (!a.deadline.empty()) {
    n.deadline = import::parse_loose_date(a.deadline);
    if (!n.deadline) throw UsageError(tr(Msg::toml_bad_date, a.deadline));
  }
  n.vulnerable = !a.vulnerable.empty();
  n.vulnerability = text::clean(a.vulnerable);
  n.micro_wish = a.micro_wish;
  if (!a.value.empty()) {
    n.value_fen = import::parse_money_fen(a.value);
    if (!n.value_fen) throw UsageError(tr(Msg::match_add_bad_money, a.value));
  }
  n.wanted = a.wanted.value_or(1);
  n.note = text::clean_prose(a.note);
  lists::Store store(context.database->sql());
  if (!n.code.empty() && store.find_need_by_code(n.code)) throw InputError(tr(Msg::match_add_code_taken, n.code));
  auto id = store.insert(n, context.now);
  fmt::print("{}\n", tr(Msg::match_need_added, id, n.requester, n.description));
  return 0;
}

int add_resource(const MatchCommand& options, Context& context) {
  const auto& a = options.add;
  lists::Resource r;
  r.code = text::clean(a.code);
  r.provider = text::clean(a.who);
  r.provider_kind = kind_of(a.kind, lists::parse_provider_kind, lists::ProviderKind::unit);
  r.unit = a.unit.empty() && r.provider_kind == lists::ProviderKind::unit ? r.provider : text::clean(a.unit);
  r.contact = text::clean(a.contact);
  r.phone = phone_of(a);
  r.category = category_id(a.category, context.config->catalogue);
  r.description = text::clean_prose(a.description);
  r.location = coordinates_of(a);
  r.address = text::clean(a.address);
  if (!a.radius.empty()) {
    auto radius = import::parse_radius(a.radius);
    if (!radius) throw UsageError(tr(Msg::match_add_bad_radius, a.radius));
    if (!radius->anywhere) r.radius_m = radius->metres;
  }
  r.capacity = a.capacity.value_or(1);
  r.period = import::normalize_period(a.period);
  if (!a.cost.empty()) {
    r.cost_fen = import::parse_money_fen(a.cost);
    if (!r.cost_fen) throw UsageError(tr(Msg::match_add_bad_money, a.cost));
  }
  r.note = text::clean_prose(a.note);
  lists::Store store(context.database->sql());
  if (!r.code.empty() && store.find_resource_by_code(r.code)) throw InputError(tr(Msg::match_add_code_taken, r.code));
  auto id = store.insert(r, context.now);
  fmt::print("{}\n", tr(Msg::match_resource_added, id, r.provider, r.description));
  return 0;
}

// ─── projects ────────────────────────────────────────────────────────────────────


std::string distance_text(const std::optional<int>& metres) {
  if (!metres) return "";
  return *metres < 1000 ? tr(Msg::match_metres, *metres) : tr(Msg::match_kilometres, fmt::format("{:.1f}", *metres / 1000.0));
}

std::string need_label(const lists::Need& n) {
  auto label = n.code.empty() ? "#" + std::to_string(n.id) : n.code;
  return label + " " + n.requester;
}

int run_match(const MatchCommand& options, Context& context) {
  auto report = match::run_matching(context.database->sql(), context.today, context.now, who_enters(options.by),
                                    options.dry_run);
  const auto& catalogue = context.config->catalogue;
  lists::Store store(context.database->sql());
  std::map<std::int64_t, lists::Need> needs;
  for (auto& n : store.needs({})) needs.emplace(n.id, std::move(n));
  std::map<std::int64_t, lists::Resource> resources;
  for (auto& r : store.resources({})) resources.emplace(r.id, std::move(r));
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < report.plan.proposals.size(); ++i) {
    const auto& p = report.plan.proposals[i];
    const auto& n = needs.at(p.need);
    rows.push_back({options.dry_run ? "" : std::to_string(report.projects[i]), need_label(n), vulnerability_cell(n),
                    category_name(catalogue, n.category), n.description, resources.at(p.resource).provider,
                    distance_text(p.distance_m)});
  }
  if (!rows.empty()) {
    std::vector<std::string> headers;
    for (auto id : {Msg::match_project, Msg::field_requester, Msg::field_vulnerable, Msg::field_category,
                    Msg::field_description, Msg::field_provider, Msg::match_distance}) {
      headers.push_back(text_of(id));
    }
    fmt::print("{}", table::render_text(headers, rows));
  }
  fmt::print("{}\n", tr(Msg::match_run_summary, report.open_needs, report.plan.proposals.size(),
                        report.plan.vulnerable_served, fmt::format("{:.1f}", static_cast<double>(report.plan.total_distance_m) / 1000.0)));
  if (!report.plan.gaps.empty()) fmt::print("{}\n", tr(Msg::match_run_gaps, report.plan.gaps.size()));
  if (options.dry_run) fmt::print("{}\n", text_of(Msg::import_dry_run));
  return 0;
}

std::string gap_reason(const match::Gap& gap, const lists::Need& need,
                       const std::map<std::int64_t, lists::Resource>& resources) {
  switch (gap.reason) {
    case match::GapReason::deadline_passed: return text_of(Msg::gap_deadline_passed);
    case match::GapReason::no_resource: return text_of(Msg::gap_no_resource);
    case match::GapReason::no_location: return text_of(Msg::gap_no_location);
    case match::GapReason::all_full: return text_of(Msg::gap_all_full);
    case match::GapReason::refused: return text_of(Msg::gap_refused);
    case match::GapReason::few_in_reach: return tr(Msg::gap_few_in_reach, gap.in_reach, need.wanted);
    case match::GapReason::too_far: break;
  }
  const auto& nearest = resources.at(*gap.nearest);
  return tr(Msg::gap_too_far, nearest.provider, distance_text(gap.nearest_m), lists::display_radius(nearest.radius_m));
}

int run_gaps(const MatchCommand& options, Context& context) {
  auto& db = context.database->sql();
  auto [open, free] = match::load_pool(db, context.today);
  auto plan = match::plan_matches(open, free, context.today);
  const auto& catalogue = context.config->catalogue;
  std::map<std::int64_t, lists::Need> needs;
  for (auto& n : open) needs.emplace(n.need.id, n.need);
  std::map<std::int64_t, lists::Resource> resources;
  for (auto& r : free) resources.emplace(r.resource.id, r.resource);
  std::vector<std::vector<std::string>> rows;
  for (const auto& g : plan.gaps) {
    const auto& n = needs.at(g.need);
    rows.push_back({need_label(n), vulnerability_cell(n), category_name(catalogue, n.category), n.description,
                    std::to_string(g.missing), gap_reason(g, n, resources)});
  }
  std::vector<std::string> headers;
  for (auto id : {Msg::field_requester, Msg::field_vulnerable, Msg::field_category, Msg::field_description,
                  Msg::match_missing, Msg::match_reason}) {
    headers.push_back(text_of(id));
  }
  if (options.format == Format::json) {
    fmt::print("{}", json::render_objects({"need", "vulnerable", "category", "description", "missing", "reason"}, rows, {4}));
    return 0;
  }
  if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(headers, rows));
    return 0;
  }
  if (rows.empty()) {
    fmt::print("{}\n", text_of(Msg::gap_none));
  } else {
    fmt::print("{}", table::render_text(headers, rows));
  }
  for (const auto& s : plan.shortages) {
    fmt::print("{}\n", tr(Msg::gap_shortage, category_name(catalogue, s.category), s.wanted, s.room));
  }
  return 0;
}

std::vector<std::string> project_row(const match::Project& p, const config::Catalogue& catalogue, const Date& today) {
  auto status = match::display(p.status);
  if (match::overdue(p, today)) status += text_of(Msg::project_overdue_mark);
  return {std::to_string(p.id),  p.need_requester, p.vulnerable ? "★" : "", category_name(catalogue, p.need_category),
          p.need_description,    p.unit,           status,                  p.deadline ? format_date(*p.deadline) : "",
          p.satisfaction ? std::to_string(*p.satisfaction) : ""};
}

int list_projects(const MatchCommand& options, Context& context) {
  match::ProjectFilter filter;
  if (options.status) {
    auto status = match::parse_project_status(*options.status);
    if (!status) throw UsageError(tr(Msg::project_unknown_status, *options.status));
    filter.status = *status;
  }
  if (options.unit) filter.unit = *options.unit;
  filter.overdue_only = options.overdue;
  auto today = context.today;
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : match::ProjectStore(context.database->sql()).list(filter, today)) {
    rows.push_back(project_row(p, context.config->catalogue, today));
  }
  if (options.format == Format::json) {
    fmt::print("{}", json::render_objects({"project", "requester", "vulnerable", "category", "description", "unit", "status",
                                           "deadline", "satisfaction"},
                                          rows, {0, 8}));
    return 0;
  }
  print_table({Msg::match_project, Msg::field_requester, Msg::field_vulnerable, Msg::field_category,
               Msg::field_description, Msg::field_unit, Msg::field_status, Msg::field_deadline, Msg::record_satisfaction},
              rows, options.format, Msg::projects_count);
  return 0;
}

int move_project(const MatchCommand& options, Context& context, match::ProjectStatus to) {
  match::TransitionDetails details;
  details.by = who_enters(options.by);
  details.note = to == match::ProjectStatus::reviewed ? options.comment : options.note;
  details.people_served = options.people;
  details.satisfaction = options.satisfaction;
  if (to == match::ProjectStatus::done) {
    details.done_on = context.today;
    if (!options.date.empty()) {
      details.done_on = parse_date(options.date);
      if (!details.done_on) throw UsageError(tr(Msg::toml_bad_date, options.date));
    }
    for (const auto& list : options.volunteers) {
      for (const auto& who : import::split_list(list)) details.volunteers.push_back(find_volunteer(context, who));
    }
  }
  auto& db = context.database->sql();
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  auto project = match::ProjectStore(db).transition(options.project, to, details, context.now);
  transaction.commit();
  fmt::print("{}\n", tr(Msg::project_moved, project.id, project.need_requester, match::display(project.status)));
  return 0;
}

int show_project(const MatchCommand& options, Context& context) {
  match::ProjectStore store(context.database->sql());
  auto project = store.find(options.project);
  if (!project) throw InputError(tr(Msg::project_not_found, options.project));
  auto today = context.today;
  auto row = project_row(*project, context.config->catalogue, today);
  fmt::print("{}\n", tr(Msg::project_heading, project->id, project->need_requester, project->need_description,
                        project->resource_provider, row[6]));
  if (!project->delivered.empty()) fmt::print("{}\n", tr(Msg::project_delivered_line, project->delivered));
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : store.events(project->id)) {
    rows.push_back({e.at, e.from ? match::display(*e.from) + " → " + match::display(e.to) : match::display(e.to), e.by, e.note});
  }
  std::vector<std::string> headers;
  for (auto id : {Msg::project_when, Msg::field_status, Msg::points_by, Msg::field_note}) headers.push_back(text_of(id));
  fmt::print("{}", table::render_text(headers, rows));
  return 0;
}

}  // namespace

void define_match(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<MatchCommand>();
  auto* list = command.add_subcommand("list", "List the needs, the resources or the projects");
  list->add_option("what", options->what, "needs, resources or projects")
      ->required()
      ->check(CLI::IsMember({"needs", "resources", "projects"}));
  list->add_option("--status", options->status,
                   "Needs: open, matched, done, cancelled; projects: proposed, claimed, in_progress, done, reviewed, "
                   "declined, unmatched, cancelled");
  list->add_option("--unit", options->unit, "Resources and projects: those whose unit's or provider's name contains this");
  list->add_option("--category", options->category, "Only this category (an id, a name, or a service's name)");
  list->add_flag("--overdue", options->overdue, "Projects only: those claimed past their need's deadline");
  add_format_option(*list, options->format, {Format::text, Format::json, Format::csv});
  add_reveal_option(*list, options->reveal);

  auto* add = command.add_subcommand("add", "Add a need or a resource by hand");
  add->require_subcommand(1);
  auto* add_need_command = add->add_subcommand("need", "Add a need (a micro-wish too) to the needs list");
  auto* add_resource_command = add->add_subcommand("resource", "Add a resource to the resources list");
  auto& a = options->add;
  for (auto* sub : {add_need_command, add_resource_command}) {
    bool need = sub == add_need_command;
    sub->add_option(need ? "--requester" : "--provider", a.who,
                    need ? "Who asks: a resident, household, compound or community" : "Who offers: a unit or a volunteer")
        ->required();
    sub->add_option("--category", a.category, "The category (an id, a name, or a service's name)")->required();
    sub->add_option("--description", a.description, "What is asked or offered")->required();
    sub->add_option("--kind", a.kind, need ? "resident, household, compound or community" : "unit or volunteer")
        ->type_name(need ? "resident|household|compound|community" : "unit|volunteer");
    sub->add_option("--code", a.code, "Its number in the list (编号)");
    sub->add_option("--phone", a.phone, "A mobile number");
    sub->add_option("--address", a.address, "The address");
    sub->add_option("--lat", a.lat, "Latitude (WGS-84)");
    sub->add_option("--lon", a.lon, "Longitude (WGS-84)");
    sub->add_option("--note", a.note, "A note");
  }
  add_need_command->add_option("--compound", a.compound, "The residential compound (小区)");
  add_need_command->add_option("--people", a.people, "How many people it serves")->check(CLI::PositiveNumber);
  add_need_command->add_option("--deadline", a.deadline, "By when (YYYY-MM-DD)");
  add_need_command->add_option("--vulnerable", a.vulnerable, "The vulnerable group: 孤老, 独居老人, 残疾, 低保, 困难家庭 …");
  add_need_command->add_flag("--micro-wish", a.micro_wish, "A micro-wish (微心愿) of one vulnerable resident");
  add_need_command->add_option("--value", a.value, "A micro-wish's value, e.g. 150元");
  add_need_command->add_option("--wanted", a.wanted, "How many resources it asks for")->check(CLI::PositiveNumber);
  add_resource_command->add_option("--unit", a.unit, "The unit (a volunteer's employer)");
  add_resource_command->add_option("--contact", a.contact, "The contact person");
  add_resource_command->add_option("--radius", a.radius, "How far it reaches: 500米, 1.5公里, 全街道");
  add_resource_command->add_option("--capacity", a.capacity, "How many needs it can take")->check(CLI::PositiveNumber);
  add_resource_command->add_option("--period", a.period, "In what period, e.g. 2026Q4");
  add_resource_command->add_option("--cost", a.cost, "Its cost: 免费, 50元");

  auto* run = command.add_subcommand("run", "Match all open needs to resources at once, optimally; propose projects");
  run->add_flag("--dry-run", options->dry_run, "Show the proposals; write nothing");
  add_by_option(*run, options->by);
  auto* gaps = command.add_subcommand("gaps", "Needs that cannot be matched and why; categories short of resources");
  add_format_option(*gaps, options->format, {Format::text, Format::json, Format::csv});

  struct Move {
    const char* name;
    const char* help;
    match::ProjectStatus to;
  };
  static const Move moves[] = {
      {"claim", "A unit takes on a proposed project (领办)", match::ProjectStatus::claimed},
      {"start", "Work on a claimed project has begun", match::ProjectStatus::in_progress},
      {"done", "A project is done: what was delivered, when, to how many", match::ProjectStatus::done},
      {"review", "The resident's or community's satisfaction with a project done (1-5)", match::ProjectStatus::reviewed},
      {"decline", "The unit declines a proposed project; the need goes back to the pool", match::ProjectStatus::declined},
      {"unmatch", "Give a claimed project back; the need goes back to the pool", match::ProjectStatus::unmatched},
      {"cancel", "Cancel a project", match::ProjectStatus::cancelled},
  };
  std::vector<std::pair<CLI::App*, match::ProjectStatus>> movers;
  for (const auto& move : moves) {
    auto* sub = command.add_subcommand(move.name, move.help);
    sub->add_option("project", options->project, "The project's number")->required();
    add_by_option(*sub, options->by);
    switch (move.to) {
      case match::ProjectStatus::done:
        sub->add_option("--delivered", options->note, "What was delivered")->required();
        sub->add_option("--date", options->date, "The day it was done (default: today)");
        sub->add_option("--people", options->people, "People served")->check(CLI::NonNegativeNumber);
        sub->add_option("--volunteers", options->volunteers, "The volunteers who served (names or phones): they earn project_done points");
        break;
      case match::ProjectStatus::reviewed:
        sub->add_option("--satisfaction", options->satisfaction, "1 to 5")->required()->check(CLI::Range(1, 5));
        sub->add_option("--comment", options->comment, "What the resident or community said");
        break;
      case match::ProjectStatus::declined:
      case match::ProjectStatus::unmatched:
      case match::ProjectStatus::cancelled:
        sub->add_option("--reason", options->note, "Why")->required();
        break;
      default:
        break;
    }
    movers.emplace_back(sub, move.to);
  }
  auto* show = command.add_subcommand("show", "A project and every change of its status");
  show->add_option("project", options->project, "The project's number")->required();

  action = [options, add_need_command, add_resource_command, run, gaps, show, movers](Context& context) {
    if (add_need_command->parsed()) return add_need(*options, context);
    if (add_resource_command->parsed()) return add_resource(*options, context);
    if (run->parsed()) return run_match(*options, context);
    if (gaps->parsed()) return run_gaps(*options, context);
    if (show->parsed()) return show_project(*options, context);
    for (const auto& [sub, to] : movers) {
      if (sub->parsed()) return move_project(*options, context, to);
    }
    if (options->what == "projects") return list_projects(*options, context);
    return options->what == "needs" ? list_needs(*options, context) : list_resources(*options, context);
  };
}

}  // namespace kangle::cli
