Service records for the Kangjian example: a day of the rota confirmed with an
absence, a stand-in and residents counted; a session off the rota; service hours.
As of the month's last day: a day to come cannot be confirmed.

  $ export KANGLE_NOW=2026-12-31T10:00:00Z

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv >/dev/null; echo $?
  1
  $ kangle schedule build --month 2026-12 >/dev/null
  $ kangle schedule show --month 2026-12 --date 2026-12-02
  康健街道“雷锋亭” 2026-12 轮值表
  ===============================
  
  日期        星期  时间         服务点  服务    志愿者  锁定  空缺
  2026-12-02  周三  09:00-11:30  丁香园  测血糖  王建国        0
  2026-12-02  周三  09:00-11:30  丁香园  织补    郭秀兰        0
  2026-12-02  周三  13:30-16:00  丁香园  测血糖  徐丽华        0
  2026-12-02  周三  13:30-16:00  丁香园  织补    李秀英        0
  $ kangle record confirm --date 2026-12-02 --served 测血糖=31
  kangle: 错误：当天有多场“测血糖”：请注明场次，如 测血糖@09:00, 测血糖@13:30
  [3]
  $ kangle record confirm --date 2026-12-02 --absent 徐丽华 --instead 郭秀兰=张伟 --served 测血糖@09:00=31 --served darning@09:00=8
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  1     2026-12-02  09:00-11:30  丁香园  测血糖  王建国        31                2小时30分
  2     2026-12-02  09:00-11:30  丁香园  织补    张伟    张伟  8                 2小时30分
  3     2026-12-02  13:30-16:00  丁香园  织补    李秀英                          2小时30分
  
  2026-12-02：确认服务记录 3 条，志愿者 3 人次
  警告：2026-12-02 丁香园：测血糖共服务 31 人次，超过每日限定人数 30（仍照实记录）
  $ kangle record confirm --date 2026-12-02 --served 理发=3
  kangle: 错误：2026-12-02 没有“理发”：--served 需要当天的服务项目或活动名称
  [3]
  $ kangle record confirm --date 2026-12-02 --served darning@13:30=3
  2026-12-02：确认服务记录 0 条，志愿者 0 人次
  丁香园：当天已于 2026年12月31日 18:00 确认，保持不变（如需更正，请用 `kangle record set`、`add` 或 `cancel`）
  警告：该场次此前已确认为服务记录 3：如需修改服务人次，请运行 `kangle record set 3 --residents 3`
  $ kangle record confirm --date 2026-12-02
  2026-12-02：确认服务记录 0 条，志愿者 0 人次
  丁香园：当天已于 2026年12月31日 18:00 确认，保持不变（如需更正，请用 `kangle record set`、`add` 或 `cancel`）
  $ kangle record confirm --date 2026-12-05
  kangle: 错误：2026-12-05 的轮值表上没有人：请先排班，或用 `kangle record add` 补记
  [3]
  $ kangle record confirm --date 2026-12-03 --absent 李秀英
  kangle: 错误：李秀英 不在 2026-12-03 的轮值表上
  [3]
  $ kangle record confirm --date 2026-12-03 --instead 张伟 --dry-run
  kangle: 错误：--instead 的格式为 P=Q（轮值表上的人=实际到岗的人），不能是“张伟”
  [2]
  $ kangle record confirm --date 2026-12-03 --dry-run | tail -2
  2026-12-03：确认服务记录 7 条，志愿者 7 人次
  （试运行，未写入任何内容）

Residents' satisfaction as --served counts residents, a score from 1 to 5: unknown
unless given, and refused outside 1 to 5 or when it is not a score.

  $ kangle record confirm --date 2026-12-03 --kiosk dingxiang --served knife-sharpening@09:00=12 --satisfaction knife-sharpening@09:00=4.6 --satisfaction watch-repair@13:30=5 --dry-run
  编号  日期        时间         服务点  服务      志愿者  替班  服务人次  满意度  服务时长
  4     2026-12-03  09:00-11:30  丁香园  磨刀      陈明          12        4.6     2小时30分
  5     2026-12-03  13:30-16:00  丁香园  钟表维修  高明                    5.0     2小时30分
  
  2026-12-03：确认服务记录 2 条，志愿者 2 人次
  （试运行，未写入任何内容）
  $ kangle record confirm --date 2026-12-03 --satisfaction knife-sharpening@09:00=6
  kangle: 错误：满意度 6 不在 1 到 5 之间
  [2]
  $ kangle --lang en record confirm --date 2026-12-03 --satisfaction knife-sharpening@09:00=6
  kangle: error: satisfaction 6 is not between 1 and 5
  [2]
  $ kangle record confirm --date 2026-12-03 --satisfaction knife-sharpening@09:00=很好
  kangle: 错误：--satisfaction 的格式为 服务=评分（服务项目或活动名称=1 到 5 的满意度），不能是“knife-sharpening@09:00=很好”
  [2]
  $ kangle --lang en record confirm --date 2026-12-03 --satisfaction knife-sharpening
  kangle: error: --satisfaction takes SERVICE=X (a service or event title = a score from 1 to 5), not "knife-sharpening"
  [2]
  $ kangle record confirm --date 2026-12-03 --satisfaction darning=5
  kangle: 错误：2026-12-03 没有“darning”：--satisfaction 需要当天的服务项目或活动名称
  [3]
  $ kangle record confirm --date 2026-12-03 --satisfaction knife-sharpening=5
  kangle: 错误：当天有多场“knife-sharpening”：请注明场次，如 knife-sharpening@09:00, knife-sharpening@08:30
  [3]
  $ kangle record confirm --date 2026-12-02 --satisfaction darning@13:30=4
  2026-12-02：确认服务记录 0 条，志愿者 0 人次
  丁香园：当天已于 2026年12月31日 18:00 确认，保持不变（如需更正，请用 `kangle record set`、`add` 或 `cancel`）
  警告：该场次此前已确认为服务记录 3：如需修改满意度，请运行 `kangle record set 3 --satisfaction 4`
  $ kangle record list --month 2026-12
  编号  日期        时间         服务点  服务    志愿者  替班  服务人次  满意度  服务时长
  1     2026-12-02  09:00-11:30  丁香园  测血糖  王建国        31                2小时30分
  2     2026-12-02  09:00-11:30  丁香园  织补    张伟    张伟  8                 2小时30分
  3     2026-12-02  13:30-16:00  丁香园  织补    李秀英                          2小时30分
  
  共 3 条记录，服务居民 39 人次，志愿服务时长 7小时30分
  $ kangle record add --date 2026-12-12 --place 樱花园小区 --time 09:00-11:00 --title 应急消杀 --cadence outreach --volunteers 王建国,张伟 --residents 60
  已添加服务记录 4：2026-12-12 樱花园小区 应急消杀
  $ kangle record add --date 2026-12-12 --kiosk nowhere --time 09:00-11:00 --service haircut --volunteers 张伟
  kangle: 错误：找不到服务点“nowhere”（现有服务点：dingxiang 丁香园、kangle-hall 康乐汇、pubei 浦北路）
  [3]
  $ kangle record add --date 2026-12-12 --kiosk dingxiang --time 09:00-11:00 --service haircut --volunteers 无名氏
  kangle: 错误：找不到姓名或手机号为“无名氏”的志愿者
  [3]
  $ kangle record set 1 --satisfaction 4.8
  已更新服务记录 1：2026-12-02 丁香园 测血糖
  警告：2026-12-02 丁香园：测血糖共服务 31 人次，超过每日限定人数 30（仍照实记录）
  $ kangle record set 1 --satisfaction 6
  kangle: 错误：满意度 6 不在 1 到 5 之间
  [2]

The kiosk and service are codes, the volunteers and stand-ins lists: the same under --lang en.

  $ kangle --lang en record list --person 张伟 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["facts"]); [print(r["id"], r["place"], r["service"], r["volunteers"], r["stand_ins"], r["residents"], r["satisfaction"], r["minutes"], r["origin"]) for r in d["sections"][0]["tables"][0]["rows"]]'
  {'records': 2, 'residents': 68, 'minutes': 390}
  2 dingxiang darning ['张伟'] ['张伟'] 8 None 150 rota
  4 樱花园小区 应急消杀 ['张伟', '王建国'] [] 60 None 240 manual
  $ kangle record list --person 张伟 --format json | python3 -c 'import json,sys; print([c["key"] for c in json.load(sys.stdin)["sections"][0]["tables"][0]["columns"]])'
  ['id', 'date', 'time', 'place', 'service', 'volunteers', 'stand_ins', 'residents', 'satisfaction', 'minutes', 'origin']
  $ kangle record list --kiosk dingxiang --format csv | tr -d '\r'
  编号,日期,时间,服务点,服务,志愿者,替班,服务人次,满意度,服务时长（分钟）,来源
  1,2026-12-02,09:00-11:30,dingxiang,blood-sugar,王建国,,31,4.8,150,rota
  2,2026-12-02,09:00-11:30,dingxiang,darning,张伟,张伟,8,,150,rota
  3,2026-12-02,13:30-16:00,dingxiang,darning,李秀英,,,,150,rota
A kiosk and a service by the names people use, as by their ids; a name kangle
does not know is refused, not answered with an empty list.

  $ kangle record list --kiosk 丁香园 --service 测血糖 --format csv | tr -d '\r'
  编号,日期,时间,服务点,服务,志愿者,替班,服务人次,满意度,服务时长（分钟）,来源
  1,2026-12-02,09:00-11:30,dingxiang,blood-sugar,王建国,,31,4.8,150,rota
  $ kangle record list --kiosk 丁香 --format csv
  kangle: 错误：找不到服务点“丁香”（是否想写“丁香园”？）
  [3]
  $ kangle record list --service 测血 --format csv
  kangle: 错误：未知的服务项目“测血”（是否想写“测血压”？）
  [2]
  $ kangle record grant 张伟 --hours 2.5 --reason 11月义诊忘记签到 --approved-by 王书记 --date 2026-11-20
  已为 张伟 补录服务时长 2小时30分，补录编号 1（审批人：王书记）
  $ kangle record grant 张伟 --hours 0.01 --reason x --approved-by y
  kangle: 错误：“0.01”不是有效时长：小时写 2 或 2.5，分钟写 90m
  [2]
  $ kangle record hours --period 2026-12
  姓名    服务次数  记录时长   补录时长  合计
  张伟    2         4小时30分  0小时     4小时30分
  李秀英  1         2小时30分  0小时     2小时30分
  王建国  2         4小时30分  0小时     4小时30分
  $ kangle record hours 张伟
  姓名  服务次数  记录时长   补录时长   合计
  张伟  2         4小时30分  2小时30分  7小时
  
  2026-11-20 补录 2小时30分（补录编号 1）：11月义诊忘记签到（审批人：王书记）
  $ kangle record hours --format json | python3 -c 'import json,sys; [print(r) for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"][:2]]'
  {'name': '张伟', 'sessions': 2, 'recorded_minutes': 270, 'granted_minutes': 150, 'total_minutes': 420}
  {'name': '李秀英', 'sessions': 1, 'recorded_minutes': 150, 'granted_minutes': 0, 'total_minutes': 150}

A sheet's row that is a session already confirmed from the rota (its kiosk, day,
service and time) is rejected as a duplicate, naming the record; another session
of a kiosk's day confirmed from the rota is imported with a warning.

  $ printf '日期,服务站点,服务项目,服务时间,志愿者,服务人次\n2026-12-02,丁香园,织补,09:00-11:30,郭秀兰,5\n2026-12-02,丁香园,修伞,16:00-17:00,郭秀兰,3\n' > extra.csv
  $ kangle import records extra.csv
  extra.csv（表头在第 1 行）
    新增 1 条，更新 0 条，合并 0 行，未变 0 条，拒收 1 行
  extra.csv:2:C（服务项目）：拒收：2026-12-02 09:00-11:30 丁香园 织补 与服务记录 2（2026-12-02 09:00-11:30 丁香园 织补，由轮值表确认）是同一场服务：一场服务只计一次
  extra.csv:3:A（日期）：存疑：该服务点当天已于 2026年12月31日 18:00 从轮值表确认过：是否重复记录？（多余的请用 `kangle record cancel` 作废）
  被拒收的行及原因已写入 extra.rejects.csv
  [1]

A record names its kiosk and service by id: renaming one in the config is caught.

  $ mv kiosks/dingxiang.toml kiosks/dingxiang-garden.toml
  $ kangle check > problems.txt; echo $?; grep 服务记录 problems.txt
  1
  kangle.db: 4 条服务记录引用的服务亭“dingxiang”已不在 kiosks/ 中：请恢复或改回该文件
  $ mv kiosks/dingxiang-garden.toml kiosks/dingxiang.toml
  $ kangle check >/dev/null; echo $?
  0
