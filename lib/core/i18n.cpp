// SPDX-License-Identifier: Apache-2.0
#include "core/i18n.hpp"

#include <array>
#include <atomic>

namespace kangle {
namespace {

struct Entry {
  Msg id;
  std::string_view en;
  std::string_view zh;
};

// One line per message, in the order of the enum (a unit test checks both).
constexpr std::array<Entry, static_cast<std::size_t>(Msg::count_)> catalogue{{
    {Msg::cannot_write_file, "cannot write {}: {}", "无法写入 {}：{}"},
    {Msg::cannot_read_file, "cannot read {}: {}", "无法读取 {}：{}"},
    {Msg::no_workspace, "not in a kangle workspace (no kangle.toml here or in any parent folder); use -w DIR or run `kangle init`",
     "当前不在 kangle 工作区中（本目录及上级目录都没有 kangle.toml）；请用 -w 目录 指定，或先运行 `kangle init`"},
    {Msg::workspace_not_a_folder, "{} is not a kangle workspace (no kangle.toml in it)", "{} 不是 kangle 工作区（其中没有 kangle.toml）"},
    {Msg::workspace_exists, "{} is already a kangle workspace; nothing was changed", "{} 已经是 kangle 工作区，未做任何改动"},
    {Msg::unknown_example, "no example called \"{}\" (examples: {})", "没有名为“{}”的示例（可用示例：{}）"},
    {Msg::workspace_created, "Created the workspace {}", "已创建工作区 {}"},
    {Msg::database_newer, "{} was written by a newer kangle (schema {}, this kangle knows up to {}); upgrade kangle — the database was not touched",
     "{} 由更新版本的 kangle 写入（数据库版本 {}，本程序最高支持 {}）；请升级 kangle，数据库未被改动"},
    {Msg::database_open_failed, "cannot open the database {}: {}", "无法打开数据库 {}：{}"},
    {Msg::database_busy, "the workspace is busy: another kangle command is writing to it; try again in a moment",
     "工作区正忙：另一个 kangle 命令正在写入，请稍后再试"},
    {Msg::database_migration_failed, "cannot upgrade the database {} to schema {}: {}", "无法将数据库 {} 升级到版本 {}：{}"},
    {Msg::database_missing, "no database yet; the first command that writes creates it", "尚无数据库；第一个写入的命令会创建它"},
    {Msg::database_integrity, "integrity check: {}", "完整性检查：{}"},
    {Msg::database_foreign_key, "table {} row {} refers to a missing row of {}", "表 {} 第 {} 行引用了 {} 中不存在的记录"},
    {Msg::toml_syntax, "syntax error: {}", "语法错误：{}"},
    {Msg::toml_missing_key, "missing key \"{}\"", "缺少键“{}”"},
    {Msg::toml_wrong_type, "\"{}\" must be {}", "“{}”应为{}"},
    {Msg::toml_unknown_key, "unknown key \"{}\"", "未知的键“{}”"},
    {Msg::toml_unknown_key_suggest, "unknown key \"{}\" (did you mean \"{}\"?)", "未知的键“{}”（是否想写“{}”？）"},
    {Msg::toml_not_positive, "\"{}\" must be a whole number of at least {}", "“{}”应为不小于 {} 的整数"},
    {Msg::toml_bad_date, "\"{}\" is not a date that exists (write YYYY-MM-DD)", "“{}”不是存在的日期（格式为 YYYY-MM-DD）"},
    {Msg::toml_bad_id, "\"{}\" is not a valid id (lower-case letters, digits and -)", "“{}”不是有效的标识（只能用小写字母、数字和 -）"},
    {Msg::type_string, "text in quotes", "带引号的文本"},
    {Msg::type_integer, "a whole number", "整数"},
    {Msg::type_number, "a number", "数字"},
    {Msg::type_boolean, "true or false", "true 或 false"},
    {Msg::type_date, "a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"},
    {Msg::type_table, "a table", "表"},
    {Msg::type_array, "a list [ ... ]", "列表 [ ... ]"},
    {Msg::type_string_list, "text or a list of texts", "文本或文本列表"},
    {Msg::bad_language, "unknown language \"{}\" (zh-CN or en)", "未知语言“{}”（可选 zh-CN 或 en）"},
    {Msg::bad_time_range, "\"{}\" is not a time range (write HH:MM-HH:MM)", "“{}”不是时间段（格式为 HH:MM-HH:MM）"},
    {Msg::time_range_reversed, "\"{}\" ends before it starts", "“{}”的结束时间早于开始时间"},
    {Msg::bad_weekday, "\"{}\" is not a weekday (mon … sun, 周一 … 周日)", "“{}”不是星期几（mon … sun，周一 … 周日）"},
    {Msg::bad_hours_key, "\"{}\" is not a weekday or a range of weekdays (mon, mon-fri)", "“{}”不是星期几或星期范围（如 mon、mon-fri）"},
    {Msg::hours_overlap, "opening hours {} overlap {} (line {}) on {}", "营业时间 {} 与 {}（第 {} 行）在{}重叠"},
    {Msg::bad_rhythm, "cannot read the rhythm \"{}\" (e.g. \"thu\", \"2nd sat\", \"last fri\", \"every 2 weeks from 2026-12-03\", \"day 15\")",
     "无法识别的周期“{}”（例如 \"thu\"、\"2nd sat\"、\"last fri\"、\"every 2 weeks from 2026-12-03\"、\"day 15\"）"},
    {Msg::daily_needs_weekday, "a daily entry happens on weekdays, not \"{}\"", "“天天见”条目应写星期几，而不是“{}”"},
    {Msg::entry_needs_services, "the entry needs \"services\" or \"seats\"", "该条目需要“services”或“seats”"},
    {Msg::entry_no_hours, "\"{}\": the kiosk has no opening hours on {}; give a \"time\"", "“{}”：该服务点在 {} 没有营业时间，请写明“time”"},
    {Msg::bad_month, "a month must be a whole number from 1 to 12", "月份应为 1 到 12 的整数"},
    {Msg::dates_reversed, "the end date is before the start date", "结束日期早于开始日期"},
    {Msg::bad_fee, "\"fee\" must be \"free\", \"materials\" or {{ fixed = AMOUNT }}", "“fee”应为 \"free\"、\"materials\" 或 {{ fixed = 金额 }}"},
    {Msg::bad_latitude, "latitude must be between -90 and 90", "纬度应在 -90 到 90 之间"},
    {Msg::bad_longitude, "longitude must be between -180 and 180", "经度应在 -180 到 180 之间"},
    {Msg::unknown_reference, "unknown {} \"{}\"", "未知的{}“{}”"},
    {Msg::unknown_reference_suggest, "unknown {} \"{}\" (did you mean \"{}\"?)", "未知的{}“{}”（是否想写“{}”？）"},
    {Msg::duplicate_alias, "alias \"{}\" belongs to both skill \"{}\" and skill \"{}\"", "别名“{}”同时属于技能“{}”和“{}”"},
    {Msg::workday_not_weekend, "make-up workday {} is not a Saturday or Sunday", "调休上班日 {} 不是周六或周日"},
    {Msg::workday_in_holiday, "make-up workday {} falls inside the holiday {}", "调休上班日 {} 落在假期“{}”之内"},
    {Msg::no_kiosks, "no kiosks: add a file kiosks/NAME.toml", "没有服务点：请添加 kiosks/名称.toml"},
    {Msg::config_has_errors, "{} (run `kangle check` to see every problem)", "{}（运行 `kangle check` 查看全部问题）"},
    {Msg::ref_category, "category", "类别"},
    {Msg::ref_skill, "skill", "技能"},
    {Msg::ref_service, "service", "服务项目"},
    {Msg::check_clean, "{}: no problems found", "{}：未发现问题"},
    {Msg::check_summary, "{} error(s), {} warning(s)", "{} 个错误，{} 个警告"},
    {Msg::warning_prefix, "warning: ", "警告："},
    {Msg::unknown_command, "unknown command \"{}\"; see `kangle --help`", "未知命令“{}”，请查看 `kangle --help`"},
    {Msg::unknown_command_suggest, "unknown command \"{}\" (did you mean \"{}\"?)", "未知命令“{}”（是否想用“{}”？）"},
    {Msg::plugin_failed, "cannot run {}: {}", "无法运行 {}：{}"},
    {Msg::xlsx_place_sheet, "{}, sheet \"{}\"", "{} 工作表“{}”"},
    {Msg::xlsx_place_row, "{}, sheet \"{}\", row {}", "{} 工作表“{}”第 {} 行"},
    {Msg::xlsx_place_cell, "{}, sheet \"{}\", cell {}", "{} 工作表“{}”单元格 {}"},
    {Msg::xlsx_old_xls, "{}: this is an old .xls file or a password-protected workbook; open it in Excel or WPS and save it as .xlsx (without a password)",
     "{}：这是旧版 .xls 文件或设了密码的工作簿；请用 Excel 或 WPS 打开，另存为 .xlsx 格式（不设密码）"},
    {Msg::xlsx_not_zip, "{}: not an .xlsx file (it is not a zip archive); if it is a spreadsheet, save it as .xlsx in Excel or WPS",
     "{}：不是 .xlsx 文件（不是 zip 压缩包）；如果是表格，请用 Excel 或 WPS 另存为 .xlsx"},
    {Msg::xlsx_damaged, "{}: the file is damaged or incomplete ({}); download or copy it again",
     "{}：文件已损坏或不完整（{}）；请重新下载或复制"},
    {Msg::xlsx_no_workbook, "{}: not an .xlsx workbook (no xl/workbook.xml inside)", "{}：不是 .xlsx 工作簿（其中没有 xl/workbook.xml）"},
    {Msg::xlsx_missing_part, "{}: the workbook refers to {}, which is not in the file", "{}：工作簿引用的 {} 不在文件中"},
    {Msg::xlsx_bad_part_name, "{}: refused the part name \"{}\" (it points outside the workbook)", "{}：已拒绝部件名“{}”（它指向工作簿之外）"},
    {Msg::xlsx_too_large, "{}: {} unpacks to more than {} bytes; refused as a possible zip bomb", "{}：{} 解压后超过 {} 字节，疑似压缩炸弹，已拒绝"},
    {Msg::xlsx_ratio, "{}: {} is compressed more than {}:1; refused as a possible zip bomb", "{}：{} 的压缩比超过 {}:1，疑似压缩炸弹，已拒绝"},
    {Msg::xlsx_doctype, "{}: {} contains a DOCTYPE declaration, which spreadsheets never need; refused for safety",
     "{}：{} 含有 DOCTYPE 声明（正常的表格不会有），出于安全考虑已拒绝"},
    {Msg::xlsx_bad_xml, "{}: {} is malformed (line {}: {})", "{}：{} 格式错误（第 {} 行：{}）"},
    {Msg::xlsx_no_such_sheet, "{}: there is no sheet number {} (the workbook has {})", "{}：没有第 {} 个工作表（工作簿共有 {} 个）"},
    {Msg::xlsx_cell_too_long, "{}: the text is longer than Excel allows (32767 characters)", "{}：文本超过 Excel 允许的长度（32767 个字符）"},
    {Msg::xlsx_bad_reference, "{}: \"{}\" is not a cell reference", "{}：“{}”不是有效的单元格引用"},
    {Msg::xlsx_bad_number, "{}: \"{}\" is not a number", "{}：“{}”不是数字"},
    {Msg::xlsx_bad_shared_string, "{}: refers to shared string {}, which does not exist", "{}：引用的共享字符串 {} 不存在"},
    {Msg::xlsx_rows_out_of_order, "{}: row {} comes after row {}", "{}：第 {} 行出现在第 {} 行之后"},
    {Msg::xlsx_merges_too_large, "{}: merged cells cover more than {} cells; refused", "{}：合并单元格覆盖超过 {} 个单元格，已拒绝"},
    {Msg::status_workspace, "Workspace: {} ({})", "工作区：{}（{}）"},
    {Msg::status_language, "Language: {}", "语言：{}"},
    {Msg::status_database, "Database: {} (schema {})", "数据库：{}（版本 {}）"},
    {Msg::status_database_none, "Database: not created yet", "数据库：尚未创建"},
    {Msg::status_catalogue, "Catalogue: {1} services in {0} categories, {2} skills", "服务目录：{} 类 {} 项服务，{} 种技能"},
    {Msg::status_holidays, "Holidays: {} holidays, {} make-up workdays ({})", "节假日：{} 个假期，{} 个调休上班日（{}）"},
    {Msg::status_kiosks, "Kiosks: {}", "服务点：{} 个"},
    {Msg::status_hours, "Hours", "开放时间"},
    {Msg::status_equipment, "Equipment", "设备"},
    {Msg::status_daily, "Daily", "天天见"},
    {Msg::status_weekly, "Weekly", "周周办"},
    {Msg::status_monthly, "Monthly", "月月新"},
    {Msg::status_outreach, "Outreach", "送服务上门"},
    {Msg::status_closure, "Closed", "闭馆"},
    {Msg::status_no_hours, "closed", "不开放"},
    {Msg::rhythm_nth, "{0}{2} {1} of the month", "每月第{0}个{1}"},
    {Msg::rhythm_last, "last {} of the month", "每月最后一个{}"},
    {Msg::rhythm_every_weeks, "every {0} weeks from {1}", "自 {1} 起每 {0} 周"},
    {Msg::rhythm_day, "day {} of the month", "每月{}日"},
    {Msg::rhythm_list_separator, ", ", "、"},
    {Msg::colon, ": ", "："},
    {Msg::csv_bad_encoding, "{}:{}: the text is not valid {}; give the file's encoding with --encoding (utf-8, gbk, gb18030)",
     "{}:{}：文本不是有效的 {} 编码；请用 --encoding 指定文件编码（utf-8、gbk、gb18030）"},
    {Msg::csv_record_too_long, "{}:{}: a row longer than 16 MB: not a spreadsheet export", "{}:{}：某一行超过 16 MB，不像是表格导出的文件"},
    {Msg::import_no_header, "{}: no header row found in the first {} rows (expected columns such as {}); use --map \"header=field\" or --sheet", "{}：前 {} 行中找不到表头（应有 {} 等列）；可用 --map \"表头=字段\" 或 --sheet 指定"},
    {Msg::import_no_sheet, "{} has no sheet called \"{}\" (sheets: {})", "{} 中没有名为“{}”的工作表（现有工作表：{}）"},
    {Msg::import_no_name, "no name", "没有姓名"},
    {Msg::import_bad_phone, "phone \"{}\" is not an 11-digit mobile number", "手机号“{}”不是 11 位手机号码"},
    {Msg::import_bad_id_number, "ID number \"{}\" is not 18 characters (or 15 digits)", "身份证号“{}”不是 18 位（或 15 位数字）"},
    {Msg::import_no_phone, "no phone and no ID number: this person cannot be told apart from others", "没有手机号也没有身份证号，无法区分此人"},
    {Msg::import_bad_limit, "cannot read the monthly limit \"{}\"; the workspace default applies", "无法识别每月最多班次“{}”，按工作区默认值处理"},
    {Msg::import_bad_availability, "cannot read the availability \"{}\" (e.g. 周一上午、周三下午、周末、工作日、每天); imported without it", "无法识别可服务时间“{}”（例如 周一上午、周三下午、周末、工作日、每天），已导入但未登记服务时间"},
    {Msg::import_bad_date, "cannot read the date \"{}\"", "无法识别日期“{}”"},
    {Msg::import_unknown_skill, "unknown skill \"{}\"", "未知技能“{}”"},
    {Msg::import_unknown_skill_suggest, "unknown skill \"{}\" (did you mean \"{}\"?)", "未知技能“{}”（是否想写“{}”？）"},
    {Msg::import_change, "{}: {} → {}", "{}：{} → {}"},
    {Msg::import_more_availability, "availability + {}", "可服务时间 + {}"},
    {Msg::import_new_skill, "skill + {}", "技能 + {}"},
    {Msg::import_new_certificate, "certificate of {} valid to {}", "{} 证书有效期至 {}"},
    {Msg::import_merged, "the same person as row {}: {}", "与第 {} 行是同一人：{}"},
    {Msg::import_updated, "already known: {}", "已登记的志愿者：{}"},
    {Msg::import_reason_column, "reason", "原因"},
    {Msg::import_bad_map, "--map \"{}\": write header=field", "--map \"{}\"：应写成 表头=字段"},
    {Msg::import_unknown_field, "unknown field \"{}\" (fields: {})", "未知字段“{}”（可用字段：{}）"},
    {Msg::import_label_rejected, "rejected: ", "拒收："},
    {Msg::import_label_doubtful, "doubtful: ", "存疑："},
    {Msg::import_label_merged, "merged: ", "合并："},
    {Msg::import_label_updated, "updated: ", "更新："},
    {Msg::import_already, "{} was already imported at {}; nothing changed", "{} 已于 {} 导入过，未做任何改动"},
    {Msg::import_heading, "{} (sheet \"{}\", header on row {})", "{}（工作表“{}”，表头在第 {} 行）"},
    {Msg::import_counts, "{} added, {} updated, {} merged, {} unchanged, {} rejected", "新增 {} 人，更新 {} 人，合并 {} 行，未变 {} 人，拒收 {} 行"},
    {Msg::import_skipped, "skipped: {} blank row(s), {} total row(s)", "已跳过：空行 {} 行，合计行 {} 行"},
    {Msg::import_ignored_columns, "columns not imported: {}", "未导入的列：{}"},
    {Msg::import_column_header, " ({})", "（{}）"},
    {Msg::import_rejects_written, "Rejected rows, with the reason, are in {}", "被拒收的行及原因已写入 {}"},
    {Msg::import_dry_run, "(dry run: nothing was written)", "（试运行，未写入任何内容）"},
    {Msg::import_bad_encoding, "unknown encoding \"{}\" (utf-8, gbk, gb18030, utf-16le)", "未知编码“{}”（可用 utf-8、gbk、gb18030、utf-16le）"},
    {Msg::word_yes, "yes", "是"},
    {Msg::word_no, "no", "否"},
    {Msg::volunteers_count, "{} volunteer(s)", "共 {} 名志愿者"},
    {Msg::volunteer_not_found, "no volunteer called or with the phone \"{}\"", "找不到姓名或手机号为“{}”的志愿者"},
    {Msg::field_name, "Name", "姓名"},
    {Msg::field_phone, "Phone", "手机"},
    {Msg::field_id_number, "ID number", "身份证号"},
    {Msg::field_political_status, "Political status", "政治面貌"},
    {Msg::field_party_member, "Party member", "党员"},
    {Msg::field_unit, "Unit", "单位"},
    {Msg::field_community, "Community", "居民区"},
    {Msg::field_skills, "Skills", "技能"},
    {Msg::field_availability, "Availability", "可服务时间"},
    {Msg::field_monthly_limit, "Monthly limit", "每月最多班次"},
    {Msg::field_note, "Note", "备注"},
    {Msg::import_heading_csv, "{} (header on line {})", "{}（表头在第 {} 行）"},
    {Msg::availability_every_day, "every day", "每天"},
    {Msg::availability_workdays, "Mon-Fri", "工作日"},
    {Msg::availability_weekend, "weekends", "周末"},
    {Msg::database_full, "the disk is full: nothing was written; free some space and run the command again",
     "磁盘已满，未写入任何内容；请清理磁盘空间后重新运行"},
    {Msg::database_read_only, "the workspace cannot be written ({}): check the folder's permissions; nothing was written",
     "无法写入工作区（{}）：请检查文件夹权限；未写入任何内容"},
}};

std::atomic<Lang> current_language{Lang::zh_CN};

}  // namespace

std::optional<Lang> parse_lang(std::string_view text) {
  auto base = text.substr(0, text.find('.'));  // zh_CN.UTF-8
  if (base == "zh-CN" || base == "zh" || base == "zh_CN" || base == "zh-Hans" || base == "zh_SG") return Lang::zh_CN;
  if (base == "en" || base.starts_with("en-") || base.starts_with("en_") || base == "C" || base == "POSIX") return Lang::en;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::zh_CN ? "zh-CN" : "en"; }

void set_language(Lang lang) { current_language = lang; }
Lang language() { return current_language; }

std::string_view message_text(Msg id, Lang lang) {
  const auto& entry = catalogue[static_cast<std::size_t>(id)];
  return lang == Lang::zh_CN ? entry.zh : entry.en;
}

/// For the unit test: the catalogue's own idea of each line's id.
Msg catalogue_id(std::size_t index) { return catalogue[index].id; }

}  // namespace kangle
