// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "config/model.hpp"
#include "import/pipeline.hpp"

namespace kangle::import {

/// Imports service records (服务记录) kept in a spreadsheet in one transaction (rolled
/// back for a dry run): one record per row, at a kiosk of the config or another place,
/// of a service of the catalogue or an event known by its title, with its volunteers
/// found among those imported. A row is known by its date, kiosk or place, time,
/// service or title and volunteers: the same row again, in this file or a later one,
/// is recorded once. Rejected rows (no or an unreadable date, time, volunteer, number
/// of residents or satisfaction) go to the rejects file; a service's daily cap passed
/// is a warning. Throws InputError when the file cannot be read at all.
ImportReport import_records(storage::Connection& db, const config::Config& config, const ColumnAliases& aliases,
                            const ImportOptions& options, const std::string& now);

}  // namespace kangle::import
