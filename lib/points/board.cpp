// SPDX-License-Identifier: Apache-2.0
#include "points/board.hpp"
#include "storage/connection.hpp"

#include <algorithm>
#include <map>

namespace kangle::points {
namespace {

/// Fills in name, phone, unit and party membership for `standings`: only for those shown,
/// not for everyone.
void fill_people(storage::Connection& db, std::vector<Standing>& standings) {
  storage::Statement person(db, "SELECT name, coalesce(phone, ''), unit, party_member FROM volunteers WHERE id = ?");
  for (auto& s : standings) {
    person.reset();
    person.bind(1, s.volunteer);
    if (person.step()) {
      s.name = person.column(0).text();
      s.phone = person.column(1).text();
      s.unit = person.column(2).text();
      s.party_member = person.column(3).int32() != 0;
    }
  }
}

/// By volunteer, the sessions, minutes and months with a session from ?1 to ?2 of everyone
/// who served then (one pass over the period's records), or from ?2 to ?3 of the volunteer
/// ?1 (through their own sessions of the period).
constexpr const char* service_sql =
    "SELECT a.volunteer_id, count(*), coalesce(sum(a.minutes), 0), count(DISTINCT substr(r.date, 1, 7)) "
    "FROM service_records r JOIN record_volunteers a ON a.record_id = r.id "
    "WHERE r.date BETWEEN ?1 AND ?2 AND r.cancelled_at IS NULL GROUP BY a.volunteer_id";
constexpr const char* one_volunteer_service_sql =
    "SELECT a.volunteer_id, count(*), coalesce(sum(a.minutes), 0), count(DISTINCT substr(r.date, 1, 7)) "
    "FROM record_volunteers a JOIN service_records r ON r.id = a.record_id "
    "WHERE a.volunteer_id = ?1 AND a.date BETWEEN ?2 AND ?3 AND r.date BETWEEN ?2 AND ?3 AND r.cancelled_at IS NULL "
    "GROUP BY a.volunteer_id";

void set_service(Standing& s, storage::Statement& served) {
  s.sessions = served.column(1).int32();
  s.minutes = served.column(2).int64();
  s.months = served.column(3).int32();
}

/// Sessions, minutes and months served from `first` to `last`, for `standings` alone.
void fill_service(storage::Connection& db, std::vector<Standing>& standings, const Date& first, const Date& last) {
  storage::Statement served(db, one_volunteer_service_sql);
  for (auto& s : standings) {
    served.reset();
    served.bind(1, s.volunteer);
    served.bind(2, format_date(first));
    served.bind(3, format_date(last));
    if (served.step()) set_service(s, served);
  }
}

/// Points earned by each volunteer from `first` to `last`, positive totals only, as
/// (volunteer, points): light enough to hold for everyone of a district.
std::vector<std::pair<std::int64_t, long>> points_earned(storage::Connection& db, const Date& first, const Date& last) {
  storage::Statement q(db,
                      "SELECT volunteer_id, sum(points) FROM points_by_day WHERE date >= ? AND date <= ? "
                      "AND (kind = 'earn' OR kind = 'adjust') GROUP BY volunteer_id HAVING sum(points) > 0");
  q.bind(1, format_date(first));
  q.bind(2, format_date(last));
  std::vector<std::pair<std::int64_t, long>> out;
  while (q.step()) out.emplace_back(q.column(0).int64(), q.column(1).int64());
  return out;
}

Standing standing_of(const std::pair<std::int64_t, long>& earned) {
  Standing s;
  s.volunteer = earned.first;
  s.points = earned.second;
  return s;
}

}  // namespace

std::vector<Standing> honour_board(storage::Connection& db, const Period& period, int top) {
  auto earned = points_earned(db, period.first, period.last);
  std::sort(earned.begin(), earned.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::size_t shown = std::min(earned.size(), static_cast<std::size_t>(std::max(top, 0)));
  while (shown > 0 && shown < earned.size() && earned[shown].second == earned[shown - 1].second) ++shown;
  std::vector<Standing> all;
  for (std::size_t i = 0; i < shown; ++i) all.push_back(standing_of(earned[i]));
  fill_people(db, all);
  fill_service(db, all, period.first, period.last);
  std::sort(all.begin(), all.end(), [](const Standing& a, const Standing& b) {
    return std::tie(b.points, b.sessions, b.minutes, a.volunteer) < std::tie(a.points, a.sessions, a.minutes, b.volunteer);
  });
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i].rank = i > 0 && all[i].points == all[i - 1].points ? all[i - 1].rank : static_cast<int>(i) + 1;
  }
  return all;
}

std::vector<Standing> star_volunteers(storage::Connection& db, const config::StarCriteria& criteria, int year) {
  auto period = *parse_period(std::to_string(year));
  // Everyone who served or earned in the year is a candidate.
  std::map<std::int64_t, Standing> candidates;
  for (const auto& e : points_earned(db, period.first, period.last)) candidates[e.first] = standing_of(e);
  {
    storage::Statement served(db, service_sql);
    served.bind(1, format_date(period.first));
    served.bind(2, format_date(period.last));
    while (served.step()) {
      auto& s = candidates[served.column(0).int64()];
      s.volunteer = served.column(0).int64();
      set_service(s, served);
    }
  }
  std::vector<Standing> all;
  for (auto& [id, s] : candidates) all.push_back(s);
  {
    storage::Statement granted(db,
                              "SELECT volunteer_id, sum(minutes) FROM granted_hours WHERE date >= ? AND date <= ? "
                              "GROUP BY volunteer_id");
    granted.bind(1, format_date(period.first));
    granted.bind(2, format_date(period.last));
    std::map<std::int64_t, long> extra;
    while (granted.step()) extra[granted.column(0).int64()] = granted.column(1).int64();
    for (auto& s : all) s.minutes += extra[s.volunteer];
  }
  std::erase_if(all, [&](const Standing& s) {
    return s.sessions < criteria.min_sessions || s.minutes < criteria.min_hours * 60L ||
           s.months < criteria.min_months || s.points < criteria.min_points;
  });
  auto key = [&](const Standing& s) {
    switch (criteria.rank_by) {
      case config::StarRank::hours: return std::tuple{s.minutes, s.points, static_cast<long>(s.sessions)};
      case config::StarRank::sessions: return std::tuple{static_cast<long>(s.sessions), s.points, s.minutes};
      case config::StarRank::points: break;
    }
    return std::tuple{s.points, static_cast<long>(s.sessions), s.minutes};
  };
  std::sort(all.begin(), all.end(), [&](const Standing& a, const Standing& b) {
    auto ka = key(a), kb = key(b);
    return ka != kb ? ka > kb : a.volunteer < b.volunteer;
  });
  if (all.size() > static_cast<std::size_t>(criteria.count)) all.resize(static_cast<std::size_t>(criteria.count));
  fill_people(db, all);
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i].rank = i > 0 && key(all[i]) == key(all[i - 1]) ? all[i - 1].rank : static_cast<int>(i) + 1;
  }
  return all;
}

namespace {

/// Adds a sum of one kind of entries to `b`.
void add_sum(Balance& b, const std::string& kind, long sum) {
  if (kind == "redeem") b.redeemed -= sum;
  else b.earned += sum;
  b.balance += sum;
}

}  // namespace

Balance balance_of(storage::Connection& db, std::int64_t volunteer) {
  storage::Statement q(db, "SELECT kind, sum(points) FROM points_ledger WHERE volunteer_id = ? GROUP BY kind");
  q.bind(1, volunteer);
  Balance b;
  b.volunteer = volunteer;
  while (q.step()) add_sum(b, q.column(0).text(), q.column(1).int64());
  return b;
}

std::vector<Balance> balances(storage::Connection& db) {
  // Sums per volunteer and kind straight from the covering index, names apart: as
  // fast as a bare aggregate over the ledger.
  std::map<std::int64_t, Balance> by_volunteer;
  {
    storage::Statement q(db, "SELECT volunteer_id, kind, sum(points) FROM points_ledger GROUP BY volunteer_id, kind");
    while (q.step()) {
      add_sum(by_volunteer[q.column(0).int64()], q.column(1).text(), q.column(2).int64());
    }
  }
  std::vector<Balance> out;
  out.reserve(by_volunteer.size());
  storage::Statement q(db, "SELECT id, name, coalesce(phone, ''), party_member FROM volunteers ORDER BY id");
  while (q.step()) {
    auto it = by_volunteer.find(q.column(0).int64());
    if (it == by_volunteer.end()) continue;
    auto b = it->second;
    b.volunteer = it->first;
    b.name = q.column(1).text();
    b.phone = q.column(2).text();
    b.party_member = q.column(3).int32() != 0;
    out.push_back(std::move(b));
  }
  std::sort(out.begin(), out.end(), [](const Balance& a, const Balance& b) {
    return std::tie(b.balance, a.name, a.volunteer) < std::tie(a.balance, b.name, b.volunteer);
  });
  return out;
}

}  // namespace kangle::points
