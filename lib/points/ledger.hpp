// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "storage/connection.hpp"
#include "storage/statements.hpp"

namespace kangle::points {

/// Points earned (by a rule), adjusted by hand, or spent. A reversal keeps the kind of
/// the entry it reverses, so the honour board counts earned points net of corrections.
enum class EntryKind { earn, adjust, redeem };

std::string_view kind_name(EntryKind kind);

/// One line of the ledger. Never changed once written.
struct Entry {
  std::int64_t id = 0;
  std::int64_t volunteer = 0;
  Date date;         ///< the day the points are for: the service's day, or the day of the adjustment
  int points = 0;
  long balance = 0;  ///< the volunteer's balance after this entry
  EntryKind kind = EntryKind::earn;
  std::string rule;  ///< the rule it came from: per_session, service:haircut, …; manual, redeem, reversal
  std::optional<std::string> source;  ///< what it was awarded for; unique, so nothing is awarded twice
  std::optional<std::int64_t> reverses;
  std::string reason;
  std::string entered_by;
  std::string created_at;
  std::string hash;  ///< SHA-256 of the entry and the hash of the entry before it
};

/// The hash of the first entry's predecessor.
inline const std::string genesis_hash(64, '0');

/// The hash `entry` must carry after an entry whose hash is `previous`: every field but
/// the hash itself, separated by US (0x1f), after the previous hash. Volunteers are
/// named by id only, so erasing a person's name and phone (PIPL) leaves the chain whole.
std::string entry_hash(const std::string& previous, const Entry& entry);

/// The ledger table. Appends only; callers hold an IMMEDIATE transaction across the
/// appends of one command, so that the chain's head cannot move under them.
class Ledger {
public:
  explicit Ledger(storage::Connection& db) : db_(db) {}

  /// Walks the chain from the checkpoint, once for the life of this object: WorkspaceError
  /// naming the first bad entry when it does not verify. What every command that appends
  /// calls before it writes anything: new entries' hashes would vouch for a broken chain.
  void require_intact();
  /// Fills in `entry`'s id, balance and hash, stores it and moves the head table to it,
  /// after require_intact(). False, and nothing stored, when an entry with the same source
  /// exists already: the unique key makes awarding twice impossible, whoever runs it.
  bool append(Entry& entry);
  /// The volunteer's balance now.
  long balance(std::int64_t volunteer);
  /// How many entries the ledger holds for `volunteer`.
  int count_entries_of(std::int64_t volunteer);
  std::optional<Entry> find(std::int64_t id);
  /// The entry that reverses `id`, if any.
  std::optional<std::int64_t> reversed_by(std::int64_t id);
  /// The volunteer's entries, oldest first.
  std::vector<Entry> history(std::int64_t volunteer);
  /// Whether an entry's source starts with `prefix` (sources are `record:ID:VOLUNTEER:RULE`).
  bool has_source_prefix(const std::string& prefix);
  /// The entries whose source starts with `prefix` that still stand: never reversed, or
  /// reversed and reversed back. Each with the last entry of its chain of reversals,
  /// which is the one to reverse to take the points back.
  std::vector<std::pair<Entry, std::int64_t>> standing_with_source_prefix(const std::string& prefix);
  /// Every entry after entry `after` in order, one at a time: what `verify` reads.
  void for_each(const std::function<void(const Entry&)>& visit, std::int64_t after = 0);

private:
  storage::Connection& db_;
  storage::StatementCache statement_{db_};
  std::optional<std::pair<std::int64_t, std::string>> head_;  ///< last id and hash, once verified
  std::map<std::int64_t, long> balances_;                      ///< balances read or written in this run
};

/// A point of the chain: an entry's number (0 before the first) and its hash.
struct ChainPoint {
  std::int64_t entry = 0;
  std::string hash = genesis_hash;
};

/// What the head table holds: the head as of the last append, and the checkpoint stored
/// by the last full walk that passed (entry 0 when there was none).
struct LedgerHead {
  ChainPoint head;
  ChainPoint checkpoint;
};

/// The chain's last entry as it stands (entry 0 and the genesis hash when empty): what a
/// report prints, for `points verify --expect` to prove later that it is still there.
ChainPoint chain_end(storage::Connection& db);

/// The head table as stored; entry 0 when its row is missing.
LedgerHead read_head(storage::Connection& db);

/// How much of the chain a verify walks.
enum class Walk {
  full,             ///< every entry from the first
  from_checkpoint,  ///< the entries after the checkpoint of the last full walk that passed
};

/// What `points verify` found.
struct Verification {
  long entries = 0;                       ///< entries in the ledger (the last entry's number)
  long volunteers = 0;
  long walked = 0;                        ///< entries whose hash and balance were recomputed
  std::int64_t walked_after = 0;          ///< the entry whose hash the walk started from (0: the first)
  std::string head;                       ///< the last entry's hash: note it to notice a cut-off tail later
  std::optional<std::int64_t> first_bad;  ///< the first entry that does not fit
  Message why{Msg::verbatim, ""};         ///< why it does not fit
  std::optional<std::int64_t> expected_at;  ///< the entry carrying the `expect` hash, when one was asked for and found
};

/// Recomputes the hash chain and every running balance in one pass (all of it, or after
/// the checkpoint), checks each reversal against what it reverses and each redemption
/// against the balance, and the chain's end against the head table. With `expect` (a
/// hash, or its first 16 or more hex digits), also finds the entry that carries it and
/// walks from there at the latest; `expected_at` stays empty when none does. Reads only.
Verification verify(storage::Connection& db, Walk walk = Walk::full, const std::optional<std::string>& expect = {});

/// `points verify`: verify(), and when a full walk passes, its end stored as the
/// checkpoint later walks start from (in its own transaction).
Verification verify_and_checkpoint(storage::Connection& db, Walk walk, const std::optional<std::string>& expect);

}  // namespace kangle::points
