// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"

namespace kangle::records {

/// How a record came to be: confirmed from the rota, added by hand, imported from a sheet.
enum class Origin { rota, manual, import };

/// A volunteer present at a session, and the minutes it counts for them.
struct Attendance {
  std::int64_t volunteer = 0;
  int minutes = 0;
  bool substitute = false;  ///< came instead of someone on the rota
  std::string name;         ///< filled when read, for display
};

/// A service record (服务记录): one service (or event) held at a kiosk or place.
struct Record {
  std::int64_t id = 0;
  std::string key;  ///< what makes it unique: the rota session or the imported row; empty when added by hand
  Origin origin = Origin::manual;
  std::string kiosk;  ///< a kiosk id of the config; empty for a place elsewhere
  std::string place;
  Date date;
  TimeRange time;
  config::Cadence cadence = config::Cadence::daily;
  std::string service;  ///< a service id of the catalogue; empty for an event known by its title
  std::string title;
  std::optional<int> residents;        ///< residents served (人次), when counted
  std::optional<double> satisfaction;  ///< 1–5, when collected
  std::string note;
  std::vector<Attendance> volunteers;
  std::optional<std::string> cancelled_at;
  std::string cancel_reason;

  /// Minutes served by all volunteers together.
  long total_minutes() const;
};

/// Hours a coordinator grants by hand (a forgotten check-in, service before kangle):
/// counted apart from the hours of records.
struct Grant {
  std::int64_t id = 0;
  std::int64_t volunteer = 0;
  Date date;
  int minutes = 0;  ///< negative for a revocation
  std::string reason, approved_by;
  std::optional<std::int64_t> reverses;  ///< the grant this one revokes
};

std::string_view origin_name(Origin origin);

/// What people call an origin: 排班确认, 导入, 手工录入.
Msg origin_label(Origin origin);

/// `2.5`, `2`, `1.25` hours (or `90m`, `90分钟`) as whole minutes, with no floating point;
/// nothing when malformed, zero or not a whole number of minutes.
std::optional<int> parse_duration(std::string_view text);


}  // namespace kangle::records
