// SPDX-License-Identifier: Apache-2.0
#include "workspace/workspace.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace kangle::workspace {
namespace fs = std::filesystem;

fs::path find_workspace(const fs::path& start, const std::optional<fs::path>& explicit_dir,
                        const std::optional<fs::path>& env_dir) {
  std::error_code ec;
  if (const auto& chosen = explicit_dir ? explicit_dir : env_dir) {
    auto dir = fs::absolute(*chosen, ec);
    if (!fs::is_regular_file(dir / marker_file, ec)) throw WorkspaceError(Message(Msg::workspace_not_a_folder, chosen->string()));
    return dir.lexically_normal();
  }
  auto dir = fs::absolute(start, ec).lexically_normal();
  for (;;) {
    if (fs::is_regular_file(dir / marker_file, ec)) return dir;
    if (!dir.has_relative_path()) break;  // reached the root
    dir = dir.parent_path();
  }
  throw WorkspaceError(Message(Msg::no_workspace));
}

storage::DatabaseLocation named_database(const std::string& named) {
  if (named.starts_with("postgresql://") || named.starts_with("postgres://")) return {{}, named, false};
  // Another scheme (a mistyped postgresql://) is not a file name to create a database at.
  if (named.find("://") != std::string::npos) throw WorkspaceError(Message(Msg::database_bad_url, named));
  return {std::filesystem::path(named), {}, false};
}

storage::DatabaseLocation database_location(const std::filesystem::path& root, const config::Settings& settings) {
  std::string chosen = settings.database_url;
  if (const char* env = std::getenv("KANGLE_DB"); env && *env) chosen = env;
  return chosen.empty() ? storage::DatabaseLocation{root / database_file, {}} : named_database(chosen);
}

bool same_database(const storage::DatabaseLocation& a, const storage::DatabaseLocation& b) {
  if (a.postgres() || b.postgres()) return a.postgres_url == b.postgres_url;
  auto resolved = [](const fs::path& file) {  // links and ".." followed; as written when that fails
    std::error_code ec;
    auto canonical = fs::weakly_canonical(file, ec);
    return ec ? fs::absolute(file, ec).lexically_normal() : canonical;
  };
  return resolved(a.file) == resolved(b.file);
}

std::string database_shown(const fs::path& root, const storage::DatabaseLocation& location) {
  return same_database(location, {root / database_file, {}}) ? std::string(database_file) : location.shown();
}

}  // namespace kangle::workspace
