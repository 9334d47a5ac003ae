// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace kangle::workspace {

enum class Access { read_only, read_write };

/// The workspace database, kangle.db: SQLite in WAL mode with foreign keys on and a
/// busy timeout, so that two kangle processes wait for each other instead of failing.
class Database {
public:
  /// Opens `file`; with read_write, creates it when missing and applies every pending
  /// migration, each in its own transaction. Throws WorkspaceError when the database
  /// was written by a newer kangle (and leaves it untouched) or cannot be opened.
  Database(const std::filesystem::path& file, Access access);

  SQLite::Database& sql() { return *db_; }
  /// The migration the database is at (`PRAGMA user_version`).
  int schema_version();
  /// The migration this binary brings it to.
  static int latest_version();

  /// Problems `PRAGMA integrity_check` and `foreign_key_check` report; empty when sound.
  std::vector<std::string> integrity_problems();

private:
  void migrate();
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
};

/// The error to show for a failure of the database layer that escaped a command: another
/// kangle holding the workspace longer than the busy timeout, a full disk, a read-only
/// folder. Nothing when `failure` is not such a failure.
std::optional<Error> storage_failure(const std::exception& failure);

/// How long a command waits for another kangle's write to finish before giving up.
inline constexpr int busy_timeout_ms = 10'000;

}  // namespace kangle::workspace
