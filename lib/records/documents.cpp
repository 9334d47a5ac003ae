// SPDX-License-Identifier: Apache-2.0
#include "records/documents.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "people/store.hpp"
#include "present/columns.hpp"
#include "records/confirm.hpp"
#include "records/grants.hpp"
#include "records/integrity.hpp"
#include "records/store.hpp"
#include "storage/connection.hpp"

namespace kangle::records {
namespace {

using present::Column;
using present::Document;
using present::Section;
using present::Table;
using present::Value;

using present::column;
using present::duration_column;

/// `P=Q` or `S=N` split at its first `=`.
std::pair<std::string, std::string> pair_option(const std::string& text, Msg wrong) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) throw UsageError(Message(wrong, text));
  return {text::clean(text.substr(0, eq)), text::clean(text.substr(eq + 1))};
}

void check_satisfaction(const std::optional<double>& satisfaction) {
  if (satisfaction && (*satisfaction < 1 || *satisfaction > 5)) throw UsageError(Message(Msg::record_bad_satisfaction, *satisfaction));
}

/// The table of records, without rows yet: what `record list` and `record confirm` show,
/// with a status column when cancelled records are listed too.
Table records_table(bool with_status, Lang lang) {
  Table table{"records", "", {column(lang, "id", Msg::field_code), column(lang, "date", Msg::rota_date), column(lang, "time", Msg::rota_time),
                              column(lang, "place", Msg::rota_kiosk), column(lang, "service", Msg::rota_duty),
                              column(lang, "volunteers", Msg::rota_volunteers), column(lang, "stand_ins", Msg::record_stand_ins),
                              column(lang, "residents", Msg::record_residents), column(lang, "satisfaction", Msg::record_satisfaction),
                              duration_column(lang, "minutes", Msg::record_hours)}, {}};
  if (with_status) table.columns.push_back(column(lang, "status", Msg::field_status));
  table.columns.push_back({"origin", tr(lang, Msg::record_origin), true});
  return table;
}

/// A record's row. Where and what are codes (the kiosk's and service's ids, else the place
/// and title as written) with the names people read; the volunteers and those of them who
/// stood in, as lists.
void add_record(Table& table, const config::Config& config, const Record& r, bool with_status, Lang lang) {
  std::vector<std::string> names, stand_ins;
  for (const auto& a : r.volunteers) {
    names.push_back(a.name);
    if (a.substitute) stand_ins.push_back(a.name);
  }
  auto& row = table.rows.emplace_back();
  row.reserve(table.columns.size());
  row.push_back(r.id ? Value::integer(r.id) : Value::none());
  row.push_back(Value::date(r.date));
  row.push_back(Value::text(format_time_range(r.time)));
  row.push_back(Value::code(r.kiosk.empty() ? r.place : r.kiosk, where_of(config, r, lang)));
  row.push_back(Value::code(r.service.empty() ? r.title : r.service, what_of(config, r, lang)));
  row.push_back(Value::list(std::move(names)));
  row.push_back(Value::list(std::move(stand_ins)));
  row.push_back(r.residents ? Value::integer(*r.residents) : Value::none());
  row.push_back(r.satisfaction ? Value::number(*r.satisfaction, 1) : Value::none());
  row.push_back(Value::duration(r.total_minutes()));
  if (with_status) {
    row.push_back(r.cancelled_at ? Value::code("cancelled", tr(lang, Msg::record_cancelled_mark)) : Value::code("standing", ""));
  }
  row.push_back(Value::code(std::string(origin_name(r.origin)), tr(lang, origin_label(r.origin))));
}

std::string warning(const Message& said, Lang lang) { return std::string(message_text(Msg::warning_prefix, lang)) + said.in(lang); }

}  // namespace

Span span_of(const std::string& period, const std::string& from, const std::string& to) {
  if (!period.empty()) {
    auto parsed = parse_period(period);
    if (!parsed) throw UsageError(Message(Msg::bad_period, period));
    return {parsed->first, parsed->last};
  }
  Span span;
  if (!from.empty()) span.from = date_argument(from);
  if (!to.empty()) span.to = date_argument(to);
  if (span.from && span.to && *span.to < *span.from) throw UsageError(Message(Msg::dates_reversed));
  return span;
}

Document confirm_document(storage::Connection& db, const config::Config& config, const ConfirmRequest& request,
                          const std::string& now, bool dry_run, Lang lang) {
  ConfirmOptions confirm;
  confirm.date = date_argument(request.date);
  if (!request.kiosk.empty()) confirm.kiosk = config::resolve_kiosk(config, request.kiosk).id;
  for (const auto& who : request.absent) confirm.absent.push_back(people::resolve_volunteer(db, who));
  for (const auto& text : request.instead) {
    auto [scheduled, substitute] = pair_option(text, Msg::record_bad_instead);
    confirm.instead[people::resolve_volunteer(db, scheduled)] = people::resolve_volunteer(db, substitute);
  }
  for (const auto& text : request.served) {
    auto [what, count] = pair_option(text, Msg::record_bad_served);
    int n = -1;
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (ec != std::errc{} || end != count.data() + count.size() || n < 0) throw UsageError(Message(Msg::record_bad_served, text));
    confirm.served[what] = n;
  }
  for (const auto& text : request.satisfaction) {
    auto [what, score] = pair_option(text, Msg::record_bad_satisfaction_option);
    double x = 0;
    auto [end, ec] = std::from_chars(score.data(), score.data() + score.size(), x);
    if (ec != std::errc{} || end != score.data() + score.size() || !std::isfinite(x)) {
      throw UsageError(Message(Msg::record_bad_satisfaction_option, text));
    }
    check_satisfaction(x);
    confirm.satisfaction[what] = x;
  }
  auto report = confirm_from_rota(db, config, confirm, now, dry_run);
  std::int64_t attendances = 0;
  for (const auto& r : report.added) attendances += static_cast<std::int64_t>(r.volunteers.size());
  std::vector<std::string> lines{tr(lang, Msg::record_confirmed, format_date(confirm.date), report.added.size(), attendances)};
  for (const auto& line : report.left_out) lines.push_back(line.in(lang));
  for (const auto& before : report.already) {
    lines.push_back(tr(lang, Msg::record_already_confirmed, config::kiosk_label(config, before.kiosk, lang),
                          time_for_people(before.confirmed_at, config.settings.timezone, lang)));
  }
  for (const auto& w : report.warnings) lines.push_back(warning(w, lang));
  if (dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  auto document = present::message(lang, "record_confirm", std::move(lines),
                                   {{"date", Value::date(confirm.date)},
                                    {"records", Value::integer(static_cast<std::int64_t>(report.added.size()))},
                                    {"attendances", Value::integer(attendances)},
                                    {"dry_run", Value::flag(dry_run, "")}});
  // The records first, then what was said about them (the warnings name them).
  if (!report.added.empty()) {
    auto table = records_table(false, lang);
    for (const auto& r : report.added) add_record(table, config, r, false, lang);
    Section records{"records", "", {}, {std::move(table)}, {}};
    document.sections.insert(document.sections.begin(), std::move(records));
  }
  return document;
}

Record record_of(storage::Connection& db, const config::Config& config, const RecordRequest& request) {
  Record r;
  r.origin = Origin::manual;
  r.date = date_argument(request.date);
  if (!request.kiosk.empty()) r.kiosk = config::resolve_kiosk(config, request.kiosk).id;
  r.place = text::clean(request.place);
  if (r.kiosk.empty() && r.place.empty()) throw UsageError(Message(Msg::record_needs_place));
  auto time = parse_time_range(request.time);
  if (!time) throw UsageError(Message(Msg::bad_time_range, request.time));
  r.time = *time;
  auto cadence = config::parse_cadence(request.cadence);
  if (!cadence) throw UsageError(Message(Msg::record_bad_cadence, request.cadence));
  r.cadence = *cadence;
  if (!request.service.empty()) r.service = config::resolve_service(config.catalogue, request.service).id;
  r.title = text::clean(request.title);
  if (r.service.empty() && r.title.empty()) throw UsageError(Message(Msg::record_needs_what));
  r.residents = request.residents;
  check_satisfaction(request.satisfaction);
  r.satisfaction = request.satisfaction;
  r.note = request.note;
  for (const auto& list : request.volunteers) {
    for (const auto& who : text::split_list(list)) {
      r.volunteers.push_back({people::resolve_volunteer(db, who), time->end - time->start, false, who});
    }
  }
  return r;
}

Document add_document(storage::Connection& db, const config::Config& config, const RecordRequest& request,
                      const std::string& now, Lang lang) {
  auto [added, warnings] = add_record(db, config, record_of(db, config, request), now);
  std::vector<std::string> lines{tr(lang, Msg::record_added, added.id, record_summary(config, added, lang))};
  for (const auto& w : warnings) lines.push_back(warning(w, lang));
  return present::message(lang, "record_add", std::move(lines),
                          {{"record", Value::integer(added.id)}, {"minutes", Value::duration(added.total_minutes())}});
}

Document set_document(storage::Connection& db, const config::Config& config, std::int64_t id, const OutcomeChange& change,
                      Lang lang) {
  check_satisfaction(change.satisfaction);
  RecordStore store(db);
  // The record read and written back in one transaction: a change another command made
  // meanwhile (a note while this sets residents) is read first, not written over.
  storage::Transaction transaction(db, storage::Transaction::write);
  auto record = store.find(id);
  if (!record) throw InputError(Message(Msg::record_not_found, id));
  if (change.residents) record->residents = change.residents;
  if (change.satisfaction) record->satisfaction = change.satisfaction;
  if (!change.note.empty()) record->note = change.note;
  store.update_outcome(id, record->residents, record->satisfaction, record->note);
  transaction.commit();
  std::vector<std::string> lines{tr(lang, Msg::record_updated, id, record_summary(config, *record, lang))};
  if (auto w = daily_cap_warning(db, config, *record)) lines.push_back(warning(*w, lang));
  return present::message(lang, "record_set", std::move(lines),
                          {{"record", Value::integer(id)},
                           {"residents", record->residents ? Value::integer(*record->residents) : Value::none()},
                           {"satisfaction", record->satisfaction ? Value::number(*record->satisfaction, 1) : Value::none()}});
}

Document list_document(storage::Connection& db, const config::Config& config, const ListRequest& request, Lang lang) {
  RecordFilter filter;
  filter.from = request.span.from;
  filter.to = request.span.to;
  // By name as by id (丁香园, 理发): an unknown one is refused, not an empty list.
  if (!request.kiosk.empty()) filter.kiosk = config::resolve_kiosk(config, request.kiosk).id;
  if (!request.service.empty()) filter.service = config::resolve_service(config.catalogue, request.service).id;
  filter.with_cancelled = request.cancelled;
  if (!request.person.empty()) filter.volunteer = people::resolve_volunteer(db, request.person);
  // Each record into the table as it is read: held as records too, a year's list took twice the memory.
  auto table = records_table(request.cancelled, lang);
  std::int64_t minutes = 0, residents = 0;
  RecordStore(db).list(filter, [&](const Record& r) {
    add_record(table, config, r, request.cancelled, lang);
    if (r.cancelled_at) return;  // listed (with --cancelled), not counted
    minutes += r.total_minutes();
    residents += r.residents.value_or(0);
  });
  auto listed = table.rows.size();
  auto document = present::listing(lang, "records", std::move(table));
  document.facts = {{"records", Value::integer(static_cast<std::int64_t>(listed))},
                    {"residents", Value::integer(residents)},
                    {"minutes", Value::duration(minutes)}};
  document.footer.push_back(tr(lang, Msg::record_list_total, listed, residents, format_duration(minutes, lang)));
  return document;
}

Document grant_document(storage::Connection& db, const config::Config& config, const GrantRequest& request,
                        const std::string& now, const Date& today, Lang lang) {
  if (request.revoke) {
    auto revocation = revoke_grant(db, *request.revoke, request.reason, request.approved_by, now);
    return present::message(lang, "record_grant_revoke",
                            {tr(lang, Msg::grant_revoked, *request.revoke, format_duration(-revocation.minutes, lang),
                                format_date(revocation.date), revocation.id, request.approved_by)},
                            {{"revoked", Value::integer(*request.revoke)},
                             {"grant", Value::integer(revocation.id)},
                             {"volunteer", Value::integer(revocation.volunteer)},
                             {"minutes", Value::duration(revocation.minutes)}});
  }
  if (request.person.empty() || request.hours.empty()) throw UsageError(Message(Msg::grant_needs_what));
  auto minutes = parse_duration(request.hours);
  if (!minutes) throw UsageError(Message(Msg::record_bad_hours, request.hours));
  Grant grant;
  grant.volunteer = people::resolve_volunteer(db, request.person);
  grant.date = request.date.empty() ? today : date_argument(request.date);
  grant.minutes = *minutes;
  grant.reason = request.reason;
  grant.approved_by = request.approved_by;
  grant = grant_hours(db, config, grant, now);
  return present::message(lang, "record_grant",
                          {tr(lang, Msg::record_granted, format_duration(*minutes, lang), request.person, request.approved_by, grant.id)},
                          {{"grant", Value::integer(grant.id)},
                           {"volunteer", Value::integer(grant.volunteer)},
                           {"minutes", Value::duration(grant.minutes)}});
}

Document hours_document(storage::Connection& db, const Span& span, const std::string& person, Lang lang) {
  std::optional<std::int64_t> volunteer;
  if (!person.empty()) volunteer = people::resolve_volunteer(db, person);
  RecordStore store(db);
  Table table{"hours", "", {column(lang, "name", Msg::field_name), column(lang, "sessions", Msg::hours_sessions),
                            duration_column(lang, "recorded_minutes", Msg::hours_recorded),
                            duration_column(lang, "granted_minutes", Msg::hours_granted),
                            duration_column(lang, "total_minutes", Msg::hours_total)}, {}};
  for (const auto& h : store.hours(span.from, span.to, volunteer)) {
    table.rows.push_back({Value::text(h.name), Value::integer(h.sessions), Value::duration(h.recorded_minutes),
                          Value::duration(h.granted_minutes), Value::duration(h.recorded_minutes + h.granted_minutes)});
  }
  auto document = present::listing(lang, "service_hours", std::move(table));
  if (volunteer) {
    for (const auto& g : store.grants(*volunteer)) {
      document.footer.push_back(g.reverses ? tr(lang, Msg::hours_revocation_line, format_date(g.date), format_duration(g.minutes, lang),
                                                g.reason, g.approved_by, *g.reverses)
                                           : tr(lang, Msg::hours_grant_line, format_date(g.date), format_duration(g.minutes, lang),
                                                g.reason, g.approved_by, g.id));
    }
  }
  return document;
}

}  // namespace kangle::records
