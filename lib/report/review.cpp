// SPDX-License-Identifier: Apache-2.0
#include "report/review.hpp"

#include <algorithm>
#include <set>

namespace kangle::report {
namespace {

/// Kiosks whose menu offers each service.
std::map<std::string, std::set<std::string>> kiosks_by_service(const config::Config& config) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& kiosk : config.kiosks) {
    for (const auto& entry : kiosk.menu) {
      for (const auto& service : entry.services) out[service.value].insert(kiosk.id);
    }
  }
  return out;
}

void classify(ServiceReview& r, const config::ReviewRules& rules) {
  using G = ReviewGroup;
  using R = ReviewReason;
  auto set = [&](G group, R reason) {
    r.group = group;
    r.reason = reason;
  };
  if (r.sessions == 0) return set(G::retire, R::not_held);
  if (r.satisfaction && *r.satisfaction < rules.satisfaction_poor) return set(G::retire, R::poor_ratings);
  double demand = r.per_session.value_or(0);
  if (demand >= rules.demand_high) {
    if (!r.satisfaction) return set(G::keep, R::popular_unrated);
    if (*r.satisfaction >= rules.satisfaction_good) return set(G::make_permanent, R::popular);
    return set(G::keep, R::popular_fair);
  }
  if (demand >= rules.demand_low) return set(G::keep, R::middling);
  if (r.kiosks <= rules.niche_kiosks && r.resources == 0) return set(G::keep, R::niche);
  if (r.keen_volunteers >= rules.keen_volunteers) return set(G::graft, R::volunteers_keen);
  set(G::retire, R::little_demand);
}

}  // namespace

std::vector<ServiceReview> review_services(const config::Config& config, const std::vector<ServiceFigures>& figures,
                                           const std::map<std::string, int>& needs,
                                           const std::map<std::string, int>& resources,
                                           const std::map<std::string, int>& volunteers_by_skill) {
  auto offered_at = kiosks_by_service(config);
  std::map<std::string, const ServiceFigures*> held;
  for (const auto& f : figures) {
    if (!f.service.empty()) held[f.service] = &f;
  }
  std::vector<ServiceReview> out;
  for (const auto& service : config.catalogue.services) {
    auto at = offered_at.find(service.id);
    auto h = held.find(service.id);
    if (at == offered_at.end() && h == held.end()) continue;
    ServiceReview r;
    r.service = service.id;
    if (h != held.end()) {
      r.sessions = h->second->sessions;
      r.residents = h->second->residents;
      r.satisfaction = h->second->satisfaction.mean();
    }
    if (r.sessions > 0) {
      r.per_session = static_cast<double>(r.residents) / r.sessions;
      if (service.daily_cap) r.capacity_use = static_cast<double>(r.residents) / (r.sessions * *service.daily_cap);
    }
    r.keen_volunteers = count_in(volunteers_by_skill, service.skill.value);
    r.kiosks = at == offered_at.end() ? 0 : static_cast<int>(at->second.size());
    r.resources = count_in(resources, service.category.value);
    r.needs = count_in(needs, service.category.value);
    classify(r, config.settings.review);
    out.push_back(std::move(r));
  }
  // A service to graft onto: the most demanded one sharing a kiosk with it, else the most demanded.
  for (auto& r : out) {
    if (r.reason != ReviewReason::volunteers_keen) continue;
    const ServiceReview* best = nullptr;
    bool best_shares = false;
    for (const auto& other : out) {
      if (other.service == r.service || other.group == ReviewGroup::retire || other.group == ReviewGroup::graft) continue;
      const auto& mine = offered_at[r.service];
      const auto& theirs = offered_at[other.service];
      bool shares = std::any_of(mine.begin(), mine.end(), [&](const std::string& k) { return theirs.contains(k); });
      auto better = [&] {
        if (!best) return true;
        if (shares != best_shares) return shares;
        return other.per_session.value_or(0) > best->per_session.value_or(0);
      };
      if (better()) {
        best = &other;
        best_shares = shares;
      }
    }
    if (best) r.partner = best->service;
  }
  std::stable_sort(out.begin(), out.end(), [](const ServiceReview& a, const ServiceReview& b) {
    if (a.group != b.group) return a.group < b.group;
    return a.per_session.value_or(-1) > b.per_session.value_or(-1);
  });
  return out;
}

}  // namespace kangle::report
