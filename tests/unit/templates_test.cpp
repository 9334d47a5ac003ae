// SPDX-License-Identifier: Apache-2.0
// init --template: the two sheets a new street fills in are read by the imports as they
// are, and the examples their help sheet gives, typed into them, import cleanly.
#include <catch2/catch.hpp>

#include <string>

#include "import/kiosks.hpp"
#include "import/volunteers.hpp"
#include "import_report.hpp"
#include "present/emit.hpp"
#include "workspace/templates.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace templates_test {

using kangle::Lang;
using kangle::present::Document;
using kangle::present::Value;

namespace {

/// `document` with the examples of its help sheet typed in as the one row under its headers.
Document filled_with_examples(Document document) {
  auto& headers = document.sections.at(0).tables.at(0);
  const auto& how = document.sections.at(1).tables.at(0);
  REQUIRE(how.rows.size() == headers.columns.size());
  std::vector<Value> row;
  for (std::size_t i = 0; i < how.rows.size(); ++i) {
    CHECK(how.rows[i][0].for_scripts() == headers.columns[i].header);  // the help names the columns in order
    row.push_back(how.rows[i][2]);
  }
  headers.rows.push_back(std::move(row));
  return document;
}

void write_xlsx(const Document& document, const std::filesystem::path& file) {
  kangle::present::write(document, {kangle::present::Format::xlsx, file.string(), kangle::present::Encoding::utf8});
}

}  // namespace

TEST_CASE("templates: the stations table, as written and with its examples typed in, read by import kiosks", "[templates]") {
  for (auto lang : {Lang::zh_CN, Lang::en}) {
    kangle::test::ImportWorkspace w;
    kangle::import::KioskImportOptions options;
    options.file = w.in(kangle::workspace::stations_template_file);
    options.dry_run = true;
    write_xlsx(kangle::workspace::stations_template(lang), options.file);
    auto empty = kangle::import::import_kiosks(w.config(), w.in(".."), w.aliases("kiosks"), options);
    CHECK(empty.stations == 0);
    CHECK(empty.table.ignored_columns.empty());  // every header one the import knows

    write_xlsx(filled_with_examples(kangle::workspace::stations_template(lang)), options.file);
    auto filled = kangle::import::import_kiosks(w.config(), w.in(".."), w.aliases("kiosks"), options);
    CHECK(filled.table.issues.empty());
    CHECK(filled.stations == 1);
    REQUIRE(filled.files.size() == 1);
    CHECK(filled.files.front().path == "kiosks/wutong.toml");
  }
}

TEST_CASE("templates: the sign-up sheet, as written and with its examples typed in, read by import volunteers", "[templates]") {
  for (auto lang : {Lang::zh_CN, Lang::en}) {
    kangle::test::ImportWorkspace w;
    kangle::import::ImportOptions options;
    options.file = w.in(kangle::workspace::signups_template_file);
    write_xlsx(kangle::workspace::signups_template(lang), options.file);
    auto empty = kangle::import::import_volunteers(w.sql(), w.config(), w.aliases("volunteers"), options, "2026-12-01T02:00:00Z");
    CHECK(empty.added == 0);
    CHECK(empty.ignored_columns.empty());

    write_xlsx(filled_with_examples(kangle::workspace::signups_template(lang)), options.file);
    auto filled = kangle::import::import_volunteers(w.sql(), w.config(), w.aliases("volunteers"), options, "2026-12-01T02:00:00Z");
    CHECK(filled.issues.empty());
    CHECK(filled.added == 1);
  }
}

}  // namespace templates_test
