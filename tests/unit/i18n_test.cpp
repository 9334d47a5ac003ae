// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <fmt/args.h>
#include <fmt/format.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/i18n.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace i18n_test {

using kangle::Lang;
using kangle::Msg;
using kangle::Message;
using kangle::Localized;
using kangle::message_text;
using kangle::InputError;
using kangle::Error;
using kangle::ExitCode;

namespace {

constexpr std::size_t message_count = static_cast<std::size_t>(Msg::count_);

/// The replacement fields of a fmt format string: how many there are, and which
/// arguments they use (automatic fields counting 0, 1, … as fmt does).
struct Placeholders {
  std::size_t count = 0;
  std::set<std::size_t> arguments;
  bool well_formed = true;
};

Placeholders placeholders(std::string_view text) {
  Placeholders out;
  std::size_t next_automatic = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') ++i;  // "}}" escape
      else out.well_formed = false;
      continue;
    }
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {  // "{{" escape
      ++i;
      continue;
    }
    auto close = text.find('}', i);
    if (close == std::string_view::npos) {
      out.well_formed = false;
      break;
    }
    auto field = text.substr(i + 1, close - i - 1);
    auto id = field.substr(0, field.find(':'));
    ++out.count;
    if (id.empty()) {
      out.arguments.insert(next_automatic++);
    } else {
      std::size_t index = 0;
      for (char c : id) {
        if (c < '0' || c > '9') {
          out.well_formed = false;
          break;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      out.arguments.insert(index);
    }
    i = close;
  }
  return out;
}

std::string format_with(std::string_view text, std::size_t arguments) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (std::size_t i = 0; i < arguments; ++i) store.push_back(std::string("x"));
  return fmt::vformat(text, store);
}

}  // namespace

TEST_CASE("placeholders, the counting helper itself") {
  auto plain = placeholders("cannot read {}: {}");
  CHECK(plain.count == 2);
  CHECK(plain.arguments == std::set<std::size_t>{0, 1});
  auto escaped = placeholders("\"fee\" must be {{ fixed = AMOUNT }}");
  CHECK(escaped.count == 0);
  CHECK(escaped.well_formed);
  auto positional = placeholders("{1} services in {0} categories, {2} skills");
  CHECK(positional.count == 3);
  CHECK(positional.arguments == std::set<std::size_t>{0, 1, 2});
  CHECK_FALSE(placeholders("unbalanced {").well_formed);
  CHECK_FALSE(placeholders("unbalanced }").well_formed);
}

TEST_CASE("catalogue, every line is in enum order") {
  for (std::size_t i = 0; i < message_count; ++i) {
    INFO("catalogue index " << i);
    CHECK(kangle::catalogue_id(i) == static_cast<Msg>(i));
  }
}

TEST_CASE("catalogue, English and Chinese texts take the same placeholders") {
  for (std::size_t i = 0; i < message_count; ++i) {
    auto id = static_cast<Msg>(i);
    auto en = kangle::message_text(id, Lang::en);
    auto zh = kangle::message_text(id, Lang::zh_CN);
    INFO("message " << i << ": en \"" << en << "\", zh \"" << zh << "\"");
    CHECK_FALSE(en.empty());
    CHECK_FALSE(zh.empty());
    auto e = placeholders(en);
    auto z = placeholders(zh);
    CHECK(e.well_formed);
    CHECK(z.well_formed);
    if (id == Msg::rhythm_nth) {
      // The one known exception: English appends the ordinal suffix ({2}: "nd" in "2nd"),
      // which Chinese (每月第2个周六) has no use for. Pinned so that any other drift fails.
      CHECK(e.arguments == std::set<std::size_t>{0, 1, 2});
      CHECK(z.arguments == std::set<std::size_t>{0, 1});
      continue;
    }
    CHECK(e.count == z.count);
    CHECK(e.arguments == z.arguments);
  }
}

TEST_CASE("catalogue, every text formats with enough arguments") {
  for (std::size_t i = 0; i < message_count; ++i) {
    auto id = static_cast<Msg>(i);
    for (auto lang : {Lang::en, Lang::zh_CN}) {
      auto text = kangle::message_text(id, lang);
      INFO("message " << i << " (" << kangle::lang_code(lang) << "): \"" << text << "\"");
      CHECK_NOTHROW(format_with(text, 8));
      auto needed = placeholders(text).arguments;
      std::size_t count = needed.empty() ? 0 : *needed.rbegin() + 1;
      CHECK_NOTHROW(format_with(text, count));
      if (count > 0) CHECK_THROWS_AS(format_with(text, count - 1), fmt::format_error);
    }
  }
}

TEST_CASE("catalogue, escaped braces come out single") {
  CHECK(format_with(kangle::message_text(Msg::bad_fee, Lang::en), 0) ==
        "\"fee\" must be \"free\", \"materials\" or { fixed = AMOUNT }");
  CHECK(format_with(kangle::message_text(Msg::bad_fee, Lang::zh_CN), 0) ==
        "“fee”应为 \"free\"、\"materials\" 或 { fixed = 金额 }");
}

TEST_CASE("tr, fills placeholders in the language given") {
  CHECK(kangle::tr(Lang::en, Msg::check_clean, "kangle.toml") == "kangle.toml: no problems found");
  CHECK(kangle::tr(Lang::en, Msg::status_catalogue, 9, 36, 10) == "Catalogue: 36 services in 9 categories, 10 skills");
  CHECK(kangle::tr(Lang::zh_CN, Msg::check_clean, "kangle.toml") == "kangle.toml：未发现问题");
  CHECK(kangle::tr(Lang::zh_CN, Msg::status_catalogue, 9, 36, 10) == "服务目录：9 类 36 项服务，10 种技能");
}

TEST_CASE("parse_lang, accepted spellings") {
  CHECK(kangle::parse_lang("zh-CN") == Lang::zh_CN);
  CHECK(kangle::parse_lang("zh_CN.UTF-8") == Lang::zh_CN);
  CHECK(kangle::parse_lang("zh") == Lang::zh_CN);
  CHECK(kangle::parse_lang("en") == Lang::en);
  CHECK(kangle::parse_lang("en_US.UTF-8") == Lang::en);
  CHECK(kangle::parse_lang("en-GB") == Lang::en);
  CHECK(kangle::parse_lang("C") == Lang::en);
  CHECK(kangle::parse_lang("C.UTF-8") == Lang::en);
}

TEST_CASE("parse_lang, rejects other languages") {
  CHECK_FALSE(kangle::parse_lang("fr").has_value());
  CHECK_FALSE(kangle::parse_lang("fr_FR.UTF-8").has_value());
  CHECK_FALSE(kangle::parse_lang("").has_value());
  CHECK_FALSE(kangle::parse_lang("english").has_value());
}

TEST_CASE("lang_code, the spelling kangle.toml uses") {
  CHECK(kangle::lang_code(Lang::zh_CN) == "zh-CN");
  CHECK(kangle::lang_code(Lang::en) == "en");
}

TEST_CASE("Message, said in either language when shown, with its words translated then") {
  Message refusal(Msg::toml_wrong_type, "kiosks.hours", Msg::type_table);
  CHECK(refusal.in(Lang::en) == fmt::format(fmt::runtime(message_text(Msg::toml_wrong_type, Lang::en)), "kiosks.hours",
                                            message_text(Msg::type_table, Lang::en)));
  CHECK(refusal.in(Lang::zh_CN) == fmt::format(fmt::runtime(message_text(Msg::toml_wrong_type, Lang::zh_CN)),
                                               "kiosks.hours", message_text(Msg::type_table, Lang::zh_CN)));
  CHECK(refusal.code() == "toml_wrong_type");
  CHECK(refusal.id() == Msg::toml_wrong_type);

  Message nested(Msg::cannot_write_file, "out.csv", refusal);
  CHECK(nested.in(Lang::zh_CN).find(refusal.in(Lang::zh_CN)) != std::string::npos);
  CHECK(nested.in(Lang::en).find(refusal.in(Lang::en)) != std::string::npos);

  Message named(Msg::workspace_exists, Localized{"康健街道", "Kangjian"});
  CHECK(named.in(Lang::en).find("Kangjian") != std::string::npos);
  CHECK(named.in(Lang::zh_CN).find("康健街道") != std::string::npos);
}

TEST_CASE("Error, carries its Message, what() is the English text for logs") {
  InputError error(Message(Msg::cannot_read_file, "a.csv", "gone"));
  CHECK(error.message().code() == "cannot_read_file");
  CHECK(std::string(error.what()) == error.message().in(Lang::en));
  CHECK(error.exit_code() == ExitCode::bad_input);
  Error internal("ICU: no such zone");
  CHECK(internal.message().in(Lang::zh_CN) == "ICU: no such zone");
}

TEST_CASE("list_in and listed: a list as each language writes one, messages said in it") {
  CHECK(kangle::list_in(kangle::Lang::zh_CN, {"周一", "周三"}) == "周一、周三");
  CHECK(kangle::list_in(kangle::Lang::en, {"Mon", "Wed"}) == "Mon, Wed");
  CHECK(kangle::list_in(kangle::Lang::en, {}).empty());
  auto words = kangle::listed(std::vector<std::string>{"every", "week"});
  CHECK(words.zh == "every、week");
  CHECK(words.en == "every, week");
  auto said = kangle::listed(std::vector<kangle::Message>{kangle::Message(kangle::Msg::status_hours),
                                                          kangle::Message(kangle::Msg::status_equipment)});
  CHECK(said.zh == "开放时间、设备");
  CHECK(said.en == "Hours, Equipment");
}

}  // namespace i18n_test
