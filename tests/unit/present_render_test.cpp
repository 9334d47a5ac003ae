// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include <nlohmann/json.hpp>

#include "present/emit.hpp"
#include "present/render.hpp"
#include "temp_dir.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace present_render_test {

using kangle::present::Chart;
using kangle::present::Document;
using kangle::present::Section;
using kangle::present::Table;
using kangle::present::Value;
namespace present = kangle::present;
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
Document sample_report() {
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

  Document report(kangle::Lang::zh_CN);
  report.kind = "month";
  report.period = "2026-12";
  report.title = "康健街道 2026年12月 服务月报";
  report.generated_at = "2026-12-31T16:00:00Z";
  report.footer = {"由 kangle 生成"};
  report.sections = {overview, usage};
  report.csv_by_keys = true;
  report.fit_terminal = true;
  return report;
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
  CHECK(Value::number(12).display(kangle::Lang::zh_CN) == "12");
  CHECK(Value::number(4.5, 1).display(kangle::Lang::zh_CN) == "4.5");
  CHECK(Value::number(1234.567, 2).display(kangle::Lang::zh_CN) == "1234.57");
  CHECK(Value::number(-0.04, 1).display(kangle::Lang::zh_CN) == "0.0");
  CHECK(Value::number(2.5).display(kangle::Lang::zh_CN) == "3");
  CHECK(Value::number(110.5).display(kangle::Lang::zh_CN) == "111");
  CHECK(Value::number(0.125, 2).display(kangle::Lang::zh_CN) == "0.13");
  CHECK(Value::number(-2.5).display(kangle::Lang::zh_CN) == "-3");
  CHECK(Value::none().display(kangle::Lang::zh_CN).empty());
  CHECK(Value::text("理发").display(kangle::Lang::zh_CN) == "理发");
  CHECK(Value::change(2).display(kangle::Lang::zh_CN) == "+2");
  CHECK(Value::change(-3).display(kangle::Lang::zh_CN) == "-3");
  CHECK(Value::change(2).for_scripts() == "2");
}

TEST_CASE("render_csv, one block per table: id, keys, rows, quoted as RFC 4180", "[report-render]") {
  CHECK(present::render_csv(sample_report()) ==
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

TEST_CASE("render_json, numbers as numbers, none as null, keys in order", "[report-render]") {
  auto json = nlohmann::ordered_json::parse(present::render_json(sample_report()));
  std::vector<std::string> top;
  for (const auto& [key, value] : json.items()) top.push_back(key);
  CHECK(top == std::vector<std::string>{"format_version", "kind", "title", "period", "generated_at", "sections"});
  CHECK(json["format_version"] == present::json_format_version);
  CHECK(json["kind"] == "month");
  const auto& kiosks = json["sections"][0]["tables"][0];
  CHECK(json["sections"][0]["lines"][0] == "本月服务 12 场 <含义诊> & 理发");
  CHECK(kiosks["columns"][1] == nlohmann::ordered_json{{"key", "sessions"}, {"header", "场次"}});
  CHECK(kiosks["rows"][0]["sessions"].is_number_integer());
  CHECK(kiosks["rows"][0]["satisfaction"] == 4.5);
  CHECK(kiosks["rows"][0]["note"] == "含\"义诊\", 理发");
  CHECK(kiosks["rows"][1]["satisfaction"].is_null());
  CHECK(json["sections"][1]["tables"][0]["rows"][1]["satisfaction"] == 3.9);  // rounded to its one place
}

TEST_CASE("render_json, the rows written one at a time, byte for byte as the whole tree's dump", "[report-render]") {
  using Json = nlohmann::ordered_json;
  Document document(kangle::Lang::zh_CN);
  document.kind = "records";
  document.title = "标题";
  Section first{"s1", "第一节", {"一行"}, {}, {}};
  // What stands for a table's rows where the rows are written, in a cell and in a fact
  // named as rows are: they are not taken for the table's rows.
  auto looks_like_rows = [](int table) { return std::string(1, '\0') + "rows " + std::to_string(table); };
  first.tables.push_back(Table{"t1", "表", {{"name", "姓名"}, {"skills", "技能"}, {"score", "分"}, {"rows", "备注"}},
                               {{Value::text("张\"三\"\n"), Value::list({"理发", "修伞"}), Value::number(4.25, 1), Value::text(looks_like_rows(1))},
                                {Value::text("rows"), Value::list({}), Value::integer(3)}}});  // a short row
  first.tables.push_back(Table{"empty", "", {{"a", "A"}}, {}});
  Section second{"s2", "", {}, {}, {}};
  second.tables.push_back(Table{"t2", "", {{"rows", "行"}}, {{Value::text("\"rows\": []")}}});
  document.sections = {first, second};
  document.facts = {{"rows", Value::text(looks_like_rows(0))}};

  Json expected = {{"format_version", present::json_format_version}, {"kind", "records"}, {"title", "标题"},
                   {"facts", {{"rows", looks_like_rows(0)}}}};
  expected["sections"] = Json::array(
      {{{"id", "s1"}, {"title", "第一节"}, {"lines", {"一行"}},
        {"tables", Json::array({{{"id", "t1"}, {"title", "表"},
                                 {"columns", Json::array({{{"key", "name"}, {"header", "姓名"}}, {{"key", "skills"}, {"header", "技能"}},
                                                          {{"key", "score"}, {"header", "分"}}, {{"key", "rows"}, {"header", "备注"}}})},
                                 {"rows", Json::array({{{"name", "张\"三\"\n"}, {"skills", {"理发", "修伞"}}, {"score", 4.3}, {"rows", looks_like_rows(1)}},
                                                       {{"name", "rows"}, {"skills", Json::array()}, {"score", 3}, {"rows", nullptr}}})}},
                                {{"id", "empty"}, {"title", ""}, {"columns", Json::array({{{"key", "a"}, {"header", "A"}}})},
                                 {"rows", Json::array()}}})}},
       {{"id", "s2"}, {"title", ""}, {"lines", Json::array()},
        {"tables", Json::array({{{"id", "t2"}, {"title", ""}, {"columns", Json::array({{{"key", "rows"}, {"header", "行"}}})},
                                 {"rows", Json::array({{{"rows", "\"rows\": []"}}})}}})}}});
  CHECK(present::render_json(document) == expected.dump(2) + "\n");
}

TEST_CASE("render_markdown, headings, paragraphs and tables", "[report-render]") {
  auto markdown = present::render_markdown(sample_report());
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
  auto text = present::render_text(sample_report());
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
  auto html = present::render_html(sample_report());
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
  CHECK(present::render_html(sample_report()) == html);
}

TEST_CASE("render_html, the quadrant's splits dashed and its points labelled", "[report-render]") {
  auto html = present::render_html(sample_report());
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
    Document report(kangle::Lang::zh_CN);
    report.kind = "month";
    report.title = "r";
    report.sections = {Section{"s", "s", {}, {table}, {chart}}};
    return report;
  };
  auto bar_widths = [](const std::string& html) {
    std::vector<std::string> widths;
    for (auto at = html.find("<rect"); at != std::string::npos; at = html.find("<rect", at + 1)) {
      auto start = html.find("width=\"", at) + 7;
      widths.push_back(html.substr(start, html.find('"', start) - start));
    }
    return widths;
  };

  auto empty = present::render_html(report_of({}));
  CHECK(occurrences(empty, "<svg") == 1);
  CHECK(bar_widths(empty).empty());

  auto zeros =
      present::render_html(report_of({{Value::text("丁香亭"), Value::number(0)}, {Value::text("b"), Value::none()}}));
  CHECK(bar_widths(zeros) == std::vector<std::string>{"0.0", "0.0"});
  CHECK(zeros.find("nan") == std::string::npos);

  auto one = present::render_html(report_of({{Value::text("丁香亭"), Value::number(7)}}));
  REQUIRE(bar_widths(one).size() == 1);
  CHECK(std::stod(bar_widths(one)[0]) > 300);

  std::string long_label;
  for (int i = 0; i < 60; ++i) long_label += "康";
  auto long_one = present::render_html(report_of({{Value::text(long_label), Value::number(3)}}));
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

TEST_CASE("render_html, a shortened bar label keeps the whole name as its tooltip", "[report-render]") {
  std::string long_label;
  for (int i = 0; i < 40; ++i) long_label += "康";
  Table table{"t", "t", {{"label", "名称"}, {"value", "数"}}, {{Value::text(long_label), Value::number(3)},
                                                              {Value::text("丁香亭"), Value::number(2)}}};
  Document report(kangle::Lang::zh_CN);
  report.kind = "month";
  report.sections = {Section{"s", "s", {}, {table}, {bars_chart("bars", "t", "label", "value")}}};
  auto html = present::render_html(report);
  CHECK(html.find("><title>" + long_label + "</title>") != std::string::npos);
  CHECK(html.find("<title>丁香亭</title>") == std::string::npos);  // shown whole: no tooltip needed
}

namespace {

/// The labels a quadrant chart prints beside its points, as boxes: drawn 12 px high, about
/// 0.55 em a display column, from their anchor.
struct LabelBox {
  double left, top, right, bottom;
};

std::vector<LabelBox> quadrant_labels(const std::string& html) {
  std::vector<LabelBox> out;
  const std::string mark = " class=\"label\">";
  for (auto at = html.find(mark); at != std::string::npos; at = html.find(mark, at + 1)) {
    auto start = html.rfind("<text ", at);
    auto attribute = [&](const std::string& name) {
      auto from = html.find(name + "=\"", start) + name.size() + 2;
      return html.substr(from, html.find('"', from) - from);
    };
    double x = std::stod(attribute("x")), y = std::stod(attribute("y"));
    auto content_start = at + mark.size();
    auto content = html.substr(content_start, html.find("</text>", content_start) - content_start);
    double width = static_cast<double>(kangle::text::display_width(content)) * 12 * 0.55;
    bool leftwards = attribute("text-anchor") == "end";
    out.push_back({leftwards ? x - width : x, y - 12, leftwards ? x : x + width, y});
  }
  return out;
}

}  // namespace

TEST_CASE("render_html, the quadrant's labels never overlap, and every point names itself in a tooltip", "[report-render]") {
  // Twenty services with long names on a few spots, as a street with many kiosks has them.
  Table services{"q", "q", {{"service", "服务"}, {"uses", "场均"}, {"satisfaction", "满意度"}}, {}};
  for (int i = 0; i < 20; ++i) {
    services.rows.push_back({Value::text(fmt::format("社区心理健康咨询服务第{}项", i)), Value::number(5.0 + (i % 3)),
                             Value::number(4.8 + (i % 2) * 0.1, 1)});
  }
  Chart quadrant;
  quadrant.kind = Chart::Kind::quadrant;
  quadrant.title = "象限";
  quadrant.table = "q";
  quadrant.label = "service";
  quadrant.x = "uses";
  quadrant.y = "satisfaction";
  Document report(kangle::Lang::zh_CN);
  report.kind = "services";
  report.sections = {Section{"s", "s", {}, {services}, {quadrant}}};
  auto html = present::render_html(report);

  auto labels = quadrant_labels(html);
  CHECK(!labels.empty());
  CHECK(labels.size() < 20);  // crowded points print fewer names, not names over names
  for (std::size_t a = 0; a < labels.size(); ++a) {
    for (std::size_t b = a + 1; b < labels.size(); ++b) {
      bool apart = labels[a].right <= labels[b].left || labels[b].right <= labels[a].left ||
                   labels[a].bottom <= labels[b].top || labels[b].bottom <= labels[a].top;
      CHECK(apart);
    }
  }
  for (int i = 0; i < 20; ++i) CHECK(html.find(fmt::format("<title>社区心理健康咨询服务第{}项 (", i)) != std::string::npos);
}

TEST_CASE("render_html, A4 across the page only when a table would not fit a portrait page", "[report-render]") {
  auto html = present::render_html(sample_report());
  CHECK(html.find("@page { size: A4; margin: 15mm; }") != std::string::npos);
  CHECK_FALSE(present::printed_across(sample_report()));

  // Thirteen columns of long CJK headers, as the services review's portfolio has: too wide
  // for a portrait page even with each header on two lines.
  Table wide{"portfolio", "", {}, {{}}};
  for (int c = 0; c < 13; ++c) {
    wide.columns.push_back({fmt::format("c{}", c), "具备技能的志愿者人数"});
    wide.rows[0].push_back(Value::number(c));
  }
  Document report(kangle::Lang::zh_CN);
  report.kind = "services";
  report.sections = {Section{"s", "s", {}, {wide}, {}}};
  CHECK(present::printed_across(report));
  html = present::render_html(report);
  CHECK(html.find("@page { size: A4 landscape; margin: 15mm; }") != std::string::npos);
  // Headers may wrap between CJK characters: nothing keeps a table wider than the page.
  CHECK(html.find("keep-all") == std::string::npos);
  CHECK(html.find("overflow-wrap: anywhere") != std::string::npos);
}

TEST_CASE("the 落款 closes the paper: right of the last section in HTML and text, before the footer", "[report-render]") {
  auto report = sample_report();
  report.signature = {"康健街道党工委", "2026年12月31日"};
  auto html = present::render_html(report);
  auto signature = html.find("<div class=\"signature\">\n<p>康健街道党工委</p>\n<p>2026年12月31日</p>\n</div>");
  REQUIRE(signature != std::string::npos);
  CHECK(signature > html.rfind("</section>"));
  CHECK(signature < html.find("<footer>"));

  auto text = present::render_text(report);
  auto lines = split_lines(text);
  auto issuer = std::find_if(lines.begin(), lines.end(), [](const std::string& line) { return line.find("康健街道党工委") != std::string::npos; });
  REQUIRE(issuer != lines.end());
  REQUIRE(std::next(issuer) != lines.end());
  // Set to the right: both lines end at the same column, the text's right edge.
  std::size_t right = 0;
  for (auto line = lines.begin(); line != issuer; ++line) right = std::max(right, kangle::text::display_width(*line));
  CHECK(kangle::text::display_width(*issuer) == right);
  CHECK(kangle::text::display_width(*std::next(issuer)) == right);
  CHECK(text.find("康健街道党工委") < text.find("由 kangle 生成"));

  auto markdown = present::render_markdown(report);
  CHECK(markdown.find("康健街道党工委\n\n2026年12月31日\n\n---\n") != std::string::npos);
  CHECK(present::render_json(report).find("康健街道党工委") == std::string::npos);  // for people, not scripts
}

TEST_CASE("render_html, a chart naming a missing table or column is a bug", "[report-render]") {
  auto broken = sample_report();
  broken.sections[0].charts[0].table = "nope";
  CHECK_THROWS_AS(present::render_html(broken), kangle::Error);
  broken = sample_report();
  broken.sections[1].charts[0].y = "nope";
  CHECK_THROWS_AS(present::render_html(broken), kangle::Error);
}

TEST_CASE("write_xlsx, a sheet per section, numbers stored as numbers", "[report-render]") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "report.xlsx";
  present::write_xlsx(sample_report(), file);

  auto workbook = zip_member(file, "xl/workbook.xml");
  CHECK(workbook.find("<sheet name=\"服务概况_ _月报__汇总\" sheetId=\"1\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"Services\" sheetId=\"2\"") != std::string::npos);

  auto sheet = zip_member(file, "xl/worksheets/sheet1.xml");
  auto cell = sheet.find("<v>4.5</v>");
  REQUIRE(cell != std::string::npos);
  auto cell_start = sheet.rfind("<c ", cell);
  CHECK(sheet.substr(cell_start, cell - cell_start).find("t=\"s\"") == std::string::npos);
  CHECK(sheet.find("<v>12</v>") != std::string::npos);
  // Made when the document was, not when it was written: the same report, the same bytes.
  CHECK(zip_member(file, "docProps/core.xml").find(">2026-12-31T16:00:00Z</dcterms:created>") != std::string::npos);
  // Nothing left behind beside the workbook.
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("write_xlsx, the committee's paper: title, bordered table, A4 one page wide, header repeated", "[report-render]") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "paper.xlsx";
  auto report = sample_report();
  report.signature = {"康健街道党工委", "2026年12月31日"};
  present::write_xlsx(report, file);
  auto sheet = zip_member(file, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<mergeCell ref=\"A1:D1\"/>") != std::string::npos);  // the title across the table
  CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
  CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
  CHECK(sheet.find("<pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);
  auto workbook = zip_member(file, "xl/workbook.xml");
  CHECK(workbook.find("_xlnm.Print_Titles") != std::string::npos);
  auto styles = zip_member(file, "xl/styles.xml");
  CHECK(styles.find("<left style=\"thin\">") != std::string::npos);
  // The 落款 on the last sheet only.
  auto strings = zip_member(file, "xl/sharedStrings.xml");
  CHECK(strings.find("康健街道党工委") != std::string::npos);
  CHECK(strings.find(report.title) != std::string::npos);
}

TEST_CASE("write_xlsx, sheet names cut to 31 characters and made unique", "[report-render]") {
  std::string long_title;
  for (int i = 0; i < 40; ++i) long_title += "志";
  Document workbook_report(kangle::Lang::zh_CN);
  workbook_report.kind = "month";
  workbook_report.title = "r";
  for (const auto& title : {long_title, long_title, std::string("History"), std::string("a/b"), std::string("A_B"),
                            std::string("' '")}) {
    workbook_report.sections.push_back(Section{"only-id", title, {}, {}, {}});
  }
  kangle::test::TempDir dir;
  auto file = dir.path() / "names.xlsx";
  present::write_xlsx(workbook_report, file);
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
  present::write_xlsx(sample_report(), file);
  CHECK(dir.read("old.xlsx").rfind("PK", 0) == 0);

  fs::create_directory(dir.path() / "folder.xlsx");
  CHECK_THROWS_AS(present::write_xlsx(sample_report(), dir.path() / "folder.xlsx"), kangle::WorkspaceError);
  CHECK_THROWS_WITH(present::write_xlsx(sample_report(), dir.path() / "folder.xlsx"), Catch::Contains("folder.xlsx"));
  CHECK(fs::is_directory(dir.path() / "folder.xlsx"));
  CHECK(fs::is_empty(dir.path() / "folder.xlsx"));
}

TEST_CASE("write_xlsx, a sheet longer than a workbook holds is refused before it is written", "[report-render]") {
  // A district's year of records is a million rows: libxlsxwriter failed at the 1,048,577th.
  kangle::test::TempDir dir;
  Table long_table{"records", "", {{"id", "编号"}}, {}};
  long_table.rows.assign(1'048'576 - 2, {Value::integer(1)});  // under an empty row and the header
  auto document = present::listing(kangle::Lang::zh_CN, "records", long_table);
  auto file = dir.path() / "year.xlsx";
  present::write_xlsx(document, file);
  fs::remove(file);
  long_table.rows.resize(1'048'576 - 1);
  document = present::listing(kangle::Lang::zh_CN, "records", long_table);
  CHECK_THROWS_AS(present::write_xlsx(document, file), kangle::UsageError);
  CHECK_THROWS_WITH(present::write_xlsx(document, file), Catch::Contains("at most 1048576 rows") && Catch::Contains("--format csv"));
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE("typed values: what scripts read never depends on the language", "[present]") {
  Table table{"people",
              "",
              {{"name", "姓名"}, {"phone", "手机"}, {"party", "党员"}, {"hours", "时长", false, true},
               {"skills", "技能"}, {"status", "状态"}, {"day", "日期"}},
              {{Value::text("张三"), Value::personal("13812345678"), Value::flag(true, "★"), Value::duration(150),
                Value::list({"理发", "修伞"}), Value::code("proposed", "待认领"), Value::date(kangle::Date{
                    std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{3}})},
               {Value::text("李四"), Value::personal("110101199003071234"), Value::flag(false, "★"), Value::duration(60),
                Value::list({}), Value::code("open", "待对接"), Value::none()}}};
  auto listing = present::listing(kangle::Lang::zh_CN, "volunteers", table);  // what the CSV's header says of minutes

  auto json = nlohmann::json::parse(present::render_json(listing));
  const auto& rows = json["sections"][0]["tables"][0]["rows"];
  CHECK(rows[0]["phone"] == "13812345678");
  CHECK(rows[0]["party"] == true);
  CHECK(rows[1]["party"] == false);
  CHECK(rows[0]["hours"] == 150);
  CHECK(rows[0]["skills"] == nlohmann::json::array({"理发", "修伞"}));
  CHECK(rows[0]["status"] == "proposed");
  CHECK(rows[0]["day"] == "2026-12-03");
  CHECK(rows[1]["day"].is_null());

  auto text = present::render_text(listing);
  CHECK(text.find("★") != std::string::npos);
  CHECK(text.find("待认领") != std::string::npos);
  CHECK(text.find("理发、修伞") != std::string::npos);
  CHECK(text.find("proposed") == std::string::npos);

  // A listing's CSV: the headers people read, values as scripts read them; written to a
  // file it says it is UTF-8 (a Chinese Excel would take it for GBK).
  auto piped = present::render_csv(listing);
  CHECK(piped.rfind("姓名,手机,党员,时长（分钟）", 0) == 0);
  CHECK(piped.find("张三,13812345678,true,150,\"理发,修伞\",proposed,2026-12-03\r\n") != std::string::npos);
  auto for_excel = present::rendered(listing, present::Output{present::Format::csv, "", present::Encoding::utf8}, true);
  CHECK(for_excel.rfind("\xEF\xBB\xBF姓名", 0) == 0);
  CHECK(for_excel.substr(3) == piped);
  auto gb = present::rendered(listing, present::Output{present::Format::csv, "", present::Encoding::gb18030}, true);
  CHECK(gb.rfind("\xD0\xD5\xC3\xFB", 0) == 0);  // 姓名 in GB18030, no byte-order mark
  CHECK_THROWS_AS(present::rendered(listing, present::Output{present::Format::json, "", present::Encoding::gb18030}, false),
                  kangle::UsageError);
  // What a command said it did has no table for CSV.
  CHECK_THROWS_AS(present::render_csv(present::message(kangle::Lang::zh_CN, "said", {"已写入"})), kangle::UsageError);
  CHECK_THROWS_AS(present::rendered(listing, present::Output{present::Format::xlsx, "", present::Encoding::utf8}, false),
                  kangle::UsageError);
}

TEST_CASE("Value: a list is read with the separator of the document's language, and scripts get commas") {
  auto names = Value::list({"Li", "Wang"});
  CHECK(names.display(kangle::Lang::zh_CN) == "Li、Wang");
  CHECK(names.display(kangle::Lang::en) == "Li, Wang");
  CHECK(names.for_scripts() == "Li,Wang");
  CHECK(Value::duration(150).display(kangle::Lang::en) == "2 h 30 min");
  CHECK(Value::duration(150).display(kangle::Lang::zh_CN) == "2小时30分");
}

TEST_CASE("Value: small, and a table as people read it keeps the table's own values", "[present]") {
  // A district's month of records is a million cells: at 144 bytes a value, and the
  // values copied to be rendered, `record list` took 653 MB (bench/README.md, session 37).
  CHECK(sizeof(Value) <= 64);
  auto code = Value::code("dingxiang", "丁香小区");
  CHECK(code.for_scripts() == "dingxiang");
  CHECK(code.display(kangle::Lang::zh_CN) == "丁香小区");
  CHECK(Value::code("", "").display(kangle::Lang::en).empty());
  CHECK(Value::flag(true, "★").for_scripts() == "true");
  CHECK(Value::flag(true, "★").display(kangle::Lang::en) == "★");
  CHECK(Value::codes({}, {}, "无").display(kangle::Lang::zh_CN) == "无");
  CHECK(Value::codes({"a", "b"}, {"甲", "乙"}, "无").display(kangle::Lang::zh_CN) == "甲、乙");
  CHECK(Value::codes({"a", "b"}, {"甲", "乙"}, "无").for_scripts() == "a,b");
  CHECK(Value::list({}).items().empty());
  CHECK(Value::number(2.25, 300).decimals() == 255);

  Section section{"s", "Records", {}, {}, {}};
  Table table{"records", "Records", {{"id", "No."}, {"origin", "", true}, {"place", "Place"}},
              {{Value::integer(1), Value::code("import", "导入"), code}, {Value::integer(2)}}, 2};
  present::TableAsRead shown(table, section);
  CHECK(shown.title.empty());  // only the section's again
  REQUIRE(shown.columns.size() == 2);
  CHECK(shown.columns[1].key == "place");
  CHECK(shown.key_columns == 1);
  CHECK(&shown.cell(table.rows[0], 1) == &table.rows[0][2]);  // not a copy
  CHECK(shown.cell(table.rows[1], 1).kind() == Value::Kind::none);  // a short row
}

}  // namespace present_render_test
