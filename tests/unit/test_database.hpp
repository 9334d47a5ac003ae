// SPDX-License-Identifier: Apache-2.0
// Where a test's database is: a SQLite file in its folder, or with KANGLE_TEST_DB set (as
// scripts/with_postgres.sh sets it) a schema of the test's own in that PostgreSQL
// database, dropped at the end.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres_driver.hpp"
#include "storage/sqlite_driver.hpp"
#include "temp_dir.hpp"

namespace kangle::test {

class TestDatabase {
public:
  explicit TestDatabase(const std::filesystem::path& folder) {
    const char* url = std::getenv("KANGLE_TEST_DB");
    location_.file = folder / "kangle.db";
    if (!url || !*url) return;
    server_url_ = url;
    // A name of its own, from the folder's (unique on this machine).
    schema_ = "test_" + folder.filename().string();
    std::replace_if(schema_.begin(), schema_.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    location_.postgres_url = server_url_ + (server_url_.find('?') == std::string::npos ? "?" : "&") +
                             "options=-csearch_path%3D" + schema_;
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase() {
    if (schema_.empty()) return;
    try {
      storage::Connection(storage::open_postgres(server_url_, storage::Access::read_write, 0))
          .exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    } catch (...) {  // the throwaway cluster goes anyway
    }
  }

  const storage::DatabaseLocation& location() const { return location_; }
  bool postgres() const { return location_.postgres(); }
  /// A connection to the test's schema, made when missing, with none of kangle's tables.
  storage::Connection connect(int busy_timeout_ms = 0) const {
    storage::Connection db(storage::open_postgres(location_.postgres_url, storage::Access::read_write, busy_timeout_ms));
    db.exec("CREATE SCHEMA IF NOT EXISTS " + schema_);
    return db;
  }

private:
  storage::DatabaseLocation location_;
  std::string server_url_;
  std::string schema_;
};

/// A SQLite database at `file` as kangle's first `version` migrations left it, for a test
/// of the migration after, which must rebuild a table with the foreign keys off.
inline storage::Connection sqlite_at_version(const std::filesystem::path& file, std::size_t version) {
  const auto& all = storage::migrations();
  if (all.size() <= version || !all[version].starts_with(storage::foreign_keys_off)) {
    throw std::logic_error("migration " + std::to_string(version + 1) + " rebuilds no table");
  }
  storage::Connection db(storage::open_sqlite(file.string(), storage::Access::read_write, true, 0));
  db.exec("PRAGMA foreign_keys = ON");
  for (std::size_t i = 0; i < version; ++i) db.exec(std::string(all[i]));
  db.exec("PRAGMA user_version = " + std::to_string(version));
  return db;
}

/// `file` as sqlite_at_version left it, `rows` (SQL) written into it, then opened as kangle
/// opens it: migrated to the latest version.
inline std::unique_ptr<storage::Database> migrated_from(const std::filesystem::path& file, std::size_t version,
                                                        const std::vector<std::string>& rows) {
  {
    auto old = sqlite_at_version(file, version);
    for (const auto& sql : rows) old.exec(sql);
  }
  return std::make_unique<storage::Database>(file, storage::Access::read_write);
}

}  // namespace kangle::test
