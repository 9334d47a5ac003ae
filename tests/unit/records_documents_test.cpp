// SPDX-License-Identifier: Apache-2.0
// The record commands' documents: records and hours as typed JSON (kiosk and service
// ids as codes, volunteers and stand-ins as lists, minutes whole numbers), the same in
// either language; and what is typed checked in the library, not the command line.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "document_json.hpp"
#include "ledger_workspace.hpp"
#include "records/documents.hpp"
#include "records/store.hpp"
#include "storage/database.hpp"

#include <chrono>
#include <thread>

// Its own namespace: the unity build compiles several test files as one.
namespace records_documents_test {

namespace records = kangle::records;
using kangle::test::day;
using kangle::test::in_both_languages;
using kangle::test::json_of;
using kangle::test::LedgerWorkspace;
using kangle::test::run_time;

TEST_CASE("list_document: codes, lists and numbers, the same in either language", "[records-documents]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  auto b = ws.volunteer("乙");
  ws.record("2026-12-02", "haircut", {a, b}, 150);
  records::RecordRequest request;
  request.date = "2026-12-05";
  request.place = "樱花园小区";
  request.time = "09:00-10:00";
  request.title = "应急消杀";
  request.cadence = "outreach";
  request.volunteers = {"甲"};
  request.residents = 20;
  auto added = json_of(records::add_document(ws.sql(), ws.config(), request, run_time, kangle::Lang::en));
  CHECK(added["kind"] == "record_add");
  CHECK(added["facts"]["record"] == 2);
  CHECK(added["facts"]["minutes"] == 60);

  auto [zh, en] = in_both_languages([&](kangle::Lang lang) {
    return records::list_document(ws.sql(), ws.config(), {records::span_of("2026-12", "", ""), "", "", "", false}, lang);
  });
  CHECK(zh["kind"] == "records");
  const auto& rows = zh["sections"][0]["tables"][0]["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["id"] == 1);
  CHECK(rows[0]["place"] == "dingxiang");
  CHECK(rows[0]["service"] == "haircut");
  CHECK(rows[0]["volunteers"].is_array());
  CHECK(rows[0]["volunteers"].size() == 2);
  CHECK(rows[0]["stand_ins"] == nlohmann::json::array());
  CHECK(rows[0]["minutes"] == 300);
  CHECK(rows[0]["residents"].is_null());
  CHECK(rows[0]["origin"] == "manual");
  CHECK(rows[1]["place"] == "樱花园小区");
  CHECK(rows[1]["service"] == "应急消杀");
  CHECK(rows[1]["residents"] == 20);
  CHECK(zh["facts"]["minutes"] == 360);
  CHECK(kangle::test::for_scripts(zh) == kangle::test::for_scripts(en));

  records::RecordStore(ws.sql()).cancel(1, "记错", run_time);
  auto without = json_of(records::list_document(ws.sql(), ws.config(), {{}, "", "", "", false}, kangle::Lang::en));
  CHECK(without["sections"][0]["tables"][0]["rows"].size() == 1);
  auto with = json_of(records::list_document(ws.sql(), ws.config(), {{}, "", "", "", true}, kangle::Lang::en));
  const auto& listed = with["sections"][0]["tables"][0]["rows"];
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["status"] == "cancelled");  // a code, whatever the language
  CHECK(listed[1]["status"] == "standing");
  CHECK(with["facts"]["minutes"] == 60);       // a cancelled record is listed, not counted

  auto only_b = json_of(records::list_document(ws.sql(), ws.config(), {{}, "", "", "乙", true}, kangle::Lang::en));
  CHECK(only_b["sections"][0]["tables"][0]["rows"].size() == 1);
}

TEST_CASE("set_document: what another command changed meanwhile is read, not written over", "[records-documents]") {
  LedgerWorkspace ws;
  auto id = ws.record("2026-12-02", "haircut", {ws.volunteer("甲")}, 120);
  // Another command holds the write lock, and has set the residents served.
  kangle::storage::Database other(ws.database(), kangle::storage::Access::read_write);
  kangle::storage::Transaction writing(other.sql(), kangle::storage::Transaction::write);
  records::RecordStore(other.sql()).update_outcome(id, 30, std::nullopt, "");
  records::OutcomeChange change;
  change.note = "雨天";
  std::string failed;
  std::thread setting([&] {
    try {
      records::set_document(ws.sql(), ws.config(), id, change, kangle::Lang::en);
    } catch (const std::exception& e) {
      failed = e.what();
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // set_document is waiting for the lock
  writing.commit();
  setting.join();
  REQUIRE(failed == "");
  auto record = records::RecordStore(ws.sql()).find(id);
  REQUIRE(record);
  CHECK(record->residents == 30);  // the other command's, kept
  CHECK(record->note == "雨天");
}

TEST_CASE("record_of and span_of refuse what they cannot be sure of", "[records-documents]") {
  LedgerWorkspace ws;
  ws.volunteer("甲");
  records::RecordRequest request;
  request.date = "2026-12-05";
  request.time = "09:00-10:00";
  request.title = "应急消杀";
  request.volunteers = {"甲"};
  CHECK_THROWS_AS(records::record_of(ws.sql(), ws.config(), request), kangle::UsageError);  // neither kiosk nor place
  request.place = "樱花园小区";
  auto record = records::record_of(ws.sql(), ws.config(), request);
  CHECK(record.volunteers.size() == 1);
  CHECK(record.volunteers[0].minutes == 60);
  request.satisfaction = 6;
  CHECK_THROWS_AS(records::record_of(ws.sql(), ws.config(), request), kangle::UsageError);
  request.satisfaction.reset();
  request.volunteers = {"无名氏"};
  CHECK_THROWS_AS(records::record_of(ws.sql(), ws.config(), request), kangle::InputError);
  request.volunteers = {"甲"};
  request.cadence = "yearly";
  CHECK_THROWS_AS(records::record_of(ws.sql(), ws.config(), request), kangle::UsageError);
  request.cadence = "daily";
  request.place.clear();
  request.kiosk = "丁香园";  // a kiosk and a service by their names
  request.service = "测血糖";
  record = records::record_of(ws.sql(), ws.config(), request);
  CHECK(record.kiosk == "dingxiang");
  CHECK(record.service == "blood-sugar");
  request.kiosk = "丁香";
  CHECK_THROWS_AS(records::record_of(ws.sql(), ws.config(), request), kangle::InputError);

  CHECK(records::span_of("", "2026-12-01", "").from == day("2026-12-01"));
  CHECK_FALSE(records::span_of("", "", "").to);
  CHECK_THROWS_AS(records::span_of("", "2026-12-02", "2026-12-01"), kangle::UsageError);
  CHECK_THROWS_AS(records::span_of("2026-13", "", ""), kangle::UsageError);
}

TEST_CASE("hours_document and grants: minutes as numbers, a volunteer's grants under the table", "[records-documents]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  ws.record("2026-12-02", "haircut", {a}, 150);
  auto granted = json_of(records::grant_document(ws.sql(), ws.config(), {"甲", "1.5", "2026-12-10", "忘记签到", "王书记", {}},
                                                 run_time, day("2026-12-31"), kangle::Lang::en));
  CHECK(granted["facts"]["grant"] == 1);
  CHECK(granted["facts"]["minutes"] == 90);
  CHECK_THROWS_AS(records::grant_document(ws.sql(), ws.config(), {"甲", "0.01", "", "x", "y", {}}, run_time, day("2026-12-31"),
                                          kangle::Lang::en),
                  kangle::UsageError);

  auto [zh, en] = in_both_languages([&](kangle::Lang lang) { return records::hours_document(ws.sql(), {}, "甲", lang); });
  const auto& row = zh["sections"][0]["tables"][0]["rows"][0];
  CHECK(row["sessions"] == 1);
  CHECK(row["recorded_minutes"] == 150);
  CHECK(row["granted_minutes"] == 90);
  CHECK(row["total_minutes"] == 240);
  CHECK(kangle::test::for_scripts(zh) == kangle::test::for_scripts(en));
  auto text = kangle::present::render_text(records::hours_document(ws.sql(), {}, "甲", kangle::Lang::en));
  CHECK(text.find("王书记") != std::string::npos);  // the grant, under the table
}

}  // namespace records_documents_test
