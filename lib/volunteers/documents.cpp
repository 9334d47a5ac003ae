// SPDX-License-Identifier: Apache-2.0
#include "volunteers/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "present/columns.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"
#include "import/volunteers.hpp"
#include "people/edit.hpp"
#include "people/identity.hpp"
#include "schedule/away.hpp"
#include "schedule/store.hpp"

namespace kangle::volunteers {

using namespace people;
namespace {

using present::column;
using present::column_for_scripts;
using present::integer_or_none;
using present::text_or_none;
using present::Value;

std::string text_of(Msg id, Lang lang) { return std::string(message_text(id, lang)); }

Value id_number_value(const std::string& id_number, bool reveal) {
  if (id_number.empty()) return Value::none();
  return Value::personal(reveal ? id_number : mask_id_number(id_number));
}

std::string skill_name(const config::Catalogue& catalogue, const std::string& id, Lang lang) {
  const auto* skill = catalogue.find_skill(id);
  return skill ? config::localized(skill->name, skill->name_en, lang) : id;
}

/// Each skill as people read it, a certificate's expiry beside it: 医护(2027-06-30).
std::vector<std::string> skill_names(const Volunteer& v, const config::Catalogue& catalogue, Lang lang) {
  std::vector<std::string> names;
  for (const auto& s : v.skills) {
    auto name = skill_name(catalogue, s.skill, lang);
    if (s.certificate_expires) name += fmt::format("({})", format_date(*s.certificate_expires));
    names.push_back(name);
  }
  return names;
}

std::vector<std::string> skill_ids(const Volunteer& v) {
  std::vector<std::string> ids;
  for (const auto& s : v.skills) ids.push_back(s.skill);
  return ids;
}

/// The certificates their skills rest on, for scripts: nurse:2027-06-30.
std::vector<std::string> certificates(const Volunteer& v) {
  std::vector<std::string> out;
  for (const auto& s : v.skills) {
    if (s.certificate_expires) out.push_back(s.skill + ":" + format_date(*s.certificate_expires));
  }
  return out;
}

/// The parts of the week they can serve, as codes: Mon-morning, Sat-evening.
std::vector<std::string> availability_slots(const Availability& availability) {
  static constexpr std::string_view parts[] = {"morning", "afternoon", "evening"};
  std::vector<std::string> slots;
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    for (std::size_t p = 0; p < 3; ++p) {
      if (availability.slots[d].test(p)) slots.push_back(fmt::format("{}-{}", weekday_display(std::chrono::weekday{d}, false), parts[p]));
    }
  }
  return slots;
}

/// When they can serve: the slots for scripts (Tue-morning,Thu-afternoon), 周二上午 for people.
Value availability_value(const Availability& availability, Lang lang) {
  if (availability.empty()) return Value::none();
  return Value::code(text::join(availability_slots(availability), ","), import::describe_availability(availability, lang));
}

/// Ids for scripts (nurse,barber), their names for people (医护(2027-06-30)、理发).
Value ids_named(const std::vector<std::string>& ids, const std::vector<std::string>& names, Lang lang) {
  if (ids.empty()) return Value::none();
  return Value::code(text::join(ids, ","), list_in(lang, names));
}

Value yes_flag(bool set, Lang lang) { return Value::flag(set, text_of(Msg::word_yes, lang)); }

/// A stored value of a change as people read it: names for skill ids, the days for an
/// availability's bits, a masked phone.
std::string shown_change_value(const VolunteerChange& change, const std::string& value,
                               const config::Catalogue& catalogue, bool reveal, Lang lang) {
  if (value.empty()) return "-";
  if (change.field == "phone") return reveal ? value : mask_phone(value);
  if (change.field == "availability") return import::describe_availability(Availability::from_bits(std::stoll(value)), lang);
  if (change.field == "skills") {
    std::vector<std::string> names;
    for (const auto& id : text::split(value, ',')) names.push_back(skill_name(catalogue, id, lang));
    return list_in(lang, names);
  }
  return value;
}

std::string field_label(const std::string& field, const config::Catalogue& catalogue, Lang lang) {
  if (field.starts_with("certificate:")) return tr(lang, Msg::field_certificate, skill_name(catalogue, field.substr(12), lang));
  static const std::pair<std::string_view, Msg> fields[] = {
      {"name", Msg::field_name},          {"phone", Msg::field_phone},   {"availability", Msg::field_availability},
      {"monthly_limit", Msg::field_monthly_limit}, {"skills", Msg::field_skills}, {"away", Msg::field_away}};
  for (const auto& [key, id] : fields) {
    if (key == field) return text_of(id, lang);
  }
  return field;
}

/// A kept change as people read it: "可服务时间：周一 → 周二、周三".
std::string change_text(const VolunteerChange& change, const config::Catalogue& catalogue, bool reveal, Lang lang) {
  return tr(lang, Msg::import_change, field_label(change.field, catalogue, lang),
            shown_change_value(change, change.before, catalogue, reveal, lang),
            shown_change_value(change, change.after, catalogue, reveal, lang));
}

/// What they would rather serve at or in: kiosks and services by name.
std::vector<std::string> preference_names(const Volunteer& v, const config::Config& config, Lang lang) {
  std::vector<std::string> wanted;
  for (const auto& id : v.preferences) {
    bool kiosk = std::any_of(config.kiosks.begin(), config.kiosks.end(), [&](const auto& k) { return k.id == id; });
    wanted.push_back(kiosk ? config::kiosk_label(config, id, lang) : config::service_label(config.catalogue, id, lang));
  }
  return wanted;
}

present::Section volunteer_section(Store& store, const Volunteer& v, const config::Config& config, bool reveal, Lang lang) {
  const auto& catalogue = config.catalogue;
  present::Table details;
  details.id = "details";
  details.columns = {column(lang, "field", Msg::volunteer_detail), column(lang, "value", Msg::volunteer_detail_value)};
  // A field they have no value for is left out, as people read the card.
  auto add = [&](std::string_view key, Msg label, Value value) {
    if (value.kind() != Value::Kind::none) details.rows.push_back({Value::code(std::string(key), text_of(label, lang)), std::move(value)});
  };
  add("name", Msg::field_name, Value::text(v.name));
  add("phone", Msg::field_phone, people::phone_value(v.phone, reveal));
  add("id_number", Msg::field_id_number, id_number_value(v.id_number, reveal));
  add("party_member", Msg::field_party_member, yes_flag(v.party_member, lang));
  add("political_status", Msg::field_political_status, text_or_none(v.political_status));
  add("unit", Msg::field_unit, text_or_none(v.unit));
  add("community", Msg::field_community, text_or_none(v.community));
  add("skills", Msg::field_skills, ids_named(skill_ids(v), skill_names(v, catalogue, lang), lang));
  add("availability", Msg::field_availability, availability_value(v.availability, lang));
  add("monthly_limit", Msg::field_monthly_limit, integer_or_none(v.monthly_limit));
  add("preferences", Msg::field_preferences, ids_named(v.preferences, preference_names(v, config, lang), lang));
  add("note", Msg::field_note, text_or_none(v.note));
  present::Section section;
  section.id = "volunteer";
  section.tables.push_back(std::move(details));
  auto changes = store.changes(v.id);
  if (changes.empty()) return section;  // most volunteers were never corrected by hand
  present::Table kept;
  kept.id = "changes";
  kept.title = text_of(Msg::volunteer_history, lang);
  kept.columns = {column(lang, "at", Msg::project_when), column(lang, "by", Msg::points_by), column(lang, "change", Msg::volunteer_change),
                  column_for_scripts("at_utc"), column_for_scripts("before"), column_for_scripts("after")};
  for (const auto& change : changes) {
    // As stored, but the days as slots (Tue-morning), not bits, and a phone masked.
    auto stored = [&](const std::string& value) {
      if (value.empty()) return Value::none();
      if (change.field == "phone") return people::phone_value(value, reveal);
      if (change.field == "availability") return Value::text(text::join(availability_slots(Availability::from_bits(std::stoll(value))), ","));
      return Value::text(value);
    };
    kept.rows.push_back({Value::text(local_time_text(change.at, config.settings.timezone)), Value::text(change.by),
                         Value::code(change.field, change_text(change, catalogue, reveal, lang)), Value::text(change.at),
                         stored(change.before), stored(change.after)});
  }
  section.tables.push_back(std::move(kept));
  return section;
}

std::string name_of(Store& store, std::int64_t volunteer) {
  auto v = store.find(volunteer);
  return v ? v->name : "#" + std::to_string(volunteer);
}

present::Document absences_listing(Store& store, const std::string& who, Lang lang) {
  std::vector<Volunteer> people;
  if (who.empty()) people = store.list({});
  else if (auto v = store.find(resolve_volunteer(store, who))) people.push_back(std::move(*v));
  present::Table table;
  table.id = "absences";
  table.columns = {column(lang, "absence", Msg::field_code), column(lang, "name", Msg::field_name), column(lang, "from", Msg::field_away_from),
                   column(lang, "to", Msg::field_away_to), column(lang, "reason", Msg::field_reason)};
  for (const auto& v : people) {
    for (const auto& b : v.blackouts) {
      table.rows.push_back({Value::integer(b.id), Value::text(v.name), Value::date(b.from),
                            b.to ? Value::date(*b.to) : Value::none(), text_or_none(b.reason)});
    }
  }
  bool none = table.rows.empty();
  auto document = present::listing(lang, "volunteer_absences", std::move(table));
  if (none) document.footer.push_back(text_of(Msg::volunteer_away_none, lang));
  return document;
}

}  // namespace

present::Document volunteers_listing(storage::Connection& db, const config::Config& config, const VolunteerFilter& filter,
                                     bool reveal, Lang lang) {
  present::Table table;
  table.id = "volunteers";
  table.columns = {column(lang, "name", Msg::field_name),
                   column(lang, "phone", Msg::field_phone),
                   column(lang, "party_member", Msg::field_party_member),
                   column(lang, "unit", Msg::field_unit),
                   column(lang, "community", Msg::field_community),
                   column(lang, "skills", Msg::field_skills),
                   column(lang, "availability", Msg::field_availability),
                   column(lang, "monthly_limit", Msg::field_monthly_limit),
                   column_for_scripts("id"),
                   column_for_scripts("id_number"),
                   column_for_scripts("political_status"),
                   column_for_scripts("skill_ids"),
                   column_for_scripts("certificates"),
                   column_for_scripts("availability_slots"),
                   column_for_scripts("preferences"),
                   column_for_scripts("note")};
  // A skill by its name as by its id (理发, barber): an unknown one is refused, not an empty list.
  auto wanted = filter;
  if (!filter.skill.empty()) {
    std::vector<std::string> unknown;
    auto ids = import::read_skills(config.catalogue, filter.skill, unknown);
    if (!unknown.empty() || ids.size() != 1) throw UsageError(Message(Msg::volunteer_unknown_skill, filter.skill));
    wanted.skill = ids.front();
  }
  for (const auto& v : Store(db).list(wanted)) {
    table.rows.push_back({Value::text(v.name), people::phone_value(v.phone, reveal), yes_flag(v.party_member, lang), text_or_none(v.unit),
                          text_or_none(v.community), ids_named(skill_ids(v), skill_names(v, config.catalogue, lang), lang),
                          availability_value(v.availability, lang),
                          integer_or_none(v.monthly_limit), Value::integer(v.id),
                          id_number_value(v.id_number, reveal), text_or_none(v.political_status),
                          Value::list(skill_ids(v)), Value::list(certificates(v)),
                          Value::list(availability_slots(v.availability)),
                          Value::list(v.preferences), text_or_none(v.note)});
  }
  auto rows = table.rows.size();
  auto document = present::listing(lang, "volunteers", std::move(table));
  document.footer.push_back(tr(lang, Msg::volunteers_count, rows));
  return document;
}

present::Document volunteer_document(storage::Connection& db, const config::Config& config, const std::string& who,
                                     bool reveal, Lang lang) {
  Store store(db);
  present::Document document(lang);
  document.kind = "volunteer";
  for (const auto& v : find_volunteers(store, who)) document.sections.push_back(volunteer_section(store, v, config, reveal, lang));
  return document;
}

present::Document away_document(storage::Connection& db, const config::Config& config, const AwayInput& input,
                                const std::string& now, Lang lang) {
  Store store(db);
  if (input.from.empty() && !input.undo) return absences_listing(store, input.who, lang);
  if (input.undo) {
    // The number alone says whose absence it is; with a person given, it must be theirs.
    auto owner = input.who.empty() ? store.blackout_owner(*input.undo) : resolve_volunteer(store, input.who);
    if (!owner) throw InputError(Message(Msg::absence_not_found, *input.undo));
    auto volunteer = *owner;
    auto name = name_of(store, volunteer);
    auto absence = remove_absence(db, volunteer, *input.undo, input.by, now);
    return present::message(lang, "volunteer_away_removed", {tr(lang, Msg::volunteer_away_removed, name, *input.undo, absence_text(absence))},
                            {{"volunteer", Value::integer(volunteer)}, {"absence", Value::integer(*input.undo)}});
  }
  if (input.who.empty()) throw UsageError(Message(Msg::volunteer_away_needs_person));
  auto volunteer = resolve_volunteer(store, input.who);
  auto name = name_of(store, volunteer);
  Blackout away{date_argument(input.from), std::nullopt, input.reason};
  if (!input.to.empty()) {
    away.to = date_argument(input.to);
    if (*away.to < away.from) throw UsageError(Message(Msg::dates_reversed));
  }
  auto declared = schedule::declare_away(db, volunteer, away, now);
  std::vector<std::string> lines{
      tr(lang, Msg::volunteer_away, name, format_date(away.from), away.to ? format_date(*away.to) : "…")};
  if (!declared.seats.empty()) lines.push_back(tr(lang, Msg::volunteer_away_on_seats, name, declared.seats.size()));
  std::vector<schedule::Month> months;  // of the seats, in order, each once
  for (const auto& seat : declared.seats) {
    lines.push_back(fmt::format("  {} {} {} {}{}", format_date(seat.date), format_time_range(seat.time),
                                config::kiosk_label(config, seat.kiosk, lang),
                                seat.service.empty() ? seat.title : config::service_label(config.catalogue, seat.service, lang),
                                seat.locked ? text_of(Msg::volunteer_away_seat_locked, lang) : ""));
    auto month = schedule::month_of(seat.date);
    if (std::find(months.begin(), months.end(), month) == months.end()) months.push_back(month);
  }
  // The build that frees each month's seats, as it will be accepted: a published month
  // is rebuilt only with --force.
  schedule::RotaStore rota(db);
  for (const auto& month : months) {
    bool published = rota.published_at(month).has_value();
    lines.push_back(tr(lang, published ? Msg::volunteer_away_rebuild_published : Msg::volunteer_away_rebuild, month.text()));
  }
  return present::message(lang, "volunteer_away", std::move(lines),
                          {{"volunteer", Value::integer(volunteer)},
                           {"absence", Value::integer(declared.id)},
                           {"seats", Value::integer(static_cast<std::int64_t>(declared.seats.size()))}});
}

present::Document edit_document(storage::Connection& db, const config::Config& config, const std::string& who,
                                const import::VolunteerEditInput& input, const std::string& by, const std::string& now, Lang lang) {
  Store store(db);
  auto volunteer = resolve_volunteer(store, who);
  auto name = name_of(store, volunteer);
  auto edit = import::read_volunteer_edit(config.catalogue, input);
  auto changes = edit_volunteer(db, config.catalogue, volunteer, edit, by, now);
  std::vector<std::pair<std::string, Value>> facts{{"volunteer", Value::integer(volunteer)},
                                                   {"changes", Value::integer(static_cast<std::int64_t>(changes.size()))}};
  if (changes.empty()) return present::message(lang, "volunteer_set", {tr(lang, Msg::volunteer_set_nothing, name)}, std::move(facts));
  std::vector<std::string> described;
  for (const auto& change : changes) described.push_back(change_text(change, config.catalogue, false, lang));
  return present::message(lang, "volunteer_set", {tr(lang, Msg::volunteer_set_done, name, list_in(lang, described))},
                          std::move(facts));
}

}  // namespace kangle::volunteers
