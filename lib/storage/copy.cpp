// SPDX-License-Identifier: Apache-2.0
// The SQL here is made from table and column names read from the databases' own
// catalogues, quoted; every value is bound (tests/security/sql_test.py knows this file).
#include "storage/copy.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "storage/rows.hpp"
#include "storage/statements.hpp"

namespace kangle::storage {

namespace {

/// The tables create() puts rows in: a copy replaces those rows instead of adding to them.
constexpr std::array<std::string_view, 2> tables_a_new_database_fills = {"meta", "points_ledger_head"};

bool filled_when_new(const std::string& table) {
  return std::find(tables_a_new_database_fills.begin(), tables_a_new_database_fills.end(), table) !=
         tables_a_new_database_fills.end();
}

/// A name as SQL quotes it, on both databases.
std::string sql_name(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> sql_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(sql_name(n));
  return out;
}

std::int64_t row_count(Connection& db, const std::string& table) {
  return db.query_integer(fmt::format("SELECT count(*) FROM {}", sql_name(table)));
}

/// "INSERT INTO table (columns)": the rows of a table go in by InsertRows.
std::string insert_head(const TableShape& table, const std::vector<std::string>& columns) {
  return fmt::format("INSERT INTO {} ({})", sql_name(table.name), fmt::join(sql_names(columns), ", "));
}

/// For a table a new database fills: one row that replaces the row of the same key.
std::string replace_sql(const TableShape& table, const std::vector<std::string>& columns) {
  auto sql = fmt::format("{} VALUES ({})", insert_head(table, columns), repeated("?", columns.size()));
  if (table.primary_key.empty()) return sql;
  std::vector<std::string> updates;
  for (const auto& column : columns) {
    if (std::find(table.primary_key.begin(), table.primary_key.end(), column) != table.primary_key.end()) continue;
    updates.push_back(fmt::format("{0} = excluded.{0}", sql_name(column)));
  }
  return fmt::format("{} ON CONFLICT ({}) DO UPDATE SET {}", sql, fmt::join(sql_names(table.primary_key), ", "),
                     fmt::join(updates, ", "));
}

/// Gives `value` to `put` (InsertRows, or a statement's Parameters) as its type.
template <typename Put>
void put_value(Put& put, const Column& value) {
  switch (value.type()) {
    case ValueType::null: put.null(); return;
    case ValueType::integer: put.integer(value.int64()); return;
    case ValueType::real: put.real(value.real()); return;
    case ValueType::text: put.text(value.view()); return;
  }
}

}  // namespace

std::int64_t rows_beyond_a_new_database(Database& db) {
  std::int64_t rows = 0;
  for (const auto& table : db.tables_in_dependency_order()) {
    if (!filled_when_new(table.name)) rows += row_count(db.sql(), table.name);
  }
  // The head of an empty ledger counts no entry.
  return rows + db.sql().query_integer("SELECT coalesce(max(entries), 0) FROM points_ledger_head");
}

std::vector<TableCount> copy_rows(Database& from, Database& to) {
  auto target_tables = to.tables_in_dependency_order();
  std::vector<TableCount> counts;
  for (const auto& table : from.tables_in_dependency_order()) {
    if (std::none_of(target_tables.begin(), target_tables.end(), [&](const auto& t) { return t.name == table.name; })) {
      throw DatabaseError(Failure::missing_table, fmt::format("no table {} in the copy", table.name), table.name);
    }
    // In key order: a reversal comes after the entry it reverses, as it was written.
    auto order = table.primary_key.empty() ? std::string() : fmt::format(" ORDER BY {}", fmt::join(sql_names(table.primary_key), ", "));
    // What a PostgreSQL schema says of itself in meta (whose it is, its version) stays the
    // copy's own: SQLite keeps both in its header instead.
    auto own_marks = table.name == "meta" ? std::string(" WHERE key NOT IN ('application', 'schema_version')") : std::string();
    Statement rows(from.sql(), fmt::format("SELECT * FROM {}{}{}", sql_name(table.name), own_marks, order));
    std::vector<std::string> columns;  // known from the first row (PostgreSQL names them then)
    std::optional<InsertRows> insert;
    std::optional<Statement> replace;  // a table a new database fills
    std::int64_t replaced = 0;
    TableCount count{table.name, 0, 0};
    while (rows.step()) {
      if (columns.empty()) {
        for (int i = 0; i < rows.column_count(); ++i) columns.push_back(rows.column_name(i));
        if (filled_when_new(table.name)) replace.emplace(to.sql(), replace_sql(table, columns));
        else insert.emplace(to.sql(), insert_head(table, columns));
      }
      std::optional<Parameters> parameters;
      if (replace) parameters.emplace(Parameters{*replace});
      for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
        auto value = rows.column(i);
        // PostgreSQL takes a text up to its first NUL: refused here, where the row is known
        // (its driver refuses it too, with less to say).
        if (value.type() == ValueType::text && value.view().find('\0') != std::string_view::npos) {
          throw DatabaseError(Failure::constraint, fmt::format("a NUL character in {}.{}, row {}", table.name, columns[i], count.read + 1),
                              table.name);
        }
        if (parameters) put_value(*parameters, value);
        else put_value(*insert, value);
      }
      if (replace) {
        replaced += replace->exec();
        replace->reset();
      } else {
        insert->end_row();
      }
      ++count.read;
    }
    if (insert) insert->finish();
    // A table a new database fills keeps rows of its own beside the copied ones: there, the
    // rows the copy wrote.
    count.written = filled_when_new(table.name) ? replaced : row_count(to.sql(), table.name);
    counts.push_back(count);
  }
  return counts;
}

}  // namespace kangle::storage
