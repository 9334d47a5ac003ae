// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
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
  insufficient_data,  ///< 数据不足: most sessions have no residents count; judged once recorded
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
  no_skilled_volunteers,  ///< not held because no volunteer has its skill: kept, volunteers sought
  figures_unknown,  ///< more than unknown_share of its sessions without a residents count
  not_yet_held,     ///< not one session yet in a period not over: judged when it is
};

/// What a service to graft onto shares with the grafted one, in the order of preference.
enum class GraftTie { none, category, skill, kiosk, weekday };

struct ServiceReview {
  std::string service;       ///< a catalogue id
  ReviewGroup group = ReviewGroup::keep;
  ReviewReason reason = ReviewReason::middling;
  int sessions = 0;
  long residents = 0;
  int without_residents = 0, without_satisfaction = 0;  ///< sessions whose figure is unknown
  std::optional<double> per_session;    ///< residents per session with a residents count (demand)
  std::optional<double> capacity_use;   ///< residents / (those sessions × the daily cap), where the cap is known
  std::optional<double> satisfaction;
  int keen_volunteers = 0;   ///< volunteers with its skill
  int kiosks = 0;            ///< kiosks whose menu offers it
  int resources = 0;         ///< resources of its category on the list, but for those of its kiosks' own volunteers
  int own_resources = 0;     ///< resources of its category offered by its kiosks' own volunteers
  int needs = 0;             ///< needs of its category registered in the period
  std::string partner;       ///< for volunteers_keen: the service to graft it onto
  GraftTie tie = GraftTie::none;  ///< what `partner` shares with it
  std::string shared_kiosk;  ///< for GraftTie::kiosk: the kiosk both are offered at
  unsigned shared_weekday = 0;  ///< for GraftTie::weekday: the day both are held (c_encoding, 0 = Sunday)
};

/// Each catalogue service's figures from the period's records. A record without a
/// service counts for one when its title is the service's id or name (zh or en, as an
/// import of an unknown sheet leaves it), or holds the title of a themed event of its
/// kiosk's menu that names services (the event's general seats, or “非遗+党建”主题活动 from
/// a sheet) in a month the event is held: once a session, so that a session its service's
/// own record already counts is not counted twice. Other events are left out.
std::vector<ServiceFigures> services_held(const config::Config& config, const std::vector<HeldSession>& sessions);

/// Sorts every service on a kiosk's menu or recorded in the period into its group by
/// the thresholds of kangle.toml's `[review]`; by group, then demand (highest first),
/// then the catalogue's order. Events known only by their title are not services and are
/// left out. A resource of a volunteer on the roster of a kiosk offering the service
/// (`rosters`, by kiosk) is that kiosk's own, not someone else offering it. In a period
/// not `over`, a service not yet held is not retired: its day may still come.
std::vector<ServiceReview> review_services(const config::Config& config, const std::vector<ServiceFigures>& figures,
                                           const std::map<std::string, int>& needs,
                                           const std::vector<ResourceOffer>& resources,
                                           const std::map<std::string, int>& volunteers_by_skill,
                                           const std::map<std::string, std::set<std::int64_t>>& rosters,
                                           bool over = true);

}  // namespace kangle::report
