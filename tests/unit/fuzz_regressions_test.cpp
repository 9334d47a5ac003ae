// SPDX-License-Identifier: Apache-2.0
// What the fuzz targets of tests/fuzz found, each case named after the target that found
// it. Some only fail under the sanitizers (scripts/sanitize.sh): a leak, for one.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "config/diagnostics.hpp"
#include "config/embedded.hpp"
#include "config/loader.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/csv_reader.hpp"
#include "import/normalize.hpp"
#include "import_report.hpp"
#include "temp_dir.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace fuzz_regressions_test {

using kangle::Lang;
using kangle::test::error_message;
using kangle::test::TempDir;

TEST_CASE("csv_fuzz: text that is not GB18030 either is refused, and its converter freed (leaked before)") {
  TempDir dir;
  // Not UTF-8, so read as GB18030, where no character starts with 0xFF: the first chunk
  // fails to decode inside the reader's constructor, which used to leak the iconv handle.
  auto file = dir.write("sheet.csv", "name,phone\n\xFF\xFF,13800138000\n");
  CHECK(error_message<kangle::InputError>([&] { kangle::import::open_csv(file); }) ==
        file.string() + ":2: the text is not valid GB18030; give the file's encoding with --encoding (utf-8, gbk, gb18030)");
}

TEST_CASE("availability_fuzz: every availability described in English reads back as itself (every day did not)") {
  using kangle::people::Availability;
  using kangle::people::DayPart;
  Availability every_day;
  for (unsigned d = 0; d < 7; ++d) every_day.slots[d].set(static_cast<std::size_t>(DayPart::morning));
  CHECK(kangle::import::describe_availability(every_day, Lang::en) == "every day am");
  CHECK(kangle::import::parse_availability("every day am") == every_day);
  Availability daytime;
  for (unsigned d = 0; d < 7; ++d) daytime.slots[d] = 0b011;
  CHECK(kangle::import::parse_availability("Every Day") == daytime);
  CHECK(kangle::import::parse_availability("每天") == daytime);
  std::vector<std::string> unreadable;
  CHECK_FALSE(kangle::import::parse_availability("every week", &unreadable));
  CHECK(unreadable == std::vector<std::string>{"every", "week"});
}

TEST_CASE("config_fuzz: a table header without a name is a syntax error (toml++ asserts on it in debug builds)") {
  kangle::config::ConfigTexts files;
  for (const auto& f : kangle::config::embedded_files()) {
    std::string path(f.path);
    if (path.starts_with("examples/kangjian/")) files[path.substr(18)] = std::string(f.content);
    else if (path.starts_with("config/") && path != "config/columns.toml") files[path.substr(7)] = std::string(f.content);
  }
  files["services.toml"] = "[\n";
  auto result = kangle::config::load_config_texts(files);
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.sorted()) {
    if (d.at.file == "services.toml") lines.push_back(kangle::config::format_diagnostic(d, Lang::en));
  }
  CHECK(lines == std::vector<std::string>{"services.toml:1:2: this is not TOML as kangle reads it: check the quotes, "
                                          "brackets and = of the line (the parser says: Error while parsing key: "
                                          "expected bare key starting character or string delimiter, saw '\\n')"});
}

TEST_CASE("config_fuzz: a letter such as é where toml++ looks for white space is a syntax error") {
  // toml++ 3.3.0 reaches an "unreachable" point there (tests/fuzz/toml_impl.cpp); the
  // parser kangle links must still say what is wrong and where.
  auto result = kangle::config::load_config_texts({{"kangle.toml", "x = 1 \u00E9\n"}});
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.sorted()) {
    if (d.at.file == "kangle.toml") lines.push_back(kangle::config::format_diagnostic(d, Lang::en));
  }
  CHECK(lines == std::vector<std::string>{"kangle.toml:1:7: this is not TOML as kangle reads it: check the quotes, "
                                          "brackets and = of the line (the parser says: Error while parsing key-value "
                                          "pair: expected a comment or whitespace, saw '\u00E9')"});
}

}  // namespace fuzz_regressions_test
