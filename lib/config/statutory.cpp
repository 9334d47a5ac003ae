// SPDX-License-Identifier: Apache-2.0
// The statutory public holidays of any year. The lunar dates come from ICU's Chinese
// calendar (libicu, as Debian ships it), the Qingming solar term from libnova's solar
// position: ICU has no public API for solar terms, and libnova computes the sun's
// apparent longitude for any year (VSOP87, with nutation and aberration), where a
// shipped table of dates would run out. Never a hand-written lunar calendar.
//
// ICU numbers the months (leap months included) but finds new moons with a low-precision
// model, minutes off: a new moon close to midnight in Beijing can start its month a day
// late (upstream ICU-23274). 2027's New Year is one: the new moon is at 23:56 Beijing time
// on February 6, the day published calendars give (Debian's table-based `lunar` too),
// and ICU 72 says February 7. So the first day of the month ICU names is taken as the
// day in Beijing of the new moon next to ICU's, found with libnova's positions of the
// sun and the moon (VSOP87, ELP 2000-82B). libnova gives both on the ecliptic of J2000,
// which is fine for a conjunction; a solar term is defined on the ecliptic of the date,
// so the sun's position is precessed to it first (0.3° in the 2020s, seven hours).
#include "config/statutory.hpp"

#include <libnova/dynamical_time.h>
#include <libnova/lunar.h>
#include <libnova/precession.h>
#include <libnova/solar.h>
#include <libnova/transform.h>
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>

#include "core/error.hpp"

namespace kangle::config {
namespace {

using namespace std::chrono;

/// China's time zone: the lunar calendar's days and the solar term's day are Beijing's.
constexpr const char* china_zone = "Asia/Shanghai";

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

std::unique_ptr<icu::Calendar> calendar_for(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone(china_zone), icu::Locale(locale), status));
  check(status, locale);
  return calendar;
}

/// The Gregorian day of the moment `time` in China.
Date gregorian_day(icu::Calendar& gregorian, UDate time) {
  UErrorCode status = U_ZERO_ERROR;
  gregorian.setTime(time, status);
  int y = gregorian.get(UCAL_YEAR, status);
  int m = gregorian.get(UCAL_MONTH, status) + 1;
  int d = gregorian.get(UCAL_DATE, status);
  check(status, "gregorian date");
  return Date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
}

/// Noon of a Gregorian day in China.
UDate noon_of(icu::Calendar& gregorian, const Date& date) {
  UErrorCode status = U_ZERO_ERROR;
  gregorian.clear();
  gregorian.set(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())) - 1,
                static_cast<int>(static_cast<unsigned>(date.day())), 12, 0, 0);
  auto time = gregorian.getTime(status);
  check(status, "gregorian time");
  return time;
}

/// The sun's ecliptic longitude, in degrees, at Julian day `jd` (UT), as libnova gives it:
/// apparent, but on the ecliptic and equinox of J2000, like its moon. The theory runs on
/// dynamical time.
double solar_longitude_j2000(double jd) {
  ln_lnlat_posn position{};
  ln_get_solar_ecl_coords(ln_get_jde(jd), &position);
  return position.lng;
}

/// The sun's apparent ecliptic longitude of the date, which solar terms are defined by:
/// libnova's J2000 position precessed to the date (some 0.3° in the 2020s: seven hours).
double solar_longitude_of_date(double jd) {
  auto jde = ln_get_jde(jd);
  ln_equ_posn j2000{}, of_date{};
  ln_get_solar_equ_coords(jde, &j2000);
  ln_get_equ_prec(&j2000, jde, &of_date);
  ln_lnlat_posn position{};
  ln_get_ecl_from_equ(&of_date, jde, &position);
  return position.lng;
}

/// The Julian day (UT) of the Unix epoch.
constexpr double unix_epoch_jd = 2440587.5;
constexpr double beijing_offset_days = 8.0 / 24.0;

double julian_day_of(const Date& date) {
  return unix_epoch_jd + static_cast<double>(sys_days{date}.time_since_epoch().count());
}

/// The day in Beijing of the moment `jd` (UT).
Date beijing_day(double jd) {
  return Date{sys_days{days{static_cast<long>(std::floor(jd - unix_epoch_jd + beijing_offset_days))}}};
}

/// The moment (UT) within `low`…`high` where `f` (increasing there) crosses zero, to well under a second.
template <typename F>
double crossing(F f, double low, double high) {
  while (high - low > 1e-6) {
    double middle = (low + high) / 2;
    (f(middle) < 0 ? low : high) = middle;
  }
  return high;
}

/// The moon's ecliptic longitude ahead of the sun's, in degrees within -180…180 (both of J2000).
double moon_ahead_of_sun(double jd) {
  ln_lnlat_posn moon{};
  auto jde = ln_get_jde(jd);
  ln_get_lunar_ecl_coords(jde, &moon, 0);
  return std::remainder(moon.lng - solar_longitude_j2000(jd), 360.0);
}

/// The day in Beijing of the new moon nearest to `day`: the moon passes the sun then.
Date new_moon_near(const Date& day) {
  // Secant steps from noon that day: the moon gains 12–15° a day on the sun, smoothly,
  // so a few steps reach well under a second (each position of the moon is costly).
  double a = julian_day_of(day) + 0.5 - beijing_offset_days, b = a + 0.5;
  double fa = moon_ahead_of_sun(a), fb = moon_ahead_of_sun(b);
  for (int step = 0; step < 20 && std::abs(b - a) > 1e-6 && fb != fa; ++step) {
    double next = b - fb * (b - a) / (fb - fa);
    a = b, fa = fb;
    b = next, fb = moon_ahead_of_sun(b);
  }
  return beijing_day(b);
}

}  // namespace

Date lunar_date(int year_of, unsigned month_of, unsigned day_of) {
  auto chinese = calendar_for("zh@calendar=chinese");
  auto gregorian = calendar_for("zh@calendar=gregorian");
  UErrorCode status = U_ZERO_ERROR;
  // The lunar year in progress in July is the one that began in this year's January or February.
  chinese->setTime(noon_of(*gregorian, Date{year{year_of}, July, day{1}}), status);
  int lunar_year = chinese->get(UCAL_EXTENDED_YEAR, status);
  check(status, "lunar year");
  chinese->clear();
  chinese->set(UCAL_EXTENDED_YEAR, lunar_year);
  chinese->set(UCAL_MONTH, static_cast<int>(month_of) - 1);
  chinese->set(UCAL_IS_LEAP_MONTH, 0);
  chinese->set(UCAL_DATE, static_cast<int>(day_of));
  chinese->set(UCAL_HOUR_OF_DAY, 12);
  auto time = chinese->getTime(status);
  check(status, "lunar date");
  // ICU rolls a day the month does not have (a 30th of a short month) into the next:
  // refuse rather than give another day.
  chinese->setTime(time, status);
  if (chinese->get(UCAL_MONTH, status) != static_cast<int>(month_of) - 1 || chinese->get(UCAL_IS_LEAP_MONTH, status) != 0 ||
      chinese->get(UCAL_DATE, status) != static_cast<int>(day_of)) {
    throw Error("ICU: no lunar date " + std::to_string(month_of) + "/" + std::to_string(day_of) + " in " +
                std::to_string(year_of));
  }
  check(status, "lunar date");
  auto into_month = days{static_cast<int>(day_of) - 1};
  auto icu_first = sys_days{gregorian_day(*gregorian, time)} - into_month;
  return Date{sys_days{new_moon_near(Date{icu_first})} + into_month};
}

Date qingming(int year_of) {
  // The term falls on April 4, 5 or 6: the longitude passes 15° between April 1 and 9
  // (it grows about 1° a day).
  double term = crossing([](double jd) { return solar_longitude_of_date(jd) - 15.0; }, julian_day_of(Date{year{year_of}, April, day{1}}),
                         julian_day_of(Date{year{year_of}, April, day{9}}));
  return beijing_day(term);
}

std::vector<Holiday> statutory_holidays(int year_of) {
  auto span = [](const char* name, const char* name_en, Date from, int length) {
    Holiday h{name, name_en, from, Date{sys_days{from} + days{length - 1}}, {}};
    h.provisional = true;
    return h;
  };
  auto new_year = sys_days{lunar_date(year_of, 1, 1)};
  year y{year_of};
  // The 2024 revision, in force from 2025, added New Year's Eve and May 2. Before, the
  // 2013 one (in force 2014–2024) gave 春节 the first three days of the year and 劳动节
  // May 1 only: old years' service records (points for holiday service) get those.
  bool revised_2024 = year_of >= 2025;
  return {
      span("元旦", "New Year's Day", Date{y, January, day{1}}, 1),
      revised_2024 ? span("春节", "Spring Festival", Date{new_year - days{1}}, 4)  // the eve: day 29 or 30 of month 12
                   : span("春节", "Spring Festival", Date{new_year}, 3),
      span("清明节", "Qingming Festival", qingming(year_of), 1),
      span("劳动节", "Labour Day", Date{y, May, day{1}}, revised_2024 ? 2 : 1),
      span("端午节", "Dragon Boat Festival", lunar_date(year_of, 5, 5), 1),
      span("中秋节", "Mid-Autumn Festival", lunar_date(year_of, 8, 15), 1),
      span("国庆节", "National Day", Date{y, October, day{1}}, 3),
  };
}

}  // namespace kangle::config
