// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "core/dates.hpp"

namespace kangle::lists {

/// How often a resource's capacity comes back.
enum class Renewal { none, weekly, monthly, quarterly, yearly };

/// A resource's period (服务周期) read: the days it serves, and how often its capacity
/// renews. 2026Q4 serves October to December once; 每周二 serves always, renewed each
/// week; 2026年 每月 serves in 2026, renewed each month; 长期 (or nothing) always, once.
struct ServicePeriod {
  std::optional<Date> first, last;  ///< the days it serves, both included; nothing: no bound
  Renewal renewal = Renewal::none;

  /// Whether it serves on `day`.
  bool serves_on(const Date& day) const;
  /// The days whose projects use up its capacity on `day`: the week (Monday to Sunday),
  /// month, quarter or year holding `day`; without renewal its span (a project of an
  /// earlier span does not count in the next); nothing when it has neither (every live project).
  std::optional<std::pair<Date, Date>> window(const Date& day) const;
  friend bool operator==(const ServicePeriod&, const ServicePeriod&) = default;
};

/// A period as lists write it: a span (2026Q4, 2026年第四季度, 2026年, 2026, 2026-12,
/// 2026年12月, 2026-12-01至2027-02-28, 2026.12.1-2027.2.28), a renewal (每周, 每周二,
/// 每月, 每季度, 每年; weekly, monthly …) or both, or 长期/常年 (always). Empty text is
/// always, never renewed. Nothing for text it cannot read.
std::optional<ServicePeriod> parse_service_period(std::string_view text);

}  // namespace kangle::lists
