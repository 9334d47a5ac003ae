// SPDX-License-Identifier: Apache-2.0
#include "workspace/complete.hpp"

#include "config/loader.hpp"
#include "people/store.hpp"
#include "storage/database.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {

std::string_view completed_word(Completed what) {
  switch (what) {
    case Completed::kiosks: return "kiosks";
    case Completed::people: return "people";
    case Completed::months: return "months";
  }
  return "";
}

std::optional<Completed> parse_completed(std::string_view word) {
  for (auto what : {Completed::kiosks, Completed::people, Completed::months}) {
    if (word == completed_word(what)) return what;
  }
  return std::nullopt;
}

std::vector<std::string> completion_values(const std::filesystem::path& root, Completed what, const Date& today) {
  std::vector<std::string> values;
  switch (what) {
    case Completed::kiosks:
      for (const auto& kiosk : config::load_valid_config(root).kiosks) {
        values.push_back(kiosk.id);
        if (!kiosk.short_name.empty() && kiosk.short_name != kiosk.id) values.push_back(kiosk.short_name);
      }
      break;
    case Completed::people: {
      auto location = database_location(root, config::load_valid_config(root).settings);
      if (!location.postgres() && !std::filesystem::exists(location.file)) break;
      storage::Database database(location, storage::Access::read_only);
      for (const auto& volunteer : people::Store(database.sql()).list({})) values.push_back(volunteer.name);
      break;
    }
    case Completed::months: {
      auto month = parse_period(format_date(today).substr(0, 7));
      for (int step : {1, 0, 2, -1}) values.push_back(shift_period(*month, step).text());
      break;
    }
  }
  return values;
}

}  // namespace kangle::workspace
