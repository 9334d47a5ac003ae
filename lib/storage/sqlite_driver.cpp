// SPDX-License-Identifier: Apache-2.0
#include "storage/sqlite_driver.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace kangle::storage {
namespace {

DatabaseError database_error(const SQLite::Exception& e) {
  std::string what = e.what();
  switch (e.getErrorCode() & 0xff) {  // the primary code, whether or not SQLite gave the extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {Failure::busy, what};
    case SQLITE_CONSTRAINT: {
      int extended = e.getExtendedErrorCode();
      bool unique = extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY;
      return {unique ? Failure::unique : Failure::constraint, what};
    }
    case SQLITE_FULL:
      return {Failure::full, what};
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return {Failure::read_only, what};
    case SQLITE_CANTOPEN:  // a file: said as "cannot open the database FILE", not as a server out of reach
      return {Failure::other, what};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return {Failure::unreadable, what};
    case SQLITE_ERROR: {
      constexpr std::string_view no_table = "no such table: ";
      if (what.starts_with(no_table)) return {Failure::missing_table, what, what.substr(no_table.size())};
      return {Failure::other, what};
    }
    default:
      return {Failure::other, what};
  }
}

/// Runs `work`, a call into SQLiteCpp, and throws its failure as a DatabaseError.
template <typename Work>
auto guarded(Work&& work) {
  try {
    return work();
  } catch (const SQLite::Exception& e) {
    throw database_error(e);
  }
}

class SqliteStatement final : public StatementDriver {
public:
  SqliteStatement(SQLite::Database& db, const std::string& sql) try : statement_(db, sql) {
  } catch (const SQLite::Exception& e) {
    throw database_error(e);
  }

  void bind_int64(int index, std::int64_t value) override {
    guarded([&] { statement_.bind(index, static_cast<int64_t>(value)); });
  }
  void bind_real(int index, double value) override {
    guarded([&] { statement_.bind(index, value); });
  }
  void bind_text(int index, std::string_view value) override {
    guarded([&] { statement_.bind(index, std::string(value)); });
  }
  void bind_text_no_copy(int index, const std::string& value) override {
    guarded([&] { statement_.bindNoCopy(index, value); });
  }
  void bind_null(int index) override {
    guarded([&] { statement_.bind(index); });
  }
  int parameter_index(const std::string& name) const override { return statement_.getIndex(name.c_str()); }
  bool step() override {
    return guarded([&] { return statement_.executeStep(); });
  }
  int exec() override {
    return guarded([&] { return statement_.exec(); });
  }
  void reset() override {
    guarded([&] { statement_.reset(); });
  }
  void clear_bindings() override {
    guarded([&] { statement_.clearBindings(); });
  }
  bool is_null(int index) const override {
    return guarded([&] { return statement_.isColumnNull(index); });
  }
  ValueType type(int index) const override {
    switch (guarded([&] { return statement_.getColumn(index).getType(); })) {
      case SQLITE_NULL: return ValueType::null;
      case SQLITE_INTEGER: return ValueType::integer;
      case SQLITE_FLOAT: return ValueType::real;
      default: return ValueType::text;  // text, or a blob kangle never writes
    }
  }
  std::int64_t int64(int index) const override {
    return guarded([&] { return static_cast<std::int64_t>(statement_.getColumn(index).getInt64()); });
  }
  double real(int index) const override {
    return guarded([&] { return statement_.getColumn(index).getDouble(); });
  }
  std::string_view text(int index) const override {
    return guarded([&] {
      auto column = statement_.getColumn(index);
      const char* text = column.getText("");  // before getBytes, as SQLite asks
      return std::string_view(text, static_cast<std::size_t>(column.getBytes()));
    });
  }
  int column_count() const override { return statement_.getColumnCount(); }
  std::string column_name(int index) const override {
    return guarded([&] { return std::string(statement_.getColumnName(index)); });
  }

private:
  SQLite::Statement statement_;
};

class SqliteConnection final : public ConnectionDriver {
public:
  SqliteConnection(const std::string& file, int flags, int busy_timeout_ms) try : db_(file, flags, busy_timeout_ms) {
  } catch (const SQLite::Exception& e) {
    throw database_error(e);
  }

  std::unique_ptr<StatementDriver> prepare(std::string_view sql) override {
    return std::make_unique<SqliteStatement>(db_, std::string(sql));
  }
  void exec(std::string_view sql) override {
    guarded([&] { db_.exec(std::string(sql)); });
  }
  std::int64_t last_insert_id() override { return db_.getLastInsertRowid(); }
  // A page cache of 64 MiB rather than SQLite's 2: with 2, the indexes of a big import spill
  // to the WAL before the commit and are read back (110,000 reads and writes for 130,000
  // rows, a tenth of the time); a matching run reads each page once. Only what the command
  // touches is held; its connection closes after it.
  void prepare_for_bulk_writes() override { exec("PRAGMA cache_size = -65536"); }
  bool drops_indexes_unseen() const override { return true; }  // readers keep their snapshot (WAL)
  // IMMEDIATE takes the write lock at BEGIN: of two commands that would read, then write,
  // the second waits before reading.
  // A read writes nothing (query_only), as on PostgreSQL (READ ONLY).
  void begin(Transaction::Mode mode) override {
    exec(mode == Transaction::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    try {
      if (mode == Transaction::read) exec("PRAGMA query_only = ON");
    } catch (...) {
      exec("ROLLBACK");  // no Transaction owns it yet
      throw;
    }
    reading_ = mode == Transaction::read;
  }
  void commit() override { end("COMMIT"); }
  void rollback() override { end("ROLLBACK"); }

private:
  void end(const char* sql) {
    if (reading_) exec("PRAGMA query_only = OFF");
    reading_ = false;
    exec(sql);
  }
  SQLite::Database db_;
  bool reading_ = false;
};

}  // namespace

std::unique_ptr<ConnectionDriver> open_sqlite(const std::string& file, Access access, bool create, int busy_timeout_ms) {
  // Nothing reads SQLite's count of the memory it uses, which takes a global mutex around
  // every allocation (5% of an import). It can only be turned off before SQLite's first
  // use; later the call does nothing.
  [[maybe_unused]] static const int memory_status_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  // One thread uses a connection: no mutex taken around every call (4% of an import).
  int flags = (access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
  if (create) flags |= SQLite::OPEN_CREATE;
  return std::make_unique<SqliteConnection>(file, flags, busy_timeout_ms);
}

}  // namespace kangle::storage
