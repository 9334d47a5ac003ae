// SPDX-License-Identifier: Apache-2.0
#include <libical/ical.h>

#include <catch2/catch.hpp>

#include <sstream>

#include "config/loader.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "schedule/ics.hpp"
#include "storage/connection.hpp"
#include "storage/database.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "workspace/init.hpp"

// Its own namespace: the unity build compiles several test files as one.
namespace ics_test {

using kangle::Date;
using kangle::schedule::Month;
using kangle::schedule::RotaSeat;
using kangle::test::TempDir;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }

RotaSeat seat(const std::string& key, Date date, int start, int end, const std::string& service,
              std::optional<std::int64_t> volunteer, const std::string& name) {
  RotaSeat s;
  s.seat = key;
  s.kiosk = "dingxiang";
  s.date = date;
  s.time = {start, end};
  s.service = service;
  s.skill = "barber";
  s.volunteer = volunteer;
  s.volunteer_name = name;
  return s;
}

kangle::config::Config example(const TempDir& dir) {
  kangle::workspace::init_workspace({dir.path() / "ws", std::string("kangjian"), std::nullopt});
  return kangle::config::load_valid_config(dir.path() / "ws");
}

/// The components libical finds, and every error it reports while parsing.
struct Parsed {
  int events = 0;
  int errors = 0;
  std::vector<std::string> uids;
  std::vector<std::string> summaries;
  std::vector<std::string> tzids;
};

/// The calendar of `seats` as one export writes it, every event at SEQUENCE 0.
std::string render(const kangle::config::Config& config, const std::vector<RotaSeat>& seats,
                   const kangle::schedule::IcsOptions& options) {
  return kangle::schedule::render_ics(config, Month{2026, 12}, kangle::schedule::ics_events(config, seats, options), options);
}

Parsed parse(const std::string& ics) {
  Parsed out;
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  REQUIRE(calendar != nullptr);
  out.errors = icalcomponent_count_errors(calendar);
  for (auto* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    ++out.events;
    out.uids.emplace_back(icalcomponent_get_uid(e));
    out.summaries.emplace_back(icalcomponent_get_summary(e));
    auto* start = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
    auto* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
    out.tzids.emplace_back(tzid ? icalparameter_get_tzid(tzid) : "");
  }
  icalcomponent_free(calendar);
  return out;
}

}  // namespace

TEST_CASE("render_ics: libical reads every event, in Asia/Shanghai, without errors", "[ics]") {
  TempDir dir;
  auto config = example(dir);
  std::vector<RotaSeat> seats = {
      seat("dingxiang/2026-12-01/0900/haircut/1", ymd(2026, 12, 1), 540, 690, "haircut", 3, "张伟"),
      seat("dingxiang/2026-12-01/0900/haircut/2", ymd(2026, 12, 1), 540, 690, "haircut", std::nullopt, ""),
      seat("dingxiang/2026-12-08/0900/haircut/1", ymd(2026, 12, 8), 540, 690, "haircut", 4, "马国强"),
  };
  auto ics = render(config, seats, {std::nullopt, "2026-12-01T02:00:00Z", kangle::Lang::zh_CN});
  auto parsed = parse(ics);
  CHECK(parsed.errors == 0);
  CHECK(parsed.events == 2);  // two sessions: the seats of one session are one event
  CHECK(parsed.tzids == std::vector<std::string>{"Asia/Shanghai", "Asia/Shanghai"});
  CHECK(parsed.summaries == std::vector<std::string>{"理发 · 丁香园", "理发 · 丁香园"});
  CHECK(ics.find("DESCRIPTION:张伟、（空缺 1）\r\n") != std::string::npos);
  CHECK(ics.find("SEQUENCE:0\r\n") != std::string::npos);

  SECTION("content lines are folded at 75 octets, never inside a character, and end in CRLF") {
    std::istringstream lines(ics);
    std::string line;
    while (std::getline(lines, line)) {
      REQUIRE(line.ends_with('\r'));
      CHECK(line.size() - 1 <= 75);
      CHECK(kangle::text::is_valid_utf8(line));
    }
  }
  SECTION("a volunteer's own calendar holds their duties only, with UIDs of their own") {
    auto mine = parse(render(config, seats, {4, "2026-12-01T02:00:00Z", kangle::Lang::zh_CN}));
    CHECK(mine.errors == 0);
    CHECK(mine.uids == std::vector<std::string>{"dingxiang/2026-12-08/540/haircut/4@kangle"});
  }
  SECTION("exported again later: the same UIDs, so calendars update rather than duplicate") {
    auto later = parse(render(config, seats, {std::nullopt, "2026-12-05T08:00:00Z", kangle::Lang::zh_CN}));
    CHECK(later.uids == parsed.uids);
  }
}

TEST_CASE("render_ics: commas, semicolons and backslashes in text are escaped", "[ics]") {
  TempDir dir;
  auto config = example(dir);
  auto s = seat("k/1", ymd(2026, 12, 1), 540, 690, "haircut", 1, "A,B;C\\D");
  auto ics = render(config, {s}, {std::nullopt, "2026-12-01T02:00:00Z", kangle::Lang::zh_CN});
  CHECK(ics.find("DESCRIPTION:A\\,B\\;C\\\\D\r\n") != std::string::npos);
  CHECK(parse(ics).errors == 0);
}

namespace {

/// What libical reads of each event: UID, SEQUENCE, STATUS and the reminder's trigger
/// (minutes before the start, negative; 0 when none).
struct EventRead {
  std::string uid;
  int sequence = 0;
  icalproperty_status status = ICAL_STATUS_NONE;
  int trigger_minutes = 0;
};

std::vector<EventRead> read_events(const std::string& ics) {
  std::vector<EventRead> out;
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  REQUIRE(calendar != nullptr);
  CHECK(icalcomponent_count_errors(calendar) == 0);
  for (auto* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    EventRead r;
    r.uid = icalcomponent_get_uid(e);
    r.sequence = icalcomponent_get_sequence(e);
    r.status = icalcomponent_get_status(e);
    if (auto* alarm = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT)) {
      auto trigger = icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
      r.trigger_minutes = icaldurationtype_as_int(trigger.duration) / 60;
    }
    out.push_back(r);
  }
  icalcomponent_free(calendar);
  return out;
}

}  // namespace

TEST_CASE("export_ics: a duty removed comes back cancelled with the same UID and a higher SEQUENCE", "[ics]") {
  TempDir dir;
  auto config = example(dir);
  config.settings.ics_reminder = kangle::config::parse_reminder("前一天 20:00");
  kangle::test::TestDatabase database(dir.path() / "ws");
  kangle::storage::Database db(database.location(), kangle::storage::Access::read_write);
  std::vector<RotaSeat> seats = {
      seat("dingxiang/2026-12-01/0900/haircut/1", ymd(2026, 12, 1), 540, 690, "haircut", 4, "马国强"),
      seat("dingxiang/2026-12-08/0900/haircut/1", ymd(2026, 12, 8), 540, 690, "haircut", 4, "马国强"),
  };
  auto calendar = [&](const std::vector<RotaSeat>& now, const char* when, const std::string& scope = "4|") {
    std::string text;
    kangle::schedule::IcsOptions options{scope == "4|" ? std::optional<std::int64_t>{4} : std::nullopt, when,
                                         kangle::Lang::zh_CN};
    kangle::schedule::export_ics(db.sql(), config, Month{2026, 12}, now, scope, options,
                                 [&](const std::string& out) { text = out; });
    return text;
  };
  auto exported = [&](const std::vector<RotaSeat>& now, const char* when) { return read_events(calendar(now, when)); };
  auto stored = [&](const std::string& sql) {
    kangle::storage::Statement query(db.sql(), sql);
    query.step();
    return query.column(0).int32();
  };
  auto first = exported(seats, "2026-12-01T02:00:00Z");
  REQUIRE(first.size() == 2);
  CHECK(first[0].status == ICAL_STATUS_CONFIRMED);
  CHECK(first[0].sequence == 0);
  CHECK(first[0].trigger_minutes == -13 * 60);  // 20:00 the evening before a 09:00 duty

  SECTION("exported again unchanged: the same events, the same SEQUENCE") {
    auto again = exported(seats, "2026-12-02T02:00:00Z");
    REQUIRE(again.size() == 2);
    CHECK(again[0].uid == first[0].uid);
    CHECK(again[0].sequence == 0);
    CHECK(again[1].sequence == 0);
  }
  SECTION("the second duty given to someone else: cancelled in 马国强's calendar, once") {
    auto moved = seats;
    moved[1].volunteer = 5;
    moved[1].volunteer_name = "周敏";
    auto after = exported(moved, "2026-12-03T02:00:00Z");
    REQUIRE(after.size() == 2);
    CHECK(after[0].uid == first[0].uid);
    CHECK(after[0].sequence == 0);
    CHECK(after[1].uid == first[1].uid);
    CHECK(after[1].status == ICAL_STATUS_CANCELLED);
    CHECK(after[1].sequence == 1);
    CHECK(after[1].trigger_minutes == 0);  // a cancelled duty rings no reminder
    auto later = exported(moved, "2026-12-04T02:00:00Z");
    CHECK(later[1].status == ICAL_STATUS_CANCELLED);
    CHECK(later[1].sequence == 1);
    auto back = exported(seats, "2026-12-05T02:00:00Z");
    CHECK(back[1].status == ICAL_STATUS_CONFIRMED);
    CHECK(back[1].sequence == 2);
  }
  SECTION("the database keeps no name: a cancelled event names nobody, a change of hands still counts") {
    auto everyone = calendar(seats, "2026-12-01T02:00:00Z", "|");
    CHECK(everyone.find("DESCRIPTION:马国强") != std::string::npos);
    CHECK(stored("SELECT count(*) FROM calendar_events WHERE body LIKE '%马国强%'") == 0);
    auto moved = seats;
    moved[1].volunteer = 5;
    moved[1].volunteer_name = "周敏";
    auto after = read_events(calendar(moved, "2026-12-02T02:00:00Z", "|"));
    REQUIRE(after.size() == 2);
    CHECK(after[0].sequence == 0);
    CHECK(after[1].sequence == 1);  // the same duty, someone else on it
    auto cancelled = calendar(moved, "2026-12-03T02:00:00Z");
    // 马国强 is named on the duty he keeps, not on the one taken from him
    CHECK(cancelled.find("马国强") != std::string::npos);
    CHECK(cancelled.find("马国强") == cancelled.rfind("马国强"));
    CHECK(cancelled.find("STATUS:CANCELLED") != std::string::npos);
  }
  SECTION("a calendar that could not be handed out is not recorded as handed out") {
    auto moved = seats;
    moved.pop_back();
    CHECK_THROWS_AS(kangle::schedule::export_ics(db.sql(), config, Month{2026, 12}, moved, "4|",
                                                 {4, "2026-12-02T02:00:00Z"},
                                                 [](const std::string&) { throw kangle::WorkspaceError("disk full"); }),
                    kangle::WorkspaceError);
    CHECK(stored("SELECT count(*) FROM calendar_events WHERE cancelled = 1 OR exported_at > '2026-12-01T02:00:00Z'") == 0);
    auto after = exported(moved, "2026-12-03T02:00:00Z");
    REQUIRE(after.size() == 2);
    CHECK(after[1].status == ICAL_STATUS_CANCELLED);
    CHECK(after[1].sequence == 1);
  }
  SECTION("a duty whose time changed keeps its UID, one SEQUENCE higher") {
    auto changed = seats;
    changed[0].time.end = 660;
    auto after = exported(changed, "2026-12-03T02:00:00Z");
    CHECK(after[0].uid == first[0].uid);
    CHECK(after[0].sequence == 1);
    CHECK(after[1].sequence == 0);
  }
}

}  // namespace ics_test
