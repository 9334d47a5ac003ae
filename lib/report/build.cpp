// SPDX-License-Identifier: Apache-2.0
#include "report/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "present/columns.hpp"
#include "people/volunteer.hpp"
#include "points/ledger.hpp"
#include "report/figures.hpp"
#include "report/review.hpp"

namespace kangle::report {
namespace {

using present::Chart;
using present::Column;
using present::column;
using present::Document;
using present::Section;
using present::Table;
using present::Value;

Value count(long n) { return Value::integer(n); }
Value hours(long minutes) { return Value::number(static_cast<double>(minutes) / 60.0, 1); }
Value rating(const std::optional<double>& mean) { return mean ? Value::number(*mean, 2) : Value::none(); }
Value percent(const std::optional<double>& share) { return share ? Value::number(*share * 100.0, 1) : Value::none(); }

std::optional<double> ratio(double part, double whole) {
  if (whole <= 0) return std::nullopt;
  return part / whole;
}

/// The period as the report names it: with "to 3 Dec" while it is not over.
std::string reported_label(const Period& period, Lang lang) {
  if (!is_cut(period)) return period_label(period, lang);
  return tr(lang, Msg::report_to_date, period_label(period, lang), day_label(period.last, lang));
}

Document titled(const Source& s, const char* kind, Msg title) {
  Document r(s.lang);
  r.kind = kind;
  r.period = s.period.text();
  r.title = tr(s.lang, title, s.config.settings.name, reported_label(s.period, s.lang));
  r.generated_at = s.now;
  const auto& settings = s.config.settings;
  r.footer.push_back(tr(s.lang, Msg::report_generated, time_for_people(s.now, settings.timezone, s.lang)));
  // The figures rest on the ledger as it is now: its head, to prove later it was not cut.
  auto head = points::chain_end(s.db);
  r.facts = {{"ledger_entries", Value::integer(head.entry)}, {"ledger_head", Value::text(head.hash)}};
  r.csv_by_keys = true;
  r.fit_terminal = true;
  r.footer.push_back(tr(s.lang, Msg::report_ledger_head, head.entry, head.hash.substr(0, 16)));
  // The month's, quarter's and year's report is the committee's paper: it closes with the
  // 落款, the issuing body and the day it was made.
  if (title == Msg::report_period_title) {
    r.signature = {settings.issuer.empty() ? settings.name : settings.issuer,
                   day_label(local_date(s.now, settings.timezone), s.lang, true)};
  }
  return r;
}

const char* period_kind(const Period& p) {
  switch (p.kind) {
    case Period::Kind::month: return "month";
    case Period::Kind::quarter: return "quarter";
    case Period::Kind::year: break;
  }
  return "year";
}

/// A kiosk: its id for scripts (`away` for service away from the kiosks), its name for people.
Value kiosk_value(const config::Config& config, const std::string& kiosk, Lang lang) {
  if (kiosk.empty()) return Value::code("away", tr(lang, Msg::report_away_from_kiosks));
  return Value::code(kiosk, config::kiosk_label(config, kiosk, lang));
}

/// A service and its category: their ids for scripts, their names for people.
Value service_value(const config::Catalogue& catalogue, const std::string& service, Lang lang) {
  return Value::code(service, config::service_label(catalogue, service, lang));
}

Value category_of(const config::Catalogue& catalogue, const std::string& service, Lang lang) {
  const auto* s = catalogue.find_service(service);
  if (!s) return Value::none();
  const auto* c = catalogue.find_category(s->category.value);
  return Value::code(s->category.value, c ? config::localized(c->name, c->name_en, lang) : s->category.value);
}

// ─── month, quarter, year ───────────────────────────────────────────────

/// How a figure's change is told: counts in per cent of the figure before; a share in
/// percentage points and a rating by the plain difference (a rate's per cent of a rate
/// misleads: 64 % against 100 % is 36 points fewer, not "−36 %").
enum class ChangeBy { per_cent, difference };

struct Metric {
  const char* key;
  Msg label;
  Value (*of)(const PeriodFigures&);
  ChangeBy change = ChangeBy::per_cent;
  int decimals = 1;  ///< of a difference: as the figure itself is shown
};

const Metric metrics[] = {
    {"sessions", Msg::report_sessions, [](const PeriodFigures& f) { return count(f.sessions); }},
    {"outreach", Msg::report_outreach, [](const PeriodFigures& f) { return count(f.outreach); }},
    {"themed_events", Msg::report_themed_events, [](const PeriodFigures& f) { return count(f.themed_events); }},
    {"residents", Msg::report_residents, [](const PeriodFigures& f) { return count(f.residents); }},
    {"volunteers", Msg::report_volunteers, [](const PeriodFigures& f) { return count(f.volunteers); }},
    {"volunteer_times", Msg::report_volunteer_times, [](const PeriodFigures& f) { return count(f.volunteer_times); }},
    {"hours_recorded", Msg::report_hours_recorded, [](const PeriodFigures& f) { return hours(f.recorded_minutes); }},
    {"hours_granted", Msg::report_hours_granted, [](const PeriodFigures& f) { return hours(f.granted_minutes); }},
    {"satisfaction", Msg::report_satisfaction, [](const PeriodFigures& f) { return rating(f.satisfaction.mean()); },
     ChangeBy::difference, 2},
    {"new_volunteers", Msg::report_new_volunteers, [](const PeriodFigures& f) { return count(f.new_volunteers); }},
    {"party_share", Msg::report_party_share,
     [](const PeriodFigures& f) { return percent(ratio(f.party_members, f.volunteers)); }, ChangeBy::difference, 1},
    {"points_awarded", Msg::report_points_awarded, [](const PeriodFigures& f) { return count(f.points_awarded); }},
    {"projects_proposed", Msg::report_projects_proposed,
     [](const PeriodFigures& f) { return count(count_in(f.projects, "proposed")); }},
    {"projects_dropped", Msg::report_projects_dropped,
     [](const PeriodFigures& f) { return count(count_in(f.projects, "declined") + count_in(f.projects, "cancelled")); }},
    {"projects_claimed", Msg::report_projects_claimed,
     [](const PeriodFigures& f) { return count(count_in(f.projects, "claimed")); }},
    {"projects_done", Msg::report_projects_done,
     [](const PeriodFigures& f) { return count(count_in(f.projects, "done")); }},
    {"projects_reviewed", Msg::report_projects_reviewed,
     [](const PeriodFigures& f) { return count(count_in(f.projects, "reviewed")); }},
    {"wishes_claimed", Msg::report_wishes_claimed,
     [](const PeriodFigures& f) { return count(count_in(f.wishes, "claimed")); }},
    {"wishes_done", Msg::report_wishes_done,
     [](const PeriodFigures& f) { return count(count_in(f.wishes, "done")); }},
};

/// The change from `before` to `now` in per cent; none when there is nothing to compare with.
Value change(const Value& now, const Value& before) {
  if (!now.is_number() || !before.is_number()) return Value::none();
  double b = before.number_value();
  if (b == 0) return Value::none();
  return Value::number((now.number_value() - b) / b * 100.0, 1);
}

/// `now` less `before`: percentage points of a share, the difference of a rating.
Value difference(const Value& now, const Value& before, int decimals) {
  if (!now.is_number() || !before.is_number()) return Value::none();
  return Value::number(now.number_value() - before.number_value(), decimals);
}

/// The change of `m` in per cent (first) and as a difference (second): one of them empty.
std::pair<Value, Value> changes(const Metric& m, const Value& now, const Value& before) {
  if (m.change == ChangeBy::per_cent) return {change(now, before), Value::none()};
  return {Value::none(), difference(now, before, m.decimals)};
}

/// Each period's figures computed once: a month's report needs the month and the one
/// before both in its headline and in its twelve months.
class FiguresOf {
public:
  FiguresOf(storage::Connection& db, std::string zone) : db_(db), zone_(std::move(zone)) {}
  const PeriodFigures& operator()(const Period& period) {
    // By its days: a month to its 3rd is not the whole month.
    auto key = format_date(period.first) + format_date(period.last);
    auto it = known_.find(key);
    if (it == known_.end()) it = known_.emplace(key, period_figures(db_, period, zone_)).first;
    return it->second;
  }

private:
  storage::Connection& db_;
  std::string zone_;
  std::map<std::string, PeriodFigures> known_;
};

/// `s` over its period up to today (KANGLE_NOW in the workspace's time zone): every report
/// says "to 3 Dec" of a period not yet over. Refused when the period has not begun.
Source so_far(const Source& s) {
  auto today = local_date(s.now, s.config.settings.timezone);
  if (std::chrono::sys_days{s.period.first} > std::chrono::sys_days{today}) {
    throw UsageError(Message(Msg::report_period_not_begun, in_both_languages([&](Lang l) { return period_label(s.period, l); }),
                             format_date(today)));
  }
  Source cut = s;
  cut.period = period_to(s.period, today);
  return cut;
}

/// `s.period` is the period so far: a period not yet over is compared with the same days
/// of the one before and of a year before.
Section overview(const Source& s, FiguresOf& figures_of) {
  auto previous_period = cut_like(shift_period(s.period, -1), s.period);
  auto year_period = cut_like(year_before(s.period), s.period);
  const auto& current = figures_of(s.period);
  const auto& before = figures_of(previous_period);
  const auto& last_year = figures_of(year_period);
  Section section{"overview", tr(s.lang, Msg::report_overview), {}, {}, {}};
  if (is_cut(s.period)) {
    section.lines.push_back(tr(s.lang, Msg::report_compare_to_date, day_label(s.period.last, s.lang),
                               days_label(previous_period, s.lang), days_label(year_period, s.lang)));
  }
  section.lines.push_back(tr(s.lang, Msg::report_headline_services, reported_label(s.period, s.lang), current.sessions,
                             current.outreach, current.themed_events, current.residents));
  section.lines.push_back(tr(s.lang, Msg::report_headline_volunteers, current.volunteers, current.volunteer_times,
                             hours(current.recorded_minutes).display(s.lang), hours(current.granted_minutes).display(s.lang)));
  section.lines.push_back(tr(s.lang, Msg::report_headline_wishes, count_in(current.wishes, "claimed"), count_in(current.wishes, "done"),
                             current.new_volunteers));
  Table table{"headline", tr(s.lang, Msg::report_overview),
              {{"metric", tr(s.lang, Msg::report_col_metric_key), true}, column(s.lang, "label", Msg::report_col_metric),
               column(s.lang, "current", Msg::report_col_current), column(s.lang, "previous", Msg::report_col_previous),
               column(s.lang, "change_pct", Msg::report_col_change),
               column(s.lang, "change_points", Msg::report_col_change_points),
               column(s.lang, "last_year", Msg::report_col_last_year),
               column(s.lang, "year_change_pct", Msg::report_col_year_change),
               column(s.lang, "year_change_points", Msg::report_col_year_change_points)},
              {}, 2};
  for (const auto& m : metrics) {
    auto now = m.of(current), prev = m.of(before), year = m.of(last_year);
    auto [by_cent, by_points] = changes(m, now, prev);
    auto [year_by_cent, year_by_points] = changes(m, now, year);
    table.rows.push_back({Value::text(m.key), Value::code(m.key, tr(s.lang, m.label)), now, prev, by_cent, by_points, year,
                          year_by_cent, year_by_points});
  }
  section.tables.push_back(std::move(table));
  section.lines.push_back(tr(s.lang, Msg::report_change_units));
  return section;
}

Section by_kiosk(const Source& s) {
  Section section{"kiosks", tr(s.lang, Msg::report_by_kiosk), {}, {}, {}};
  Table table{"sessions_by_kiosk", tr(s.lang, Msg::report_by_kiosk),
              {column(s.lang, "kiosk", Msg::report_col_kiosk), column(s.lang, "sessions", Msg::report_sessions),
               column(s.lang, "themed_events", Msg::report_themed_events), column(s.lang, "residents", Msg::report_residents),
               column(s.lang, "volunteer_times", Msg::report_volunteer_times), column(s.lang, "hours", Msg::report_hours_recorded),
               column(s.lang, "satisfaction", Msg::report_satisfaction), column(s.lang, "all_sessions", Msg::report_col_all_sessions)},
              {}, 1};
  for (const auto& k : kiosk_figures(s.db, s.period)) {
    table.rows.push_back({kiosk_value(s.config, k.kiosk, s.lang), count(k.sessions), count(k.themed_events),
                          count(k.residents), count(k.volunteer_times), hours(k.minutes), rating(k.satisfaction.mean()),
                          count(k.sessions + k.themed_events)});
  }
  if (table.rows.empty()) section.lines.push_back(tr(s.lang, Msg::report_no_records));
  section.tables.push_back(std::move(table));
  section.charts.push_back({Chart::Kind::bars, tr(s.lang, Msg::report_chart_sessions_by_kiosk), "sessions_by_kiosk", "kiosk",
                            "all_sessions", "", "", 0, 0, "", ""});
  return section;
}

/// A record known by its title alone: a themed event only when it is of the monthly
/// rhythm; an outreach visit or emergency round away from the kiosks is not one.
Value titled_category(const std::string& cadence, Lang lang) {
  if (cadence == "monthly") return Value::code("event", tr(lang, Msg::report_event_category));
  if (cadence == "outreach") return Value::code("outreach", tr(lang, Msg::report_outreach_category));
  return Value::code("other", tr(lang, Msg::report_other_category));
}

Section by_service(const Source& s) {
  Section section{"services", tr(s.lang, Msg::report_by_service), {}, {}, {}};
  Table table{"by_service", tr(s.lang, Msg::report_by_service),
              {column(s.lang, "service", Msg::report_col_service), column(s.lang, "category", Msg::report_col_category),
               column(s.lang, "sessions", Msg::report_col_all_sessions), column(s.lang, "residents", Msg::report_residents),
               column(s.lang, "per_session", Msg::report_col_per_session), column(s.lang, "satisfaction", Msg::report_satisfaction)},
              {}, 1};
  auto figures = service_figures(s.db, s.period);
  std::stable_sort(figures.begin(), figures.end(),
                   [](const ServiceFigures& a, const ServiceFigures& b) { return a.residents > b.residents; });
  for (const auto& f : figures) {
    // A themed event by its title (the same in every language), in a category of its own.
    auto name = f.service.empty() ? Value::text(f.title) : service_value(s.config.catalogue, f.service, s.lang);
    auto category = f.service.empty() ? titled_category(f.cadence, s.lang) : category_of(s.config.catalogue, f.service, s.lang);
    // Residents per session over the sessions that counted them: an uncounted day is unknown, not 0.
    int counted = f.sessions - f.without_residents;
    table.rows.push_back({name, category, count(f.sessions), count(f.residents),
                          counted > 0 ? Value::number(static_cast<double>(f.residents) / counted, 1) : Value::none(),
                          rating(f.satisfaction.mean())});
  }
  section.tables.push_back(std::move(table));
  return section;
}

Section by_month(const Source& s, FiguresOf& figures_of) {
  std::vector<Period> months;
  if (s.period.kind == Period::Kind::month) {
    for (int back = 11; back >= 0; --back) months.push_back(shift_period(s.period, -back));
  } else {
    months = months_of(s.period);
  }
  Section section{"trend", tr(s.lang, Msg::report_by_month), {}, {}, {}};
  Table table{"by_month", tr(s.lang, Msg::report_by_month),
              {column(s.lang, "month", Msg::report_col_month), column(s.lang, "sessions", Msg::report_col_all_sessions),
               column(s.lang, "residents", Msg::report_residents), column(s.lang, "volunteer_times", Msg::report_volunteer_times),
               column(s.lang, "hours", Msg::report_hours_recorded)},
              {}, 1};
  for (const auto& month : months) {
    const auto& f = figures_of(month);
    table.rows.push_back({Value::text(month.text()), count(f.sessions + f.themed_events), count(f.residents),
                          count(f.volunteer_times), hours(f.recorded_minutes)});
  }
  section.tables.push_back(std::move(table));
  section.charts.push_back(
      {Chart::Kind::bars, tr(s.lang, Msg::report_chart_residents_by_month), "by_month", "month", "residents", "", "", 0, 0, "", ""});
  return section;
}

// ─── the portfolio review ───────────────────────────────────────────────

Msg group_title(ReviewGroup g) {
  switch (g) {
    case ReviewGroup::make_permanent: return Msg::review_make_permanent;
    case ReviewGroup::keep: return Msg::review_keep;
    case ReviewGroup::graft: return Msg::review_graft;
    case ReviewGroup::retire: return Msg::review_retire;
    case ReviewGroup::insufficient_data: break;
  }
  return Msg::review_insufficient_data;
}

Msg group_short(ReviewGroup g) {
  switch (g) {
    case ReviewGroup::make_permanent: return Msg::review_short_make_permanent;
    case ReviewGroup::keep: return Msg::review_short_keep;
    case ReviewGroup::graft: return Msg::review_short_graft;
    case ReviewGroup::retire: return Msg::review_short_retire;
    case ReviewGroup::insufficient_data: break;
  }
  return Msg::review_short_insufficient_data;
}

const char* group_key(ReviewGroup g) {
  switch (g) {
    case ReviewGroup::make_permanent: return "make_permanent";
    case ReviewGroup::keep: return "keep";
    case ReviewGroup::graft: return "graft";
    case ReviewGroup::retire: return "retire";
    case ReviewGroup::insufficient_data: break;
  }
  return "insufficient_data";
}

/// As the tables show it (halves away from zero), so that a sentence and its row agree.
std::string one_decimal(double v, Lang lang) { return Value::number(v, 1).display(lang); }

const char* tie_key(GraftTie tie) {
  switch (tie) {
    case GraftTie::category: return "category";
    case GraftTie::skill: return "skill";
    case GraftTie::kiosk: return "kiosk";
    case GraftTie::weekday: return "weekday";
    case GraftTie::none: break;
  }
  return "";
}

/// What the service to graft onto shares with the grafted one, in words: 同一站点：丁香园.
std::string tie_words(const ServiceReview& r, const Source& s) {
  const auto& catalogue = s.config.catalogue;
  const auto* service = catalogue.find_service(r.service);
  switch (r.tie) {
    case GraftTie::category: {
      const auto* c = catalogue.find_category(service->category.value);
      return tr(s.lang, Msg::review_shares_category, c ? config::localized(c->name, c->name_en, s.lang) : service->category.value);
    }
    case GraftTie::skill: {
      const auto* k = catalogue.find_skill(service->skill.value);
      return tr(s.lang, Msg::review_shares_skill, k ? config::localized(k->name, k->name_en, s.lang) : service->skill.value);
    }
    case GraftTie::kiosk: return tr(s.lang, Msg::review_shares_kiosk, config::kiosk_label(s.config, r.shared_kiosk, s.lang));
    case GraftTie::weekday:
      return tr(s.lang, Msg::review_shares_weekday,
                std::string(weekday_display(std::chrono::weekday{r.shared_weekday}, s.lang == Lang::zh_CN)));
    case GraftTie::none: break;
  }
  return {};
}

/// The sentence that puts a service in its group, with the figures and thresholds it rests on.
std::string why_of(const ServiceReview& r, const Source& s) {
  const auto& rules = s.config.settings.review;
  auto demand = one_decimal(r.per_session.value_or(0), s.lang);
  auto rated = r.satisfaction ? rating(r.satisfaction).display(s.lang) : std::string("—");
  switch (r.reason) {
    case ReviewReason::popular:
      return tr(s.lang, Msg::review_why_popular, demand, one_decimal(rules.demand_high, s.lang), rated, one_decimal(rules.satisfaction_good, s.lang));
    case ReviewReason::popular_unrated: return tr(s.lang, Msg::review_why_popular_unrated, demand, one_decimal(rules.demand_high, s.lang));
    case ReviewReason::popular_fair:
      return tr(s.lang, Msg::review_why_popular_fair, demand, rated, one_decimal(rules.satisfaction_good, s.lang));
    case ReviewReason::middling:
      return tr(s.lang, Msg::review_why_middling, demand, one_decimal(rules.demand_low, s.lang), one_decimal(rules.demand_high, s.lang));
    case ReviewReason::niche:
      if (r.own_resources > 0) return tr(s.lang, Msg::review_why_niche_own, demand, r.kiosks, r.own_resources);
      return tr(s.lang, Msg::review_why_niche, demand, r.kiosks);
    case ReviewReason::volunteers_keen:
      if (r.partner.empty()) return tr(s.lang, Msg::review_why_keen_alone, r.keen_volunteers, demand, one_decimal(rules.demand_low, s.lang));
      return tr(s.lang, Msg::review_why_keen, r.keen_volunteers, demand, one_decimal(rules.demand_low, s.lang),
                config::service_label(s.config.catalogue, r.partner, s.lang), tie_words(r, s));
    case ReviewReason::little_demand:
      return tr(s.lang, Msg::review_why_little_demand, demand, one_decimal(rules.demand_low, s.lang), r.kiosks, r.resources);
    case ReviewReason::poor_ratings: return tr(s.lang, Msg::review_why_poor, rated, one_decimal(rules.satisfaction_poor, s.lang));
    case ReviewReason::not_held: return tr(s.lang, Msg::review_why_not_held, r.kiosks);
    case ReviewReason::not_yet_held: return tr(s.lang, Msg::review_why_not_yet_held, day_label(s.period.last, s.lang));
    case ReviewReason::no_skilled_volunteers: {
      const auto* service = s.config.catalogue.find_service(r.service);
      const auto* skill = s.config.catalogue.find_skill(service->skill.value);
      return tr(s.lang, Msg::review_why_no_skilled, skill ? config::localized(skill->name, skill->name_en, s.lang) : service->skill.value,
                r.kiosks);
    }
    case ReviewReason::figures_unknown: break;
  }
  return tr(s.lang, Msg::review_why_figures_unknown, r.sessions, r.without_residents, r.without_satisfaction,
            Value::number(rules.unknown_share * 100, 0).display(s.lang));
}

/// The sentence, and under a demand that leaves sessions out, over which it was counted.
std::string justify(const ServiceReview& r, const Source& s) {
  auto why = why_of(r, s);
  if (r.without_residents > 0 && r.per_session && r.reason != ReviewReason::figures_unknown) {
    why += tr(s.lang, Msg::review_demand_over_known, r.sessions - r.without_residents, r.sessions);
  }
  return why;
}

// ─── the units ──────────────────────────────────────────────────────────

/// A rating this low or lower is listed under its unit, to be looked into.
constexpr double low_rating = 2.0;

/// A unit's mean drawn toward the street's: (prior × street + ratings × mean) / (prior + ratings).
std::optional<double> unit_score(const Satisfaction& unit, const std::optional<double>& street, int prior) {
  auto mean = unit.mean();
  if (!mean) return std::nullopt;
  auto toward = street.value_or(*mean);
  auto ratings = static_cast<double>(unit.ratings);
  return (prior * toward + ratings * *mean) / (prior + ratings);
}

Section low_ratings_section(const Source& s) {
  Section section{"low_ratings", tr(s.lang, Msg::report_low_ratings), {tr(s.lang, Msg::report_low_ratings_rule)}, {}, {}};
  Table table{"low_ratings", tr(s.lang, Msg::report_low_ratings),
              {column(s.lang, "unit", Msg::report_col_unit), column(s.lang, "date", Msg::rota_date),
               {"kind", tr(s.lang, Msg::report_col_item), true}, column(s.lang, "kiosk", Msg::report_col_kiosk),
               column(s.lang, "item", Msg::report_col_item), column(s.lang, "satisfaction", Msg::report_satisfaction)},
              {}, 2};
  for (const auto& l : low_ratings(s.db, s.period, s.config.settings.timezone, low_rating)) {
    bool project = l.project != 0;
    auto kind = project ? Value::code("project", tr(s.lang, Msg::report_kind_project))
                        : Value::code("session", tr(s.lang, Msg::report_kind_session));
    auto where = project ? Value::none() : kiosk_value(s.config, l.kiosk, s.lang);
    auto what = project ? Value::text(tr(s.lang, Msg::report_project_item, l.project, l.need))
                : l.service.empty() ? Value::text(l.title)
                                    : service_value(s.config.catalogue, l.service, s.lang);
    table.rows.push_back({Value::text(l.unit), Value::date(l.date), kind, where, what, rating(l.rating)});
  }
  if (table.rows.empty()) section.lines.push_back(tr(s.lang, Msg::report_low_ratings_none));
  section.tables.push_back(std::move(table));
  return section;
}

// ─── the volunteers report ──────────────────────────────────────────────

Value part_of_day(int part, Lang lang) {
  if (part == 0) return Value::code("morning", tr(lang, Msg::report_morning));
  if (part == 1) return Value::code("afternoon", tr(lang, Msg::report_afternoon));
  return Value::code("evening", tr(lang, Msg::report_evening));
}

const char* reason_key(ReviewReason reason) {
  switch (reason) {
    case ReviewReason::popular: return "popular";
    case ReviewReason::popular_unrated: return "popular_unrated";
    case ReviewReason::popular_fair: return "popular_fair";
    case ReviewReason::middling: return "middling";
    case ReviewReason::niche: return "niche";
    case ReviewReason::volunteers_keen: return "volunteers_keen";
    case ReviewReason::little_demand: return "little_demand";
    case ReviewReason::poor_ratings: return "poor_ratings";
    case ReviewReason::not_held: return "not_held";
    case ReviewReason::not_yet_held: return "not_yet_held";
    case ReviewReason::no_skilled_volunteers: return "no_skilled_volunteers";
    case ReviewReason::figures_unknown: break;
  }
  return "figures_unknown";
}

}  // namespace

Document period_report(const Source& asked) {
  auto s = so_far(asked);
  auto report = titled(s, period_kind(s.period), Msg::report_period_title);
  FiguresOf figures_of(s.db, s.config.settings.timezone);
  report.sections.push_back(overview(s, figures_of));
  report.sections.push_back(by_kiosk(s));
  report.sections.push_back(by_service(s));
  // Every month of the period, the ones to come included (they read 0).
  report.sections.push_back(by_month(asked, figures_of));
  return report;
}

Document services_report(const Source& asked) {
  auto s = so_far(asked);
  auto report = titled(s, "services", Msg::report_services_title);
  auto offers = resource_offers(s.db);
  auto reviews = review_services(s.config, services_held(s.config, held_sessions(s.db, s.period)),
                                 needs_by_category(s.db, s.period, s.config.settings.timezone), offers, volunteers_by_skill(s.db),
                                 kiosk_rosters(s.db, offers), !is_cut(s.period));
  const auto& rules = s.config.settings.review;
  Section overview{"portfolio", tr(s.lang, Msg::report_portfolio), {}, {}, {}};
  overview.lines.push_back(tr(s.lang, Msg::review_rules, one_decimal(rules.demand_high, s.lang), one_decimal(rules.demand_low, s.lang),
                              one_decimal(rules.satisfaction_good, s.lang), one_decimal(rules.satisfaction_poor, s.lang),
                              rules.keen_volunteers));
  overview.lines.push_back(tr(s.lang, Msg::review_rules_unknown, Value::number(rules.unknown_share * 100, 0).display(s.lang)));
  Table table{"portfolio", tr(s.lang, Msg::report_portfolio),
              {{"group_key", tr(s.lang, Msg::report_col_group), true}, column(s.lang, "group", Msg::report_col_group),
               column(s.lang, "service", Msg::report_col_service),
               column(s.lang, "category", Msg::report_col_category), column(s.lang, "sessions", Msg::report_col_all_sessions),
               column(s.lang, "residents", Msg::report_residents), column(s.lang, "per_session", Msg::report_col_per_session),
               column(s.lang, "capacity_use_pct", Msg::report_col_capacity_use), column(s.lang, "satisfaction", Msg::report_satisfaction),
               column(s.lang, "volunteers_with_skill", Msg::report_col_skilled), column(s.lang, "kiosks", Msg::report_col_kiosks),
               column(s.lang, "needs", Msg::report_col_needs),
               // In the group sections as sentences; in the table only for scripts.
               {"reason", tr(s.lang, Msg::report_col_reason), true},
               present::column_for_scripts("sessions_without_residents"),
               present::column_for_scripts("sessions_without_satisfaction"), present::column_for_scripts("graft_onto"),
               present::column_for_scripts("graft_shares")},
              {}, 3};
  std::vector<Section> groups;
  for (auto g : {ReviewGroup::make_permanent, ReviewGroup::keep, ReviewGroup::graft, ReviewGroup::retire,
                 ReviewGroup::insufficient_data}) {
    groups.push_back({group_key(g), tr(s.lang, group_title(g)), {}, {}, {}});
  }
  for (const auto& r : reviews) {
    auto name = config::service_label(s.config.catalogue, r.service, s.lang);
    auto why = justify(r, s);
    table.rows.push_back({Value::text(group_key(r.group)), Value::code(group_key(r.group), tr(s.lang, group_short(r.group))),
                          service_value(s.config.catalogue, r.service, s.lang),
                          category_of(s.config.catalogue, r.service, s.lang), count(r.sessions), count(r.residents),
                          r.per_session ? Value::number(*r.per_session, 1) : Value::none(), percent(r.capacity_use),
                          rating(r.satisfaction), count(r.keen_volunteers), count(r.kiosks), count(r.needs),
                          Value::code(reason_key(r.reason), why), count(r.without_residents),
                          count(r.without_satisfaction),
                          r.partner.empty() ? Value::none() : service_value(s.config.catalogue, r.partner, s.lang),
                          r.tie == GraftTie::none ? Value::none() : Value::text(tie_key(r.tie))});
    groups[static_cast<std::size_t>(r.group)].lines.push_back(fmt::format("{}{}{}", name, tr(s.lang, Msg::report_colon), why));
  }
  std::vector<std::size_t> counts;
  for (auto& g : groups) {
    counts.push_back(g.lines.size());
    g.lines.insert(g.lines.begin(), tr(s.lang, Msg::review_group_count, g.lines.size()));
  }
  overview.lines.push_back(tr(s.lang, Msg::review_counts, counts[0], counts[1], counts[2], counts[3]));
  if (counts[4] > 0) overview.lines.push_back(tr(s.lang, Msg::review_counts_insufficient, counts[4]));
  // Without a single record the review says only that nothing was recorded, not that
  // every service should go.
  if (std::none_of(reviews.begin(), reviews.end(), [](const ServiceReview& r) { return r.sessions > 0; })) {
    overview.lines.push_back(tr(s.lang, Msg::review_nothing_recorded));
  }
  overview.tables.push_back(std::move(table));
  overview.charts.push_back({Chart::Kind::quadrant, tr(s.lang, Msg::report_chart_quadrant), "portfolio", "service", "",
                             "per_session", "satisfaction", rules.demand_high, rules.satisfaction_good,
                             tr(s.lang, Msg::report_col_per_session), tr(s.lang, Msg::report_satisfaction)});
  report.sections.push_back(std::move(overview));
  for (auto& g : groups) report.sections.push_back(std::move(g));
  return report;
}

Document units_report(const Source& asked) {
  auto s = so_far(asked);
  auto report = titled(s, "units", Msg::report_units_title);
  auto units = unit_figures(s.db, s.period, s.config.settings.timezone);
  auto street = street_satisfaction(s.db, s.period, s.config.settings.timezone).mean();
  int prior = s.config.settings.assessment.prior_ratings;
  // Residents' satisfaction is the yardstick, drawn toward the street's by the prior's
  // ratings: a unit with one project rated 5 does not outrank seventy sessions at 4.6.
  // Units without a rating come last; then the volunteer person-times they gave.
  std::map<std::string, std::optional<double>> score;
  for (const auto& u : units) score[u.unit] = unit_score(u.satisfaction, street, prior);
  std::stable_sort(units.begin(), units.end(), [&](const UnitFigures& a, const UnitFigures& b) {
    auto sa = score[a.unit], sb = score[b.unit];
    if (sa.has_value() != sb.has_value()) return sa.has_value();
    if (sa && *sa != *sb) return *sa > *sb;
    return a.volunteer_times > b.volunteer_times;
  });
  Section section{"units", tr(s.lang, Msg::report_units), {}, {}, {}};
  section.lines.push_back(tr(s.lang, Msg::report_units_rule, street ? rating(street).display(s.lang) : std::string("—"), prior));
  Table table{"units", tr(s.lang, Msg::report_units),
              {column(s.lang, "rank", Msg::report_col_rank), column(s.lang, "unit", Msg::report_col_unit),
               column(s.lang, "registered", Msg::report_col_registered), column(s.lang, "volunteers_sent", Msg::report_col_sent),
               column(s.lang, "sessions", Msg::report_col_all_sessions), column(s.lang, "volunteer_times", Msg::report_volunteer_times),
               column(s.lang, "hours", Msg::report_hours_recorded), column(s.lang, "claimed", Msg::report_projects_claimed),
               column(s.lang, "done", Msg::report_projects_done), column(s.lang, "on_time_pct", Msg::report_col_on_time),
               column(s.lang, "score", Msg::report_units_score), column(s.lang, "ratings", Msg::report_col_ratings),
               column(s.lang, "satisfaction", Msg::report_satisfaction)},
              {}, 2};
  int rank = 0;
  for (const auto& u : units) {
    ++rank;
    table.rows.push_back({count(rank), Value::text(u.unit), count(u.registered), count(u.volunteers_sent),
                          count(u.sessions), count(u.volunteer_times), hours(u.minutes), count(u.claimed), count(u.done),
                          percent(ratio(u.done_on_time, u.done)), rating(score[u.unit]), count(u.satisfaction.ratings),
                          rating(u.satisfaction.mean())});
  }
  section.tables.push_back(std::move(table));
  section.charts.push_back({Chart::Kind::bars, tr(s.lang, Msg::report_chart_units), "units", "unit", "volunteer_times", "", "", 0,
                            0, "", ""});
  report.sections.push_back(std::move(section));
  report.sections.push_back(low_ratings_section(s));
  return report;
}

Document volunteers_report(const Source& asked) {
  auto s = so_far(asked);
  auto report = titled(s, "volunteers", Msg::report_volunteers_title);
  auto people = volunteer_figures(s.db, s.period);
  // A unit assessing its members asks for them alone.
  std::erase_if(people, [&](const VolunteerFigures& v) { return v.unit.find(s.unit) == std::string::npos; });
  std::stable_sort(people.begin(), people.end(), [](const VolunteerFigures& a, const VolunteerFigures& b) {
    return a.recorded_minutes + a.granted_minutes > b.recorded_minutes + b.granted_minutes;
  });
  Section served{"volunteers", tr(s.lang, Msg::report_volunteer_service), {}, {}, {}};
  if (!s.unit.empty()) served.lines.push_back(tr(s.lang, Msg::report_unit_only, s.unit));
  Table table{"volunteers", tr(s.lang, Msg::report_volunteer_service),
              {column(s.lang, "name", Msg::report_col_name), column(s.lang, "phone", Msg::report_col_phone),
               column(s.lang, "unit", Msg::report_col_unit), column(s.lang, "party_member", Msg::report_col_party),
               column(s.lang, "sessions", Msg::report_col_all_sessions), column(s.lang, "hours_recorded", Msg::report_hours_recorded),
               column(s.lang, "hours_granted", Msg::report_hours_granted), column(s.lang, "points", Msg::report_points_awarded),
               column(s.lang, "balance", Msg::report_col_balance)},
              {}, 1};
  for (const auto& v : people) {
    table.rows.push_back({Value::text(v.name), Value::personal(s.reveal ? v.phone : people::mask_phone(v.phone)),
                          Value::text(v.unit), Value::flag(v.party_member, "★"), count(v.sessions),
                          hours(v.recorded_minutes), hours(v.granted_minutes), count(v.points), count(v.balance)});
  }
  served.tables.push_back(std::move(table));
  if (!s.reveal) report.footer.push_back(tr(s.lang, Msg::points_masked_note));

  Section reach{"coverage", tr(s.lang, Msg::report_coverage), {}, {}, {}};
  Table coverage_table{"coverage", tr(s.lang, Msg::report_coverage),
                       {column(s.lang, "kiosk", Msg::report_col_kiosk), column(s.lang, "skill", Msg::report_col_skill),
                        column(s.lang, "volunteers", Msg::report_volunteers)},
                       {}, 2};
  const auto& catalogue = s.config.catalogue;
  auto skill_of = [&](const std::string& service) {
    const auto* found = catalogue.find_service(service);
    return found ? found->skill.value : service;
  };
  for (const auto& c : coverage(s.db, s.period, skill_of)) {
    const auto* skill = catalogue.find_skill(c.skill);
    coverage_table.rows.push_back({kiosk_value(s.config, c.kiosk, s.lang),
                                   Value::code(c.skill, skill ? config::localized(skill->name, skill->name_en, s.lang) : c.skill),
                                   count(c.volunteers)});
  }
  reach.tables.push_back(std::move(coverage_table));

  Section seats{"seats", tr(s.lang, Msg::report_seats), {}, {}, {}};
  Table seat_table{"seats", tr(s.lang, Msg::report_seats),
                   {column(s.lang, "kiosk", Msg::report_col_kiosk), column(s.lang, "weekday", Msg::report_col_weekday),
                    column(s.lang, "part_of_day", Msg::report_col_part_of_day), column(s.lang, "filled", Msg::report_col_filled),
                    column(s.lang, "unfilled", Msg::report_col_unfilled), column(s.lang, "filled_pct", Msg::report_col_filled_pct)},
                   {}, 3};
  bool chinese = s.lang == Lang::zh_CN;
  static constexpr const char* weekday_codes[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (const auto& f : seat_figures(s.db, s.period)) {
    seat_table.rows.push_back({kiosk_value(s.config, f.kiosk, s.lang),
                               Value::code(weekday_codes[std::chrono::weekday{f.weekday}.c_encoding()],
                                           std::string(weekday_display(std::chrono::weekday{f.weekday}, chinese))),
                               part_of_day(f.part, s.lang), count(f.filled), count(f.unfilled),
                               percent(ratio(f.filled, f.filled + f.unfilled))});
  }
  if (seat_table.rows.empty()) seats.lines.push_back(tr(s.lang, Msg::report_no_rota));
  seats.tables.push_back(std::move(seat_table));
  report.sections.push_back(std::move(served));
  report.sections.push_back(std::move(reach));
  report.sections.push_back(std::move(seats));
  return report;
}

}  // namespace kangle::report
