// SPDX-License-Identifier: Apache-2.0
// The database as the stores see it: a connection, statements, their columns, a
// transaction and typed failures, the same whichever database a workspace uses. The
// drivers (driver.hpp) are what knows SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace kangle::storage {

class ConnectionDriver;
class RowsDriver;
class StatementDriver;

enum class Access { read_only, read_write };

/// What went wrong, in the terms a command answers in, whichever database said it.
enum class Failure {
  busy,           // another writer held the database longer than the wait allows
  unique,         // a UNIQUE or PRIMARY KEY constraint refused the row
  constraint,     // another constraint (CHECK, FOREIGN KEY, NOT NULL, a trigger) refused it
  serialization,  // a concurrent transaction made this one impossible to serialise
  full,           // the disk (or the database's quota) is full
  read_only,      // the database or its folder cannot be written
  unreachable,    // the database server cannot be reached
  unreadable,     // not a database, or damaged
  missing_table,  // a table kangle made was dropped behind its back
  other,
};

/// what() is the database's own words; subject() what they are about, when the failure
/// names something (missing_table: the table).
class DatabaseError : public std::runtime_error {
public:
  DatabaseError(Failure failure, const std::string& what, std::string subject = {})
      : std::runtime_error(what), failure_(failure), subject_(std::move(subject)) {}
  Failure failure() const { return failure_; }
  const std::string& subject() const { return subject_; }

private:
  Failure failure_;
  std::string subject_;
};

/// What a column's value is, as the database holds it.
enum class ValueType { null, integer, real, text };

/// One column of a statement's current row; read it before the next step.
class Column {
public:
  Column(StatementDriver& statement, int index) : statement_(&statement), index_(index) {}
  bool is_null() const;
  ValueType type() const;
  /// NULL reads as 0 and "", as SQLite reads it.
  std::int64_t int64() const;
  int int32() const { return static_cast<int>(int64()); }
  double real() const;
  std::string text() const { return std::string(view()); }
  /// The text without a copy, valid until the statement's next step.
  std::string_view view() const;

private:
  StatementDriver* statement_;
  int index_;
};

class Connection;

/// A prepared statement: bound, stepped row by row, reset for its next use. Parameters
/// are `?`, `?NNN` or `:name`, numbered from 1 as SQLite numbers them; columns from 0.
class Statement {
public:
  Statement(Connection& connection, std::string_view sql);
  ~Statement();
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;

  template <typename Int>
    requires std::is_integral_v<Int>
  void bind(int index, Int value) {
    bind_int64(index, static_cast<std::int64_t>(value));
  }
  void bind(int index, double value);
  /// The text, copied.
  void bind(int index, std::string_view value);
  /// The text without a copy: `value` must outlive the statement's next step (an import
  /// binds a million of them).
  void bind_no_copy(int index, const std::string& value);
  void bind_null(int index);
  /// The index of the parameter `:name` (given with its colon); 0 when the SQL has none.
  int parameter_index(const std::string& name) const;

  /// Runs to the next row: false when there is none.
  bool step();
  /// Runs a statement that returns no row; the number of rows it changed.
  int exec();
  /// Ready to run again, with its bindings kept.
  void reset();
  void clear_bindings();

  Column column(int index) { return Column(*driver_, index); }
  int column_count() const;
  std::string column_name(int index) const;

private:
  void bind_int64(int index, std::int64_t value);
  std::unique_ptr<StatementDriver> driver_;
};

/// One connection to the workspace's database, used by one thread at a time: a thread may
/// hand it to another, which then has it alone until it hands it back.
class Connection {
public:
  explicit Connection(std::unique_ptr<ConnectionDriver> driver);
  ~Connection();
  Connection(Connection&&) noexcept;

  /// Runs SQL that returns no rows: one statement or several.
  void exec(std::string_view sql);
  /// The integer (or text) in the first column of the query's first row, 0 (or "") when
  /// NULL. A query that returns no row throws: it was written to return one.
  std::int64_t query_integer(std::string_view sql);
  std::string query_text(std::string_view sql);
  /// The id the last INSERT gave its row.
  std::int64_t last_insert_id();
  /// Ready for a command that reads or writes many rows at once (an import, a matching
  /// run): a page cache of `page_cache_mib` MiB (1 to 1024) instead of SQLite's 2, for the
  /// rest of the connection's life (PostgreSQL's server keeps its own).
  void prepare_for_bulk_writes(int page_cache_mib);
  /// Whether an index dropped inside a write transaction (and made again before its commit)
  /// goes unseen by other commands: on SQLite they read their snapshot meanwhile; on
  /// PostgreSQL they would wait for the commit.
  bool drops_indexes_unseen() const;

  ConnectionDriver& driver() { return *driver_; }

private:
  std::unique_ptr<ConnectionDriver> driver_;
};

/// Many rows into one table at the database's fastest: on PostgreSQL one COPY, on SQLite
/// prepared INSERTs of many rows each. `insert` is "INSERT INTO table (column, ...)"; each row gives
/// its columns in that order, then end_row(). finish() writes what is held; until then
/// nothing else runs on the connection (a COPY holds it), and a refused row may be
/// refused at any later end_row() or at finish(). Rows not finished (an exception
/// midway) are the transaction's to roll back.
class InsertRows {
public:
  InsertRows(Connection& connection, std::string_view insert);
  ~InsertRows();
  InsertRows(const InsertRows&) = delete;
  InsertRows& operator=(const InsertRows&) = delete;

  template <typename Int>
    requires std::is_integral_v<Int>
  InsertRows& integer(Int value) {
    return add_integer(static_cast<std::int64_t>(value));
  }
  InsertRows& real(double value);
  InsertRows& text(std::string_view value);
  InsertRows& null();
  /// The row given: as many values as the columns, or a logic error.
  void end_row();
  void finish();

private:
  InsertRows& add_integer(std::int64_t value);
  void count_value();
  std::unique_ptr<RowsDriver> driver_;
  int columns_;
  int given_ = 0;
};

/// A transaction, rolled back unless committed. `write` takes the database's write lock
/// when it begins, so two commands that write run one after the other, never both reading
/// what the other is about to change; `read` sees one snapshot of the database.
class Transaction {
public:
  enum Mode { read, write };
  Transaction(Connection& connection, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Connection& connection_;
  bool open_ = true;
};

}  // namespace kangle::storage
