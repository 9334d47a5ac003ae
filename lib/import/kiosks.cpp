// SPDX-License-Identifier: Apache-2.0
#include "import/kiosks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <set>
#include <variant>

#include "config/loader.hpp"
#include "config/rhythm.hpp"
#include "core/atomic_file.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/hash.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "import/columns.hpp"
#include "import/table.hpp"
#include "import/volunteers.hpp"

namespace kangle::import {
namespace kiosk_import {

namespace fs = std::filesystem;
using config::Cadence;

/// One menu entry as the rows give it; `on` empty until the station's open days are known.
struct Entry {
  Cadence cadence = Cadence::daily;
  std::string on;
  std::string time, title, at;
  std::vector<std::string> services;  ///< ids
  std::vector<std::string> names;     ///< as written, for the comment
  std::size_t row = 0;
  bool open_days = false;  ///< no day given: the station's open days
};

struct Station {
  std::string id, name, short_name, name_en, address;
  std::vector<std::size_t> rows;
  std::array<std::vector<TimeRange>, 7> hours;
  std::vector<Entry> entries;
};

/// A service the catalogue lacks, as it goes into services.toml.
struct NewService {
  std::string id, name, skill, skill_name, category;
  bool new_skill = false;
  std::string comment;  ///< the line above its entry: who added it, what to check
  std::optional<int> daily_cap;
  std::size_t row = 0;
};

/// Where the kiosk files come from: the stations table, or one station typed as options (kiosk add).
enum class Origin { table, options };

std::string toml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return lead >= 0xC0 ? 2 : 1;
}

/// Mon first, as a week is read: 周一至周五, 周六、周日.
std::string days_text(const std::bitset<7>& days) {
  std::vector<unsigned> order;
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    if (days.test(d)) order.push_back(d);
  }
  auto name = [](unsigned d) { return std::string(weekday_display(std::chrono::weekday{d}, true)); };
  if (order.empty()) return {};
  bool run = order.size() >= 3;
  for (std::size_t i = 1; run && i < order.size(); ++i) run = (order[i - 1] % 7) + 1 == order[i] || (order[i - 1] == 6 && order[i] == 0);
  if (run) return name(order.front()) + "至" + name(order.back());
  std::vector<std::string> names;
  for (auto d : order) names.push_back(name(d));
  return text::join(names, "、");
}

/// 天天见, 周周办, 月月新, 送服务上门 and the English words of kiosk files.
std::optional<Cadence> parse_type(const std::string& text) {
  static const std::map<std::string, Cadence, std::less<>> words = {
      {"天天见", Cadence::daily},     {"每日", Cadence::daily},       {"周周办", Cadence::weekly},
      {"每周", Cadence::weekly},      {"月月新", Cadence::monthly},   {"每月", Cadence::monthly},
      {"送服务上门", Cadence::outreach}, {"上门", Cadence::outreach}, {"上门服务", Cadence::outreach},
      {"送服务", Cadence::outreach}};
  if (auto it = words.find(text); it != words.end()) return it->second;
  return config::parse_cadence(text::ascii_lower(text));
}

/// The time ranges a cell lists ("9:00-11:30、13:30-16:00"), or the text that is none.
std::variant<std::vector<TimeRange>, Message> parse_times(std::string_view text) {
  std::vector<TimeRange> ranges;
  std::string piece;
  auto take = [&]() -> std::optional<Message> {
    auto t = std::string(text::trim(piece));
    piece.clear();
    if (t.empty()) return std::nullopt;
    bool reversed = false;
    auto range = parse_loose_time_range(t, &reversed);
    if (!range) return Message(reversed ? Msg::time_range_reversed : Msg::bad_time_range, t);
    ranges.push_back(*range);
    return std::nullopt;
  };
  auto cleaned = text::clean(text);
  for (std::size_t i = 0; i < cleaned.size();) {
    auto n = utf8_length(static_cast<unsigned char>(cleaned[i]));
    auto c = cleaned.substr(i, n);
    i += n;
    if (c == "、" || c == "," || c == "，" || c == "/" || c == ";" || c == "；" || c == "\n") {
      if (auto problem = take()) return *problem;
    } else {
      piece += c;
    }
  }
  if (auto problem = take()) return *problem;
  return ranges;
}

/// Reads a 开放时间 cell ("周一至周五 9:00-11:30、13:30-16:00；周六 9:00-11:00") into `hours`.
std::optional<Message> parse_hours(std::string_view cell, std::array<std::vector<TimeRange>, 7>& hours) {
  auto cleaned = text::clean(cell);
  std::vector<std::string> segments;
  std::string segment;
  for (std::size_t i = 0; i < cleaned.size();) {
    auto n = utf8_length(static_cast<unsigned char>(cleaned[i]));
    auto c = cleaned.substr(i, n);
    i += n;
    if (c == ";" || c == "；" || c == "\n") {
      segments.push_back(std::move(segment));
      segment.clear();
    } else {
      segment += c;
    }
  }
  segments.push_back(std::move(segment));
  for (const auto& s : segments) {
    auto trimmed = std::string(text::trim(s));
    if (trimmed.empty()) continue;
    auto digit = trimmed.find_first_of("0123456789");
    auto days_part = std::string(text::trim(trimmed.substr(0, digit)));
    if (days_part.empty()) return Message(Msg::kiosks_hours_no_days, trimmed);
    if (digit == std::string::npos) return Message(Msg::bad_time_range, trimmed);
    auto days = config::parse_weekday_set(days_part);
    if (!days) {
      if (days_part == "每天" || days_part == "每日") days = std::bitset<7>().set();
      else return Message(Msg::kiosks_bad_days, days_part);
    }
    auto times = parse_times(trimmed.substr(digit));
    if (auto* problem = std::get_if<Message>(&times)) return *problem;
    for (unsigned d = 0; d < 7; ++d) {
      if (!days->test(d)) continue;
      for (const auto& range : std::get<std::vector<TimeRange>>(times)) {
        if (std::find(hours[d].begin(), hours[d].end(), range) == hours[d].end()) hours[d].push_back(range);
      }
    }
  }
  return std::nullopt;
}

/// The [hours] table: days with the same ranges under one key.
std::string hours_toml(const std::array<std::vector<TimeRange>, 7>& hours) {
  std::vector<std::pair<std::vector<TimeRange>, std::bitset<7>>> groups;
  for (unsigned d : {1u, 2u, 3u, 4u, 5u, 6u, 0u}) {
    auto ranges = hours[d];
    if (ranges.empty()) continue;
    std::sort(ranges.begin(), ranges.end(), [](auto& a, auto& b) { return a.start < b.start; });
    auto it = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.first == ranges; });
    if (it == groups.end()) groups.push_back({ranges, std::bitset<7>().set(d)});
    else it->second.set(d);
  }
  if (groups.empty()) return {};
  std::string out = "\n[hours]\n";
  for (const auto& [ranges, days] : groups) {
    std::vector<std::string> texts;
    for (const auto& r : ranges) texts.push_back(toml_quoted(format_time_range(r)));
    out += toml_quoted(days_text(days)) + " = ";
    out += texts.size() == 1 ? texts.front() : "[" + text::join(texts, ", ") + "]";
    out += "\n";
  }
  return out;
}

std::string rows_text(const std::vector<std::size_t>& rows) {
  std::vector<std::string> texts;
  for (auto r : rows) texts.push_back(std::to_string(r));
  return text::join(texts, "、");
}

Msg cadence_comment(Cadence cadence) {
  switch (cadence) {
    case Cadence::daily: return Msg::kiosks_toml_daily;
    case Cadence::weekly: return Msg::kiosks_toml_weekly;
    case Cadence::monthly: return Msg::kiosks_toml_monthly;
    case Cadence::outreach: break;
  }
  return Msg::kiosks_toml_outreach;
}

std::string kiosk_toml(const Station& s, Origin origin, const std::string& file_name, Lang lang) {
  std::string body = "\nname = " + toml_quoted(s.name) + "\n";
  if (!s.name_en.empty()) body += "name_en = " + toml_quoted(s.name_en) + "\n";
  if (s.short_name != s.name) body += "short_name = " + toml_quoted(s.short_name) + "\n";
  if (!s.address.empty()) body += "address = " + toml_quoted(s.address) + "\n";
  body += hours_toml(s.hours);
  for (auto cadence : {Cadence::daily, Cadence::weekly, Cadence::monthly, Cadence::outreach}) {
    bool first = true;
    for (const auto& e : s.entries) {
      if (e.cadence != cadence) continue;
      body += "\n";
      if (first) body += "# " + tr(lang, cadence_comment(cadence)) + "\n";
      first = false;
      body += "[[" + std::string(config::cadence_name(cadence)) + "]]\n";
      body += "on = " + toml_quoted(e.on) + "\n";
      if (!e.time.empty()) body += "time = " + toml_quoted(e.time) + "\n";
      if (!e.at.empty()) body += "at = " + toml_quoted(e.at) + "\n";
      if (!e.title.empty()) body += "title = " + toml_quoted(e.title) + "\n";
      std::vector<std::string> ids;
      for (const auto& id : e.services) ids.push_back(toml_quoted(id));
      body += "services = [" + text::join(ids, ", ") + "]";
      if (e.names != e.services) body += "  # " + text::join(e.names, "、");  // the names as the table wrote them
      body += "\n";
    }
  }
  std::string head = "# " + (origin == Origin::options ? tr(lang, Msg::kiosks_toml_header_added, s.name)
                                                      : tr(lang, Msg::kiosks_toml_header, s.name, file_name, rows_text(s.rows))) + "\n";
  head += "# " + tr(lang, Msg::kiosks_toml_reimport) + "\n";
  return head + std::string(kiosk_hash_marker) + sha256_hex(body) + "\n" + body;
}

/// The text of the workspace's file `name` as it is now, nothing when there is none. A file
/// that is there but cannot be read is refused: the import would write over it unseen.
std::optional<std::string> current_text(const fs::path& workspace, const std::string& name) {
  auto path = workspace / fs::path(name);
  if (!fs::exists(path)) return std::nullopt;
  std::string why;
  auto text = read_file(path, why);
  if (!text) throw InputError(Message(Msg::cannot_read_file, path.string(), why));
  return text;
}

/// The catalogue skill a new service's name says (书法社 holds 书法): the longest name or
/// alias of two characters or more it contains; none when no skill is named.
const config::Skill* skill_in(const config::Catalogue& catalogue, const std::string& name) {
  const config::Skill* best = nullptr;
  std::size_t best_size = 0;
  for (const auto& skill : catalogue.skills) {
    std::vector<std::string> words = skill.aliases;
    words.push_back(skill.name);
    for (const auto& w : words) {
      if (w.size() >= 6 && w.size() > best_size && name.find(w) != std::string::npos) {  // two CJK characters
        best = &skill;
        best_size = w.size();
      }
    }
  }
  return best;
}

constexpr std::string_view new_category = "imported";

/// A service named `name` the catalogue lacks, as the import adds it: the skill its name
/// says and a category of that skill's services; else a new skill of its own name, in the
/// category of imported services.
NewService inferred_service(const config::Catalogue& catalogue, std::string id, const std::string& name, std::string comment) {
  NewService s{id, name, id, name, std::string(new_category), true, std::move(comment), {}};
  if (const auto* skill = skill_in(catalogue, name)) {
    s.skill = skill->id;
    s.skill_name = skill->name;
    s.new_skill = false;
    auto same_skill = std::find_if(catalogue.services.begin(), catalogue.services.end(),
                                   [&](const auto& c) { return c.skill.value == skill->id; });
    if (same_skill != catalogue.services.end()) s.category = same_skill->category.value;
  }
  return s;
}

/// services.toml's text `current` with `added` appended, each under its comment (and a new
/// skill, and the category of imported services, before them when needed): the rest of
/// the file, hand edits and all, as it was.
std::string services_with(std::string current, const config::Catalogue& catalogue, const std::vector<const NewService*>& added,
                          Lang lang) {
  if (!current.empty() && !current.ends_with("\n")) current += "\n";
  if (!catalogue.find_category(new_category) &&
      std::any_of(added.begin(), added.end(), [](auto* s) { return s->category == new_category; })) {
    current += fmt::format("\n[categories.{}]\nname = {}\n", new_category, toml_quoted(tr(lang, Msg::kiosks_new_category)));
  }
  for (const auto* s : added) {
    auto comment = "# " + s->comment + "\n";
    if (s->new_skill) {
      current += fmt::format("\n{}[skills.{}]\nname = {}\naliases = [{}]\n", comment, toml_quoted(s->skill),
                             toml_quoted(s->skill_name), toml_quoted(s->skill_name));
    }
    current += fmt::format("\n{}[services.{}]\nname = {}\ncategory = {}\nskill = {}\n", comment, toml_quoted(s->id),
                           toml_quoted(s->name), toml_quoted(s->category), toml_quoted(s->skill));
    if (s->daily_cap) current += fmt::format("daily_cap = {}\n", *s->daily_cap);
  }
  return current;
}

/// One row in memory: the options of `kiosk add` read as a row of the stations table.
class TypedRow : public SheetReader {
public:
  explicit TypedRow(Row row) : row_(std::move(row)) {}
  bool next(Row& row) override {
    if (done_) return false;
    row = row_;
    done_ = true;
    return true;
  }
  const std::string& name() const override { return name_; }

private:
  Row row_;
  bool done_ = false;
  std::string name_;
};

}  // namespace kiosk_import

using namespace kiosk_import;

std::string id_from_name(std::string_view name) {
  auto cleaned = text::clean(name);
  std::string id;
  for (std::size_t i = 0; i < cleaned.size();) {
    auto n = utf8_length(static_cast<unsigned char>(cleaned[i]));
    auto c = cleaned.substr(i, n);
    i += n;
    if (text::letters_digits_and(c, "-_")) id += c;
  }
  while (!id.empty() && id.front() == '-') id.erase(0, 1);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

bool written_by_import(std::string_view text) {
  auto at = text.find(kiosk_hash_marker);
  if (at == std::string_view::npos) return false;
  auto hash_start = at + kiosk_hash_marker.size();
  auto line_end = text.find('\n', hash_start);
  if (line_end == std::string_view::npos) return false;
  return text.substr(hash_start, line_end - hash_start) == sha256_hex(text.substr(line_end + 1));
}

void write_config_changes(const fs::path& workspace, const std::vector<KioskFileChange>& files,
                          const std::function<void(const config::Config&)>& refuse) {
  FileLock lock(workspace / "kangle.toml");
  for (const auto& change : files) {
    if (current_text(workspace, change.path) != change.before) {
      throw InputError(Message(Msg::kiosks_changed_meanwhile, change.path));
    }
  }
  // Loaded with the files before any is written, each then staged beside its place and
  // renamed in.
  config::ConfigTexts replacing;
  for (const auto& change : files) replacing[change.path] = change.text;
  auto loaded = config::load_config(workspace, replacing);
  for (const auto& d : loaded.diagnostics.sorted()) {
    if (d.severity == config::Severity::error) throw InputError(config::config_refusal(d));
  }
  if (refuse) refuse(loaded.config);
  std::vector<std::pair<fs::path, fs::path>> staged;
  try {
    for (const auto& change : files) {
      if (change.kind == KioskFileChange::Kind::unchanged) continue;
      auto target = workspace / fs::path(change.path);
      fs::create_directories(target.parent_path());
      auto staging = target;
      staging += ".import-new";
      write_file_atomically(staging, change.text);
      staged.emplace_back(staging, target);
    }
  } catch (...) {
    std::error_code ec;
    for (const auto& [staging, target] : staged) fs::remove(staging, ec);
    throw;
  }
  for (const auto& [staging, target] : staged) fs::rename(staging, target);
}

namespace kiosk_import {

/// The stations `table` holds, as kiosk files (and services.toml's new services), written
/// into `workspace` when every cell reads and nothing stands in the way.
KioskImportReport kiosks_from(const config::Config& config, const fs::path& workspace, OpenTable table, Origin origin,
                              const KioskImportOptions& options) {
  using Kind = RowIssue::Kind;
  KioskImportReport report;
  auto& r = report.table;
  r.file = options.file.string();
  r.dry_run = options.dry_run;
  r.sheet = table.reader->name();
  r.csv = table.csv;
  r.header_row = table.header.row;
  r.ignored_columns = table.header.ignored;
  r.other_sheets = table.other_sheets;
  auto file_name = options.file.filename().string();
  const auto& catalogue = config.catalogue;

  std::vector<Station> stations;
  std::map<std::string, std::size_t> by_id;  // lower-case id → station
  std::map<std::string, NewService> new_services;
  std::string last_station;
  Row row;
  std::size_t last_row = table.header.row;
  while (table.reader->next(row)) {
    r.blank_rows += row.number - last_row - 1;
    last_row = row.last_line();
    if (is_total_row(row)) {
      ++r.total_rows;
      continue;
    }
    std::vector<RowIssue> issues;
    // Imported all the same, as a hidden volunteer is: a coordinator may have hidden it to mean "leave out".
    if (row.hidden) issues.push_back({Kind::doubtful, row.number, "", "", Message(Msg::import_hidden_row)});
    RowFields f(table.header, row, issues);
    auto name = text::clean_prose(f.raw("kiosk"));
    if (name.empty()) name = last_station;  // 同上: a station's later rows often leave it blank
    if (name.empty()) {
      f.issue(Kind::rejected, "kiosk", Message(Msg::kiosks_no_station));
    } else {
      last_station = name;
    }
    auto short_name = text::clean_prose(f.raw("short_name"));
    auto id = f.text("id");
    if (id.empty()) id = id_from_name(short_name.empty() ? name : short_name);
    if (!name.empty() && !config::is_valid_id(id)) {
      f.issue(Kind::rejected, f.text("id").empty() ? "kiosk" : "id", Message(Msg::kiosks_bad_id, id));
    }
    Station* station = nullptr;
    if (!f.rejected()) {
      auto key = text::ascii_lower(id);
      if (auto it = by_id.find(key); it != by_id.end()) {
        auto& known = stations[it->second];
        if (known.name != name) {
          f.issue(Kind::rejected, f.text("id").empty() ? "kiosk" : "id",
                  Message(Msg::kiosks_same_id, name, id, known.name, known.rows.front()));
        } else {
          station = &known;
        }
      }
    }

    std::array<std::vector<TimeRange>, 7> hours;
    if (auto cell = f.raw("hours"); !text::trim(cell).empty()) {
      if (auto problem = parse_hours(cell, hours)) f.issue(Kind::rejected, "hours", *problem);
    }

    // The menu entry of the row, when it names services.
    std::optional<Entry> entry;
    auto service_names = text::split_list(f.raw("services"));
    auto day = f.text("day");
    auto time = f.text("time");
    auto type_text = f.text("type");
    auto title = text::clean_prose(f.raw("title"));
    auto place = text::clean_prose(f.raw("place"));
    std::optional<int> cap;
    auto cap_text = f.text("daily_cap");
    if (!cap_text.empty()) {
      auto digits = cap_text;
      if (digits.ends_with("人")) digits.resize(digits.size() - std::string_view("人").size());
      if (!digits.empty() && digits.size() <= 7 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          std::stoi(digits) > 0) {
        cap = std::stoi(digits);
      } else {
        f.issue(Kind::rejected, "daily_cap", Message(Msg::kiosks_bad_cap, cap_text));
      }
    }
    // Any cell of a menu entry makes one: a time, place or cap without services is refused,
    // not dropped.
    if (!service_names.empty() || !day.empty() || !time.empty() || !title.empty() || !place.empty() || !type_text.empty() ||
        !cap_text.empty()) {
      Entry e;
      e.row = row.number;
      if (service_names.empty()) f.issue(Kind::rejected, "services", Message(Msg::kiosks_no_services));
      std::optional<Cadence> cadence;
      if (!type_text.empty()) {
        cadence = parse_type(type_text);
        if (!cadence) f.issue(Kind::rejected, "type", Message(Msg::kiosks_bad_type, type_text));
      }
      std::optional<config::Rhythm> rhythm;
      if (!day.empty()) {
        std::optional<Message> problem;
        rhythm = config::parse_rhythm(day, &problem);
        if (!rhythm && (day == "每天" || day == "每日")) rhythm = config::parse_rhythm("周一至周日");
        if (!rhythm) f.issue(Kind::rejected, "day", problem ? *problem : Message(Msg::kiosks_bad_days, day));
      }
      if (!time.empty()) {
        bool reversed = false;
        if (auto range = parse_loose_time_range(time, &reversed)) e.time = format_time_range(*range);
        else f.issue(Kind::rejected, "time", Message(reversed ? Msg::time_range_reversed : Msg::bad_time_range, time));
      }
      bool weekly_days = !rhythm || rhythm->kind == config::Rhythm::Kind::weekdays;
      if (!cadence) {
        if (!place.empty()) cadence = Cadence::outreach;
        else if (!weekly_days) cadence = Cadence::monthly;
        else cadence = title.empty() ? Cadence::daily : Cadence::weekly;
      }
      if (cadence == Cadence::daily && !weekly_days) f.issue(Kind::rejected, "day", Message(Msg::daily_needs_weekday, day));
      e.cadence = cadence.value_or(Cadence::daily);
      e.on = day;
      e.open_days = day.empty();
      e.title = title;
      e.at = place;
      for (const auto& service : service_names) {
        e.names.push_back(service);
        if (const auto* known = catalogue.find_service_named(service)) {
          e.services.push_back(known->id);
          continue;
        }
        auto service_id = id_from_name(service);
        if (!config::is_valid_id(service_id)) {
          f.issue(Kind::rejected, "services", Message(Msg::kiosks_bad_service, service));
          continue;
        }
        e.services.push_back(service_id);
        if (new_services.count(service_id)) continue;
        auto comment = origin == Origin::options ? tr(options.lang, Msg::kiosks_toml_new_service_added, "kiosk add")
                                                 : tr(options.lang, Msg::kiosks_toml_new_service, file_name, row.number);
        auto s = inferred_service(catalogue, service_id, service, std::move(comment));
        s.row = row.number;
        s.daily_cap = cap;
        new_services.emplace(service_id, std::move(s));
      }
      entry = std::move(e);
    }

    if (f.rejected()) {
      ++r.rejected;
      for (auto& i : issues) r.issues.push_back(std::move(i));
      continue;
    }
    if (!station) {
      Station s;
      s.id = id;
      s.name = name;
      by_id.emplace(text::ascii_lower(id), stations.size());
      stations.push_back(std::move(s));
      station = &stations.back();
    }
    station->rows.push_back(row.number);
    if (station->short_name.empty() && !short_name.empty()) station->short_name = short_name;
    if (station->address.empty()) station->address = text::clean_prose(f.raw("address"));
    if (station->name_en.empty()) station->name_en = text::clean_prose(f.raw("name_en"));
    for (unsigned d = 0; d < 7; ++d) {
      for (const auto& range : hours[d]) {
        if (std::find(station->hours[d].begin(), station->hours[d].end(), range) == station->hours[d].end())
          station->hours[d].push_back(range);
      }
    }
    if (entry) station->entries.push_back(std::move(*entry));
    for (auto& i : issues) r.issues.push_back(std::move(i));
  }

  // Entries without a day take the station's open days; one without a time needs hours on its days.
  for (auto& s : stations) {
    if (s.short_name.empty()) s.short_name = s.name;
    std::bitset<7> open;
    for (unsigned d = 0; d < 7; ++d) open.set(d, !s.hours[d].empty());
    for (auto& e : s.entries) {
      auto blame = [&](Message message) {
        RowIssue issue{Kind::rejected, e.row, "", "", std::move(message)};
        auto field = e.open_days ? "services" : "day";
        if (auto it = table.header.columns.find(field); it != table.header.columns.end()) {
          issue.column = column_letters(it->second);
          issue.header = table.header.titles[it->second];
        }
        r.issues.push_back(std::move(issue));
        ++r.rejected;
      };
      if (e.open_days) {
        if (open.none()) {
          blame(Message(Msg::kiosks_no_days));
          continue;
        }
        e.on = days_text(open);
      }
      if (!e.time.empty()) continue;
      auto rhythm = config::parse_rhythm(e.on);
      if (!rhythm) continue;
      std::optional<std::bitset<7>> days;
      if (rhythm->kind == config::Rhythm::Kind::weekdays) days = rhythm->weekdays;
      else if (rhythm->kind == config::Rhythm::Kind::nth_weekday) days = std::bitset<7>().set(rhythm->weekday.c_encoding());
      for (unsigned d = 0; d < 7; ++d) {
        if ((!days || days->test(d)) && s.hours[d].empty()) {
          blame(Message(Msg::entry_no_hours, e.on, config::weekday_words(std::chrono::weekday{d})));
          break;
        }
      }
    }
  }
  std::stable_sort(r.issues.begin(), r.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
  report.stations = stations.size();
  if (r.rejected > 0) return report;

  // `kiosk add`: no other kiosk of its name, in the workspace as loaded and again as it
  // is under the write lock (another command may have added one meanwhile).
  auto refuse_same_name = [&](const config::Config& workspace_config) {
    if (origin != Origin::options) return;
    for (const auto& s : stations) {
      for (const auto& k : workspace_config.kiosks) {
        if (k.id != s.id && text::clean(k.name) == text::clean(s.name)) {
          throw InputError(Message(Msg::kiosk_add_same_name, s.name, "kiosks/" + k.id + ".toml"));
        }
      }
    }
  };
  refuse_same_name(config);
  // The files, and the workspace loaded with them before any is written.
  for (const auto& s : stations) {
    KioskFileChange change;
    change.path = "kiosks/" + s.id + ".toml";
    change.text = kiosk_toml(s, origin, file_name, options.lang);
    if (origin == Origin::options && fs::exists(workspace / fs::path(change.path))) {
      throw InputError(Message(Msg::kiosk_add_exists, change.path));
    }
    change.before = current_text(workspace, change.path);
    if (const auto& current = change.before) {
      if (*current == change.text) {
        change.kind = KioskFileChange::Kind::unchanged;
        ++r.unchanged;
      } else {
        if (!options.replace && !written_by_import(*current)) {
          throw InputError(Message(Msg::kiosks_hand_edited, change.path));
        }
        change.kind = KioskFileChange::Kind::updated;
        ++r.updated;
      }
    } else {
      ++r.added;
    }
    report.files.push_back(std::move(change));
  }
  if (!new_services.empty()) {
    std::vector<const NewService*> in_order;
    for (const auto& [id, s] : new_services) in_order.push_back(&s);
    std::stable_sort(in_order.begin(), in_order.end(), [](auto* a, auto* b) { return a->row < b->row; });
    for (const auto* s : in_order) report.new_services.push_back(s->id);
    auto before = current_text(workspace, "services.toml");
    report.files.push_back({"services.toml", KioskFileChange::Kind::updated,
                            services_with(before.value_or(""), catalogue, in_order, options.lang), before});
  }
  if (options.dry_run) return report;
  write_config_changes(workspace, report.files, refuse_same_name);
  report.written = true;
  return report;
}

}  // namespace kiosk_import

KioskImportReport import_kiosks(const config::Config& config, const fs::path& workspace, const ColumnAliases& aliases,
                                const KioskImportOptions& options) {
  return kiosks_from(config, workspace, open_table(options.file, options.table, aliases, "kiosk"), Origin::table, options);
}

KioskImportReport add_kiosk(const config::Config& config, const fs::path& workspace, const KioskAddRequest& request) {
  // The options as one row under a header of their own names, read as the table's rows are.
  struct Field {
    const char* name;
    const char* option;
    const std::string* value;
  };
  const Field fields[] = {{"kiosk", "NAME", &request.name},
                          {"id", "--id", &request.id},
                          {"short_name", "--short-name", &request.short_name},
                          {"name_en", "--name-en", &request.name_en},
                          {"address", "--address", &request.address},
                          {"hours", "--hours", &request.hours},
                          {"services", "--services", &request.services},
                          {"day", "--days", &request.days},
                          {"time", "--time", &request.time}};
  OpenTable table;
  Row row;
  row.number = 1;
  for (const auto& field : fields) {
    table.header.columns[field.name] = table.header.titles.size();
    table.header.titles.push_back(field.option);
    Cell cell;
    if (!field.value->empty()) cell = {Cell::Kind::text, *field.value, 0};
    row.cells.push_back(std::move(cell));
  }
  table.reader = std::make_unique<TypedRow>(std::move(row));
  KioskImportOptions options;
  options.dry_run = request.dry_run;
  options.lang = request.lang;
  return kiosks_from(config, workspace, std::move(table), Origin::options, options);
}

ServiceAddReport add_service(const config::Config& config, const fs::path& workspace, const ServiceAddRequest& request) {
  const auto& catalogue = config.catalogue;
  auto name = text::clean_prose(request.name);
  auto id = request.id.empty() ? id_from_name(name) : text::clean(request.id);
  if (!config::is_valid_id(id)) throw InputError(Message(Msg::kiosks_bad_service, request.id.empty() ? name : request.id));
  for (const auto& word : {name, id}) {
    if (const auto* known = catalogue.find_service_named(word)) throw InputError(Message(Msg::service_add_exists, word, known->id));
  }
  auto s = inferred_service(catalogue, id, name, tr(request.lang, Msg::kiosks_toml_new_service_added, "service add"));
  if (request.daily_cap && *request.daily_cap <= 0) throw InputError(Message(Msg::kiosks_bad_cap, std::to_string(*request.daily_cap)));
  s.daily_cap = request.daily_cap;
  if (!request.skill.empty()) {
    std::vector<std::string> unknown;
    auto skills = read_skills(catalogue, request.skill, unknown);
    if (!skills.empty() && unknown.empty()) {
      const auto* skill = catalogue.find_skill(skills.front());
      s.skill = skill->id;
      s.skill_name = skill->name;
      s.new_skill = false;
    } else {
      s.skill_name = text::clean_prose(request.skill);
      s.skill = id_from_name(s.skill_name);
      if (!config::is_valid_id(s.skill)) throw InputError(Message(Msg::kiosks_bad_service, request.skill));
      s.new_skill = true;
    }
  }
  if (!request.category.empty()) {
    auto folded = [](std::string_view t) { return text::ascii_lower(text::clean(t)); };
    std::vector<std::string> names;
    const config::Category* found = nullptr;
    for (const auto& c : catalogue.categories) {
      names.push_back(c.name);
      for (const auto* word : {&c.id, &c.name, &c.name_en}) {
        if (!word->empty() && folded(*word) == folded(request.category)) found = &c;
      }
    }
    if (!found) throw InputError(Message(Msg::service_add_bad_category, request.category, text::join(names, "、")));
    s.category = found->id;
  }

  ServiceAddReport report;
  report.id = s.id;
  report.skill = s.skill;
  const auto* skill = s.new_skill ? nullptr : catalogue.find_skill(s.skill);
  report.skill_name = skill ? config::localized(skill->name, skill->name_en, request.lang) : s.skill_name;
  report.new_skill = s.new_skill;
  report.category = s.category;
  const auto* category = catalogue.find_category(s.category);
  report.category_name = category ? config::localized(category->name, category->name_en, request.lang)
                                  : tr(request.lang, Msg::kiosks_new_category);
  report.dry_run = request.dry_run;
  auto before = current_text(workspace, "services.toml");
  report.file = {"services.toml", KioskFileChange::Kind::updated,
                 services_with(before.value_or(""), catalogue, {&s}, request.lang), before};
  if (request.dry_run) return report;
  write_config_changes(workspace, {report.file});
  report.written = true;
  return report;
}

present::Document kiosk_add_document(const KioskImportReport& report, Lang lang) {
  using present::Value;
  const auto& r = report.table;
  std::vector<std::string> lines;
  for (const auto& issue : r.issues) lines.push_back(issue.header + std::string(message_text(Msg::colon, lang)) + issue.message.in(lang));
  if (r.rejected > 0) {
    lines.push_back(tr(lang, Msg::kiosk_add_refused));
  } else {
    lines.push_back(tr(lang, r.dry_run ? Msg::kiosks_file_added : Msg::file_written, report.files.front().path));
    if (!report.new_services.empty()) lines.push_back(tr(lang, Msg::kiosks_new_services, text::join(report.new_services, "、")));
    if (r.dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  }
  std::vector<std::pair<std::string, Value>> facts;
  if (!report.files.empty()) facts.emplace_back("file", Value::text(report.files.front().path));
  facts.insert(facts.end(), {{"rejected", Value::integer(static_cast<std::int64_t>(r.rejected))},
                             {"new_services", Value::integer(static_cast<std::int64_t>(report.new_services.size()))},
                             {"written", Value::flag(report.written, "")},
                             {"dry_run", Value::flag(r.dry_run, "")}});
  return present::message(lang, "kiosk_add", std::move(lines), std::move(facts));
}

present::Document service_add_document(const ServiceAddReport& report, Lang lang) {
  using present::Value;
  std::vector<std::string> lines = {tr(lang, Msg::service_add_added, report.id, report.skill_name, report.category_name)};
  if (report.new_skill) lines.push_back(tr(lang, Msg::service_add_new_skill, report.skill_name));
  if (report.dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  return present::message(lang, "service_add", std::move(lines),
                          {{"id", Value::text(report.id)},
                           {"skill", Value::text(report.skill)},
                           {"category", Value::text(report.category)},
                           {"new_skill", Value::flag(report.new_skill, "")},
                           {"written", Value::flag(report.written, "")},
                           {"dry_run", Value::flag(report.dry_run, "")}});
}

present::Document kiosk_import_document(const KioskImportReport& report, const std::string& file, Lang lang) {
  using present::Value;
  const auto& r = report.table;
  std::vector<std::string> lines;
  lines.push_back(r.csv ? tr(lang, Msg::import_heading_csv, file, r.header_row) : tr(lang, Msg::import_heading, file, r.sheet, r.header_row));
  lines.push_back("  " + tr(lang, Msg::kiosks_counts, report.stations, r.added, r.updated, r.unchanged, r.rejected));
  if (!r.ignored_columns.empty()) lines.push_back("  " + tr(lang, Msg::import_ignored_columns, list_in(lang, r.ignored_columns)));
  for (const auto& issue : r.issues) {
    std::string where = fmt::format("{}:{}", file, issue.row);
    if (!issue.column.empty()) where += fmt::format(":{}", issue.column);
    std::string header = issue.header.empty() ? "" : tr(lang, Msg::import_column_header, issue.header);
    auto label = issue.kind == RowIssue::Kind::rejected ? Msg::import_label_rejected : Msg::import_label_doubtful;
    lines.push_back(where + header + std::string(message_text(Msg::colon, lang)) + tr(lang, label) + issue.message.in(lang));
  }
  if (r.rejected > 0) {
    lines.push_back(tr(lang, Msg::kiosks_nothing_written));
  } else {
    for (const auto& change : report.files) {
      if (change.kind == KioskFileChange::Kind::unchanged) continue;
      lines.push_back("  " + tr(lang, change.kind == KioskFileChange::Kind::added ? Msg::kiosks_file_added : Msg::kiosks_file_updated,
                                change.path));
    }
    if (!report.new_services.empty()) lines.push_back("  " + tr(lang, Msg::kiosks_new_services, text::join(report.new_services, "、")));
    if (r.dry_run) lines.push_back(tr(lang, Msg::import_dry_run));
  }
  std::vector<std::pair<std::string, Value>> facts = {{"list", Value::text("kiosks")}, {"file", Value::text(file)}};
  if (!r.csv) facts.emplace_back("sheet", Value::text(r.sheet));
  auto count = [](std::size_t n) { return Value::integer(static_cast<std::int64_t>(n)); };
  facts.insert(facts.end(), {{"header_row", count(r.header_row)},
                             {"stations", count(report.stations)},
                             {"added", count(r.added)},
                             {"updated", count(r.updated)},
                             {"unchanged", count(r.unchanged)},
                             {"rejected", count(r.rejected)},
                             {"new_services", count(report.new_services.size())},
                             {"written", Value::flag(report.written, "")},
                             {"dry_run", Value::flag(r.dry_run, "")}});
  return present::message(lang, "import", std::move(lines), std::move(facts));
}

}  // namespace kangle::import
