// SPDX-License-Identifier: Apache-2.0
// The documents of the `schedule` commands: JSON that scripts can read (typed values,
// stable keys and codes whatever the language), built in lib/ where a test can call them.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "config/loader.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "people/store.hpp"
#include "present/render.hpp"
#include "schedule/build.hpp"
#include "schedule/documents.hpp"
#include "schedule/notify.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace schedule_documents_test {

using kangle::Date;
using kangle::Lang;
using kangle::test::TempDir;
using Json = nlohmann::json;
namespace schedule = kangle::schedule;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

const schedule::Month december{2026, 12};

/// The example workspace with a few volunteers and December's rota built.
struct Example {
  TempDir dir;
  kangle::test::TestDatabase database{dir.path() / "ws"};
  kangle::config::Config config;
  std::unique_ptr<kangle::storage::Database> db;
  std::int64_t zhang = 0;
  Example() {
    kangle::workspace::init_workspace({dir.path() / "ws", std::string("kangjian"), std::nullopt});
    config = kangle::config::load_valid_config(dir.path() / "ws");
    db = std::make_unique<kangle::storage::Database>(database.location(), kangle::storage::Access::read_write);
    zhang = add("张伟", "13800138000", {"barber", "nurse"});
    add("李娜", "13800138001", {"barber"});
    schedule::build_rota(db->sql(), config, december, "2026-11-25T02:00:00Z", false);
  }
  std::int64_t add(const std::string& name, const std::string& phone, std::vector<std::string> skills) {
    kangle::people::Volunteer v;
    v.name = name;
    v.phone = phone;
    for (auto& s : skills) v.skills.push_back({s, std::nullopt});
    for (unsigned d = 0; d < 7; ++d) v.availability.slots[d].set(0);
    v.monthly_limit = 6;
    return kangle::people::Store(db->sql()).insert(v, "2026-11-20T02:00:00Z");
  }
};

/// `build` run in zh-CN and in en (the language given to it), as parsed JSON.
template <typename Build>
std::pair<Json, Json> in_both_languages(Build build) {
  return {Json::parse(kangle::present::render_json(build(Lang::zh_CN))),
          Json::parse(kangle::present::render_json(build(Lang::en)))};
}

/// What scripts read of a document: kind, facts, and each table's id and rows, without the
/// columns named in `prose` (sentences written in the language of the run).
Json for_scripts(const Json& document, const std::vector<std::string>& prose = {}) {
  Json out = {{"kind", document["kind"]}, {"facts", document.value("facts", Json::object())}, {"tables", Json::array()}};
  for (const auto& section : document["sections"]) {
    out["sections"].push_back(section["id"]);
    for (const auto& table : section["tables"]) {
      Json rows = Json::array();
      for (auto row : table["rows"]) {
        for (const auto& key : prose) row.erase(key);
        rows.push_back(row);
      }
      out["tables"].push_back({{"id", table["id"]}, {"rows", rows}});
    }
  }
  return out;
}

const Json& table_of(const Json& document, const std::string& id) {
  for (const auto& section : document["sections"]) {
    for (const auto& table : section["tables"]) {
      if (table["id"] == id) return table;
    }
  }
  FAIL("no table " << id);
  throw;
}

}  // namespace

TEST_CASE("rota_document: typed values, the same keys and codes in zh-CN and en", "[schedule_documents]") {
  Example ws;
  auto [zh, en] = in_both_languages([&](Lang lang) {
    return schedule::rota_document(ws.config, december, schedule::stored_rota(ws.db->sql(), december), {}, lang);
  });
  CHECK(zh["format_version"].is_number());
  CHECK(zh["kind"] == "schedule_show");
  CHECK(zh["period"] == "2026-12");
  CHECK(zh["title"] != en["title"]);
  CHECK(for_scripts(zh) == for_scripts(en));
  const auto& rows = table_of(zh, "rota")["rows"];
  REQUIRE(rows.size() > 10);
  const auto& row = rows[0];
  CHECK(row["date"] == "2026-12-01");
  CHECK(row["weekday"] == "tue");
  CHECK(row["kiosk"].is_string());
  CHECK(kangle::config::resolve_kiosk(ws.config, row["kiosk"].get<std::string>()).id == row["kiosk"]);
  CHECK(row["volunteers"].is_array());
  CHECK(row["locked"].is_array());
  CHECK(row["empty_seats"].is_number_integer());
  CHECK(row["seats"].is_array());
  CHECK(row["seats"].size() == row["volunteers"].size() + row["empty_seats"].get<std::size_t>());
  // Someone serves, by name: the rota was built from the two volunteers added.
  bool served = false;
  for (const auto& r : rows) served = served || !r["volunteers"].empty();
  CHECK(served);
}

TEST_CASE("rota_document: --kiosk, --person and --date keep only their rows", "[schedule_documents]") {
  Example ws;
  auto seats = schedule::stored_rota(ws.db->sql(), december);
  schedule::RotaFilter filter;
  filter.person = ws.zhang;
  auto json = Json::parse(kangle::present::render_json(schedule::rota_document(ws.config, december, seats, filter, Lang::zh_CN)));
  const auto& rows = table_of(json, "rota")["rows"];
  REQUIRE(!rows.empty());
  for (const auto& row : rows) CHECK(std::find(row["volunteers"].begin(), row["volunteers"].end(), "张伟") != row["volunteers"].end());
  filter = {};
  filter.date = ymd(2026, 12, 8);
  filter.kiosk = "dingxiang";
  json = Json::parse(kangle::present::render_json(schedule::rota_document(ws.config, december, seats, filter, Lang::zh_CN)));
  for (const auto& row : table_of(json, "rota")["rows"]) {
    CHECK(row["date"] == "2026-12-08");
    CHECK(row["kiosk"] == "dingxiang");
  }
}

TEST_CASE("stored_rota: a month never built is refused", "[schedule_documents]") {
  Example ws;
  CHECK_THROWS_AS(schedule::stored_rota(ws.db->sql(), schedule::Month{2027, 3}), kangle::InputError);
}

TEST_CASE("notifications_document: a row per volunteer and per change, phones masked, codes in every language",
          "[schedule_documents]") {
  Example ws;
  schedule::publish_rota(ws.db->sql(), december, "2026-11-26T02:00:00Z");
  schedule::drop_volunteer(ws.db->sql(), ws.config, december, ws.zhang, ymd(2026, 12, 10), "", "2026-12-02T02:00:00Z");
  std::vector<schedule::Notice> notices;
  schedule::notify_day(ws.db->sql(), ws.config, {ymd(2026, 12, 3), "", std::nullopt, true, "", "2026-12-02T14:00:00Z"},
                       [&](const std::vector<schedule::Notice>& told) { notices = told; });
  REQUIRE(!notices.empty());
  auto [zh, en] = in_both_languages([&](Lang lang) {
    return schedule::notifications_document(ws.config, notices, ymd(2026, 12, 3), false, true, lang);
  });
  CHECK(zh["kind"] == "schedule_notify");
  CHECK(zh["facts"]["date"] == "2026-12-03");
  CHECK(zh["facts"]["dry_run"] == true);
  CHECK(for_scripts(zh, {"message"}) == for_scripts(en, {"message"}));
  const auto& told = table_of(zh, "notifications")["rows"];
  REQUIRE(told.size() == notices.size());
  for (const auto& row : told) {
    CHECK(row["volunteer"].is_number_integer());
    CHECK(row["phone"].get<std::string>().find("****") != std::string::npos);
    CHECK(row["duties"].is_array());
    CHECK(!row["message"].get<std::string>().empty());
  }
  const auto& changes = table_of(zh, "changes")["rows"];
  REQUIRE(!changes.empty());
  for (const auto& change : changes) {
    CHECK(change["volunteer"] == ws.zhang);
    CHECK(change["change"] == "cancelled");
    CHECK(change["date"].get<std::string>() >= "2026-12-10");
    CHECK(change["from_seat"].is_null());
  }
  auto revealed = Json::parse(
      kangle::present::render_json(schedule::notifications_document(ws.config, notices, ymd(2026, 12, 3), true, false, Lang::zh_CN)));
  CHECK(table_of(revealed, "notifications")["rows"][0]["phone"].get<std::string>().find("****") == std::string::npos);
  CHECK(revealed["facts"]["dry_run"] == false);
}

TEST_CASE("notifications_document: nobody to tell is a line above an empty table", "[schedule_documents]") {
  Example ws;
  auto json = Json::parse(kangle::present::render_json(schedule::notifications_document(ws.config, {}, ymd(2026, 12, 3), false, false, Lang::zh_CN)));
  CHECK(json["facts"]["notifications"] == 0);
  REQUIRE(json["sections"][0]["tables"].size() == 1);  // no table of changes
  CHECK(json["sections"][0]["tables"][0]["rows"].empty());
  CHECK(json["sections"][0]["tables"][0]["columns"].size() == 5);
  CHECK(json["sections"][0]["lines"].size() == 1);
}

TEST_CASE("explain_document: a row per empty seat with a reason code", "[schedule_documents]") {
  Example ws;
  auto [zh, en] = in_both_languages([&](Lang lang) {
    return schedule::explain_document(ws.db->sql(), ws.config, december, {}, "2026-11-25T02:00:00Z", lang);
  });
  CHECK(zh["kind"] == "schedule_explain");
  CHECK(for_scripts(zh) == for_scripts(en));
  const auto& rows = table_of(zh, "empty_seats")["rows"];
  REQUIRE(!rows.empty());
  CHECK(zh["facts"]["empty"].get<std::size_t>() == rows.size());
  static const std::vector<std::string> reasons = {"no_skill", "not_available", "at_limit", "weekly_limit",
                                                   "busy_that_day", "in_this_session", "days_in_a_row", "day_gone_by"};
  for (const auto& row : rows) {
    CHECK(std::find(reasons.begin(), reasons.end(), row["reason"].get<std::string>()) != reasons.end());
    CHECK(row["seat"].get<std::string>().starts_with(row["kiosk"].get<std::string>() + "/" + row["date"].get<std::string>()));
  }
  CHECK_THROWS_AS(schedule::explain_document(ws.db->sql(), ws.config, schedule::Month{2027, 3}, {}, "2026-11-25T02:00:00Z", Lang::zh_CN),
                  kangle::InputError);
}

TEST_CASE("diff_document: added and removed duties per person, since the publication", "[schedule_documents]") {
  Example ws;
  CHECK_THROWS_AS(schedule::diff_document(ws.db->sql(), ws.config, december, Lang::zh_CN), kangle::InputError);
  schedule::publish_rota(ws.db->sql(), december, "2026-11-26T02:00:00Z");
  auto unchanged = Json::parse(kangle::present::render_json(schedule::diff_document(ws.db->sql(), ws.config, december, Lang::zh_CN)));
  CHECK(unchanged["facts"]["people"] == 0);
  CHECK(unchanged["sections"][0]["tables"].empty());
  schedule::drop_volunteer(ws.db->sql(), ws.config, december, ws.zhang, ymd(2026, 12, 10), "", "2026-12-02T02:00:00Z");
  auto [zh, en] = in_both_languages([&](Lang lang) { return schedule::diff_document(ws.db->sql(), ws.config, december, lang); });
  CHECK(zh["kind"] == "schedule_diff");
  CHECK(zh["facts"]["published_at"] == "2026-11-26T02:00:00Z");
  CHECK(for_scripts(zh) == for_scripts(en));
  bool removed = false;
  for (const auto& row : table_of(zh, "changes")["rows"]) {
    CHECK((row["change"] == "added" || row["change"] == "removed"));
    removed = removed || (row["change"] == "removed" && row["volunteer"] == ws.zhang);
  }
  CHECK(removed);
}

TEST_CASE("lock_seats: a seat a build empties meanwhile is refused, not \"0 seats locked\"", "[schedule_documents]") {
  Example ws;
  auto rota = schedule::stored_rota(ws.db->sql(), december);
  auto held = std::find_if(rota.begin(), rota.end(), [](const auto& seat) { return seat.volunteer.has_value(); });
  REQUIRE(held != rota.end());
  // Another command (a rebuild, say) holds the write lock and has emptied the seat.
  kangle::storage::Database other(ws.database.location(), kangle::storage::Access::read_write);
  kangle::storage::Transaction writing(other.sql(), kangle::storage::Transaction::write);
  kangle::storage::Statement empty(other.sql(), "UPDATE rota_seats SET volunteer_id = NULL WHERE month = ? AND seat = ?");
  empty.bind(1, december.text());
  empty.bind(2, held->seat);
  REQUIRE(empty.exec() == 1);
  std::exception_ptr failed;
  std::thread locking([&] {
    try {
      schedule::lock_seats(ws.db->sql(), december, held->seat, std::nullopt, true, Lang::en);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // lock_seats is waiting for the lock
  writing.commit();
  locking.join();
  REQUIRE(failed);
  CHECK_THROWS_AS(std::rethrow_exception(failed), kangle::InputError);
}

TEST_CASE("build_document and lock_seats: the figures as facts", "[schedule_documents]") {
  Example ws;
  auto report = schedule::build_rota(ws.db->sql(), ws.config, december, "2026-11-27T02:00:00Z", true);
  auto [zh, en] = in_both_languages([&](Lang lang) { return schedule::build_document(ws.db->sql(), ws.config, report, true, lang); });
  CHECK(zh["facts"] == en["facts"]);
  CHECK(zh["facts"]["dry_run"] == true);
  CHECK(zh["facts"]["seats"] == report.plan.seats);
  CHECK(zh["facts"]["filled"].get<std::size_t>() + zh["facts"]["empty"].get<std::size_t>() ==
        static_cast<std::size_t>(report.plan.seats));
  CHECK(zh["sections"][0]["lines"].size() >= 2);
  auto locked = Json::parse(kangle::present::render_json(
      schedule::lock_seats(ws.db->sql(), december, "", ws.zhang, true, Lang::zh_CN)));
  CHECK(locked["kind"] == "schedule_lock");
  CHECK(locked["facts"]["seats"].get<int>() > 0);
  // Neither a seat nor a person: nothing to lock is a mistake, not "0 seats locked".
  CHECK_THROWS_AS(schedule::lock_seats(ws.db->sql(), december, "", std::nullopt, true, Lang::zh_CN), kangle::UsageError);
  auto rota = Json::parse(kangle::present::render_json(
      schedule::rota_document(ws.config, december, schedule::stored_rota(ws.db->sql(), december), {}, Lang::zh_CN)));
  std::size_t locked_rows = 0;
  for (const auto& row : table_of(rota, "rota")["rows"]) locked_rows += row["locked"].empty() ? 0 : 1;
  CHECK(locked_rows > 0);
}

}  // namespace schedule_documents_test
