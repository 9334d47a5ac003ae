// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as an .xlsx file, every sheet read to its end. An input
// that is not a zip (no "PK" at its start) is packed first, stored, as the parts of a
// one-sheet workbook — sheet1.xml, then sharedStrings.xml and styles.xml after NUL
// bytes — so that mutations reach the XML readers past zip's CRCs.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "fuzz_file.hpp"
#include "import/xlsx_reader.hpp"

namespace {

constexpr std::string_view workbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";

constexpr std::string_view workbook_rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

/// `parts` as the workbook's sheet, shared strings and styles, in a zip at `file`.
void pack(const std::filesystem::path& file, const std::vector<std::string_view>& parts) {
  static constexpr const char* names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"};
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) std::abort();
  auto add = [&](const char* name, std::string_view content) {
    zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
    zip_int64_t index = source == nullptr ? -1 : zip_file_add(zip, name, source, ZIP_FL_ENC_UTF_8);
    if (index < 0 || zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) != 0) std::abort();
  };
  add("xl/workbook.xml", workbook);
  add("xl/_rels/workbook.xml.rels", workbook_rels);
  for (std::size_t i = 0; i < parts.size() && i < 3; ++i) add(names[i], parts[i]);
  if (zip_close(zip) != 0) std::abort();
}

void read_every_sheet(const std::filesystem::path& file, const kangle::import::XlsxLimits& limits) {
  auto names = kangle::import::xlsx_sheet_names(file, limits);
  // A workbook of thousands of sheets is no harder than one of a few.
  for (std::size_t i = 0; i < names.size() && i < 4; ++i) {
    try {
      auto reader = kangle::import::open_xlsx_sheet(file, i, limits);
      kangle::import::Row row;
      while (reader->next(row)) {
      }
    } catch (const kangle::InputError&) {
      // this sheet is broken; the next may not be
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kangle::fuzz::InputFile input("book.xlsx");
  // The default bounds let one small input fill ten million merged cells, slowly and on
  // purpose (xlsx_test.cpp tests the bounds themselves): smaller ones keep each run short.
  kangle::import::XlsxLimits limits;
  limits.max_merged_cells = 100'000;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with("PK")) {
    input.write(data, size);
  } else {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
      auto end = bytes.find('\0', start);
      parts.push_back(bytes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    pack(input.path(), parts);
  }
  try {
    read_every_sheet(input.path(), limits);
  } catch (const kangle::InputError&) {
    // not an .xlsx, or a damaged one: refused with a message, as it should be
  }
  return 0;
}
