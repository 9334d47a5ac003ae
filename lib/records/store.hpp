// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "records/record.hpp"
#include "storage/connection.hpp"
#include "storage/statements.hpp"

namespace kangle::records {

/// What `record list` filters on; empty fields do not filter.
struct RecordFilter {
  std::optional<Date> from, to;  ///< both ends included
  std::string kiosk, service;
  std::optional<std::int64_t> volunteer;
  bool with_cancelled = false;
};

/// Minutes a volunteer served in a period: from records, and granted by hand.
struct Hours {
  std::int64_t volunteer = 0;
  std::string name;
  int sessions = 0;
  long recorded_minutes = 0;
  long granted_minutes = 0;
};

/// The records tables. Every statement binds its values; none is built from them.
class RecordStore {
public:
  explicit RecordStore(storage::Connection& db) : db_(db) {}

  /// Stores `record` with its volunteers and returns its id; nothing when a record
  /// with the same key is already stored (a session confirmed twice stays one record).
  std::optional<std::int64_t> insert(const Record& record, const std::string& now);
  std::optional<Record> find(std::int64_t id);
  /// Records matching `filter`, by date, time, kiosk and id, with their volunteers.
  std::vector<Record> list(const RecordFilter& filter);
  /// The same, each passed to `visit` as it is read: a district's year is a million records.
  void list(const RecordFilter& filter, const std::function<void(const Record&)>& visit);
  /// Calls `visit` for each record not cancelled from `from` to `to`, by id: what
  /// `points award` reads, without holding them all.
  void for_each(const std::optional<Date>& from, const std::optional<Date>& to,
                const std::function<void(const Record&)>& visit);
  /// Sets the residents served, satisfaction and note of record `id`.
  void update_outcome(std::int64_t id, std::optional<int> residents, std::optional<double> satisfaction,
                      const std::string& note);
  void cancel(std::int64_t id, const std::string& reason, const std::string& now);
  /// Residents recorded for `service` at `kiosk` on `date`, cancelled records left out.
  int residents_on(const std::string& kiosk, const std::string& service, const Date& date);

  /// When `kiosk`'s rota of `date` was confirmed into records; nothing when it was not.
  std::optional<std::string> confirmed_at(const Date& date, const std::string& kiosk);
  void mark_confirmed(const Date& date, const std::string& kiosk, const std::string& now);
  /// The id of the record stored under `key`.
  std::optional<std::int64_t> id_of_key(const std::string& key);

  /// The first record not cancelled, other than the one stored under `record.key`, that
  /// is the same session as `record`: at its kiosk and place on its day, of its service
  /// (or event title), at a time that overlaps. Only for a record at a kiosk.
  std::optional<std::int64_t> same_session(const Record& record);
  /// The first record not cancelled that has `volunteer` in it on `date` at a time that
  /// overlaps `time`.
  std::optional<std::int64_t> record_with_volunteer(std::int64_t volunteer, const Date& date, const TimeRange& time);

  std::int64_t add_grant(const Grant& grant, const std::string& now);
  std::optional<Grant> find_grant(std::int64_t id);
  /// The id of the grant that revokes grant `id`; nothing when none does.
  std::optional<std::int64_t> revocation_of(std::int64_t id);
  /// Each volunteer's sessions and minutes from `from` to `to`, recorded and granted
  /// apart; only `volunteer` when given. By name, then id.
  std::vector<Hours> hours(const std::optional<Date>& from, const std::optional<Date>& to,
                           std::optional<std::int64_t> volunteer);
  /// The grants of `volunteer`, by date.
  std::vector<Grant> grants(std::int64_t volunteer);
  /// How many records name `volunteer`.
  int count_records_of(std::int64_t volunteer);

  /// A volunteer in two records (not cancelled) at overlapping times of one day: hours
  /// counted twice, stored before such records were refused or behind kangle's back.
  struct Overlap {
    std::int64_t volunteer = 0;
    std::string name;
    Date date;
    std::int64_t first = 0, second = 0;  ///< the two records' ids
  };
  /// Every such pair, by volunteer and time: the volunteers' days with two sessions or
  /// more, found by each volunteer's row's own date, each day's in order. A database not
  /// yet at migration 19 (`rows_dated` false: `check` opens it as it is) has the rows'
  /// dates read from their records, which takes much longer.
  std::vector<Overlap> overlaps(bool rows_dated);
  /// A volunteer's row dated otherwise than its record (migration 19 keeps the dates
  /// alike; only a hand edit of `record_volunteers` parts them): `overlaps` and a clash's
  /// check go by the row's date.
  struct Misdated {
    std::int64_t record = 0, volunteer = 0;
    std::string row_date, record_date;  ///< as stored: a hand edit may have left anything
  };
  /// Every such row, by record: one pass over the rows in their key's order.
  std::vector<Misdated> misdated_rows();
  /// Every kiosk and service id the records name, with how many records name it.
  std::map<std::string, int> kiosks_named();
  std::map<std::string, int> services_named();

private:
  void read_volunteers(Record& record);
  storage::Connection& db_;
  storage::StatementCache statement_{db_};
};

}  // namespace kangle::records
