// SPDX-License-Identifier: Apache-2.0
// What `kangle volunteers` prints, at the library level: the list and one volunteer (who
// had no JSON at all) rendered as JSON and parsed again, the same keys, field codes and
// flags under zh-CN and en, phones and ID numbers masked unless revealed; a correction
// read as the sign-up import reads its values; absences declared and taken back.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/volunteers.hpp"
#include "document_json.hpp"
#include "import_report.hpp"
#include "volunteers/documents.hpp"
#include "present/render.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace people_documents_test {

using kangle::Lang;
using kangle::test::error_message;
using kangle::test::both_languages;
using kangle::test::Json;
using kangle::test::rows;

namespace {

constexpr const char* now = "2026-12-01T02:00:00Z";

/// The example workspace with the example's volunteers.
class PeopleWorkspace : public kangle::test::ImportWorkspace {
public:
  PeopleWorkspace() {
    without_sync();
    std::ifstream in(std::filesystem::path(KANGLE_SOURCE_DIR) / "examples" / "kangjian" / "sheets" / "志愿者报名表.csv",
                     std::ios::binary);
    REQUIRE(in);
    kangle::import::ImportOptions options;
    options.file = write("signup.csv", {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()});
    kangle::import::import_volunteers(sql(), config_, aliases("volunteers"), options, now);
  }
};

/// A volunteer's details as field code → value.
Json details(const Json& document, std::size_t section = 0) {
  Json out = Json::object();
  for (const auto& row : rows(document, section)) out[row.at("field").get<std::string>()] = row.at("value");
  return out;
}

}  // namespace

TEST_CASE("people documents: the list's flags, lists and codes are the same in both languages, phones masked",
          "[people_documents]") {
  PeopleWorkspace ws;
  auto [zh, en] = both_languages(
      [&](Lang lang) { return kangle::volunteers::volunteers_listing(ws.sql(), ws.config(), {}, false, lang); });
  REQUIRE(rows(zh).size() > 20);
  const Json* wang = nullptr;
  for (const auto& row : rows(zh)) {
    if (row.at("name") == "王建国") wang = &row;
  }
  REQUIRE(wang);
  CHECK((*wang)["phone"] == "138****8001");
  CHECK((*wang)["party_member"] == true);  // was "是" or "yes"
  CHECK((*wang)["monthly_limit"] == 4);
  CHECK((*wang)["skills"] == "nurse");
  CHECK((*wang)["skill_ids"] == Json::array({"nurse"}));
  CHECK((*wang)["availability"] == "Wed-morning,Fri-morning");
  CHECK((*wang)["availability_slots"] == Json::array({"Wed-morning", "Fri-morning"}));
  for (const auto& row : rows(en)) {
    CHECK(row["party_member"].is_boolean());
    CHECK(row["phone"].get<std::string>().find("****") != std::string::npos);
  }
  auto revealed = Json::parse(kangle::present::render_json(kangle::volunteers::volunteers_listing(ws.sql(), ws.config(), {}, true, Lang::en)));
  for (const auto& row : rows(revealed)) {
    if (row["name"] == "王建国") CHECK(row["phone"] == "13800138001");
  }
  kangle::people::VolunteerFilter nurses;
  nurses.unit = "社区卫生服务中心";
  auto filtered = Json::parse(kangle::present::render_json(kangle::volunteers::volunteers_listing(ws.sql(), ws.config(), nurses, false, Lang::en)));
  CHECK_FALSE(rows(filtered).empty());
  CHECK(rows(filtered).size() < rows(zh).size());
}

TEST_CASE("people documents: show has JSON: details by field code, the changes kept, in both languages",
          "[people_documents]") {
  PeopleWorkspace ws;
  kangle::import::VolunteerEditInput edit;
  edit.name = "王建军";
  edit.availability = "周二上午";
  edit.monthly_limit = 5;
  auto said = Json::parse(kangle::present::render_json(
      kangle::volunteers::edit_document(ws.sql(), ws.config(), "王建国", edit, "coordinator", now, Lang::en)));
  CHECK(said["kind"] == "volunteer_set");
  CHECK(said["facts"]["changes"] == 3);
  CHECK(said["sections"][0]["lines"].size() == 1);

  auto [zh, en] = both_languages([&](Lang lang) { return kangle::volunteers::volunteer_document(ws.sql(), ws.config(), "王建军", false, lang); });
  REQUIRE(zh["sections"].size() == 1);
  auto shown = details(zh);
  CHECK(shown["name"] == "王建军");
  CHECK(shown["phone"] == "138****8001");
  CHECK(shown["party_member"] == true);
  CHECK(shown["monthly_limit"] == 5);
  CHECK(shown["skills"] == "nurse");
  CHECK(shown["availability"] == "Tue-morning");
  CHECK(details(en)["party_member"] == true);
  const auto& changes = rows(zh, 0, 1);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0]["change"] == "name");
  CHECK(changes[0]["before"] == "王建国");
  CHECK(changes[0]["after"] == "王建军");
  CHECK(changes[0]["by"] == "coordinator");
  CHECK(changes[1]["change"] == "availability");
  // Found by phone too, ID numbers masked unless revealed.
  auto by_phone = Json::parse(kangle::present::render_json(
      kangle::volunteers::volunteer_document(ws.sql(), ws.config(), "13800138001", true, Lang::en)));
  CHECK(details(by_phone)["phone"] == "13800138001");
  CHECK_THROWS_AS(kangle::volunteers::volunteer_document(ws.sql(), ws.config(), "无此人", false, Lang::en), kangle::InputError);
}

TEST_CASE("people documents: a correction refused as the import refuses its values, nothing to change said",
          "[people_documents]") {
  PeopleWorkspace ws;
  kangle::import::VolunteerEditInput edit;
  CHECK_THROWS_AS(kangle::import::read_volunteer_edit(ws.config().catalogue, edit), kangle::UsageError);
  edit.phone = "12345678901";
  CHECK_THROWS_AS(kangle::import::read_volunteer_edit(ws.config().catalogue, edit), kangle::UsageError);
  edit = {};
  edit.monthly_limit = 200;
  CHECK_THROWS_AS(kangle::import::read_volunteer_edit(ws.config().catalogue, edit), kangle::UsageError);
  edit = {};
  edit.skills = "护士、飞行";
  CHECK(error_message<kangle::Error>([&] { kangle::import::read_volunteer_edit(ws.config().catalogue, edit); }).find("飞行") !=
        std::string::npos);
  edit = {};
  edit.skills = "护士、磨刀";
  auto read = kangle::import::read_volunteer_edit(ws.config().catalogue, edit);
  REQUIRE(read.skills);
  CHECK(read.skills->size() == 2);
  edit = {};
  edit.name = "王建国";
  auto same = Json::parse(kangle::present::render_json(
      kangle::volunteers::edit_document(ws.sql(), ws.config(), "王建国", edit, "coordinator", now, Lang::en)));
  CHECK(same["facts"]["changes"] == 0);
}

TEST_CASE("people documents: absences listed, declared and taken back, each said with its number", "[people_documents]") {
  PeopleWorkspace ws;
  kangle::volunteers::AwayInput input;
  auto none = kangle::volunteers::away_document(ws.sql(), ws.config(), input, now, Lang::en);
  CHECK(none.kind == "volunteer_absences");
  CHECK(none.sections.at(0).tables.at(0).rows.empty());
  CHECK(none.footer.size() == 1);
  input.from = "2026-12-09";
  CHECK_THROWS_AS(kangle::volunteers::away_document(ws.sql(), ws.config(), input, now, Lang::en), kangle::UsageError);  // whose?
  input.who = "李秀英";
  input.to = "2026-12-08";
  CHECK_THROWS_AS(kangle::volunteers::away_document(ws.sql(), ws.config(), input, now, Lang::en), kangle::UsageError);  // reversed
  input.to = "2026-12-10";
  input.reason = "出差";
  auto declared = Json::parse(kangle::present::render_json(kangle::volunteers::away_document(ws.sql(), ws.config(), input, now, Lang::en)));
  CHECK(declared["facts"]["seats"] == 0);
  auto absence = declared["facts"]["absence"].get<std::int64_t>();
  auto listed = Json::parse(kangle::present::render_json(kangle::volunteers::away_document(ws.sql(), ws.config(), {}, now, Lang::en)));
  REQUIRE(rows(listed).size() == 1);
  CHECK(rows(listed)[0]["absence"] == absence);
  CHECK(rows(listed)[0]["from"] == "2026-12-09");
  CHECK(rows(listed)[0]["to"] == "2026-12-10");
  kangle::volunteers::AwayInput undo;
  undo.who = "李秀英";
  undo.undo = absence;
  undo.by = "coordinator";
  auto removed = Json::parse(kangle::present::render_json(kangle::volunteers::away_document(ws.sql(), ws.config(), undo, now, Lang::en)));
  CHECK(removed["facts"]["absence"] == absence);
  CHECK_THROWS_AS(kangle::volunteers::away_document(ws.sql(), ws.config(), undo, now, Lang::en), kangle::InputError);
}

}  // namespace people_documents_test
