// SPDX-License-Identifier: Apache-2.0
// A stored value kangle cannot read (a database changed by hand, or damaged) is refused
// with its column and value: never read as something else without a word.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "ledger_workspace.hpp"
#include "people/store.hpp"
#include "records/store.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace stored_values_test {

using kangle::test::LedgerWorkspace;

TEST_CASE("a record whose date was changed by hand is refused, not read as 0000-00-00", "[storage]") {
  LedgerWorkspace w;
  auto volunteer = w.volunteer("张伟");
  auto id = w.record("2026-12-02", "haircut", {volunteer});
  kangle::records::RecordStore store(w.sql());
  REQUIRE(store.find(id)->date == kangle::test::day("2026-12-02"));

  kangle::storage::Statement bad_date(w.sql(), "UPDATE service_records SET date = '2026-02-30' WHERE id = ?");
  bad_date.bind(1, id);
  bad_date.exec();
  CHECK_THROWS_AS(store.find(id), kangle::WorkspaceError);
  CHECK_THROWS_WITH(store.find(id), Catch::Contains("date") && Catch::Contains("2026-02-30"));
}

TEST_CASE("an absence whose first day is unreadable is refused, not dropped (the volunteer would be put on duty)",
          "[storage]") {
  LedgerWorkspace w;
  auto volunteer = w.volunteer("李娜");
  kangle::people::Store store(w.sql());
  store.add_blackout(volunteer, {kangle::test::day("2026-12-07"), kangle::test::day("2026-12-11"), "出差", 0},
                     kangle::test::run_time);
  REQUIRE(store.find(volunteer)->blackouts.size() == 1);

  w.sql().exec("UPDATE volunteer_blackouts SET from_date = '12/07/2026'");
  CHECK_THROWS_WITH(store.find(volunteer), Catch::Contains("from_date") && Catch::Contains("12/07/2026"));
}

}  // namespace stored_values_test
