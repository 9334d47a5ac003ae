// SPDX-License-Identifier: Apache-2.0
#include "storage/rows.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace kangle::storage {

void bind_text_or_null(Statement& statement, int index, const std::string& value) {
  if (value.empty()) statement.bind_null(index);
  else statement.bind_no_copy(index, value);
}

void bind_days(Statement& statement, int index, const std::optional<Date>& from, const std::optional<Date>& to) {
  statement.bind(index, from ? format_date(*from) : std::string("0000-01-01"));
  statement.bind(index + 1, to ? format_date(*to) : std::string("9999-12-31"));
}

void refuse_stored_value(Statement& statement, int index) {
  auto column = statement.column(index);
  throw WorkspaceError(Message(Msg::stored_value_unreadable, statement.column_name(index),
                          column.is_null() ? std::string("NULL") : column.text()));
}

Date date_at(Statement& statement, int index) {
  if (auto day = optional_date_at(statement, index)) return *day;
  refuse_stored_value(statement, index);
}

std::optional<Date> optional_date_at(Statement& statement, int index) {
  auto column = statement.column(index);
  if (column.is_null()) return std::nullopt;
  if (auto day = parse_date(column.view())) return day;
  refuse_stored_value(statement, index);
}

}  // namespace kangle::storage
