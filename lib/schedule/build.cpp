// SPDX-License-Identifier: Apache-2.0
#include "schedule/build.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "people/store.hpp"
#include "schedule/store.hpp"

namespace kangle::schedule {

BuildReport build_rota(SQLite::Database& db, const config::Config& config, const Month& month,
                       const std::string& now, bool dry_run) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
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
  if (!dry_run) transaction.commit();
  return report;
}

}  // namespace kangle::schedule
