// SPDX-License-Identifier: Apache-2.0
#include "people/identity.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/volunteer.hpp"

namespace kangle::people {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// How many digits a number in Excel's scientific notation ("1.38001E+10") shows, and
/// the number it stands for; nothing when `s` (lower case) is not such a number.
struct Scientific {
  std::size_t digits_shown = 0;
  double value = 0;
};
std::optional<Scientific> read_scientific(const std::string& s) {
  auto e = s.find('e');
  if (e == std::string::npos || e == 0 || s.find_first_not_of("0123456789.e+") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  std::string mantissa = s.substr(0, e);
  mantissa.erase(std::remove(mantissa.begin(), mantissa.end(), '.'), mantissa.end());
  mantissa.erase(0, std::min(mantissa.find_first_not_of('0'), mantissa.size()));
  return Scientific{mantissa.size(), value};
}

std::optional<std::string> refuse(NumberProblem* problem, NumberProblem why) {
  if (problem) *problem = why;
  return std::nullopt;
}

/// True when `yyyymmdd` (8 digits) is a real day from 1900 on.
bool real_birth_date(std::string_view yyyymmdd) {
  auto date = parse_date(fmt::format("{}-{}-{}", yyyymmdd.substr(0, 4), yyyymmdd.substr(4, 2), yyyymmdd.substr(6, 2)));
  return date && int(date->year()) >= 1900;
}

}  // namespace

std::optional<std::string> normalize_phone(std::string_view text, NumberProblem* problem) {
  std::string s = text::ascii_lower(text::clean(text));
  // Excel's ways with a number: 13800138000.0, and 1.3800138000e10 — which is sure only when
  // it shows all eleven digits: 1.38001e+10 has lost six of them, and guessing zeros would
  // give this person someone else's number.
  if (auto scientific = read_scientific(s)) {
    if (scientific->value < 1e10 || scientific->value >= 2e10) return refuse(problem, NumberProblem::malformed);
    if (scientific->digits_shown < 11) return refuse(problem, NumberProblem::lost_digits);
    s = std::to_string(std::llround(scientific->value));
  }
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  if (s.starts_with("+86")) s.erase(0, 3);
  else if (s.starts_with("0086")) s.erase(0, 4);
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')') return refuse(problem, NumberProblem::malformed);
  }
  if (digits.size() != 11 || digits[0] != '1') return refuse(problem, NumberProblem::malformed);
  if (digits[1] < '3') return refuse(problem, NumberProblem::not_mobile);
  return digits;
}

std::optional<std::string> normalize_contact_phone(std::string_view text, NumberProblem* problem) {
  NumberProblem mobile_problem = NumberProblem::malformed;
  if (auto mobile = normalize_phone(text, &mobile_problem)) return mobile;
  if (mobile_problem == NumberProblem::lost_digits) return refuse(problem, mobile_problem);
  std::string s = text::clean(text);
  bool international = false;
  if (s.starts_with("+86")) {
    s.erase(0, 3);
    international = true;
  }
  std::string digits;
  for (char c : s) {
    if (is_digit(c)) digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')') return refuse(problem, NumberProblem::malformed);
  }
  if (international && !digits.starts_with('0')) digits.insert(0, "0");  // +86 21 6400 1234: the trunk 0 dropped
  auto local_number = [](std::string_view local, std::size_t length) {
    return local.size() == length && local[0] != '0' && local[0] != '1';
  };
  if (local_number(digits, 8)) return digits;
  if (digits.starts_with('0') && digits.size() >= 3) {
    bool short_code = digits[1] == '1' || digits[1] == '2';  // 010 Beijing, 02X the great cities
    std::string_view local = std::string_view(digits).substr(short_code ? 3 : 4);
    if (local_number(local, 8) || (!short_code && local_number(local, 7))) return digits;
  }
  return refuse(problem, digits.size() == 11 && digits[0] == '1' ? mobile_problem : NumberProblem::not_phone);
}

Message phone_problem(NumberProblem problem, std::string_view text) {
  if (problem == NumberProblem::lost_digits) return Message(Msg::import_phone_lost_digits, text);
  auto shown = mask_phone(text);
  if (problem == NumberProblem::not_phone) return Message(Msg::import_bad_contact_phone, shown);
  return Message(problem == NumberProblem::not_mobile ? Msg::import_phone_not_mobile : Msg::import_bad_phone, shown);
}

Message id_number_problem(NumberProblem problem, std::string_view text) {
  auto shown = mask_id_number(text);
  switch (problem) {
    case NumberProblem::lost_digits: return Message(Msg::import_id_lost_digits, shown);
    case NumberProblem::bad_checksum: return Message(Msg::import_id_bad_checksum, shown);
    case NumberProblem::bad_birth_date: return Message(Msg::import_id_bad_birth_date, shown);
    default: return Message(Msg::import_bad_id_number, shown);
  }
}

std::optional<std::string> normalize_id_number(std::string_view text, NumberProblem* problem) {
  std::string s = text::clean(text);
  for (auto& c : s) c = (c == 'x') ? 'X' : c;
  if (read_scientific(text::ascii_lower(s))) return refuse(problem, NumberProblem::lost_digits);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  auto all_digits = [&](std::size_t n) { return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n), is_digit); };
  if (s.size() == 15 && all_digits(15)) {
    if (!real_birth_date("19" + s.substr(6, 6))) return refuse(problem, NumberProblem::bad_birth_date);
    return s;
  }
  if (s.size() != 18 || !all_digits(17) || !(is_digit(s[17]) || s[17] == 'X')) return refuse(problem, NumberProblem::malformed);
  static constexpr int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (s[i] - '0') * weights[i];
  if ("10X98765432"[sum % 11] != s[17]) {
    // Excel keeps 15 significant digits: the last three of a number typed into a cell become 0.
    return refuse(problem, s.ends_with("000") ? NumberProblem::lost_digits : NumberProblem::bad_checksum);
  }
  if (!real_birth_date(std::string_view(s).substr(6, 8))) return refuse(problem, NumberProblem::bad_birth_date);
  return s;
}

std::string normalize_person_name(std::string_view text) {
  auto name = text::clean(text);
  bool chinese = false;
  for (std::size_t at = 0; at < name.size() && !chinese;) {
    utf8proc_int32_t code = 0;
    auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(name.data() + at),
                                   static_cast<utf8proc_ssize_t>(name.size() - at), &code);
    if (length <= 0) break;
    chinese = (code >= 0x3400 && code <= 0x9FFF) || (code >= 0x20000 && code <= 0x3FFFF);  // CJK ideographs
    at += static_cast<std::size_t>(length);
  }
  std::string out;
  for (char c : name) {
    bool space = c == ' ' || c == '\t';
    if (space && (chinese || out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

present::Value phone_value(const std::string& phone, bool reveal) {
  if (phone.empty()) return present::Value::none();
  return present::Value::personal(reveal ? phone : mask_phone(phone));
}

}  // namespace kangle::people
