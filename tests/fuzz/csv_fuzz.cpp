// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a CSV sign-up sheet, read as `kangle import` reads it —
// the encoding and delimiter detected, every row read, then the header looked for.
#include <cstddef>
#include <cstdint>

#include "config/diagnostics.hpp"
#include "core/error.hpp"
#include "fuzz_file.hpp"
#include "import/csv_reader.hpp"
#include "import/table.hpp"

namespace {

void read_all(kangle::import::SheetReader& reader) {
  kangle::import::Row row;
  while (reader.next(row)) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kangle::fuzz::InputFile input("sheet.csv");
  static const kangle::import::ColumnAliases aliases = [] {
    kangle::config::Diagnostics sink;
    return kangle::import::load_column_aliases(input.path().parent_path(), "volunteers", sink);
  }();
  const auto& file = input.write(data, size);
  try {
    read_all(*kangle::import::open_csv(file));
  } catch (const kangle::InputError&) {
    // undecodable text or an overlong record: refused with a message, as it should be
  }
  // The same bytes said to be GBK, as `--encoding gbk` does, whatever they look like.
  try {
    read_all(*kangle::import::open_csv(file, kangle::import::Encoding::gb18030));
  } catch (const kangle::InputError&) {
  }
  // Whether text or a workbook (open_table tells them apart by their first bytes).
  try {
    auto table = kangle::import::open_table(file, {}, aliases, "name");
    read_all(*table.reader);
  } catch (const kangle::InputError&) {
  }
  return 0;
}
