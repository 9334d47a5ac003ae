// SPDX-License-Identifier: Apache-2.0
// What reads service records reads the ones it needs: the period's, or one volunteer's of
// the period, each through an index, never every record kept. Five years of a district's
// are 5,000,000 records and 9,000,000 volunteers' rows, and a statement that went through
// all of them took one to two minutes (bench/README.md, session 36). Each case runs the
// code on a SQLite connection that keeps the SQL it prepares, and reads SQLite's plan of
// each statement.
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "core/text.hpp"
#include "points/board.hpp"
#include "records/store.hpp"
#include "report/figures.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/driver.hpp"
#include "storage/sqlite_driver.hpp"
#include "temp_dir.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace record_plans_test {

using Lines = std::vector<std::string>;

/// A SQLite connection that keeps the SQL of every statement prepared on it.
class SqlSeen final : public kangle::storage::ConnectionDriver {
public:
  SqlSeen(std::unique_ptr<ConnectionDriver> inner, Lines& seen) : inner_(std::move(inner)), seen_(seen) {}
  std::unique_ptr<kangle::storage::StatementDriver> prepare(std::string_view sql) override {
    seen_.emplace_back(sql);
    return inner_->prepare(sql);
  }
  std::unique_ptr<kangle::storage::RowsDriver> insert_rows(std::string_view insert, int columns) override {
    return inner_->insert_rows(insert, columns);
  }
  void exec(std::string_view sql) override { inner_->exec(sql); }
  std::int64_t last_insert_id() override { return inner_->last_insert_id(); }
  void prepare_for_bulk_writes(int page_cache_mib) override { inner_->prepare_for_bulk_writes(page_cache_mib); }
  bool drops_indexes_unseen() const override { return inner_->drops_indexes_unseen(); }
  void begin(kangle::storage::Transaction::Mode mode) override { inner_->begin(mode); }
  void commit() override { inner_->commit(); }
  void rollback() override { inner_->rollback(); }

private:
  std::unique_ptr<ConnectionDriver> inner_;
  Lines& seen_;
};

/// A new workspace's database at the latest schema, and a connection to it that keeps
/// the SQL it prepares.
class Watched {
public:
  Watched()
      : made_(dir_.path() / "kangle.db", kangle::storage::Access::read_write),
        db_(std::make_unique<SqlSeen>(
            kangle::storage::open_sqlite((dir_.path() / "kangle.db").string(), kangle::storage::Access::read_write, false, 0), seen_)) {}
  kangle::storage::Connection& db() { return db_; }

  /// SQLite's plan of each statement prepared since the last call that reads service
  /// records, a line a step: "SCAN r", "SEARCH a USING PRIMARY KEY (record_id=?)", ...
  std::vector<Lines> record_plans() {
    std::vector<Lines> plans;
    auto seen = std::move(seen_);  // the plans' own statements are prepared on the connection too
    for (const auto& sql : seen) {
      if (sql.find("service_records") == std::string::npos && sql.find("record_volunteers") == std::string::npos) continue;
      kangle::storage::Statement plan(db_, "EXPLAIN QUERY PLAN " + sql);
      Lines steps;
      while (plan.step()) steps.push_back(plan.column(3).text());
      plans.push_back(steps);
    }
    seen_.clear();
    return plans;
  }

private:
  kangle::test::TempDir dir_;
  kangle::storage::Database made_;
  Lines seen_;
  kangle::storage::Connection db_;
};

/// Why `steps` would read more than it needs, or "": a scan of the records (kangle names
/// service_records r and record_volunteers a or rv), or a volunteer's rows found by
/// volunteer alone (all the years of them) where the period's would do.
std::string waste_in(const Lines& steps) {
  for (const auto& step : steps) {
    for (const char* table : {"r", "a", "rv", "service_records", "record_volunteers"}) {
      // SQLite's words since 3.36 ("SCAN r"), and before ("SCAN TABLE service_records AS r").
      for (const auto& scan : {std::string("SCAN ") + table, std::string("SCAN TABLE ") + table}) {
        if (step == scan || step.starts_with(scan + " ")) return "reads every record: " + step;
      }
    }
    if (step.find("record_volunteers_by_volunteer (volunteer_id=?)") != std::string::npos) {
      return "reads all of a volunteer's years: " + step;
    }
  }
  return "";
}

enum class Sorting { allowed, none };

/// Each statement since the last call reads only what it needs; with Sorting::none, none
/// sorts the period's rows in a temporary b-tree either (a district's year is two million
/// volunteers' rows).
void check_plans(Watched& w, Sorting sorting = Sorting::allowed) {
  auto plans = w.record_plans();
  REQUIRE_FALSE(plans.empty());
  for (const auto& steps : plans) {
    INFO(kangle::text::join(steps, "\n"));
    CHECK(waste_in(steps).empty());
    if (sorting == Sorting::none) {
      CHECK(std::none_of(steps.begin(), steps.end(), [](const std::string& step) { return step.find("TEMP B-TREE") != std::string::npos; }));
    }
  }
}

kangle::Date day(const char* text) { return *kangle::parse_date(text); }

TEST_CASE("record plans: a volunteer elsewhere at the time, looked up by volunteer and day", "[records]") {
  // Through every record of the day, a month's import of a district's records took the
  // square of its rows (125 s for 96,000 rows into five years').
  Watched w;
  CHECK_FALSE(kangle::records::RecordStore(w.db()).record_with_volunteer(7, day("2027-01-05"), {9 * 60, 11 * 60}));
  auto plans = w.record_plans();
  REQUIRE(plans.size() == 1);
  INFO(kangle::text::join(plans[0], "\n"));
  CHECK(std::any_of(plans[0].begin(), plans[0].end(), [](const std::string& step) {
    return step.find("record_volunteers_by_volunteer (volunteer_id=? AND date=?)") != std::string::npos;
  }));
  CHECK(waste_in(plans[0]).empty());
}

TEST_CASE("record plans: hours, everyone's and one volunteer's, of the period alone", "[records]") {
  Watched w;
  kangle::records::RecordStore store(w.db());
  CHECK(store.hours(day("2026-01-01"), day("2026-12-31"), std::nullopt).empty());
  check_plans(w);
  CHECK(store.hours(day("2026-01-01"), day("2026-12-31"), 7).empty());
  check_plans(w);
}

TEST_CASE("record plans: a month's records listed, and gone through for points, of the month alone", "[records]") {
  Watched w;
  kangle::records::RecordStore store(w.db());
  kangle::records::RecordFilter month;
  month.from = day("2026-12-01");
  month.to = day("2026-12-31");
  CHECK(store.list(month).empty());
  check_plans(w);
  int seen = 0;
  store.for_each(month.from, month.to, [&](const kangle::records::Record&) { ++seen; });
  CHECK(seen == 0);
  check_plans(w);
}

TEST_CASE("record plans: the honour board and the year's stars, of the period alone", "[records][points]") {
  Watched w;
  CHECK(kangle::points::honour_board(w.db(), *kangle::parse_period("2026-12"), 10).empty());
  check_plans(w);
  CHECK(kangle::points::star_volunteers(w.db(), kangle::config::StarCriteria{}, 2026).empty());
  check_plans(w);
}

TEST_CASE("record plans: the units' figures and the volunteers' coverage read the period's rows as they come", "[records][report]") {
  // Grouped by unit in SQL, twice, the units' figures of a district's year took 20 s; the
  // coverage's SELECT DISTINCT 10 s (bench/README.md, session 37).
  Watched w;
  auto year = *kangle::parse_period("2026");
  CHECK(kangle::report::unit_figures(w.db(), year, "Asia/Shanghai").empty());
  check_plans(w, Sorting::none);
  CHECK(kangle::report::coverage(w.db(), year, [](const std::string& service) { return service; }).empty());
  check_plans(w, Sorting::none);
}

}  // namespace record_plans_test
