// SPDX-License-Identifier: Apache-2.0
// `status` and `check` as documents: JSON whose keys and codes do not change with the language.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "core/i18n.hpp"
#include "present/render.hpp"
#include "temp_dir.hpp"
#include "workspace/check.hpp"
#include "workspace/init.hpp"
#include "workspace/summary.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace status_document_test {

using kangle::Lang;
using kangle::test::TempDir;
using Json = nlohmann::json;

namespace {

/// The JSON of `build(lang)`'s document in Chinese and in English.
template <typename Build>
std::pair<Json, Json> json_in_both(Build build) {
  auto zh = Json::parse(kangle::present::render_json(build(Lang::zh_CN)));
  auto en = Json::parse(kangle::present::render_json(build(Lang::en)));
  return {zh, en};
}

/// Each section's id and each table row's codes (`item`, `severity`, …): what scripts key on.
Json keys_and_codes(const Json& document, const std::vector<std::string>& codes) {
  Json out = Json::array();
  for (const auto& section : document["sections"]) {
    Json rows = Json::array();
    for (const auto& table : section["tables"]) {
      for (const auto& row : table["rows"]) {
        Json kept = Json::object();
        for (const auto& [key, value] : row.items()) {
          kept[key] = std::find(codes.begin(), codes.end(), key) != codes.end() ? value : Json("…");
        }
        rows.push_back(kept);
      }
    }
    out.push_back({{"id", section["id"]}, {"rows", rows}});
  }
  return out;
}

}  // namespace

TEST_CASE("status_document: the workspace's figures as facts, a section per kiosk with coded rows", "[status_document]") {
  TempDir dir;
  kangle::workspace::init_workspace({dir.path() / "ws", std::string("kangjian"), std::nullopt});
  auto summary = kangle::workspace::summarize(dir.path() / "ws");
  auto [zh, en] = json_in_both([&](Lang lang) { return kangle::workspace::status_document(summary, lang); });
  CHECK(zh["kind"] == "status");
  CHECK(zh["facts"] == en["facts"]);
  CHECK(zh["facts"]["kiosks"] == 3);
  CHECK(zh["facts"]["schema_version"].is_number_integer());
  CHECK(zh["facts"]["holiday_years"] == Json::array({"2026"}));
  CHECK(keys_and_codes(zh, {"item"}) == keys_and_codes(en, {"item"}));
  REQUIRE(zh["sections"].size() == 4);
  CHECK(zh["sections"][0]["id"] == "workspace");
  CHECK(zh["sections"][1]["id"] == "dingxiang");
  const auto& rows = zh["sections"][1]["tables"][0]["rows"];
  REQUIRE(!rows.empty());
  CHECK(rows[0]["item"] == "hours");
  // Every row of a kind carries its code, though people read the label on its first only.
  std::size_t daily = 0;
  for (const auto& row : rows) daily += row["item"] == "daily" ? 1 : 0;
  CHECK(daily == 5);
}

TEST_CASE("status_document: no database yet is a null schema version", "[status_document]") {
  TempDir dir;
  kangle::workspace::init_workspace({dir.path() / "ws", std::string("kangjian"), std::nullopt});
  std::filesystem::remove(dir.path() / "ws" / "kangle.db");
  auto json = Json::parse(kangle::present::render_json(kangle::workspace::status_document(kangle::workspace::summarize(dir.path() / "ws"), Lang::en)));
  CHECK(json["facts"]["schema_version"].is_null());
}

TEST_CASE("check_document: a row per problem with file, line, column, a severity code and the message's code", "[status_document]") {
  TempDir dir;
  auto root = dir.path() / "ws";
  kangle::workspace::init_workspace({root, std::string("kangjian"), std::nullopt});
  std::ofstream(root / "kiosks" / "pubei.toml", std::ios::app) << "\nnonsense = \n";
  std::ofstream(root / "kangle.toml", std::ios::app) << "\nzzzzzzzz = 1\n";
  auto problems = kangle::workspace::check_workspace(root, kangle::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}});
  auto [zh, en] = json_in_both([&](Lang lang) { return kangle::workspace::check_document(problems, root, lang); });
  CHECK(zh["kind"] == "check");
  CHECK(zh["facts"] == en["facts"]);
  CHECK(zh["facts"]["errors"].get<int>() >= 2);
  const std::vector<std::string> codes{"file", "line", "column", "severity", "code"};
  CHECK(keys_and_codes(zh, codes) == keys_and_codes(en, codes));
  const auto& rows = zh["sections"][0]["tables"][0]["rows"];
  const auto& english_rows = en["sections"][0]["tables"][0]["rows"];
  bool syntax = false, unknown_key = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    CHECK((row["severity"] == "error" || row["severity"] == "warning"));
    CHECK((row["line"].is_number_integer() || (row["line"].is_null() && row["file"] == "holidays/")));
    CHECK(row["code"].is_string());
    syntax = syntax || (row["file"] == "kiosks/pubei.toml" && row["severity"] == "error" && row["code"] == "toml_syntax");
    if (row["file"] == "kangle.toml" && row["code"] == "toml_unknown_key") {
      unknown_key = true;
      CHECK(row["message"] == "未知的键“zzzzzzzz”");
      CHECK(english_rows[i]["message"] == "unknown key \"zzzzzzzz\"");
    }
  }
  CHECK(syntax);
  CHECK(unknown_key);
}

TEST_CASE("check_document: a clean workspace says so, with zero counts", "[status_document]") {
  auto json = Json::parse(kangle::present::render_json(kangle::workspace::check_document({}, "ws", Lang::en)));
  CHECK(json["facts"]["errors"] == 0);
  CHECK(json["facts"]["warnings"] == 0);
  CHECK(json["sections"][0]["lines"][0] == "ws: no problems found");
}

}  // namespace status_document_test
