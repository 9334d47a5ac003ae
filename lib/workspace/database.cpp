// SPDX-License-Identifier: Apache-2.0
#include "workspace/database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "workspace/migrations.hpp"

namespace kangle::workspace {

Database::Database(const std::filesystem::path& file, Access access) : file_(file) {
  // Nothing reads SQLite's count of the memory it uses, which takes a global mutex around
  // every allocation (5% of an import). It can only be turned off before SQLite's first
  // use; later the call does nothing.
  [[maybe_unused]] static const int memory_status_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  int flags = access == Access::read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // One thread uses a connection: no mutex taken around every call (4% of an import).
  flags |= SQLite::OPEN_NOMUTEX;
  try {
    db_ = std::make_unique<SQLite::Database>(file.string(), flags, busy_timeout_ms);
    // Refuse a newer database before changing anything in it, journal mode included.
    int version = schema_version();
    if (version > latest_version()) {
      throw WorkspaceError(tr(Msg::database_newer, file.string(), version, latest_version()));
    }
    db_->exec("PRAGMA foreign_keys = ON");
    if (access == Access::read_write) {
      db_->exec("PRAGMA journal_mode = WAL");
      migrate();
    }
  } catch (const SQLite::Exception& e) {
    if (auto failure = storage_failure(e)) throw *failure;
    throw WorkspaceError(tr(Msg::database_open_failed, file.string(), e.what()));
  }
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

int Database::latest_version() { return static_cast<int>(migrations().size()); }

void Database::migrate() {
  const auto& all = migrations();
  for (;;) {
    // A migration that rebuilds a table runs with the foreign keys off, as SQLite asks;
    // the pragma does nothing inside a transaction, so it is set before one begins.
    int seen = schema_version();
    bool keys_off = seen < latest_version() && all[static_cast<std::size_t>(seen)].starts_with(foreign_keys_off);
    db_->exec(keys_off ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON");
    // IMMEDIATE: two processes opening a new workspace at once migrate one after the other.
    SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    int version = schema_version();
    if (version > latest_version()) throw WorkspaceError(tr(Msg::database_newer, file_.string(), version, latest_version()));
    if (version == latest_version()) {
      transaction.commit();
      return;
    }
    if (version != seen) continue;  // another process migrated meanwhile: look again
    try {
      db_->exec(std::string(all[static_cast<std::size_t>(version)]));
      // The rebuilt table must still hold every reference made to it.
      bool dangling = keys_off && SQLite::Statement(*db_, "PRAGMA foreign_key_check").executeStep();
      if (dangling) {
        throw WorkspaceError(tr(Msg::database_migration_failed, file_.string(), version + 1, "foreign_key_check"));
      }
      db_->exec(fmt::format("PRAGMA user_version = {}", version + 1));
    } catch (const SQLite::Exception& e) {
      throw WorkspaceError(tr(Msg::database_migration_failed, file_.string(), version + 1, e.what()));
    }
    transaction.commit();
    if (keys_off) db_->exec("PRAGMA foreign_keys = ON");
  }
}

std::optional<Error> storage_failure(const std::exception& failure) {
  const auto* e = dynamic_cast<const SQLite::Exception*>(&failure);
  if (!e) return std::nullopt;
  switch (e->getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return WorkspaceError(tr(Msg::database_busy));
    case SQLITE_FULL:
      return WorkspaceError(tr(Msg::database_full));
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return WorkspaceError(tr(Msg::database_read_only, e->what()));
    default:
      return std::nullopt;
  }
}

std::vector<std::string> Database::integrity_problems() {
  std::vector<std::string> problems;
  SQLite::Statement integrity(*db_, "PRAGMA integrity_check");
  while (integrity.executeStep()) {
    std::string line = integrity.getColumn(0).getString();
    if (line != "ok") problems.push_back(tr(Msg::database_integrity, line));
  }
  SQLite::Statement foreign(*db_, "PRAGMA foreign_key_check");
  while (foreign.executeStep()) {
    problems.push_back(tr(Msg::database_foreign_key, foreign.getColumn(0).getString(), foreign.getColumn(1).getInt64(),
                          foreign.getColumn(2).getString()));
  }
  return problems;
}

}  // namespace kangle::workspace
