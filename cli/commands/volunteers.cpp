// SPDX-License-Identifier: Apache-2.0
// kangle volunteers list [--skill S] [--unit U] [--format text|json|csv] [--reveal]
// kangle volunteers show NAME|PHONE [--reveal]
// kangle volunteers set NAME|PHONE [--name N] [--phone P] [--availability A] [--monthly-limit N] [--skills S] [--certificate-expires D] [--by WHO]
// kangle volunteers away [NAME|PHONE] [--from D [--to D] [--reason R] | --undo ID]
// kangle volunteers forget NAME|PHONE --yes
#include <fmt/format.h>

#include <memory>

#include "../commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "present/table.hpp"
#include "core/text.hpp"
#include "import/normalize.hpp"
#include "import/volunteers.hpp"
#include "people/edit.hpp"
#include "people/store.hpp"
#include "schedule/away.hpp"
#include "people/identity.hpp"

namespace kangle::cli {
namespace {

struct VolunteersCommand {
  people::VolunteerFilter filter;
  std::string from, to, reason, by;
  std::optional<std::string> name, phone, availability, skills, certificate_expires;
  std::optional<int> monthly_limit;
  std::optional<std::int64_t> undo;
  Format format = Format::text;
  bool reveal = false;
  std::string who;
  bool yes = false;
};

std::string skill_names(const people::Volunteer& v, const config::Catalogue& catalogue) {
  std::vector<std::string> names;
  for (const auto& s : v.skills) {
    const auto* skill = catalogue.find_skill(s.skill);
    std::string name = skill ? (language() == Lang::zh_CN || skill->name_en.empty() ? skill->name : skill->name_en) : s.skill;
    if (s.certificate_expires) name += fmt::format("({})", format_date(*s.certificate_expires));
    names.push_back(name);
  }
  return text::join(names, message_text(Msg::rhythm_list_separator, language()));
}

std::string shown_phone(const people::Volunteer& v, bool reveal) { return reveal ? v.phone : people::mask_phone(v.phone); }

std::string shown_id(const people::Volunteer& v, bool reveal) {
  return reveal || v.id_number.empty() ? v.id_number : people::mask_id_number(v.id_number);
}

std::string yes_no(bool value) { return std::string(message_text(value ? Msg::word_yes : Msg::word_no, language())); }

std::vector<std::string> row_of(const people::Volunteer& v, const config::Catalogue& catalogue, bool reveal) {
  return {v.name,
          shown_phone(v, reveal),
          yes_no(v.party_member),
          v.unit,
          v.community,
          skill_names(v, catalogue),
          import::describe_availability(v.availability),
          v.monthly_limit ? std::to_string(*v.monthly_limit) : ""};
}

std::vector<std::string> list_headers() {
  std::vector<std::string> headers;
  for (auto id : {Msg::field_name, Msg::field_phone, Msg::field_party_member, Msg::field_unit, Msg::field_community,
                  Msg::field_skills, Msg::field_availability, Msg::field_monthly_limit}) {
    headers.emplace_back(message_text(id, language()));
  }
  return headers;
}

std::string volunteer_json(const people::Volunteer& v, bool reveal) {
  std::vector<std::string> skills;
  for (const auto& s : v.skills) {
    skills.push_back(fmt::format("{{\"skill\": {}, \"certificate_expires\": {}}}", json::quote(s.skill),
                                 s.certificate_expires ? json::quote(format_date(*s.certificate_expires)) : "null"));
  }
  std::vector<std::string> slots;
  static constexpr std::string_view parts[] = {"morning", "afternoon", "evening"};
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    for (std::size_t p = 0; p < 3; ++p) {
      if (v.availability.slots[d].test(p)) {
        slots.push_back(json::quote(fmt::format("{}-{}", weekday_display(std::chrono::weekday{d}, false), parts[p])));
      }
    }
  }
  return fmt::format(
      "{{\"name\": {}, \"phone\": {}, \"id_number\": {}, \"party_member\": {}, \"political_status\": {}, \"unit\": {}, "
      "\"community\": {}, \"monthly_limit\": {}, \"skills\": [{}], \"availability\": [{}], \"preferences\": {}, "
      "\"note\": {}}}",
      json::quote(v.name), json::quote(shown_phone(v, reveal)), json::quote(shown_id(v, reveal)),
      v.party_member ? "true" : "false", json::quote(v.political_status), json::quote(v.unit), json::quote(v.community),
      v.monthly_limit ? std::to_string(*v.monthly_limit) : "null", text::join(skills, ", "), text::join(slots, ", "),
      json::quote_all(v.preferences), json::quote(v.note));
}

/// A kept change as people read it: "可服务时间：周一 → 周二、周三" (values as stored turned into names).
std::string change_text(const people::VolunteerChange& change, const config::Catalogue& catalogue, bool reveal) {
  auto skill_name = [&](const std::string& id) {
    const auto* skill = catalogue.find_skill(id);
    return skill ? (language() == Lang::zh_CN || skill->name_en.empty() ? skill->name : skill->name_en) : id;
  };
  auto shown = [&](const std::string& value) -> std::string {
    if (value.empty()) return "-";
    if (change.field == "phone") return reveal ? value : people::mask_phone(value);
    if (change.field == "availability") return import::describe_availability(people::Availability::from_bits(std::stoll(value)));
    if (change.field == "skills") {
      std::vector<std::string> names;
      for (const auto& id : text::split(value, ',')) names.push_back(skill_name(id));
      return text::join(names, message_text(Msg::rhythm_list_separator, language()));
    }
    return value;
  };
  std::string field;
  if (change.field.starts_with("certificate:")) field = tr(Msg::field_certificate, skill_name(change.field.substr(12)));
  else {
    static const std::pair<std::string_view, Msg> fields[] = {
        {"name", Msg::field_name}, {"phone", Msg::field_phone}, {"availability", Msg::field_availability},
        {"monthly_limit", Msg::field_monthly_limit}, {"skills", Msg::field_skills}, {"away", Msg::field_away}};
    field = change.field;
    for (const auto& [key, id] : fields) {
      if (key == change.field) field = message_text(id, language());
    }
  }
  return tr(Msg::import_change, field, shown(change.before), shown(change.after));
}

int run_list(const VolunteersCommand& options, Context& context) {
  people::Store store(context.database->sql());
  auto volunteers = store.list(options.filter);
  const auto& catalogue = context.config->catalogue;
  if (options.format == Format::json) {
    std::vector<std::string> items;
    for (const auto& v : volunteers) items.push_back("  " + volunteer_json(v, options.reveal));
    fmt::print("[{}{}{}]\n", items.empty() ? "" : "\n", text::join(items, ",\n"), items.empty() ? "" : "\n");
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : volunteers) rows.push_back(row_of(v, catalogue, options.reveal));
  if (options.format == Format::csv) {
    fmt::print("{}", table::render_csv(list_headers(), rows));
    return 0;
  }
  fmt::print("{}", table::render_text(list_headers(), rows));
  fmt::print("{}\n", tr(Msg::volunteers_count, volunteers.size()));
  return 0;
}

int run_show(const VolunteersCommand& options, Context& context) {
  people::Store store(context.database->sql());
  std::vector<people::Volunteer> found;
  if (auto phone = people::normalize_phone(options.who)) {
    if (auto v = store.find_by_phone(*phone)) found.push_back(std::move(*v));
  }
  if (found.empty()) found = store.find_by_name(text::clean(options.who));
  if (found.empty()) throw InputError(tr(Msg::volunteer_not_found, options.who));
  const auto& catalogue = context.config->catalogue;
  auto headers = list_headers();
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto& v = found[i];
    if (i > 0) fmt::print("\n");
    auto values = row_of(v, catalogue, options.reveal);
    std::vector<std::pair<std::string, std::string>> lines;
    for (std::size_t k = 0; k < headers.size(); ++k) lines.emplace_back(headers[k], values[k]);
    lines.emplace(lines.begin() + 2, std::string(message_text(Msg::field_id_number, language())), shown_id(v, options.reveal));
    lines.emplace(lines.begin() + 4, std::string(message_text(Msg::field_political_status, language())), v.political_status);
    std::vector<std::string> wanted;
    for (const auto& id : v.preferences) {
      bool kiosk = std::any_of(context.config->kiosks.begin(), context.config->kiosks.end(),
                               [&](const auto& k) { return k.id == id; });
      wanted.push_back(kiosk ? config::kiosk_label(*context.config, id) : config::service_label(catalogue, id));
    }
    lines.emplace_back(std::string(message_text(Msg::field_preferences, language())),
                       text::join(wanted, message_text(Msg::rhythm_list_separator, language())));
    lines.emplace_back(std::string(message_text(Msg::field_note, language())), v.note);
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, text::display_width(label));
    for (const auto& [label, value] : lines) {
      if (!value.empty()) fmt::print("{}  {}\n", text::pad_right(label, width), value);
    }
    auto changes = store.changes(v.id);
    if (!changes.empty()) fmt::print("{}\n", message_text(Msg::volunteer_history, language()));
    for (const auto& change : changes) {
      fmt::print("  {}\n", tr(Msg::volunteer_change_line, local_time_text(change.at, context.config->settings.timezone), change.by,
                               change_text(change, catalogue, options.reveal)));
    }
  }
  return 0;
}

/// Three sessions a day, every day: more is a typing mistake.
constexpr int max_monthly_limit = 31 * 3;

/// The volunteer's name as stored: what messages show, rather than a phone typed to find them.
std::string name_of(Context& context, std::int64_t volunteer) {
  auto v = people::Store(context.database->sql()).find(volunteer);
  return v ? v->name : "#" + std::to_string(volunteer);
}

/// `volunteers away`: the declared absences, everyone's or one person's.
int list_absences(const VolunteersCommand& options, Context& context) {
  people::Store store(context.database->sql());
  std::vector<people::Volunteer> people;
  if (options.who.empty()) people = store.list({});
  else if (auto v = store.find(find_volunteer(context, options.who))) people.push_back(std::move(*v));
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : people) {
    for (const auto& b : v.blackouts) {
      rows.push_back({std::to_string(b.id), v.name, format_date(b.from), b.to ? format_date(*b.to) : "…", b.reason});
    }
  }
  if (rows.empty()) {
    fmt::print("{}\n", message_text(Msg::volunteer_away_none, language()));
    return 0;
  }
  std::vector<std::string> headers;
  for (auto id : {Msg::field_code, Msg::field_name, Msg::field_away_from, Msg::field_away_to, Msg::field_reason}) {
    headers.emplace_back(message_text(id, language()));
  }
  fmt::print("{}", table::render_text(headers, rows));
  return 0;
}

/// `volunteers away PERSON --from D [--to D]`: days the volunteer declared they cannot
/// serve, and the seats they hold then; `--undo ID` takes one back; alone, the list.
int run_away(const VolunteersCommand& options, Context& context) {
  if (options.from.empty() && !options.undo) return list_absences(options, context);
  if (options.who.empty()) throw UsageError(tr(Msg::volunteer_away_needs_person));
  auto volunteer = find_volunteer(context, options.who);
  auto name = name_of(context, volunteer);
  if (options.undo) {
    auto absence = people::remove_absence(context.database->sql(), volunteer, *options.undo, who_enters(options.by), context.now);
    fmt::print("{}\n", tr(Msg::volunteer_away_removed, name, *options.undo, people::absence_text(absence)));
    return 0;
  }
  auto from = parse_date(options.from);
  if (!from) throw UsageError(tr(Msg::toml_bad_date, options.from));
  people::Blackout away{*from, std::nullopt, options.reason};
  if (!options.to.empty()) {
    away.to = parse_date(options.to);
    if (!away.to) throw UsageError(tr(Msg::toml_bad_date, options.to));
    if (*away.to < *from) throw UsageError(tr(Msg::dates_reversed));
  }
  auto declared = schedule::declare_away(context.database->sql(), volunteer, away, context.now);
  fmt::print("{}\n", tr(Msg::volunteer_away, name, format_date(*from), away.to ? format_date(*away.to) : "…"));
  if (declared.seats.empty()) return 0;
  fmt::print("{}\n", tr(Msg::volunteer_away_on_seats, name, declared.seats.size()));
  for (const auto& seat : declared.seats) {
    fmt::print("  {} {} {} {}{}\n", format_date(seat.date), format_time_range(seat.time),
               config::kiosk_label(*context.config, seat.kiosk),
               seat.service.empty() ? seat.title : config::service_label(context.config->catalogue, seat.service),
               seat.locked ? message_text(Msg::volunteer_away_seat_locked, language()) : "");
  }
  return 0;
}

/// `volunteers set PERSON --name … --availability …`: a correction by hand, kept with who made it.
int run_set(const VolunteersCommand& options, Context& context) {
  auto volunteer = find_volunteer(context, options.who);
  auto name = name_of(context, volunteer);
  const auto& catalogue = context.config->catalogue;
  people::VolunteerEdit edit;
  if (options.name) {
    edit.name = people::normalize_person_name(*options.name);
    if (edit.name->empty()) throw UsageError(tr(Msg::import_no_name));
  }
  if (options.phone) {
    people::NumberProblem problem{};
    edit.phone = people::normalize_phone(*options.phone, &problem);
    if (!edit.phone) throw UsageError(people::phone_refusal(problem, *options.phone));
  }
  if (options.availability) {
    std::string unreadable;
    edit.availability = import::parse_availability(*options.availability, &unreadable);
    if (!unreadable.empty()) throw UsageError(tr(Msg::volunteer_bad_availability, unreadable));
  }
  if (options.monthly_limit) {
    if (*options.monthly_limit < 0 || *options.monthly_limit > max_monthly_limit) {
      throw UsageError(tr(Msg::volunteer_bad_monthly_limit, *options.monthly_limit, max_monthly_limit));
    }
    edit.monthly_limit = *options.monthly_limit;
  }
  if (options.skills) {
    std::vector<std::string> unknown;
    edit.skills = import::read_skills(catalogue, *options.skills, unknown);
    if (!unknown.empty()) throw UsageError(tr(Msg::volunteer_unknown_skill, unknown.front()));
  }
  if (options.certificate_expires) {
    edit.certificate_expires = parse_date(*options.certificate_expires);
    if (!edit.certificate_expires) throw UsageError(tr(Msg::toml_bad_date, *options.certificate_expires));
  }
  if (!edit.name && !edit.phone && !edit.availability && !edit.monthly_limit && !edit.skills && !edit.certificate_expires) {
    throw UsageError(tr(Msg::volunteer_set_needs_a_field));
  }
  auto changes = people::edit_volunteer(context.database->sql(), catalogue, volunteer, edit, who_enters(options.by), context.now);
  if (changes.empty()) {
    fmt::print("{}\n", tr(Msg::volunteer_set_nothing, name));
    return 0;
  }
  std::vector<std::string> described;
  for (const auto& change : changes) described.push_back(change_text(change, catalogue, false));
  fmt::print("{}\n", tr(Msg::volunteer_set_done, name, text::join(described, message_text(Msg::rhythm_list_separator, language()))));
  return 0;
}

/// `volunteers forget PERSON --yes`: their personal data erased on request (PIPL).
int run_forget(const VolunteersCommand& options, Context& context) {
  auto volunteer = find_volunteer(context, options.who);
  if (!options.yes) throw UsageError(tr(Msg::volunteer_forget_needs_yes, options.who));
  auto kept = people::Store(context.database->sql()).forget(volunteer, context.today, context.now);
  fmt::print("{}\n", tr(Msg::volunteer_forgotten, options.who, volunteer, kept.records, kept.ledger_entries,
                        kept.seats_freed, kept.resources, kept.needs));
  return 0;
}

}  // namespace

void define_volunteers(CLI::App& command, Action& action) {
  command.require_subcommand(1);
  auto options = std::make_shared<VolunteersCommand>();
  auto* list = command.add_subcommand("list", "List the volunteers, by name");
  list->add_option("--skill", options->filter.skill, "Only those with this skill (an id of services.toml)");
  list->add_option("--unit", options->filter.unit, "Only those whose unit's name contains this");
  add_format_option(*list, options->format, {Format::text, Format::json, Format::csv});
  add_reveal_option(*list, options->reveal);
  auto* show = command.add_subcommand("show", "Show one volunteer, found by name or phone number");
  show->add_option("who", options->who, "A name or a phone number")->required();
  add_reveal_option(*show, options->reveal);
  auto* set = command.add_subcommand("set", "Correct a volunteer's details by hand; each change is kept with who made it");
  set->add_option("who", options->who, "A name or a phone number")->required();
  set->add_option("--name", options->name, "The new name (a rename on purpose)");
  set->add_option("--phone", options->phone, "The new mobile number");
  set->add_option("--availability", options->availability, "When they can serve, replacing what was stored (周二上午、周四)");
  set->add_option("--monthly-limit", options->monthly_limit, "At most this many seats a month (0: the workspace's default)");
  set->add_option("--skills", options->skills, "Their skills, replacing what was stored (护士、测血压)");
  set->add_option("--certificate-expires", options->certificate_expires, "The day the renewed certificate expires (YYYY-MM-DD): valid until the day before");
  set->add_option("--by", options->by, "Who makes the change (default: the login name)");
  auto* away = command.add_subcommand("away", "Record days a volunteer cannot serve (the rota keeps them free); alone, list them");
  away->add_option("who", options->who, "A name or a phone number");
  away->add_option("--from", options->from, "The first day away (YYYY-MM-DD)");
  away->add_option("--to", options->to, "The last day away (default: until further notice)");
  away->add_option("--reason", options->reason, "Why, for the record");
  away->add_option("--undo", options->undo, "Take back the absence with this number (see the list)");
  away->add_option("--by", options->by, "Who takes it back (default: the login name)");
  auto* forget = command.add_subcommand("forget", "Erase a volunteer's personal data on request (PIPL); what they did stays, by number");
  forget->add_option("who", options->who, "A name or a phone number")->required();
  forget->add_flag("--yes", options->yes, "Erase: it cannot be undone");
  action = [options, list, show, set, away](Context& context) {
    if (list->parsed()) return run_list(*options, context);
    if (show->parsed()) return run_show(*options, context);
    if (set->parsed()) return run_set(*options, context);
    if (away->parsed()) return run_away(*options, context);
    return run_forget(*options, context);
  };
}

}  // namespace kangle::cli
