// SPDX-License-Identifier: Apache-2.0
#include "points/actions.hpp"

#include <fmt/format.h>

#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "match/projects.hpp"
#include "points/rules.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"

namespace kangle::points {
namespace {

/// An entry `actor` makes now; the ledger fills in its id, balance and hash.
Entry entry_by(const Actor& actor, std::int64_t volunteer, const Date& date, int points, EntryKind kind,
               const std::string& rule, const std::string& reason) {
  Entry e;
  e.volunteer = volunteer;
  e.date = date;
  e.points = points;
  e.kind = kind;
  e.rule = rule;
  e.reason = reason;
  e.entered_by = actor.by;
  e.created_at = actor.now;
  return e;
}

/// Appends to `ledger` the entry that undoes `reversed`. Dated as what it reverses, so a
/// record cancelled after its month's board was printed corrects that month's figures,
/// not the month of the cancellation (when it was entered stays in created_at).
Entry append_reversal(Ledger& ledger, const Entry& reversed, const std::string& reason, const Actor& actor) {
  auto e = entry_by(actor, reversed.volunteer, reversed.date, -reversed.points, reversed.kind, "reversal", reason);
  e.reverses = reversed.id;
  ledger.append(e);
  return e;
}

Entry append_by_hand(storage::Connection& db, std::int64_t volunteer, int points, EntryKind kind, const std::string& rule,
                     const std::string& reason, const Actor& actor) {
  Ledger ledger(db);
  ledger.require_intact();  // before the balance is read from it
  if (kind == EntryKind::redeem && ledger.balance(volunteer) + points < 0) {
    throw InputError(Message(Msg::points_overdrawn, -points, ledger.balance(volunteer)));
  }
  auto e = entry_by(actor, volunteer, actor.today, points, kind, rule, reason);
  ledger.append(e);
  return e;
}

}  // namespace

AwardReport award(storage::Connection& db, const config::Config& config, const std::optional<Date>& from,
                  const std::optional<Date>& to, const Actor& actor, bool dry_run) {
  storage::Transaction transaction(db, storage::Transaction::write);
  AwardReport report;
  Ledger ledger(db);
  ledger.require_intact();
  records::RecordStore(db).for_each(from, to, [&](const records::Record& record) {
    std::map<std::int64_t, bool> awarded_before;
    for (const auto& a : record.volunteers) {
      bool before = ledger.has_source_prefix(record_source_prefix(record.id, a.volunteer));
      awarded_before[a.volunteer] = before;
      if (before) ++report.already_awarded;
    }
    bool earned = false;
    for (const auto& award : awards_for(config, record)) {
      if (awarded_before[award.volunteer]) continue;
      auto e = entry_by(actor, award.volunteer, record.date, award.points, EntryKind::earn, award.rule,
                        award.reason.in(actor.lang));
      e.source = award.source;
      if (!ledger.append(e)) continue;
      ++report.entries;
      report.points += e.points;
      earned = true;
    }
    if (earned) ++report.records;
  });
  // Each volunteer of the team of a project done earns project_done once.
  match::ProjectStore projects(db);
  for (const auto& project : projects.done_between(from, to)) {
    if (config.points.project_done <= 0 || !project.done_on) break;
    for (auto volunteer : projects.team(project.id)) {
      auto e = entry_by(actor, volunteer, *project.done_on, config.points.project_done, EntryKind::earn, "project_done",
                        tr(actor.lang, Msg::points_project_reason, project.id, project.need_requester, project.need_description));
      e.source = fmt::format("project:{}:{}:project_done", project.id, volunteer);
      if (!ledger.append(e)) {
        ++report.already_awarded;
        continue;
      }
      ++report.entries;
      report.points += e.points;
    }
  }
  if (!dry_run) transaction.commit();
  return report;
}

std::vector<RuleDifference> rules_changed(storage::Connection& db, const config::Config& config,
                                          const std::optional<Date>& from, const std::optional<Date>& to) {
  storage::Transaction transaction(db, storage::Transaction::read);  // one snapshot to read from
  std::vector<RuleDifference> out;
  Ledger ledger(db);
  records::RecordStore(db).for_each(from, to, [&](const records::Record& record) {
    auto now = awards_for(config, record);
    for (const auto& a : record.volunteers) {
      auto prefix = record_source_prefix(record.id, a.volunteer);
      if (!ledger.has_source_prefix(prefix)) continue;  // not awarded yet: the next award follows today's rules
      std::map<std::string, RuleDifference> by_rule;
      for (const auto& [entry, last] : ledger.standing_with_source_prefix(prefix)) {
        auto& d = by_rule[entry.rule];
        d.rule = entry.rule;
        d.reason = Message::verbatim(entry.reason);
        d.awarded += entry.points;
      }
      for (const auto& award : now) {
        if (award.volunteer != a.volunteer) continue;
        auto& d = by_rule[award.rule];
        d.rule = award.rule;
        d.reason = award.reason;
        d.would_be += award.points;
      }
      for (auto& [rule, d] : by_rule) {
        if (d.awarded == d.would_be) continue;
        d.record = record.id;
        d.volunteer = a.volunteer;
        d.date = record.date;
        out.push_back(std::move(d));
      }
    }
  });
  return out;
}

Entry adjust(storage::Connection& db, std::int64_t volunteer, int points, const std::string& reason, const Actor& actor) {
  if (points == 0) throw UsageError(Message(Msg::points_zero));
  storage::Transaction transaction(db, storage::Transaction::write);
  auto e = append_by_hand(db, volunteer, points, EntryKind::adjust, "manual", reason, actor);
  transaction.commit();
  return e;
}

Entry redeem(storage::Connection& db, const config::Config& config, std::int64_t volunteer, int points,
             const std::string& item, const Actor& actor) {
  const auto* known = config.points.find_item(item);
  if (!known) {
    std::vector<std::string> items;
    for (const auto& r : config.points.redeem) items.push_back(r.item);
    if (items.empty()) items.push_back("-");
    throw InputError(Message(Msg::points_unknown_item, item, listed(items)));
  }
  if (points <= 0 || points % known->cost != 0) throw InputError(Message(Msg::points_not_cost_multiple, points, item, known->cost));
  storage::Transaction transaction(db, storage::Transaction::write);
  auto e = append_by_hand(db, volunteer, -points, EntryKind::redeem, "redeem",
                          tr(actor.lang, Msg::points_redeem_reason, item, points / known->cost), actor);
  transaction.commit();
  return e;
}

Entry reverse(storage::Connection& db, std::int64_t id, const std::string& reason, const Actor& actor) {
  storage::Transaction transaction(db, storage::Transaction::write);
  Ledger ledger(db);
  ledger.require_intact();
  auto entry = ledger.find(id);
  if (!entry) throw InputError(Message(Msg::points_no_entry, id));
  if (auto by = ledger.reversed_by(id)) throw InputError(Message(Msg::points_reversed_already, id, *by));
  auto e = append_reversal(ledger, *entry, reason, actor);
  transaction.commit();
  return e;
}

std::vector<Entry> cancel_record(storage::Connection& db, std::int64_t id, const std::string& reason, const Actor& actor) {
  storage::Transaction transaction(db, storage::Transaction::write);
  Ledger ledger(db);
  // A broken chain may have lost the very entries to reverse: the record would be
  // cancelled with its points standing.
  ledger.require_intact();
  records::RecordStore records(db);
  auto record = records.find(id);
  if (!record) throw InputError(Message(Msg::record_not_found, id));
  if (record->cancelled_at) {
    throw InputError(Message(Msg::record_cancelled_already, id, in_both_languages([&](Lang lang) {
                               return time_for_people(*record->cancelled_at, actor.timezone, lang);
                             })));
  }
  records.cancel(id, reason, actor.now);
  std::vector<Entry> reversals;
  for (const auto& a : record->volunteers) {
    for (const auto& [original, last] : ledger.standing_with_source_prefix(record_source_prefix(id, a.volunteer))) {
      auto latest = ledger.find(last);
      reversals.push_back(append_reversal(ledger, *latest, tr(actor.lang, Msg::record_cancel_reason, id, reason), actor));
    }
  }
  transaction.commit();
  return reversals;
}

}  // namespace kangle::points
