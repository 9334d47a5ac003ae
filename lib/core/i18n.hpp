// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kangle {

enum class Lang { zh_CN, en };

/// `zh-CN` (also zh, zh_CN, zh-Hans, zh_CN.UTF-8) or `en` (also en-US, en_GB.UTF-8, C); nothing otherwise.
std::optional<Lang> parse_lang(std::string_view text);
std::string_view lang_code(Lang lang);

/// The language of messages and outputs for this process, as gettext keeps a locale:
/// set once by the command line from the workspace, `--lang` or `KANGLE_LANG`.
void set_language(Lang lang);
Lang language();

/// Every message kangle shows a user. To add one: a name here, and a line in the
/// table of i18n.cpp with the English and the Chinese text (the same placeholders,
/// but for a word one language needs and the other does not, such as "2nd").
enum class Msg {
  // files and the workspace
  cannot_write_file,
  cannot_read_file,
  no_workspace,
  workspace_not_a_folder,
  workspace_exists,
  unknown_example,
  workspace_created,
  // the database
  database_newer,
  database_open_failed,
  database_busy,
  database_migration_failed,
  database_missing,
  database_integrity,
  database_foreign_key,
  // TOML
  toml_syntax,
  toml_missing_key,
  toml_wrong_type,
  toml_unknown_key,
  toml_unknown_key_suggest,
  toml_not_positive,
  toml_bad_date,
  toml_bad_id,
  type_string,
  type_integer,
  type_number,
  type_boolean,
  type_date,
  type_table,
  type_array,
  type_string_list,
  // config values
  bad_language,
  bad_time_range,
  time_range_reversed,
  bad_weekday,
  bad_hours_key,
  hours_overlap,
  bad_rhythm,
  daily_needs_weekday,
  entry_needs_services,
  entry_no_hours,
  bad_month,
  dates_reversed,
  bad_fee,
  bad_latitude,
  bad_longitude,
  unknown_reference,
  unknown_reference_suggest,
  duplicate_alias,
  workday_not_weekend,
  workday_in_holiday,
  no_kiosks,
  config_has_errors,
  ref_category,
  ref_skill,
  ref_service,
  // check
  check_clean,
  check_summary,
  warning_prefix,
  // plugins and the command line
  unknown_command,
  unknown_command_suggest,
  plugin_failed,
  // spreadsheets (.xlsx)
  xlsx_place_sheet,
  xlsx_place_row,
  xlsx_place_cell,
  xlsx_old_xls,
  xlsx_not_zip,
  xlsx_damaged,
  xlsx_no_workbook,
  xlsx_missing_part,
  xlsx_bad_part_name,
  xlsx_too_large,
  xlsx_ratio,
  xlsx_doctype,
  xlsx_bad_xml,
  xlsx_no_such_sheet,
  xlsx_cell_too_long,
  xlsx_bad_reference,
  xlsx_bad_number,
  xlsx_bad_shared_string,
  xlsx_rows_out_of_order,
  xlsx_merges_too_large,
  // status
  status_workspace,
  status_language,
  status_database,
  status_database_none,
  status_catalogue,
  status_holidays,
  status_kiosks,
  status_hours,
  status_equipment,
  status_daily,
  status_weekly,
  status_monthly,
  status_outreach,
  status_closure,
  status_no_hours,
  rhythm_nth,
  rhythm_last,
  rhythm_every_weeks,
  rhythm_day,
  rhythm_list_separator,
  colon,
  csv_bad_encoding,
  csv_record_too_long,
  import_no_header,
  import_no_sheet,
  import_no_name,
  import_bad_phone,
  import_bad_id_number,
  import_no_phone,
  import_bad_limit,
  import_bad_availability,
  import_bad_date,
  import_unknown_skill,
  import_unknown_skill_suggest,
  import_change,
  import_more_availability,
  import_new_skill,
  import_new_certificate,
  import_merged,
  import_updated,
  import_reason_column,
  import_bad_map,
  import_unknown_field,
  import_label_rejected,
  import_label_doubtful,
  import_label_merged,
  import_label_updated,
  import_already,
  import_heading,
  import_counts,
  import_skipped,
  import_ignored_columns,
  import_column_header,
  import_rejects_written,
  import_dry_run,
  import_bad_encoding,
  word_yes,
  word_no,
  volunteers_count,
  volunteer_not_found,
  field_name,
  field_phone,
  field_id_number,
  field_political_status,
  field_party_member,
  field_unit,
  field_community,
  field_skills,
  field_availability,
  field_monthly_limit,
  field_note,
  import_heading_csv,
  availability_every_day,
  availability_workdays,
  availability_weekend,
  database_full,
  database_read_only,
  schedule_bad_month,
  schedule_and_more,
  schedule_why_no_skill,
  schedule_why_not_available,
  schedule_why_at_limit,
  schedule_why_busy,
  schedule_built,
  schedule_nobody_moved,
  schedule_moved,
  schedule_see_explain,
  schedule_none,
  schedule_all_filled,
  rota_date,
  rota_weekday,
  rota_time,
  rota_kiosk,
  rota_duty,
  rota_volunteers,
  rota_empty_seats,
  rota_title,
  rota_locked_mark,
  count_,  // keep last: the number of messages
};

/// The message's text in `lang`, with `{}` placeholders for fmt.
std::string_view message_text(Msg id, Lang lang);

/// The id the catalogue holds at `index`: lets a test check the table is in enum order.
Msg catalogue_id(std::size_t index);

/// The message in the current language with its placeholders filled.
template <typename... Args>
std::string tr(Msg id, Args&&... args) {
  return fmt::format(fmt::runtime(message_text(id, language())), std::forward<Args>(args)...);
}

}  // namespace kangle
