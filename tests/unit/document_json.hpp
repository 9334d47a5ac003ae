// SPDX-License-Identifier: Apache-2.0
// Documents as scripts read them: rendered as JSON and parsed again with nlohmann-json,
// in zh-CN and in English, to check that nothing scripts read depends on the language.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <utility>

#include "core/i18n.hpp"
#include "present/render.hpp"

namespace kangle::test {

using Json = nlohmann::json;

inline Json json_of(const present::Document& document) { return Json::parse(present::render_json(document)); }

/// `build`'s document as JSON, parsed, built in `lang` (given to `build`) and rendered.
template <typename Build>
Json json_in(Lang lang, Build build) {
  return json_of(build(lang));
}

/// What scripts read of a document: everything but the titles, headers and lines people read.
inline Json for_scripts(Json document) {
  document.erase("title");
  for (auto& section : document.at("sections")) {
    section.erase("title");
    section.erase("lines");
    for (auto& table : section.at("tables")) {
      table.erase("title");
      for (auto& column : table.at("columns")) column.erase("header");
    }
  }
  return document;
}

/// The document `build` makes in zh-CN and in English, as JSON.
template <typename Build>
std::pair<Json, Json> in_both_languages(Build build) {
  return {json_in(Lang::zh_CN, build), json_in(Lang::en, build)};
}

/// The document `build` makes in zh-CN and in English, checked identical for scripts:
/// keys, codes, flags, numbers, facts and all.
template <typename Build>
std::pair<Json, Json> both_languages(Build build) {
  auto [zh, en] = in_both_languages(build);
  CHECK(zh.at("format_version") == 1);
  CHECK(for_scripts(zh) == for_scripts(en));
  return {zh, en};
}

/// The rows of table `table` of section `section` of a parsed document.
inline const Json& rows(const Json& document, std::size_t section = 0, std::size_t table = 0) {
  return document.at("sections").at(section).at("tables").at(table).at("rows");
}

}  // namespace kangle::test
