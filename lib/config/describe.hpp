// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "config/model.hpp"

namespace kangle::config {

/// A kiosk's opening hours, days with the same hours on one line:
/// "周一、周二、周三、周四、周五 09:00-11:30, 13:30-16:00".
std::vector<std::string> describe_hours(const Kiosk& kiosk, Lang lang);

/// What a menu entry offers: its services' names, then the extra seats it asks ("志愿者×2").
std::string describe_services(const Catalogue& catalogue, const MenuEntry& entry, Lang lang);

/// A menu entry on one line: its rhythm, hours, place, title and months ("每周四 08:30-11:30 「便民服务小集市」").
std::string describe_entry(const MenuEntry& entry, Lang lang);

/// What a service costs residents: 免费, 仅收材料费, or the fixed fee in yuan.
std::string describe_fee(const Fee& fee, Lang lang);

}  // namespace kangle::config
