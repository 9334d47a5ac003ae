// SPDX-License-Identifier: Apache-2.0
#include "report/figures.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/text.hpp"
#include "storage/connection.hpp"
#include "storage/rows.hpp"

namespace kangle::report {
namespace {

/// The period's first and last days as the database writes dates (`YYYY-MM-DD`).
struct Bounds {
  std::string first, last;
  /// The moments the period begins and the day after it begins in the workspace's zone,
  /// for what is stored as a UTC moment (a project's events, a sign-up): empty for a
  /// figure of dated records only.
  std::string since, until;
  explicit Bounds(const Period& p) : first(format_date(p.first)), last(format_date(p.last)) {}
  Bounds(const Period& p, const std::string& zone)
      : Bounds(p) {
    since = day_start_utc(p.first, zone);
    until = day_start_utc(Date{std::chrono::sys_days{p.last} + std::chrono::days{1}}, zone);
  }
};

/// A statement over the period: :first and :last days, :since and :until moments.
storage::Statement over(storage::Connection& db, const std::string& sql, const Bounds& b) {
  storage::Statement q(db, sql);
  for (const auto& [name, value] : {std::pair{":first", &b.first}, {":last", &b.last}, {":since", &b.since}, {":until", &b.until}}) {
    int index = q.parameter_index(name);
    if (index == 0) continue;
    // Unbound, the moments would be NULL and every comparison false: no figure at all.
    if (value->empty()) throw std::logic_error(std::string("a period's figures over moments without a time zone: ") + name);
    q.bind(index, *value);
  }
  return q;
}

/// The weight of one record's satisfaction: the residents it served, at least one; then
/// the records rated.
constexpr const char* weighted_satisfaction =
    "sum(r.satisfaction * CASE WHEN r.residents > 1 THEN r.residents ELSE 1 END), "
    "sum(CASE WHEN r.satisfaction IS NOT NULL THEN CASE WHEN r.residents > 1 THEN r.residents ELSE 1 END END), count(r.satisfaction)";

Satisfaction satisfaction_at(storage::Statement& q, int column) {
  Satisfaction s;
  if (!q.column(column + 1).is_null()) {
    s.weighted_sum = q.column(column).real();
    s.weight = q.column(column + 1).real();
    s.ratings = q.column(column + 2).int64();
  }
  return s;
}

void add(Satisfaction& to, const Satisfaction& more) {
  to.weighted_sum += more.weighted_sum;
  to.weight += more.weight;
  to.ratings += more.ratings;
}

}  // namespace

int count_in(const std::map<std::string, int>& counts, const std::string& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

std::optional<double> Satisfaction::mean() const {
  if (weight <= 0) return std::nullopt;
  return weighted_sum / weight;
}

PeriodFigures period_figures(storage::Connection& db, const Period& period, const std::string& zone) {
  Bounds b(period, zone);
  PeriodFigures f;
  {
    auto q = over(db,
                  (std::string("SELECT count(*), count(CASE WHEN r.cadence = 'monthly' THEN 1 END), coalesce(sum(r.residents), 0), "
                               "count(CASE WHEN r.cadence = 'outreach' THEN 1 END), ") +
                   weighted_satisfaction +
                   " FROM service_records r WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL"),
                  b);
    q.step();
    f.themed_events = q.column(1).int32();
    f.sessions = q.column(0).int32() - f.themed_events;
    f.residents = q.column(2).int64();
    f.outreach = q.column(3).int32();
    f.satisfaction = satisfaction_at(q, 4);
  }
  {
    // Each volunteer grouped first, then looked up once: a lookup per person-time and
    // count(DISTINCT) made a district's monthly report 3× slower (bench/README.md).
    auto q = over(db,
                  "SELECT count(*), coalesce(sum(p.times), 0), coalesce(sum(p.minutes), 0), "
                  "count(CASE WHEN v.party_member = 1 THEN 1 END) "
                  "FROM (SELECT rv.volunteer_id, count(*) AS times, sum(rv.minutes) AS minutes "
                  "      FROM service_records r JOIN record_volunteers rv ON rv.record_id = r.id "
                  "      WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL "
                  "      GROUP BY rv.volunteer_id) p "
                  "JOIN volunteers v ON v.id = p.volunteer_id",
                  b);
    q.step();
    f.volunteers = q.column(0).int32();
    f.volunteer_times = q.column(1).int64();
    f.recorded_minutes = q.column(2).int64();
    f.party_members = q.column(3).int32();
  }
  {
    auto q = over(db, "SELECT coalesce(sum(minutes), 0) FROM granted_hours WHERE date BETWEEN :first AND :last", b);
    q.step();
    f.granted_minutes = q.column(0).int64();
  }
  {
    auto q = over(db, "SELECT count(*) FROM volunteers WHERE created_at >= :since AND created_at < :until", b);
    q.step();
    f.new_volunteers = q.column(0).int32();
  }
  {
    auto q = over(db, "SELECT coalesce(sum(points), 0) FROM points_by_day WHERE date BETWEEN :first AND :last AND kind = 'earn'", b);
    q.step();
    f.points_awarded = q.column(0).int64();
  }
  {
    // A match declined or cancelled since is no match: left out of "proposed", counted
    // apart under "declined" and "cancelled". Wishes are needs, however many projects serve one.
    auto q = over(db,
                  "SELECT e.to_status, count(DISTINCT e.project_id), "
                  "count(DISTINCT CASE WHEN n.micro_wish = 1 THEN n.id END) FROM project_events e "
                  "JOIN projects p ON p.id = e.project_id JOIN needs n ON n.id = p.need_id "
                  "WHERE e.at >= :since AND e.at < :until "
                  "AND NOT (e.to_status = 'proposed' AND p.status IN ('declined', 'cancelled')) GROUP BY e.to_status",
                  b);
    while (q.step()) {
      auto status = q.column(0).text();
      f.projects[status] = q.column(1).int32();
      f.wishes[status] = q.column(2).int32();
    }
  }
  return f;
}

std::vector<KioskFigures> kiosk_figures(storage::Connection& db, const Period& period) {
  Bounds b(period);
  std::map<std::string, KioskFigures> by_kiosk;
  {
    auto q = over(db,
                  (std::string("SELECT r.kiosk, count(*), count(CASE WHEN r.cadence = 'monthly' THEN 1 END), "
                               "coalesce(sum(r.residents), 0), ") +
                   weighted_satisfaction +
                   " FROM service_records r WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL GROUP BY r.kiosk"),
                  b);
    while (q.step()) {
      auto& k = by_kiosk[q.column(0).text()];
      k.kiosk = q.column(0).text();
      k.themed_events = q.column(2).int32();
      k.sessions = q.column(1).int32() - k.themed_events;
      k.residents = q.column(3).int64();
      k.satisfaction = satisfaction_at(q, 4);
    }
  }
  {
    auto q = over(db,
                  "SELECT r.kiosk, count(*), coalesce(sum(rv.minutes), 0) FROM service_records r "
                  "JOIN record_volunteers rv ON rv.record_id = r.id "
                  "WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL GROUP BY r.kiosk",
                  b);
    while (q.step()) {
      auto& k = by_kiosk[q.column(0).text()];
      k.volunteer_times = q.column(1).int64();
      k.minutes = q.column(2).int64();
    }
  }
  std::vector<KioskFigures> out;
  for (auto& [id, k] : by_kiosk) out.push_back(std::move(k));
  return out;
}

std::vector<ServiceFigures> service_figures(storage::Connection& db, const Period& period) {
  Bounds b(period);
  std::map<std::tuple<std::string, std::string, std::string>, ServiceFigures> by_service;
  auto q = over(db,
                (std::string("SELECT r.service, CASE WHEN r.service = '' THEN r.title ELSE '' END, "
                             "CASE WHEN r.service = '' THEN r.cadence ELSE '' END, r.kiosk, count(*), "
                             "coalesce(sum(r.residents), 0), ") +
                 weighted_satisfaction +
                 ", count(*) - count(r.residents)"
                 " FROM service_records r WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL "
                 "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"),
                b);
  while (q.step()) {
    auto& s = by_service[{q.column(0).text(), q.column(1).text(), q.column(2).text()}];
    s.service = q.column(0).text();
    s.title = q.column(1).text();
    s.cadence = q.column(2).text();
    if (auto kiosk = q.column(3).text(); !kiosk.empty()) s.kiosks.push_back(kiosk);
    s.sessions += q.column(4).int32();
    s.residents += q.column(5).int64();
    add(s.satisfaction, satisfaction_at(q, 6));
    s.without_residents += q.column(9).int32();
    s.without_satisfaction += q.column(4).int32() - q.column(8).int32();
  }
  std::vector<ServiceFigures> out;
  for (auto& [key, s] : by_service) out.push_back(std::move(s));
  return out;
}

std::map<std::string, int> needs_by_category(storage::Connection& db, const Period& period, const std::string& zone) {
  auto q = over(db, "SELECT category, count(*) FROM needs WHERE created_at >= :since AND created_at < :until GROUP BY category",
                Bounds(period, zone));
  std::map<std::string, int> out;
  while (q.step()) out[q.column(0).text()] = q.column(1).int32();
  return out;
}

std::vector<HeldSession> held_sessions(storage::Connection& db, const Period& period) {
  Bounds b(period);
  // Counted first, so that a district's year (a million records) is not copied as it grows:
  // cancelled ones too, which the index by date counts alone, without reading the records.
  auto count = over(db, "SELECT count(*) FROM service_records WHERE date BETWEEN :first AND :last", b);
  count.step();
  std::vector<HeldSession> out;
  out.reserve(static_cast<std::size_t>(count.column(0).int64()));
  auto q = over(db,
                "SELECT service, title, kiosk, place, date, start_minute, residents, satisfaction FROM service_records "
                "WHERE date BETWEEN :first AND :last AND cancelled_at IS NULL ORDER BY date, start_minute, id",
                b);
  while (q.step()) {
    HeldSession h{q.column(0).text(), q.column(1).text(), q.column(2).text(),
                  q.column(3).text(), storage::date_at(q, 4), q.column(5).int32(), {}, {}};
    if (!q.column(6).is_null()) h.residents = q.column(6).int64();
    if (!q.column(7).is_null()) h.satisfaction = q.column(7).real();
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<ResourceOffer> resource_offers(storage::Connection& db) {
  // A volunteer's resource names them by phone, else by name; a name two volunteers
  // share names neither.
  storage::Statement q(db,
                      "SELECT r.category, CASE WHEN r.provider_kind = 'volunteer' THEN coalesce("
                      "(SELECT v.id FROM volunteers v WHERE v.phone = r.phone), "
                      "(SELECT CASE WHEN count(*) = 1 THEN min(v.id) END FROM volunteers v WHERE v.name = r.provider)) END "
                      "FROM resources r ORDER BY r.id");
  std::vector<ResourceOffer> out;
  while (q.step()) {
    ResourceOffer offer{q.column(0).text(), {}};
    if (!q.column(1).is_null()) offer.volunteer = q.column(1).int64();
    out.push_back(std::move(offer));
  }
  return out;
}

std::map<std::string, std::set<std::int64_t>> kiosk_rosters(storage::Connection& db, const std::vector<ResourceOffer>& offers) {
  std::set<std::int64_t> offering;
  for (const auto& offer : offers) {
    if (offer.volunteer) offering.insert(*offer.volunteer);
  }
  std::map<std::string, std::set<std::int64_t>> out;
  storage::Statement served(db,
                           "SELECT kiosk FROM rota_seats WHERE volunteer_id = ?1 "
                           "UNION SELECT r.kiosk FROM record_volunteers rv JOIN service_records r ON r.id = rv.record_id "
                           "WHERE rv.volunteer_id = ?1 AND r.kiosk <> '' AND r.cancelled_at IS NULL");
  storage::Statement preferring(db, "SELECT preferences FROM volunteers WHERE id = ?");
  for (auto id : offering) {
    served.bind(1, id);
    while (served.step()) out[served.column(0).text()].insert(id);
    served.reset();
    // Preferences are kiosk and service ids together: a service's id names no kiosk, so it does no harm.
    preferring.bind(1, id);
    if (preferring.step()) {
      for (const auto& kiosk : text::split(preferring.column(0).text(), ',')) {
        if (!kiosk.empty()) out[kiosk].insert(id);
      }
    }
    preferring.reset();
  }
  return out;
}

std::map<std::string, int> volunteers_by_skill(storage::Connection& db) {
  storage::Statement q(db, "SELECT skill, count(*) FROM volunteer_skills GROUP BY skill");
  std::map<std::string, int> out;
  while (q.step()) out[q.column(0).text()] = q.column(1).int32();
  return out;
}

std::vector<UnitFigures> unit_figures(storage::Connection& db, const Period& period, const std::string& zone) {
  Bounds b(period, zone);
  std::map<std::string, UnitFigures> by_unit;
  auto unit = [&](const std::string& name) -> UnitFigures& {
    auto& u = by_unit[name];
    u.unit = name;
    return u;
  };
  // Each volunteer of a unit, and whether they served in the period.
  struct Member {
    UnitFigures* unit;
    bool served = false;
  };
  std::unordered_map<std::int64_t, Member> members;
  {
    storage::Statement q(db, "SELECT id, unit FROM volunteers WHERE unit <> ''");
    while (q.step()) {
      auto& u = unit(q.column(1).text());
      ++u.registered;
      members.emplace(q.column(0).int64(), Member{&u});
    }
  }
  {
    // The period's records once, in their index's order, so that a record's volunteers come
    // together: it counts once for each unit among them, its rating too. Grouped by unit in
    // SQL, twice, with count(DISTINCT), a district's year took 20 s (bench/README.md).
    auto q = over(db,
                  "SELECT r.id, r.satisfaction, r.residents, rv.volunteer_id, rv.minutes FROM service_records r "
                  "JOIN record_volunteers rv ON rv.record_id = r.id "
                  "WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL ORDER BY r.date, r.kiosk, r.id",
                  b);
    std::optional<std::int64_t> record;
    Satisfaction rated;  // the record's own, weighted by its residents
    std::vector<UnitFigures*> units_served;
    auto close_record = [&] {
      for (auto* u : units_served) {
        ++u->sessions;
        add(u->satisfaction, rated);
      }
      units_served.clear();
    };
    while (q.step()) {
      if (auto id = q.column(0).int64(); id != record) {
        close_record();
        record = id;
        rated = {};
        if (!q.column(1).is_null()) {
          double residents = q.column(2).is_null() ? 1 : std::max<double>(1, q.column(2).real());
          rated = {q.column(1).real() * residents, residents, 1};
        }
      }
      auto member = members.find(q.column(3).int64());
      if (member == members.end()) continue;
      auto& u = *member->second.unit;
      if (!std::exchange(member->second.served, true)) ++u.volunteers_sent;
      ++u.volunteer_times;
      u.minutes += q.column(4).int64();
      if (std::find(units_served.begin(), units_served.end(), &u) == units_served.end()) units_served.push_back(&u);
    }
    close_record();
  }
  {
    auto q = over(db,
                  "SELECT p.unit, e.to_status, count(DISTINCT p.id), "
                  "count(DISTINCT CASE WHEN e.to_status = 'done' AND (n.deadline IS NULL OR p.done_on <= n.deadline) "
                  "THEN p.id END), sum(CASE WHEN e.to_status = 'reviewed' THEN p.satisfaction END), "
                  "count(CASE WHEN e.to_status = 'reviewed' THEN p.satisfaction END) "
                  "FROM project_events e JOIN projects p ON p.id = e.project_id JOIN needs n ON n.id = p.need_id "
                  "JOIN resources r ON r.id = p.resource_id "
                  "WHERE e.at >= :since AND e.at < :until AND p.unit <> '' AND r.provider_kind = 'unit' "
                  "GROUP BY p.unit, e.to_status",
                  b);
    while (q.step()) {
      auto& u = unit(q.column(0).text());
      auto status = q.column(1).text();
      if (status == "claimed") u.claimed = q.column(2).int32();
      if (status == "done") {
        u.done = q.column(2).int32();
        u.done_on_time = q.column(3).int32();
      }
      if (status == "reviewed" && q.column(5).int32() > 0) {
        add(u.satisfaction, {q.column(4).real(), q.column(5).real(), q.column(5).int64()});
      }
    }
  }
  std::vector<UnitFigures> out;
  for (auto& [name, u] : by_unit) out.push_back(std::move(u));
  return out;
}

Satisfaction street_satisfaction(storage::Connection& db, const Period& period, const std::string& zone) {
  Bounds b(period, zone);
  Satisfaction s;
  {
    auto q = over(db,
                  std::string("SELECT ") + weighted_satisfaction +
                      " FROM service_records r WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL",
                  b);
    q.step();
    s = satisfaction_at(q, 0);
  }
  {
    // A project's rating counts once, as a unit's does (unit_figures).
    auto q = over(db,
                  "SELECT coalesce(sum(p.satisfaction), 0), count(p.satisfaction) FROM projects p "
                  "WHERE p.id IN (SELECT project_id FROM project_events WHERE to_status = 'reviewed' "
                  "AND at >= :since AND at < :until)",
                  b);
    q.step();
    auto rated = q.column(1).int64();
    add(s, {q.column(0).real(), static_cast<double>(rated), rated});
  }
  return s;
}

std::vector<LowRating> low_ratings(storage::Connection& db, const Period& period, const std::string& zone, double at_most) {
  Bounds b(period, zone);
  std::vector<LowRating> out;
  {
    auto q = over(db,
                  "SELECT DISTINCT v.unit, r.date, r.kiosk, r.place, r.service, r.title, r.satisfaction, r.id "
                  "FROM service_records r JOIN record_volunteers rv ON rv.record_id = r.id "
                  "JOIN volunteers v ON v.id = rv.volunteer_id "
                  "WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL AND v.unit <> '' "
                  "AND r.satisfaction <= :at_most",
                  b);
    q.bind(q.parameter_index(":at_most"), at_most);
    while (q.step()) {
      LowRating l;
      l.unit = q.column(0).text();
      l.date = storage::date_at(q, 1);
      l.kiosk = q.column(2).text();
      l.place = q.column(3).text();
      l.service = q.column(4).text();
      l.title = q.column(5).text();
      l.rating = q.column(6).real();
      out.push_back(std::move(l));
    }
  }
  {
    auto q = over(db,
                  "SELECT DISTINCT p.unit, e.at, p.id, n.description, p.satisfaction FROM project_events e "
                  "JOIN projects p ON p.id = e.project_id JOIN needs n ON n.id = p.need_id "
                  "JOIN resources r ON r.id = p.resource_id "
                  "WHERE e.to_status = 'reviewed' AND e.at >= :since AND e.at < :until AND p.unit <> '' "
                  "AND r.provider_kind = 'unit' AND p.satisfaction <= :at_most",
                  b);
    q.bind(q.parameter_index(":at_most"), at_most);
    while (q.step()) {
      LowRating l;
      l.unit = q.column(0).text();
      l.date = local_date(q.column(1).text(), zone);
      l.project = q.column(2).int64();
      l.need = q.column(3).text();
      l.rating = q.column(4).real();
      out.push_back(std::move(l));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const LowRating& a, const LowRating& c) {
    if (a.unit != c.unit) return a.unit < c.unit;
    return std::chrono::sys_days{a.date} < std::chrono::sys_days{c.date};
  });
  return out;
}

std::vector<VolunteerFigures> volunteer_figures(storage::Connection& db, const Period& period) {
  Bounds b(period);
  std::map<std::int64_t, VolunteerFigures> by_id;
  {
    auto q = over(db,
                  "SELECT rv.volunteer_id, count(*), sum(rv.minutes) FROM service_records r "
                  "JOIN record_volunteers rv ON rv.record_id = r.id "
                  "WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL GROUP BY rv.volunteer_id",
                  b);
    while (q.step()) {
      auto& v = by_id[q.column(0).int64()];
      v.sessions = q.column(1).int32();
      v.recorded_minutes = q.column(2).int64();
    }
  }
  {
    auto q = over(db, "SELECT volunteer_id, sum(minutes) FROM granted_hours WHERE date BETWEEN :first AND :last GROUP BY 1", b);
    while (q.step()) by_id[q.column(0).int64()].granted_minutes = q.column(1).int64();
  }
  {
    auto q = over(db,
                  "SELECT volunteer_id, sum(points) FROM points_by_day WHERE date BETWEEN :first AND :last AND kind = 'earn' "
                  "GROUP BY 1",
                  b);
    while (q.step()) by_id[q.column(0).int64()].points = q.column(1).int64();
  }
  storage::Statement person(db, "SELECT name, coalesce(phone, ''), unit, party_member FROM volunteers WHERE id = ?");
  storage::Statement balance(db, "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE volunteer_id = ?");
  std::vector<VolunteerFigures> out;
  for (auto& [id, v] : by_id) {
    v.id = id;
    person.bind(1, id);
    if (person.step()) {
      v.name = person.column(0).text();
      v.phone = person.column(1).text();
      v.unit = person.column(2).text();
      v.party_member = person.column(3).int32() == 1;
    }
    person.reset();
    balance.bind(1, id);
    balance.step();
    v.balance = balance.column(0).int64();
    balance.reset();
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<Coverage> coverage(storage::Connection& db, const Period& period,
                               const std::function<std::string(const std::string&)>& skill_of) {
  // Each volunteer's row as it comes, told apart here: SELECT DISTINCT sorted a district's
  // year (two million rows) in a temporary b-tree, 10 s (bench/README.md, session 37).
  auto q = over(db,
                "SELECT r.kiosk, r.service, rv.volunteer_id FROM service_records r "
                "JOIN record_volunteers rv ON rv.record_id = r.id "
                "WHERE r.date BETWEEN :first AND :last AND r.cancelled_at IS NULL AND r.service <> ''",
                Bounds(period));
  std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>> who;  // by kiosk and skill
  std::map<std::string, std::string> skills;  // by service: looked up once each
  std::string kiosk, service;
  std::vector<std::int64_t>* served = nullptr;  // the volunteers of the last row's kiosk and service
  while (q.step()) {
    if (!served || q.column(0).view() != kiosk || q.column(1).view() != service) {
      kiosk = q.column(0).text();
      service = q.column(1).text();
      auto known = skills.find(service);
      if (known == skills.end()) known = skills.emplace(service, skill_of(service)).first;
      served = &who[{kiosk, known->second}];
    }
    served->push_back(q.column(2).int64());
  }
  std::vector<Coverage> out;
  for (auto& [key, volunteers] : who) {
    std::sort(volunteers.begin(), volunteers.end());
    auto distinct = std::unique(volunteers.begin(), volunteers.end()) - volunteers.begin();
    out.push_back({key.first, key.second, static_cast<int>(distinct)});
  }
  return out;
}

std::vector<SeatFigures> seat_figures(storage::Connection& db, const Period& period) {
  // By day in SQL, by weekday here: the two databases name a date's weekday differently.
  auto q = over(db,
                "SELECT kiosk, date, CASE WHEN start_minute < 720 THEN 0 WHEN start_minute < 1080 THEN 1 ELSE 2 END, "
                "count(volunteer_id), count(*) - count(volunteer_id) FROM rota_seats "
                "WHERE date BETWEEN :first AND :last GROUP BY 1, 2, 3",
                Bounds(period));
  std::map<std::tuple<std::string, unsigned, int>, std::pair<int, int>> by_weekday;  // filled, unfilled
  while (q.step()) {
    auto weekday = std::chrono::weekday(std::chrono::sys_days(storage::date_at(q, 1))).c_encoding();
    auto& [filled, unfilled] = by_weekday[{q.column(0).text(), weekday, q.column(2).int32()}];
    filled += q.column(3).int32();
    unfilled += q.column(4).int32();
  }
  std::vector<SeatFigures> out;
  for (const auto& [key, counts] : by_weekday) {
    out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), counts.first, counts.second});
  }
  return out;
}

}  // namespace kangle::report
