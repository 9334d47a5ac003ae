// SPDX-License-Identifier: Apache-2.0
#include "points/ledger.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "core/error.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"

namespace kangle::points {
namespace {

const std::string entry_columns =
    "id, volunteer_id, date, points, balance, kind, rule, source, reverses, reason, entered_by, created_at, hash";

EntryKind kind_of(const std::string& name) {
  if (name == "adjust") return EntryKind::adjust;
  if (name == "redeem") return EntryKind::redeem;
  return EntryKind::earn;
}

Entry read_entry(SQLite::Statement& q) {
  Entry e;
  e.id = q.getColumn(0).getInt64();
  e.volunteer = q.getColumn(1).getInt64();
  e.date = parse_date(q.getColumn(2).getString()).value_or(Date{});
  e.points = q.getColumn(3).getInt();
  e.balance = q.getColumn(4).getInt64();
  e.kind = kind_of(q.getColumn(5).getString());
  e.rule = q.getColumn(6).getString();
  if (!q.getColumn(7).isNull()) e.source = q.getColumn(7).getString();
  if (!q.getColumn(8).isNull()) e.reverses = q.getColumn(8).getInt64();
  e.reason = q.getColumn(9).getString();
  e.entered_by = q.getColumn(10).getString();
  e.created_at = q.getColumn(11).getString();
  e.hash = q.getColumn(12).getString();
  return e;
}

/// The first string after every string that starts with `prefix`.
std::string past_prefix(std::string prefix) {
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

}  // namespace

std::string_view kind_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::adjust: return "adjust";
    case EntryKind::redeem: return "redeem";
    case EntryKind::earn: break;
  }
  return "earn";
}

std::string entry_hash(const std::string& previous, const Entry& e) {
  std::string text = previous;
  auto field = [&](const auto& value) {
    text += '\x1f';
    fmt::format_to(std::back_inserter(text), "{}", value);
  };
  field(e.id);
  field(e.volunteer);
  field(format_date(e.date));
  field(e.points);
  field(e.balance);
  field(kind_name(e.kind));
  field(e.rule);
  field(e.source.value_or(""));
  field(e.reverses ? std::to_string(*e.reverses) : "");
  field(e.reason);
  field(e.entered_by);
  field(e.created_at);
  return sha256_hex(text);
}

long Ledger::balance(std::int64_t volunteer) {
  if (auto it = balances_.find(volunteer); it != balances_.end()) return it->second;
  static const std::string sql = "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE volunteer_id = ?";
  auto& q = statement_(sql);
  q.bind(1, volunteer);
  long balance = q.executeStep() ? q.getColumn(0).getInt64() : 0;
  balances_[volunteer] = balance;
  return balance;
}

bool Ledger::append(Entry& entry) {
  if (!head_) {
    SQLite::Statement q(db_, "SELECT id, hash FROM points_ledger ORDER BY id DESC LIMIT 1");
    head_ = q.executeStep() ? std::pair{q.getColumn(0).getInt64(), q.getColumn(1).getString()}
                            : std::pair{std::int64_t{0}, genesis_hash};
  }
  entry.id = head_->first + 1;
  entry.balance = balance(entry.volunteer) + entry.points;
  entry.hash = entry_hash(head_->second, entry);
  static const std::string sql =
      "INSERT INTO points_ledger (" + entry_columns +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO NOTHING";
  auto& q = statement_(sql);
  q.bind(1, entry.id);
  q.bind(2, entry.volunteer);
  q.bind(3, format_date(entry.date));
  q.bind(4, entry.points);
  q.bind(5, static_cast<std::int64_t>(entry.balance));
  q.bind(6, std::string(kind_name(entry.kind)));
  q.bind(7, entry.rule);
  if (entry.source) q.bind(8, *entry.source);
  if (entry.reverses) q.bind(9, *entry.reverses);
  q.bind(10, entry.reason);
  q.bind(11, entry.entered_by);
  q.bind(12, entry.created_at);
  q.bind(13, entry.hash);
  if (q.exec() == 0) return false;
  head_ = {entry.id, entry.hash};
  balances_[entry.volunteer] = entry.balance;
  return true;
}

std::optional<Entry> Ledger::find(std::int64_t id) {
  static const std::string sql = "SELECT " + entry_columns + " FROM points_ledger WHERE id = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_entry(q);
}

std::optional<std::int64_t> Ledger::reversed_by(std::int64_t id) {
  static const std::string sql = "SELECT id FROM points_ledger WHERE reverses = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::vector<Entry> Ledger::history(std::int64_t volunteer) {
  static const std::string sql = "SELECT " + entry_columns + " FROM points_ledger WHERE volunteer_id = ? ORDER BY id";
  auto& q = statement_(sql);
  q.bind(1, volunteer);
  std::vector<Entry> out;
  while (q.executeStep()) out.push_back(read_entry(q));
  return out;
}

bool Ledger::has_source_prefix(const std::string& prefix) {
  static const std::string sql = "SELECT 1 FROM points_ledger WHERE source >= ? AND source < ? LIMIT 1";
  auto& q = statement_(sql);
  q.bind(1, prefix);
  q.bind(2, past_prefix(prefix));
  return q.executeStep();
}

std::vector<std::pair<Entry, std::int64_t>> Ledger::standing_with_source_prefix(const std::string& prefix) {
  static const std::string sql =
      "SELECT " + entry_columns + " FROM points_ledger WHERE source >= ? AND source < ? ORDER BY id";
  std::vector<Entry> originals;
  {
    auto& q = statement_(sql);
    q.bind(1, prefix);
    q.bind(2, past_prefix(prefix));
    while (q.executeStep()) originals.push_back(read_entry(q));
  }
  std::vector<std::pair<Entry, std::int64_t>> out;
  for (auto& original : originals) {
    std::int64_t last = original.id;
    bool stands = true;
    for (auto next = reversed_by(last); next; next = reversed_by(last)) {
      last = *next;
      stands = !stands;
    }
    if (stands) out.emplace_back(std::move(original), last);
  }
  return out;
}

void Ledger::for_each(const std::function<void(const Entry&)>& visit) {
  SQLite::Statement q(db_, "SELECT " + entry_columns + " FROM points_ledger ORDER BY id");
  while (q.executeStep()) visit(read_entry(q));
}

Verification verify(SQLite::Database& db) {
  Verification result;
  std::string previous = genesis_hash;
  std::int64_t previous_id = 0;
  std::unordered_map<std::int64_t, long> balances;
  // What a reversal must mirror: the volunteer and points of each entry reversed later
  // (few: kept for those only, so ten million entries need no map of ten million).
  std::unordered_map<std::int64_t, std::pair<std::int64_t, int>> reversible;
  {
    SQLite::Statement q(db, "SELECT reverses FROM points_ledger WHERE reverses IS NOT NULL");
    while (q.executeStep()) reversible[q.getColumn(0).getInt64()] = {0, 0};
  }
  Ledger(db).for_each([&](const Entry& e) {
    if (result.first_bad) return;
    ++result.entries;
    auto fail = [&](std::string problem) {
      result.first_bad = e.id;
      result.problem = std::move(problem);
    };
    if (e.id != previous_id + 1) return fail(tr(Msg::verify_gap, previous_id, e.id));
    if (entry_hash(previous, e) != e.hash) return fail(tr(Msg::verify_hash));
    auto& balance = balances[e.volunteer];
    if (balance + e.points != e.balance) return fail(tr(Msg::verify_balance, balance + e.points, e.balance));
    if (e.reverses) {
      auto it = reversible.find(*e.reverses);
      if (*e.reverses >= e.id || it == reversible.end() || it->second.first != e.volunteer ||
          it->second.second != -e.points) {
        return fail(tr(Msg::verify_reversal, *e.reverses));
      }
    }
    if (e.kind == EntryKind::redeem && !e.reverses && e.balance < 0) return fail(tr(Msg::verify_overdrawn, e.balance));
    balance = e.balance;
    if (auto it = reversible.find(e.id); it != reversible.end()) it->second = {e.volunteer, e.points};
    previous = e.hash;
    previous_id = e.id;
  });
  result.volunteers = static_cast<long>(balances.size());
  result.head = previous_id == 0 ? std::string() : previous;
  return result;
}

}  // namespace kangle::points
