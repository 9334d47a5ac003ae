// SPDX-License-Identifier: Apache-2.0
#include "points/ledger.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/error.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"
#include "storage/rows.hpp"

namespace kangle::points {
namespace {

const std::string entry_columns =
    "id, volunteer_id, date, points, balance, kind, rule, source, reverses, reason, entered_by, created_at, hash";

EntryKind kind_of(const std::string& name) {
  if (name == "adjust") return EntryKind::adjust;
  if (name == "redeem") return EntryKind::redeem;
  return EntryKind::earn;
}

Entry read_entry(storage::Statement& q) {
  Entry e;
  e.id = q.column(0).int64();
  e.volunteer = q.column(1).int64();
  e.date = storage::date_at(q, 2);
  e.points = q.column(3).int32();
  e.balance = q.column(4).int64();
  e.kind = kind_of(q.column(5).text());
  e.rule = q.column(6).text();
  if (!q.column(7).is_null()) e.source = q.column(7).text();
  if (!q.column(8).is_null()) e.reverses = q.column(8).int64();
  e.reason = q.column(9).text();
  e.entered_by = q.column(10).text();
  e.created_at = q.column(11).text();
  e.hash = q.column(12).text();
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
  long balance = q.step() ? q.column(0).int64() : 0;
  balances_[volunteer] = balance;
  return balance;
}

namespace {

/// Keeps the end of a walk from the first entry that passed as the checkpoint later walks
/// start from. Entries never change once written: what it verified stays verified even if
/// another command appended meanwhile. The checkpoint only moves forward.
void store_checkpoint(storage::Connection& db, const Verification& passed) {
  if (passed.entries == 0) return;
  storage::Statement q(db,
                      "UPDATE points_ledger_head SET checkpoint_id = ?, checkpoint_hash = ? WHERE id = 1 AND checkpoint_id < ?");
  q.bind(1, static_cast<std::int64_t>(passed.entries));
  q.bind(2, passed.head);
  q.bind(3, static_cast<std::int64_t>(passed.entries));
  q.exec();
}

}  // namespace

void Ledger::require_intact() {
  if (head_) return;
  auto verified = verify(db_, Walk::from_checkpoint);
  if (verified.first_bad) throw WorkspaceError(Message(Msg::ledger_refused, *verified.first_bad, verified.why));
  // What was verified before the checkpoint and by this walk after it is the whole chain:
  // its end is the next append's checkpoint, so appends do not walk ever more of it.
  store_checkpoint(db_, verified);
  head_ = {verified.entries, verified.head};
}

bool Ledger::append(Entry& entry) {
  require_intact();
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
  static const std::string move_head = "UPDATE points_ledger_head SET entries = ?, hash = ? WHERE id = 1";
  auto& h = statement_(move_head);
  h.bind(1, entry.id);
  h.bind(2, entry.hash);
  if (h.exec() != 1) throw WorkspaceError(Message(Msg::ledger_no_head));
  head_ = {entry.id, entry.hash};
  balances_[entry.volunteer] = entry.balance;
  return true;
}

std::optional<Entry> Ledger::find(std::int64_t id) {
  static const std::string sql = "SELECT " + entry_columns + " FROM points_ledger WHERE id = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_entry(q);
}

std::optional<std::int64_t> Ledger::reversed_by(std::int64_t id) {
  static const std::string sql = "SELECT id FROM points_ledger WHERE reverses = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return q.column(0).int64();
}

std::vector<Entry> Ledger::history(std::int64_t volunteer) {
  static const std::string sql = "SELECT " + entry_columns + " FROM points_ledger WHERE volunteer_id = ? ORDER BY id";
  auto& q = statement_(sql);
  q.bind(1, volunteer);
  std::vector<Entry> out;
  while (q.step()) out.push_back(read_entry(q));
  return out;
}

bool Ledger::has_source_prefix(const std::string& prefix) {
  static const std::string sql = "SELECT 1 FROM points_ledger WHERE source >= ? AND source < ? LIMIT 1";
  auto& q = statement_(sql);
  q.bind(1, prefix);
  q.bind(2, past_prefix(prefix));
  return q.step();
}

std::vector<std::pair<Entry, std::int64_t>> Ledger::standing_with_source_prefix(const std::string& prefix) {
  static const std::string sql =
      "SELECT " + entry_columns + " FROM points_ledger WHERE source >= ? AND source < ? ORDER BY id";
  std::vector<Entry> originals;
  {
    auto& q = statement_(sql);
    q.bind(1, prefix);
    q.bind(2, past_prefix(prefix));
    while (q.step()) originals.push_back(read_entry(q));
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

void Ledger::for_each(const std::function<void(const Entry&)>& visit, std::int64_t after) {
  storage::Statement q(db_, "SELECT " + entry_columns + " FROM points_ledger WHERE id > ? ORDER BY id");
  q.bind(1, after);
  while (q.step()) visit(read_entry(q));
}

ChainPoint chain_end(storage::Connection& db) {
  storage::Statement q(db, "SELECT id, hash FROM points_ledger ORDER BY id DESC LIMIT 1");
  if (!q.step()) return {};
  return {q.column(0).int64(), q.column(1).text()};
}

LedgerHead read_head(storage::Connection& db) {
  LedgerHead stored;
  storage::Statement q(db, "SELECT entries, hash, checkpoint_id, checkpoint_hash FROM points_ledger_head WHERE id = 1");
  if (q.step()) {
    stored.head = {q.column(0).int64(), q.column(1).text()};
    stored.checkpoint = {q.column(2).int64(), q.column(3).text()};
  }
  return stored;
}

Verification verify(storage::Connection& db, Walk walk, const std::optional<std::string>& expect) {
  Verification result;
  auto fail = [&](std::int64_t entry, Message why) {
    result.first_bad = entry;
    result.why = std::move(why);
  };
  const auto stored = read_head(db);
  const std::int64_t last = db.query_integer("SELECT coalesce(max(id), 0) FROM points_ledger");
  result.entries = last;
  Ledger ledger(db);
  // From the checkpoint's predecessor, so that the checkpoint's own entry is recomputed too.
  std::int64_t after = walk == Walk::full ? 0 : std::max<std::int64_t>(stored.checkpoint.entry - 1, 0);
  if (expect) {
    bool hex = std::all_of(expect->begin(), expect->end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (!hex || expect->size() < 16 || expect->size() > 64) throw UsageError(Message(Msg::verify_expect_bad, *expect));
    // The hash as noted, or its first 16 hex digits or more (the short form reports print).
    storage::Statement q(db, "SELECT id FROM points_ledger WHERE substr(hash, 1, length(?1)) = lower(?1) ORDER BY id LIMIT 1");
    q.bind(1, *expect);
    if (q.step()) {
      result.expected_at = q.column(0).int64();
      after = std::min(after, *result.expected_at - 1);
    }
  }
  result.walked_after = after;
  // A ledger emptied or cut short behind kangle's back: the head still counts the entries.
  if (last < stored.head.entry) {
    fail(last + 1, Message(Msg::verify_head_short, last, stored.head.entry));
    return result;
  }
  std::string previous = genesis_hash;
  if (after > 0) {
    auto start = ledger.find(after);
    if (!start) {
      fail(after, Message(Msg::verify_checkpoint));
      return result;
    }
    previous = start->hash;
  }
  std::int64_t previous_id = after;
  // Balances before the walk: each volunteer's last balance up to where it starts.
  std::unordered_map<std::int64_t, long> balances;
  storage::Statement balance_before(
      db, "SELECT balance FROM points_ledger WHERE volunteer_id = ? AND id <= ? ORDER BY id DESC LIMIT 1");
  auto balance_of = [&](std::int64_t volunteer) -> long& {
    auto [it, added] = balances.try_emplace(volunteer, 0);
    if (added && after > 0) {
      balance_before.reset();
      balance_before.bind(1, volunteer);
      balance_before.bind(2, after);
      if (balance_before.step()) it->second = balance_before.column(0).int64();
    }
    return it->second;
  };
  // What a reversal must mirror: the volunteer and points of each entry reversed later
  // (few: kept for those only, so ten million entries need no map of ten million).
  std::unordered_map<std::int64_t, std::pair<std::int64_t, int>> reversible;
  {
    storage::Statement q(db, "SELECT reverses FROM points_ledger WHERE reverses IS NOT NULL AND id > ?");
    q.bind(1, after);
    while (q.step()) reversible[q.column(0).int64()] = {0, 0};
    // Entries reversed after the walk's start but written before it: read as stored.
    for (auto& [id, mirror] : reversible) {
      if (id > after) continue;
      if (auto reversed = ledger.find(id)) mirror = {reversed->volunteer, reversed->points};
    }
  }
  ledger.for_each(
      [&](const Entry& e) {
        if (result.first_bad) return;
        ++result.walked;
        auto bad = [&](Message why) { fail(e.id, std::move(why)); };
        if (e.id != previous_id + 1) return bad(Message(Msg::verify_gap, previous_id, e.id));
        if (entry_hash(previous, e) != e.hash) return bad(Message(Msg::verify_hash));
        if (e.id == stored.checkpoint.entry && e.hash != stored.checkpoint.hash) return bad(Message(Msg::verify_checkpoint));
        auto& balance = balance_of(e.volunteer);
        if (balance + e.points != e.balance) return bad(Message(Msg::verify_balance, balance + e.points, e.balance));
        if (e.reverses) {
          auto it = reversible.find(*e.reverses);
          if (*e.reverses >= e.id || it == reversible.end() || it->second.first != e.volunteer ||
              it->second.second != -e.points) {
            return bad(Message(Msg::verify_reversal, *e.reverses));
          }
        }
        if (e.kind == EntryKind::redeem && !e.reverses && e.balance < 0) return bad(Message(Msg::verify_overdrawn, e.balance));
        balance = e.balance;
        if (auto it = reversible.find(e.id); it != reversible.end()) it->second = {e.volunteer, e.points};
        previous = e.hash;
        previous_id = e.id;
      },
      after);
  result.head = previous;
  if (after == 0) result.volunteers = static_cast<long>(balances.size());
  if (result.first_bad) return result;
  // Entries added behind kangle's back past the head, or a last entry replaced.
  if (previous_id > stored.head.entry) {
    fail(stored.head.entry + 1, Message(Msg::verify_head_long, stored.head.entry));
  } else if (previous != stored.head.hash) {
    fail(previous_id, Message(Msg::verify_head_hash));
  }
  return result;
}

Verification verify_and_checkpoint(storage::Connection& db, Walk walk, const std::optional<std::string>& expect) {
  Verification result;
  {
    storage::Transaction snapshot(db, storage::Transaction::read);
    result = verify(db, walk, expect);
    // A walk from the checkpoint met only some of them.
    if (result.walked_after != 0) result.volunteers = db.query_integer("SELECT count(DISTINCT volunteer_id) FROM points_ledger");
  }
  if (result.first_bad || result.walked_after != 0) return result;
  storage::Transaction transaction(db, storage::Transaction::write);
  store_checkpoint(db, result);
  transaction.commit();
  return result;
}

int Ledger::count_entries_of(std::int64_t volunteer) {
  storage::Statement q(db_, "SELECT count(*) FROM points_ledger WHERE volunteer_id = ?");
  q.bind(1, volunteer);
  q.step();
  return q.column(0).int32();
}

}  // namespace kangle::points
