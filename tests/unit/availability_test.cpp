// SPDX-License-Identifier: Apache-2.0
// Availability as people write it on sign-up forms, read back through the words kangle prints.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "import/normalize.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace availability_test {

using kangle::import::describe_availability;
using kangle::import::parse_availability;

namespace {

/// What kangle reads `text` as, in the words it prints (周一上午、周三); "-" when nothing.
std::string read(const std::string& text, std::vector<std::string>* unreadable = nullptr) {
  auto availability = parse_availability(text, unreadable);
  return availability ? describe_availability(*availability, kangle::Lang::zh_CN) : "-";
}

}  // namespace

TEST_CASE("parse_availability, the ways forms name days") {
  CHECK(read("每周二") == "周二");
  CHECK(read("每个周二上午") == "周二上午");
  CHECK(read("周二和周四") == "周二、周四");
  CHECK(read("周一、三、五") == "周一、周三、周五");
  CHECK(read("周一、三、五上午") == "周一、周三、周五上午");
  CHECK(read("周六、日") == "周末");
  CHECK(read("周2") == "周二");
  CHECK(read("星期三") == "周三");
}

TEST_CASE("parse_availability, clock ranges and words for a time of day map to the parts they overlap") {
  CHECK(read("周一至周五9:00-11:30") == "工作日上午");
  CHECK(read("周一至周五 9:00 - 11:30") == "工作日上午");
  CHECK(read("周六 14：00～16：00") == "周六下午");
  CHECK(read("周三 10:00-15:00") == "周三");
  CHECK(read("周三晚") == "周三晚上");
  CHECK(read("周四中午") == "周四");
  CHECK(read("周五9:00-11:30") == "周五上午");  // the 9 is a clock, not 周五 and a Monday
}

TEST_CASE("parse_availability, a piece it cannot read leaves the rest as read and is named") {
  std::vector<std::string> unreadable;
  CHECK(read("周一上午、每月一次、周三下午", &unreadable) == "周一上午、周三下午");
  CHECK(unreadable == std::vector<std::string>{"每月一次"});
  CHECK(read("每月一次、每季一次", &unreadable) == "-");
  CHECK(unreadable == std::vector<std::string>{"每月一次", "每季一次"});
  CHECK(read("周二", &unreadable) == "周二");
  CHECK(unreadable.empty());
}

TEST_CASE("parse_availability, a text read again, or past the texts it keeps, reads as the first time") {
  std::vector<std::string> unreadable;
  for (int round = 0; round < 2; ++round) {
    CHECK(read("周一上午、每月一次、周三下午", &unreadable) == "周一上午、周三下午");
    CHECK(unreadable == std::vector<std::string>{"每月一次"});
    CHECK(read("每月一次、每季一次", &unreadable) == "-");
    CHECK(unreadable == std::vector<std::string>{"每月一次", "每季一次"});
    CHECK(read("周一上午、每月一次、周三下午") == "周一上午、周三下午");  // nobody asks for the pieces
    CHECK(read("周六 14：00～16：00", &unreadable) == "周六下午");
    CHECK(unreadable.empty());
  }
  // 5,000 texts more than it keeps: each still read as itself.
  for (int n = 0; n < 5000; ++n) {
    auto text = "周" + std::to_string(n % 7 == 0 ? 7 : n % 7) + "、第" + std::to_string(n) + "周";
    CHECK(read(text, &unreadable) == read("周" + std::to_string(n % 7 == 0 ? 7 : n % 7)));
    CHECK(unreadable == std::vector<std::string>{"第" + std::to_string(n) + "周"});
  }
  CHECK(read("周一上午、每月一次、周三下午", &unreadable) == "周一上午、周三下午");
  CHECK(unreadable == std::vector<std::string>{"每月一次"});
}

}  // namespace availability_test
