// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "schedule/sessions.hpp"
#include "schedule/store.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::schedule {

struct IcsOptions {
  std::optional<std::int64_t> volunteer;  ///< only this volunteer's duties (their phone calendar)
  std::string now;                        ///< DTSTAMP, an ISO-8601 UTC timestamp
  Lang lang = Lang::zh_CN;                ///< of the events' names and descriptions
};

/// One calendar event: its UID (the same across exports), the content lines that say what
/// and when (unfolded, '\n' between them; a VALARM among them when kangle.toml asks for one),
/// who is on duty (its DESCRIPTION, by name), who that is by volunteer id ("4,5+1": ids,
/// then the empty seats), its SEQUENCE and whether it is cancelled. What kangle keeps of an
/// event handed out is its body and `serving`: no names, so that `volunteers forget` leaves
/// none behind, while a change of hands still counts as a change.
struct IcsEvent {
  std::string uid;
  std::string body;
  std::string who;
  std::string serving;
  int sequence = 0;
  bool cancelled = false;
  friend bool operator==(const IcsEvent&, const IcsEvent&) = default;
};

/// The events of `seats`: one per session (for everyone) or per duty (for one volunteer),
/// with UIDs that stay the same across exports. Volunteers appear by name only. SEQUENCE 0.
std::vector<IcsEvent> ics_events(const config::Config& config, const std::vector<RotaSeat>& seats,
                                 const IcsOptions& options);

/// `current` numbered against the events of the same calendar handed out `before`: an
/// unchanged event keeps its SEQUENCE, a changed one (or one back after a cancellation)
/// goes one higher, and one no longer there comes back cancelled, one higher (once; after
/// that it stays as it was), so that phones update or remove what they hold.
std::vector<IcsEvent> number_events(std::vector<IcsEvent> current, const std::vector<IcsEvent>& before);

/// The events as an iCalendar file (RFC 5545) in the Asia/Shanghai time zone.
std::string render_ics(const config::Config& config, const Month& month, const std::vector<IcsEvent>& events,
                       const IcsOptions& options);

/// The calendar a `schedule export --format ics` hands out: one person's (`person|`),
/// one kiosk's (`|kiosk`), one person's at one kiosk, or everyone's (`|`).
std::string calendar_scope(const std::optional<std::int64_t>& person, const std::string& kiosk);

/// Forgets what was handed out in `volunteer`'s own calendars (`volunteers forget`).
void forget_calendars(storage::Connection& db, std::int64_t volunteer);

/// `schedule export --format ics`: the calendar of `seats` (one kiosk's or everyone's:
/// `scope` names which), numbered against the events of that calendar exported before,
/// given to `deliver` and then recorded — one transaction, rolled back when `deliver`
/// throws: only a calendar handed out counts as handed out.
void export_ics(storage::Connection& db, const config::Config& config, const Month& month,
                const std::vector<RotaSeat>& seats, const std::string& scope, const IcsOptions& options,
                const std::function<void(const std::string&)>& deliver);

}  // namespace kangle::schedule
