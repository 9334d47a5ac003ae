// SPDX-License-Identifier: Apache-2.0
// What the `schedule` commands put out, as documents: the rota, why seats are empty,
// what changed since publication, the night's notifications, what a build did; each in
// the language given to its builder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "present/document.hpp"
#include "schedule/build.hpp"
#include "schedule/notify.hpp"
#include "schedule/store.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::schedule {

/// `--kiosk`, `--person` and `--date`, resolved: empty keeps everything.
struct RotaFilter {
  std::string kiosk;                   ///< a kiosk's id
  std::optional<std::int64_t> person;  ///< a volunteer's id
  std::optional<Date> date;

  bool keeps_kiosk(const std::string& id) const { return kiosk.empty() || id == kiosk; }
  bool keeps(const RotaSeat& seat) const { return keeps_kiosk(seat.kiosk) && (!person || seat.volunteer == person); }
};

/// `--kiosk` and `--person` as the ids they name (either may be empty); an unknown one is an InputError.
RotaFilter rota_filter(storage::Connection& db, const config::Config& config, const std::string& kiosk,
                       const std::string& person);

/// The month's rota as stored; InputError when the month has none yet.
std::vector<RotaSeat> stored_rota(storage::Connection& db, const Month& month);

/// `schedule show`: a row per duty (kiosk, day, time, service) of `seats` the filter keeps,
/// with who serves (names, the locked ones, the empty seats) and the seats' keys.
present::Document rota_document(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                                const RotaFilter& filter, Lang lang);

/// `schedule notify`: a row per volunteer told (name, phone masked unless `reveal`, the
/// day's duties, the message to send) and, when there are any, a row per change told;
/// with nobody to tell, a line that says so above the empty table.
present::Document notifications_document(const config::Config& config, const std::vector<Notice>& notices,
                                         const Date& date, bool reveal, bool dry_run, Lang lang);

/// `schedule explain`: how the month's make-up workdays are staffed, and a row per empty
/// seat the filter keeps (a person: the seats they were considered for) with the reason,
/// from the constraints as they stand now (planned again, nothing stored).
/// InputError when the month has no rota.
present::Document explain_document(storage::Connection& db, const config::Config& config, const Month& month,
                                   const RotaFilter& filter, const std::string& now, Lang lang);

/// `schedule diff`: person by person, the duties added and removed since the month's rota
/// was published. InputError when it was never published.
present::Document diff_document(storage::Connection& db, const config::Config& config, const Month& month, Lang lang);

/// What `schedule build` did: the figures, who moved, the locked seats freed from people
/// away, the certificates running out; the figures as facts.
present::Document build_document(storage::Connection& db, const config::Config& config, const BuildReport& report,
                                 bool dry_run, Lang lang);

/// What `schedule drop` did: who dropped out from when, the month rebuilt, who moved.
present::Document drop_document(storage::Connection& db, const BuildReport& report, std::int64_t volunteer,
                                const Date& from, Lang lang);

/// `schedule lock|unlock`: locks (or unlocks) the seat `seat`, or every seat `person` holds
/// in the month, and says how many. Neither is a UsageError.
present::Document lock_seats(storage::Connection& db, const Month& month, const std::string& seat,
                             std::optional<std::int64_t> person, bool locked, Lang lang);

}  // namespace kangle::schedule
