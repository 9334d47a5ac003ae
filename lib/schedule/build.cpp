// SPDX-License-Identifier: Apache-2.0
#include "schedule/build.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "people/store.hpp"
#include "schedule/store.hpp"

namespace kangle::schedule {

namespace {

/// Plans the month again from what is stored, and stores the new rota. No transaction:
/// the callers hold one.
BuildReport rebuild(SQLite::Database& db, const config::Config& config, const Month& month, const std::string& now) {
  BuildReport report;
  report.month = month;
  RotaStore rota(db);
  AssignOptions options;
  for (const auto& seat : rota.month(month)) {
    report.rebuilt = true;
    if (!seat.volunteer) continue;
    options.previous[seat.seat] = *seat.volunteer;
    if (seat.locked) options.locked[seat.seat] = *seat.volunteer;
  }
  auto volunteers = people::Store(db).list({});
  report.sessions = expand_month(config, month);
  report.plan = assign(config, report.sessions, volunteers, options);
  rota.replace(month, report.sessions, report.plan, now);
  return report;
}

}  // namespace

BuildReport build_rota(SQLite::Database& db, const config::Config& config, const Month& month,
                       const std::string& now, bool dry_run) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  auto report = rebuild(db, config, month, now);
  if (!dry_run) transaction.commit();
  return report;
}

BuildReport drop_volunteer(SQLite::Database& db, const config::Config& config, const Month& month,
                           std::int64_t volunteer, const Date& from, const std::string& reason,
                           const std::string& now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  people::Store(db).add_blackout(volunteer, {from, std::nullopt, reason}, now);
  RotaStore(db).unlock_from(month, volunteer, from);
  auto report = rebuild(db, config, month, now);
  transaction.commit();
  return report;
}

}  // namespace kangle::schedule
