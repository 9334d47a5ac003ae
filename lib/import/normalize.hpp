// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "people/volunteer.hpp"

namespace kangle::import {

/// The items of a list typed into one cell (text::split_list), for the importers.
using text::split_list;

/// Availability text as sign-up forms have it: 周一上午、周三下午、周末、工作日、每天,
/// 周一至周五上午, 周六全天, 晚上, 每周二, 周二和周四, 周一、三、五, 周2, 星期三, 周三晚,
/// 中午, clock ranges (周一至周五9:00-11:30, mapped to the parts of the day they
/// overlap), "mon am". Daytime words alone (周一) mean morning and afternoon; evenings
/// only when said. A piece it cannot read does not wipe the rest: what was read is
/// returned and the pieces it could not read go to `unreadable` (joined by 、); nothing
/// is returned only when no piece could be read.
std::optional<people::Availability> parse_availability(std::string_view text, std::vector<std::string>* unreadable = nullptr);

/// "周一上午、周三下午" style text of an availability in `lang`.
std::string describe_availability(const people::Availability& availability, Lang lang);

/// True for 中共党员 and 中共预备党员 (and 党员, 预备党员, CPC member).
bool is_party_member(std::string_view political_status);

/// A yes or a no: 是 有 √ Y yes true 1, or 否 无 不是 × N no false 0. Nothing for other text.
std::optional<bool> parse_yes_no(std::string_view text);

/// A whole number as people write a count: "3", "3人", "约20人", "每月10人次", "20.0".
/// Nothing when there is no number, more than one ("20-30人"), or it is above 1,000,000.
std::optional<int> parse_count(std::string_view text);

/// An amount of money in fen (分): "200", "200元", "¥12.5", "1,200 元", "约50元"; 免费,
/// 无偿, 不收费, free are 0. Nothing when it cannot be read ("面议").
std::optional<std::int64_t> parse_money_fen(std::string_view text);

/// How far a resource reaches, read from "500米", "500m", "1公里", "1.5km", "1千米以内",
/// "方圆800米", or a bare number of metres; `anywhere` for 全街道, 街道内, 不限 and the like.
/// 0 (0米) is a radius: only its own place, never the whole street.
struct Radius {
  bool anywhere = false;
  int metres = 0;
};
std::optional<Radius> parse_radius(std::string_view text);

/// A decimal number ("121.4213", "31.1582°"); nothing for anything else.
std::optional<double> parse_decimal(std::string_view text);

/// A period as one form: 2026年第四季度, 2026年4季度, 2026 Q4, 2026-q4 → "2026Q4"; any other
/// text as it is (cleaned).
std::string normalize_period(std::string_view text);

}  // namespace kangle::import
