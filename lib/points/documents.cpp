// SPDX-License-Identifier: Apache-2.0
#include "points/documents.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "people/identity.hpp"
#include "people/store.hpp"
#include "present/columns.hpp"
#include "people/volunteer.hpp"
#include "points/board.hpp"
#include "points/rules.hpp"

namespace kangle::points {
namespace {

using present::Column;
using present::Document;
using present::Table;
using present::Value;

using present::column;
using present::duration_column;

std::string signed_points(long points) { return points > 0 ? fmt::format("+{}", points) : std::to_string(points); }


Value rule(const config::Catalogue& catalogue, const std::string& rule, Lang lang) {
  return Value::code(rule, rule_label(catalogue, rule, lang));
}

std::string name_of(storage::Connection& db, std::int64_t volunteer) {
  auto names = people::Store(db).names({volunteer});
  return names.empty() ? std::to_string(volunteer) : names.begin()->second;
}

/// The days of `month` (`2026-12`); open at both ends when it is empty.
std::pair<std::optional<Date>, std::optional<Date>> month_span(const std::string& month) {
  if (month.empty()) return {};
  auto period = parse_period(month);
  if (!period || period->kind != Period::Kind::month) throw UsageError(Message(Msg::schedule_bad_month, month));
  return {period->first, period->last};
}

Document entry_written(storage::Connection& db, const char* kind, const Entry& e, Lang lang) {
  return present::message(lang, kind, {tr(lang, Msg::points_entry_written, e.id, name_of(db, e.volunteer), signed_points(e.points), e.balance)},
                          {{"entry", Value::integer(e.id)},
                           {"volunteer", Value::integer(e.volunteer)},
                           {"points", Value::integer(e.points)},
                           {"balance", Value::integer(e.balance)}});
}

Document board(const config::Config& config, const char* kind, std::string title, const Period& period,
               const std::vector<Standing>& standings, Msg when_empty, const BoardShown& shown, Lang lang) {
  bool mark_party = config.points.board_marks_party && !shown.no_party_mark;
  Table table{kind, "", {column(lang, "rank", Msg::points_rank), column(lang, "name", Msg::field_name), column(lang, "phone", Msg::field_phone),
                         column(lang, "unit", Msg::field_unit), column(lang, "points", Msg::points_points),
                         column(lang, "sessions", Msg::hours_sessions), duration_column(lang, "minutes", Msg::record_hours)}, {}};
  if (mark_party) table.columns.push_back(column(lang, "party_member", Msg::field_party_member));
  for (const auto& s : standings) {
    auto& row = table.rows.emplace_back(std::vector<Value>{
        Value::integer(s.rank), Value::text(s.name), people::phone_value(s.phone, shown.reveal), Value::text(s.unit),
        Value::integer(s.points), Value::integer(s.sessions), Value::duration(s.minutes)});
    if (mark_party) row.push_back(Value::flag(s.party_member, "★"));
  }
  auto document = present::listing(lang, kind, std::move(table));
  document.title = std::move(title);
  document.period = period.text();
  if (standings.empty()) document.sections.front().lines.push_back(tr(lang, when_empty));
  if (mark_party) document.footer.push_back(tr(lang, Msg::points_party_note));
  if (!shown.reveal) document.footer.push_back(tr(lang, Msg::points_masked_note));
  return document;
}

}  // namespace

int parse_points(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  int n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) {
    throw UsageError(Message(Msg::points_bad_number, text));
  }
  return n;
}

Period board_period(const std::string& month, const std::string& quarter, const std::string& year) {
  int given = !month.empty() + !quarter.empty() + !year.empty();
  if (given != 1) throw UsageError(Message(Msg::points_board_period));
  const auto& text = !month.empty() ? month : !quarter.empty() ? quarter : year;
  auto wanted = !month.empty() ? Period::Kind::month : !quarter.empty() ? Period::Kind::quarter : Period::Kind::year;
  auto period = parse_period(text);
  if (!period || period->kind != wanted) throw UsageError(Message(Msg::bad_period, text));
  return *period;
}

Document award_document(storage::Connection& db, const config::Config& config, const std::string& month, const Actor& actor,
                        bool dry_run) {
  auto lang = actor.lang;
  auto [from, to] = month_span(month);
  auto report = award(db, config, from, to, actor, dry_run);
  std::vector<std::string> lines{tr(lang, Msg::points_awarded_summary, report.records, report.entries, report.points)};
  if (report.already_awarded > 0) lines.push_back(tr(lang, Msg::points_already_awarded, report.already_awarded));
  if (dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  return present::message(lang, "points_award", std::move(lines),
                          {{"records", Value::integer(report.records)},
                           {"entries", Value::integer(report.entries)},
                           {"points", Value::integer(report.points)},
                           {"already_awarded", Value::integer(report.already_awarded)},
                           {"dry_run", Value::flag(dry_run, "")}});
}

Document rules_changed_document(storage::Connection& db, const config::Config& config, const std::string& month, Lang lang) {
  auto [from, to] = month_span(month);
  auto differences = rules_changed(db, config, from, to);
  Table table{"rules_changed", "", {column(lang, "date", Msg::rota_date), column(lang, "name", Msg::field_name),
                                    column(lang, "rule", Msg::points_rule), column(lang, "awarded", Msg::points_awarded),
                                    column(lang, "would_be", Msg::points_would_be), column(lang, "reason", Msg::points_reason)}, {}};
  for (const auto& d : differences) {
    table.rows.push_back({Value::date(d.date), Value::text(name_of(db, d.volunteer)), rule(config.catalogue, d.rule, lang),
                          Value::integer(d.awarded), Value::integer(d.would_be), Value::text(d.reason.in(lang))});
  }
  auto document = present::listing(lang, "points_rules_changed", std::move(table));
  document.facts = {{"differences", Value::integer(static_cast<std::int64_t>(differences.size()))}};
  document.footer.push_back(differences.empty() ? tr(lang, Msg::points_rules_same) : tr(lang, Msg::points_rules_differ, differences.size()));
  return document;
}

Document adjust_document(storage::Connection& db, const std::string& who, int points, const std::string& reason,
                         const Actor& actor) {
  return entry_written(db, "points_adjust", adjust(db, people::resolve_volunteer(db, who), points, reason, actor), actor.lang);
}

Document redeem_document(storage::Connection& db, const config::Config& config, const std::string& who, int points,
                         const std::string& item, const Actor& actor) {
  return entry_written(db, "points_redeem", redeem(db, config, people::resolve_volunteer(db, who), points, item, actor),
                       actor.lang);
}

Document reverse_document(storage::Connection& db, std::int64_t entry, const std::string& reason, const Actor& actor) {
  return entry_written(db, "points_reverse", reverse(db, entry, reason, actor), actor.lang);
}

Document cancel_record_document(storage::Connection& db, std::int64_t record, const std::string& reason, const Actor& actor) {
  auto lang = actor.lang;
  auto reversals = cancel_record(db, record, reason, actor);
  long taken = 0;
  for (const auto& e : reversals) taken -= e.points;
  return present::message(lang, "record_cancel", {tr(lang, Msg::record_cancelled, record, reversals.size(), taken)},
                          {{"record", Value::integer(record)},
                           {"reversals", Value::integer(static_cast<std::int64_t>(reversals.size()))},
                           {"points_taken", Value::integer(taken)}});
}

Document balance_document(storage::Connection& db, const std::string& who, Lang lang) {
  auto volunteer = people::resolve_volunteer(db, who);
  auto b = balance_of(db, volunteer);
  return present::message(lang, "points_balance", {tr(lang, Msg::points_balance_line, name_of(db, volunteer), b.balance, b.earned, b.redeemed)},
                          {{"volunteer", Value::integer(volunteer)},
                           {"earned", Value::integer(b.earned)},
                           {"redeemed", Value::integer(b.redeemed)},
                           {"balance", Value::integer(b.balance)}});
}

Document balances_document(storage::Connection& db, bool reveal, Lang lang) {
  Table table{"balances", "", {column(lang, "name", Msg::field_name), column(lang, "phone", Msg::field_phone),
                               column(lang, "earned", Msg::points_earned), column(lang, "redeemed", Msg::points_redeemed),
                               column(lang, "balance", Msg::points_balance)}, {}};
  for (const auto& b : balances(db)) {
    table.rows.push_back({Value::text(b.name), people::phone_value(b.phone, reveal), Value::integer(b.earned), Value::integer(b.redeemed),
                          Value::integer(b.balance)});
  }
  auto document = present::listing(lang, "points_balances", std::move(table));
  if (!reveal) document.footer.push_back(tr(lang, Msg::points_masked_note));
  return document;
}

Document history_document(storage::Connection& db, const config::Config& config, const std::string& who, Lang lang) {
  auto volunteer = people::resolve_volunteer(db, who);
  auto entries = Ledger(db).history(volunteer);
  Table table{"history", "", {column(lang, "entry", Msg::points_entry), column(lang, "date", Msg::rota_date),
                              column(lang, "points", Msg::points_points), column(lang, "balance", Msg::points_balance),
                              column(lang, "rule", Msg::points_rule), column(lang, "reason", Msg::points_reason),
                              column(lang, "by", Msg::points_by)}, {}};
  table.columns.push_back({"reverses", tr(lang, Msg::points_reverses), true});
  for (const auto& e : entries) {
    auto shown_rule = rule(config.catalogue, e.rule, lang);
    // People read the entry a reversal undoes beside its rule; scripts read `reverses`.
    if (e.reverses) shown_rule = Value::code(e.rule, fmt::format("{} #{}", shown_rule.display(lang), *e.reverses));
    table.rows.push_back({Value::integer(e.id), Value::date(e.date), Value::change(e.points), Value::integer(e.balance),
                          std::move(shown_rule), Value::text(e.reason), Value::text(e.entered_by),
                          e.reverses ? Value::integer(*e.reverses) : Value::none()});
  }
  long balance = entries.empty() ? 0 : entries.back().balance;
  auto document = present::listing(lang, "points_history", std::move(table));
  document.facts = {{"volunteer", Value::integer(volunteer)}, {"balance", Value::integer(balance)}};
  document.footer.push_back(tr(lang, Msg::points_history_total, name_of(db, volunteer), balance));
  return document;
}

Document board_document(storage::Connection& db, const config::Config& config, const Period& period, std::optional<int> top,
                        const BoardShown& shown, Lang lang) {
  auto standings = honour_board(db, period, top.value_or(config.points.board_top));
  return board(config, "points_board", tr(lang, Msg::points_board_title, config.settings.name, period_label(period, lang)), period,
               standings, Msg::points_board_empty, shown, lang);
}

Document stars_document(storage::Connection& db, const config::Config& config, const std::string& year, const BoardShown& shown,
                        Lang lang) {
  auto period = parse_period(year);
  if (!period || period->kind != Period::Kind::year) throw UsageError(Message(Msg::bad_period, year));
  auto standings = star_volunteers(db, config.points.stars, static_cast<int>(period->first.year()));
  return board(config, "points_stars", tr(lang, Msg::points_stars_title, config.settings.name, period_label(*period, lang)), *period,
               standings, Msg::points_stars_none, shown, lang);
}

Verified verify_document(storage::Connection& db, Walk walk, const std::optional<std::string>& expect, Lang lang) {
  auto result = verify_and_checkpoint(db, walk, expect);
  std::vector<std::pair<std::string, Value>> facts = {{"entries", Value::integer(result.entries)},
                                                      {"volunteers", Value::integer(result.volunteers)},
                                                      {"walked", Value::integer(result.walked)},
                                                      {"head", Value::text(result.head)}};
  if (result.first_bad) {
    facts.emplace_back("first_bad", Value::integer(*result.first_bad));
    facts.emplace_back("passed", Value::flag(false, ""));
    return {present::message(lang, "points_verify", {tr(lang, Msg::verify_failed, *result.first_bad, result.why.in(lang))}, std::move(facts)),
            false};
  }
  std::vector<std::string> lines;
  if (result.walked_after == 0) {
    lines.push_back(tr(lang, Msg::verify_ok, result.entries, result.volunteers, result.head.substr(0, 16)));
  } else {
    lines.push_back(tr(lang, Msg::verify_ok_from_checkpoint, result.entries, result.volunteers, result.walked,
                       result.walked_after + 1, result.head.substr(0, 16)));
  }
  lines.push_back(tr(lang, Msg::verify_head_line, result.entries, result.head));
  bool passed = true;
  if (expect) {
    facts.emplace_back("expected_at", result.expected_at ? Value::integer(*result.expected_at) : Value::none());
    passed = result.expected_at.has_value();
    lines.push_back(passed ? tr(lang, Msg::verify_expect_found, *result.expected_at) : tr(lang, Msg::verify_expect_missing, *expect));
  }
  facts.emplace_back("passed", Value::flag(passed, ""));
  return {present::message(lang, "points_verify", std::move(lines), std::move(facts)), passed};
}

}  // namespace kangle::points
