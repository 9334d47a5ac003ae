// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "core/i18n.hpp"

namespace kangle::config {

/// On which days a menu entry happens: the `on` key of kiosk files (docs/workspace.md).
struct Rhythm {
  enum class Kind {
    weekdays,       ///< "thu", "mon-fri": every week on these weekdays
    nth_weekday,    ///< "2nd sat", "last fri": once a month
    every_n_weeks,  ///< "every 2 weeks from 2026-12-03"
    day_of_month,   ///< "day 15"
    one_date,       ///< "2026-12-24"
  };
  Kind kind = Kind::weekdays;
  std::bitset<7> weekdays;  ///< by std::chrono c_encoding (0 = Sunday), for `weekdays`
  std::chrono::weekday weekday;  ///< for nth_weekday
  int nth = 0;                   ///< 1..5, or -1 for "last"
  int interval_weeks = 1;        ///< for every_n_weeks
  Date anchor;                   ///< start of every_n_weeks; the date of one_date
  unsigned day = 0;              ///< for day_of_month

  /// True when the entry happens on `date`. `acts_as` is the weekday whose menu the
  /// day follows: its own, or for a make-up workday (调休) the weekday it stands for.
  bool occurs_on(const Date& date, std::chrono::weekday acts_as) const;
};

/// The rhythm in words of the current language: "每月最后一个周四", "last Thu of the month".
std::string describe_rhythm(const Rhythm& rhythm, Lang lang);

/// A set of weekdays in words: "周一至周五" is not attempted; "周一、周三".
std::string describe_weekdays(const std::bitset<7>& days, Lang lang);

/// The rhythm written in `text`, in English or as people write it in Chinese (docs/workspace.md):
/// 周四, 每周三, 周一至周五, 每月第二个周六, 每月最后一个周四, 隔周四 从2026-12-03, 每2周周四 从…,
/// 每月15日, 2026年12月24日; full-width digits too. Nothing when it cannot be read; then
/// `problem`, when given, says why if more can be said than that it was not understood.
std::optional<Rhythm> parse_rhythm(std::string_view text, std::optional<Message>* problem = nullptr);

/// A weekday, a range or a list of them (`mon-fri`, `sat-sun`, `周一至周五`, `周一到周五`,
/// `周一-周五`, `工作日`, `周一、周三`) as a set: the `[hours]` keys.
std::optional<std::bitset<7>> parse_weekday_set(std::string_view text);

/// A weekday as each language writes it, for a message.
Localized weekday_words(std::chrono::weekday day);

}  // namespace kangle::config
