// SPDX-License-Identifier: Apache-2.0
#include "records/grants.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "records/integrity.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"

namespace kangle::records {

Grant grant_hours(storage::Connection& db, const config::Config& config, Grant grant, const std::string& now) {
  if (auto refusal = date_refusal(grant.date, today_in_workspace(config, now))) throw InputError(*refusal);
  int most = config.settings.records.max_grant_minutes;
  if (grant.minutes > most) throw InputError(Message(Msg::grant_too_long, duration_words(grant.minutes), duration_words(most)));
  storage::Transaction transaction(db, storage::Transaction::write);
  grant.id = RecordStore(db).add_grant(grant, now);
  transaction.commit();
  return grant;
}

Grant revoke_grant(storage::Connection& db, std::int64_t id, const std::string& reason, const std::string& approved_by,
                   const std::string& now) {
  storage::Transaction transaction(db, storage::Transaction::write);
  RecordStore store(db);
  auto granted = store.find_grant(id);
  if (!granted) throw InputError(Message(Msg::grant_not_found, id));
  if (granted->reverses) throw InputError(Message(Msg::grant_is_revocation, id, *granted->reverses));
  if (auto by = store.revocation_of(id)) throw InputError(Message(Msg::grant_revoked_already, id, *by));
  Grant revocation{0, granted->volunteer, granted->date, -granted->minutes, reason, approved_by, id};
  revocation.id = store.add_grant(revocation, now);
  transaction.commit();
  return revocation;
}

}  // namespace kangle::records
