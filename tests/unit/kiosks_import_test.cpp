// SPDX-License-Identifier: Apache-2.0
// import_kiosks: a stations table (站点表) into kiosks/<id>.toml files and new services, in
// the kangjian example's workspace; CSV files written byte by byte.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "config/loader.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "import/kiosks.hpp"
#include "import_report.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace kiosks_import_test {

using kangle::import::KioskFileChange;
using kangle::import::KioskImportOptions;
using kangle::import::KioskImportReport;
using kangle::test::issues;
namespace fs = std::filesystem;

namespace {

class Workspace : public kangle::test::ImportWorkspace {
public:
  KioskImportReport run(const std::string& csv, bool replace = false, bool dry_run = false) {
    KioskImportOptions options;
    options.file = write("站点表.csv", csv);
    options.replace = replace;
    options.dry_run = dry_run;
    return kangle::import::import_kiosks(config_, dir_.path(), aliases("kiosks"), options);
  }
  bool exists(const std::string& file) const { return fs::exists(dir_.path() / file); }
  std::string file(const std::string& name) const { return dir_.read(name); }
  void edit(const std::string& name, const std::string& text) const { dir_.write(name, text); }
  /// The workspace as `kangle check` loads it, after the import.
  kangle::config::LoadResult load() const { return kangle::config::load_config(dir_.path()); }
  /// The catalogue the next import matches against: the workspace's as written.
  void reload() { config_ = load().config; }
  KioskImportReport add(const kangle::import::KioskAddRequest& request) {
    return kangle::import::add_kiosk(config_, dir_.path(), request);
  }
  kangle::import::ServiceAddReport add(const kangle::import::ServiceAddRequest& request) {
    return kangle::import::add_service(config_, dir_.path(), request);
  }
  void apply(const std::vector<KioskFileChange>& files) { kangle::import::write_config_changes(dir_.path(), files); }
  fs::path path(const std::string& name) const { return dir_.path() / name; }
};

const std::string per_station =
    "湖南路街道站点表,,,\n"
    "站点名称,地址,开放时间,服务项目\n"
    "梧桐·SPACE,长乐路989号,周一至周五 9:00-11:30、13：30—16：00,理发、测血压、话剧社\n";

}  // namespace

TEST_CASE("id_from_name: what an id may not hold left out, NFKC") {
  CHECK(kangle::import::id_from_name("梧桐·SPACE") == "梧桐SPACE");
  CHECK(kangle::import::id_from_name("淮海·1298") == "淮海1298");
  CHECK(kangle::import::id_from_name("ｍｉｃｒｏ 公益（站）") == "micro公益站");
  CHECK(kangle::import::id_from_name("··").empty());
}

TEST_CASE("import kiosks: a station a row, its hours, its services daily on its open days, a new service") {
  Workspace w;
  auto report = w.run(per_station);
  CHECK(issues(report.table).empty());
  CHECK(report.written);
  CHECK(report.stations == 1);
  CHECK(report.new_services == std::vector<std::string>{"话剧社"});
  auto text = w.file("kiosks/梧桐SPACE.toml");
  CHECK(kangle::import::written_by_import(text));
  CHECK(text.find("name = \"梧桐·SPACE\"") != std::string::npos);
  CHECK(text.find("\"周一至周五\" = [\"09:00-11:30\", \"13:30-16:00\"]") != std::string::npos);
  CHECK(text.find("[[daily]]\non = \"周一至周五\"\nservices = [\"haircut\", \"blood-pressure\", \"话剧社\"]  # 理发、测血压、话剧社") !=
        std::string::npos);
  auto services = w.file("services.toml");
  CHECK(services.find("# 新增：由 import kiosks 从 站点表.csv 第3行 加入，请核对技能与类别\n[services.\"话剧社\"]") != std::string::npos);
  auto loaded = w.load();
  CHECK(loaded.diagnostics.sorted().empty());
  REQUIRE(loaded.config.catalogue.find_service("话剧社"));
  CHECK(loaded.config.catalogue.find_skill("话剧社"));

  // Again: nothing changes, the new service is now the catalogue's.
  w.reload();
  auto again = w.run(per_station);
  CHECK(again.table.unchanged == 1);
  CHECK(again.new_services.empty());
  CHECK(w.file("kiosks/梧桐SPACE.toml") == text);
}

TEST_CASE("import kiosks: a row per station, day and service, merged, and 书法社 takes the skill 书法 names") {
  Workspace w;
  auto report = w.run(
      "站点,开放时间,星期,时间,服务项目,类型,主题,地点\n"
      "淮海·1298,周二至周六 9:30-16:30,每周六,14:00-16:00,书法社,周周办,古诗词与水墨画,\n"
      ",,每月第二个周六,,剪纸,,传统手工艺,\n"
      ",,每月第三个周二,9:00-11:00,测血压,送服务上门,,湖南路居民区\n");
  CHECK(issues(report.table).empty());
  REQUIRE(report.written);
  auto text = w.file("kiosks/淮海1298.toml");
  CHECK(text.find("[[weekly]]\non = \"每周六\"\ntime = \"14:00-16:00\"\ntitle = \"古诗词与水墨画\"") != std::string::npos);
  CHECK(text.find("[[monthly]]\non = \"每月第二个周六\"\ntitle = \"传统手工艺\"\nservices = [\"paper-cutting\"]") != std::string::npos);
  CHECK(text.find("[[outreach]]\non = \"每月第三个周二\"\ntime = \"09:00-11:00\"\nat = \"湖南路居民区\"") != std::string::npos);
  auto loaded = w.load();
  CHECK(loaded.diagnostics.sorted().empty());
  const auto* club = loaded.config.catalogue.find_service("书法社");
  REQUIRE(club);
  CHECK(club->skill.value == "calligrapher");
  CHECK(club->category.value == "heritage");
}

TEST_CASE("import kiosks: every cell it cannot read, with row and column, nothing written") {
  Workspace w;
  auto report = w.run(
      "站点,编号,开放时间,星期,时间,服务项目\n"
      "甲站,,周一至周五 9:00-11:30,周三,25:00-26:00,理发\n"
      "乙站,,周一至周五 9:00-11:30,每逢初一,,理发\n"
      "丙站,same,周一至周五 9:00-11:30,周一,,理发\n"
      "丁站,SAME,周一至周五 9:00-11:30,周二,,理发\n"
      "戊站,,9:00-11:30,周二,,理发\n");
  CHECK(issues(report.table) == std::vector<std::string>{
                                   "2:E (时间): rejected: \"25:00-26:00\" is not a time range (write 9:00-11:30)",
                                   "3:D (星期): rejected: \"每逢初一\" is not a day form kangle reads (周一至周五, 每周三, 每月第二个周六, 每月15日)",
                                   "5:B (编号): rejected: the station \"丁站\" gets the id \"SAME\" as \"丙站\" on row 4 does: give one of them another in the id column",
                                   "6:C (开放时间): rejected: \"9:00-11:30\": which days? Write e.g. 周一至周五 9:00-11:30",
                               });
  CHECK_FALSE(report.written);
  CHECK(report.table.rejected == 4);
  CHECK_FALSE(w.exists("kiosks/甲站.toml"));
  CHECK_FALSE(w.exists("kiosks/same.toml"));
}

TEST_CASE("import kiosks: a type, a day for 天天见, a limit, a station or its days missing") {
  Workspace w;
  auto report = w.run(
      "站点,开放时间,星期,服务项目,类型,每日限额\n"
      ",周一 9:00-11:30,周一,理发,,\n"
      "甲站,周一 9:00-11:30,周一,理发,每两天,\n"
      "乙站,周一 9:00-11:30,每月第二个周一,理发,天天见,\n"
      "丙站,周一 9:00-11:30,周一,茶艺,,二十\n"
      "丁站,,,理发,,\n"
      "戊站,周一 9:00-11:30,周三,理发,,\n");
  CHECK(issues(report.table) == std::vector<std::string>{
                                   "2:A (站点): rejected: no station named, and no row above to take it from",
                                   "3:E (类型): rejected: \"每两天\" is not a type (天天见, 周周办, 月月新, 送服务上门)",
                                   "4:C (星期): rejected: a daily entry happens on weekdays, not \"每月第二个周一\"",
                                   "5:F (每日限额): rejected: \"二十\" is not a number of people",
                                   "6:D (服务项目): rejected: no day given, and the station has no opening hours to offer it on",
                                   "7:C (星期): rejected: \"周三\": the kiosk has no opening hours on Wed; give a \"time\"",
                               });
  CHECK_FALSE(report.written);
}

TEST_CASE("import kiosks: a time, a place or a limit without services is refused, not dropped") {
  Workspace w;
  auto report = w.run(
      "站点,开放时间,时间,地点,每日限额,服务项目\n"
      "甲站,周一 9:00-11:30,9:00-11:00,,,\n"
      "乙站,周一 9:00-11:30,,康乐小区,,\n"
      "丙站,周一 9:00-11:30,,,20,\n"
      "丁站,周一 9:00-11:30,,,,\n");
  CHECK(issues(report.table) == std::vector<std::string>{
                                   "2:F (服务项目): rejected: no service named",
                                   "3:F (服务项目): rejected: no service named",
                                   "4:F (服务项目): rejected: no service named",
                               });
  CHECK(report.table.rejected == 3);
  CHECK_FALSE(report.written);
}

TEST_CASE("import kiosks: a file edited by hand is refused on re-import, unless --replace") {
  Workspace w;
  REQUIRE(w.run(per_station).written);
  w.reload();
  auto text = w.file("kiosks/梧桐SPACE.toml");
  auto name = text.find("name = ");
  w.edit("kiosks/梧桐SPACE.toml", text.insert(name, "pledge = \"热情便民\"\n"));
  CHECK_FALSE(kangle::import::written_by_import(w.file("kiosks/梧桐SPACE.toml")));
  auto changed = per_station;
  changed.replace(changed.find("长乐路989号"), std::string("长乐路989号").size(), "长乐路989号302室");
  auto message = kangle::test::error_message<kangle::InputError>([&] { w.run(changed); });
  CHECK(message.find("kiosks/梧桐SPACE.toml was changed by hand") != std::string::npos);
  CHECK(w.file("kiosks/梧桐SPACE.toml").find("pledge") != std::string::npos);

  auto replaced = w.run(changed, true);
  CHECK(replaced.table.updated == 1);
  CHECK(w.file("kiosks/梧桐SPACE.toml").find("长乐路989号302室") != std::string::npos);
  CHECK(w.file("kiosks/梧桐SPACE.toml").find("pledge") == std::string::npos);
}

TEST_CASE("import kiosks: a dry run writes nothing, and a kiosk the workspace would not load is refused") {
  Workspace w;
  auto dry = w.run(per_station, false, true);
  CHECK(dry.files.size() == 2);
  CHECK(dry.files.front().kind == KioskFileChange::Kind::added);
  CHECK_FALSE(w.exists("kiosks/梧桐SPACE.toml"));
  // The id of an example kiosk but for case: the loader refuses the pair.
  auto message = kangle::test::error_message<kangle::InputError>([&] {
    w.run("站点,编号,开放时间,服务项目\n丁香二站,Pubei,周一 9:00-11:30,理发\n");
  });
  CHECK(message.find("pubei") != std::string::npos);
  CHECK_FALSE(w.exists("kiosks/Pubei.toml"));
}

TEST_CASE("add_kiosk: the options read as a stations table's row, a bad one rejected by its option, an existing kiosk refused") {
  Workspace w;
  kangle::import::KioskAddRequest request;
  request.name = "梧桐·SPACE";
  request.hours = "周一至周五 9:00-11:30；周六 9:00-11:00";
  request.services = "理发、话剧社";
  request.days = "每周八";
  auto refused = w.add(request);
  CHECK_FALSE(refused.written);
  REQUIRE(refused.table.issues.size() == 1);
  CHECK(refused.table.issues.front().header == "--days");
  CHECK_FALSE(w.exists("kiosks/梧桐SPACE.toml"));

  request.days.clear();
  auto report = w.add(request);
  CHECK(report.written);
  CHECK(report.new_services == std::vector<std::string>{"话剧社"});
  auto text = w.file("kiosks/梧桐SPACE.toml");
  CHECK(kangle::import::written_by_import(text));
  CHECK(text.find("[[daily]]\non = \"周一至周六\"\nservices = [\"haircut\", \"话剧社\"]") != std::string::npos);
  CHECK(w.load().diagnostics.sorted().empty());

  w.reload();
  CHECK_THROWS_AS(w.add(request), kangle::InputError);  // the file is there
  request.id = "wutong";
  CHECK_THROWS_AS(w.add(request), kangle::InputError);  // so is a kiosk of that name
  CHECK_FALSE(w.exists("kiosks/wutong.toml"));
}

TEST_CASE("add_service: appended to services.toml, the file before it unchanged, the skill its name says, a known name refused") {
  Workspace w;
  auto before = w.file("services.toml");
  kangle::import::ServiceAddRequest request;
  request.name = "书法班";
  auto report = w.add(request);
  CHECK(report.written);
  CHECK(report.skill == "calligrapher");
  CHECK_FALSE(report.new_skill);
  auto after = w.file("services.toml");
  CHECK(after.compare(0, before.size(), before) == 0);
  w.reload();
  const auto* added = w.config().catalogue.find_service_named("书法班");
  REQUIRE(added);
  CHECK(added->skill.value == "calligrapher");
  CHECK(added->category.value == w.config().catalogue.find_service_named("书法")->category.value);
  CHECK_THROWS_AS(w.add(request), kangle::InputError);

  request.name = "糖画";
  request.category = "不存在的类别";
  CHECK_THROWS_AS(w.add(request), kangle::InputError);
  CHECK(w.file("services.toml") == after);
}

TEST_CASE("two commands at once on the same config files: the second refused, not written over the first") {
  Workspace w;
  // Both made from services.toml as it was, as two `service add` run at once make them.
  kangle::import::ServiceAddRequest first, second;
  first.name = "书法班";
  second.name = "糖画";
  first.dry_run = second.dry_run = true;
  auto a = w.add(first), b = w.add(second);
  w.apply({a.file});
  CHECK_THROWS_WITH(w.apply({b.file}), "services.toml changed while this command ran (another kangle, or an editor): "
                                       "nothing was written; run the command again");
  auto services = w.file("services.toml");
  CHECK(services.find("书法班") != std::string::npos);
  CHECK(services.find("糖画") == std::string::npos);

  // Two `kiosk add` of one id: the second would have replaced the first's file.
  kangle::import::KioskAddRequest kiosk;
  kiosk.name = "梧桐·SPACE";
  kiosk.hours = "周一至周五 9:00-11:30";
  kiosk.dry_run = true;
  auto k1 = w.add(kiosk);
  kiosk.hours = "周六 9:00-11:00";
  auto k2 = w.add(kiosk);
  w.apply(k1.files);
  CHECK_THROWS_AS(w.apply(k2.files), kangle::InputError);
  CHECK(w.file("kiosks/梧桐SPACE.toml") == k1.files.front().text);

  // Two of one name under two ids: the second, made from the workspace as it was before
  // the first (no 梧桐·SPACE yet), is refused under the lock.
  kiosk.id = "wutong";
  kiosk.dry_run = false;
  CHECK_THROWS_WITH(w.add(kiosk), Catch::Contains("kiosks/梧桐SPACE.toml"));
  CHECK_FALSE(w.exists("kiosks/wutong.toml"));
}

TEST_CASE("config writes wait for another kangle's: the lock on kangle.toml") {
  Workspace w;
  kangle::import::ServiceAddRequest request;
  request.name = "书法班";
  request.dry_run = true;
  auto report = w.add(request);
  auto before = w.file("services.toml");
  std::thread writer;
  {
    kangle::FileLock held(w.path("kangle.toml"));
    writer = std::thread([&] { w.apply({report.file}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(w.file("services.toml") == before);  // still waiting
  }
  writer.join();
  CHECK(w.file("services.toml") == report.file.text);
}

}  // namespace kiosks_import_test
