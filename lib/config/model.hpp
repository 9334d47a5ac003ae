// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/diagnostics.hpp"
#include "config/rhythm.hpp"
#include "config/toml_reader.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"

namespace kangle::config {

/// kangle.toml's `[review]`: the thresholds by which `report services` sorts every
/// service into 固化, 保留, 嫁接 and 退出 (the portfolio review). Demand is residents
/// served per session held (人次/场).
struct ReviewRules {
  double demand_high = 8.0;        ///< at or above: high demand
  double demand_low = 3.0;         ///< below: little demand
  double satisfaction_good = 4.5;  ///< at or above: residents like it
  double satisfaction_poor = 3.5;  ///< below: poor ratings, whatever the demand
  int keen_volunteers = 3;         ///< volunteers with the skill, at or above: volunteers want to offer it
  int niche_kiosks = 1;            ///< offered at this many kiosks or fewer, and by no resource: nobody else offers it
  /// The share of a service's sessions without a residents count above which its demand
  /// cannot be judged: 数据不足 (insufficient data), not 0 residents a session.
  double unknown_share = 0.5;
};

/// kangle.toml's `[assessment]`: how `report units` ranks the co-building units (反向考核).
/// A unit's satisfaction is drawn toward the street's as if it had `prior_ratings` more
/// ratings at the street's mean: one project rated 5 does not outrank seventy sessions at 4.6.
struct AssessmentRules {
  int prior_ratings = 10;
};

/// kangle.toml's `[records]`: the longest a service record or a grant of hours may be.
/// Longer is a typing mistake (minutes for hours, a wrong end time), not a day's service.
struct RecordRules {
  int max_session_minutes = 12 * 60;  ///< a session, and each volunteer's minutes in it
  int max_grant_minutes = 8 * 60;     ///< one grant of hours (`record grant`)
};

/// Whose free time staffs a make-up workday (调休): kangle.toml's `makeup_day_availability`.
enum class MakeupDayAvailability {
  stands_for,      ///< the weekday the day stands for: offices and schools keep that timetable (default)
  actual_weekday,  ///< the day's real weekday (a Saturday's or Sunday's)
};

/// kangle.toml's `ics_reminder`: when phone calendars remind volunteers of a duty.
struct CalendarReminder {
  bool day_before = false;  ///< "前一天 20:00": `minutes` past midnight of the day before
  int minutes = 0;          ///< "提前 90 分钟": else this many minutes before the start

  /// Minutes before a duty starting at `start` (minutes since midnight) the reminder rings.
  int before(int start) const { return day_before ? start + 24 * 60 - minutes : minutes; }
};

/// "前一天 HH:MM" or "提前 N 分钟" (N from 1 to 10080, a week); nothing otherwise.
std::optional<CalendarReminder> parse_reminder(std::string_view text);

/// kangle.toml.
struct Settings {
  std::string name;
  std::string issuer;  ///< who issues the reports (落款): 康健街道党工委; empty: the workspace's name
  Lang language = Lang::zh_CN;
  std::string timezone = "Asia/Shanghai";
  int monthly_limit = 4;
  std::optional<int> weekly_limit;  ///< sessions a volunteer serves in a week (Mon–Sun); none: no limit
  int travel_minutes = 30;
  /// Days in a row a volunteer may serve; none: no cap.
  std::optional<int> max_consecutive_days;
  int certificate_warning_days = 30;
  bool mask_personal_data = true;
  MakeupDayAvailability makeup_day_availability = MakeupDayAvailability::stands_for;
  ReviewRules review;
  AssessmentRules assessment;
  RecordRules records;
  std::optional<CalendarReminder> ics_reminder;  ///< none: calendars carry no reminder
  /// [database] url: the PostgreSQL database a district shares; empty: kangle.db in the
  /// workspace's folder.
  std::string database_url;
};

struct Category {
  std::string id, name, name_en;
  Position at;
};

/// The skill any volunteer has; always in the catalogue.
inline constexpr std::string_view general_skill = "general";

struct Skill {
  std::string id, name, name_en;
  std::vector<std::string> aliases;
  std::string certificate;  ///< the certificate the skill rests on, empty when none
  Position at;
};

enum class FeeKind { free, materials, fixed };

struct Fee {
  FeeKind kind = FeeKind::free;
  long fixed_fen = 0;  ///< the fixed fee in fen (分), so sums never drift
};

struct Service {
  std::string id, name, name_en;
  Located category;
  Located skill;
  int seats = 1;                  ///< volunteers per session
  std::optional<int> daily_cap;   ///< 每日限定人数
  Fee fee;
  std::optional<int> minutes;
  /// Words needs and resources use for it (消杀, 灭蟑螂, pest control): import finds them
  /// in a description; the service's id and names count as keywords too.
  std::vector<std::string> keywords;
  Position at;
};

/// services.toml.
struct Catalogue {
  std::vector<Category> categories;
  std::vector<Skill> skills;  ///< the built-in `general` first
  std::vector<Service> services;

  const Service* find_service(std::string_view id) const;
  /// The service `name` names as people write it: its id, name, English name or a
  /// keyword (灭蟑螂: 消杀), Latin letters in any case; nothing otherwise.
  const Service* find_service_named(std::string_view name) const;
  const Skill* find_skill(std::string_view id) const;
  const Category* find_category(std::string_view id) const;
};

/// The three rhythms of the seed, plus visits to residential compounds.
enum class Cadence { daily, weekly, monthly, outreach };

/// `daily`, `weekly`, `monthly`, `outreach`: the word kiosk files and the database use.
std::string_view cadence_name(Cadence cadence);
/// The cadence `name` names; nothing for another word.
std::optional<Cadence> parse_cadence(std::string_view name);

struct SeatRequest {
  Located skill;
  int count = 0;
};

/// One entry of a kiosk's service menu.
struct MenuEntry {
  Cadence cadence = Cadence::daily;
  Rhythm on;
  std::string on_text;                ///< as written, for display
  std::optional<TimeRange> time;      ///< default: the kiosk's hours that day
  std::string at;                     ///< a place other than the kiosk
  std::string title;
  std::vector<Located> services;
  std::vector<SeatRequest> seats;     ///< beside the seats of `services`
  std::vector<unsigned> months;       ///< empty: every month
  std::optional<Date> from, until;
  Position position;
};

struct Closure {
  Date from, to;
  std::string reason;
  Position at;
};

struct Location {
  double lat = 0, lon = 0;
};

/// kiosks/ID.toml.
struct Kiosk {
  std::string id;  ///< the file name without .toml
  std::string file;
  std::string name, name_en, address, pledge;
  std::string short_name;  ///< for tables and rotas: "丁香园"; default the name
  std::optional<Location> location;
  std::vector<std::string> equipment;
  std::array<std::vector<TimeRange>, 7> hours;  ///< by std::chrono c_encoding (0 = Sunday)
  std::vector<MenuEntry> menu;
  std::vector<Closure> closures;

  /// The closure that shuts the kiosk on `date`; none when it opens as usual.
  const Closure* closure_on(const Date& date) const;
};

struct Holiday {
  std::string name, name_en;
  Date from, to;
  Position at;
  bool provisional = false;  ///< a statutory day of a year without holidays/YEAR.toml
};

/// 调休: a weekend day worked as the weekday `as`.
struct MakeupWorkday {
  Date date;
  std::chrono::weekday as;
  std::string name;
  Position at;
};

/// holidays/*.toml, all years together. A year without its file (holidays/2027.toml)
/// is provisional: its statutory public holidays (config/statutory.hpp) close the
/// kiosks, and its make-up workdays are unknown.
struct HolidayCalendar {
  std::vector<Holiday> holidays;
  std::vector<MakeupWorkday> workdays;
  std::vector<int> years;  ///< the years whose files were read

  /// The holiday `date` falls in: from the files, else a statutory one of a provisional year.
  const Holiday* holiday_on(const Date& date) const;
  const MakeupWorkday* workday_on(const Date& date) const;
  /// True when `year` has no holidays/YEAR.toml.
  bool provisional(int year) const;
  /// The provisional years among those of the days `from`…`to`, in order.
  std::vector<int> provisional_years(const Date& from, const Date& to) const;
  /// The provisional years of the month of `today` and of the next: those `check` and
  /// `status` warn about, while there is time to add the file.
  std::vector<int> provisional_years_soon(const Date& today) const;

private:
  /// The statutory holidays of provisional years, worked out when first asked for.
  mutable std::map<int, std::vector<Holiday>> statutory_;
};

struct RedeemItem {
  std::string item;
  int cost = 0;
  Position at;
};

/// What 志愿服务之星 are ranked by, among those who meet every minimum.
enum class StarRank { points, hours, sessions };

/// The yearly star volunteers (志愿服务之星): who qualifies and how many are named.
struct StarCriteria {
  int count = 10;
  int min_sessions = 0;
  int min_hours = 0;   ///< recorded and granted hours together
  int min_months = 0;  ///< months of the year with at least one session
  int min_points = 0;
  StarRank rank_by = StarRank::points;
};

/// points.toml.
struct PointRules {
  int per_session = 0, per_hour = 0, outreach = 0, holiday = 0, themed_event = 0, project_done = 0;
  std::map<std::string, int> services;  ///< per-session points of a service, instead of per_session
  std::map<std::string, Position> service_positions;
  std::vector<RedeemItem> redeem;
  int board_top = 10;
  bool board_marks_party = true;  ///< the honour board marks party members (党员先锋)
  StarCriteria stars;

  const RedeemItem* find_item(std::string_view item) const;
};

/// A residential compound of the street (小区, 居民区): communities.toml. Needs that give
/// only their compound, and resources whose address names one, are placed at its
/// coordinates when matching.
struct Community {
  std::string name;
  std::vector<std::string> aliases;  ///< other names people write: 樱花园小区, 樱花
  std::optional<Location> location;  ///< none until someone looks it up
  std::string grid;                  ///< its grid or neighbourhood committee (网格, 居委), may be empty
  Position at;
};

/// The compound named exactly `text` (its name or an alias, cleaned); nothing otherwise.
const Community* community_named(const std::vector<Community>& communities, std::string_view text);
/// The one compound `text` (a compound cell, an address) names: exactly, else the only
/// compound whose name or alias it contains (a name inside a longer one that also
/// matched, 丁香 in 丁香园, does not count). Nothing when it names none, or several.
const Community* community_in(const std::vector<Community>& communities, std::string_view text);

/// Every config file of a workspace.
struct Config {
  Settings settings;
  Catalogue catalogue;
  std::vector<Kiosk> kiosks;
  HolidayCalendar holidays;
  PointRules points;
  std::vector<Community> communities;  ///< communities.toml; empty without it
};

/// The name in `lang`: `name_en` in English when there is one.
const std::string& localized(const std::string& name, const std::string& name_en, Lang lang);
/// A kiosk's short name for tables and rotas (its English name in English); the id when unknown.
std::string kiosk_label(const Config& config, std::string_view id, Lang lang);
/// The kiosk a person names by its id, name, English name or short name (丁香园), as
/// kangle prints them; Latin letters in any case. An unknown name is an InputError
/// with the nearest one ("did you mean") or the list of kiosks.
const Kiosk& resolve_kiosk(const Config& config, std::string_view name);
/// The service a person names by its id, name, English name or a keyword (灭蟑螂: 消杀),
/// as kangle prints them and lists write them; Latin letters in any case. An unknown
/// name is a UsageError with the nearest one ("did you mean").
const Service& resolve_service(const Catalogue& catalogue, std::string_view name);
/// A service's name in `lang`; the id when unknown.
std::string service_label(const Catalogue& catalogue, std::string_view id, Lang lang);

}  // namespace kangle::config
