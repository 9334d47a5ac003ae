// SPDX-License-Identifier: Apache-2.0
#include "people/store.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <string_view>

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

/// Binds `v`'s fields to the 11 parameters from `first` on.
void bind_fields(storage::Statement& s, const Volunteer& v, int first = 1) {
  s.bind_no_copy(first, v.name);
  storage::bind_text_or_null(s, first + 1, v.phone);
  storage::bind_text_or_null(s, first + 2, v.id_number);
  s.bind_no_copy(first + 3, v.political_status);
  s.bind(first + 4, v.party_member ? 1 : 0);
  s.bind_no_copy(first + 5, v.unit);
  s.bind_no_copy(first + 6, v.community);
  if (v.monthly_limit) s.bind(first + 7, *v.monthly_limit);
  else s.bind_null(first + 7);
  s.bind(first + 8, v.availability.bits());
  s.bind_no_copy(first + 9, v.note);
  s.bind(first + 10, text::join(v.preferences, ","));
}

/// Rows go in many to a statement rather than one each: an import writes a few hundred
/// thousand, and on PostgreSQL each statement is a round trip to the server.
constexpr std::size_t skills_per_insert = 512;
constexpr std::size_t volunteers_per_insert = 256;

/// `insert` with `count` rows of `row`'s parameters, made once for each count (the
/// statement cache knows a statement by its text's address).
const std::string& multi_row_insert(const char* insert, const char* row, std::size_t count) {
  static std::map<std::pair<const char*, std::size_t>, std::string> made;
  auto& sql = made[{insert, count}];
  if (sql.empty()) {
    sql = std::string(insert) + " VALUES " + row;
    for (std::size_t i = 1; i < count; ++i) sql = sql + ", " + row;
  }
  return sql;
}

constexpr const char* insert_skills = "INSERT INTO volunteer_skills (volunteer_id, skill, certificate_expires)";
constexpr const char* insert_volunteers =
    "INSERT INTO volunteers (id, name, phone, id_number, political_status, party_member, unit, community, "
    "monthly_limit, availability, note, preferences, created_at, updated_at)";

/// Inserts `skills` (volunteer id, skill) in statements of many rows.
void insert_skill_rows(storage::StatementCache& statements, const std::vector<std::pair<std::int64_t, const VolunteerSkill*>>& skills) {
  for (std::size_t first = 0; first < skills.size(); first += skills_per_insert) {
    auto count = std::min(skills_per_insert, skills.size() - first);
    auto& insert = statements(multi_row_insert(insert_skills, "(?, ?, ?)", count));
    int index = 1;
    for (std::size_t i = first; i < first + count; ++i) {
      const auto& [id, skill] = skills[i];
      insert.bind(index++, id);
      insert.bind_no_copy(index++, skill->skill);
      if (skill->certificate_expires) insert.bind(index++, format_date(*skill->certificate_expires));
      else insert.bind_null(index++);
    }
    insert.exec();
  }
}

}  // namespace

std::vector<Volunteer> Store::read(storage::Statement& query) {
  std::vector<Volunteer> out;
  std::map<std::int64_t, std::size_t> index;
  while (query.step()) {
    Volunteer v;
    v.id = query.column(0).int64();
    v.name = query.column(1).text();
    v.phone = query.column(2).text();
    v.id_number = query.column(3).text();
    v.political_status = query.column(4).text();
    v.party_member = query.column(5).int32() != 0;
    v.unit = query.column(6).text();
    v.community = query.column(7).text();
    if (!query.column(8).is_null()) v.monthly_limit = query.column(8).int32();
    v.availability = Availability::from_bits(query.column(9).int64());
    v.note = query.column(10).text();
    v.preferences = text::split(query.column(11).text(), ',');
    index[v.id] = out.size();
    out.push_back(std::move(v));
  }
  if (out.empty()) return out;
  // One volunteer (a look-up): their own skills. Many (a listing): one pass over the skills table.
  static const std::string skills_of_one =
      "SELECT volunteer_id, skill, certificate_expires FROM volunteer_skills WHERE volunteer_id = ? ORDER BY skill";
  static const std::string all_skills =
      "SELECT volunteer_id, skill, certificate_expires FROM volunteer_skills ORDER BY volunteer_id, skill";
  auto& skills = statement(out.size() == 1 ? skills_of_one : all_skills);
  if (out.size() == 1) skills.bind(1, out.front().id);
  while (skills.step()) {
    auto it = index.find(skills.column(0).int64());
    if (it == index.end()) continue;
    VolunteerSkill skill{skills.column(1).text(), std::nullopt};
    skill.certificate_expires = storage::optional_date_at(skills, 2);
    out[it->second].skills.push_back(std::move(skill));
  }
  static const std::string blackouts_of_one =
      "SELECT volunteer_id, from_date, to_date, reason, id FROM volunteer_blackouts WHERE volunteer_id = ? ORDER BY from_date, id";
  static const std::string all_blackouts =
      "SELECT volunteer_id, from_date, to_date, reason, id FROM volunteer_blackouts ORDER BY volunteer_id, from_date, id";
  auto& blackouts = statement(out.size() == 1 ? blackouts_of_one : all_blackouts);
  if (out.size() == 1) blackouts.bind(1, out.front().id);
  while (blackouts.step()) {
    auto it = index.find(blackouts.column(0).int64());
    if (it == index.end()) continue;
    Blackout b{storage::date_at(blackouts, 1), storage::optional_date_at(blackouts, 2), blackouts.column(3).text(),
               blackouts.column(4).int64()};
    out[it->second].blackouts.push_back(std::move(b));
  }
  return out;
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

std::optional<Volunteer> Store::find_one(const std::string& sql, const std::string& value) {
  auto& query = statement(sql);
  query.bind(1, value);
  auto found = read(query);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Volunteer> Store::find_by_phone(const std::string& phone) {
  static const std::string sql = std::string("SELECT ") + volunteer_columns + " FROM volunteers WHERE phone = ?";
  return find_one(sql, phone);
}

std::optional<Volunteer> Store::find_by_id_number(const std::string& id_number) {
  static const std::string sql = std::string("SELECT ") + volunteer_columns + " FROM volunteers WHERE id_number = ?";
  return find_one(sql, id_number);
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

void Store::write_skills(std::int64_t id, const std::vector<VolunteerSkill>& skills, bool replace) {
  if (replace) {
    static const std::string sql = "DELETE FROM volunteer_skills WHERE volunteer_id = ?";
    auto& clear = statement(sql);
    clear.bind(1, id);
    clear.exec();
  }
  std::vector<std::pair<std::int64_t, const VolunteerSkill*>> rows;
  for (const auto& skill : skills) rows.emplace_back(id, &skill);
  insert_skill_rows(statement_, rows);
}

std::int64_t Store::insert_later(const Volunteer& v, const std::string& now) {
  if (next_id_ == 0) next_id_ = db_.query_integer("SELECT coalesce(max(id), 0) + 1 FROM volunteers");
  pending_.emplace_back(v, now);
  pending_.back().first.id = next_id_;
  if (pending_.size() == volunteers_per_insert) flush();
  return next_id_++;
}

void Store::flush() {
  if (pending_.empty()) return;
  auto pending = std::move(pending_);  // taken: never written twice, even after a failure
  pending_.clear();
  auto& insert = statement_(multi_row_insert(insert_volunteers, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pending.size()));
  std::vector<std::pair<std::int64_t, const VolunteerSkill*>> skills;
  int first = 1;
  for (const auto& [v, now] : pending) {
    insert.bind(first, v.id);
    bind_fields(insert, v, first + 1);
    insert.bind_no_copy(first + 12, now);
    insert.bind_no_copy(first + 13, now);
    first += 14;
    for (const auto& skill : v.skills) skills.emplace_back(v.id, &skill);
  }
  insert.exec();
  insert_skill_rows(statement_, skills);
}

std::int64_t Store::insert(const Volunteer& v, const std::string& now) {
  static const std::string sql =
      "INSERT INTO volunteers (name, phone, id_number, political_status, party_member, unit, community, "
      "monthly_limit, availability, note, preferences, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto& s = statement(sql);
  bind_fields(s, v);
  s.bind(12, now);
  s.bind(13, now);
  s.exec();
  auto id = db_.last_insert_id();
  write_skills(id, v.skills, false);
  next_id_ = 0;  // numbered by the database: insert_later counts afresh
  return id;
}

void Store::update(const Volunteer& v, const std::string& now) {
  static const std::string sql =
      "UPDATE volunteers SET name = ?, phone = ?, id_number = ?, political_status = ?, party_member = ?, "
      "unit = ?, community = ?, monthly_limit = ?, availability = ?, note = ?, preferences = ?, updated_at = ? WHERE id = ?";
  auto& s = statement(sql);
  bind_fields(s, v);
  s.bind(12, now);
  s.bind(13, v.id);
  s.exec();
  write_skills(v.id, v.skills, true);
}

std::vector<Volunteer> Store::list(const VolunteerFilter& filter) {
  static const std::string sql = std::string("SELECT ") + volunteer_columns +
                                " FROM volunteers WHERE (?1 = '' OR id IN (SELECT volunteer_id FROM volunteer_skills "
                                "WHERE skill = ?1)) AND (?2 = '' OR instr(unit, ?2) > 0) AND forgotten_at IS NULL "
                                "ORDER BY name, id";
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

}  // namespace kangle::people
