// SPDX-License-Identifier: Apache-2.0
// The report engine: the portfolio review's four groups, each from figures built for
// it; a period's figures from records stored by hand (cancelled ones left out,
// satisfaction weighted by residents); comparisons; the units' ranking; masking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "document_json.hpp"
#include "ledger_workspace.hpp"
#include "records/store.hpp"
#include "report/build.hpp"
#include "report/figures.hpp"
#include "report/review.hpp"

namespace report = kangle::report;
using kangle::test::LedgerWorkspace;
using kangle::test::run_time;
using report::ReviewGroup;
using report::ReviewReason;

namespace {

report::ServiceFigures held(const std::string& service, int sessions, long residents, std::optional<double> satisfaction) {
  report::ServiceFigures f;
  f.service = service;
  f.sessions = sessions;
  f.residents = residents;
  if (satisfaction) f.satisfaction = {*satisfaction * static_cast<double>(residents), static_cast<double>(residents)};
  return f;
}

const report::ServiceReview& review_of(const std::vector<report::ServiceReview>& reviews, const std::string& service) {
  auto it = std::find_if(reviews.begin(), reviews.end(), [&](const auto& r) { return r.service == service; });
  REQUIRE(it != reviews.end());
  return *it;
}

kangle::Period period(const char* text) { return *kangle::parse_period(text); }

/// A cell of a report's table as a number (0 when it is not one).
double number_at(const kangle::present::Table& table, std::size_t row, std::size_t column) {
  const auto& v = table.rows.at(row).at(column);
  return v.is_number() ? v.number_value() : 0;
}

const kangle::present::Table& table_of(const kangle::present::Document& r, const std::string& id) {
  for (const auto& s : r.sections) {
    for (const auto& t : s.tables) {
      if (t.id == id) return t;
    }
  }
  FAIL("no table " << id);
  throw;
}

}  // namespace

TEST_CASE("review_services: each of the four groups, by the thresholds of [review]", "[report]") {
  LedgerWorkspace ws;
  auto config = ws.config();
  std::vector<report::ServiceFigures> figures{
      held("haircut", 4, 48, 4.8),           // 12 a session, liked
      held("blood-pressure", 4, 40, 3.0),    // much used, poorly rated
      held("blood-sugar", 2, 20, std::nullopt),  // much used, never rated
      held("umbrella-repair", 2, 20, 4.0),   // much used, fair
      held("legal-advice", 2, 10, 5.0),      // 5 a session
      held("mental-health", 2, 4, 5.0),      // 2 a session, one kiosk, no resource
      held("knife-sharpening", 4, 8, 4.9),   // 2 a session, keen volunteers
      held("darning", 2, 2, 4.5),            // 1 a session, a resource elsewhere
      held("", 1, 35, 4.9),                  // a themed event: not a service
  };
  std::map<std::string, int> resources{{"life", 2}};
  std::map<std::string, int> skilled{{"knife-grinder", 3}, {"tailor", 1}};
  auto reviews = report::review_services(config, figures, {{"health", 4}}, resources, skilled);

  auto check = [&](const char* service, ReviewGroup group, ReviewReason reason) {
    INFO(service);
    const auto& r = review_of(reviews, service);
    CHECK(r.group == group);
    CHECK(r.reason == reason);
  };
  check("haircut", ReviewGroup::make_permanent, ReviewReason::popular);
  check("blood-pressure", ReviewGroup::retire, ReviewReason::poor_ratings);
  check("blood-sugar", ReviewGroup::keep, ReviewReason::popular_unrated);
  check("umbrella-repair", ReviewGroup::keep, ReviewReason::popular_fair);
  check("legal-advice", ReviewGroup::keep, ReviewReason::middling);
  check("mental-health", ReviewGroup::keep, ReviewReason::niche);
  check("knife-sharpening", ReviewGroup::graft, ReviewReason::volunteers_keen);
  check("darning", ReviewGroup::retire, ReviewReason::little_demand);
  check("heritage-crafts", ReviewGroup::retire, ReviewReason::not_held);  // on a menu, never held

  // Grafted onto the most used service that shares a kiosk with it (both at dingxiang and pubei).
  CHECK(review_of(reviews, "knife-sharpening").partner == "haircut");
  CHECK(review_of(reviews, "haircut").per_session == Approx(12.0));
  CHECK(review_of(reviews, "haircut").kiosks == 2);
  CHECK(review_of(reviews, "blood-pressure").needs == 4);
  CHECK(review_of(reviews, "darning").resources == 2);
  // Only services: the themed event is left out; services on no menu and never held too.
  CHECK(std::none_of(reviews.begin(), reviews.end(), [](const auto& r) { return r.service.empty(); }));
  CHECK(std::none_of(reviews.begin(), reviews.end(), [](const auto& r) { return r.service == "pet-advice"; }));
  // By group, then demand.
  CHECK(std::is_sorted(reviews.begin(), reviews.end(), [](const auto& a, const auto& b) {
    return a.group != b.group ? a.group < b.group : a.per_session.value_or(-1) > b.per_session.value_or(-1);
  }));

  SECTION("the thresholds are the config's, not the code's") {
    config.settings.review.demand_high = 13;
    config.settings.review.keen_volunteers = 4;
    auto changed = report::review_services(config, figures, {}, resources, skilled);
    CHECK(review_of(changed, "haircut").reason == ReviewReason::middling);
    CHECK(review_of(changed, "knife-sharpening").reason == ReviewReason::little_demand);
    config.settings.review.satisfaction_poor = 2.5;
    CHECK(review_of(report::review_services(config, figures, {}, resources, skilled), "blood-pressure").group ==
          ReviewGroup::keep);
  }
}

TEST_CASE("period_figures: sessions, residents, volunteers and hours of a period, cancelled records left out", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲", true), b = ws.volunteer("乙"), c = ws.volunteer("丙", true);
  kangle::records::RecordStore store(ws.sql());
  auto r1 = ws.record("2026-12-01", "haircut", {a, b});  // 2 × 120 minutes
  store.update_outcome(r1, 30, 5.0, "");
  auto r2 = ws.record("2026-12-02", "blood-pressure", {a}, 60);
  store.update_outcome(r2, 10, 3.0, "");
  auto r3 = ws.record("2026-12-03", "", {c}, 90, kangle::config::Cadence::monthly);  // a themed event
  store.update_outcome(r3, 20, std::nullopt, "");
  auto cancelled = ws.record("2026-12-04", "haircut", {c});
  store.update_outcome(cancelled, 99, 1.0, "");
  store.cancel(cancelled, "录错了", run_time);
  auto november = ws.record("2026-11-30", "haircut", {b});
  store.update_outcome(november, 8, 4.0, "");

  auto f = report::period_figures(ws.sql(), period("2026-12"));
  CHECK(f.sessions == 2);
  CHECK(f.themed_events == 1);
  CHECK(f.residents == 60);
  CHECK(f.volunteers == 3);
  CHECK(f.volunteer_times == 4);
  CHECK(f.party_members == 2);
  CHECK(f.recorded_minutes == 120 * 2 + 60 + 90);
  // (5 × 30 + 3 × 10) / 40: the larger session weighs more.
  REQUIRE(f.satisfaction.mean());
  CHECK(*f.satisfaction.mean() == Approx(4.5));
  CHECK(report::period_figures(ws.sql(), period("2026-11")).residents == 8);
  CHECK(report::period_figures(ws.sql(), period("2026Q4")).residents == 68);
  CHECK(report::period_figures(ws.sql(), period("2025-12")).sessions == 0);

  SECTION("the month's report compares with the month before and the year before") {
    auto r = report::period_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
    CHECK(r.kind == "month");
    CHECK(r.period == "2026-12");
    const auto& headline = table_of(r, "headline");
    auto row = std::find_if(headline.rows.begin(), headline.rows.end(),
                            [](const auto& cells) { return cells[0].display(kangle::Lang::en) == "residents"; });
    REQUIRE(row != headline.rows.end());
    auto i = static_cast<std::size_t>(row - headline.rows.begin());
    CHECK(number_at(headline, i, 2) == 60);
    CHECK(number_at(headline, i, 3) == 8);
    CHECK(number_at(headline, i, 4) == Approx((60.0 - 8) / 8 * 100));
    CHECK_FALSE(headline.rows[i][6].is_number());  // nothing a year before to compare with
    // The trend: the twelve months to December.
    const auto& months = table_of(r, "by_month");
    REQUIRE(months.rows.size() == 12);
    CHECK(months.rows.front()[0].display(kangle::Lang::en) == "2026-01");
    CHECK(number_at(months, 10, 2) == 8);
    CHECK(number_at(months, 11, 2) == 60);
    // A quarter's trend is its three months.
    auto quarter = report::period_report({ws.sql(), ws.config(), period("2026Q4"), run_time, false, {}, kangle::Lang::en});
    CHECK(quarter.kind == "quarter");
    CHECK(table_of(quarter, "by_month").rows.size() == 3);
  }
}

TEST_CASE("units_report ranks units by residents' satisfaction, volunteers_report masks phones", "[report]") {
  LedgerWorkspace ws;
  auto set_unit = [&](std::int64_t v, const char* unit) {
    SQLite::Statement q(ws.sql(), "UPDATE volunteers SET unit = ? WHERE id = ?");
    q.bind(1, unit);
    q.bind(2, v);
    q.exec();
  };
  auto a = ws.volunteer("甲"), b = ws.volunteer("乙"), c = ws.volunteer("丙");
  set_unit(a, "卫生服务中心");
  set_unit(b, "卫生服务中心");
  set_unit(c, "法学院");
  kangle::records::RecordStore store(ws.sql());
  auto r1 = ws.record("2026-12-01", "haircut", {a, b});
  store.update_outcome(r1, 10, 4.0, "");
  auto r2 = ws.record("2026-12-02", "legal-advice", {c});
  store.update_outcome(r2, 2, 5.0, "");

  auto units = report::units_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  const auto& table = table_of(units, "units");
  REQUIRE(table.rows.size() == 2);
  // Fewer people served, but better rated: the yardstick is satisfaction.
  CHECK(table.rows[0][1].display(kangle::Lang::en) == "法学院");
  CHECK(table.rows[1][1].display(kangle::Lang::en) == "卫生服务中心");
  CHECK(number_at(table, 1, 3) == 2);  // volunteers who served
  CHECK(number_at(table, 1, 4) == 1);  // one record, however many of its volunteers served it
  CHECK(number_at(table, 1, 5) == 2);  // person-times

  auto masked = report::volunteers_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  const auto& people = table_of(masked, "volunteers");
  REQUIRE(people.rows.size() == 3);
  for (const auto& row : people.rows) CHECK(row[1].display(kangle::Lang::en).find("****") != std::string::npos);
  // A unit assessing its members: only theirs.
  auto theirs = report::volunteers_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, "卫生", kangle::Lang::en});
  const auto& members = table_of(theirs, "volunteers");
  REQUIRE(members.rows.size() == 2);
  for (const auto& row : members.rows) CHECK(row[2].display(kangle::Lang::en) == "卫生服务中心");
  auto revealed = report::volunteers_report({ws.sql(), ws.config(), period("2026-12"), run_time, true, {}, kangle::Lang::en});
  for (const auto& row : table_of(revealed, "volunteers").rows) {
    CHECK(row[1].display(kangle::Lang::en).find("****") == std::string::npos);
    CHECK(row[1].display(kangle::Lang::en).size() == 11);
  }
}

TEST_CASE("services_report over a period without records says so", "[report]") {
  LedgerWorkspace ws;
  auto empty = report::services_report({ws.sql(), ws.config(), period("1999"), run_time, false, {}, kangle::Lang::en});
  const auto& lines = empty.sections.at(0).lines;
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("No service records"); }));
  auto v = ws.volunteer("甲");
  ws.record("1999-05-01", "haircut", {v});
  auto held = report::services_report({ws.sql(), ws.config(), period("1999"), run_time, false, {}, kangle::Lang::en});
  const auto& now = held.sections.at(0).lines;
  CHECK(std::none_of(now.begin(), now.end(), [](const std::string& l) { return l.starts_with("No service records"); }));
}

TEST_CASE("reports: what scripts read is the same in zh-CN and en (kiosks, skills, services, categories, metrics as codes)",
          "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲", true), b = ws.volunteer("乙");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-12-01", "haircut", {a, b}), 30, 5.0, "");
  store.update_outcome(ws.record("2026-12-02", "blood-pressure", {a}, 60), 10, 3.0, "");
  store.update_outcome(ws.record("2026-12-03", "", {b}, 90, kangle::config::Cadence::monthly), 20, std::nullopt, "");
  using Builder = kangle::present::Document (*)(const report::Source&);
  for (Builder build : {report::period_report, report::services_report, report::units_report, report::volunteers_report}) {
    auto [zh, en] = kangle::test::both_languages([&](kangle::Lang lang) {
      return build({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, lang});
    });
    CHECK(zh.at("title") != en.at("title"));
  }
  auto [zh, en] = kangle::test::both_languages([&](kangle::Lang lang) {
    return report::volunteers_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, lang});
  });
  const auto& coverage = kangle::test::rows(zh, 1);
  REQUIRE(!coverage.empty());
  CHECK(coverage[0].at("kiosk") == "dingxiang");
  CHECK(coverage[0].at("skill") == "barber");
}
