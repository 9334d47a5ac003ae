// SPDX-License-Identifier: Apache-2.0
// kangle record confirm --date D [--kiosk K] [--absent P]... [--instead P=Q]... [--served S=N]... [--dry-run]
// kangle record add --date D (--kiosk K | --place P) --time HH:MM-HH:MM (--service S | --title T) --volunteers A,B
// kangle record set ID [--residents N] [--satisfaction X] [--note T]
// kangle record cancel ID --reason R [--by WHO]
// kangle record list [--month M | --from D --to D] [--kiosk K] [--service S] [--person P] [--cancelled]
// kangle record grant PERSON --hours H --reason R --approved-by A [--date D]
// kangle record grant --revoke ID --reason R --approved-by A
// kangle record hours [PERSON] [--period P]
#include <fmt/format.h>

#include <charconv>
#include <memory>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "present/table.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"
#include "points/actions.hpp"
#include "points/rules.hpp"
#include "records/confirm.hpp"
#include "records/integrity.hpp"
#include "records/grants.hpp"
#include "records/store.hpp"

namespace kangle::cli {
namespace {

struct RecordCommand {
  std::string date, kiosk, place, time, service, title, cadence = "daily", note, reason, by, approved_by, hours;
  std::string month, from, to, period, person;
  std::vector<std::string> absent, instead, served, volunteers;
  std::optional<int> residents;
  std::optional<double> satisfaction;
  std::int64_t id = 0;
  std::optional<std::int64_t> revoke;
  bool dry_run = false, cancelled = false;
  Format format = Format::text;
};

std::string_view separator() { return message_text(Msg::rhythm_list_separator, language()); }

Date date_option(const std::string& text) {
  auto date = parse_date(text);
  if (!date) throw UsageError(tr(Msg::toml_bad_date, text));
  return *date;
}

/// `P=Q` or `S=N` split at its first `=`.
std::pair<std::string, std::string> pair_option(const std::string& text, Msg wrong) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) throw UsageError(tr(wrong, text));
  return {text::clean(text.substr(0, eq)), text::clean(text.substr(eq + 1))};
}

void check_satisfaction(const std::optional<double>& satisfaction) {
  if (satisfaction && (*satisfaction < 1 || *satisfaction > 5)) throw UsageError(tr(Msg::record_bad_satisfaction, *satisfaction));
}

std::string satisfaction_text(const std::optional<double>& s) { return s ? fmt::format("{:.1f}", *s) : ""; }

std::string names_of(const records::Record& r) {
  std::vector<std::string> names;
  for (const auto& a : r.volunteers) {
    names.push_back(a.substitute ? a.name + std::string(message_text(Msg::record_substitute_mark, language())) : a.name);
  }
  return text::join(names, separator());
}

std::vector<std::string> list_headers(bool machine) {
  std::vector<std::string> headers;
  for (auto id : {Msg::field_code, Msg::rota_date, Msg::rota_time, Msg::rota_kiosk, Msg::rota_duty, Msg::rota_volunteers,
                  Msg::record_residents, Msg::record_satisfaction}) {
    headers.emplace_back(message_text(id, language()));
  }
  headers.push_back(duration_header(Msg::record_hours, machine));
  return headers;
}

int run_confirm(const RecordCommand& options, Context& context) {
  records::ConfirmOptions confirm;
  confirm.date = date_option(options.date);
  confirm.kiosk = options.kiosk;
  for (const auto& who : options.absent) confirm.absent.push_back(find_volunteer(context, who));
  for (const auto& text : options.instead) {
    auto [scheduled, substitute] = pair_option(text, Msg::record_bad_instead);
    confirm.instead[find_volunteer(context, scheduled)] = find_volunteer(context, substitute);
  }
  for (const auto& text : options.served) {
    auto [what, count] = pair_option(text, Msg::record_bad_served);
    int n = -1;
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (ec != std::errc{} || end != count.data() + count.size() || n < 0) throw UsageError(tr(Msg::record_bad_served, text));
    confirm.served[what] = n;
  }
  auto report = records::confirm_from_rota(context.database->sql(), *context.config, confirm, context.now, options.dry_run);
  const auto& config = *context.config;
  std::vector<std::vector<std::string>> rows;
  int attendances = 0;
  for (const auto& r : report.added) {
    attendances += static_cast<int>(r.volunteers.size());
    rows.push_back({options.dry_run ? "" : std::to_string(r.id), format_date(r.date), format_time_range(r.time),
                    records::where_of(config, r), records::what_of(config, r), names_of(r), r.residents ? std::to_string(*r.residents) : "",
                    "", format_duration(r.total_minutes())});
  }
  if (!rows.empty()) fmt::print("{}", table::render_text(list_headers(false), rows));
  fmt::print("{}\n", tr(Msg::record_confirmed, format_date(confirm.date), report.added.size(), attendances));
  for (const auto& line : report.left_out) fmt::print("{}\n", line);
  for (const auto& before : report.already) {
    fmt::print("{}\n", tr(Msg::record_already_confirmed, config::kiosk_label(config, before.kiosk), before.confirmed_at));
  }
  for (const auto& w : report.warnings) fmt::print("{}{}\n", message_text(Msg::warning_prefix, language()), w);
  if (options.dry_run) fmt::print("{}\n", message_text(Msg::import_dry_run, language()));
  return 0;
}

int run_add(const RecordCommand& options, Context& context) {
  records::Record r;
  r.origin = records::Origin::manual;
  r.date = date_option(options.date);
  r.kiosk = options.kiosk;
  r.place = text::clean(options.place);
  if (r.kiosk.empty() && r.place.empty()) throw UsageError(tr(Msg::record_needs_place));
  auto time = parse_time_range(options.time);
  if (!time) throw UsageError(tr(Msg::bad_time_range, options.time));
  r.time = *time;
  auto cadence = config::parse_cadence(options.cadence);
  if (!cadence) throw UsageError(tr(Msg::record_bad_cadence, options.cadence));
  r.cadence = *cadence;
  r.service = options.service;
  r.title = text::clean(options.title);
  if (r.service.empty() && r.title.empty()) throw UsageError(tr(Msg::record_needs_what));
  r.residents = options.residents;
  check_satisfaction(options.satisfaction);
  r.satisfaction = options.satisfaction;
  r.note = options.note;
  for (const auto& list : options.volunteers) {
    for (const auto& who : import::split_list(list)) {
      auto id = find_volunteer(context, who);
      r.volunteers.push_back({id, time->end - time->start, false, who});
    }
  }
  auto [added, warnings] = records::add_record(context.database->sql(), *context.config, r, context.now);
  fmt::print("{}\n", tr(Msg::record_added, added.id, points::record_summary(*context.config, added)));
  for (const auto& w : warnings) fmt::print("{}{}\n", message_text(Msg::warning_prefix, language()), w);
  return 0;
}

int run_set(const RecordCommand& options, Context& context) {
  records::RecordStore store(context.database->sql());
  auto record = store.find(options.id);
  if (!record) throw InputError(tr(Msg::record_not_found, options.id));
  check_satisfaction(options.satisfaction);
  auto residents = options.residents ? options.residents : record->residents;
  auto satisfaction = options.satisfaction ? options.satisfaction : record->satisfaction;
  auto note = options.note.empty() ? record->note : options.note;
  store.update_outcome(options.id, residents, satisfaction, note);
  record->residents = residents;
  fmt::print("{}\n", tr(Msg::record_updated, options.id, points::record_summary(*context.config, *record)));
  if (auto w = records::daily_cap_warning(context.database->sql(), *context.config, *record)) {
    fmt::print("{}{}\n", message_text(Msg::warning_prefix, language()), *w);
  }
  return 0;
}

int run_cancel(const RecordCommand& options, Context& context) {
  points::Actor actor{who_enters(options.by), context.now, context.today};
  auto reversals = points::cancel_record(context.database->sql(), options.id, options.reason, actor);
  long taken = 0;
  for (const auto& e : reversals) taken -= e.points;
  fmt::print("{}\n", tr(Msg::record_cancelled, options.id, reversals.size(), taken));
  return 0;
}

/// The dates `--month`, or `--from`/`--to`, or `--period` ask for; open when none is given.
std::pair<std::optional<Date>, std::optional<Date>> date_range(const RecordCommand& options) {
  auto period_text = !options.month.empty() ? options.month : options.period;
  if (!period_text.empty()) {
    auto period = parse_period(period_text);
    if (!period) throw UsageError(tr(Msg::bad_period, period_text));
    return {period->first, period->last};
  }
  std::optional<Date> from, to;
  if (!options.from.empty()) from = date_option(options.from);
  if (!options.to.empty()) to = date_option(options.to);
  if (from && to && *to < *from) throw UsageError(tr(Msg::dates_reversed));
  return {from, to};
}

int run_list(const RecordCommand& options, Context& context) {
  records::RecordFilter filter;
  std::tie(filter.from, filter.to) = date_range(options);
  filter.kiosk = options.kiosk;
  filter.service = options.service;
  filter.with_cancelled = options.cancelled;
  if (!options.person.empty()) filter.volunteer = find_volunteer(context, options.person);
  const auto& config = *context.config;
  auto found = records::RecordStore(context.database->sql()).list(filter);
  std::vector<std::vector<std::string>> rows;
  long minutes = 0;
  long residents = 0;
  for (const auto& r : found) {
    std::string id = std::to_string(r.id);
    if (r.cancelled_at) id += message_text(Msg::record_cancelled_mark, language());
    bool machine = options.format != Format::text;
    rows.push_back({machine ? std::to_string(r.id) : id, format_date(r.date), format_time_range(r.time), records::where_of(config, r),
                    records::what_of(config, r), names_of(r), r.residents ? std::to_string(*r.residents) : "",
                    satisfaction_text(r.satisfaction),
                    machine ? std::to_string(r.total_minutes()) : format_duration(r.total_minutes())});
    if (!r.cancelled_at) {
      minutes += r.total_minutes();
      residents += r.residents.value_or(0);
    }
  }
  if (options.format == Format::json) {
    fmt::print("{}", json::render_objects({"id", "date", "time", "place", "service", "volunteers", "residents",
                                           "satisfaction", "minutes"},
                                          rows, {0, 6, 7, 8}));
    return 0;
  }
  if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(list_headers(true), rows));
    return 0;
  }
  fmt::print("{}", table::render_text(list_headers(false), rows));
  fmt::print("{}\n", tr(Msg::record_list_total, found.size(), residents, format_duration(minutes)));
  return 0;
}

int run_grant(const RecordCommand& options, Context& context) {
  auto& db = context.database->sql();
  if (options.revoke) {
    auto revocation = records::revoke_grant(db, *options.revoke, options.reason, options.approved_by, context.now);
    fmt::print("{}\n", tr(Msg::grant_revoked, *options.revoke, format_duration(-revocation.minutes),
                          format_date(revocation.date), revocation.id, options.approved_by));
    return 0;
  }
  if (options.person.empty() || options.hours.empty()) throw UsageError(tr(Msg::grant_needs_what));
  auto minutes = records::parse_duration(options.hours);
  if (!minutes) throw UsageError(tr(Msg::record_bad_hours, options.hours));
  records::Grant grant;
  grant.volunteer = find_volunteer(context, options.person);
  grant.date = options.date.empty() ? context.today : date_option(options.date);
  grant.minutes = *minutes;
  grant.reason = options.reason;
  grant.approved_by = options.approved_by;
  grant = records::grant_hours(db, *context.config, grant, context.now);
  fmt::print("{}\n", tr(Msg::record_granted, format_duration(*minutes), options.person, options.approved_by, grant.id));
  return 0;
}

int run_hours(const RecordCommand& options, Context& context) {
  auto [from, to] = date_range(options);
  std::optional<std::int64_t> volunteer;
  if (!options.person.empty()) volunteer = find_volunteer(context, options.person);
  auto hours = records::RecordStore(context.database->sql()).hours(from, to, volunteer);
  bool machine = options.format != Format::text;
  std::vector<std::string> headers = {std::string(message_text(Msg::field_name, language())),
                                      std::string(message_text(Msg::hours_sessions, language()))};
  for (auto id : {Msg::hours_recorded, Msg::hours_granted, Msg::hours_total}) headers.push_back(duration_header(id, machine));
  auto shown = [&](long m) { return machine ? std::to_string(m) : format_duration(m); };
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : hours) {
    rows.push_back({h.name, std::to_string(h.sessions), shown(h.recorded_minutes), shown(h.granted_minutes),
                    shown(h.recorded_minutes + h.granted_minutes)});
  }
  if (options.format == Format::json) {
    fmt::print("{}", json::render_objects({"name", "sessions", "recorded_minutes", "granted_minutes", "total_minutes"},
                                          rows, {1, 2, 3, 4}));
  } else if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(headers, rows));
  } else {
    fmt::print("{}", table::render_text(headers, rows));
    if (volunteer) {
      for (const auto& g : records::RecordStore(context.database->sql()).grants(*volunteer)) {
        fmt::print("{}\n", g.reverses ? tr(Msg::hours_revocation_line, format_date(g.date), format_duration(g.minutes),
                                          g.reason, g.approved_by, *g.reverses)
                                      : tr(Msg::hours_grant_line, format_date(g.date), format_duration(g.minutes),
                                           g.reason, g.approved_by, g.id));
      }
    }
  }
  return 0;
}

}  // namespace

void define_record(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<RecordCommand>();
  auto* confirm = command.add_subcommand("confirm", "Turn a day's rota into service records: who came, who stood in");
  confirm->add_option("--date", options->date, "The day (YYYY-MM-DD)")->required();
  confirm->add_option("--kiosk", options->kiosk, "Only this kiosk (its id)");
  confirm->add_option("--absent", options->absent, "A volunteer on the rota who did not come (repeat for more)");
  confirm->add_option("--instead", options->instead, "P=Q: Q came in the place of P (repeat for more)");
  confirm->add_option("--served", options->served, "SERVICE=N (or SERVICE@HH:MM=N): residents served, by service id or event title");
  confirm->add_flag("--dry-run", options->dry_run, "Show the records; write nothing");

  auto* add = command.add_subcommand("add", "Record a session off the rota: an outreach visit, an emergency round");
  add->add_option("--date", options->date, "The day (YYYY-MM-DD)")->required();
  add->add_option("--kiosk", options->kiosk, "The kiosk (its id)");
  add->add_option("--place", options->place, "Where, when not at a kiosk (a compound, a hall)");
  add->add_option("--time", options->time, "HH:MM-HH:MM")->required();
  add->add_option("--service", options->service, "The service (its id in services.toml)");
  add->add_option("--title", options->title, "The event's title, when it is not one service");
  add->add_option("--cadence", options->cadence, "daily, weekly, monthly (a themed event) or outreach")
      ->type_name("daily|weekly|monthly|outreach");
  add->add_option("--volunteers", options->volunteers, "Who served: names or phones, comma-separated")->required();
  add->add_option("--residents", options->residents, "Residents served (人次)")->check(CLI::NonNegativeNumber);
  add->add_option("--satisfaction", options->satisfaction, "Satisfaction, 1 to 5");
  add->add_option("--note", options->note, "A note");

  auto* set = command.add_subcommand("set", "Set the residents served, satisfaction or note of a record");
  set->add_option("id", options->id, "The record's number")->required();
  set->add_option("--residents", options->residents, "Residents served (人次)")->check(CLI::NonNegativeNumber);
  set->add_option("--satisfaction", options->satisfaction, "Satisfaction, 1 to 5");
  set->add_option("--note", options->note, "A note");

  auto* cancel = command.add_subcommand("cancel", "Cancel a record made in error; the points it earned are reversed");
  cancel->add_option("id", options->id, "The record's number")->required();
  cancel->add_option("--reason", options->reason, "Why, for the record")->required();
  add_by_option(*cancel, options->by);

  auto* list = command.add_subcommand("list", "List the service records");
  list->add_option("--month", options->month, "Only this month, e.g. 2026-12");
  list->add_option("--from", options->from, "From this day (YYYY-MM-DD)");
  list->add_option("--to", options->to, "Up to this day (YYYY-MM-DD)");
  list->add_option("--kiosk", options->kiosk, "Only this kiosk (its id)");
  list->add_option("--service", options->service, "Only this service (its id)");
  list->add_option("--person", options->person, "Only records this volunteer served in");
  list->add_flag("--cancelled", options->cancelled, "Show cancelled records too");
  add_format_option(*list, options->format, {Format::text, Format::json, Format::csv});

  auto* grant = command.add_subcommand("grant", "Grant service hours by hand (a forgotten check-in, service before kangle)");
  auto* grant_person = grant->add_option("person", options->person, "The volunteer (a name or phone number)");
  auto* grant_hours = grant->add_option("--hours", options->hours, "How long: 2, 2.5, 90m");
  grant->add_option("--reason", options->reason, "Why")->required();
  grant->add_option("--approved-by", options->approved_by, "Who approved it")->required();
  auto* grant_date = grant->add_option("--date", options->date, "The day served (default: today)");
  grant->add_option("--revoke", options->revoke, "Revoke grant ID by a reversing grant (both are kept)")
      ->excludes(grant_person)
      ->excludes(grant_hours)
      ->excludes(grant_date);

  auto* hours = command.add_subcommand("hours", "Service hours per volunteer: recorded and granted apart");
  hours->add_option("person", options->person, "Only this volunteer");
  hours->add_option("--period", options->period, "A month 2026-12, a quarter 2026Q4 or a year 2026");
  add_format_option(*hours, options->format, {Format::text, Format::json, Format::csv});

  action = [options, confirm, add, set, cancel, list, grant](Context& context) {
    if (confirm->parsed()) return run_confirm(*options, context);
    if (add->parsed()) return run_add(*options, context);
    if (set->parsed()) return run_set(*options, context);
    if (cancel->parsed()) return run_cancel(*options, context);
    if (list->parsed()) return run_list(*options, context);
    if (grant->parsed()) return run_grant(*options, context);
    return run_hours(*options, context);
  };
}

}  // namespace kangle::cli
