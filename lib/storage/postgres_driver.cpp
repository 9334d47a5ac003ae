// SPDX-License-Identifier: Apache-2.0
#include "storage/postgres_driver.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <type_traits>
#include <vector>

namespace kangle::storage {

NumberedSql number_parameters(std::string_view sql) {
  NumberedSql out;
  out.text.reserve(sql.size() + 16);
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // quoted text or a quoted name, its doubled quotes included
      std::size_t end = i + 1;
      while (end < sql.size() && !(sql[end] == c && (end + 1 >= sql.size() || sql[end + 1] != c))) end += sql[end] == c ? 2 : 1;
      out.text.append(sql.substr(i, end + 1 - i));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment, to the end of its line
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
      out.text.append(sql.substr(i, end - i));
      i = end - 1;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {  // a comment to its */
      std::size_t end = sql.find("*/", i + 2);
      end = end == std::string_view::npos ? sql.size() : end + 2;
      out.text.append(sql.substr(i, end - i));
      i = end - 1;
    } else if (c == '?') {  // ?NNN is parameter NNN; a bare ? the one after the largest so far, as SQLite numbers them
      std::size_t end = i + 1;
      while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
      int number = out.parameters + 1;
      if (end > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + end, number);
      out.parameters = std::max(out.parameters, number);
      out.text += fmt::format("${}", number);
      i = end - 1;
    } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {  // a cast
      out.text += "::";
      ++i;
    } else if (c == ':' && i + 1 < sql.size() && is_name(sql[i + 1]) && (i == 0 || !is_name(sql[i - 1]))) {
      std::size_t end = i + 1;
      while (end < sql.size() && is_name(sql[end])) ++end;
      auto name = std::string(sql.substr(i, end - i));
      auto [slot, added] = out.names.try_emplace(name, out.parameters + 1);
      if (added) ++out.parameters;
      out.text += fmt::format("${}", slot->second);
      i = end - 1;
    } else {
      out.text += c;
    }
  }
  return out;
}

namespace {

/// libpq, opened with the first PostgreSQL connection rather than linked: with its Kerberos,
/// LDAP and TLS libraries it took every command 12 ms more to start, SQLite's workspaces'
/// included (bench/README.md, "Session 40"). The functions kangle calls, by their names less PQ.
struct Libpq {
  decltype(&::PQclear) clear;
  decltype(&::PQcmdStatus) cmdStatus;
  decltype(&::PQcmdTuples) cmdTuples;
  decltype(&::PQconnectdb) connectdb;
  decltype(&::PQerrorMessage) errorMessage;
  decltype(&::PQexec) exec;
  decltype(&::PQexecParams) execParams;
  decltype(&::PQexecPrepared) execPrepared;
  decltype(&::PQfinish) finish;
  decltype(&::PQfname) fname;
  decltype(&::PQftype) ftype;
  decltype(&::PQgetResult) getResult;
  decltype(&::PQgetisnull) getisnull;
  decltype(&::PQgetlength) getlength;
  decltype(&::PQgetvalue) getvalue;
  decltype(&::PQnfields) nfields;
  decltype(&::PQntuples) ntuples;
  decltype(&::PQprepare) prepare;
  decltype(&::PQputCopyData) putCopyData;
  decltype(&::PQputCopyEnd) putCopyEnd;
  decltype(&::PQresultErrorField) resultErrorField;
  decltype(&::PQresultStatus) resultStatus;
  decltype(&::PQsetNoticeProcessor) setNoticeProcessor;
  decltype(&::PQstatus) status;
};

const Libpq& libpq() {
  static const Libpq loaded = [] {
    void* library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = dlerror();
      throw DatabaseError(Failure::unreachable, why != nullptr ? why : "libpq.so.5 cannot be opened");
    }
    Libpq functions{};
    auto load = [&](auto& function, const char* name) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
      if (function == nullptr) throw DatabaseError(Failure::unreachable, fmt::format("libpq.so.5 has no {}", name));
    };
    load(functions.clear, "PQclear");
    load(functions.cmdStatus, "PQcmdStatus");
    load(functions.cmdTuples, "PQcmdTuples");
    load(functions.connectdb, "PQconnectdb");
    load(functions.errorMessage, "PQerrorMessage");
    load(functions.exec, "PQexec");
    load(functions.execParams, "PQexecParams");
    load(functions.execPrepared, "PQexecPrepared");
    load(functions.finish, "PQfinish");
    load(functions.fname, "PQfname");
    load(functions.ftype, "PQftype");
    load(functions.getResult, "PQgetResult");
    load(functions.getisnull, "PQgetisnull");
    load(functions.getlength, "PQgetlength");
    load(functions.getvalue, "PQgetvalue");
    load(functions.nfields, "PQnfields");
    load(functions.ntuples, "PQntuples");
    load(functions.prepare, "PQprepare");
    load(functions.putCopyData, "PQputCopyData");
    load(functions.putCopyEnd, "PQputCopyEnd");
    load(functions.resultErrorField, "PQresultErrorField");
    load(functions.resultStatus, "PQresultStatus");
    load(functions.setNoticeProcessor, "PQsetNoticeProcessor");
    load(functions.status, "PQstatus");
    return functions;
  }();
  return loaded;
}

/// The failure PostgreSQL reported, by its SQLSTATE (Appendix A of its manual).
DatabaseError database_error(const PGresult* result, const PGconn* connection) {
  const char* state = result ? libpq().resultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? libpq().resultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string what = primary ? primary : libpq().errorMessage(connection);
  while (!what.empty() && what.back() == '\n') what.pop_back();
  std::string_view code = state ? state : "";
  auto of_class = [&](std::string_view prefix) { return code.starts_with(prefix); };
  if (code == "23505") return {Failure::unique, what};
  if (of_class("23") || code == "P0001") return {Failure::constraint, what};  // P0001: a trigger's RAISE, as SQLite's
  if (code == "40001" || code == "40P01") return {Failure::serialization, what};
  if (code == "55P03") return {Failure::busy, what};  // lock_not_available: lock_timeout ran out
  if (code == "53100") return {Failure::full, what};  // disk_full (53200 is memory, 53300 connections)
  if (code == "25006" || code == "42501") return {Failure::read_only, what};
  if (of_class("08") || code == "53300" || libpq().status(connection) == CONNECTION_BAD) return {Failure::unreachable, what};
  if (code == "XX001" || code == "XX002") return {Failure::unreadable, what};  // data_corrupted, index_corrupted
  if (code == "42P01") {  // relation "rota_seats" does not exist: the table's name, as SQLite's driver gives it
    auto open = what.find('"');
    auto close = what.find('"', open + 1);
    if (open != std::string::npos && close != std::string::npos) {
      return {Failure::missing_table, what, what.substr(open + 1, close - open - 1)};
    }
  }
  return {Failure::other, what};
}

/// A result freed when it goes.
struct Result {
  PGresult* result = nullptr;
  explicit Result(PGresult* r = nullptr) : result(r) {}
  Result(Result&& other) noexcept : result(other.result) { other.result = nullptr; }
  Result& operator=(Result&& other) noexcept {
    std::swap(result, other.result);
    return *this;
  }
  ~Result() {
    if (result != nullptr) libpq().clear(result);  // a result only comes once libpq is loaded
  }
};

/// `result`, or its failure thrown.
Result checked(PGresult* raw, PGconn* connection) {
  Result result(raw);
  auto status = raw ? libpq().resultStatus(raw) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) throw database_error(raw, connection);
  return result;
}

/// PostgreSQL takes a text up to its first NUL: refused, not stored cut short.
void refuse_nul(std::string_view value) {
  if (value.find('\0') != std::string_view::npos) {
    throw DatabaseError(Failure::constraint, "a text with a NUL character in it, which PostgreSQL cannot store");
  }
}

class PostgresStatement final : public StatementDriver {
public:
  PostgresStatement(PGconn* connection, std::string name, std::string_view sql)
      : connection_(connection), name_(std::move(name)), sql_(number_parameters(sql)) {
    checked(libpq().prepare(connection_, name_.c_str(), sql_.text.c_str(), sql_.parameters, nullptr), connection_);
    auto count = static_cast<std::size_t>(sql_.parameters);
    owned_.resize(count);
    values_.assign(count, nullptr);
    lengths_.assign(count, 0);
  }
  ~PostgresStatement() override {
    libpq().clear(libpq().exec(connection_, fmt::format("DEALLOCATE \"{}\"", name_).c_str()));  // refused in a failed transaction: the name stays unused
  }

  void bind_int64(int index, std::int64_t value) override { bind_text(index, fmt::format_int(value).str()); }
  void bind_real(int index, double value) override { bind_text(index, fmt::format("{}", value)); }
  void bind_text(int index, std::string_view value) override {
    refuse_nul(value);
    auto i = slot(index);
    owned_[i].assign(value);
    values_[i] = owned_[i].c_str();
    lengths_[i] = static_cast<int>(value.size());
  }
  void bind_text_no_copy(int index, const std::string& value) override {
    refuse_nul(value);
    auto i = slot(index);
    values_[i] = value.c_str();
    lengths_[i] = static_cast<int>(value.size());
  }
  void bind_null(int index) override { values_[slot(index)] = nullptr; }
  int parameter_index(const std::string& name) const override {
    auto found = sql_.names.find(name);
    return found == sql_.names.end() ? 0 : found->second;
  }

  bool step() override {
    if (!result_.result) run();
    return ++row_ < libpq().ntuples(result_.result);
  }
  int exec() override {
    run();
    int changed = 0;
    std::string_view count = libpq().cmdTuples(result_.result);
    std::from_chars(count.data(), count.data() + count.size(), changed);
    return changed;
  }
  void reset() override {
    result_ = Result();
    row_ = -1;
  }
  void clear_bindings() override { values_.assign(values_.size(), nullptr); }

  bool is_null(int index) const override { return libpq().getisnull(result_.result, row_, index) != 0; }
  ValueType type(int index) const override {
    if (is_null(index)) return ValueType::null;
    // The built-in types' oids (PostgreSQL's pg_type.dat): int8, int4, int2, bool; float4, float8.
    switch (libpq().ftype(result_.result, index)) {
      case 20: case 23: case 21: case 16: return ValueType::integer;
      case 700: case 701: return ValueType::real;
      default: return ValueType::text;
    }
  }
  std::int64_t int64(int index) const override {
    auto value = text(index);
    std::int64_t number = 0;
    if (value.empty()) return 0;  // NULL, as SQLite reads it
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error == std::errc() && end == value.data() + value.size()) return number;
    // As SQLite reads them as integers: a boolean (t or f, PostgreSQL's text for it) as 1
    // or 0, a real number without its fraction.
    if (value == "t" || value == "f") return value == "t";
    char* rest = nullptr;
    std::string copy(value);
    double real = std::strtod(copy.c_str(), &rest);
    if (rest == copy.c_str() + copy.size()) return static_cast<std::int64_t>(real);
    throw DatabaseError(Failure::other, fmt::format("not a number in column {}: {}", column_name(index), value));
  }
  double real(int index) const override {
    auto value = text(index);
    if (value.empty()) return 0;
    return std::strtod(std::string(value).c_str(), nullptr);
  }
  std::string_view text(int index) const override {
    if (!result_.result || row_ < 0 || row_ >= libpq().ntuples(result_.result) || index < 0 || index >= libpq().nfields(result_.result)) {
      throw DatabaseError(Failure::other, fmt::format("no column {} in the current row", index));
    }
    return {libpq().getvalue(result_.result, row_, index), static_cast<std::size_t>(libpq().getlength(result_.result, row_, index))};
  }
  int column_count() const override { return result_.result ? libpq().nfields(result_.result) : 0; }
  std::string column_name(int index) const override {
    const char* name = result_.result ? libpq().fname(result_.result, index) : nullptr;
    return name ? name : std::to_string(index);
  }

private:
  std::size_t slot(int index) const {
    if (index < 1 || index > sql_.parameters) throw DatabaseError(Failure::other, fmt::format("no parameter {}", index));
    return static_cast<std::size_t>(index - 1);
  }
  void run() {
    result_ = checked(libpq().execPrepared(connection_, name_.c_str(), sql_.parameters, values_.data(), lengths_.data(), nullptr, 0),
                      connection_);
    row_ = -1;
  }

  PGconn* connection_;
  std::string name_;
  NumberedSql sql_;
  std::vector<std::string> owned_;
  std::vector<const char*> values_;
  std::vector<int> lengths_;
  Result result_;
  int row_ = -1;
};

/// COPY … FROM STDIN in its text format: rows sent 64 KiB at a time, with no statement
/// to parse, bind or plan, checked when finished (the 130,000-row import's server time
/// 6.1 s → 5.0–5.8 s against INSERTs of 256 rows: bench/README.md).
class PostgresRows final : public RowsDriver {
public:
  PostgresRows(PGconn* connection, std::string_view insert) : connection_(connection) {
    insert.remove_prefix(insert_into.size());  // "table (column, ...)"
    Result result(libpq().exec(connection_, ("COPY " + std::string(insert) + " FROM STDIN").c_str()));
    if (libpq().resultStatus(result.result) != PGRES_COPY_IN) throw database_error(result.result, connection_);
  }
  ~PostgresRows() override {
    if (open_) end("abandoned");  // the transaction has failed: it is rolled back
  }

  void integer(std::int64_t value) override { next().append(fmt::format_int(value).c_str()); }
  void real(double value) override { fmt::format_to(std::back_inserter(next()), "{}", value); }
  void text(std::string_view value) override {
    refuse_nul(value);
    auto& out = next();
    for (char c : value) {  // the text format's escapes: a backslash, and the separators of columns and rows
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
      }
    }
  }
  void null() override { next().append("\\N"); }
  void end_row() override {
    buffer_ += '\n';
    first_ = true;
    if (buffer_.size() >= 64 * 1024) send();
  }
  void finish() override {
    send();
    end(nullptr);
  }

private:
  std::string& next() {
    if (!first_) buffer_ += '\t';
    first_ = false;
    return buffer_;
  }
  void send() {
    if (!buffer_.empty() && libpq().putCopyData(connection_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      throw database_error(nullptr, connection_);
    }
    buffer_.clear();
  }
  /// Ends the COPY (`error` given: abandoned) and reads its outcome, thrown if it failed.
  void end(const char* error) {
    open_ = false;
    bool sent = libpq().putCopyEnd(connection_, error) == 1;
    std::optional<DatabaseError> failure;
    while (PGresult* raw = libpq().getResult(connection_)) {  // to the last, so the connection is free again
      Result result(raw);
      if (!failure && libpq().resultStatus(raw) != PGRES_COMMAND_OK) failure = database_error(raw, connection_);
    }
    if (!sent && !failure) failure = database_error(nullptr, connection_);
    if (failure && !error) throw *failure;
  }

  PGconn* connection_;
  std::string buffer_;
  bool first_ = true;
  bool open_ = true;
};

class PostgresConnection final : public ConnectionDriver {
public:
  PostgresConnection(const std::string& url, Access access, int busy_timeout_ms) : connection_(libpq().connectdb(url.c_str()), libpq().finish) {
    if (!connection_ || libpq().status(connection_.get()) != CONNECTION_OK) {
      throw DatabaseError(Failure::unreachable, connection_ ? libpq().errorMessage(connection_.get()) : "out of memory");
    }
    libpq().setNoticeProcessor(connection_.get(), [](void*, const char*) {}, nullptr);  // notices are not kangle's output
    exec("SET client_encoding = 'UTF8'");
    exec("SET extra_float_digits = 3");  // real numbers as they are stored, whatever the server's default
    // 0 waits for ever on PostgreSQL; for kangle, as for SQLite, it means not waiting.
    auto timeout = std::to_string(std::max(busy_timeout_ms, 1));
    const char* values[] = {timeout.c_str()};
    checked(libpq().execParams(connection_.get(), "SELECT set_config('lock_timeout', $1, false)", 1, nullptr, values, nullptr, nullptr, 0),
            connection_.get());
    if (access == Access::read_only) exec("SET default_transaction_read_only = on");
  }

  std::unique_ptr<StatementDriver> prepare(std::string_view sql) override {
    return std::make_unique<PostgresStatement>(connection_.get(), fmt::format("kangle_{}", ++statements_), sql);
  }
  std::unique_ptr<RowsDriver> insert_rows(std::string_view insert, int) override {
    return std::make_unique<PostgresRows>(connection_.get(), insert);
  }
  void exec(std::string_view sql) override { checked(libpq().exec(connection_.get(), std::string(sql).c_str()), connection_.get()); }
  std::int64_t last_insert_id() override {  // as the numbering trigger kept it (postgres_numbering)
    Result result =
        checked(libpq().exec(connection_.get(), "SELECT coalesce(current_setting('kangle.last_insert_id', true), '0')"), connection_.get());
    return std::strtoll(libpq().getvalue(result.result, 0, 0), nullptr, 10);
  }
  void prepare_for_bulk_writes(int) override {}  // the server's own cache serves every connection
  bool drops_indexes_unseen() const override { return false; }  // DROP INDEX locks the table's readers out

  // A write transaction takes a lock of the workspace's own (its schema) as it begins, as
  // SQLite's BEGIN IMMEDIATE does: writers run one after the other, and each statement
  // of the one running sees everything the writers before it committed. A read sees one
  // snapshot, and writes nothing.
  void begin(Transaction::Mode mode) override {
    if (mode == Transaction::read) return exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    exec("BEGIN ISOLATION LEVEL READ COMMITTED");
    try {
      // 1262571079 is "KANG", the lock's first key; the second is the schema's.
      exec("SELECT pg_advisory_xact_lock(1262571079, hashtext(coalesce(current_schema(), '')))");
    } catch (...) {
      libpq().clear(libpq().exec(connection_.get(), "ROLLBACK"));
      throw;
    }
  }
  void commit() override {
    // After a failed statement PostgreSQL answers COMMIT with ROLLBACK, not an error: the
    // command's work would be lost without a word.
    Result result = checked(libpq().exec(connection_.get(), "COMMIT"), connection_.get());
    if (std::string_view(libpq().cmdStatus(result.result)) != "COMMIT") {
      throw DatabaseError(Failure::other, "the transaction was rolled back: a statement in it had failed");
    }
  }
  void rollback() override { exec("ROLLBACK"); }

private:
  std::unique_ptr<PGconn, decltype(Libpq::finish)> connection_;
  std::uint64_t statements_ = 0;
};

}  // namespace

std::unique_ptr<ConnectionDriver> open_postgres(const std::string& url, Access access, int busy_timeout_ms) {
  return std::make_unique<PostgresConnection>(url, access, busy_timeout_ms);
}

}  // namespace kangle::storage
