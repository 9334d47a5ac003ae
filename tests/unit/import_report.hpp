// SPDX-License-Identifier: Apache-2.0
// Helpers the import tests share: a report and its issues as lines to compare, and
// the message of the error a call throws.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "core/i18n.hpp"
#include "import/columns.hpp"
#include "import/pipeline.hpp"
#include "storage/database.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/init.hpp"

namespace kangle::test {

/// A workspace made from the kangjian example in a temporary folder, its database open;
/// input files go to its folder `in/`. Messages the tests read are in English.
class ImportWorkspace {
public:
  ImportWorkspace() {
    workspace::init_workspace({dir_.path(), std::string("kangjian"), std::nullopt});
    // On PostgreSQL kangle.toml names the test's schema, as a district's names its own:
    // what opens the workspace by its folder (check) finds the same database.
    if (database_.postgres()) {
      std::ofstream(dir_.path() / "kangle.toml", std::ios::app)
          << "\n[database]\nurl = \"" << database_.location().postgres_url << "\"\n";
    }
    config_ = config::load_valid_config(dir_.path());
    db_ = std::make_unique<storage::Database>(database_.location(), storage::Access::read_write);
    std::filesystem::create_directories(dir_.path() / "in");
  }

  /// The column aliases of `list` (volunteers, needs, resources), which must load cleanly.
  import::ColumnAliases aliases(std::string_view list) const {
    config::Diagnostics sink;
    auto aliases = import::load_column_aliases(dir_.path(), list, sink);
    REQUIRE(sink.items().empty());
    return aliases;
  }
  /// Where an input file called `name` goes.
  std::filesystem::path in(const std::string& name) const { return dir_.path() / "in" / name; }
  /// Writes an input file byte by byte.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    return dir_.write(std::filesystem::path("in") / name, bytes);
  }
  std::string read(const std::filesystem::path& file) const {
    return dir_.read(std::filesystem::relative(file, dir_.path()));
  }
  std::int64_t import_rows() { return db_->sql().query_integer("SELECT count(*) FROM imports"); }
  kangle::storage::Connection& sql() { return db_->sql(); }
  /// The workspace's folder.
  const std::filesystem::path& folder() const { return dir_.path(); }
  /// Where the database is, for a second connection (another command at the same time).
  const storage::DatabaseLocation& database() const { return database_.location(); }
  const config::Config& config() const { return config_; }
  /// Drops a trigger of kangle's, as someone with the database's keys could: each database
  /// says it its own way.
  void drop_trigger(const std::string& trigger, const std::string& table) {
    sql().exec("DROP TRIGGER " + trigger + (database_.postgres() ? " ON " + table : std::string()));
  }
  /// Commits without waiting for the disk, for tests that write much: SQLite only (the
  /// throwaway PostgreSQL cluster runs with fsync off).
  void without_sync() {
    if (!database_.postgres()) sql().exec("PRAGMA synchronous = OFF");
  }

protected:
  TempDir dir_;
  TestDatabase database_{dir_.path()};
  config::Config config_;
  std::unique_ptr<storage::Database> db_;
};

/// The sheet, header row and counts of a report on one line.
inline std::string summary(const import::ImportReport& r) {
  return r.sheet + " row " + std::to_string(r.header_row) + ": added " + std::to_string(r.added) + ", updated " +
         std::to_string(r.updated) + ", merged " + std::to_string(r.merged) + ", unchanged " +
         std::to_string(r.unchanged) + ", rejected " + std::to_string(r.rejected) + ", blank " +
         std::to_string(r.blank_rows) + ", total " + std::to_string(r.total_rows);
}

inline std::string kind_name(import::RowIssue::Kind kind) {
  switch (kind) {
    case import::RowIssue::Kind::rejected: return "rejected";
    case import::RowIssue::Kind::doubtful: return "doubtful";
    case import::RowIssue::Kind::merged: return "merged";
    case import::RowIssue::Kind::updated: return "updated";
  }
  return "?";
}

/// Each issue as "ROW:COLUMN (HEADER): KIND: MESSAGE" in English, the way the command prints them.
inline std::vector<std::string> issues(const import::ImportReport& r) {
  std::vector<std::string> out;
  for (const auto& i : r.issues) {
    std::string line = std::to_string(i.row);
    if (!i.column.empty()) line += ":" + i.column;
    if (!i.header.empty()) line += " (" + i.header + ")";
    out.push_back(line + ": " + kind_name(i.kind) + ": " + i.message.in(Lang::en));
  }
  return out;
}

/// The message of the `Error` that `run` throws, in `lang` (English by default), or "(no error)".
template <typename Error, typename Run>
std::string error_message(Run run, Lang lang = Lang::en) {
  try {
    run();
  } catch (const Error& e) {
    return e.message().in(lang);
  }
  return "(no error)";
}

}  // namespace kangle::test
