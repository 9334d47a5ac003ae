// SPDX-License-Identifier: Apache-2.0
// kangle match list needs|resources|projects [--status S] [--unit U] [--category C] [--overdue] [--format F]
// kangle match run [--dry-run]          kangle match gaps [--format F]
// kangle match claim|start ID           kangle match done ID --delivered T [--date D] [--people N] [--volunteers A,B]
// kangle match review ID --satisfaction N [--comment C]
// kangle match decline|unmatch|cancel ID --reason R          kangle match show ID
// kangle match add need|resource --requester|--provider W --category C --description D …
#include <memory>

#include "../commands.hpp"
#include "match/documents.hpp"

namespace kangle::cli {
namespace {

Leaf list_leaf() {
  return {"list", "List the needs, the resources or the projects", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string what;
              match::ListQuery query;
            };
            auto options = std::make_shared<Options>();
            auto& q = options->query;
            sub.add_option("what", options->what, "needs, resources or projects")
                ->required()
                ->check(CLI::IsMember({"needs", "resources", "projects"}));
            sub.add_option("--status", q.status,
                           "Needs: open, matched, done, cancelled; projects: proposed, claimed, in_progress, done, "
                           "reviewed, declined, unmatched, cancelled");
            sub.add_option("--unit", q.unit, "Resources and projects: those whose unit's or provider's name contains this");
            sub.add_option("--category", q.category, "Only this category (an id, a name, or a service's name)");
            sub.add_flag("--overdue", q.overdue, "Projects only: those claimed past their need's deadline");
            add_reveal_option(sub, q.reveal);
            return [options](Context& context) -> Outcome {
              return {match::listing(context.database->sql(), *context.config, options->what, options->query,
                                     context.today, context.lang)};
            };
          }};
}

/// `match add need` and `match add resource`: the options both take, and each its own.
Leaf add_leaf(bool need) {
  return {need ? "need" : "resource",
          need ? "Add a need (a micro-wish too) to the needs list" : "Add a resource to the resources list",
          {Format::text, Format::json},
          [need](CLI::App& sub) -> Run {
            auto e = std::make_shared<import::HandEntry>();
            sub.add_option(need ? "--requester" : "--provider", e->who,
                           need ? "Who asks: a resident, household, compound or community" : "Who offers: a unit or a volunteer")
                ->required();
            sub.add_option("--category", e->category, "The category (an id, a name, or a service's name)")->required();
            sub.add_option("--description", e->description, "What is asked or offered")->required();
            sub.add_option("--service", e->services,
                           need ? "A service asked for (an id or a name; repeatable)" : "A service offered (an id or a name; repeatable)");
            sub.add_option("--kind", e->kind, need ? "resident, household, compound or community" : "unit or volunteer")
                ->type_name(need ? "resident|household|compound|community" : "unit|volunteer");
            sub.add_option("--code", e->code, "Its number in the list (编号)");
            sub.add_option("--phone", e->phone, "A mobile number");
            sub.add_option("--address", e->address, "The address");
            sub.add_option("--lat", e->lat, "Latitude (WGS-84)");
            sub.add_option("--lon", e->lon, "Longitude (WGS-84)");
            sub.add_option("--note", e->note, "A note");
            if (need) {
              sub.add_option("--compound", e->compound, "The residential compound (小区)");
              sub.add_option("--people", e->people, "How many people it serves")->check(CLI::PositiveNumber);
              sub.add_option("--deadline", e->deadline, "By when (YYYY-MM-DD)");
              sub.add_option("--vulnerable", e->vulnerable, "The vulnerable group: 孤老, 独居老人, 残疾, 低保, 困难家庭 …");
              sub.add_flag("--micro-wish", e->micro_wish, "A micro-wish (微心愿) of one vulnerable resident");
              sub.add_option("--value", e->value, "A micro-wish's value, e.g. 150元");
              sub.add_option("--wanted", e->wanted, "How many resources it asks for")->check(CLI::PositiveNumber);
              return [e](Context& context) -> Outcome {
                return {match::add_need(context.database->sql(), *context.config, *e, context.now, context.lang)};
              };
            }
            sub.add_option("--unit", e->unit, "The unit (a volunteer's employer)");
            sub.add_option("--contact", e->contact, "The contact person");
            sub.add_option("--radius", e->radius, "How far it reaches: 500米, 1.5公里, 全街道");
            sub.add_option("--capacity", e->capacity, "How many needs it can take")->check(CLI::PositiveNumber);
            sub.add_option("--period", e->period, "In what period, e.g. 2026Q4");
            sub.add_option("--cost", e->cost, "Its cost: 免费, 50元");
            return [e](Context& context) -> Outcome {
              return {match::add_resource(context.database->sql(), *context.config, *e, context.now, context.lang)};
            };
          }};
}

Leaf run_leaf() {
  return {"run", "Match all open needs to resources at once, optimally; propose projects",
          {Format::text, Format::json}, [](CLI::App& sub) -> Run {
            struct Options {
              bool dry_run = false;
              std::string by;
            };
            auto options = std::make_shared<Options>();
            sub.add_flag("--dry-run", options->dry_run, "Show the proposals; write nothing");
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              return {match::run_document(context.database->sql(), *context.config, context.today, context.now,
                                          who_enters(options->by), options->dry_run, context.lang)};
            };
          }};
}

Leaf gaps_leaf() {
  return {"gaps", "Needs that cannot be matched and why; categories short of resources", listing_formats,
          [](CLI::App&) -> Run {
            return [](Context& context) -> Outcome {
              return {match::gaps_document(context.database->sql(), *context.config, context.today, context.lang)};
            };
          }};
}

Leaf show_leaf() {
  return {"show", "A project and every change of its status", listing_formats, [](CLI::App& sub) -> Run {
            auto project = std::make_shared<std::int64_t>(0);
            sub.add_option("project", *project, "The project's number")->required();
            return [project](Context& context) -> Outcome {
              return {match::project_document(context.database->sql(), *context.config, *project, context.today, context.lang)};
            };
          }};
}

/// `match claim|start|done|review|decline|unmatch|cancel ID`: a project moved on.
Leaf move_leaf(const char* name, const char* summary, match::ProjectStatus to) {
  return {name, summary, {Format::text, Format::json}, [to](CLI::App& sub) -> Run {
            auto move = std::make_shared<match::ProjectMove>();
            move->to = to;
            sub.add_option("project", move->project, "The project's number")->required();
            add_by_option(sub, move->by);
            switch (to) {
              case match::ProjectStatus::done:
                sub.add_option("--delivered", move->note, "What was delivered")->required();
                sub.add_option("--date", move->date, "The day it was done (default: today)");
                sub.add_option("--people", move->people, "People served")->check(CLI::NonNegativeNumber);
                sub.add_option("--volunteers", move->volunteers,
                               "The volunteers who served (names or phones): they earn project_done points");
                break;
              case match::ProjectStatus::reviewed:
                sub.add_option("--satisfaction", move->satisfaction, "1 to 5")->required()->check(CLI::Range(1, 5));
                sub.add_option("--comment", move->note, "What the resident or community said");
                break;
              case match::ProjectStatus::declined:
              case match::ProjectStatus::unmatched:
              case match::ProjectStatus::cancelled:
                sub.add_option("--reason", move->note, "Why")->required();
                break;
              default:
                break;
            }
            return [move](Context& context) -> Outcome {
              auto asked = *move;
              asked.by = who_enters(move->by);
              return {match::move_project(context.database->sql(), asked, context.today, context.now, context.lang)};
            };
          }};
}

}  // namespace

void define_match(CLI::App& command, Action& action) {
  using S = match::ProjectStatus;
  // `match add need|resource`: two leaves under one word, dispatched as the others are.
  auto* add = command.add_subcommand("add", "Add a need or a resource by hand");
  auto add_action = std::make_shared<Action>();
  define_leaves(*add, *add_action, {add_leaf(true), add_leaf(false)});
  Action leaves_action;
  define_leaves(command, leaves_action,
                {list_leaf(), run_leaf(), gaps_leaf(),
                 move_leaf("claim", "A unit takes on a proposed project (领办)", S::claimed),
                 move_leaf("start", "Work on a claimed project has begun", S::in_progress),
                 move_leaf("done", "A project is done: what was delivered, when, to how many", S::done),
                 move_leaf("review", "The resident's or community's satisfaction with a project done (1-5)", S::reviewed),
                 move_leaf("decline", "The unit declines a proposed project; the need goes back to the pool", S::declined),
                 move_leaf("unmatch", "Give a claimed project back; the need goes back to the pool", S::unmatched),
                 move_leaf("cancel", "Cancel a project", S::cancelled), show_leaf()});
  action = [add, add_action, leaves_action](Context& context) {
    return add->parsed() ? (*add_action)(context) : leaves_action(context);
  };
}

}  // namespace kangle::cli
