// SPDX-License-Identifier: Apache-2.0
// The points commands' documents as scripts read them: typed JSON (signed points are
// numbers, minutes whole numbers, party membership a boolean, rules codes), phones
// masked unless revealed, and nothing scripts read changing with the language.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "document_json.hpp"
#include "ledger_workspace.hpp"
#include "points/documents.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace points_documents_test {

namespace points = kangle::points;
using kangle::test::in_both_languages;
using kangle::test::json_of;
using kangle::test::LedgerWorkspace;

TEST_CASE("history_document: points are signed numbers, rules are codes, a reversal names its entry", "[points-documents]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  ws.record("2026-12-02", "haircut", {a}, 120);
  ws.award();
  points::adjust_document(ws.sql(), "甲", 5, "协助组织", ws.actor);
  auto reversal = json_of(points::reverse_document(ws.sql(), 1, "录错", ws.actor));
  CHECK(reversal["kind"] == "points_reverse");
  CHECK(reversal["facts"]["points"].is_number_integer());
  CHECK(reversal["facts"]["points"].get<int>() < 0);

  auto [zh, en] = in_both_languages([&](kangle::Lang lang) { return points::history_document(ws.sql(), ws.rules(), "甲", lang); });
  CHECK(zh["kind"] == "points_history");
  const auto& rows = zh["sections"][0]["tables"][0]["rows"];
  REQUIRE(rows.size() >= 3);
  CHECK(rows[0]["entry"] == 1);
  CHECK(rows[0]["points"].is_number_integer());
  CHECK(rows[0]["rule"] == "per_session");
  CHECK(rows[0]["reverses"].is_null());
  const auto& last = rows.back();
  CHECK(last["rule"] == "reversal");
  CHECK(last["points"].get<int>() == -rows[0]["points"].get<int>());
  CHECK(last["reverses"] == 1);
  CHECK(zh["facts"]["balance"] == last["balance"]);
  // What scripts read is the same in either language; only headers and titles differ.
  CHECK(kangle::test::for_scripts(zh) == kangle::test::for_scripts(en));
  CHECK(zh["sections"][0]["tables"][0]["columns"][2]["header"] != en["sections"][0]["tables"][0]["columns"][2]["header"]);
}

TEST_CASE("board_document: ranks and minutes are numbers, party a boolean, phones masked unless revealed", "[points-documents]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲", true);
  auto b = ws.volunteer("乙");
  ws.record("2026-12-02", "haircut", {a, b}, 150);
  ws.record("2026-12-03", "haircut", {a}, 60);
  ws.award();
  auto period = points::board_period("2026-12", "", "");
  auto [zh, en] = in_both_languages([&](kangle::Lang lang) {
    return points::board_document(ws.sql(), ws.rules(), period, std::nullopt, {}, lang);
  });
  CHECK(zh["kind"] == "points_board");
  CHECK(zh["period"] == "2026-12");
  const auto& rows = zh["sections"][0]["tables"][0]["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["name"] == "甲");
  CHECK(rows[0]["rank"] == 1);
  CHECK(rows[0]["minutes"] == 210);
  CHECK(rows[0]["party_member"] == true);
  CHECK(rows[1]["party_member"] == false);
  CHECK(rows[0]["phone"] == "139****1001");
  CHECK(kangle::test::for_scripts(zh) == kangle::test::for_scripts(en));

  auto revealed = json_of(points::board_document(ws.sql(), ws.rules(), period, 1, {true, true}, kangle::Lang::en));
  const auto& top = revealed["sections"][0]["tables"][0];
  CHECK(top["rows"].size() == 1);
  CHECK(top["rows"][0]["phone"] == "13900001001");
  CHECK_FALSE(top["rows"][0].contains("party_member"));  // --no-party-mark

  CHECK_THROWS_AS(points::board_period("2026-12", "", "2026"), kangle::UsageError);
  CHECK_THROWS_AS(points::board_period("", "2026-12", ""), kangle::UsageError);
  CHECK_THROWS_AS(points::stars_document(ws.sql(), ws.rules(), "2026-12", {}, kangle::Lang::en), kangle::UsageError);
}

TEST_CASE("balances, award and verify: figures as numbers, the same in either language", "[points-documents]") {
  LedgerWorkspace ws;
  auto a = ws.volunteer("甲");
  ws.record("2026-12-02", "haircut", {a}, 120);
  auto award = json_of(points::award_document(ws.sql(), ws.rules(), "2026-12", ws.actor, false));
  CHECK(award["facts"]["entries"].get<int>() > 0);
  CHECK(award["facts"]["dry_run"] == false);
  CHECK_THROWS_AS(points::award_document(ws.sql(), ws.rules(), "2026Q4", ws.actor, true), kangle::UsageError);

  auto [zh, en] = in_both_languages([&](kangle::Lang lang) { return points::balances_document(ws.sql(), false, lang); });
  const auto& row = zh["sections"][0]["tables"][0]["rows"][0];
  CHECK(row["earned"].is_number_integer());
  CHECK(row["balance"] == row["earned"]);
  CHECK(row["phone"] == "139****1001");
  CHECK(kangle::test::for_scripts(zh) == kangle::test::for_scripts(en));

  auto one = json_of(points::balance_document(ws.sql(), "甲", kangle::Lang::en));
  CHECK(one["facts"]["balance"] == row["balance"]);

  auto verified = points::verify_document(ws.sql(), points::Walk::full, std::nullopt, kangle::Lang::en);
  CHECK(verified.passed);
  auto facts = json_of(verified.document)["facts"];
  CHECK(facts["entries"] == award["facts"]["entries"]);
  CHECK(facts["head"].get<std::string>().size() == 64);
  CHECK_FALSE(points::verify_document(ws.sql(), points::Walk::full, std::string(64, 'a'), kangle::Lang::en).passed);
}

TEST_CASE("parse_points: a sign is allowed, nothing else", "[points-documents]") {
  CHECK(points::parse_points("+5") == 5);
  CHECK(points::parse_points("-3") == -3);
  CHECK(points::parse_points("7") == 7);
  for (const char* bad : {"", "+", "5分", "1.5", "++2"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(points::parse_points(bad), kangle::UsageError);
  }
}

}  // namespace points_documents_test
