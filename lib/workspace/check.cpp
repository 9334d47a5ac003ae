// SPDX-License-Identifier: Apache-2.0
#include "workspace/check.hpp"

#include <algorithm>

#include "config/loader.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/columns.hpp"
#include "lists/store.hpp"
#include "match/places.hpp"
#include "points/ledger.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {
namespace {

/// Lines of the needs and resources lists whose category services.toml no longer has
/// (edited since they were imported): matching would never find them a partner.
std::vector<Message> unknown_list_categories(storage::Database& db, const config::Catalogue& catalogue) {
  std::vector<Message> problems;
  if (catalogue.categories.empty()) return problems;  // services.toml is broken: reported as such
  struct List {
    const char* table;
    const char* sql;
    Msg name;
  };
  const List lists[] = {
      {"needs", "SELECT category, count(*) FROM needs GROUP BY category ORDER BY category", Msg::list_needs},
      {"resources", "SELECT category, count(*) FROM resources GROUP BY category ORDER BY category", Msg::list_resources},
  };
  for (const auto& list : lists) {
    if (!db.has_table(list.table)) continue;  // an older schema
    storage::Statement query(db.sql(), list.sql);
    while (query.step()) {
      auto category = query.column(0).text();
      if (catalogue.find_category(category)) continue;
      problems.emplace_back(Msg::check_unknown_list_category, query.column(1).int64(), list.name, category);
    }
  }
  return problems;
}

/// Kiosks and services that service records name but the config no longer has (deleted
/// or renamed since): the records stay, but reports could not say what they were. And a
/// volunteer in two records at once, whose hours count twice.
std::vector<Message> unknown_record_references(storage::Database& db, const config::Config& config) {
  std::vector<Message> problems;
  if (db.schema_version() < 7) return problems;  // an older schema, without records
  records::RecordStore store(db.sql());
  bool rows_dated = db.schema_version() >= 19;  // each volunteer's row keeps its record's date
  if (rows_dated) {
    for (const auto& row : store.misdated_rows()) {
      problems.emplace_back(Msg::check_record_row_misdated, row.record, row.volunteer, row.row_date, row.record_date);
    }
  }
  for (const auto& overlap : store.overlaps(rows_dated)) {
    problems.emplace_back(Msg::check_record_overlap, overlap.name, format_date(overlap.date), overlap.first, overlap.second);
  }
  if (config.catalogue.services.empty()) return problems;  // a broken config: nothing to compare with
  for (const auto& [kiosk, count] : store.kiosks_named()) {
    // Captured by name: clang 14 (scripts/sanitize.sh, fuzz.sh) cannot capture a structured binding.
    bool known = std::any_of(config.kiosks.begin(), config.kiosks.end(),
                             [&kiosk = kiosk](const auto& k) { return k.id == kiosk; });
    if (!known) problems.emplace_back(Msg::check_record_unknown_kiosk, count, kiosk);
  }
  for (const auto& [service, count] : store.services_named()) {
    if (!config.catalogue.find_service(service)) problems.emplace_back(Msg::check_record_unknown_service, count, service);
  }
  return problems;
}

/// Resources with a radius but no place (no coordinates, and no compound of
/// communities.toml with coordinates in their address): matching can never tell who is within reach.
std::vector<Message> unplaced_resources(storage::Database& db, const config::Config& config) {
  std::vector<Message> problems;
  if (db.schema_version() < 16) return problems;  // an older schema: the store reads the newest
  for (const auto& r : lists::Store(db.sql()).resources({})) {
    if (!r.radius_m || match::place_of(r, config.communities)) continue;
    auto radius = in_both_languages([&](Lang lang) { return lists::display_radius(r.radius_m, lang); });
    problems.emplace_back(Msg::check_resource_no_place, r.code.empty() ? "#" + std::to_string(r.id) : r.code, r.provider, radius);
  }
  return problems;
}

}  // namespace

std::vector<config::Diagnostic> check_workspace(const std::filesystem::path& root, std::optional<Date> today) {
  auto loaded = config::load_config(root);
  auto& sink = loaded.diagnostics;
  if (today) {
    for (int year : loaded.config.holidays.provisional_years_soon(*today)) {
      sink.warning({"holidays/", 0, 0}, Message(Msg::calendar_provisional, year));
    }
  }
  for (auto list : {"volunteers", "needs", "resources", "records"}) import::load_column_aliases(root, list, sink);
  auto location = database_location(root, loaded.config.settings);
  const config::Position db_at{database_shown(root, location), 0, 0};
  std::error_code ec;
  if (!location.postgres() && !std::filesystem::exists(location.file, ec)) {
    // kangle.db is made by the first command that writes; a database named elsewhere is not.
    if (location.made_when_missing) sink.warning(db_at, Message(Msg::database_missing));
    else sink.error(db_at, Message(Msg::database_not_found, location.shown()));
    return sink.sorted();
  }
  try {
    storage::Database db(location, storage::Access::read_only);
    if (location.postgres() && db.schema_version() == 0) {  // a schema without kangle's tables
      sink.error(db_at, Message(Msg::database_not_found, location.shown()));
      return sink.sorted();
    }
    for (auto& problem : db.integrity_problems()) sink.error(db_at, std::move(problem));
    for (auto& problem : db.missing_schema_objects()) sink.error(db_at, std::move(problem));
    // The ledger's chain from the last full verify's checkpoint to its head (a database not
    // yet upgraded has no head to compare with: the next command that writes adds it).
    if (db.has_table("points_ledger") && db.has_table("points_ledger_head")) {
      storage::Transaction snapshot(db.sql(), storage::Transaction::read);
      auto verified = points::verify(db.sql(), points::Walk::from_checkpoint);
      if (verified.first_bad) sink.error(db_at, Message(Msg::verify_failed, *verified.first_bad, verified.why));
    }
    for (auto& problem : unknown_list_categories(db, loaded.config.catalogue)) sink.error(db_at, std::move(problem));
    for (auto& problem : unknown_record_references(db, loaded.config)) sink.error(db_at, std::move(problem));
    for (auto& problem : unplaced_resources(db, loaded.config)) sink.warning(db_at, std::move(problem));
  } catch (const Error& e) {
    sink.error(db_at, e.message());
  } catch (const std::exception& e) {
    // A truncated or damaged file fails on the first page read, wherever that is.
    auto failure = storage::storage_failure(e, location.shown());
    sink.error(db_at, failure ? failure->message() : Message(Msg::database_unreadable, location.shown(), e.what()));
  }
  return sink.sorted();
}

present::Document check_document(const std::vector<config::Diagnostic>& problems, const std::filesystem::path& root,
                                 Lang lang) {
  using present::Value;
  auto header = [lang](Msg id) { return std::string(message_text(id, lang)); };
  present::Table table{"problems",
                       "",
                       {{"problem", header(Msg::check_col_problem)},
                        {"file", header(Msg::check_col_file), true},
                        {"line", header(Msg::check_col_line), true},
                        {"column", header(Msg::check_col_column), true},
                        {"severity", header(Msg::check_col_severity), true},
                        {"code", header(Msg::check_col_code), true},
                        {"message", header(Msg::check_col_message), true}},
                       {},
                       1};
  std::int64_t errors = 0;
  for (const auto& d : problems) {
    bool error = d.severity == config::Severity::error;
    errors += error ? 1 : 0;
    table.rows.push_back({Value::text(config::format_diagnostic(d, lang)), Value::text(d.at.file),
                          d.at.line > 0 ? Value::integer(static_cast<std::int64_t>(d.at.line)) : Value::none(),
                          d.at.column > 0 ? Value::integer(static_cast<std::int64_t>(d.at.column)) : Value::none(),
                          Value::code(error ? "error" : "warning",
                                      header(error ? Msg::check_severity_error : Msg::check_severity_warning)),
                          Value::text(std::string(d.message.code())), Value::text(d.message.in(lang))});
  }
  auto warnings = static_cast<std::int64_t>(problems.size()) - errors;
  auto document = problems.empty() ? present::message(lang, "check", {tr(lang, Msg::check_clean, root.string())})
                                   : present::listing(lang, "check", std::move(table));
  if (!problems.empty()) document.footer.push_back(tr(lang, Msg::check_summary, errors, warnings));
  document.facts = {{"errors", Value::integer(errors)}, {"warnings", Value::integer(warnings)}};
  return document;
}

}  // namespace kangle::workspace
