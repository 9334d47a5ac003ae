// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "people/volunteer.hpp"

namespace kangle::import {

/// NFKC-normalised and trimmed (U+3000 included): full-width digits and letters
/// become ASCII ("１３８" → "138"), compatibility forms fold, stray spaces go.
std::string clean(std::string_view text);

/// True when NFKC leaves `text` as it is, known without folding it: it holds only ASCII,
/// CJK ideographs (U+4000–U+9FFF) and the punctuation of Chinese lists and titles that
/// NFKC keeps (、。“”‘’—·《》「」『』【】〈〉), as most cells of a Chinese sheet do. clean()
/// then only trims.
bool nfkc_stable(std::string_view text);

/// Free text (a description, an address, a note) trimmed, with full-width letters and
/// digits made ASCII and U+3000 a space, but Chinese punctuation (，。（）：) kept as
/// written, which NFKC would turn into ASCII.
std::string clean_prose(std::string_view text);

/// Why a phone or an ID number was not taken.
enum class NumberProblem {
  malformed,       ///< not the right number of digits, or not digits
  lost_digits,     ///< Excel showed it in scientific notation or rounded it to 15 digits: digits are gone
  not_mobile,      ///< 11 digits, but no mobile number starts so (mobiles are 1[3-9] and nine more)
  bad_checksum,    ///< an 18-character ID number whose last character does not fit (GB 11643)
  bad_birth_date,  ///< an ID number whose birth date is not a real date
};

/// A mobile number as its 11 digits, from what people and Excel make of it:
/// "138 0013 8000", "138-0013-8000", "+86 13800138000", "13800138000.0", full-width
/// digits, and scientific notation that still holds all eleven digits
/// ("1.3800138000E10"). Nothing when it is not a mobile number (1[3-9] and nine more
/// digits) or Excel's notation lost digits ("1.38001E+10"); `problem` then says which.
std::optional<std::string> normalize_phone(std::string_view text, NumberProblem* problem = nullptr);

/// Why `text` was not taken as a phone, in the user's language, with the number masked
/// (138****0000) unless Excel's notation already lost it ("1.39123E+10" is shown as is).
std::string phone_refusal(NumberProblem problem, std::string_view text);

/// Why `text` was not taken as an ID number, in the user's language, the number masked.
std::string id_number_refusal(NumberProblem problem, std::string_view text);

/// A resident ID number (公民身份号码, GB 11643) in upper case: 18 characters, the
/// last the checksum of the 17 digits before it (0–9 or X), with a real birth date;
/// or 15 digits of the first generation with a real birth date. Nothing otherwise;
/// `problem` then says why (an Excel-rounded "…000" or "4.1E+17" is lost_digits).
std::optional<std::string> normalize_id_number(std::string_view text, NumberProblem* problem = nullptr);

/// A person's name as one form: cleaned, without the spaces that pad a Chinese name
/// ("王 芳", "王　芳" → "王芳"), and a Latin name with single spaces ("Anna  Li" → "Anna Li").
std::string normalize_person_name(std::string_view text);

/// The items of a list typed into one cell: split on 、 , ， ; ； / ／ and white space,
/// cleaned, empty items dropped.
std::vector<std::string> split_list(std::string_view text);

/// Availability text as sign-up forms have it: 周一上午、周三下午、周末、工作日、每天,
/// 周一至周五上午, 周六全天, 晚上, 每周二, 周二和周四, 周一、三、五, 周2, 星期三, 周三晚,
/// 中午, clock ranges (周一至周五9:00-11:30, mapped to the parts of the day they
/// overlap), "mon am". Daytime words alone (周一) mean morning and afternoon; evenings
/// only when said. A piece it cannot read does not wipe the rest: what was read is
/// returned and the pieces it could not read go to `unreadable` (joined by 、); nothing
/// is returned only when no piece could be read.
std::optional<people::Availability> parse_availability(std::string_view text, std::string* unreadable = nullptr);

/// "09:00-11:00" from the ways sheets write a range: 9:00—11:00, 9:00~11:00, 9:00至11:00,
/// spaces around the dash (after clean(), which makes full-width digits and colons ASCII).
/// `reversed` is set when the range ends before it starts.
std::optional<TimeRange> parse_loose_time_range(std::string_view text, bool* reversed = nullptr);

/// "周一上午、周三下午" style text of an availability (the current language).
std::string describe_availability(const people::Availability& availability);

/// True for 中共党员 and 中共预备党员 (and 党员, 预备党员, CPC member).
bool is_party_member(std::string_view political_status);

/// A date as people type it: 2027-06-30, 2027/6/30, 2027.6.30, 2027年6月30日, and as
/// date cells read (2027-06-30, "2027-06-30 00:00"). Nothing when it is not a real date.
std::optional<Date> parse_loose_date(std::string_view text);

/// A yes or a no: 是 有 √ Y yes true 1, or 否 无 不是 × N no false 0. Nothing for other text.
std::optional<bool> parse_yes_no(std::string_view text);

/// A whole number as people write a count: "3", "3人", "约20人", "每月10人次", "20.0".
/// Nothing when there is no number, more than one ("20-30人"), or it is above 1,000,000.
std::optional<int> parse_count(std::string_view text);

/// An amount of money in fen (分): "200", "200元", "¥12.5", "1,200 元", "约50元"; 免费,
/// 无偿, 不收费, free are 0. Nothing when it cannot be read ("面议").
std::optional<std::int64_t> parse_money_fen(std::string_view text);

/// How far a resource reaches, read from "500米", "500m", "1公里", "1.5km", "1千米以内",
/// "方圆800米", or a bare number of metres; `anywhere` for 全街道, 街道内, 不限 and the like.
struct Radius {
  bool anywhere = false;
  int metres = 0;
};
std::optional<Radius> parse_radius(std::string_view text);

/// A decimal number ("121.4213", "31.1582°"); nothing for anything else.
std::optional<double> parse_decimal(std::string_view text);

/// A period as one form: 2026年第四季度, 2026年4季度, 2026 Q4, 2026-q4 → "2026Q4"; any other
/// text as it is (cleaned).
std::string normalize_period(std::string_view text);

}  // namespace kangle::import
