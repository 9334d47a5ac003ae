// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "people/volunteer.hpp"

namespace kangle::import {

/// NFKC-normalised and trimmed (U+3000 included): full-width digits and letters
/// become ASCII ("１３８" → "138"), compatibility forms fold, stray spaces go.
std::string clean(std::string_view text);

/// A mobile number as its 11 digits, from what people and Excel make of it:
/// "138 0013 8000", "138-0013-8000", "+86 13800138000", "13800138000.0",
/// "1.38001380E10", full-width digits. Nothing when it is not an 11-digit number
/// starting with 1.
std::optional<std::string> normalize_phone(std::string_view text);

/// The items of a list typed into one cell: split on 、 , ， ; ； / ／ and white space,
/// cleaned, empty items dropped.
std::vector<std::string> split_list(std::string_view text);

/// Availability text as sign-up forms have it: 周一上午、周三下午、周末、工作日、每天,
/// 周一至周五上午, 周六全天, 晚上, "mon am". Daytime words alone (周一) mean morning
/// and afternoon; evenings only when said. Sets `unreadable` to the first piece it
/// cannot read and returns nothing then.
std::optional<people::Availability> parse_availability(std::string_view text, std::string* unreadable = nullptr);

/// "周一上午、周三下午" style text of an availability (the current language).
std::string describe_availability(const people::Availability& availability);

/// True for 中共党员 and 中共预备党员 (and 党员, 预备党员, CPC member).
bool is_party_member(std::string_view political_status);

}  // namespace kangle::import
