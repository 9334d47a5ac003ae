// SPDX-License-Identifier: Apache-2.0
// Reading a document as scripts do: its JSON parsed, and what must not change with --lang.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>

#include "core/i18n.hpp"
#include "present/render.hpp"

namespace kangle::test {

inline nlohmann::json json_of(const present::Document& document) {
  return nlohmann::json::parse(present::render_json(document));
}

/// What scripts rely on: the kind, facts, and each table's id, column keys and rows
/// (codes, numbers, flags), without the titles, headers and lines people read.
inline nlohmann::json for_scripts(const nlohmann::json& document) {
  nlohmann::json out = {{"kind", document["kind"]}, {"facts", document.value("facts", nlohmann::json::object())}};
  for (const auto& section : document["sections"]) {
    for (const auto& table : section["tables"]) {
      nlohmann::json keys = nlohmann::json::array();
      for (const auto& column : table["columns"]) keys.push_back(column["key"]);
      out["tables"].push_back({{"id", table["id"]}, {"keys", keys}, {"rows", table["rows"]}});
    }
  }
  return out;
}

/// `build`'s document made in Chinese and in English, as JSON; the language left as it was.
inline std::pair<nlohmann::json, nlohmann::json> in_both_languages(const std::function<present::Document()>& build) {
  auto before = language();
  set_language(Lang::zh_CN);
  auto zh = json_of(build());
  set_language(Lang::en);
  auto en = json_of(build());
  set_language(before);
  return {zh, en};
}

}  // namespace kangle::test
