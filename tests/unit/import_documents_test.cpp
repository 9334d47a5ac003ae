// SPDX-License-Identifier: Apache-2.0
// What `import` and `init` say as documents: the counts and the workspace's files as
// facts scripts read, the same in either language.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "document_json.hpp"
#include "import/documents.hpp"
#include "import_report.hpp"
#include "temp_dir.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace import_documents_test {

namespace import = kangle::import;
using kangle::test::in_both_languages;
using kangle::test::json_of;

namespace {
/// The example workspace, with its folder for `run_import` to read columns.toml from.
struct Workspace : kangle::test::ImportWorkspace {
  std::filesystem::path dir() const { return dir_.path(); }
};
}  // namespace

TEST_CASE("import_document: counts as numbers, every row not simply added as a line", "[import-documents]") {
  Workspace ws;
  auto file = ws.write("报名.csv", "姓名,手机\n张三,13812345678\n李四,12\n");
  import::ImportRequest request;
  request.list = import::List::volunteers;
  request.file = file.string();
  request.dry_run = true;
  auto report = import::run_import(ws.sql(), ws.config(), ws.dir(), request, "2026-12-01T02:00:00Z");
  CHECK(report.added == 1);
  CHECK(report.rejected == 1);
  auto [zh, en] = in_both_languages([&](kangle::Lang lang) { return import::import_document(report, "报名.csv", request.list, "Asia/Shanghai", lang); });
  CHECK(zh["kind"] == "import");
  CHECK(zh["facts"]["list"] == "volunteers");
  CHECK(zh["facts"]["added"] == 1);
  CHECK(zh["facts"]["rejected"] == 1);
  CHECK(zh["facts"]["dry_run"] == true);
  CHECK(zh["facts"] == en["facts"]);
  const auto& lines = zh["sections"][0]["lines"];
  bool names_row = false;
  for (const auto& line : lines) names_row = names_row || line.get<std::string>().starts_with("报名.csv:3");
  CHECK(names_row);

  request.maps = {"联系方式=telephone"};
  CHECK_THROWS_AS(import::run_import(ws.sql(), ws.config(), ws.dir(), request, "2026-12-01T02:00:00Z"), kangle::UsageError);
  request.maps.clear();
  request.encoding = "latin-9";
  CHECK_THROWS_AS(import::run_import(ws.sql(), ws.config(), ws.dir(), request, "2026-12-01T02:00:00Z"), kangle::UsageError);
}

TEST_CASE("init_document: the folder and the files written, as facts", "[import-documents]") {
  kangle::test::TempDir dir;
  auto json = json_of(kangle::workspace::init_document({dir.path() / "ws", std::string("kangjian"), std::nullopt}, *kangle::parse_date("2026-12-01"), kangle::Lang::en));
  CHECK(json["kind"] == "init");
  CHECK(json["facts"]["dir"] == (dir.path() / "ws").string());
  const auto& files = json["facts"]["files"];
  REQUIRE(files.is_array());
  CHECK(files.back() == "kangle.toml");
  CHECK(json["sections"][0]["lines"].size() == files.size() + 1);
  CHECK(json["facts"]["next_steps"].empty());  // an example has its kiosks and people
}

TEST_CASE("init_document: an empty workspace says the three commands that fill it and build next month", "[import-documents]") {
  kangle::test::TempDir dir;
  auto folder = (dir.path() / "湖南路").string();
  auto json = json_of(kangle::workspace::init_document({folder, std::nullopt, std::nullopt}, *kangle::parse_date("2026-12-03"), kangle::Lang::zh_CN));
  const auto& steps = json["facts"]["next_steps"];
  REQUIRE(steps.size() == 3);
  CHECK(steps[0] == "kangle -w " + folder + " import kiosks 站点表.xlsx");
  CHECK(steps[1] == "kangle -w " + folder + " import volunteers 报名表.xlsx");
  CHECK(steps[2] == "kangle -w " + folder + " schedule build --month 2027-01");  // December's next month is next year's
  const auto& lines = json["sections"][0]["lines"];
  CHECK(lines[lines.size() - 4] == "下一步，用手头的表格：");
}

}  // namespace import_documents_test
