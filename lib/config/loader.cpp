// SPDX-License-Identifier: Apache-2.0
#include "config/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cmath>
#include <map>
#include <set>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace kangle::config {
namespace fs = std::filesystem;
namespace {

using namespace std::chrono;

/// Where the loader finds the config files: a folder on disk, or texts in memory.
class Files {
public:
  virtual ~Files() = default;
  /// The text of the file `name` (relative to the workspace), or nothing with why in `why`.
  virtual std::optional<std::string> read(const std::string& name, std::string& why) const = 0;
  virtual bool exists(const std::string& name) const = 0;
  /// The names of the .toml files directly in `folder`, sorted.
  virtual std::vector<std::string> toml_files_in(const std::string& folder) const = 0;
};

class DiskFiles : public Files {
public:
  explicit DiskFiles(fs::path root) : root_(std::move(root)) {}

  std::optional<std::string> read(const std::string& name, std::string& why) const override {
    return read_file(root_ / name, why);
  }

  bool exists(const std::string& name) const override { return fs::exists(root_ / name); }

  std::vector<std::string> toml_files_in(const std::string& folder) const override {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / folder, ec)) {
      if (entry.path().extension() == ".toml" && entry.is_regular_file()) names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

private:
  fs::path root_;
};

class TextFiles : public Files {
public:
  explicit TextFiles(const ConfigTexts& files) : files_(files) {}

  std::optional<std::string> read(const std::string& name, std::string& why) const override {
    auto it = files_.find(name);
    if (it == files_.end()) {
      why = std::strerror(ENOENT);
      return std::nullopt;
    }
    return it->second;
  }

  bool exists(const std::string& name) const override { return files_.count(name) != 0; }

  std::vector<std::string> toml_files_in(const std::string& folder) const override {
    std::vector<std::string> names;  // sorted, as the map is
    std::string prefix = folder + "/";
    for (const auto& [name, text] : files_) {
      if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
      std::string rest = name.substr(prefix.size());
      if (rest.find('/') == std::string::npos && fs::path(rest).extension() == ".toml") names.push_back(rest);
    }
    return names;
  }

private:
  const ConfigTexts& files_;
};

/// The files on disk with some of them replaced by texts in memory, as they will be written.
class OverlayFiles : public Files {
public:
  OverlayFiles(const fs::path& root, const ConfigTexts& replacing) : disk_(root), replacing_(replacing) {}

  std::optional<std::string> read(const std::string& name, std::string& why) const override {
    return replacing_.exists(name) ? replacing_.read(name, why) : disk_.read(name, why);
  }

  bool exists(const std::string& name) const override { return replacing_.exists(name) || disk_.exists(name); }

  std::vector<std::string> toml_files_in(const std::string& folder) const override {
    std::set<std::string> names;
    for (auto& name : disk_.toml_files_in(folder)) names.insert(std::move(name));
    for (auto& name : replacing_.toml_files_in(folder)) names.insert(std::move(name));
    return {names.begin(), names.end()};
  }

private:
  DiskFiles disk_;
  TextFiles replacing_;
};

/// A TOML file parsed, or nothing after its syntax error was reported.
std::optional<toml::table> parse_file(const Files& files, const std::string& name, Diagnostics& sink) {
  std::string why;
  auto content = files.read(name, why);
  if (!content) {
    sink.error({name, 0, 0}, Message(Msg::cannot_read_file, name, why));
    return std::nullopt;
  }
  try {
    return toml::parse(std::string_view(*content), std::string_view(name));
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    sink.error({name, static_cast<int>(begin.line), static_cast<int>(begin.column)}, syntax_error_message(*content, e));
    return std::nullopt;
  }
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  return text::letters_digits_and(id, "-_") && text::clean(id) == id;
}

namespace {

/// Ids that only case tells apart (梧桐SPACE, 梧桐space) would be taken one for the other:
/// kangle finds an id in a sheet or on the command line without regard to case.
void check_id_collisions(const std::vector<std::pair<std::string, Position>>& ids, Diagnostics& sink) {
  std::map<std::string, const std::pair<std::string, Position>*> seen;
  for (const auto& id : ids) {
    auto [first, fresh] = seen.emplace(text::ascii_lower(id.first), &id);
    if (!fresh && first->second->first != id.first) {
      sink.error(id.second, Message(Msg::toml_id_collides, id.first, first->second->first, first->second->second.file));
    }
  }
}

/// Each key of `table` must be an id: reports the ones that are not, and the ones only case tells apart.
void check_ids(const toml::table& table, const std::string& file, Diagnostics& sink) {
  std::vector<std::pair<std::string, Position>> ids;
  for (const auto& [key, value] : table) {
    if (!is_valid_id(key.str())) sink.error(position_of(file, value), Message(Msg::toml_bad_id, key.str()));
    ids.emplace_back(key.str(), position_of(file, value));
  }
  check_id_collisions(ids, sink);
}

Settings read_settings(const toml::table& doc, const std::string& file, Diagnostics& sink) {
  Settings s;
  TableReader r(doc, file, sink);
  if (auto name = r.string("name", true)) s.name = *name;
  if (auto issuer = r.string("issuer")) s.issuer = *issuer;
  if (auto lang = r.string("language")) {
    if (auto parsed = parse_lang(*lang)) s.language = *parsed;
    else sink.error(r.position("language"), Message(Msg::bad_language, *lang));
  }
  if (auto tz = r.string("timezone")) {
    s.timezone = *tz;
    if (!known_timezone(*tz)) sink.warning(r.position("timezone"), Message(Msg::unknown_timezone, *tz));
  }
  if (auto reminder = r.string("ics_reminder")) {
    s.ics_reminder = parse_reminder(*reminder);
    if (!s.ics_reminder) sink.error(r.position("ics_reminder"), Message(Msg::ics_bad_reminder, *reminder));
  }
  if (const auto* defaults = r.table("defaults")) {
    TableReader d(*defaults, file, sink);
    if (auto v = d.count("monthly_limit", 1)) s.monthly_limit = *v;
    s.weekly_limit = d.count("weekly_limit", 1);
    s.max_consecutive_days = d.count("max_consecutive_days", 1);
    if (auto v = d.count("travel_minutes", 0)) s.travel_minutes = *v;
    if (auto v = d.count("certificate_warning_days", 0)) s.certificate_warning_days = *v;
    if (auto v = d.boolean("mask_personal_data")) s.mask_personal_data = *v;
    if (auto v = d.string("makeup_day_availability")) {
      if (*v == "stands_for") s.makeup_day_availability = MakeupDayAvailability::stands_for;
      else if (*v == "actual_weekday") s.makeup_day_availability = MakeupDayAvailability::actual_weekday;
      else sink.error(d.position("makeup_day_availability"), Message(Msg::bad_makeup_day_availability, *v));
    }
    d.finish();
  }
  if (const auto* review = r.table("review")) {
    TableReader v(*review, file, sink);
    auto& rules = s.review;
    if (auto x = v.number("demand_high")) rules.demand_high = *x;
    if (auto x = v.number("demand_low")) rules.demand_low = *x;
    if (auto x = v.number("satisfaction_good")) rules.satisfaction_good = *x;
    if (auto x = v.number("satisfaction_poor")) rules.satisfaction_poor = *x;
    if (auto x = v.count("keen_volunteers", 1)) rules.keen_volunteers = *x;
    if (auto x = v.count("niche_kiosks", 0)) rules.niche_kiosks = *x;
    if (auto x = v.number("unknown_share")) {
      if (*x < 0 || *x > 1) sink.error(v.position("unknown_share"), Message(Msg::review_bad_share, "unknown_share"));
      else rules.unknown_share = *x;
    }
    if (rules.demand_low > rules.demand_high) {
      sink.error(v.position("demand_low"), Message(Msg::review_bad_order, "demand_low", "demand_high"));
    }
    if (rules.satisfaction_poor > rules.satisfaction_good) {
      sink.error(v.position("satisfaction_poor"), Message(Msg::review_bad_order, "satisfaction_poor", "satisfaction_good"));
    }
    v.finish();
  }
  if (const auto* assessment = r.table("assessment")) {
    TableReader v(*assessment, file, sink);
    if (auto x = v.count("prior_ratings", 0)) s.assessment.prior_ratings = *x;
    v.finish();
  }
  if (const auto* database = r.table("database")) {
    TableReader v(*database, file, sink);
    if (auto url = v.string("url")) {
      if (!url->starts_with("postgresql://") && !url->starts_with("postgres://")) {
        sink.error(v.position("url"), Message(Msg::database_bad_url, *url));
      } else if (text::mask_password(*url) != *url) {
        sink.error(v.position("url"), Message(Msg::database_url_password));
      } else {
        s.database_url = *url;
      }
    }
    v.finish();
  }
  if (const auto* records = r.table("records")) {
    TableReader v(*records, file, sink);
    if (auto hours = v.count("max_session_hours", 1)) s.records.max_session_minutes = *hours * 60;
    if (auto hours = v.count("max_grant_hours", 1)) s.records.max_grant_minutes = *hours * 60;
    v.finish();
  }
  r.finish();
  return s;
}

/// Reads `[NAME.id]` tables: calls `read` with a reader for each.
template <typename Read>
void for_each_entry(TableReader& parent, std::string_view name, Read read) {
  const auto* table = parent.table(name);
  if (!table) return;
  check_ids(*table, parent.file(), parent.sink());
  for (const auto& [key, value] : *table) {
    const auto* entry = value.as_table();
    if (!entry) {
      parent.sink().error(position_of(parent.file(), value),
                          Message(Msg::toml_wrong_type, key.str(), Msg::type_table));
      continue;
    }
    TableReader r(*entry, parent.file(), parent.sink());
    read(std::string(key.str()), r);
    r.finish();
  }
}

std::optional<Fee> read_fee(TableReader& r) {
  const auto* n = r.node("fee");
  if (!n) return Fee{};
  if (auto text = n->value<std::string>(); text && n->is_string()) {
    if (*text == "free") return Fee{FeeKind::free, 0};
    if (*text == "materials") return Fee{FeeKind::materials, 0};
  } else if (const auto* t = n->as_table()) {
    TableReader f(*t, r.file(), r.sink());
    auto amount = f.number("fixed", true);
    f.finish();
    // Beyond any fee, and its cents would overflow.
    if (amount && *amount > TableReader::largest_count) {
      r.sink().error(f.position("fixed"), Message(Msg::toml_too_large, "fixed", *amount, TableReader::largest_count));
      return std::nullopt;
    }
    if (amount && *amount >= 0) return Fee{FeeKind::fixed, std::lround(*amount * 100)};
    if (!amount) return std::nullopt;
  }
  r.sink().error(r.position("fee"), Message(Msg::bad_fee));
  return std::nullopt;
}

Catalogue read_catalogue(const toml::table& doc, const std::string& file, Diagnostics& sink) {
  Catalogue c;
  c.skills.push_back({std::string(general_skill), "通用志愿服务", "General volunteering", {}, "", {file, 0, 0}});
  TableReader r(doc, file, sink);
  for_each_entry(r, "categories", [&](std::string id, TableReader& e) {
    Category cat{std::move(id), e.string("name", true).value_or(""), e.string("name_en").value_or(""),
                 e.table_position()};
    c.categories.push_back(std::move(cat));
  });
  for_each_entry(r, "skills", [&](std::string id, TableReader& e) {
    Skill skill{std::move(id), e.string("name", true).value_or(""), e.string("name_en").value_or(""), {},
                e.string("certificate").value_or(""), e.table_position()};
    for (auto& alias : e.strings("aliases")) skill.aliases.push_back(std::string(text::trim(alias.value)));
    c.skills.push_back(std::move(skill));
  });
  for_each_entry(r, "services", [&](std::string id, TableReader& e) {
    Service s;
    s.id = std::move(id);
    s.at = e.table_position();
    s.name = e.string("name", true).value_or("");
    s.name_en = e.string("name_en").value_or("");
    if (auto v = e.string("category", true)) s.category = {*v, e.position("category")};
    if (auto v = e.string("skill")) s.skill = {*v, e.position("skill")};
    else s.skill = {std::string(general_skill), s.at};
    s.seats = e.count("seats", 1).value_or(1);
    s.daily_cap = e.count("daily_cap", 1);
    s.fee = read_fee(e).value_or(Fee{});
    s.minutes = e.count("minutes", 1);
    for (auto& keyword : e.strings("keywords")) {
      auto word = std::string(text::trim(keyword.value));
      if (word.empty()) sink.error(keyword.at, Message(Msg::empty_keyword, s.id));
      else s.keywords.push_back(std::move(word));
    }
    c.services.push_back(std::move(s));
  });
  r.finish();
  return c;
}

void read_hours(TableReader& r, Kiosk& kiosk, Diagnostics& sink) {
  const auto* hours = r.table("hours");
  if (!hours) return;
  std::array<std::vector<std::pair<TimeRange, Position>>, 7> seen;
  // In the order of the file (toml++ keeps keys sorted), so a clash is reported at the later line.
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, value] : *hours) entries.emplace_back(&key, &value);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin.line < b.first->source().begin.line;
  });
  for (const auto& [key_ptr, value_ptr] : entries) {
    const auto& key = *key_ptr;
    const auto& value = *value_ptr;
    Position key_at{kiosk.file, static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
    auto days = parse_weekday_set(key.str());
    if (!days) {
      sink.error(key_at, Message(Msg::bad_hours_key, key.str()));
      continue;
    }
    std::vector<std::pair<std::string, Position>> texts;
    if (value.is_string()) {
      texts.emplace_back(value.as_string()->get(), position_of(kiosk.file, value));
    } else if (const auto* list = value.as_array(); list && list->is_homogeneous<std::string>()) {
      for (const auto& item : *list) texts.emplace_back(item.as_string()->get(), position_of(kiosk.file, item));
    } else {
      sink.error(position_of(kiosk.file, value),
                 Message(Msg::toml_wrong_type, key.str(), Msg::type_string_list));
      continue;
    }
    for (const auto& [text, at] : texts) {
      bool reversed = false;
      auto range = parse_loose_time_range(text, &reversed);
      if (!range) {
        sink.error(at, Message(reversed ? Msg::time_range_reversed : Msg::bad_time_range, text));
        continue;
      }
      for (unsigned d = 0; d < 7; ++d) {
        if (!days->test(d)) continue;
        for (const auto& [other, other_at] : seen[d]) {
          if (other.overlaps(*range)) {
            sink.error(at, Message(Msg::hours_overlap, text, format_time_range(other), other_at.line,
                              weekday_words(weekday{d})));
          }
        }
        seen[d].emplace_back(*range, at);
        kiosk.hours[d].push_back(*range);
      }
    }
  }
  for (auto& day : kiosk.hours) std::sort(day.begin(), day.end(), [](auto& a, auto& b) { return a.start < b.start; });
}

/// The weekdays an entry can fall on, or nothing when any day can (`day 15`).
std::optional<std::bitset<7>> possible_weekdays(const Rhythm& on) {
  std::bitset<7> days;
  switch (on.kind) {
    case Rhythm::Kind::weekdays: return on.weekdays;
    case Rhythm::Kind::nth_weekday: days.set(on.weekday.c_encoding()); return days;
    case Rhythm::Kind::every_n_weeks:
    case Rhythm::Kind::one_date: days.set(weekday{sys_days{on.anchor}}.c_encoding()); return days;
    case Rhythm::Kind::day_of_month: return std::nullopt;
  }
  return std::nullopt;
}

/// `hours_known` is false when the kiosk's [hours] had errors: its entries are then not
/// blamed for missing hours a second time.
void read_menu_entry(TableReader& e, Cadence cadence, Kiosk& kiosk, bool hours_known, Diagnostics& sink) {
  MenuEntry m;
  m.cadence = cadence;
  m.position = e.table_position();
  bool rhythm_ok = false;
  if (auto on = e.string("on", true)) {
    m.on_text = *on;
    std::optional<Message> problem;
    if (auto rhythm = parse_rhythm(*on, &problem)) {
      m.on = *rhythm;
      rhythm_ok = true;
      if (cadence == Cadence::daily && rhythm->kind != Rhythm::Kind::weekdays) {
        sink.error(e.position("on"), Message(Msg::daily_needs_weekday, *on));
      }
    } else {
      sink.error(e.position("on"), problem ? *problem : Message(Msg::bad_rhythm, *on));
    }
  }
  if (auto time = e.string("time")) {
    bool reversed = false;
    m.time = parse_loose_time_range(*time, &reversed);
    if (!m.time) sink.error(e.position("time"), Message(reversed ? Msg::time_range_reversed : Msg::bad_time_range, *time));
  } else if (rhythm_ok && hours_known) {
    auto days = possible_weekdays(m.on);
    for (unsigned d = 0; d < 7; ++d) {
      if ((!days || days->test(d)) && kiosk.hours[d].empty()) {
        sink.error(e.position("on"),
                   Message(Msg::entry_no_hours, m.on_text, weekday_words(weekday{d})));
        break;
      }
    }
  }
  m.at = e.string("at").value_or("");
  m.title = e.string("title").value_or("");
  m.services = e.strings("services");
  if (const auto* seats = e.table("seats")) {
    TableReader s(*seats, kiosk.file, sink);
    for (const auto& [key, value] : *seats) {
      if (auto n = s.count(key.str(), 1)) m.seats.push_back({{std::string(key.str()), s.position(key.str())}, *n});
    }
    s.finish();
  }
  if (m.services.empty() && m.seats.empty()) sink.error(m.position, Message(Msg::entry_needs_services));
  if (const auto* months = e.array("months")) {
    for (const auto& item : *months) {
      auto month = item.value<std::int64_t>();
      if (!item.is_integer() || !month || *month < 1 || *month > 12) {
        sink.error(position_of(kiosk.file, item), Message(Msg::bad_month));
      } else {
        m.months.push_back(static_cast<unsigned>(*month));
      }
    }
  }
  m.from = e.date("from");
  m.until = e.date("until");
  if (m.from && m.until && *m.until < *m.from) sink.error(e.position("until"), Message(Msg::dates_reversed));
  kiosk.menu.push_back(std::move(m));
}

template <typename Read>
void for_each_array_entry(TableReader& parent, std::string_view name, Read read) {
  const auto* list = parent.array(name);
  if (!list) return;
  for (const auto& item : *list) {
    const auto* entry = item.as_table();
    if (!entry) {
      parent.sink().error(position_of(parent.file(), item),
                          Message(Msg::toml_wrong_type, name, Msg::type_table));
      continue;
    }
    TableReader r(*entry, parent.file(), parent.sink());
    read(r);
    r.finish();
  }
}

Kiosk read_kiosk(const toml::table& doc, std::string id, const std::string& file, Diagnostics& sink) {
  Kiosk k;
  k.id = std::move(id);
  k.file = file;
  TableReader r(doc, file, sink);
  if (!is_valid_id(k.id)) sink.error({file, 0, 0}, Message(Msg::toml_bad_id, k.id));
  k.name = r.string("name", true).value_or("");
  k.name_en = r.string("name_en").value_or("");
  k.short_name = r.string("short_name").value_or(k.name);
  k.address = r.string("address").value_or("");
  k.pledge = r.string("pledge").value_or("");
  for (auto& e : r.strings("equipment")) k.equipment.push_back(e.value);
  if (const auto* location = r.table("location")) {
    TableReader l(*location, file, sink);
    auto lat = l.number("lat", true);
    auto lon = l.number("lon", true);
    if (lat && std::abs(*lat) > 90) sink.error(l.position("lat"), Message(Msg::bad_latitude));
    else if (lon && std::abs(*lon) > 180) sink.error(l.position("lon"), Message(Msg::bad_longitude));
    else if (lat && lon) k.location = Location{*lat, *lon};
    l.finish();
  }
  auto problems_before = sink.items().size();
  read_hours(r, k, sink);
  bool hours_known = sink.items().size() == problems_before;
  for (auto cadence : {Cadence::daily, Cadence::weekly, Cadence::monthly, Cadence::outreach}) {
    for_each_array_entry(r, cadence_name(cadence),
                         [&](TableReader& e) { read_menu_entry(e, cadence, k, hours_known, sink); });
  }
  for_each_array_entry(r, "closure", [&](TableReader& e) {
    auto from = e.date("from", true);
    auto to = e.date("to", true);
    auto reason = e.string("reason").value_or("");
    if (from && to && *to < *from) sink.error(e.position("to"), Message(Msg::dates_reversed));
    else if (from && to) k.closures.push_back({*from, *to, reason, e.table_position()});
  });
  r.finish();
  return k;
}

void read_holidays(const toml::table& doc, const std::string& file, HolidayCalendar& calendar, Diagnostics& sink) {
  TableReader r(doc, file, sink);
  for_each_array_entry(r, "holiday", [&](TableReader& e) {
    auto name = e.string("name", true).value_or("");
    auto name_en = e.string("name_en").value_or("");
    auto from = e.date("from", true);
    auto to = e.date("to", true);
    if (from && to && *to < *from) sink.error(e.position("to"), Message(Msg::dates_reversed));
    else if (from && to) calendar.holidays.push_back({name, name_en, *from, *to, e.table_position()});
  });
  for_each_array_entry(r, "workday", [&](TableReader& e) {
    auto date = e.date("date", true);
    auto as_text = e.string("as", true);
    auto name = e.string("name").value_or("");
    std::optional<weekday> as;
    if (as_text) {
      as = parse_weekday(text::trim(*as_text));
      if (!as) sink.error(e.position("as"), Message(Msg::bad_weekday, *as_text));
    }
    if (date && as) calendar.workdays.push_back({*date, *as, name, e.table_position()});
  });
  r.finish();
}

/// Cross-file checks: the holidays against the make-up workdays.
void check_holidays(const HolidayCalendar& calendar, Diagnostics& sink) {
  for (const auto& w : calendar.workdays) {
    auto day = weekday{sys_days{w.date}};
    if (day != Saturday && day != Sunday) sink.warning(w.at, Message(Msg::workday_not_weekend, format_date(w.date)));
    if (const auto* h = calendar.holiday_on(w.date)) {
      auto name = in_both_languages([&](Lang lang) { return localized(h->name, h->name_en, lang); });
      sink.error(w.at, Message(Msg::workday_in_holiday, format_date(w.date), name));
    }
  }
}

PointRules read_points(const toml::table& doc, const std::string& file, Diagnostics& sink) {
  PointRules p;
  TableReader r(doc, file, sink);
  if (const auto* earn = r.table("earn")) {
    TableReader e(*earn, file, sink);
    p.per_session = e.count("per_session", 0).value_or(0);
    p.per_hour = e.count("per_hour", 0).value_or(0);
    p.outreach = e.count("outreach", 0).value_or(0);
    p.holiday = e.count("holiday", 0).value_or(0);
    p.themed_event = e.count("themed_event", 0).value_or(0);
    p.project_done = e.count("project_done", 0).value_or(0);
    if (const auto* services = e.table("services")) {
      TableReader s(*services, file, sink);
      for (const auto& [key, value] : *services) {
        if (auto n = s.count(key.str(), 0)) {
          p.services[std::string(key.str())] = *n;
          p.service_positions[std::string(key.str())] = s.position(key.str());
        }
      }
      s.finish();
    }
    e.finish();
  }
  for_each_array_entry(r, "redeem", [&](TableReader& e) {
    auto item = e.string("item", true);
    auto cost = e.count("cost", 1, true);
    if (item && cost) {
      if (p.find_item(*item)) sink.error(e.position("item"), Message(Msg::redeem_item_twice, *item));
      p.redeem.push_back({*item, *cost, e.table_position()});
    }
  });
  if (const auto* board = r.table("board")) {
    TableReader b(*board, file, sink);
    p.board_top = b.count("top", 1).value_or(10);
    p.board_marks_party = b.boolean("mark_party").value_or(true);
    b.finish();
  }
  if (const auto* stars = r.table("stars")) {
    TableReader s(*stars, file, sink);
    auto& c = p.stars;
    c.count = s.count("count", 1).value_or(c.count);
    c.min_sessions = s.count("min_sessions", 0).value_or(0);
    c.min_hours = s.count("min_hours", 0).value_or(0);
    c.min_months = s.count("min_months", 0).value_or(0);
    c.min_points = s.count("min_points", 0).value_or(0);
    if (c.min_months > 12) sink.error(s.position("min_months"), Message(Msg::stars_bad_months));
    if (auto rank = s.string("rank_by")) {
      if (*rank == "points") c.rank_by = StarRank::points;
      else if (*rank == "hours") c.rank_by = StarRank::hours;
      else if (*rank == "sessions") c.rank_by = StarRank::sessions;
      else sink.error(s.position("rank_by"), Message(Msg::stars_bad_rank, *rank));
    }
    s.finish();
  }
  r.finish();
  return p;
}

/// communities.toml: `[[community]]` tables of name, aliases, lat and lon, grid. A name
/// or alias two compounds share would place needs at a guess: an error.
std::vector<Community> read_communities(const toml::table& doc, const std::string& file, Diagnostics& sink) {
  std::vector<Community> communities;
  std::map<std::string, std::string> owner;  // a name or alias → the compound it names
  TableReader r(doc, file, sink);
  for_each_array_entry(r, "community", [&](TableReader& e) {
    Community c;
    c.at = e.table_position();
    c.name = text::clean(e.string("name", true).value_or(""));
    if (c.name.empty()) return;
    for (auto& alias : e.strings("aliases")) {
      if (auto cleaned = text::clean(alias.value); !cleaned.empty()) c.aliases.push_back(cleaned);
    }
    c.grid = text::clean(e.string("grid").value_or(""));
    auto lat = e.number("lat");
    auto lon = e.number("lon");
    if (lat.has_value() != lon.has_value()) {
      sink.error(e.position(lat ? "lat" : "lon"), Message(Msg::community_half_location, c.name));
    } else if (lat && std::abs(*lat) > 90) {
      sink.error(e.position("lat"), Message(Msg::bad_latitude));
    } else if (lon && std::abs(*lon) > 180) {
      sink.error(e.position("lon"), Message(Msg::bad_longitude));
    } else if (lat) {
      c.location = Location{*lat, *lon};
    }
    std::vector<std::string> names{c.name};
    names.insert(names.end(), c.aliases.begin(), c.aliases.end());
    for (const auto& name : names) {
      auto [it, inserted] = owner.emplace(name, c.name);
      if (!inserted && it->second != c.name) sink.error(c.at, Message(Msg::community_name_twice, name, it->second, c.name));
    }
    communities.push_back(std::move(c));
  });
  r.finish();
  return communities;
}

void check_reference(const Located& ref, bool exists, const std::vector<std::string>& known, Msg kind,
                     Diagnostics& sink) {
  if (exists) return;
  if (auto suggestion = text::closest(ref.value, known)) {
    sink.error(ref.at, Message(Msg::unknown_reference_suggest, kind, ref.value, *suggestion));
  } else {
    sink.error(ref.at, Message(Msg::unknown_reference, kind, ref.value));
  }
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

/// A kiosk file may name a service as people write it (测血压, Haircut): from here on
/// it is the service's id, as everything after the loader expects.
void services_by_id(Config& config) {
  for (auto& kiosk : config.kiosks) {
    for (auto& entry : kiosk.menu) {
      for (auto& ref : entry.services) {
        if (const auto* service = config.catalogue.find_service_named(ref.value)) ref.value = service->id;
      }
    }
  }
}

void check_references(const Config& config, Diagnostics& sink) {
  const auto& c = config.catalogue;
  auto categories = ids_of(c.categories);
  auto skills = ids_of(c.skills);
  auto services = ids_of(c.services);
  for (const auto& s : c.services) {
    if (!s.category.value.empty())
      check_reference(s.category, c.find_category(s.category.value), categories, Msg::ref_category, sink);
    check_reference(s.skill, c.find_skill(s.skill.value), skills, Msg::ref_skill, sink);
  }
  std::map<std::string, std::string> alias_owner;
  for (const auto& skill : c.skills) {
    for (const auto& alias : skill.aliases) {
      auto [it, inserted] = alias_owner.emplace(alias, skill.id);
      if (!inserted && it->second != skill.id) sink.error(skill.at, Message(Msg::duplicate_alias, alias, it->second, skill.id));
    }
  }
  // A keyword names one service (another's name included): import could not tell
  // which one a need asks for.
  std::map<std::string, std::string> keyword_owner;
  for (const auto& service : c.services) keyword_owner.emplace(service.name, service.id);
  for (const auto& service : c.services) {
    for (const auto& keyword : service.keywords) {
      auto [it, inserted] = keyword_owner.emplace(keyword, service.id);
      if (!inserted && it->second != service.id)
        sink.error(service.at, Message(Msg::duplicate_keyword, keyword, it->second, service.id));
    }
  }
  for (const auto& kiosk : config.kiosks) {
    for (const auto& entry : kiosk.menu) {
      for (const auto& ref : entry.services)
        check_reference(ref, c.find_service(ref.value), services, Msg::ref_service, sink);
      for (const auto& seat : entry.seats)
        check_reference(seat.skill, c.find_skill(seat.skill.value), skills, Msg::ref_skill, sink);
    }
  }
  for (const auto& [id, at] : config.points.service_positions)
    check_reference({id, at}, c.find_service(id), services, Msg::ref_service, sink);
}

LoadResult load_from(const Files& files) {
  LoadResult result;
  auto& sink = result.diagnostics;
  auto& config = result.config;
  if (auto doc = parse_file(files, "kangle.toml", sink)) config.settings = read_settings(*doc, "kangle.toml", sink);
  if (auto doc = parse_file(files, "services.toml", sink)) config.catalogue = read_catalogue(*doc, "services.toml", sink);
  auto kiosk_files = files.toml_files_in("kiosks");
  for (const auto& name : kiosk_files) {
    std::string file = "kiosks/" + name;
    if (auto doc = parse_file(files, file, sink)) {
      config.kiosks.push_back(read_kiosk(*doc, fs::path(name).stem().string(), file, sink));
    }
  }
  if (kiosk_files.empty()) sink.warning({"kiosks/", 0, 0}, Message(Msg::no_kiosks));
  std::vector<std::pair<std::string, Position>> kiosk_ids;
  for (const auto& k : config.kiosks) kiosk_ids.emplace_back(k.id, Position{k.file, 0, 0});
  check_id_collisions(kiosk_ids, sink);
  for (const auto& name : files.toml_files_in("holidays")) {
    std::string file = "holidays/" + name;
    if (auto doc = parse_file(files, file, sink)) read_holidays(*doc, file, config.holidays, sink);
    try {
      config.holidays.years.push_back(std::stoi(fs::path(name).stem().string()));
    } catch (const std::exception&) {
      // a file such as holidays/typhoons.toml: not a year, still read
    }
  }
  check_holidays(config.holidays, sink);
  if (files.exists("points.toml")) {
    if (auto doc = parse_file(files, "points.toml", sink)) config.points = read_points(*doc, "points.toml", sink);
  }
  if (files.exists(communities_file)) {
    if (auto doc = parse_file(files, communities_file, sink)) {
      config.communities = read_communities(*doc, communities_file, sink);
    }
  }
  services_by_id(config);
  check_references(config, sink);
  return result;
}

}  // namespace

LoadResult load_config(const fs::path& root) { return load_from(DiskFiles(root)); }

LoadResult load_config(const fs::path& root, const ConfigTexts& replacing) {
  return load_from(OverlayFiles(root, replacing));
}

LoadResult load_config_texts(const ConfigTexts& files) { return load_from(TextFiles(files)); }

Config load_valid_config(const fs::path& root) {
  auto result = load_config(root);
  for (const auto& d : result.diagnostics.sorted()) {
    if (d.severity == Severity::error) throw InputError(config_refusal(d));
  }
  return std::move(result.config);
}

std::optional<Lang> peek_language(const fs::path& root) {
  std::string why;
  auto content = read_file(root / "kangle.toml", why);
  if (!content) return std::nullopt;
  try {
    auto doc = toml::parse(std::string_view(*content), std::string_view("kangle.toml"));
    if (auto lang = doc["language"].value<std::string>()) return parse_lang(*lang);
  } catch (const toml::parse_error&) {
    // `check` reports it, in the default language
  }
  return std::nullopt;
}

}  // namespace kangle::config
