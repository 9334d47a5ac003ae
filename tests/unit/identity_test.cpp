// SPDX-License-Identifier: Apache-2.0
// Who is who: phones, ID numbers and names as sheets bring them, and what Excel did to them.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "import/normalize.hpp"
#include "people/identity.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace identity_test {

using kangle::people::NumberProblem;
using kangle::people::normalize_id_number;
using kangle::people::normalize_person_name;
using kangle::people::normalize_phone;

namespace {

std::optional<NumberProblem> phone_problem(const std::string& text) {
  NumberProblem problem{};
  return normalize_phone(text, &problem) ? std::nullopt : std::optional(problem);
}

std::optional<NumberProblem> id_problem(const std::string& text) {
  NumberProblem problem{};
  return normalize_id_number(text, &problem) ? std::nullopt : std::optional(problem);
}

}  // namespace

TEST_CASE("normalize_phone, the forms people and Excel give a whole number") {
  for (const char* text : {"13800138000", "138 0013 8000", "138-0013-8000", "+86 13800138000", "008613800138000",
                           "13800138000.0", "１３８００１３８０００", "1.3800138000E+10", "1.3800138000e10"}) {
    INFO(text);
    CHECK(normalize_phone(text) == "13800138000");
  }
}

TEST_CASE("normalize_phone, Excel's scientific notation that lost digits is refused, not filled with zeros") {
  // Before, 1.39123E+10 became 13912300000: another person's number, and two people merged.
  CHECK(phone_problem("1.39123E+10") == NumberProblem::lost_digits);
  CHECK(phone_problem("1.38001380E10") == NumberProblem::lost_digits);  // 9 of 11 digits shown
  CHECK(phone_problem("1.5E+10") == NumberProblem::lost_digits);
  CHECK(phone_problem("1.2E+5") == NumberProblem::malformed);
}

TEST_CASE("normalize_phone, a mobile number is 1[3-9] and nine more digits") {
  CHECK(phone_problem("12345678901") == NumberProblem::not_mobile);
  CHECK(phone_problem("10086100861") == NumberProblem::not_mobile);
  CHECK(phone_problem("19912345678") == std::nullopt);
  CHECK(phone_problem("1380013800") == NumberProblem::malformed);
  CHECK(phone_problem("23800138000") == NumberProblem::malformed);
}

TEST_CASE("normalize_id_number, the checksum of GB 11643 and a real birth date") {
  CHECK(normalize_id_number("410105199001011233") == "410105199001011233");
  CHECK(normalize_id_number("31010419900101109x") == "31010419900101109X");
  CHECK(normalize_id_number("４１０１０５１９９００１０１１２３３") == "410105199001011233");
  CHECK(id_problem("410105199001011234") == NumberProblem::bad_checksum);
  CHECK(id_problem("410105199013011230") == NumberProblem::bad_birth_date);  // the 13th month, checksum right
  CHECK(id_problem("410105180001011233") == NumberProblem::bad_birth_date);  // born 1800
  CHECK(id_problem("41010519900101123") == NumberProblem::malformed);
  CHECK(id_problem("4101051990010112AB") == NumberProblem::malformed);
  // First generation: 15 digits, a birth date of the 1900s and no checksum.
  CHECK(normalize_id_number("410105900101123") == "410105900101123");
  CHECK(id_problem("410105901301123") == NumberProblem::bad_birth_date);
}

TEST_CASE("normalize_id_number, what Excel's 15 significant digits did to 18 is named") {
  CHECK(id_problem("410105199001011000") == NumberProblem::lost_digits);
  CHECK(id_problem("4.10105E+17") == NumberProblem::lost_digits);
  CHECK(id_problem("4.10105199001011E+17") == NumberProblem::lost_digits);
}

TEST_CASE("normalize_person_name, the spaces that pad a Chinese name are not part of it") {
  CHECK(normalize_person_name("王 芳") == "王芳");
  CHECK(normalize_person_name("王\u3000芳") == "王芳");
  CHECK(normalize_person_name(" 欧阳  春晓 ") == "欧阳春晓");
  CHECK(normalize_person_name("Anna   Li") == "Anna Li");
  CHECK(normalize_person_name("José  García") == "José García");
  CHECK(normalize_person_name("买买提·艾力") == "买买提·艾力");
}

TEST_CASE("phone_problem and id_number_problem: a Message in no language yet with the number masked in both", "[identity]") {
  auto phone = kangle::people::phone_problem(NumberProblem::not_mobile, "12800138000");
  CHECK(phone.id() == kangle::Msg::import_phone_not_mobile);
  CHECK(phone.in(kangle::Lang::en) == "phone \"128****8000\" is not a mobile number (11 digits starting with 13 to 19)");
  CHECK(phone.in(kangle::Lang::zh_CN) == "手机号“128****8000”不是有效的手机号码（应为 13–19 开头的 11 位数字）");
  auto lost = kangle::people::id_number_problem(NumberProblem::lost_digits, "1.10101E+17");
  CHECK(lost.id() == kangle::Msg::import_id_lost_digits);
}

}  // namespace identity_test
