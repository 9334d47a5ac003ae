// SPDX-License-Identifier: Apache-2.0
#include "lists/store.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "storage/rows.hpp"

namespace kangle::lists {
namespace {

constexpr const char* need_columns =
    "id, code, requester_kind, requester, phone, compound, address, lat, lon, category, description, people, "
    "deadline, vulnerable, vulnerability, micro_wish, value_fen, wanted, status, note, services, closed_reason";

constexpr const char* resource_columns =
    "id, code, provider, provider_kind, unit, contact, phone, category, description, lat, lon, address, radius_m, "
    "capacity, period, cost_fen, note, services";

void bind_location(storage::Statement& s, int lat_index, const std::optional<Coordinates>& at) {
  if (at) {
    s.bind(lat_index, at->lat);
    s.bind(lat_index + 1, at->lon);
  } else {
    s.bind_null(lat_index);
    s.bind_null(lat_index + 1);
  }
}

std::optional<Coordinates> read_location(storage::Statement& q, int lat_index) {
  if (q.column(lat_index).is_null() || q.column(lat_index + 1).is_null()) return std::nullopt;
  return Coordinates{q.column(lat_index).real(), q.column(lat_index + 1).real()};
}

/// Binds the fields of an INSERT or UPDATE of needs, 1 to 21 in need_columns' order without the id.
void bind_fields(storage::Statement& s, const Need& n) {
  storage::bind_text_or_null(s, 1, n.code);
  s.bind(2, to_string(n.requester_kind));
  s.bind(3, n.requester);
  storage::bind_text_or_null(s, 4, n.phone);
  s.bind(5, n.compound);
  s.bind(6, n.address);
  bind_location(s, 7, n.location);
  s.bind(9, n.category);
  s.bind(10, n.description);
  s.bind(11, n.people);
  if (n.deadline) s.bind(12, format_date(*n.deadline));
  else s.bind_null(12);
  s.bind(13, n.vulnerable ? 1 : 0);
  s.bind(14, n.vulnerability);
  s.bind(15, n.micro_wish ? 1 : 0);
  storage::bind_optional(s, 16, n.value_fen);
  s.bind(17, n.wanted);
  s.bind(18, to_string(n.status));
  s.bind(19, n.note);
  s.bind(20, text::join(n.services, ","));
  s.bind(21, n.closed_reason);
}

void bind_fields(storage::Statement& s, const Resource& r) {
  storage::bind_text_or_null(s, 1, r.code);
  s.bind(2, r.provider);
  s.bind(3, to_string(r.provider_kind));
  s.bind(4, r.unit);
  s.bind(5, r.contact);
  storage::bind_text_or_null(s, 6, r.phone);
  s.bind(7, r.category);
  s.bind(8, r.description);
  bind_location(s, 9, r.location);
  s.bind(11, r.address);
  storage::bind_optional(s, 12, r.radius_m);
  s.bind(13, r.capacity);
  storage::bind_text_or_null(s, 14, r.period);
  storage::bind_optional(s, 15, r.cost_fen);
  s.bind(16, r.note);
  s.bind(17, text::join(r.services, ","));
}

/// A word the database holds that this kangle does not know: the database was written by
/// something else, so say so rather than guess.
[[noreturn]] void unknown_word(std::string_view column, const std::string& word) {
  throw WorkspaceError(Message(Msg::lists_unknown_value, column, word));
}

}  // namespace

// ─── needs ───────────────────────────────────────────────────────────────────────

std::vector<Need> Store::read_needs(storage::Statement& q) {
  std::vector<Need> out;
  while (q.step()) {
    Need n;
    n.id = q.column(0).int64();
    n.code = q.column(1).text();
    auto kind = q.column(2).text();
    if (auto k = parse_requester_kind(kind)) n.requester_kind = *k;
    else unknown_word("needs.requester_kind", kind);
    n.requester = q.column(3).text();
    n.phone = q.column(4).text();
    n.compound = q.column(5).text();
    n.address = q.column(6).text();
    n.location = read_location(q, 7);
    n.category = q.column(9).text();
    n.description = q.column(10).text();
    n.people = q.column(11).int32();
    n.deadline = storage::optional_date_at(q, 12);
    n.vulnerable = q.column(13).int32() != 0;
    n.vulnerability = q.column(14).text();
    n.micro_wish = q.column(15).int32() != 0;
    if (!q.column(16).is_null()) n.value_fen = q.column(16).int64();
    n.wanted = q.column(17).int32();
    auto status = q.column(18).text();
    if (auto s = parse_need_status(status)) n.status = *s;
    else unknown_word("needs.status", status);
    n.note = q.column(19).text();
    n.services = text::split(q.column(20).text(), ',');
    n.closed_reason = q.column(21).text();
    out.push_back(std::move(n));
  }
  return out;
}

std::optional<Need> Store::find_need(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + need_columns + " FROM needs WHERE id = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  auto found = read_needs(q);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Need> Store::find_need_by_code(const std::string& code) {
  static const std::string sql = std::string("SELECT ") + need_columns + " FROM needs WHERE code = ?";
  auto& q = statement_(sql);
  q.bind(1, code);
  auto found = read_needs(q);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Need> Store::find_need_by_key(const Need& like, KeyScope scope) {
  static const std::string sql = std::string("SELECT ") + need_columns +
                                 " FROM needs WHERE requester = ? AND category = ? AND description = ? "
                                 "AND (? = 0 OR code IS NULL) ORDER BY id LIMIT 1";
  auto& q = statement_(sql);
  q.bind(1, like.requester);
  q.bind(2, like.category);
  q.bind(3, like.description);
  q.bind(4, scope == KeyScope::uncoded ? 1 : 0);
  auto found = read_needs(q);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t Store::insert(const Need& need, const std::string& now) {
  static const std::string sql =
      "INSERT INTO needs (code, requester_kind, requester, phone, compound, address, lat, lon, category, description, "
      "people, deadline, vulnerable, vulnerability, micro_wish, value_fen, wanted, status, note, services, closed_reason, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto& s = statement_(sql);
  bind_fields(s, need);
  s.bind(22, now);
  s.bind(23, now);
  s.exec();
  return db_.last_insert_id();
}

void Store::update(const Need& need, const std::string& now) {
  static const std::string sql =
      "UPDATE needs SET code = ?, requester_kind = ?, requester = ?, phone = ?, compound = ?, address = ?, lat = ?, "
      "lon = ?, category = ?, description = ?, people = ?, deadline = ?, vulnerable = ?, vulnerability = ?, "
      "micro_wish = ?, value_fen = ?, wanted = ?, status = ?, note = ?, services = ?, closed_reason = ?, updated_at = ? "
      "WHERE id = ?";
  auto& s = statement_(sql);
  bind_fields(s, need);
  s.bind(22, now);
  s.bind(23, need.id);
  s.exec();
}

std::vector<Need> Store::needs(const NeedFilter& filter) {
  static const std::string sql = std::string("SELECT ") + need_columns +
                                 " FROM needs WHERE (?1 = '' OR status = ?1) AND (?2 = '' OR category = ?2) "
                                 "ORDER BY vulnerable DESC, deadline IS NULL, deadline, id";
  auto& q = statement_(sql);
  q.bind(1, filter.status ? to_string(*filter.status) : "");
  q.bind(2, filter.category);
  return read_needs(q);
}

std::int64_t Store::count_needs() { return db_.query_integer("SELECT count(*) FROM needs"); }

// ─── resources ───────────────────────────────────────────────────────────────────

std::vector<Resource> Store::read_resources(storage::Statement& q) {
  std::vector<Resource> out;
  while (q.step()) {
    Resource r;
    r.id = q.column(0).int64();
    r.code = q.column(1).text();
    r.provider = q.column(2).text();
    auto kind = q.column(3).text();
    if (auto k = parse_provider_kind(kind)) r.provider_kind = *k;
    else unknown_word("resources.provider_kind", kind);
    r.unit = q.column(4).text();
    r.contact = q.column(5).text();
    r.phone = q.column(6).text();
    r.category = q.column(7).text();
    r.description = q.column(8).text();
    r.location = read_location(q, 9);
    r.address = q.column(11).text();
    if (!q.column(12).is_null()) r.radius_m = q.column(12).int32();
    r.capacity = q.column(13).int32();
    r.period = q.column(14).text();
    if (!q.column(15).is_null()) r.cost_fen = q.column(15).int64();
    r.note = q.column(16).text();
    r.services = text::split(q.column(17).text(), ',');
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<Resource> Store::find_resource(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + resource_columns + " FROM resources WHERE id = ?";
  auto& q = statement_(sql);
  q.bind(1, id);
  auto found = read_resources(q);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

namespace {

std::vector<std::string> codes(storage::Statement& q) {
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.column(0).text());
  return out;
}

}  // namespace

std::vector<std::string> Store::need_codes() {
  static const std::string sql = "SELECT code FROM needs WHERE code IS NOT NULL ORDER BY code";
  return codes(statement_(sql));
}

std::vector<std::string> Store::resource_codes() {
  static const std::string sql = "SELECT code FROM resources WHERE code IS NOT NULL ORDER BY code";
  return codes(statement_(sql));
}

std::optional<Resource> Store::find_resource_by_code(const std::string& code) {
  static const std::string sql = std::string("SELECT ") + resource_columns + " FROM resources WHERE code = ?";
  auto& q = statement_(sql);
  q.bind(1, code);
  auto found = read_resources(q);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Resource> Store::find_resource_by_key(const Resource& like, KeyScope scope) {
  static const std::string sql = std::string("SELECT ") + resource_columns +
                                 " FROM resources WHERE provider = ? AND category = ? AND description = ? "
                                 "AND (? = 0 OR code IS NULL) ORDER BY id LIMIT 1";
  auto& q = statement_(sql);
  q.bind(1, like.provider);
  q.bind(2, like.category);
  q.bind(3, like.description);
  q.bind(4, scope == KeyScope::uncoded ? 1 : 0);
  auto found = read_resources(q);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t Store::insert(const Resource& resource, const std::string& now) {
  static const std::string sql =
      "INSERT INTO resources (code, provider, provider_kind, unit, contact, phone, category, description, lat, lon, "
      "address, radius_m, capacity, period, cost_fen, note, services, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto& s = statement_(sql);
  bind_fields(s, resource);
  s.bind(18, now);
  s.bind(19, now);
  s.exec();
  return db_.last_insert_id();
}

void Store::update(const Resource& resource, const std::string& now) {
  static const std::string sql =
      "UPDATE resources SET code = ?, provider = ?, provider_kind = ?, unit = ?, contact = ?, phone = ?, category = ?, "
      "description = ?, lat = ?, lon = ?, address = ?, radius_m = ?, capacity = ?, period = ?, cost_fen = ?, note = ?, "
      "services = ?, updated_at = ? WHERE id = ?";
  auto& s = statement_(sql);
  bind_fields(s, resource);
  s.bind(18, now);
  s.bind(19, resource.id);
  s.exec();
}

std::vector<Resource> Store::resources(const ResourceFilter& filter) {
  static const std::string sql = std::string("SELECT ") + resource_columns +
                                 " FROM resources WHERE (?1 = '' OR instr(unit, ?1) > 0 OR instr(provider, ?1) > 0) "
                                 "AND (?2 = '' OR category = ?2) ORDER BY provider, id";
  auto& q = statement_(sql);
  q.bind(1, filter.unit);
  q.bind(2, filter.category);
  return read_resources(q);
}

std::int64_t Store::count_resources() { return db_.query_integer("SELECT count(*) FROM resources"); }

void Store::settle_need_statuses(const std::vector<NeedProjects>& needs, const std::string& now) {
  // Up to 256 needs an UPDATE (a matching run settles tens of thousands): the numbers cast,
  // as PostgreSQL takes a parameter in VALUES for a text.
  static constexpr const char* head =
      "UPDATE needs SET updated_at = ?, status = CASE WHEN c.column3 >= wanted THEN 'done' WHEN c.column2 >= wanted "
      "THEN 'matched' ELSE 'open' END FROM (VALUES ";
  static constexpr const char* row = "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))";
  static constexpr const char* tail = ") AS c WHERE needs.id = c.column1 AND status <> 'cancelled' AND status <> 'closed'";
  constexpr std::size_t most = 256;
  for (std::size_t first = 0; first < needs.size(); first += most) {
    const auto count = std::min(most, needs.size() - first);
    auto& s = statement_(storage::many_rows(head, row, count, tail));
    int index = 1;
    s.bind(index++, now);
    for (std::size_t k = first; k < first + count; ++k) {
      s.bind(index++, needs[k].need);
      s.bind(index++, needs[k].live);
      s.bind(index++, needs[k].done);
    }
    s.exec();
  }
}

std::pair<int, int> Store::forget_person(const std::string& phone, std::int64_t volunteer_id, const std::string& now) {
  static const std::string needs_sql =
      "UPDATE needs SET requester = '#' || ?2, phone = NULL, address = '', lat = NULL, lon = NULL, note = '', "
      "updated_at = ?3 WHERE phone = ?1";
  static const std::string resources_sql =
      "UPDATE resources SET contact = '', phone = NULL, updated_at = ?3, "
      "provider = CASE provider_kind WHEN 'volunteer' THEN '#' || ?2 ELSE provider END, "
      "address = CASE provider_kind WHEN 'volunteer' THEN '' ELSE address END, "
      "lat = CASE provider_kind WHEN 'volunteer' THEN NULL ELSE lat END, "
      "lon = CASE provider_kind WHEN 'volunteer' THEN NULL ELSE lon END, "
      "note = CASE provider_kind WHEN 'volunteer' THEN '' ELSE note END WHERE phone = ?1";
  std::pair<int, int> changed;
  for (auto [sql, count] : {std::pair{&needs_sql, &changed.first}, std::pair{&resources_sql, &changed.second}}) {
    auto& s = statement_(*sql);
    s.bind(1, phone);
    s.bind(2, volunteer_id);
    s.bind(3, now);
    *count = s.exec();
  }
  return changed;
}

}  // namespace kangle::lists
