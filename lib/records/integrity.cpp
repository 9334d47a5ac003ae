// SPDX-License-Identifier: Apache-2.0
#include "records/integrity.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/i18n.hpp"
#include "records/store.hpp"

namespace kangle::records {
namespace {

/// No service recorded in kangle can be older: a date before it is a typing mistake.
constexpr Date earliest_service_day{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};


/// The kiosk's opening that `record` falls in: the longest of its opening hours that day
/// (a make-up workday keeps the hours of the weekday it stands for) and its own menu's
/// times, among those that overlap the record. Nothing for a record elsewhere, or at a
/// time the kiosk does not open.
std::optional<TimeRange> opening_of(const config::Config& config, const Record& record) {
  if (record.kiosk.empty() || !record.place.empty()) return std::nullopt;
  auto kiosk = std::find_if(config.kiosks.begin(), config.kiosks.end(), [&](const config::Kiosk& k) { return k.id == record.kiosk; });
  if (kiosk == config.kiosks.end()) return std::nullopt;
  const auto* makeup = config.holidays.workday_on(record.date);
  auto weekday = makeup ? makeup->as : std::chrono::weekday{std::chrono::sys_days{record.date}};
  std::vector<TimeRange> openings = kiosk->hours[weekday.c_encoding()];
  for (const auto& entry : kiosk->menu) {
    if (entry.time && entry.at.empty()) openings.push_back(*entry.time);
  }
  std::optional<TimeRange> longest;
  for (const auto& opening : openings) {
    if (!opening.overlaps(record.time)) continue;
    if (!longest || opening.end - opening.start > longest->end - longest->start) longest = opening;
  }
  return longest;
}

std::optional<Message> length_refusal(const config::Config& config, const Record& record) {
  int session = record.time.end - record.time.start;
  int longest = config.settings.records.max_session_minutes;
  if (session > longest) {
    return Message(Msg::record_too_long, described(config, record), duration_words(session), duration_words(longest));
  }
  if (auto opening = opening_of(config, record); opening && session > opening->end - opening->start) {
    return Message(Msg::record_longer_than_opening, described(config, record), duration_words(session),
              format_time_range(*opening));
  }
  for (const auto& a : record.volunteers) {
    if (a.minutes > session) {
      return Message(Msg::record_minutes_past_session, described(config, record), duration_words(a.minutes),
                duration_words(session));
    }
  }
  return std::nullopt;
}

}  // namespace

Date today_in_workspace(const config::Config& config, const std::string& now) {
  return local_date(now, config.settings.timezone);
}

std::optional<Message> date_refusal(const Date& date, const Date& today) {
  if (date < earliest_service_day) return Message(Msg::record_date_too_early, format_date(date));
  if (date > today) return Message(Msg::record_date_future, format_date(date), format_date(today));
  return std::nullopt;
}

std::optional<Refusal> refusal_of(RecordStore& store, const config::Config& config, const Record& record,
                                  const Date& today) {
  if (auto reason = date_refusal(record.date, today)) return Refusal{"date", *reason};
  if (auto reason = length_refusal(config, record)) return Refusal{"time", *reason};
  if (auto id = store.same_session(record)) {
    auto first = *store.find(*id);
    return Refusal{"service", Message(Msg::record_same_session, described(config, record), *id, described(config, first),
                                 origin_label(first.origin))};
  }
  for (const auto& a : record.volunteers) {
    if (auto id = store.record_with_volunteer(a.volunteer, record.date, record.time)) {
      auto existing = *store.find(*id);
      auto who = std::find_if(existing.volunteers.begin(), existing.volunteers.end(),
                              [&](const Attendance& e) { return e.volunteer == a.volunteer; });
      return Refusal{"volunteers", Message(Msg::record_clash, who->name, *id, described(config, existing), described(config, record))};
    }
  }
  return std::nullopt;
}

std::optional<Message> clash_among(const config::Config& config, const std::vector<Record>& records) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (std::size_t j = i + 1; j < records.size(); ++j) {
      const auto &a = records[i], &b = records[j];
      if (a.date != b.date || !a.time.overlaps(b.time)) continue;
      for (const auto& x : a.volunteers) {
        for (const auto& y : b.volunteers) {
          if (x.volunteer == y.volunteer) return Message(Msg::record_clash_in_confirm, x.name, described(config, a), described(config, b));
        }
      }
    }
  }
  return std::nullopt;
}

std::string where_of(const config::Config& config, const Record& record, Lang lang) {
  std::string where = record.kiosk.empty() ? record.place : config::kiosk_label(config, record.kiosk, lang);
  if (!record.kiosk.empty() && !record.place.empty()) where += " @" + record.place;
  return where;
}

std::string what_of(const config::Config& config, const Record& record, Lang lang) {
  return record.service.empty() ? record.title : config::service_label(config.catalogue, record.service, lang);
}

std::string record_summary(const config::Config& config, const Record& record, Lang lang) {
  return fmt::format("{} {} {}", format_date(record.date), where_of(config, record, lang), what_of(config, record, lang));
}

std::string describe(const config::Config& config, const Record& record, Lang lang) {
  return fmt::format("{} {} {} {}", format_date(record.date), format_time_range(record.time), where_of(config, record, lang),
                     what_of(config, record, lang));
}

Localized described(const config::Config& config, const Record& record) {
  return in_both_languages([&](Lang lang) { return describe(config, record, lang); });
}

Localized summarized(const config::Config& config, const Record& record) {
  return in_both_languages([&](Lang lang) { return record_summary(config, record, lang); });
}

}  // namespace kangle::records
