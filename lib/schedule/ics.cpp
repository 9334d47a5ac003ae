// SPDX-License-Identifier: Apache-2.0
#include "schedule/ics.hpp"

#include <fmt/format.h>

#include <map>

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "schedule/sheets.hpp"
#include "storage/connection.hpp"

namespace kangle::schedule {
namespace {

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

/// A content line folded at 75 octets, never inside a UTF-8 character, ended by CRLF.
std::string fold(const std::string& line) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    auto lead = static_cast<unsigned char>(line[i]);
    std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (width + n > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, n);
    width += n;
    i += n;
  }
  return out + "\r\n";
}

std::string local_time(const Date& date, int minute) {
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}00", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()), minute / 60, minute % 60);
}

/// 2026-12-01T02:00:00Z → 20261201T020000Z.
std::string utc_stamp(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string pick(const std::string& zh, const std::string& en, bool chinese) { return chinese || en.empty() ? zh : en; }

/// "-PT13H", "-PT1H30M", "-PT15M": how long before the start a reminder rings.
std::string trigger(int minutes) {
  std::string out = "-PT";
  if (minutes >= 60) out += std::to_string(minutes / 60) + "H";
  if (minutes % 60 != 0 || minutes < 60) out += std::to_string(minutes % 60) + "M";
  return out;
}

}  // namespace

std::vector<IcsEvent> ics_events(const config::Config& config, const std::vector<RotaSeat>& seats,
                                 const IcsOptions& options) {
  bool chinese = options.lang == Lang::zh_CN;
  // One event per session: its seats grouped, in the order the store gives them.
  struct Event {
    std::string key;
    const RotaSeat* first = nullptr;
    std::vector<std::string> names;
    std::vector<std::string> ids;
    int empty = 0;
    bool mine = false;
  };
  std::vector<Event> events;
  std::map<std::string, std::size_t> index;
  for (const auto& seat : seats) {
    auto key = fmt::format("{}/{}/{}/{}", seat.kiosk, format_date(seat.date), seat.time.start,
                           seat.service.empty() ? "+" + seat.skill : seat.service);
    auto [it, fresh] = index.try_emplace(key, events.size());
    if (fresh) events.push_back({key, &seat, {}, {}, 0, false});
    auto& e = events[it->second];
    if (seat.volunteer) {
      e.names.push_back(seat.volunteer_name);
      e.ids.push_back(std::to_string(*seat.volunteer));
    } else {
      ++e.empty;
    }
    if (options.volunteer && seat.volunteer == options.volunteer) e.mine = true;
  }
  std::vector<IcsEvent> out;
  for (const auto& e : events) {
    if (options.volunteer && !e.mine) continue;
    const auto& s = *e.first;
    const auto* kiosk = [&]() -> const config::Kiosk* {
      for (const auto& k : config.kiosks) {
        if (k.id == s.kiosk) return &k;
      }
      return nullptr;
    }();
    std::string duty = s.title;
    if (const auto* service = config.catalogue.find_service(s.service)) {
      duty += (duty.empty() ? "" : " ") + pick(service->name, service->name_en, chinese);
    } else if (const auto* skill = config.catalogue.find_skill(s.skill); skill && duty.empty()) {
      duty = pick(skill->name, skill->name_en, chinese);
    }
    std::string place = kiosk ? pick(kiosk->name, kiosk->name_en, chinese) : s.kiosk;
    std::string location = s.place.empty() ? (kiosk ? kiosk->address : "") : s.place;
    std::string uid = e.key;
    if (options.volunteer) uid += fmt::format("/{}", *options.volunteer);
    std::string who = who_serves(e.names, e.empty, options.lang);
    auto summary = duty + " · " + (kiosk ? kiosk->short_name : s.kiosk);
    std::vector<std::string> body = {
        "DTSTART;TZID=Asia/Shanghai:" + local_time(s.date, s.time.start),
        "DTEND;TZID=Asia/Shanghai:" + local_time(s.date, s.time.end),
        "SUMMARY:" + escape(summary),
        "LOCATION:" + escape(location.empty() ? place : place + " " + location),
    };
    if (const auto& reminder = config.settings.ics_reminder) {
      body.insert(body.end(), {"BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:" + trigger(reminder->before(s.time.start)),
                               "DESCRIPTION:" + escape(summary), "END:VALARM"});
    }
    out.push_back({escape(uid) + "@kangle", text::join(body, "\n"), who,
                   text::join(e.ids, ",") + "+" + std::to_string(e.empty), 0, false});
  }
  return out;
}

std::vector<IcsEvent> number_events(std::vector<IcsEvent> current, const std::vector<IcsEvent>& before) {
  std::map<std::string, const IcsEvent*> earlier;
  for (const auto& e : before) earlier[e.uid] = &e;
  std::map<std::string, bool> present;
  for (auto& e : current) {
    present[e.uid] = true;
    auto it = earlier.find(e.uid);
    if (it == earlier.end()) continue;
    const auto& was = *it->second;
    e.sequence = was.sequence + (was.cancelled || was.body != e.body || was.serving != e.serving ? 1 : 0);
  }
  for (const auto& was : before) {
    if (present.contains(was.uid)) continue;
    auto gone = was;
    if (!gone.cancelled) ++gone.sequence;
    gone.cancelled = true;
    current.push_back(std::move(gone));
  }
  return current;
}

std::string render_ics(const config::Config& config, const Month& month, const std::vector<IcsEvent>& events,
                       const IcsOptions& options) {
  std::string out;
  auto line = [&](const std::string& text) { out += fold(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//kangle//rota//ZH");
  line("CALSCALE:GREGORIAN");
  line("X-WR-CALNAME:" + escape(config.settings.name + " " + month.text()));
  // China keeps +08:00 all year, without daylight saving.
  line("BEGIN:VTIMEZONE");
  line("TZID:Asia/Shanghai");
  line("BEGIN:STANDARD");
  line("DTSTART:19700101T000000");
  line("TZOFFSETFROM:+0800");
  line("TZOFFSETTO:+0800");
  line("TZNAME:CST");
  line("END:STANDARD");
  line("END:VTIMEZONE");
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("SEQUENCE:" + std::to_string(e.sequence));
    line("DTSTAMP:" + utc_stamp(options.now));
    line(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    // Who serves goes among the event's properties, before any reminder; a cancelled event
    // names nobody and rings no reminder.
    bool alarm = false, described = e.cancelled || e.who.empty();
    for (const auto& content : text::split(e.body, '\n')) {
      if (content == "BEGIN:VALARM") {
        alarm = true;
        if (!described) line("DESCRIPTION:" + escape(e.who));
        described = true;
      }
      if (!(alarm && e.cancelled)) line(content);
      if (content == "END:VALARM") alarm = false;
    }
    if (!described) line("DESCRIPTION:" + escape(e.who));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

void export_ics(storage::Connection& db, const config::Config& config, const Month& month,
                const std::vector<RotaSeat>& seats, const std::string& scope, const IcsOptions& options,
                const std::function<void(const std::string&)>& deliver) {
  storage::Transaction transaction(db, storage::Transaction::write);
  std::vector<IcsEvent> before;
  {
    storage::Statement query(db, "SELECT uid, body, serving, sequence, cancelled FROM calendar_events "
                                "WHERE scope = ? AND month = ? ORDER BY uid");
    query.bind(1, scope);
    query.bind(2, month.text());
    while (query.step()) {
      before.push_back({query.column(0).text(), query.column(1).text(), "",
                        query.column(2).text(), query.column(3).int32(), query.column(4).int32() != 0});
    }
  }
  auto events = number_events(ics_events(config, seats, options), before);
  deliver(render_ics(config, month, events, options));
  storage::Statement save(db,
                         "INSERT INTO calendar_events (scope, month, uid, sequence, body, serving, cancelled, "
                         "exported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (scope, month, uid) DO "
                         "UPDATE SET sequence = ?4, body = ?5, serving = ?6, cancelled = ?7, exported_at = ?8");
  for (const auto& e : events) {
    save.bind(1, scope);
    save.bind(2, month.text());
    save.bind(3, e.uid);
    save.bind(4, e.sequence);
    save.bind(5, e.body);
    save.bind(6, e.serving);
    save.bind(7, e.cancelled ? 1 : 0);
    save.bind(8, options.now);
    save.exec();
    save.reset();
  }
  transaction.commit();
}

std::string calendar_scope(const std::optional<std::int64_t>& person, const std::string& kiosk) {
  return fmt::format("{}|{}", person ? std::to_string(*person) : "", kiosk);
}

void forget_calendars(storage::Connection& db, std::int64_t volunteer) {
  storage::Statement erase(db, "DELETE FROM calendar_events WHERE scope LIKE ?");
  erase.bind(1, calendar_scope(volunteer, "") + "%");  // their calendars at every kiosk
  erase.exec();
}

}  // namespace kangle::schedule
