// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  /// Replaces the stored volunteer `v.id` with `v` (their absences stay as stored).
  void update(const Volunteer& v, const std::string& now);
  /// insert and update, held and written later with others, a few hundred to a statement:
  /// an import's people. find_by_phone and find_by_id_number find them as held; every
  /// other method writes them first. flush() after the last.
  /// insert_later counts ids from the largest stored, so only while the command holds the
  /// write lock and no other store inserts volunteers. A held update may add a phone or an
  /// ID number, never move one from someone else: the new people are written first, and a
  /// number on two rows at once is refused as a duplicate.
  std::int64_t insert_later(Volunteer v, const std::string& now);
  void update_later(Volunteer v, const std::string& now);
  /// Writes what insert_later and update_later hold.
  void flush();
  /// For an import that adds many people (a street's or a district's first): drops the
  /// indexes of the phone, the ID number and the name, which SQLite would otherwise keep
  /// row by row, until restore_indexes builds them again (a million people's import: some
  /// 4 s of 17). Meanwhile find_by_phone and find_by_id_number go by a record of every
  /// stored number (16 to 32 bytes a number), each person it names read by id and checked
  /// against the number, and only insert_later and update_later may write people. Within
  /// the caller's write transaction, whose rollback brings the indexes back; a commit
  /// without restore_indexes would leave them dropped. False, with nothing dropped, where
  /// other commands would wait for the indexes (PostgreSQL) or an id does not fit the record.
  bool defer_indexes();
  /// Writes what is held and builds the indexes again; a number on two people, which the
  /// look-ups never let in, fails there as the unique index's violation.
  void restore_indexes();
  /// Volunteers matching `filter`, by name then id.
  std::vector<Volunteer> list(const VolunteerFilter& filter);
  std::int64_t count();
  /// The largest id stored (0 for none): insert_later numbers the people it adds from the
  /// next one on.
  std::int64_t largest_id();
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
  /// A person insert_later or update_later holds.
  struct Held {
    Volunteer volunteer;
    std::string now;
    bool stored;  ///< an update of a stored row, not a new one
  };
  using KeyIndex = std::unordered_map<std::string, std::int64_t>;  ///< a phone (or ID number) → the id of who holds it
  /// The volunteer whose `field` is `key`: held, else stored (`sql` finds them by it).
  std::optional<Volunteer> find_by_key(const std::string& sql, const KeyIndex& held, const std::string& key,
                                       const std::string Volunteer::*field);
  void hold(Volunteer v, const std::string& now, bool stored);
  /// Reads the volunteers `query` yields, with their skills and absences. Writes nothing
  /// held first: the caller did, or looked up a key no held person has.
  std::vector<Volunteer> read(storage::Statement& query);
  /// Adds to `out` the absences they declared.
  void read_blackouts(std::vector<Volunteer>& out);
  /// Calls `add` with each row of `sql` (volunteer id first) and the volunteer of `out` it
  /// is of; one volunteer's rows (`sql` takes their id) or everyone's.
  void add_rows(std::vector<Volunteer>& out, const std::string& sql,
                const std::function<void(Volunteer&, storage::Statement&)>& add);
  /// A statement of the cache, once what is held is written.
  storage::Statement& statement(const std::string& sql) {
    flush();
    return statement_(sql);
  }
  storage::Connection& db_;
  storage::StatementCache statement_{db_};
  std::vector<Held> held_;
  std::unordered_map<std::int64_t, std::size_t> held_at_;                 ///< id → index in held_
  KeyIndex held_phones_, held_id_numbers_;
  /// Who may hold each number while the indexes wait: open addressing over slots of a
  /// 32-bit hash of the number and the id of a person with it (ids under 2^31). A hash
  /// may be several numbers': the caller checks each person against the number.
  class NumberRecord {
  public:
    void add(std::string_view number, std::int64_t id);
    /// The ids recorded under `number`'s hash.
    std::vector<std::int64_t> ids_for(std::string_view number) const;

  private:
    struct Slot {
      std::uint32_t hash = 0, id = 0;  // hash 0: empty
    };
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
  };
  bool indexes_deferred_ = false;
  NumberRecord phones_, id_numbers_;  ///< while the indexes wait
  std::int64_t next_id_ = 0;  ///< insert_later's next id; 0 until counted
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
