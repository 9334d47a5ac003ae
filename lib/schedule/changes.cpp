// SPDX-License-Identifier: Apache-2.0
#include "schedule/changes.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kangle::schedule {

std::vector<PersonChanges> diff_rota(const std::vector<RotaSeat>& published, const std::vector<RotaSeat>& current) {
  auto held = [](const std::vector<RotaSeat>& seats) {
    std::map<std::pair<std::int64_t, std::string>, const RotaSeat*> out;
    for (const auto& s : seats) {
      if (s.volunteer) out[{*s.volunteer, s.seat}] = &s;
    }
    return out;
  };
  auto before = held(published);
  auto after = held(current);
  std::map<std::int64_t, PersonChanges> people;
  for (const auto& [key, seat] : after) {
    if (!before.contains(key)) {
      auto& p = people[key.first];
      p.volunteer = key.first;
      p.name = seat->volunteer_name;
      p.added.push_back(*seat);
    }
  }
  for (const auto& [key, seat] : before) {
    if (!after.contains(key)) {
      auto& p = people[key.first];
      p.volunteer = key.first;
      if (p.name.empty()) p.name = seat->volunteer_name;
      p.removed.push_back(*seat);
    }
  }
  std::vector<PersonChanges> out;
  for (auto& [id, p] : people) {
    auto by_time = [](const RotaSeat& a, const RotaSeat& b) {
      return std::tie(a.date, a.time.start, a.kiosk, a.seat) < std::tie(b.date, b.time.start, b.kiosk, b.seat);
    };
    std::sort(p.added.begin(), p.added.end(), by_time);
    std::sort(p.removed.begin(), p.removed.end(), by_time);
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace kangle::schedule
