// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "present/document.hpp"
#include "schedule/sessions.hpp"
#include "schedule/store.hpp"

namespace kangle::schedule {

/// What a seat is for, in `lang`: its service, or the skill an entry asks for beside its services.
std::string duty_name(const config::Config& config, const std::string& service, const std::string& skill, Lang lang);

/// The seats of one duty of one session (a kiosk, a day, a time, a service): one line of a rota.
struct DutyLine {
  RotaSeat first;
  std::vector<std::string> volunteers;
  std::vector<std::int64_t> volunteer_ids;
  std::vector<std::string> seats;
  std::vector<std::string> locked;  ///< the volunteers whose seat is locked
  int empty = 0;
};

/// `seats` (as RotaStore::month orders them) grouped into duty lines, in the same order.
std::vector<DutyLine> duty_lines(const config::Config& config, const std::vector<RotaSeat>& seats);

/// The names on a duty line, then "（空缺 N）" for its empty seats (in `lang`).
std::string who_serves(std::vector<std::string> volunteers, int empty, Lang lang);

/// The month's rota to print and pin up: a section per kiosk (an XLSX sheet, an HTML
/// page, A4 landscape), a table per week from Monday to Sunday with a row per time and
/// duty and a column per day. Names only: no phone is printed.
present::Document rota_by_week(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                               const std::string& now, Lang lang);

/// The public notice (四公开) of each kiosk for the month, a page each: where it is, its
/// opening hours and pledge, its services with when they happen and what they cost, and
/// who is on duty. Names only: volunteers' phone numbers are never posted.
present::Document duty_notice(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                              const std::string& now, Lang lang);

}  // namespace kangle::schedule
