// SPDX-License-Identifier: Apache-2.0
#include "config/model.hpp"

#include <algorithm>
#include <array>

#include "config/statutory.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace kangle::config {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

constexpr std::string_view cadence_names[] = {"daily", "weekly", "monthly", "outreach"};

}  // namespace

std::string_view cadence_name(Cadence cadence) { return cadence_names[static_cast<std::size_t>(cadence)]; }

std::optional<Cadence> parse_cadence(std::string_view name) {
  for (std::size_t i = 0; i < std::size(cadence_names); ++i) {
    if (cadence_names[i] == name) return static_cast<Cadence>(i);
  }
  return std::nullopt;
}

const Service* Catalogue::find_service(std::string_view id) const { return find_by_id(services, id); }
const Skill* Catalogue::find_skill(std::string_view id) const { return find_by_id(skills, id); }
const Category* Catalogue::find_category(std::string_view id) const { return find_by_id(categories, id); }

const Holiday* HolidayCalendar::holiday_on(const Date& date) const {
  auto in = [&](const Holiday& h) { return h.from <= date && date <= h.to; };
  if (auto it = std::find_if(holidays.begin(), holidays.end(), in); it != holidays.end()) return &*it;
  int year = static_cast<int>(date.year());
  if (!provisional(year)) return nullptr;
  auto cached = statutory_.find(year);
  if (cached == statutory_.end()) cached = statutory_.emplace(year, statutory_holidays(year)).first;
  auto it = std::find_if(cached->second.begin(), cached->second.end(), in);
  return it == cached->second.end() ? nullptr : &*it;
}

bool HolidayCalendar::provisional(int year) const { return std::find(years.begin(), years.end(), year) == years.end(); }

std::vector<int> HolidayCalendar::provisional_years_soon(const Date& today) const {
  auto next_month = std::chrono::year_month{today.year(), today.month()} + std::chrono::months{1};
  return provisional_years(today, Date{next_month / std::chrono::last});
}

std::vector<int> HolidayCalendar::provisional_years(const Date& from, const Date& to) const {
  std::vector<int> out;
  for (int year = static_cast<int>(from.year()); year <= static_cast<int>(to.year()); ++year) {
    if (provisional(year)) out.push_back(year);
  }
  return out;
}

const Closure* Kiosk::closure_on(const Date& date) const {
  for (const auto& c : closures) {
    if (c.from <= date && date <= c.to) return &c;
  }
  return nullptr;
}

const MakeupWorkday* HolidayCalendar::workday_on(const Date& date) const {
  for (const auto& w : workdays) {
    if (w.date == date) return &w;
  }
  return nullptr;
}

const RedeemItem* PointRules::find_item(std::string_view item) const {
  auto it = std::find_if(redeem.begin(), redeem.end(), [&](const RedeemItem& r) { return r.item == item; });
  return it == redeem.end() ? nullptr : &*it;
}

const std::string& localized(const std::string& name, const std::string& name_en, Lang lang) {
  return lang == Lang::zh_CN || name_en.empty() ? name : name_en;
}

std::string kiosk_label(const Config& config, std::string_view id, Lang lang) {
  for (const auto& k : config.kiosks) {
    if (k.id == id) return localized(k.short_name, k.name_en, lang);
  }
  return std::string(id);
}

std::optional<CalendarReminder> parse_reminder(std::string_view text) {
  auto rest = text::trim(text);
  auto number = [](std::string_view digits) -> std::optional<int> {
    if (digits.empty() || digits.size() > 5) return std::nullopt;
    int n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  constexpr std::string_view day_before = "前一天", ahead = "提前", minutes = "分钟";
  if (rest.starts_with(day_before)) {
    rest = text::trim(rest.substr(day_before.size()));
    auto colon = rest.find(':');
    if (colon == std::string_view::npos || rest.size() - colon != 3) return std::nullopt;
    auto h = number(rest.substr(0, colon)), m = number(rest.substr(colon + 1));
    if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
    return CalendarReminder{true, *h * 60 + *m};
  }
  if (rest.starts_with(ahead) && rest.ends_with(minutes)) {
    auto n = number(text::trim(rest.substr(ahead.size(), rest.size() - ahead.size() - minutes.size())));
    if (!n || *n < 1 || *n > 7 * 24 * 60) return std::nullopt;
    return CalendarReminder{false, *n};
  }
  return std::nullopt;
}

const Kiosk& resolve_kiosk(const Config& config, std::string_view name) {
  auto folded = [](std::string_view s) { return text::ascii_lower(text::trim(s)); };
  auto wanted = folded(name);
  std::vector<std::string> names;
  for (const auto& k : config.kiosks) {
    for (const auto* word : {&k.id, &k.name, &k.short_name, &k.name_en}) {
      if (word->empty()) continue;
      if (folded(*word) == wanted) return k;
      names.push_back(*word);
    }
  }
  if (auto near = text::closest(wanted, names)) throw InputError(Message(Msg::kiosk_not_found_suggest, name, *near));
  std::vector<std::string> labels;
  for (const auto& k : config.kiosks) labels.push_back(k.id + " " + k.short_name);
  throw InputError(Message(Msg::kiosk_not_found, name, listed(labels)));
}

const Service* Catalogue::find_service_named(std::string_view name) const {
  auto folded = [](std::string_view s) { return text::ascii_lower(text::clean(s)); };
  auto wanted = folded(name);
  for (const auto& s : services) {
    for (const auto* word : {&s.id, &s.name, &s.name_en}) {
      if (!word->empty() && folded(*word) == wanted) return &s;
    }
    // A keyword names its service here as in a list's 服务项目 column.
    for (const auto& keyword : s.keywords) {
      if (folded(keyword) == wanted) return &s;
    }
  }
  return nullptr;
}

const Service& resolve_service(const Catalogue& catalogue, std::string_view name) {
  if (const auto* service = catalogue.find_service_named(name)) return *service;
  std::vector<std::string> known;
  for (const auto& s : catalogue.services) {
    for (const auto* word : {&s.id, &s.name, &s.name_en}) {
      if (!word->empty()) known.push_back(*word);
    }
  }
  if (auto near = text::closest(name, known)) throw UsageError(Message(Msg::unknown_reference_suggest, Msg::ref_service, name, *near));
  throw UsageError(Message(Msg::unknown_reference, Msg::ref_service, name));
}

std::string service_label(const Catalogue& catalogue, std::string_view id, Lang lang) {
  const auto* s = catalogue.find_service(id);
  return s ? localized(s->name, s->name_en, lang) : std::string(id);
}

const Community* community_named(const std::vector<Community>& communities, std::string_view text) {
  auto name = text::clean(text);
  if (name.empty()) return nullptr;
  for (const auto& c : communities) {
    if (c.name == name || std::find(c.aliases.begin(), c.aliases.end(), name) != c.aliases.end()) return &c;
  }
  return nullptr;
}

/// What follows a name in an address when it is a road's: 路, 街, 大道, 巷, 弄.
constexpr std::array<std::string_view, 5> road_words{"路", "街", "大道", "巷", "弄"};

const Community* community_in(const std::vector<Community>& communities, std::string_view text) {
  if (const auto* exact = community_named(communities, text)) return exact;
  auto cleaned = text::clean(text);
  struct Found {
    const Community* community;
    std::string name;
  };
  std::vector<Found> found;
  // 康乐 in 康乐路12号 names a road, not the compound 康乐小区.
  auto names_road = [&](std::size_t end) {
    return std::any_of(road_words.begin(), road_words.end(), [&](std::string_view w) {
      return std::string_view(cleaned).substr(end).starts_with(w);
    });
  };
  auto consider = [&](const Community& c, const std::string& name) {
    if (name.empty()) return;
    for (auto at = cleaned.find(name); at != std::string::npos; at = cleaned.find(name, at + 1)) {
      if (!names_road(at + name.size())) {
        found.push_back({&c, name});
        return;
      }
    }
  };
  for (const auto& c : communities) {
    consider(c, c.name);
    for (const auto& alias : c.aliases) consider(c, alias);
  }
  const Community* only = nullptr;
  for (const auto& f : found) {
    bool inside_longer = std::any_of(found.begin(), found.end(), [&](const Found& other) {
      return other.community != f.community && other.name.size() > f.name.size() && other.name.find(f.name) != std::string::npos;
    });
    if (inside_longer) continue;
    if (only && only != f.community) return nullptr;  // two compounds: which one is not ours to guess
    only = f.community;
  }
  return only;
}

}  // namespace kangle::config
