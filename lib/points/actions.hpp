// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "points/ledger.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::points {

/// Who does something, and when: what every entry written by hand carries.
struct Actor {
  std::string by;   ///< who entered it (`--by`, or the login name)
  std::string now;  ///< the time of the run, ISO-8601 UTC
  Date today;       ///< the day of the run in the workspace's time zone
  Lang lang = Lang::zh_CN;  ///< the language of the reasons it writes in the ledger (kept as written)
  std::string timezone{};   ///< the workspace's: the times it shows people are in it
};

struct AwardReport {
  int records = 0;          ///< records that earned something new
  int entries = 0;          ///< entries appended
  long points = 0;          ///< points they carry
  int already_awarded = 0;  ///< volunteer-records awarded by an earlier run, left alone
};

/// Awards the points the rules earn for the records from `from` to `to` (either open),
/// cancelled records left out, and `project_done` to each volunteer of the team of a
/// project done in that time. A volunteer's record that earned points before is never
/// awarded again, not even when the rules changed since (history stays as it was);
/// the ledger's unique source makes a double award impossible even for two runs at
/// once. One transaction, rolled back for a dry run.
AwardReport award(storage::Connection& db, const config::Config& config, const std::optional<Date>& from,
                  const std::optional<Date>& to, const Actor& actor, bool dry_run);

/// An award the rules of today would make differently from what was awarded.
struct RuleDifference {
  std::int64_t record = 0;
  std::int64_t volunteer = 0;
  Date date;
  std::string rule;
  Message reason{Msg::verbatim, ""};  ///< as the ledger keeps it, or as the rules would write it
  long awarded = 0;   ///< what stands in the ledger (after reversals)
  long would_be = 0;  ///< what the rules give now
};

/// For the records awarded from `from` to `to`: every rule whose points today differ
/// from what the ledger holds. Writes nothing.
std::vector<RuleDifference> rules_changed(storage::Connection& db, const config::Config& config,
                                          const std::optional<Date>& from, const std::optional<Date>& to);

/// `points adjust`: N points (negative to take away) by hand, with a reason.
Entry adjust(storage::Connection& db, std::int64_t volunteer, int points, const std::string& reason, const Actor& actor);

/// `points redeem`: spends `points` on `item` from points.toml (a whole number of them);
/// InputError when the item is unknown, the points are not a multiple of its cost, or the
/// balance would fall below zero.
Entry redeem(storage::Connection& db, const config::Config& config, std::int64_t volunteer, int points,
             const std::string& item, const Actor& actor);

/// `points reverse`: a new entry that undoes entry `id`, saying why. A reversal can be
/// reversed in turn. InputError when there is no such entry or it was reversed already.
Entry reverse(storage::Connection& db, std::int64_t id, const std::string& reason, const Actor& actor);

/// `record cancel`: marks a record cancelled and reverses every point it earned, in one
/// transaction; returns the reversals.
std::vector<Entry> cancel_record(storage::Connection& db, std::int64_t record, const std::string& reason, const Actor& actor);

}  // namespace kangle::points
