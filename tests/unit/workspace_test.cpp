// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "config/loader.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite_driver.hpp"
#include "temp_dir.hpp"
#include "workspace/check.hpp"
#include "workspace/init.hpp"
#include "workspace/workspace.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace workspace_test {

namespace fs = std::filesystem;
using kangle::Lang;
using kangle::WorkspaceError;
using kangle::test::TempDir;
using kangle::storage::Access;
using kangle::storage::Database;
using kangle::workspace::find_workspace;

namespace {

/// A folder with a kangle.toml in it: the marker is all find_workspace looks for.
fs::path make_workspace(const TempDir& dir, const fs::path& relative) {
  dir.write(relative / "kangle.toml", "name = \"test\"\n");
  return dir.path() / relative;
}

int user_version(const fs::path& file) {
  kangle::storage::Connection db(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0));
  return static_cast<int>(db.query_integer("PRAGMA user_version"));
}

std::string journal_mode(const fs::path& file) {
  kangle::storage::Connection db(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0));
  return db.query_text("PRAGMA journal_mode");
}

/// The message of the WorkspaceError `f` throws, or a test failure when it throws none.
template <typename F>
std::string workspace_error_of(F f, Lang lang = Lang::en) {
  try {
    f();
  } catch (const WorkspaceError& e) {
    CHECK(e.exit_code() == kangle::ExitCode::workspace);
    CHECK(std::string(e.what()) == e.message().in(Lang::en));
    return e.message().in(lang);
  }
  FAIL("no WorkspaceError thrown");
  return {};
}

}  // namespace

// ─── find_workspace ──────────────────────────────────────────────────────────────

TEST_CASE("find_workspace, walks up from a nested folder to the one holding kangle.toml") {
  TempDir dir;
  auto root = make_workspace(dir, "street");
  fs::create_directories(root / "kiosks" / "deep" / "deeper");
  CHECK(find_workspace(root / "kiosks" / "deep" / "deeper", std::nullopt, std::nullopt) == root);
  CHECK(find_workspace(root, std::nullopt, std::nullopt) == root);
}

TEST_CASE("find_workspace, the nearest workspace wins over an enclosing one") {
  TempDir dir;
  make_workspace(dir, "outer");
  auto inner = make_workspace(dir, "outer/inner");
  fs::create_directories(inner / "sub");
  CHECK(find_workspace(inner / "sub", std::nullopt, std::nullopt) == inner);
}

TEST_CASE("find_workspace, a folder named kangle.toml is not a marker") {
  TempDir dir;
  auto outer = make_workspace(dir, "outer");
  fs::create_directories(outer / "inner" / "kangle.toml");
  CHECK(find_workspace(outer / "inner", std::nullopt, std::nullopt) == outer);
}

TEST_CASE("find_workspace, the explicit folder wins over the environment's") {
  TempDir dir;
  auto flag = make_workspace(dir, "flag");
  auto env = make_workspace(dir, "env");
  auto walked = make_workspace(dir, "walked");
  CHECK(find_workspace(walked, flag, env) == flag);
  CHECK(find_workspace(walked, flag, std::nullopt) == flag);
}

TEST_CASE("find_workspace, the environment's folder wins over the walk") {
  TempDir dir;
  auto env = make_workspace(dir, "env");
  auto walked = make_workspace(dir, "walked");
  CHECK(find_workspace(walked, std::nullopt, env) == env);
}

TEST_CASE("find_workspace, a chosen folder is normalised") {
  TempDir dir;
  auto flag = make_workspace(dir, "flag");
  fs::create_directories(dir.path() / "other");
  CHECK(find_workspace(dir.path(), dir.path() / "other" / ".." / "flag", std::nullopt) == flag);
}

TEST_CASE("find_workspace, a chosen folder without kangle.toml is refused") {
  TempDir dir;
  auto good = make_workspace(dir, "good");
  auto empty = dir.path() / "empty";
  fs::create_directories(empty);
  // Even when the walk, or the environment, would have found a workspace.
  CHECK(workspace_error_of([&] { find_workspace(good, empty, good); }) ==
        empty.string() + " is not a kangle workspace (no kangle.toml in it)");
  CHECK(workspace_error_of([&] { find_workspace(good, std::nullopt, empty); }) ==
        empty.string() + " is not a kangle workspace (no kangle.toml in it)");
  auto missing = dir.path() / "missing";
  CHECK(workspace_error_of([&] { find_workspace(good, missing, std::nullopt); }) ==
        missing.string() + " is not a kangle workspace (no kangle.toml in it)");
}

TEST_CASE("find_workspace, no workspace anywhere up the tree") {
  TempDir dir;
  auto start = dir.path() / "a" / "b";
  fs::create_directories(start);
  // Precondition: nothing above the temporary folder is a workspace.
  for (auto p = dir.path(); ; p = p.parent_path()) {
    INFO("checking " << p);
    REQUIRE_FALSE(fs::exists(p / "kangle.toml"));
    if (p == p.parent_path()) break;
  }
  CHECK(workspace_error_of([&] { find_workspace(start, std::nullopt, std::nullopt); }) ==
        "not in a kangle workspace (no kangle.toml here or in any parent folder); use -w DIR or run `kangle init`");
  CHECK(workspace_error_of([&] { find_workspace(start, std::nullopt, std::nullopt); }, Lang::zh_CN) ==
        "当前不在 kangle 工作区中（本目录及上级目录都没有 kangle.toml）；请用 -w 目录 指定，或先运行 `kangle init`");
}

// ─── Database ────────────────────────────────────────────────────────────────────

TEST_CASE("Database, a new file is migrated to the latest version in WAL mode") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  REQUIRE(Database::latest_version() == static_cast<int>(kangle::storage::migrations().size()));
  REQUIRE(Database::latest_version() >= 1);
  {
    Database db(file, Access::read_write);
    CHECK(db.schema_version() == Database::latest_version());
    CHECK(db.sql().query_integer("PRAGMA foreign_keys") == 1);
    CHECK(db.sql().query_integer("SELECT count(*) FROM meta WHERE key = 'created_at'") == 1);
  }
  CHECK(fs::is_regular_file(file));
  CHECK(user_version(file) == Database::latest_version());
  CHECK(journal_mode(file) == "wal");
  // Opening again changes nothing.
  Database again(file, Access::read_write);
  CHECK(again.schema_version() == Database::latest_version());
  CHECK(again.sql().query_integer("SELECT count(*) FROM meta") == 1);
}

TEST_CASE("Database, a database from a newer kangle is refused and left untouched") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  int newer = Database::latest_version() + 1;
  {
    kangle::storage::Connection raw(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_write, true, 0));
    raw.exec("PRAGMA user_version = " + std::to_string(newer));
    raw.exec("PRAGMA application_id = " + std::to_string(kangle::storage::application_id));  // a newer kangle marks it
  }
  REQUIRE(journal_mode(file) != "wal");
  auto expected = file.string() + " was written by a newer kangle (schema " + std::to_string(newer) +
                  ", this kangle knows up to " + std::to_string(Database::latest_version()) +
                  "); upgrade kangle — the database was not touched";
  CHECK(workspace_error_of([&] { Database db(file, Access::read_write); }) == expected);
  CHECK(workspace_error_of([&] { Database db(file, Access::read_only); }) == expected);
  CHECK(user_version(file) == newer);
  CHECK(journal_mode(file) == "delete");
  CHECK_FALSE(fs::exists(dir.path() / "kangle.db-wal"));
  kangle::storage::Connection raw(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0));
  CHECK(raw.query_integer("SELECT count(*) FROM sqlite_master") == 0);  // no migration ran
}

TEST_CASE("Database, read-only does not create a missing file") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  auto message = workspace_error_of([&] { Database db(file, Access::read_only); });
  CHECK_THAT(message, Catch::StartsWith("cannot open the database " + file.string() + ": "));
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE("Database, a full disk and a read-only workspace get clear messages, and nothing is half written") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  { Database db(file, Access::read_write); }
  auto insert_many = [](kangle::storage::Connection& db) {
    kangle::storage::Transaction transaction(db, kangle::storage::Transaction::write);
    for (int i = 0; i < 5000; ++i) {
      db.exec("INSERT INTO volunteers (name, phone, created_at, updated_at) VALUES ('x', '1380013" +
              std::to_string(1000 + i) + "', 'now', 'now')");
    }
    transaction.commit();
  };
  auto message_of = [&](Access access, bool full) {
    Database db(file, access);
    if (full) db.sql().exec("PRAGMA max_page_count = " + std::to_string(db.sql().query_integer("PRAGMA page_count")));
    try {
      insert_many(db.sql());
    } catch (const std::exception& e) {
      auto failure = kangle::storage::storage_failure(e, file);
      if (failure) CHECK((failure->message().id() == kangle::Msg::database_full || failure->message().id() == kangle::Msg::database_read_only));
      return failure ? std::string(failure->what()) : std::string("raw: ") + e.what();
    }
    return std::string("(no error)");
  };
  CHECK(message_of(Access::read_write, true) ==
        "the disk is full, " + file.string() + " cannot grow: nothing was written; free some space and run the command again");
  CHECK_THAT(message_of(Access::read_only, false), Catch::StartsWith(file.string() + " cannot be written ("));
  kangle::storage::Connection raw(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0));
  CHECK(raw.query_integer("SELECT count(*) FROM volunteers") == 0);  // the transaction left nothing
}

TEST_CASE("write_file_atomically on a full disk says so in the user's language") {
  auto message = workspace_error_of([] { kangle::write_file_atomically("/dev/full", "报告"); }, Lang::zh_CN);
  CHECK(message == "无法写入 /dev/full：磁盘已满，未写入任何内容");
}

TEST_CASE("Database, integrity_problems is empty on a fresh database") {
  TempDir dir;
  Database db(dir.path() / "kangle.db", Access::read_write);
  CHECK(db.integrity_problems().empty());
}

TEST_CASE("Database, integrity_problems reports a dangling foreign key") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  { Database db(file, Access::read_write); }
  {
    kangle::storage::Connection raw(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_write, false, 0));  // foreign keys off by default
    raw.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    raw.exec("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))");
    raw.exec("INSERT INTO child (id, parent_id) VALUES (7, 42)");
    // A table kept by its key alone, as volunteer_skills: no row number to give.
    raw.exec("CREATE TABLE keyed (parent_id INTEGER REFERENCES parent(id), name TEXT, PRIMARY KEY (parent_id, name)) WITHOUT ROWID");
    raw.exec("INSERT INTO keyed (parent_id, name) VALUES (43, 'barber')");
  }
  Database db(file, Access::read_only);
  std::set<std::string> said;
  for (const auto& problem : db.integrity_problems()) said.insert(problem.in(Lang::en));
  CHECK(said == std::set<std::string>{"table child row 7 refers to a missing row of parent",
                                      "table keyed holds a row that refers to a missing row of parent"});
}

// ─── init_workspace ──────────────────────────────────────────────────────────────

TEST_CASE("write_file_atomically replaces a file whole") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "board.html";
  kangle::write_file_atomically(file, "old");
  kangle::write_file_atomically(file, "new");
  CHECK(dir.read("board.html") == "new");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);  // no temporary left
}

TEST_CASE("write_folder_atomically: all the files or none, beside the user's own") {
  kangle::test::TempDir dir;
  auto folder = dir.path() / "pack";
  auto two_files = [](const std::filesystem::path& staging) {
    kangle::write_file_atomically(staging / "a.md", "a");
    kangle::write_file_atomically(staging / "b.md", "b");
  };
  CHECK(kangle::write_folder_atomically(folder, two_files) == 2);
  CHECK(dir.read("pack/b.md") == "b");
  // Into a folder that exists: the user's file stays, ours are replaced.
  kangle::write_file_atomically(folder / "notes.txt", "mine");
  kangle::write_file_atomically(folder / "a.md", "old");
  CHECK(kangle::write_folder_atomically(folder, two_files) == 2);
  CHECK(dir.read("pack/notes.txt") == "mine");
  CHECK(dir.read("pack/a.md") == "a");
  // A failure half way leaves the folder as it was and no staging folder behind.
  auto half = [](const std::filesystem::path& staging) {
    kangle::write_file_atomically(staging / "a.md", "half");
    throw WorkspaceError(kangle::Message(kangle::Msg::cannot_write_file, "b.md", "full"));
  };
  CHECK_THROWS_AS(kangle::write_folder_atomically(folder, half), WorkspaceError);
  CHECK(dir.read("pack/a.md") == "a");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
  // A file where the folder should be is refused.
  CHECK_THROWS_AS(kangle::write_folder_atomically(folder / "notes.txt", two_files), kangle::UsageError);
}

TEST_CASE("write_file_atomically writes into a named pipe instead of putting a file in its place") {
  kangle::test::TempDir dir;
  auto pipe = dir.path() / "pipe";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(pipe);
    received.assign(std::istreambuf_iterator<char>(in), {});
  });
  kangle::write_file_atomically(pipe, "rejected rows");
  reader.join();
  CHECK(received == "rejected rows");
  CHECK(std::filesystem::is_fifo(pipe));
}

TEST_CASE("init_workspace, makes a workspace with the shipped config") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "my-street";
  auto result = kangle::workspace::init_workspace(options);
  CHECK(result.dir == options.dir);
  REQUIRE_FALSE(result.files.empty());
  CHECK(result.files.back() == "kangle.toml");  // the marker comes last
  for (const auto& name : {"kangle.toml", "kangle.db", "services.toml", "points.toml", "holidays/2026.toml"}) {
    INFO(name);
    CHECK(std::find(result.files.begin(), result.files.end(), name) != result.files.end());
    CHECK(fs::is_regular_file(options.dir / name));
  }
  CHECK(fs::is_directory(options.dir / "kiosks"));
  CHECK(find_workspace(options.dir / "kiosks", std::nullopt, std::nullopt) == options.dir);
  CHECK(user_version(options.dir / "kangle.db") == Database::latest_version());
  auto loaded = kangle::config::load_config(options.dir);
  CHECK(loaded.config.settings.name == "my-street");
  CHECK(loaded.config.settings.language == Lang::zh_CN);
  CHECK_FALSE(loaded.diagnostics.has_errors());
  CHECK(loaded.config.catalogue.services.size() == 36);
}

TEST_CASE("init_workspace, the language option is written to kangle.toml") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "plain";
  options.language = Lang::en;
  kangle::workspace::init_workspace(options);
  CHECK(kangle::config::peek_language(options.dir) == Lang::en);

  kangle::workspace::InitOptions example;
  example.dir = dir.path() / "example";
  example.example = "kangjian";
  example.language = Lang::en;
  kangle::workspace::init_workspace(example);
  CHECK(kangle::config::peek_language(example.dir) == Lang::en);
  CHECK(kangle::config::load_config(example.dir).diagnostics.items().empty());
}

TEST_CASE("init_workspace, refuses a folder that already is a workspace") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "street";
  kangle::workspace::init_workspace(options);
  auto before = dir.read("street/kangle.toml");
  REQUIRE_FALSE(before.empty());
  options.example = "kangjian";
  options.language = Lang::en;  // would change kangle.toml, were it written
  CHECK(workspace_error_of([&] { kangle::workspace::init_workspace(options); }) ==
        options.dir.string() + " is already a kangle workspace; nothing was changed");
  CHECK(dir.read("street/kangle.toml") == before);
  CHECK_FALSE(fs::exists(options.dir / "kiosks" / "dingxiang.toml"));
}

TEST_CASE("init_workspace, an unknown example is a usage error") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "street";
  options.example = "nope";
  try {
    kangle::workspace::init_workspace(options);
    FAIL("init_workspace accepted an unknown example");
  } catch (const kangle::UsageError& e) {
    CHECK(std::string(e.what()) == "no example called \"nope\" (examples: kangjian)");
    CHECK(e.exit_code() == kangle::ExitCode::usage);
  }
  CHECK_FALSE(fs::exists(options.dir));
}

// ─── check_workspace ─────────────────────────────────────────────────────────────

TEST_CASE("check_workspace, the example is clean and a newer database is reported") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "kangjian";
  options.example = "kangjian";
  kangle::workspace::init_workspace(options);
  CHECK(kangle::workspace::check_workspace(options.dir).empty());

  auto file = options.dir / "kangle.db";
  {
    kangle::storage::Connection raw(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_write, false, 0));
    raw.exec("PRAGMA user_version = " + std::to_string(Database::latest_version() + 5));
  }
  auto problems = kangle::workspace::check_workspace(options.dir);
  REQUIRE(problems.size() == 1);
  CHECK(kangle::config::format_diagnostic(problems[0], Lang::en) ==
        "kangle.db: " + file.string() + " was written by a newer kangle (schema " +
            std::to_string(Database::latest_version() + 5) + ", this kangle knows up to " +
            std::to_string(Database::latest_version()) + "); upgrade kangle — the database was not touched");
}

TEST_CASE("check_workspace, a workspace without a database yet is only warned about") {
  TempDir dir;
  kangle::workspace::InitOptions options;
  options.dir = dir.path() / "kangjian";
  options.example = "kangjian";
  kangle::workspace::init_workspace(options);
  fs::remove(options.dir / "kangle.db");
  auto problems = kangle::workspace::check_workspace(options.dir);
  REQUIRE(problems.size() == 1);
  CHECK(kangle::config::format_diagnostic(problems[0], Lang::en) ==
        "kangle.db: warning: no database yet; the first command that writes creates it");
}

TEST_CASE("Database, a file kangle did not make is refused and left as it was") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  auto tables_of = [&] {
    kangle::storage::Connection raw(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0));
    return raw.query_text("SELECT group_concat(name) FROM sqlite_master");
  };
  SECTION("another program's SQLite file") {
    kangle::storage::Connection(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_write, true, 0)).exec("CREATE TABLE contacts (name TEXT)");
    for (auto access : {Access::read_only, Access::read_write}) {
      CHECK_THAT(workspace_error_of([&] { Database db(file, access); }), Catch::Contains("is not a kangle database"));
    }
    CHECK(tables_of() == "contacts");
  }
  SECTION("a 0-byte file, as a truncation leaves it") {
    std::ofstream{file};
    CHECK_THAT(workspace_error_of([&] { Database db(file, Access::read_write); }), Catch::Contains("is empty (0 bytes)"));
    CHECK(fs::file_size(file) == 0);
  }
  SECTION("a new database is made whole and marked; an unmarked kangle database is marked on upgrade") {
    { Database db(file, Access::read_write); }
    CHECK(fs::file_size(file) > 0);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) <= 3);  // kangle.db, -wal, -shm
    kangle::storage::Connection(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_write, false, 0)).exec("PRAGMA application_id = 0");
    { Database db(file, Access::read_write); }
    CHECK(kangle::storage::Connection(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_only, false, 0)).query_integer("PRAGMA application_id") ==
          kangle::storage::application_id);
  }
}

TEST_CASE("Database, missing_schema_objects names what was dropped behind kangle's back") {
  TempDir dir;
  auto file = dir.path() / "kangle.db";
  { Database db(file, Access::read_write); }
  kangle::storage::Connection(kangle::storage::open_sqlite(file.string(), kangle::storage::Access::read_write, false, 0)).exec("DROP TRIGGER points_ledger_no_delete");
  Database db(file, Access::read_only);
  auto missing = db.missing_schema_objects();
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].id() == kangle::Msg::database_missing_trigger);
  CHECK(missing[0].in(Lang::en) == "trigger points_ledger_no_delete is missing: the database was altered outside kangle, "
                                   "and what it guarded is no longer guarded");
}

}  // namespace workspace_test
