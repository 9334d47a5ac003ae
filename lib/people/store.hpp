// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "people/volunteer.hpp"
#include "storage/connection.hpp"
#include "storage/statements.hpp"

namespace kangle::people {

/// What `volunteers list` filters on; empty fields do not filter.
struct VolunteerFilter {
  std::string skill;
  std::string unit;  ///< a part of the unit's name
};

/// The volunteers' tables. Every statement binds its values; none is built from them.
class Store {
public:
  explicit Store(storage::Connection& db) : db_(db) {}

  std::optional<Volunteer> find_by_phone(const std::string& phone);
  std::optional<Volunteer> find_by_id_number(const std::string& id_number);
  /// Calls `visit` with every stored phone and ID number: an import looks up only the rows
  /// whose numbers may be among them, not 100,000 new people one by one.
  void each_key(const std::function<void(std::string_view)>& visit);
  /// Everyone whose name is `name`, by id.
  std::vector<Volunteer> find_by_name(const std::string& name);
  /// The names of everyone not forgotten, each once, sorted: for a "did you mean".
  std::vector<std::string> all_names();
  /// Inserts `v` (its id is ignored) and returns the new id.
  std::int64_t insert(const Volunteer& v, const std::string& now);
  /// The same, written later with others, many to a statement: an import's new people.
  /// Ids are counted here from the largest stored, so only while the command holds the
  /// write lock and no other store inserts volunteers. Every other method of this store
  /// writes them first; flush() before anything else reads the volunteers' tables.
  std::int64_t insert_later(const Volunteer& v, const std::string& now);
  /// Writes what insert_later holds.
  void flush();
  /// Replaces the stored volunteer `v.id` with `v`.
  void update(const Volunteer& v, const std::string& now);
  /// Volunteers matching `filter`, by name then id.
  std::vector<Volunteer> list(const VolunteerFilter& filter);
  std::int64_t count();
  /// The names of the volunteers `ids`, by id (those not found left out).
  std::map<std::int64_t, std::string> names(const std::vector<std::int64_t>& ids);
  /// Erases `volunteer_id`'s personal data from the volunteers' tables (PIPL): name (now
  /// `#ID`), phone, ID number, political status, community, availability, note, skills and
  /// declared absences and the changes kept of them; the anonymous counts (party member,
  /// unit) stay. Returns the phone they had, by which the lists know them (see
  /// volunteers::forget, which erases them everywhere).
  std::optional<std::string> forget(std::int64_t volunteer_id, const std::string& now);
  /// Records days `volunteer_id` cannot serve; returns the absence's id.
  std::int64_t add_blackout(std::int64_t volunteer_id, const Blackout& blackout, const std::string& now);
  /// Takes back absence `blackout_id` of `volunteer_id`; false when they have no such absence.
  bool remove_blackout(std::int64_t volunteer_id, std::int64_t blackout_id);
  /// Whose absence `blackout_id` is: absences are numbered across all volunteers.
  std::optional<std::int64_t> blackout_owner(std::int64_t blackout_id);
  /// The volunteer `id`, unless forgotten.
  std::optional<Volunteer> find(std::int64_t id);
  /// Keeps one change made by hand to `volunteer_id`.
  void record_change(std::int64_t volunteer_id, const VolunteerChange& change);
  /// The changes made by hand to `volunteer_id`, oldest first.
  std::vector<VolunteerChange> changes(std::int64_t volunteer_id);

private:
  std::optional<Volunteer> find_one(const std::string& sql, const std::string& value);
  std::vector<Volunteer> read(storage::Statement& query);
  /// Stores volunteer `id`'s skills; `replace` removes those stored before.
  void write_skills(std::int64_t id, const std::vector<VolunteerSkill>& skills, bool replace);
  /// A statement of the cache, once what insert_later holds is written.
  storage::Statement& statement(const std::string& sql) {
    flush();
    return statement_(sql);
  }
  storage::Connection& db_;
  storage::StatementCache statement_{db_};
  std::vector<std::pair<Volunteer, std::string>> pending_;  ///< insert_later's people, with the time of the import
  std::int64_t next_id_ = 0;                                ///< insert_later's next id; 0 until counted
};

/// The volunteer a person names by phone number, by name, or by id as kangle prints it
/// ("#12"). Nobody is an InputError with the nearest name ("did you mean"); two people of
/// one name an InputError listing them by masked phone.
std::int64_t resolve_volunteer(Store& store, const std::string& who);
std::int64_t resolve_volunteer(storage::Connection& db, const std::string& who);

/// Everyone `who` names (a phone number, a name several may share, or "#12"): what
/// `volunteers show` shows. Nobody is an InputError as for resolve_volunteer.
std::vector<Volunteer> find_volunteers(Store& store, const std::string& who);

}  // namespace kangle::people
