// SPDX-License-Identifier: Apache-2.0
// What a database driver provides under connection.hpp. Each failure is thrown as a
// DatabaseError with its Failure, so nothing above the driver knows which database it is.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storage/connection.hpp"

namespace kangle::storage {

class StatementDriver {
public:
  virtual ~StatementDriver() = default;
  virtual void bind_int64(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_text_no_copy(int index, const std::string& value) = 0;
  virtual void bind_null(int index) = 0;
  virtual int parameter_index(const std::string& name) const = 0;
  virtual bool step() = 0;
  virtual int exec() = 0;
  virtual void reset() = 0;
  virtual void clear_bindings() = 0;
  virtual bool is_null(int index) const = 0;
  virtual ValueType type(int index) const = 0;
  virtual std::int64_t int64(int index) const = 0;
  virtual double real(int index) const = 0;
  virtual std::string_view text(int index) const = 0;
  virtual int column_count() const = 0;
  virtual std::string column_name(int index) const = 0;
};

/// How the text given to InsertRows begins: "INSERT INTO table (column, ...)".
constexpr std::string_view insert_into = "INSERT INTO ";

/// Rows into one table, a value at a time (InsertRows in connection.hpp).
class RowsDriver {
public:
  virtual ~RowsDriver() = default;
  virtual void integer(std::int64_t value) = 0;
  virtual void real(double value) = 0;
  virtual void text(std::string_view value) = 0;
  virtual void null() = 0;
  virtual void end_row() = 0;
  virtual void finish() = 0;
};

class ConnectionDriver {
public:
  virtual ~ConnectionDriver() = default;
  virtual std::unique_ptr<StatementDriver> prepare(std::string_view sql) = 0;
  /// `insert` is "INSERT INTO table (column, ...)", of `columns` columns.
  virtual std::unique_ptr<RowsDriver> insert_rows(std::string_view insert, int columns) = 0;
  virtual void exec(std::string_view sql) = 0;
  virtual std::int64_t last_insert_id() = 0;
  virtual void prepare_for_bulk_writes(int page_cache_mib) = 0;
  virtual bool drops_indexes_unseen() const = 0;
  virtual void begin(Transaction::Mode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

}  // namespace kangle::storage
