// SPDX-License-Identifier: Apache-2.0
#include "schedule/store.hpp"
#include "storage/rows.hpp"

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

namespace kangle::schedule {
namespace {

/// Seats from a query whose columns are: seat, kiosk, date, start, end, cadence,
/// title, place, service, skill, volunteer id, volunteer name, locked.
std::vector<RotaSeat> read_seats(storage::Statement& query) {
  std::vector<RotaSeat> out;
  while (query.step()) {
    RotaSeat s;
    s.seat = query.column(0).text();
    s.kiosk = query.column(1).text();
    s.date = storage::date_at(query, 2);
    s.time = {query.column(3).int32(), query.column(4).int32()};
    auto cadence = config::parse_cadence(query.column(5).text());
    if (!cadence) storage::refuse_stored_value(query, 5);
    s.cadence = *cadence;
    s.title = query.column(6).text();
    s.place = query.column(7).text();
    s.service = query.column(8).text();
    s.skill = query.column(9).text();
    if (!query.column(10).is_null()) s.volunteer = query.column(10).int64();
    s.volunteer_name = query.column(11).text();
    s.locked = query.column(12).int32() != 0;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<RotaSeat> RotaStore::month(const Month& month) {
  storage::Statement query(db_,
                          "SELECT r.seat, r.kiosk, r.date, r.start_minute, r.end_minute, r.cadence, r.title, r.place, "
                          "r.service, r.skill, r.volunteer_id, v.name, r.locked FROM rota_seats r "
                          "LEFT JOIN volunteers v ON v.id = r.volunteer_id WHERE r.month = ? "
                          "ORDER BY r.date, r.start_minute, r.kiosk, r.position");
  query.bind(1, month.text());
  return read_seats(query);
}

RotaStore::Kept RotaStore::kept(const Month& month) {
  storage::Statement query(db_, "SELECT seat, volunteer_id, locked FROM rota_seats WHERE month = ?");
  query.bind(1, month.text());
  Kept out;
  while (query.step()) {
    out.stored = true;
    if (query.column(1).is_null()) continue;
    auto seat = query.column(0).text();
    const auto volunteer = query.column(1).int64();
    if (query.column(2).int32() != 0) out.locked.emplace(seat, volunteer);
    out.held.emplace(std::move(seat), volunteer);
  }
  return out;
}

std::vector<RotaSeat> RotaStore::seats_of(std::int64_t volunteer, const Date& from, const std::optional<Date>& to) {
  storage::Statement query(db_,
                          "SELECT r.seat, r.kiosk, r.date, r.start_minute, r.end_minute, r.cadence, r.title, r.place, "
                          "r.service, r.skill, r.volunteer_id, v.name, r.locked FROM rota_seats r "
                          "LEFT JOIN volunteers v ON v.id = r.volunteer_id WHERE r.volunteer_id = ?1 AND r.date >= ?2 "
                          "AND (CAST(?3 AS TEXT) IS NULL OR r.date <= ?3) ORDER BY r.date, r.start_minute, r.kiosk, r.position");
  query.bind(1, volunteer);
  query.bind(2, format_date(from));
  if (to) query.bind(3, format_date(*to));
  return read_seats(query);
}

std::map<std::int64_t, std::set<Date>> RotaStore::days_served_around(const Month& month, const Date& from,
                                                                     const Date& to) {
  storage::Statement query(db_,
                          "SELECT volunteer_id, date FROM rota_seats WHERE month <> ?1 AND volunteer_id IS NOT NULL "
                          "AND date >= ?2 AND date <= ?3");
  query.bind(1, month.text());
  query.bind(2, format_date(from));
  query.bind(3, format_date(to));
  std::map<std::int64_t, std::set<Date>> out;
  while (query.step()) {
    out[query.column(0).int64()].insert(storage::date_at(query, 1));
  }
  return out;
}

void RotaStore::replace(const Month& month, const std::vector<Session>& sessions, const RotaPlan& plan,
                        const std::string& now, bool forced) {
  // A seat's row but its month and key. A rebuild changes a few seats of a month's tens of
  // thousands: only rows that differ are written (a city's drop-out deleted and inserted
  // every seat, 1.1 s of its 8).
  using Row = std::tuple<int, std::string, std::string, int, int, std::string, std::string, std::string, std::string,
                         std::string, std::optional<std::int64_t>, int>;
  std::unordered_map<std::string, Row> stored;
  {
    storage::Statement query(db_,
                             "SELECT seat, position, kiosk, date, start_minute, end_minute, cadence, title, place, service, "
                             "skill, volunteer_id, locked FROM rota_seats WHERE month = ?");
    query.bind(1, month.text());
    while (query.step()) {
      std::optional<std::int64_t> volunteer;
      if (!query.column(11).is_null()) volunteer = query.column(11).int64();
      stored.emplace(query.column(0).text(),
                     Row{query.column(1).int32(), query.column(2).text(), query.column(3).text(), query.column(4).int32(),
                         query.column(5).int32(), query.column(6).text(), query.column(7).text(), query.column(8).text(),
                         query.column(9).text(), query.column(10).text(), volunteer, query.column(12).int32()});
    }
  }
  storage::Statement insert(db_,
                           "INSERT INTO rota_seats (month, seat, position, kiosk, date, start_minute, end_minute, cadence, "
                           "title, place, service, skill, volunteer_id, locked) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  storage::Statement update(db_,
                           "UPDATE rota_seats SET position = ?3, kiosk = ?4, date = ?5, start_minute = ?6, end_minute = ?7, "
                           "cadence = ?8, title = ?9, place = ?10, service = ?11, skill = ?12, volunteer_id = ?13, "
                           "locked = ?14 WHERE month = ?1 AND seat = ?2");
  int position = 0;
  for (const auto& session : sessions) {
    for (const auto& seat : session.seats) {
      std::optional<std::int64_t> volunteer;
      if (auto it = plan.assigned.find(seat.key); it != plan.assigned.end()) volunteer = it->second;
      auto before = stored.find(seat.key);
      const bool was_stored = before != stored.end();
      // A seat freed from a volunteer away that day loses its lock with them.
      const bool locked = was_stored && std::get<11>(before->second) != 0 && !plan.freed.contains(seat.key);
      Row row{position++, session.kiosk, format_date(session.date), session.time.start, session.time.end,
              std::string(config::cadence_name(session.cadence)), session.title, session.place, seat.service,
              seat.skill, volunteer, locked ? 1 : 0};
      if (was_stored) {
        const bool same = before->second == row;
        stored.erase(before);
        if (same) continue;
      }
      auto& write = was_stored ? update : insert;
      write.bind(1, month.text());
      write.bind(2, seat.key);
      write.bind(3, std::get<0>(row));
      write.bind(4, std::get<1>(row));
      write.bind(5, std::get<2>(row));
      write.bind(6, std::get<3>(row));
      write.bind(7, std::get<4>(row));
      write.bind(8, std::get<5>(row));
      write.bind(9, std::get<6>(row));
      write.bind(10, std::get<7>(row));
      write.bind(11, std::get<8>(row));
      write.bind(12, std::get<9>(row));
      if (volunteer) write.bind(13, *volunteer);
      else write.bind_null(13);
      write.bind(14, std::get<11>(row));
      write.exec();
      write.reset();
    }
  }
  storage::Statement remove(db_, "DELETE FROM rota_seats WHERE month = ? AND seat = ?");
  for (const auto& [seat, row] : stored) {
    remove.bind(1, month.text());
    remove.bind(2, seat);
    remove.exec();
    remove.reset();
  }
  storage::Statement record(db_,
                           "INSERT INTO rota_builds (month, built_at, seats, filled, moved, forced) VALUES (?, ?, ?, ?, ?, ?)");
  record.bind(1, month.text());
  record.bind(2, now);
  record.bind(3, plan.seats);
  record.bind(4, static_cast<int>(plan.assigned.size()));
  record.bind(5, static_cast<int>(plan.moved.size()));
  record.bind(6, forced ? 1 : 0);
  record.exec();
}

int RotaStore::set_locked(const Month& month, const std::string& seat, std::optional<std::int64_t> volunteer,
                          bool locked) {
  storage::Statement update(db_,
                           "UPDATE rota_seats SET locked = ?1 WHERE month = ?2 AND volunteer_id IS NOT NULL "
                           "AND locked <> ?1 AND (?3 = '' OR seat = ?3) AND (CAST(?4 AS BIGINT) IS NULL OR volunteer_id = ?4)");
  update.bind(1, locked ? 1 : 0);
  update.bind(2, month.text());
  update.bind(3, seat);
  if (volunteer) update.bind(4, *volunteer);
  else update.bind_null(4);
  return update.exec();
}

RotaStore::SeatState RotaStore::seat_state(const Month& month, const std::string& seat) {
  storage::Statement q(db_, "SELECT volunteer_id IS NOT NULL FROM rota_seats WHERE month = ? AND seat = ?");
  q.bind(1, month.text());
  q.bind(2, seat);
  if (!q.step()) return {};
  return {true, q.column(0).int32() == 1};
}

int RotaStore::publish(const Month& month, const std::string& now) {
  storage::Statement add(db_, "INSERT INTO rota_publications (month, published_at) VALUES (?, ?)");
  add.bind(1, month.text());
  add.bind(2, now);
  add.exec();
  storage::Statement copy(db_,
                         "INSERT INTO rota_published_seats (publication_id, seat, kiosk, date, start_minute, end_minute, "
                         "service, skill, title, place, volunteer_id) SELECT ?, seat, kiosk, date, start_minute, "
                         "end_minute, service, skill, title, place, volunteer_id FROM rota_seats WHERE month = ?");
  copy.bind(1, db_.last_insert_id());
  copy.bind(2, month.text());
  copy.exec();
  storage::Statement filled(db_, "SELECT count(*) FROM rota_seats WHERE month = ? AND volunteer_id IS NOT NULL");
  filled.bind(1, month.text());
  filled.step();
  return filled.column(0).int32();
}

std::optional<std::string> RotaStore::published_at(const Month& month) {
  storage::Statement query(db_, "SELECT max(published_at) FROM rota_publications WHERE month = ?");
  query.bind(1, month.text());
  query.step();
  if (query.column(0).is_null()) return std::nullopt;
  return query.column(0).text();
}

std::vector<RotaSeat> RotaStore::published(const Month& month) {
  storage::Statement query(db_,
                          "SELECT p.seat, p.kiosk, p.date, p.start_minute, p.end_minute, 'daily', p.title, p.place, "
                          "p.service, p.skill, p.volunteer_id, v.name, 0 FROM rota_published_seats p "
                          "LEFT JOIN volunteers v ON v.id = p.volunteer_id "
                          "WHERE p.publication_id = (SELECT max(id) FROM rota_publications WHERE month = ?) "
                          "ORDER BY p.date, p.start_minute, p.kiosk, p.seat");
  query.bind(1, month.text());
  return read_seats(query);
}

void RotaStore::unlock_from(const Month& month, std::int64_t volunteer, const Date& from) {
  storage::Statement update(db_, "UPDATE rota_seats SET locked = 0 WHERE month = ? AND volunteer_id = ? AND date >= ?");
  update.bind(1, month.text());
  update.bind(2, volunteer);
  update.bind(3, format_date(from));
  update.exec();
}

int RotaStore::free_seats_of(std::int64_t volunteer, const Date& from) {
  storage::Statement free(db_, "UPDATE rota_seats SET volunteer_id = NULL, locked = 0 WHERE volunteer_id = ? AND date >= ?");
  free.bind(1, volunteer);
  free.bind(2, format_date(from));
  return free.exec();
}

}  // namespace kangle::schedule
