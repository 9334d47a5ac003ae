// SPDX-License-Identifier: Apache-2.0
#include "storage/rows.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace kangle::storage {

void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty()) statement.bind(index);
  else statement.bindNoCopy(index, value);
}

void bind_text(SQLite::Statement& statement, int index, std::string_view value) {
  statement.bind(index, std::string(value));
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<Date>& day) {
  if (day) statement.bind(index, format_date(*day));
  else statement.bind(index);
}

void refuse_stored_value(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  throw WorkspaceError(Message(Msg::stored_value_unreadable, statement.getColumnName(index),
                          column.isNull() ? std::string("NULL") : column.getString()));
}

Date date_at(SQLite::Statement& statement, int index) {
  if (auto day = optional_date_at(statement, index)) return *day;
  refuse_stored_value(statement, index);
}

std::optional<Date> optional_date_at(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  if (column.isNull()) return std::nullopt;
  if (auto day = parse_date(column.getString())) return day;
  refuse_stored_value(statement, index);
}

}  // namespace kangle::storage
