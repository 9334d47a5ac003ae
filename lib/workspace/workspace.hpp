// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>

#include "config/model.hpp"
#include "storage/database.hpp"

namespace kangle::workspace {

/// The file that marks a workspace folder, as `.git` marks a repository.
inline constexpr const char* marker_file = "kangle.toml";
inline constexpr const char* database_file = "kangle.db";

/// The workspace to use: `explicit_dir` (from `-w`) if given, else `env_dir` (from
/// `KANGLE_WORKSPACE`) if given, else the first folder holding kangle.toml walking up
/// from `start`. Throws WorkspaceError when the chosen folder is not a workspace or
/// when the walk finds none.
std::filesystem::path find_workspace(const std::filesystem::path& start,
                                     const std::optional<std::filesystem::path>& explicit_dir,
                                     const std::optional<std::filesystem::path>& env_dir);

/// The database `named` names: a postgresql:// URL, else a SQLite file; not made when
/// missing. Throws WorkspaceError for another scheme (postgresq://, mysql://).
storage::DatabaseLocation named_database(const std::string& named);

/// Where the workspace's database is: KANGLE_DB when set (a postgresql:// URL, or a
/// SQLite file), else kangle.toml's [database] url, else kangle.db in the folder `root`.
/// Throws WorkspaceError for KANGLE_DB with another scheme (postgresq://, mysql://).
storage::DatabaseLocation database_location(const std::filesystem::path& root, const config::Settings& settings);

/// Whether `a` and `b` are one database: the same URL, or the same file however named.
bool same_database(const storage::DatabaseLocation& a, const storage::DatabaseLocation& b);

/// How the workspace at `root` names `location`: kangle.db when it is the folder's own,
/// else where it is (a file's path, a URL with its password masked).
std::string database_shown(const std::filesystem::path& root, const storage::DatabaseLocation& location);

}  // namespace kangle::workspace
