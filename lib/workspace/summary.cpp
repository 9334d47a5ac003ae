// SPDX-License-Identifier: Apache-2.0
#include "workspace/summary.hpp"

#include <fmt/format.h>

#include "config/describe.hpp"
#include "config/loader.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "storage/database.hpp"
#include "workspace/workspace.hpp"

namespace kangle::workspace {

Summary summarize(const std::filesystem::path& root) {
  Summary s{root, config::load_valid_config(root), std::nullopt, {}};
  std::error_code ec;
  auto location = database_location(root, s.config.settings);
  s.database = database_shown(root, location);
  if (location.postgres() || std::filesystem::exists(location.file, ec)) {
    storage::Database db(location, storage::Access::read_only);
    // A PostgreSQL schema not made yet reads as version 0.
    if (auto version = db.schema_version(); version > 0) s.schema_version = version;
  }
  return s;
}

namespace {

using present::Value;

/// A kiosk's section: a row per thing it offers; the label (its code for scripts) shown
/// on the first row of each kind only, as a coordinator reads a list.
present::Section kiosk_section(const config::Kiosk& kiosk, const config::Catalogue& catalogue, Lang lang) {
  auto header = [lang](Msg id) { return std::string(message_text(id, lang)); };
  present::Section section{kiosk.id, fmt::format("{}  [{}]", config::localized(kiosk.name, kiosk.name_en, lang), kiosk.id),
                           {}, {}, {}};
  if (!kiosk.address.empty()) section.lines.push_back(kiosk.address);
  present::Table table{"kiosk", "", {{"item", header(Msg::status_col_item)}, {"detail", header(Msg::status_col_detail)}}, {}, 1};
  auto rows = [&](const char* code, Msg label, const std::vector<std::string>& details) {
    for (std::size_t i = 0; i < details.size(); ++i) {
      table.rows.push_back({Value::code(code, i == 0 ? header(label) : ""), Value::text(details[i])});
    }
  };
  rows("hours", Msg::status_hours, config::describe_hours(kiosk, lang));
  if (!kiosk.equipment.empty()) {
    rows("equipment", Msg::status_equipment,
         {list_in(lang, kiosk.equipment)});
  }
  static constexpr struct {
    config::Cadence cadence;
    const char* code;
    Msg label;
  } cadences[] = {{config::Cadence::daily, "daily", Msg::status_daily},
                  {config::Cadence::weekly, "weekly", Msg::status_weekly},
                  {config::Cadence::monthly, "monthly", Msg::status_monthly},
                  {config::Cadence::outreach, "outreach", Msg::status_outreach}};
  for (const auto& [cadence, code, label] : cadences) {
    std::vector<std::string> entries;
    for (const auto& entry : kiosk.menu) {
      if (entry.cadence != cadence) continue;
      entries.push_back(config::describe_entry(entry, lang) + std::string(message_text(Msg::colon, lang)) +
                        config::describe_services(catalogue, entry, lang));
    }
    rows(code, label, entries);
  }
  for (const auto& closure : kiosk.closures) {
    rows("closure", Msg::status_closure,
         {fmt::format("{} – {} {}", format_date(closure.from), format_date(closure.to), closure.reason)});
  }
  section.tables.push_back(std::move(table));
  return section;
}

}  // namespace

present::Document status_document(const Summary& summary, Lang lang) {
  const auto& config = summary.config;
  const auto& c = config.catalogue;
  present::Section workspace{"workspace", "", {}, {}, {}};
  auto& lines = workspace.lines;
  lines.push_back(tr(lang, Msg::status_workspace, config.settings.name, summary.root.string()));
  lines.push_back(tr(lang, Msg::status_language, lang_code(config.settings.language)));
  lines.push_back(summary.schema_version ? tr(lang, Msg::status_database, summary.database, *summary.schema_version)
                                         : tr(lang, Msg::status_database_none, summary.database));
  lines.push_back(tr(lang, Msg::status_catalogue, c.categories.size(), c.services.size(), c.skills.size()));
  std::vector<std::string> years;
  for (int y : config.holidays.years) years.push_back(std::to_string(y));
  lines.push_back(tr(lang, Msg::status_holidays, config.holidays.holidays.size(), config.holidays.workdays.size(),
                     text::join(years, ", ")));
  lines.push_back(tr(lang, Msg::status_kiosks, config.kiosks.size()));
  auto count = [](std::size_t n) { return Value::integer(static_cast<std::int64_t>(n)); };
  present::Document document(lang);
  document.kind = "status";
  document.facts = {{"name", Value::text(config.settings.name)},
                    {"workspace", Value::text(summary.root.string())},
                    {"language", Value::text(std::string(lang_code(config.settings.language)))},
                    {"database", Value::text(summary.database)},
                    {"schema_version", summary.schema_version ? Value::integer(*summary.schema_version) : Value::none()},
                    {"categories", count(c.categories.size())},
                    {"services", count(c.services.size())},
                    {"skills", count(c.skills.size())},
                    {"holidays", count(config.holidays.holidays.size())},
                    {"makeup_workdays", count(config.holidays.workdays.size())},
                    {"holiday_years", Value::list(years)},
                    {"kiosks", count(config.kiosks.size())}};
  document.sections.push_back(std::move(workspace));
  for (const auto& kiosk : config.kiosks) document.sections.push_back(kiosk_section(kiosk, c, lang));
  return document;
}

}  // namespace kangle::workspace
