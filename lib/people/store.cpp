// SPDX-License-Identifier: Apache-2.0
#include "people/store.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/identity.hpp"
#include "storage/rows.hpp"

namespace kangle::people {
namespace {

constexpr const char* volunteer_columns =
    "id, name, phone, id_number, political_status, party_member, unit, community, monthly_limit, availability, note, "
    "preferences";

// One person and their skills, a row a skill, and how many absences they declared: a look-up
// in one statement, as an import makes thousands (volunteer_at, skill_at at 12, the count at 14).
constexpr const char* volunteer_with_skills_columns =
    "v.id, v.name, v.phone, v.id_number, v.political_status, v.party_member, v.unit, v.community, v.monthly_limit, "
    "v.availability, v.note, v.preferences, s.skill, s.certificate_expires, "
    "(SELECT count(*) FROM volunteer_blackouts b WHERE b.volunteer_id = v.id)";

/// `v`'s 11 fields, in the order of volunteer_columns from name on, to `put`: rows written
/// (storage::InsertRows) or a statement's parameters bound (storage::Parameters). An
/// empty phone or ID number is NULL.
template <typename Put>
void put_fields(Put& put, const Volunteer& v) {
  put.text(v.name);
  for (const auto* number : {&v.phone, &v.id_number}) {
    if (number->empty()) put.null();
    else put.text(*number);
  }
  put.text(v.political_status);
  put.integer(v.party_member ? 1 : 0);
  put.text(v.unit);
  put.text(v.community);
  if (v.monthly_limit) put.integer(*v.monthly_limit);
  else put.null();
  put.integer(v.availability.bits());
  put.text(v.note);
  put.text(text::join(v.preferences, ","));
}

/// People are held and written 256 at a time: a look-up of someone held needs no write first.
constexpr std::size_t volunteers_per_insert = 256;

constexpr const char* insert_skills = "INSERT INTO volunteer_skills (volunteer_id, skill, certificate_expires)";
constexpr const char* insert_volunteers =
    "INSERT INTO volunteers (id, name, phone, id_number, political_status, party_member, unit, community, "
    "monthly_limit, availability, note, preferences, created_at, updated_at)";
// Many rows in one UPDATE: the numbers cast, as PostgreSQL takes a parameter in VALUES for a text.
constexpr const char* update_volunteers =
    "UPDATE volunteers SET name = v.column2, phone = v.column3, id_number = v.column4, political_status = v.column5, "
    "party_member = v.column6, unit = v.column7, community = v.column8, monthly_limit = v.column9, "
    "availability = v.column10, note = v.column11, preferences = v.column12, updated_at = v.column13 FROM (VALUES ";
constexpr const char* updated_row =
    "(CAST(? AS BIGINT), ?, ?, ?, ?, CAST(? AS BIGINT), ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?, ?)";
constexpr const char* update_volunteers_tail = ") AS v WHERE volunteers.id = v.column1";
constexpr const char* delete_skills = "DELETE FROM volunteer_skills WHERE volunteer_id IN (";

/// Inserts `skills` (volunteer id, skill).
void insert_skill_rows(storage::Connection& db, const std::vector<std::pair<std::int64_t, const VolunteerSkill*>>& skills) {
  if (skills.empty()) return;
  storage::InsertRows rows(db, insert_skills);
  for (const auto& [id, skill] : skills) {
    rows.integer(id).text(skill->skill);
    if (skill->certificate_expires) rows.text(format_date(*skill->certificate_expires));
    else rows.null();
    rows.end_row();
  }
  rows.finish();
}

/// The volunteer in the first 12 columns of `row` (volunteer_columns, in that order).
Volunteer volunteer_at(storage::Statement& row) {
  Volunteer v;
  v.id = row.column(0).int64();
  v.name = row.column(1).text();
  v.phone = row.column(2).text();
  v.id_number = row.column(3).text();
  v.political_status = row.column(4).text();
  v.party_member = row.column(5).int32() != 0;
  v.unit = row.column(6).text();
  v.community = row.column(7).text();
  if (!row.column(8).is_null()) v.monthly_limit = row.column(8).int32();
  v.availability = Availability::from_bits(row.column(9).int64());
  v.note = row.column(10).text();
  v.preferences = text::split(row.column(11).text(), ',');
  return v;
}

/// The skill in columns `first` (its id) and `first` + 1 (its certificate's expiry) of `row`.
VolunteerSkill skill_at(storage::Statement& row, int first) {
  return {row.column(first).text(), storage::optional_date_at(row, first + 1)};
}

}  // namespace

std::vector<Volunteer> Store::read(storage::Statement& query) {
  std::vector<Volunteer> out;
  while (query.step()) out.push_back(volunteer_at(query));
  if (out.empty()) return out;
  // One volunteer (a look-up): their own skills. Many (a listing): one pass over the skills table.
  static const std::string skills_of_one =
      "SELECT volunteer_id, skill, certificate_expires FROM volunteer_skills WHERE volunteer_id = ? ORDER BY skill";
  static const std::string all_skills =
      "SELECT volunteer_id, skill, certificate_expires FROM volunteer_skills ORDER BY volunteer_id, skill";
  add_rows(out, out.size() == 1 ? skills_of_one : all_skills,
           [](Volunteer& v, storage::Statement& row) { v.skills.push_back(skill_at(row, 1)); });
  read_blackouts(out);
  return out;
}

void Store::read_blackouts(std::vector<Volunteer>& out) {
  static const std::string blackouts_of_one =
      "SELECT volunteer_id, from_date, to_date, reason, id FROM volunteer_blackouts WHERE volunteer_id = ? ORDER BY from_date, id";
  static const std::string all_blackouts =
      "SELECT volunteer_id, from_date, to_date, reason, id FROM volunteer_blackouts ORDER BY volunteer_id, from_date, id";
  add_rows(out, out.size() == 1 ? blackouts_of_one : all_blackouts, [](Volunteer& v, storage::Statement& row) {
    v.blackouts.push_back({storage::date_at(row, 1), storage::optional_date_at(row, 2), row.column(3).text(), row.column(4).int64()});
  });
}

void Store::add_rows(std::vector<Volunteer>& out, const std::string& sql,
                     const std::function<void(Volunteer&, storage::Statement&)>& add) {
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < out.size(); ++i) index.emplace(out[i].id, i);
  auto& rows = statement_(sql);
  if (out.size() == 1) rows.bind(1, out.front().id);
  while (rows.step()) {
    if (auto it = index.find(rows.column(0).int64()); it != index.end()) add(out[it->second], rows);
  }
}

std::int64_t Store::add_blackout(std::int64_t volunteer_id, const Blackout& blackout, const std::string& now) {
  static const std::string sql =
      "INSERT INTO volunteer_blackouts (volunteer_id, from_date, to_date, reason, created_at) VALUES (?, ?, ?, ?, ?)";
  auto& insert = statement(sql);
  insert.bind(1, volunteer_id);
  insert.bind(2, format_date(blackout.from));
  if (blackout.to) insert.bind(3, format_date(*blackout.to));
  else insert.bind_null(3);
  insert.bind(4, blackout.reason);
  insert.bind(5, now);
  insert.exec();
  return db_.last_insert_id();
}

bool Store::remove_blackout(std::int64_t volunteer_id, std::int64_t blackout_id) {
  static const std::string sql = "DELETE FROM volunteer_blackouts WHERE id = ? AND volunteer_id = ?";
  auto& remove = statement(sql);
  remove.bind(1, blackout_id);
  remove.bind(2, volunteer_id);
  return remove.exec() == 1;
}

std::optional<std::int64_t> Store::blackout_owner(std::int64_t blackout_id) {
  static const std::string sql = "SELECT volunteer_id FROM volunteer_blackouts WHERE id = ?";
  auto& query = statement(sql);
  query.bind(1, blackout_id);
  std::optional<std::int64_t> owner;
  if (query.step()) owner = query.column(0).int64();
  query.reset();
  return owner;
}

std::optional<Volunteer> Store::find(std::int64_t id) {
  static const std::string sql =
      std::string("SELECT ") + volunteer_columns + " FROM volunteers WHERE id = ? AND forgotten_at IS NULL";
  auto& query = statement(sql);
  query.bind(1, id);
  auto found = read(query);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void Store::record_change(std::int64_t volunteer_id, const VolunteerChange& change) {
  static const std::string sql =
      "INSERT INTO volunteer_changes (volunteer_id, changed_at, changed_by, field, before, after) VALUES (?, ?, ?, ?, ?, ?)";
  auto& insert = statement(sql);
  insert.bind(1, volunteer_id);
  insert.bind(2, change.at);
  insert.bind(3, change.by);
  insert.bind(4, change.field);
  insert.bind(5, change.before);
  insert.bind(6, change.after);
  insert.exec();
}

std::vector<VolunteerChange> Store::changes(std::int64_t volunteer_id) {
  static const std::string sql =
      "SELECT changed_at, changed_by, field, before, after FROM volunteer_changes WHERE volunteer_id = ? ORDER BY id";
  auto& query = statement(sql);
  query.bind(1, volunteer_id);
  std::vector<VolunteerChange> out;
  while (query.step()) {
    out.push_back({query.column(0).text(), query.column(1).text(), query.column(2).text(),
                   query.column(3).text(), query.column(4).text()});
  }
  return out;
}

namespace {

/// A number's hash for the record: never 0, which marks an empty slot.
std::uint32_t number_hash(std::string_view number) {
  const auto h = std::hash<std::string_view>{}(number);
  const auto folded = static_cast<std::uint32_t>(h ^ (h >> 32));
  return folded == 0 ? 1 : folded;
}

/// Ids the record can hold: those a table of people numbers from 1 for years to come.
constexpr std::int64_t largest_recorded_id = std::numeric_limits<std::int32_t>::max();

}  // namespace

void Store::NumberRecord::add(std::string_view number, std::int64_t id) {
  if (id <= 0 || id > largest_recorded_id) throw std::logic_error("people::Store: an id the record cannot hold");
  if (2 * (used_ + 1) > slots_.size()) {  // at most half full: short runs to walk
    auto old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), Slot{});
    for (const auto& slot : old) {
      auto at = slot.hash & (slots_.size() - 1);
      while (slot.hash != 0 && slots_[at].hash != 0) at = (at + 1) & (slots_.size() - 1);
      if (slot.hash != 0) slots_[at] = slot;
    }
  }
  const Slot slot{number_hash(number), static_cast<std::uint32_t>(id)};
  auto at = slot.hash & (slots_.size() - 1);
  for (; slots_[at].hash != 0; at = (at + 1) & (slots_.size() - 1)) {
    if (slots_[at].hash == slot.hash && slots_[at].id == slot.id) return;
  }
  slots_[at] = slot;
  ++used_;
}

std::vector<std::int64_t> Store::NumberRecord::ids_for(std::string_view number) const {
  std::vector<std::int64_t> ids;
  if (slots_.empty()) return ids;
  const auto hash = number_hash(number);
  for (auto at = hash & (slots_.size() - 1); slots_[at].hash != 0; at = (at + 1) & (slots_.size() - 1)) {
    if (slots_[at].hash == hash) ids.push_back(slots_[at].id);
  }
  return ids;
}

bool Store::defer_indexes() {
  if (indexes_deferred_) return true;
  if (!db_.drops_indexes_unseen()) return false;
  flush();
  // Room for a billion more: an import of people numbers them from the largest.
  if (db_.query_integer("SELECT coalesce(min(id), 1) FROM volunteers") < 1 ||
      db_.query_integer("SELECT coalesce(max(id), 0) FROM volunteers") > largest_recorded_id / 2) {
    return false;
  }
  static const std::string numbers = "SELECT id, phone, id_number FROM volunteers WHERE phone IS NOT NULL OR id_number IS NOT NULL";
  auto& stored = statement_(numbers);
  while (stored.step()) {
    if (!stored.column(1).is_null()) phones_.add(stored.column(1).view(), stored.column(0).int64());
    if (!stored.column(2).is_null()) id_numbers_.add(stored.column(2).view(), stored.column(0).int64());
  }
  db_.exec("DROP INDEX volunteers_by_phone; DROP INDEX volunteers_by_id_number; DROP INDEX volunteers_by_name");
  indexes_deferred_ = true;
  return true;
}

void Store::restore_indexes() {
  if (!indexes_deferred_) return;
  flush();
  // As migration 17 made them (a test compares them).
  db_.exec("CREATE UNIQUE INDEX volunteers_by_phone ON volunteers (phone); "
           "CREATE UNIQUE INDEX volunteers_by_id_number ON volunteers (id_number); "
           "CREATE INDEX volunteers_by_name ON volunteers (name)");
  indexes_deferred_ = false;
  phones_ = {};
  id_numbers_ = {};
}

std::optional<Volunteer> Store::find_by_key(const std::string& sql, const KeyIndex& held, const std::string& key,
                                            const std::string Volunteer::*field) {
  if (auto id = held.find(key); id != held.end()) {
    const auto& v = held_[held_at_.at(id->second)].volunteer;
    if (v.*field == key) return v;
    return std::nullopt;  // held since with another number: nobody else may have had this one
  }
  // A key no held person has: nothing need be written first. Someone stored and held
  // without it has it no more.
  auto read_one = [&](storage::Statement& query) -> std::optional<Volunteer> {
    std::optional<Volunteer> found;
    bool away = false;
    while (query.step()) {
      if (!found) {
        found = volunteer_at(query);
        away = query.column(14).int64() > 0;
      }
      if (!query.column(12).is_null()) found->skills.push_back(skill_at(query, 12));
    }
    if (!found || held_at_.contains(found->id) || (*found).*field != key) return std::nullopt;
    std::vector<Volunteer> one{std::move(*found)};
    if (away) read_blackouts(one);
    return std::move(one.front());
  };
  if (!indexes_deferred_) {
    auto& query = statement_(sql);
    query.bind(1, key);
    return read_one(query);
  }
  static const std::string by_id = std::string("SELECT ") + volunteer_with_skills_columns +
                                   " FROM volunteers v LEFT JOIN volunteer_skills s ON s.volunteer_id = v.id WHERE v.id = ? ORDER BY s.skill";
  for (auto id : (field == &Volunteer::phone ? phones_ : id_numbers_).ids_for(key)) {
    auto& query = statement_(by_id);
    query.bind(1, id);
    if (auto found = read_one(query)) return found;
  }
  return std::nullopt;
}

std::optional<Volunteer> Store::find_by_phone(const std::string& phone) {
  static const std::string sql = std::string("SELECT ") + volunteer_with_skills_columns +
                                 " FROM volunteers v LEFT JOIN volunteer_skills s ON s.volunteer_id = v.id WHERE v.phone = ? ORDER BY s.skill";
  return find_by_key(sql, held_phones_, phone, &Volunteer::phone);
}

std::optional<Volunteer> Store::find_by_id_number(const std::string& id_number) {
  static const std::string sql = std::string("SELECT ") + volunteer_with_skills_columns +
                                 " FROM volunteers v LEFT JOIN volunteer_skills s ON s.volunteer_id = v.id WHERE v.id_number = ? ORDER BY s.skill";
  return find_by_key(sql, held_id_numbers_, id_number, &Volunteer::id_number);
}

void Store::each_key(const std::function<void(std::string_view)>& visit) {
  static const std::string sql =
      "SELECT phone FROM volunteers WHERE phone IS NOT NULL "
      "UNION ALL SELECT id_number FROM volunteers WHERE id_number IS NOT NULL";
  auto& query = statement(sql);
  while (query.step()) {
    visit(query.column(0).view());
  }
}

std::vector<Volunteer> Store::find_by_name(const std::string& name) {
  static const std::string sql = std::string("SELECT ") + volunteer_columns + " FROM volunteers WHERE name = ? AND forgotten_at IS NULL ORDER BY id";
  auto& query = statement(sql);
  query.bind(1, name);
  return read(query);
}

std::vector<std::string> Store::all_names() {
  static const std::string sql = "SELECT DISTINCT name FROM volunteers WHERE forgotten_at IS NULL ORDER BY name";
  auto& query = statement(sql);
  std::vector<std::string> out;
  while (query.step()) out.push_back(query.column(0).text());
  return out;
}

std::int64_t resolve_volunteer(storage::Connection& db, const std::string& who) {
  Store store(db);
  return resolve_volunteer(store, who);
}

std::int64_t resolve_volunteer(Store& store, const std::string& who) {
  if (auto phone = people::normalize_phone(who)) {
    if (auto v = store.find_by_phone(*phone)) return v->id;
  }
  auto name = text::clean(who);
  // An id only after '#' (as kangle prints it): a bare number may be a mistyped or partial phone.
  if (std::string_view digits = name; digits.starts_with('#')) {
    digits.remove_prefix(1);
    if (!digits.empty() && digits.size() <= 9 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (auto v = store.find(std::stoll(std::string(digits)))) return v->id;
    }
  }
  auto found = store.find_by_name(name);
  if (found.size() == 1) return found.front().id;
  if (found.size() > 1) {
    std::vector<std::string> each;
    for (const auto& v : found) each.push_back(v.name + " " + mask_phone(v.phone));
    throw InputError(Message(Msg::volunteer_ambiguous_listed, found.size(), who, listed(each)));
  }
  if (auto near = text::closest(name, store.all_names())) throw InputError(Message(Msg::volunteer_not_found_suggest, who, *near));
  throw InputError(Message(Msg::volunteer_not_found, who));
}

std::vector<Volunteer> find_volunteers(Store& store, const std::string& who) {
  if (auto phone = normalize_phone(who)) {
    if (auto v = store.find_by_phone(*phone)) return {std::move(*v)};
  }
  auto found = store.find_by_name(text::clean(who));
  if (!found.empty()) return found;
  auto v = store.find(resolve_volunteer(store, who));  // "#12", or the error saying who was meant
  if (!v) throw InputError(Message(Msg::volunteer_not_found, who));
  return {std::move(*v)};
}

std::int64_t Store::insert_later(Volunteer v, const std::string& now) {
  if (next_id_ == 0) {
    const auto largest = largest_id();
    // SQLite would pick an unused id at random past this one; kangle numbers in sequence.
    if (largest == std::numeric_limits<std::int64_t>::max()) throw std::length_error("people::Store: no id after the largest");
    next_id_ = largest + 1;
  }
  const auto id = v.id = next_id_++;
  hold(std::move(v), now, false);
  return id;
}

void Store::update_later(Volunteer v, const std::string& now) { hold(std::move(v), now, true); }

void Store::hold(Volunteer v, const std::string& now, bool stored) {
  if (!v.phone.empty()) held_phones_[v.phone] = v.id;
  if (!v.id_number.empty()) held_id_numbers_[v.id_number] = v.id;
  if (indexes_deferred_) {
    if (!v.phone.empty()) phones_.add(v.phone, v.id);
    if (!v.id_number.empty()) id_numbers_.add(v.id_number, v.id);
  }
  if (auto at = held_at_.find(v.id); at != held_at_.end()) {
    auto& held = held_[at->second];
    held.volunteer = std::move(v);
    held.now = now;
  } else {
    held_at_.emplace(v.id, held_.size());
    held_.push_back({std::move(v), now, stored});
  }
  if (held_.size() == volunteers_per_insert) flush();
}

void Store::flush() {
  if (held_.empty()) return;
  auto held = std::move(held_);  // taken: never written twice, even after a failure
  held_.clear();
  held_at_.clear();
  held_phones_.clear();
  held_id_numbers_.clear();
  auto added = std::count_if(held.begin(), held.end(), [](const Held& h) { return !h.stored; });
  auto updated = held.size() - static_cast<std::size_t>(added);
  std::vector<std::pair<std::int64_t, const VolunteerSkill*>> skills;
  if (added > 0) {
    storage::InsertRows rows(db_, insert_volunteers);
    for (const auto& [v, now, stored] : held) {
      if (stored) continue;
      rows.integer(v.id);
      put_fields(rows, v);
      rows.text(now).text(now).end_row();
    }
    rows.finish();
  }
  if (updated > 0) {
    auto& update = statement_(storage::many_rows(update_volunteers, updated_row, updated, update_volunteers_tail));
    auto& clear = statement_(storage::many_rows(delete_skills, "?", updated, ")"));
    storage::Parameters fields{update};
    int each = 1;
    for (const auto& [v, now, stored] : held) {
      if (!stored) continue;
      fields.integer(v.id);
      put_fields(fields, v);
      fields.text(now);
      clear.bind(each++, v.id);
    }
    // Every row is there: the command holds the write lock since it read them.
    if (update.exec() != static_cast<int>(updated)) throw std::logic_error("people::Store: a held update lost its row");
    clear.exec();
  }
  for (const auto& h : held) {
    for (const auto& skill : h.volunteer.skills) skills.emplace_back(h.volunteer.id, &skill);
  }
  insert_skill_rows(db_, skills);
}

std::int64_t Store::insert(const Volunteer& v, const std::string& now) {
  // Not in the record of numbers: only insert_later may add people while it stands.
  if (indexes_deferred_) throw std::logic_error("people::Store: insert while the indexes wait");
  static const std::string sql =
      "INSERT INTO volunteers (name, phone, id_number, political_status, party_member, unit, community, "
      "monthly_limit, availability, note, preferences, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto& s = statement(sql);
  storage::Parameters fields{s};
  put_fields(fields, v);
  fields.text(now);
  fields.text(now);
  s.exec();
  auto id = db_.last_insert_id();
  std::vector<std::pair<std::int64_t, const VolunteerSkill*>> skills;
  for (const auto& skill : v.skills) skills.emplace_back(id, &skill);
  insert_skill_rows(db_, skills);
  next_id_ = 0;  // numbered by the database: insert_later counts afresh
  return id;
}

void Store::update(const Volunteer& v, const std::string& now) {
  update_later(v, now);
  flush();
}

std::vector<Volunteer> Store::list(const VolunteerFilter& filter) {
  // Ordered by `name || ''`, the same order as by name: SQLite then reads the table through
  // once and sorts, instead of walking the name index and looking up each row (a city's
  // 128,000 volunteers in 0.17 s instead of 0.42 s).
  static const std::string sql = std::string("SELECT ") + volunteer_columns +
                                " FROM volunteers WHERE (?1 = '' OR id IN (SELECT volunteer_id FROM volunteer_skills "
                                "WHERE skill = ?1)) AND (?2 = '' OR instr(unit, ?2) > 0) AND forgotten_at IS NULL "
                                "ORDER BY name || '', id";
  auto& query = statement(sql);
  query.bind(1, filter.skill);
  query.bind(2, filter.unit);
  return read(query);
}

std::map<std::int64_t, std::string> Store::names(const std::vector<std::int64_t>& ids) {
  static const std::string sql = "SELECT name FROM volunteers WHERE id = ?";
  std::map<std::int64_t, std::string> out;
  for (auto id : ids) {
    auto& query = statement(sql);
    query.bind(1, id);
    if (query.step()) out[id] = query.column(0).text();
  }
  return out;
}

std::optional<std::string> Store::forget(std::int64_t volunteer_id, const std::string& now) {
  flush();
  std::optional<std::string> phone;
  storage::Statement phone_of(db_, "SELECT phone FROM volunteers WHERE id = ? AND forgotten_at IS NULL AND phone IS NOT NULL");
  phone_of.bind(1, volunteer_id);
  if (phone_of.step()) phone = phone_of.column(0).text();
  storage::Statement erase(db_,
                          "UPDATE volunteers SET name = '#' || id, phone = NULL, id_number = NULL, political_status = '', "
                          "community = '', monthly_limit = NULL, availability = 0, note = '', preferences = '', updated_at = ?1, "
                          "forgotten_at = ?1 WHERE id = ?2 AND forgotten_at IS NULL");
  erase.bind(1, now);
  erase.bind(2, volunteer_id);
  erase.exec();
  for (const char* sql : {"DELETE FROM volunteer_skills WHERE volunteer_id = ?",
                          "DELETE FROM volunteer_blackouts WHERE volunteer_id = ?",
                          "DELETE FROM volunteer_changes WHERE volunteer_id = ?"}) {  // names and phones before and after
    storage::Statement q(db_, sql);
    q.bind(1, volunteer_id);
    q.exec();
  }
  return phone;
}

std::int64_t Store::count() {
  flush();
  return db_.query_integer("SELECT count(*) FROM volunteers");
}

std::int64_t Store::largest_id() {
  flush();
  return db_.query_integer("SELECT coalesce(max(id), 0) FROM volunteers");
}

}  // namespace kangle::people
