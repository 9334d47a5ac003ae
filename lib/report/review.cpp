// SPDX-License-Identifier: Apache-2.0
#include "report/review.hpp"

#include <algorithm>
#include <bitset>
#include <set>

#include "core/text.hpp"

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

/// The weekdays each service is held on by the kiosks' menus (c_encoding); a day of the
/// month or one date has no weekday of its own.
std::map<std::string, std::bitset<7>> weekdays_by_service(const config::Config& config) {
  using Kind = config::Rhythm::Kind;
  std::map<std::string, std::bitset<7>> out;
  for (const auto& kiosk : config.kiosks) {
    for (const auto& entry : kiosk.menu) {
      std::bitset<7> days;
      const auto& on = entry.on;
      if (on.kind == Kind::weekdays) days = on.weekdays;
      else if (on.kind == Kind::nth_weekday) days.set(on.weekday.c_encoding());
      else if (on.kind == Kind::every_n_weeks || on.kind == Kind::one_date) {
        days.set(std::chrono::weekday{std::chrono::sys_days{on.anchor}}.c_encoding());
      }
      for (const auto& service : entry.services) out[service.value] |= days;
    }
  }
  return out;
}

/// The catalogue service a record's title names by its id or name (zh or en, Latin letters
/// in any case), as an import leaves a service it did not recognise.
const config::Service* service_named(const config::Catalogue& catalogue, const std::string& title) {
  auto word = text::clean(title);
  auto lower = text::ascii_lower(word);
  for (const auto& s : catalogue.services) {
    if (lower == text::ascii_lower(s.id) || word == s.name || (!s.name_en.empty() && lower == text::ascii_lower(s.name_en))) {
      return &s;
    }
  }
  return nullptr;
}

/// The services of the themed events of the record's kiosk (of any kiosk, for a record
/// away from the kiosks) whose title its own holds, as sheets write it (“非遗+党建”主题活动
/// for 非遗+党建), in a month the event is held.
std::vector<std::string> services_of_event(const config::Config& config, const HeldSession& h) {
  std::vector<std::string> out;
  auto title = text::clean(h.title);
  auto month = static_cast<unsigned>(h.date.month());
  for (const auto& kiosk : config.kiosks) {
    if (!h.kiosk.empty() && kiosk.id != h.kiosk) continue;
    for (const auto& entry : kiosk.menu) {
      auto event = text::clean(entry.title);
      if (event.empty() || title.find(event) == std::string::npos) continue;
      if (!entry.months.empty() && std::find(entry.months.begin(), entry.months.end(), month) == entry.months.end()) continue;
      for (const auto& service : entry.services) {
        if (config.catalogue.find_service(service.value) &&
            std::find(out.begin(), out.end(), service.value) == out.end()) {
          out.push_back(service.value);
        }
      }
    }
  }
  return out;
}

constexpr unsigned monday_first[] = {1, 2, 3, 4, 5, 6, 0};

void classify(ServiceReview& r, const config::ReviewRules& rules, bool anyone_can_staff, bool over) {
  using G = ReviewGroup;
  using R = ReviewReason;
  auto set = [&](G group, R reason) {
    r.group = group;
    r.reason = reason;
  };
  if (r.sessions == 0) {
    // Not held because nobody could staff it says nothing of what residents want.
    if (r.keen_volunteers == 0 && !anyone_can_staff) return set(G::keep, R::no_skilled_volunteers);
    if (!over) return set(G::insufficient_data, R::not_yet_held);
    return set(G::retire, R::not_held);
  }
  // Unknown is not zero: demand over a few counted sessions is no demand at all.
  int counted = r.sessions - r.without_residents;
  if (counted == 0 || r.without_residents > rules.unknown_share * r.sessions) return set(G::insufficient_data, R::figures_unknown);
  // Nor is one rating among many sessions the residents' verdict: too few ratings judge nothing.
  bool rated = r.satisfaction && r.without_satisfaction <= rules.unknown_share * r.sessions;
  if (rated && *r.satisfaction < rules.satisfaction_poor) return set(G::retire, R::poor_ratings);
  double demand = r.per_session.value_or(0);
  if (demand >= rules.demand_high) {
    if (!rated) return set(G::keep, R::popular_unrated);
    if (*r.satisfaction >= rules.satisfaction_good) return set(G::make_permanent, R::popular);
    return set(G::keep, R::popular_fair);
  }
  if (demand >= rules.demand_low) return set(G::keep, R::middling);
  if (r.kiosks <= rules.niche_kiosks && r.resources == 0) return set(G::keep, R::niche);
  if (r.keen_volunteers >= rules.keen_volunteers) return set(G::graft, R::volunteers_keen);
  set(G::retire, R::little_demand);
}

/// The service to graft `r` onto: one held and kept or made permanent that shares its category,
/// else its skill, else a kiosk, else a weekday; the most demanded of the closest.
void choose_partner(ServiceReview& r, const std::vector<ServiceReview>& all, const config::Config& config,
                    std::map<std::string, std::set<std::string>>& offered_at,
                    std::map<std::string, std::bitset<7>>& weekdays) {
  const auto* mine = config.catalogue.find_service(r.service);
  const ServiceReview* best = nullptr;
  for (const auto& other : all) {
    // Only a service held and kept: one never held, even kept for want of volunteers, carries nothing.
    bool kept = other.group == ReviewGroup::make_permanent || other.group == ReviewGroup::keep;
    if (other.service == r.service || !kept || other.sessions == 0) continue;
    const auto* theirs = config.catalogue.find_service(other.service);
    GraftTie tie = GraftTie::none;
    std::string kiosk;
    unsigned weekday = 0;
    if (mine->category.value == theirs->category.value) {
      tie = GraftTie::category;
    } else if (mine->skill.value == theirs->skill.value) {
      tie = GraftTie::skill;
    } else {
      // The first kiosk of the config both are offered at, else the first day of the week
      // (from Monday) both are held on.
      auto shared = std::find_if(config.kiosks.begin(), config.kiosks.end(), [&](const config::Kiosk& k) {
        return offered_at[r.service].contains(k.id) && offered_at[other.service].contains(k.id);
      });
      auto days = weekdays[r.service] & weekdays[other.service];
      auto day = std::find_if(std::begin(monday_first), std::end(monday_first), [&](unsigned d) { return days.test(d); });
      if (shared != config.kiosks.end()) {
        tie = GraftTie::kiosk;
        kiosk = shared->id;
      } else if (day != std::end(monday_first)) {
        tie = GraftTie::weekday;
        weekday = *day;
      }
    }
    if (tie == GraftTie::none) continue;
    bool closer = !best || tie < r.tie || (tie == r.tie && other.per_session.value_or(0) > best->per_session.value_or(0));
    if (!closer) continue;
    best = &other;
    r.tie = tie;
    r.shared_kiosk = kiosk;
    r.shared_weekday = weekday;
  }
  if (best) r.partner = best->service;
}

}  // namespace

std::vector<ServiceFigures> services_held(const config::Config& config, const std::vector<HeldSession>& sessions) {
  std::map<std::string, ServiceFigures> by_service;
  auto session_of = [](const HeldSession& h) { return format_date(h.date) + "|" + h.kiosk + "|" + h.place + "|" + std::to_string(h.start); };
  // The sessions of records known by their title alone (themed events: a few a month), so
  // that only those of the records of a service are remembered: all of them were a
  // district's year's million strings.
  std::set<std::string> titled;
  for (const auto& h : sessions) {
    if (h.service.empty()) titled.insert(session_of(h));
  }
  std::set<std::pair<std::string, std::string>> counted;  // (service, session) of a titled session
  auto count = [&](const std::string& service, const HeldSession& h) {
    auto& f = by_service[service];
    f.service = service;
    ++f.sessions;
    if (h.residents) f.residents += *h.residents;
    else ++f.without_residents;
    if (h.satisfaction) {
      double weight = static_cast<double>(std::max(h.residents.value_or(1), 1L));
      f.satisfaction.weighted_sum += *h.satisfaction * weight;
      f.satisfaction.weight += weight;
    } else {
      ++f.without_satisfaction;
    }
    if (!h.kiosk.empty() && std::find(f.kiosks.begin(), f.kiosks.end(), h.kiosk) == f.kiosks.end()) f.kiosks.push_back(h.kiosk);
  };
  for (const auto& h : sessions) {
    if (h.service.empty()) continue;
    count(h.service, h);
    if (!titled.empty()) {
      if (auto session = session_of(h); titled.contains(session)) counted.emplace(h.service, std::move(session));
    }
  }
  // Then the records known by their title, each session once.
  for (const auto& h : sessions) {
    if (!h.service.empty()) continue;
    std::vector<std::string> services;
    if (const auto* named = service_named(config.catalogue, h.title)) services.push_back(named->id);
    else services = services_of_event(config, h);
    for (const auto& service : services) {
      if (counted.emplace(service, session_of(h)).second) count(service, h);
    }
  }
  std::vector<ServiceFigures> out;
  for (auto& [id, f] : by_service) out.push_back(std::move(f));
  return out;
}

std::vector<ServiceReview> review_services(const config::Config& config, const std::vector<ServiceFigures>& figures,
                                           const std::map<std::string, int>& needs,
                                           const std::vector<ResourceOffer>& resources,
                                           const std::map<std::string, int>& volunteers_by_skill,
                                           const std::map<std::string, std::set<std::int64_t>>& rosters,
                                           bool over) {
  auto offered_at = kiosks_by_service(config);
  auto weekdays = weekdays_by_service(config);
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
    std::set<std::string> its_kiosks;
    if (at != offered_at.end()) its_kiosks = at->second;
    if (h != held.end()) {
      const auto& f = *h->second;
      r.sessions = f.sessions;
      r.residents = f.residents;
      r.without_residents = f.without_residents;
      r.without_satisfaction = f.without_satisfaction;
      r.satisfaction = f.satisfaction.mean();
      its_kiosks.insert(f.kiosks.begin(), f.kiosks.end());
    }
    // Demand over the sessions whose residents were counted: unknown is not zero.
    if (int counted = r.sessions - r.without_residents; counted > 0) {
      r.per_session = static_cast<double>(r.residents) / counted;
      if (service.daily_cap) r.capacity_use = static_cast<double>(r.residents) / (counted * *service.daily_cap);
    }
    r.keen_volunteers = count_in(volunteers_by_skill, service.skill.value);
    r.kiosks = at == offered_at.end() ? 0 : static_cast<int>(at->second.size());
    for (const auto& offer : resources) {
      if (offer.category != service.category.value) continue;
      bool own = offer.volunteer && std::any_of(its_kiosks.begin(), its_kiosks.end(), [&](const std::string& kiosk) {
                   auto roster = rosters.find(kiosk);
                   return roster != rosters.end() && roster->second.contains(*offer.volunteer);
                 });
      ++(own ? r.own_resources : r.resources);
    }
    r.needs = count_in(needs, service.category.value);
    classify(r, config.settings.review, service.skill.value == config::general_skill, over);
    out.push_back(std::move(r));
  }
  for (auto& r : out) {
    if (r.reason == ReviewReason::volunteers_keen) choose_partner(r, out, config, offered_at, weekdays);
  }
  std::stable_sort(out.begin(), out.end(), [](const ServiceReview& a, const ServiceReview& b) {
    if (a.group != b.group) return a.group < b.group;
    return a.per_session.value_or(-1) > b.per_session.value_or(-1);
  });
  return out;
}

}  // namespace kangle::report
