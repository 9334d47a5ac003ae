// SPDX-License-Identifier: Apache-2.0
#include "workspace/summary.hpp"

#include "config/loader.hpp"
#include "storage/database.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {

Summary summarize(const std::filesystem::path& root) {
  Summary s{root, config::load_valid_config(root), std::nullopt};
  std::error_code ec;
  if (std::filesystem::exists(root / database_file, ec)) {
    storage::Database db(root / database_file, storage::Access::read_only);
    s.schema_version = db.schema_version();
  }
  return s;
}

}  // namespace kangle::workspace
