// SPDX-License-Identifier: Apache-2.0
#include "schedule/away.hpp"

#include "people/store.hpp"
#include "storage/connection.hpp"

namespace kangle::schedule {

AwayDeclared declare_away(storage::Connection& db, std::int64_t volunteer, const people::Blackout& away, const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  AwayDeclared out;
  out.id = people::Store(db).add_blackout(volunteer, away, now);
  out.seats = RotaStore(db).seats_of(volunteer, away.from, away.to);
  transaction.commit();
  return out;
}

}  // namespace kangle::schedule
