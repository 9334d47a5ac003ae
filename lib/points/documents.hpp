// SPDX-License-Identifier: Apache-2.0
// What the points commands put out: the ledger's listings (history, balances, boards)
// and what award, adjust, redeem, reverse, verify and `record cancel` say they did.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "points/actions.hpp"
#include "points/ledger.hpp"
#include "present/document.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::points {

/// `+5`, `-3` or `5` as points; UsageError otherwise.
int parse_points(const std::string& text);

/// The period of a board from `--month`, `--quarter` and `--year`, exactly one of them
/// given and of its kind; UsageError otherwise.
Period board_period(const std::string& month, const std::string& quarter, const std::string& year);

/// `points award` over the records of `month` (`2026-12`; empty: all): what was awarded.
/// The documents of what an actor writes are in the actor's language.
present::Document award_document(storage::Connection& db, const config::Config& config, const std::string& month,
                                 const Actor& actor, bool dry_run);
/// `points award --rules-changed`: the awards of `month` today's rules would make otherwise.
present::Document rules_changed_document(storage::Connection& db, const config::Config& config, const std::string& month,
                                         Lang lang);

/// `points adjust`, `redeem`, `reverse`: the entry written, for the volunteer `who` names.
present::Document adjust_document(storage::Connection& db, const std::string& who, int points, const std::string& reason,
                                  const Actor& actor);
present::Document redeem_document(storage::Connection& db, const config::Config& config, const std::string& who, int points,
                                  const std::string& item, const Actor& actor);
present::Document reverse_document(storage::Connection& db, std::int64_t entry, const std::string& reason, const Actor& actor);

/// `record cancel`: the record cancelled and the points it earned taken back.
present::Document cancel_record_document(storage::Connection& db, std::int64_t record, const std::string& reason,
                                         const Actor& actor);

/// The balance of the volunteer `who` names, in a sentence and as facts.
present::Document balance_document(storage::Connection& db, const std::string& who, Lang lang);
/// Everyone's balance (`points_balances`), phones masked unless `reveal`.
present::Document balances_document(storage::Connection& db, bool reveal, Lang lang);
/// The ledger of the volunteer `who` names, line by line (`points_history`).
present::Document history_document(storage::Connection& db, const config::Config& config, const std::string& who, Lang lang);

/// How a board is shown.
struct BoardShown {
  bool reveal = false;         ///< phones in full
  bool no_party_mark = false;  ///< leave out the party column even when points.toml marks it
};
/// The honour board of `period` (`points_board`): `top` places, default points.toml's.
present::Document board_document(storage::Connection& db, const config::Config& config, const Period& period,
                                 std::optional<int> top, const BoardShown& shown, Lang lang);
/// The star volunteers of the year `year` names (`points_stars`); UsageError when it is no year.
present::Document stars_document(storage::Connection& db, const config::Config& config, const std::string& year,
                                 const BoardShown& shown, Lang lang);

/// `points verify`: what the walk found, and whether it passed (the chain whole, and the
/// `expect`ed head found when one was asked for).
struct Verified {
  present::Document document;
  bool passed = false;
};
Verified verify_document(storage::Connection& db, Walk walk, const std::optional<std::string>& expect, Lang lang);

}  // namespace kangle::points
