// SPDX-License-Identifier: Apache-2.0
#include "schedule/ics.hpp"

#include <fmt/format.h>

#include <map>

#include "core/i18n.hpp"
#include "core/text.hpp"

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

}  // namespace

std::string render_ics(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                       const IcsOptions& options) {
  bool chinese = language() == Lang::zh_CN;
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

  // One event per session: its seats grouped, in the order the store gives them.
  struct Event {
    std::string key;
    const RotaSeat* first = nullptr;
    std::vector<std::string> names;
    int empty = 0;
    bool mine = false;
  };
  std::vector<Event> events;
  std::map<std::string, std::size_t> index;
  for (const auto& seat : seats) {
    auto key = fmt::format("{}/{}/{}/{}", seat.kiosk, format_date(seat.date), seat.time.start,
                           seat.service.empty() ? "+" + seat.skill : seat.service);
    auto [it, fresh] = index.try_emplace(key, events.size());
    if (fresh) events.push_back({key, &seat, {}, 0, false});
    auto& e = events[it->second];
    if (seat.volunteer) e.names.push_back(seat.volunteer_name);
    else ++e.empty;
    if (options.volunteer && seat.volunteer == options.volunteer) e.mine = true;
  }
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
    line("BEGIN:VEVENT");
    line("UID:" + escape(uid) + "@kangle");
    line("SEQUENCE:" + std::to_string(options.sequence));
    line("DTSTAMP:" + utc_stamp(options.now));
    line("DTSTART;TZID=Asia/Shanghai:" + local_time(s.date, s.time.start));
    line("DTEND;TZID=Asia/Shanghai:" + local_time(s.date, s.time.end));
    line("SUMMARY:" + escape(duty + " · " + (kiosk ? kiosk->short_name : s.kiosk)));
    line("LOCATION:" + escape(location.empty() ? place : place + " " + location));
    auto separator = message_text(Msg::rhythm_list_separator, language());
    std::string who = text::join(e.names, separator);
    if (e.empty > 0) who += (who.empty() ? "" : std::string(separator)) + tr(Msg::rota_empty_seats, e.empty);
    line("DESCRIPTION:" + escape(who));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace kangle::schedule
