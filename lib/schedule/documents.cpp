// SPDX-License-Identifier: Apache-2.0
#include "schedule/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/identity.hpp"
#include "people/store.hpp"
#include "people/volunteer.hpp"
#include "schedule/changes.hpp"
#include "schedule/sessions.hpp"
#include "schedule/sheets.hpp"
#include "storage/connection.hpp"

namespace kangle::schedule {
namespace {

using present::Column;
using present::Value;

bool chinese(Lang lang) { return lang == Lang::zh_CN; }

std::string header(Lang lang, Msg id) { return std::string(message_text(id, lang)); }

/// A day's weekday: `mon` … `sun` for scripts, 周一 or Mon for people.
Value weekday_value(const Date& date, Lang lang) {
  static constexpr const char* codes[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  return Value::code(codes[std::chrono::weekday{std::chrono::sys_days{date}}.c_encoding()], weekday_of(date, lang));
}

/// The kiosk of a seat: its id for scripts, its name (and the place it goes to) for people.
Value kiosk_value(const config::Config& config, const RotaSeat& seat, Lang lang) {
  return Value::code(seat.kiosk, config::kiosk_label(config, seat.kiosk, lang) + (seat.place.empty() ? "" : " @" + seat.place));
}

/// The duty of a seat: its service (or skill) for scripts, the event's title and the service for people.
Value duty_value(const config::Config& config, const RotaSeat& seat, Lang lang) {
  auto duty = duty_name(config, seat.service, seat.skill, lang);
  if (!seat.title.empty()) duty = seat.title + " " + duty;
  return Value::code(seat.service.empty() ? seat.skill : seat.service, duty);
}

/// The columns that say when and where a duty is: date, weekday, time, kiosk, duty.
std::vector<Column> duty_columns(Lang lang) {
  return {{"date", header(lang, Msg::rota_date)},
          {"weekday", header(lang, Msg::rota_weekday)},
          {"time", header(lang, Msg::rota_time)},
          {"kiosk", header(lang, Msg::rota_kiosk)},
          {"service", header(lang, Msg::rota_duty)}};
}

std::vector<Value> duty_cells(const config::Config& config, const RotaSeat& seat, Lang lang) {
  return {Value::date(seat.date), weekday_value(seat.date, lang), Value::text(format_time_range(seat.time)),
          kiosk_value(config, seat, lang), duty_value(config, seat, lang)};
}

/// How many names a list of volunteers shows before "and N more".
constexpr std::size_t names_shown = 5;

/// The names a report of `plan` shows: who moved, the first few of each empty seat's
/// reason, whose locked seat was freed, and `ids`.
std::map<std::int64_t, std::string> names_for(storage::Connection& db, const RotaPlan& plan,
                                              std::vector<std::int64_t> ids = {}) {
  ids.insert(ids.end(), plan.moved.begin(), plan.moved.end());
  for (const auto& [seat, why] : plan.unfilled) {
    auto n = std::min(names_shown, why.volunteers.size());
    ids.insert(ids.end(), why.volunteers.begin(), why.volunteers.begin() + static_cast<std::ptrdiff_t>(n));
    ids.insert(ids.end(), why.in_session.begin(), why.in_session.end());
  }
  for (const auto& [seat, volunteer] : plan.freed) ids.push_back(volunteer);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return people::Store(db).names(ids);
}

std::string name_of(std::int64_t id, const std::map<std::int64_t, std::string>& names) {
  auto it = names.find(id);
  return it == names.end() ? std::to_string(id) : it->second;
}

std::string names_of(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, std::string>& names, Lang lang) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ids.size() && i < names_shown; ++i) out.push_back(name_of(ids[i], names));
  auto text = list_in(lang, out);
  if (ids.size() > names_shown) text += tr(lang, Msg::schedule_and_more, ids.size() - names_shown);
  return text;
}

std::string reason_text(const config::Config& config, const Unfilled& why, const std::string& skill,
                        const std::map<std::int64_t, std::string>& names, Lang lang) {
  switch (why.reason) {
    case Unfilled::Reason::no_skill: return tr(lang, Msg::schedule_why_no_skill, skill);
    case Unfilled::Reason::not_available:
      return tr(lang, Msg::schedule_why_not_available, why.volunteers.size(), skill, names_of(why.volunteers, names, lang));
    case Unfilled::Reason::at_limit:
      return tr(lang, Msg::schedule_why_at_limit, why.volunteers.size(), names_of(why.volunteers, names, lang));
    case Unfilled::Reason::weekly_limit:
      return tr(lang, Msg::schedule_why_weekly_limit, why.volunteers.size(), config.settings.weekly_limit.value_or(0),
                names_of(why.volunteers, names, lang));
    case Unfilled::Reason::busy_that_day: {
      if (why.in_session.empty()) return tr(lang, Msg::schedule_why_busy, why.volunteers.size(), names_of(why.volunteers, names, lang));
      std::vector<std::int64_t> elsewhere;
      for (auto id : why.volunteers) {
        if (std::find(why.in_session.begin(), why.in_session.end(), id) == why.in_session.end()) elsewhere.push_back(id);
      }
      return tr(lang, Msg::schedule_why_busy_or_here, why.volunteers.size(), names_of(elsewhere, names, lang),
                names_of(why.in_session, names, lang));
    }
    case Unfilled::Reason::in_this_session:
      return tr(lang, Msg::schedule_why_in_this_session, why.volunteers.size(), names_of(why.volunteers, names, lang));
    case Unfilled::Reason::days_in_a_row:
      return tr(lang, Msg::schedule_why_days_in_a_row, why.volunteers.size(),
                config.settings.max_consecutive_days.value_or(0), names_of(why.volunteers, names, lang));
    case Unfilled::Reason::day_gone_by: return tr(lang, Msg::schedule_why_day_gone_by);
  }
  return {};
}

/// The seat of a session as the rota stores it, for the columns of a duty.
RotaSeat seat_of(const Session& session, const Seat& seat) {
  RotaSeat out;
  out.seat = seat.key;
  out.kiosk = session.kiosk;
  out.date = session.date;
  out.time = session.time;
  out.service = seat.service;
  out.skill = seat.skill;
  return out;
}

/// The lines a build and a drop say: the figures, and who moved when it was a rebuild.
std::vector<std::string> built_lines(const BuildReport& report, bool rebuilt,
                                     const std::map<std::int64_t, std::string>& names, Lang lang) {
  const auto& plan = report.plan;
  std::vector<std::string> lines{tr(lang, Msg::schedule_built, report.month.text(), report.sessions.size(), plan.seats,
                                    plan.assigned.size(), plan.unfilled.size())};
  if (rebuilt) {
    lines.push_back(plan.moved.empty() ? tr(lang, Msg::schedule_nobody_moved)
                                       : tr(lang, Msg::schedule_moved, plan.moved.size(), names_of(plan.moved, names, lang)));
  }
  return lines;
}

std::vector<std::pair<std::string, Value>> built_facts(const BuildReport& report) {
  const auto& plan = report.plan;
  return {{"month", Value::text(report.month.text())},
          {"sessions", Value::integer(static_cast<std::int64_t>(report.sessions.size()))},
          {"seats", Value::integer(plan.seats)},
          {"filled", Value::integer(static_cast<std::int64_t>(plan.assigned.size()))},
          {"empty", Value::integer(static_cast<std::int64_t>(plan.unfilled.size()))},
          {"moved", Value::integer(static_cast<std::int64_t>(plan.moved.size()))}};
}

}  // namespace

std::vector<RotaSeat> stored_rota(storage::Connection& db, const Month& month) {
  auto seats = RotaStore(db).month(month);
  if (seats.empty()) throw InputError(Message(Msg::schedule_none, month.text()));
  return seats;
}

present::Document rota_document(const config::Config& config, const Month& month, const std::vector<RotaSeat>& seats,
                                const RotaFilter& filter, Lang lang) {
  present::Table table{"rota", "", duty_columns(lang), {}, 1};
  table.columns.push_back({"volunteers", header(lang, Msg::rota_volunteers)});
  table.columns.push_back({"locked", header(lang, Msg::rota_col_locked)});
  table.columns.push_back({"empty_seats", header(lang, Msg::rota_col_empty)});
  table.columns.push_back({"seats", header(lang, Msg::rota_col_seats), true});
  for (const auto& line : duty_lines(config, seats)) {
    const auto& s = line.first;
    if (!filter.keeps_kiosk(s.kiosk) || (filter.date && s.date != *filter.date)) continue;
    const auto& ids = line.volunteer_ids;
    if (filter.person && std::find(ids.begin(), ids.end(), *filter.person) == ids.end()) continue;
    auto row = duty_cells(config, s, lang);
    row.push_back(Value::list(line.volunteers));
    row.push_back(Value::list(line.locked));
    row.push_back(Value::integer(line.empty));
    row.push_back(Value::list(line.seats));
    table.rows.push_back(std::move(row));
  }
  auto document = present::listing(lang, "schedule_show", std::move(table));
  document.title = tr(lang, Msg::rota_title, config.settings.name, month.text());
  document.period = month.text();
  return document;
}

present::Document notifications_document(const config::Config& config, const std::vector<Notice>& notices,
                                         const Date& date, bool reveal, bool dry_run, Lang lang) {
  present::Section section{"notifications", "", {}, {}, {}};
  if (notices.empty()) section.lines.push_back(tr(lang, Msg::notify_nobody, format_date(date)));
  present::Table told{"notifications",
                      "",
                      {{"volunteer", header(lang, Msg::notify_col_volunteer), true},
                       {"name", header(lang, Msg::field_name)},
                       {"phone", header(lang, Msg::field_phone)},
                       {"duties", header(lang, Msg::notify_col_duties), true},
                       {"message", header(lang, Msg::notify_message)}},
                      {},
                      2};
  present::Table changes{"changes", header(lang, Msg::notify_changes_title), {}, {}, 2};
  changes.columns = {{"volunteer", header(lang, Msg::notify_col_volunteer), true}, {"name", header(lang, Msg::field_name)},
                     {"change", header(lang, Msg::notify_col_change)}, {"seat", header(lang, Msg::rota_col_seats), true}};
  for (auto& column : duty_columns(lang)) changes.columns.push_back(std::move(column));
  changes.columns.push_back({"from_seat", header(lang, Msg::notify_col_from), true});
  changes.columns.push_back({"from_date", header(lang, Msg::notify_col_from)});
  static constexpr std::pair<const char*, Msg> kinds[] = {
      {"added", Msg::notify_kind_added}, {"cancelled", Msg::notify_kind_cancelled}, {"moved", Msg::notify_kind_moved}};
  for (const auto& n : notices) {
    std::vector<std::string> duties;
    for (const auto& s : n.duties) duties.push_back(s.seat);
    told.rows.push_back({Value::integer(n.volunteer), Value::text(n.name),
                         people::phone_value(n.phone, reveal), Value::list(duties),
                         Value::text(n.message)});
    for (const auto& c : n.changes) {
      const auto& [code, label] = kinds[static_cast<int>(c.kind)];
      std::vector<Value> row{Value::integer(n.volunteer), Value::text(n.name),
                             Value::code(code, header(lang, label)), Value::text(c.to.seat)};
      for (auto& cell : duty_cells(config, c.to, lang)) row.push_back(std::move(cell));
      row.push_back(c.from ? Value::text(c.from->seat) : Value::none());
      row.push_back(c.from ? Value::date(c.from->date) : Value::none());
      changes.rows.push_back(std::move(row));
    }
  }
  section.tables.push_back(std::move(told));  // a script reads its columns even on a night with nobody to tell
  changes.in_csv = false;  // one row a message in CSV, the file an SMS gateway reads
  if (!changes.rows.empty()) section.tables.push_back(std::move(changes));
  present::Document document(lang);
  document.kind = "schedule_notify";
  document.facts = {{"date", Value::date(date)},
                    {"notifications", Value::integer(static_cast<std::int64_t>(notices.size()))},
                    {"dry_run", Value::flag(dry_run, "")}};
  document.sections.push_back(std::move(section));
  if (dry_run) document.footer.push_back(tr(lang, Msg::import_dry_run));
  return document;
}

present::Document explain_document(storage::Connection& db, const config::Config& config, const Month& month,
                                   const RotaFilter& filter, const std::string& now, Lang lang) {
  // Reasons for a rota nobody built would explain nothing the coordinator can see.
  stored_rota(db, month);
  present::Section makeup{"makeup_days", "", {}, {}, {}};
  for (const auto& day : makeup_days(config, month)) {
    auto month_number = static_cast<unsigned>(day.date.month());
    auto day_number = static_cast<unsigned>(day.date.day());
    auto stands_for = weekday_display(day.stands_for, chinese(lang));
    makeup.lines.push_back(day.staffed_as == day.stands_for
                               ? tr(lang, Msg::explain_makeup_stands_for, month_number, day_number, stands_for)
                               : tr(lang, Msg::explain_makeup_actual_weekday, month_number, day_number, stands_for,
                                    weekday_display(day.staffed_as, chinese(lang))));
  }
  // The reasons come from the constraints as they stand now: plan again without storing.
  auto report = build_rota(db, config, month, now, true);
  present::Section empty{"empty_seats", "", {}, {}, {}};
  present::Table table{"empty_seats", "", duty_columns(lang), {}, 1};
  table.columns.push_back({"seat", header(lang, Msg::rota_col_seats), true});
  table.columns.push_back({"reason", header(lang, Msg::explain_col_reason)});
  table.columns.push_back({"considered", header(lang, Msg::explain_col_considered), true});
  auto names = names_for(db, report.plan);
  for (const auto& session : report.sessions) {
    for (const auto& seat : session.seats) {
      auto it = report.plan.unfilled.find(seat.key);
      if (it == report.plan.unfilled.end() || !filter.keeps_kiosk(session.kiosk)) continue;
      const auto& who = it->second.volunteers;  // --person: the seats they were considered for
      if (filter.person && std::find(who.begin(), who.end(), *filter.person) == who.end()) continue;
      auto row = duty_cells(config, seat_of(session, seat), lang);
      row.push_back(Value::text(seat.key));
      row.push_back(Value::code(std::string(reason_code(it->second.reason)),
                                reason_text(config, it->second, duty_name(config, "", seat.skill, lang), names, lang)));
      std::vector<std::string> considered;
      for (auto id : who) considered.push_back(std::to_string(id));
      row.push_back(Value::list(considered));
      table.rows.push_back(std::move(row));
    }
  }
  if (report.plan.unfilled.empty()) empty.lines.push_back(tr(lang, Msg::schedule_all_filled, month.text()));
  else empty.tables.push_back(std::move(table));
  present::Document document(lang);
  document.kind = "schedule_explain";
  document.period = month.text();
  document.facts = {{"month", Value::text(month.text())},
                    {"empty", Value::integer(static_cast<std::int64_t>(report.plan.unfilled.size()))}};
  document.sections = {std::move(makeup), std::move(empty)};
  return document;
}

present::Document diff_document(storage::Connection& db, const config::Config& config, const Month& month, Lang lang) {
  RotaStore rota(db);
  auto published_at = rota.published_at(month);
  if (!published_at) throw InputError(Message(Msg::schedule_not_published, month.text()));
  auto changes = diff_rota(rota.published(month), rota.month(month));
  present::Section section{"changes", "", {}, {}, {}};
  present::Table table{"changes", "", {}, {}, 2};
  table.columns = {{"volunteer", header(lang, Msg::notify_col_volunteer), true},
                   {"name", header(lang, Msg::field_name)},
                   {"change", header(lang, Msg::diff_col_change)},
                   {"seat", header(lang, Msg::rota_col_seats), true}};
  for (auto& column : duty_columns(lang)) table.columns.push_back(std::move(column));
  auto rows = [&](const PersonChanges& person, const std::vector<RotaSeat>& seats, const char* code, Msg label) {
    for (const auto& s : seats) {
      std::vector<Value> row{Value::integer(person.volunteer), Value::text(person.name),
                             Value::code(code, header(lang, label)), Value::text(s.seat)};
      for (auto& cell : duty_cells(config, s, lang)) row.push_back(std::move(cell));
      table.rows.push_back(std::move(row));
    }
  };
  for (const auto& person : changes) {
    rows(person, person.added, "added", Msg::diff_added);
    rows(person, person.removed, "removed", Msg::diff_removed);
  }
  auto published = time_for_people(*published_at, config.settings.timezone, lang);
  if (changes.empty()) {
    section.lines.push_back(tr(lang, Msg::schedule_no_changes, month.text(), published));
  } else {
    section.lines.push_back(tr(lang, Msg::schedule_changes, month.text(), published, changes.size()));
    section.tables.push_back(std::move(table));
  }
  present::Document document(lang);
  document.kind = "schedule_diff";
  document.period = month.text();
  document.facts = {{"month", Value::text(month.text())},
                    {"published_at", Value::text(*published_at)},
                    {"people", Value::integer(static_cast<std::int64_t>(changes.size()))}};
  document.sections.push_back(std::move(section));
  return document;
}

present::Document build_document(storage::Connection& db, const config::Config& config, const BuildReport& report,
                                 bool dry_run, Lang lang) {
  auto names = names_for(db, report.plan);
  auto lines = built_lines(report, report.rebuilt, names, lang);
  // A line per locked seat the build took from a volunteer away that day: who, day, kiosk.
  for (const auto& session : report.sessions) {
    for (const auto& seat : session.seats) {
      auto it = report.plan.freed.find(seat.key);
      if (it == report.plan.freed.end()) continue;
      lines.push_back(tr(lang, Msg::schedule_freed_away, name_of(it->second, names),
                         format_date(session.date) + " " + weekday_of(session.date, lang),
                         config::kiosk_label(config, session.kiosk, lang), duty_name(config, seat.service, seat.skill, lang)));
    }
  }
  if (!report.plan.unfilled.empty()) lines.push_back(tr(lang, Msg::schedule_see_explain, report.month.text()));
  // The certificates that run out by the month after: their holders lose those seats.
  constexpr std::size_t certificates_shown = 10;
  for (std::size_t i = 0; i < report.certificates.size() && i < certificates_shown; ++i) {
    const auto& c = report.certificates[i];
    const auto* skill = config.catalogue.find_skill(c.skill);
    auto certificate = skill ? skill->certificate : c.skill;
    lines.push_back(tr(lang, c.expired ? Msg::schedule_certificate_expired : Msg::schedule_certificate_expires, c.name,
                       certificate, format_date(c.expires), duty_name(config, "", c.skill, lang)));
  }
  if (report.certificates.size() > certificates_shown) {
    lines.push_back(tr(lang, Msg::schedule_and_more, report.certificates.size() - certificates_shown));
  }
  if (dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  auto facts = built_facts(report);
  facts.emplace_back("dry_run", Value::flag(dry_run, ""));
  return present::message(lang, "schedule_build", std::move(lines), std::move(facts));
}

present::Document drop_document(storage::Connection& db, const BuildReport& report, std::int64_t volunteer,
                                const Date& from, Lang lang) {
  auto names = names_for(db, report.plan, {volunteer});
  std::vector<std::string> lines{tr(lang, Msg::schedule_dropped, name_of(volunteer, names), format_date(from))};
  for (auto& line : built_lines(report, true, names, lang)) lines.push_back(std::move(line));
  auto facts = built_facts(report);
  facts.emplace_back("volunteer", Value::integer(volunteer));
  facts.emplace_back("from", Value::date(from));
  return present::message(lang, "schedule_drop", std::move(lines), std::move(facts));
}

RotaFilter rota_filter(storage::Connection& db, const config::Config& config, const std::string& kiosk,
                       const std::string& person) {
  RotaFilter filter;
  if (!kiosk.empty()) filter.kiosk = config::resolve_kiosk(config, kiosk).id;
  if (!person.empty()) filter.person = people::resolve_volunteer(db, person);
  return filter;
}

present::Document lock_seats(storage::Connection& db, const Month& month, const std::string& seat,
                             std::optional<std::int64_t> person, bool locked, Lang lang) {
  if (seat.empty() && !person) throw UsageError(Message(Msg::schedule_lock_what));
  RotaStore rota(db);
  // The seat checked and locked in one transaction: a build meanwhile cannot empty it
  // between the two.
  storage::Transaction transaction(db, storage::Transaction::write);
  // A mistyped key or an empty seat is said, not "0 seats locked" with success.
  if (!seat.empty()) {
    auto state = rota.seat_state(month, seat);
    if (!state.exists) throw InputError(Message(Msg::schedule_no_such_seat, seat, month.text()));
    if (!state.held) throw InputError(Message(Msg::schedule_seat_empty, seat, month.text()));
  }
  int changed = rota.set_locked(month, seat, person, locked);
  transaction.commit();
  return present::message(lang, locked ? "schedule_lock" : "schedule_unlock",
                          {tr(lang, locked ? Msg::schedule_locked : Msg::schedule_unlocked, changed, month.text())},
                          {{"month", Value::text(month.text())}, {"seats", Value::integer(changed)}});
}

}  // namespace kangle::schedule
