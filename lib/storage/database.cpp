// SPDX-License-Identifier: Apache-2.0
#include "storage/database.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <utility>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite_driver.hpp"

namespace kangle::storage {

Database::Database(const std::filesystem::path& file, Access access) : file_(file) {
  try {
    std::error_code ec;
    if (access == Access::read_write && !std::filesystem::exists(file, ec)) create();
    // kangle makes its database whole (create()), so an empty one was truncated or
    // replaced: SQLite would take it for a new database and kangle would start afresh.
    if (std::filesystem::is_regular_file(file, ec) && std::filesystem::file_size(file, ec) == 0 && !ec) {
      throw WorkspaceError(Message(Msg::database_empty_file, file.string()));
    }
    db_ = std::make_unique<Connection>(open_sqlite(file.string(), access, false, busy_timeout_ms));
    // Refuse a newer or a foreign database before changing anything in it, journal mode included.
    refuse_foreign();  // first: another program's file is not "a newer kangle's", whatever its user_version
    int version = schema_version();
    if (version > latest_version()) {
      throw WorkspaceError(Message(Msg::database_newer, file.string(), version, latest_version()));
    }
    db_->exec("PRAGMA foreign_keys = ON");
    if (access == Access::read_write) {
      db_->exec("PRAGMA journal_mode = WAL");
      migrate();
    }
  } catch (const DatabaseError& e) {
    if (auto failure = storage_failure(e, file)) throw *failure;
    throw WorkspaceError(Message(Msg::database_open_failed, file.string(), e.what()));
  }
}

void Database::create() {
  // Made beside it under a name of its own and linked into place once migrated: a command
  // killed meanwhile leaves no kangle.db at all, and of two kangles creating it at once,
  // the first link stands.
  auto fresh = file_;
  fresh += fmt::format(".new-{}", ::getpid());
  std::error_code ec;
  std::filesystem::remove(fresh, ec);
  db_ = std::make_unique<Connection>(open_sqlite(fresh.string(), Access::read_write, true, busy_timeout_ms));
  try {
    migrate();
  } catch (...) {
    db_.reset();
    std::filesystem::remove(fresh, ec);
    throw;
  }
  db_.reset();
  std::filesystem::create_hard_link(fresh, file_, ec);
  if (ec && ec != std::errc::file_exists) std::filesystem::rename(fresh, file_, ec);  // a file system without links
  if (ec && ec != std::errc::file_exists) {
    std::filesystem::remove(fresh);
    throw WorkspaceError(Message(Msg::cannot_write_file, file_.string(), ec.message()));
  }
  std::filesystem::remove(fresh, ec);
}

void Database::refuse_foreign() {
  std::int64_t mark = db_->query_integer("PRAGMA application_id");
  if (mark == application_id) return;
  // Unmarked: a kangle database from before the mark (migrations ran, kangle's tables are
  // there; migrate() marks it), or one with nothing in it yet. Anything else is not ours.
  bool blank = !Statement(*db_, "SELECT 1 FROM sqlite_master").step();
  bool kangle_before_mark = schema_version() > 0 && has_table("meta") && has_table("volunteers");
  if (mark == 0 && ((schema_version() == 0 && blank) || kangle_before_mark)) return;
  throw WorkspaceError(Message(Msg::database_not_kangle, file_.string()));
}

int Database::schema_version() { return static_cast<int>(db_->query_integer("PRAGMA user_version")); }

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
    Transaction transaction(*db_, Transaction::write);
    int version = schema_version();
    if (version > latest_version()) throw WorkspaceError(Message(Msg::database_newer, file_.string(), version, latest_version()));
    if (db_->query_integer("PRAGMA application_id") != application_id) {
      static_assert(application_id == 1262571079, "the mark below is application_id");  // SQL as a literal, not formatted
      db_->exec("PRAGMA application_id = 1262571079");
    }
    if (version == latest_version()) {
      transaction.commit();
      return;
    }
    if (version != seen) continue;  // another process migrated meanwhile: look again
    try {
      db_->exec(std::string(all[static_cast<std::size_t>(version)]));
      // The rebuilt table must still hold every reference made to it.
      bool dangling = keys_off && Statement(*db_, "PRAGMA foreign_key_check").step();
      if (dangling) {
        throw WorkspaceError(Message(Msg::database_migration_failed, file_.string(), version + 1, "foreign_key_check"));
      }
      db_->exec(fmt::format("PRAGMA user_version = {}", version + 1));
    } catch (const DatabaseError& e) {
      throw WorkspaceError(Message(Msg::database_migration_failed, file_.string(), version + 1, e.what()));
    }
    transaction.commit();
    if (keys_off) db_->exec("PRAGMA foreign_keys = ON");
  }
}

std::optional<Error> storage_failure(const std::exception& failure, const std::filesystem::path& file) {
  const auto* e = dynamic_cast<const DatabaseError*>(&failure);
  if (!e) return std::nullopt;
  switch (e->failure()) {
    case Failure::busy:
      return WorkspaceError(Message(Msg::database_busy));
    case Failure::full:
      return WorkspaceError(Message(Msg::database_full, file.string()));
    case Failure::read_only:
      return WorkspaceError(Message(Msg::database_read_only, file.string(), e->what()));
    case Failure::unreadable:
      return WorkspaceError(Message(Msg::database_unreadable, file.string(), e->what()));
    case Failure::missing_table:  // dropped behind kangle's back (`kangle check` lists all of them)
      return WorkspaceError(Message(Msg::in_file, file.string(), Message(Msg::database_missing_table, e->what())));
    default:
      return std::nullopt;
  }
}

std::vector<Message> Database::integrity_problems() {
  std::vector<Message> problems;
  Statement integrity(*db_, "PRAGMA integrity_check");
  while (integrity.step()) {
    std::string line = integrity.column(0).text();
    if (line != "ok") problems.emplace_back(Message(Msg::database_integrity, line));
  }
  Statement foreign(*db_, "PRAGMA foreign_key_check");
  while (foreign.step()) {
    problems.emplace_back(Message(Msg::database_foreign_key, foreign.column(0).text(), foreign.column(1).int64(),
                          foreign.column(2).text()));
  }
  return problems;
}

std::vector<Message> Database::missing_schema_objects() {
  using Object = std::pair<std::string, std::string>;  // type, name
  auto objects_of = [](Connection& db) {
    std::set<Object> out;
    Statement q(db, "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    while (q.step()) out.emplace(q.column(0).text(), q.column(1).text());
    return out;
  };
  // What the schema should be: the same migrations applied to an empty database.
  Connection expected(open_sqlite(":memory:", Access::read_write, false, busy_timeout_ms));
  int version = std::min(schema_version(), latest_version());
  for (int i = 0; i < version; ++i) expected.exec(std::string(migrations()[static_cast<std::size_t>(i)]));
  auto present = objects_of(*db_);
  std::vector<Message> problems;
  for (const auto& [type, name] : objects_of(expected)) {
    if (present.contains({type, name})) continue;
    Msg message = type == "table" || type == "view" ? Msg::database_missing_table : type == "trigger" ? Msg::database_missing_trigger
                                                                                     : Msg::database_missing_index;
    problems.emplace_back(message, name);
  }
  return problems;
}

bool Database::has_table(const std::string& name) {
  Statement q(*db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  return q.step();
}

}  // namespace kangle::storage
