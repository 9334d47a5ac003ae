// SPDX-License-Identifier: Apache-2.0
// What `kangle match` prints, at the library level: the example's needs and resources
// imported, matched and moved on, each document rendered as JSON and parsed again. Keys,
// codes and flags are the same under zh-CN and en (they were "★" and 待认领 in one list,
// false and "open" in another, "proposed" in English); phones masked unless revealed; a
// need typed by hand read as an import reads one.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "document_json.hpp"
#include "import/categories.hpp"
#include "import/lists.hpp"
#include "import/volunteers.hpp"
#include "import_report.hpp"
#include "lists/store.hpp"
#include "match/documents.hpp"
#include "present/render.hpp"
#include "storage/connection.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace match_documents_test {

using kangle::Date;
using kangle::Lang;
using kangle::match::ListQuery;
using kangle::test::error_message;
using kangle::test::both_languages;
using kangle::test::Json;
using kangle::test::rows;

namespace {

constexpr const char* now = "2026-12-01T02:00:00Z";
const Date today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};

std::string example_sheet(const std::string& name) {
  std::ifstream in(std::filesystem::path(KANGLE_SOURCE_DIR) / "examples" / "kangjian" / "sheets" / name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The example workspace with the example's needs, resources and volunteers.
class ListsWorkspace : public kangle::test::ImportWorkspace {
public:
  ListsWorkspace() {
    without_sync();
    kangle::import::ImportOptions options;
    options.file = write("needs.csv", example_sheet("需求清单.csv"));
    kangle::import::import_needs(sql(), config_, aliases("needs"), options, now);
    options.file = write("resources.csv", example_sheet("资源清单.csv"));
    kangle::import::import_resources(sql(), config_, aliases("resources"), options, now);
    options.file = write("signup.csv", example_sheet("志愿者报名表.csv"));
    kangle::import::import_volunteers(sql(), config_, aliases("volunteers"), options, now);
  }
};

const Json* row_where(const Json& document, const std::string& key, const Json& value) {
  for (const auto& row : rows(document)) {
    if (row.at(key) == value) return &row;
  }
  return nullptr;
}

/// `match run`'s document once its projects are stored.
kangle::present::Document stored_run(ListsWorkspace& ws, bool dry_run) {
  auto run = kangle::match::run_document(ws.sql(), ws.config(), today, now, "协调员", dry_run, Lang::en);
  run.stored.get();
  return std::move(run.document);
}

}  // namespace

TEST_CASE("match documents: the needs list's kinds, flags and status are the same codes in both languages", "[match_documents]") {
  ListsWorkspace ws;
  auto [zh, en] = both_languages([&](Lang lang) { return kangle::match::needs_listing(ws.sql(), ws.config(), {}, lang); });
  REQUIRE(rows(zh).size() == 10);
  const auto* wish = row_where(zh, "code", "XQ-001");
  REQUIRE(wish);
  CHECK((*wish)["requester_kind"] == "resident");
  CHECK((*wish)["category"] == "elderly-care");
  CHECK((*wish)["vulnerable"] == true);
  CHECK((*wish)["vulnerability"] == "孤老");
  CHECK((*wish)["micro_wish"] == true);
  CHECK((*wish)["value_fen"] == 15000);
  CHECK((*wish)["status"] == "open");
  CHECK((*wish)["people"] == 1);
  CHECK((*wish)["deadline"] == "2026-12-31");
  CHECK((*wish)["phone"] == "139****9001");
  const auto* compound = row_where(en, "requester", "樱花园小区");
  REQUIRE(compound);
  CHECK((*compound)["requester_kind"] == "compound");
  CHECK((*compound)["vulnerable"] == false);
  CHECK((*compound)["micro_wish"] == false);
  CHECK((*compound)["phone"].is_null());
  // The services asked: ids for scripts; none for a micro-wish, matched by its category.
  CHECK((*compound)["services"] == Json::array({"elevator-advice", "policy-advice"}));
  CHECK((*wish)["services"] == Json::array());
  CHECK((*row_where(en, "requester", "樱花园小区"))["services"] == (*row_where(zh, "requester", "樱花园小区"))["services"]);
  // People read labels in their language: the header and the text differ, the codes above do not.
  CHECK(zh.at("sections")[0]["tables"][0]["columns"][12]["header"] == "状态");
  CHECK(en.at("sections")[0]["tables"][0]["columns"][12]["header"] == "Status");
  auto text = kangle::present::render_text(kangle::match::needs_listing(ws.sql(), ws.config(), {}, Lang::zh_CN));
  CHECK(text.find("待对接") != std::string::npos);  // labels for people, codes for scripts
  CHECK(text.find(" open") == std::string::npos);
  CHECK(text.find("加装电梯咨询、政策咨询") != std::string::npos);  // the services' names
  CHECK(text.find("（按类别）") != std::string::npos);              // the micro-wishes'
  auto english = kangle::present::render_text(kangle::match::needs_listing(ws.sql(), ws.config(), {}, Lang::en));
  CHECK(english.find("Lift retrofit advice, Policy advice") != std::string::npos);
  CHECK(english.find("(by category)") != std::string::npos);
}

TEST_CASE("match documents: filters read as typed, refused where they do not apply", "[match_documents]") {
  ListsWorkspace ws;
  ListQuery query;
  query.status = "open";
  query.category = "法律服务";
  query.reveal = true;
  auto legal = Json::parse(kangle::present::render_json(kangle::match::needs_listing(ws.sql(), ws.config(), query, Lang::en)));
  REQUIRE(rows(legal).size() == 1);
  CHECK(rows(legal)[0]["code"] == "XQ-005");
  CHECK(rows(legal)[0]["phone"] == "13900139005");
  query = {};
  query.unit = "交通银行";
  CHECK(error_message<kangle::Error>([&] { kangle::match::needs_listing(ws.sql(), ws.config(), query, Lang::en); }).find("--unit") != std::string::npos);
  auto bank = Json::parse(kangle::present::render_json(kangle::match::resources_listing(ws.sql(), ws.config(), query, today, Lang::en)));
  REQUIRE(rows(bank).size() == 2);
  CHECK(rows(bank)[0]["provider_kind"] == "unit");
  CHECK(rows(bank)[0]["radius_m"] == 1500);
  CHECK(rows(bank)[0]["cost_fen"] == 0);
  CHECK(rows(bank)[0]["lat"] == 31.1601);
  CHECK(rows(bank)[1]["radius_m"].is_null());
  CHECK(rows(bank)[1]["phone"] == "137****7004");
  query = {};
  query.status = "waiting";
  CHECK_THROWS_AS(kangle::match::needs_listing(ws.sql(), ws.config(), query, Lang::en), kangle::UsageError);
  CHECK_THROWS_AS(kangle::match::resources_listing(ws.sql(), ws.config(), query, today, Lang::en), kangle::UsageError);
  query = {};
  CHECK(kangle::match::listing(ws.sql(), ws.config(), "resources", query, today, Lang::en).kind == "match_resources");
  CHECK(kangle::match::listing(ws.sql(), ws.config(), "projects", query, today, Lang::en).kind == "match_projects");
  CHECK_THROWS_AS(kangle::match::listing(ws.sql(), ws.config(), "wishes", query, today, Lang::en), kangle::Error);
  query.category = "心里咨询";
  CHECK_THROWS_AS(kangle::match::needs_listing(ws.sql(), ws.config(), query, Lang::en), kangle::UsageError);
}

TEST_CASE("match documents: projects and proposals say vulnerable and status as a flag and a code in both languages",
          "[match_documents]") {
  ListsWorkspace ws;
  auto dry = Json::parse(kangle::present::render_json(
      stored_run(ws, true)));
  CHECK(dry["facts"]["dry_run"] == true);
  // communities.toml places 玉兰园's need (no coordinates of its own): 7 before it.
  CHECK(dry["facts"]["proposed"] == 8);
  CHECK(dry["facts"]["open_needs"] == 10);
  CHECK(dry["facts"]["gaps"] == 2);
  for (const auto& row : rows(dry)) CHECK(row["project"].is_null());
  auto run = Json::parse(kangle::present::render_json(
      stored_run(ws, false)));
  CHECK(run["facts"]["dry_run"] == false);
  REQUIRE(rows(run).size() == 8);
  CHECK(rows(run)[0]["project"] == 1);
  CHECK(rows(run)[0]["vulnerable"] == true);

  auto [zh, en] = both_languages([&](Lang lang) { return kangle::match::projects_listing(ws.sql(), ws.config(), {}, today, lang); });
  REQUIRE(rows(zh).size() == 8);
  const auto* first = row_where(zh, "project", 1);
  REQUIRE(first);
  CHECK((*first)["vulnerable"] == true);  // was "★"
  CHECK((*first)["status"] == "proposed");  // was 待认领
  CHECK((*first)["overdue"] == false);
  CHECK((*first)["satisfaction"].is_null());

  // A claimed project past its deadline: still the code "claimed", overdue a flag.
  kangle::match::ProjectMove claim;
  claim.project = 3;
  claim.to = kangle::match::ProjectStatus::claimed;
  claim.by = "单位";
  auto moved = Json::parse(kangle::present::render_json(kangle::match::move_project(ws.sql(), claim, today, now, Lang::en)));
  CHECK(moved["facts"]["project"] == 3);
  CHECK(moved["facts"]["status"] == "claimed");
  const Date later{std::chrono::year{2027}, std::chrono::month{2}, std::chrono::day{1}};
  ListQuery overdue;
  overdue.overdue = true;
  auto [late_zh, late_en] = both_languages(
      [&](Lang lang) { return kangle::match::projects_listing(ws.sql(), ws.config(), overdue, later, lang); });
  REQUIRE(rows(late_zh).size() == 1);
  CHECK(rows(late_zh)[0]["status"] == "claimed");
  CHECK(rows(late_zh)[0]["overdue"] == true);
}

TEST_CASE("match documents: gaps give a reason code, a project's history its statuses as codes", "[match_documents]") {
  ListsWorkspace ws;
  stored_run(ws, false);
  auto [zh, en] = both_languages([&](Lang lang) { return kangle::match::gaps_document(ws.sql(), ws.config(), today, lang); });
  REQUIRE(rows(zh).size() == 2);
  for (const auto& row : rows(zh)) CHECK(row["reason"] == "no_location");
  // 樱花园 is in communities.toml without coordinates: the way forward names it, in both languages.
  const auto* lift = row_where(zh, "need_id", 3);
  REQUIRE(lift);
  CHECK((*lift)["way_forward"] == "locate_compound");
  CHECK((*lift)["lacks_coordinates"] == "need");
  CHECK((*lift)["compound"] == "樱花园");
  CHECK(rows(en) == rows(zh));
  CHECK(zh["sections"][0]["lines"].empty());

  kangle::match::ProjectMove move;
  move.project = 1;
  move.by = "交通银行";
  for (auto to : {kangle::match::ProjectStatus::claimed, kangle::match::ProjectStatus::done}) {
    move.to = to;
    if (to == kangle::match::ProjectStatus::done) {
      move.note = "收音机一台";
      move.volunteers = {"张伟,王建国"};
    }
    kangle::match::move_project(ws.sql(), move, today, now, Lang::en);
  }
  auto team = kangle::match::ProjectStore(ws.sql()).team(1);
  CHECK(team.size() == 2);
  move.project = 2;
  move.to = kangle::match::ProjectStatus::done;
  move.volunteers = {"无此人"};
  CHECK_THROWS_AS(kangle::match::move_project(ws.sql(), move, today, now, Lang::en), kangle::InputError);
  move.volunteers = {};
  move.date = "2026-13-01";
  CHECK_THROWS_AS(kangle::match::move_project(ws.sql(), move, today, now, Lang::en), kangle::UsageError);

  auto [show_zh, show_en] = both_languages([&](Lang lang) { return kangle::match::project_document(ws.sql(), ws.config(), 1, today, lang); });
  CHECK(show_zh["facts"]["status"] == "done");
  CHECK(show_en["facts"]["status"] == "done");
  REQUIRE(rows(show_zh).size() == 3);
  CHECK(rows(show_zh)[0]["from"].is_null());
  CHECK(rows(show_zh)[0]["status"] == "proposed");
  CHECK(rows(show_zh)[2]["from"] == "claimed");
  CHECK(rows(show_zh)[2]["status"] == "done");
  CHECK(rows(show_zh)[2]["note"] == "收音机一台");
  CHECK_THROWS_AS(kangle::match::project_document(ws.sql(), ws.config(), 99, today, Lang::en), kangle::InputError);
}

TEST_CASE("match documents: a need typed by hand is read as an import reads one, refused whole", "[match_documents]") {
  ListsWorkspace ws;
  kangle::import::HandEntry entry;
  entry.who = "周阿婆";
  entry.category = "理发";  // a service's name, as imports read it
  entry.description = "希望上门理发";
  entry.vulnerable = "独居老人";
  entry.deadline = "2026年12月30日";
  entry.value = "50元";
  entry.phone = "139 0013 9011";
  auto added = Json::parse(kangle::present::render_json(kangle::match::add_need(ws.sql(), ws.config(), entry, now, Lang::en)));
  auto id = added["facts"]["need"].get<std::int64_t>();
  auto stored = kangle::lists::Store(ws.sql()).needs({});
  auto it = std::find_if(stored.begin(), stored.end(), [&](const auto& n) { return n.id == id; });
  REQUIRE(it != stored.end());
  CHECK(it->category == "life");
  CHECK(it->phone == "13900139011");
  CHECK(it->vulnerable);
  CHECK(it->vulnerability == "独居老人");
  CHECK(it->value_fen == 5000);
  CHECK(it->deadline == Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{30}});
  CHECK(it->requester_kind == kangle::lists::RequesterKind::resident);
  CHECK(it->services == std::vector<std::string>{"haircut"});  // the category's words name it, as in a list

  // --service by id or name, each of the category; unknown ones refused with the nearest.
  auto asking = entry;
  asking.category = "健康服务";
  asking.description = "楼道";
  asking.services = {"消杀", "blood-pressure", "disinfection"};
  auto asked = Json::parse(kangle::present::render_json(kangle::match::add_need(ws.sql(), ws.config(), asking, now, Lang::en)));
  auto asked_id = asked["facts"]["need"].get<std::int64_t>();
  stored = kangle::lists::Store(ws.sql()).needs({});
  it = std::find_if(stored.begin(), stored.end(), [&](const auto& n) { return n.id == asked_id; });
  REQUIRE(it != stored.end());
  CHECK(it->services == std::vector<std::string>{"blood-pressure", "disinfection"});
  asking.services = {"消毒杀"};
  CHECK(error_message<kangle::Error>([&] { kangle::match::add_need(ws.sql(), ws.config(), asking, now, Lang::en); }) ==
        "unknown service \"消毒杀\" (did you mean \"消杀\"?)");
  asking.services = {"理发"};
  CHECK(error_message<kangle::Error>([&] { kangle::match::add_need(ws.sql(), ws.config(), asking, now, Lang::en); }) ==
        "service \"理发\" belongs to Everyday services, not to Health");

  // The same refusal as an import's for a category it cannot place.
  auto refused = entry;
  refused.category = "心里咨询";
  CHECK(error_message<kangle::Error>([&] { kangle::match::add_need(ws.sql(), ws.config(), refused, now, Lang::en); }) ==
        kangle::import::CategoryMatcher(ws.config().catalogue).refusal("心里咨询").in(Lang::en));
  refused = entry;
  refused.kind = "小区";  // as a sheet writes it
  refused.who = "樱花园";
  CHECK_NOTHROW(kangle::match::add_need(ws.sql(), ws.config(), refused, now, Lang::en));
  refused.kind = "alien";
  CHECK_THROWS_AS(kangle::match::add_need(ws.sql(), ws.config(), refused, now, Lang::en), kangle::UsageError);
  refused = entry;
  refused.phone = "12345";
  CHECK_THROWS_AS(kangle::match::add_need(ws.sql(), ws.config(), refused, now, Lang::en), kangle::UsageError);
  refused = entry;
  refused.lat = 31.16;
  CHECK_THROWS_AS(kangle::match::add_need(ws.sql(), ws.config(), refused, now, Lang::en), kangle::UsageError);
  refused = entry;
  refused.code = "XQ-001";
  CHECK_THROWS_AS(kangle::match::add_need(ws.sql(), ws.config(), refused, now, Lang::en), kangle::InputError);
  CHECK(kangle::lists::Store(ws.sql()).count_needs() == 13);

  kangle::import::HandEntry offer;
  offer.who = "康健理发志愿队";
  offer.category = "life";
  offer.description = "上门理发";
  offer.radius = "2公里";
  offer.cost = "免费";
  auto resource = Json::parse(kangle::present::render_json(kangle::match::add_resource(ws.sql(), ws.config(), offer, now, Lang::en)));
  CHECK(resource["facts"]["resource"] == 11);
  offer.radius = "附近";
  CHECK_THROWS_AS(kangle::match::add_resource(ws.sql(), ws.config(), offer, now, Lang::en), kangle::UsageError);
}

TEST_CASE("match documents: a run numbers its projects as they are stored, and stores none when one is refused",
          "[match_documents]") {
  ListsWorkspace ws;
  auto& db = ws.sql();
  auto statuses = [&] {
    std::vector<std::string> out;
    kangle::storage::Statement q(db, "SELECT status FROM needs ORDER BY id");
    while (q.step()) out.push_back(q.column(0).text());
    return out;
  };
  const auto open = statuses();
  // A run's projects all proposed: the second is refused.
  db.exec("CREATE UNIQUE INDEX one_project_a_status ON projects (status)");
  {
    auto refused = kangle::match::run_document(db, ws.config(), today, now, "协调员", false, Lang::en);
    // Said while being stored; the refusal comes with `stored`, and rolls the whole run back.
    CHECK(rows(Json::parse(kangle::present::render_json(refused.document))).size() == 8);
    CHECK_THROWS(refused.stored.get());
  }
  CHECK(db.query_integer("SELECT count(*) FROM projects") == 0);
  CHECK(db.query_integer("SELECT count(*) FROM project_events") == 0);
  CHECK(statuses() == open);
  db.exec("DROP INDEX one_project_a_status");

  // Projects stored before number the next run's after them; each row says the project stored.
  db.exec("INSERT INTO projects (id, need_id, resource_id, unit, status, created_at, updated_at) "
          "SELECT 41, id, (SELECT min(id) FROM resources), '单位', 'cancelled', '" + std::string(now) + "', '" + now +
          "' FROM needs ORDER BY id LIMIT 1");
  auto run = Json::parse(kangle::present::render_json(stored_run(ws, false)));
  REQUIRE(rows(run).size() == 8);
  for (std::size_t k = 0; k < rows(run).size(); ++k) {
    const auto& row = rows(run)[k];
    CHECK(row["project"] == 42 + k);
    kangle::storage::Statement stored(db, "SELECT need_id, resource_id, status FROM projects WHERE id = ?");
    stored.bind(1, row["project"].get<std::int64_t>());
    REQUIRE(stored.step());
    CHECK(stored.column(0).int64() == row["need_id"].get<std::int64_t>());
    CHECK(stored.column(1).int64() == row["resource_id"].get<std::int64_t>());
    CHECK(stored.column(2).text() == "proposed");
  }
  CHECK(db.query_integer("SELECT count(*) FROM project_events WHERE project_id > 41") == 8);
  CHECK(statuses() != open);
}

}  // namespace match_documents_test
