// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"
#include "import/pipeline.hpp"

namespace kangle::import {

/// Imports a volunteer sign-up sheet into the workspace database in one transaction
/// (rolled back for a dry run): one person per phone number (or ID number) across the
/// file and earlier imports, a later sign-up merging skills and availability and
/// updating the rest. Rejected rows are written with their header and a reason column
/// to the rejects file. Throws InputError when the file cannot be read at all.
ImportReport import_volunteers(SQLite::Database& db, const config::Config& config, const ColumnAliases& aliases,
                               const ImportOptions& options, const std::string& now);

/// The skill ids a cell of skill words names (护士、测血压 → nurse), as the import reads
/// them: names, aliases, ids; the words it cannot place go to `unknown`.
std::vector<std::string> read_skills(const config::Catalogue& catalogue, std::string_view cell,
                                     std::vector<std::string>& unknown);

}  // namespace kangle::import
