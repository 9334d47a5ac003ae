// SPDX-License-Identifier: Apache-2.0
// The values shell completion offers from a workspace.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "temp_dir.hpp"
#include "workspace/complete.hpp"
#include "workspace/init.hpp"
#include "workspace/workspace.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace complete_test {

using kangle::test::TempDir;
using kangle::workspace::Completed;
using kangle::workspace::completion_values;

namespace {

bool holds(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("completion values: the workspace's kiosks by id and short name, months around today", "[completion]") {
  TempDir dir;
  auto root = dir.path() / "ws";
  kangle::workspace::init_workspace({root, std::string("kangjian"), std::nullopt});
  auto today = *kangle::parse_date("2026-12-03");

  auto kiosks = completion_values(root, Completed::kiosks, today);
  auto config = kangle::config::load_valid_config(root);
  REQUIRE_FALSE(config.kiosks.empty());
  for (const auto& kiosk : config.kiosks) {
    CHECK(holds(kiosks, kiosk.id));
    CHECK(holds(kiosks, kiosk.short_name));
  }

  CHECK(completion_values(root, Completed::months, today) == std::vector<std::string>{"2027-01", "2026-12", "2027-02", "2026-11"});
}

TEST_CASE("completion values: no people before the database exists, and nothing written to ask", "[completion]") {
  TempDir dir;
  auto root = dir.path() / "ws";
  kangle::workspace::init_workspace({root, std::string("kangjian"), std::nullopt});
  std::filesystem::remove(root / kangle::workspace::database_file);
  CHECK(completion_values(root, Completed::people, *kangle::parse_date("2026-12-03")).empty());
  CHECK_FALSE(std::filesystem::exists(root / kangle::workspace::database_file));
}

TEST_CASE("completion values: the words the scripts ask by", "[completion]") {
  CHECK(kangle::workspace::parse_completed("kiosks") == Completed::kiosks);
  CHECK(kangle::workspace::parse_completed("people") == Completed::people);
  CHECK(kangle::workspace::parse_completed("months") == Completed::months);
  CHECK_FALSE(kangle::workspace::parse_completed("units"));
}

}  // namespace complete_test
