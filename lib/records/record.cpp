// SPDX-License-Identifier: Apache-2.0
#include "records/record.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/i18n.hpp"

namespace kangle::records {

long Record::total_minutes() const {
  long total = 0;
  for (const auto& a : volunteers) total += a.minutes;
  return total;
}

Msg origin_label(Origin origin) {
  switch (origin) {
    case Origin::rota: return Msg::record_origin_rota;
    case Origin::import: return Msg::record_origin_import;
    case Origin::manual: break;
  }
  return Msg::record_origin_manual;
}

std::string_view origin_name(Origin origin) {
  switch (origin) {
    case Origin::rota: return "rota";
    case Origin::import: return "import";
    case Origin::manual: break;
  }
  return "manual";
}

std::optional<int> parse_duration(std::string_view text) {
  auto strip_suffix = [&](std::string_view suffix) {
    if (!text.ends_with(suffix)) return false;
    text.remove_suffix(suffix.size());
    return true;
  };
  bool in_minutes = strip_suffix("分钟") || strip_suffix("min") || strip_suffix("m");
  if (!in_minutes && !strip_suffix("小时")) strip_suffix("h");
  auto dot = text.find('.');
  auto whole_text = text.substr(0, dot);
  auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole_text.empty() && fraction.empty()) return std::nullopt;
  long whole = 0;
  if (!whole_text.empty()) {
    auto [end, ec] = std::from_chars(whole_text.data(), whole_text.data() + whole_text.size(), whole);
    if (ec != std::errc{} || end != whole_text.data() + whole_text.size() || whole > 100000) return std::nullopt;
  }
  if (in_minutes) {
    if (dot != std::string_view::npos || whole <= 0) return std::nullopt;
    return static_cast<int>(whole);
  }
  // Hours: the fraction in exact decimal arithmetic, so 0.1 h is 6 minutes, not 5.999…
  long numerator = 0, denominator = 1;
  if (fraction.size() > 4) return std::nullopt;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    numerator = numerator * 10 + (c - '0');
    denominator *= 10;
  }
  if (numerator * 60 % denominator != 0) return std::nullopt;
  long minutes = whole * 60 + numerator * 60 / denominator;
  if (minutes <= 0) return std::nullopt;
  return static_cast<int>(minutes);
}

}  // namespace kangle::records
