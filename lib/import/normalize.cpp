// SPDX-License-Identifier: Apache-2.0
#include "import/normalize.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <unordered_map>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kangle::import {
namespace {


/// Removes the longest of `words` from the front of `s`; true when one was there.
bool strip_prefix(std::string_view& s, std::initializer_list<std::string_view> words) {
  std::string_view best;
  for (auto w : words) {
    if (s.starts_with(w) && w.size() > best.size()) best = w;
  }
  if (best.empty()) return false;
  s.remove_prefix(best.size());
  s = text::trim(s);
  return true;
}

/// Removes the longest of `words` from the end of `s`; true when one was there.
bool strip_suffix(std::string_view& s, std::initializer_list<std::string_view> words) {
  std::string_view best;
  for (auto w : words) {
    if (s.ends_with(w) && w.size() > best.size()) best = w;
  }
  if (best.empty()) return false;
  s.remove_suffix(best.size());
  s = text::trim(s);
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// A non-negative decimal at the front of `s` ("12", "1.5", "1,200"), consumed; its value
/// times 10^`scale`, rounded, or nothing when there is no number or more decimals than `scale`.
std::optional<std::int64_t> take_decimal(std::string_view& s, int scale) {
  std::int64_t whole = 0;
  std::size_t i = 0;
  bool any = false;
  // Thousands separated by commas: "1,200", where exactly three digits follow each comma.
  auto thousands = [&](std::size_t at) {
    return at + 3 < s.size() && is_digit(s[at + 1]) && is_digit(s[at + 2]) && is_digit(s[at + 3]) &&
           (at + 4 == s.size() || !is_digit(s[at + 4]));
  };
  for (; i < s.size() && (is_digit(s[i]) || (s[i] == ',' && any && thousands(i))); ++i) {
    if (s[i] == ',') continue;
    whole = whole * 10 + (s[i] - '0');
    any = true;
    if (whole > 1'000'000'000) return std::nullopt;
  }
  if (!any) return std::nullopt;
  std::int64_t fraction = 0;
  int digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (digits == scale) {
        if (s[i] != '0') return std::nullopt;  // 12.345元: more precision than fen
        continue;
      }
      fraction = fraction * 10 + (s[i] - '0');
      ++digits;
    }
  }
  for (; digits < scale; ++digits) fraction *= 10;
  s.remove_prefix(i);
  s = text::trim(s);
  std::int64_t unit = 1;
  for (int k = 0; k < scale; ++k) unit *= 10;
  return whole * unit + fraction;
}

// --- availability -------------------------------------------------------------

using Days = std::bitset<7>;
using Parts = std::bitset<3>;

constexpr Parts daytime{0b011};

using text::take_longest;

std::optional<Parts> take_parts(std::string_view& s) {
  // A clock range, the rest of the piece: the parts of the day it overlaps, as a session's.
  if (!s.empty() && is_digit(s.front())) {
    auto range = parse_loose_time_range(s);
    if (!range) return std::nullopt;
    s = {};
    Parts parts;
    for (auto part : people::parts_of_day(*range)) parts.set(static_cast<std::size_t>(part));
    return parts;
  }
  // 中午 spans the end of the morning and the start of the afternoon, 傍晚 the afternoon's end.
  auto part = take_longest(s, {{"上午", 1}, {"早上", 1}, {"早晨", 1}, {"早", 1}, {"am", 1}, {"morning", 1}, {"中午", 3},
                       {"下午", 2}, {"pm", 2}, {"afternoon", 2}, {"傍晚", 6}, {"晚上", 4}, {"晚间", 4}, {"夜间", 4},
                       {"晚", 4}, {"evening", 4}, {"全天", 3}, {"整天", 3}, {"白天", 3}, {"allday", 3}});
  if (!part) return std::nullopt;
  return Parts{*part};
}

/// A hash of texts that finds a std::string by a string_view, without a copy.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

/// What parse_availability makes of a text: the slots, and the pieces it could not read.
struct ReadAvailability {
  std::optional<people::Availability> availability;
  std::vector<std::string> unreadable;
};

ReadAvailability read_availability(std::string_view text) {
  // "every day", as describe_availability writes it in English: one piece, which split_list
  // would cut in two at the space.
  std::string joined(text);
  for (std::size_t at = 0; (at = text::ascii_lower(joined).find("every day", at)) != std::string::npos;) {
    joined.erase(at + 5, 1);
  }
  // 周二和周四: the words that join two days are separators here (and only here: 和 is in names).
  // Spaces around a range's dash would split "9:00 - 11:30" into three pieces.
  std::string spaced;
  for (std::size_t i = 0; i < joined.size();) {
    bool joined_word = false;
    for (std::string_view word : {"和", "及", "与", "或"}) {
      if (std::string_view(joined).substr(i).starts_with(word)) {
        spaced += "、";
        i += word.size();
        joined_word = true;
        break;
      }
    }
    if (joined_word) continue;
    auto dash_at = [&](std::size_t at) { return at < joined.size() && (joined[at] == '-' || joined[at] == '~'); };
    if (joined[i] == ' ' && ((!spaced.empty() && (spaced.back() == '-' || spaced.back() == '~')) || dash_at(i + 1))) {
      ++i;
      continue;
    }
    spaced += joined[i++];
  }
  std::vector<std::string> not_read;
  bool any_read = false;
  people::Availability result;
  Days pending;  // days read without a part of day yet ("周一 上午"); none pending when empty
  auto flush = [&](Parts parts) {
    for (unsigned d = 0; d < 7; ++d) {
      if (pending.test(d)) result.slots[d] |= parts;
    }
    pending.reset();
  };
  bool after_weekday = false;  // the piece before named a weekday: 三 and 五 of 周一、三、五 are days
  for (const auto& piece : split_list(spaced)) {
    std::string lower = text::ascii_lower(piece);
    std::string_view s = lower;
    auto days = take_weekdays(s);
    if (!days && after_weekday) days = take_bare_weekdays(s);
    auto parts = take_parts(s);
    if (!s.empty() || (!days && !parts)) {
      not_read.push_back(piece);
      after_weekday = false;
      continue;
    }
    any_read = true;
    after_weekday = days.has_value() && days->count() < 7;
    if (days) {
      if (pending.any()) flush(daytime);
      pending = *days;
      if (parts) flush(*parts);
    } else {
      if (pending.none()) pending.set();  // "上午" alone: every day
      flush(*parts);
    }
  }
  if (pending.any()) flush(daytime);
  if (!any_read && !not_read.empty()) return {std::nullopt, std::move(not_read)};
  return {result, std::move(not_read)};
}

}  // namespace

std::optional<people::Availability> parse_availability(std::string_view text, std::vector<std::string>* unreadable) {
  // A district's sheet says the same few things a million times over (工作日上午, 周末):
  // each text is read once a thread, a fifth of the reading of a million rows. Up to 4,096
  // texts are kept, then forgotten together.
  thread_local std::unordered_map<std::string, ReadAvailability, TextHash, std::equal_to<>> read;
  auto found = read.find(text);
  if (found == read.end()) {
    if (read.size() >= 4096) read.clear();
    found = read.emplace(std::string(text), read_availability(text)).first;
  }
  if (unreadable) *unreadable = found->second.unreadable;
  return found->second.availability;
}

std::string describe_availability(const people::Availability& a, Lang lang) {
  // Written as a sign-up form would have it, and as parse_availability reads it back:
  // 周一 (daytime), 周一上午, 工作日, 周末, 每天, plus 晚上 for evenings.
  bool chinese = lang == Lang::zh_CN;
  static constexpr std::string_view zh_parts[] = {"上午", "下午", "晚上"};
  static constexpr std::string_view en_parts[] = {" am", " pm", " evening"};
  std::vector<std::string> items;
  auto add = [&](const std::string& days, const Parts& parts) {
    if (parts == daytime) {
      items.push_back(days);
      return;
    }
    for (std::size_t p = 0; p < 3; ++p) {
      if (parts.test(p)) items.push_back(days + std::string(chinese ? zh_parts[p] : en_parts[p]));
    }
  };
  auto same = [&](std::initializer_list<unsigned> days) {
    auto first = a.slots[*days.begin()];
    return first.any() && std::all_of(days.begin(), days.end(), [&](unsigned d) { return a.slots[d] == first; });
  };
  if (same({0, 1, 2, 3, 4, 5, 6})) {
    add(std::string(message_text(Msg::availability_every_day, lang)), a.slots[1]);
    return list_in(lang, items);
  }
  bool workdays = same({1, 2, 3, 4, 5});
  bool weekend = same({6, 0});
  if (workdays) add(std::string(message_text(Msg::availability_workdays, lang)), a.slots[1]);
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    bool grouped = (d >= 1 && d <= 5) ? workdays : weekend;
    if (!grouped && a.slots[d].any()) add(std::string(weekday_display(std::chrono::weekday{d}, chinese)), a.slots[d]);
  }
  if (weekend) add(std::string(message_text(Msg::availability_weekend, lang)), a.slots[6]);
  return list_in(lang, items);
}

bool is_party_member(std::string_view political_status) {
  auto s = text::ascii_lower(text::clean(political_status));
  return s == "中共党员" || s == "中共预备党员" || s == "党员" || s == "预备党员" || s == "共产党员" ||
         s == "cpc member" || s == "party member";
}

std::optional<bool> parse_yes_no(std::string_view text) {
  auto s = text::ascii_lower(text::clean(text));
  for (std::string_view yes : {"是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "是的"}) {
    if (s == yes) return true;
  }
  for (std::string_view no : {"否", "无", "不是", "没有", "非", "×", "✗", "n", "no", "false", "0", "-", "/"}) {
    if (s == no) return false;
  }
  return std::nullopt;
}

std::optional<int> parse_count(std::string_view text) {
  std::string owned = text::clean(text);
  std::string_view s = owned;
  strip_prefix(s, {"约", "大约", "共", "共计", "最多", "可", "每月", "每周", "每年", "每季度", "每天", "每次"});
  auto value = take_decimal(s, 0);  // "20.0" too: Excel's way with a whole number in a text column
  if (!value || *value > 1'000'000) return std::nullopt;
  if (std::any_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.' || c == '-' || c == '~'; }) ||
      s.find("至") != std::string_view::npos || s.find("到") != std::string_view::npos) {
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<std::int64_t> parse_money_fen(std::string_view text) {
  std::string owned = text::ascii_lower(text::clean(text));
  std::string_view s = owned;
  for (std::string_view free : {"免费", "无偿", "不收费", "公益", "无", "free", "0"}) {
    if (s == free) return 0;
  }
  strip_prefix(s, {"约", "大约", "¥", "rmb", "cny", "人民币"});
  strip_prefix(s, {"¥"});  // 约¥50
  auto fen = take_decimal(s, 2);
  if (!fen) return std::nullopt;
  strip_suffix(s, {"左右", "以内", "以下"});
  strip_suffix(s, {"/次", "每次", "/人", "/户", "/人次", "一次"});
  strip_suffix(s, {"元", "块", "块钱", "yuan", "rmb", "cny"});
  if (!s.empty()) return std::nullopt;
  return *fen;
}

std::optional<Radius> parse_radius(std::string_view text) {
  std::string owned = text::ascii_lower(text::clean(text));
  std::string_view s = owned;
  for (std::string_view anywhere : {"全街道", "街道内", "全街", "街道范围内", "辖区内", "全辖区", "不限", "全域", "无限制",
                                    "anywhere", "any", "street", "unlimited"}) {
    if (s == anywhere) return Radius{true, 0};
  }
  strip_prefix(s, {"方圆", "周边", "半径", "约", "服务半径"});
  auto value = take_decimal(s, 3);  // thousandths, so that 1.5公里 is exact
  if (!value) return std::nullopt;
  strip_suffix(s, {"内", "以内", "范围内", "左右"});
  std::int64_t metres = 0;
  if (s.empty() || s == "米" || s == "m" || s == "公尺" || s == "metres" || s == "meters") {
    if (*value % 1000 != 0) return std::nullopt;  // 500.5米
    metres = *value / 1000;
  } else if (s == "公里" || s == "千米" || s == "km" || s == "里") {
    metres = s == "里" ? *value / 2 : *value;  // 1里 = 500米
  } else {
    return std::nullopt;
  }
  // 0 is its own place only (a kiosk's, a shop's): what it says, not the whole street.
  if (metres < 0 || metres > 100'000) return std::nullopt;
  return Radius{false, static_cast<int>(metres)};
}

std::optional<double> parse_decimal(std::string_view text) {
  std::string s = text::clean(text);
  std::string_view v = s;
  strip_suffix(v, {"°"});
  std::string number(v);
  if (number.empty() || number.find_first_not_of("0123456789.-+") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string normalize_period(std::string_view text) {
  std::string owned = text::clean(text);
  std::string_view s = owned;
  // The year: four digits at the front.
  if (s.size() < 6 || !std::all_of(s.begin(), s.begin() + 4, is_digit)) return owned;
  std::string year(s.substr(0, 4));
  std::string_view rest = s.substr(4);
  strip_prefix(rest, {"年", "-", " "});
  std::optional<char> quarter;
  if (rest.size() == 2 && (rest[0] == 'q' || rest[0] == 'Q') && rest[1] >= '1' && rest[1] <= '4') {
    quarter = rest[1];
  } else {
    strip_prefix(rest, {"第"});
    static constexpr std::pair<std::string_view, char> numbers[] = {
        {"一", '1'}, {"二", '2'}, {"三", '3'}, {"四", '4'}, {"1", '1'}, {"2", '2'}, {"3", '3'}, {"4", '4'}};
    for (const auto& [word, digit] : numbers) {
      if (rest == std::string(word) + "季度") quarter = digit;
    }
  }
  if (!quarter) return owned;
  return year + "Q" + *quarter;
}

}  // namespace kangle::import
