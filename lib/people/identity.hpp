// SPDX-License-Identifier: Apache-2.0
// A person's phone, ID number and name as one form, from what people and Excel make of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "present/document.hpp"

#include "core/i18n.hpp"

namespace kangle::people {

/// Why a phone or an ID number was not taken.
enum class NumberProblem {
  malformed,       ///< not the right number of digits, or not digits
  lost_digits,     ///< Excel showed it in scientific notation or rounded it to 15 digits: digits are gone
  not_mobile,      ///< 11 digits, but no mobile number starts so (mobiles are 1[3-9] and nine more)
  not_phone,       ///< digits, but neither a mobile nor a landline number
  bad_checksum,    ///< an 18-character ID number whose last character does not fit (GB 11643)
  bad_birth_date,  ///< an ID number whose birth date is not a real date
};

/// A mobile number as its 11 digits, from what people and Excel make of it:
/// "138 0013 8000", "138-0013-8000", "+86 13800138000", "13800138000.0", full-width
/// digits, and scientific notation that still holds all eleven digits
/// ("1.3800138000E10"). Nothing when it is not a mobile number (1[3-9] and nine more
/// digits) or Excel's notation lost digits ("1.38001E+10"); `problem` then says which.
std::optional<std::string> normalize_phone(std::string_view text, NumberProblem* problem = nullptr);

/// A need's contact: a mobile number (normalize_phone) or a landline as its digits, which
/// elderly residents often give: an 8-digit local number ("6400 1234", "6400-1234"), or
/// one with its area code ("021-64001234", "(021) 6400 1234", "0571 8800 1234": 010 and
/// 02X take 8 digits after them, other 0XXX codes 7 or 8), full-width digits too. A 7-digit
/// local number is refused: without its area code nobody can be sure where it rings.
std::optional<std::string> normalize_contact_phone(std::string_view text, NumberProblem* problem = nullptr);

/// Why `text` was not taken as a phone, with the number masked (138****0000) unless
/// Excel's notation already lost it ("1.39123E+10" is shown as is).
Message phone_problem(NumberProblem problem, std::string_view text);

/// Why `text` was not taken as an ID number, the number masked.
Message id_number_problem(NumberProblem problem, std::string_view text);

/// A resident ID number (公民身份号码, GB 11643) in upper case: 18 characters, the
/// last the checksum of the 17 digits before it (0–9 or X), with a real birth date;
/// or 15 digits of the first generation with a real birth date. Nothing otherwise;
/// `problem` then says why (an Excel-rounded "…000" or "4.1E+17" is lost_digits).
std::optional<std::string> normalize_id_number(std::string_view text, NumberProblem* problem = nullptr);

/// A person's name as one form: cleaned, without the spaces that pad a Chinese name
/// ("王 芳", "王　芳" → "王芳"), and a Latin name with single spaces ("Anna  Li" → "Anna Li").
std::string normalize_person_name(std::string_view text);

/// A phone number as every document shows it: masked (138****8000) unless `reveal`,
/// always text (a spreadsheet would round it); an empty cell when there is no number.
present::Value phone_value(const std::string& phone, bool reveal);

}  // namespace kangle::people
