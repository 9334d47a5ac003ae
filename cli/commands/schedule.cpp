// SPDX-License-Identifier: Apache-2.0
// kangle schedule build --month M [--dry-run]
// kangle schedule show --month M [--kiosk K] [--person P] [--date D] [--format text|json|csv]
// kangle schedule explain --month M [--kiosk K] [--person P]
// kangle schedule notify --date D [--kiosk K] [--person P] [--dry-run] [--format text|json|csv]
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "../commands.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "present/table.hpp"
#include "core/text.hpp"
#include "people/store.hpp"
#include "schedule/build.hpp"
#include "schedule/changes.hpp"
#include "schedule/ics.hpp"
#include "schedule/notify.hpp"
#include "schedule/sheets.hpp"
#include "schedule/store.hpp"

namespace kangle::cli {
namespace {

enum class ExportFormat { ics, md, csv, html, xlsx };

struct ScheduleCommand {
  ExportFormat export_format = ExportFormat::ics;
  std::string output;
  std::string flow_out;
  std::string month;
  std::string seat;
  std::string from, reason;
  bool force = false, reveal = false;
  bool dry_run = false;
  bool quiet = false;
  std::string kiosk, person, date;
  Format format = Format::text;
  Format notice_format = Format::html;
};

bool chinese() { return language() == Lang::zh_CN; }

std::string_view separator() { return message_text(Msg::rhythm_list_separator, language()); }

schedule::Month month_of(const ScheduleCommand& options) {
  auto month = schedule::parse_month(options.month);
  if (!month) throw UsageError(tr(Msg::schedule_bad_month, options.month));
  return *month;
}


using schedule::duty_name;

std::string weekday_of(const Date& date) {
  return std::string(weekday_display(std::chrono::weekday{std::chrono::sys_days{date}}, chinese()));
}

/// How many names a list of volunteers shows before "and N more".
constexpr std::size_t names_shown = 5;

/// The names a report of `plan` shows: who moved, and the first few of each empty seat's reason.
std::map<std::int64_t, std::string> names_for(Context& context, const schedule::RotaPlan& plan,
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
  return people::Store(context.database->sql()).names(ids);
}

std::string names_of(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, std::string>& names) {
  constexpr std::size_t shown = names_shown;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ids.size() && i < shown; ++i) {
    auto it = names.find(ids[i]);
    out.push_back(it == names.end() ? std::to_string(ids[i]) : it->second);
  }
  auto text = text::join(out, separator());
  if (ids.size() > shown) text += tr(Msg::schedule_and_more, ids.size() - shown);
  return text;
}

std::string reason_text(const config::Config& config, const schedule::Unfilled& why, const std::string& skill,
                        const std::map<std::int64_t, std::string>& names) {
  switch (why.reason) {
    case schedule::Unfilled::Reason::no_skill: return tr(Msg::schedule_why_no_skill, skill);
    case schedule::Unfilled::Reason::not_available:
      return tr(Msg::schedule_why_not_available, why.volunteers.size(), skill, names_of(why.volunteers, names));
    case schedule::Unfilled::Reason::at_limit:
      return tr(Msg::schedule_why_at_limit, why.volunteers.size(), names_of(why.volunteers, names));
    case schedule::Unfilled::Reason::weekly_limit:
      return tr(Msg::schedule_why_weekly_limit, why.volunteers.size(), config.settings.weekly_limit.value_or(0),
                names_of(why.volunteers, names));
    case schedule::Unfilled::Reason::busy_that_day: {
      if (why.in_session.empty()) return tr(Msg::schedule_why_busy, why.volunteers.size(), names_of(why.volunteers, names));
      std::vector<std::int64_t> elsewhere;
      for (auto id : why.volunteers) {
        if (std::find(why.in_session.begin(), why.in_session.end(), id) == why.in_session.end()) elsewhere.push_back(id);
      }
      return tr(Msg::schedule_why_busy_or_here, why.volunteers.size(), names_of(elsewhere, names),
                names_of(why.in_session, names));
    }
    case schedule::Unfilled::Reason::in_this_session:
      return tr(Msg::schedule_why_in_this_session, why.volunteers.size(), names_of(why.volunteers, names));
    case schedule::Unfilled::Reason::days_in_a_row:
      return tr(Msg::schedule_why_days_in_a_row, why.volunteers.size(),
                config.settings.max_consecutive_days.value_or(0), names_of(why.volunteers, names));
    case schedule::Unfilled::Reason::day_gone_by: return tr(Msg::schedule_why_day_gone_by);
  }
  return {};
}

/// The certificates that run out by the month after: their holders lose those seats.
void print_certificate_warnings(const config::Config& config, const schedule::BuildReport& report) {
  constexpr std::size_t shown = 10;
  for (std::size_t i = 0; i < report.certificates.size() && i < shown; ++i) {
    const auto& c = report.certificates[i];
    const auto* skill = config.catalogue.find_skill(c.skill);
    auto certificate = skill ? skill->certificate : c.skill;
    fmt::print("{}\n", tr(c.expired ? Msg::schedule_certificate_expired : Msg::schedule_certificate_expires, c.name,
                          certificate, format_date(c.expires), duty_name(config, "", c.skill)));
  }
  if (report.certificates.size() > shown) fmt::print("{}\n", tr(Msg::schedule_and_more, report.certificates.size() - shown));
}

/// A line per locked seat the build took from a volunteer away that day: who, day, kiosk.
void print_freed_seats(Context& context, const schedule::BuildReport& report) {
  if (report.plan.freed.empty()) return;
  const auto& config = *context.config;
  auto names = names_for(context, report.plan);
  for (const auto& session : report.sessions) {
    for (const auto& seat : session.seats) {
      auto it = report.plan.freed.find(seat.key);
      if (it == report.plan.freed.end()) continue;
      auto name = names.contains(it->second) ? names.at(it->second) : std::to_string(it->second);
      fmt::print("{}\n", tr(Msg::schedule_freed_away, name, format_date(session.date) + " " + weekday_of(session.date),
                            config::kiosk_label(config, session.kiosk), duty_name(config, seat.service, seat.skill)));
    }
  }
}

int run_build(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  const auto& config = *context.config;
  warn_provisional_years(config.holidays, month.first(), month.last());
  std::ostringstream network;
  auto report = [&] {
    ProgressLine progress(Msg::schedule_progress, options.quiet);  // cleared before the summary prints
    return schedule::build_rota(context.database->sql(), config, month, context.now, options.dry_run, options.force,
                                options.flow_out.empty() ? nullptr : &network,
                                [&progress](std::int64_t seats) { progress.show(static_cast<std::size_t>(seats)); });
  }();
  if (!options.flow_out.empty()) write_file_atomically(options.flow_out, network.str());
  const auto& plan = report.plan;
  fmt::print("{}\n", tr(Msg::schedule_built, month.text(), report.sessions.size(), plan.seats, plan.assigned.size(),
                        plan.unfilled.size()));
  if (report.rebuilt) {
    auto names = names_for(context, plan);
    fmt::print("{}\n", plan.moved.empty() ? tr(Msg::schedule_nobody_moved)
                                          : tr(Msg::schedule_moved, plan.moved.size(), names_of(plan.moved, names)));
  }
  print_freed_seats(context, report);
  if (!plan.unfilled.empty()) fmt::print("{}\n", tr(Msg::schedule_see_explain, month.text()));
  print_certificate_warnings(config, report);
  if (options.dry_run) fmt::print("{}\n", tr(Msg::import_dry_run));
  return 0;
}

/// The kiosk and the volunteer `--kiosk` and `--person` name, as ids; empty when not given.
struct Filters {
  std::string kiosk;
  std::optional<std::int64_t> person;

  bool keeps_kiosk(const std::string& id) const { return kiosk.empty() || id == kiosk; }
  bool keeps(const schedule::RotaSeat& seat) const {
    return keeps_kiosk(seat.kiosk) && (!person || seat.volunteer == person);
  }
};

Filters filters_of(const ScheduleCommand& options, Context& context) {
  Filters out;
  if (!options.kiosk.empty()) out.kiosk = config::resolve_kiosk(*context.config, options.kiosk).id;
  if (!options.person.empty()) out.person = find_volunteer(context, options.person);
  return out;
}

/// The month's rota as the rows `show` and `export` print, after the filters, with
/// the same rows as JSON objects.
struct RotaTable {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> json;
  std::vector<schedule::RotaSeat> seats;  ///< every seat of the month, unfiltered
  Filters filters;
};

RotaTable rota_table(const ScheduleCommand& options, Context& context, const schedule::Month& month) {
  const auto& config = *context.config;
  RotaTable table;
  table.filters = filters_of(options, context);
  table.seats = schedule::RotaStore(context.database->sql()).month(month);
  if (table.seats.empty()) throw InputError(tr(Msg::schedule_none, month.text()));
  warn_provisional_years(config.holidays, month.first(), month.last());
  const auto& person = table.filters.person;
  for (auto id : {Msg::rota_date, Msg::rota_weekday, Msg::rota_time, Msg::rota_kiosk, Msg::rota_duty, Msg::rota_volunteers}) {
    table.headers.emplace_back(message_text(id, language()));
  }
  for (const auto& line : schedule::duty_lines(config, table.seats)) {
    const auto& s = line.first;
    if (!table.filters.keeps_kiosk(s.kiosk)) continue;
    if (!options.date.empty() && format_date(s.date) != options.date) continue;
    if (person && std::find(line.volunteer_ids.begin(), line.volunteer_ids.end(), *person) == line.volunteer_ids.end()) {
      continue;
    }
    auto duty = duty_name(config, s.service, s.skill);
    if (!s.title.empty()) duty = s.title + " " + duty;
    std::vector<std::string> marked;
    for (const auto& name : line.volunteers) {
      bool locked = std::find(line.locked.begin(), line.locked.end(), name) != line.locked.end();
      marked.push_back(locked ? name + std::string(message_text(Msg::rota_locked_mark, language())) : name);
    }
    auto who = text::join(marked, separator());
    if (line.empty > 0) who += (who.empty() ? "" : std::string(separator())) + tr(Msg::rota_empty_seats, line.empty);
    auto place = config::kiosk_label(config, s.kiosk) + (s.place.empty() ? "" : " @" + s.place);
    table.rows.push_back({format_date(s.date), weekday_of(s.date), format_time_range(s.time), place, duty, who});
    table.json.push_back(fmt::format(
        "  {{\"date\": {}, \"time\": {}, \"kiosk\": {}, \"place\": {}, \"service\": {}, \"title\": {}, "
        "\"volunteers\": {}, \"locked\": {}, \"empty_seats\": {}, \"seats\": {}}}",
        json::quote(format_date(s.date)), json::quote(format_time_range(s.time)), json::quote(s.kiosk),
        json::quote(s.place), json::quote(s.service.empty() ? s.skill : s.service), json::quote(s.title),
        json::quote_all(line.volunteers), json::quote_all(line.locked), line.empty, json::quote_all(line.seats)));
  }
  return table;
}

int run_show(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  auto table = rota_table(options, context, month);
  if (options.format == Format::json) {
    fmt::print("[{}{}{}]\n", table.json.empty() ? "" : "\n", text::join(table.json, ",\n"), table.json.empty() ? "" : "\n");
  } else if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(table.headers, table.rows));
  } else {
    fmt::print("{}\n\n", tr(Msg::rota_title, context.config->settings.name, month.text()));
    fmt::print("{}", table::render_text(table.headers, table.rows));
  }
  return 0;
}

/// The seats of the kiosk asked for, or all of them.
std::vector<schedule::RotaSeat> filtered(std::vector<schedule::RotaSeat> seats, const Filters& filters) {
  std::erase_if(seats, [&](const auto& s) { return !filters.keeps_kiosk(s.kiosk); });
  return seats;
}

/// A rota sheet or notice, laid out as a report is, in `format`: XLSX only to a file.
int write_sheet(const present::Document& sheet, Format format, const std::string& output) {
  present::emit(sheet, present::Output{format, output, present::Encoding::utf8});
  return 0;
}

/// `schedule export`: the rota as a file to hand out — a calendar for phones, a
/// Markdown table to paste or print, CSV for scripts — on stdout or, atomically, to -o.
int run_export(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  auto table = rota_table(options, context, month);
  std::string content;
  switch (options.export_format) {
    case ExportFormat::ics: {
      schedule::IcsOptions ics;
      ics.volunteer = table.filters.person;
      ics.now = context.now;
      // Each calendar handed out (everyone's, a kiosk's, a person's) numbers its own events.
      auto scope = fmt::format("{}|{}", table.filters.person ? std::to_string(*table.filters.person) : "",
                               table.filters.kiosk);
      schedule::export_ics(context.database->sql(), *context.config, month, filtered(table.seats, table.filters),
                           scope, ics, [&](const std::string& calendar) { print_or_write(calendar, options.output); });
      return 0;
    }
    case ExportFormat::csv:
      content = table::render_csv(table.headers, table.rows);
      break;
    case ExportFormat::md:
    case ExportFormat::html:
    case ExportFormat::xlsx: {
      static const std::map<ExportFormat, Format> sheet_formats = {
          {ExportFormat::md, Format::md}, {ExportFormat::html, Format::html}, {ExportFormat::xlsx, Format::xlsx}};
      // A printed rota for one person shows their duties alone.
      auto seats = table.seats;
      std::erase_if(seats, [&](const auto& s) { return !table.filters.keeps(s); });
      return write_sheet(schedule::rota_by_week(*context.config, month, seats, context.now),
                         sheet_formats.at(options.export_format), options.output);
    }
  }
  print_or_write(content, options.output);
  return 0;
}

/// `schedule notice`: each kiosk's public notice (四公开) for the month, to print and pin up.
int run_notice(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  auto filters = filters_of(options, context);
  auto seats = schedule::RotaStore(context.database->sql()).month(month);
  if (seats.empty()) throw InputError(tr(Msg::schedule_none, month.text()));
  warn_provisional_years(context.config->holidays, month.first(), month.last());
  return write_sheet(schedule::duty_notice(*context.config, month, filtered(seats, filters), context.now),
                     options.notice_format, options.output);
}

/// `schedule lock|unlock`: a seat, or every seat of a person in the month.
int run_lock(const ScheduleCommand& options, Context& context, bool locked) {
  auto month = month_of(options);
  if (options.seat.empty() && options.person.empty()) throw UsageError(tr(Msg::schedule_lock_what));
  auto person = filters_of(options, context).person;
  int changed = schedule::RotaStore(context.database->sql()).set_locked(month, options.seat, person, locked);
  fmt::print("{}\n", tr(locked ? Msg::schedule_locked : Msg::schedule_unlocked, changed, month.text()));
  return 0;
}

/// "12-08 周二 09:00-11:30 丁香园 理发": a duty on one line.
std::string duty_line(const config::Config& config, const schedule::RotaSeat& s) {
  return fmt::format("{} {} {} {} {}", format_date(s.date).substr(5), weekday_of(s.date), format_time_range(s.time),
                     config::kiosk_label(config, s.kiosk), duty_name(config, s.service, s.skill));
}

int run_publish(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  int filled = schedule::publish_rota(context.database->sql(), month, context.now);
  fmt::print("{}\n", tr(Msg::schedule_published, month.text(), filled));
  return 0;
}

int run_diff(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  schedule::RotaStore rota(context.database->sql());
  auto published_at = rota.published_at(month);
  if (!published_at) throw InputError(tr(Msg::schedule_not_published, month.text()));
  auto changes = schedule::diff_rota(rota.published(month), rota.month(month));
  if (changes.empty()) {
    fmt::print("{}\n", tr(Msg::schedule_no_changes, month.text(), *published_at));
    return 0;
  }
  fmt::print("{}\n", tr(Msg::schedule_changes, month.text(), *published_at, changes.size()));
  for (const auto& person : changes) {
    fmt::print("{}\n", person.name);
    for (const auto& s : person.added) fmt::print("  + {}\n", duty_line(*context.config, s));
    for (const auto& s : person.removed) fmt::print("  - {}\n", duty_line(*context.config, s));
  }
  return 0;
}

/// `schedule notify --date D`: the message for each volunteer on duty that day or whose
/// duties changed since the rota was published, ready to send by WeChat or SMS; what it
/// prints is recorded (unless --dry-run), so the next night tells only what is new.
int run_notify(const ScheduleCommand& options, Context& context) {
  auto date = parse_date(options.date);
  if (!date) throw UsageError(tr(Msg::toml_bad_date, options.date));
  auto filters = filters_of(options, context);
  // Messages recorded as told are never printed again: a file of them must not be written over.
  if (!options.dry_run && !options.output.empty() && options.output != "-" && std::filesystem::exists(options.output)) {
    throw UsageError(tr(Msg::notify_output_exists, options.output));
  }
  schedule::NotifyOptions notify{*date, filters.kiosk, filters.person, options.dry_run, context.now};
  auto phone_of = [&](const schedule::Notice& n) { return options.reveal ? n.phone : people::mask_phone(n.phone); };
  schedule::notify_day(context.database->sql(), *context.config, notify, [&](const std::vector<schedule::Notice>& notices) {
    std::string out;
    if (options.format == Format::json) {
      std::vector<std::string> items;
      for (const auto& n : notices) {
        std::vector<std::string> changes;
        for (const auto& c : n.changes) {
          constexpr const char* kinds[] = {"added", "cancelled", "moved"};
          auto seat = [](const schedule::RotaSeat& s) {
            return fmt::format("{{\"seat\": {}, \"kiosk\": {}, \"date\": {}, \"time\": {}}}", json::quote(s.seat),
                               json::quote(s.kiosk), json::quote(format_date(s.date)), json::quote(format_time_range(s.time)));
          };
          changes.push_back(fmt::format("{{\"change\": {}, \"duty\": {}, \"from\": {}}}",
                                        json::quote(kinds[static_cast<int>(c.kind)]), seat(c.to),
                                        c.from ? seat(*c.from) : "null"));
        }
        std::vector<std::string> duties;
        for (const auto& s : n.duties) duties.push_back(s.seat);
        items.push_back(fmt::format("  {{\"volunteer\": {}, \"name\": {}, \"phone\": {}, \"duties\": {}, "
                                    "\"changes\": [{}], \"message\": {}}}",
                                    n.volunteer, json::quote(n.name), json::quote(phone_of(n)), json::quote_all(duties),
                                    text::join(changes, ", "), json::quote(n.message)));
      }
      out = fmt::format("[{}{}{}]\n", items.empty() ? "" : "\n", text::join(items, ",\n"), items.empty() ? "" : "\n");
    } else if (options.format == Format::csv) {
      std::vector<std::string> headers;
      for (auto id : {Msg::field_name, Msg::field_phone, Msg::notify_message}) headers.emplace_back(message_text(id, language()));
      std::vector<std::vector<std::string>> rows;
      for (const auto& n : notices) rows.push_back({n.name, phone_of(n), n.message});
      out = table::render_csv(headers, rows);
    } else {
      for (const auto& n : notices) out += fmt::format("{} {}\n  {}\n", n.name, phone_of(n), n.message);
      if (notices.empty()) out += tr(Msg::notify_nobody, options.date) + "\n";
      if (options.dry_run) out += tr(Msg::import_dry_run) + "\n";
    }
    print_or_write(out, options.output);  // before the record is committed: what is recorded was put out
    std::fflush(stdout);
  });
  return 0;
}

/// `schedule drop PERSON`: out from a day on (default today); the month rebuilt around it.
int run_drop(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  auto volunteer = find_volunteer(context, options.person);
  auto from = options.from.empty() ? std::optional<Date>{context.today} : parse_date(options.from);
  if (!from) throw UsageError(tr(Msg::toml_bad_date, options.from));
  warn_provisional_years(context.config->holidays, month.first(), month.last());
  auto report = schedule::drop_volunteer(context.database->sql(), *context.config, month, volunteer, *from,
                                         options.reason, context.now);
  auto names = names_for(context, report.plan, {volunteer});
  fmt::print("{}\n", tr(Msg::schedule_dropped, names[volunteer], format_date(*from)));
  const auto& plan = report.plan;
  fmt::print("{}\n", tr(Msg::schedule_built, month.text(), report.sessions.size(), plan.seats, plan.assigned.size(),
                        plan.unfilled.size()));
  fmt::print("{}\n", plan.moved.empty() ? tr(Msg::schedule_nobody_moved)
                                        : tr(Msg::schedule_moved, plan.moved.size(), names_of(plan.moved, names)));
  return 0;
}

/// `explain` says how each make-up workday (调休) of the month is staffed.
void print_makeup_days(const config::Config& config, const schedule::Month& month) {
  for (const auto& day : schedule::makeup_days(config, month)) {
    auto month_number = static_cast<unsigned>(day.date.month());
    auto day_number = static_cast<unsigned>(day.date.day());
    auto stands_for = weekday_display(day.stands_for, chinese());
    if (day.staffed_as == day.stands_for) {
      fmt::print("{}\n", tr(Msg::explain_makeup_stands_for, month_number, day_number, stands_for));
    } else {
      fmt::print("{}\n", tr(Msg::explain_makeup_actual_weekday, month_number, day_number, stands_for,
                            weekday_display(day.staffed_as, chinese())));
    }
  }
}

int run_explain(const ScheduleCommand& options, Context& context) {
  auto month = month_of(options);
  const auto& config = *context.config;
  auto filters = filters_of(options, context);
  // Reasons for a rota nobody built would explain nothing the coordinator can see.
  if (schedule::RotaStore(context.database->sql()).month(month).empty()) {
    throw InputError(tr(Msg::schedule_none, month.text()));
  }
  warn_provisional_years(config.holidays, month.first(), month.last());
  // The reasons come from the constraints as they stand now: plan again without storing.
  auto report = schedule::build_rota(context.database->sql(), config, month, context.now, true);
  print_makeup_days(config, month);
  if (report.plan.unfilled.empty()) {
    fmt::print("{}\n", tr(Msg::schedule_all_filled, month.text()));
    return 0;
  }
  auto names = names_for(context, report.plan);
  for (const auto& session : report.sessions) {
    for (const auto& seat : session.seats) {
      auto it = report.plan.unfilled.find(seat.key);
      if (it == report.plan.unfilled.end() || !filters.keeps_kiosk(session.kiosk)) continue;
      const auto& who = it->second.volunteers;  // --person: the seats they were considered for
      if (filters.person && std::find(who.begin(), who.end(), *filters.person) == who.end()) continue;
      auto skill = duty_name(config, "", seat.skill);
      fmt::print("{} {} {} {} {}{}{}\n", format_date(session.date), weekday_of(session.date),
                 format_time_range(session.time), config::kiosk_label(config, session.kiosk),
                 duty_name(config, seat.service, seat.skill), message_text(Msg::colon, language()),
                 reason_text(config, it->second, skill, names));
    }
  }
  return 0;
}

}  // namespace

void define_schedule(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<ScheduleCommand>();
  const std::string kiosk_help = "Only this kiosk (its id, name or short name)";
  const std::string person_help = "Only this volunteer (a name, phone or #id)";
  auto* build = command.add_subcommand("build", "Build (or rebuild) the rota of a month");
  build->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  build->add_flag("--dry-run", options->dry_run, "Show what would happen; change nothing");
  build->add_flag("--force", options->force, "Rebuild a month that was published (the change is recorded)");
  add_quiet_option(*build, options->quiet);
  // For bench/run_schedule.sh and for support: the exact problem the solver was given.
  build->add_option("--flow-out", options->flow_out, "Also write the flow problem (DIMACS) and its optimum to FILE")
      ->type_name("FILE");
  auto* publish = command.add_subcommand("publish", "Freeze the month's rota as the one volunteers were told");
  publish->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  auto* differ = command.add_subcommand("diff", "Show, person by person, what changed since the rota was published");
  differ->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  auto* notify = command.add_subcommand("notify", "The messages to send for a day: who is on duty, whose duties changed");
  notify->add_option("--date", options->date, "The day (YYYY-MM-DD)")->required();
  notify->add_option("--kiosk", options->kiosk, kiosk_help);
  notify->add_option("--person", options->person, person_help);
  notify->add_flag("--dry-run", options->dry_run, "Show the messages; record nothing as sent");
  add_output_option(*notify, options->output);
  add_format_option(*notify, options->format, {Format::text, Format::json, Format::csv});
  add_reveal_option(*notify, options->reveal);
  auto* show = command.add_subcommand("show", "Print the rota");
  show->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  show->add_option("--kiosk", options->kiosk, kiosk_help);
  show->add_option("--person", options->person, person_help);
  show->add_option("--date", options->date, "Only this day (YYYY-MM-DD)");
  add_format_option(*show, options->format, {Format::text, Format::json, Format::csv});
  auto* explain = command.add_subcommand("explain", "Say why each empty seat is empty");
  explain->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  explain->add_option("--kiosk", options->kiosk, kiosk_help);
  explain->add_option("--person", options->person, "Only the empty seats this volunteer could not take");
  CLI::App* locks[2];
  for (int i = 0; i < 2; ++i) {
    locks[i] = command.add_subcommand(i == 0 ? "lock" : "unlock",
                                      i == 0 ? "Keep a seat's volunteer, or a person's seats, through rebuilds"
                                             : "Let rebuilds move a seat or a person again");
    locks[i]->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
    locks[i]->add_option("--seat", options->seat, "A seat's key, as `schedule show --format json` gives it");
    locks[i]->add_option("--person", options->person, "Every seat this volunteer holds in the month (a name, phone or #id)");
  }
  auto* exporter = command.add_subcommand("export", "Write the rota as a calendar (ics), Markdown or CSV");
  exporter->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  exporter->add_option("--format", options->export_format,
                       "ics (phone calendars), xlsx or html (a sheet per kiosk, a week per block, A4 landscape), md or csv")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ExportFormat>{{"ics", ExportFormat::ics},
                                                                              {"md", ExportFormat::md},
                                                                              {"csv", ExportFormat::csv},
                                                                              {"html", ExportFormat::html},
                                                                              {"xlsx", ExportFormat::xlsx}},
                                          CLI::ignore_case)
                      .description(""))
      ->type_name("ics|xlsx|html|md|csv");
  exporter->add_option("--person", options->person, "Only this volunteer's duties (their own calendar)");
  exporter->add_option("--kiosk", options->kiosk, kiosk_help);
  add_output_option(*exporter, options->output);
  auto* notice = command.add_subcommand("notice", "Each kiosk's public notice (四公开) for the month: services, hours, fees, who is on duty");
  notice->add_option("--month", options->month, "The month, e.g. 2026-12")->required();
  notice->add_option("--kiosk", options->kiosk, kiosk_help);
  add_format_option(*notice, options->notice_format, {Format::html, Format::md});
  add_output_option(*notice, options->output);
  auto* drop = command.add_subcommand("drop", "A volunteer drops out: rebuild the month around it, moving as few as possible");
  drop->add_option("person", options->person, "The volunteer (a name or phone number)")->required();
  drop->add_option("--month", options->month, "The month to rebuild, e.g. 2026-12")->required();
  drop->add_option("--from", options->from, "The first day they cannot serve (default: today)");
  drop->add_option("--reason", options->reason, "Why, for the record");
  action = [options, build, publish, differ, notify, show, explain, drop, exporter, notice, locks](Context& context) {
    if (build->parsed()) return run_build(*options, context);
    if (publish->parsed()) return run_publish(*options, context);
    if (differ->parsed()) return run_diff(*options, context);
    if (notify->parsed()) return run_notify(*options, context);
    if (show->parsed()) return run_show(*options, context);
    if (exporter->parsed()) return run_export(*options, context);
    if (notice->parsed()) return run_notice(*options, context);
    if (explain->parsed()) return run_explain(*options, context);
    if (drop->parsed()) return run_drop(*options, context);
    return run_lock(*options, context, locks[0]->parsed());
  };
}

}  // namespace kangle::cli
