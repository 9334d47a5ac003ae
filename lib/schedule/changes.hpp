// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "schedule/store.hpp"

namespace kangle::schedule {

/// What changed for one volunteer between the published rota and the current one.
struct PersonChanges {
  std::int64_t volunteer = 0;
  std::string name;
  std::vector<RotaSeat> added;    ///< duties they did not have when the rota was published
  std::vector<RotaSeat> removed;  ///< duties they had and no longer have
};

/// Person by person (by name, then id), the duties that differ between `published` and
/// `current`; people whose duties are the same are left out.
std::vector<PersonChanges> diff_rota(const std::vector<RotaSeat>& published, const std::vector<RotaSeat>& current);

}  // namespace kangle::schedule
