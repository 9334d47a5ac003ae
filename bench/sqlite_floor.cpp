// SPDX-License-Identifier: Apache-2.0
// What SQLite alone takes to store an import's people and skills the ways an import may
// store them (kangle's InsertRows: `values 256`), through its C API, into kangle's own schema
// (the unique phone and ID number, the index by name, the skills' key and foreign key).
// bench/README.md ("Import") compares kangle's import with it.
//
//   build/bench/sqlite_floor FROM EMPTY MODE
//
// FROM is a workspace database an import filled (its volunteers and volunteer_skills are
// read into memory first); EMPTY a copy of a new workspace's kangle.db, which it fills:
// the people in id order, then the skills in key order (an import interleaves them, a
// batch at a time).
// MODE: `row` (a statement a row), `values N` (N rows a statement), `staged N` (rows into a
// temporary table without index, moved N at a time by INSERT ... SELECT). Prints the
// seconds of the people, the skills and the commit.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

namespace {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Rows = std::vector<std::vector<Value>>;

const std::string people_columns =
    "id, name, phone, id_number, political_status, party_member, unit, community, monthly_limit, availability, note, "
    "created_at, updated_at, preferences";
const std::string skill_columns = "volunteer_id, skill, certificate_expires";

[[noreturn]] void fail(sqlite3* db) {
  std::fprintf(stderr, "sqlite_floor: %s\n", sqlite3_errmsg(db));
  std::exit(1);
}

sqlite3_stmt* prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail(db);
  return statement;
}

void run(sqlite3* db, sqlite3_stmt* statement) {
  if (sqlite3_step(statement) != SQLITE_DONE) fail(db);
  sqlite3_reset(statement);
}

Rows read_rows(sqlite3* db, const std::string& sql) {
  Rows rows;
  auto* q = prepare(db, sql);
  const int columns = sqlite3_column_count(q);
  while (sqlite3_step(q) == SQLITE_ROW) {
    auto& row = rows.emplace_back();
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(q, c)) {
        case SQLITE_NULL: row.emplace_back(nullptr); break;
        case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(q, c))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(q, c)); break;
        default: row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, c))));
      }
    }
  }
  sqlite3_finalize(q);
  return rows;
}

/// `rows` of `columns` values each as "(?, ?, ...), (?, ...)".
std::string placeholders(std::size_t rows, std::size_t columns) {
  std::string one = "(";
  for (std::size_t c = 0; c < columns; ++c) one += c ? ", ?" : "?";
  one += ")";
  std::string all;
  for (std::size_t r = 0; r < rows; ++r) all += (r ? ", " : "") + one;
  return all;
}

void bind_row(sqlite3_stmt* q, int& index, const std::vector<Value>& row) {
  for (const auto& value : row) {
    if (auto* i = std::get_if<std::int64_t>(&value)) sqlite3_bind_int64(q, index, *i);
    else if (auto* d = std::get_if<double>(&value)) sqlite3_bind_double(q, index, *d);
    else if (auto* s = std::get_if<std::string>(&value)) sqlite3_bind_text(q, index, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
    else sqlite3_bind_null(q, index);
    ++index;
  }
}

/// Inserts `rows` into `table` by `mode` with `batch` rows a statement or a move.
void store(sqlite3* db, const std::string& table, const std::string& columns, const Rows& rows, const std::string& mode,
           std::size_t batch) {
  if (rows.empty()) return;
  const auto width = rows.front().size();
  const std::string insert = "INSERT INTO main." + table + " (" + columns + ") VALUES ";
  if (mode == "row" || mode == "values") {
    const std::size_t per = mode == "row" ? 1 : batch;
    auto* q = prepare(db, insert + placeholders(per, width));
    std::size_t r = 0;
    for (; r + per <= rows.size(); r += per) {
      int index = 1;
      for (std::size_t k = 0; k < per; ++k) bind_row(q, index, rows[r + k]);
      run(db, q);
    }
    sqlite3_finalize(q);
    if (r < rows.size()) {
      auto* rest = prepare(db, insert + placeholders(rows.size() - r, width));
      int index = 1;
      for (; r < rows.size(); ++r) bind_row(rest, index, rows[r]);
      run(db, rest);
      sqlite3_finalize(rest);
    }
    return;
  }
  const std::string stage = "temp.stage_" + table;
  if (sqlite3_exec(db, ("CREATE TABLE " + stage + " AS SELECT " + columns + " FROM main." + table + " WHERE 0").c_str(),
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    fail(db);
  }
  auto* q = prepare(db, "INSERT INTO " + stage + " VALUES " + placeholders(1, width));
  auto* move = prepare(db, "INSERT INTO main." + table + " (" + columns + ") SELECT * FROM " + stage);
  auto* clear = prepare(db, "DELETE FROM " + stage);
  std::size_t held = 0;
  for (const auto& row : rows) {
    int index = 1;
    bind_row(q, index, row);
    run(db, q);
    if (++held == batch || &row == &rows.back()) {
      run(db, move);
      run(db, clear);
      held = 0;
    }
  }
  for (auto* s : {q, move, clear}) sqlite3_finalize(s);
}

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 3 ? argv[3] : "";
  const bool batched = mode == "values" || mode == "staged";
  if (!(argc == 4 && mode == "row") && !(argc == 5 && batched && std::atoi(argv[4]) > 0)) {
    std::fprintf(stderr, "usage: sqlite_floor FROM EMPTY row | values N | staged N\n");
    return 2;
  }
  const std::size_t batch = batched ? static_cast<std::size_t>(std::atoi(argv[4])) : 1;
  // As kangle's connections (lib/storage/sqlite_driver.cpp): no count of SQLite's memory,
  // no mutex around each call, a statement's journal kept in memory.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
  sqlite3* from = nullptr;
  if (sqlite3_open_v2(argv[1], &from, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) fail(from);
  const auto people = read_rows(from, "SELECT " + people_columns + " FROM volunteers ORDER BY id");
  const auto skills = read_rows(from, "SELECT " + skill_columns + " FROM volunteer_skills ORDER BY volunteer_id, skill");
  sqlite3_close(from);

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) fail(db);
  // As kangle's import has its connection (lib/storage).
  if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA cache_size = -16384; BEGIN IMMEDIATE",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    fail(db);
  }
  auto start = std::chrono::steady_clock::now();
  store(db, "volunteers", people_columns, people, mode, batch);
  const double people_seconds = since(start);
  start = std::chrono::steady_clock::now();
  store(db, "volunteer_skills", skill_columns, skills, mode, batch);
  const double skill_seconds = since(start);
  start = std::chrono::steady_clock::now();
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) fail(db);
  std::printf("%zu people %.2f s, %zu skills %.2f s, commit %.2f s\n", people.size(), people_seconds, skills.size(),
              skill_seconds, since(start));
  sqlite3_close(db);
}
