// SPDX-License-Identifier: Apache-2.0
// The database layer the stores use: values in and out as they were, each failure typed
// the same whichever database said it, transactions that roll back unless committed.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "storage/connection.hpp"
#include "storage/sqlite_driver.hpp"
#include "temp_dir.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace connection_test {

using kangle::storage::Connection;
using kangle::storage::DatabaseError;
using kangle::storage::Failure;
using kangle::storage::Statement;
using kangle::storage::Transaction;

struct Scratch {
  kangle::test::TempDir dir;
  std::string file = (dir.path() / "scratch.db").string();
  Connection open(int busy_timeout_ms = 0) {
    return Connection(kangle::storage::open_sqlite(file, kangle::storage::Access::read_write, true, busy_timeout_ms));
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

TEST_CASE("connection: what is bound is read back as it was, NULL included", "[storage]") {
  Scratch scratch;
  auto db = scratch.open();
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT)");
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
  CHECK(db.query_integer("SELECT n FROM t WHERE id = 99") == 0);  // no row
  CHECK(db.query_text("SELECT s FROM t WHERE id = 99").empty());
}

TEST_CASE("connection: each failure is typed, whichever database said it", "[storage]") {
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
    CHECK(std::string(e.what()) == "rota_seats");  // the table, for the message that names it
  }
  CHECK(failure_of([&] { db.exec("SELEC 1"); }) == Failure::other);
}

TEST_CASE("connection: a transaction rolls back unless committed; a second writer waits, then is busy", "[storage]") {
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
  }
  first.commit();
  CHECK(!failure_of([&] { Transaction second(other, Transaction::write); }));
}

}  // namespace connection_test
