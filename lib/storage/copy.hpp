// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kangle::storage {

/// A table's rows: read from the database copied, and counted in the copy afterwards.
struct TableCount {
  std::string table;
  std::int64_t read = 0;
  std::int64_t written = 0;
};

/// The rows `db` holds beyond what a new database starts with (its marks in meta, the
/// ledger's empty head): 0 for a database a copy may go into.
std::int64_t rows_beyond_a_new_database(Database& db);

/// Copies every row of every table of `from` into `to`, each table after those it refers
/// to, each row with its own id; the rows a new database starts with are replaced by the
/// copied ones. Runs inside the transactions the caller holds (a read on `from`, a write
/// on `to`). Throws DatabaseError when `to` refuses a row or lacks a table of `from`.
std::vector<TableCount> copy_rows(Database& from, Database& to);

}  // namespace kangle::storage
