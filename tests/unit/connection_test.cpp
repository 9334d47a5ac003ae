// SPDX-License-Identifier: Apache-2.0
// The database layer the stores use: values in and out as they were, each failure typed
// the same whichever database said it, transactions that roll back unless committed.
#include <algorithm>
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "config/loader.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/postgres_driver.hpp"
#include "storage/postgres_schema.hpp"
#include "storage/sqlite_driver.hpp"
#include "storage/sqlite_memory.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/workspace.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace connection_test {

using kangle::storage::Connection;
using kangle::storage::DatabaseError;
using kangle::storage::Failure;
using kangle::storage::Statement;
using kangle::storage::Transaction;

/// An empty database of the test's own (test_database.hpp).
struct Scratch {
  kangle::test::TempDir dir;
  kangle::test::TestDatabase database{dir.path()};

  Connection open(int busy_timeout_ms = 0) {
    if (database.postgres()) return database.connect(busy_timeout_ms);
    return Connection(kangle::storage::open_sqlite(database.location().file.string(), kangle::storage::Access::read_write, true,
                                                   busy_timeout_ms));
  }
  /// A table `t` whose rows are numbered by the database, as kangle's are.
  void create_numbered_table(Connection& db, const std::string& columns) {
    db.exec("CREATE TABLE t (id " + std::string(database.postgres() ? "BIGINT" : "INTEGER") + " PRIMARY KEY, " + columns + ")");
    if (!database.postgres()) return;
    db.exec(kangle::storage::postgres_numbering());
    db.exec("SELECT kangle_number_rows('t')");
  }
};

/// The failure `work` threw, or nothing.
template <typename Work>
std::optional<Failure> failure_of(Work&& work) {
  try {
    work();
  } catch (const DatabaseError& e) {
    return e.failure();
  }
  return std::nullopt;
}

TEST_CASE("connection: what is bound is read back as it was, NULL included", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  scratch.create_numbered_table(db, "n BIGINT, x DOUBLE PRECISION, s TEXT");
  Statement insert(db, "INSERT INTO t (n, x, s) VALUES (?, ?, ?)");
  const std::int64_t big = std::numeric_limits<std::int64_t>::max() - 7;
  const std::string name = "丁香园邻里汇“雷锋亭”";
  insert.bind(1, big);
  insert.bind(2, 2.5);
  insert.bind_no_copy(3, name);
  CHECK(insert.exec() == 1);
  CHECK(db.last_insert_id() == 1);
  insert.reset();  // the bindings stay
  CHECK(insert.exec() == 1);
  CHECK(db.last_insert_id() == 2);
  insert.reset();
  insert.clear_bindings();  // now NULL
  insert.exec();

  Statement read(db, "SELECT n, x, s FROM t WHERE id >= :from ORDER BY id");
  REQUIRE(read.parameter_index(":from") == 1);
  CHECK(read.parameter_index(":to") == 0);
  read.bind(read.parameter_index(":from"), 2);
  REQUIRE(read.step());
  CHECK(read.column(0).int64() == big);
  CHECK(read.column(1).real() == 2.5);
  CHECK(read.column(2).text() == name);
  CHECK(read.column(2).view() == name);
  CHECK_FALSE(read.column(0).is_null());
  REQUIRE(read.step());
  CHECK(read.column(0).is_null());
  CHECK(read.column(0).int64() == 0);  // NULL reads as 0 and ""
  CHECK(read.column(2).text().empty());
  CHECK_FALSE(read.step());
  CHECK(read.column_count() == 3);
  CHECK(read.column_name(2) == "s");

  CHECK(db.query_integer("SELECT count(*) FROM t") == 3);
  CHECK(db.query_text("SELECT s FROM t WHERE id = 1") == name);
  CHECK(db.query_integer("SELECT n FROM t WHERE id = 3") == 0);  // NULL
  CHECK(failure_of([&] { db.query_integer("SELECT n FROM t WHERE id = 99"); }) == Failure::other);  // no row
  CHECK(failure_of([&] { db.query_text("SELECT s FROM t WHERE id = 99"); }) == Failure::other);
}

TEST_CASE("connection: a text with a NUL in it is stored whole or refused, never cut short", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (s TEXT)");
  const std::string held = std::string("王建国") + '\0' + "13800138000";
  for (bool copied : {true, false}) {
    Statement insert(db, "INSERT INTO t (s) VALUES (?)");
    auto bind = [&] { copied ? insert.bind(1, std::string_view(held)) : insert.bind_no_copy(1, held); };
    if (scratch.database.postgres()) {  // PostgreSQL takes a text up to its first NUL
      CHECK(failure_of(bind) == Failure::constraint);
    } else {
      bind();
      insert.exec();
    }
  }
  Statement read(db, "SELECT s FROM t");
  while (read.step()) CHECK(read.column(0).text() == held);
  CHECK(db.query_integer("SELECT count(*) FROM t") == (scratch.database.postgres() ? 0 : 2));
}

TEST_CASE("InsertRows: rows read back as they were given, the separators and escapes of COPY's text included", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (n BIGINT, x DOUBLE PRECISION, s TEXT)");
  const std::vector<std::string> texts = {"王建国\t13800138000", "两行\n第二行\r\n", "C:\\备份\\kangle.db", "\\N", "\\.", ""};
  const std::int64_t big = std::numeric_limits<std::int64_t>::min() + 1;
  kangle::storage::InsertRows rows(db, "INSERT INTO t (n, x, s)");
  for (std::size_t i = 0; i < texts.size(); ++i) rows.integer(i == 0 ? big : static_cast<std::int64_t>(i)).real(0.1 * static_cast<double>(i)).text(texts[i]).end_row();
  rows.null().null().null().end_row();
  rows.finish();

  Statement read(db, "SELECT n, x, s FROM t ORDER BY n NULLS LAST");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    REQUIRE(read.step());
    CHECK(read.column(0).int64() == (i == 0 ? big : static_cast<std::int64_t>(i)));
    CHECK(read.column(1).real() == 0.1 * static_cast<double>(i));
    CHECK(read.column(2).text() == texts[i]);
    CHECK_FALSE(read.column(2).is_null());
  }
  REQUIRE(read.step());
  CHECK(read.column(0).is_null());
  CHECK(read.column(2).is_null());
  CHECK_FALSE(read.step());
}

TEST_CASE("InsertRows: a refused row is thrown typed, a row of the wrong width caught, and the connection goes on", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL)");
  db.exec("INSERT INTO t (id, s) VALUES (1, 'a')");
  {
    Transaction transaction(db, Transaction::write);
    CHECK(failure_of([&] {
      kangle::storage::InsertRows rows(db, "INSERT INTO t (id, s)");
      rows.integer(2).text("b").end_row();
      rows.integer(1).text("again").end_row();  // the same key: refused at finish()
      rows.finish();
    }) == Failure::unique);
  }  // rolled back
  {
    Transaction transaction(db, Transaction::write);
    try {
      kangle::storage::InsertRows rows(db, "INSERT INTO t (id, s)");
      rows.integer(3).text("c").end_row();
      rows.integer(4).end_row();  // one value short
      FAIL("a row of one value for two columns was taken");
    } catch (const std::logic_error&) {
    }  // the rows abandoned: the transaction is the one to undo them
  }
  {
    // One value too many is caught before any database sees it, the same on both.
    Transaction transaction(db, Transaction::write);
    kangle::storage::InsertRows rows(db, "INSERT INTO t (id, s)");
    rows.integer(6).text("f");
    CHECK_THROWS_AS(rows.text("extra"), std::logic_error);
  }
  CHECK_THROWS_AS(kangle::storage::InsertRows(db, "UPDATE t SET s = 'x'"), std::logic_error);
  if (scratch.database.postgres()) {  // PostgreSQL takes a text up to its first NUL
    Transaction transaction(db, Transaction::write);
    kangle::storage::InsertRows rows(db, "INSERT INTO t (id, s)");
    CHECK(failure_of([&] { rows.integer(5).text(std::string("a\0b", 3)); }) == Failure::constraint);
  }
  // Nothing of the failed or abandoned rows stayed, and the connection still serves.
  CHECK(db.query_integer("SELECT count(*) FROM t") == 1);
  CHECK(db.query_text("SELECT s FROM t WHERE id = 1") == "a");
}

TEST_CASE("InsertRows: rows by the hundred come back whole and in order, however many a statement takes", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  // 700 rows: on SQLite two statements of 256, then one each of 128, 32, 16, 8 and 4.
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, x REAL)");
  {
    Transaction transaction(db, Transaction::write);
    kangle::storage::InsertRows rows(db, "INSERT INTO t (id, s, x)");
    for (int i = 1; i <= 700; ++i) {
      rows.integer(i).text("第" + std::to_string(i) + "行" + std::string(static_cast<std::size_t>(i % 40), 'x'));
      if (i % 7 == 0) rows.null();
      else rows.real(i / 4.0);
      rows.end_row();
    }
    rows.finish();
    transaction.commit();
  }
  Statement read(db, "SELECT id, s, x FROM t ORDER BY id");
  for (int i = 1; i <= 700; ++i) {
    REQUIRE(read.step());
    CHECK(read.column(0).int64() == i);
    CHECK(read.column(1).text() == "第" + std::to_string(i) + "行" + std::string(static_cast<std::size_t>(i % 40), 'x'));
    CHECK(read.column(2).is_null() == (i % 7 == 0));
    if (i % 7 != 0) CHECK(read.column(2).real() == i / 4.0);
  }
  CHECK_FALSE(read.step());

  // 200 columns: fewer rows a statement than SQLite's bound values allow (32,766).
  std::string columns, typed;
  for (int c = 0; c < 200; ++c) {
    columns += (c ? ", c" : "c") + std::to_string(c);
    typed += (c ? ", c" : "c") + std::to_string(c) + " BIGINT";
  }
  db.exec("CREATE TABLE wide (" + typed + ")");
  // Rows [from, to), each cell its row's number times 1000 plus its column's; `meanwhile`
  // runs once the InsertRows is made.
  const auto insert_wide = [&](int from, int to, auto meanwhile) {
    Transaction transaction(db, Transaction::write);
    kangle::storage::InsertRows rows(db, "INSERT INTO wide (" + columns + ")");
    meanwhile();
    for (int r = from; r < to; ++r) {
      for (int c = 0; c < 200; ++c) rows.integer(r * 1000 + c);
      rows.end_row();
    }
    rows.finish();
    transaction.commit();
  };
  insert_wide(0, 300, [] {});
  CHECK(db.query_integer("SELECT count(*) FROM wide") == 300);
  // 67 rows more, in statements of 64, 2 and 1 on SQLite, while another InsertRows into the
  // same table is refused until the first is done.
  insert_wide(300, 367, [&] {
    if (!scratch.database.postgres()) {
      CHECK_THROWS_AS(kangle::storage::InsertRows(db, "INSERT INTO wide (" + columns + ")"), std::logic_error);
    }
  });
  CHECK(db.query_integer("SELECT count(*) FROM wide") == 367);
  CHECK(db.query_integer("SELECT c199 FROM wide WHERE c0 = 366000") == 366199);
  CHECK(db.query_integer("SELECT sum(c0) FROM wide") == 1000 * (366 * 367 / 2));
  CHECK(db.query_integer("SELECT c199 FROM wide WHERE c0 = 299000") == 299199);
}

TEST_CASE("InsertRows: a row refused among hundreds fails its transaction, and the same insert serves again", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  if (!scratch.database.postgres()) db.exec("PRAGMA foreign_keys = ON");  // as a workspace's connection has them
  db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  db.exec("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id), note TEXT)");
  db.exec("INSERT INTO parent (id) VALUES (1)");
  // Each try's texts are of other lengths than the last's, in the same slots.
  const auto note = [](int id, int attempt) { return std::to_string(id) + std::string(static_cast<std::size_t>((id * attempt) % 37), '#'); };
  int attempt = 0;
  const auto insert_children = [&](int from, int to, int bad) {
    ++attempt;
    Transaction transaction(db, Transaction::write);
    kangle::storage::InsertRows rows(db, "INSERT INTO child (id, parent_id, note)");
    for (int i = from; i <= to; ++i) rows.integer(i == bad ? from : i).integer(1).text(note(i, attempt)).end_row();
    rows.finish();
    transaction.commit();
  };
  CHECK(failure_of([&] { insert_children(1, 600, 300); }) == Failure::unique);  // within a full statement
  CHECK(failure_of([&] { insert_children(1, 600, 590); }) == Failure::unique);  // within the last ones
  CHECK(db.query_integer("SELECT count(*) FROM child") == 0);
  CHECK(failure_of([&] {
          Transaction transaction(db, Transaction::write);
          kangle::storage::InsertRows rows(db, "INSERT INTO child (id, parent_id, note)");
          for (int i = 1; i <= 300; ++i) rows.integer(i).integer(i == 200 ? 2 : 1).null().end_row();  // no parent 2
          rows.finish();
          transaction.commit();
        }) == Failure::constraint);
  insert_children(1, 600, 0);
  CHECK(db.query_integer("SELECT count(*) FROM child") == 600);
  Statement read(db, "SELECT id, note FROM child ORDER BY id");
  for (int i = 1; i <= 600; ++i) {
    REQUIRE(read.step());
    CHECK(read.column(0).int64() == i);
    CHECK(read.column(1).text() == note(i, attempt));
  }
}

TEST_CASE("InsertRows on SQLite: a refused row stops its statement where it stands, for the transaction to roll back", "[storage][database]") {
  // No statement of many rows keeps a journal to undo itself alone (INSERT OR FAIL): with
  // indexes standing, that journal copied every page each statement changed, a tenth of
  // an import into a district's people. PostgreSQL's COPY fails the whole transaction.
  Scratch scratch;
  if (scratch.database.postgres()) return;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE)");
  {
    Transaction transaction(db, Transaction::write);
    kangle::storage::InsertRows rows(db, "INSERT INTO t (id, s)");
    // Statements of 256 rows: the second is refused at its 44th row (id 300, a text taken).
    CHECK(failure_of([&] {
            for (int i = 1; i <= 600; ++i) rows.integer(i).text(i == 300 ? "1" : std::to_string(i)).end_row();
            rows.finish();
          }) == Failure::unique);
    CHECK(db.query_integer("SELECT count(*) FROM t") == 299);  // not 256: the second statement is not undone
  }
  CHECK(db.query_integer("SELECT count(*) FROM t") == 0);  // the transaction is
}

TEST_CASE("connection: each failure is typed, whichever database said it", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, n INTEGER NOT NULL CHECK (n > 0))");
  db.exec("INSERT INTO t (id, code, n) VALUES (1, 'a', 1)");
  CHECK(failure_of([&] { db.exec("INSERT INTO t (id, code, n) VALUES (1, 'b', 1)"); }) == Failure::unique);
  CHECK(failure_of([&] { db.exec("INSERT INTO t (id, code, n) VALUES (2, 'a', 1)"); }) == Failure::unique);
  CHECK(failure_of([&] { db.exec("INSERT INTO t (id, code, n) VALUES (2, 'b', 0)"); }) == Failure::constraint);
  CHECK(failure_of([&] { db.exec("INSERT INTO t (id, code) VALUES (2, 'b')"); }) == Failure::constraint);
  try {
    Statement missing(db, "SELECT * FROM rota_seats");
    FAIL("a missing table was prepared");
  } catch (const DatabaseError& e) {
    CHECK(e.failure() == Failure::missing_table);
    CHECK(e.subject() == "rota_seats");  // the table, for the message that names it
  }
  CHECK(failure_of([&] { db.exec("SELEC 1"); }) == Failure::other);
}

TEST_CASE("connection: a transaction rolls back unless committed, and a second writer waits, then is busy", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (n INTEGER)");
  {
    Transaction transaction(db, Transaction::write);
    db.exec("INSERT INTO t VALUES (1)");
  }
  CHECK(db.query_integer("SELECT count(*) FROM t") == 0);
  {
    Transaction transaction(db, Transaction::write);
    db.exec("INSERT INTO t VALUES (1)");
    transaction.commit();
  }
  CHECK(db.query_integer("SELECT count(*) FROM t") == 1);

  // A write transaction takes the write lock when it begins: another command's write
  // transaction cannot begin (and read what the first is about to change) meanwhile.
  auto other = scratch.open(50);
  Transaction first(db, Transaction::write);
  CHECK(failure_of([&] { Transaction second(other, Transaction::write); }) == Failure::busy);
  {
    Transaction reading(other, Transaction::read);  // a reader is not held up
    CHECK(other.query_integer("SELECT count(*) FROM t") == 1);
    CHECK(failure_of([&] { other.exec("INSERT INTO t VALUES (2)"); }) == Failure::read_only);  // and writes nothing
  }
  first.commit();
  CHECK(!failure_of([&] { Transaction second(other, Transaction::write); }));
}

TEST_CASE("connection: a transaction in which a statement failed never commits as if it had not", "[storage][database]") {
  // SQLite keeps the statements that succeeded; PostgreSQL rolls them all back, and its
  // COMMIT says ROLLBACK without an error: that must be thrown, not taken for a commit.
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (n INTEGER PRIMARY KEY)");
  Transaction transaction(db, Transaction::write);
  db.exec("INSERT INTO t VALUES (1)");
  CHECK(failure_of([&] { db.exec("INSERT INTO t VALUES (1)"); }) == Failure::unique);
  auto committed = !failure_of([&] { transaction.commit(); });
  CHECK(db.query_integer("SELECT count(*) FROM t") == (committed ? 1 : 0));
  CHECK(committed == !scratch.database.postgres());
}

TEST_CASE("connection: a bulk command's page cache is the size it asks for, and only its connection's", "[storage][database]") {
  Scratch scratch;
  auto db = scratch.open();
  auto other = scratch.open();
  CHECK_THROWS_AS(db.prepare_for_bulk_writes(0), std::logic_error);
  db.prepare_for_bulk_writes(16);  // an import's
  if (scratch.database.postgres()) return;  // the server's cache serves every connection: nothing to set
  const auto other_size = other.query_integer("PRAGMA cache_size");
  CHECK(db.query_integer("PRAGMA cache_size") == -16 * 1024);  // KiB, as a negative number
  CHECK(other_size != -16 * 1024);
  db.prepare_for_bulk_writes(64);  // a matching run's
  CHECK(db.query_integer("PRAGMA cache_size") == -64 * 1024);
  CHECK(other.query_integer("PRAGMA cache_size") == other_size);
}

TEST_CASE("Database: a PostgreSQL migration for each SQLite one after the baseline", "[storage][database]") {
  CHECK(kangle::storage::postgres_baseline_version + static_cast<int>(kangle::storage::postgres_migrations().size()) ==
        kangle::storage::Database::latest_version());
}

TEST_CASE("Database: a PostgreSQL schema at the baseline is migrated, its people's numbers still unique, its records' volunteers dated",
          "[storage][database]") {
  Scratch scratch;
  if (!scratch.database.postgres()) return;  // SQLite's migrations have tests of their own
  {
    // As kangle made a new schema before migration 17.
    auto db = scratch.open();
    db.exec(kangle::storage::postgres_schema());
    db.exec("INSERT INTO meta (key, value) VALUES ('application', 'kangle'), ('schema_version', '" +
            std::to_string(kangle::storage::postgres_baseline_version) + "')");
    db.exec("INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (1, '张伟', '13800138000', 'x', 'x')");
    db.exec("INSERT INTO service_records (id, origin, kiosk, date, start_minute, end_minute, cadence, service, created_at) "
            "VALUES (5, 'manual', 'dingxiang', '2026-12-05', 540, 690, 'daily', 'haircut', 'x')");
    db.exec("INSERT INTO record_volunteers (record_id, volunteer_id, minutes) VALUES (5, 1, 150)");
  }
  kangle::storage::Database db(scratch.database.location(), kangle::storage::Access::read_write);
  CHECK(db.schema_version() == kangle::storage::Database::latest_version());
  CHECK(db.missing_schema_objects().empty());
  CHECK(db.sql().query_integer("SELECT count(*) FROM pg_constraint WHERE conname IN ('volunteers_phone_key', 'volunteers_id_number_key')") == 0);
  CHECK(db.sql().query_text("SELECT name FROM volunteers WHERE phone = '13800138000'") == "张伟");
  CHECK(failure_of([&] {
          db.sql().exec("INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (2, '冒名', '13800138000', 'x', 'x')");
        }) == Failure::unique);
  // Migration 19: the record's date beside its volunteer, following a change made by hand.
  CHECK(db.sql().query_text("SELECT date FROM record_volunteers WHERE record_id = 5") == "2026-12-05");
  db.sql().exec("UPDATE service_records SET date = '2026-12-07' WHERE id = 5");
  CHECK(db.sql().query_text("SELECT date FROM record_volunteers WHERE record_id = 5") == "2026-12-07");
  // From psql, whose search_path names another schema: the trigger's own schema's rows follow.
  auto schema = db.sql().query_text("SELECT current_schema()");
  db.sql().exec("SET search_path TO pg_catalog");
  db.sql().exec("UPDATE \"" + schema + "\".service_records SET date = '2026-12-08' WHERE id = 5");
  db.sql().exec("SET search_path TO \"" + schema + "\"");
  CHECK(db.sql().query_text("SELECT date FROM record_volunteers WHERE record_id = 5") == "2026-12-08");
  db.sql().exec("INSERT INTO service_records (id, origin, kiosk, date, start_minute, end_minute, cadence, service, created_at) "
                "VALUES (6, 'manual', 'dingxiang', '2026-12-06', 540, 690, 'daily', 'haircut', 'x')");
  CHECK(failure_of([&] { db.sql().exec("INSERT INTO record_volunteers (record_id, volunteer_id, minutes) VALUES (6, 1, 60)"); }) ==
        Failure::constraint);  // a date, always
}

TEST_CASE("Database: a new database gets kangle's whole schema at the latest version, on either database", "[storage][database]") {
  Scratch scratch;
  {
    kangle::storage::Database db(scratch.database.location(), kangle::storage::Access::read_write);
    CHECK(db.schema_version() == kangle::storage::Database::latest_version());
    CHECK(db.missing_schema_objects().empty());  // every table, index, trigger and view SQLite's migrations make
    CHECK(db.integrity_problems().empty());
    CHECK(db.has_table("points_ledger"));
    CHECK_FALSE(db.has_table("contacts"));
    CHECK(db.sql().query_integer("SELECT count(*) FROM points_ledger_head") == 1);
  }
  // Opened again, nothing to do; read-only too.
  kangle::storage::Database again(scratch.database.location(), kangle::storage::Access::read_write);
  CHECK(again.schema_version() == kangle::storage::Database::latest_version());
  kangle::storage::Database reading(scratch.database.location(), kangle::storage::Access::read_only);
  CHECK(reading.sql().query_integer("SELECT count(*) FROM volunteers") == 0);
}

TEST_CASE("Database: a database a newer kangle wrote is refused and left as it was, on either database", "[storage][database]") {
  Scratch scratch;
  const auto& location = scratch.database.location();
  { kangle::storage::Database made(location, kangle::storage::Access::read_write); }
  auto newer = std::to_string(kangle::storage::Database::latest_version() + 1);
  auto raw = scratch.open();
  // Where each keeps its version: the newer kangle's mark.
  if (scratch.database.postgres()) raw.exec("UPDATE meta SET value = '" + newer + "' WHERE key = 'schema_version'");
  else raw.exec("PRAGMA user_version = " + newer);
  auto expected = location.shown() + " was written by a newer kangle (schema " + newer + ", this kangle knows up to " +
                  std::to_string(kangle::storage::Database::latest_version()) + "); upgrade kangle — the database was not touched";
  for (auto access : {kangle::storage::Access::read_write, kangle::storage::Access::read_only}) {
    try {
      kangle::storage::Database db(location, access);
      FAIL("a newer database was opened");
    } catch (const kangle::WorkspaceError& e) {
      CHECK(e.message().in(kangle::Lang::en) == expected);
    }
  }
  CHECK(std::to_string(raw.query_integer(scratch.database.postgres() ? "SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'schema_version'"
                                                                     : "PRAGMA user_version")) == newer);
}

TEST_CASE("Database: the tables in the order to fill them, each after those it refers to, with their keys", "[storage][database]") {
  Scratch scratch;
  kangle::storage::Database db(scratch.database.location(), kangle::storage::Access::read_write);
  auto tables = db.tables_in_dependency_order();
  auto position = [&](const std::string& name) {
    auto found = std::find_if(tables.begin(), tables.end(), [&](const auto& t) { return t.name == name; });
    REQUIRE(found != tables.end());
    return found - tables.begin();
  };
  CHECK(tables.size() == 23);
  CHECK(position("volunteers") < position("volunteer_skills"));
  CHECK(position("service_records") < position("record_volunteers"));
  CHECK(position("imports") < position("service_records"));
  CHECK(position("needs") < position("projects"));
  CHECK(position("projects") < position("project_events"));
  CHECK(position("rota_publications") < position("rota_published_seats"));
  CHECK(position("rota_publications") < position("notifications"));
  CHECK(tables[position("meta")].primary_key == std::vector<std::string>{"key"});
  CHECK(tables[position("points_ledger")].primary_key == std::vector<std::string>{"id"});
}

TEST_CASE("Database: ids are numbered as SQLite numbers them, a rolled-back insert using none up", "[storage][database]") {
  Scratch scratch;
  kangle::storage::Database db(scratch.database.location(), kangle::storage::Access::read_write);
  auto& sql = db.sql();
  auto add = [&](const std::string& phone) {
    Statement insert(sql, "INSERT INTO volunteers (name, phone, created_at, updated_at) VALUES ('张伟', ?, 'now', 'now')");
    insert.bind(1, phone);
    insert.exec();
    return sql.last_insert_id();
  };
  {
    Transaction transaction(sql, Transaction::write);
    CHECK(add("13800138000") == 1);
  }  // rolled back
  CHECK(add("13800138001") == 1);
  CHECK(add("13800138002") == 2);
  sql.exec("INSERT INTO volunteers (id, name, phone, created_at, updated_at) VALUES (10, '李娜', '13800138003', 'now', 'now')");
  CHECK(sql.last_insert_id() == 10);
  CHECK(add("13800138004") == 11);
  CHECK(failure_of([&] { add("13800138004"); }) == Failure::unique);
}

TEST_CASE("Database: the points ledger is append-only in the database itself", "[storage][database]") {
  Scratch scratch;
  kangle::storage::Database db(scratch.database.location(), kangle::storage::Access::read_write);
  auto& sql = db.sql();
  sql.exec("INSERT INTO volunteers (name, phone, created_at, updated_at) VALUES ('张伟', '13800138000', 'now', 'now')");
  sql.exec("INSERT INTO points_ledger (volunteer_id, date, points, balance, kind, rule, reason, created_at, hash) "
           "VALUES (1, '2026-12-01', 10, 10, 'earn', 'duty', 'duty', 'now', '" + std::string(64, 'a') + "')");
  CHECK(failure_of([&] { sql.exec("UPDATE points_ledger SET points = 20"); }) == Failure::constraint);
  CHECK(failure_of([&] { sql.exec("DELETE FROM points_ledger"); }) == Failure::constraint);
  CHECK(failure_of([&] { sql.exec("DELETE FROM points_ledger_head"); }) == Failure::constraint);
  if (scratch.database.postgres()) {
    CHECK(failure_of([&] { sql.exec("TRUNCATE points_ledger CASCADE"); }) == Failure::constraint);
  }
  CHECK(sql.query_integer("SELECT sum(points) FROM points_ledger") == 10);
}

TEST_CASE("Database: a database of another program's is refused, not adopted", "[storage][database]") {
  Scratch scratch;
  // A table named as kangle's is not kangle's mark.
  scratch.open().exec(GENERATE(as<std::string>{}, "CREATE TABLE notes (text TEXT)", "CREATE TABLE meta (key TEXT, value TEXT)"));
  scratch.open().exec("CREATE TABLE contacts (name TEXT)");
  try {
    kangle::storage::Database db(scratch.database.location(), kangle::storage::Access::read_write);
    FAIL("another program's database was opened");
  } catch (const kangle::Error& e) {
    CHECK(e.message().id() == kangle::Msg::database_not_kangle);
  }
  CHECK(scratch.open().query_integer("SELECT count(*) FROM contacts") == 0);  // left as it was
}

TEST_CASE("Database: PostgreSQL's tables have SQLite's columns, in SQLite's order", "[storage][database]") {
  Scratch scratch;
  if (!scratch.database.postgres()) return;  // SQLite against itself
  kangle::storage::Database postgres(scratch.database.location(), kangle::storage::Access::read_write);
  kangle::test::TempDir other;
  kangle::storage::Database sqlite(other.path() / "kangle.db", kangle::storage::Access::read_write);
  Statement tables(sqlite.sql(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  int compared = 0;
  while (tables.step()) {
    auto table = tables.column(0).text();
    std::string in_sqlite, in_postgres;
    Statement columns(sqlite.sql(), "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    columns.bind(1, table);
    while (columns.step()) in_sqlite += columns.column(0).text() + " ";
    Statement theirs(postgres.sql(), "SELECT column_name FROM information_schema.columns "
                                     "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position");
    theirs.bind(1, table);
    while (theirs.step()) in_postgres += theirs.column(0).text() + " ";
    INFO(table);
    CHECK(in_postgres == in_sqlite);
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("DatabaseLocation::shown: a password in a PostgreSQL URL is never shown") {
  kangle::storage::DatabaseLocation url{{}, "postgresql://kangle:s3cret@db.example/district?sslmode=require"};
  CHECK(url.shown() == "postgresql://kangle:***@db.example/district?sslmode=require");
  kangle::storage::DatabaseLocation query{{}, "postgresql:///district?host=/run/pg&password=s3cret&user=kangle"};
  CHECK(query.shown() == "postgresql:///district?host=/run/pg&password=***&user=kangle");
  kangle::storage::DatabaseLocation keywords{{}, "host=db dbname=district password=s3cret"};
  CHECK(keywords.shown() == "host=db dbname=district password=***");
  CHECK(kangle::storage::DatabaseLocation{"/srv/kangle.db", {}}.shown() == "/srv/kangle.db");
}

/// The first problem kangle.toml with `[database]` `url` has, or nothing.
std::optional<kangle::Msg> database_url_problem(const std::string& url) {
  kangle::config::ConfigTexts texts{{"kangle.toml", "name = \"x\"\n[database]\nurl = \"" + url + "\"\n"}};
  auto loaded = kangle::config::load_config_texts(texts);
  for (const auto& diagnostic : loaded.diagnostics.items()) {
    if (diagnostic.at.file == "kangle.toml" && diagnostic.at.line == 3) return diagnostic.message.id();
  }
  return std::nullopt;
}

TEST_CASE("kangle.toml's [database] url: PostgreSQL's address, never with a password in it", "[storage]") {
  kangle::config::ConfigTexts texts{{"kangle.toml", "name = \"x\"\n[database]\nurl = \"postgresql://db.example/district\"\n"}};
  CHECK(kangle::config::load_config_texts(texts).config.settings.database_url == "postgresql://db.example/district");
  CHECK_FALSE(database_url_problem("postgres://db.example/district?options=-csearch_path%3Dkangjian"));
  CHECK(database_url_problem("postgresql://kangle:s3cret@db.example/district") == kangle::Msg::database_url_password);
  CHECK(database_url_problem("postgresql://db.example/district?password=s3cret") == kangle::Msg::database_url_password);
  CHECK(database_url_problem("D:/kangle/kangle.db") == kangle::Msg::database_bad_url);
  CHECK(database_url_problem("mysql://db.example/district") == kangle::Msg::database_bad_url);
}

TEST_CASE("database_location: KANGLE_DB, else kangle.toml's [database] url, else kangle.db in the folder", "[storage]") {
  const char* before = std::getenv("KANGLE_DB");
  std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
  ::unsetenv("KANGLE_DB");
  kangle::config::Settings settings;
  auto folder = std::filesystem::path("/srv/kangjian");
  auto plain = kangle::workspace::database_location(folder, settings);
  CHECK_FALSE(plain.postgres());
  CHECK(plain.file == folder / "kangle.db");
  settings.database_url = "postgresql://db.example/district";
  CHECK(kangle::workspace::database_location(folder, settings).postgres_url == "postgresql://db.example/district");
  ::setenv("KANGLE_DB", "postgresql:///other", 1);
  CHECK(kangle::workspace::database_location(folder, settings).postgres_url == "postgresql:///other");
  ::setenv("KANGLE_DB", "postgresq://db.example/district", 1);  // mistyped: not a file to create
  CHECK_THROWS_AS(kangle::workspace::database_location(folder, settings), kangle::WorkspaceError);
  ::setenv("KANGLE_DB", "/backup/kangle.db", 1);
  auto file = kangle::workspace::database_location(folder, settings);
  CHECK_FALSE(file.postgres());
  CHECK(file.file == "/backup/kangle.db");
  if (saved) ::setenv("KANGLE_DB", saved->c_str(), 1);
  else ::unsetenv("KANGLE_DB");
}

TEST_CASE("number_parameters: ? and :name as PostgreSQL numbers them, quotes, casts and comments left alone", "[storage]") {
  auto numbered = kangle::storage::number_parameters(
      "SELECT ':no', \"a?b\", x::text FROM t -- why? :none\nWHERE a = ? AND b BETWEEN :first AND :last AND c = :first "
      "AND d = ? AND e = 'it''s ?' /* :not ? */ AND f = ?7 AND g = ? AND h = ?1");
  CHECK(numbered.text ==
        "SELECT ':no', \"a?b\", x::text FROM t -- why? :none\nWHERE a = $1 AND b BETWEEN $2 AND $3 AND c = $2 AND d = $4 "
        "AND e = 'it''s ?' /* :not ? */ AND f = $7 AND g = $8 AND h = $1");
  CHECK(numbered.parameters == 8);
  CHECK(numbered.names.at(":first") == 2);
  CHECK(numbered.names.at(":last") == 3);
  CHECK(numbered.names.size() == 2);
}

TEST_CASE("SQLite's page cache takes its pages from huge pages", "[storage]") {
  // Any connection starts SQLite, and with it the lines from huge pages; an in-memory
  // database's pages are cache lines too.
  Connection db(kangle::storage::open_sqlite(":memory:", kangle::storage::Access::read_write, false, 0));
  const auto before = kangle::storage::sqlite_page_lines_taken();
  db.exec("CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
          "INSERT INTO t SELECT printf('%0500d', i) FROM n");
  CHECK(db.query_integer("SELECT count(*) FROM t") == 2000);
  CHECK(kangle::storage::sqlite_page_lines_taken() >= before + 200);  // a megabyte of rows, 4 KiB a page
}

}  // namespace connection_test
