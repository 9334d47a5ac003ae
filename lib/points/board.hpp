// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::points {

/// A volunteer's place on a board, with the figures that put them there.
struct Standing {
  int rank = 0;  ///< 1, 2, 2, 4: equal points share a place
  std::int64_t volunteer = 0;
  std::string name, phone, unit;
  bool party_member = false;
  long points = 0;    ///< earned in the period: awards and adjustments, net of reversals
  int sessions = 0;
  long minutes = 0;   ///< recorded; for stars, recorded and granted together
  int months = 0;     ///< months of the period with a session (stars)
};

/// The honour board (每月先锋榜) of `period`: the `top` volunteers by points earned in
/// it (redemptions do not lower a place), everyone tied with the last place included.
/// Equal points share a rank and are listed by sessions, minutes, then id: the same
/// data gives the same board.
std::vector<Standing> honour_board(storage::Connection& db, const Period& period, int top);

/// 志愿服务之星 of `year`: those who meet every minimum of `criteria`, ranked by its
/// `rank_by` and then by the other figures and id; at most `criteria.count`.
std::vector<Standing> star_volunteers(storage::Connection& db, const config::StarCriteria& criteria, int year);

/// A volunteer's points now.
struct Balance {
  std::int64_t volunteer = 0;
  std::string name, phone;
  bool party_member = false;
  long earned = 0;    ///< awards and adjustments, net of reversals
  long redeemed = 0;  ///< spent, net of reversals (positive)
  long balance = 0;
};

/// Everyone with a ledger entry, by balance (highest first), then name and id.
std::vector<Balance> balances(storage::Connection& db);
/// One volunteer's (all zero when they have no entry; the name left empty).
Balance balance_of(storage::Connection& db, std::int64_t volunteer);

}  // namespace kangle::points
