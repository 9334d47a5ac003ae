// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "config/model.hpp"
#include "schedule/assign.hpp"
#include "schedule/sessions.hpp"

namespace SQLite {
class Database;
}

namespace kangle::schedule {

struct BuildReport {
  Month month;
  std::vector<Session> sessions;
  RotaPlan plan;
  bool rebuilt = false;  ///< the month had a rota before
};

/// Builds (or rebuilds) the rota of `month` and stores it, in one transaction (rolled
/// back for a dry run): the volunteers of the workspace, its menus and calendar; seats
/// locked before keep their volunteer, and a rebuild keeps everyone it can where they were.
BuildReport build_rota(SQLite::Database& db, const config::Config& config, const Month& month,
                       const std::string& now, bool dry_run);

}  // namespace kangle::schedule
