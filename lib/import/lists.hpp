// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "config/model.hpp"
#include "import/pipeline.hpp"

namespace kangle::import {

/// Imports a needs list (需求清单; micro-wishes too) in one transaction (rolled back for a
/// dry run). A row with a code (编号) is the stored need with that code; a row without
/// one is the stored need with the same requester, category and description. A known
/// need takes the values the row gives; an unknown one is added. Rejected rows (no
/// requester, no or an unknown category, a phone that is not a mobile number) go to
/// the rejects file. Throws InputError when the file cannot be read at all.
ImportReport import_needs(SQLite::Database& db, const config::Config& config, const ColumnAliases& aliases,
                          const ImportOptions& options, const std::string& now);

/// Imports a resources list (资源清单) as import_needs does a needs list; a resource is
/// known by its code, or else by its provider, category and description. Rejected:
/// no provider, no or an unknown category, a phone that is not a mobile number.
ImportReport import_resources(SQLite::Database& db, const config::Config& config, const ColumnAliases& aliases,
                              const ImportOptions& options, const std::string& now);

}  // namespace kangle::import
