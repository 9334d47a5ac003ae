// SPDX-License-Identifier: Apache-2.0
#include "storage/connection.hpp"

#include <algorithm>
#include <stdexcept>

#include "storage/driver.hpp"

namespace kangle::storage {

bool Column::is_null() const { return statement_->is_null(index_); }
ValueType Column::type() const { return statement_->type(index_); }
std::int64_t Column::int64() const { return statement_->int64(index_); }
double Column::real() const { return statement_->real(index_); }
std::string_view Column::view() const { return statement_->text(index_); }

Statement::Statement(Connection& connection, std::string_view sql) : driver_(connection.driver().prepare(sql)) {}
Statement::~Statement() = default;
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;

void Statement::bind_int64(int index, std::int64_t value) { driver_->bind_int64(index, value); }
void Statement::bind(int index, double value) { driver_->bind_real(index, value); }
void Statement::bind(int index, std::string_view value) { driver_->bind_text(index, value); }
void Statement::bind_no_copy(int index, const std::string& value) { driver_->bind_text_no_copy(index, value); }
void Statement::bind_null(int index) { driver_->bind_null(index); }
int Statement::parameter_index(const std::string& name) const { return driver_->parameter_index(name); }
bool Statement::step() { return driver_->step(); }
int Statement::exec() { return driver_->exec(); }
void Statement::reset() { driver_->reset(); }
void Statement::clear_bindings() { driver_->clear_bindings(); }
int Statement::column_count() const { return driver_->column_count(); }
std::string Statement::column_name(int index) const { return driver_->column_name(index); }

Connection::Connection(std::unique_ptr<ConnectionDriver> driver) : driver_(std::move(driver)) {}
Connection::~Connection() = default;
Connection::Connection(Connection&&) noexcept = default;

void Connection::exec(std::string_view sql) { driver_->exec(sql); }

namespace {

Statement first_row(Connection& connection, std::string_view sql) {
  Statement query(connection, sql);
  if (!query.step()) throw DatabaseError(Failure::other, "no row from: " + std::string(sql));
  return query;
}

}  // namespace

std::int64_t Connection::query_integer(std::string_view sql) { return first_row(*this, sql).column(0).int64(); }

std::string Connection::query_text(std::string_view sql) { return first_row(*this, sql).column(0).text(); }

std::int64_t Connection::last_insert_id() { return driver_->last_insert_id(); }
void Connection::prepare_for_bulk_writes(int page_cache_mib) {
  if (page_cache_mib < 1 || page_cache_mib > 1024) throw std::logic_error("storage: a page cache of 1 to 1024 MiB");
  driver_->prepare_for_bulk_writes(page_cache_mib);
}
bool Connection::drops_indexes_unseen() const { return driver_->drops_indexes_unseen(); }

namespace {

/// The columns of "INSERT INTO table (column, ...)": its commas and one.
int column_count(std::string_view insert) {
  auto open = insert.find('(');
  if (!insert.starts_with(insert_into) || open == std::string_view::npos || !insert.ends_with(")")) {
    throw std::logic_error("InsertRows: not an insert into a table of named columns: " + std::string(insert));
  }
  return static_cast<int>(std::count(insert.begin() + static_cast<std::ptrdiff_t>(open), insert.end(), ',')) + 1;
}

}  // namespace

InsertRows::InsertRows(Connection& connection, std::string_view insert) : columns_(column_count(insert)) {
  driver_ = connection.driver().insert_rows(insert, columns_);
}
InsertRows::~InsertRows() = default;

// Counted before the driver sees the value: one too many is the same logic error on
// every database, not whatever its binding makes of it.
void InsertRows::count_value() {
  if (++given_ > columns_) throw std::logic_error("InsertRows: more values than columns in a row");
}
InsertRows& InsertRows::add_integer(std::int64_t value) {
  count_value();
  driver_->integer(value);
  return *this;
}
InsertRows& InsertRows::real(double value) {
  count_value();
  driver_->real(value);
  return *this;
}
InsertRows& InsertRows::text(std::string_view value) {
  count_value();
  driver_->text(value);
  return *this;
}
InsertRows& InsertRows::null() {
  count_value();
  driver_->null();
  return *this;
}
void InsertRows::end_row() {
  if (given_ != columns_) throw std::logic_error("InsertRows: fewer values than columns in a row");
  driver_->end_row();
  given_ = 0;
}
void InsertRows::finish() {
  if (given_ != 0) throw std::logic_error("InsertRows: a row not ended");
  driver_->finish();
}

Transaction::Transaction(Connection& connection, Mode mode) : connection_(connection) { connection_.driver().begin(mode); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.driver().rollback();
  } catch (...) {  // a destructor does not throw: the database rolls back what it cannot finish
  }
}

void Transaction::commit() {
  connection_.driver().commit();
  open_ = false;
}

}  // namespace kangle::storage
