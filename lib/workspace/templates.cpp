// SPDX-License-Identifier: Apache-2.0
#include "workspace/templates.hpp"

#include <fmt/format.h>

#include "present/emit.hpp"

namespace kangle::workspace {
namespace {

/// One column of a template: its header (one of the import's aliases in config/columns.toml),
/// how to fill it and an example, in both languages.
struct TemplateColumn {
  const char* header_zh;
  const char* header_en;
  const char* how_zh;
  const char* how_en;
  const char* example;
};

const TemplateColumn station_columns[] = {
    {"站点名称", "station", "必填。同一站点占多行时，后面的行可留空", "Required. A station over several rows may leave it blank below its first",
     "梧桐·SPACE"},
    {"编号", "id", "可空：由名称生成，也是 kiosks/ 下的文件名", "May be blank: made of the name; also its file name in kiosks/", "wutong"},
    {"简称", "short name", "可空：轮值表上的名字", "May be blank: its name on the rota", "梧桐"},
    {"地址", "address", "可空", "May be blank", "长乐路989号"},
    {"开放时间", "opening hours", "星期和时间段；多段用、隔开，不同日子用；隔开", "Days and times; several ranges with 、, other days after ；",
     "周一至周五 9:00-11:30、13:30-16:00；周六 9:00-11:00"},
    {"星期", "day", "可空：默认每个开放日；每周、每月的活动写日子", "May be blank: every open day; a weekly or monthly event's day",
     "每周四"},
    {"时间", "time", "可空：默认开放时间", "May be blank: the opening hours", "14:00-16:00"},
    {"服务项目", "services", "一个或几个，用、隔开；目录里没有的会新增", "One or more, with 、; those the catalogue lacks are added",
     "理发、测血压"},
    {"每日限额", "daily cap", "可空：每天最多服务多少人", "May be blank: how many people a day at most", "20"},
};

const TemplateColumn signup_columns[] = {
    {"姓名", "name", "必填", "Required", "王芳"},
    {"联系电话", "phone", "必填：11 位手机号；填成文本，免得 Excel 改掉", "Required: an 11-digit mobile, as text so that Excel keeps it",
     "13812345678"},
    {"特长技能", "skills", "一个或几个，用、隔开", "One or more, with 、", "理发、测血压"},
    {"可服务时间", "availability", "如 周一上午、周三下午、周末、工作日、每天，或 周一至周五 9:00-11:30",
     "周一上午 (Monday mornings), 周末 (weekends), 工作日 (weekdays), or 周一至周五 9:00-11:30", "周二上午、周四下午"},
    {"每月最多班次", "monthly limit", "可空：默认见 kangle.toml", "May be blank: kangle.toml's default", "4"},
    {"所在单位", "unit", "可空：共建单位的志愿者填单位名称", "May be blank: a co-building unit's volunteers name it", "湖南路社区卫生服务中心"},
    {"健康证有效期", "certificate expires", "可空：需要健康证的技能填", "May be blank: for the skills that need a certificate", "2027-06-30"},
    {"备注", "note", "可空", "May be blank", ""},
};

/// The template: a note above the headers, with no rows (the coordinator's rows go under
/// them), then how to fill each column.
template <std::size_t N>
present::Document template_document(Lang lang, const char* title_zh, const char* title_en, const std::string& note,
                                    const TemplateColumn (&columns)[N]) {
  bool zh = lang == Lang::zh_CN;
  present::Document document(lang);
  document.kind = "template";
  document.title = zh ? title_zh : title_en;

  present::Section sheet;
  sheet.id = "template";
  sheet.title = document.title;
  sheet.lines.push_back(note);
  present::Table headers;
  headers.id = "template";
  for (std::size_t i = 0; i < N; ++i) headers.columns.push_back({fmt::format("c{}", i), zh ? columns[i].header_zh : columns[i].header_en});
  sheet.tables.push_back(std::move(headers));
  document.sections.push_back(std::move(sheet));

  present::Section help;
  help.id = "how";
  help.title = zh ? "填写说明" : "How to fill it in";
  present::Table how;
  how.id = "how";
  how.columns = {{"column", zh ? "列" : "Column"}, {"how", zh ? "怎么填" : "How"}, {"example", zh ? "示例" : "Example"}};
  for (const auto& c : columns) {
    how.rows.push_back({present::Value::text(zh ? c.header_zh : c.header_en), present::Value::text(zh ? c.how_zh : c.how_en),
                        present::Value::text(c.example)});
  }
  help.tables.push_back(std::move(how));
  document.sections.push_back(std::move(help));
  return document;
}

}  // namespace

present::Document stations_template(Lang lang) {
  auto note = lang == Lang::zh_CN
                  ? fmt::format("每个站点一行；同一站点每周、每月的活动各占一行。填好后运行 kangle import kiosks {}",
                                stations_template_file)
                  : fmt::format("A station a row; a station's weekly and monthly events a row each. Then run: kangle import kiosks {}",
                                stations_template_file);
  return template_document(lang, "站点表", "Stations", note, station_columns);
}

present::Document signups_template(Lang lang) {
  auto note = lang == Lang::zh_CN
                  ? fmt::format("每位志愿者一行。填好后运行 kangle import volunteers {}", signups_template_file)
                  : fmt::format("A volunteer a row. Then run: kangle import volunteers {}", signups_template_file);
  return template_document(lang, "志愿者报名表", "Volunteer sign-ups", note, signup_columns);
}

std::vector<std::string> write_templates(const std::filesystem::path& dir, Lang lang) {
  const std::pair<const char*, present::Document> templates[] = {{stations_template_file, stations_template(lang)},
                                                                 {signups_template_file, signups_template(lang)}};
  std::vector<std::string> names;
  for (const auto& [name, document] : templates) {
    present::write(document, {present::Format::xlsx, (dir / name).string(), present::Encoding::utf8});
    names.push_back(name);
  }
  return names;
}

}  // namespace kangle::workspace
