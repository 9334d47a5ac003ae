// SPDX-License-Identifier: Apache-2.0
#include "storage/database.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres_driver.hpp"
#include "storage/postgres_schema.hpp"
#include "storage/sqlite_driver.hpp"

namespace kangle::storage {

std::string DatabaseLocation::shown() const { return postgres() ? text::mask_password(postgres_url) : file.string(); }

Database::Database(const std::filesystem::path& file, Access access) : Database(DatabaseLocation{file, {}}, access) {}

Database::Database(const DatabaseLocation& location, Access access) : location_(location) {
  try {
    if (location.postgres()) open_postgres_schema(access);
    else open_sqlite_file(access);
  } catch (const DatabaseError& e) {
    if (auto failure = storage_failure(e, location.shown())) throw *failure;
    throw WorkspaceError(Message(Msg::database_open_failed, location.shown(), e.what()));
  }
}

void Database::open_sqlite_file(Access access) {
  const auto& file = location_.file;
  std::error_code ec;
  if (access == Access::read_write && !std::filesystem::exists(file, ec)) {
    if (!location_.made_when_missing) throw WorkspaceError(Message(Msg::database_not_found, file.string()));
    create();
  }
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
}

void Database::open_postgres_schema(Access access) {
  db_ = std::make_unique<Connection>(open_postgres(location_.postgres_url, access, busy_timeout_ms));
  if (access == Access::read_write && !location_.made_when_missing && schema_version() == 0) {
    throw WorkspaceError(Message(Msg::database_not_found, location_.shown()));
  }
  if (access == Access::read_write) make_postgres_schema();
  refuse_foreign();
  int version = schema_version();
  if (version > latest_version()) {
    throw WorkspaceError(Message(Msg::database_newer, location_.shown(), version, latest_version()));
  }
  if (access == Access::read_write) migrate_postgres();
}

void Database::create() {
  // Made beside it under a name of its own and linked into place once migrated: a command
  // killed meanwhile leaves no kangle.db at all, and of two kangles creating it at once,
  // the first link stands.
  auto fresh = location_.file;
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
  std::filesystem::create_hard_link(fresh, location_.file, ec);
  if (ec && ec != std::errc::file_exists) std::filesystem::rename(fresh, location_.file, ec);  // a file system without links
  if (ec && ec != std::errc::file_exists) {
    std::filesystem::remove(fresh);
    throw WorkspaceError(Message(Msg::cannot_write_file, location_.shown(), ec.message()));
  }
  std::filesystem::remove(fresh, ec);
}

void Database::refuse_foreign() {
  if (location_.postgres()) {
    // kangle's schema is marked in meta; a schema with tables and no mark is not kangle's.
    bool ours = has_table("meta") &&
                db_->query_integer("SELECT count(*) FROM meta WHERE key = 'application' AND value = 'kangle'") == 1;
    if (ours || db_->query_integer("SELECT count(*) FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())") == 0) return;
    throw WorkspaceError(Message(Msg::database_not_kangle, location_.shown()));
  }
  std::int64_t mark = db_->query_integer("PRAGMA application_id");
  if (mark == application_id) return;
  // Unmarked: a kangle database from before the mark (migrations ran, kangle's tables are
  // there; migrate() marks it), or one with nothing in it yet. Anything else is not ours.
  bool blank = !Statement(*db_, "SELECT 1 FROM sqlite_master").step();
  bool kangle_before_mark = schema_version() > 0 && has_table("meta") && has_table("volunteers");
  if (mark == 0 && ((schema_version() == 0 && blank) || kangle_before_mark)) return;
  throw WorkspaceError(Message(Msg::database_not_kangle, location_.shown()));
}

int Database::schema_version() {
  if (!location_.postgres()) return static_cast<int>(db_->query_integer("PRAGMA user_version"));
  if (!has_table("meta")) return 0;
  return static_cast<int>(db_->query_integer("SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'schema_version'"));
}

int Database::latest_version() { return static_cast<int>(migrations().size()); }

namespace {

std::function<void(int, int)>& upgrade_notice() {
  static std::function<void(int, int)> notice;
  return notice;
}

/// Tells the program that a database at `version`, made by an older kangle, is upgraded now.
void tell_upgrade(int version) {
  if (version > 0 && version < Database::latest_version() && upgrade_notice()) upgrade_notice()(version, Database::latest_version());
}

}  // namespace

void on_upgrade(std::function<void(int from, int to)> notice) { upgrade_notice() = std::move(notice); }

void Database::migrate() {
  const auto& all = migrations();
  tell_upgrade(schema_version());
  for (;;) {
    // A migration that rebuilds a table runs with the foreign keys off, as SQLite asks;
    // the pragma does nothing inside a transaction, so it is set before one begins.
    int seen = schema_version();
    bool keys_off = seen < latest_version() && all[static_cast<std::size_t>(seen)].starts_with(foreign_keys_off);
    db_->exec(keys_off ? "PRAGMA foreign_keys = OFF" : "PRAGMA foreign_keys = ON");
    // IMMEDIATE: two processes opening a new workspace at once migrate one after the other.
    Transaction transaction(*db_, Transaction::write);
    int version = schema_version();
    if (version > latest_version()) throw WorkspaceError(Message(Msg::database_newer, location_.shown(), version, latest_version()));
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
        throw WorkspaceError(Message(Msg::database_migration_failed, location_.shown(), version + 1, "foreign_key_check"));
      }
      db_->exec(fmt::format("PRAGMA user_version = {}", version + 1));
    } catch (const DatabaseError& e) {
      throw WorkspaceError(Message(Msg::database_migration_failed, location_.shown(), version + 1, e.what()));
    }
    transaction.commit();
    if (keys_off) db_->exec("PRAGMA foreign_keys = ON");
  }
}

void Database::make_postgres_schema() {
  // The schema the search_path names first, made when missing (not "$user": then public).
  try {
    db_->exec(R"sql(
      DO $$
      DECLARE first TEXT := trim(both ' "' from split_part(current_setting('search_path'), ',', 1));
      BEGIN
        -- Only when missing: CREATE SCHEMA asks for the right to create even with IF NOT
        -- EXISTS, which the application's role has not (docs/postgresql.md).
        IF first <> '' AND first <> '$user' AND NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = first) THEN
          EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', first);
        END IF;
      END $$)sql");
  } catch (const DatabaseError& e) {
    if (e.failure() != Failure::unique) throw;  // made by another command at the same moment
  }
}

void Database::migrate_postgres() {
  // Under the write lock: two commands opening a new schema at once make it one after the other.
  Transaction transaction(*db_, Transaction::write);
  int version = schema_version();
  if (version > latest_version()) throw WorkspaceError(Message(Msg::database_newer, location_.shown(), version, latest_version()));
  bool made_now = version == 0;
  if (made_now) {
    db_->exec(postgres_schema());
    Statement mark(*db_, "INSERT INTO meta (key, value) VALUES ('application', 'kangle'), ('schema_version', ?)");
    mark.bind(1, std::to_string(postgres_baseline_version));
    mark.exec();
    version = postgres_baseline_version;
  }
  const auto& later = postgres_migrations();
  if (postgres_baseline_version + static_cast<int>(later.size()) != latest_version()) {
    throw std::logic_error("a PostgreSQL migration for each SQLite one after the baseline");
  }
  if (!made_now) tell_upgrade(version);
  for (; version < latest_version(); ++version) {
    try {
      db_->exec(std::string(later[static_cast<std::size_t>(version - postgres_baseline_version)]));
    } catch (const DatabaseError& e) {
      throw WorkspaceError(Message(Msg::database_migration_failed, location_.shown(), version + 1, e.what()));
    }
    Statement mark(*db_, "UPDATE meta SET value = ? WHERE key = 'schema_version'");
    mark.bind(1, std::to_string(version + 1));
    mark.exec();
  }
  transaction.commit();
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
    case Failure::unreachable:
      return WorkspaceError(Message(Msg::database_unreachable, file.string(), e->what()));
    case Failure::serialization:
      return WorkspaceError(Message(Msg::database_conflict));
    case Failure::missing_table:  // dropped behind kangle's back (`kangle check` lists all of them)
      return WorkspaceError(Message(Msg::in_file, file.string(), Message(Msg::database_missing_table, e->subject())));
    default:
      return std::nullopt;
  }
}

std::vector<Message> Database::integrity_problems() {
  std::vector<Message> problems;
  if (location_.postgres()) return problems;
  Statement integrity(*db_, "PRAGMA integrity_check");
  while (integrity.step()) {
    std::string line = integrity.column(0).text();
    if (line != "ok") problems.emplace_back(Message(Msg::database_integrity, line));
  }
  Statement foreign(*db_, "PRAGMA foreign_key_check");
  while (foreign.step()) {
    // A table kept by its key alone (volunteer_skills) numbers no row.
    if (foreign.column(1).is_null()) {
      problems.emplace_back(Message(Msg::database_foreign_key_unnumbered, foreign.column(0).text(), foreign.column(2).text()));
    } else {
      problems.emplace_back(Message(Msg::database_foreign_key, foreign.column(0).text(), foreign.column(1).int64(),
                                    foreign.column(2).text()));
    }
  }
  return problems;
}

std::vector<Message> Database::missing_schema_objects() {
  using Object = std::pair<std::string, std::string>;  // type, name
  auto objects_of = [](Connection& db, bool postgres) {
    std::set<Object> out;
    Statement q(db, postgres ? R"sql(
        SELECT 'table', tablename FROM pg_tables WHERE schemaname = current_schema()
        UNION ALL SELECT 'view', viewname FROM pg_views WHERE schemaname = current_schema()
        UNION ALL SELECT 'index', indexname FROM pg_indexes WHERE schemaname = current_schema()
        UNION ALL SELECT 'trigger', t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT t.tgisinternal)sql"
                             : "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    while (q.step()) out.emplace(q.column(0).text(), q.column(1).text());
    return out;
  };
  // What the schema should be: the same migrations applied to an empty database.
  Connection expected(open_sqlite(":memory:", Access::read_write, false, busy_timeout_ms));
  int version = std::min(schema_version(), latest_version());
  for (int i = 0; i < version; ++i) expected.exec(std::string(migrations()[static_cast<std::size_t>(i)]));
  auto present = objects_of(*db_, location_.postgres());
  std::vector<Message> problems;
  for (const auto& [type, name] : objects_of(expected, false)) {
    if (present.contains({type, name})) continue;
    Msg message = type == "table" || type == "view" ? Msg::database_missing_table : type == "trigger" ? Msg::database_missing_trigger
                                                                                     : Msg::database_missing_index;
    problems.emplace_back(message, name);
  }
  return problems;
}

std::vector<TableShape> Database::tables_in_dependency_order() {
  const bool postgres = location_.postgres();
  std::map<std::string, TableShape> tables;
  Statement names(*db_, postgres ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                                 : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  while (names.step()) tables[names.column(0).text()].name = names.column(0).text();
  Statement keys(*db_, postgres ? "SELECT c.relname, a.attname FROM pg_index i "
                                  "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid "
                                  "CROSS JOIN generate_subscripts(i.indkey, 1) AS k "
                                  "WHERE i.indisprimary AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
                                  "AND a.attnum = i.indkey[k] ORDER BY c.relname, k"
                                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
                                  "WHERE m.type = 'table' AND p.pk > 0 ORDER BY m.name, p.pk");
  while (keys.step()) {
    if (auto t = tables.find(keys.column(0).text()); t != tables.end()) t->second.primary_key.push_back(keys.column(1).text());
  }
  std::map<std::string, std::set<std::string>> refers_to;
  Statement references(*db_, postgres ? "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
                                        "WHERE c.contype = 'f' AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
                                      : "SELECT m.name, f.\"table\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f "
                                        "WHERE m.type = 'table'");
  while (references.step()) {
    auto from = references.column(0).text(), to = references.column(1).text();
    if (from != to) refers_to[from].insert(to);  // a reversal refers to an earlier row of its own table
  }
  // Each round takes, in name order, the tables whose references are all placed.
  std::vector<TableShape> ordered;
  std::set<std::string> placed;
  while (ordered.size() < tables.size()) {
    auto before = ordered.size();
    for (const auto& [name, shape] : tables) {
      if (placed.count(name)) continue;
      const auto& needed = refers_to[name];
      if (std::all_of(needed.begin(), needed.end(), [&](const auto& t) { return placed.count(t) || !tables.count(t); })) {
        ordered.push_back(shape);
        placed.insert(name);
      }
    }
    if (ordered.size() == before) throw DatabaseError(Failure::other, "the tables refer to each other in a circle");
  }
  return ordered;
}

bool Database::has_table(const std::string& name) {
  Statement q(*db_, location_.postgres() ? "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?"
                                         : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  return q.step();
}

}  // namespace kangle::storage
