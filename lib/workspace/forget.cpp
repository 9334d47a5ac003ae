// SPDX-License-Identifier: Apache-2.0
#include "workspace/forget.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "lists/store.hpp"
#include "people/store.hpp"
#include "points/ledger.hpp"
#include "records/store.hpp"
#include "schedule/ics.hpp"
#include "schedule/notify.hpp"
#include "schedule/store.hpp"
#include "storage/connection.hpp"

namespace kangle::workspace {

using present::Value;

Forgotten forget_volunteer(storage::Connection& db, std::int64_t volunteer, const Date& today, const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  Forgotten kept;
  if (auto phone = people::Store(db).forget(volunteer, now)) {
    std::tie(kept.needs, kept.resources) = lists::Store(db).forget_person(*phone, volunteer, now);
  }
  schedule::forget_notifications(db, volunteer);
  schedule::forget_calendars(db, volunteer);
  kept.seats_freed = schedule::RotaStore(db).free_seats_of(volunteer, today);
  kept.records = records::RecordStore(db).count_records_of(volunteer);
  kept.ledger_entries = points::Ledger(db).count_entries_of(volunteer);
  transaction.commit();
  return kept;
}

present::Document forget_document(storage::Connection& db, const std::string& who, bool confirmed, const Date& today,
                                  const std::string& now, Lang lang) {
  auto volunteer = people::resolve_volunteer(db, who);
  if (!confirmed) throw UsageError(Message(Msg::volunteer_forget_needs_yes, who));
  auto kept = forget_volunteer(db, volunteer, today, now);
  return present::message(lang, "volunteer_forgotten",
                          {tr(lang, Msg::volunteer_forgotten, who, volunteer, kept.records, kept.ledger_entries, kept.seats_freed,
                              kept.resources, kept.needs)},
                          {{"volunteer", Value::integer(volunteer)},
                           {"records", Value::integer(kept.records)},
                           {"ledger_entries", Value::integer(kept.ledger_entries)},
                           {"seats_freed", Value::integer(kept.seats_freed)},
                           {"resources", Value::integer(kept.resources)},
                           {"needs", Value::integer(kept.needs)}});
}

}  // namespace kangle::workspace
