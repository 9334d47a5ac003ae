// SPDX-License-Identifier: Apache-2.0
// Help in Chinese: every text of the command tree has its translation; the parse errors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app.hpp"
#include "describe.hpp"
#include "help_text.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace help_text_test {

using namespace kangle;
using namespace kangle::cli;

namespace {

/// Every text help shows of `command`: its summary, its options' and arguments'.
void texts_of(const CommandInfo& command, std::vector<std::string>& texts) {
  texts.push_back(command.summary);
  for (const auto& option : command.options) texts.push_back(option.description);
  for (const auto& positional : command.positionals) texts.push_back(positional.description);
}

/// The message of the parse error `args` (after `kangle`) makes, in `lang`.
std::string parse_error(std::vector<std::string> args, Lang lang) {
  KangleApp kangle;
  args.insert(args.begin(), "kangle");
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  try {
    kangle.app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    return parse_error_message(e, kangle.chosen(), lang);
  }
  return "parsed";
}

}  // namespace

TEST_CASE("help catalogue: every text of the command tree has its Chinese", "[help]") {
  KangleApp kangle;
  std::vector<std::string> texts;
  auto tree = describe(kangle.app);
  for (const auto* command : flatten(tree)) texts_of(*command, texts);
  REQUIRE(texts.size() > 200);
  for (const auto& text : texts) {
    INFO(text);
    CHECK(has_chinese(text));
  }
}

TEST_CASE("help catalogue: a text in Chinese, a list after a prefix kept, English as written", "[help]") {
  CHECK(help_text("Print the rota", Lang::zh_CN) == "打印排班表");
  CHECK(help_text("Print the rota", Lang::en) == "Print the rota");
  CHECK(help_text("Output format: text, json", Lang::zh_CN) == "输出格式：text, json");
  CHECK(help_text("no such text", Lang::zh_CN) == "no such text");
}

TEST_CASE("man page: English, or Chinese with every heading and text translated", "[help]") {
  KangleApp kangle;
  auto tree = describe(kangle.app);
  auto en = man_page(tree, "1.0", Lang::en);
  auto zh = man_page(tree, "1.0", Lang::zh_CN);
  CHECK(en.find(".SH NAME\n") != std::string::npos);
  CHECK(en.find("Print the rota") != std::string::npos);
  CHECK(zh.find(".SH \\[u540D]\\:\\[u79F0]\\:\n") != std::string::npos);  // 名称
  for (std::string english : {".SH NAME", ".SH EXIT STATUS", "Print the rota", "Success.", "In the workspace folder"}) {
    INFO(english);
    CHECK(zh.find(english) == std::string::npos);
  }
}

TEST_CASE("parse errors: said in Chinese with the word at fault and the help to see", "[help]") {
  CHECK(parse_error({"status", "--bogus"}, Lang::zh_CN) == "多余的参数：--bogus；请查看 `kangle status --help`");
  CHECK(parse_error({"schedule", "build"}, Lang::zh_CN) == "缺少必填项 --month；请查看 `kangle schedule build --help`");
  CHECK(parse_error({"schedule", "build", "--month"}, Lang::zh_CN) ==
        "--month 后面缺少取值；请查看 `kangle schedule build --help`");
  CHECK(parse_error({"schedule"}, Lang::zh_CN) == "缺少子命令；请查看 `kangle schedule --help`");
  CHECK(parse_error({"check", "--format", "doc"}, Lang::zh_CN) ==
        "--format 的取值“doc”不在可选值 text|json|csv|md|html|xlsx 之中；请查看 `kangle check --help`");
  CHECK(parse_error({"--color", "purple", "status"}, Lang::zh_CN) ==
        "--color 的取值“purple”不在可选值 auto|always|never 之中；请查看 `kangle --help`");
  CHECK(parse_error({"--lang", "fr", "status"}, Lang::zh_CN) == "--lang 的取值无效：应为 zh-CN 或 en；请查看 `kangle --help`");
  CHECK(parse_error({"points", "board", "--year", "2026", "--top", "many"}, Lang::zh_CN) ==
        "--top 的取值“many”无效；请查看 `kangle points board --help`");
  CHECK(parse_error({"init", "--bogus", "dir", "extra"}, Lang::zh_CN) ==
        "多余的参数：--bogus extra；请查看 `kangle init --help`");
  CHECK(parse_error({"status", "--bogus"}, Lang::en) == "unexpected argument: --bogus; see `kangle status --help`");
}

}  // namespace help_text_test
