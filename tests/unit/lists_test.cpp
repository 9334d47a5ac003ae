// SPDX-License-Identifier: Apache-2.0
// The needs and resources lists: their value readers, the category matcher, the store,
// and import_needs / import_resources end to end on a fresh workspace (the kangjian
// example) for every case; workbooks written with libxlsxwriter, CSV byte by byte.
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/diagnostics.hpp"
#include "config/loader.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/categories.hpp"
#include "import/columns.hpp"
#include "import/lists.hpp"
#include "import/normalize.hpp"
#include "import_report.hpp"
#include "lists/model.hpp"
#include "lists/period.hpp"
#include "lists/store.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite_driver.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace lists_test {

using kangle::import::ImportOptions;
using kangle::import::ImportReport;
using kangle::import::RowIssue;
using kangle::lists::Need;
using kangle::lists::Resource;
using kangle::test::error_message;
using kangle::test::issues;
using kangle::test::kind_name;
using kangle::test::summary;
namespace fs = std::filesystem;

namespace {

constexpr const char* first_run = "2026-12-01T02:00:00Z";
constexpr const char* later_run = "2026-12-08T02:00:00Z";

using Lines = std::vector<std::string>;

kangle::Date ymd(int y, unsigned m, unsigned d) { return kangle::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

/// The example workspace, importing needs and resources.
class Workspace : public kangle::test::ImportWorkspace {
public:
  ImportReport needs(ImportOptions options, const std::string& now = first_run) {
    options.lang = kangle::Lang::en;  // the rejects file's reasons, as the tests compare them
    return kangle::import::import_needs(db_->sql(), config_, needs_aliases_, options, now);
  }
  ImportReport needs(const fs::path& file, const std::string& now = first_run) { return needs(options(file), now); }
  ImportReport resources(ImportOptions options, const std::string& now = first_run) {
    options.lang = kangle::Lang::en;
    return kangle::import::import_resources(db_->sql(), config_, resources_aliases_, options, now);
  }
  ImportReport resources(const fs::path& file, const std::string& now = first_run) { return resources(options(file), now); }

  kangle::lists::Store store() { return kangle::lists::Store(db_->sql()); }
  std::string need_updated_at(std::int64_t id) {
    kangle::storage::Statement q(db_->sql(), "SELECT updated_at FROM needs WHERE id = ?");
    q.bind(1, id);
    REQUIRE(q.step());
    return q.column(0).text();
  }
  std::vector<Need> stored_needs() { return store().needs({}); }
  std::vector<Resource> stored_resources() { return store().resources({}); }
  std::optional<Need> need(const std::string& code) { return store().find_need_by_code(code); }
  std::optional<Resource> resource(const std::string& code) { return store().find_resource_by_code(code); }

private:
  static ImportOptions options(const fs::path& file) {
    ImportOptions o;
    o.file = file;
    return o;
  }
  kangle::import::ColumnAliases needs_aliases_ = aliases("needs");
  kangle::import::ColumnAliases resources_aliases_ = aliases("resources");
};

Lines codes(const std::vector<Need>& needs) {
  Lines out;
  for (const auto& n : needs) out.push_back(n.code.empty() ? n.requester : n.code);
  return out;
}

/// The needs list the cases start from: a header and five rows, all well formed.
const std::string needs_header = "编号,需求人,联系电话,所在小区,需求类别,需求内容,服务人数,截止日期,困难类型,类型,心愿价值\n";
const std::string needs_rows =
    "XQ-001,王秀英,13900139001,丁香园,助老助残,想要一台收音机,1,2026-12-31,孤老,微心愿,150元\n"
    "XQ-002,陈桂芳,139 0013 9002,樱花园,理发,卧床老人上门理发,1,2026/12/20,独居老人,,\n"
    "XQ-003,樱花园小区,,樱花园,加装电梯咨询,3号楼加装电梯政策咨询,40,2027年1月15日,,,\n"
    ",玉兰园居民区,,玉兰园,消杀,楼道灭蟑螂,120,长期,,,\n"
    "XQ-005,李建华,13900139005,丁香园,法律服务,房屋继承纠纷,2,,否,,\n";

const std::string resources_header = "编号,资源提供方,提供方类型,联系人,联系电话,服务类别,资源内容,服务半径,可承接数量,服务周期,费用\n";

}  // namespace

// ─── reading values ──────────────────────────────────────────────────────────────

TEST_CASE("parse_radius: metres, kilometres, the whole street, and what it cannot read", "[lists]") {
  using kangle::import::parse_radius;
  auto metres = [](std::string_view text) -> std::optional<int> {
    auto r = parse_radius(text);
    if (!r || r->anywhere) return std::nullopt;
    return r->metres;
  };
  CHECK(metres("500米") == 500);
  CHECK(metres("500") == 500);
  CHECK(metres("800m") == 800);
  CHECK(metres("１公里") == 1000);
  CHECK(metres("1.5km") == 1500);
  CHECK(metres("2千米以内") == 2000);
  CHECK(metres("方圆800米") == 800);
  for (auto anywhere : {"全街道", "街道内", "不限"}) {
    auto r = parse_radius(anywhere);
    REQUIRE(r);
    CHECK(r->anywhere);
  }
  CHECK_FALSE(parse_radius("附近"));
  auto own_place = parse_radius("0米");  // only its own place: never the whole street
  REQUIRE(own_place);
  CHECK_FALSE(own_place->anywhere);
  CHECK(own_place->metres == 0);
  CHECK(metres("0") == 0);
  CHECK_FALSE(parse_radius("500-800米"));
}

TEST_CASE("parse_money_fen: yuan with and without decimals, free, and what it cannot read", "[lists]") {
  using kangle::import::parse_money_fen;
  CHECK(parse_money_fen("200") == 20000);
  CHECK(parse_money_fen("200元") == 20000);
  CHECK(parse_money_fen("¥12.5") == 1250);
  CHECK(parse_money_fen("￥12.50") == 1250);
  CHECK(parse_money_fen("1,200 元") == 120000);
  CHECK(parse_money_fen("约50元") == 5000);
  CHECK(parse_money_fen("30元/次") == 3000);
  CHECK(parse_money_fen("免费") == 0);
  CHECK(parse_money_fen("0") == 0);
  CHECK_FALSE(parse_money_fen("面议"));
  CHECK_FALSE(parse_money_fen("材料费"));
  CHECK_FALSE(parse_money_fen("12.345元"));
}

TEST_CASE("parse_count: numbers with their words, and ranges refused", "[lists]") {
  using kangle::import::parse_count;
  CHECK(parse_count("3") == 3);
  CHECK(parse_count("3人") == 3);
  CHECK(parse_count("约20人") == 20);
  CHECK(parse_count("每月2场") == 2);
  CHECK(parse_count("20.0") == 20);
  CHECK_FALSE(parse_count("20-30人"));
  CHECK_FALSE(parse_count("若干"));
  CHECK_FALSE(parse_count("2.5"));
}

TEST_CASE("normalize_period: quarters in one form, other text as written", "[lists]") {
  using kangle::import::normalize_period;
  CHECK(normalize_period("2026年第四季度") == "2026Q4");
  CHECK(normalize_period("2026年4季度") == "2026Q4");
  CHECK(normalize_period("2026 q4") == "2026Q4");
  CHECK(normalize_period("2026-Q1") == "2026Q1");
  CHECK(normalize_period("每周二") == "每周二");
  CHECK(normalize_period("2026年全年") == "2026年全年");
}

TEST_CASE("parse_loose_date and clean_prose", "[lists]") {
  using kangle::parse_loose_date;
  CHECK(parse_loose_date("2026-12-31") == ymd(2026, 12, 31));
  CHECK(parse_loose_date("2026/12/31") == ymd(2026, 12, 31));
  CHECK(parse_loose_date("2026年12月31日") == ymd(2026, 12, 31));
  CHECK(parse_loose_date("2026-12-31 00:00") == ymd(2026, 12, 31));
  CHECK_FALSE(parse_loose_date("2026-02-30"));
  CHECK_FALSE(parse_loose_date("下个月"));
  // Chinese punctuation stays; full-width digits and U+3000 do not.
  CHECK(kangle::text::clean_prose("\xE3\x80\x80卧床多年，希望上门理发（３号楼）") == "卧床多年，希望上门理发（3号楼）");
}

TEST_CASE("CategoryMatcher: categories, services, skills and words inside", "[lists]") {
  Workspace ws;
  kangle::import::CategoryMatcher m(ws.config().catalogue);
  CHECK(m.match("legal") == "legal");
  CHECK(m.match("法律服务") == "legal");
  CHECK(m.match("法律类") == "legal");
  CHECK(m.match("Legal services") == "legal");
  CHECK(m.match("理发") == "life");             // a service's name: its category
  CHECK(m.match("剪发") == "life");             // a skill alias whose services are all in one category
  CHECK(m.match("加装电梯咨询") == "policy");
  CHECK(m.match("为卧床老人上门理发") == "life");  // a known word inside
  CHECK_FALSE(m.match("修车"));                  // bicycle repair and wheelchair repair: two categories
  CHECK_FALSE(m.match("家政保洁"));
  CHECK(m.nearest("心里咨询") == "心理咨询");
}

// ─── the store ───────────────────────────────────────────────────────────────────

TEST_CASE("lists::Store: a need and a resource with every field come back as stored", "[lists]") {
  Workspace ws;
  auto store = ws.store();
  Need n;
  n.code = "XQ-9";
  n.requester_kind = kangle::lists::RequesterKind::household;
  n.requester = "孙立新家庭";
  n.phone = "13900139007";
  n.compound = "桂林苑";
  n.address = "桂林苑2号";
  n.location = kangle::lists::Coordinates{31.1583, 121.4215};
  n.category = "mental-care";
  n.description = "亲子沟通指导";
  n.people = 3;
  n.deadline = ymd(2027, 1, 31);
  n.vulnerable = true;
  n.vulnerability = "困难家庭";
  n.micro_wish = true;
  n.value_fen = 8000;
  n.wanted = 2;
  n.status = kangle::lists::NeedStatus::matched;
  n.note = "晚上在家";
  n.id = store.insert(n, first_run);
  CHECK(store.find_need_by_code("XQ-9") == n);
  CHECK(store.find_need_by_key(n, kangle::lists::KeyScope::any) == n);
  CHECK_FALSE(store.find_need_by_key(n, kangle::lists::KeyScope::uncoded));
  CHECK(store.needs({kangle::lists::NeedStatus::open, ""}).empty());
  CHECK(store.needs({kangle::lists::NeedStatus::matched, "mental-care"}).size() == 1);

  Resource r;
  r.code = "ZY-9";
  r.provider = "张伟";
  r.provider_kind = kangle::lists::ProviderKind::volunteer;
  r.unit = "徐汇区环卫所";
  r.contact = "张伟";
  r.phone = "13800138003";
  r.category = "life";
  r.description = "上门理发";
  r.radius_m = 800;
  r.capacity = 6;
  r.period = "2026Q4";
  r.cost_fen = 0;
  r.id = store.insert(r, first_run);
  CHECK(store.find_resource_by_code("ZY-9") == r);
  CHECK(store.resources({"环卫", ""}).size() == 1);
  CHECK(store.resources({"", "legal"}).empty());
  CHECK(store.count_needs() == 1);
  CHECK(store.count_resources() == 1);
}

TEST_CASE("lists::Store: the database refuses what the schema rules out", "[lists]") {
  Workspace ws;
  auto store = ws.store();
  Need n;
  n.requester = "王秀英";
  n.category = "elderly-care";
  n.people = 0;  // CHECK (people > 0)
  CHECK_THROWS_AS(store.insert(n, first_run), kangle::storage::DatabaseError);
  n.people = 1;
  n.location = kangle::lists::Coordinates{131.0, 121.0};  // a latitude above 90
  CHECK_THROWS_AS(store.insert(n, first_run), kangle::storage::DatabaseError);
  CHECK(store.count_needs() == 0);
}

TEST_CASE("lists::Store: needs settled by the hundred from their projects' counts, a cancelled or closed one left", "[lists]") {
  Workspace ws;
  auto store = ws.store();
  // 600 needs: more than one statement's worth. Need k wants k % 3 + 1 places; a tenth are
  // cancelled or closed.
  using kangle::lists::NeedStatus;
  std::vector<kangle::lists::Store::NeedProjects> counts;
  std::vector<Need> stored;
  for (int k = 0; k < 600; ++k) {
    Need n;
    n.requester = "居民" + std::to_string(k);
    n.category = "life";
    n.description = "上门理发";
    n.wanted = k % 3 + 1;
    n.status = k % 20 == 0 ? NeedStatus::cancelled : k % 20 == 10 ? NeedStatus::closed : NeedStatus::open;
    if (n.status == NeedStatus::closed) n.closed_reason = "已由其他渠道解决";
    n.id = store.insert(n, first_run);
    stored.push_back(n);
    counts.push_back({n.id, k % 4, k % 5 == 0 ? k % 4 : 0});
  }
  store.settle_need_statuses(counts, later_run);
  for (std::size_t k = 0; k < stored.size(); ++k) {
    const auto& before = stored[k];
    auto after = store.find_need(before.id).value();
    auto expected = before.status;
    if (expected == NeedStatus::open) {
      expected = counts[k].done >= before.wanted ? NeedStatus::done
                 : counts[k].live >= before.wanted ? NeedStatus::matched
                                                  : NeedStatus::open;
    }
    CHECK(after.status == expected);
    CHECK(ws.need_updated_at(before.id) == (before.status == NeedStatus::open ? later_run : first_run));
  }
  // A matched need whose projects all went is open again.
  store.settle_need_statuses({{stored[1].id, 0, 0}}, later_run);
  CHECK(store.find_need(stored[1].id).value().status == NeedStatus::open);
}

// ─── importing needs ─────────────────────────────────────────────────────────────

TEST_CASE("import needs: every field read, categories mapped, vulnerable residents listed first", "[lists]") {
  Workspace ws;
  auto report = ws.needs(ws.write("needs.csv", needs_header + needs_rows));

  CHECK(summary(report) == "needs.csv row 1: added 5, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report).empty());
  CHECK(report.ignored_columns.empty());
  // Vulnerable first, then by deadline (none last), then as imported.
  CHECK(codes(ws.stored_needs()) == Lines{"XQ-002", "XQ-001", "XQ-003", "玉兰园居民区", "XQ-005"});

  auto wish = ws.need("XQ-001");
  REQUIRE(wish);
  CHECK(wish->requester_kind == kangle::lists::RequesterKind::resident);
  CHECK(wish->category == "elderly-care");
  CHECK(wish->micro_wish);
  CHECK(wish->value_fen == 15000);
  CHECK(wish->vulnerable);
  CHECK(wish->vulnerability == "孤老");
  CHECK(wish->deadline == ymd(2026, 12, 31));
  CHECK(wish->status == kangle::lists::NeedStatus::open);
  CHECK(wish->wanted == 1);

  auto haircut = ws.need("XQ-002");
  REQUIRE(haircut);
  CHECK(haircut->phone == "13900139002");
  CHECK(haircut->category == "life");
  CHECK(haircut->deadline == ymd(2026, 12, 20));
  CHECK_FALSE(haircut->micro_wish);

  auto lift = ws.need("XQ-003");
  REQUIRE(lift);
  CHECK(lift->requester_kind == kangle::lists::RequesterKind::compound);
  CHECK(lift->category == "policy");
  CHECK(lift->people == 40);
  CHECK(lift->deadline == ymd(2027, 1, 15));
  CHECK_FALSE(lift->vulnerable);

  auto pests = ws.stored_needs()[3];
  CHECK(pests.code.empty());
  CHECK(pests.requester_kind == kangle::lists::RequesterKind::compound);
  CHECK(pests.category == "health");
  CHECK_FALSE(pests.deadline.has_value());  // 长期: no deadline, and not doubtful
  CHECK(ws.import_rows() == 1);
}

TEST_CASE("import needs: rejected rows go to the rejects file with their reasons, doubtful ones are imported", "[lists]") {
  Workspace ws;
  auto file = ws.write("needs.csv", needs_header +
                                        "XQ-006,周玉珍,1390013900,樱花园,健康服务,每周上门测血压,1,,残疾,,\n"
                                        "XQ-007,吴德明,13900139009,康乐小区,心里咨询,情绪低落,1,,独居老人,,\n"
                                        "XQ-008,,,,生活服务,没人提的需求,1,,,,\n"
                                        "XQ-009,钱淑英,13900139010,樱花园,数字助老,教用手机挂号,一人,下个月,其他,,面议\n"
                                        "XQ-010,郑大爷,13900139011,樱花园,家政保洁,打扫卫生,1,,,,\n");
  auto report = ws.needs(file);

  CHECK(summary(report) == "needs.csv row 1: added 1, updated 0, merged 0, unchanged 0, rejected 4, blank 0, total 0");
  CHECK(issues(report) ==
        Lines{"2:C (联系电话): rejected: phone \"1390013900\" is neither an 11-digit mobile number nor a landline (64001234, 021-64001234)",
              "3:E (需求类别): rejected: unknown category \"心里咨询\" (did you mean \"心理咨询\"?)",
              "4:B (需求人): rejected: no requester and no compound: nobody to serve",
              "5:G (服务人数): doubtful: cannot read the number \"一人\" (e.g. 3, 3人); imported without it",
              "5:H (截止日期): doubtful: cannot read the deadline \"下个月\" (e.g. 2026-12-31, 2026年12月31日); imported without one",
              "5:K (心愿价值): doubtful: cannot read the amount \"面议\" (e.g. 200元, 免费); imported without it",
              "6:E (需求类别): rejected: unknown category \"家政保洁\" (categories: Digital help, Help for the elderly and "
              "disabled, Health, Culture and heritage, Legal services, Everyday services, Mental wellbeing, Policy advice, "
              "Repairs)"});
  REQUIRE(report.rejects_file.has_value());
  CHECK(ws.read(*report.rejects_file) ==
        "\xEF\xBB\xBF"
        "编号,需求人,联系电话,所在小区,需求类别,需求内容,服务人数,截止日期,困难类型,类型,心愿价值,reason\r\n"
        "XQ-006,周玉珍,1390013900,樱花园,健康服务,每周上门测血压,1,,残疾,,,\"phone \"\"1390013900\"\" is neither an 11-digit mobile number nor a landline (64001234, 021-64001234)\"\r\n"
        "XQ-007,吴德明,13900139009,康乐小区,心里咨询,情绪低落,1,,独居老人,,,\"unknown category \"\"心里咨询\"\" (did you mean \"\"心理咨询\"\"?)\"\r\n"
        "XQ-008,,,,生活服务,没人提的需求,1,,,,,no requester and no compound: nobody to serve\r\n"
        "XQ-010,郑大爷,13900139011,樱花园,家政保洁,打扫卫生,1,,,,,\"unknown category \"\"家政保洁\"\" (categories: Digital help, "
        "Help for the elderly and disabled, Health, Culture and heritage, Legal services, Everyday services, Mental "
        "wellbeing, Policy advice, Repairs)\"\r\n");
  // The doubtful row is in, without what could not be read, and "其他" read as a group's name.
  auto qian = ws.need("XQ-009");
  REQUIRE(qian);
  CHECK(qian->people == 1);
  CHECK_FALSE(qian->deadline.has_value());
  CHECK_FALSE(qian->value_fen.has_value());
  CHECK(qian->vulnerable);
  CHECK(qian->vulnerability == "其他");
  CHECK(codes(ws.stored_needs()) == Lines{"XQ-009"});
}

TEST_CASE("import needs: a later list updates a need by its code and says what changed", "[lists]") {
  Workspace ws;
  ws.needs(ws.write("first.csv", needs_header + needs_rows));
  auto report = ws.needs(ws.write("second.csv",
                                  needs_header +
                                      "XQ-005,李建华,13900139005,丁香园,法律服务,房屋继承纠纷和遗嘱公证,2,2026-12-24,否,,\n"
                                      "XQ-001,王秀英,13900139001,丁香园,助老助残,想要一台收音机,1,2026-12-31,孤老,微心愿,150元\n"),
                         later_run);

  CHECK(summary(report) == "second.csv row 1: added 0, updated 1, merged 0, unchanged 1, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"2: updated: already listed: Description: 房屋继承纠纷 → 房屋继承纠纷和遗嘱公证, "
                                "Deadline: - → 2026-12-24"});
  auto li = ws.need("XQ-005");
  REQUIRE(li);
  CHECK(li->description == "房屋继承纠纷和遗嘱公证");
  CHECK(li->deadline == ymd(2026, 12, 24));
  CHECK(li->compound == "丁香园");
  CHECK(ws.stored_needs().size() == 5);
  CHECK(ws.import_rows() == 2);
}

TEST_CASE("import needs: the same rows again in another file change nothing", "[lists]") {
  Workspace ws;
  ws.needs(ws.write("first.csv", needs_header + needs_rows));
  auto before = ws.stored_needs();
  // Other bytes (a title row, a total row), the same needs: each found by its code, or
  // without one by its requester, category and description.
  auto report = ws.needs(ws.write("again.csv", "需求清单（12月）\n" + needs_header + needs_rows + "合计,5条\n"), later_run);

  CHECK(summary(report) == "again.csv row 2: added 0, updated 0, merged 0, unchanged 5, rejected 0, blank 0, total 1");
  CHECK(issues(report).empty());
  CHECK(ws.stored_needs() == before);
  kangle::storage::Statement touched(ws.sql(), "SELECT count(*) FROM needs WHERE updated_at = ?");
  touched.bind(1, later_run);
  REQUIRE(touched.step());
  CHECK(touched.column(0).int32() == 0);

  // The very same file is refused as a whole.
  auto same = ws.needs(ws.in("first.csv"), later_run);
  REQUIRE(same.already_imported_at.has_value());
  CHECK(*same.already_imported_at == first_run);
  CHECK(ws.import_rows() == 2);
}

TEST_CASE("import needs: a dry run reports what a real run would do and writes nothing", "[lists]") {
  Workspace ws;
  auto file = ws.write("needs.csv", needs_header + needs_rows + "XQ-006,周玉珍,1390013900,樱花园,健康服务,测血压,1,,,,\n");
  ImportOptions options;
  options.file = file;
  options.dry_run = true;
  auto dry = ws.needs(options);

  const std::string expected = "needs.csv row 1: added 5, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 0";
  CHECK(dry.dry_run);
  CHECK(summary(dry) == expected);
  CHECK_FALSE(dry.rejects_file.has_value());
  CHECK_FALSE(fs::exists(ws.in("needs.rejects.csv")));
  CHECK(ws.stored_needs().empty());
  CHECK(ws.import_rows() == 0);

  auto real = ws.needs(file);
  CHECK_FALSE(real.already_imported_at.has_value());
  CHECK(summary(real) == expected);
  CHECK(ws.stored_needs().size() == 5);
}

TEST_CASE("import needs: the same need twice in one file is merged, a code adopts a need imported without one", "[lists]") {
  Workspace ws;
  auto report = ws.needs(ws.write("needs.csv",
                                  needs_header +
                                      ",玉兰园居民区,,玉兰园,消杀,楼道灭蟑螂,120,,,,\n"
                                      ",玉兰园居民区,,玉兰园,消杀,楼道灭蟑螂,150,2026-12-05,,,\n"));
  CHECK(summary(report) == "needs.csv row 1: added 1, updated 0, merged 1, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"3: merged: the same need as row 2: People: 120 → 150, Deadline: - → 2026-12-05"});

  auto coded = ws.needs(ws.write("coded.csv", needs_header + "XQ-004,玉兰园居民区,,玉兰园,消杀,楼道灭蟑螂,150,2026-12-05,,,\n"),
                        later_run);
  CHECK(summary(coded) == "coded.csv row 1: added 0, updated 1, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(coded) == Lines{"2: updated: already listed: Code: - → XQ-004"});
  CHECK(ws.stored_needs().size() == 1);
  CHECK(ws.need("XQ-004").has_value());
}

TEST_CASE("import needs: micro-wishes from a sheet whose name says 微心愿, deadlines from date cells", "[lists]") {
  Workspace ws;
  auto path = ws.in("wishes.xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  REQUIRE(book);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_worksheet* s = workbook_add_worksheet(book, "2026年12月微心愿");
  const char* header[] = {"心愿人", "是否困难群体", "需求类别", "心愿内容", "完成时限", "心愿价值", "需认领数"};
  for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(s, 0, c, header[c], nullptr);
  const char* row[] = {"冯兰英", "是", "助老助残", "电热水袋", nullptr, "¥50", "2"};
  for (lxw_col_t c = 0; c < 7; ++c) {
    if (row[c]) worksheet_write_string(s, 1, c, row[c], nullptr);
  }
  lxw_datetime when = {2026, 12, 20, 0, 0, 0};
  worksheet_write_datetime(s, 1, 4, &when, date);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);

  auto report = ws.needs(path);
  CHECK(summary(report) == "2026年12月微心愿 row 1: added 1, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  auto needs = ws.stored_needs();
  REQUIRE(needs.size() == 1);
  CHECK(needs[0].micro_wish);
  CHECK(needs[0].vulnerable);
  CHECK(needs[0].vulnerability.empty());
  CHECK(needs[0].deadline == ymd(2026, 12, 20));
  CHECK(needs[0].value_fen == 5000);
  CHECK(needs[0].wanted == 2);
}

TEST_CASE("import needs: a file that fails midway leaves the lists as they were", "[lists]") {
  Workspace ws;
  ws.needs(ws.write("first.csv", needs_header + needs_rows));
  auto before = ws.stored_needs();
  // Valid UTF-8 through the first 64 KiB, so detection says UTF-8: a new need and an
  // update are written before the reader meets a byte UTF-8 never has.
  auto broken = ws.write("broken.csv", needs_header + "XQ-100,新居民,13900139100,丁香园,理发,上门理发,1,,,,\n" +
                                           "XQ-005,李建华,13900139005,丁香园,法律服务,改了的内容,2,,,,\n" +
                                           "XQ-101,长需求,13900139101,丁香园,理发," + std::string(70'000, 'x') + ",1,,,,\n" +
                                           "XQ-102,\xff\xfe,13900139102,丁香园,理发,上门理发,1,,,,\n");
  std::string error;
  try {
    ws.needs(broken, later_run);
  } catch (const kangle::InputError& e) {
    error = e.what();
  }
  CHECK_FALSE(error.empty());
  CHECK(ws.stored_needs() == before);
  CHECK(ws.import_rows() == 1);
}

// ─── importing resources ─────────────────────────────────────────────────────────

TEST_CASE("import resources: units and volunteers, radius, capacity, period and cost read", "[lists]") {
  Workspace ws;
  auto report = ws.resources(ws.write(
      "resources.csv",
      resources_header +
          "ZY-001,上海师范大学法政学院,单位,蒋老师,13700137001,法律服务,法律咨询,全街道,8,2026年第四季度,免费\n"
          "ZY-002,康健街道社区卫生服务中心,,王医生,13700137002,健康服务,上门测血压,1公里,20,2026Q4,\n"
          "ZY-004,交通银行康健支行,,张行长,13700137004,数字助老,防范电信诈骗讲座,1.5km,每月2场,,30元/次\n"
          "ZY-007,张伟,,张伟,13800138003,理发,上门理发,800米,6,每周二,免费\n"
          "ZY-011,康健街道团工委,,小陈,13700137011,非遗手工,剪纸体验课,附近,两场,2026Q4,材料费\n"
          "ZY-012,康健家政服务社,,何阿姨,13700137012,家政保洁,打扫卫生,1公里,5,2026Q4,\n"
          "合计,,,,,,,,41\n"));

  CHECK(summary(report) == "resources.csv row 1: added 5, updated 0, merged 0, unchanged 0, rejected 1, blank 0, total 1");
  CHECK(issues(report) ==
        Lines{"6:H (服务半径): doubtful: cannot read the radius \"附近\" (e.g. 500米, 1公里, 全街道); taken as the whole street",
              "6:I (可承接数量): doubtful: cannot read the number \"两场\" (e.g. 3, 3人); imported without it",
              "6:K (费用): doubtful: cannot read the amount \"材料费\" (e.g. 200元, 免费); imported without it",
              "7:F (服务类别): rejected: unknown category \"家政保洁\" (categories: Digital help, Help for the elderly and "
              "disabled, Health, Culture and heritage, Legal services, Everyday services, Mental wellbeing, Policy advice, "
              "Repairs)"});
  auto law = ws.resource("ZY-001");
  REQUIRE(law);
  CHECK(law->provider_kind == kangle::lists::ProviderKind::unit);
  CHECK(law->unit == "上海师范大学法政学院");
  CHECK(law->category == "legal");
  CHECK_FALSE(law->radius_m.has_value());
  CHECK(law->capacity == 8);
  CHECK(law->period == "2026Q4");
  CHECK(law->cost_fen == 0);
  auto health = ws.resource("ZY-002");
  REQUIRE(health);
  CHECK(health->radius_m == 1000);
  CHECK_FALSE(health->cost_fen.has_value());
  auto bank = ws.resource("ZY-004");
  REQUIRE(bank);
  CHECK(bank->provider_kind == kangle::lists::ProviderKind::unit);
  CHECK(bank->radius_m == 1500);
  CHECK(bank->capacity == 2);
  CHECK(bank->cost_fen == 3000);
  auto barber = ws.resource("ZY-007");
  REQUIRE(barber);
  CHECK(barber->provider_kind == kangle::lists::ProviderKind::volunteer);
  CHECK(barber->unit.empty());
  CHECK(barber->category == "life");
  CHECK(barber->period == "每周二");
  auto crafts = ws.resource("ZY-011");
  REQUIRE(crafts);
  CHECK(crafts->category == "heritage");
  CHECK_FALSE(crafts->radius_m.has_value());
  CHECK(crafts->capacity == 1);
  CHECK(ws.stored_resources().size() == 5);
}

TEST_CASE("import needs and resources: the services a category cell or a description names", "[lists]") {
  Workspace ws;
  auto needs = ws.needs(ws.write("needs.csv", needs_header +
                                                  "XQ-011,丁香园居民区,,丁香园,消杀,楼道灭蟑螂、垃圾厢房消杀,120,,,,\n"
                                                  "XQ-008,周玉珍,13900139008,樱花园,健康服务,希望每周上门测血压,1,,残疾,,\n"
                                                  "XQ-010,钱淑英,13900139010,樱花园,数字助老,教我用手机挂号和视频通话,1,,,,\n"
                                                  "XQ-013,孙大爷,13900139013,樱花园,健康服务,想找人聊聊,1,,,,\n"
                                                  "XQ-014,王阿婆,13900139014,樱花园,Health,pest control in the stairwell,1,,,,\n"
                                                  "XQ-001,王秀英,13900139001,丁香园,助老助残,想要一台收音机,1,,孤老,微心愿,150元\n"));
  CHECK(summary(needs) == "needs.csv row 1: added 6, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  // Not named: imported, matched by its category, and said; a micro-wish asks for a thing.
  CHECK(issues(needs) == Lines{"5:F (需求内容): doubtful: \"健康服务\" and \"想找人聊聊\" name no service of Health: matched by "
                               "the category alone (services.toml's keywords may name it)"});
  using Ids = std::vector<std::string>;
  CHECK(ws.need("XQ-011")->services == Ids{"disinfection"});  // the category cell, and 灭蟑螂 in the description
  CHECK(ws.need("XQ-011")->category == "health");
  CHECK(ws.need("XQ-008")->services == Ids{"blood-pressure"});
  CHECK(ws.need("XQ-010")->services == Ids{"online-services-help", "phone-guidance"});
  CHECK(ws.need("XQ-013")->services.empty());
  CHECK(ws.need("XQ-013")->category == "health");
  CHECK(ws.need("XQ-014")->services == Ids{"disinfection"});  // an English keyword
  CHECK(ws.need("XQ-001")->services.empty());

  auto resources = ws.resources(ws.write(
      "resources.csv", resources_header +
                           "ZY-002,康健街道社区卫生服务中心,单位,王医生,13700137002,健康服务,上门测血压、测血糖，健康咨询,1公里,20,2026Q4,免费\n"
                           "ZY-003,上海康洁有害生物防治有限公司,单位,李经理,13700137003,消杀,小区、楼道、垃圾厢房专业消杀,全街道,4,2026Q4,免费\n"
                           "ZY-005,交通银行康健支行,单位,张行长,13700137004,助老助残,认领微心愿（每件200元以内）,全街道,10,2026Q4,\n"
                           "ZY-010,上海师范大学法政学院,单位,蒋老师,13700137001,法律服务,婚姻家庭纠纷调解,全街道,4,2026Q4,免费\n"));
  CHECK(issues(resources).empty());
  CHECK(ws.resource("ZY-002")->services == Ids{"blood-pressure", "blood-sugar", "health-advice"});
  CHECK(ws.resource("ZY-003")->services == Ids{"disinfection"});
  CHECK(ws.resource("ZY-005")->services.empty());
  CHECK(ws.resource("ZY-010")->services == Ids{"mediation"});

  // A later list that names the need's service differently says what changed.
  auto later = ws.needs(ws.write("later.csv", needs_header + "XQ-013,孙大爷,13900139013,樱花园,健康服务,想找人聊聊，量血糖,1,,,,\n"),
                        later_run);
  CHECK(issues(later) == Lines{"2: updated: already listed: Services: - → Blood-sugar test, Description: 想找人聊聊 → 想找人聊聊，量血糖"});
  CHECK(ws.need("XQ-013")->services == Ids{"blood-sugar"});
}

TEST_CASE("import needs: a 服务项目 column names services of the row's category, others are said and left out", "[lists]") {
  Workspace ws;
  auto report = ws.needs(ws.write("needs.csv", "需求人,所在小区,需求类别,服务项目,需求内容\n"
                                               "赵大爷,樱花园,健康服务,测血糖、灭鼠,上门\n"
                                               "钱阿姨,樱花园,健康服务,理发,上门\n"));
  CHECK(summary(report) == "needs.csv row 1: added 2, updated 0, merged 0, unchanged 0, rejected 0, blank 0, total 0");
  CHECK(issues(report) ==
        Lines{"3:D (服务项目): doubtful: service \"理发\" belongs to Everyday services, not to Health",
              "3:E (需求内容): doubtful: \"健康服务\" and \"上门\" name no service of Health: matched by the category alone "
              "(services.toml's keywords may name it)"});
  auto needs = ws.stored_needs();
  REQUIRE(needs.size() == 2);
  CHECK(needs[0].services == std::vector<std::string>{"blood-sugar", "disinfection"});
  CHECK(needs[1].services.empty());
}

TEST_CASE("ServiceMatcher and resolve_service: a service by its words, as match add's --service takes it", "[lists]") {
  Workspace ws;
  const auto& catalogue = ws.config().catalogue;
  kangle::import::ServiceMatcher m(catalogue);
  using Ids = std::vector<std::string>;
  CHECK(m.named("health", "消杀", "") == Ids{"disinfection"});
  CHECK(m.named("health", "Disinfection and pest control", "") == Ids{"disinfection"});
  CHECK(m.named("health", "健康服务", "灭鼠") == Ids{"disinfection"});
  CHECK(m.named("health", "健康服务", "测血压") == Ids{"blood-pressure"});
  CHECK(m.named("life", "生活服务", "测血压").empty());  // a service of another category
  CHECK(m.named("health", "健康服务", "").empty());
  CHECK(kangle::config::resolve_service(catalogue, "disinfection").id == "disinfection");
  CHECK(kangle::config::resolve_service(catalogue, "消杀").id == "disinfection");
  CHECK(kangle::config::resolve_service(catalogue, "灭蟑螂").id == "disinfection");  // a keyword, as the 服务项目 column reads it
  CHECK(kangle::config::resolve_service(catalogue, "Haircut").id == "haircut");
  CHECK(error_message<kangle::UsageError>([&] { kangle::config::resolve_service(catalogue, "消毒杀"); }) ==
        "unknown service \"消毒杀\" (did you mean \"消杀\"?)");
}

TEST_CASE("import resources: without codes, the same provider, category and description is the same resource", "[lists]") {
  Workspace ws;
  const std::string header = "共建单位,服务类别,服务内容,可承接数量\n";
  ws.resources(ws.write("first.csv", header + "交通银行康健支行,助老助残,认领微心愿,10\n上海康健物业管理有限公司,政策咨询,加装电梯政策解读,2\n"));
  auto report = ws.resources(ws.write("second.csv", header + "交通银行康健支行,助老助残,认领微心愿,12\n上海康健物业管理有限公司,政策咨询,加装电梯政策解读,2\n"),
                             later_run);

  CHECK(summary(report) == "second.csv row 1: added 0, updated 1, merged 0, unchanged 1, rejected 0, blank 0, total 0");
  CHECK(issues(report) == Lines{"2: updated: already listed: Capacity: 10 → 12"});
  auto all = ws.stored_resources();
  REQUIRE(all.size() == 2);
  CHECK(all[1].provider == "交通银行康健支行");
  CHECK(all[1].capacity == 12);
}

TEST_CASE("lists display: statuses and money and radii in the language given", "[lists]") {
  using kangle::Lang;
  CHECK(kangle::lists::display(kangle::lists::NeedStatus::open, Lang::zh_CN) == "待对接");
  CHECK(kangle::lists::display(kangle::lists::NeedStatus::open, Lang::en) == "open");
  CHECK(kangle::lists::display_money(20000, Lang::zh_CN) == "200元");
  CHECK(kangle::lists::display_money(1250, Lang::en) == "¥12.50");
  CHECK(kangle::lists::display_radius(1500, Lang::zh_CN) == "1.5公里");
  CHECK(kangle::lists::display_radius(2000, Lang::en) == "2 km");
}

TEST_CASE("migration 16 rebuilds needs and resources, keeps every row and the projects naming them") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "kangle.db";
  const auto& all = kangle::storage::migrations();
  {
    // A workspace as version 15 left it: a need, a resource and the project between them.
    auto old = kangle::test::sqlite_at_version(file, 15);
    old.exec("INSERT INTO needs (id, code, requester, phone, category, created_at, updated_at) "
             "VALUES (3, 'XQ-003', '王秀英', '13900139001', 'health', 'x', 'x')");
    old.exec("INSERT INTO resources (id, code, provider, category, radius_m, created_at, updated_at) "
             "VALUES (5, 'ZY-005', '社区卫生服务中心', 'health', 1000, 'x', 'x')");
    old.exec("INSERT INTO projects (id, need_id, resource_id, status, created_at, updated_at) "
             "VALUES (1, 3, 5, 'proposed', 'x', 'x')");
  }
  kangle::storage::Database db(file, kangle::storage::Access::read_write);
  auto& sql = db.sql();
  CHECK(sql.query_integer("PRAGMA user_version") == static_cast<int>(all.size()));
  kangle::lists::Store store(sql);
  auto need = store.find_need_by_code("XQ-003");
  REQUIRE(need);
  CHECK(need->phone == "13900139001");
  CHECK(need->services.empty());
  CHECK(store.find_resource_by_code("ZY-005")->radius_m == 1000);
  CHECK(sql.query_integer("SELECT count(*) FROM projects WHERE need_id = 3 AND resource_id = 5") == 1);
  CHECK(sql.query_integer("PRAGMA foreign_keys") == 1);
  CHECK_THROWS(sql.exec("INSERT INTO projects (need_id, resource_id, status, created_at, updated_at) "
                        "VALUES (99, 5, 'proposed', 'x', 'x')"));
  // The new checks: a landline for a need, a closed need says why, a radius of 0.
  CHECK_NOTHROW(sql.exec("UPDATE needs SET phone = '64001234' WHERE id = 3"));
  CHECK_THROWS(sql.exec("UPDATE needs SET status = 'closed' WHERE id = 3"));
  CHECK_NOTHROW(sql.exec("UPDATE needs SET status = 'closed', closed_reason = '已搬走' WHERE id = 3"));
  CHECK_NOTHROW(sql.exec("UPDATE resources SET radius_m = 0 WHERE id = 5"));
  // Services round-trip through the store.
  auto resource = *store.find_resource_by_code("ZY-005");
  resource.services = {"blood-pressure", "health-talk"};
  store.update(resource, "y");
  CHECK(store.find_resource_by_code("ZY-005")->services == resource.services);
}

// ─── periods (服务周期) ───────────────────────────────────────────────────────────

namespace {

kangle::Date day_of(int y, unsigned m, unsigned d) {
  return kangle::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

TEST_CASE("parse_service_period: spans, renewals, both, always, and what it cannot read", "[lists]") {
  using kangle::lists::parse_service_period;
  using kangle::lists::Renewal;
  using kangle::lists::ServicePeriod;
  auto span = [](kangle::Date first, kangle::Date last, Renewal renewal = Renewal::none) {
    return ServicePeriod{first, last, renewal};
  };
  CHECK(parse_service_period("2026Q4") == span(day_of(2026, 10, 1), day_of(2026, 12, 31)));
  CHECK(parse_service_period("2026年第四季度") == span(day_of(2026, 10, 1), day_of(2026, 12, 31)));
  CHECK(parse_service_period("2026年第一季度") == span(day_of(2026, 1, 1), day_of(2026, 3, 31)));
  CHECK(parse_service_period("2026年") == span(day_of(2026, 1, 1), day_of(2026, 12, 31)));
  CHECK(parse_service_period("2026") == span(day_of(2026, 1, 1), day_of(2026, 12, 31)));
  CHECK(parse_service_period("2026-12") == span(day_of(2026, 12, 1), day_of(2026, 12, 31)));
  CHECK(parse_service_period("2027年2月") == span(day_of(2027, 2, 1), day_of(2027, 2, 28)));
  CHECK(parse_service_period("2026-12-01至2027-02-28") == span(day_of(2026, 12, 1), day_of(2027, 2, 28)));
  CHECK(parse_service_period("2026.12.1-2027.2.28") == span(day_of(2026, 12, 1), day_of(2027, 2, 28)));
  CHECK(parse_service_period("2026年12月1日到2027年1月15日") == span(day_of(2026, 12, 1), day_of(2027, 1, 15)));
  CHECK(parse_service_period("每周二") == ServicePeriod{std::nullopt, std::nullopt, Renewal::weekly});
  CHECK(parse_service_period("每周") == ServicePeriod{std::nullopt, std::nullopt, Renewal::weekly});
  CHECK(parse_service_period("每月") == ServicePeriod{std::nullopt, std::nullopt, Renewal::monthly});
  CHECK(parse_service_period("每季度") == ServicePeriod{std::nullopt, std::nullopt, Renewal::quarterly});
  CHECK(parse_service_period("2026Q4 每周二、四") == span(day_of(2026, 10, 1), day_of(2026, 12, 31), Renewal::weekly));
  CHECK(parse_service_period("2026年，每月") == span(day_of(2026, 1, 1), day_of(2026, 12, 31), Renewal::monthly));
  CHECK(parse_service_period("长期") == ServicePeriod{});
  CHECK(parse_service_period("常年") == ServicePeriod{});
  CHECK(parse_service_period("") == ServicePeriod{});
  for (const char* unreadable : {"看情况", "2026Q5", "2026-13", "2027-02-28至2026-12-01", "每周二下午", "2026-12-01至"}) {
    INFO(unreadable);
    CHECK_FALSE(parse_service_period(unreadable));
  }
}

TEST_CASE("ServicePeriod: the days it serves and the window its capacity renews in", "[lists]") {
  using kangle::lists::parse_service_period;
  auto q4 = *parse_service_period("2026Q4");
  CHECK(q4.serves_on(day_of(2026, 12, 31)));
  CHECK_FALSE(q4.serves_on(day_of(2027, 1, 1)));
  CHECK_FALSE(q4.serves_on(day_of(2026, 9, 30)));
  // No renewal: the span is the window, so the next quarter's period starts afresh.
  CHECK(q4.window(day_of(2026, 12, 1)) == std::pair{day_of(2026, 10, 1), day_of(2026, 12, 31)});
  CHECK_FALSE(parse_service_period("长期")->window(day_of(2026, 12, 1)));  // neither: every live project counts
  auto weekly = *parse_service_period("每周二");
  CHECK(weekly.serves_on(day_of(2030, 1, 1)));
  // 2026-12-03 is a Thursday: its week runs Monday 11-30 to Sunday 12-06.
  CHECK(weekly.window(day_of(2026, 12, 3)) == std::pair{day_of(2026, 11, 30), day_of(2026, 12, 6)});
  CHECK(weekly.window(day_of(2026, 11, 30)) == std::pair{day_of(2026, 11, 30), day_of(2026, 12, 6)});
  CHECK(parse_service_period("每月")->window(day_of(2027, 2, 10)) == std::pair{day_of(2027, 2, 1), day_of(2027, 2, 28)});
  CHECK(parse_service_period("每季度")->window(day_of(2026, 11, 10)) == std::pair{day_of(2026, 10, 1), day_of(2026, 12, 31)});
}

}  // namespace lists_test
