// SPDX-License-Identifier: Apache-2.0
#include "workspace/copy.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "points/ledger.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {

namespace {

/// The ledger of `db` verified from its first entry; WorkspaceError naming `shown` when it fails.
points::Verification verified_ledger(storage::Database& db, const std::string& shown) {
  auto verified = points::verify(db.sql(), points::Walk::full);
  if (verified.first_bad) throw WorkspaceError(Message(Msg::copy_ledger_broken, shown, *verified.first_bad, verified.why));
  return verified;
}

}  // namespace

DatabaseCopy copy_database(const std::filesystem::path& root, const config::Settings& settings, const std::string& target) {
  auto from_location = database_location(root, settings);
  auto to_location = named_database(target);
  to_location.made_when_missing = true;
  DatabaseCopy copy{from_location.shown(), to_location.shown(), {}, 0, {}};
  if (same_database(from_location, to_location)) throw WorkspaceError(Message(Msg::copy_same_database, copy.to));

  storage::Database from(from_location, storage::Access::read_write);  // brought to this kangle's version, as any command does
  storage::Database to(to_location, storage::Access::read_write);
  storage::Transaction reading(from.sql(), storage::Transaction::read);
  storage::Transaction writing(to.sql(), storage::Transaction::write);
  if (auto rows = storage::rows_beyond_a_new_database(to)) {
    throw WorkspaceError(Message(Msg::copy_target_not_empty, copy.to, rows));
  }
  auto source_ledger = verified_ledger(from, copy.from);
  copy.tables = storage::copy_rows(from, to);
  for (const auto& table : copy.tables) {
    if (table.read != table.written) {
      throw WorkspaceError(Message(Msg::copy_count_differs, table.table, table.read, table.written));
    }
  }
  auto copied_ledger = verified_ledger(to, copy.to);
  if (copied_ledger.head != source_ledger.head) {
    throw WorkspaceError(Message(Msg::copy_head_differs, copied_ledger.head, source_ledger.head));
  }
  writing.commit();
  copy.ledger_entries = copied_ledger.entries;
  copy.ledger_head = copied_ledger.head;
  return copy;
}

present::Document copy_document(const DatabaseCopy& copy, Lang lang) {
  using present::Value;
  std::int64_t rows = 0;
  present::Table table{"tables", "", {{"table", tr(lang, Msg::copy_col_table)}, {"read", tr(lang, Msg::copy_col_read)},
                                      {"written", tr(lang, Msg::copy_col_written)}}, {}, 1};
  for (const auto& t : copy.tables) {
    table.rows.push_back({Value::text(t.table), Value::integer(t.read), Value::integer(t.written)});
    rows += t.written;
  }
  auto document = present::message(
      lang, "db_copy",
      {tr(lang, Msg::copy_done, rows, copy.tables.size(), copy.from, copy.to),
       tr(lang, Msg::copy_verified, copy.ledger_entries, copy.ledger_head.substr(0, 16)), tr(lang, Msg::copy_how_to_use, copy.to)},
      {{"from", Value::text(copy.from)},
       {"to", Value::text(copy.to)},
       {"tables", Value::integer(static_cast<std::int64_t>(copy.tables.size()))},
       {"rows", Value::integer(rows)},
       {"ledger_entries", Value::integer(copy.ledger_entries)},
       {"ledger_head", Value::text(copy.ledger_head)}});
  document.sections.back().tables.push_back(std::move(table));
  return document;
}

}  // namespace kangle::workspace
