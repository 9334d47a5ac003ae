// SPDX-License-Identifier: Apache-2.0
#include "schedule/notify.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/store.hpp"
#include "schedule/changes.hpp"
#include "schedule/sheets.hpp"
#include "storage/connection.hpp"
#include "storage/rows.hpp"

namespace kangle::schedule {
namespace {

/// "非遗+党建 非遗手工": a themed event by its title, then the duty.
std::string duty_title(const config::Config& config, const RotaSeat& s, Lang lang) {
  auto duty = duty_name(config, s.service, s.skill, lang);
  return s.title.empty() ? duty : s.title + " " + duty;
}

/// "2026-12-17（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“理发”".
std::string duty_item(const config::Config& config, const RotaSeat& s, Lang lang) {
  return tr(lang, Msg::notify_item, format_date(s.date), weekday_of(s.date, lang), format_time_range(s.time),
            duty_place(config, s, lang), duty_title(config, s, lang));
}

std::optional<std::int64_t> latest_publication(storage::Connection& db, const Month& month) {
  storage::Statement query(db, "SELECT max(id) FROM rota_publications WHERE month = ?");
  query.bind(1, month.text());
  query.step();
  if (query.column(0).is_null()) return std::nullopt;
  return query.column(0).int64();
}

/// The rota as volunteers know it: the publication `publication`, then every change
/// told since.
std::vector<RotaSeat> told_rota(storage::Connection& db, const Month& month, std::int64_t publication) {
  std::map<std::pair<std::int64_t, std::string>, RotaSeat> held;
  for (auto& s : RotaStore(db).published(month)) {
    if (s.volunteer) held[{*s.volunteer, s.seat}] = std::move(s);
  }
  storage::Statement query(db,
                          "SELECT n.kind, n.seat, n.kiosk, n.date, n.start_minute, n.end_minute, n.service, n.skill, "
                          "n.title, n.place, n.volunteer_id, v.name FROM notifications n "
                          "LEFT JOIN volunteers v ON v.id = n.volunteer_id "
                          "WHERE n.publication_id = ? AND n.kind IN ('added', 'removed') ORDER BY n.id");
  query.bind(1, publication);
  while (query.step()) {
    RotaSeat s;
    s.seat = query.column(1).text();
    s.kiosk = query.column(2).text();
    s.date = storage::date_at(query, 3);
    s.time = {query.column(4).int32(), query.column(5).int32()};
    s.service = query.column(6).text();
    s.skill = query.column(7).text();
    s.title = query.column(8).text();
    s.place = query.column(9).text();
    s.volunteer = query.column(10).int64();
    s.volunteer_name = query.column(11).text();
    std::pair key{*s.volunteer, s.seat};
    if (query.column(0).text() == "added") held[key] = std::move(s);
    else held.erase(key);
  }
  std::vector<RotaSeat> out;
  for (auto& [key, s] : held) out.push_back(std::move(s));
  return out;
}

/// Removed and added duties paired into moves where the kiosk and the duty are the same
/// (a haircut on Thursday moved to Friday), the rest added or cancelled; by date.
std::vector<DutyChange> changes_of(const std::vector<RotaSeat>& removed, const std::vector<RotaSeat>& added) {
  std::vector<DutyChange> out;
  std::vector<bool> paired(added.size(), false);
  for (const auto& r : removed) {
    std::size_t i = 0;
    while (i < added.size() && (paired[i] || added[i].kiosk != r.kiosk || added[i].service != r.service ||
                                added[i].skill != r.skill)) {
      ++i;
    }
    if (i < added.size()) {
      paired[i] = true;
      out.push_back({DutyChange::Kind::moved, added[i], r});
    } else {
      out.push_back({DutyChange::Kind::cancelled, r, std::nullopt});
    }
  }
  for (std::size_t i = 0; i < added.size(); ++i) {
    if (!paired[i]) out.push_back({DutyChange::Kind::added, added[i], std::nullopt});
  }
  std::stable_sort(out.begin(), out.end(), [](const DutyChange& a, const DutyChange& b) {
    const auto& x = a.from ? *a.from : a.to;
    const auto& y = b.from ? *b.from : b.to;
    return std::tie(x.date, x.time.start) < std::tie(y.date, y.time.start);
  });
  return out;
}

std::string message_of(const config::Config& config, const Notice& notice, Lang lang) {
  auto text = tr(lang, Msg::notify_greeting, notice.name);
  for (const auto& s : notice.duties) {
    text += tr(lang, Msg::notify_duty, format_date(s.date), weekday_of(s.date, lang), format_time_range(s.time),
               duty_place(config, s, lang), duty_title(config, s, lang));
  }
  if (!notice.changes.empty()) {
    std::vector<std::string> items;
    for (const auto& c : notice.changes) {
      switch (c.kind) {
        case DutyChange::Kind::added: items.push_back(tr(lang, Msg::notify_added, duty_item(config, c.to, lang))); break;
        case DutyChange::Kind::cancelled: items.push_back(tr(lang, Msg::notify_cancelled, duty_item(config, c.to, lang))); break;
        case DutyChange::Kind::moved:
          items.push_back(tr(lang, Msg::notify_moved, duty_item(config, *c.from, lang), duty_item(config, c.to, lang)));
          break;
      }
    }
    text += std::string(message_text(Msg::notify_changes_intro, lang)) +
            list_in(lang, items) +
            std::string(message_text(Msg::notify_changes_end, lang));
  }
  return text + std::string(message_text(Msg::notify_thanks, lang));
}

}  // namespace

std::string duty_place(const config::Config& config, const RotaSeat& seat, Lang lang) {
  auto label = config::kiosk_label(config, seat.kiosk, lang);
  std::string where = seat.place;
  if (where.empty()) {
    for (const auto& k : config.kiosks) {
      if (k.id == seat.kiosk) where = k.address;
    }
  }
  return where.empty() ? label : tr(lang, Msg::notify_place, label, where);
}

void notify_day(storage::Connection& db, const config::Config& config, const NotifyOptions& options,
                const std::function<void(const std::vector<Notice>&)>& deliver) {
  const auto& file = options.output_file;
  if (!options.dry_run && !file.empty() && file != "-" && std::filesystem::exists(file)) {
    throw UsageError(Message(Msg::notify_output_exists, file));
  }
  auto month = month_of(options.date);
  storage::Transaction transaction(db, storage::Transaction::write);
  RotaStore rota(db);
  auto seats = rota.month(month);
  if (seats.empty()) throw InputError(Message(Msg::schedule_none, month.text()));
  auto wanted = [&](const RotaSeat& s) {
    return s.volunteer && (options.kiosk.empty() || s.kiosk == options.kiosk) &&
           (!options.volunteer || s.volunteer == options.volunteer);
  };
  std::set<std::pair<std::int64_t, std::string>> reminded;
  {
    storage::Statement query(db, "SELECT volunteer_id, seat FROM notifications WHERE kind = 'duty' AND date = ?");
    query.bind(1, format_date(options.date));
    while (query.step()) reminded.insert({query.column(0).int64(), query.column(1).text()});
  }
  std::vector<Notice> notices;
  std::map<std::int64_t, std::size_t> index;
  auto notice_of = [&](std::int64_t volunteer, const std::string& name) -> Notice& {
    auto [it, fresh] = index.try_emplace(volunteer, notices.size());
    if (fresh) {
      Notice n;
      n.volunteer = volunteer;
      n.name = name;
      notices.push_back(std::move(n));
    }
    return notices[it->second];
  };
  for (const auto& s : seats) {
    if (s.date == options.date && wanted(s) && !reminded.contains({*s.volunteer, s.seat})) {
      notice_of(*s.volunteer, s.volunteer_name).duties.push_back(s);
    }
  }
  // Changes are told from the day they are made: to this month's published rota, and to
  // next month's, published before the month begins (a January rota rebuilt in December).
  Month next{month.month == 12 ? month.year + 1 : month.year, month.month % 12 + 1};
  std::map<std::string, std::int64_t> publications;  // by month: the publication changes are told against
  auto from_today = [&](std::vector<RotaSeat> list) {
    std::erase_if(list, [&](const RotaSeat& s) { return s.date < options.date || !wanted(s); });
    return list;
  };
  for (const auto& told : {month, next}) {
    auto publication = latest_publication(db, told);
    if (!publication) continue;
    publications[told.text()] = *publication;
    auto now = told.text() == month.text() ? seats : rota.month(told);
    for (const auto& person : diff_rota(told_rota(db, told, *publication), now)) {
      auto changes = changes_of(from_today(person.removed), from_today(person.added));
      auto& notice = notice_of(person.volunteer, person.name);
      notice.changes.insert(notice.changes.end(), changes.begin(), changes.end());
    }
  }
  // A duty of the day that is new says so once, as a change, not twice.
  for (auto& n : notices) {
    std::erase_if(n.duties, [&](const RotaSeat& duty) {
      return std::any_of(n.changes.begin(), n.changes.end(), [&](const DutyChange& c) {
        return c.kind != DutyChange::Kind::cancelled && c.to.seat == duty.seat;
      });
    });
  }
  // Nobody forgotten (volunteers forget) is written to again.
  people::Store people(db);
  std::erase_if(notices, [&](Notice& n) {
    auto v = people.find(n.volunteer);
    if (!v || (n.duties.empty() && n.changes.empty())) return true;
    n.phone = v->phone;
    n.message = message_of(config, n, options.lang);
    return false;
  });
  deliver(notices);
  if (options.dry_run) return;
  storage::Statement record(db,
                           "INSERT INTO notifications (month, publication_id, volunteer_id, kind, seat, kiosk, date, "
                           "start_minute, end_minute, service, skill, title, place, message, sent_for, sent_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto write = [&](const Notice& n, const char* kind, const RotaSeat& s) {
    auto told = format_date(s.date).substr(0, 7);
    record.bind(1, told);
    if (auto it = publications.find(told); it != publications.end()) record.bind(2, it->second);
    else record.bind_null(2);
    record.bind(3, n.volunteer);
    record.bind(4, kind);
    record.bind(5, s.seat);
    record.bind(6, s.kiosk);
    record.bind(7, format_date(s.date));
    record.bind(8, s.time.start);
    record.bind(9, s.time.end);
    record.bind(10, s.service);
    record.bind(11, s.skill);
    record.bind(12, s.title);
    record.bind(13, s.place);
    record.bind(14, n.message);
    record.bind(15, format_date(options.date));
    record.bind(16, options.now);
    record.exec();
    record.reset();
  };
  for (const auto& n : notices) {
    for (const auto& s : n.duties) write(n, "duty", s);
    for (const auto& c : n.changes) {
      if (c.from) write(n, "removed", *c.from);
      bool added = c.kind != DutyChange::Kind::cancelled;
      write(n, added ? "added" : "removed", c.to);
      if (added && c.to.date == options.date) write(n, "duty", c.to);  // told that day: its reminder too
    }
  }
  transaction.commit();
}

void forget_notifications(storage::Connection& db, std::int64_t volunteer) {
  storage::Statement erase(db, "DELETE FROM notifications WHERE volunteer_id = ?");
  erase.bind(1, volunteer);
  erase.exec();
}

}  // namespace kangle::schedule
