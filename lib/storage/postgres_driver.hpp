// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "storage/driver.hpp"

namespace kangle::storage {

/// A connection to the PostgreSQL database at `url` (libpq's URL or key=value string; a
/// password comes from libpq's own ~/.pgpass, PGPASSWORD or service file, never from
/// kangle). A write transaction waits at most `busy_timeout_ms` for another's, then fails
/// as busy. Statements are written as for SQLite (`?` and `:name` parameters).
std::unique_ptr<ConnectionDriver> open_postgres(const std::string& url, Access access, int busy_timeout_ms);

/// SQL with `?` and `:name` parameters as PostgreSQL numbers them ($1, $2, ...; one
/// number for each name however often it is used), quoted text and `::` casts left as
/// they are.
struct NumberedSql {
  std::string text;
  int parameters = 0;
  std::map<std::string, int, std::less<>> names;  // ":name" -> its number
};
NumberedSql number_parameters(std::string_view sql);

}  // namespace kangle::storage
