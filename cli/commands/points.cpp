// SPDX-License-Identifier: Apache-2.0
// kangle points award [--month M] [--dry-run] [--rules-changed]
// kangle points adjust PERSON N --reason R        kangle points redeem PERSON N --for ITEM
// kangle points reverse ENTRY --reason R          kangle points balance [PERSON]
// kangle points history PERSON                    kangle points verify [--full] [--expect HASH]
// kangle points board (--month M | --quarter Q | --year Y) [--top N] [--format text|md|html|csv|json] [-o FILE]
// kangle points stars --year Y [--format ...] [-o FILE]
#include <fmt/format.h>

#include <charconv>
#include <memory>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "present/table.hpp"
#include "people/store.hpp"
#include "points/actions.hpp"
#include "points/board.hpp"
#include "points/ledger.hpp"
#include "points/rules.hpp"
#include "records/record.hpp"

namespace kangle::cli {
namespace {

struct PointsCommand {
  std::string person, amount, reason, item, by, month, quarter, year;
  std::int64_t entry = 0;
  std::optional<int> top;
  bool dry_run = false, rules_changed = false, reveal = false, no_party_mark = false, full = false;
  std::optional<std::string> expect;
  Format format = Format::text;
  std::string output;
};

std::string text_of(Msg id) { return std::string(message_text(id, language())); }

std::string signed_points(long points) { return points > 0 ? fmt::format("+{}", points) : std::to_string(points); }

/// `+5`, `-3` or `5`; UsageError otherwise.
int points_option(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  int n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) {
    throw UsageError(tr(Msg::points_bad_number, text));
  }
  return n;
}

points::Actor actor_of(const PointsCommand& options, const Context& context) {
  return {who_enters(options.by), context.now, context.today};
}

std::string name_of(Context& context, std::int64_t volunteer) {
  auto names = people::Store(context.database->sql()).names({volunteer});
  return names.empty() ? std::to_string(volunteer) : names.begin()->second;
}

int run_award(const PointsCommand& options, Context& context) {
  std::optional<Date> from, to;
  if (!options.month.empty()) {
    auto period = parse_period(options.month);
    if (!period || period->kind != Period::Kind::month) throw UsageError(tr(Msg::schedule_bad_month, options.month));
    from = period->first;
    to = period->last;
  }
  auto& db = context.database->sql();
  if (options.rules_changed) {
    auto differences = points::rules_changed(db, *context.config, from, to);
    std::vector<std::string> headers;
    for (auto id : {Msg::rota_date, Msg::field_name, Msg::points_rule, Msg::points_awarded, Msg::points_would_be,
                    Msg::points_reason}) {
      headers.push_back(text_of(id));
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : differences) {
      rows.push_back({format_date(d.date), name_of(context, d.volunteer), points::rule_label(context.config->catalogue, d.rule),
                      std::to_string(d.awarded), std::to_string(d.would_be), d.reason});
    }
    if (!rows.empty()) fmt::print("{}", table::render_text(headers, rows));
    fmt::print("{}\n", rows.empty() ? text_of(Msg::points_rules_same) : tr(Msg::points_rules_differ, rows.size()));
    return 0;
  }
  auto report = points::award(db, *context.config, from, to, actor_of(options, context), options.dry_run);
  fmt::print("{}\n", tr(Msg::points_awarded_summary, report.records, report.entries, report.points));
  if (report.already_awarded > 0) fmt::print("{}\n", tr(Msg::points_already_awarded, report.already_awarded));
  if (options.dry_run) fmt::print("{}\n", text_of(Msg::import_dry_run));
  return 0;
}

int run_adjust(const PointsCommand& options, Context& context) {
  auto volunteer = find_volunteer(context, options.person);
  auto e = points::adjust(context.database->sql(), volunteer, points_option(options.amount), options.reason,
                          actor_of(options, context));
  fmt::print("{}\n", tr(Msg::points_entry_written, e.id, options.person, signed_points(e.points), e.balance));
  return 0;
}

int run_redeem(const PointsCommand& options, Context& context) {
  auto volunteer = find_volunteer(context, options.person);
  auto e = points::redeem(context.database->sql(), *context.config, volunteer, points_option(options.amount), options.item,
                          actor_of(options, context));
  fmt::print("{}\n", tr(Msg::points_entry_written, e.id, options.person, signed_points(e.points), e.balance));
  return 0;
}

int run_reverse(const PointsCommand& options, Context& context) {
  auto e = points::reverse(context.database->sql(), options.entry, options.reason, actor_of(options, context));
  fmt::print("{}\n", tr(Msg::points_entry_written, e.id, name_of(context, e.volunteer), signed_points(e.points), e.balance));
  return 0;
}

std::string shown_phone(const std::string& phone, bool reveal) { return reveal ? phone : people::mask_phone(phone); }

int run_balance(const PointsCommand& options, Context& context) {
  auto& db = context.database->sql();
  if (!options.person.empty()) {
    auto b = points::balance_of(db, find_volunteer(context, options.person));
    fmt::print("{}\n", tr(Msg::points_balance_line, options.person, b.balance, b.earned, b.redeemed));
    return 0;
  }
  std::vector<std::string> headers;
  for (auto id : {Msg::field_name, Msg::field_phone, Msg::points_earned, Msg::points_redeemed, Msg::points_balance}) {
    headers.push_back(text_of(id));
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& b : points::balances(db)) {
    rows.push_back({b.name, shown_phone(b.phone, options.reveal), std::to_string(b.earned), std::to_string(b.redeemed),
                    std::to_string(b.balance)});
  }
  if (options.format == Format::json) {
    fmt::print("{}", json::render_objects({"name", "phone", "earned", "redeemed", "balance"}, rows, {2, 3, 4}));
  } else if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(headers, rows));
  } else {
    fmt::print("{}", table::render_text(headers, rows));
  }
  return 0;
}

int run_history(const PointsCommand& options, Context& context) {
  auto volunteer = find_volunteer(context, options.person);
  auto entries = points::Ledger(context.database->sql()).history(volunteer);
  std::vector<std::string> headers;
  for (auto id : {Msg::points_entry, Msg::rota_date, Msg::points_points, Msg::points_balance, Msg::points_rule,
                  Msg::points_reason, Msg::points_by}) {
    headers.push_back(text_of(id));
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entries) {
    auto rule = points::rule_label(context.config->catalogue, e.rule);
    if (e.reverses) rule += fmt::format(" #{}", *e.reverses);
    rows.push_back({std::to_string(e.id), format_date(e.date), signed_points(e.points), std::to_string(e.balance), rule,
                    e.reason, e.entered_by});
  }
  if (options.format == Format::json) {
    fmt::print("{}", json::render_objects({"entry", "date", "points", "balance", "rule", "reason", "by"}, rows, {0, 2, 3}));
    return 0;
  }
  if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(headers, rows));
    return 0;
  }
  fmt::print("{}", table::render_text(headers, rows));
  fmt::print("{}\n", tr(Msg::points_history_total, options.person, entries.empty() ? 0 : entries.back().balance));
  return 0;
}

/// A board (honour board or stars) in the format asked for.
void print_board(const PointsCommand& options, Context& context, const std::string& title,
                 const std::vector<points::Standing>& standings, Msg when_empty) {
  bool mark_party = context.config->points.board_marks_party && !options.no_party_mark;
  bool machine = options.format == Format::json || options.format == Format::csv;
  std::vector<std::string> headers;
  for (auto id : {Msg::points_rank, Msg::field_name, Msg::field_phone, Msg::field_unit, Msg::points_points,
                  Msg::hours_sessions}) {
    headers.push_back(text_of(id));
  }
  headers.push_back(duration_header(Msg::record_hours, machine));
  if (mark_party) headers.push_back(text_of(Msg::field_party_member));
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : standings) {
    rows.push_back({std::to_string(s.rank), s.name, shown_phone(s.phone, options.reveal), s.unit, std::to_string(s.points),
                    std::to_string(s.sessions), machine ? std::to_string(s.minutes) : format_duration(s.minutes)});
    if (mark_party) rows.back().push_back(s.party_member ? (machine ? "true" : "★") : (machine ? "false" : ""));
  }
  std::vector<std::string> footer;
  if (mark_party) footer.push_back(text_of(Msg::points_party_note));
  if (!options.reveal) footer.push_back(text_of(Msg::points_masked_note));
  std::string content;
  switch (options.format) {
    case Format::json: {
      std::vector<std::string> keys = {"rank", "name", "phone", "unit", "points", "sessions", "minutes"};
      std::vector<std::size_t> numbers = {0, 4, 5, 6};
      if (mark_party) {
        keys.push_back("party_member");
        numbers.push_back(7);
      }
      content = json::render_objects(keys, rows, numbers);
      break;
    }
    case Format::csv: content = table::render_csv(headers, rows); break;
    case Format::md:
      content = "# " + title + "\n\n" + table::render_markdown(headers, rows);
      for (const auto& line : footer) content += "\n" + line + "\n";
      break;
    case Format::html: content = table::render_html(title, headers, rows, footer); break;
    case Format::xlsx:  // not offered for boards
    case Format::text:
      content = title + "\n\n" + (rows.empty() ? text_of(when_empty) + "\n" : table::render_text(headers, rows));
      break;
  }
  print_or_write(content, options.output);
}

int run_board(const PointsCommand& options, Context& context) {
  int given = !options.month.empty() + !options.quarter.empty() + !options.year.empty();
  if (given != 1) throw UsageError(text_of(Msg::points_board_period));
  auto text = !options.month.empty() ? options.month : !options.quarter.empty() ? options.quarter : options.year;
  auto period = parse_period(text);
  auto wanted = !options.month.empty() ? Period::Kind::month : !options.quarter.empty() ? Period::Kind::quarter : Period::Kind::year;
  if (!period || period->kind != wanted) throw UsageError(tr(Msg::bad_period, text));
  int top = options.top.value_or(context.config->points.board_top);
  auto standings = points::honour_board(context.database->sql(), *period, top);
  print_board(options, context, tr(Msg::points_board_title, context.config->settings.name, period_label(*period)), standings,
              Msg::points_board_empty);
  return 0;
}

int run_stars(const PointsCommand& options, Context& context) {
  auto period = parse_period(options.year);
  if (!period || period->kind != Period::Kind::year) throw UsageError(tr(Msg::bad_period, options.year));
  auto standings = points::star_volunteers(context.database->sql(), context.config->points.stars,
                                           static_cast<int>(period->first.year()));
  print_board(options, context, tr(Msg::points_stars_title, context.config->settings.name, period_label(*period)), standings,
              Msg::points_stars_none);
  return 0;
}

int run_verify(const PointsCommand& options, Context& context) {
  auto walk = options.full ? points::Walk::full : points::Walk::from_checkpoint;
  auto result = points::verify_and_checkpoint(context.database->sql(), walk, options.expect);
  if (result.first_bad) {
    fmt::print("{}\n", tr(Msg::verify_failed, *result.first_bad, result.problem));
    return 1;
  }
  if (result.walked_after == 0) {
    fmt::print("{}\n", tr(Msg::verify_ok, result.entries, result.volunteers, result.head.substr(0, 16)));
  } else {
    fmt::print("{}\n", tr(Msg::verify_ok_from_checkpoint, result.entries, result.volunteers, result.walked,
                          result.walked_after + 1, result.head.substr(0, 16)));
  }
  fmt::print("{}\n", tr(Msg::verify_head_line, result.entries, result.head));
  if (!options.expect) return 0;
  if (!result.expected_at) {
    fmt::print("{}\n", tr(Msg::verify_expect_missing, *options.expect));
    return 1;
  }
  fmt::print("{}\n", tr(Msg::verify_expect_found, *result.expected_at));
  return 0;
}

}  // namespace

void define_points(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<PointsCommand>();
  auto* award = command.add_subcommand("award", "Award the points the rules earn for the service records (safe to rerun)");
  award->add_option("--month", options->month, "Only the records of this month, e.g. 2026-12");
  award->add_flag("--dry-run", options->dry_run, "Show what would be awarded; write nothing");
  award->add_flag("--rules-changed", options->rules_changed, "List awards that today's rules would make differently");
  add_by_option(*award, options->by);

  auto* adjust = command.add_subcommand("adjust", "Add or take away points by hand, with a reason");
  adjust->add_option("person", options->person, "The volunteer (a name or phone number)")->required();
  adjust->add_option("points", options->amount, "+N or -N")->required()->allow_extra_args(false);
  adjust->add_option("--reason", options->reason, "Why, for the volunteer to read")->required();
  add_by_option(*adjust, options->by);

  auto* redeem = command.add_subcommand("redeem", "Spend points on an item of points.toml");
  redeem->add_option("person", options->person, "The volunteer (a name or phone number)")->required();
  redeem->add_option("points", options->amount, "The points spent")->required();
  redeem->add_option("--for", options->item, "The item, as points.toml names it")->required();
  add_by_option(*redeem, options->by);

  auto* reverse = command.add_subcommand("reverse", "Undo a ledger entry with a new entry that says why");
  reverse->add_option("entry", options->entry, "The entry's number (see `points history`)")->required();
  reverse->add_option("--reason", options->reason, "Why")->required();
  add_by_option(*reverse, options->by);

  auto* balance = command.add_subcommand("balance", "Points now: one volunteer's, or everyone's");
  balance->add_option("person", options->person, "Only this volunteer");
  add_format_option(*balance, options->format, {Format::text, Format::json, Format::csv});
  add_reveal_option(*balance, options->reveal);

  auto* history = command.add_subcommand("history", "A volunteer's points line by line, each with its rule and reason");
  history->add_option("person", options->person, "The volunteer (a name or phone number)")->required();
  add_format_option(*history, options->format, {Format::text, Format::json, Format::csv});

  auto* board = command.add_subcommand("board", "The honour board (每月先锋榜) of a month, quarter or year");
  board->add_option("--month", options->month, "A month, e.g. 2026-12");
  board->add_option("--quarter", options->quarter, "A quarter, e.g. 2026Q4");
  board->add_option("--year", options->year, "A year, e.g. 2026");
  board->add_option("--top", options->top, "How many places (default: [board] top in points.toml)")->check(CLI::PositiveNumber);
  board->add_flag("--no-party-mark", options->no_party_mark, "Do not mark party members");

  auto* stars = command.add_subcommand("stars", "The year's star volunteers (志愿服务之星) by points.toml's criteria");
  stars->add_option("--year", options->year, "The year, e.g. 2026")->required();
  stars->add_flag("--no-party-mark", options->no_party_mark, "Do not mark party members");
  for (auto* posted : {board, stars}) {
    add_format_option(*posted, options->format, {Format::text, Format::md, Format::html, Format::csv, Format::json});
    add_output_option(*posted, options->output);
    add_reveal_option(*posted, options->reveal);
  }

  auto* verify = command.add_subcommand("verify", "Recompute the ledger's hash chain and every balance, and check its head");
  verify->add_flag("--full", options->full, "Walk the whole chain, not only what follows the last full walk's checkpoint");
  verify->add_option("--expect", options->expect, "A head hash noted earlier: check it is still in the chain");

  action = [options, award, adjust, redeem, reverse, balance, history, board, stars, verify](Context& context) {
    if (award->parsed()) return run_award(*options, context);
    if (adjust->parsed()) return run_adjust(*options, context);
    if (redeem->parsed()) return run_redeem(*options, context);
    if (reverse->parsed()) return run_reverse(*options, context);
    if (balance->parsed()) return run_balance(*options, context);
    if (history->parsed()) return run_history(*options, context);
    if (board->parsed()) return run_board(*options, context);
    if (stars->parsed()) return run_stars(*options, context);
    if (verify->parsed()) return run_verify(*options, context);
    return 2;
  };
}

}  // namespace kangle::cli
