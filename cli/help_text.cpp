// SPDX-License-Identifier: Apache-2.0
// Help and the parser's errors in the user's language: the Chinese of every text the
// command files give CLI11, a formatter that shows them, parse errors as kangle says them.
#include "help_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "core/text.hpp"
#include "describe.hpp"

namespace kangle::cli {
namespace {

/// The Chinese of each help text, keyed by its English as cli/ writes it. A key ending
/// in {} is a prefix: what follows it (a list of formats, a value) is kept as it is.
const std::map<std::string_view, std::string_view>& catalogue() {
  static const std::map<std::string_view, std::string_view> table = {
    {"Print this help message and exit",
     "显示本帮助并退出"},
    {"Display program version information and exit",
     "显示版本信息并退出"},
    {"kangle (康乐): the back office of neighbourhood service kiosks",
     "kangle（康乐）：便民服务站点的后台台账"},
    {"Workspace folder (default: found from the current folder, or KANGLE_WORKSPACE)",
     "工作区文件夹（默认：从当前文件夹向上查找，或取 KANGLE_WORKSPACE）"},
    {"The workspace's database: a postgresql:// URL or a SQLite file (default: KANGLE_DB, else kangle.toml's [database] url, else kangle.db)",
     "工作区的数据库：postgresql:// 地址或 SQLite 文件（默认：KANGLE_DB，其次 kangle.toml 的 [database] url，再次 kangle.db）"},
    {"The workspace's database: copy it into another (SQLite, PostgreSQL)",
     "工作区的数据库：复制到另一个数据库（SQLite、PostgreSQL）"},
    {"Copy the workspace's database into a new or empty one (SQLite to PostgreSQL, or back), then check the copy",
     "把工作区的数据库复制到一个新的或空的数据库（SQLite 到 PostgreSQL，或反过来），并核对副本"},
    {"The database to copy into: a postgresql:// URL or a SQLite file",
     "复制到的数据库：postgresql:// 地址或 SQLite 文件"},
    {"Language of messages and outputs: zh-CN or en (or KANGLE_LANG)",
     "提示和输出的语言：zh-CN 或 en（也可用 KANGLE_LANG）"},
    {"Colour in error messages: auto (on a terminal, unless NO_COLOR), always, never",
     "错误提示是否着色：auto（在终端上着色，设了 NO_COLOR 则不着色）、always、never"},
    {"expected zh-CN or en",
     "应为 zh-CN 或 en"},
    {"Make a workspace (optionally from a bundled example)",
     "新建工作区（可从自带示例开始）"},
    {"Folder to make the workspace in (default: the current folder)",
     "在哪个文件夹新建工作区（默认：当前文件夹）"},
    {"Output format: {}",
     "输出格式：{}"},
    {"Start from a bundled example: kangjian",
     "从自带示例开始：kangjian"},
    {"Check every config file and the database; list every problem",
     "检查所有配置文件和数据库，列出每一个问题"},
    {"The file to write (default: standard output)",
     "写入的文件（默认：标准输出）"},
    {"CSV's character encoding: utf-8, or gb18030 for old WPS and Excel",
     "CSV 的字符编码：utf-8，旧版 WPS 和 Excel 用 gb18030"},
    {"Show what the workspace holds: kiosks, menus, catalogue, holidays",
     "查看工作区概况：站点、服务菜单、服务项目目录、节假日"},
    {"Import a spreadsheet (xlsx, csv) of stations, volunteers, needs, resources or service records",
     "导入表格（xlsx、csv）：站点表、志愿者、需求清单、资源清单或服务记录"},
    {"Import the stations table (站点表) into kiosk files",
     "导入站点表，写成各站点的配置文件（kiosks/）"},
    {"Show what would be written; write nothing",
     "只显示将写入的内容，不写任何文件"},
    {"Also write the stations table and the sign-up sheet to fill in (站点表.xlsx, 报名表.xlsx)",
     "同时写出待填写的站点表和志愿者报名表（站点表.xlsx、报名表.xlsx）"},
    {"Add a kiosk (站点) from options, without writing its file by hand",
     "添加一个站点：用选项填写，不必手写配置文件"},
    {"Add a kiosk: writes kiosks/<id>.toml, read as a row of the stations table is",
     "添加站点：写入 kiosks/<编号>.toml，各项按站点表的一行来读"},
    {"The kiosk's name, e.g. 梧桐·SPACE",
     "站点名称，如 梧桐·SPACE"},
    {"Its id and file name (default: made of the name)",
     "编号，也是文件名（默认：由名称生成）"},
    {"A short name for the rota",
     "简称，用于轮值表"},
    {"Its English name",
     "英文名称"},
    {"Its address",
     "地址"},
    {"Opening hours, e.g. \"周一至周五 9:00-11:30、13:30-16:00；周六 9:00-11:00\"",
     "开放时间，如 \"周一至周五 9:00-11:30、13:30-16:00；周六 9:00-11:00\""},
    {"Its services, e.g. \"理发、测血压\" (new ones go into services.toml)",
     "服务项目，如 \"理发、测血压\"（目录里没有的写入 services.toml）"},
    {"The days of those services, e.g. 每周四 (default: every open day)",
     "这些服务在哪天，如 每周四（默认：每个开放日）"},
    {"Their time, e.g. 9:00-11:00 (default: the opening hours)",
     "服务时间，如 9:00-11:00（默认：开放时间）"},
    {"Add a service (服务项目) to the catalogue, without writing services.toml by hand",
     "添加一个服务项目到目录，不必手写 services.toml"},
    {"Add a service to services.toml, the rest of the file as it was",
     "在 services.toml 中添加服务项目，文件其余内容不变"},
    {"The service's name, e.g. 修伞",
     "服务项目名称，如 修伞"},
    {"Its id (default: made of the name)",
     "编号（默认：由名称生成）"},
    {"The skill it needs, e.g. 缝纫 (default: the one its name says, else a new one)",
     "所需技能，如 缝纫（默认：名称中提到的技能，否则新建一个）"},
    {"Its category, e.g. 维修服务 (default: that of its skill's services)",
     "服务类别，如 维修服务（默认：同技能服务项目的类别）"},
    {"How many people it serves a day at most",
     "每天最多服务多少人"},
    {"Overwrite kiosk files edited by hand since the import wrote them",
     "覆盖导入后被手工改过的站点文件"},
    {"A header and the field it holds, e.g. \"站名=kiosk\" (repeatable)",
     "表头及其对应的字段，例如 \"站名=kiosk\"（可重复）"},
    {"Import volunteer sign-ups (报名表)",
     "导入志愿者报名表"},
    {"The spreadsheet: .xlsx, .csv or .txt",
     "表格文件：.xlsx、.csv 或 .txt"},
    {"The sheet to read (default: the first with a recognisable header)",
     "读取哪个工作表（默认：第一个表头能识别的工作表）"},
    {"Show what would happen; change nothing",
     "只预览结果，不做任何改动"},
    {"A header and the field it holds, e.g. \"联系方式=phone\" (repeatable)",
     "表头及其对应的字段，如 \"联系方式=phone\"（可重复）"},
    {"The text encoding of a CSV file: utf-8, gbk, gb18030",
     "CSV 文件的文本编码：utf-8、gbk、gb18030"},
    {"Where to write rejected rows (default: FILE.rejects.csv)",
     "未导入的行写到哪里（默认：文件名.rejects.csv）"},
    {"No progress line, even on a terminal",
     "不显示进度行（在终端上也不显示）"},
    {"Import a needs list (需求清单), micro-wishes (微心愿) too",
     "导入需求清单（含微心愿）"},
    {"Import a resources list (资源清单) of units and volunteers",
     "导入单位和志愿者的资源清单"},
    {"Import service records (服务记录) kept in a spreadsheet",
     "导入表格中的服务记录"},
    {"List and show the volunteers",
     "列出、查看志愿者"},
    {"List the volunteers, by name",
     "按姓名列出志愿者"},
    {"Only those with this skill (an id of services.toml)",
     "只看有此技能的人（services.toml 中的编号）"},
    {"Only those whose unit's name contains this",
     "只看单位名称含此文字的人"},
    {"Show phone and ID numbers in full (they are masked by default)",
     "完整显示电话和证件号（默认打码）"},
    {"Show one volunteer, found by name or phone number",
     "按姓名或电话查看一位志愿者"},
    {"A name or a phone number",
     "姓名或电话"},
    {"Correct a volunteer's details by hand; each change is kept with who made it",
     "手工更正志愿者信息；每次修改都记录修改人"},
    {"The new name (a rename on purpose)",
     "新姓名（有意改名）"},
    {"The new mobile number",
     "新手机号"},
    {"When they can serve, replacing what was stored (周二上午、周四)",
     "可服务时间，替换原有记录（如 周二上午、周四）"},
    {"At most this many seats a month (0: the workspace's default)",
     "每月最多排班次数（0：用工作区的默认值）"},
    {"Their skills, replacing what was stored (护士、测血压)",
     "技能，替换原有记录（如 护士、测血压）"},
    {"The day the renewed certificate expires (YYYY-MM-DD): valid until the day before",
     "续期证书的到期日（YYYY-MM-DD）：有效至前一天"},
    {"Who makes the change (default: the login name)",
     "修改人（默认：登录名）"},
    {"Record days a volunteer cannot serve (the rota keeps them free); alone, list them",
     "登记志愿者不能服务的日子（排班会避开）；不带选项时列出已登记的"},
    {"The first day away (YYYY-MM-DD)",
     "请假第一天（YYYY-MM-DD）"},
    {"The last day away (default: until further notice)",
     "请假最后一天（默认：另行通知前一直请假）"},
    {"Why, for the record",
     "原因，记入台账"},
    {"Take back the absence with this number (see the list)",
     "撤销此编号的请假（编号见列表）"},
    {"Who takes it back (default: the login name)",
     "撤销人（默认：登录名）"},
    {"Erase a volunteer's personal data on request (PIPL); what they did stays, by number",
     "应本人要求删除志愿者的个人信息（个人信息保护法）；服务记录以编号保留"},
    {"Erase: it cannot be undone",
     "确认删除：无法撤销"},
    {"List the needs and resources (需求清单, 资源清单) that matching pairs up",
     "列出供需对接的需求清单和资源清单"},
    {"Add a need or a resource by hand",
     "手工添加一条需求或资源"},
    {"Add a need (a micro-wish too) to the needs list",
     "在需求清单中添加一条需求（含微心愿）"},
    {"Who asks: a resident, household, compound or community",
     "提出需求的是：居民、家庭、小区或社区"},
    {"The category (an id, a name, or a service's name)",
     "类别（编号、名称或服务项目名称）"},
    {"What is asked or offered",
     "需求或资源的内容"},
    {"resident, household, compound or community",
     "居民、家庭、小区或社区"},
    {"Its number in the list (编号)",
     "在清单中的编号"},
    {"A service asked for (an id or a name; repeatable)",
     "需要的服务项目（编号或名称；可重复）"},
    {"A mobile or landline number (64001234, 021-64001234)",
     "手机或固定电话（如 64001234、021-64001234）"},
    {"The address",
     "地址"},
    {"Latitude (WGS-84)",
     "纬度（WGS-84）"},
    {"Longitude (WGS-84)",
     "经度（WGS-84）"},
    {"A note",
     "备注"},
    {"The residential compound (小区)",
     "所在小区"},
    {"How many people it serves",
     "受益人数"},
    {"By when (YYYY-MM-DD)",
     "截止日期（YYYY-MM-DD）"},
    {"The vulnerable group: 孤老, 独居老人, 残疾, 低保, 困难家庭 …",
     "困难群体类别：孤老、独居老人、残疾、低保、困难家庭…"},
    {"A micro-wish's value, e.g. 150元",
     "微心愿的价值，如 150元"},
    {"How many resources it asks for (from different donors)",
     "需要几份资源（来自不同的捐赠方）"},
    {"A micro-wish (微心愿) of one vulnerable resident",
     "一位困难居民的微心愿"},
    {"Add a resource to the resources list",
     "在资源清单中添加一条资源"},
    {"Who offers: a unit or a volunteer",
     "提供方：单位或志愿者"},
    {"unit or volunteer",
     "单位或志愿者"},
    {"A service offered (an id or a name; repeatable)",
     "提供的服务项目（编号或名称；可重复）"},
    {"A mobile number",
     "手机号"},
    {"The unit (a volunteer's employer)",
     "单位（志愿者的工作单位）"},
    {"The contact person",
     "联系人"},
    {"How far it reaches: 500米, 1.5公里, 0 (its own place only), 全街道",
     "服务范围：500米、1.5公里、0（仅限本单位所在地）、全街道"},
    {"How many needs it can take in each period",
     "每个周期可承接几条需求"},
    {"When it serves: 2026Q4, 2026-12, 每周二, 每月, 长期, 2026-12-01至2027-02-28",
     "服务时间：2026Q4、2026-12、每周二、每月、长期、2026-12-01至2027-02-28"},
    {"Its cost: 免费, 50元",
     "费用：免费、50元"},
    {"Change a need's or a resource's details by its code",
     "按编号修改需求或资源的信息"},
    {"Change a need's details, found by its code or number",
     "按编码或编号修改需求的信息"},
    {"Its code (编号, e.g. XQ-003) or number",
     "编码（如 XQ-003）或编号"},
    {"Change a resource's details, found by its code or number",
     "按编码或编号修改资源的信息"},
    {"List the needs, the resources or the projects",
     "列出需求清单、资源清单或项目清单"},
    {"needs, resources or projects",
     "needs（需求）、resources（资源）或 projects（项目）"},
    {"Needs: open, matched, done, cancelled, closed; projects: proposed, claimed, in_progress, done, reviewed, declined, unmatched, cancelled",
     "需求状态：open、matched、done、cancelled、closed；项目状态：proposed、claimed、in_progress、done、reviewed、declined、unmatched、cancelled"},
    {"Resources and projects: those whose unit's or provider's name contains this",
     "资源和项目：只看单位或提供方名称含此文字的"},
    {"Only this category (an id, a name, or a service's name)",
     "只看此类别（编号、名称或服务项目名称）"},
    {"Projects only: those claimed past their need's deadline",
     "仅限项目：领办后已过需求截止日期的"},
    {"Match all open needs to resources at once, optimally; propose projects",
     "一次性把所有待对接的需求与资源做最优匹配，提出项目"},
    {"Show the proposals; write nothing",
     "只显示提议，不写入"},
    {"Who enters it, for the record (default: the login name)",
     "录入人，记入台账（默认：登录名）"},
    {"Needs that cannot be matched and why; categories short of resources",
     "无法对接的需求及原因；资源不足的类别"},
    {"A unit takes on a proposed project (领办)",
     "单位领办一个提议的项目"},
    {"The project's number",
     "项目编号"},
    {"Work on a claimed project has begun",
     "已领办的项目开始实施"},
    {"A project is done: what was delivered, when, to how many",
     "项目完成：做了什么、何时完成、服务多少人"},
    {"What was delivered",
     "完成的内容"},
    {"The day it was done (default: today)",
     "完成日期（默认：今天）"},
    {"People served",
     "受益人数"},
    {"The volunteers who served (names or phones): they earn project_done points",
     "参与的志愿者（姓名或电话）：获得 project_done 积分"},
    {"The resident's or community's satisfaction with a project done (1-5)",
     "居民或社区对已完成项目的满意度（1-5）"},
    {"1 to 5",
     "1 到 5"},
    {"What the resident or community said",
     "居民或社区的评价"},
    {"The unit declines a proposed project; the need goes back to the pool",
     "单位不领办提议的项目；需求退回待对接"},
    {"Why",
     "原因"},
    {"Give a claimed project back; the need goes back to the pool",
     "退回已领办的项目；需求退回待对接"},
    {"Cancel a project; say what becomes of its need (--reopen-need or --close-need)",
     "取消项目，并说明其需求如何处理（--reopen-need 或 --close-need）"},
    {"The need goes back to the pool and is proposed again",
     "需求退回待对接，重新提议"},
    {"The need is closed with this reason (as match close does)",
     "以此原因关闭需求（同 match close）"},
    {"Close a need (solved elsewhere, moved away, withdrawn): it is never proposed again",
     "关闭一条需求（已另行解决、已搬走、已撤回）：不再提议"},
    {"The need's code (XQ-003) or number",
     "需求的编码（如 XQ-003）或编号"},
    {"Why: solved elsewhere, moved away, withdrawn …",
     "原因：已另行解决、已搬走、已撤回…"},
    {"A project and every change of its status",
     "一个项目及其每次状态变化"},
    {"Build, show and explain the monthly rota",
     "生成、查看、解释每月排班"},
    {"Build (or rebuild) the rota of a month",
     "生成（或重新生成）某月的排班"},
    {"The month, e.g. 2026-12",
     "月份，如 2026-12"},
    {"Rebuild a month that was published (the change is recorded)",
     "重新生成已发布月份的排班（变动会记录）"},
    {"Also write the flow problem (DIMACS) and its optimum to FILE",
     "同时把网络流问题（DIMACS）及其最优解写到文件"},
    {"Freeze the month's rota as the one volunteers were told",
     "把本月排班定稿为已通知志愿者的版本"},
    {"Show, person by person, what changed since the rota was published",
     "逐人显示排班发布后的变动"},
    {"The messages to send for a day: who is on duty, whose duties changed",
     "某天要发送的通知：谁值班、谁的班次有变"},
    {"The day (YYYY-MM-DD)",
     "日期（YYYY-MM-DD）"},
    {"Only this kiosk (its id, name or short name)",
     "只看此站点（编号、名称或简称）"},
    {"Only this volunteer (a name, phone or #id)",
     "只看此志愿者（姓名、电话或 #编号）"},
    {"Show the messages; record nothing as sent",
     "只显示通知，不记为已发送"},
    {"Print the rota",
     "打印排班表"},
    {"Only this day (YYYY-MM-DD)",
     "只看这一天（YYYY-MM-DD）"},
    {"Say why each empty seat is empty",
     "说明每个空缺岗位为何空缺"},
    {"Only the empty seats this volunteer could not take",
     "只看此志愿者无法填补的空缺岗位"},
    {"Keep a seat's volunteer, or a person's seats, through rebuilds",
     "锁定岗位上的志愿者或某人的班次，重新排班时不变"},
    {"A seat's key, as `schedule show --format json` gives it",
     "岗位的键，见 `schedule show --format json`"},
    {"Every seat this volunteer holds in the month (a name, phone or #id)",
     "此志愿者本月的所有班次（姓名、电话或 #编号）"},
    {"Let rebuilds move a seat or a person again",
     "解除锁定，重新排班时可再调整"},
    {"Write the rota as a calendar (ics), Markdown or CSV",
     "把排班表导出为日历（ics）、Markdown 或 CSV"},
    {"ics (phone calendars), xlsx or html (a sheet per kiosk, a week per block, A4 landscape), md or csv",
     "ics（手机日历）、xlsx 或 html（每个站点一页，每周一块，A4 横向）、md 或 csv"},
    {"Only this volunteer's duties (their own calendar)",
     "只导出此志愿者的班次（个人日历）"},
    {"Each kiosk's public notice (四公开) for the month: services, hours, fees, who is on duty",
     "各站点本月的四公开：服务项目、时间、收费、值班人员"},
    {"A volunteer drops out: rebuild the month around it, moving as few as possible",
     "志愿者退出：重排本月，尽量少调整他人"},
    {"The volunteer (a name or phone number)",
     "志愿者（姓名或电话）"},
    {"The month to rebuild, e.g. 2026-12",
     "要重排的月份，如 2026-12"},
    {"The first day they cannot serve (default: today)",
     "不能服务的第一天（默认：今天）"},
    {"Service records: confirm the rota's day, add, list; service hours",
     "服务记录：确认当天排班、补录、列出；服务时长"},
    {"Turn a day's rota into service records: who came, who stood in",
     "把某天的排班转为服务记录：谁到岗、谁替班"},
    {"Only this kiosk (its name or id)",
     "只看此站点（名称或编号）"},
    {"A volunteer on the rota who did not come (repeat for more)",
     "排了班但没到的志愿者（可重复）"},
    {"P=Q: Q came in the place of P (repeat for more)",
     "P=Q：Q 替 P 值班（可重复）"},
    {"SERVICE=N (or SERVICE@HH:MM=N): residents served, by service or event title",
     "服务=N（或 服务@HH:MM=N）：服务人次，按服务项目或活动名称"},
    {"SERVICE=X (or SERVICE@HH:MM=X): residents' satisfaction, 1 to 5, keyed as --served",
     "服务=X（或 服务@HH:MM=X）：居民满意度 1 到 5，写法同 --served"},
    {"Show the records; write nothing",
     "只显示记录，不写入"},
    {"Record a session off the rota: an outreach visit, an emergency round",
     "补录排班以外的服务：送服务上门、临时加班"},
    {"The kiosk (its name or id)",
     "站点（名称或编号）"},
    {"Where, when not at a kiosk (a compound, a hall)",
     "不在站点时的地点（小区、活动室）"},
    {"HH:MM-HH:MM",
     "时段 HH:MM-HH:MM"},
    {"The service (its name or id)",
     "服务项目（名称或编号）"},
    {"The event's title, when it is not one service",
     "活动名称（不是单个服务项目时）"},
    {"daily, weekly, monthly (a themed event) or outreach",
     "daily（天天见）、weekly（周周办）、monthly（月月新主题活动）或 outreach（送服务上门）"},
    {"Who served: names or phones, comma-separated",
     "服务的志愿者：姓名或电话，逗号分隔"},
    {"Residents served (人次)",
     "服务人次"},
    {"Satisfaction, 1 to 5",
     "满意度，1 到 5"},
    {"Set the residents served, satisfaction or note of a record",
     "修改一条记录的服务人次、满意度或备注"},
    {"The record's number",
     "记录编号"},
    {"Cancel a record made in error; the points it earned are reversed",
     "作废误录的记录；其积分同时冲回"},
    {"List the service records",
     "列出服务记录"},
    {"Only this month, e.g. 2026-12",
     "只看这个月，如 2026-12"},
    {"From this day (YYYY-MM-DD)",
     "从这一天起（YYYY-MM-DD）"},
    {"Up to this day (YYYY-MM-DD)",
     "到这一天止（YYYY-MM-DD）"},
    {"Only this service (its name or id)",
     "只看此服务项目（名称或编号）"},
    {"Only records this volunteer served in",
     "只看此志愿者参与的记录"},
    {"Show cancelled records too",
     "也显示已作废的记录"},
    {"Grant service hours by hand (a forgotten check-in, service before kangle)",
     "手工补记服务时长（忘记签到、使用 kangle 之前的服务）"},
    {"How long: 2, 2.5, 90m",
     "时长：2、2.5、90m"},
    {"Who approved it",
     "审批人"},
    {"The day served (default: today)",
     "服务日期（默认：今天）"},
    {"Revoke grant ID by a reversing grant (both are kept)",
     "以一笔冲销撤销编号为 ID 的补记（两笔都保留）"},
    {"Service hours per volunteer: recorded and granted apart",
     "每位志愿者的服务时长：记录与补记分列"},
    {"Only this volunteer",
     "只看此志愿者"},
    {"A month 2026-12, a quarter 2026Q4 or a year 2026",
     "月份 2026-12、季度 2026Q4 或年份 2026"},
    {"The points ledger: award, adjust, redeem, balances, honour board, verify",
     "积分台账：发放、调整、兑换、余额、先锋榜、核验"},
    {"Award the points the rules earn for the service records (safe to rerun)",
     "按规则为服务记录发放积分（可重复运行）"},
    {"Only the records of this month, e.g. 2026-12",
     "只处理这个月的记录，如 2026-12"},
    {"Show what would be awarded; write nothing",
     "只显示将发放的积分，不写入"},
    {"List awards that today's rules would make differently",
     "列出按现行规则会有不同结果的发放"},
    {"Add or take away points by hand, with a reason",
     "手工加减积分，须写明原因"},
    {"+N or -N",
     "+N 或 -N"},
    {"Why, for the volunteer to read",
     "原因，志愿者可见"},
    {"Spend points on an item of points.toml",
     "用积分兑换 points.toml 中的物品"},
    {"The points spent",
     "花费的积分"},
    {"The item, as points.toml names it",
     "物品，名称同 points.toml"},
    {"Undo a ledger entry with a new entry that says why",
     "以一笔写明原因的新记录冲销一笔台账记录"},
    {"The entry's number (see `points history`)",
     "记录编号（见 `points history`）"},
    {"Points now: one volunteer's, or everyone's",
     "当前积分：一位志愿者的或所有人的"},
    {"A volunteer's points line by line, each with its rule and reason",
     "一位志愿者的积分明细，逐笔列出规则和原因"},
    {"The honour board (每月先锋榜) of a month, quarter or year",
     "某月、季度或年度的先锋榜（每月先锋榜）"},
    {"A month, e.g. 2026-12",
     "月份，如 2026-12"},
    {"A quarter, e.g. 2026Q4",
     "季度，如 2026Q4"},
    {"A year, e.g. 2026",
     "年份，如 2026"},
    {"How many places (default: [board] top in points.toml)",
     "上榜人数（默认：points.toml 中 [board] 的 top）"},
    {"Do not mark party members",
     "不标注党员"},
    {"The year's star volunteers (志愿服务之星) by points.toml's criteria",
     "按 points.toml 的标准评出年度志愿服务之星"},
    {"The year, e.g. 2026",
     "年份，如 2026"},
    {"Recompute the ledger's hash chain and every balance, and check its head",
     "重新计算台账的哈希链和每个余额，并核对链头"},
    {"Walk the whole chain, not only what follows the last full walk's checkpoint",
     "核验整条链，而不只是上次完整核验之后的部分"},
    {"A head hash noted earlier: check it is still in the chain",
     "先前记下的链头哈希：核对它仍在链中"},
    {"Reports: month, quarter, year; the service portfolio review; units; volunteers",
     "报表：月报、季报、年报；服务项目评估；共建单位；志愿者"},
    {"The month's report: headline figures, by kiosk, by service, the last twelve months",
     "月报：主要数字、分站点、分服务项目、近十二个月"},
    {"The period: 2026-12, 2026Q4 or 2026",
     "时期：2026-12、2026Q4 或 2026"},
    {"Write the whole set for the period into this folder (md, html, json, xlsx, csv)",
     "把该时期的全套报表写入此文件夹（md、html、json、xlsx、csv）"},
    {"The quarter's report",
     "季报"},
    {"The year's report",
     "年报"},
    {"The service portfolio review: 固化, 保留, 嫁接, 退出, with the reasons",
     "服务项目评估：固化、保留、嫁接、退出，附理由"},
    {"A month, quarter or year (default: this year)",
     "月份、季度或年份（默认：今年）"},
    {"The co-building units' reverse assessment (反向考核), ranked",
     "共建单位反向考核排名"},
    {"Each volunteer's sessions, hours and points; coverage; seats filled",
     "每位志愿者的服务场次、时长和积分；覆盖情况；岗位填补"},
    {"Only the volunteers whose unit's name contains this",
     "只看单位名称含此文字的志愿者"},
    {"Print a bash or zsh completion script (try: source <(kangle completion bash))",
     "输出 bash 或 zsh 的命令补全脚本（试试：source <(kangle completion bash)）"},
    {"The shell: bash or zsh",
     "shell：bash 或 zsh"},
    {"The workspace's kiosks, people or months, for the completion scripts",
     "供补全脚本使用：工作区的站点、人员或月份"},
    {"kiosks, people or months",
     "kiosks（站点）、people（人员）或 months（月份）"},
    {"not kiosks, people or months: {}",
     "不是 kiosks、people 或 months：{}"},
    {"Show help for kangle or for one command",
     "显示 kangle 或某个命令的帮助"},
    {"The command",
     "命令"},
    {"The command and its subcommand",
     "命令及其子命令"},
    {"Print the manual page kangle.1 (roff) instead",
     "改为输出手册页 kangle.1（roff 格式）"},
    // the man page
    {"User Commands",
     "用户命令"},
    {"the back office of neighbourhood service kiosks",
     "便民服务站点的后台台账"},
    {"NAME",
     "名称"},
    {"SYNOPSIS",
     "概述"},
    {"DESCRIPTION",
     "描述"},
    {"OPTIONS",
     "选项"},
    {"COMMANDS",
     "命令"},
    {"EXIT STATUS",
     "退出状态"},
    {"ENVIRONMENT",
     "环境变量"},
    {"FILES",
     "文件"},
    {"SEE ALSO",
     "参见"},
    {"Commands:",
     "子命令："},
    {"kangle keeps the monthly volunteer rota, the needs, resources and projects lists, the points ledger and the reports of a network of kiosks, from a workspace: a folder of TOML files and a SQLite database. kangle finds the workspace from the current folder upwards, as git does, or from -w or KANGLE_WORKSPACE.",
     "kangle 管理一个站点网络的每月志愿者排班、需求清单、资源清单和项目清单、积分台账和报表，数据放在工作区中：一个包含 TOML 文件和 SQLite 数据库的文件夹。kangle 像 git 一样从当前文件夹向上查找工作区，也可用 -w 或 KANGLE_WORKSPACE 指定。"},
    {"Messages and outputs are in Chinese (zh-CN) by default; the workspace's language, KANGLE_LANG or --lang en change that.",
     "提示和输出默认为中文（zh-CN）；工作区的 language、KANGLE_LANG 或 --lang en 可以改为英文。"},
    {"An unknown COMMAND NAME runs the plugin kangle-NAME, from the workspace's plugins/ folder or from PATH, with KANGLE_WORKSPACE set; its exit status is kangle's.",
     "未知的命令名 NAME 会运行插件 kangle-NAME（在工作区的 plugins/ 文件夹或 PATH 中查找），并设好 KANGLE_WORKSPACE；插件的退出状态即 kangle 的退出状态。"},
    {"Success.",
     "成功。"},
    {"Problems found (check), or some input rejected.",
     "发现问题（check），或有输入被拒绝。"},
    {"Usage error: an unknown command or option, a bad value.",
     "用法错误：未知的命令或选项、无效的取值。"},
    {"Bad input data: a config or input file that cannot be used.",
     "输入数据有误：配置文件或输入文件无法使用。"},
    {"Workspace error: no workspace, or its database cannot be opened or written (also: written by a newer kangle).",
     "工作区错误：没有工作区，或其数据库无法打开或写入（包括由更新版本的 kangle 写过）。"},
    {"Internal error (a bug: please report it).",
     "内部错误（程序缺陷：请报告）。"},
    {"The workspace's database, when --db is not given, instead of kangle.db in its folder or kangle.toml's [database] url: a postgresql:// URL (its password from ~/.pgpass, PGPASSWORD or a service file), or a SQLite file.",
     "工作区的数据库（未给出 --db 时），代替其文件夹中的 kangle.db 或 kangle.toml 的 [database] url：postgresql:// 地址（密码由 ~/.pgpass、PGPASSWORD 或服务文件提供），或一个 SQLite 文件。"},
    {"The workspace folder, when -w is not given.",
     "工作区文件夹（未给出 -w 时）。"},
    {"The language of messages and outputs, zh-CN or en, when --lang is not given; it wins over the workspace's language.",
     "提示和输出的语言，zh-CN 或 en（未给出 --lang 时）；优先于工作区的语言。"},
    {"When set to anything, no colour. (kangle prints no colour yet; it will honour this when it does.)",
     "设为任意值时不着色。"},
    {"In the workspace folder:",
     "工作区文件夹中："},
    {"The workspace: name, language, time zone, defaults. Its folder is the workspace.",
     "工作区设置：名称、语言、时区、默认值。它所在的文件夹就是工作区。"},
    {"The catalogue: categories, skills, services.",
     "服务项目目录：类别、技能、服务项目。"},
    {"One file per kiosk; the file name (without .toml) is its id.",
     "每个站点一个文件；文件名（不含 .toml）即站点编号。"},
    {"Public holidays and make-up workdays, one file a year.",
     "法定节假日和调休上班日，每年一个文件。"},
    {"How points are earned and spent.",
     "积分的获得和使用规则。"},
    {"The spreadsheet headers kangle import recognises.",
     "kangle import 能识别的表头。"},
    {"Optional executables run as kangle NAME.",
     "可选的插件程序，以 kangle NAME 运行。"},
    {"The SQLite database, written by kangle only.",
     "SQLite 数据库，只由 kangle 写入。"},
    {"README.md, docs/workspace.md and docs/import.md in kangle's documentation folder (/usr/share/doc/kangle/ on Debian).",
     "kangle 文档文件夹中的 README.md、docs/workspace.md 和 docs/import.md（Debian 上在 /usr/share/doc/kangle/）。"},
  };
  return table;
}

std::optional<std::string> chinese(std::string_view english) {
  const auto& table = catalogue();
  if (auto found = table.find(english); found != table.end()) return std::string(found->second);
  for (const auto& [key, value] : table) {
    if (!key.ends_with("{}")) continue;
    auto prefix = key.substr(0, key.size() - 2);
    if (english.size() > prefix.size() && english.starts_with(prefix)) {
      auto zh = std::string(value);
      return zh.replace(zh.find("{}"), 2, english.substr(prefix.size()));
    }
  }
  return std::nullopt;
}

}  // namespace

std::string help_text(std::string_view english, Lang lang) {
  if (lang == Lang::zh_CN && !english.empty()) {
    if (auto zh = chinese(english)) return *zh;
  }
  return std::string(english);
}

bool has_chinese(std::string_view english) { return chinese(english).has_value(); }

void HelpFormatter::set_language(Lang lang) {
  lang_ = lang;
  labels_.clear();
  if (lang == Lang::en) return;  // CLI11's own words
  label("Usage", std::string(message_text(Msg::help_usage, lang)));
  label("OPTIONS", std::string(message_text(Msg::help_options_label, lang)));
  label("SUBCOMMAND", std::string(message_text(Msg::help_subcommand_label, lang)));
  label("SUBCOMMANDS", std::string(message_text(Msg::help_subcommand_label, lang)));
  label("Positionals", std::string(message_text(Msg::help_positionals, lang)));
  label("REQUIRED", std::string(message_text(Msg::help_required, lang)));
}

std::string HelpFormatter::make_group(std::string group, bool is_positional,
                                      std::vector<const CLI::Option*> opts) const {
  if (group == "Options") group = message_text(Msg::help_options, lang_);
  return CLI::Formatter::make_group(std::move(group), is_positional, std::move(opts));
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  auto description = help_text(app->get_description(), lang_);
  return description.empty() ? std::string() : description + "\n";
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const {
  auto out = CLI::Formatter::make_subcommands(app, mode);
  static const std::string heading = "\nSubcommands:\n";
  if (out.starts_with(heading)) {
    out.replace(0, heading.size(), fmt::format("\n{}:\n", message_text(Msg::help_subcommands, lang_)));
  }
  return out;
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  std::stringstream out;
  CLI::detail::format_help(out, sub->get_display_name(true), help_text(sub->get_description(), lang_), column_width_);
  return out.str();
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  auto footer = help_text(app->get_footer(), lang_);
  return footer.empty() ? std::string() : footer + "\n";
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  // CLI11 pads by bytes: a Chinese label (必填) takes fewer columns than bytes.
  auto name = make_option_name(opt, is_positional) + make_option_opts(opt);
  std::stringstream out;
  CLI::detail::format_help(out, name, make_option_desc(opt), column_width_ + name.size() - text::display_width(name));
  return out.str();
}

std::string HelpFormatter::make_option_desc(const CLI::Option* opt) const {
  return help_text(opt->get_description(), lang_);
}

namespace {

/// `text` after `prefix`, when it starts so.
std::optional<std::string> after(const std::string& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return std::nullopt;
  return text.substr(prefix.size());
}

/// The command that defines `option`: `failed` or, for a global option, the one above it.
const CLI::App& owner(const CLI::App& failed, const std::string& option) {
  for (const auto* app = &failed; app; app = app->get_parent()) {
    if (app->get_option_no_throw(option)) return *app;
  }
  return failed;
}

/// A bad value that CLI11's checks name (`purple not in {auto,always,never}`, a
/// CheckedTransformer's `Check foo value in {...} FAILED`) as the value and the values allowed.
std::string bad_value(const std::string& name, const std::string& detail, const CLI::App& failed, Lang lang) {
  static const std::regex not_in(R"(^(.*) not in \{(.*)\}$)");
  static const std::regex check_failed(R"(^Check (.*) value in \{.*\} FAILED$)");
  static const std::regex out_of_range(R"(^Value (.*) not in range .* to .*$)");
  std::smatch match;
  if (std::regex_match(detail, match, not_in)) {
    return tr(lang, Msg::usage_not_one_of, name, match.str(1), text::join(text::split(match.str(2), ','), "|"));
  }
  if (std::regex_match(detail, match, check_failed)) {
    const auto* option = failed.get_option_no_throw(name);
    if (option) {
      OptionInfo info;
      classify_value(option->get_type_name(), info);
      if (!info.choices.empty()) return tr(lang, Msg::usage_not_one_of, name, match.str(1), info.type);
    }
    return tr(lang, Msg::usage_bad_value, name, match.str(1));
  }
  // A number check's bounds (0 to the largest double) say less than the option's help.
  if (std::regex_match(detail, match, out_of_range)) return tr(lang, Msg::usage_bad_value, name, match.str(1));
  return tr(lang, Msg::usage_invalid_value, name, help_text(detail, lang));
}

/// What `error` says, in `lang`; `option` set to the option or argument it is about.
std::string what_is_wrong(const CLI::ParseError& error, const CLI::App& failed, Lang lang, std::string& option) {
  std::string what = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    for (std::string_view prefix : {"The following argument was not expected: ", "The following arguments were not expected: "}) {
      // CLI11 2.1 lists them last first.
      if (auto words = after(what, prefix)) {
        auto listed = text::split(*words, ' ');
        std::reverse(listed.begin(), listed.end());
        return tr(lang, Msg::usage_unexpected, text::join(listed, " "));
      }
    }
  } else if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (what == "A subcommand is required") return std::string(message_text(Msg::usage_subcommand_required, lang));
    if (what.ends_with(" is required")) {
      option = what.substr(0, what.size() - 12);
      return tr(lang, Msg::usage_required, option);
    }
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    static const std::regex missing(R"(^(.*): \d+ required .* missing$)");
    std::smatch match;
    if (std::regex_match(what, match, missing)) {
      option = match.str(1);
      return tr(lang, Msg::usage_missing_value, option);
    }
  } else if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    static const std::regex could_not(R"(^Could not convert: (.*) = (.*)$)");
    static const std::regex not_allowed(R"(^The value (.*) is not an allowed value for (.*)$)");
    std::smatch match;
    if (std::regex_match(what, match, could_not)) {
      option = match.str(1);
      return tr(lang, Msg::usage_bad_value, option, match.str(2));
    }
    if (std::regex_match(what, match, not_allowed)) {
      option = match.str(2);
      return tr(lang, Msg::usage_bad_value, option, match.str(1));
    }
  } else if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    if (auto colon = what.find(": "); colon != std::string::npos) {
      option = what.substr(0, colon);
      return bad_value(option, what.substr(colon + 2), owner(failed, option), lang);
    }
  } else if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    if (auto at = what.find(" requires "); at != std::string::npos) {
      return tr(lang, Msg::usage_requires, what.substr(0, at), what.substr(at + 10));
    }
  } else if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    if (auto at = what.find(" excludes "); at != std::string::npos) {
      return tr(lang, Msg::usage_excludes, what.substr(0, at), what.substr(at + 10));
    }
  }
  return tr(lang, Msg::usage_other, what);
}

}  // namespace

std::string parse_error_message(const CLI::ParseError& error, const CLI::App& failed, Lang lang) {
  std::string option;
  auto what = what_is_wrong(error, failed, lang, option);
  std::vector<std::string> words;
  for (const auto* app = &owner(failed, option); app; app = app->get_parent()) words.insert(words.begin(), app->get_name());
  return tr(lang, Msg::usage_see_help, what, text::join(words, " "));
}

}  // namespace kangle::cli
