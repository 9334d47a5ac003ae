// SPDX-License-Identifier: Apache-2.0
// kangle points award [--month M] [--dry-run] [--rules-changed]
// kangle points adjust PERSON N --reason R        kangle points redeem PERSON N --for ITEM
// kangle points reverse ENTRY --reason R          kangle points balance [PERSON]
// kangle points history PERSON                    kangle points verify [--full] [--expect HASH]
// kangle points board (--month M | --quarter Q | --year Y) [--top N]
// kangle points stars --year Y
// Listings take --format text|json|csv|md|html|xlsx and -o FILE; the others text|json.
#include <memory>

#include "../commands.hpp"
#include "points/documents.hpp"

namespace kangle::cli {
namespace {

points::Actor actor_of(const std::string& by, const Context& context) {
  return {who_enters(by), context.now, context.today, context.lang, context.config->settings.timezone};
}

void add_person(CLI::App& sub, std::string& person) {
  sub.add_option("person", person, "The volunteer (a name or phone number)")->required()->type_name("PERSON");
}

Leaf award() {
  return {"award", "Award the points the rules earn for the service records (safe to rerun)", message_formats,
          [](CLI::App& sub) -> Run {
            struct Options {
              std::string month, by;
              bool dry_run = false, rules_changed = false;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("--month", options->month, "Only the records of this month, e.g. 2026-12")->type_name("YYYY-MM");
            sub.add_flag("--dry-run", options->dry_run, "Show what would be awarded; write nothing");
            sub.add_flag("--rules-changed", options->rules_changed, "List awards that today's rules would make differently");
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              auto& db = context.database->sql();
              if (options->rules_changed) return {points::rules_changed_document(db, *context.config, options->month, context.lang)};
              return {points::award_document(db, *context.config, options->month, actor_of(options->by, context),
                                             options->dry_run)};
            };
          }};
}

Leaf adjust() {
  return {"adjust", "Add or take away points by hand, with a reason", message_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string person, amount, reason, by;
            };
            auto options = std::make_shared<Options>();
            add_person(sub, options->person);
            sub.add_option("points", options->amount, "+N or -N")->required()->allow_extra_args(false);
            sub.add_option("--reason", options->reason, "Why, for the volunteer to read")->required();
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              return {points::adjust_document(context.database->sql(), options->person,
                                              points::parse_points(options->amount), options->reason,
                                              actor_of(options->by, context))};
            };
          }};
}

Leaf redeem() {
  return {"redeem", "Spend points on an item of points.toml", message_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string person, amount, item, by;
            };
            auto options = std::make_shared<Options>();
            add_person(sub, options->person);
            sub.add_option("points", options->amount, "The points spent")->required();
            sub.add_option("--for", options->item, "The item, as points.toml names it")->required();
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              return {points::redeem_document(context.database->sql(), *context.config, options->person,
                                              points::parse_points(options->amount), options->item,
                                              actor_of(options->by, context))};
            };
          }};
}

Leaf reverse() {
  return {"reverse", "Undo a ledger entry with a new entry that says why", message_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::int64_t entry = 0;
              std::string reason, by;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("entry", options->entry, "The entry's number (see `points history`)")->required();
            sub.add_option("--reason", options->reason, "Why")->required();
            add_by_option(sub, options->by);
            return [options](Context& context) -> Outcome {
              return {points::reverse_document(context.database->sql(), options->entry, options->reason,
                                               actor_of(options->by, context))};
            };
          }};
}

Leaf balance() {
  return {"balance", "Points now: one volunteer's, or everyone's", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string person;
              bool reveal = false;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("person", options->person, "Only this volunteer")->type_name("PERSON");
            add_reveal_option(sub, options->reveal);
            return [options](Context& context) -> Outcome {
              auto& db = context.database->sql();
              if (!options->person.empty()) return {points::balance_document(db, options->person, context.lang)};
              return {points::balances_document(db, options->reveal, context.lang)};
            };
          }};
}

Leaf history() {
  return {"history", "A volunteer's points line by line, each with its rule and reason", listing_formats,
          [](CLI::App& sub) -> Run {
            auto person = std::make_shared<std::string>();
            add_person(sub, *person);
            return [person](Context& context) -> Outcome {
              return {points::history_document(context.database->sql(), *context.config, *person, context.lang)};
            };
          }};
}

void add_board_options(CLI::App& sub, points::BoardShown& shown) {
  sub.add_flag("--no-party-mark", shown.no_party_mark, "Do not mark party members");
  add_reveal_option(sub, shown.reveal);
}

Leaf board() {
  return {"board", "The honour board (每月先锋榜) of a month, quarter or year", listing_formats, [](CLI::App& sub) -> Run {
            struct Options {
              std::string month, quarter, year;
              std::optional<int> top;
              points::BoardShown shown;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("--month", options->month, "A month, e.g. 2026-12")->type_name("YYYY-MM");
            sub.add_option("--quarter", options->quarter, "A quarter, e.g. 2026Q4");
            sub.add_option("--year", options->year, "A year, e.g. 2026");
            sub.add_option("--top", options->top, "How many places (default: [board] top in points.toml)")
                ->check(CLI::PositiveNumber);
            add_board_options(sub, options->shown);
            return [options](Context& context) -> Outcome {
              auto period = points::board_period(options->month, options->quarter, options->year);
              return {points::board_document(context.database->sql(), *context.config, period, options->top,
                                             options->shown, context.lang)};
            };
          }};
}

Leaf stars() {
  return {"stars", "The year's star volunteers (志愿服务之星) by points.toml's criteria", listing_formats,
          [](CLI::App& sub) -> Run {
            struct Options {
              std::string year;
              points::BoardShown shown;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("--year", options->year, "The year, e.g. 2026")->required();
            add_board_options(sub, options->shown);
            return [options](Context& context) -> Outcome {
              return {points::stars_document(context.database->sql(), *context.config, options->year, options->shown,
                                             context.lang)};
            };
          }};
}

Leaf verify() {
  return {"verify", "Recompute the ledger's hash chain and every balance, and check its head", message_formats,
          [](CLI::App& sub) -> Run {
            struct Options {
              bool full = false;
              std::optional<std::string> expect;
            };
            auto options = std::make_shared<Options>();
            sub.add_flag("--full", options->full, "Walk the whole chain, not only what follows the last full walk's checkpoint");
            sub.add_option("--expect", options->expect, "A head hash noted earlier: check it is still in the chain");
            return [options](Context& context) -> Outcome {
              auto verified = points::verify_document(context.database->sql(),
                                                      options->full ? points::Walk::full : points::Walk::from_checkpoint,
                                                      options->expect, context.lang);
              return {std::move(verified.document), verified.passed ? 0 : 1};
            };
          }};
}

}  // namespace

void define_points(CLI::App& command, Action& action) {
  define_leaves(command, action, {award(), adjust(), redeem(), reverse(), balance(), history(), board(), stars(), verify()});
}

}  // namespace kangle::cli
