// SPDX-License-Identifier: Apache-2.0
#include "schedule/away.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "people/store.hpp"

namespace kangle::schedule {

AwayDeclared declare_away(SQLite::Database& db, std::int64_t volunteer, const people::Blackout& away, const std::string& now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  AwayDeclared out;
  out.id = people::Store(db).add_blackout(volunteer, away, now);
  out.seats = RotaStore(db).seats_of(volunteer, away.from, away.to);
  transaction.commit();
  return out;
}

}  // namespace kangle::schedule
