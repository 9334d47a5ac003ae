// SPDX-License-Identifier: Apache-2.0
#include "records/store.hpp"
#include "storage/rows.hpp"

namespace kangle::records {
namespace {

const std::string record_columns =
    "r.id, coalesce(r.key, ''), r.origin, r.kiosk, r.place, r.date, r.start_minute, r.end_minute, r.cadence, "
    "r.service, r.title, r.residents, r.satisfaction, r.note, r.cancelled_at, r.cancel_reason";

std::optional<Origin> origin_of(const std::string& name) {
  for (auto origin : {Origin::rota, Origin::import, Origin::manual}) {
    if (name == origin_name(origin)) return origin;
  }
  return std::nullopt;
}

Record read_record(storage::Statement& q) {
  Record r;
  r.id = q.column(0).int64();
  r.key = q.column(1).text();
  auto origin = origin_of(q.column(2).text());
  if (!origin) storage::refuse_stored_value(q, 2);
  r.origin = *origin;
  r.kiosk = q.column(3).text();
  r.place = q.column(4).text();
  r.date = storage::date_at(q, 5);
  r.time = {q.column(6).int32(), q.column(7).int32()};
  auto cadence = config::parse_cadence(q.column(8).text());
  if (!cadence) storage::refuse_stored_value(q, 8);
  r.cadence = *cadence;
  r.service = q.column(9).text();
  r.title = q.column(10).text();
  if (!q.column(11).is_null()) r.residents = q.column(11).int32();
  if (!q.column(12).is_null()) r.satisfaction = q.column(12).real();
  r.note = q.column(13).text();
  if (!q.column(14).is_null()) r.cancelled_at = q.column(14).text();
  r.cancel_reason = q.column(15).text();
  return r;
}

}  // namespace

std::optional<std::int64_t> RecordStore::insert(const Record& record, const std::string& now) {
  static const std::string sql =
      "INSERT INTO service_records (key, origin, kiosk, place, date, start_minute, end_minute, cadence, service, "
      "title, residents, satisfaction, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (key) DO NOTHING";
  auto& q = statement_(sql);
  if (record.key.empty()) q.bind_null(1);
  else q.bind(1, record.key);
  q.bind(2, std::string(origin_name(record.origin)));
  q.bind(3, record.kiosk);
  q.bind(4, record.place);
  auto date = format_date(record.date);
  q.bind(5, date);
  q.bind(6, record.time.start);
  q.bind(7, record.time.end);
  q.bind(8, std::string(config::cadence_name(record.cadence)));
  q.bind(9, record.service);
  q.bind(10, record.title);
  if (record.residents) q.bind(11, *record.residents);
  if (record.satisfaction) q.bind(12, *record.satisfaction);
  q.bind(13, record.note);
  q.bind(14, now);
  if (q.exec() == 0) return std::nullopt;
  auto id = db_.last_insert_id();
  static const std::string attend =
      "INSERT INTO record_volunteers (record_id, volunteer_id, minutes, substitute, date) VALUES (?, ?, ?, ?, ?)";
  for (const auto& a : record.volunteers) {
    auto& v = statement_(attend);
    v.bind(1, id);
    v.bind(2, a.volunteer);
    v.bind(3, a.minutes);
    v.bind(4, a.substitute ? 1 : 0);
    v.bind(5, date);
    v.exec();
  }
  return id;
}

void RecordStore::read_volunteers(Record& record) {
  static const std::string sql =
      "SELECT a.volunteer_id, a.minutes, a.substitute, v.name FROM record_volunteers a "
      "JOIN volunteers v ON v.id = a.volunteer_id WHERE a.record_id = ? ORDER BY v.name, a.volunteer_id";
  auto& q = statement_(sql);
  q.bind(1, record.id);
  while (q.step()) {
    record.volunteers.push_back(
        {q.column(0).int64(), q.column(1).int32(), q.column(2).int32() != 0, q.column(3).text()});
  }
}

std::optional<Record> RecordStore::find(std::int64_t id) {
  static const std::string sql = "SELECT " + record_columns + " FROM service_records r WHERE r.id = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  auto record = read_record(q);
  read_volunteers(record);
  return record;
}

void RecordStore::list(const RecordFilter& filter, const std::function<void(const Record&)>& visit) {
  static const std::string sql =
      "SELECT " + record_columns +
      " FROM service_records r WHERE r.date BETWEEN ?1 AND ?2 "
      "AND (?3 = '' OR r.kiosk = ?3) AND (?4 = '' OR r.service = ?4) AND (?5 OR r.cancelled_at IS NULL) "
      "AND (CAST(?6 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM record_volunteers a WHERE a.record_id = r.id AND a.volunteer_id = ?6)) "
      "ORDER BY r.date, r.start_minute, r.kiosk, r.id";
  auto& q = statement_(sql);
  storage::bind_days(q, 1, filter.from, filter.to);
  q.bind(3, filter.kiosk);
  q.bind(4, filter.service);
  q.bind(5, filter.with_cancelled ? 1 : 0);
  if (filter.volunteer) q.bind(6, *filter.volunteer);
  while (q.step()) {
    auto record = read_record(q);
    read_volunteers(record);
    visit(record);
  }
}

std::vector<Record> RecordStore::list(const RecordFilter& filter) {
  std::vector<Record> out;
  list(filter, [&](const Record& r) { out.push_back(r); });
  return out;
}

void RecordStore::for_each(const std::optional<Date>& from, const std::optional<Date>& to,
                           const std::function<void(const Record&)>& visit) {
  // One pass over records joined with their volunteers, grouped by record id.
  storage::Statement q(db_,
                      "SELECT " + record_columns +
                          ", a.volunteer_id, a.minutes, a.substitute FROM service_records r "
                          "JOIN record_volunteers a ON a.record_id = r.id "
                          "WHERE r.cancelled_at IS NULL AND r.date BETWEEN ?1 AND ?2 "
                          "ORDER BY r.id, a.volunteer_id");
  storage::bind_days(q, 1, from, to);
  std::optional<Record> current;
  while (q.step()) {
    auto id = q.column(0).int64();
    if (current && current->id != id) {
      visit(*current);
      current.reset();
    }
    if (!current) current = read_record(q);
    current->volunteers.push_back({q.column(16).int64(), q.column(17).int32(), q.column(18).int32() != 0, ""});
  }
  if (current) visit(*current);
}

void RecordStore::update_outcome(std::int64_t id, std::optional<int> residents, std::optional<double> satisfaction,
                                 const std::string& note) {
  storage::Statement q(db_, "UPDATE service_records SET residents = ?, satisfaction = ?, note = ? WHERE id = ?");
  if (residents) q.bind(1, *residents);
  if (satisfaction) q.bind(2, *satisfaction);
  q.bind(3, note);
  q.bind(4, id);
  q.exec();
}

void RecordStore::cancel(std::int64_t id, const std::string& reason, const std::string& now) {
  storage::Statement q(db_, "UPDATE service_records SET cancelled_at = ?, cancel_reason = ? WHERE id = ?");
  q.bind(1, now);
  q.bind(2, reason);
  q.bind(3, id);
  q.exec();
}

int RecordStore::residents_on(const std::string& kiosk, const std::string& service, const Date& date) {
  storage::Statement q(db_,
                      "SELECT coalesce(sum(residents), 0) FROM service_records WHERE kiosk = ? AND service = ? "
                      "AND date = ? AND cancelled_at IS NULL");
  q.bind(1, kiosk);
  q.bind(2, service);
  q.bind(3, format_date(date));
  q.step();
  return q.column(0).int32();
}

std::optional<std::string> RecordStore::confirmed_at(const Date& date, const std::string& kiosk) {
  static const std::string sql = "SELECT confirmed_at FROM rota_confirmations WHERE date = ? AND kiosk = ?";
  auto& q = statement_(sql);
  q.bind(1, format_date(date));
  q.bind(2, kiosk);
  if (!q.step()) return std::nullopt;
  return q.column(0).text();
}

void RecordStore::mark_confirmed(const Date& date, const std::string& kiosk, const std::string& now) {
  static const std::string sql = "INSERT INTO rota_confirmations (date, kiosk, confirmed_at) VALUES (?, ?, ?)";
  auto& q = statement_(sql);
  q.bind(1, format_date(date));
  q.bind(2, kiosk);
  q.bind(3, now);
  q.exec();
}

std::optional<std::int64_t> RecordStore::id_of_key(const std::string& key) {
  static const std::string sql = "SELECT id FROM service_records WHERE key = ?";
  auto& q = statement_(sql);
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  return q.column(0).int64();
}

std::optional<std::int64_t> RecordStore::same_session(const Record& record) {
  if (record.kiosk.empty()) return std::nullopt;
  static const std::string sql =
      "SELECT id FROM service_records WHERE cancelled_at IS NULL AND kiosk = ? AND place = ? AND date = ? "
      "AND start_minute < ? AND ? < end_minute AND service = ? AND (service <> '' OR title = ?) "
      "AND (?8 = '' OR key IS NULL OR key <> ?8) ORDER BY id LIMIT 1";  // a record added by hand has no key
  auto& q = statement_(sql);
  q.bind(1, record.kiosk);
  q.bind(2, record.place);
  q.bind(3, format_date(record.date));
  q.bind(4, record.time.end);
  q.bind(5, record.time.start);
  q.bind(6, record.service);
  q.bind(7, record.title);
  q.bind(8, record.key);
  if (!q.step()) return std::nullopt;
  return q.column(0).int64();
}

std::optional<std::int64_t> RecordStore::record_with_volunteer(std::int64_t volunteer, const Date& date,
                                                               const TimeRange& time) {
  static const std::string sql =
      "SELECT r.id FROM record_volunteers a JOIN service_records r ON r.id = a.record_id "
      "WHERE a.volunteer_id = ? AND a.date = ? AND r.cancelled_at IS NULL AND r.start_minute < ? AND ? < r.end_minute "
      "ORDER BY r.id LIMIT 1";
  auto& q = statement_(sql);
  q.bind(1, volunteer);
  q.bind(2, format_date(date));
  q.bind(3, time.end);
  q.bind(4, time.start);
  if (!q.step()) return std::nullopt;
  return q.column(0).int64();
}

std::int64_t RecordStore::add_grant(const Grant& grant, const std::string& now) {
  storage::Statement q(db_,
                      "INSERT INTO granted_hours (volunteer_id, date, minutes, reason, approved_by, created_at, reverses) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, grant.volunteer);
  q.bind(2, format_date(grant.date));
  q.bind(3, grant.minutes);
  q.bind(4, grant.reason);
  q.bind(5, grant.approved_by);
  q.bind(6, now);
  if (grant.reverses) q.bind(7, *grant.reverses);
  q.exec();
  return db_.last_insert_id();
}

namespace {

const std::string grant_columns = "id, volunteer_id, date, minutes, reason, approved_by, reverses";

Grant read_grant(storage::Statement& q) {
  Grant g{q.column(0).int64(), q.column(1).int64(), storage::date_at(q, 2),
          q.column(3).int32(), q.column(4).text(), q.column(5).text(), std::nullopt};
  if (!q.column(6).is_null()) g.reverses = q.column(6).int64();
  return g;
}

}  // namespace

std::optional<Grant> RecordStore::find_grant(std::int64_t id) {
  storage::Statement q(db_, "SELECT " + grant_columns + " FROM granted_hours WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_grant(q);
}

std::optional<std::int64_t> RecordStore::revocation_of(std::int64_t id) {
  storage::Statement q(db_, "SELECT id FROM granted_hours WHERE reverses = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return q.column(0).int64();
}

std::vector<Hours> RecordStore::hours(const std::optional<Date>& from, const std::optional<Date>& to,
                                      std::optional<std::int64_t> volunteer) {
  // Everyone's through the period's records (service_records_by_date), one person's through
  // their own sessions of it (record_volunteers_by_volunteer): one condition for either
  // ("?3 IS NULL OR ...") read every record ever kept (a minute and more over five years').
  static const std::string everyone =
      "SELECT a.volunteer_id AS id, count(*) AS sessions, sum(a.minutes) AS minutes FROM service_records r "
      "JOIN record_volunteers a ON a.record_id = r.id WHERE r.date BETWEEN ?1 AND ?2 AND r.cancelled_at IS NULL "
      "GROUP BY a.volunteer_id";
  static const std::string one =
      "SELECT a.volunteer_id AS id, count(*) AS sessions, sum(a.minutes) AS minutes FROM record_volunteers a "
      "JOIN service_records r ON r.id = a.record_id WHERE a.volunteer_id = ?3 AND a.date BETWEEN ?1 AND ?2 "
      "AND r.date BETWEEN ?1 AND ?2 AND r.cancelled_at IS NULL GROUP BY a.volunteer_id";
  storage::Statement q(
      db_,
      "WITH served AS (" + (volunteer ? one : everyone) + "), "
      "granted AS ("
      "  SELECT volunteer_id AS id, sum(minutes) AS minutes FROM granted_hours "
      "  WHERE date BETWEEN ?1 AND ?2 AND (CAST(?3 AS BIGINT) IS NULL OR volunteer_id = ?3) "
      "  GROUP BY volunteer_id) "
      "SELECT v.id, v.name, coalesce(s.sessions, 0), coalesce(s.minutes, 0), coalesce(g.minutes, 0) FROM volunteers v "
      "LEFT JOIN served s ON s.id = v.id LEFT JOIN granted g ON g.id = v.id "
      "WHERE s.id IS NOT NULL OR g.id IS NOT NULL ORDER BY v.name, v.id");
  storage::bind_days(q, 1, from, to);
  if (volunteer) q.bind(3, *volunteer);
  std::vector<Hours> out;
  while (q.step()) {
    out.push_back({q.column(0).int64(), q.column(1).text(), q.column(2).int32(),
                   q.column(3).int64(), q.column(4).int64()});
  }
  return out;
}

std::vector<Grant> RecordStore::grants(std::int64_t volunteer) {
  storage::Statement q(db_, "SELECT " + grant_columns + " FROM granted_hours WHERE volunteer_id = ? ORDER BY date, id");
  q.bind(1, volunteer);
  std::vector<Grant> out;
  while (q.step()) out.push_back(read_grant(q));
  return out;
}

namespace {

std::map<std::string, int> count_by(storage::Connection& db, const char* sql) {
  storage::Statement q(db, sql);
  std::map<std::string, int> out;
  while (q.step()) out[q.column(0).text()] = q.column(1).int32();
  return out;
}

}  // namespace

std::vector<RecordStore::Overlap> RecordStore::overlaps(bool rows_dated) {
  // A clash needs two sessions of a volunteer's day: those days are found from the index by
  // volunteer and date alone, and their records read. Each volunteer's every record, read in
  // their order, took five years' `check` 49 s.
  const char* dated_rows = rows_dated ? "record_volunteers"
                                      : "(SELECT a.volunteer_id, a.record_id, d.date FROM record_volunteers a "
                                        "JOIN service_records d ON d.id = a.record_id)";
  storage::Statement q(db_, std::string("SELECT rv.volunteer_id, r.date, r.start_minute, r.end_minute, r.id "
                                        "FROM (SELECT volunteer_id, date FROM ") + dated_rows +
                                " day_rows GROUP BY volunteer_id, date HAVING count(*) > 1) busy "
                                "JOIN " + dated_rows + " rv ON rv.volunteer_id = busy.volunteer_id AND rv.date = busy.date "
                                "JOIN service_records r ON r.id = rv.record_id WHERE r.cancelled_at IS NULL "
                                "ORDER BY rv.volunteer_id, r.date, r.start_minute, r.id");
  std::vector<Overlap> out;
  std::int64_t volunteer = 0, latest = 0;  // the record of this volunteer and day that ends last so far
  std::string date;
  int latest_end = 0;
  while (q.step()) {
    auto who = q.column(0).int64();
    auto day = q.column(1).text();
    int start = q.column(2).int32(), end = q.column(3).int32();
    auto id = q.column(4).int64();
    if (who == volunteer && day == date && start < latest_end) out.push_back({who, "", storage::date_at(q, 1), latest, id});
    if (who != volunteer || day != date || end > latest_end) {
      volunteer = who;
      date = day;
      latest = id;
      latest_end = end;
    }
  }
  storage::Statement name(db_, "SELECT name FROM volunteers WHERE id = ?");
  for (auto& overlap : out) {
    name.bind(1, overlap.volunteer);
    if (name.step()) overlap.name = name.column(0).text();
    name.reset();
  }
  return out;
}

std::vector<RecordStore::Misdated> RecordStore::misdated_rows() {
  // In the rows' key order, each record is read once, in the order of its id.
  storage::Statement q(db_,
                      "SELECT rv.record_id, rv.volunteer_id, rv.date, r.date FROM service_records r "
                      "JOIN record_volunteers rv ON rv.record_id = r.id WHERE rv.date <> r.date "
                      "ORDER BY rv.record_id, rv.volunteer_id");
  std::vector<Misdated> out;
  while (q.step()) out.push_back({q.column(0).int64(), q.column(1).int64(), q.column(2).text(), q.column(3).text()});
  return out;
}

std::map<std::string, int> RecordStore::kiosks_named() {
  return count_by(db_, "SELECT kiosk, count(*) FROM service_records WHERE kiosk <> '' GROUP BY kiosk");
}

std::map<std::string, int> RecordStore::services_named() {
  return count_by(db_, "SELECT service, count(*) FROM service_records WHERE service <> '' GROUP BY service");
}

int RecordStore::count_records_of(std::int64_t volunteer) {
  storage::Statement q(db_, "SELECT count(*) FROM record_volunteers WHERE volunteer_id = ?");
  q.bind(1, volunteer);
  q.step();
  return q.column(0).int32();
}

}  // namespace kangle::records
