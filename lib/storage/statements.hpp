// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "storage/connection.hpp"

namespace kangle::storage {

/// Prepared statements kept for the life of a store, each reset for its next use: an
/// import of 100,000 rows would otherwise spend most of its time parsing SQL. The key
/// is the address of the SQL text, so callers pass static strings.
class StatementCache {
public:
  explicit StatementCache(Connection& db) : db_(db) {}

  Statement& operator()(const std::string& sql) {
    auto& slot = statements_[&sql];
    if (!slot) slot = std::make_unique<Statement>(db_, sql);
    slot->reset();
    slot->clear_bindings();
    return *slot;
  }

private:
  Connection& db_;
  std::map<const std::string*, std::unique_ptr<Statement>> statements_;
};

/// `item` `count` times, comma-separated: the VALUES of a statement that writes many rows
/// at once ("(?, ?), (?, ?)"), or the list of an IN ("?, ?"). On PostgreSQL each statement
/// is a round trip to the server; a few hundred rows to one make a bulk write fast.
inline std::string repeated(std::string_view item, std::size_t count) {
  std::string out;
  out.reserve(count * (item.size() + 2));
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += item;
  }
  return out;
}

/// `head`, `count` times `row`, then `tail`: made once for each count, for a statement of
/// many rows (the statement cache knows a statement by its text's address). Under a lock:
/// a matching run writes on a thread of its own.
inline const std::string& many_rows(const char* head, const char* row, std::size_t count, const char* tail = "") {
  static std::mutex making;
  static std::map<std::tuple<const char*, const char*, const char*, std::size_t>, std::string> made;
  std::lock_guard lock(making);
  auto& sql = made[{head, row, tail, count}];
  if (sql.empty()) sql = head + repeated(row, count) + tail;
  return sql;
}

}  // namespace kangle::storage
