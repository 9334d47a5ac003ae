// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kangle::storage {

/// The schema on PostgreSQL: the tables, columns, indexes, triggers and view that SQLite's
/// migrations make up to this version, created at once in an empty schema. Each later
/// SQLite migration gets a PostgreSQL one beside it, under the same number.
inline constexpr int postgres_baseline_version = 16;
const std::string& postgres_schema();
/// The PostgreSQL migrations after the baseline, the first making version baseline + 1:
/// each does on PostgreSQL what the SQLite migration of its number does.
const std::vector<std::string_view>& postgres_migrations();

/// The SQL that makes `kangle_number_rows(table)`: from then on, a new row of `table`
/// without an id gets the largest plus one, as SQLite numbers an INTEGER PRIMARY KEY. Not
/// a sequence, which a rolled-back command would use up: ids stay dense, the same on both
/// databases for the same commands. Writers run one at a time (Transaction), so two never
/// take one number.
const char* postgres_numbering();

}  // namespace kangle::storage
