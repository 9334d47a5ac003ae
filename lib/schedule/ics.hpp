// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "schedule/sessions.hpp"
#include "schedule/store.hpp"

namespace kangle::schedule {

struct IcsOptions {
  std::optional<std::int64_t> volunteer;  ///< only this volunteer's duties (their phone calendar)
  int sequence = 0;                       ///< how many times the month was built: re-exports update events
  std::string now;                        ///< DTSTAMP, an ISO-8601 UTC timestamp
};

/// The rota as an iCalendar file (RFC 5545) in the Asia/Shanghai time zone: one event
/// per session (for everyone) or per duty (for one volunteer), with UIDs that stay the
/// same across exports so that calendars update events rather than add them again.
/// Volunteers appear by name only.
std::string render_ics(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                       const IcsOptions& options);

}  // namespace kangle::schedule
