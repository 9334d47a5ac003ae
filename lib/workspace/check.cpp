// SPDX-License-Identifier: Apache-2.0
#include "workspace/check.hpp"

#include "config/loader.hpp"
#include "core/error.hpp"
#include "import/columns.hpp"
#include "workspace/database.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {

std::vector<config::Diagnostic> check_workspace(const std::filesystem::path& root) {
  auto loaded = config::load_config(root);
  auto& sink = loaded.diagnostics;
  for (auto list : {"volunteers"}) import::load_column_aliases(root, list, sink);
  const config::Position db_at{database_file, 0, 0};
  std::error_code ec;
  if (!std::filesystem::exists(root / database_file, ec)) {
    sink.warning(db_at, tr(Msg::database_missing));
    return sink.sorted();
  }
  try {
    Database db(root / database_file, Access::read_only);
    for (auto& problem : db.integrity_problems()) sink.error(db_at, std::move(problem));
  } catch (const Error& e) {
    sink.error(db_at, e.what());
  }
  return sink.sorted();
}

}  // namespace kangle::workspace
