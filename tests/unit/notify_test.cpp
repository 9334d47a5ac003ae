// SPDX-License-Identifier: Apache-2.0
// Names people use for kiosks and volunteers, the calendar reminder setting, and
// `schedule notify` telling each change once over several nights.

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "config/model.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "people/store.hpp"
#include "schedule/build.hpp"
#include "schedule/changes.hpp"
#include "schedule/notify.hpp"
#include "schedule/store.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/forget.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace notify_test {

using kangle::Date;
using kangle::test::TempDir;
namespace schedule = kangle::schedule;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

/// The example workspace with its database open.
struct Example {
  TempDir dir;
  kangle::test::TestDatabase database{dir.path() / "ws"};
  kangle::config::Config config;
  std::unique_ptr<kangle::storage::Database> db;
  Example() {
    kangle::workspace::init_workspace({dir.path() / "ws", std::string("kangjian"), std::nullopt});
    config = kangle::config::load_valid_config(dir.path() / "ws");
    db = std::make_unique<kangle::storage::Database>(database.location(), kangle::storage::Access::read_write);
  }
  std::int64_t add(const std::string& name, const std::string& phone, std::vector<std::string> skills) {
    kangle::people::Volunteer v;
    v.name = name;
    v.phone = phone;
    for (auto& s : skills) v.skills.push_back({s, std::nullopt});
    for (unsigned d = 0; d < 7; ++d) v.availability.slots[d].set(0).set(1);
    v.monthly_limit = 31;
    return kangle::people::Store(db->sql()).insert(v, "2026-11-20T02:00:00Z");
  }
  std::vector<schedule::Notice> notify(const Date& date, bool dry_run = false, const std::string& now = "2026-12-01T14:00:00Z") {
    std::vector<schedule::Notice> out;
    schedule::notify_day(db->sql(), config, {date, "", std::nullopt, dry_run, "", now, kangle::Lang::zh_CN},
                         [&](const std::vector<schedule::Notice>& notices) { out = notices; });
    return out;
  }
};

std::string error_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const kangle::InputError& e) {
    return e.message().in(kangle::Lang::zh_CN);
  }
  return "";
}

}  // namespace

TEST_CASE("resolve_kiosk: the id, the name, the English name and the short name, a near miss is suggested", "[names]") {
  Example ws;
  const auto& config = ws.config;
  CHECK(kangle::config::resolve_kiosk(config, "dingxiang").id == "dingxiang");
  CHECK(kangle::config::resolve_kiosk(config, "丁香园").id == "dingxiang");
  CHECK(kangle::config::resolve_kiosk(config, "丁香园邻里汇“雷锋亭”").id == "dingxiang");
  CHECK(kangle::config::resolve_kiosk(config, "dingxiang garden lei feng KIOSK").id == "dingxiang");
  CHECK(kangle::config::resolve_kiosk(config, " 浦北路 ").id == "pubei");
  CHECK(error_of([&] { kangle::config::resolve_kiosk(config, "丁香圆"); }) == "找不到服务点“丁香圆”（是否想写“丁香园”？）");
  CHECK(error_of([&] { kangle::config::resolve_kiosk(config, "dingxaing"); }).find("“dingxiang”") != std::string::npos);
  auto unknown = error_of([&] { kangle::config::resolve_kiosk(config, "火星"); });
  CHECK(unknown.find("dingxiang 丁香园") != std::string::npos);
}

TEST_CASE("resolve_volunteer: phone, name, #id, two of one name listed by masked phone, a near miss suggested", "[names]") {
  Example ws;
  auto zhang = ws.add("张伟", "13800138001", {});
  auto wang1 = ws.add("王芳", "13800138002", {});
  ws.add("王芳", "13800138003", {});
  kangle::people::Store store(ws.db->sql());
  CHECK(kangle::people::resolve_volunteer(store, "张伟") == zhang);
  CHECK(kangle::people::resolve_volunteer(store, "13800138001") == zhang);
  CHECK(kangle::people::resolve_volunteer(store, "#" + std::to_string(zhang)) == zhang);
  CHECK(kangle::people::resolve_volunteer(store, "138 0013 8002") == wang1);
  CHECK(error_of([&] { kangle::people::resolve_volunteer(store, "王芳"); }) ==
        "有 2 名志愿者叫“王芳”，请用手机号指明（王芳 138****8002、王芳 138****8003）");
  CHECK(error_of([&] { kangle::people::resolve_volunteer(store, "张玮"); }).find("是否想写“张伟”") != std::string::npos);
  CHECK(error_of([&] { kangle::people::resolve_volunteer(store, "无此人"); }) == "找不到姓名或手机号为“无此人”的志愿者");
}

TEST_CASE("parse_reminder: the day before at a time, or minutes before", "[ics]") {
  auto evening = kangle::config::parse_reminder("前一天 20:00");
  REQUIRE(evening);
  CHECK(evening->before(9 * 60) == 13 * 60);  // 09:00 the next morning: 13 hours
  auto ahead = kangle::config::parse_reminder("提前 90 分钟");
  REQUIRE(ahead);
  CHECK(ahead->before(9 * 60) == 90);
  for (const char* bad : {"", "前一天", "前一天 25:00", "前一天 8:0", "提前 0 分钟", "提前 九十 分钟", "90", "1 day"}) {
    CHECK_FALSE(kangle::config::parse_reminder(bad));
  }
}

TEST_CASE("the loader refuses a malformed ics_reminder with file and line", "[ics]") {
  TempDir dir;
  kangle::workspace::init_workspace({dir.path() / "ws", std::string("kangjian"), std::nullopt});
  dir.write("ws/kangle.toml", "ics_reminder = \"明天\"\n" + dir.read("ws/kangle.toml"));
  auto loaded = kangle::config::load_config(dir.path() / "ws");
  std::string found;
  for (const auto& d : loaded.diagnostics.items()) {
    if (d.message.id() == kangle::Msg::ics_bad_reminder) found = d.at.file + ":" + std::to_string(d.at.line);
  }
  CHECK(found == "kangle.toml:1");
}

TEST_CASE("notify tells each change once: three nights", "[notify]") {
  Example ws;
  auto a = ws.add("甲", "13800138011", {"barber"});
  ws.add("乙", "13800138012", {"barber"});
  auto& db = ws.db->sql();
  schedule::build_rota(db, ws.config, {2026, 12}, "2026-11-25T02:00:00Z", false);
  schedule::publish_rota(db, {2026, 12}, "2026-11-25T03:00:00Z");

  // Night 1: the published rota, nothing changed; reminders only.
  auto night1 = ws.notify(ymd(2026, 12, 8));
  for (const auto& n : night1) CHECK(n.changes.empty());
  REQUIRE_FALSE(night1.empty());
  CHECK(night1.front().message.find("请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加") != std::string::npos);
  // Run again the same night: nothing is sent twice.
  CHECK(ws.notify(ymd(2026, 12, 8)).empty());

  // Night 2: 甲 drops out from the 10th; each change is told to whom it concerns, once.
  auto held_by_a = schedule::RotaStore(db).seats_of(a, ymd(2026, 12, 10), std::nullopt);
  REQUIRE_FALSE(held_by_a.empty());
  schedule::drop_volunteer(db, ws.config, {2026, 12}, a, ymd(2026, 12, 10), "搬家", "2026-12-09T02:00:00Z");
  auto dry = ws.notify(ymd(2026, 12, 9), true);
  auto night2 = ws.notify(ymd(2026, 12, 9));
  CHECK(dry.size() == night2.size());
  const schedule::Notice* to_a = nullptr;
  for (const auto& n : night2) {
    if (n.volunteer == a) to_a = &n;
  }
  REQUIRE(to_a);
  CHECK(to_a->changes.size() == held_by_a.size());
  for (const auto& c : to_a->changes) CHECK(c.kind == schedule::DutyChange::Kind::cancelled);
  CHECK(to_a->message.find("您的排班有调整：取消 2026-12-") != std::string::npos);
  CHECK(to_a->message.find("。请以新安排为准。谢谢！") != std::string::npos);
  // Whoever took over 甲's seats is told too: exactly the people the rota changed for.
  std::set<std::int64_t> changed, told;
  schedule::RotaStore rota(db);
  for (const auto& p : schedule::diff_rota(rota.published({2026, 12}), rota.month({2026, 12}))) changed.insert(p.volunteer);
  for (const auto& n : night2) {
    if (!n.changes.empty()) told.insert(n.volunteer);
  }
  CHECK(told == changed);
  CHECK(told.size() >= 1);

  // Night 3: nothing new to tell.
  for (const auto& n : ws.notify(ymd(2026, 12, 10))) CHECK(n.changes.empty());

  // Re-published: what was told counts against the new publication only.
  schedule::publish_rota(db, {2026, 12}, "2026-12-10T03:00:00Z");
  for (const auto& n : ws.notify(ymd(2026, 12, 11))) CHECK(n.changes.empty());
}

TEST_CASE("notify: a month without a rota is an error", "[notify]") {
  Example ws;
  CHECK(error_of([&] { ws.notify(ymd(2027, 1, 4)); }) ==
        "2027-01 还没有轮值表：请先运行 `kangle schedule build --month 2027-01`");
}

TEST_CASE("notify: two volunteers swapping days of one duty are each told 改到, once", "[notify]") {
  Example ws;
  auto a = ws.add("甲", "13800138021", {"barber"});
  ws.add("乙", "13800138022", {"barber"});
  ws.add("丙", "13800138023", {"barber"});
  auto& db = ws.db->sql();
  schedule::build_rota(db, ws.config, {2026, 12}, "2026-11-25T02:00:00Z", false);
  schedule::publish_rota(db, {2026, 12}, "2026-11-25T03:00:00Z");
  // 甲's first haircut from the 14th, and a haircut on another day held by someone else.
  auto month = schedule::RotaStore(db).month({2026, 12});
  std::optional<schedule::RotaSeat> x, y;
  for (const auto& s : month) {
    if (s.service != "haircut" || s.kiosk != "dingxiang" || s.date < ymd(2026, 12, 14) || !s.volunteer) continue;
    if (!x && s.volunteer == a) x = s;
  }
  REQUIRE(x);
  for (const auto& s : month) {
    if (s.service != "haircut" || s.kiosk != "dingxiang" || s.date < ymd(2026, 12, 14) || !s.volunteer) continue;
    if (!y && s.volunteer != a && s.date != x->date) y = s;
  }
  REQUIRE(y);
  auto b = *y->volunteer;
  // A swap made behind the engine's back, as a locked rebuild might.
  kangle::storage::Statement swap(db, "UPDATE rota_seats SET volunteer_id = CASE seat WHEN ?1 THEN CAST(?4 AS BIGINT) ELSE CAST(?3 AS BIGINT) END "
                             "WHERE seat IN (?1, ?2)");
  swap.bind(1, x->seat);
  swap.bind(2, y->seat);
  swap.bind(3, a);
  swap.bind(4, b);
  CHECK(swap.exec() == 2);
  auto night = ws.notify(ymd(2026, 12, 13));
  int moves = 0;
  for (const auto& n : night) {
    if (n.volunteer != a && n.volunteer != b) continue;
    REQUIRE(n.changes.size() == 1);
    CHECK(n.changes[0].kind == schedule::DutyChange::Kind::moved);
    CHECK(n.message.find(" 改到 ") != std::string::npos);
    ++moves;
  }
  CHECK(moves == 2);
  for (const auto& n : ws.notify(ymd(2026, 12, 14))) CHECK(n.changes.empty());
}

TEST_CASE("forget erases the messages a volunteer was sent", "[notify]") {
  Example ws;
  auto a = ws.add("甲", "13800138031", {"barber"});
  auto& db = ws.db->sql();
  schedule::build_rota(db, ws.config, {2026, 12}, "2026-11-25T02:00:00Z", false);
  auto first = schedule::RotaStore(db).seats_of(a, ymd(2026, 12, 1), std::nullopt);
  REQUIRE_FALSE(first.empty());
  ws.notify(first.front().date);
  auto sent = [&] {
    kangle::storage::Statement q(db, "SELECT count(*) FROM notifications WHERE volunteer_id = ?");
    q.bind(1, a);
    q.step();
    return q.column(0).int32();
  };
  CHECK(sent() > 0);
  kangle::workspace::forget_volunteer(db, a, ymd(2026, 12, 1), "2026-12-01T02:00:00Z");
  CHECK(sent() == 0);
}

TEST_CASE("notify will not write over a file of messages already told, but a dry run may", "[notify]") {
  Example ws;
  ws.add("甲", "13800138011", {"barber"});
  auto& db = ws.db->sql();
  schedule::build_rota(db, ws.config, {2026, 12}, "2026-11-25T02:00:00Z", false);
  auto told = ws.dir.path() / "told.csv";
  kangle::write_file_atomically(told, "yesterday's messages\n");
  int delivered = 0;
  auto notify = [&](bool dry_run) {
    schedule::notify_day(db, ws.config, {ymd(2026, 12, 8), "", std::nullopt, dry_run, told.string(), "2026-12-07T14:00:00Z"},
                         [&](const std::vector<schedule::Notice>&) { ++delivered; });
  };
  CHECK_THROWS_AS(notify(false), kangle::UsageError);
  CHECK(delivered == 0);
  notify(true);
  CHECK(delivered == 1);
}

}  // namespace notify_test
