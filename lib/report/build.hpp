// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "present/document.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::report {

/// What every report is built from: the workspace, the period, the time of the run, the language.
struct Source {
  storage::Connection& db;
  const config::Config& config;
  Period period;
  std::string now;      ///< ISO-8601 UTC, printed as the time the report was made
  bool reveal = false;  ///< phone numbers in full (the volunteers report); masked otherwise
  std::string unit{};   ///< the volunteers report: only volunteers whose unit's name holds this
  Lang lang = Lang::zh_CN;  ///< of the report's titles, headers and lines
};

/// `report month|quarter|year`: the headline figures in the seeds' words, compared with
/// the period before and the same period a year before; then by kiosk, by service and
/// month by month (the twelve months to a monthly report's month).
present::Document period_report(const Source& source);

/// `report services`: the portfolio review, every service in 固化, 保留, 嫁接 or 退出 with
/// its figures and the sentence that puts it there.
present::Document services_report(const Source& source);

/// `report units`: the co-building units' reverse assessment, ranked by residents' satisfaction.
present::Document units_report(const Source& source);

/// `report volunteers`: each volunteer's sessions, hours (recorded and granted apart) and
/// points; unique volunteers per service and kiosk; seats filled by kiosk, weekday and part of day.
present::Document volunteers_report(const Source& source);

}  // namespace kangle::report
