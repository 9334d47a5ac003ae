One person, one hour, one point: what a service record, a confirmation or a grant
of hours may not let in, on every path (record confirm, --instead, record add,
import records, record grant). The run is "as of" the last day of December, so the
month's days have happened; a command that refuses leaves the records as they were.

  $ export KANGLE_NOW=2026-12-31T10:00:00Z
  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv >/dev/null; echo $?
  1
  $ kangle schedule build --month 2026-12 >/dev/null
  $ kangle schedule show --month 2026-12 --date 2026-12-02 | tail -4
  2026-12-02  周三  09:00-11:30  丁香园  测血糖  王建国        0
  2026-12-02  周三  09:00-11:30  丁香园  织补    郭秀兰        0
  2026-12-02  周三  13:30-16:00  丁香园  测血糖  徐丽华        0
  2026-12-02  周三  13:30-16:00  丁香园  织补    李秀英        0

No one in two places. 王建国 recorded by hand at 康乐汇 during his rota session:
confirming the day would credit him twice for the same morning, so the whole
confirmation is refused, naming both. A session that ends as his rota session
starts does not overlap it; a person named twice (by name and phone) serves once.

  $ kangle record add --date 2026-12-02 --kiosk kangle-hall --time 10:00-11:00 --service blood-pressure --volunteers 王建国
  已添加服务记录 1：2026-12-02 康乐汇 测血压
  $ kangle record confirm --date 2026-12-02
  kangle: 错误：王建国 已在服务记录 1（2026-12-02 10:00-11:00 康乐汇 测血压）中，不能同时出现在 2026-12-02 09:00-11:30 丁香园 测血糖：同一时间一人只能在一处
  [3]
  $ kangle record list
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  1     2026-12-02  10:00-11:00  康乐汇  测血压  王建国                          1小时
  
  共 1 条记录，服务居民 0 人次，志愿服务时长 1小时
  $ kangle record add --date 2026-12-02 --kiosk kangle-hall --time 11:30-12:30 --service blood-pressure --volunteers 王建国
  已添加服务记录 2：2026-12-02 康乐汇 测血压
  $ kangle record add --date 2026-12-02 --kiosk kangle-hall --time 10:00-11:00 --service blood-pressure --volunteers 张伟
  kangle: 错误：2026-12-02 10:00-11:00 康乐汇 测血压 与服务记录 1（2026-12-02 10:00-11:00 康乐汇 测血压，手工添加）是同一场服务：一场服务只计一次
  [3]
  $ kangle record add --date 2026-12-02 --place 樱花园小区 --time 09:30-10:30 --title 应急消杀 --cadence outreach --volunteers 王建国
  kangle: 错误：王建国 已在服务记录 1（2026-12-02 10:00-11:00 康乐汇 测血压）中，不能同时出现在 2026-12-02 09:30-10:30 樱花园小区 应急消杀：同一时间一人只能在一处
  [3]
  $ kangle record add --date 2026-12-09 --place 樱花园小区 --time 09:30-10:30 --title 应急消杀 --cadence outreach --volunteers 王建国,13800138001,王建国
  已添加服务记录 3：2026-12-09 樱花园小区 应急消杀
  $ kangle record list --from 2026-12-09 --to 2026-12-09 | tail -3
  3     2026-12-09  09:30-10:30  樱花园小区  应急消杀  王建国                          1小时
  
  共 1 条记录，服务居民 0 人次，志愿服务时长 1小时
  $ kangle record cancel 3 --reason 记错日期
  服务记录 3 已作废；冲正积分记录 0 条，共收回 0 分
  $ kangle record cancel 1 --reason 记错时间
  服务记录 1 已作废；冲正积分记录 0 条，共收回 0 分

A stand-in who is on the rota elsewhere at the same time, within one confirmation:

  $ kangle record confirm --date 2026-12-02 --instead 郭秀兰=王建国
  kangle: 错误：王建国 不能同时出现在 2026-12-02 09:00-11:30 丁香园 测血糖 和 2026-12-02 09:00-11:30 丁香园 织补：同一时间一人只能在一处
  [3]
  $ kangle record list
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  2     2026-12-02  11:30-12:30  康乐汇  测血压  王建国                          1小时
  
  共 1 条记录，服务居民 0 人次，志愿服务时长 1小时

Residents counted for a session nobody came to are an error, not dropped:

  $ kangle record confirm --date 2026-12-02 --absent 徐丽华 --served blood-sugar@13:30=5
  kangle: 错误：--served blood-sugar：2026-12-02 该场次无人到岗（轮值者均为 --absent），没有可计服务人次的记录
  [3]
  $ kangle record list
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  2     2026-12-02  11:30-12:30  康乐汇  测血压  王建国                          1小时
  
  共 1 条记录，服务居民 0 人次，志愿服务时长 1小时
  $ kangle record confirm --date 2026-12-02 --served blood-sugar@09:00=20
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  4     2026-12-02  09:00-11:30  丁香园  测血糖  王建国        20                2小时30分
  5     2026-12-02  09:00-11:30  丁香园  织补    郭秀兰                          2小时30分
  6     2026-12-02  13:30-16:00  丁香园  测血糖  徐丽华                          2小时30分
  7     2026-12-02  13:30-16:00  丁香园  织补    李秀英                          2小时30分
  
  2026-12-02：确认服务记录 4 条，志愿者 4 人次
  $ kangle record list --month 2026-12
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  4     2026-12-02  09:00-11:30  丁香园  测血糖  王建国        20                2小时30分
  5     2026-12-02  09:00-11:30  丁香园  织补    郭秀兰                          2小时30分
  2     2026-12-02  11:30-12:30  康乐汇  测血压  王建国                          1小时
  6     2026-12-02  13:30-16:00  丁香园  测血糖  徐丽华                          2小时30分
  7     2026-12-02  13:30-16:00  丁香园  织补    李秀英                          2小时30分
  
  共 5 条记录，服务居民 20 人次，志愿服务时长 11小时

Only what happened: a day after today in the workspace's time zone (Asia/Shanghai,
so 17:00 UTC on the 1st is already the 2nd), or before 2000, is refused everywhere;
so is a session longer than 12 hours, or than the kiosk's opening it falls in
(丁香园 opens 09:00-11:30 in the morning).

  $ KANGLE_NOW=2026-12-01T02:00:00Z kangle record confirm --date 2026-12-03
  kangle: 错误：2026-12-03 晚于今天（2026-12-01）：只能记录、确认或补录已经发生的服务
  [3]
  $ KANGLE_NOW=2026-12-02T17:00:00Z kangle record confirm --date 2026-12-03 --dry-run | tail -2
  2026-12-03：确认服务记录 7 条，志愿者 7 人次
  （试运行，未写入任何内容）
  $ kangle record add --date 2027-01-04 --kiosk dingxiang --time 09:00-11:30 --service haircut --volunteers 张伟
  kangle: 错误：2027-01-04 晚于今天（2026-12-31）：只能记录、确认或补录已经发生的服务
  [3]
  $ kangle record add --date 1900-01-01 --kiosk dingxiang --time 09:00-11:30 --service haircut --volunteers 张伟
  kangle: 错误：1900-01-01 早于 2000-01-01：不能为该日记录服务、确认轮值或补录时长
  [3]
  $ kangle record add --date 9999-12-31 --kiosk dingxiang --time 09:00-11:30 --service haircut --volunteers 张伟
  kangle: 错误：9999-12-31 晚于今天（2026-12-31）：只能记录、确认或补录已经发生的服务
  [3]
  $ kangle record confirm --date 1999-12-31
  kangle: 错误：1999-12-31 早于 2000-01-01：不能为该日记录服务、确认轮值或补录时长
  [3]
  $ kangle record add --date 2026-12-09 --kiosk dingxiang --time 06:00-20:00 --service haircut --volunteers 张伟
  kangle: 错误：2026-12-09 06:00-20:00 丁香园 理发 历时 14小时，超过一场服务的上限 12小时（kangle.toml 中 [records] max_session_hours）
  [3]
  $ kangle record add --date 2026-12-09 --kiosk dingxiang --time 09:00-12:30 --service haircut --volunteers 张伟
  kangle: 错误：2026-12-09 09:00-12:30 丁香园 理发 历时 3小时30分，超过服务点该时段的开放时间 09:00-11:30
  [3]
  $ kangle record list --month 2026-12 | tail -1
  共 5 条记录，服务居民 20 人次，志愿服务时长 11小时

A sheet of records: a session confirmed from the rota again (a duplicate, not a
doubt), 王建国 elsewhere during his rota session, two rows putting 张伟 in two
places at once, a day to come, a day before 2000, more minutes than the session,
a session too long. The rows that pass are imported as with any other reject.

  $ cat > sheet.csv <<'CSV'
  > 日期,服务站点,服务项目,服务时间,志愿者,服务时长（小时）,服务人次
  > 2026-12-02,丁香园,测血糖,09:00-11:30,张伟,,20
  > 2026-12-02,康乐汇,测血压,10:00-11:00,王建国,,5
  > 2026-12-05,樱花园小区,测血压,09:00-11:00,张伟,,10
  > 2026-12-05,丁香园,理发,10:00-12:00,张伟,,5
  > 2027-01-05,丁香园,理发,09:00-11:30,马国强,,5
  > 1900-01-01,丁香园,理发,09:00-11:30,马国强,,5
  > 2026-12-07,丁香园,修伞,09:00-11:00,邓勇,3,5
  > 2026-12-08,丁香园,修伞,,邓勇,13,5
  > 2026-12-04,丁香园,自行车修理,09:00-11:30,谢建国,,7
  > CSV
  $ kangle import records sheet.csv
  sheet.csv（表头在第 1 行）
    新增 2 条，更新 0 条，合并 0 行，未变 0 条，拒收 7 行
  sheet.csv:2:C（服务项目）：拒收：2026-12-02 09:00-11:30 丁香园 测血糖 与服务记录 4（2026-12-02 09:00-11:30 丁香园 测血糖，由轮值表确认）是同一场服务：一场服务只计一次
  sheet.csv:3:E（志愿者）：拒收：王建国 已在服务记录 4（2026-12-02 09:00-11:30 丁香园 测血糖）中，不能同时出现在 2026-12-02 10:00-11:00 康乐汇 测血压：同一时间一人只能在一处
  sheet.csv:5:E（志愿者）：拒收：张伟 已在服务记录 8（2026-12-05 09:00-11:00 樱花园小区 测血压）中，不能同时出现在 2026-12-05 10:00-12:00 丁香园 理发：同一时间一人只能在一处
  sheet.csv:6:A（日期）：拒收：2027-01-05 晚于今天（2026-12-31）：只能记录、确认或补录已经发生的服务
  sheet.csv:7:A（日期）：拒收：1900-01-01 早于 2000-01-01：不能为该日记录服务、确认轮值或补录时长
  sheet.csv:8:F（服务时长（小时））：拒收：2026-12-07 09:00-11:00 丁香园 修伞：服务时长 3小时 超过该场次本身的时长 2小时
  sheet.csv:9:F（服务时长（小时））：拒收：2026-12-08 09:00-22:00 丁香园 修伞 历时 13小时，超过一场服务的上限 12小时（kangle.toml 中 [records] max_session_hours）
  被拒收的行及原因已写入 sheet.rejects.csv
  [1]
  $ kangle record list --month 2026-12
  编号  日期        时间         服务点      服务        志愿者  替班  服务人次  满意度  服务时长
  4     2026-12-02  09:00-11:30  丁香园      测血糖      王建国        20                2小时30分
  5     2026-12-02  09:00-11:30  丁香园      织补        郭秀兰                          2小时30分
  2     2026-12-02  11:30-12:30  康乐汇      测血压      王建国                          1小时
  6     2026-12-02  13:30-16:00  丁香园      测血糖      徐丽华                          2小时30分
  7     2026-12-02  13:30-16:00  丁香园      织补        李秀英                          2小时30分
  9     2026-12-04  09:00-11:30  丁香园      自行车修理  谢建国        7                 2小时30分
  8     2026-12-05  09:00-11:00  樱花园小区  测血压      张伟          10                2小时
  
  共 7 条记录，服务居民 37 人次，志愿服务时长 15小时30分

Confirming a day whose morning session was imported confirms only the rest and
says which it left out; the same day again changes nothing.

  $ kangle record confirm --date 2026-12-04
  编号  日期        时间         服务点  服务          志愿者  替班  服务人次  满意度  服务时长
  10    2026-12-04  13:30-16:00  丁香园  自行车修理    吴刚                            2小时30分
  11    2026-12-04  09:00-11:30  康乐汇  心理健康咨询  宋玉兰                          2小时30分
  
  2026-12-04：确认服务记录 2 条，志愿者 2 人次
  未确认 2026-12-04 09:00-11:30 丁香园 自行车修理：该场次已记录为服务记录 9（2026-12-04 09:00-11:30 丁香园 自行车修理）
  $ kangle record hours --period 2026-12 --format csv | tr -d '\r'
  姓名,服务次数,记录时长（分钟）,补录时长（分钟）,合计（分钟）
  吴刚,1,150,0,150
  宋玉兰,1,150,0,150
  张伟,1,120,0,120
  徐丽华,1,150,0,150
  李秀英,1,150,0,150
  王建国,2,210,0,210
  谢建国,1,150,0,150
  郭秀兰,1,150,0,150

A stand-in already recorded elsewhere at that time: 郑平 served the market at
浦北路 that morning, so he cannot also have stood in for 陈明 at 丁香园. The refused
confirmation left the day unconfirmed: it can be confirmed as it happened.

  $ kangle record confirm --date 2026-12-03 --kiosk pubei | tail -1
  2026-12-03：确认服务记录 5 条，志愿者 5 人次
  $ kangle record confirm --date 2026-12-03 --kiosk dingxiang --instead 陈明=郑平
  kangle: 错误：郑平 已在服务记录 16（2026-12-03 08:30-11:30 浦北路 血压计校验）中，不能同时出现在 2026-12-03 09:00-11:30 丁香园 磨刀：同一时间一人只能在一处
  [3]
  $ kangle record list --from 2026-12-03 --to 2026-12-03 --kiosk dingxiang | tail -1
  共 0 条记录，服务居民 0 人次，志愿服务时长 0小时
  $ kangle record confirm --date 2026-12-03 --kiosk dingxiang | tail -1
  2026-12-03：确认服务记录 2 条，志愿者 2 人次

Granted hours: bounded per grant, revoked by a reversing grant that names it (both
kept, totals net), never twice.

  $ kangle record grant 张伟 --hours 9 --reason 义诊忘记签到 --approved-by 王书记 --date 2026-11-20
  kangle: 错误：9小时 超过单次补录的上限 8小时（kangle.toml 中 [records] max_grant_hours）
  [3]
  $ kangle record grant 张伟 --hours 2 --reason 义诊忘记签到 --approved-by 王书记 --date 2027-01-02
  kangle: 错误：2027-01-02 晚于今天（2026-12-31）：只能记录、确认或补录已经发生的服务
  [3]
  $ kangle record grant 张伟 --hours 2 --reason 义诊忘记签到 --approved-by 王书记 --date 1900-01-01
  kangle: 错误：1900-01-01 早于 2000-01-01：不能为该日记录服务、确认轮值或补录时长
  [3]
  $ kangle record grant 张伟 --hours 2.5 --reason 义诊忘记签到 --approved-by 王书记 --date 2026-11-20
  已为 张伟 补录服务时长 2小时30分，补录编号 1（审批人：王书记）
  $ kangle record grant --revoke 1 --reason 当天已有签到记录 --approved-by 王书记
  已撤销补录 1（2026-11-20 的 2小时30分）：撤销记录为补录 2（审批人：王书记），两条均保留
  $ kangle record grant --revoke 1 --reason 再次撤销 --approved-by 王书记
  kangle: 错误：补录 1 已被补录 2 撤销过
  [3]
  $ kangle record grant --revoke 2 --reason 撤销撤销 --approved-by 王书记
  kangle: 错误：补录 2 本身是对补录 1 的撤销，不能再撤销
  [3]
  $ kangle record grant --revoke 9 --reason 没有 --approved-by 王书记
  kangle: 错误：没有编号为 9 的补录
  [3]
  $ kangle record grant --revoke 1 --hours 2 --reason 混用 --approved-by 王书记
  kangle: 错误：--hours 不能与 --revoke 同时使用；请查看 `kangle record grant --help`
  [2]
  $ kangle record grant 张伟 --revoke 1 --reason 混用 --approved-by 王书记
  kangle: 错误：person 不能与 --revoke 同时使用；请查看 `kangle record grant --help`
  [2]
  $ kangle record grant --reason 缺人 --approved-by 王书记
  kangle: 错误：请给出志愿者和 --hours，或 --revoke 编号
  [2]
  $ kangle record hours 张伟 --period 2026
  姓名  服务次数  记录时长  补录时长  合计
  张伟  2         5小时     0小时     5小时
  
  2026-11-20 补录 2小时30分（补录编号 1）：义诊忘记签到（审批人：王书记）
  2026-11-20 撤销补录 1（-2小时30分）：当天已有签到记录（审批人：王书记）
  $ workspace-sql 'SELECT id, minutes, reverses FROM granted_hours ORDER BY id'
  1|150|
  2|-150|1

The bounds are the workspace's: [records] in kangle.toml.

  $ printf '\n[records]\nmax_session_hours = 2\nmax_grant_hours = 10\n' >> kangle.toml
  $ kangle record grant 张伟 --hours 9 --reason 疫情值守补录 --approved-by 王书记 --date 2026-11-21
  已为 张伟 补录服务时长 9小时，补录编号 3（审批人：王书记）
  $ kangle record add --date 2026-12-09 --kiosk dingxiang --time 09:00-11:30 --service haircut --volunteers 张伟
  kangle: 错误：2026-12-09 09:00-11:30 丁香园 理发 历时 2小时30分，超过一场服务的上限 2小时（kangle.toml 中 [records] max_session_hours）
  [3]

Records stored before these refusals (or behind kangle's back) that put one person
in two places at once are found by `check`, with both records named.

  $ kangle check | tail -1
  0 个错误，1 个警告
  $ workspace-sql "SELECT r.id, r.date, r.start_minute FROM service_records r JOIN record_volunteers rv ON rv.record_id = r.id JOIN volunteers v ON v.id = rv.volunteer_id WHERE v.name = '张伟' AND r.cancelled_at IS NULL ORDER BY r.id LIMIT 1"
  8|2026-12-05|540
  $ workspace-sql "INSERT INTO service_records (id, origin, place, date, start_minute, end_minute, cadence, title, created_at) VALUES (90, 'manual', '樱花园小区', '2026-12-05', 570, 630, 'outreach', '上门理发', '2026-12-05T03:00:00Z'); INSERT INTO record_volunteers (record_id, volunteer_id, minutes, date) SELECT 90, id, 60, '2026-12-05' FROM volunteers WHERE name = '张伟'"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: 张伟 在 2026-12-05 同时出现在服务记录 8 和 90 中（时间重叠），服务时长被重复计算：请用 kangle record cancel 取消有误的一条
  
  1 个错误，1 个警告
  [1]
  $ kangle record cancel 90 --reason 重复录入 >/dev/null
  $ kangle check | tail -1
  0 个错误，1 个警告

Each volunteer's row keeps its record's date, which the clash checks go by (a trigger
follows a record's date changed by hand); a row's own date changed by hand is found.

  $ workspace-sql "UPDATE record_volunteers SET date = '2026-12-06' WHERE record_id = 8"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: 服务记录 8：志愿者 #3 的出勤行日期为 2026-12-06，记录本身为 2026-12-05（是否被手工改过？）：同一志愿者同时出现在两条记录中的检查按出勤行的日期进行，请改为记录的日期
  
  1 个错误，1 个警告
  [1]
  $ workspace-sql "UPDATE record_volunteers SET date = '2026-12-05' WHERE record_id = 8"
  $ kangle check | tail -1
  0 个错误，1 个警告
