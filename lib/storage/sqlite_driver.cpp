// SPDX-License-Identifier: Apache-2.0
#include "storage/sqlite_driver.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "storage/sqlite_memory.hpp"
#include "storage/statements.hpp"

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
  /// Ready to run again after a failure, whose error a reset would throw once more, and
  /// nothing left bound.
  void forget_failure() {
    statement_.tryReset();
    statement_.clearBindings();
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

/// What the rows into one table keep from one InsertRows to the next on a connection: the
/// statements of each power of two rows prepared, and the values' slots, whose texts keep
/// their buffers. One InsertRows at a time uses them.
struct RowsInto {
  struct Value {
    enum Kind { null, integer, real, text } kind = null;
    std::int64_t integer_value = 0;
    double real_value = 0;
    std::string text_value;
  };
  std::array<std::unique_ptr<SqliteStatement>, 9> statements;  // by rows' power of two, 1 to 256
  std::vector<Value> values;
  bool in_use = false;
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
  std::unique_ptr<RowsDriver> insert_rows(std::string_view insert, int columns) override;
  void exec(std::string_view sql) override {
    guarded([&] { db_.exec(std::string(sql)); });
  }
  std::int64_t last_insert_id() override { return db_.getLastInsertRowid(); }
  // Only what the command touches is held, up to the size asked; its connection closes after
  // it. The sorter that builds an index takes as much again.
  void prepare_for_bulk_writes(int page_cache_mib) override {
    exec("PRAGMA cache_size = -" + std::to_string(page_cache_mib * 1024));
  }
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
  std::map<std::string, RowsInto, std::less<>> inserts_;  // after db_: its statements end before the database closes
};

/// Rows a statement of many at a time. Each statement finds its place in the table and its
/// indexes from their roots, opens and closes its cursors and checks each foreign key with
/// a cursor of its own: a million rows' skills took 2.8–3.1 s a statement a row, 1.9–2.2 s
/// 500 a statement (bench/README.md). The rows are held as given, then bound without a copy
/// to a statement of `most_` rows; the last ones to statements of each power of two below.
/// Each is an INSERT OR FAIL: a refused row stops its statement with the same error, the rows
/// before it left for the transaction to roll back (as InsertRows says, and as PostgreSQL's
/// COPY leaves a transaction), so SQLite keeps no copy of the pages a statement changes to
/// undo it alone (but where it checks a foreign key, which OR FAIL does not cover). With
/// the people's indexes standing, 130,000 new people into a district's 960,000 took 1.8–2.1 s
/// instead of 2.1–2.4 s (bench/README.md, "Session 38").
class SqliteRows final : public RowsDriver {
public:
  SqliteRows(SQLite::Database& db, RowsInto& into, std::string_view insert, int columns)
      : db_(db),
        into_(into),
        insert_(insert),
        columns_(static_cast<std::size_t>(columns)),
        most_(std::bit_floor(static_cast<std::size_t>(
            std::clamp(sqlite3_limit(db.getHandle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1) / columns, 1, 256)))) {
    if (into_.in_use) throw std::logic_error("InsertRows: two at once into one table");
    into_.values.resize(most_ * columns_);
    into_.in_use = true;
  }
  ~SqliteRows() override { into_.in_use = false; }
  SqliteRows(const SqliteRows&) = delete;
  SqliteRows& operator=(const SqliteRows&) = delete;

  void integer(std::int64_t value) override { next(Value::integer).integer_value = value; }
  void real(double value) override { next(Value::real).real_value = value; }
  void text(std::string_view value) override {
    next(Value::text).text_value.assign(value);  // into the slot's own buffer, kept from row to row
  }
  void null() override { next(Value::null); }
  void end_row() override {
    if (given_ < into_.values.size()) return;
    given_ = 0;  // taken, even if the statement fails
    write(0, most_);
  }
  void finish() override {
    const std::size_t held = std::exchange(given_, 0) / columns_;  // taken, even if a statement fails
    std::size_t first = 0;
    for (std::size_t rows = most_; first < held; rows /= 2) {
      for (; held - first >= rows; first += rows) write(first, rows);
    }
  }

private:
  using Value = RowsInto::Value;
  Value& next(Value::Kind kind) {
    auto& slot = into_.values[given_++];
    slot.kind = kind;
    return slot;
  }

  /// The held rows from `first` on, `rows` of them, by one statement.
  void write(std::size_t first, std::size_t rows) {
    auto& statement = statement_of(rows);
    int index = 0;
    for (std::size_t k = first * columns_; k < (first + rows) * columns_; ++k) {
      const auto& value = into_.values[k];
      switch (value.kind) {
        case Value::null: statement.bind_null(++index); break;
        case Value::integer: statement.bind_int64(++index, value.integer_value); break;
        case Value::real: statement.bind_real(++index, value.real_value); break;
        case Value::text: statement.bind_text_no_copy(++index, value.text_value); break;
      }
    }
    try {
      statement.exec();
    } catch (...) {
      statement.forget_failure();
      throw;
    }
    statement.reset();
    statement.clear_bindings();  // nothing left pointing into the held texts
  }
  SqliteStatement& statement_of(std::size_t rows) {
    auto& slot = into_.statements[static_cast<std::size_t>(std::countr_zero(rows))];
    if (!slot) {
      auto into_table = std::string_view(insert_).substr(insert_into.size());  // "table (column, ...)"
      slot = std::make_unique<SqliteStatement>(
          db_, "INSERT OR FAIL INTO " + std::string(into_table) + " VALUES " + repeated("(" + repeated("?", columns_) + ")", rows));
    }
    return *slot;
  }

  SQLite::Database& db_;
  RowsInto& into_;
  std::string insert_;
  std::size_t columns_;
  std::size_t most_;  // rows a statement: a power of two
  std::size_t given_ = 0;
};

std::unique_ptr<RowsDriver> SqliteConnection::insert_rows(std::string_view insert, int columns) {
  auto into = inserts_.find(insert);
  if (into == inserts_.end()) into = inserts_.emplace(std::string(insert), RowsInto{}).first;
  return std::make_unique<SqliteRows>(db_, into->second, insert, columns);
}

}  // namespace

std::unique_ptr<ConnectionDriver> open_sqlite(const std::string& file, Access access, bool create, int busy_timeout_ms) {
  // Nothing reads SQLite's count of the memory it uses, which takes a global mutex around
  // every allocation (5% of an import). It can only be turned off before SQLite's first
  // use; later the call does nothing.
  [[maybe_unused]] static const int memory_status_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  // A statement of many writes that may stop midway (an UPDATE of many people, rows checked
  // against a foreign key) keeps the pages it changes as they were, to undo it alone. Past
  // 64 KiB SQLite writes that journal to a file: the people of an import, 256 rows a
  // statement into three indexes, took half as long again that way before their statements
  // were INSERT OR FAIL (bench/README.md). It stays in memory: a copy of the pages that one
  // statement changes and that were there before it, which a statement of kangle's keeps
  // to a few hundred; one that changed a whole table would hold that table's pages. (A limit
  // of 512 KiB or more made a million rows' CREATE INDEX fail as "disk full" in SQLite 3.40;
  // 128 KiB did not. Were SQLite started before this call, it would keep its 64 KiB: slower,
  // not wrong.)
  [[maybe_unused]] static const int statement_journal_in_memory = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
  // Its page caches' lines from huge pages (sqlite_memory.hpp): an import's took 4,600 page faults.
  [[maybe_unused]] static const bool pages_in_huge_pages = (give_sqlite_pages_huge_pages(), true);
  // One thread uses a connection: no mutex taken around every call (4% of an import).
  int flags = (access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
  if (create) flags |= SQLite::OPEN_CREATE;
  return std::make_unique<SqliteConnection>(file, flags, busy_timeout_ms);
}

}  // namespace kangle::storage
