// SPDX-License-Identifier: Apache-2.0
// import_volunteers end to end at the library level: workbooks written with libxlsxwriter,
// CSV files written byte by byte, a fresh workspace (the kangjian example) for every case.
#include <iconv.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "config/diagnostics.hpp"
#include "config/loader.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/columns.hpp"
#include "import/normalize.hpp"
#include "import/pipeline.hpp"
#include "import/read_ahead.hpp"
#include "import/volunteers.hpp"
#include "import_report.hpp"
#include "people/store.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "temp_dir.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace import_test {

using kangle::import::Encoding;
using kangle::import::ImportOptions;
using kangle::import::ImportReport;
using kangle::import::RowIssue;
using kangle::people::Volunteer;
using kangle::test::error_message;
using kangle::test::issues;
using kangle::test::kind_name;
using kangle::test::summary;
namespace fs = std::filesystem;

namespace {

constexpr const char* first_run = "2026-12-01T02:00:00Z";
constexpr const char* later_run = "2026-12-08T02:00:00Z";

const std::string no_phone = "no phone and no ID number: this person cannot be told apart from others";

// ─── a workspace ─────────────────────────────────────────────────────────────────

/// The example workspace, importing volunteers.
class Workspace : public kangle::test::ImportWorkspace {
public:
  ImportReport import(ImportOptions options, const std::string& now = first_run) {
    options.lang = kangle::Lang::en;  // the rejects file's reasons, as the tests compare them
    return kangle::import::import_volunteers(db_->sql(), config_, volunteers_, options, now);
  }
  ImportReport import(const fs::path& file, const std::string& now = first_run) {
    ImportOptions options;
    options.file = file;
    return import(options, now);
  }

  std::int64_t people_count() { return kangle::people::Store(db_->sql()).count(); }
  /// Everyone stored, by name.
  std::vector<Volunteer> people() { return kangle::people::Store(db_->sql()).list({}); }
  std::optional<Volunteer> by_phone(const std::string& phone) { return kangle::people::Store(db_->sql()).find_by_phone(phone); }

private:
  kangle::import::ColumnAliases volunteers_ = aliases("volunteers");
};

// ─── reading a report and a volunteer ────────────────────────────────────────────

using Lines = std::vector<std::string>;

/// A volunteer's skills as "barber, nurse to 2027-06-30".
std::string skills(const Volunteer& v) {
  std::string out;
  for (const auto& s : v.skills) {
    if (!out.empty()) out += ", ";
    out += s.skill;
    if (s.certificate_expires) out += " to " + kangle::format_date(*s.certificate_expires);
  }
  return out;
}

/// A volunteer's availability as "Tue am, Tue pm, Sat am" (Monday first).
std::string slots(const Volunteer& v) {
  static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* parts[] = {"am", "pm", "evening"};
  std::string out;
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    for (std::size_t p = 0; p < 3; ++p) {
      if (!v.availability.slots[d].test(p)) continue;
      if (!out.empty()) out += ", ";
      out += std::string(days[d]) + " " + parts[p];
    }
  }
  return out;
}

std::vector<std::string> names(const std::vector<Volunteer>& people) {
  std::vector<std::string> out;
  for (const auto& v : people) out.push_back(v.name);
  return out;
}

/// Whether `message` is the CSV reader's "not valid UTF-8" error for `file`, at whatever line.
bool is_bad_utf8_error(const std::string& message, const fs::path& file) {
  const std::string tail = ": the text is not valid UTF-8; give the file's encoding with --encoding (utf-8, gbk, gb18030)";
  auto head = file.string() + ":";
  return message.size() > head.size() + tail.size() && message.compare(0, head.size(), head) == 0 &&
         message.compare(message.size() - tail.size(), tail.size(), tail) == 0;
}

// ─── writing the input ──────────────────────────────────────────────────────────

/// A workbook written with libxlsxwriter. Rows are numbered as Excel shows them
/// (1 = the first), columns from 0 = A.
class Workbook {
public:
  explicit Workbook(fs::path file) : file_(std::move(file)), book_(workbook_new(file_.c_str())) {
    REQUIRE(book_ != nullptr);
    date_ = workbook_add_format(book_);
    format_set_num_format(date_, "yyyy-mm-dd");
    centred_ = workbook_add_format(book_);
    format_set_align(centred_, LXW_ALIGN_CENTER);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (book_) workbook_close(book_);
  }

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* s = workbook_add_worksheet(book_, name.c_str());
    REQUIRE(s != nullptr);
    return s;
  }
  void text(lxw_worksheet* s, unsigned row, unsigned col, const std::string& value) {
    REQUIRE(worksheet_write_string(s, r(row), c(col), value.c_str(), nullptr) == LXW_NO_ERROR);
  }
  /// Text cells from column A on; empty strings leave their cell empty.
  void row(lxw_worksheet* s, unsigned row, const std::vector<std::string>& values) {
    for (unsigned col = 0; col < values.size(); ++col) {
      if (!values[col].empty()) text(s, row, col, values[col]);
    }
  }
  void number(lxw_worksheet* s, unsigned row, unsigned col, double value) {
    REQUIRE(worksheet_write_number(s, r(row), c(col), value, nullptr) == LXW_NO_ERROR);
  }
  /// A date cell formatted yyyy-mm-dd, as Excel keeps a typed date.
  void date(lxw_worksheet* s, unsigned row, unsigned col, int year, int month, int day) {
    lxw_datetime when = {year, month, day, 0, 0, 0};
    REQUIRE(worksheet_write_datetime(s, r(row), c(col), &when, date_) == LXW_NO_ERROR);
  }
  /// `value` merged over columns first…last of one row.
  void merge(lxw_worksheet* s, unsigned row, unsigned first, unsigned last, const std::string& value) {
    REQUIRE(worksheet_merge_range(s, r(row), c(first), r(row), c(last), value.c_str(), centred_) == LXW_NO_ERROR);
  }
  /// Hides `row`, as a coordinator hiding it by hand or a filter leaving it out does.
  void hide(lxw_worksheet* s, unsigned row) {
    lxw_row_col_options hidden = {1, 0, 0};
    REQUIRE(worksheet_set_row_opt(s, r(row), LXW_DEF_ROW_HEIGHT, nullptr, &hidden) == LXW_NO_ERROR);
  }
  fs::path close() {
    auto error = workbook_close(book_);
    book_ = nullptr;
    REQUIRE(error == LXW_NO_ERROR);
    return file_;
  }

private:
  static lxw_row_t r(unsigned row) { return static_cast<lxw_row_t>(row - 1); }
  static lxw_col_t c(unsigned col) { return static_cast<lxw_col_t>(col); }
  fs::path file_;
  lxw_workbook* book_;
  lxw_format* date_ = nullptr;
  lxw_format* centred_ = nullptr;
};

const std::string signup_title = "康健街道“雷锋亭”志愿者报名表（2026年12月）";
/// Columns A–F of the sign-up sheet.
const std::vector<std::string> signup_header = {"*姓名", "联系电话（必填）", "身份证号", "特长技能", "可服务时间", "健康证有效期"};

/// A sign-up sheet as the street office sends it: the title merged over A1:F1, row 2
/// empty, the header on row 3 (its titles marked with * and notes in brackets).
lxw_worksheet* add_signup_sheet(Workbook& book, const std::string& name = "报名表") {
  lxw_worksheet* s = book.sheet(name);
  book.merge(s, 1, 0, 5, signup_title);
  book.row(s, 3, signup_header);
  return s;
}

/// `utf8` in the encoding `to` ("GB18030", "UTF-16LE"), converted with iconv.
std::string encode(const std::string& utf8, const char* to) {
  iconv_t cd = ::iconv_open(to, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in = utf8;
  std::string out(in.size() * 4 + 16, '\0');
  char* in_ptr = in.data();
  std::size_t in_left = in.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::size_t rc = ::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  ::iconv_close(cd);
  REQUIRE(rc != static_cast<std::size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

std::string gb18030(const std::string& utf8) { return encode(utf8, "GB18030"); }

/// A note long enough to carry what follows it past the CSV reader's first 64 KiB chunk,
/// the part it detects the encoding from.
const std::string past_first_chunk(70'000, 'x');

}  // namespace

// ─── workbooks ───────────────────────────────────────────────────────────────────

TEST_CASE("import xlsx: a merged title row above the header, found on row 3", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"王建国", "13800138001", "", "护士、测血压", "周三上午、周五上午"});
  book.row(s, 5, {"李秀英", "13800138002", "", "织补、缝纫", "周三"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK_FALSE(report.csv);
  CHECK(report.ignored_columns.empty());
  CHECK(issues(report).empty());
  CHECK_FALSE(report.rejects_file.has_value());
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->name == "王建国");
  CHECK(skills(*wang) == "nurse");
  CHECK(slots(*wang) == "Wed am, Fri am");
  auto li = ws.by_phone("13800138002");
  REQUIRE(li);
  CHECK(skills(*li) == "tailor");
  CHECK(slots(*li) == "Wed am, Wed pm");
  CHECK(ws.people_count() == 2);
}

TEST_CASE("import xlsx: headers marked with * and a note in brackets are recognised as written", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"赵强", "1380013800", "", "修车"});
  book.row(s, 5, {"吴刚", "13800138010", "", "修车"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  CHECK(report.ignored_columns.empty());
  // The issue names the column by its header as written, mark and note included.
  CHECK(issues(report) ==
        Lines{"4:B (联系电话（必填）): rejected: phone \"138****3800\" is not an 11-digit mobile number"});
  auto wu = ws.by_phone("13800138010");
  REQUIRE(wu);
  CHECK(wu->name == "吴刚");
  CHECK(skills(*wu) == "bicycle-mechanic");
  CHECK(ws.people_count() == 1);
}

TEST_CASE("import xlsx: full-width digits in a phone typed as text", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"李秀英", "１３８００１３８０００", "", "缝纫"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto people = ws.people();
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "李秀英");
  CHECK(people[0].phone == "13800138000");
}

TEST_CASE("import xlsx: a phone typed as a number", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"张伟", "", "", "理发"});
  book.number(s, 4, 1, 13800138003.0);
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto people = ws.people();
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "张伟");
  CHECK(people[0].phone == "13800138003");
}

TEST_CASE("import xlsx: the same phone twice merges the second sign-up into the first", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"张伟", "13800138003", "", "理发", "周二"});
  book.row(s, 5, {"陈明", "13800138005", "", "修伞", "周一"});
  book.row(s, 6, {"张伟", "", "", "磨刀", "周六上午"});
  book.number(s, 6, 1, 13800138003.0);  // the same phone, typed as a number this time
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 2, updated 0, merged 1, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"6: merged: the same person as row 4: availability + Sat am, skill + Knife grinding"});
  CHECK(ws.people_count() == 2);
  auto zhang = ws.by_phone("13800138003");
  REQUIRE(zhang);
  CHECK(zhang->name == "张伟");
  CHECK(skills(*zhang) == "barber, knife-grinder");
  CHECK(slots(*zhang) == "Tue am, Tue pm, Sat am");
}

TEST_CASE("import xlsx: a row with neither phone nor ID number is rejected", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"黄磊", "", "", "钟表维修", "周四"});
  book.row(s, 5, {"王建国", "13800138001", "", "护士"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  CHECK(issues(report) == Lines{"4:B (联系电话（必填）): rejected: " + no_phone});
  CHECK(names(ws.people()) == Lines{"王建国"});
  CHECK(ws.import_rows() == 1);
}

TEST_CASE("import xlsx: an 18-character ID number without a phone is enough", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"孙静", "", "31010419900101109x", "心理咨询师", "周末"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto sun = kangle::people::Store(ws.sql()).find_by_id_number("31010419900101109X");  // the x in upper case
  REQUIRE(sun);
  CHECK(sun->name == "孙静");
  CHECK(sun->phone.empty());
  CHECK(skills(*sun) == "counsellor");
  CHECK(slots(*sun) == "Sat am, Sat pm, Sun am, Sun pm");
  CHECK(ws.people_count() == 1);
}

TEST_CASE("import xlsx: blank rows in the middle are counted and later rows keep Excel's numbers", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"王建国", "13800138001", "", "护士"});
  // Rows 5 and 6 blank.
  book.row(s, 7, {"李秀英", "13800138002", "", "缝纫"});
  // Row 8 blank.
  book.row(s, 9, {"黄磊", "", "", "钟表维修"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 2, updated 0, merged 0, unchanged 0, rejected 1, blank 3, total 0");
  CHECK(issues(report) == Lines{"9:B (联系电话（必填）): rejected: " + no_phone});
  CHECK(ws.people_count() == 2);
}

TEST_CASE("import xlsx: a 合计 row at the end is skipped as a total row", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"王建国", "13800138001", "", "护士"});
  book.row(s, 5, {"李秀英", "13800138002", "", "缝纫"});
  book.row(s, 6, {"合计", "2人"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 1");
  CHECK(issues(report).empty());
  CHECK_FALSE(report.rejects_file.has_value());
  CHECK(ws.people_count() == 2);
}

TEST_CASE("import xlsx: a sheet of instructions before the data sheet is passed over", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* notes = book.sheet("填表说明");
  book.text(notes, 1, 0, "填表说明");
  book.text(notes, 2, 0, "1. 带 * 的栏目必须填写。");
  book.text(notes, 3, 0, "2. 联系电话请填写 11 位手机号码，没有手机的请填写身份证号。");
  book.text(notes, 4, 0, "3. 可服务时间请写“周一上午、周三下午、周末、工作日”等。");
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"王建国", "13800138001", "", "护士"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(names(ws.people()) == Lines{"王建国"});
}

TEST_CASE("import xlsx: --sheet picks a sheet by its name", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  book.text(book.sheet("填表说明"), 1, 0, "带 * 的栏目必须填写。");
  book.row(add_signup_sheet(book), 4, {"王建国", "13800138001", "", "护士"});
  book.row(add_signup_sheet(book, "补报"), 4, {"吴刚", "13800138010", "", "修车"});
  ImportOptions options;
  options.file = book.close();
  options.table.sheet = "补报";
  auto report = ws.import(options);

  CHECK(summary(report) == "补报 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(names(ws.people()) == Lines{"吴刚"});
}

TEST_CASE("import xlsx: an unknown --sheet is an InputError listing the sheets there are", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  book.text(book.sheet("填表说明"), 1, 0, "带 * 的栏目必须填写。");
  book.row(add_signup_sheet(book), 4, {"王建国", "13800138001", "", "护士"});
  book.row(add_signup_sheet(book, "补报"), 4, {"吴刚", "13800138010", "", "修车"});
  ImportOptions options;
  options.file = book.close();
  options.table.sheet = "三月";

  CHECK(error_message<kangle::InputError>([&] { ws.import(options); }) ==
        options.file.string() + " has no sheet called \"三月\" (sheets: 填表说明, 报名表, 补报)");
  CHECK(ws.people_count() == 0);
  CHECK(ws.import_rows() == 0);
}

TEST_CASE("import xlsx: a date cell under 健康证有效期 becomes the nurse skill's certificate expiry", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"周敏", "13800138009", "", "护士、理发", "工作日上午"});
  book.date(s, 4, 5, 2027, 6, 30);
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto zhou = ws.by_phone("13800138009");
  REQUIRE(zhou);
  // Only nursing asks for a certificate (健康证); barbering keeps none.
  CHECK(skills(*zhou) == "barber, nurse to 2027-06-30");
  REQUIRE(zhou->skills.size() == 2);
  CHECK_FALSE(zhou->skills[0].certificate_expires.has_value());
  CHECK(zhou->skills[1].certificate_expires ==
        kangle::Date{std::chrono::year{2027}, std::chrono::month{6}, std::chrono::day{30}});
}

// ─── --map ───────────────────────────────────────────────────────────────────────

TEST_CASE("import: a phone column under a header no alias knows is ignored", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = book.sheet("Sheet1");
  book.row(s, 1, {"姓名", "联络号码", "特长技能"});
  book.row(s, 2, {"王建国", "13800138001", "护士"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "Sheet1 row 1: added 0, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  CHECK(report.ignored_columns == Lines{"联络号码"});
  CHECK(issues(report) == Lines{"2: rejected: " + no_phone});  // no phone column to point at
  CHECK(ws.people_count() == 0);
}

TEST_CASE("import: --map reads a header no alias knows as the field it names", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = book.sheet("Sheet1");
  book.row(s, 1, {"姓名", "联络号码", "特长技能"});
  book.row(s, 2, {"王建国", "13800138001", "护士"});
  ImportOptions options;
  options.file = book.close();
  options.table.map = {{"联络号码", "phone"}};
  auto report = ws.import(options);

  CHECK(summary(report) == "Sheet1 row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(report.ignored_columns.empty());
  CHECK(issues(report).empty());
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->name == "王建国");
}

TEST_CASE("import: a header that starts with an alias needs no --map (联系方式A is a phone)", "[import]") {
  // columns.hpp: "an exact match, or else the longest alias the header starts with";
  // 联系方式 is an alias of phone.
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = book.sheet("Sheet1");
  book.row(s, 1, {"姓名", "联系方式A", "特长技能"});
  book.row(s, 2, {"王建国", "13800138001", "护士"});
  auto report = ws.import(book.close());

  CHECK(summary(report) == "Sheet1 row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(report.ignored_columns.empty());
  CHECK(ws.by_phone("13800138001").has_value());
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────

TEST_CASE("import csv: UTF-8 with a BOM", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv", "\xEF\xBB\xBF姓名,联系电话,特长技能\n王建国,13800138001,护士\n");
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.csv row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(report.csv);
  CHECK(report.ignored_columns.empty());  // the BOM is not part of 姓名
  CHECK(names(ws.people()) == Lines{"王建国"});
}

TEST_CASE("import csv: a person whose id was set by hand far beyond the others is found, row by row", "[import]") {
  Workspace ws;
  // An id no dense table reaches (a table by id would take 8 TiB).
  ws.sql().exec("INSERT INTO volunteers (id, name, phone, created_at, updated_at) "
                "VALUES (1099511627776, '王建国', '13800138001', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
  // And the people added after it, each numbered past it, are found by the rows after.
  auto file = ws.write("signup.csv",
                       "姓名,联系电话,特长技能\n王建国,13800138001,护士\n王建国,13800138001,缝纫\n李秀英,13800138002,\n"
                       "李秀英,13800138002,缝纫\n");
  auto report = ws.import(file);
  CHECK(issues(report) == Lines{"2: updated: already known: skill + Nursing",
                                "3: merged: the same person as row 2: skill + Tailoring",
                                "5: merged: the same person as row 4: skill + Tailoring"});
  CHECK(ws.people_count() == 2);
  CHECK(ws.by_phone("13800138001")->id == 1099511627776);
  CHECK(ws.by_phone("13800138002")->id == 1099511627777);
}

TEST_CASE("import csv: GB18030, as Excel and WPS save on Chinese Windows, is detected", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv", gb18030("姓名,联系电话,特长技能,所在单位\n"
                                             "王建国,13800138001,护士,康健街道社区卫生服务中心\n"
                                             "李秀英,13800138002,缝纫,\n"));
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->name == "王建国");
  CHECK(wang->unit == "康健街道社区卫生服务中心");
  CHECK(skills(*wang) == "nurse");
  auto li = ws.by_phone("13800138002");
  REQUIRE(li);
  CHECK(li->name == "李秀英");
}

TEST_CASE("import csv: semicolon-separated, with commas inside a field", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "姓名;联系电话;特长技能;可服务时间\n"
                       "王建国;13800138001;护士;周三上午, 周五上午\n"
                       "李秀英;13800138002;缝纫;周三\n");
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->name == "王建国");
  CHECK(slots(*wang) == "Wed am, Fri am");
}

TEST_CASE("import: 服务意向 names kiosks and services by name or id, a later sign-up replaces them", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "姓名,联系电话,特长技能,服务意向\n"
                       "王建国,13800138001,护士,丁香园、测血压\n"
                       "李秀英,13800138002,缝纫,pubei；理发店\n");
  auto report = ws.import(file);
  CHECK(issues(report) == Lines{"3:D (服务意向): doubtful: “理发店” is neither a kiosk nor a service; left out of the preferences"});
  CHECK(ws.by_phone("13800138001")->preferences == std::vector<std::string>{"dingxiang", "blood-pressure"});
  CHECK(ws.by_phone("13800138002")->preferences == std::vector<std::string>{"pubei"});

  auto later = ws.write("later.csv", "姓名,联系电话,服务意向\n王建国,13800138001,康乐汇\n");
  ws.import(later, later_run);
  CHECK(ws.by_phone("13800138001")->preferences == std::vector<std::string>{"kangle-hall"});
}

TEST_CASE("import csv: tab-separated", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.txt",
                       "姓名\t联系电话\t特长技能\t所在单位\n"
                       "李秀英\t13800138002\t织补、缝纫\t上海师范大学, 法政学院\n");
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.txt row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto li = ws.by_phone("13800138002");
  REQUIRE(li);
  CHECK(li->name == "李秀英");
  CHECK(li->unit == "上海师范大学, 法政学院");
  CHECK(skills(*li) == "tailor");
}

TEST_CASE("import csv: people signing up again hundreds of rows later are merged, whether their first row is written yet or not", "[import]") {
  Workspace ws;
  std::string sheet = "姓名,联系电话,特长技能\n";
  for (int i = 0; i < 700; ++i) sheet += fmt::format("志愿者{},{},理发\n", i, 13900000000 + i);
  // Rows 702 and 703: one of the first people, long written, and one of those not yet written.
  sheet += "志愿者3,13900000003,护士\n志愿者650,13900000650,护士\n";
  auto report = ws.import(ws.write("signup.csv", sheet));

  CHECK(report.added == 700);
  CHECK(report.merged == 2);
  CHECK(skills(*ws.by_phone("13900000650")) == "barber, nurse");
  CHECK(ws.people_count() == 700);
  auto again = ws.by_phone("13900000003");
  REQUIRE(again);
  CHECK(again->id == 4);  // ids in the order of the rows, as one insert each gave them
  CHECK(skills(*again) == "barber, nurse");
  CHECK(ws.by_phone("13900000699")->id == 700);
}

TEST_CASE("import csv: a person met again and again, their changes held and written later, each row sees the last", "[import]") {
  Workspace ws;
  std::string sheet = "姓名,联系电话,身份证号,特长技能\n志愿者0,13900000000,,理发\n";
  for (int i = 1; i < 300; ++i) sheet += fmt::format("志愿者{},{},,理发\n", i, 13900000000 + i);
  // Row 302 meets the first person, long written; 303 meets them as 302 left them, held;
  // 304 gives their ID number; 305 names them by that number alone; 306 is someone new
  // held with them.
  sheet += "志愿者0,13900000000,,护士\n志愿者0,13900000000,,钟表维修\n志愿者0,13900000000,110101199003074258,\n"
           "志愿者0,,110101199003074258,配钥匙\n志愿者300,13900000300,,理发\n";
  auto report = ws.import(ws.write("signup.csv", sheet));

  CHECK(report.added == 301);
  CHECK(report.merged == 4);
  CHECK(report.rejected == 0);
  CHECK(ws.people_count() == 301);
  auto first = ws.by_phone("13900000000");
  REQUIRE(first);
  CHECK(first->id == 1);
  CHECK(first->id_number == "110101199003074258");
  CHECK(skills(*first) == "barber, locksmith, nurse, watchmaker");
  CHECK(ws.by_phone("13900000300")->id == 301);
}

TEST_CASE("import csv: a quoted note with a line break and doubled quotes", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "姓名,联系电话,备注\n"
                       "王建国,13800138001,\"周末请提前一天联系\n他说\"\"随叫随到\"\"\"\n"
                       "赵强,1380013800,\n");
  auto report = ws.import(file);

  // blank_rows is left out here: see "a record over two lines is no blank row" below.
  CHECK(report.added == 1);
  CHECK(report.updated == 0);
  CHECK(report.merged == 0);
  CHECK(report.unchanged == 0);
  CHECK(report.rejected == 1);
  CHECK(report.total_rows == 0);
  CHECK(report.sheet == "signup.csv");
  CHECK(report.header_row == 1);
  // The record after the two-line one starts on line 4.
  CHECK(issues(report) == Lines{"4:B (联系电话): rejected: phone \"138****3800\" is not an 11-digit mobile number"});
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->note == "周末请提前一天联系\n他说\"随叫随到\"");
}

TEST_CASE("import csv: a record over two lines is no blank row", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "姓名,联系电话,备注\n"
                       "王建国,13800138001,\"周末请提前一天联系\n他说\"\"随叫随到\"\"\"\n"
                       "李秀英,13800138002,\n");
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
}

TEST_CASE("import csv: CRLF line endings", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "姓名,联系电话,备注\r\n"
                       "王建国,13800138001,周末优先\r\n"
                       "\r\n"
                       "李秀英,13800138002,只能上午\r\n"
                       "赵强,1380013800,\r\n");
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 1, blank 1, total 0");
  CHECK(issues(report) == Lines{"5:B (联系电话): rejected: phone \"138****3800\" is not an 11-digit mobile number"});
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->note == "周末优先");  // no \r left over
  auto li = ws.by_phone("13800138002");
  REQUIRE(li);
  CHECK(li->note == "只能上午");
}

TEST_CASE("import csv: UTF-16LE with a BOM, tab-separated (Excel's \"Unicode text\")", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.txt", "\xFF\xFE" + encode("姓名\t联系电话\t特长技能\r\n王建国\t13800138001\t护士\r\n", "UTF-16LE"));
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.txt row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->name == "王建国");
  CHECK(skills(*wang) == "nurse");
}

TEST_CASE("import csv: --encoding gb18030 decodes a file whose first 64 KiB look like UTF-8", "[import]") {
  Workspace ws;
  // ASCII up to past the first chunk (ASCII is GB18030 as well), Chinese after it.
  auto file = ws.write("signup.csv", "name,phone,note\n"
                                     "Wang Jianguo,13800138001," + past_first_chunk + "\n" +
                                     gb18030("李秀英,13800138002,只能上午\n"));
  // Detection takes the file for UTF-8 ... (the line it names: see "an encoding error names
  // the line of the bad bytes" below)
  CHECK(is_bad_utf8_error(error_message<kangle::InputError>([&] { ws.import(file); }), file));
  REQUIRE(ws.people_count() == 0);

  // ... and --encoding says what it is.
  ImportOptions options;
  options.file = file;
  options.table.encoding = Encoding::gb18030;
  auto report = ws.import(options);
  CHECK(summary(report) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  auto li = ws.by_phone("13800138002");
  REQUIRE(li);
  CHECK(li->name == "李秀英");
  CHECK(li->note == "只能上午");
  CHECK(ws.people_count() == 2);
}

TEST_CASE("import csv: a GB18030 file read with --encoding utf-8 is an InputError", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv", "name,phone,skills\n" + gb18030("王建国,13800138001,护士\n"));
  ImportOptions options;
  options.file = file;
  options.table.encoding = Encoding::utf8;

  // The line it names: see "an encoding error names the line of the bad bytes" below.
  CHECK(is_bad_utf8_error(error_message<kangle::InputError>([&] { ws.import(options); }), file));
  CHECK(ws.people_count() == 0);
  CHECK(ws.import_rows() == 0);
}

TEST_CASE("import csv: an encoding error names the line of the bad bytes", "[import]") {
  Workspace ws;
  ImportOptions options;
  options.file = ws.write("forced.csv", "name,phone,skills\n" + gb18030("王建国,13800138001,护士\n"));
  options.table.encoding = Encoding::utf8;
  CHECK(error_message<kangle::InputError>([&] { ws.import(options); }) ==
        options.file.string() +
            ":2: the text is not valid UTF-8; give the file's encoding with --encoding (utf-8, gbk, gb18030)");

  // The same past the first 64 KiB chunk.
  auto later = ws.write("later.csv", "name,phone,note\n"
                                     "Wang Jianguo,13800138001," + past_first_chunk + "\n" +
                                     gb18030("李秀英,13800138002,只能上午\n"));
  CHECK(error_message<kangle::InputError>([&] { ws.import(later); }) ==
        later.string() + ":3: the text is not valid UTF-8; give the file's encoding with --encoding (utf-8, gbk, gb18030)");
}

// ─── importing again ─────────────────────────────────────────────────────────────

TEST_CASE("import: the identical file again changes nothing and says when it was imported", "[import]") {
  Workspace ws;
  const std::string content = "姓名,联系电话,特长技能\n王建国,13800138001,护士\n李秀英,13800138002,缝纫\n";
  auto file = ws.write("signup.csv", content);
  auto first = ws.import(file, first_run);
  REQUIRE(summary(first) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK_FALSE(first.already_imported_at.has_value());

  auto again = ws.import(file, later_run);
  REQUIRE(again.already_imported_at.has_value());
  CHECK(*again.already_imported_at == first_run);
  CHECK(summary(again) == "signup.csv row 1: added 0, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(again.issues.empty());

  // The same bytes under another name are the same file.
  auto copy = ws.import(ws.write("copy.csv", content), later_run);
  REQUIRE(copy.already_imported_at.has_value());
  CHECK(*copy.already_imported_at == first_run);

  CHECK(ws.people_count() == 2);
  CHECK(ws.import_rows() == 1);
}

TEST_CASE("import: a later file updates a known person, adding skills rather than replacing them", "[import]") {
  Workspace ws;
  ws.import(ws.write("first.csv",
                     "姓名,联系电话,所在单位,特长技能,可服务时间\n"
                     "张伟,13800138003,徐汇区环卫所,理发,周二\n"
                     "李秀英,13800138002,,缝纫,周三\n"));
  auto report = ws.import(ws.write("second.csv",
                                   "姓名,联系电话,所在单位,特长技能,可服务时间\n"
                                   "张伟,13800138003,康健街道城运中心,磨刀,周六上午\n"
                                   "李秀英,13800138002,,缝纫,周三\n"),
                          later_run);

  CHECK(summary(report) == "second.csv row 1: added 0, updated 1, merged 0, unchanged 1, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"2: updated: already known: Unit: 徐汇区环卫所 → 康健街道城运中心, "
                                "availability + Sat am, skill + Knife grinding"});
  auto zhang = ws.by_phone("13800138003");
  REQUIRE(zhang);
  CHECK(zhang->unit == "康健街道城运中心");
  CHECK(skills(*zhang) == "barber, knife-grinder");
  CHECK(slots(*zhang) == "Tue am, Tue pm, Sat am");
  CHECK(ws.people_count() == 2);
  CHECK(ws.import_rows() == 2);
}

// ─── dry run, rejects, failure ───────────────────────────────────────────────────

TEST_CASE("import: a dry run reports what a real run would do and changes nothing", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "姓名,联系电话,特长技能\n"
                       "王建国,13800138001,护士\n"
                       "\n"
                       "黄磊,,钟表维修\n"
                       "王建国,13800138001,测血糖、理发\n"
                       "合计,3人\n");
  const std::string expected =
      "signup.csv row 1: added 1, updated 0, merged 1, unchanged 0, rejected 1, blank 1, total 1";
  const Lines expected_issues{"4:B (联系电话): rejected: " + no_phone,
                              "5: merged: the same person as row 2: skill + Barbering"};
  ImportOptions options;
  options.file = file;
  options.dry_run = true;
  auto dry = ws.import(options);

  CHECK(dry.dry_run);
  CHECK(summary(dry) == expected);
  CHECK(issues(dry) == expected_issues);
  CHECK_FALSE(dry.rejects_file.has_value());
  CHECK_FALSE(fs::exists(ws.in("signup.rejects.csv")));
  CHECK(ws.people_count() == 0);
  CHECK(ws.import_rows() == 0);

  // The real run reports the same, and is not taken for a repeat of the dry run.
  auto real = ws.import(file);
  CHECK_FALSE(real.already_imported_at.has_value());
  CHECK(summary(real) == expected);
  CHECK(issues(real) == expected_issues);
  CHECK(ws.people_count() == 1);
}

TEST_CASE("import: rejected rows go beside the input with their header and a reason column", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv",
                       "序号,姓名,联系电话,特长技能,备注\n"
                       "1,王建国,13800138001,护士,\n"
                       "2,赵强,1380013800,修车,\"周五, 下午\"\n"
                       "3,,,钟表维修,\n"
                       "4,李秀英,13800138002,缝纫,\n");
  auto report = ws.import(file);

  CHECK(summary(report) == "signup.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 2, blank 0, total 0");
  CHECK(issues(report) == Lines{"3:C (联系电话): rejected: phone \"138****3800\" is not an 11-digit mobile number",
                                "4:B (姓名): rejected: no name", "4:C (联系电话): rejected: " + no_phone});
  auto rejects = ws.in("signup.rejects.csv");
  REQUIRE(report.rejects_file.has_value());
  CHECK(*report.rejects_file == rejects);
  CHECK(ws.read(rejects) ==
        "\xEF\xBB\xBF"
        "序号,姓名,联系电话,特长技能,备注,reason\r\n"
        "2,赵强,1380013800,修车,\"周五, 下午\",\"phone \"\"138****3800\"\" is not an 11-digit mobile number\"\r\n"
        "3,,,钟表维修,,no name; " + no_phone + "\r\n");
  CHECK(ws.people_count() == 2);
}

TEST_CASE("import: --rejects writes the rejected rows where it says", "[import]") {
  Workspace ws;
  ImportOptions options;
  options.file = ws.write("signup.csv", "姓名,联系电话\n黄磊,\n王建国,13800138001\n");
  options.rejects_file = ws.in("fix-me.csv");
  auto report = ws.import(options);

  CHECK(summary(report) == "signup.csv row 1: added 1, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0");
  REQUIRE(report.rejects_file.has_value());
  CHECK(*report.rejects_file == ws.in("fix-me.csv"));
  CHECK(ws.read(ws.in("fix-me.csv")) == "\xEF\xBB\xBF姓名,联系电话,reason\r\n黄磊,," + no_phone + "\r\n");
  CHECK_FALSE(fs::exists(ws.in("signup.rejects.csv")));
}

TEST_CASE("import: a file that fails midway leaves the database as it was", "[import]") {
  Workspace ws;
  auto first = ws.import(ws.write("first.csv",
                                  "name,phone,unit\n"
                                  "王建国,13800138001,康健街道社区卫生服务中心\n"
                                  "李秀英,13800138002,\n"));
  REQUIRE(first.added == 2);

  // Valid UTF-8 through the first 64 KiB, so detection says UTF-8: a new person and an
  // update are written before the reader meets GBK bytes on line 5.
  auto second = ws.write("second.csv", "name,phone,unit,note\n"
                                       "赵强,13800138007,,\n"
                                       "王建国,13800138001,徐汇区卫健委,\n"
                                       "陈明,13800138005,," + past_first_chunk + "\n" +
                                       gb18030("吴刚,13800138010,,\n"));
  CHECK(is_bad_utf8_error(error_message<kangle::InputError>([&] { ws.import(second, later_run); }), second));

  CHECK(names(ws.people()) == Lines{"李秀英", "王建国"});
  auto wang = ws.by_phone("13800138001");
  REQUIRE(wang);
  CHECK(wang->unit == "康健街道社区卫生服务中心");
  CHECK_FALSE(ws.by_phone("13800138007").has_value());
  CHECK(ws.import_rows() == 1);
  kangle::storage::Statement recorded(ws.sql(), "SELECT file_name, added FROM imports");
  REQUIRE(recorded.step());
  CHECK(recorded.column(0).text() == "first.csv");
  CHECK(recorded.column(1).int64() == 2);
  CHECK_FALSE(fs::exists(ws.in("second.rejects.csv")));
}

// ─── the people's indexes built at the end of a first import ─────────────────────

/// The people's indexes as SQLite keeps their definitions; none on PostgreSQL, where
/// they are never dropped.
std::vector<std::string> people_indexes(kangle::storage::Connection& sql) {
  std::vector<std::string> out;
  if (!sql.drops_indexes_unseen()) return out;
  kangle::storage::Statement q(sql, "SELECT sql FROM sqlite_master WHERE tbl_name = 'volunteers' AND type = 'index' ORDER BY name");
  while (q.step()) out.push_back(q.column(0).text());
  return out;
}

Volunteer person(const std::string& name, const std::string& phone) {
  Volunteer v;
  v.name = name;
  v.phone = phone;
  return v;
}

TEST_CASE("people::Store: while the indexes wait, people are found by phone and ID number, held or written, and the indexes come back as made", "[import]") {
  Workspace ws;
  auto& sql = ws.sql();
  const auto made = people_indexes(sql);
  CHECK(made.size() == (sql.drops_indexes_unseen() ? 3u : 0u));
  kangle::storage::Transaction transaction(sql, kangle::storage::Transaction::write);
  kangle::people::Store store(sql);
  const auto stored_before = store.insert(person("王建国", "13800138001"), first_run);

  const bool waiting = store.defer_indexes();
  CHECK(waiting == sql.drops_indexes_unseen());
  if (waiting) CHECK(people_indexes(sql).empty());
  CHECK(store.find_by_phone("13800138001").value().id == stored_before);
  // 600 new people, past the record's first growth: the first 512 written, the rest held.
  for (int i = 0; i < 600; ++i) store.insert_later(person(fmt::format("志愿者{}", i), std::to_string(13900000000 + i)), first_run);
  CHECK(store.find_by_phone("13900000005").value().name == "志愿者5");
  CHECK(store.find_by_phone("13900000599").value().name == "志愿者599");
  CHECK_FALSE(store.find_by_phone("13900000600").has_value());
  // An ID number given by an update, found while held and once written.
  auto five = store.find_by_phone("13900000005").value();
  five.id_number = "110101199003074258";
  store.update_later(five, first_run);
  CHECK(store.find_by_id_number("110101199003074258").value().id == five.id);
  store.flush();
  CHECK(store.find_by_id_number("110101199003074258").value().id == five.id);
  CHECK(store.find_by_phone("13900000005").value().id_number == "110101199003074258");
  CHECK_FALSE(store.find_by_id_number("11010119900307425X").has_value());
  // A phone given up stays in the record under its first holder, who is read and turned
  // down; the next with it is found past them.
  auto six = store.find_by_phone("13900000006").value();
  six.phone = "13900000606";
  store.update_later(six, first_run);
  store.flush();
  CHECK_FALSE(store.find_by_phone("13900000006").has_value());
  const auto next_with_it = store.insert_later(person("王芳", "13900000006"), first_run);
  store.flush();
  CHECK(store.find_by_phone("13900000006").value().id == next_with_it);
  CHECK(store.find_by_phone("13900000606").value().id == six.id);
  // A person inserted past the record could not be found by it.
  if (waiting) CHECK_THROWS_AS(store.insert(person("李秀英", "13800138002"), first_run), std::logic_error);

  store.restore_indexes();
  CHECK(people_indexes(sql) == made);
  CHECK(store.find_by_id_number("110101199003074258").value().id == five.id);
  CHECK(store.find_by_phone("13900000006").value().id == next_with_it);
  CHECK(store.insert(person("李秀英", "13800138002"), first_run) == 603);
  transaction.commit();
  CHECK(store.count() == 603);
}

TEST_CASE("people::Store: a phone on two people, let in behind the record's back, fails where the indexes are built again", "[import]") {
  Workspace ws;
  auto& sql = ws.sql();
  kangle::storage::Transaction transaction(sql, kangle::storage::Transaction::write);
  kangle::people::Store store(sql);
  if (!store.defer_indexes()) return;  // PostgreSQL keeps them: its UNIQUE refuses the row itself
  store.insert_later(person("王建国", "13800138001"), first_run);
  store.flush();
  sql.exec("INSERT INTO volunteers (name, phone, created_at, updated_at) VALUES ('冒名', '13800138001', 'x', 'x')");
  try {
    store.restore_indexes();
    FAIL("the second phone was let in");
  } catch (const kangle::storage::DatabaseError& e) {
    CHECK(e.failure() == kangle::storage::Failure::unique);
  }
}

TEST_CASE("import: a first import builds the people's indexes again at its end, and one that fails leaves them as they were", "[import]") {
  Workspace ws;
  const auto made = people_indexes(ws.sql());
  // Whether the phone's index stood when the import had read 1,000 rows.
  std::optional<bool> indexed_midway;
  auto import_watched = [&](const fs::path& file, const std::string& now = first_run) {
    ImportOptions options;
    options.file = file;
    indexed_midway.reset();
    options.progress = [&](std::size_t) {
      const std::string indexes = ws.sql().drops_indexes_unseen() ? "sqlite_master WHERE name" : "pg_indexes WHERE indexname";
      indexed_midway = ws.sql().query_integer("SELECT count(*) FROM " + indexes + " = 'volunteers_by_phone'") == 1;
    };
    return ws.import(options, now);
  };
  std::string rows = "name,phone,id_number\n";
  for (long i = 0; i < 1200; ++i) rows += fmt::format("志愿者{},{},\n", i, 13900000000 + i);
  // Far apart, after their first rows are written: the same phone, and an ID number given
  // to someone met again, then naming them alone.
  rows += "志愿者7,13900000007,110101199003074258\n志愿者7,,110101199003074258\n";

  auto broken = ws.write("broken.csv", rows + "志愿者1200,13900001200," + past_first_chunk + "\n" + gb18030("志愿者1201,13900001201,\n"));
  CHECK_THROWS_AS(import_watched(broken), kangle::InputError);
  CHECK(indexed_midway == !ws.sql().drops_indexes_unseen());  // dropped on SQLite only
  CHECK(ws.people_count() == 0);
  CHECK(people_indexes(ws.sql()) == made);

  auto report = import_watched(ws.write("signup.csv", rows));
  CHECK(indexed_midway == !ws.sql().drops_indexes_unseen());
  CHECK(summary(report) == "signup.csv row 1: added 1200, updated 0, merged 2, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == std::vector<std::string>{"1202: merged: the same person as row 9: ID number: - → 1101**********4258",
                                                   "1203: merged: the same person as row 9: "});
  CHECK(people_indexes(ws.sql()) == made);
  CHECK(ws.people_count() == 1200);
  CHECK(ws.by_phone("13900000007").value().id_number == "110101199003074258");
  CHECK_THROWS_AS(ws.sql().exec("INSERT INTO volunteers (name, phone, created_at, updated_at) VALUES ('冒名', '13900000007', 'x', 'x')"),
                  kangle::storage::DatabaseError);

  // Into a table with people, the indexes stand throughout.
  std::string more = "name,phone\n";
  for (long i = 0; i < 1100; ++i) more += fmt::format("志愿者{},{}\n", 2000 + i, 13900002000 + i);
  CHECK(import_watched(ws.write("more.csv", more), later_run).added == 1100);
  CHECK(indexed_midway == true);
}

// ─── bugs ────────────────────────────────────────────────────────────────────────

TEST_CASE("import: a volunteer called Summer is not a total row", "[import]") {
  Workspace ws;
  auto report = ws.import(ws.write("signup.csv", "name,phone,skills\nSummer Li,13800138011,barber\n"));

  CHECK(summary(report) == "signup.csv row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(ws.people_count() == 1);
}

TEST_CASE("import: thousands of rows come in order, and an error after them undoes them all", "[import]") {
  // Rows are read ahead, in batches, on a second thread: more rows than it may hold.
  std::string rows = "name,phone\n";
  for (long i = 0; i < 3000; ++i) rows += "志愿者" + std::to_string(i) + "," + std::to_string(13900000000 + i) + "\n";
  Workspace ws;
  // Each row's issues, found as it is read ahead, stay with it: one in the middle, one after.
  auto middle = rows.find("志愿者1500,");
  auto with_issues = rows.substr(0, middle) + "王芳,1390000\n" + rows.substr(middle) + "志愿者0,13900000000\n";
  auto report = ws.import(ws.write("many.csv", with_issues));
  CHECK(summary(report) == "many.csv row 1: added 3000, updated 0, merged 1, unchanged 0, rejected 1, blank 0, total 0");
  auto found = issues(report);
  REQUIRE(found.size() == 2);
  CHECK(found[0].starts_with("1502:B (phone): rejected: "));
  CHECK(found[1] == "3003: merged: the same person as row 2: ");
  CHECK(ws.people_count() == 3000);

  Workspace other;
  auto broken = other.write("broken.csv", rows + "志愿者3000,13900003000," + past_first_chunk + "\n" +
                                              gb18030("志愿者3001,13900003001,\n"));
  CHECK(error_message<kangle::InputError>([&] { other.import(broken); }) ==
        broken.string() + ":3003: the text is not valid UTF-8; give the file's encoding with --encoding (utf-8, gbk, gb18030)");
  CHECK(other.people_count() == 0);
}

TEST_CASE("import: items made ahead come in order, then the error met after them, and the thread stops when left", "[import]") {
  using kangle::import::ReadAhead;
  auto counting_to = [](int last, bool fail) {
    return [=, made = 0](int& item, bool) mutable {
      if (made == last) {
        if (fail) throw std::runtime_error("broken after " + std::to_string(last));
        return false;
      }
      item = ++made;
      return true;
    };
  };
  for (bool fail : {false, true}) {
    ReadAhead<int> items(counting_to(5000, fail));  // more than the batches it may hold ahead
    int item = 0, taken = 0;
    bool in_order = true;
    auto take_all = [&] {
      while (items.next(item)) in_order = in_order && item == ++taken;
    };
    std::string error;
    try {
      take_all();
    } catch (const std::runtime_error& e) {
      error = e.what();
    }
    CHECK(error == (fail ? "broken after 5000" : ""));
    CHECK(taken == 5000);
    CHECK(in_order);
  }
  // The thread is told it is ahead once half its batches wait to be taken: never for the
  // first batch, and later when the caller is slow.
  {
    std::vector<char> made_ahead;  // by item, written by the thread only while it makes them
    ReadAhead<int> items([&, made = 0](int& item, bool ahead) mutable {
      if (made == 5000) return false;
      made_ahead.push_back(ahead ? 1 : 0);
      item = ++made;
      return true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // it fills its batches meanwhile
    int item = 0, taken = 0;
    while (items.next(item)) ++taken;
    CHECK(taken == 5000);
    REQUIRE(made_ahead.size() == 5000);  // every item is made before the last is taken
    CHECK(std::count(made_ahead.begin(), made_ahead.begin() + ReadAhead<int>::batch_items, 1) == 0);
    CHECK(std::count(made_ahead.begin(), made_ahead.end(), 1) > 0);
  }
  // Left after three items, with the thread waiting for room: it is told to stop, and stops.
  ReadAhead<int> endless([made = 0](int& item, bool) mutable {
    item = ++made;
    return true;
  });
  int item = 0;
  for (int i = 1; i <= 3; ++i) CHECK((endless.next(item) && item == i));
}

TEST_CASE("import: a total row however the word is written, and cells that only look like one", "[import]") {
  auto total = [](std::string text) {
    kangle::import::Row row{7, {}, 0};
    row.cells.resize(2);
    row.cells[1].text = std::move(text);
    return kangle::import::is_total_row(row);
  };
  for (const char* word : {"合计", "合 计", "总计：31人", "*小计", "共计", "总数", "TOTAL", "Sum:", "subtotal", "ｔｏｔａｌ",
                           "\u2F29计"}) {  // ⼩ (a Kangxi radical) becomes 小 under NFKC
    INFO(word);
    CHECK(total(word));
  }
  for (const char* word : {"小红", "共青团员", "合唱团", "Summer", "sums", "13800138000", "周二、周四上午", "《合计》"}) {
    INFO(word);
    CHECK_FALSE(total(word));
  }
}

TEST_CASE("import: the punctuation clean() passes over unfolded is what NFKC keeps", "[import]") {
  auto nfkc = [](const std::string& text) {
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> folded(
        utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str())), &std::free);
    return std::string(reinterpret_cast<const char*>(folded.get()));
  };
  for (const char* mark : {"、", "。", "“", "”", "‘", "’", "—", "·", "《", "》", "「", "」", "『", "』", "【", "】", "〈", "〉"}) {
    for (const std::string& text : {std::string(mark), "周二" + std::string(mark) + "a", "A" + std::string(mark) + "理发"}) {
      INFO(text);
      CHECK(kangle::text::nfkc_stable(text));
      CHECK(kangle::text::clean(text) == nfkc(text));
    }
  }
  for (const char* text : {"（注）", "１３８", "ｔｏｔａｌ", "\u2F29计", "e\u0301"}) {
    INFO(text);
    CHECK_FALSE(kangle::text::nfkc_stable(text));
  }
}

TEST_CASE("import: a second sign-up in the same file with only the ID number is merged", "[import]") {
  Workspace ws;
  auto report = ws.import(ws.write("signup.csv",
                                   "姓名,联系电话,身份证号,特长技能\n"
                                   "孙静,13800138012,310104199001011233,心理咨询\n"
                                   "孙静,,310104199001011233,书法\n"));

  CHECK(summary(report) == "signup.csv row 1: added 1, updated 0, merged 1, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"3: merged: the same person as row 2: skill + Calligraphy and writing"});
}

TEST_CASE("import xlsx: a hidden row is imported but listed as doubtful", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  auto* s = add_signup_sheet(book);
  book.row(s, 4, {"王建国", "13800138001", "", "护士"});
  book.row(s, 5, {"李秀英", "13800138002", "", "缝纫"});
  book.hide(s, 5);
  auto report = ws.import(book.close());

  CHECK(summary(report) == "报名表 row 3: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"5: doubtful: the row is hidden in the workbook (by hand or by a filter): imported; if it "
                                "was hidden to leave it out, delete it and import again"});
}

TEST_CASE("import xlsx: other sheets that look like sign-up sheets are named, each is read with --sheet", "[import]") {
  Workspace ws;
  Workbook book(ws.in("signup.xlsx"));
  book.row(book.sheet("说明"), 1, {"请在后面的工作表中填写"});
  book.row(add_signup_sheet(book, "丁香园"), 4, {"王建国", "13800138001", "", "护士"});
  book.row(add_signup_sheet(book, "樱花园"), 4, {"李秀英", "13800138002", "", "缝纫"});
  book.row(book.sheet("统计"), 1, {"合计", "2"});
  auto file = book.close();

  auto first = ws.import(file);
  CHECK(first.sheet == "丁香园");
  CHECK(first.other_sheets == std::vector<std::string>{"樱花园"});
  CHECK(ws.people_count() == 1);

  // The same workbook read as another sheet is not "already imported".
  ImportOptions options;
  options.file = file;
  options.table.sheet = "樱花园";
  auto second = ws.import(options, later_run);
  CHECK_FALSE(second.already_imported_at.has_value());
  CHECK(second.other_sheets.empty());
  CHECK(summary(second) == "樱花园 row 3: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(ws.people_count() == 2);
  // That sheet again is.
  CHECK(ws.import(options, later_run).already_imported_at == later_run);
}

TEST_CASE("import: a mapping given changes what the same file means, so it is read again", "[import]") {
  Workspace ws;
  auto file = ws.write("signup.csv", "姓名,联络号码,特长技能\n王建国,13800138001,护士\n");
  auto first = ws.import(file);
  CHECK(first.rejected == 1);  // no phone column known
  ImportOptions options;
  options.file = file;
  options.table.map = {{"联络号码", "phone"}};
  auto mapped = ws.import(options, later_run);
  CHECK_FALSE(mapped.already_imported_at.has_value());
  CHECK(mapped.added == 1);
}

TEST_CASE("import: NUL, control and zero-width characters are taken out of a cell, and the row says so", "[import]") {
  Workspace ws;
  std::string csv = "姓名,联系电话,特长技能\n";
  csv += std::string("张") + '\0' + "三,13800138001,护士\n";
  csv += "王\u200b芳,13800138002,缝纫\n";
  csv += "李四,13800138003,\x1b缝纫\n";
  auto report = ws.import(ws.write("signup.csv", csv));

  CHECK(summary(report) == "signup.csv row 1: added 3, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"2:A (姓名): doubtful: the cell held invisible control characters (the first U+0000): removed",
                                "3:A (姓名): doubtful: the cell held invisible control characters (the first U+200B): removed",
                                "4:C (特长技能): doubtful: the cell held invisible control characters (the first U+001B): removed"});
  CHECK(ws.by_phone("13800138001")->name == "张三");
  CHECK(ws.by_phone("13800138002")->name == "王芳");
}

}  // namespace import_test
