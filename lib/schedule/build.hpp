// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>

#include "config/model.hpp"
#include "schedule/assign.hpp"
#include "schedule/sessions.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::schedule {

/// A certificate a skill rests on that has run out, or runs out before the month after
/// the built one is `certificate_warning_days` old: the holder loses those seats from then.
struct CertificateWarning {
  std::int64_t volunteer = 0;
  std::string name, skill;
  Date expires;  ///< the first day it no longer covers
  bool expired = false;  ///< it covers no day of the month: expires on its first day or before
};

struct BuildReport {
  Month month;
  std::vector<Session> sessions;
  RotaPlan plan;
  bool rebuilt = false;  ///< the month had a rota before
  std::vector<CertificateWarning> certificates;  ///< by expiry date, then name
};

/// Builds (or rebuilds) the rota of `month` and stores it, in one transaction (rolled
/// back for a dry run): the volunteers of the workspace, its menus and calendar; seats
/// locked before keep their volunteer, and a rebuild keeps everyone it can where they were.
/// A published month is rebuilt only with `force` (recorded with the build); UsageError otherwise.
/// `network_out`, when set, receives the flow problem (AssignOptions::network_out);
/// `solving` is told the open seats as the solver starts (AssignOptions::solving).
BuildReport build_rota(storage::Connection& db, const config::Config& config, const Month& month,
                       const std::string& now, bool dry_run, bool force = false, std::ostream* network_out = nullptr,
                       const std::function<void(std::int64_t)>& solving = {});

/// Freezes the month's rota as the published one, in one transaction; returns the seats
/// filled. InputError when the month has no rota yet.
int publish_rota(storage::Connection& db, const Month& month, const std::string& now);

/// A volunteer who drops out from `from` on: records it as a blackout with no end,
/// unlocks their seats from that day, and rebuilds the month moving as few others as
/// it can; all in one transaction. The report's `plan.moved` says exactly who moved.
BuildReport drop_volunteer(storage::Connection& db, const config::Config& config, const Month& month,
                           std::int64_t volunteer, const Date& from, const std::string& reason,
                           const std::string& now);

}  // namespace kangle::schedule
