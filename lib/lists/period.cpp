// SPDX-License-Identifier: Apache-2.0
#include "lists/period.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace kangle::lists {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Date month_first(int y, unsigned m) { return Date{year{y}, month{m}, day{1}}; }
Date month_last(int y, unsigned m) {
  return Date{std::chrono::year_month_day_last{year{y}, std::chrono::month_day_last{month{m}}}};
}

/// The groups of digits of `text`, when everything else is a separator of dates
/// (. / - 年 月 日 号 and spaces); nothing otherwise.
std::optional<std::vector<int>> date_numbers(std::string_view text) {
  std::vector<int> numbers;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      long value = 0;
      std::size_t digits = 0;
      for (; i < text.size() && is_digit(text[i]); ++i, ++digits) value = value * 10 + (text[i] - '0');
      if (digits > 4) return std::nullopt;
      numbers.push_back(static_cast<int>(value));
      continue;
    }
    bool separator = false;
    for (std::string_view s : {".", "/", "-", " ", "年", "月", "日", "号"}) {
      if (text.substr(i).starts_with(s)) {
        i += s.size();
        separator = true;
        break;
      }
    }
    if (!separator) return std::nullopt;
  }
  return numbers;
}

std::optional<Date> read_day(std::string_view text) {
  auto n = date_numbers(text);
  if (!n || n->size() != 3 || (*n)[0] < 1900) return std::nullopt;
  Date date{year{(*n)[0]}, month{static_cast<unsigned>((*n)[1])}, day{static_cast<unsigned>((*n)[2])}};
  if (!date.ok()) return std::nullopt;
  return date;
}

/// A quarter, a month or a year: 2026Q4, 2026年第四季度, 2026-12, 2026年12月, 2026, 2026年.
std::optional<std::pair<Date, Date>> read_span_word(std::string_view text) {
  if (text.size() < 4 || !std::all_of(text.begin(), text.begin() + 4, is_digit)) return std::nullopt;
  int y = std::stoi(std::string(text.substr(0, 4)));
  if (y < 1900) return std::nullopt;
  std::string_view rest = text.substr(4);
  for (std::string_view s : {"年", "-", " ", "/", "."}) {
    if (rest.starts_with(s)) {
      rest.remove_prefix(s.size());
      break;
    }
  }
  if (rest.empty() || rest == "年度" || rest == "全年") return std::pair{month_first(y, 1), month_last(y, 12)};
  std::optional<unsigned> quarter;
  if (rest.size() == 2 && (rest[0] == 'q' || rest[0] == 'Q') && rest[1] >= '1' && rest[1] <= '4') quarter = rest[1] - '0';
  if (rest.starts_with("第")) rest.remove_prefix(std::string_view("第").size());
  static constexpr std::array<std::pair<std::string_view, unsigned>, 8> numbers{
      {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}}};
  for (const auto& [word, q] : numbers) {
    if (rest == std::string(word) + "季度") quarter = q;
  }
  if (quarter) return std::pair{month_first(y, *quarter * 3 - 2), month_last(y, *quarter * 3)};
  if (rest.ends_with("月")) rest.remove_suffix(std::string_view("月").size());
  if (rest.empty() || rest.size() > 2 || !std::all_of(rest.begin(), rest.end(), is_digit)) return std::nullopt;
  auto m = static_cast<unsigned>(std::stoi(std::string(rest)));
  if (m < 1 || m > 12) return std::nullopt;
  return std::pair{month_first(y, m), month_last(y, m)};
}

/// Two days joined by 至, 到, ~ or a dash: 2026-12-01至2027-02-28, 2026.12.1-2027.2.28.
std::optional<std::pair<Date, Date>> read_range(std::string_view text) {
  for (std::string_view joint : {"至", "到", "~", "—", "–", "-"}) {
    for (auto at = text.find(joint); at != std::string_view::npos; at = text.find(joint, at + 1)) {
      auto first = read_day(text::trim(text.substr(0, at)));
      auto last = read_day(text::trim(text.substr(at + joint.size())));
      if (first && last) {
        if (*last < *first) return std::nullopt;
        return std::pair{*first, *last};
      }
    }
  }
  return std::nullopt;
}

/// Takes a renewal word out of `text` (每周二 and the weekdays after it too).
std::optional<Renewal> take_renewal(std::string& text) {
  static constexpr std::array<std::pair<std::string_view, Renewal>, 12> words{{
      {"每星期", Renewal::weekly}, {"每周", Renewal::weekly}, {"每礼拜", Renewal::weekly},
      {"每个月", Renewal::monthly}, {"每月", Renewal::monthly}, {"每季度", Renewal::quarterly},
      {"每季", Renewal::quarterly}, {"每年", Renewal::yearly}, {"weekly", Renewal::weekly},
      {"monthly", Renewal::monthly}, {"quarterly", Renewal::quarterly}, {"yearly", Renewal::yearly},
  }};
  for (const auto& [word, renewal] : words) {
    auto at = text.find(word);
    if (at == std::string::npos) continue;
    auto end = at + word.size();
    if (renewal == Renewal::weekly) {  // 每周二、四: the days it comes
      for (bool more = true; more;) {
        more = false;
        for (std::string_view d : {"一", "二", "三", "四", "五", "六", "日", "天", "、", "和", "至", "到", "末"}) {
          if (std::string_view(text).substr(end).starts_with(d)) {
            end += d.size();
            more = true;
          }
        }
      }
    }
    text.erase(at, end - at);
    return renewal;
  }
  return std::nullopt;
}

bool means_always(std::string_view text) {
  for (std::string_view w : {"长期", "常年", "长年", "全年无休", "不限", "长期有效", "always", "ongoing"}) {
    if (text == w) return true;
  }
  return false;
}

}  // namespace

bool ServicePeriod::serves_on(const Date& d) const { return (!first || *first <= d) && (!last || d <= *last); }

std::optional<std::pair<Date, Date>> ServicePeriod::window(const Date& d) const {
  int y = static_cast<int>(d.year());
  auto m = static_cast<unsigned>(d.month());
  switch (renewal) {
    case Renewal::none: {
      // A span is a period of its own: the next quarter's list starts afresh.
      if (!first && !last) return std::nullopt;
      using namespace std::chrono;
      return std::pair{first.value_or(Date{year{1900} / January / 1}), last.value_or(Date{year{9999} / December / 31})};
    }
    case Renewal::weekly: {
      std::chrono::sys_days today{d};
      auto monday = today - (std::chrono::weekday{today} - std::chrono::Monday);
      return std::pair{Date{monday}, Date{monday + std::chrono::days{6}}};
    }
    case Renewal::monthly: return std::pair{month_first(y, m), month_last(y, m)};
    case Renewal::quarterly: {
      auto q_first = (m - 1) / 3 * 3 + 1;
      return std::pair{month_first(y, q_first), month_last(y, q_first + 2)};
    }
    case Renewal::yearly: return std::pair{month_first(y, 1), month_last(y, 12)};
  }
  return std::nullopt;
}

std::optional<ServicePeriod> parse_service_period(std::string_view raw) {
  auto text = text::ascii_lower(text::clean(raw));
  ServicePeriod period;
  if (auto renewal = take_renewal(text)) period.renewal = *renewal;
  // What is left is the span, with the marks that joined it to the renewal.
  std::string_view span = text::trim(text);
  for (bool more = true; more;) {
    more = false;
    for (std::string_view mark : {",", "，", "、", ";", "；", "(", ")", "（", "）", "内"}) {
      if (span.starts_with(mark)) span.remove_prefix(mark.size()), more = true;
      if (span.ends_with(mark)) span.remove_suffix(mark.size()), more = true;
    }
    span = text::trim(span);
  }
  if (span.empty() || means_always(span)) return period;
  auto days = read_span_word(span);
  if (!days) days = read_range(span);
  if (!days) return std::nullopt;
  period.first = days->first;
  period.last = days->second;
  return period;
}

}  // namespace kangle::lists
