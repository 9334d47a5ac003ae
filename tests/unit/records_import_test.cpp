// SPDX-License-Identifier: Apache-2.0
// import_records end to end: a fresh workspace (the kangjian example) for every case, with
// the volunteers of the example's sign-up sheet; the example's service records sheet as
// shipped, and CSV files written byte by byte.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "core/dates.hpp"
#include "import/records.hpp"
#include "import/volunteers.hpp"
#include "import_report.hpp"
#include "people/store.hpp"
#include "records/integrity.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace records_import_test {

using kangle::import::ImportOptions;
using kangle::import::ImportReport;
using kangle::records::Record;
using kangle::test::issues;
using kangle::test::summary;
namespace fs = std::filesystem;

namespace {

// Runs after the last day the example sheet records (2026-12-31), as every import of it is.
constexpr const char* first_run = "2027-01-04T02:00:00Z";
constexpr const char* later_run = "2027-01-11T10:00:00Z";

using Lines = std::vector<std::string>;

/// A sheet of the example, as shipped.
std::string example_sheet(const std::string& name) {
  std::ifstream in(fs::path(KANGLE_SOURCE_DIR) / "examples" / "kangjian" / "sheets" / name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `text` with its one `from` made `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

/// The example workspace with the example's volunteers (28 of them), importing service records.
class Workspace : public kangle::test::ImportWorkspace {
public:
  Workspace() {
    ImportOptions options;
    options.file = write("signup.csv", example_sheet("志愿者报名表.csv"));
    kangle::import::import_volunteers(db_->sql(), config_, aliases("volunteers"), options, first_run);
  }

  ImportReport records(const fs::path& file, const std::string& now = first_run) {
    ImportOptions options;
    options.file = file;
    options.lang = kangle::Lang::en;  // the rejects file's reasons, as the tests compare them
    return kangle::import::import_records(db_->sql(), config_, records_aliases_, options, now);
  }
  /// Imports `rows` under `header` from a file of their own.
  ImportReport rows(const std::string& header, const std::string& rows) { return records(write("records.csv", header + rows)); }
  std::vector<Record> stored() { return kangle::records::RecordStore(db_->sql()).list({}); }

private:
  kangle::import::ColumnAliases records_aliases_ = aliases("records");
};

/// A stored record on one line: date, kiosk (or @place), time, service (or #title), cadence,
/// each volunteer with their minutes, residents and satisfaction.
std::string line(const Record& r) {
  std::string who;
  for (const auto& a : r.volunteers) who += fmt::format("{}{}/{}", who.empty() ? "" : " ", a.name, a.minutes);
  return fmt::format("{} {} {} {} {} [{}] {} {}", kangle::format_date(r.date), r.kiosk.empty() ? "@" + r.place : r.kiosk,
                     kangle::format_time_range(r.time), r.service.empty() ? "#" + r.title : r.service,
                     kangle::config::cadence_name(r.cadence), who, r.residents ? std::to_string(*r.residents) : "-",
                     r.satisfaction ? fmt::format("{:.2f}", *r.satisfaction) : "-");
}

Lines lines(const std::vector<Record>& records) {
  Lines out;
  for (const auto& r : records) out.push_back(line(r));
  return out;
}

/// The issues of the example sheet: a day over the haircut's cap, a volunteer whose
/// sign-up was rejected, a date without its year.
const Lines example_issues = {
    "14:H (服务人次): doubtful: 2026-12-08 Dingxiang Garden Lei Feng kiosk: Haircut served 25 residents, over its "
    "daily cap of 20 (recorded all the same)",
    "15:F (志愿者): rejected: no volunteer called or with the phone \"赵强\": import their sign-up first",
    "17:B (日期): rejected: cannot read the date \"12月15日\" (with the year, e.g. 2026-12-03, 2026/12/3, 2026年12月3日)",
};

}  // namespace

TEST_CASE("import records: the example's sheet, with its title, total, outreach and themed rows", "[records-import]") {
  Workspace ws;
  auto report = ws.records(ws.write("服务记录.csv", example_sheet("服务记录.csv")));

  CHECK(summary(report) == "服务记录.csv row 2: added 14, updated 0, merged 0, unchanged 0, rejected 2, blank 1, total 1");
  CHECK(issues(report) == example_issues);
  CHECK(report.ignored_columns == Lines{"序号"});
  CHECK(lines(ws.stored()) ==
        Lines{"2026-12-01 dingxiang 09:00-11:30 haircut daily [张伟/150 朱桂英/150] 18 5.00",
              "2026-12-01 kangle-hall 09:00-11:30 blood-pressure daily [王建国/150] 32 4.92",
              "2026-12-02 dingxiang 09:00-11:30 blood-sugar daily [梁红梅/150] 26 4.80",
              "2026-12-02 dingxiang 13:30-16:00 darning daily [李秀英/150 郭秀兰/150] 9 5.00",
              "2026-12-03 pubei 08:30-11:30 legal-advice daily [刘芳/180 林海燕/180 罗晓东/180] 12 5.00",
              "2026-12-03 pubei 08:30-11:30 knife-sharpening daily [何志强/180 陈明/180] 21 4.90",
              "2026-12-03 pubei 08:30-11:30 sphygmomanometer-check daily [郑平/180] 9 5.00",
              "2026-12-04 kangle-hall 09:00-11:30 mental-health daily [孙静/150 宋玉兰/150] 5 5.00",
              "2026-12-04 dingxiang 13:30-16:00 bicycle-repair daily [吴刚/120 谢建国/120] 7 -",
              "2026-12-07 dingxiang 09:00-11:30 umbrella-repair daily [邓勇/150] 11 4.70",
              "2026-12-08 @樱花园小区 09:00-11:00 blood-pressure outreach [周敏/120 徐丽华/120] 40 4.84",
              "2026-12-08 dingxiang 09:00-11:30 haircut daily [胡建华/150 马国强/150] 25 4.90",
              "2026-12-10 dingxiang 13:30-16:00 watch-repair daily [高明/150] 6 5.00",
              "2026-12-31 kangle-hall 14:00-16:00 #“非遗+党建”主题活动 monthly [唐志强/120 许萍/120 韩超/120] 35 4.88"});
  auto first = ws.stored().front();
  CHECK(first.origin == kangle::records::Origin::import);
  CHECK(first.key.starts_with("import:"));
  CHECK(first.key.size() == 7 + 64);
  REQUIRE(report.rejects_file.has_value());
  CHECK(ws.read(*report.rejects_file) ==
        "\xEF\xBB\xBF"
        "序号,日期,服务站点,服务项目,服务时间,志愿者,服务时长（小时）,服务人次,满意度,备注,reason\r\n"
        "13,2026-12-09,丁香园,测血糖,09:00-11:30,赵强,,20,5,,\"no volunteer called or with the phone \"\"赵强\"\": import "
        "their sign-up first\"\r\n"
        "15,12月15日,丁香园,修伞,09:00-11:30,陈明,,8,5,,\"cannot read the date \"\"12月15日\"\" (with the year, e.g. "
        "2026-12-03, 2026/12/3, 2026年12月3日)\"\r\n");
}

TEST_CASE("import records: an edited copy of the sheet adds only its new rows", "[records-import]") {
  Workspace ws;
  auto sheet = example_sheet("服务记录.csv");
  ws.records(ws.write("服务记录.csv", sheet));
  // The coordinator's next copy: a count corrected, two rows added above the total.
  auto edited = replaced(sheet, "张伟、朱桂英,,18,5,", "张伟、朱桂英,,19,5,");
  edited = replaced(edited, ",,,,,,,,,\r\n合计,,,,,,,284,,",
                    "17,2026-12-14,丁香园,修伞,09:00-11:30,邓勇,,10,5,\r\n"
                    "18,2026-12-15,康乐汇,测血压,09:00-11:30,王建国、梁红梅,,30,99%,\r\n"
                    ",,,,,,,,,\r\n合计,,,,,,,324,,");
  auto report = ws.records(ws.write("服务记录（更新）.csv", edited), later_run);

  CHECK(summary(report) == "服务记录（更新）.csv row 2: added 2, updated 0, merged 0, unchanged 14, rejected 2, blank 1, total 1");
  CHECK(issues(report) == Lines{example_issues[1], example_issues[2]});  // the cap was said when the row was added
  auto stored = lines(ws.stored());
  REQUIRE(stored.size() == 16);
  CHECK(stored[0] == "2026-12-01 dingxiang 09:00-11:30 haircut daily [张伟/150 朱桂英/150] 18 5.00");  // as first imported
  CHECK(stored[13] == "2026-12-14 dingxiang 09:00-11:30 umbrella-repair daily [邓勇/150] 10 5.00");
  CHECK(stored[14] == "2026-12-15 kangle-hall 09:00-11:30 blood-pressure daily [梁红梅/150 王建国/150] 30 4.96");

  // The very same file is refused as a whole.
  auto again = ws.records(ws.in("服务记录.csv"), later_run);
  REQUIRE(again.already_imported_at.has_value());
  CHECK(*again.already_imported_at == first_run);
  CHECK(ws.stored().size() == 16);
  CHECK(ws.import_rows() == 3);  // the volunteers and the two record sheets
}

TEST_CASE("import records: an unknown or ambiguous volunteer rejects the row, naming them", "[records-import]") {
  Workspace ws;
  kangle::people::Volunteer namesake;
  namesake.name = "张伟";
  namesake.phone = "13900139003";
  kangle::people::Store(ws.sql()).insert(namesake, first_run);
  auto report = ws.rows("日期,服务站点,服务项目,志愿者,服务时间\n",
                        "2026-12-05,丁香园,理发,马国强、钱多多,09:00-11:30\n"
                        "2026-12-05,丁香园,理发,张伟,13:30-16:00\n"
                        "2026-12-05,丁香园,理发,138-0013-8003,13:30-16:00\n"
                        "2026-12-05,丁香园,理发,13800138003 胡建华 胡建华,09:00-11:30\n"
                        "2026-12-05,丁香园,理发,,09:00-11:30\n");

  CHECK(summary(report) == "records.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 3, blank 0, total 0");
  CHECK(issues(report) ==
        Lines{"2:D (志愿者): rejected: no volunteer called or with the phone \"钱多多\": import their sign-up first",
              "3:D (志愿者): rejected: 2 volunteers are called \"张伟\": name them by phone number",
              "6:D (志愿者): rejected: no volunteers"});
  // By phone, and each person once however often named.
  CHECK(lines(ws.stored()) == Lines{"2026-12-05 dingxiang 09:00-11:30 haircut daily [张伟/150 胡建华/150] - -",
                                    "2026-12-05 dingxiang 13:30-16:00 haircut daily [张伟/150] - -"});
}

TEST_CASE("import records: satisfaction as a score or a percentage, residents as a whole number", "[records-import]") {
  Workspace ws;
  auto report = ws.rows("日期,服务站点,服务项目,服务时间,志愿者,服务人数,满意率\n",
                        "2026-12-01,丁香园,理发,09:00-11:30,张伟,20,98%\n"
                        "2026-12-02,丁香园,理发,09:00-11:30,张伟,约20人,９６％\n"
                        "2026-12-03,丁香园,理发,09:00-11:30,张伟,0,0.9\n"
                        "2026-12-04,丁香园,理发,09:00-11:30,张伟,,4.5\n"
                        "2026-12-05,丁香园,理发,09:00-11:30,张伟,,1\n"
                        "2026-12-06,丁香园,理发,09:00-11:30,张伟,,0%\n"
                        "2026-12-07,丁香园,理发,09:00-11:30,张伟,,120%\n"
                        "2026-12-08,丁香园,理发,09:00-11:30,张伟,,6\n"
                        "2026-12-09,丁香园,理发,09:00-11:30,张伟,,满意\n"
                        "2026-12-10,丁香园,理发,09:00-11:30,张伟,二十,5\n");

  CHECK(summary(report) == "records.csv row 1: added 6, updated 0, merged 0, unchanged 0, rejected 4, blank 0, total 0");
  const std::string score = "rejected: cannot read the satisfaction \"{}\" (a score from 1 to 5, or a percentage such as 98%)";
  CHECK(issues(report) == Lines{"8:G (满意率): " + fmt::format(fmt::runtime(score), "120%"),
                                "9:G (满意率): " + fmt::format(fmt::runtime(score), "6"),
                                "10:G (满意率): " + fmt::format(fmt::runtime(score), "满意"),
                                "11:F (服务人数): rejected: cannot read the number of residents \"二十\" (a whole number, e.g. 12)"});
  Lines outcomes;
  for (const auto& r : ws.stored()) {
    outcomes.push_back(fmt::format("{} {}", r.residents ? std::to_string(*r.residents) : "-", *r.satisfaction));
  }
  // 98% satisfied is 1 + 4 × 0.98 on the 1–5 scale; Excel's 0.9 for a 90% cell likewise.
  CHECK(outcomes == Lines{"20 4.92", "20 4.84", "0 4.6", "- 4.5", "- 1", "- 1"});
}

TEST_CASE("import records: minutes from the duration, else the time, a duration alone starts at 09:00", "[records-import]") {
  Workspace ws;
  auto report = ws.rows("日期,服务站点,服务项目,服务时间,开始时间,结束时间,志愿者,服务时长（小时）\n",
                        "2026-12-01,丁香园,理发,09:00-11:30,,,张伟,2\n"
                        "2026-12-02,丁香园,理发,,,,张伟,2.5\n"
                        "2026-12-03,丁香园,理发,９：００～１１：００,,,张伟,\n"
                        "2026-12-04,丁香园,理发,,13:30,16:00,张伟,\n"
                        "2026-12-05,丁香园,理发,9:00 — 11:30,,,张伟,90分钟\n"
                        "2026-12-06,丁香园,理发,9:00至11:00,,,张伟,1.5 小时\n"
                        "2026-12-07,丁香园,理发,,,,张伟,\n"
                        "2026-12-08,丁香园,理发,11:30-09:00,,,张伟,\n"
                        "2026-12-09,丁香园,理发,上午,,,张伟,\n"
                        "2026-12-10,丁香园,理发,,,,张伟,30\n"
                        "2026-12-11,丁香园,理发,,13:30,,张伟,\n");

  CHECK(summary(report) == "records.csv row 1: added 6, updated 0, merged 0, unchanged 0, rejected 5, blank 0, total 0");
  CHECK(issues(report) ==
        Lines{"8:D (服务时间): rejected: no time (e.g. 09:00-11:00) and no duration (hours): how long was the service?",
              "9:D (服务时间): rejected: \"11:30-09:00\" ends before it starts",
              "10:D (服务时间): rejected: cannot read the time \"上午\" (e.g. 09:00-11:00)",
              "11:H (服务时长（小时）): rejected: cannot read the duration \"30\" (hours, e.g. 2 or 2.5)",
              "12:F (结束时间): rejected: cannot read the time \"13:30-\" (e.g. 09:00-11:00)"});
  CHECK(lines(ws.stored()) == Lines{"2026-12-01 dingxiang 09:00-11:30 haircut daily [张伟/120] - -",
                                    "2026-12-02 dingxiang 09:00-11:30 haircut daily [张伟/150] - -",
                                    "2026-12-03 dingxiang 09:00-11:00 haircut daily [张伟/120] - -",
                                    "2026-12-04 dingxiang 13:30-16:00 haircut daily [张伟/150] - -",
                                    "2026-12-05 dingxiang 09:00-11:30 haircut daily [张伟/90] - -",
                                    "2026-12-06 dingxiang 09:00-11:00 haircut daily [张伟/90] - -"});
}

TEST_CASE("import records: a kiosk by id or any of its names, else a place, a service, else an event", "[records-import]") {
  Workspace ws;
  auto report = ws.rows("活动日期,地点,活动名称,时间段,参与志愿者,人次,备注\n",
                        "2026-12-01,丁香园,理发,09:00-11:30,张伟,12,\n"
                        "2026-12-01,丁香园邻里汇“雷锋亭”,理发,13:30-16:00,张伟,8,\n"
                        "2026-12-03,pubei,Haircut,08:30-11:30,马国强,15,\n"
                        "2026-12-01,Kangle Hall Lei Feng kiosk,blood-pressure,09:00-11:30,王建国,30,\n"
                        "2026-12-08,樱花园小区,测血压,09:00-11:00,周敏,40,送服务上门\n"
                        "2026-12-02,丁香园,包饺子,13:30-16:00,李秀英,20,\n"
                        "2026-12-31,康乐汇二楼,心理健康主题讲座,14:00-16:00,宋玉兰,30,\n"
                        "2026-12-01,dingxiang,haircut,09:00-11:30,张伟,13,补录\n");

  CHECK(summary(report) == "records.csv row 1: added 7, updated 0, merged 1, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"9: merged: the same service record as row 2: recorded once"});
  CHECK(lines(ws.stored()) == Lines{"2026-12-01 dingxiang 09:00-11:30 haircut daily [张伟/150] 12 -",
                                    "2026-12-01 kangle-hall 09:00-11:30 blood-pressure daily [王建国/150] 30 -",
                                    "2026-12-01 dingxiang 13:30-16:00 haircut daily [张伟/150] 8 -",
                                    "2026-12-02 dingxiang 13:30-16:00 #包饺子 daily [李秀英/150] 20 -",
                                    "2026-12-03 pubei 08:30-11:30 haircut daily [马国强/180] 15 -",
                                    "2026-12-08 @樱花园小区 09:00-11:00 blood-pressure outreach [周敏/120] 40 -",
                                    "2026-12-31 @康乐汇二楼 14:00-16:00 #心理健康主题讲座 monthly [宋玉兰/120] 30 -"});
  CHECK(ws.stored()[5].note == "送服务上门");
}

TEST_CASE("records::date_refusal: from 2000-01-01 to today, both included", "[records-import]") {
  using kangle::records::date_refusal;
  auto today = *kangle::parse_date("2026-12-31");
  CHECK_FALSE(date_refusal(*kangle::parse_date("2000-01-01"), today));
  CHECK_FALSE(date_refusal(today, today));
  CHECK(date_refusal(*kangle::parse_date("1999-12-31"), today));
  CHECK(date_refusal(*kangle::parse_date("2027-01-01"), today));
  // Today is the workspace's: 17:00 UTC is already the next day in Shanghai.
  CHECK(kangle::records::today_in_workspace(Workspace().config(), "2026-12-30T17:00:00Z") == today);
}

TEST_CASE("import records: one person, one place at a time, sessions that only touch do not clash", "[records-import]") {
  Workspace ws;
  auto report = ws.rows("日期,服务站点,服务项目,服务时间,志愿者\n",
                        "2026-12-05,丁香园,理发,09:00-11:30,张伟\n"
                        "2026-12-05,康乐汇,测血压,11:30-13:00,张伟\n"
                        "2026-12-05,樱花园小区,测血压,11:29-12:00,马国强、张伟\n"
                        "2026-12-06,丁香园,理发,09:00-11:30,张伟\n");
  CHECK(summary(report) == "records.csv row 1: added 3, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  CHECK(issues(report) == Lines{"4:E (志愿者): rejected: 张伟 is already in record 1 (2026-12-05 09:00-11:30 Dingxiang "
                                "Garden Lei Feng kiosk Haircut) and cannot also be in 2026-12-05 11:29-12:00 樱花园小区 "
                                "Blood-pressure test: one person, one place at a time"});
  // A cancelled record holds nobody: the row is taken once it is.
  kangle::records::RecordStore(ws.sql()).cancel(1, "记错日期", first_run);
  report = ws.rows("日期,服务站点,服务项目,服务时间,志愿者\n", "2026-12-05,樱花园小区,测血压,11:29-12:00,马国强、张伟\n");
  CHECK(summary(report) == "records.csv row 1: added 0, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  CHECK(issues(report).at(0).find("record 2 (2026-12-05 11:30-13:00") != std::string::npos);
}

TEST_CASE("records::clash_among: one volunteer in two overlapping records about to be stored", "[records-import]") {
  Workspace ws;
  Record a, b;
  a.date = b.date = *kangle::parse_date("2026-12-02");
  a.kiosk = b.kiosk = "dingxiang";
  a.service = "blood-sugar";
  b.service = "darning";
  a.time = {9 * 60, 11 * 60 + 30};
  b.time = {11 * 60 + 30, 13 * 60};
  a.volunteers = {{7, 150, false, "王建国"}};
  b.volunteers = {{7, 90, true, "王建国"}};
  CHECK_FALSE(kangle::records::clash_among(ws.config(), {a, b}));  // one after the other
  b.time.start = 11 * 60;
  auto clash = kangle::records::clash_among(ws.config(), {a, b});
  REQUIRE(clash);
  CHECK(clash->in(kangle::Lang::en).starts_with("王建国 cannot be both in 2026-12-02 09:00-11:30"));
  b.date = *kangle::parse_date("2026-12-03");
  CHECK_FALSE(kangle::records::clash_among(ws.config(), {a, b}));
}

TEST_CASE("import records: a session no longer than the kiosk's opening it falls in", "[records-import]") {
  Workspace ws;
  // 丁香园 opens 09:00-11:30 and 13:30-16:00 on weekdays, not at weekends.
  auto report = ws.rows("日期,服务站点,服务项目,服务时间,志愿者\n",
                        "2026-12-07,丁香园,理发,09:00-11:30,张伟\n"
                        "2026-12-07,丁香园,理发,13:00-16:00,马国强\n"
                        "2026-12-05,丁香园,理发,09:00-12:30,马国强\n"
                        "2026-12-08,樱花园小区,理发,09:00-12:30,马国强\n");
  CHECK(summary(report) == "records.csv row 1: added 3, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  CHECK(issues(report) == Lines{"3:D (服务时间): rejected: 2026-12-07 13:00-16:00 Dingxiang Garden Lei Feng kiosk Haircut "
                                "lasts 3 h, longer than the kiosk is open for it (13:30-16:00)"});
}

}  // namespace records_import_test
