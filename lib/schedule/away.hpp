// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "people/volunteer.hpp"
#include "schedule/store.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::schedule {

/// A declared absence and the seats of built rotas it falls on.
struct AwayDeclared {
  std::int64_t id = 0;
  std::vector<RotaSeat> seats;  ///< locked ones too: the next build of their month frees them
};

/// Records that `volunteer` cannot serve from `away.from` to `away.to`, in one
/// transaction, and returns the seats they hold in that time, so the coordinator
/// hears of them now rather than on the day.
AwayDeclared declare_away(storage::Connection& db, std::int64_t volunteer, const people::Blackout& away, const std::string& now);

}  // namespace kangle::schedule
