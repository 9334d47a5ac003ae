// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "config/model.hpp"

namespace kangle::config {

/// The Gregorian date, in China, of day `day` of month `month` (1–12, never the leap
/// month) of the Chinese lunar year that begins in Gregorian `year`. From ICU's Chinese
/// calendar.
Date lunar_date(int year, unsigned month, unsigned day);

/// The day (Beijing time, UTC+8) of the Qingming solar term in `year`: the sun's apparent
/// ecliptic longitude reaches 15°. From libnova's solar position (VSOP87).
Date qingming(int year);

/// China's statutory public holidays of `year` by the national regulation on public
/// holidays (全体公民放假的节日和纪念日放假办法, as revised in 2024, in force from 2025):
/// 元旦 Jan 1; 春节 the lunar New Year's Eve and the first three days of the lunar year;
/// 清明 the solar term's day; 劳动节 May 1–2; 端午 5/5 and 中秋 8/15 of the lunar
/// calendar; 国庆 Oct 1–3. Only these days: the State Council's yearly schedule, which
/// joins them to weekends and sets make-up workdays, is holidays/YEAR.toml. Years
/// before 2025 by the 2013 revision (春节 lunar 1/1–1/3, 劳动节 May 1). Each one is
/// marked provisional.
std::vector<Holiday> statutory_holidays(int year);

}  // namespace kangle::config
