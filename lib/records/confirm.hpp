// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "records/record.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::records {

/// What the coordinator says about a day on the rota.
struct ConfirmOptions {
  Date date;
  std::string kiosk;                              ///< empty: every kiosk
  std::vector<std::int64_t> absent;               ///< on the rota, did not come
  std::map<std::int64_t, std::int64_t> instead;   ///< on the rota → who came in their place
  /// Residents served by service id (or event title), or by `id@HH:MM` when the day holds
  /// the service at more than one time.
  std::map<std::string, int> served;
  /// Residents' satisfaction (1 to 5), keyed as `served`.
  std::map<std::string, double> satisfaction;
};

/// A kiosk whose day was confirmed before.
struct ConfirmedBefore {
  std::string kiosk;
  std::string confirmed_at;
};

struct ConfirmReport {
  std::vector<Record> added;                 ///< with their ids (none for a dry run)
  std::vector<ConfirmedBefore> already;      ///< kiosks left as they were
  std::vector<Message> left_out;             ///< sessions recorded before another way (an import), not confirmed
  std::vector<Message> warnings;
};

/// Turns the day's rota into service records, one per service (or event) of each
/// session: everyone scheduled is present unless absent, substitutes count in the
/// place of whom they replaced, each for the session's minutes; a session nobody came
/// to leaves no record. A kiosk's day is confirmed once: confirming it again changes
/// nothing (corrections go through `record set`, `add` and `cancel`), so an absence
/// stays an absence. A session recorded before another way (an import of the same
/// kiosk, day, service and time) is left out and said. All in one transaction, rolled
/// back for a dry run. InputError, with nothing written, when the day is after today or
/// before 2000, has no rota, an absent or replaced person is not on it, residents are
/// counted or rated for a session nobody came to, or a record is refused (`refusal_of`: a
/// volunteer already elsewhere at that time, a session too long).
ConfirmReport confirm_from_rota(storage::Connection& db, const config::Config& config, const ConfirmOptions& options,
                                const std::string& now, bool dry_run);

/// Stores a record added by hand (an outreach visit, an emergency round), checking its
/// kiosk and service against the config; returns it with its id and the warnings (a
/// daily cap passed). A person named twice is counted once. In one transaction.
/// InputError when `refusal_of` refuses it.
std::pair<Record, std::vector<Message>> add_record(storage::Connection& db, const config::Config& config,
                                                       Record record, const std::string& now);

/// The warning when the residents recorded for `record`'s service that day pass the
/// service's daily cap (每日限定人数): the cap is a plan, so the record stays.
std::optional<Message> daily_cap_warning(storage::Connection& db, const config::Config& config, const Record& record);

}  // namespace kangle::records
