// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "report/figures.hpp"

namespace kangle::report {

/// The four groups of the portfolio review (DOMAIN.md, "The review rule"), in the
/// order the report lists them.
enum class ReviewGroup {
  make_permanent,  ///< 固化: high demand, high satisfaction; resource it more
  keep,            ///< 保留: keep and cultivate (niche but nobody else offers it, or middling)
  graft,           ///< 嫁接: volunteers want to offer it, residents do not ask for it
  retire,          ///< 退出: no demand, or poor ratings
};

/// Why a service landed in its group: the rule that decided, to be put in words.
enum class ReviewReason {
  popular,          ///< demand ≥ demand_high and satisfaction ≥ satisfaction_good
  popular_unrated,  ///< demand ≥ demand_high, no ratings yet: keep until rated
  popular_fair,     ///< demand ≥ demand_high, satisfaction between poor and good: keep and improve
  middling,         ///< demand between the thresholds, ratings not poor
  niche,            ///< little demand, but no other kiosk or resource offers it
  volunteers_keen,  ///< little demand, many volunteers with the skill: graft onto `partner`
  little_demand,    ///< little demand, offered elsewhere, few volunteers
  poor_ratings,     ///< satisfaction < satisfaction_poor
  not_held,         ///< on a kiosk's menu, but not one session recorded in the period
};

struct ServiceReview {
  std::string service;       ///< a catalogue id
  ReviewGroup group = ReviewGroup::keep;
  ReviewReason reason = ReviewReason::middling;
  int sessions = 0;
  long residents = 0;
  std::optional<double> per_session;    ///< residents per session held (demand)
  std::optional<double> capacity_use;   ///< residents / (sessions × the daily cap), where the cap is known
  std::optional<double> satisfaction;
  int keen_volunteers = 0;   ///< volunteers with its skill
  int kiosks = 0;            ///< kiosks whose menu offers it
  int resources = 0;         ///< resources of its category on the list
  int needs = 0;             ///< needs of its category registered in the period
  std::string partner;       ///< for volunteers_keen: the service to graft it onto
};

/// Sorts every service on a kiosk's menu or recorded in the period into its group by
/// the thresholds of kangle.toml's `[review]`; by group, then demand (highest first),
/// then the catalogue's order. Events known only by their title are not services and are left out.
std::vector<ServiceReview> review_services(const config::Config& config, const std::vector<ServiceFigures>& figures,
                                           const std::map<std::string, int>& needs,
                                           const std::map<std::string, int>& resources,
                                           const std::map<std::string, int>& volunteers_by_skill);

}  // namespace kangle::report
