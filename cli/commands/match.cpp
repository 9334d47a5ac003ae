// SPDX-License-Identifier: Apache-2.0
// kangle match list needs|resources|projects [--status S] [--unit U] [--category C] [--overdue] [--format F]
// kangle match run [--dry-run]          kangle match gaps [--format F]
// kangle match claim|start ID           kangle match done ID --delivered T [--date D] [--people N] [--volunteers A,B]
// kangle match review ID --satisfaction N [--comment C]
// kangle match decline|unmatch ID --reason R                 kangle match show ID
// kangle match cancel ID --reason R [--reopen-need|--close-need]
// kangle match close NEED --reason R
// kangle match set need|resource CODE --phone P --lat A --lon B --deadline D --capacity N --period P …
// kangle match add need|resource --requester|--provider W --category C --description D …
#include <memory>

#include "../commands.hpp"
#include "match/documents.hpp"

namespace kangle::cli {
namespace {

Leaf match_list_leaf() {
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
                           "Needs: open, matched, done, cancelled, closed; projects: proposed, claimed, in_progress, done, "
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

/// The details of a need or a resource a coordinator may give at once or fill in later
/// (`match add` and `match set` both take them).
void add_detail_options(CLI::App& sub, import::HandEntry& e, bool need) {
  sub.add_option("--service", e.services,
                 need ? "A service asked for (an id or a name; repeatable)" : "A service offered (an id or a name; repeatable)");
  sub.add_option("--phone", e.phone, need ? "A mobile or landline number (64001234, 021-64001234)" : "A mobile number");
  sub.add_option("--address", e.address, "The address");
  sub.add_option("--lat", e.lat, "Latitude (WGS-84)");
  sub.add_option("--lon", e.lon, "Longitude (WGS-84)");
  sub.add_option("--note", e.note, "A note");
  if (need) {
    sub.add_option("--compound", e.compound, "The residential compound (小区)");
    sub.add_option("--people", e.people, "How many people it serves")->check(CLI::PositiveNumber);
    sub.add_option("--deadline", e.deadline, "By when (YYYY-MM-DD)");
    sub.add_option("--vulnerable", e.vulnerable, "The vulnerable group: 孤老, 独居老人, 残疾, 低保, 困难家庭 …");
    sub.add_option("--value", e.value, "A micro-wish's value, e.g. 150元");
    sub.add_option("--wanted", e.wanted, "How many resources it asks for (from different donors)")->check(CLI::PositiveNumber);
    return;
  }
  sub.add_option("--unit", e.unit, "The unit (a volunteer's employer)");
  sub.add_option("--contact", e.contact, "The contact person");
  sub.add_option("--radius", e.radius, "How far it reaches: 500米, 1.5公里, 0 (its own place only), 全街道");
  sub.add_option("--capacity", e.capacity, "How many needs it can take in each period")->check(CLI::PositiveNumber);
  sub.add_option("--period", e.period, "When it serves: 2026Q4, 2026-12, 每周二, 每月, 长期, 2026-12-01至2027-02-28");
  sub.add_option("--cost", e.cost, "Its cost: 免费, 50元");
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
            sub.add_option("--kind", e->kind, need ? "resident, household, compound or community" : "unit or volunteer")
                ->type_name(need ? "resident|household|compound|community" : "unit|volunteer");
            sub.add_option("--code", e->code, "Its number in the list (编号)");
            add_detail_options(sub, *e, need);
            if (need) {
              sub.add_flag("--micro-wish", e->micro_wish, "A micro-wish (微心愿) of one vulnerable resident");
              return [e](Context& context) -> Outcome {
                return {match::add_need(context.database->sql(), *context.config, *e, context.now, context.lang)};
              };
            }
            return [e](Context& context) -> Outcome {
              return {match::add_resource(context.database->sql(), *context.config, *e, context.now, context.lang)};
            };
          }};
}

/// `match set need|resource CODE --field value …`: details filled in later.
Leaf set_leaf(bool need) {
  return {need ? "need" : "resource",
          need ? "Change a need's details, found by its code or number" : "Change a resource's details, found by its code or number",
          {Format::text, Format::json},
          [need](CLI::App& sub) -> Run {
            auto e = std::make_shared<import::HandEntry>();
            auto ref = std::make_shared<std::string>();
            sub.add_option(need ? "need" : "resource", *ref, "Its code (编号, e.g. XQ-003) or number")->required();
            sub.add_option("--description", e->description, "What is asked or offered");
            add_detail_options(sub, *e, need);
            return [e, ref, need](Context& context) -> Outcome {
              auto& db = context.database->sql();
              if (need) return {match::set_need(db, *context.config, *ref, *e, context.now, context.lang)};
              return {match::set_resource(db, *context.config, *ref, *e, context.now, context.lang)};
            };
          }};
}

Leaf close_leaf() {
  return {"close", "Close a need (solved elsewhere, moved away, withdrawn): it is never proposed again",
          {Format::text, Format::json}, [](CLI::App& sub) -> Run {
            struct Options {
              std::string need, reason, by;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("need", options->need, "The need's code (XQ-003) or number")->required();
            sub.add_option("--reason", options->reason, "Why: solved elsewhere, moved away, withdrawn …")->required();
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              return {match::close_need_document(context.database->sql(), options->need, options->reason,
                                                 who_enters(options->by), context.now, context.lang)};
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
              auto run = match::run_document(context.database->sql(), *context.config, context.today, context.now,
                                             who_enters(options->by), options->dry_run, context.lang);
              return {std::move(run.document), 0, std::move(run.stored)};
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

Leaf match_show_leaf() {
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
              case match::ProjectStatus::cancelled: {
                sub.add_option("--reason", move->note, "Why")->required();
                auto* reopen = sub.add_flag_callback(
                    "--reopen-need", [move] { move->need_after = match::NeedAfterCancel::reopen; },
                    "The need goes back to the pool and is proposed again");
                auto* close = sub.add_flag_callback(
                    "--close-need", [move] { move->need_after = match::NeedAfterCancel::close; },
                    "The need is closed with this reason (as match close does)");
                reopen->excludes(close);
                break;
              }
              case match::ProjectStatus::declined:
              case match::ProjectStatus::unmatched:
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
  auto* set = command.add_subcommand("set", "Change a need's or a resource's details by its code");
  auto set_action = std::make_shared<Action>();
  define_leaves(*set, *set_action, {set_leaf(true), set_leaf(false)});
  Action leaves_action;
  define_leaves(command, leaves_action,
                {match_list_leaf(), run_leaf(), gaps_leaf(),
                 move_leaf("claim", "A unit takes on a proposed project (领办)", S::claimed),
                 move_leaf("start", "Work on a claimed project has begun", S::in_progress),
                 move_leaf("done", "A project is done: what was delivered, when, to how many", S::done),
                 move_leaf("review", "The resident's or community's satisfaction with a project done (1-5)", S::reviewed),
                 move_leaf("decline", "The unit declines a proposed project; the need goes back to the pool", S::declined),
                 move_leaf("unmatch", "Give a claimed project back; the need goes back to the pool", S::unmatched),
                 move_leaf("cancel", "Cancel a project; say what becomes of its need (--reopen-need or --close-need)",
                           S::cancelled),
                 close_leaf(), match_show_leaf()});
  action = [add, add_action, set, set_action, leaves_action](Context& context) {
    if (add->parsed()) return (*add_action)(context);
    return set->parsed() ? (*set_action)(context) : leaves_action(context);
  };
}

}  // namespace kangle::cli
