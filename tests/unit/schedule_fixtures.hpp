// SPDX-License-Identifier: Apache-2.0
// What the rota engine's tests share: the Kangjian example in a temporary folder,
// hand-made sessions and volunteers, and plans read as lines.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/loader.hpp"
#include "config/model.hpp"
#include "core/dates.hpp"
#include "people/volunteer.hpp"
#include "schedule/assign.hpp"
#include "schedule/sessions.hpp"
#include "temp_dir.hpp"
#include "workspace/init.hpp"

namespace schedule_fixtures {

using namespace std::chrono;
using kangle::Date;
using kangle::config::Config;
using kangle::people::Availability;
using kangle::people::DayPart;
using kangle::people::Volunteer;
using kangle::schedule::Assignments;
using kangle::schedule::Session;
using kangle::schedule::Unfilled;
namespace fs = std::filesystem;

inline Date ymd(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }
inline Date plus_days(const Date& date, int n) { return Date{sys_days{date} + days{n}}; }
inline unsigned weekday_of(const Date& date) { return weekday{sys_days{date}}.c_encoding(); }

/// The longest run of consecutive days in `dates`.
inline int longest_run(const std::set<Date>& dates) {
  int longest = 0, run = 0;
  std::optional<Date> last;
  for (const auto& d : dates) {
    run = last && plus_days(*last, 1) == d ? run + 1 : 1;
    longest = std::max(longest, run);
    last = d;
  }
  return longest;
}

// ─── workspaces ──────────────────────────────────────────────────────────────────

/// The kangjian example in a temporary folder.
class Workspace {
public:
  Workspace() { kangle::workspace::init_workspace({dir_.path(), std::string("kangjian"), std::nullopt}); }
  const fs::path& path() const { return dir_.path(); }
  Config config() const { return kangle::config::load_valid_config(dir_.path()); }
  /// Adds `text` at the end of the workspace file `relative`.
  void append(const fs::path& relative, std::string_view text) const {
    dir_.write(relative, dir_.read(relative) + std::string(text));
  }

private:
  kangle::test::TempDir dir_;
};

/// The example's configuration, read once.
inline const Config& example() {
  static const Workspace workspace;
  static const Config config = workspace.config();
  return config;
}


inline std::string hhmm(int minutes) {
  std::string out = std::to_string(minutes / 60 * 100 + minutes % 60);
  return std::string(4 - out.size(), '0') + out;
}

/// What every seat key of `session` starts with: kiosk/date/HHMM/.
inline std::string key_prefix(const Session& s) {
  return s.kiosk + "/" + kangle::format_date(s.date) + "/" + hhmm(s.time.start) + "/";
}


// ─── hand-made inputs ────────────────────────────────────────────────────────────

/// A session of kiosk `kiosk` with one seat per entry of `skills` (repeats numbered),
/// keyed as expand_month keys seats an entry asks beside its services.
inline Session session(const std::string& kiosk, const Date& date, std::string_view time, std::vector<std::string> skills) {
  Session s;
  s.kiosk = kiosk;
  s.date = date;
  s.acts_as = weekday{sys_days{date}};
  auto range = kangle::parse_time_range(time);
  REQUIRE(range);
  s.time = *range;
  std::map<std::string, int> numbers;
  for (const auto& skill : skills) {
    int n = ++numbers[skill];
    s.seats.push_back({key_prefix(s) + "+" + skill + "/" + std::to_string(n), "", skill, n});
  }
  return s;
}

inline const std::string& only_seat(const Session& s) {
  REQUIRE(s.seats.size() == 1);
  return s.seats.front().key;
}

inline Availability always() {
  Availability a;
  for (auto& day : a.slots) day.set();
  return a;
}

inline Availability when(std::initializer_list<std::pair<unsigned, DayPart>> slots) {
  Availability a;
  for (const auto& [day, part] : slots) a.slots[day].set(static_cast<std::size_t>(part));
  return a;
}

inline constexpr unsigned mon = 1, tue = 2;

inline Volunteer person(std::int64_t id, std::vector<std::string> skills, Availability availability,
                 std::optional<int> limit) {
  Volunteer v;
  v.id = id;
  v.name = "v" + std::to_string(id);
  std::sort(skills.begin(), skills.end());
  for (auto& s : skills) v.skills.push_back({s, std::nullopt});
  v.availability = availability;
  v.monthly_limit = limit;
  return v;
}

/// One seat with the skill `general` on each of `dates`, 09:00-11:30, at kiosk "k".
inline std::vector<Session> general_days(std::initializer_list<unsigned> december_days) {
  std::vector<Session> out;
  for (auto d : december_days) out.push_back(session("k", ymd(2026, 12, d), "09:00-11:30", {"general"}));
  return out;
}

// ─── reading plans ───────────────────────────────────────────────────────────────

inline std::vector<std::string> lines(const Assignments& assignments) {
  std::vector<std::string> out;
  for (const auto& [seat, volunteer] : assignments) out.push_back(seat + "=" + std::to_string(volunteer));
  return out;
}

inline std::string text(const Unfilled& u) {
  std::string out = std::string(kangle::schedule::reason_code(u.reason)) + " [";
  for (std::size_t i = 0; i < u.volunteers.size(); ++i) out += (i ? "," : "") + std::to_string(u.volunteers[i]);
  return out + "]";
}

inline std::vector<std::string> lines(const std::map<std::string, Unfilled>& unfilled) {
  std::vector<std::string> out;
  for (const auto& [seat, why] : unfilled) out.push_back(seat + ": " + text(why));
  return out;
}

}  // namespace schedule_fixtures
