// SPDX-License-Identifier: Apache-2.0
#include "records/confirm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/store.hpp"
#include "records/integrity.hpp"
#include "records/store.hpp"
#include "schedule/store.hpp"
#include "storage/connection.hpp"

namespace kangle::records {
namespace {

std::string name_of(storage::Connection& db, std::int64_t volunteer) {
  auto names = people::Store(db).names({volunteer});
  return names.empty() ? std::to_string(volunteer) : names.begin()->second;
}

/// The record each group of the day's seats becomes: a session's seats of one service,
/// or its seats asked beside the services (an event known by its title).
std::map<std::string, Record> records_of_day(const std::vector<schedule::RotaSeat>& seats) {
  std::map<std::string, Record> out;
  for (const auto& seat : seats) {
    if (!seat.volunteer) continue;
    auto what = seat.service.empty() ? "#" + seat.title : seat.service;
    auto key = fmt::format("rota:{}/{}/{:04}/{}/{}", seat.kiosk, format_date(seat.date), seat.time.start, seat.place, what);
    auto [it, added] = out.try_emplace(key);
    auto& r = it->second;
    if (added) {
      r.key = key;
      r.origin = Origin::rota;
      r.kiosk = seat.kiosk;
      r.place = seat.place;
      r.date = seat.date;
      r.time = seat.time;
      r.cadence = seat.cadence;
      r.service = seat.service;
      r.title = seat.title;
    }
    bool twice = std::any_of(r.volunteers.begin(), r.volunteers.end(),
                             [&](const Attendance& a) { return a.volunteer == *seat.volunteer; });
    if (!twice) r.volunteers.push_back({*seat.volunteer, seat.time.end - seat.time.start, false, seat.volunteer_name});
  }
  return out;
}

}  // namespace

std::optional<Message> daily_cap_warning(storage::Connection& db, const config::Config& config, const Record& record) {
  const auto* service = config.catalogue.find_service(record.service);
  if (!service || !service->daily_cap || record.kiosk.empty()) return std::nullopt;
  int served = RecordStore(db).residents_on(record.kiosk, record.service, record.date);
  if (served <= *service->daily_cap) return std::nullopt;
  return Message(Msg::record_over_daily_cap, format_date(record.date),
                 in_both_languages([&](Lang lang) { return config::kiosk_label(config, record.kiosk, lang); }),
                 in_both_languages([&](Lang lang) { return config::localized(service->name, service->name_en, lang); }), served,
                 *service->daily_cap);
}

ConfirmReport confirm_from_rota(storage::Connection& db, const config::Config& config, const ConfirmOptions& options,
                                const std::string& now, bool dry_run) {
  auto today = today_in_workspace(config, now);
  if (auto refusal = date_refusal(options.date, today)) throw InputError(*refusal);
  storage::Transaction transaction(db, storage::Transaction::write);
  auto month = schedule::month_of(options.date);
  std::vector<schedule::RotaSeat> seats;
  for (auto& seat : schedule::RotaStore(db).month(month)) {
    if (seat.date == options.date && (options.kiosk.empty() || seat.kiosk == options.kiosk)) seats.push_back(std::move(seat));
  }
  if (seats.empty()) throw InputError(Message(Msg::record_no_rota, format_date(options.date)));
  auto day = records_of_day(seats);
  // Seats the build could not fill: nobody to confirm, and no session held as planned.
  if (day.empty()) throw InputError(Message(Msg::record_rota_all_empty, format_date(options.date), seats.size()));

  std::set<std::int64_t> on_rota;
  for (const auto& [key, r] : day) {
    for (const auto& a : r.volunteers) on_rota.insert(a.volunteer);
  }
  auto must_be_on_rota = [&](std::int64_t volunteer) {
    if (!on_rota.count(volunteer)) {
      throw InputError(Message(Msg::record_not_on_rota, name_of(db, volunteer), format_date(options.date)));
    }
  };
  for (auto v : options.absent) must_be_on_rota(v);
  for (const auto& [scheduled, substitute] : options.instead) must_be_on_rota(scheduled);

  ConfirmReport report;
  // Residents served, by what (a service or event title), or what@HH:MM when the
  // day has that service at more than one time.
  std::map<std::string, std::vector<std::string>> keys_of_what;
  for (const auto& [key, r] : day) {
    auto what = r.service.empty() ? r.title : r.service;
    keys_of_what[what].push_back(key);
    keys_of_what[fmt::format("{}@{:02}:{:02}", what, r.time.start / 60, r.time.start % 60)].push_back(key);
  }
  // A service may be named as people write it (测血糖, Blood sugar), with or without @HH:MM.
  auto key_of = [&](const std::string& what) {
    if (keys_of_what.count(what)) return what;
    auto at = what.find('@');
    const auto* service = config.catalogue.find_service_named(what.substr(0, at));
    return service ? service->id + (at == std::string::npos ? "" : what.substr(at)) : what;
  };
  auto session_named = [&](const std::string& what, Msg unknown) -> Record& {
    auto it = keys_of_what.find(key_of(what));
    if (it == keys_of_what.end()) throw InputError(Message(unknown, what, format_date(options.date)));
    if (it->second.size() > 1) {
      std::vector<std::string> times;
      for (const auto& key : it->second) times.push_back(what + "@" + format_time_range(day[key].time).substr(0, 5));
      throw InputError(Message(Msg::record_served_ambiguous, what, text::join(times, ", ")));
    }
    return day[it->second.front()];
  };
  for (const auto& [what, residents] : options.served) session_named(what, Msg::record_served_unknown).residents = residents;
  for (const auto& [what, score] : options.satisfaction) {
    session_named(what, Msg::record_satisfaction_unknown).satisfaction = score;
  }
  // What was counted for a session recorded before: where to set it instead.
  auto counted_elsewhere = [&](const Record& r, std::int64_t id) {
    if (r.residents) report.warnings.push_back(Message(Msg::record_served_confirmed, id, *r.residents));
    if (r.satisfaction) report.warnings.push_back(Message(Msg::record_satisfaction_confirmed, id, *r.satisfaction));
  };

  RecordStore store(db);
  std::map<std::string, std::optional<std::string>> kiosk_confirmed;
  for (const auto& [key, r] : day) {
    if (!kiosk_confirmed.count(r.kiosk)) kiosk_confirmed[r.kiosk] = store.confirmed_at(options.date, r.kiosk);
  }
  for (const auto& [kiosk, at] : kiosk_confirmed) {
    if (at) report.already.push_back({kiosk, *at});
    else store.mark_confirmed(options.date, kiosk, now);
  }
  std::vector<Record> to_store;
  for (auto& [key, r] : day) {
    if (kiosk_confirmed[r.kiosk]) {
      // Residents counted for a session confirmed before: say where they go instead.
      if (auto id = store.id_of_key(key)) counted_elsewhere(r, *id);
      continue;
    }
    std::vector<Attendance> present;
    for (auto a : r.volunteers) {
      if (std::find(options.absent.begin(), options.absent.end(), a.volunteer) != options.absent.end()) continue;
      if (auto it = options.instead.find(a.volunteer); it != options.instead.end()) {
        a = {it->second, a.minutes, true, name_of(db, it->second)};
      }
      bool twice = std::any_of(present.begin(), present.end(), [&](const Attendance& p) { return p.volunteer == a.volunteer; });
      if (!twice) present.push_back(a);
    }
    r.volunteers = std::move(present);
    if (r.volunteers.empty()) {
      // Nobody came: no session was held, so residents counted for it go nowhere.
      auto what = r.service.empty() ? r.title : r.service;
      if (r.residents) throw InputError(Message(Msg::record_served_nobody, what, format_date(r.date)));
      if (r.satisfaction) throw InputError(Message(Msg::record_satisfaction_nobody, what, format_date(r.date)));
      continue;
    }
    if (auto first = store.same_session(r)) {
      report.left_out.push_back(Message(Msg::record_left_out, described(config, r), *first, described(config, *store.find(*first))));
      counted_elsewhere(r, *first);
      continue;
    }
    to_store.push_back(std::move(r));
  }
  // A stand-in already on the rota elsewhere at that time, before any is stored.
  if (auto clash = clash_among(config, to_store)) throw InputError(*clash);
  for (auto& r : to_store) {
    if (auto refusal = refusal_of(store, config, r, today)) throw InputError(refusal->reason);
    auto id = store.insert(r, now);
    if (!id) continue;  // stored before under the session's key
    r.id = *id;
    if (auto warning = daily_cap_warning(db, config, r)) report.warnings.push_back(*warning);
    report.added.push_back(r);
  }
  if (!dry_run) transaction.commit();
  return report;
}

std::pair<Record, std::vector<Message>> add_record(storage::Connection& db, const config::Config& config,
                                                       Record record, const std::string& now) {
  if (!record.kiosk.empty() && std::none_of(config.kiosks.begin(), config.kiosks.end(),
                                            [&](const config::Kiosk& k) { return k.id == record.kiosk; })) {
    throw InputError(Message(Msg::record_unknown_kiosk, record.kiosk));
  }
  if (!record.service.empty() && !config.catalogue.find_service(record.service)) {
    throw InputError(Message(Msg::record_unknown_service, record.service));
  }
  if (record.volunteers.empty()) throw InputError(Message(Msg::record_nobody));
  // A person named twice (by name and by phone) served once.
  std::set<std::int64_t> named;
  std::erase_if(record.volunteers, [&](const Attendance& a) { return !named.insert(a.volunteer).second; });
  storage::Transaction transaction(db, storage::Transaction::write);
  RecordStore store(db);
  if (auto refusal = refusal_of(store, config, record, today_in_workspace(config, now))) throw InputError(refusal->reason);
  record.id = *store.insert(record, now);
  std::vector<Message> warnings;
  if (auto warning = daily_cap_warning(db, config, record)) warnings.push_back(*warning);
  transaction.commit();
  return {record, warnings};
}

}  // namespace kangle::records
