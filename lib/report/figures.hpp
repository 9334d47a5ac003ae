// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/dates.hpp"

namespace kangle::storage {
class Connection;
}

namespace kangle::report {

/// Residents' satisfaction over many records, each weighted by the residents it
/// served (at least one): a session of thirty counts more than a session of two.
struct Satisfaction {
  double weighted_sum = 0;
  double weight = 0;
  long ratings = 0;  ///< records and projects rated: how much evidence the mean rests on
  std::optional<double> mean() const;
};

/// What happened in a period: the figures the headline and its comparisons use.
/// Cancelled records count nowhere.
struct PeriodFigures {
  int sessions = 0;        ///< records of everyday and weekly services and outreach (便民服务场次)
  int outreach = 0;        ///< of `sessions`, outreach away from the kiosks (上门服务, an emergency round)
  int themed_events = 0;   ///< records of monthly themed events (主题活动), and nothing else
  long residents = 0;      ///< residents served, person-times (服务群众人次)
  int volunteers = 0;      ///< distinct volunteers who served
  long volunteer_times = 0;  ///< volunteer person-times (志愿者人次)
  int party_members = 0;   ///< of `volunteers`, party members
  long recorded_minutes = 0;
  long granted_minutes = 0;
  Satisfaction satisfaction;
  int new_volunteers = 0;  ///< registered in the period
  long points_awarded = 0; ///< earned in the period, less reversals of earnings
  /// Projects that reached each status in the period (proposed, claimed, done, reviewed,
  /// declined, cancelled); under "proposed" only those neither declined nor cancelled since.
  std::map<std::string, int> projects;
  /// Micro-wishes (distinct needs) whose project reached each status in the period: a wish
  /// claimed by two units is one wish.
  std::map<std::string, int> wishes;
};

/// The period's figures. `zone` (the workspace's) puts what is stored as a moment (a
/// project's step, a sign-up) on the day it was where the kiosks are, as it does below.
PeriodFigures period_figures(storage::Connection& db, const Period& period, const std::string& zone);

/// The count under `key` in a map of counts; 0 when it has none.
int count_in(const std::map<std::string, int>& counts, const std::string& key);

/// One kiosk's (or, for outreach away from kiosks, one place's) figures in a period.
struct KioskFigures {
  std::string kiosk;  ///< empty for records away from any kiosk
  int sessions = 0, themed_events = 0;
  long residents = 0, volunteer_times = 0, minutes = 0;
  Satisfaction satisfaction;
};

/// By kiosk id, records away from kiosks under "".
std::vector<KioskFigures> kiosk_figures(storage::Connection& db, const Period& period);

/// One service's (or themed event's, by its title) figures in a period.
struct ServiceFigures {
  std::string service;  ///< a catalogue id; empty for an event known by its title
  std::string title;
  /// Of a record known by its title: `monthly` (a themed event), `outreach`, or the kiosk's
  /// `daily` or `weekly`. Empty for a catalogue service.
  std::string cadence;
  int sessions = 0;
  long residents = 0;  ///< over the sessions with a residents count
  Satisfaction satisfaction;
  std::vector<std::string> kiosks;  ///< where it was held
  /// Sessions without a residents count, without a satisfaction score: unknown, not zero
  /// (a day confirmed from the rota has neither unless the coordinator gave them).
  int without_residents = 0, without_satisfaction = 0;
};

/// By service id, then title and cadence.
std::vector<ServiceFigures> service_figures(storage::Connection& db, const Period& period);

/// One record of the period, as the portfolio review counts it: what was held (a service,
/// or an event by its title), where, when, and what it counted.
struct HeldSession {
  std::string service, title, kiosk, place;
  Date date;
  int start = 0;  ///< minutes past midnight
  std::optional<long> residents;
  std::optional<double> satisfaction;
};

/// Every record of the period, cancelled ones left out, by date, start and id.
std::vector<HeldSession> held_sessions(storage::Connection& db, const Period& period);

/// A resource on the resources list, as the review counts it: its category, and the
/// volunteer of the roll who offers it (a resource of a volunteer found by phone, else by
/// their one name).
struct ResourceOffer {
  std::string category;
  std::optional<std::int64_t> volunteer;
};
std::vector<ResourceOffer> resource_offers(storage::Connection& db);

/// Each kiosk's own volunteers among those offering `offers`: on its rota, recorded serving
/// there, or preferring it. Only theirs: everyone's is every record ever kept (a minute and
/// 380 MB over five years of a district's).
std::map<std::string, std::set<std::int64_t>> kiosk_rosters(storage::Connection& db, const std::vector<ResourceOffer>& offers);

/// Needs of each category registered in the period (what residents asked for).
std::map<std::string, int> needs_by_category(storage::Connection& db, const Period& period, const std::string& zone);
/// Volunteers with each skill.
std::map<std::string, int> volunteers_by_skill(storage::Connection& db);

/// A co-building unit's part in a period (反向考核).
struct UnitFigures {
  std::string unit;
  int registered = 0;        ///< its volunteers on the roll
  int volunteers_sent = 0;   ///< of them, who served in the period
  int sessions = 0;          ///< distinct records its volunteers served
  long volunteer_times = 0;
  long minutes = 0;
  int claimed = 0, done = 0, done_on_time = 0;  ///< its projects, by what happened in the period
  Satisfaction satisfaction;  ///< of the records its volunteers served and its projects reviewed
};

/// Every unit with volunteers on the roll or projects, by name.
std::vector<UnitFigures> unit_figures(storage::Connection& db, const Period& period, const std::string& zone);

/// The street's satisfaction in a period: every record, and every project reviewed. What a
/// unit's own is drawn toward when it rests on few ratings.
Satisfaction street_satisfaction(storage::Connection& db, const Period& period, const std::string& zone);

/// A session a unit's volunteers served, or a project it ran, that residents rated low.
struct LowRating {
  std::string unit;
  Date date;
  std::int64_t project = 0;  ///< 0 for a session
  std::string kiosk, place, service, title;  ///< a session's
  std::string need;          ///< a project's need, as described
  double rating = 0;
};

/// Every session and reviewed project of the period rated `at_most` or below, by unit, date.
std::vector<LowRating> low_ratings(storage::Connection& db, const Period& period, const std::string& zone, double at_most);

/// A volunteer's part in a period.
struct VolunteerFigures {
  std::int64_t id = 0;
  std::string name, phone, unit;
  bool party_member = false;
  int sessions = 0;
  long recorded_minutes = 0, granted_minutes = 0;
  long points = 0;   ///< earned in the period
  long balance = 0;  ///< at the end of the ledger
};

/// Every volunteer who served, was granted hours or earned points in the period, by id.
std::vector<VolunteerFigures> volunteer_figures(storage::Connection& db, const Period& period);

/// Distinct volunteers who served each skill at each kiosk in the period: what a unit
/// asks when it plans who to send. `skill_of` maps a catalogue service to its skill.
struct Coverage {
  std::string kiosk, skill;
  int volunteers = 0;
};
std::vector<Coverage> coverage(storage::Connection& db, const Period& period,
                               const std::function<std::string(const std::string&)>& skill_of);

/// The rota's seats in the period, filled and not, by kiosk, weekday and part of day.
struct SeatFigures {
  std::string kiosk;
  unsigned weekday = 0;  ///< c_encoding: 0 = Sunday
  int part = 0;          ///< 0 morning (before 12:00), 1 afternoon (before 18:00), 2 evening
  int filled = 0, unfilled = 0;
};
std::vector<SeatFigures> seat_figures(storage::Connection& db, const Period& period);

}  // namespace kangle::report
