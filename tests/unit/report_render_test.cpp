// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"
#include "report/render.hpp"
#include "temp_dir.hpp"

using kangle::report::Chart;
using kangle::report::Report;
using kangle::report::Section;
using kangle::report::Table;
using kangle::report::Value;
namespace report = kangle::report;
namespace fs = std::filesystem;

namespace {

Chart bars_chart(std::string title, std::string table, std::string label, std::string value) {
  Chart chart;
  chart.kind = Chart::Kind::bars;
  chart.title = std::move(title);
  chart.table = std::move(table);
  chart.label = std::move(label);
  chart.value = std::move(value);
  return chart;
}

/// Two sections: CJK text, a number with decimals, an empty cell, text HTML and CSV must
/// escape, a bars chart and a quadrant chart.
Report sample_report() {
  Table kiosks{"sessions_by_kiosk",
               "各站点服务场次",
               {{"kiosk", "站点"}, {"sessions", "场次"}, {"satisfaction", "满意度"}, {"note", "备注"}},
               {{Value::text("丁香亭"), Value::number(12), Value::number(4.5, 1), Value::text("含\"义诊\", 理发")},
                {Value::text("Pubei <&\"> hall"), Value::number(0), Value::none(), Value::text("")}}};
  Chart bars = bars_chart("场次", "sessions_by_kiosk", "kiosk", "sessions");
  Section overview{"overview", "服务概况: [月报]/汇总", {"本月服务 12 场 <含义诊> & 理发"}, {kiosks}, {bars}};

  Table services{"service_quadrant",
                 "服务使用与满意度",
                 {{"service", "服务"}, {"uses", "使用次数"}, {"satisfaction", "满意度"}},
                 {{Value::text("理发"), Value::number(30), Value::number(4.8, 1)},
                  {Value::text("blood-sugar"), Value::number(5), Value::number(3.94, 1)}}};
  Chart quadrant;
  quadrant.kind = Chart::Kind::quadrant;
  quadrant.title = "服务象限";
  quadrant.table = "service_quadrant";
  quadrant.label = "service";
  quadrant.x = "uses";
  quadrant.y = "satisfaction";
  quadrant.x_split = 10;
  quadrant.y_split = 4.2;
  quadrant.x_title = "使用次数";
  quadrant.y_title = "满意度";
  Section usage{"services", "Services", {}, {services}, {quadrant}};

  return {"month", "2026-12", "康健街道 2026年12月 服务月报", "2026-12-31T16:00:00Z", {"由 kangle 生成"},
          {overview, usage}};
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// One member of an XLSX (zip) file; empty when it has none of that name.
std::string zip_member(const fs::path& file, const std::string& name) {
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_RDONLY, &error);
  REQUIRE(zip != nullptr);
  std::string content;
  zip_stat_t stat;
  if (zip_stat(zip, name.c_str(), 0, &stat) == 0) {
    zip_file_t* member = zip_fopen(zip, name.c_str(), 0);
    REQUIRE(member != nullptr);
    content.resize(stat.size);
    REQUIRE(zip_fread(member, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(member);
  }
  zip_close(zip);
  return content;
}

}  // namespace

TEST_CASE("Value::display, numbers with their decimals, none as nothing", "[report-render]") {
  CHECK(Value::number(12).display() == "12");
  CHECK(Value::number(4.5, 1).display() == "4.5");
  CHECK(Value::number(1234.567, 2).display() == "1234.57");
  CHECK(Value::number(-0.04, 1).display() == "0.0");
  CHECK(Value::number(2.5).display() == "3");
  CHECK(Value::number(110.5).display() == "111");
  CHECK(Value::number(0.125, 2).display() == "0.13");
  CHECK(Value::number(-2.5).display() == "-3");
  CHECK(Value::none().display().empty());
  CHECK(Value::text("理发").display() == "理发");
}

TEST_CASE("render_csv, one block per table: id, keys, rows, quoted as RFC 4180", "[report-render]") {
  CHECK(report::render_csv(sample_report()) ==
        "sessions_by_kiosk\r\n"
        "kiosk,sessions,satisfaction,note\r\n"
        "丁香亭,12,4.5,\"含\"\"义诊\"\", 理发\"\r\n"
        "\"Pubei <&\"\"> hall\",0,,\r\n"
        "\r\n"
        "service_quadrant\r\n"
        "service,uses,satisfaction\r\n"
        "理发,30,4.8\r\n"
        "blood-sugar,5,3.9\r\n");
}

TEST_CASE("render_json, numbers as numbers, none as null, text escaped, keys in order", "[report-render]") {
  CHECK(report::render_json(sample_report()) == R"({
  "report": "month",
  "period": "2026-12",
  "title": "康健街道 2026年12月 服务月报",
  "generated_at": "2026-12-31T16:00:00Z",
  "ledger": {"entries": 0, "head": ""},
  "sections": [
    {
      "id": "overview",
      "title": "服务概况: [月报]/汇总",
      "lines": [
        "本月服务 12 场 <含义诊> & 理发"
      ],
      "tables": [
        {
          "id": "sessions_by_kiosk",
          "title": "各站点服务场次",
          "columns": [
            {"key": "kiosk", "header": "站点"},
            {"key": "sessions", "header": "场次"},
            {"key": "satisfaction", "header": "满意度"},
            {"key": "note", "header": "备注"}
          ],
          "rows": [
            {"kiosk": "丁香亭", "sessions": 12, "satisfaction": 4.5, "note": "含\"义诊\", 理发"},
            {"kiosk": "Pubei <&\"> hall", "sessions": 0, "satisfaction": null, "note": ""}
          ]
        }
      ]
    },
    {
      "id": "services",
      "title": "Services",
      "lines": [],
      "tables": [
        {
          "id": "service_quadrant",
          "title": "服务使用与满意度",
          "columns": [
            {"key": "service", "header": "服务"},
            {"key": "uses", "header": "使用次数"},
            {"key": "satisfaction", "header": "满意度"}
          ],
          "rows": [
            {"service": "理发", "uses": 30, "satisfaction": 4.8},
            {"service": "blood-sugar", "uses": 5, "satisfaction": 3.9}
          ]
        }
      ]
    }
  ]
}
)");
}

TEST_CASE("render_markdown, headings, paragraphs and tables", "[report-render]") {
  auto markdown = report::render_markdown(sample_report());
  auto lines = split_lines(markdown);
  CHECK(lines.front() == "# 康健街道 2026年12月 服务月报");
  CHECK(std::count(lines.begin(), lines.end(), "## 服务概况: [月报]/汇总") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "### 各站点服务场次") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "| 站点 | 场次 | 满意度 | 备注 |") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "| 丁香亭 | 12 | 4.5 | 含\"义诊\", 理发 |") == 1);
  CHECK(std::count(lines.begin(), lines.end(), "| blood-sugar | 5 | 3.9 |") == 1);
  // The footer is set apart by a rule, which needs an empty line above it (or it underlines a heading).
  CHECK(markdown.find("\n\n---\n\n由 kangle 生成\n") != std::string::npos);
}

TEST_CASE("render_table, a CJK cell keeps the next column aligned", "[report-render]") {
  auto text = report::render_table(sample_report());
  auto lines = split_lines(text);
  REQUIRE(lines.size() > 2);
  CHECK(lines[0] == "康健街道 2026年12月 服务月报");
  CHECK(lines[1] == std::string(kangle::text::display_width(lines[0]), '='));
  auto header = std::find(lines.begin(), lines.end(), "站点             场次  满意度  备注");
  REQUIRE(header != lines.end());
  CHECK(*(header + 1) == "丁香亭           12    4.5     含\"义诊\", 理发");
  CHECK(*(header + 2) == "Pubei <&\"> hall  0");
  CHECK(text.find("由 kangle 生成\n") != std::string::npos);
}

TEST_CASE("render_html, escaped, self-contained, one SVG per chart", "[report-render]") {
  auto html = report::render_html(sample_report());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(occurrences(html, "<svg") == 2);
  CHECK(occurrences(html, "</svg>") == 2);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@page { size: A4; margin: 15mm; }") != std::string::npos);
  CHECK(html.find("<td>Pubei &lt;&amp;&quot;&gt; hall</td>") != std::string::npos);
  CHECK(html.find("<p>本月服务 12 场 &lt;含义诊&gt; &amp; 理发</p>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">4.5</td>") != std::string::npos);
  CHECK(html.find("Pubei <&") == std::string::npos);
  // Deterministic: the same report gives the same bytes.
  CHECK(report::render_html(sample_report()) == html);
}

TEST_CASE("render_html, the quadrant's splits dashed and its points labelled", "[report-render]") {
  auto html = report::render_html(sample_report());
  CHECK(occurrences(html, "stroke-dasharray") == 2);
  CHECK(occurrences(html, "<circle") == 2);
  CHECK(html.find(">blood-sugar</text>") != std::string::npos);
  CHECK(html.find(">使用次数</text>") != std::string::npos);
  CHECK(html.find("transform=\"rotate(-90)\">满意度</text>") != std::string::npos);
}

TEST_CASE("render_html, bar charts of no row, one row, zeros and long labels", "[report-render]") {
  auto report_of = [](std::vector<std::vector<Value>> rows) {
    Table table{"t", "t", {{"label", "名称"}, {"value", "数"}}, std::move(rows)};
    Chart chart = bars_chart("bars", "t", "label", "value");
    return Report{"month", "2026-12", "r", "", {}, {Section{"s", "s", {}, {table}, {chart}}}};
  };
  auto bar_widths = [](const std::string& html) {
    std::vector<std::string> widths;
    for (auto at = html.find("<rect"); at != std::string::npos; at = html.find("<rect", at + 1)) {
      auto start = html.find("width=\"", at) + 7;
      widths.push_back(html.substr(start, html.find('"', start) - start));
    }
    return widths;
  };

  auto empty = report::render_html(report_of({}));
  CHECK(occurrences(empty, "<svg") == 1);
  CHECK(bar_widths(empty).empty());

  auto zeros =
      report::render_html(report_of({{Value::text("丁香亭"), Value::number(0)}, {Value::text("b"), Value::none()}}));
  CHECK(bar_widths(zeros) == std::vector<std::string>{"0.0", "0.0"});
  CHECK(zeros.find("nan") == std::string::npos);

  auto one = report::render_html(report_of({{Value::text("丁香亭"), Value::number(7)}}));
  REQUIRE(bar_widths(one).size() == 1);
  CHECK(std::stod(bar_widths(one)[0]) > 300);

  std::string long_label;
  for (int i = 0; i < 60; ++i) long_label += "康";
  auto long_one = report::render_html(report_of({{Value::text(long_label), Value::number(3)}}));
  CHECK(long_one.find("<td>" + long_label + "</td>") != std::string::npos);
  // In the chart, shortened to a third of its width (about 34 columns at 12 px).
  auto ellipsis = long_one.find("…</text>");
  REQUIRE(ellipsis != std::string::npos);
  auto label_start = long_one.rfind('>', ellipsis) + 1;
  auto shown = kangle::text::display_width(long_one.substr(label_start, ellipsis - label_start));
  CHECK(shown >= 20);
  CHECK(shown <= 34);
  REQUIRE(bar_widths(long_one).size() == 1);
  CHECK(std::stod(bar_widths(long_one)[0]) > 200);
}

TEST_CASE("render_html, a chart naming a missing table or column is a bug", "[report-render]") {
  auto broken = sample_report();
  broken.sections[0].charts[0].table = "nope";
  CHECK_THROWS_AS(report::render_html(broken), kangle::Error);
  broken = sample_report();
  broken.sections[1].charts[0].y = "nope";
  CHECK_THROWS_AS(report::render_html(broken), kangle::Error);
}

TEST_CASE("write_xlsx, a sheet per section, numbers stored as numbers", "[report-render]") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "report.xlsx";
  report::write_xlsx(sample_report(), file);

  auto workbook = zip_member(file, "xl/workbook.xml");
  CHECK(workbook.find("<sheet name=\"服务概况_ _月报__汇总\" sheetId=\"1\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"Services\" sheetId=\"2\"") != std::string::npos);

  auto sheet = zip_member(file, "xl/worksheets/sheet1.xml");
  auto cell = sheet.find("<v>4.5</v>");
  REQUIRE(cell != std::string::npos);
  auto cell_start = sheet.rfind("<c ", cell);
  CHECK(sheet.substr(cell_start, cell - cell_start).find("t=\"s\"") == std::string::npos);
  CHECK(sheet.find("<v>12</v>") != std::string::npos);
  // Nothing left behind beside the workbook.
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("write_xlsx, sheet names cut to 31 characters and made unique", "[report-render]") {
  std::string long_title;
  for (int i = 0; i < 40; ++i) long_title += "志";
  Report workbook_report{"month", "2026-12", "r", "", {}, {}};
  for (const auto& title : {long_title, long_title, std::string("History"), std::string("a/b"), std::string("A_B"),
                            std::string("' '")}) {
    workbook_report.sections.push_back(Section{"only-id", title, {}, {}, {}});
  }
  kangle::test::TempDir dir;
  auto file = dir.path() / "names.xlsx";
  report::write_xlsx(workbook_report, file);
  auto workbook = zip_member(file, "xl/workbook.xml");
  std::string first = std::string(kangle::text::first_chars(long_title, 31));
  std::string second = std::string(kangle::text::first_chars(long_title, 27)) + " (2)";
  CHECK(workbook.find("name=\"" + first + "\"") != std::string::npos);
  CHECK(workbook.find("name=\"" + second + "\"") != std::string::npos);
  CHECK(workbook.find("name=\"History (2)\"") != std::string::npos);
  CHECK(workbook.find("name=\"a_b\"") != std::string::npos);
  CHECK(workbook.find("name=\"A_B (2)\"") != std::string::npos);
  CHECK(workbook.find("name=\"only-id\"") != std::string::npos);
}

TEST_CASE("write_xlsx, replaces a file whole and refuses a folder", "[report-render]") {
  kangle::test::TempDir dir;
  auto file = dir.write("old.xlsx", "not a workbook");
  report::write_xlsx(sample_report(), file);
  CHECK(dir.read("old.xlsx").rfind("PK", 0) == 0);

  fs::create_directory(dir.path() / "folder.xlsx");
  CHECK_THROWS_AS(report::write_xlsx(sample_report(), dir.path() / "folder.xlsx"), kangle::WorkspaceError);
  CHECK_THROWS_WITH(report::write_xlsx(sample_report(), dir.path() / "folder.xlsx"), Catch::Contains("folder.xlsx"));
  CHECK(fs::is_directory(dir.path() / "folder.xlsx"));
  CHECK(fs::is_empty(dir.path() / "folder.xlsx"));
}
