// SPDX-License-Identifier: Apache-2.0
// A volunteer forgotten on request (PIPL): personal data gone, what they did kept by
// number, the ledger's chain whole; and migration 9, which made room for it by
// rebuilding the volunteers table, keeps every row and every reference.

#include <catch2/catch.hpp>

#include "ledger_workspace.hpp"
#include "people/store.hpp"
#include "points/ledger.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite_driver.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/forget.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace forget_test {

using kangle::test::day;
using kangle::test::LedgerWorkspace;
using kangle::test::run_time;

TEST_CASE("forget: personal data erased, records and points kept by number, the chain whole", "[pipl]") {
  LedgerWorkspace ws;
  auto gone = ws.volunteer("王秀英", true), stays = ws.volunteer("李强");
  auto phone = ws.sql().query_text("SELECT phone FROM volunteers WHERE id = " + std::to_string(gone));
  ws.sql().exec("INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (" + std::to_string(gone) + ", 'barber')");
  ws.record("2026-12-01", "haircut", {gone, stays});
  ws.record("2026-12-02", "haircut", {gone});
  ws.award();
  auto entries = ws.entries();
  auto own = ws.sql().query_integer("SELECT count(*) FROM points_ledger WHERE volunteer_id = " + std::to_string(gone));
  REQUIRE(own > 0);
  // Seats before and after the day of the erasure.
  for (const char* date : {"2026-12-10", "2026-12-20"}) {
    kangle::storage::Statement seat(ws.sql(),
                           "INSERT INTO rota_seats (month, seat, position, kiosk, date, start_minute, end_minute, "
                           "cadence, skill, volunteer_id, locked) VALUES ('2026-12', ?, 0, 'dingxiang', ?, 540, 690, "
                           "'daily', 'barber', ?, 1)");
    seat.bind(1, std::string("seat-") + date);
    seat.bind(2, date);
    seat.bind(3, gone);
    seat.exec();
  }

  kangle::people::Store store(ws.sql());
  auto kept = kangle::workspace::forget_volunteer(ws.sql(), gone, day("2026-12-15"), run_time);
  CHECK(kept.records == 2);
  CHECK(kept.ledger_entries == own);
  CHECK(kept.seats_freed == 1);

  kangle::storage::Statement row(ws.sql(), "SELECT name, phone, id_number, political_status, note, forgotten_at, party_member "
                                  "FROM volunteers WHERE id = ?");
  row.bind(1, gone);
  REQUIRE(row.step());
  CHECK(row.column(0).text() == "#" + std::to_string(gone));
  CHECK(row.column(1).is_null());
  CHECK(row.column(2).is_null());
  CHECK(row.column(3).text().empty());
  CHECK(row.column(5).text() == run_time);
  CHECK(row.column(6).int32() == 1);  // the anonymous counts keep their party member
  CHECK_FALSE(store.find_by_phone(phone));
  CHECK(store.find_by_name("王秀英").empty());
  auto listed = store.list({});
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == stays);
  CHECK(ws.sql().query_integer("SELECT count(*) FROM volunteer_skills WHERE volunteer_id = " + std::to_string(gone)) == 0);
  // The seat before the erasure's day keeps its number; the one after is empty again.
  CHECK(ws.sql().query_integer("SELECT volunteer_id FROM rota_seats WHERE seat = 'seat-2026-12-10'") == gone);
  kangle::storage::Statement emptied(ws.sql(), "SELECT volunteer_id FROM rota_seats WHERE seat = 'seat-2026-12-20'");
  REQUIRE(emptied.step());
  CHECK(emptied.column(0).is_null());
  // What they did stays: the records, and the ledger whose chain names no one.
  CHECK(ws.sql().query_integer("SELECT count(*) FROM record_volunteers WHERE volunteer_id = " + std::to_string(gone)) == 2);
  CHECK(ws.entries() == entries);
  auto verified = kangle::points::verify(ws.sql());
  CHECK_FALSE(verified.first_bad);
  // Forgetting twice changes nothing more.
  CHECK(kangle::workspace::forget_volunteer(ws.sql(), gone, day("2026-12-15"), run_time).seats_freed == 0);
}

TEST_CASE("forget: the same person in the resources and needs lists loses name, contact and address there", "[pipl]") {
  using Lines = std::vector<std::string>;
  LedgerWorkspace ws;
  auto gone = ws.volunteer("王秀英"), stays = ws.volunteer("李强");
  auto phone_of = [&](std::int64_t id) {
    return ws.sql().query_text("SELECT phone FROM volunteers WHERE id = " + std::to_string(id));
  };
  const auto phone = phone_of(gone), other = phone_of(stays);
  auto add = [&](const std::string& sql, const std::vector<std::string>& values) {
    kangle::storage::Statement insert(ws.sql(), sql);
    for (std::size_t i = 0; i < values.size(); ++i) insert.bind(static_cast<int>(i + 1), values[i]);
    insert.exec();
  };
  const std::string resource =
      "INSERT INTO resources (provider, provider_kind, unit, contact, phone, category, description, address, lat, lon, "
      "note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'repair', '修伞', ?, 31.2, 121.4, ?, 't', 't')";
  add(resource, {"王秀英", "volunteer", "", "王秀英", phone, "康乐小区12号", "周末在家"});
  add(resource, {"徐汇区环卫所", "unit", "徐汇区环卫所", "王秀英", phone, "田林路1号", "联系王"});
  add(resource, {"李强", "volunteer", "", "李强", other, "茶花园3号", ""});
  add("INSERT INTO needs (requester, phone, compound, address, category, description, note, created_at, updated_at) "
      "VALUES (?, ?, '樱花园', ?, 'repair', '修理轮椅', ?, 't', 't')",
      {"王秀英", phone, "樱花园5号", "子女在外地"});

  auto kept = kangle::workspace::forget_volunteer(ws.sql(), gone, day("2026-12-15"), run_time);
  CHECK(kept.resources == 2);
  CHECK(kept.needs == 1);
  auto rows = [&](const std::string& sql) {
    Lines out;
    kangle::storage::Statement query(ws.sql(), sql);
    while (query.step()) {
      std::string line;
      for (int c = 0; c < query.column_count(); ++c) line += (c ? "|" : "") + (query.column(c).is_null() ? "NULL" : query.column(c).text());
      out.push_back(line);
    }
    return out;
  };
  const auto pseudonym = "#" + std::to_string(gone);
  CHECK(rows("SELECT provider, contact, phone, address, lat, note, description FROM resources ORDER BY id") ==
        Lines{pseudonym + "||NULL||NULL||修伞", "徐汇区环卫所||NULL|田林路1号|31.2|联系王|修伞", "李强|李强|" + other + "|茶花园3号|31.2||修伞"});
  CHECK(rows("SELECT requester, phone, compound, address, lat, note, description FROM needs") ==
        Lines{pseudonym + "|NULL|樱花园||NULL||修理轮椅"});
}

TEST_CASE("migration 9 rebuilds the volunteers table and keeps every row and reference", "[pipl]") {
  kangle::test::TempDir dir;
  const auto& all = kangle::storage::migrations();
  // A workspace as version 8 left it, with a volunteer that other tables refer to.
  auto db = kangle::test::migrated_from(
      dir.path() / "kangle.db", 8,
      {"INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (7, '张伟', '13800138000', 'x', 'x')",
       "INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (7, 'barber')",
       "INSERT INTO volunteer_blackouts (volunteer_id, from_date, created_at) VALUES (7, '2026-12-01', 'x')"});
  auto& sql = db->sql();
  CHECK(sql.query_integer("PRAGMA user_version") == static_cast<int>(all.size()));
  CHECK(sql.query_text("SELECT name FROM volunteers WHERE id = 7") == "张伟");
  // Dropping the old table did not cascade into the tables that refer to it.
  CHECK(sql.query_integer("SELECT count(*) FROM volunteer_skills WHERE volunteer_id = 7") == 1);
  CHECK(sql.query_integer("SELECT count(*) FROM volunteer_blackouts WHERE volunteer_id = 7") == 1);
  CHECK(sql.query_integer("PRAGMA foreign_keys") == 1);
  CHECK_THROWS(sql.exec("INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (99, 'barber')"));
  // The new check: a person needs a phone or an ID number, unless forgotten.
  CHECK_THROWS(sql.exec("INSERT INTO volunteers (name, created_at, updated_at) VALUES ('无名', 'x', 'x')"));
  CHECK_NOTHROW(sql.exec("INSERT INTO volunteers (name, created_at, updated_at, forgotten_at) VALUES ('#8', 'x', 'x', 'x')"));
}

TEST_CASE("migration 17 rebuilds the volunteers table with its phone and ID number unique by indexes of their own", "[pipl]") {
  kangle::test::TempDir dir;
  const auto& all = kangle::storage::migrations();
  // A workspace as version 16 left it: a volunteer other tables refer to, one forgotten.
  auto db = kangle::test::migrated_from(
      dir.path() / "kangle.db", 16,
      {"INSERT INTO volunteers (id, name, phone, id_number, preferences, created_at, updated_at) "
       "VALUES (7, '张伟', '13800138000', '110101199003074258', 'k1', 'x', 'y')",
       "INSERT INTO volunteers (id, name, created_at, updated_at, forgotten_at) VALUES (8, '#8', 'x', 'x', 'z')",
       "INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (7, 'barber')",
       "INSERT INTO volunteer_blackouts (volunteer_id, from_date, created_at) VALUES (7, '2026-12-01', 'x')"});
  auto& sql = db->sql();
  CHECK(sql.query_integer("PRAGMA user_version") == static_cast<int>(all.size()));
  CHECK(sql.query_text("SELECT name || '|' || phone || '|' || id_number || '|' || preferences || '|' || created_at || '|' || updated_at "
                       "FROM volunteers WHERE id = 7") == "张伟|13800138000|110101199003074258|k1|x|y");
  CHECK(sql.query_text("SELECT forgotten_at FROM volunteers WHERE id = 8") == "z");
  CHECK(sql.query_integer("SELECT count(*) FROM volunteer_skills WHERE volunteer_id = 7") == 1);
  CHECK(sql.query_integer("SELECT count(*) FROM volunteer_blackouts WHERE volunteer_id = 7") == 1);
  CHECK(sql.query_integer("PRAGMA foreign_keys") == 1);
  CHECK(db->missing_schema_objects().empty());
  // Unique as before, by indexes an import may drop: none of SQLite's own is left.
  CHECK(sql.query_integer("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'volunteers' AND name LIKE 'sqlite_autoindex%'") == 0);
  CHECK_THROWS_AS(sql.exec("INSERT INTO volunteers (name, phone, created_at, updated_at) VALUES ('冒名', '13800138000', 'x', 'x')"),
                  kangle::storage::DatabaseError);
  CHECK_THROWS_AS(sql.exec("INSERT INTO volunteers (name, id_number, created_at, updated_at) VALUES ('冒名', '110101199003074258', 'x', 'x')"),
                  kangle::storage::DatabaseError);
  CHECK_NOTHROW(sql.exec("DROP INDEX volunteers_by_phone"));
  CHECK_THROWS(sql.exec("INSERT INTO volunteers (name, created_at, updated_at) VALUES ('无名', 'x', 'x')"));  // the CHECK kept
}

TEST_CASE("migration 18 keeps a volunteer's skills by their key alone, every row and reference kept", "[pipl]") {
  kangle::test::TempDir dir;
  const auto& all = kangle::storage::migrations();
  auto db = kangle::test::migrated_from(
      dir.path() / "kangle.db", 17,
      {"INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (7, '张伟', '13800138000', 'x', 'x')",
       "INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (8, '李娜', '13900139000', 'x', 'x')",
       "INSERT INTO volunteer_skills (volunteer_id, skill, certificate_expires) VALUES (8, 'barber', NULL), "
       "(7, 'first_aid', '2027-03-01'), (7, 'barber', NULL)"});
  auto& sql = db->sql();
  CHECK(sql.query_integer("PRAGMA user_version") == static_cast<int>(all.size()));
  CHECK(sql.query_text("SELECT group_concat(volunteer_id || ':' || skill || ':' || coalesce(certificate_expires, '-'), ' ') "
                       "FROM (SELECT * FROM volunteer_skills ORDER BY volunteer_id, skill)") ==
        "7:barber:- 7:first_aid:2027-03-01 8:barber:-");
  CHECK(sql.query_text("SELECT sql FROM sqlite_master WHERE name = 'volunteer_skills'").ends_with("WITHOUT ROWID"));
  CHECK(db->missing_schema_objects().empty());
  CHECK(sql.query_integer("PRAGMA foreign_keys") == 1);
  CHECK_THROWS_AS(sql.exec("INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (7, 'barber')"), kangle::storage::DatabaseError);
  CHECK_THROWS(sql.exec("INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (99, 'barber')"));
  sql.exec("DELETE FROM volunteers WHERE id = 8");  // the cascade kept
  CHECK(sql.query_integer("SELECT count(*) FROM volunteer_skills WHERE volunteer_id = 8") == 0);
  CHECK(sql.query_integer("SELECT count(*) FROM volunteer_skills") == 2);
}

TEST_CASE("migration 19 gives each volunteer of a record the record's date, found by volunteer and day", "[records]") {
  kangle::test::TempDir dir;
  auto db = kangle::test::migrated_from(
      dir.path() / "kangle.db", 18,
      {"INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (7, '张伟', '13800138000', 'x', 'x')",
       "INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (8, '李娜', '13900139000', 'x', 'x')",
       "INSERT INTO service_records (id, origin, kiosk, date, start_minute, end_minute, cadence, service, created_at) VALUES "
       "(1, 'manual', 'dingxiang', '2026-12-05', 540, 690, 'daily', 'haircut', 'x'), "
       "(2, 'manual', 'dingxiang', '2026-12-06', 540, 690, 'daily', 'haircut', 'x')",
       "INSERT INTO record_volunteers (record_id, volunteer_id, minutes, substitute) VALUES (2, 7, 60, 0), (1, 8, 150, 1), (1, 7, 150, 0)"});
  auto& sql = db->sql();
  CHECK(sql.query_integer("PRAGMA user_version") == static_cast<int>(kangle::storage::migrations().size()));
  auto rows = [&] {
    return sql.query_text("SELECT group_concat(record_id || ':' || volunteer_id || ':' || minutes || ':' || substitute || ':' || date, ' ') "
                          "FROM (SELECT * FROM record_volunteers ORDER BY record_id, volunteer_id)");
  };
  CHECK(rows() == "1:7:150:0:2026-12-05 1:8:150:1:2026-12-05 2:7:60:0:2026-12-06");
  CHECK(sql.query_text("SELECT sql FROM sqlite_master WHERE name = 'record_volunteers'").ends_with("WITHOUT ROWID"));
  CHECK(db->missing_schema_objects().empty());
  CHECK(sql.query_integer("PRAGMA foreign_keys") == 1);
  CHECK_THROWS_AS(sql.exec("INSERT INTO record_volunteers (record_id, volunteer_id, minutes, date) VALUES (1, 7, 60, '2026-12-05')"),
                  kangle::storage::DatabaseError);
  CHECK_THROWS(sql.exec("INSERT INTO record_volunteers (record_id, volunteer_id, minutes, date) VALUES (99, 7, 60, '2026-12-05')"));
  CHECK_THROWS(sql.exec("INSERT INTO record_volunteers (record_id, volunteer_id, minutes) VALUES (2, 8, 60)"));  // a date, always

  kangle::records::RecordStore store(sql);
  CHECK(store.record_with_volunteer(7, day("2026-12-05"), {600, 660}) == 1);
  CHECK_FALSE(store.record_with_volunteer(7, day("2026-12-07"), {600, 660}));
  // A record's date changed by hand: its volunteers follow, and so does the clash check.
  sql.exec("UPDATE service_records SET date = '2026-12-07' WHERE id = 1");
  CHECK(rows() == "1:7:150:0:2026-12-07 1:8:150:1:2026-12-07 2:7:60:0:2026-12-06");
  CHECK(store.record_with_volunteer(7, day("2026-12-07"), {600, 660}) == 1);
  CHECK_FALSE(store.record_with_volunteer(7, day("2026-12-05"), {600, 660}));
}

TEST_CASE("migration 19 stops at a volunteer's row whose record is gone, and leaves the database as it was", "[records]") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "kangle.db";
  // Deleted by hand in the sqlite3 shell, whose foreign keys are off.
  CHECK_THROWS(kangle::test::migrated_from(
      file, 18,
      {"INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (7, '张伟', '13800138000', 'x', 'x')",
       "INSERT INTO service_records (id, origin, kiosk, date, start_minute, end_minute, cadence, service, created_at) VALUES "
       "(1, 'manual', 'dingxiang', '2026-12-05', 540, 690, 'daily', 'haircut', 'x')",
       "INSERT INTO record_volunteers (record_id, volunteer_id, minutes) VALUES (1, 7, 150)",
       "PRAGMA foreign_keys = OFF", "DELETE FROM service_records WHERE id = 1"}));
  kangle::storage::Connection left(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0));
  CHECK(left.query_integer("PRAGMA user_version") == 18);
  CHECK(left.query_integer("SELECT count(*) FROM record_volunteers WHERE record_id = 1") == 1);
}

TEST_CASE("overlaps: a volunteer in two records at once, found by the rows' dates, or the records' before migration 19", "[records]") {
  kangle::test::TempDir dir;
  const std::vector<std::string> rows = {
      "INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (7, '张伟', '13800138000', 'x', 'x')",
      "INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (8, '李娜', '13900139000', 'x', 'x')",
      "INSERT INTO service_records (id, origin, kiosk, date, start_minute, end_minute, cadence, service, created_at) VALUES "
      "(1, 'manual', 'dingxiang', '2026-12-05', 540, 690, 'daily', 'haircut', 'x'), "
      "(2, 'manual', 'dingxiang', '2026-12-05', 600, 660, 'daily', 'mending', 'x'), "  // 张伟 at both: a clash
      "(3, 'manual', 'dingxiang', '2026-12-05', 690, 720, 'daily', 'mending', 'x'), "  // after the first ends
      "(4, 'manual', 'dingxiang', '2026-12-06', 540, 690, 'daily', 'haircut', 'x')",
      "INSERT INTO record_volunteers (record_id, volunteer_id, minutes) VALUES (1, 7, 150), (2, 7, 60), (3, 7, 30), "
      "(1, 8, 150), (3, 8, 30), (4, 8, 150)"};
  auto expect_one_clash = [](kangle::records::RecordStore& store, bool rows_dated) {
    auto found = store.overlaps(rows_dated);
    REQUIRE(found.size() == 1);
    CHECK(found[0].volunteer == 7);
    CHECK(found[0].name == "张伟");
    CHECK(kangle::format_date(found[0].date) == "2026-12-05");
    CHECK(found[0].first == 1);
    CHECK(found[0].second == 2);
  };
  {
    auto old = kangle::test::sqlite_at_version(dir.path() / "old.db", 18);
    for (const auto& sql : rows) old.exec(sql);
    kangle::records::RecordStore store(old);
    expect_one_clash(store, false);
  }
  auto db = kangle::test::migrated_from(dir.path() / "kangle.db", 18, rows);
  kangle::records::RecordStore store(db->sql());
  expect_one_clash(store, true);
  CHECK(store.misdated_rows().empty());
  // A row's own date changed by hand: the clash is no longer seen by it, and the row is.
  db->sql().exec("UPDATE record_volunteers SET date = '2026-12-04' WHERE record_id = 2");
  CHECK(store.overlaps(true).empty());
  auto misdated = store.misdated_rows();
  REQUIRE(misdated.size() == 1);
  CHECK(misdated[0].record == 2);
  CHECK(misdated[0].volunteer == 7);
  CHECK(misdated[0].row_date == "2026-12-04");
  CHECK(misdated[0].record_date == "2026-12-05");
}

TEST_CASE("an upgrade is told before it runs, a new database's making is not", "[records]") {
  // Migration 19 took a minute over five years' records, with nothing said.
  std::vector<std::pair<int, int>> told;
  kangle::storage::on_upgrade([&](int from, int to) { told.emplace_back(from, to); });
  kangle::test::TempDir dir;
  auto latest = static_cast<int>(kangle::storage::migrations().size());
  { kangle::storage::Database made(dir.path() / "new.db", kangle::storage::Access::read_write); }
  CHECK(told.empty());
  kangle::test::migrated_from(dir.path() / "old.db", 18, {});
  CHECK(told == std::vector<std::pair<int, int>>{{18, latest}});
  { kangle::storage::Database again(dir.path() / "old.db", kangle::storage::Access::read_write); }
  CHECK(told.size() == 1);  // already upgraded
  kangle::storage::on_upgrade({});
}

}  // namespace forget_test
