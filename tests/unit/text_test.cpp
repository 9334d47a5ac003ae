// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "present/table.hpp"
#include "core/text.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace text_test {

using namespace std::string_literals;
namespace text = kangle::text;

namespace {
constexpr const char* ideographic_space = "\xE3\x80\x80";
}

TEST_CASE("trim, ASCII white space at both ends") {
  CHECK(text::trim("  haircut \t\n") == "haircut");
  CHECK(text::trim("\r\n\v\fa b\t") == "a b");
  CHECK(text::trim("no-space") == "no-space");
  CHECK(text::trim("   ").empty());
  CHECK(text::trim("").empty());
}

TEST_CASE("trim, ideographic space U+3000 at both ends") {
  auto padded = std::string(ideographic_space) + "理发" + ideographic_space;
  CHECK(text::trim(padded) == "理发");
  auto mixed = " "s + ideographic_space + " \t理 发" + ideographic_space + " " + ideographic_space;
  CHECK(text::trim(mixed) == "理 发");
  auto inner = "理"s + ideographic_space + "发";
  CHECK(text::trim(inner) == inner);
  CHECK(text::trim(std::string(ideographic_space) + ideographic_space).empty());
}

TEST_CASE("edit_distance, counted in code points") {
  CHECK(text::edit_distance("理发", "理法") == 1);
  CHECK(text::edit_distance("理发", "理发") == 0);
  CHECK(text::edit_distance("理发", "") == 2);
  CHECK(text::edit_distance("", "理发师") == 3);
  CHECK(text::edit_distance("kitten", "sitting") == 3);
  CHECK(text::edit_distance("daily_cpa", "daily_cap") == 1);  // a swap of neighbours is one edit
  CHECK(text::edit_distance("ab", "ba") == 1);
  CHECK(text::edit_distance("理发师", "发理师") == 1);
  CHECK(text::edit_distance("haircut", "haircuts") == 1);
}

TEST_CASE("closest, a typo gets a suggestion") {
  std::vector<std::string> candidates{"darning", "haircut", "knife-sharpening"};
  auto suggestion = text::closest("hiarcut", candidates);
  REQUIRE(suggestion.has_value());
  CHECK(*suggestion == "haircut");
  auto chinese = text::closest("理法", {"理发", "缝补"});
  REQUIRE(chinese.has_value());
  CHECK(*chinese == "理发");
}

TEST_CASE("closest, nothing when every candidate is far") {
  CHECK_FALSE(text::closest("xyz", {"haircut", "darning"}).has_value());
  CHECK_FALSE(text::closest("umbrella", {"haircut", "darning"}).has_value());
  CHECK_FALSE(text::closest("anything", {}).has_value());
}

TEST_CASE("closest, nothing when the word is an exact match") {
  CHECK_FALSE(text::closest("haircut", {"haircut", "haircuts"}).has_value());
}

TEST_CASE("display_width, CJK takes two columns, ASCII one") {
  CHECK(text::display_width("") == 0);
  CHECK(text::display_width("abc") == 3);
  CHECK(text::display_width("理发") == 4);
  CHECK(text::display_width("理发ab") == 6);
}

TEST_CASE("pad_right, pads to display columns") {
  CHECK(text::pad_right("abc", 5) == "abc  ");
  CHECK(text::pad_right("理发", 6) == "理发  ");
  CHECK(text::pad_right("理发", 4) == "理发");
  CHECK(text::pad_right("abcdef", 3) == "abcdef");
  CHECK(text::pad_right("", 2) == "  ");
}

TEST_CASE("fit_width, cuts between characters, CJK counted two columns") {
  CHECK(text::fit_width("理发服务", 5) == "理发");
  CHECK(text::fit_width("理发服务", 8) == "理发服务");
  CHECK(text::fit_width("ab理发", 3) == "ab");
  CHECK(text::fit_width("abc", 0).empty());
}

TEST_CASE("first_chars, counted in code points, not bytes") {
  CHECK(text::first_chars("理发服务", 3) == "理发服");
  CHECK(text::first_chars("ab", 5) == "ab");
  CHECK(text::first_chars("a理b", 2) == "a理");
}

TEST_CASE("is_valid_utf8 and join") {
  CHECK(text::is_valid_utf8("理发 abc"));
  CHECK_FALSE(text::is_valid_utf8("\xE7\x90"));
  CHECK(text::join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(text::join({}, ", ").empty());
}

TEST_CASE("render_text_within, a wide table cut into parts that fit, each with the first column") {
  std::vector<std::string> headers{"站点", "便民服务（场）", "服务群众（人次）", "志愿者（人次）", "满意度"};
  std::vector<std::vector<std::string>> rows{{"丁香园", "16", "127", "20", "4.88"}, {"浦北路", "8", "42", "11", ""}};
  // Narrow enough already: the plain table.
  CHECK(kangle::table::render_text_within(headers, rows, 200) == kangle::table::render_text(headers, rows));
  auto cut = kangle::table::render_text_within(headers, rows, 40);
  CHECK(cut ==
        "站点    便民服务（场）  服务群众（人次）\n"
        "丁香园  16              127\n"
        "浦北路  8               42\n"
        "\n"
        "站点    志愿者（人次）  满意度\n"
        "丁香园  20              4.88\n"
        "浦北路  11\n");
  std::size_t widest = 0, start = 0;
  while (start < cut.size()) {
    auto end = cut.find('\n', start);
    widest = std::max(widest, kangle::text::display_width(cut.substr(start, end - start)));
    start = end + 1;
  }
  CHECK(widest <= 40);
  // A column wider than the width alone still shows, in a part of its own.
  auto narrow = kangle::table::render_text_within(headers, rows, 10);
  CHECK(narrow.find("服务群众（人次）") != std::string::npos);
}

}  // namespace text_test
