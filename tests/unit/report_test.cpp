// SPDX-License-Identifier: Apache-2.0
// The report engine: the portfolio review's four groups, each from figures built for
// it; a period's figures from records stored by hand (cancelled ones left out,
// satisfaction weighted by residents); comparisons; the units' ranking; masking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "core/error.hpp"
#include "document_json.hpp"
#include "ledger_workspace.hpp"
#include "records/store.hpp"
#include "report/build.hpp"
#include "report/figures.hpp"
#include "report/review.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace report_test {

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

/// The row of `table` whose first cell reads `key` for scripts.
const std::vector<kangle::present::Value>& row_of(const kangle::present::Table& table, const std::string& key) {
  auto row = std::find_if(table.rows.begin(), table.rows.end(),
                          [&](const auto& cells) { return cells.at(0).for_scripts() == key; });
  if (row == table.rows.end()) FAIL("no row " << key << " in " << table.id);
  return *row;
}

/// The cell of `row` under the column keyed `key`.
const kangle::present::Value& cell(const kangle::present::Table& table, const std::vector<kangle::present::Value>& row,
                                   const std::string& key) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].key == key) return row.at(i);
  }
  FAIL("no column " << key << " in " << table.id);
  throw;
}

void set_unit(LedgerWorkspace& ws, std::int64_t volunteer, const char* unit) {
  kangle::storage::Statement q(ws.sql(), "UPDATE volunteers SET unit = ? WHERE id = ?");
  q.bind(1, unit);
  q.bind(2, volunteer);
  q.exec();
}

/// A need (a micro-wish or not), a unit's resource and a project between them that went
/// through `statuses`, each on `day` at 02:00 UTC (or at `day` when it is a whole UTC
/// timestamp); `satisfaction` when reviewed. Returns the project.
std::int64_t project(LedgerWorkspace& ws, const char* unit, std::vector<const char*> statuses, const char* day,
                     std::optional<int> satisfaction = std::nullopt, bool micro_wish = false, std::int64_t need = 0) {
  auto& db = ws.sql();
  if (need == 0) {
    kangle::storage::Statement n(db, "INSERT INTO needs (requester, category, description, micro_wish, created_at, updated_at) "
                            "VALUES ('王阿婆', 'life', '想要一台收音机', ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
    n.bind(1, micro_wish ? 1 : 0);
    n.exec();
    need = db.last_insert_id();
  }
  kangle::storage::Statement r(db, "INSERT INTO resources (provider, provider_kind, unit, category, created_at, updated_at) "
                          "VALUES (?1, 'unit', ?1, 'life', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
  r.bind(1, unit);
  r.exec();
  auto resource = db.last_insert_id();
  kangle::storage::Statement p(db, "INSERT INTO projects (need_id, resource_id, unit, status, satisfaction, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
  p.bind(1, need);
  p.bind(2, resource);
  p.bind(3, unit);
  p.bind(4, statuses.back());
  if (satisfaction) p.bind(5, *satisfaction);
  else p.bind_null(5);
  auto at = std::string(day).size() > 10 ? std::string(day) : std::string(day) + "T02:00:00Z";
  p.bind(6, at);
  p.bind(7, at);
  p.exec();
  auto id = db.last_insert_id();
  for (const char* status : statuses) {
    kangle::storage::Statement e(db, "INSERT INTO project_events (project_id, to_status, at) VALUES (?, ?, ?)");
    e.bind(1, id);
    e.bind(2, status);
    e.bind(3, at);
    e.exec();
  }
  return id;
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
  std::vector<report::ResourceOffer> resources{{"life", {}}, {"life", {}}};
  std::map<std::string, int> skilled{{"knife-grinder", 3}, {"tailor", 1}, {"craftsperson", 2}};
  auto reviews = report::review_services(config, figures, {{"health", 4}}, resources, skilled, {});

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

  // Grafted onto the most used kept service of its category (life).
  CHECK(review_of(reviews, "knife-sharpening").partner == "haircut");
  CHECK(review_of(reviews, "knife-sharpening").tie == report::GraftTie::category);
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
    auto changed = report::review_services(config, figures, {}, resources, skilled, {});
    CHECK(review_of(changed, "haircut").reason == ReviewReason::middling);
    CHECK(review_of(changed, "knife-sharpening").reason == ReviewReason::little_demand);
    config.settings.review.satisfaction_poor = 2.5;
    CHECK(review_of(report::review_services(config, figures, {}, resources, skilled, {}), "blood-pressure").group ==
          ReviewGroup::keep);
  }
}

TEST_CASE("review_services: unknown is not zero, demand is over the sessions with a residents count", "[report]") {
  LedgerWorkspace ws;
  auto config = ws.config();
  auto haircut = held("haircut", 4, 36, 4.8);  // one session of four without a count: 12 a session, not 9
  haircut.without_residents = 1;
  auto blood_sugar = held("blood-sugar", 4, 10, std::nullopt);  // three of four never counted
  blood_sugar.without_residents = 3;
  blood_sugar.without_satisfaction = 4;
  auto darning = held("darning", 2, 0, std::nullopt);  // confirmed from the rota, nothing given
  darning.without_residents = 2;
  darning.without_satisfaction = 2;
  auto reviews = report::review_services(config, {haircut, blood_sugar, darning}, {}, {}, {}, {});

  const auto& h = review_of(reviews, "haircut");
  CHECK(h.per_session == Approx(12.0));
  CHECK(h.group == ReviewGroup::make_permanent);
  const auto& b = review_of(reviews, "blood-sugar");
  CHECK(b.group == ReviewGroup::insufficient_data);
  CHECK(b.reason == ReviewReason::figures_unknown);
  CHECK(b.without_residents == 3);
  CHECK(b.without_satisfaction == 4);
  const auto& d = review_of(reviews, "darning");
  CHECK(d.group == ReviewGroup::insufficient_data);
  CHECK_FALSE(d.per_session);  // no count at all: no demand, not 0.0
  // Listed last.
  CHECK(reviews.back().group == ReviewGroup::insufficient_data);

  SECTION("one rating among many sessions is no verdict: neither poor nor popular") {
    auto thin = held("haircut", 10, 120, 3.0);  // 12 a session, one session of ten rated 3.0
    thin.without_satisfaction = 9;
    auto r = review_of(report::review_services(config, {thin}, {}, {}, {}, {}), "haircut");
    CHECK(r.group == ReviewGroup::keep);
    CHECK(r.reason == ReviewReason::popular_unrated);
    thin.without_satisfaction = 0;
    CHECK(review_of(report::review_services(config, {thin}, {}, {}, {}, {}), "haircut").reason == ReviewReason::poor_ratings);
  }

  SECTION("in a period not yet over, a service not yet held waits for its day") {
    auto to_date = report::review_services(config, {haircut}, {}, {}, {{"craftsperson", 1}, {"tailor", 1}}, {}, false);
    CHECK(review_of(to_date, "darning").reason == ReviewReason::not_yet_held);
    CHECK(review_of(to_date, "darning").group == ReviewGroup::insufficient_data);
    auto over = report::review_services(config, {haircut}, {}, {}, {{"craftsperson", 1}, {"tailor", 1}}, {});
    CHECK(review_of(over, "darning").reason == ReviewReason::not_held);
  }

  SECTION("the share is kangle.toml's: at it, still judged") {
    config.settings.review.unknown_share = 0.75;
    auto judged = report::review_services(config, {blood_sugar}, {}, {}, {}, {});
    CHECK(review_of(judged, "blood-sugar").group == ReviewGroup::keep);  // 10 a session over the one counted
    CHECK(review_of(judged, "blood-sugar").per_session == Approx(10.0));
  }
}

TEST_CASE("services_report: days confirmed without residents read as insufficient data, not 0.0 a session", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-12-01", "haircut", {a}), 12, 5.0, "");
  store.update_outcome(ws.record("2026-12-08", "haircut", {a}), 12, 5.0, "");
  ws.record("2026-12-15", "haircut", {a});  // confirmed from the rota: nothing counted
  ws.record("2026-12-02", "blood-sugar", {a});
  ws.record("2026-12-09", "blood-sugar", {a});
  auto [zh, en] = kangle::test::both_languages([&](kangle::Lang lang) {
    return report::services_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, lang});
  });
  std::map<std::string, kangle::test::Json> by_service;
  for (const auto& row : kangle::test::rows(en)) by_service[row.at("service").get<std::string>()] = row;
  CHECK(by_service.at("haircut").at("group") == "make_permanent");
  CHECK(by_service.at("haircut").at("per_session") == 12.0);
  CHECK(by_service.at("haircut").at("sessions_without_residents") == 1);
  CHECK(by_service.at("blood-sugar").at("group") == "insufficient_data");
  CHECK(by_service.at("blood-sugar").at("reason") == "figures_unknown");
  CHECK(by_service.at("blood-sugar").at("per_session").is_null());
  CHECK(by_service.at("blood-sugar").at("sessions_without_satisfaction") == 2);
  // A section of its own, saying how many sessions lack which figure.
  const auto& sections = zh.at("sections");
  auto group = std::find_if(sections.begin(), sections.end(), [](const auto& s) { return s.at("id") == "insufficient_data"; });
  REQUIRE(group != sections.end());
  CHECK(group->at("title") == "数据不足：补录后再评估");
  CHECK(group->at("lines").at(1).get<std::string>().find("2 场中有 2 场未记录服务人次、2 场未记录满意度") != std::string::npos);
  auto haircut_line = en.at("sections").at(1).at("lines").at(1).get<std::string>();
  CHECK(haircut_line.find("Demand over the 2 of 3 sessions") != std::string::npos);
}

TEST_CASE("review_services: a service nobody could staff is kept, its skill named", "[report]") {
  LedgerWorkspace ws;
  auto config = ws.config();
  // heritage-crafts is on kangle-hall's menu and never held.
  auto unstaffed = report::review_services(config, {}, {}, {}, {}, {});
  CHECK(review_of(unstaffed, "heritage-crafts").group == ReviewGroup::keep);
  CHECK(review_of(unstaffed, "heritage-crafts").reason == ReviewReason::no_skilled_volunteers);
  auto staffed = report::review_services(config, {}, {}, {}, {{"craftsperson", 1}}, {});
  CHECK(review_of(staffed, "heritage-crafts").group == ReviewGroup::retire);
  CHECK(review_of(staffed, "heritage-crafts").reason == ReviewReason::not_held);

  auto r = report::services_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::zh_CN});
  const auto& keep = r.sections.at(2);
  REQUIRE(keep.id == "keep");
  CHECK(std::any_of(keep.lines.begin(), keep.lines.end(), [](const std::string& l) {
    return l.starts_with("非遗手工") && l.find("缺少具备技能的志愿者（非遗手工）") != std::string::npos;
  }));
}

TEST_CASE("services_held: themed events and records imported by title count for their service, each session once",
          "[report]") {
  LedgerWorkspace ws;
  auto config = ws.config();
  auto session = [](const char* service, const char* title, const char* kiosk, const char* place, int start,
                    std::optional<long> residents) {
    return report::HeldSession{service, title, kiosk, place, *kangle::parse_date("2026-11-26"), start, residents, std::nullopt};
  };
  std::vector<report::HeldSession> sessions{
      // The general seats of kangle-hall's 心理健康pro, a themed event tied to mental-health …
      session("", "心理健康pro", "kangle-hall", "康乐汇二楼", 840, 30),
      // … and another month's, where the service's own seat was filled too: that session once.
      session("mental-health", "心理健康pro", "kangle-hall", "康乐汇二楼", 600, 5),
      session("", "心理健康pro", "kangle-hall", "康乐汇二楼", 600, 40),
      // Imported by the service's name, in Chinese and in English.
      session("", "理发", "", "樱花园小区", 540, 9),
      session("", "haircut ", "", "樱花园小区", 600, std::nullopt),
      // A themed event of no service: not a service.
      session("", "党员Tall History", "kangle-hall", "康乐汇二楼", 840, 50),
      // As a sheet writes the event's title; but 非遗+党建 is held in April, August and December.
      session("", "“非遗+党建”主题活动", "kangle-hall", "", 840, 35),
  };
  auto december = session("", "“非遗+党建”主题活动", "kangle-hall", "", 840, 35);
  december.date = *kangle::parse_date("2026-12-31");
  auto held = report::services_held(config, sessions);
  std::map<std::string, report::ServiceFigures> by_service;
  for (const auto& f : held) by_service[f.service] = f;
  REQUIRE(by_service.size() == 2);
  auto in_december = report::services_held(config, {december});
  REQUIRE(in_december.size() == 1);
  CHECK(in_december[0].service == "heritage-crafts");
  CHECK(in_december[0].residents == 35);
  CHECK(by_service.at("mental-health").sessions == 2);
  CHECK(by_service.at("mental-health").residents == 35);
  CHECK(by_service.at("haircut").sessions == 2);
  CHECK(by_service.at("haircut").residents == 9);
  CHECK(by_service.at("haircut").without_residents == 1);

  // So mental-health is not "never held".
  auto reviews = report::review_services(config, held, {}, {}, {}, {});
  CHECK(review_of(reviews, "mental-health").reason != ReviewReason::not_held);
  CHECK(review_of(reviews, "mental-health").sessions == 2);
}

TEST_CASE("review_services: a resource of the kiosk's own volunteer is not another provider", "[report]") {
  LedgerWorkspace ws;
  auto config = ws.config();
  std::vector<report::ServiceFigures> figures{held("mental-health", 2, 4, 5.0)};  // 2 a session, at kangle-hall alone
  std::vector<report::ResourceOffer> resources{{"mental-care", 7}};
  auto elsewhere = report::review_services(config, figures, {}, resources, {}, {{"dingxiang", {7}}});
  CHECK(review_of(elsewhere, "mental-health").reason == ReviewReason::little_demand);
  CHECK(review_of(elsewhere, "mental-health").resources == 1);
  auto own = report::review_services(config, figures, {}, resources, {}, {{"kangle-hall", {7}}});
  CHECK(review_of(own, "mental-health").reason == ReviewReason::niche);
  CHECK(review_of(own, "mental-health").resources == 0);
  CHECK(review_of(own, "mental-health").own_resources == 1);
}

TEST_CASE("resource_offers and kiosk_rosters: a volunteer's resource names them, a kiosk's rota, records and preferences "
          "its own, of those offering alone",
          "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲"), b = ws.volunteer("乙"), c = ws.volunteer("丙");
  ws.record("2026-12-01", "haircut", {a});
  ws.record("2026-12-02", "haircut", {c});
  ws.sql().exec("UPDATE volunteers SET preferences = 'pubei,haircut' WHERE id = " + std::to_string(b));
  ws.sql().exec("INSERT INTO resources (provider, provider_kind, phone, category, created_at, updated_at) VALUES "
                "('甲', 'volunteer', NULL, 'mental-care', 'now', 'now'), "
                "('某人', 'volunteer', '13900001002', 'mental-care', 'now', 'now'), "
                "('心理咨询中心', 'unit', NULL, 'mental-care', 'now', 'now')");
  auto offers = report::resource_offers(ws.sql());
  REQUIRE(offers.size() == 3);
  CHECK(offers[0].volunteer == a);  // by their one name
  CHECK(offers[1].volunteer == b);  // by phone
  CHECK_FALSE(offers[2].volunteer);
  auto rosters = report::kiosk_rosters(ws.sql(), offers);
  CHECK(rosters["dingxiang"] == std::set<std::int64_t>{a});  // 丙 served there too, but offers nothing
  CHECK(rosters["pubei"] == std::set<std::int64_t>{b});      // by preference
}

TEST_CASE("review_services: a graft names a service sharing its category, skill, kiosk or weekday, and which", "[report]") {
  LedgerWorkspace ws;
  auto config = ws.config();
  // bicycle-repair (repair, dingxiang on Fridays): little demand, keen volunteers, a resource elsewhere.
  auto bicycle = held("bicycle-repair", 2, 2, 4.0);
  std::vector<report::ResourceOffer> resources{{"repair", {}}};
  std::map<std::string, int> skilled{{"bicycle-mechanic", 3}};
  auto partner_of = [&](std::vector<report::ServiceFigures> figures) {
    figures.push_back(bicycle);
    auto reviews = report::review_services(config, figures, {}, resources, skilled, {});
    const auto& r = review_of(reviews, "bicycle-repair");
    REQUIRE(r.reason == ReviewReason::volunteers_keen);
    return r;
  };
  auto mental = held("mental-health", 2, 10, 4.0);   // kangle-hall, Fridays: middling
  auto sugar = held("blood-sugar", 2, 8, 4.0);       // dingxiang, Wednesdays: middling
  auto legal = held("legal-advice", 2, 10, 4.0);     // pubei, Thursdays: middling
  auto watch = held("watch-repair", 2, 10, 4.0);     // repair, dingxiang: middling
  auto by_day = partner_of({mental, legal});
  CHECK(by_day.partner == "mental-health");
  CHECK(by_day.tie == report::GraftTie::weekday);
  CHECK(by_day.shared_weekday == 5);
  auto by_kiosk = partner_of({mental, legal, sugar});
  CHECK(by_kiosk.partner == "blood-sugar");
  CHECK(by_kiosk.tie == report::GraftTie::kiosk);
  CHECK(by_kiosk.shared_kiosk == "dingxiang");
  auto by_category = partner_of({mental, legal, sugar, watch});
  CHECK(by_category.partner == "watch-repair");
  CHECK(by_category.tie == report::GraftTie::category);
  auto alone = partner_of({legal});
  CHECK(alone.partner.empty());
  CHECK(alone.tie == report::GraftTie::none);
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

  auto f = report::period_figures(ws.sql(), period("2026-12"), "Asia/Shanghai");
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
  CHECK(report::period_figures(ws.sql(), period("2026-11"), "Asia/Shanghai").residents == 8);
  CHECK(report::period_figures(ws.sql(), period("2026Q4"), "Asia/Shanghai").residents == 68);
  CHECK(report::period_figures(ws.sql(), period("2025-12"), "Asia/Shanghai").sessions == 0);

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
    CHECK_FALSE(headline.rows[i][7].is_number());  // nothing a year before to compare with
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
    kangle::storage::Statement q(ws.sql(), "UPDATE volunteers SET unit = ? WHERE id = ?");
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

TEST_CASE("coverage: each volunteer once for each kiosk and skill, however many sessions and services of it", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲"), b = ws.volunteer("乙");
  ws.record("2026-12-03", "haircut", {a, b});
  ws.record("2026-12-04", "haircut", {a});
  ws.record("2026-12-05", "mending", {a});   // another service of the same skill
  ws.record("2026-12-06", "blood-pressure", {b});
  ws.record("2026-11-30", "blood-pressure", {a});  // November
  auto skill_of = [](const std::string& service) { return service == "blood-pressure" ? "nurse" : "handy"; };
  auto found = report::coverage(ws.sql(), period("2026-12"), skill_of);
  REQUIRE(found.size() == 2);
  CHECK(found[0].kiosk == "dingxiang");
  CHECK(found[0].skill == "handy");
  CHECK(found[0].volunteers == 2);
  CHECK(found[1].skill == "nurse");
  CHECK(found[1].volunteers == 1);
}

TEST_CASE("unit_figures: a session counts once for each unit among its volunteers, its rating weighted by its residents",
          "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲"), b = ws.volunteer("乙"), c = ws.volunteer("丙"), d = ws.volunteer("丁");
  set_unit(ws, a, "卫生服务中心");
  set_unit(ws, b, "卫生服务中心");
  set_unit(ws, c, "法学院");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-12-03", "haircut", {a, b, c}), 10, 4.0, "");  // two of one unit: once
  store.update_outcome(ws.record("2026-12-04", "haircut", {a, d}, 60), 0, 2.0, "");  // no residents: weighs 1
  ws.record("2026-12-05", "haircut", {b});                                           // not rated
  store.cancel(ws.record("2026-12-06", "haircut", {c}), "rain", "2026-12-06T08:00:00Z");
  ws.record("2026-11-30", "haircut", {a});  // November

  auto units = report::unit_figures(ws.sql(), period("2026-12"), "Asia/Shanghai");
  REQUIRE(units.size() == 2);
  const auto& health = units[0].unit == "卫生服务中心" ? units[0] : units[1];
  const auto& law = units[0].unit == "法学院" ? units[0] : units[1];
  CHECK(health.registered == 2);
  CHECK(health.volunteers_sent == 2);
  CHECK(health.sessions == 3);
  CHECK(health.volunteer_times == 4);
  CHECK(health.minutes == 120 + 120 + 60 + 120);
  CHECK(health.satisfaction.ratings == 2);
  CHECK(health.satisfaction.weight == 11);
  CHECK(*health.satisfaction.mean() == Approx((4.0 * 10 + 2.0) / 11));
  CHECK(law.registered == 1);
  CHECK(law.volunteers_sent == 1);
  CHECK(law.sessions == 1);
  CHECK(law.volunteer_times == 1);
  CHECK(law.minutes == 120);
  CHECK(law.satisfaction.ratings == 1);
  CHECK(*law.satisfaction.mean() == 4.0);
}

TEST_CASE("units_report: the score weighs the evidence, so one project rated 5 does not outrank 70 sessions at 4.6",
          "[report]") {
  LedgerWorkspace ws;
  auto health = ws.volunteer("乙"), sanitation = ws.volunteer("丙");
  set_unit(ws, health, "卫生服务中心");
  set_unit(ws, sanitation, "环卫所");
  kangle::records::RecordStore store(ws.sql());
  for (int i = 0; i < 70; ++i) store.update_outcome(ws.record("2026-12-01", "haircut", {health}, 10 + i), 10, 4.6, "");
  for (int i = 0; i < 20; ++i) store.update_outcome(ws.record("2026-12-02", "haircut", {sanitation}, 10 + i), 10, 3.0, "");
  project(ws, "法学院", {"proposed", "claimed", "done", "reviewed"}, "2026-12-10", 5);

  auto build = [&](const kangle::config::Config& config) {
    return report::units_report({ws.sql(), config, period("2026-12"), run_time, false, {}, kangle::Lang::en});
  };
  auto units = build(ws.config());
  const auto& table = table_of(units, "units");
  auto at = [&](std::size_t row, const char* key) { return cell(table, table.rows.at(row), key); };
  REQUIRE(table.rows.size() == 3);
  CHECK(at(0, "unit").display(kangle::Lang::en) == "卫生服务中心");
  CHECK(at(1, "unit").display(kangle::Lang::en) == "法学院");
  CHECK(at(2, "unit").display(kangle::Lang::en) == "环卫所");
  // The street: (4.6 × 700 + 3 × 200 + 5) / 901; the law school's 5 drawn toward it by 10 ratings.
  double street = (4.6 * 700 + 3.0 * 200 + 5.0) / 901;
  CHECK(at(1, "score").number_value() == Approx((10 * street + 5.0) / 11).epsilon(0.002));
  CHECK(at(0, "score").number_value() == Approx((10 * street + 70 * 4.6) / 80).epsilon(0.002));
  // Beside the score: how many ratings it rests on, and their plain mean.
  CHECK(at(0, "ratings").number_value() == 70);
  CHECK(at(1, "ratings").number_value() == 1);
  CHECK(at(1, "satisfaction").number_value() == 5.0);
  CHECK(at(0, "satisfaction").number_value() == Approx(4.6));
  const auto& rule = units.sections.at(0).lines.at(0);
  CHECK(rule.find("as if it had 10 more ratings") != std::string::npos);

  SECTION("the prior's weight is kangle.toml's [assessment] prior_ratings") {
    auto config = ws.config();
    config.settings.assessment.prior_ratings = 0;  // the plain mean: the one 5 comes first
    CHECK(cell(table_of(build(config), "units"), table_of(build(config), "units").rows.at(0), "unit")
              .display(kangle::Lang::en) == "法学院");
  }
}

TEST_CASE("units_report lists every session and project rated 2 or below under its unit", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲"), b = ws.volunteer("乙");
  set_unit(ws, a, "卫生服务中心");
  set_unit(ws, b, "卫生服务中心");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-12-03", "haircut", {a, b}), 10, 2.0, "");  // both its volunteers: listed once
  store.update_outcome(ws.record("2026-12-04", "haircut", {a}), 10, 2.5, "");     // above 2: not listed
  store.update_outcome(ws.record("2026-11-04", "haircut", {a}), 10, 1.0, "");     // another month
  project(ws, "法学院", {"proposed", "claimed", "done", "reviewed"}, "2026-12-10", 1);
  project(ws, "法学院", {"proposed", "claimed", "done", "reviewed"}, "2026-12-11", 4);

  auto units = report::units_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  const auto& low = table_of(units, "low_ratings");
  REQUIRE(low.rows.size() == 2);
  auto at = [&](std::size_t row, const char* key) { return cell(low, low.rows.at(row), key).display(kangle::Lang::en); };
  CHECK(at(0, "unit") == "卫生服务中心");
  CHECK(at(0, "date") == "2026-12-03");
  CHECK(cell(low, low.rows[0], "kind").for_scripts() == "session");
  CHECK(cell(low, low.rows[0], "kiosk").for_scripts() == "dingxiang");
  CHECK(at(0, "item") == "Haircut");
  CHECK(at(0, "satisfaction") == "2.00");
  CHECK(at(1, "unit") == "法学院");
  CHECK(at(1, "date") == "2026-12-10");
  CHECK(cell(low, low.rows[1], "kind").for_scripts() == "project");
  CHECK(at(1, "item").starts_with("Project #1: "));
  CHECK(at(1, "satisfaction") == "1.00");

  auto calm = report::units_report({ws.sql(), ws.config(), period("2026-10"), run_time, false, {}, kangle::Lang::en});
  CHECK(table_of(calm, "low_ratings").rows.empty());
  const auto& lines = calm.sections.at(1).lines;
  CHECK(std::any_of(lines.begin(), lines.end(), [](const auto& l) { return l.starts_with("No session or project"); }));
}

TEST_CASE("a project reviewed at 01:30 on 1 December in Beijing counts in December, though UTC still says 30 November", "[report]") {
  LedgerWorkspace ws;
  project(ws, "法学院", {"proposed", "claimed", "done", "reviewed"}, "2026-11-30T17:30:00Z", 1);
  auto december = period("2026-12"), november = period("2026-11");
  const std::string zone = "Asia/Shanghai";
  CHECK(report::period_figures(ws.sql(), december, zone).projects["reviewed"] == 1);
  CHECK(report::period_figures(ws.sql(), november, zone).projects["reviewed"] == 0);
  auto units = report::unit_figures(ws.sql(), december, zone);
  REQUIRE(units.size() == 1);
  CHECK(units[0].done == 1);
  CHECK(units[0].satisfaction.ratings == 1);
  CHECK(report::unit_figures(ws.sql(), november, zone).empty());
  CHECK(report::street_satisfaction(ws.sql(), december, zone).ratings == 1);
  auto low = report::low_ratings(ws.sql(), december, zone, 2);
  REQUIRE(low.size() == 1);
  CHECK(kangle::format_date(low[0].date) == "2026-12-01");
  CHECK(report::low_ratings(ws.sql(), november, zone, 2).empty());
  // The same moment in London is still 30 November.
  CHECK(report::period_figures(ws.sql(), november, "Europe/London").projects["reviewed"] == 1);
}

TEST_CASE("day_start_utc: the moment a day begins where the kiosks are", "[dates]") {
  auto first = *kangle::parse_date("2026-12-01");
  CHECK(kangle::day_start_utc(first, "Asia/Shanghai") == "2026-11-30T16:00:00Z");
  CHECK(kangle::day_start_utc(first, "UTC") == "2026-12-01T00:00:00Z");
  // London's summer time begins at 01:00 UTC on 29 March 2026: that day still begins at 00:00 UTC,
  // the next at 23:00 UTC the day before.
  CHECK(kangle::day_start_utc(*kangle::parse_date("2026-03-29"), "Europe/London") == "2026-03-29T00:00:00Z");
  CHECK(kangle::day_start_utc(*kangle::parse_date("2026-03-30"), "Europe/London") == "2026-03-29T23:00:00Z");
}

TEST_CASE("period_report: a period not yet over is reported to today and compared with the same days", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-12-02", "haircut", {a}), 10, 5.0, "");
  store.update_outcome(ws.record("2026-11-02", "haircut", {a}), 8, 5.0, "");   // Nov 1–3
  store.update_outcome(ws.record("2026-11-20", "haircut", {a}), 50, 5.0, "");  // after Nov 3: not compared
  store.update_outcome(ws.record("2025-12-03", "haircut", {a}), 4, 5.0, "");   // Dec 1–3 a year before
  store.update_outcome(ws.record("2025-12-30", "haircut", {a}), 40, 5.0, "");
  // 09:00 on 3 December in Shanghai, 01:00 in UTC: the cron job on the 3rd.
  const char* third = "2026-12-03T01:00:00Z";
  auto build = [&](const char* p, const char* now) {
    return report::period_report({ws.sql(), ws.config(), period(p), now, false, {}, kangle::Lang::en});
  };
  auto month = build("2026-12", third);
  CHECK(month.title.find("December 2026 (to 3 Dec)") != std::string::npos);
  CHECK(month.period == "2026-12");
  const auto& lines = month.sections.at(0).lines;
  CHECK(lines.at(0) == "The period is not over: figures to 3 Dec, compared with the same days of the period before "
                       "(1–3 Nov 2026) and of a year before (1–3 Dec 2025).");
  const auto& headline = table_of(month, "headline");
  const auto& residents = row_of(headline, "residents");
  CHECK(cell(headline, residents, "current").number_value() == 10);
  CHECK(cell(headline, residents, "previous").number_value() == 8);
  CHECK(cell(headline, residents, "last_year").number_value() == 4);
  CHECK(cell(headline, residents, "change_pct").number_value() == Approx(25.0));

  // A quarter to 3 December against Q3 to 3 September; a year against 2025 to 3 December.
  auto quarter = build("2026Q4", third);
  CHECK(quarter.title.find("Q4 2026 (to 3 Dec)") != std::string::npos);
  const auto& q = table_of(quarter, "headline");
  CHECK(cell(q, row_of(q, "residents"), "current").number_value() == 68);
  CHECK(cell(q, row_of(q, "residents"), "last_year").number_value() == 4);
  CHECK(quarter.sections.at(0).lines.at(0).find("(1 Jul – 3 Sep 2026)") != std::string::npos);
  auto year = build("2026", third);
  const auto& y = table_of(year, "headline");
  CHECK(cell(y, row_of(y, "residents"), "last_year").number_value() == 4);

  // Over: the whole month, the whole month before.
  auto whole = build("2026-11", third);
  CHECK(whole.title.find("(to") == std::string::npos);
  const auto& w = table_of(whole, "headline");
  CHECK(cell(w, row_of(w, "residents"), "current").number_value() == 58);
  CHECK(cell(w, row_of(w, "residents"), "last_year").number_value() == 0);

  // Not begun: refused, not a page of zeros.
  CHECK_THROWS_AS(build("2027-01", third), kangle::UsageError);
  CHECK_THROWS_AS(build("2027", third), kangle::UsageError);
}

TEST_CASE("period_report: shares change in percentage points, satisfaction by its difference, counts in per cent",
          "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲", true), b = ws.volunteer("乙");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-11-02", "haircut", {a}), 10, 4.8, "");     // November: 100 % party members
  store.update_outcome(ws.record("2026-12-02", "haircut", {a, b}), 10, 4.2, "");  // December: 50 %
  auto r = report::period_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  const auto& headline = table_of(r, "headline");
  const auto& share = row_of(headline, "party_share");
  CHECK_FALSE(cell(headline, share, "change_pct").is_number());
  CHECK(cell(headline, share, "change_points").number_value() == Approx(-50.0));
  const auto& rating = row_of(headline, "satisfaction");
  CHECK_FALSE(cell(headline, rating, "change_pct").is_number());
  CHECK(cell(headline, rating, "change_points").number_value() == Approx(-0.6));
  const auto& volunteers = row_of(headline, "volunteers");
  CHECK(cell(headline, volunteers, "change_pct").number_value() == Approx(100.0));
  CHECK_FALSE(cell(headline, volunteers, "change_points").is_number());
  // The headers say which.
  auto header = [&](const char* key) {
    for (const auto& c : headline.columns) {
      if (c.key == key) return c.header;
    }
    return std::string();
  };
  CHECK(header("change_pct") == "Change (%)");
  CHECK(header("change_points") == "Change (pp / points)");
}

TEST_CASE("period_figures: micro-wishes are wishes, not projects, and a declined or cancelled match is no match", "[report]") {
  LedgerWorkspace ws;
  // One wish claimed by two units, and done by both.
  auto first = project(ws, "法学院", {"proposed", "claimed", "done"}, "2026-12-05", std::nullopt, true);
  auto need = ws.sql().query_integer("SELECT need_id FROM projects WHERE id = " + std::to_string(first));
  project(ws, "卫生服务中心", {"proposed", "claimed", "done"}, "2026-12-06", std::nullopt, true, need);
  project(ws, "环卫所", {"proposed", "declined"}, "2026-12-07");
  project(ws, "物业", {"proposed", "cancelled"}, "2026-12-08");
  project(ws, "银行", {"proposed"}, "2026-12-09");

  auto f = report::period_figures(ws.sql(), period("2026-12"), "Asia/Shanghai");
  CHECK(report::count_in(f.projects, "claimed") == 2);
  CHECK(report::count_in(f.wishes, "claimed") == 1);
  CHECK(report::count_in(f.wishes, "done") == 1);
  CHECK(report::count_in(f.projects, "proposed") == 3);  // the declined and the cancelled left out
  auto r = report::period_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  const auto& headline = table_of(r, "headline");
  CHECK(cell(headline, row_of(headline, "projects_dropped"), "current").number_value() == 2);
  CHECK(cell(headline, row_of(headline, "wishes_claimed"), "current").number_value() == 1);
}

TEST_CASE("period_report: outreach away from the kiosks is not a themed event", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  kangle::records::RecordStore store(ws.sql());
  auto round = ws.record("2026-12-02", "", {a}, 60, kangle::config::Cadence::outreach);
  ws.sql().exec("UPDATE service_records SET kiosk = '', place = '康健新村', title = '防汛应急巡查' WHERE id = " +
                std::to_string(round));
  store.update_outcome(round, 12, std::nullopt, "");
  store.update_outcome(ws.record("2026-12-03", "", {a}, 90, kangle::config::Cadence::monthly), 30, std::nullopt, "");
  store.update_outcome(ws.record("2026-12-04", "haircut", {a}), 8, std::nullopt, "");

  auto f = report::period_figures(ws.sql(), period("2026-12"), "Asia/Shanghai");
  CHECK(f.themed_events == 1);
  CHECK(f.sessions == 2);
  CHECK(f.outreach == 1);
  auto r = report::period_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  CHECK(r.sections.at(0).lines.at(0) ==
        "In December 2026, 2 convenience services (1 of them outreach away from kiosks) and 1 themed events were held, "
        "serving 50 resident person-times.");
  const auto& services = table_of(r, "by_service");
  auto category_of = [&](const std::string& name) {
    auto row = std::find_if(services.rows.begin(), services.rows.end(),
                            [&](const auto& cells) { return cells[0].display(kangle::Lang::en) == name; });
    REQUIRE(row != services.rows.end());
    return cell(services, *row, "category").for_scripts();
  };
  CHECK(category_of("防汛应急巡查") == "outreach");
  CHECK(category_of("主题活动") == "event");
  const auto& headline = table_of(r, "headline");
  CHECK(cell(headline, row_of(headline, "themed_events"), "current").number_value() == 1);
  CHECK(cell(headline, row_of(headline, "outreach"), "current").number_value() == 1);
}

TEST_CASE("period_report: by service, residents per session over the sessions that counted them", "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  kangle::records::RecordStore store(ws.sql());
  store.update_outcome(ws.record("2026-12-01", "haircut", {a}), 12, std::nullopt, "");
  ws.record("2026-12-08", "haircut", {a});  // confirmed from the rota: nothing counted
  ws.record("2026-12-02", "blood-sugar", {a});
  auto r = report::period_report({ws.sql(), ws.config(), period("2026-12"), run_time, false, {}, kangle::Lang::en});
  const auto& services = table_of(r, "by_service");
  CHECK(cell(services, row_of(services, "haircut"), "sessions").number_value() == 2);
  CHECK(cell(services, row_of(services, "haircut"), "per_session").number_value() == 12.0);
  CHECK(cell(services, row_of(services, "blood-sugar"), "per_session").kind() == kangle::present::Value::Kind::none);
}

TEST_CASE("services, units and volunteers reports: a period not yet over says to which day, one not begun is refused",
          "[report]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  ws.record("2026-12-02", "haircut", {a});
  // A seat planned for later in the month is not yet a seat left empty.
  ws.sql().exec("INSERT INTO rota_seats (month, seat, position, kiosk, date, start_minute, end_minute, cadence, skill, service) "
                "VALUES ('2026-12', 'dingxiang/2026-12-20/0900/haircut', 0, 'dingxiang', '2026-12-20', 540, 690, 'daily', "
                "'barber', 'haircut')");
  const char* third = "2026-12-03T01:00:00Z";
  for (auto* build : {&report::services_report, &report::units_report, &report::volunteers_report}) {
    auto r = (*build)({ws.sql(), ws.config(), period("2026-12"), third, false, {}, kangle::Lang::en});
    CHECK(r.title.find("December 2026 (to 3 Dec)") != std::string::npos);
    CHECK(r.period == "2026-12");
    CHECK_THROWS_AS((*build)({ws.sql(), ws.config(), period("2027-01"), third, false, {}, kangle::Lang::en}),
                    kangle::UsageError);
  }
  auto volunteers = report::volunteers_report({ws.sql(), ws.config(), period("2026-12"), third, false, {}, kangle::Lang::en});
  CHECK(table_of(volunteers, "seats").rows.empty());
}

}  // namespace report_test
