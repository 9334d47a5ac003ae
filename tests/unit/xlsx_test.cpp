// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/xlsx_reader.hpp"
#include "import_report.hpp"
#include "temp_dir.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace xlsx_test {

using kangle::import::Cell;
using kangle::import::Row;
using kangle::import::XlsxLimits;
using kangle::test::error_message;
namespace fs = std::filesystem;

namespace {

std::vector<Row> read_rows(const fs::path& file, std::size_t sheet = 0, const XlsxLimits& limits = {}) {
  auto reader = kangle::import::open_xlsx_sheet(file, sheet, limits);
  std::vector<Row> rows;
  Row row;
  while (reader->next(row)) rows.push_back(row);
  return rows;
}

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

std::vector<std::size_t> numbers(const std::vector<Row>& rows) {
  std::vector<std::size_t> out;
  for (const auto& row : rows) out.push_back(row.number);
  return out;
}

struct Part {
  std::string name;
  std::string content;
};

void write_zip(const fs::path& file, const std::vector<Part>& parts) {
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(zip != nullptr);
  for (const auto& part : parts) {
    zip_source_t* source = zip_source_buffer(zip, part.content.data(), part.content.size(), 0);
    REQUIRE(source != nullptr);
    REQUIRE(zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(zip) == 0);
}

constexpr const char* main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string sheet_xml(const std::string& data, const std::string& after = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") + "\n<worksheet xmlns=\"" +
         main_ns + "\" xmlns:r=\"" + rel_ns + "\"><sheetData>" + data + "</sheetData>" + after + "</worksheet>";
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

/// A workbook written by hand: its sheets (name and worksheet XML), and optionally
/// the workbookPr attributes, styles.xml and sharedStrings.xml.
struct HandMade {
  std::vector<std::pair<std::string, std::string>> sheets;
  std::string workbook_pr;
  std::string styles;
  std::string shared_strings;
  std::string sheet_target_prefix = "worksheets/";

  std::vector<Part> parts() const {
    std::string workbook = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"") + main_ns +
                           "\" xmlns:r=\"" + rel_ns + "\"><workbookPr " + workbook_pr + "/><sheets>";
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    std::vector<Part> out;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      auto n = std::to_string(i + 1);
      workbook += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
      rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"" +
              sheet_target_prefix + "sheet" + n + ".xml\"/>";
      out.push_back({"xl/worksheets/sheet" + n + ".xml", sheets[i].second});
    }
    if (!styles.empty()) {
      rels += "<Relationship Id=\"rId100\" Type=\"" + std::string(rel_ns) + "/styles\" Target=\"styles.xml\"/>";
      out.push_back({"xl/styles.xml", styles});
    }
    if (!shared_strings.empty()) {
      rels += "<Relationship Id=\"rId101\" Type=\"" + std::string(rel_ns) +
              "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
      out.push_back({"xl/sharedStrings.xml", shared_strings});
    }
    workbook += "</sheets></workbook>";
    rels += "</Relationships>";
    out.push_back({"xl/workbook.xml", workbook});
    out.push_back({"xl/_rels/workbook.xml.rels", rels});
    return out;
  }

  fs::path write(const kangle::test::TempDir& dir, const std::string& name = "book.xlsx") const {
    auto file = dir.path() / name;
    write_zip(file, parts());
    return file;
  }
};

std::string styles_xml(const std::string& num_fmts, const std::string& cell_xfs) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet xmlns=\"") + main_ns + "\"><numFmts>" +
         num_fmts + "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>" + cell_xfs +
         "</cellXfs><dxfs count=\"1\"><dxf><numFmt numFmtId=\"168\" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs>"
         "</styleSheet>";
}

/// The little-endian 16-bit number at `at` of a zip's bytes.
std::size_t u16_at(const std::string& bytes, std::size_t at) {
  return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at]) | (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

/// A 32-bit field of `name`'s entry, set to `value` in both the local and the central
/// header: what a zip that lies, or was damaged, says of its entry.
enum class HeaderField { crc, compressed_size, size };
void patch_header(const fs::path& file, const std::string& name, HeaderField field, std::uint32_t value) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  auto put32 = [&](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  // The field's offset in the local header (14, 18, 22); in the central one, 2 further on.
  const std::size_t local = field == HeaderField::crc ? 14 : field == HeaderField::compressed_size ? 18 : 22;
  int patched = 0;
  for (std::size_t at = 0; at + 46 < bytes.size(); ++at) {
    if (bytes.compare(at, 4, "PK\x03\x04") == 0 && bytes.compare(at + 30, name.size(), name) == 0 &&
        u16_at(bytes, at + 26) == name.size()) {
      put32(at + local, value);
      ++patched;
    } else if (bytes.compare(at, 4, "PK\x01\x02") == 0 && bytes.compare(at + 46, name.size(), name) == 0 &&
               u16_at(bytes, at + 28) == name.size()) {
      put32(at + local + 2, value);
      ++patched;
    }
  }
  REQUIRE(patched == 2);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// A workbook as Excel users make them, written by libxlsxwriter.
fs::path write_volunteer_book(const kangle::test::TempDir& dir) {
  auto file = dir.path() / "volunteers.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  REQUIRE(book != nullptr);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* date_time = workbook_add_format(book);
  format_set_num_format(date_time, "yyyy-mm-dd hh:mm");
  lxw_format* merged = workbook_add_format(book);
  format_set_align(merged, LXW_ALIGN_CENTER);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);

  lxw_worksheet* sheet = workbook_add_worksheet(book, "志愿者");
  worksheet_merge_range(sheet, 0, 0, 0, 3, "2026 志愿者名单", merged);
  worksheet_write_string(sheet, 1, 0, "姓名", nullptr);
  worksheet_write_string(sheet, 1, 1, "电话", nullptr);
  worksheet_write_string(sheet, 1, 2, "生日", nullptr);
  worksheet_write_string(sheet, 1, 3, "技能", nullptr);
  worksheet_write_string(sheet, 2, 0, "张三", nullptr);
  worksheet_write_number(sheet, 2, 1, 13800138000.0, nullptr);
  lxw_datetime birthday = {1990, 5, 17, 0, 0, 0};
  worksheet_write_datetime(sheet, 2, 2, &birthday, date);
  worksheet_write_string(sheet, 2, 3, "理发", nullptr);
  // Row 4 (index 3) stays blank; row 5 has a formula, a date with a time and rich text.
  worksheet_write_string(sheet, 4, 0, "李四", nullptr);
  worksheet_write_formula_num(sheet, 4, 1, "=1+2", nullptr, 3);
  lxw_datetime session = {2026, 12, 3, 9, 30, 0};
  worksheet_write_datetime(sheet, 4, 2, &session, date_time);
  std::string red = "红色";
  std::string plain = "文字";
  lxw_rich_string_tuple first = {bold, red.data()};
  lxw_rich_string_tuple second = {nullptr, plain.data()};
  lxw_rich_string_tuple* rich[] = {&first, &second, nullptr};
  worksheet_write_rich_string(sheet, 4, 3, rich, nullptr);
  worksheet_write_boolean(sheet, 4, 4, 1, nullptr);
  worksheet_write_number(sheet, 4, 5, 0.1, nullptr);

  lxw_worksheet* groups = workbook_add_worksheet(book, "分组");
  worksheet_write_string(groups, 0, 0, "组", nullptr);
  worksheet_write_string(groups, 0, 1, "姓名", nullptr);
  // A vertical merge with formatted blanks below its first cell (rows present in the XML),
  // and one without a format (libxlsxwriter then leaves the rows below out).
  worksheet_merge_range(groups, 1, 0, 3, 0, "理发组", merged);
  worksheet_write_string(groups, 1, 1, "张三", nullptr);
  worksheet_write_string(groups, 2, 1, "李四", nullptr);
  worksheet_write_string(groups, 3, 1, "王五", nullptr);
  worksheet_merge_range(groups, 5, 2, 7, 2, "备注", nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  return file;
}

}  // namespace

TEST_CASE("xlsx, a merged title above the header, phones as numbers, dates", "[xlsx]") {
  kangle::test::TempDir dir;
  auto file = write_volunteer_book(dir);
  auto rows = read_rows(file);
  REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3, 5});

  CHECK(texts(rows[0]) == std::vector<std::string>(4, "2026 志愿者名单"));
  for (const auto& cell : rows[0].cells) CHECK(cell.kind == Cell::Kind::text);
  CHECK(texts(rows[1]) == std::vector<std::string>{"姓名", "电话", "生日", "技能"});

  REQUIRE(rows[2].cells.size() == 4);
  CHECK(rows[2].cells[0].text == "张三");
  CHECK(rows[2].cells[1].kind == Cell::Kind::number);
  CHECK(rows[2].cells[1].text == "13800138000");
  CHECK(rows[2].cells[1].number == 13800138000.0);
  CHECK(rows[2].cells[2].kind == Cell::Kind::date);
  CHECK(rows[2].cells[2].text == "1990-05-17");
  CHECK(rows[2].cells[2].number == 33010);
  CHECK(rows[2].cells[3].text == "理发");

  REQUIRE(rows[3].cells.size() == 6);
  CHECK(rows[3].cells[0].text == "李四");
  CHECK(rows[3].cells[1].kind == Cell::Kind::number);
  CHECK(rows[3].cells[1].text == "3");
  CHECK(rows[3].cells[2].kind == Cell::Kind::date);
  CHECK(rows[3].cells[2].text == "2026-12-03 09:30");
  CHECK(rows[3].cells[3].kind == Cell::Kind::text);
  CHECK(rows[3].cells[3].text == "红色文字");
  CHECK(rows[3].cells[4].kind == Cell::Kind::boolean);
  CHECK(rows[3].cells[4].text == "TRUE");
  CHECK(rows[3].cells[5].text == "0.1");
}

TEST_CASE("xlsx, sheet names in workbook order, each sheet opened by index", "[xlsx]") {
  kangle::test::TempDir dir;
  auto file = write_volunteer_book(dir);
  CHECK(kangle::import::xlsx_sheet_names(file) == std::vector<std::string>{"志愿者", "分组"});
  CHECK(kangle::import::open_xlsx_sheet(file, 0)->name() == "志愿者");
  auto reader = kangle::import::open_xlsx_sheet(file, 1);
  CHECK(reader->name() == "分组");
  Row row;
  REQUIRE(reader->next(row));
  CHECK(row.number == 1);
  CHECK(texts(row) == std::vector<std::string>{"组", "姓名"});

  CHECK(error_message<kangle::InputError>([&] { kangle::import::open_xlsx_sheet(file, 2); }) ==
        file.string() + ": there is no sheet number 3 (the workbook has 2)");
}

TEST_CASE("xlsx, a merged range spanning rows fills each row", "[xlsx]") {
  kangle::test::TempDir dir;
  auto rows = read_rows(write_volunteer_book(dir), 1);
  // Rows 7 and 8 are not in the XML: a merged range is cut at the last row the sheet data
  // mentions, so that a range over a whole column does not make a million rows.
  REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3, 4, 6});
  CHECK(texts(rows[1]) == std::vector<std::string>{"理发组", "张三"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"理发组", "李四"});
  CHECK(texts(rows[3]) == std::vector<std::string>{"理发组", "王五"});
  CHECK(texts(rows[4]) == std::vector<std::string>{"", "", "备注"});
  CHECK(rows[4].cells[0].kind == Cell::Kind::empty);
}

TEST_CASE("xlsx, merged ranges: copies of the value, rows left out, whole columns", "[xlsx]") {
  kangle::test::TempDir dir;
  HandMade book;
  book.sheets = {{"Sheet1", sheet_xml("<row r=\"1\">" + inline_cell("A1", "标题") + inline_cell("E1", "全列") +
                                          "</row><row r=\"2\">" + inline_cell("A2", "组") +
                                          "<c r=\"B2\"><v>1</v></c></row><row r=\"4\"><c r=\"B4\"><v>3</v></c></row>",
                                      "<mergeCells count=\"4\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A2:A4\"/>"
                                      "<mergeCell ref=\"D2:D4\"/><mergeCell ref=\"E1:E1048576\"/></mergeCells>")}};
  auto rows = read_rows(book.write(dir));
  REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3, 4});
  CHECK(texts(rows[0]) == std::vector<std::string>{"标题", "标题", "标题", "", "全列"});
  CHECK(texts(rows[1]) == std::vector<std::string>{"组", "1", "", "", "全列"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"组", "", "", "", "全列"});
  CHECK(texts(rows[3]) == std::vector<std::string>{"组", "3", "", "", "全列"});
  CHECK(rows[2].cells[1].kind == Cell::Kind::empty);
}

TEST_CASE("xlsx, merged ranges found however the sheet's XML is written", "[xlsx]") {
  kangle::test::TempDir dir;
  // Markup inside a comment, CDATA and a processing instruction is text; names may have a
  // prefix, values single quotes and references; a row may take its number from its first
  // cell or from the row before; an empty row at the end still counts as the last row. An
  // end tag in a comment, an instruction or CDATA among a row's cells does not end it, nor
  // does a `w` in its text.
  std::string data = "<!-- <mergeCell ref=\"A1:B1\"/> <row r=\"9\"> -->"
                     "<x:row x:r='1'>" + inline_cell("A1", "标题") + inline_cell("D1", "全列") + "</x:row>"
                     "<row><c r=\"A2\" t=\"inlineStr\"><is><t><![CDATA[<mergeCell ref=\"C1:C9\"/></row>]]></t></is></c></row>"
                     "<row><c t=\"inlineStr\"><is><t>组</t></is></c></row>"
                     "<?kangle <row r=\"20\"/> ?>"
                     "<row r = \"5\" ><!-- </row><row r=\"9\"/> --><c r=\"B5\"><v>5</v></c><?kangle </row> ?></row>"
                     "<row r=\"6\"/>"
                     "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>wow<![CDATA[</row><row r=\"8\">]]></t></is></c></row>";
  HandMade book;
  book.sheets = {{"Sheet1", sheet_xml(data, "<mergeCells><x:mergeCell ref='A1:C1'/><mergeCell ref=\"A3&#58;A6\"/>"
                                            "<mergeCell ref=\"D1:D1048576\"/></mergeCells>")}};
  auto rows = read_rows(book.write(dir));
  REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7});
  CHECK(texts(rows[0]) == std::vector<std::string>{"标题", "标题", "标题", "全列"});
  CHECK(texts(rows[1]) == std::vector<std::string>{"<mergeCell ref=\"C1:C9\"/></row>", "", "", "全列"});
  CHECK(texts(rows[2]) == std::vector<std::string>{"组", "", "", "全列"});
  CHECK(texts(rows[3]) == std::vector<std::string>{"组", "", "", "全列"});
  CHECK(texts(rows[4]) == std::vector<std::string>{"组", "5", "", "全列"});
  CHECK(texts(rows[5]) == std::vector<std::string>{"组", "", "", "全列"});
  CHECK(texts(rows[6]) == std::vector<std::string>{"wow</row><row r=\"8\">", "", "", "全列"});
}

TEST_CASE("xlsx, merged ranges after a sheet of many chunks, inflated on a thread of its own", "[xlsx]") {
  // The layout scan reads the sheet as a second thread inflates it, some 64 KiB at a time:
  // 30,000 rows are some 1.5 MB, two dozen chunks handed across. A range near the top and
  // one near the end, after every row, are both found.
  kangle::test::TempDir dir;
  std::string data = "<row r=\"1\">" + inline_cell("A1", "标题") + "</row>";
  constexpr std::size_t last = 30000;
  for (std::size_t r = 2; r <= last; ++r) {
    const auto n = std::to_string(r);
    data += "<row r=\"" + n + "\">" + (r == last - 2 ? inline_cell("A" + n, "末组") : "") + "<c r=\"B" + n +
            "\"><v>" + n + "</v></c></row>";
  }
  const auto first = std::to_string(last - 2), end = std::to_string(last);
  HandMade book;
  book.sheets = {{"Sheet1", sheet_xml(data, "<mergeCells><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"A" + first + ":A" +
                                                end + "\"/></mergeCells>")}};
  auto rows = read_rows(book.write(dir));
  REQUIRE(rows.size() == last);
  CHECK(texts(rows[0]) == std::vector<std::string>{"标题", "标题"});
  CHECK(texts(rows[1]) == std::vector<std::string>{"", "2"});
  CHECK(texts(rows[last - 4]) == std::vector<std::string>{"", std::to_string(last - 3)});
  for (std::size_t r = last - 2; r <= last; ++r) CHECK(texts(rows[r - 1]) == std::vector<std::string>{"末组", std::to_string(r)});
}

TEST_CASE("xlsx, merged ranges in a sheet written in UTF-16", "[xlsx]") {
  kangle::test::TempDir dir;
  std::string utf8 = sheet_xml("<row r=\"1\">" + inline_cell("A1", "标题") + "</row><row r=\"2\">" +
                                   inline_cell("A2", "组") + inline_cell("B2", "张三") + "</row><row r=\"3\">" +
                                   inline_cell("B3", "李四") + "</row>",
                               "<mergeCells><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A2:A3\"/></mergeCells>");
  utf8.replace(utf8.find("UTF-8"), 5, "UTF-16");
  std::u32string code_points;  // the XML holds ASCII and three-byte characters only
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      code_points += c;
    } else {
      code_points += ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
                     (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      i += 2;
    }
  }
  for (bool big_endian : {false, true}) {
    std::string utf16;
    for (char32_t c : std::u32string(U"\uFEFF") + code_points) {
      char high = static_cast<char>(c >> 8), low = static_cast<char>(c & 0xFF);
      utf16 += big_endian ? std::string{high, low} : std::string{low, high};
    }
    HandMade book;
    book.sheets = {{"Sheet1", utf16}};
    auto rows = read_rows(book.write(dir, big_endian ? "be.xlsx" : "le.xlsx"));
    INFO(big_endian);
    REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3});
    CHECK(texts(rows[0]) == std::vector<std::string>{"标题", "标题", "标题"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"组", "张三"});
    CHECK(texts(rows[2]) == std::vector<std::string>{"组", "李四"});
  }
}

TEST_CASE("xlsx, merged ranges and rows whose tags the 64 KiB chunks of the XML cut", "[xlsx]") {
  kangle::test::TempDir dir;
  auto whole = sheet_xml("@", "<mergeCells count=\"2\"><mergeCell ref=\"A3:A5\"/><mergeCell ref=\"C1:C1048576\"/>"
                              "</mergeCells>");
  auto at = whole.find('@');
  std::string row_1 = "<row r=\"1\">" + inline_cell("A1", "@") + inline_cell("C1", "全列") + "</row>";
  // Row 1 fills the XML up to 400 bytes before the first chunk's end; a comment of 0 to 400
  // bytes then moves the rest across that end, a byte at a time.
  std::string filler(65536 - 400 - at - (row_1.size() - 1), 'x');
  row_1.replace(row_1.find('@'), 1, filler);
  std::string rest = "<row><c r=\"A3\" t=\"inlineStr\"><is><t>组</t></is></c></row>"
                     "<row r=\"4\"><c r=\"B4\"><v>4</v></c></row><row r=\"6\"/>";
  for (std::size_t pad = 0; pad <= 400; ++pad) {
    HandMade book;
    book.sheets = {{"Sheet1", whole.substr(0, at) + row_1 + "<!--" + std::string(pad, ' ') + "-->" + rest +
                                  whole.substr(at + 1)}};
    auto rows = read_rows(book.write(dir));
    INFO(pad);
    REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3, 4, 5, 6});
    CHECK(texts(rows[0]) == std::vector<std::string>{filler, "", "全列"});
    CHECK(texts(rows[1]) == std::vector<std::string>{"", "", "全列"});
    CHECK(texts(rows[2]) == std::vector<std::string>{"组", "", "全列"});
    CHECK(texts(rows[3]) == std::vector<std::string>{"组", "4", "全列"});
    CHECK(texts(rows[4]) == std::vector<std::string>{"组", "", "全列"});
    CHECK(texts(rows[5]) == std::vector<std::string>{"", "", "全列"});
  }
}

TEST_CASE("xlsx, cells as Excel and other programs write them", "[xlsx]") {
  kangle::test::TempDir dir;
  HandMade book;
  book.shared_strings = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"") + main_ns +
                        "\" count=\"5\" uniqueCount=\"5\">"
                        "<si><t>普通</t></si>"
                        "<si><r><rPr><b/></rPr><t>红色</t></r><r><t xml:space=\"preserve\"> 文字</t></r>"
                        "<rPh sb=\"0\" eb=\"2\"><t>hongse</t></rPh><phoneticPr fontId=\"1\"/></si>"
                        "<si><t>第一行_x000D_\n第二行</t></si>"
                        "<si><t></t></si>"
                        "<si><t>a_x005F_x0041_b &amp; &lt;c&gt;</t></si>"
                        "</sst>";
  book.sheets = {{"Sheet1", sheet_xml(
                                // r on every row and cell
                                "<row r=\"1\" spans=\"1:10\">"
                                "<c r=\"A1\" t=\"s\"><v>0</v></c>"
                                "<c r=\"B1\" t=\"s\"><v>1</v></c>"
                                "<c r=\"C1\" t=\"inlineStr\"><is><t>行内</t></is></c>"
                                "<c r=\"D1\" t=\"inlineStr\"><is><r><t>甲</t></r><r><rPr><i/></rPr><t>乙</t></r>"
                                "<rPh sb=\"0\" eb=\"1\"><t>jia</t></rPh></is></c>"
                                "<c r=\"E1\" t=\"str\"><f>A1&amp;\"x\"</f><v>普通x</v></c>"
                                "<c r=\"F1\" t=\"b\"><v>1</v></c>"
                                "<c r=\"G1\" t=\"b\"><v>0</v></c>"
                                "<c r=\"H1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                                "<c r=\"I1\" t=\"s\"><v>3</v></c>"
                                "<c r=\"J1\"><f>SUM(K1:K2)</f></c>"
                                "</row>"
                                "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
                                "<c r=\"C2\"><f>1+2</f><v>3</v></c><c r=\"D2\" t=\"n\"><v>1.38E10</v></c>"
                                "<c r=\"E2\"><v>-2.5</v></c><c r=\"F2\"><v>0.30000000000000004</v></c></row>"
                                // no r on the row nor on some cells: they follow the previous one
                                "<row><c t=\"inlineStr\"><is><t>x</t></is></c>" +
                                inline_cell("C3", "y") +
                                "<c><v>7</v></c></row>"
                                "<row r=\"5\"><c s=\"0\"/><c><v>1</v></c></row>"
                                // a row of styled blanks is skipped
                                "<row r=\"6\"><c r=\"A6\" s=\"1\"/>"
                                "<c r=\"B6\" t=\"inlineStr\"><is><t></t></is></c></row>"
                                // a row without r takes the number its cells give, the next follows it
                                "<row><c r=\"B8\"><v>8</v></c></row>"
                                "<row><c><v>9</v></c></row>"
                                "<x:row xmlns:x=\"urn:other\" r=\"10\"><x:c r=\"A10\"><x:v>10</x:v></x:c></x:row>")}};
  auto rows = read_rows(book.write(dir));
  REQUIRE(numbers(rows) == std::vector<std::size_t>{1, 2, 3, 5, 8, 9, 10});

  CHECK(texts(rows[0]) ==
        std::vector<std::string>{"普通", "红色 文字", "行内", "甲乙", "普通x", "TRUE", "FALSE", "#DIV/0!"});
  const auto& first = rows[0].cells;
  CHECK(first[0].kind == Cell::Kind::text);
  CHECK(first[4].kind == Cell::Kind::text);
  CHECK(first[5].kind == Cell::Kind::boolean);
  CHECK(first[5].number == 1);
  CHECK(first[6].kind == Cell::Kind::boolean);
  CHECK(first[6].number == 0);
  CHECK(first[7].kind == Cell::Kind::text);

  CHECK(texts(rows[1]) == std::vector<std::string>{"第一行\r\n第二行", "a_x0041_b & <c>", "3", "13800000000", "-2.5",
                                                   "0.30000000000000004"});
  CHECK(rows[1].cells[3].kind == Cell::Kind::number);
  CHECK(rows[1].cells[3].number == 13800000000.0);

  CHECK(texts(rows[2]) == std::vector<std::string>{"x", "", "y", "7"});
  CHECK(rows[2].cells[1].kind == Cell::Kind::empty);
  CHECK(texts(rows[3]) == std::vector<std::string>{"", "1"});
  CHECK(texts(rows[4]) == std::vector<std::string>{"", "8"});
  CHECK(texts(rows[5]) == std::vector<std::string>{"9"});
  CHECK(texts(rows[6]) == std::vector<std::string>{"10"});
}

TEST_CASE("xlsx, dates by built-in and custom formats, 1900 epoch", "[xlsx]") {
  kangle::test::TempDir dir;
  HandMade book;
  book.styles = styles_xml(
      "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"0.00&quot; days&quot;\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"[Red]0.00;[Blue]\\-0.00\"/>"
      "<numFmt numFmtId=\"168\" formatCode=\"General\"/>",
      "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
      "<xf numFmtId=\"22\"/><xf numFmtId=\"20\"/><xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"31\"/>");
  book.sheets = {{"Sheet1", sheet_xml("<row r=\"1\">"
                                      "<c r=\"A1\" s=\"1\"><v>46359</v></c>"
                                      "<c r=\"B1\" s=\"2\"><v>46359.5</v></c>"
                                      "<c r=\"C1\" s=\"3\"><v>0.75</v></c>"
                                      "<c r=\"D1\" s=\"4\"><v>3.5</v></c>"
                                      "<c r=\"E1\" s=\"5\"><v>46359.395833333336</v></c>"
                                      "<c r=\"F1\" s=\"6\"><v>0.39583333333333331</v></c>"
                                      "<c r=\"G1\" s=\"7\"><v>46359</v></c>"
                                      "<c r=\"H1\" s=\"8\"><v>46359</v></c>"
                                      "<c r=\"I1\" s=\"9\"><v>46359</v></c>"
                                      "<c r=\"J1\" s=\"0\"><v>46359</v></c>"
                                      "</row><row r=\"2\">"
                                      "<c r=\"A2\" s=\"1\"><v>60</v></c>"
                                      "<c r=\"B2\" s=\"1\"><v>1</v></c>"
                                      "<c r=\"C2\" s=\"1\"><v>59</v></c>"
                                      "<c r=\"D2\" s=\"1\"><v>61</v></c>"
                                      "<c r=\"E2\" s=\"1\"><v>45351</v></c>"
                                      "<c r=\"F2\" s=\"1\"><v>-1</v></c>"
                                      "<c r=\"G2\" s=\"99\"><v>5</v></c>"
                                      "<c r=\"H2\" s=\"1\"><v>46359.99999999</v></c>"
                                      "<c r=\"I2\" t=\"d\"><v>2026-12-03T09:30:00</v></c>"
                                      "</row>")}};
  auto rows = read_rows(book.write(dir));
  REQUIRE(rows.size() == 2);
  CHECK(texts(rows[0]) == std::vector<std::string>{"2026-12-03", "2026-12-03 12:00", "18:00", "3.5",
                                                   "2026-12-03 09:30", "09:30", "46359", "46359", "2026-12-03",
                                                   "46359"});
  std::vector<Cell::Kind> kinds;
  for (const auto& cell : rows[0].cells) kinds.push_back(cell.kind);
  using K = Cell::Kind;
  CHECK(kinds == std::vector<K>{K::date, K::date, K::date, K::number, K::date, K::date, K::number, K::number, K::date,
                                K::number});
  CHECK(rows[0].cells[0].number == 46359);
  CHECK(rows[0].cells[1].number == 46359.5);

  CHECK(texts(rows[1]) == std::vector<std::string>{"1900-02-29", "1900-01-01", "1900-02-28", "1900-03-01",
                                                   "2024-02-29", "-1", "5", "2026-12-04", "2026-12-03 09:30"});
  CHECK(rows[1].cells[5].kind == K::number);
  CHECK(rows[1].cells[6].kind == K::number);
  CHECK(rows[1].cells[8].kind == K::date);
  CHECK(rows[1].cells[8].number == Approx(46359.395833333336));
}

TEST_CASE("xlsx, dates in a 1904 workbook", "[xlsx]") {
  kangle::test::TempDir dir;
  for (std::string flag : {"1", "true"}) {
    HandMade book;
    book.workbook_pr = "date1904=\"" + flag + "\"";
    book.styles = styles_xml("", "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/>");
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44897</v></c>"
                                        "<c r=\"B1\" s=\"1\"><v>0</v></c>"
                                        "<c r=\"C1\" s=\"2\"><v>44897.75</v></c>"
                                        "<c r=\"D1\"><v>44897</v></c></row>")}};
    auto rows = read_rows(book.write(dir, "book" + flag + ".xlsx"));
    REQUIRE(rows.size() == 1);
    CHECK(texts(rows[0]) == std::vector<std::string>{"2026-12-03", "1904-01-01", "2026-12-03 18:00", "44897"});
    CHECK(rows[0].cells[0].kind == Cell::Kind::date);
    CHECK(rows[0].cells[0].number == 44897);
  }
}

TEST_CASE("xlsx, sheet targets: absolute, and several sheets in order", "[xlsx]") {
  kangle::test::TempDir dir;
  HandMade book;
  book.sheet_target_prefix = "/xl/worksheets/";
  book.sheets = {{"一", sheet_xml("<row r=\"1\">" + inline_cell("A1", "first") + "</row>")},
                 {"二", sheet_xml("<row r=\"3\">" + inline_cell("B3", "second") + "</row>")}};
  auto file = book.write(dir);
  CHECK(kangle::import::xlsx_sheet_names(file) == std::vector<std::string>{"一", "二"});
  auto rows = read_rows(file, 1);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].number == 3);
  CHECK(texts(rows[0]) == std::vector<std::string>{"", "second"});
}

TEST_CASE("xlsx, thousands of rows stream through", "[xlsx]") {
  kangle::test::TempDir dir;
  auto file = dir.path() / "big.xlsx";
  // constant_memory makes libxlsxwriter write inline strings, as streaming writers do.
  lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
  lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
  REQUIRE(book != nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  for (lxw_row_t r = 0; r < 30000; ++r) {
    if (r % 10 == 9) continue;  // every tenth row blank
    worksheet_write_string(sheet, r, 0, ("志愿者" + std::to_string(r)).c_str(), nullptr);
    worksheet_write_number(sheet, r, 1, 13800000000.0 + r, nullptr);
  }
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);

  auto reader = kangle::import::open_xlsx_sheet(file, 0);
  CHECK(reader->name() == "Sheet1");
  Row row;
  std::size_t count = 0;
  bool all_match = true;
  while (reader->next(row)) {
    auto r = row.number - 1;
    all_match = all_match && r % 10 != 9 && row.cells.size() == 2 &&
                row.cells[0].text == "志愿者" + std::to_string(r) &&
                row.cells[1].text == std::to_string(13800000000 + r);
    ++count;
  }
  CHECK(count == 27000);
  CHECK(all_match);
  CHECK(row.number == 29999);
}

TEST_CASE("xlsx, files that are not .xlsx", "[xlsx]") {
  kangle::test::TempDir dir;
  auto text = dir.write("list.xlsx", "name,phone\n张三,13800138000\n");
  CHECK(error_message<kangle::InputError>([&] { kangle::import::xlsx_sheet_names(text); }) ==
        text.string() + ": not an .xlsx file (it is not a zip archive); if it is a spreadsheet, save it as .xlsx in "
                        "Excel or WPS");
  auto empty = dir.write("empty.xlsx", "");
  CHECK(error_message<kangle::InputError>([&] { kangle::import::open_xlsx_sheet(empty, 0); }) ==
        empty.string() + ": not an .xlsx file (it is not a zip archive); if it is a spreadsheet, save it as .xlsx in "
                         "Excel or WPS");
  auto missing = dir.path() / "missing.xlsx";
  CHECK(error_message<kangle::InputError>([&] { kangle::import::xlsx_sheet_names(missing); }) ==
        "cannot read " + missing.string() + ": No such file or directory");

  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  auto xls = dir.write("old.xls", ole + std::string(512, '\0'));
  CHECK(error_message<kangle::InputError>([&] { kangle::import::open_xlsx_sheet(xls, 0); }) ==
        xls.string() + ": this is an old .xls file or a password-protected workbook; open it in Excel or WPS and save "
                       "it as .xlsx (without a password)");
  CHECK(error_message<kangle::InputError>([&] { kangle::import::open_xlsx_sheet(xls, 0); }, kangle::Lang::zh_CN) ==
        xls.string() + "：这是旧版 .xls 文件或设了密码的工作簿；请用 Excel 或 WPS 打开，另存为 .xlsx 格式（不设密码）");

  auto other_zip = dir.path() / "other.xlsx";
  write_zip(other_zip, {{"readme.txt", "hello"}});
  CHECK(error_message<kangle::InputError>([&] { kangle::import::xlsx_sheet_names(other_zip); }) ==
        other_zip.string() + ": not an .xlsx workbook (no xl/workbook.xml inside)");
}

TEST_CASE("xlsx, a download cut short", "[xlsx]") {
  kangle::test::TempDir dir;
  auto good = write_volunteer_book(dir);
  auto bytes = dir.read(good.filename());
  auto cut = dir.write("cut.xlsx", bytes.substr(0, bytes.size() / 2));
  CHECK(error_message<kangle::InputError>([&] { kangle::import::open_xlsx_sheet(cut, 0); }) ==
        cut.string() + ": the file is damaged or incomplete (Not a zip archive); download or copy it again");
}

TEST_CASE("xlsx, broken parts inside the zip", "[xlsx]") {
  kangle::test::TempDir dir;
  SECTION("malformed XML names the sheet and the row") {
    HandMade book;
    book.sheets = {{"名单", sheet_xml("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ", sheet \"名单\", row 1: xl/worksheets/sheet1.xml is malformed (line 2: mismatched tag)");
  }
  SECTION("a sheet the workbook lists but the zip lacks") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("")}};
    auto parts = book.parts();
    parts.erase(parts.begin());
    auto file = dir.path() / "book.xlsx";
    write_zip(file, parts);
    CHECK(kangle::import::xlsx_sheet_names(file) == std::vector<std::string>{"Sheet1"});
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ": the workbook refers to xl/worksheets/sheet1.xml, which is not in the file");
  }
  SECTION("a shared string that does not exist") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"2\"><c r=\"C2\" t=\"s\"><v>5</v></c></row>")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ", sheet \"Sheet1\", cell C2: refers to shared string 5, which does not exist");
  }
  SECTION("a number that is not one") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"2\"><c r=\"B2\"><v>12abc</v></c></row>")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ", sheet \"Sheet1\", cell B2: \"12abc\" is not a number");
  }
  SECTION("a cell reference beyond Excel's grid") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ", sheet \"Sheet1\", row 2: \"XFE2\" is not a cell reference");
  }
  SECTION("rows out of order") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) == file.string() + ", sheet \"Sheet1\": row 3 comes after row 5");
  }
  SECTION("a cell longer than Excel allows") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"4\">" + inline_cell("D4", std::string(32767 * 4 + 1, 'x')) +
                                        "</row>")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ", sheet \"Sheet1\", cell D4: the text is longer than Excel allows (32767 characters)");
  }
  SECTION("a shared string longer than Excel allows") {
    HandMade book;
    book.shared_strings = "<sst><si><t>" + std::string(32767 * 4 + 1, 'x') + "</t></si></sst>";
    book.sheets = {{"Sheet1", sheet_xml("")}};
    auto file = book.write(dir);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ": the text is longer than Excel allows (32767 characters)");
  }
  SECTION("merged ranges over too many cells") {
    HandMade book;
    book.sheets = {{"Sheet1", sheet_xml("<row r=\"1\">" + inline_cell("A1", "t") + "</row>",
                                        "<mergeCells><mergeCell ref=\"A1:Z1\"/></mergeCells>")}};
    auto file = book.write(dir);
    XlsxLimits limits;
    limits.max_merged_cells = 10;
    CHECK(error_message<kangle::InputError>([&] { read_rows(file, 0, limits); }) ==
          file.string() + ", sheet \"Sheet1\": merged cells cover more than 10 cells; refused");
    CHECK(read_rows(file).at(0).cells.size() == 26);
  }
}

TEST_CASE("xlsx, a part whose inflated bytes are not what the zip says is refused", "[xlsx]") {
  kangle::test::TempDir dir;
  HandMade book;
  std::string rows;
  for (int r = 1; r <= 2000; ++r) {
    auto number = std::to_string(r);
    rows += "<row r=\"" + number + "\">" + inline_cell("A" + number, "第" + number + "行") + "</row>";
  }
  book.sheets = {{"Sheet1", sheet_xml(rows)}};
  auto file = book.write(dir);
  const std::string part = "xl/worksheets/sheet1.xml";
  REQUIRE(read_rows(file).size() == 2000);
  // Where the sheet's deflated bytes start: after its local header, its name and its extra field.
  auto deflated_at = [&](const std::string& bytes) {
    auto header = bytes.find("PK\x03\x04");
    for (; header != std::string::npos; header = bytes.find("PK\x03\x04", header + 1)) {
      if (bytes.compare(header + 30, part.size(), part) == 0) break;
    }
    REQUIRE(header != std::string::npos);
    return header + 30 + u16_at(bytes, header + 26) + u16_at(bytes, header + 28);
  };
  auto damaged = [&](const std::string& why) {
    return file.string() + ": the file is damaged or incomplete (" + part + ": " + why + "); download or copy it again";
  };
  SECTION("another CRC") {
    patch_header(file, part, HeaderField::crc, 12345);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) == damaged("CRC error"));
  }
  SECTION("another size") {
    const auto size = static_cast<std::uint32_t>(sheet_xml(rows).size());
    patch_header(file, part, HeaderField::size, size + 1);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) == damaged("Zip archive inconsistent"));
  }
  SECTION("a deflated block of no type deflate has") {
    auto bytes = dir.read(file.filename());
    auto data = deflated_at(bytes);
    bytes[data] = '\x07';  // the last block, of type 3: reserved
    auto broken = dir.write("broken.xlsx", bytes);
    CHECK(error_message<kangle::InputError>([&] { read_rows(broken); }) ==
          broken.string() + ": the file is damaged or incomplete (" + part + ": Compressed data invalid); download or copy it again");
  }
  SECTION("the deflated bytes overwritten, inflated all the same") {
    auto bytes = dir.read(file.filename());
    auto data = deflated_at(bytes);
    REQUIRE(data + 600 < bytes.size());
    bytes.replace(data + 300, 200, std::string(200, '\xFF'));
    auto broken = dir.write("broken.xlsx", bytes);
    CHECK(error_message<kangle::InputError>([&] { read_rows(broken); }) ==
          broken.string() + ": the file is damaged or incomplete (" + part + ": CRC error); download or copy it again");
  }
  SECTION("the deflated bytes cut short") {
    patch_header(file, part, HeaderField::compressed_size, 100);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) == damaged("Premature end of file"));
  }
}

TEST_CASE("xlsx, part names that leave the workbook are refused", "[xlsx]") {
  kangle::test::TempDir dir;
  for (std::string prefix : {"../../", "worksheets/../../", "%2E%2E/", "C:/", "file:///etc/"}) {
    HandMade book;
    book.sheet_target_prefix = prefix;
    book.sheets = {{"Sheet1", sheet_xml("")}};
    auto file = book.write(dir);
    INFO(prefix);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ": refused the part name \"" + prefix + "sheet1.xml\" (it points outside the workbook)");
  }
}

TEST_CASE("xlsx, a DOCTYPE is refused before any entity is expanded", "[xlsx]") {
  kangle::test::TempDir dir;
  std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol4;</t></is></c></row>"
      "</sheetData></worksheet>";
  HandMade book;
  book.sheets = {{"Sheet1", laughs}};
  auto file = book.write(dir);
  CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
        file.string() + ", sheet \"Sheet1\": xl/worksheets/sheet1.xml contains a DOCTYPE declaration, which "
                        "spreadsheets never need; refused for safety");

  HandMade external;
  external.shared_strings =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><sst><si><t>&xxe;</t>"
      "</si></sst>";
  external.sheets = {{"Sheet1", sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")}};
  auto second = external.write(dir, "external.xlsx");
  CHECK(error_message<kangle::InputError>([&] { read_rows(second); }) ==
        second.string() + ": xl/sharedStrings.xml contains a DOCTYPE declaration, which spreadsheets never need; "
                          "refused for safety");
}

TEST_CASE("xlsx, zip bombs are refused by declared and by actual size", "[xlsx]") {
  kangle::test::TempDir dir;
  // 4 MiB of white space between elements: valid XML that deflate packs about 1000:1.
  HandMade book;
  book.sheets = {{"Sheet1", "<worksheet><sheetData>" + std::string(std::size_t{4} << 20, ' ') +
                                "</sheetData></worksheet>"}};
  auto file = book.write(dir);
  const std::string part = "xl/worksheets/sheet1.xml";

  SECTION("declared size over the limit") {
    XlsxLimits limits;
    limits.max_sheet_bytes = std::uint64_t{1} << 20;
    CHECK(error_message<kangle::InputError>([&] { read_rows(file, 0, limits); }) ==
          file.string() + ": " + part + " unpacks to more than 1048576 bytes; refused as a possible zip bomb");
  }
  SECTION("declared compression ratio over the limit") {
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ": " + part + " is compressed more than 200:1; refused as a possible zip bomb");
  }
  SECTION("an entry that lies about its size is stopped while reading") {
    patch_header(file, part, HeaderField::size, 1000);
    CHECK(error_message<kangle::InputError>([&] { read_rows(file); }) ==
          file.string() + ": " + part + " is compressed more than 200:1; refused as a possible zip bomb");
    XlsxLimits limits;
    limits.max_sheet_bytes = 256 * 1024;
    CHECK(error_message<kangle::InputError>([&] { read_rows(file, 0, limits); }) ==
          file.string() + ": " + part + " unpacks to more than 262144 bytes; refused as a possible zip bomb");
  }
  SECTION("the same content within generous limits reads as an empty sheet") {
    XlsxLimits limits;
    limits.max_ratio = 5000;
    CHECK(read_rows(file, 0, limits).empty());
  }
}

}  // namespace xlsx_test
