// SPDX-License-Identifier: Apache-2.0
// Places people know (issue 19): communities.toml places needs that give only their
// compound and resources whose address names one; gaps say the way forward; a need's
// contact may be a landline; a radius of 0 is its own place in import and by hand; check
// warns of a resource with a radius and no place.

#include <catch2/catch.hpp>
#include <fstream>

#include "config/loader.hpp"
#include "core/error.hpp"
#include "document_json.hpp"
#include "import/lists.hpp"
#include "import_report.hpp"
#include "lists/store.hpp"
#include "match/documents.hpp"
#include "match/places.hpp"
#include "match/run.hpp"
#include "people/identity.hpp"
#include "people/volunteer.hpp"
#include "present/render.hpp"
#include "storage/connection.hpp"
#include "workspace/check.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace places_test {

using kangle::Date;
using kangle::Lang;
using kangle::test::Json;
using kangle::test::rows;

namespace {

constexpr const char* now = "2026-12-01T02:00:00Z";
const Date today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};

std::vector<kangle::config::Community> street() {
  kangle::config::Community dingxiang{"丁香园", {"丁香园小区"}, kangle::config::Location{31.1582, 121.4214}, "丁香园居委会", {}};
  kangle::config::Community yinghua{"樱花园", {"樱花园小区"}, std::nullopt, "", {}};
  kangle::config::Community ding{"丁香", {}, kangle::config::Location{31.0, 121.0}, "", {}};
  return {dingxiang, yinghua, ding};
}

kangle::match::OpenNeed need_in(std::int64_t id, std::string compound) {
  kangle::match::OpenNeed n;
  n.need.id = id;
  n.need.requester = "周阿婆";
  n.need.compound = std::move(compound);
  n.need.category = "health";
  return n;
}

kangle::match::FreeResource resource_at(std::int64_t id, std::optional<int> radius, std::string address) {
  kangle::match::FreeResource r;
  r.resource.id = id;
  r.resource.provider = "卫生服务中心";
  r.resource.category = "health";
  r.resource.radius_m = radius;
  r.resource.address = std::move(address);
  r.free = 5;
  return r;
}

}  // namespace

TEST_CASE("normalize_contact_phone: landlines a need may give, as digits", "[places]") {
  using kangle::people::normalize_contact_phone;
  CHECK(normalize_contact_phone("64001234") == "64001234");
  CHECK(normalize_contact_phone("6400 1234") == "64001234");
  CHECK(normalize_contact_phone("6400-1234") == "64001234");
  CHECK(normalize_contact_phone("６４００１２３４") == "64001234");  // full-width
  CHECK(normalize_contact_phone("021-64001234") == "02164001234");
  CHECK(normalize_contact_phone("(021) 6400 1234") == "02164001234");
  CHECK(normalize_contact_phone("0571 8800 1234") == "057188001234");
  CHECK(normalize_contact_phone("0571-8800123") == "05718800123");
  CHECK(normalize_contact_phone("+86 21 6400 1234") == "02164001234");
  CHECK(normalize_contact_phone("139 0013 9001") == "13900139001");  // a mobile still
  kangle::people::NumberProblem problem{};
  for (auto doubtful : {"6400123", "1390013900", "021-6400123", "04001234", "12345678", "6400 1234 转 8"}) {
    INFO(doubtful);
    CHECK_FALSE(normalize_contact_phone(doubtful, &problem));
  }
  CHECK_FALSE(kangle::people::normalize_phone("64001234"));  // a resource's phone stays a mobile
  CHECK(kangle::people::mask_phone("64001234") == "6400****");
  CHECK(kangle::people::mask_phone("02164001234") == "021****1234");
  CHECK(kangle::people::mask_phone("13800138000") == "138****8000");
}

TEST_CASE("communities.toml: names, aliases, coordinates, and its problems with file and line", "[places]") {
  kangle::config::ConfigTexts files{{"communities.toml", R"([[community]]
name = "丁香园"
aliases = ["丁香园小区"]
lat = 31.1582
lon = 121.4214
grid = "丁香园居委会"

[[community]]
name = "樱花园"

[[community]]
name = "玉兰园"
lat = 31.15

[[community]]
name = "茶花园"
aliases = ["丁香园小区"]
)"}};
  auto loaded = kangle::config::load_config_texts(files);
  std::vector<kangle::config::Diagnostic> ours;
  for (const auto& d : loaded.diagnostics.sorted()) {
    if (d.at.file == "communities.toml") ours.push_back(d);
  }
  REQUIRE(ours.size() == 2);
  CHECK(ours[0].message.id() == kangle::Msg::community_half_location);
  CHECK(ours[0].at.line == 13);
  CHECK(ours[1].message.id() == kangle::Msg::community_name_twice);
  CHECK(ours[1].at.line == 15);
  const auto& c = loaded.config.communities;
  REQUIRE(c.size() == 4);
  CHECK(c[0].location->lat == 31.1582);
  CHECK(c[0].grid == "丁香园居委会");
  CHECK_FALSE(c[1].location);
  // Without the file: no compounds, no problem.
  CHECK(kangle::config::load_config_texts({}).config.communities.empty());
}

TEST_CASE("community_in: the one compound a cell or an address names", "[places]") {
  auto communities = street();
  CHECK(kangle::config::community_in(communities, "丁香园")->name == "丁香园");
  CHECK(kangle::config::community_in(communities, "丁香园小区")->name == "丁香园");
  CHECK(kangle::config::community_in(communities, "丁香")->name == "丁香");
  CHECK(kangle::config::community_in(communities, "丁香园12号301室")->name == "丁香园");  // 丁香 inside 丁香园 does not count
  CHECK_FALSE(kangle::config::community_in(communities, "丁香园与樱花园之间"));        // two: not ours to guess
  CHECK_FALSE(kangle::config::community_in(communities, "丁香路88号"));  // a road named like a compound is no compound
  CHECK(kangle::config::community_in(communities, "丁香路88号丁香园5号")->name == "丁香园");
  CHECK_FALSE(kangle::config::community_in(communities, "康乐小区"));
  CHECK_FALSE(kangle::config::community_in(communities, ""));
}

TEST_CASE("a compound-only need is matched once its compound has coordinates, and a street-wide resource with a place has a real distance",
          "[places]") {
  auto communities = street();
  std::vector<kangle::match::OpenNeed> needs{need_in(1, "丁香园小区"), need_in(2, "樱花园")};
  std::vector<kangle::match::FreeResource> resources{resource_at(10, 1000, "丁香园3号楼"), resource_at(11, std::nullopt, "")};
  resources[0].resource.location = std::nullopt;

  // Before: no place, the radius resource serves nobody; the street-wide one is "farthest".
  auto before = kangle::match::plan_matches(needs, {resources[0]}, today);
  CHECK(before.proposals.empty());
  REQUIRE(before.gaps.size() == 2);
  CHECK(before.gaps[0].reason == kangle::match::GapReason::no_location);

  kangle::match::place_pool(needs, resources, communities);
  REQUIRE(needs[0].need.location);
  CHECK(needs[0].need.location->lat == 31.1582);
  CHECK_FALSE(needs[1].need.location);  // 樱花园 has no coordinates yet
  auto after = kangle::match::plan_matches(needs, {resources[0]}, today);
  REQUIRE(after.proposals.size() == 1);
  CHECK(after.proposals[0].need == 1);
  CHECK(after.proposals[0].distance_m == 0);  // both in 丁香园
  REQUIRE(after.gaps.size() == 1);
  CHECK(after.gaps[0].need == 2);

  // Coordinates given are never overwritten by the compound's.
  auto own = need_in(3, "丁香园");
  own.need.location = kangle::lists::Coordinates{31.2, 121.5};
  std::vector<kangle::match::OpenNeed> mine{own};
  std::vector<kangle::match::FreeResource> none;
  kangle::match::place_pool(mine, none, communities);
  CHECK(mine[0].need.location->lat == 31.2);

  // A street-wide resource placed by its address: its distance is real.
  auto street_wide = resource_at(12, std::nullopt, "丁香园居委会活动室");
  std::vector<kangle::match::FreeResource> wide{street_wide};
  std::vector<kangle::match::OpenNeed> one{need_in(1, "丁香园")};
  kangle::match::place_pool(one, wide, communities);
  auto plan = kangle::match::plan_matches(one, wide, today);
  REQUIRE(plan.proposals.size() == 1);
  CHECK(plan.proposals[0].distance_m == 0);
}

TEST_CASE("landlines, a radius of 0, gaps' way forward and check's warning in the example workspace", "[places]") {
  kangle::test::ImportWorkspace ws;
  auto needs = ws.write("needs.csv",
                        "编号,需求人,联系电话,所在小区,需求类别,需求内容\n"
                        "XQ-1,周阿婆,021-6400 1234,樱花园,健康服务,测血压\n"
                        "XQ-2,王阿公,６４００５６７８,康乐小区,健康服务,测血糖\n"
                        "XQ-3,李阿婆,6400123,丁香园,健康服务,测血压\n");
  kangle::import::ImportOptions options;
  options.file = needs;
  auto report = kangle::import::import_needs(ws.sql(), ws.config(), ws.aliases("needs"), options, now);
  CHECK(report.added == 2);
  REQUIRE(report.rejected == 1);
  CHECK(report.issues[0].row == 4);
  CHECK(report.issues[0].column == "C");
  auto stored = kangle::lists::Store(ws.sql()).needs({});
  REQUIRE(stored.size() == 2);
  CHECK(stored[0].phone == "02164001234");
  CHECK(stored[1].phone == "64005678");

  auto resources = ws.write("resources.csv",
                            "编号,资源提供方,联系电话,服务类别,资源内容,服务半径,地址\n"
                            "ZY-1,康乐诊所,13700137001,健康服务,测血糖,0,康乐小区1号\n"
                            "ZY-2,樱花药房,13700137002,健康服务,测血压,0米,\n");
  options.file = resources;
  report = kangle::import::import_resources(ws.sql(), ws.config(), ws.aliases("resources"), options, now);
  CHECK(report.added == 2);
  CHECK(report.issues.empty());
  auto offers = kangle::lists::Store(ws.sql()).resources({});
  REQUIRE(offers.size() == 2);
  CHECK(offers[0].radius_m == 0);

  kangle::import::HandEntry hand;
  hand.who = "赵阿婆";
  hand.category = "health";
  hand.description = "测血压";
  hand.phone = "(021) 6400 9999";
  auto added = kangle::import::add_need(ws.sql(), ws.config().catalogue, hand, now);
  CHECK(added.phone == "02164009999");
  hand.phone = "6400999";
  CHECK_THROWS_AS(kangle::import::add_need(ws.sql(), ws.config().catalogue, hand, now), kangle::UsageError);
  kangle::import::HandEntry offer;
  offer.who = "康乐药房";
  offer.category = "health";
  offer.radius = "0";
  auto shop = kangle::import::add_resource(ws.sql(), ws.config().catalogue, offer, now);
  CHECK(shop.radius_m == 0);
  offer.phone = "64001234";  // a resource's phone stays a mobile
  CHECK_THROWS_AS(kangle::import::add_resource(ws.sql(), ws.config().catalogue, offer, now), kangle::UsageError);

  // 康乐小区's need meets 康乐诊所 (radius 0, the same compound); 樱花园's has no coordinates.
  auto run = kangle::match::run_matching(ws.sql(), today, now, "协调员", false, kangle::match::street_of(ws.config()));
  REQUIRE(run.plan.proposals.size() == 1);
  CHECK(run.plan.proposals[0].need == stored[1].id);
  CHECK(run.plan.proposals[0].distance_m == 0);
  auto [zh, en] = kangle::test::both_languages(
      [&](Lang lang) { return kangle::match::gaps_document(ws.sql(), ws.config(), today, lang); });
  std::map<std::int64_t, Json> by_need;
  for (const auto& row : rows(zh)) by_need[row["need_id"].get<std::int64_t>()] = row;
  REQUIRE(by_need.count(stored[0].id));
  CHECK(by_need[stored[0].id]["reason"] == "no_location");
  CHECK(by_need[stored[0].id]["way_forward"] == "locate_compound");
  CHECK(by_need[stored[0].id]["compound"] == "樱花园");
  CHECK(by_need[stored[0].id]["lacks_coordinates"] == "need");  // 康乐诊所 has a place: the need is what lacks one
  REQUIRE(by_need.count(added.id));
  CHECK(by_need[added.id]["way_forward"] == "locate_need");
  auto text = kangle::present::render_text(kangle::match::gaps_document(ws.sql(), ws.config(), today, Lang::zh_CN));
  CHECK(text.find("在 communities.toml 中补充 樱花园 的坐标，或在需求中填写经纬度") != std::string::npos);
  auto english = kangle::present::render_text(kangle::match::gaps_document(ws.sql(), ws.config(), today, Lang::en));
  CHECK(english.find("add the coordinates of 樱花园 to communities.toml") != std::string::npos);

  // An address naming a compound that has no coordinates (樱花园) is no place either.
  kangle::import::HandEntry barber;
  barber.who = "樱花园理发店";
  barber.category = "life";
  barber.description = "理发";
  barber.address = "樱花园5号";
  barber.radius = "500米";
  kangle::import::add_resource(ws.sql(), ws.config().catalogue, barber, now);

  // check: 樱花药房, 康乐药房 and 樱花园理发店 have a radius and no place; 康乐诊所's
  // address names a compound with coordinates.
  auto problems = kangle::workspace::check_workspace(ws.folder(), today);
  std::vector<std::string> unplaced;
  for (const auto& d : problems) {
    if (d.message.id() == kangle::Msg::check_resource_no_place) {
      CHECK(d.severity == kangle::config::Severity::warning);
      unplaced.push_back(d.message.in(Lang::en));
    }
  }
  REQUIRE(unplaced.size() == 3);
  auto both = unplaced[0] + " / " + unplaced[1] + " / " + unplaced[2];
  CHECK(both.find("(樱花园理发店)") != std::string::npos);
  CHECK(both.find("resource ZY-2 (樱花药房) has a radius of 0 m but no place") != std::string::npos);
  CHECK(both.find("resource #3 (康乐药房)") != std::string::npos);
}

}  // namespace places_test
