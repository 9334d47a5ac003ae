// SPDX-License-Identifier: Apache-2.0
// Binding values to statements and reading them back, the same way in every store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/dates.hpp"
#include "storage/connection.hpp"

namespace kangle::storage {

/// NULL for an empty text, else the text without a copy: `value` must outlive the
/// statement's next step (an import binds a million of them).
void bind_text_or_null(Statement& statement, int index, const std::string& value);

/// NULL for nothing, else the number.
template <typename Int>
void bind_optional(Statement& statement, int index, const std::optional<Int>& value) {
  if (value) statement.bind(index, static_cast<std::int64_t>(*value));
  else statement.bind_null(index);
}

/// The days from `from` to `to`, as YYYY-MM-DD, for "date BETWEEN ?index AND ?index+1":
/// without a bound, the earliest or the latest day a date can be. Bounds, not "? IS NULL
/// OR date >= ?": an index on the date serves a range, and no index serves that.
void bind_days(Statement& statement, int index, const std::optional<Date>& from, const std::optional<Date>& to);

/// A statement's parameters bound one after the other, from `index` on, by the calls
/// InsertRows takes: one function can give a row to either. Texts are copied.
struct Parameters {
  Statement& statement;
  int index = 1;
  template <typename Int>
    requires std::is_integral_v<Int>
  void integer(Int value) {
    statement.bind(index++, value);
  }
  void real(double value) { statement.bind(index++, value); }
  void text(std::string_view value) { statement.bind(index++, value); }
  void null() { statement.bind_null(index++); }
};

// Reading: a stored value kangle cannot read (a database changed by hand or damaged) is
// refused with the column and the value, never read as something else (0000-00-00, the
// first of a list): a record's date, a rota's day or a ledger entry's would be wrong
// without a word.

/// The day in column `index` of the statement's row.
Date date_at(Statement& statement, int index);

/// The day in column `index`, or nothing when it is NULL.
std::optional<Date> optional_date_at(Statement& statement, int index);

/// Throws WorkspaceError: column `index` holds a value that is not what it should be.
[[noreturn]] void refuse_stored_value(Statement& statement, int index);

}  // namespace kangle::storage
