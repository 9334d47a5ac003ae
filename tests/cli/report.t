Reports for the Kangjian example: December's records from the sheet and the
rota, points, a November session to compare with, matched projects; then the
month's report in every format, the portfolio review (with [review] thresholds
from kangle.toml), the units' assessment, the volunteers, and a pack for cron.
December's records are entered as of its last day (a day to come cannot be).

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ cp "$TESTDIR/../../examples/kangjian/sheets/服务记录.csv" records.csv
  $ cp "$TESTDIR/../../examples/kangjian/sheets/需求清单.csv" needs.csv
  $ cp "$TESTDIR/../../examples/kangjian/sheets/资源清单.csv" resources.csv
  $ kangle import volunteers signup.csv >/dev/null; KANGLE_NOW=2026-12-31T10:00:00Z kangle import records records.csv >/dev/null; kangle import needs needs.csv >/dev/null; kangle import resources resources.csv >/dev/null; echo imported
  imported
  $ kangle schedule build --month 2026-12 >/dev/null && KANGLE_NOW=2026-12-31T10:00:00Z kangle record confirm --date 2026-12-15 --served haircut@09:00=18 >/dev/null && echo confirmed
  confirmed
  $ kangle record add --date 2026-11-26 --kiosk dingxiang --time 09:00-11:30 --service haircut --volunteers 张伟 --residents 9 --satisfaction 4.5 >/dev/null && echo added
  added
  $ kangle points award >/dev/null && kangle match run >/dev/null && kangle match claim 1 >/dev/null && kangle match done 1 --delivered 收音机一台 --date 2026-12-05 --people 1 >/dev/null && kangle match review 1 --satisfaction 5 >/dev/null && echo matched
  matched

The month: headline figures first, then by kiosk, by service, month by month.
Reports from here on are made on 3 January, as the monthly cron job makes them:
December is over.

  $ export KANGLE_NOW=2027-01-03T01:00:00Z
  $ kangle report month 2026-12
  康健街道“雷锋亭” 2026年12月 服务报告
  ====================================
  
  概况
  ----
  2026年12月，开展便民服务 16 场（其中上门及站点外 1 场）、主题活动 1 场，服务群众 274 人次。
  参与服务志愿者 25 人、28 人次，服务时长 69.5 小时（另认定 0.0 小时）。
  认领微心愿 1 个、实现 1 个；新增志愿者 28 人。
  数量指标的增减以百分比计；党员占比的增减以百分点计；满意度的增减以分差计（1–5分）。
  
  指标                        本期  上期   环比（%）  环比（百分点/分）  去年同期
  便民服务（场）              16    1      1500.0                        0
  其中上门及站点外服务（场）  1     0                                    0
  主题活动（场）              1     0                                    0
  服务群众（人次）            274   9      2944.4                        0
  志愿者（人）                25    1      2400.0                        0
  志愿者（人次）              28    1      2700.0                        0
  服务时长（小时）            69.5  2.5    2680.0                        0.0
  认定时长（小时）            0.0   0.0                                  0.0
  满意度（1–5）               4.89  4.50              0.39
  新增志愿者（人）            28    0                                    0
  党员占比（%）               64.0  100.0             -36.0
  发放积分                    128   4      3100.0                        0
  对接项目（个）              8     0                                    0
  谢绝或取消项目（个）        0     0                                    0
  认领项目（个）              1     0                                    0
  完成项目（个）              1     0                                    0
  评价项目（个）              1     0                                    0
  认领微心愿（个）            1     0                                    0
  实现微心愿（个）            1     0                                    0
  
  指标                        同比（%）  同比（百分点/分）
  便民服务（场）
  其中上门及站点外服务（场）
  主题活动（场）
  服务群众（人次）
  志愿者（人）
  志愿者（人次）
  服务时长（小时）
  认定时长（小时）
  满意度（1–5）
  新增志愿者（人）
  党员占比（%）
  发放积分
  对接项目（个）
  谢绝或取消项目（个）
  认领项目（个）
  完成项目（个）
  评价项目（个）
  认领微心愿（个）
  实现微心愿（个）
  
  分站点
  ------
  
  站点        便民服务（场）  主题活动（场）  服务群众（人次）  志愿者（人次）
  站点外服务  1               0               40                2
  丁香园      9               0               120               13
  康乐汇      3               1               72                7
  浦北路      3               0               42                6
  
  站点        服务时长（小时）  满意度（1–5）  场次
  站点外服务  4.0               4.84           1
  丁香园      31.5              4.88           9
  康乐汇      16.0              4.91           4
  浦北路      18.0              4.95           3
  
  分服务项目
  ----------
  
  服务项目             类别      场次  服务群众（人次）  场均人次  满意度（1–5）
  测血压               健康服务  3     72                36.0      4.88
  理发                 生活服务  4     61                20.3      4.94
  “非遗+党建”主题活动  主题活动  1     35                35.0      4.88
  测血糖               健康服务  1     26                26.0      4.80
  磨刀                 生活服务  1     21                21.0      4.90
  法律咨询             法律服务  1     12                12.0      5.00
  修伞                 维修服务  1     11                11.0      4.70
  织补                 生活服务  1     9                 9.0       5.00
  血压计校验           健康服务  1     9                 9.0       5.00
  自行车修理           维修服务  1     7                 7.0
  钟表维修             维修服务  1     6                 6.0       5.00
  心理健康咨询         心理关爱  1     5                 5.0       5.00
  
  逐月
  ----
  
  月份     场次  服务群众（人次）  志愿者（人次）  服务时长（小时）
  2026-01  0     0                 0               0.0
  2026-02  0     0                 0               0.0
  2026-03  0     0                 0               0.0
  2026-04  0     0                 0               0.0
  2026-05  0     0                 0               0.0
  2026-06  0     0                 0               0.0
  2026-07  0     0                 0               0.0
  2026-08  0     0                 0               0.0
  2026-09  0     0                 0               0.0
  2026-10  0     0                 0               0.0
  2026-11  1     9                 1               2.5
  2026-12  17    274               28              69.5
  
                                                                    康健街道党工委
                                                                      2027年1月3日
  
  由 kangle 生成于 2027年1月3日 09:00。
  本报告所依据的积分账本：共 63 条，末条哈希 d8548d52ffd5132f
  $ kangle report month 2026-12 --format md
  # 康健街道“雷锋亭” 2026年12月 服务报告
  
  ## 概况
  
  2026年12月，开展便民服务 16 场（其中上门及站点外 1 场）、主题活动 1 场，服务群众 274 人次。
  
  参与服务志愿者 25 人、28 人次，服务时长 69.5 小时（另认定 0.0 小时）。
  
  认领微心愿 1 个、实现 1 个；新增志愿者 28 人。
  
  数量指标的增减以百分比计；党员占比的增减以百分点计；满意度的增减以分差计（1–5分）。
  
  | 指标 | 本期 | 上期 | 环比（%） | 环比（百分点/分） | 去年同期 | 同比（%） | 同比（百分点/分） |
  | --- | --- | --- | --- | --- | --- | --- | --- |
  | 便民服务（场） | 16 | 1 | 1500.0 |  | 0 |  |  |
  | 其中上门及站点外服务（场） | 1 | 0 |  |  | 0 |  |  |
  | 主题活动（场） | 1 | 0 |  |  | 0 |  |  |
  | 服务群众（人次） | 274 | 9 | 2944.4 |  | 0 |  |  |
  | 志愿者（人） | 25 | 1 | 2400.0 |  | 0 |  |  |
  | 志愿者（人次） | 28 | 1 | 2700.0 |  | 0 |  |  |
  | 服务时长（小时） | 69.5 | 2.5 | 2680.0 |  | 0.0 |  |  |
  | 认定时长（小时） | 0.0 | 0.0 |  |  | 0.0 |  |  |
  | 满意度（1–5） | 4.89 | 4.50 |  | 0.39 |  |  |  |
  | 新增志愿者（人） | 28 | 0 |  |  | 0 |  |  |
  | 党员占比（%） | 64.0 | 100.0 |  | -36.0 |  |  |  |
  | 发放积分 | 128 | 4 | 3100.0 |  | 0 |  |  |
  | 对接项目（个） | 8 | 0 |  |  | 0 |  |  |
  | 谢绝或取消项目（个） | 0 | 0 |  |  | 0 |  |  |
  | 认领项目（个） | 1 | 0 |  |  | 0 |  |  |
  | 完成项目（个） | 1 | 0 |  |  | 0 |  |  |
  | 评价项目（个） | 1 | 0 |  |  | 0 |  |  |
  | 认领微心愿（个） | 1 | 0 |  |  | 0 |  |  |
  | 实现微心愿（个） | 1 | 0 |  |  | 0 |  |  |
  
  ## 分站点
  
  | 站点 | 便民服务（场） | 主题活动（场） | 服务群众（人次） | 志愿者（人次） | 服务时长（小时） | 满意度（1–5） | 场次 |
  | --- | --- | --- | --- | --- | --- | --- | --- |
  | 站点外服务 | 1 | 0 | 40 | 2 | 4.0 | 4.84 | 1 |
  | 丁香园 | 9 | 0 | 120 | 13 | 31.5 | 4.88 | 9 |
  | 康乐汇 | 3 | 1 | 72 | 7 | 16.0 | 4.91 | 4 |
  | 浦北路 | 3 | 0 | 42 | 6 | 18.0 | 4.95 | 3 |
  
  ## 分服务项目
  
  | 服务项目 | 类别 | 场次 | 服务群众（人次） | 场均人次 | 满意度（1–5） |
  | --- | --- | --- | --- | --- | --- |
  | 测血压 | 健康服务 | 3 | 72 | 36.0 | 4.88 |
  | 理发 | 生活服务 | 4 | 61 | 20.3 | 4.94 |
  | “非遗+党建”主题活动 | 主题活动 | 1 | 35 | 35.0 | 4.88 |
  | 测血糖 | 健康服务 | 1 | 26 | 26.0 | 4.80 |
  | 磨刀 | 生活服务 | 1 | 21 | 21.0 | 4.90 |
  | 法律咨询 | 法律服务 | 1 | 12 | 12.0 | 5.00 |
  | 修伞 | 维修服务 | 1 | 11 | 11.0 | 4.70 |
  | 织补 | 生活服务 | 1 | 9 | 9.0 | 5.00 |
  | 血压计校验 | 健康服务 | 1 | 9 | 9.0 | 5.00 |
  | 自行车修理 | 维修服务 | 1 | 7 | 7.0 |  |
  | 钟表维修 | 维修服务 | 1 | 6 | 6.0 | 5.00 |
  | 心理健康咨询 | 心理关爱 | 1 | 5 | 5.0 | 5.00 |
  
  ## 逐月
  
  | 月份 | 场次 | 服务群众（人次） | 志愿者（人次） | 服务时长（小时） |
  | --- | --- | --- | --- | --- |
  | 2026-01 | 0 | 0 | 0 | 0.0 |
  | 2026-02 | 0 | 0 | 0 | 0.0 |
  | 2026-03 | 0 | 0 | 0 | 0.0 |
  | 2026-04 | 0 | 0 | 0 | 0.0 |
  | 2026-05 | 0 | 0 | 0 | 0.0 |
  | 2026-06 | 0 | 0 | 0 | 0.0 |
  | 2026-07 | 0 | 0 | 0 | 0.0 |
  | 2026-08 | 0 | 0 | 0 | 0.0 |
  | 2026-09 | 0 | 0 | 0 | 0.0 |
  | 2026-10 | 0 | 0 | 0 | 0.0 |
  | 2026-11 | 1 | 9 | 1 | 2.5 |
  | 2026-12 | 17 | 274 | 28 | 69.5 |
  
  康健街道党工委
  
  2027年1月3日
  
  ---
  
  由 kangle 生成于 2027年1月3日 09:00。
  
  本报告所依据的积分账本：共 63 条，末条哈希 d8548d52ffd5132f
  $ kangle report month 2026-12 --format csv
  headline
  metric,label,current,previous,change_pct,change_points,last_year,year_change_pct,year_change_points
  sessions,sessions,16,1,1500.0,,0,,
  outreach,outreach,1,0,,,0,,
  themed_events,themed_events,1,0,,,0,,
  residents,residents,274,9,2944.4,,0,,
  volunteers,volunteers,25,1,2400.0,,0,,
  volunteer_times,volunteer_times,28,1,2700.0,,0,,
  hours_recorded,hours_recorded,69.5,2.5,2680.0,,0.0,,
  hours_granted,hours_granted,0.0,0.0,,,0.0,,
  satisfaction,satisfaction,4.89,4.50,,0.39,,,
  new_volunteers,new_volunteers,28,0,,,0,,
  party_share,party_share,64.0,100.0,,-36.0,,,
  points_awarded,points_awarded,128,4,3100.0,,0,,
  projects_proposed,projects_proposed,8,0,,,0,,
  projects_dropped,projects_dropped,0,0,,,0,,
  projects_claimed,projects_claimed,1,0,,,0,,
  projects_done,projects_done,1,0,,,0,,
  projects_reviewed,projects_reviewed,1,0,,,0,,
  wishes_claimed,wishes_claimed,1,0,,,0,,
  wishes_done,wishes_done,1,0,,,0,,
  
  sessions_by_kiosk
  kiosk,sessions,themed_events,residents,volunteer_times,hours,satisfaction,all_sessions
  away,1,0,40,2,4.0,4.84,1
  dingxiang,9,0,120,13,31.5,4.88,9
  kangle-hall,3,1,72,7,16.0,4.91,4
  pubei,3,0,42,6,18.0,4.95,3
  
  by_service
  service,category,sessions,residents,per_session,satisfaction
  blood-pressure,health,3,72,36.0,4.88
  haircut,life,4,61,20.3,4.94
  “非遗+党建”主题活动,event,1,35,35.0,4.88
  blood-sugar,health,1,26,26.0,4.80
  knife-sharpening,life,1,21,21.0,4.90
  legal-advice,legal,1,12,12.0,5.00
  umbrella-repair,repair,1,11,11.0,4.70
  darning,life,1,9,9.0,5.00
  sphygmomanometer-check,health,1,9,9.0,5.00
  bicycle-repair,repair,1,7,7.0,
  watch-repair,repair,1,6,6.0,5.00
  mental-health,mental-care,1,5,5.0,5.00
  
  by_month
  month,sessions,residents,volunteer_times,hours
  2026-01,0,0,0,0.0
  2026-02,0,0,0,0.0
  2026-03,0,0,0,0.0
  2026-04,0,0,0,0.0
  2026-05,0,0,0,0.0
  2026-06,0,0,0,0.0
  2026-07,0,0,0,0.0
  2026-08,0,0,0,0.0
  2026-09,0,0,0,0.0
  2026-10,0,0,0,0.0
  2026-11,1,9,1,2.5
  2026-12,17,274,28,69.5
  $ kangle report month 2026-12 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["format_version"], d["kind"], d["period"], [s["id"] for s in d["sections"]]); t=d["sections"][0]["tables"][0]; print([r for r in t["rows"] if r["metric"] == "residents"])'
  1 month 2026-12 ['overview', 'kiosks', 'services', 'trend']
  [{'metric': 'residents', 'label': 'residents', 'current': 274, 'previous': 9, 'change_pct': 2944.4, 'change_points': None, 'last_year': 0, 'year_change_pct': None, 'year_change_points': None}]
  $ kangle --lang en report month 2026-12 | head -8
  康健街道“雷锋亭”: report for December 2026
  ==========================================
  
  Overview
  --------
  In December 2026, 16 convenience services (1 of them outreach away from kiosks) and 1 themed events were held, serving 274 resident person-times.
  25 volunteers served 28 person-times, 69.5 hours in all (0.0 more hours granted).
  1 micro-wishes claimed and 1 fulfilled; 28 new volunteers.
  $ kangle report quarter 2026Q4 --format csv | head -3
  headline
  metric,label,current,previous,change_pct,change_points,last_year,year_change_pct,year_change_points
  sessions,sessions,17,0,,,0,,
A month not yet over, as the nightly job on 3 December reports it: to that day,
against the same days of November and of December 2025. A month to come is refused.

  $ KANGLE_NOW=2026-12-03T01:00:00Z kangle report month 2026-12 | head -12
  康健街道“雷锋亭” 2026年12月（截至12月3日） 服务报告
  ===================================================
  
  概况
  ----
  本期尚未结束：数字截至12月3日，与上期同期（2026年11月1日至11月3日）和去年同期（2025年12月1日至12月3日）比较。
  2026年12月（截至12月3日），开展便民服务 7 场（其中上门及站点外 0 场）、主题活动 0 场，服务群众 127 人次。
  参与服务志愿者 12 人、12 人次，服务时长 33.0 小时（另认定 0.0 小时）。
  认领微心愿 1 个、实现 1 个；新增志愿者 28 人。
  数量指标的增减以百分比计；党员占比的增减以百分点计；满意度的增减以分差计（1–5分）。
  
  指标                        本期  上期  环比（%）  环比（百分点/分）  去年同期
  $ KANGLE_NOW=2026-12-03T01:00:00Z kangle --lang en report quarter 2026Q4 | sed -n '1p;6,7p'
  康健街道“雷锋亭”: report for Q4 2026 (to 3 Dec)
  The period is not over: figures to 3 Dec, compared with the same days of the period before (1 Jul – 3 Sep 2026) and of a year before (1 Oct – 3 Dec 2025).
  In Q4 2026 (to 3 Dec), 8 convenience services (0 of them outreach away from kiosks) and 0 themed events were held, serving 136 resident person-times.
  $ KANGLE_NOW=2026-12-03T01:00:00Z kangle report month 2027-01
  kangle: 错误：2027年1月尚未开始（今天是 2026-12-03）：还没有可报告的数字
  [2]
  $ KANGLE_NOW=2026-12-03T01:00:00Z kangle report year 2027 --pack future; ls -A | grep -c future
  kangle: 错误：2027年度尚未开始（今天是 2026-12-03）：还没有可报告的数字
  0
  [1]
  $ kangle report month 2026-13
  kangle: 错误：“2026-13”不是有效的期间：月份写 2026-12，季度写 2026Q4，年度写 2026
  [2]
  $ kangle report quarter 2026-12
  kangle: 错误：“2026-12”不是有效的期间：月份写 2026-12，季度写 2026Q4，年度写 2026
  [2]

The portfolio review, with the thresholds of kangle.toml's [review]: lowered to
sort the example's data. Demand is counted over the sessions with a residents
count (the rota's 15 December confirmed with one of its sessions counted);
非遗+党建, a themed event tied to heritage-crafts, counts for it; mental-health's
one resource is offered by a volunteer of its own kiosk, so it is kept as niche.

  $ sed -i -e 's/^demand_high       = 8.0/demand_high       = 20.0/' -e 's/^demand_low        = 3.0/demand_low        = 8.0/' -e 's/^keen_volunteers   = 3 /keen_volunteers   = 2 /' kangle.toml
  $ grep -A3 '^\[review\]' kangle.toml
  [review]                     # 服务项目评估（kangle report services）的阈值
  demand_high       = 20.0      # 每场服务人次不低于此：需求旺盛
  demand_low        = 8.0      # 每场服务人次低于此：需求不足
  satisfaction_good = 4.5      # 满意度不低于此：群众认可
  $ kangle report services --period 2026-12
  康健街道“雷锋亭” 2026年12月 服务项目评估
  ========================================
  
  服务项目一览
  ------------
  需求按场均服务人次计：不低于 20.0 为旺盛，低于 8.0 为不足；满意度不低于 4.5 为认可，低于 3.5 为差；具备该技能的志愿者不少于 2 人为志愿者愿意提供（阈值见 kangle.toml 的 [review]）。
  未记录服务人次的场次超过 50% 的服务项目列为数据不足；场均人次只按有人次记录的场次计。
  固化 5 项，保留 7 项，嫁接 0 项，退出 0 项。
  
  评估结论  服务项目      类别      场次  服务群众（人次）  场均人次
  固化      测血压        健康服务  3     72                36.0
  固化      非遗手工      文化传承  1     35                35.0
  固化      测血糖        健康服务  1     26                26.0
  固化      磨刀          生活服务  1     21                21.0
  固化      理发          生活服务  4     61                20.3
  保留      法律咨询      法律服务  1     12                12.0
  保留      修伞          维修服务  1     11                11.0
  保留      织补          生活服务  1     9                 9.0
  保留      血压计校验    健康服务  1     9                 9.0
  保留      自行车修理    维修服务  1     7                 7.0
  保留      钟表维修      维修服务  1     6                 6.0
  保留      心理健康咨询  心理关爱  1     5                 5.0
  
  评估结论  服务项目      容量使用率（%）  满意度（1–5）  具备技能志愿者
  固化      测血压        90.0             4.88           4
  固化      非遗手工                       4.88           2
  固化      测血糖        86.7             4.80           4
  固化      磨刀                           4.90           3
  固化      理发          101.7            4.94           4
  保留      法律咨询                       5.00           3
  保留      修伞                           4.70           4
  保留      织补                           5.00           2
  保留      血压计校验    60.0             5.00           1
  保留      自行车修理                                    2
  保留      钟表维修                       5.00           1
  保留      心理健康咨询  83.3             5.00           2
  
  评估结论  服务项目      提供站点数  同类需求
  固化      测血压        3           1
  固化      非遗手工      1           0
  固化      测血糖        1           1
  固化      磨刀          2           1
  固化      理发          2           1
  保留      法律咨询      1           1
  保留      修伞          2           0
  保留      织补          1           1
  保留      血压计校验    1           1
  保留      自行车修理    1           0
  保留      钟表维修      1           0
  保留      心理健康咨询  1           1
  
  固化：固化并加大资源投入
  ------------------------
  共 5 项。
  测血压：场均 36.0 人次（不低于 20.0），满意度 4.88（不低于 4.5）：群众需求旺盛且认可。（场均人次按 2 场有人次记录的场次计，共 3 场。）
  非遗手工：场均 35.0 人次（不低于 20.0），满意度 4.88（不低于 4.5）：群众需求旺盛且认可。
  测血糖：场均 26.0 人次（不低于 20.0），满意度 4.80（不低于 4.5）：群众需求旺盛且认可。
  磨刀：场均 21.0 人次（不低于 20.0），满意度 4.90（不低于 4.5）：群众需求旺盛且认可。
  理发：场均 20.3 人次（不低于 20.0），满意度 4.94（不低于 4.5）：群众需求旺盛且认可。（场均人次按 3 场有人次记录的场次计，共 4 场。）
  
  保留：保留培育
  --------------
  共 7 项。
  法律咨询：场均 12.0 人次，介于 8.0 与 20.0 之间，评价尚可：保留培育。
  修伞：场均 11.0 人次，介于 8.0 与 20.0 之间，评价尚可：保留培育。
  织补：场均 9.0 人次，介于 8.0 与 20.0 之间，评价尚可：保留培育。
  血压计校验：场均 9.0 人次，介于 8.0 与 20.0 之间，评价尚可：保留培育。
  自行车修理：场均仅 7.0 人次，但只有 1 个站点提供、无共建资源提供：群众在别处得不到。
  钟表维修：场均仅 6.0 人次，但只有 1 个站点提供、无共建资源提供：群众在别处得不到。
  心理健康咨询：场均仅 5.0 人次，只有 1 个站点提供；同类的 1 个共建资源由本站点自己的志愿者提供，并非别处提供：群众在别处得不到。
  
  嫁接：嫁接叠加到其他服务
  ------------------------
  共 0 项。
  
  退出：调整或退出
  ----------------
  共 0 项。
  
  数据不足：补录后再评估
  ----------------------
  共 0 项。
  
  由 kangle 生成于 2027年1月3日 09:00。
  本报告所依据的积分账本：共 63 条，末条哈希 d8548d52ffd5132f
  $ kangle report services --period 2026-12 --format csv | head -4
  portfolio
  group_key,group,service,category,sessions,residents,per_session,capacity_use_pct,satisfaction,volunteers_with_skill,kiosks,needs,reason,sessions_without_residents,sessions_without_satisfaction,graft_onto,graft_shares
  make_permanent,make_permanent,blood-pressure,health,3,72,36.0,90.0,4.88,4,3,1,popular,1,1,,
  make_permanent,make_permanent,heritage-crafts,heritage,1,35,35.0,,4.88,2,1,0,popular,0,0,,
  $ kangle report units --period 2026-12
  康健街道“雷锋亭” 2026年12月 共建单位反向考核
  ============================================
  
  共建单位
  --------
  按群众对其志愿者所服务场次及其领办项目的满意度排名，并计入评分多少：各单位的平均分向全街道平均分（4.89）收拢，相当于另加 10 条该分数的评分（kangle.toml 中 [assessment] prior_ratings）；其次按志愿者人次。
  
  排名  单位                          登记志愿者  参与服务志愿者  场次
  1     上海师范大学法政学院          3           3               1
  2     交通银行康健支行              0           0               0
  3     徐汇区环卫所                  2           2               3
  4     康健街道社区卫生服务中心      4           4               4
  5     上海康健物业管理有限公司      0           0               0
  6     上海康洁有害生物防治有限公司  0           0               0
  
  排名  单位                          志愿者（人次）  服务时长（小时）
  1     上海师范大学法政学院          3               9.0
  2     交通银行康健支行              0               0.0
  3     徐汇区环卫所                  3               7.5
  4     康健街道社区卫生服务中心      5               11.5
  5     上海康健物业管理有限公司      0               0.0
  6     上海康洁有害生物防治有限公司  0               0.0
  
  排名  单位                          认领项目（个）  完成项目（个）
  1     上海师范大学法政学院          0               0
  2     交通银行康健支行              1               1
  3     徐汇区环卫所                  0               0
  4     康健街道社区卫生服务中心      0               0
  5     上海康健物业管理有限公司      0               0
  6     上海康洁有害生物防治有限公司  0               0
  
  排名  单位                          按期完成率（%）  评分  评分数  满意度（1–5）
  1     上海师范大学法政学院                           4.90  1       5.00
  2     交通银行康健支行              100.0            4.90  1       5.00
  3     徐汇区环卫所                                   4.90  2       4.94
  4     康健街道社区卫生服务中心                       4.89  3       4.86
  5     上海康健物业管理有限公司                             0
  6     上海康洁有害生物防治有限公司                         0
  
  低评分（2分及以下）
  -------------------
  各单位志愿者所服务场次及其领办项目中，群众评分在2分及以下的每一项。
  没有评分在2分及以下的场次或项目。
  
  单位  日期  站点  场次或项目  满意度（1–5）
  
  由 kangle 生成于 2027年1月3日 09:00。
  本报告所依据的积分账本：共 63 条，末条哈希 d8548d52ffd5132f
  $ kangle report volunteers --period 2026-12 | head -12
  康健街道“雷锋亭” 2026年12月 志愿者服务统计
  ==========================================
  
  志愿者服务情况
  --------------
  
  姓名    手机号       单位                      党员  场次  服务时长（小时）
  朱桂英  138****8015                            ★     2     5.0
  胡建华  138****8016  徐汇区环卫所              ★     2     5.0
  周敏    138****8009  康健街道社区卫生服务中心  ★     2     4.5
  刘芳    138****8004  上海师范大学法政学院      ★     1     3.0
  陈明    138****8005                                  1     3.0
  $ kangle report volunteers --period 2026-12 --reveal --format csv | head -3 | cut -d, -f1-3
  volunteers
  name,phone,unit
  朱桂英,13800138015,
  $ kangle report volunteers --period 2026-12 --unit 法政
  康健街道“雷锋亭” 2026年12月 志愿者服务统计
  ==========================================
  
  志愿者服务情况
  --------------
  仅列出单位名称含“法政”的志愿者。
  
  姓名    手机号       单位                  党员  场次  服务时长（小时）
  刘芳    138****8004  上海师范大学法政学院  ★     1     3.0
  林海燕  138****8020  上海师范大学法政学院  ★     1     3.0
  罗晓东  138****8021  上海师范大学法政学院        1     3.0
  
  姓名    认定时长（小时）  发放积分  积分余额
  刘芳    0.0               5         5
  林海燕  0.0               5         5
  罗晓东  0.0               5         5
  
  各站点各技能志愿者人数
  ----------------------
  
  站点        技能        志愿者（人）
  站点外服务  医护        2
  丁香园      理发        4
  丁香园      自行车修理  2
  丁香园      修伞        1
  丁香园      医护        1
  丁香园      缝纫        2
  丁香园      钟表维修    1
  康乐汇      心理咨询    2
  康乐汇      医护        2
  浦北路      计量校验    1
  浦北路      磨刀        2
  浦北路      法律        3
  
  排班岗位到岗
  ------------
  
  站点    星期  时段  已排  空缺  排满率（%）
  丁香园  周一  上午  4     0     100.0
  丁香园  周一  下午  4     0     100.0
  丁香园  周二  上午  6     5     54.5
  丁香园  周二  下午  5     5     50.0
  丁香园  周三  上午  7     3     70.0
  丁香园  周三  下午  10    0     100.0
  丁香园  周四  上午  4     6     40.0
  丁香园  周四  下午  4     6     40.0
  丁香园  周五  上午  4     0     100.0
  丁香园  周五  下午  4     0     100.0
  康乐汇  周二  上午  5     0     100.0
  康乐汇  周四  下午  5     0     100.0
  康乐汇  周五  上午  4     0     100.0
  浦北路  周四  上午  28    12    70.0
  
  由 kangle 生成于 2027年1月3日 09:00。
  本报告所依据的积分账本：共 63 条，末条哈希 d8548d52ffd5132f
  手机号已隐去中间四位。

Files: -o writes atomically and refuses a folder; xlsx needs -o; --pack writes the set.

  $ kangle report month 2026-12 --format html -o 月报.html && grep -c '<svg' 月报.html
  已写入 月报.html
  2
  $ mkdir folder && kangle report month 2026-12 -o folder
  kangle: 错误：folder 是文件夹：请给出要写入的文件名
  [4]
  $ kangle report month 2026-12 --format xlsx
  kangle: 错误：--format xlsx 需要用 -o 指定输出文件，例如 -o 表格.xlsx
  [2]
  $ kangle report month 2026-12 --format xlsx -o 月报.xlsx && python3 -c 'import zipfile; print(sorted(n for n in zipfile.ZipFile("月报.xlsx").namelist() if n.startswith("xl/worksheets/")))'
  已写入 月报.xlsx
  ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']

The workbook opened with openpyxl, each sheet holding real numbers.

  $ "$TESTDIR/../report/check_xlsx.py" 月报.xlsx 概况 分站点 分服务项目 逐月 | sed 's/: .*月报.xlsx: /: /'
  check_xlsx: 4 sheets, each with numbers
  $ kangle report services --period 2026-12 --format html -o 评估.html >/dev/null && grep -c '<svg' 评估.html
  1

Each report is laid out for the committee's A4 paper (report_paper.t prints them with
Chromium). The workbook prints as the paper too: the report's title on top, tables
bordered, A4 fitted to one page wide, the header row repeated on every page.

  $ grep -o '@page { size: A4[a-z ]*;' 月报.html 评估.html
  月报.html:@page { size: A4;
  评估.html:@page { size: A4 landscape;
  $ "$TESTDIR/../report/check_xlsx.py" --paper 月报.xlsx 概况 分站点 分服务项目 逐月 | sed 's/: .*月报.xlsx: /: /'
  check_xlsx: 4 sheets, each with numbers, printed as a paper on A4
  $ kangle report month 2026-12 -o /dev/full
  kangle: 错误：无法写入 /dev/full：磁盘已满，未写入任何内容
  [4]
  $ kangle report month 2026-12 --pack pack --format html
  kangle: 错误：--format 不能与 --pack 同时使用；请查看 `kangle report month --help`
  [2]
  $ kangle report month 2026-12 --pack pack
  已在 pack 写入 26 个文件
  $ ls pack | head -30
  month-2026-12.by_month.csv
  month-2026-12.by_service.csv
  month-2026-12.headline.csv
  month-2026-12.html
  month-2026-12.json
  month-2026-12.md
  month-2026-12.sessions_by_kiosk.csv
  month-2026-12.xlsx
  services-2026-12.html
  services-2026-12.json
  services-2026-12.md
  services-2026-12.portfolio.csv
  services-2026-12.xlsx
  units-2026-12.html
  units-2026-12.json
  units-2026-12.low_ratings.csv
  units-2026-12.md
  units-2026-12.units.csv
  units-2026-12.xlsx
  volunteers-2026-12.coverage.csv
  volunteers-2026-12.html
  volunteers-2026-12.json
  volunteers-2026-12.md
  volunteers-2026-12.seats.csv
  volunteers-2026-12.volunteers.csv
  volunteers-2026-12.xlsx

The pack of a year takes a while at a district's size: on a terminal a line on
stderr counts the reports written, rewritten in place; never with --quiet or off one.

  $ script -qec "kangle report month 2026-12 --pack pack" /dev/null | grep -o '已生成报表 ./4…'
  已生成报表 1/4…
  已生成报表 2/4…
  已生成报表 3/4…
  已生成报表 4/4…
  $ script -qec "kangle report month 2026-12 --pack pack --quiet" /dev/null | grep -c '已生成'
  0
  [1]
  $ kangle report month 2026-12 --pack pack 2>&1 | grep -c '已生成'
  0
  [1]

The cron example: no terminal, no environment but what the crontab sets.

  $ env -i PATH="$PATH" KANGLE_NOW="$KANGLE_NOW" KANGLE_WORKSPACE="$PWD" REPORTS="$PWD/reports" sh "$TESTDIR/../../examples/cron/kangle-nightly.sh" nightly > cron.log 2>&1; echo $?
  0
  $ ls reports/*/ | wc -l
  26
  $ env -i PATH="$PATH" sh "$TESTDIR/../../examples/cron/kangle-nightly.sh" nightly 2>&1 | sed 's/.*: //'; echo "${PIPESTATUS[0]}"
  set KANGLE_WORKSPACE to the workspace folder
  2

Whole outputs for scripts and pasting: the units as JSON, the review as Markdown.

  $ kangle report units --period 2026-12 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["format_version"], d["kind"], d["period"], d["facts"]); [print(json.dumps(r, ensure_ascii=False)) for s in d["sections"] for t in s["tables"] for r in t["rows"]]'
  1 units 2026-12 {'ledger_entries': 63, 'ledger_head': 'd8548d52ffd5132f2704a8186ca4cb6842b04eb5c8477fc345d511a5931e1c46'}
  {"rank": 1, "unit": "上海师范大学法政学院", "registered": 3, "volunteers_sent": 3, "sessions": 1, "volunteer_times": 3, "hours": 9.0, "claimed": 0, "done": 0, "on_time_pct": null, "score": 4.9, "ratings": 1, "satisfaction": 5.0}
  {"rank": 2, "unit": "交通银行康健支行", "registered": 0, "volunteers_sent": 0, "sessions": 0, "volunteer_times": 0, "hours": 0.0, "claimed": 1, "done": 1, "on_time_pct": 100.0, "score": 4.9, "ratings": 1, "satisfaction": 5.0}
  {"rank": 3, "unit": "徐汇区环卫所", "registered": 2, "volunteers_sent": 2, "sessions": 3, "volunteer_times": 3, "hours": 7.5, "claimed": 0, "done": 0, "on_time_pct": null, "score": 4.9, "ratings": 2, "satisfaction": 4.94}
  {"rank": 4, "unit": "康健街道社区卫生服务中心", "registered": 4, "volunteers_sent": 4, "sessions": 4, "volunteer_times": 5, "hours": 11.5, "claimed": 0, "done": 0, "on_time_pct": null, "score": 4.89, "ratings": 3, "satisfaction": 4.86}
  {"rank": 5, "unit": "上海康健物业管理有限公司", "registered": 0, "volunteers_sent": 0, "sessions": 0, "volunteer_times": 0, "hours": 0.0, "claimed": 0, "done": 0, "on_time_pct": null, "score": null, "ratings": 0, "satisfaction": null}
  {"rank": 6, "unit": "上海康洁有害生物防治有限公司", "registered": 0, "volunteers_sent": 0, "sessions": 0, "volunteer_times": 0, "hours": 0.0, "claimed": 0, "done": 0, "on_time_pct": null, "score": null, "ratings": 0, "satisfaction": null}
  $ kangle --lang en report services --period 2026-12 --format md
  # 康健街道“雷锋亭”: the service portfolio review, December 2026
  
  ## The portfolio
  
  Demand is residents per session: high at 20.0 or more, little below 8.0; satisfaction good at 4.5 or more, poor below 3.5; volunteers keen when 2 or more have the skill (kangle.toml [review]).
  
  A service with more than 50% of its sessions without a residents count has insufficient data; demand is counted over the sessions with one.
  
  5 to make permanent, 7 to keep, 0 to graft, 0 to adjust or retire.
  
  | Group | Service | Category | Sessions | Residents served (person-times) | Residents per session | Capacity used (%) | Satisfaction (1–5) | Volunteers with the skill | Kiosks offering it | Needs in its category |
  | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
  | make permanent | Blood-pressure test | Health | 3 | 72 | 36.0 | 90.0 | 4.88 | 4 | 3 | 1 |
  | make permanent | Intangible-heritage crafts | Culture and heritage | 1 | 35 | 35.0 |  | 4.88 | 2 | 1 | 0 |
  | make permanent | Blood-sugar test | Health | 1 | 26 | 26.0 | 86.7 | 4.80 | 4 | 1 | 1 |
  | make permanent | Knife sharpening | Everyday services | 1 | 21 | 21.0 |  | 4.90 | 3 | 2 | 1 |
  | make permanent | Haircut | Everyday services | 4 | 61 | 20.3 | 101.7 | 4.94 | 4 | 2 | 1 |
  | keep | Legal advice | Legal services | 1 | 12 | 12.0 |  | 5.00 | 3 | 1 | 1 |
  | keep | Umbrella repair | Repairs | 1 | 11 | 11.0 |  | 4.70 | 4 | 2 | 0 |
  | keep | Darning | Everyday services | 1 | 9 | 9.0 |  | 5.00 | 2 | 1 | 1 |
  | keep | Blood-pressure monitor check | Health | 1 | 9 | 9.0 | 60.0 | 5.00 | 1 | 1 | 1 |
  | keep | Bicycle repair | Repairs | 1 | 7 | 7.0 |  |  | 2 | 1 | 0 |
  | keep | Watch and clock repair | Repairs | 1 | 6 | 6.0 |  | 5.00 | 1 | 1 | 0 |
  | keep | Mental-health counselling | Mental wellbeing | 1 | 5 | 5.0 | 83.3 | 5.00 | 2 | 1 | 1 |
  
  ## 固化 Make permanent, resource more
  
  5 service(s).
  
  Blood-pressure test: 36.0 residents per session (at least 20.0) and satisfaction 4.88 (at least 4.5): much used and well liked. (Demand over the 2 of 3 sessions with a residents count.)
  
  Intangible-heritage crafts: 35.0 residents per session (at least 20.0) and satisfaction 4.88 (at least 4.5): much used and well liked.
  
  Blood-sugar test: 26.0 residents per session (at least 20.0) and satisfaction 4.80 (at least 4.5): much used and well liked.
  
  Knife sharpening: 21.0 residents per session (at least 20.0) and satisfaction 4.90 (at least 4.5): much used and well liked.
  
  Haircut: 20.3 residents per session (at least 20.0) and satisfaction 4.94 (at least 4.5): much used and well liked. (Demand over the 3 of 4 sessions with a residents count.)
  
  ## 保留 Keep and cultivate
  
  7 service(s).
  
  Legal advice: 12.0 residents per session, between 8.0 and 20.0; ratings not poor: keep and cultivate.
  
  Umbrella repair: 11.0 residents per session, between 8.0 and 20.0; ratings not poor: keep and cultivate.
  
  Darning: 9.0 residents per session, between 8.0 and 20.0; ratings not poor: keep and cultivate.
  
  Blood-pressure monitor check: 9.0 residents per session, between 8.0 and 20.0; ratings not poor: keep and cultivate.
  
  Bicycle repair: only 7.0 residents per session, but offered at 1 kiosk(s) and by no co-building resource: residents cannot get it elsewhere.
  
  Watch and clock repair: only 6.0 residents per session, but offered at 1 kiosk(s) and by no co-building resource: residents cannot get it elsewhere.
  
  Mental-health counselling: only 5.0 residents per session, offered at 1 kiosk(s); the 1 resource(s) of its category are offered by the kiosk's own volunteers, so nobody else offers it: residents cannot get it elsewhere.
  
  ## 嫁接 Graft onto another service
  
  0 service(s).
  
  ## 退出 Adjust or retire
  
  0 service(s).
  
  ## 数据不足 Insufficient data
  
  0 service(s).
  
  ---
  
  Generated 3 Jan 2027 09:00 by kangle.
  
  Points ledger as reported: 63 entries, last hash d8548d52ffd5132f

A volunteer asks to be forgotten (PIPL): personal data erased, what they did kept
by number; the ledger still verifies and the reports still add up. Asked on 1
December: the rota from that day on loses them.

  $ export KANGLE_NOW=2026-12-01T02:00:00Z
  $ kangle volunteers forget 张伟
  kangle: 错误：删除 张伟 的个人信息（姓名、手机号、身份证号等）后无法恢复：确认请加 --yes
  [2]
  $ kangle volunteers forget 张伟 --yes
  已删除 张伟 的个人信息，此后以 #3 表示。仅按编号保留：服务记录 2 条、积分记录 4 条；今天起的排班空出 6 个岗位；资源清单 1 行、需求清单 0 行中的姓名和联系方式已删除。
  $ kangle volunteers show 张伟
  kangle: 错误：找不到姓名或手机号为“张伟”的志愿者
  [3]
  $ kangle points verify | head -1 | cut -c1-30
  积分账本核验无误：25 
  $ kangle report volunteers --period 2026-12 --reveal --format csv | grep '^#'
  #3,,徐汇区环卫所,true,1,2.5,0.0,4,8
  $ KANGLE_NOW=2027-01-03T01:00:00Z kangle report month 2026-12 --format csv | grep '^residents,'
  residents,residents,274,9,2944.4,,0,,

A session rated 2 or below is listed under the unit of the volunteers who served it,
for the street to ask what went wrong; in October only, so December's figures stand.

  $ kangle record add --date 2026-10-15 --kiosk dingxiang --time 09:00-11:00 --service blood-pressure --volunteers 王建国 --residents 6 --satisfaction 2 >/dev/null && echo added
  added
  $ kangle report units --period 2026-10 | sed -n '/^低评分/,/^由/{/^由/d;p}'
  低评分（2分及以下）
  -------------------
  各单位志愿者所服务场次及其领办项目中，群众评分在2分及以下的每一项。
  
  单位                      日期        站点    场次或项目  满意度（1–5）
  康健街道社区卫生服务中心  2026-10-15  丁香园  测血压      2.00
  
  $ kangle report units --period 2026-10 --format csv | sed -n '/^low_ratings/,$p'
  low_ratings
  unit,date,kind,kiosk,item,satisfaction
  康健街道社区卫生服务中心,2026-10-15,session,dingxiang,blood-pressure,2.00

Unknown is not zero: a day confirmed from the rota without residents counted
leaves its services with insufficient data (数据不足), not 0.0 a session; a
service on a menu that no volunteer can staff is kept, its skill named; with
niche_kiosks lowered, little-used services are grafted onto one that shares
something with them, and the sentence says what. December is over by now.

  $ KANGLE_NOW=2026-12-31T10:00:00Z kangle record confirm --date 2026-12-16 >/dev/null && echo confirmed
  confirmed
  $ export KANGLE_NOW=2027-01-03T01:00:00Z
  $ sed -i 's/^  "legal-advice", .*/  "legal-advice",\n  "pet-advice",/' kiosks/pubei.toml
  $ sed -i 's/^niche_kiosks      = 1 /niche_kiosks      = 0 /' kangle.toml
  $ kangle report services --period 2026-12 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(r["group"], r["service"], r["reason"], r["sessions"], r["sessions_without_residents"], r["sessions_without_satisfaction"], r["graft_onto"], r["graft_shares"]) for r in d["sections"][0]["tables"][0]["rows"] if r["group"] != "make_permanent"]'
  keep legal-advice middling 1 0 0 None None
  keep umbrella-repair middling 1 0 0 None None
  keep sphygmomanometer-check middling 1 0 0 None None
  keep pet-advice no_skilled_volunteers 0 0 0 None None
  graft bicycle-repair volunteers_keen 1 0 1 umbrella-repair category
  graft mental-health volunteers_keen 1 0 0 blood-pressure kiosk
  retire watch-repair little_demand 1 0 0 None None
  insufficient_data blood-sugar figures_unknown 3 2 2 None None
  insufficient_data darning figures_unknown 3 2 2 None None
  $ kangle report services --period 2026-12 | grep '^文明养宠'
  文明养宠咨询：缺少具备技能的志愿者（宠物医疗）：列入 1 个站点的服务菜单，但无人可排班；保留，并招募具备该技能的志愿者，群众可能在别处得不到。
  $ kangle report services --period 2026-12 | sed -n '/^嫁接：/,/^由 kangle/p'
  嫁接：嫁接叠加到其他服务
  ------------------------
  共 2 项。
  自行车修理：2 名志愿者具备该技能，但场均仅 7.0 人次（低于 8.0）：建议嫁接到“修伞”（同一类别：维修服务）。
  心理健康咨询：2 名志愿者具备该技能，但场均仅 5.0 人次（低于 8.0）：建议嫁接到“测血压”（同一站点：康乐汇）。
  
  退出：调整或退出
  ----------------
  共 1 项。
  钟表维修：场均仅 6.0 人次（低于 8.0），共有 1 个站点、0 个共建资源提供，别处也能得到：建议调整或退出。
  
  数据不足：补录后再评估
  ----------------------
  共 2 项。
  测血糖：3 场中有 2 场未记录服务人次、2 场未记录满意度（未记录服务人次的超过 50%）：请先补录再作评估（用 `kangle record list --service 服务项目` 查记录编号，`kangle record set 编号 --residents 人次 --satisfaction 分数` 补录）。
  织补：3 场中有 2 场未记录服务人次、2 场未记录满意度（未记录服务人次的超过 50%）：请先补录再作评估（用 `kangle record list --service 服务项目` 查记录编号，`kangle record set 编号 --residents 人次 --satisfaction 分数` 补录）。
  
  由 kangle 生成于 2027年1月3日 09:00。
