// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "storage/connection.hpp"

namespace kangle::storage {

/// Where a workspace's database is: its SQLite file, or a schema of a PostgreSQL database
/// shared by a district (the first of the search_path that libpq's URL sets, as in
/// `?options=-csearch_path%3Dkangjian`; public by default).
struct DatabaseLocation {
  std::filesystem::path file;
  std::string postgres_url;
  /// Whether a writing command makes it when it is missing: kangle.db in the workspace, or
  /// what `init` and `db copy` make; not a database named by --db, KANGLE_DB or kangle.toml,
  /// where a typo would otherwise start an empty workspace without a word.
  bool made_when_missing = true;
  bool postgres() const { return !postgres_url.empty(); }
  /// How messages name it: the file, or the URL with any password masked.
  std::string shown() const;
};

/// A table as a copy needs it: its name and its primary key's columns (none for a table
/// without one).
struct TableShape {
  std::string name;
  std::vector<std::string> primary_key;
};

/// Called before a database that an older kangle made is upgraded, with its schema's
/// version and this kangle's: over years of records that can take a minute. The program
/// sets it once (a line on a terminal); nothing is called by default.
void on_upgrade(std::function<void(int from, int to)> notice);

/// The workspace database: kangle.db, SQLite in WAL mode with foreign keys on and a busy
/// timeout, so that two kangle processes wait for each other instead of failing; or a
/// PostgreSQL schema, whose writers wait for each other the same way (Transaction).
class Database {
public:
  /// Opens `file`; with read_write, creates it when missing (whole: migrated beside it,
  /// then linked into place) and applies every pending migration, each in its own
  /// transaction. Throws WorkspaceError, leaving the file untouched, when the database was
  /// written by a newer kangle, is not kangle's (another program's SQLite file, an empty
  /// file), or cannot be opened or read.
  Database(const std::filesystem::path& file, Access access);
  /// The same on PostgreSQL: a schema with no table in it gets kangle's whole schema at
  /// once (made first when the search_path names one that does not exist yet).
  Database(const DatabaseLocation& location, Access access);

  Connection& sql() { return *db_; }
  /// The migration the database is at (`PRAGMA user_version`).
  int schema_version();
  /// The migration this binary brings it to.
  static int latest_version();

  /// Problems `PRAGMA integrity_check` and `foreign_key_check` report; empty when sound
  /// (PostgreSQL keeps its foreign keys itself, and reports damage as it reads).
  std::vector<Message> integrity_problems();
  /// The tables, indexes and triggers that the migrations up to this database's version
  /// make and that it lacks (dropped behind kangle's back), one problem each.
  std::vector<Message> missing_schema_objects();
  /// Whether the database has a table of that name.
  bool has_table(const std::string& name);
  /// The database's tables, each after every table it refers to (the order to fill an
  /// empty database in), with their primary keys' columns, read from its catalogue.
  std::vector<TableShape> tables_in_dependency_order();

private:
  void open_sqlite_file(Access access);
  void open_postgres_schema(Access access);
  void create();
  void refuse_foreign();
  void migrate();
  void make_postgres_schema();
  void migrate_postgres();
  DatabaseLocation location_;
  std::unique_ptr<Connection> db_;
};

/// The error to show for a failure of the database `file` that escaped a command: another
/// kangle holding the workspace longer than the busy timeout, a full disk, a read-only
/// folder, a damaged file. Nothing when `failure` is not such a failure.
std::optional<Error> storage_failure(const std::exception& failure, const std::filesystem::path& file);

/// What `PRAGMA application_id` holds in a database kangle made ("KANG"): another
/// program's SQLite file is refused, not adopted.
inline constexpr int application_id = 0x4B414E47;

/// How long a command waits for another kangle's write to finish before giving up.
inline constexpr int busy_timeout_ms = 10'000;

}  // namespace kangle::storage
