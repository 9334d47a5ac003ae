// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "present/document.hpp"
#include "storage/copy.hpp"

namespace kangle::workspace {

/// What `kangle db copy` did.
struct DatabaseCopy {
  std::string from, to;  ///< as messages show them (passwords masked)
  std::vector<storage::TableCount> tables;
  long ledger_entries = 0;
  std::string ledger_head;  ///< the last entry's hash, the same on both
};

/// Copies the workspace's database (database_location) into `target`, a postgresql://
/// URL or a SQLite file: made when missing, refused when it holds any data. The
/// workspace's points ledger is verified first; then every table is copied in one
/// transaction, which commits only when each table counts as many rows in the copy as
/// were read and the copy's ledger verifies to the same last hash. Throws
/// WorkspaceError (nothing copied) otherwise.
DatabaseCopy copy_database(const std::filesystem::path& root, const config::Settings& settings, const std::string& target);

/// `db copy`'s answer in `lang`: what was copied, table by table, and how to use the copy.
present::Document copy_document(const DatabaseCopy& copy, Lang lang);

}  // namespace kangle::workspace
