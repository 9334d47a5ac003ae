December 2026's rota for the Kangjian example: the kiosks' menus laid over the
calendar, the volunteers of the sign-up sheet assigned exactly.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv | head -2
  signup.csv（表头在第 4 行）
    新增 28 人，更新 0 人，合并 1 行，未变 0 人，拒收 2 行
  $ kangle schedule build --month 2026-12
  2026-12 轮值表：62 场服务，131 个岗位，已排 94 个，空缺 37 个
  运行 `kangle schedule explain --month 2026-12` 查看每个空缺的原因。
  $ kangle schedule show --month 2026-12 --kiosk dingxiang --date 2026-12-08
  康健街道“雷锋亭” 2026-12 轮值表
  ===============================
  
  日期        星期  时间         服务点              服务    志愿者  锁定  空缺
  2026-12-08  周二  09:00-11:30  丁香园              理发    朱桂英        1
  2026-12-08  周二  09:00-11:00  丁香园 @樱花园小区  测血压  梁红梅        0
  2026-12-08  周二  13:30-16:00  丁香园              理发    胡建华        1
  $ kangle schedule show --month 2026-12 --person 张伟
  康健街道“雷锋亭” 2026-12 轮值表
  ===============================
  
  日期        星期  时间         服务点  服务                 志愿者  锁定  空缺
  2026-12-03  周四  08:30-11:30  浦北路  便民服务小集市 磨刀  张伟          0
  2026-12-10  周四  08:30-11:30  浦北路  便民服务小集市 磨刀  张伟          0
  2026-12-17  周四  08:30-11:30  浦北路  便民服务小集市 磨刀  张伟          0
  2026-12-24  周四  09:00-11:30  丁香园  磨刀                 张伟          0
  2026-12-29  周二  13:30-16:00  丁香园  理发                 张伟          1
  2026-12-31  周四  08:30-11:30  浦北路  便民服务小集市 磨刀  张伟          0
  $ kangle schedule show --month 2026-12 --kiosk kangle-hall --format csv | tr -d '\r' | tail -3
  2026-12-29,tue,09:00-11:30,kangle-hall,blood-pressure,周敏,,0,kangle-hall/2026-12-29/0900/blood-pressure/1
  2026-12-31,thu,14:00-16:00,kangle-hall,heritage-crafts,唐志强,,0,kangle-hall/2026-12-31/1400/heritage-crafts/1
  2026-12-31,thu,14:00-16:00,kangle-hall,general,"冯娟,曹杰,许萍,韩超",,0,"kangle-hall/2026-12-31/1400/+general/1,kangle-hall/2026-12-31/1400/+general/2,kangle-hall/2026-12-31/1400/+general/3,kangle-hall/2026-12-31/1400/+general/4"
  $ kangle schedule explain --month 2026-12 | head -5
  日期        星期  时间         服务点  服务        空缺原因
  2026-12-01  周二  09:00-11:30  丁香园  理发        有空的 3 人都已达到每月最多班次：张伟、朱桂英、马国强
  2026-12-01  周二  13:30-16:00  丁香园  理发        有空的 4 人都已达到每月最多班次：张伟、朱桂英、胡建华、马国强
  2026-12-03  周四  08:30-11:30  浦北路  理发        有空的 3 人都已达到每月最多班次：张伟、胡建华、马国强
  2026-12-03  周四  08:30-11:30  浦北路  修伞        有空的 2 人都已达到每月最多班次：何志强、陈明
  $ kangle --lang en schedule explain --month 2026-12 | grep -m1 "Watch"
  2026-12-03  Thu  09:00-11:30  Dingxiang Garden Lei Feng kiosk                  Watch and clock repair        1 available, all at their monthly limit: 高明

A rebuild with nothing changed moves nobody; the same inputs give the same rota.

  $ kangle schedule show --month 2026-12 --format json > before.json
  $ kangle schedule build --month 2026-12 | sed -n 2p
  与原轮值表相比，没有人调整。
  $ kangle schedule show --month 2026-12 --format json | cmp - before.json && echo same
  same

Exports: a volunteer's own phone calendar (iCalendar), a Markdown table to paste,
a file written whole.

  $ kangle schedule export --month 2026-12 --person 张伟 | tr -d "\r" | grep -E "^(BEGIN:VEVENT|UID|DTSTART|SUMMARY)" | head -4
  DTSTART:19700101T000000
  BEGIN:VEVENT
  UID:pubei/2026-12-03/510/knife-sharpening/3@kangle
  DTSTART;TZID=Asia/Shanghai:20261203T083000
  $ kangle schedule export --month 2026-12 --person 张伟 | grep -c BEGIN:VEVENT
  6
  $ kangle schedule export --month 2026-12 --format md --kiosk pubei | head -5
  # 康健街道“雷锋亭” 2026-12 轮值表
  
  ## 浦北路
  
  康健街道“雷锋亭” 浦北路党建主题园“雷锋亭” 2026-12 轮值表
  $ kangle schedule export --month 2026-12 --format xlsx
  kangle: 错误：--format xlsx 需要用 -o 指定输出文件，例如 -o 表格.xlsx
  [2]
  $ kangle schedule export --month 2026-12 --format xlsx -o 轮值表.xlsx
  已写入 轮值表.xlsx
  $ /usr/bin/python3 -c 'import sys, openpyxl
  > book = openpyxl.load_workbook(sys.argv[1])
  > for sheet in book.worksheets: print(sheet.title, sheet.page_setup.orientation, sheet.page_setup.paperSize)
  > for row in book["浦北路"].iter_rows(min_row=5, max_row=8, values_only=True): print(" | ".join(c or "" for c in row))' 轮值表.xlsx
  丁香园 landscape 9
  康乐汇 landscape 9
  浦北路 landscape 9
  2026-11-30 至 2026-12-06 |  |  |  |  |  |  | 
  时间与服务 | 周一 | 周二 12-01 | 周三 12-02 | 周四 12-03 | 周五 12-04 | 周六 12-05 | 周日 12-06
  08:30-11:30 便民服务小集市 理发（每日限 20 人） |  |  |  | 马国强、（空缺 1） |  |  | 
  08:30-11:30 便民服务小集市 磨刀 |  |  |  | 张伟 |  |  | 
  $ kangle schedule export --month 2026-12 --format html --kiosk pubei | grep -c '<table>'
  5
  $ kangle schedule export --month 2026-12 --format html --kiosk pubei | grep -o '生成于[^<]*'
  生成于 2026年12月1日 10:00。
  $ kangle schedule notice --month 2026-12 --kiosk pubei --format md | head -18
  # 康健街道“雷锋亭” 2026-12 服务公开栏
  
  ## 浦北路党建主题园“雷锋亭”
  
  地址：康健街道浦北路党建主题园
  
  开放时间：周四 08:30-11:30
  
  服务公约：风雨无阻、雷打不动，热情便民
  
  ### 服务项目
  
  | 服务项目 | 服务时间 | 收费标准 |
  | --- | --- | --- |
  | 理发（每日限 20 人） | 周四 08:30-11:30 「便民服务小集市」 | 免费 |
  | 磨刀 | 周四 08:30-11:30 「便民服务小集市」 | 免费 |
  | 修伞 | 周四 08:30-11:30 「便民服务小集市」 | 仅收材料费 |
  | 测血压（每日限 40 人） | 周四 08:30-11:30 「便民服务小集市」 | 免费 |
  $ kangle schedule notice --month 2026-12 -o 公开栏.html
  已写入 公开栏.html
  $ grep -c '<section>' 公开栏.html; grep -c 'break-before: page' 公开栏.html; grep -c '138' 公开栏.html
  3
  1
  0
  [1]
  $ kangle schedule export --month 2026-12 -o rota.ics && grep -c BEGIN:VEVENT rota.ics && ls rota.ics*
  已写入 rota.ics
  108
  rota.ics

Locks: a person's seats kept through rebuilds, marked in the rota; a seat
unlocked by its key.

  $ kangle schedule lock --month 2026-12 --person 张伟
  已锁定 2026-12 的 6 个岗位
  $ kangle schedule show --month 2026-12 --person 张伟 --date 2026-12-03 | tail -1
  2026-12-03  周四  08:30-11:30  浦北路  便民服务小集市 磨刀  张伟    张伟  0
  $ kangle schedule unlock --month 2026-12 --seat pubei/2026-12-03/0830/knife-sharpening/1
  已解锁 2026-12 的 1 个岗位
  $ kangle schedule build --month 2026-12 | sed -n 2p
  与原轮值表相比，没有人调整。
  $ kangle schedule show --month 2026-12 --person 张伟 --format json | python3 -c 'import json, sys
  > rows = json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]
  > print(sum(r["locked"] == ["张伟"] for r in rows), "of", len(rows))'
  5 of 6
  $ kangle schedule lock --month 2026-12
  kangle: 错误：请指明岗位：--seat 岗位 或 --person 姓名
  [2]

A mistyped seat key, or a seat nobody holds, is refused: not "0 seats locked".

  $ kangle schedule lock --month 2026-12 --seat pubei/2026-12-03/0830/knife-sharpening/9
  kangle: 错误：2026-12 的轮值表上没有席位“pubei/2026-12-03/0830/knife-sharpening/9”（席位编号见 `kangle schedule show --month 2026-12 --format csv` 的“席位”列）
  [3]
  $ kangle schedule show --month 2026-12 --format json | python3 -c 'import json, sys
  > rows = json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]
  > print([r["seats"][0] for r in rows if not r["volunteers"]][0])' > empty-seat
  $ kangle schedule lock --month 2026-12 --seat "$(cat empty-seat)"
  kangle: 错误：2026-12 的席位“pubei/2026-12-03/0830/umbrella-repair/1”无人值守：没有可锁定或解锁的人
  [3]

Publishing freezes the month: a rebuild then needs --force, `diff` says person by
person what changed since, and `notify` writes the day's messages to send.

  $ kangle schedule diff --month 2026-12
  kangle: 错误：2026-12 轮值表尚未发布：请运行 `kangle schedule publish --month 2026-12`
  [3]
  $ kangle schedule publish --month 2026-12
  已发布 2026-12 轮值表：已排 94 个岗位。
  $ kangle schedule build --month 2026-12
  kangle: 错误：2026-12 的轮值表已于 2026年12月1日 10:00 发布：如需重排请加 --force（将记录此次调整），之后用 `schedule diff` 查看需通知的人
  [2]
  $ kangle schedule diff --month 2026-12
  2026-12 轮值表与 2026年12月1日 10:00 发布时相同。
  $ kangle schedule notify --date 2026-12-08
  姓名    手机         通知内容
  朱桂英  138****8015  朱桂英，您好！2026-12-08（周二）09:00-11:30 请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加“理发”志愿服务。谢谢！
  梁红梅  138****8023  梁红梅，您好！2026-12-08（周二）09:00-11:00 请到丁香园（樱花园小区）参加“测血压”志愿服务。谢谢！
  周敏    138****8009  周敏，您好！2026-12-08（周二）09:00-11:30 请到康乐汇（康健街道社区党群服务中心（康乐汇））参加“测血压”志愿服务。谢谢！
  胡建华  138****8016  胡建华，您好！2026-12-08（周二）13:30-16:00 请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加“理发”志愿服务。谢谢！
  $ kangle --lang en schedule notify --date 2026-12-09 --dry-run --format csv --reveal | tr -d '\r' | head -2
  Volunteer #,Name,Phone,Duties that day,Message
  1,王建国,13800138001,dingxiang/2026-12-09/0900/blood-sugar/1,"王建国, hello! On 2026-12-09 (Wed) 09:00-11:30 please come to Dingxiang Garden Lei Feng kiosk (康健街道丁香园邻里汇党群服务分中心) for Blood-sugar test. Thank you!"

A drop-out: 马国强 stops from 14 December; the rebuild moves only whom it must
and reports them. A declared absence keeps 周敏 free for a week, and the next
rebuild says who covers for her.

  $ kangle schedule drop 马国强 --month 2026-12 --from 2026-12-14 --reason 搬家
  马国强 自 2026-12-14 起不再服务。
  2026-12 轮值表：62 场服务，131 个岗位，已排 91 个，空缺 40 个
  与原轮值表相比，有 1 人调整：马国强
  $ kangle schedule diff --month 2026-12
  2026-12 轮值表与 2026年12月1日 10:00 发布的版本相比，涉及 1 名志愿者
  
  姓名    变动    日期        星期  时间         服务点  服务
  马国强  - 取消  2026-12-17  周四  08:30-11:30  浦北路  便民服务小集市 理发
  马国强  - 取消  2026-12-24  周四  08:30-11:30  浦北路  便民服务小集市 理发
  马国强  - 取消  2026-12-31  周四  08:30-11:30  浦北路  便民服务小集市 理发
The JSON of show, explain, diff and notify has the same keys, codes and values in
either language: only titles, headers, lines and the messages to send are translated.

  $ for l in zh-CN en; do
  >   for c in show explain diff; do kangle --lang $l schedule $c --month 2026-12 --format json > $c.$l.json 2>/dev/null; done
  >   kangle --lang $l schedule notify --date 2026-12-15 --dry-run --format json > notify.$l.json
  > done
  $ cat > same.py <<'PY'
  > import json
  > def for_scripts(d):
  >     return {"kind": d["kind"], "facts": d.get("facts"), "sections": [
  >         {"id": s["id"], "tables": [{"id": t["id"], "keys": [c["key"] for c in t["columns"]],
  >                                     "rows": [{k: v for k, v in r.items() if k != "message"} for r in t["rows"]]}
  >                                    for t in s["tables"]]} for s in d["sections"]]}
  > for c in ["show", "explain", "diff", "notify"]:
  >     zh, en = (json.load(open(f"{c}.{l}.json")) for l in ["zh-CN", "en"])
  >     rows = sum(len(t["rows"]) for s in zh["sections"] for t in s["tables"])
  >     print(c, zh["kind"], zh["format_version"], rows, for_scripts(zh) == for_scripts(en))
  > PY
  $ python3 same.py
  show schedule_show 1 108 True
  explain schedule_explain 1 39 True
  diff schedule_diff 1 3 True
  notify schedule_notify 1 7 True

  $ kangle schedule notify --date 2026-12-15 | grep -m1 马国强
  马国强  138****8014  马国强，您好！您的排班有调整：取消 2026-12-17（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“便民服务小集市 理发”、取消 2026-12-24（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“便民服务小集市 理发”、取消 2026-12-31（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“便民服务小集市 理发”。请以新安排为准。谢谢！
  $ kangle schedule show --month 2026-12 --person 马国强 --format csv | tr -d '\r' | cut -d, -f1 | tail -n +2
  2026-12-01
  2026-12-03
  2026-12-10
  $ kangle volunteers away 周敏 --from 2026-12-21 --to 2026-12-27 --reason 外出
  周敏 自 2026-12-21 至 2026-12-27 不能服务。
  周敏 在这段时间排有 1 个班次：
    2026-12-22 09:00-11:30 康乐汇 测血压
  2026-12 的轮值表已发布：kangle schedule build --month 2026-12 --force 会换人（将记录此次调整），之后用 `schedule diff` 查看需通知的人
  $ kangle schedule build --month 2026-12 --force | sed -n 2p
  与原轮值表相比，有 3 人调整：周敏、马国强、梁红梅
  $ kangle schedule show --month 2026-12 --person 周敏 --format csv | tr -d '\r' | cut -d, -f1 | grep -c 2026-12-2[1-7]
  0
  [1]
  $ kangle schedule drop 无此人 --month 2026-12
  kangle: 错误：找不到姓名或手机号为“无此人”的志愿者
  [3]

February 2026: the Spring Festival (15–23) closes every kiosk; Saturday the 14th
is a make-up workday with Friday's menu, Saturday the 28th with Monday's.

  $ kangle schedule build --month 2026-02 --dry-run
  2026-02 轮值表：44 场服务，86 个岗位，已排 78 个，空缺 8 个
  运行 `kangle schedule explain --month 2026-02` 查看每个空缺的原因。
  （试运行，未写入任何内容）
  $ kangle schedule build --month 2026-02 >/dev/null
  $ kangle schedule show --month 2026-02 --kiosk dingxiang --format csv | tr -d '\r' | cut -d, -f1,2,5 | sort -u | sed -n '/2026-02-1[2-9]/p;/2026-02-2/p'
  2026-02-12,thu,knife-sharpening
  2026-02-12,thu,watch-repair
  2026-02-13,fri,bicycle-repair
  2026-02-14,sat,bicycle-repair
  2026-02-24,tue,haircut
  2026-02-25,wed,blood-sugar
  2026-02-25,wed,darning
  2026-02-26,thu,knife-sharpening
  2026-02-26,thu,watch-repair
  2026-02-27,fri,bicycle-repair
  2026-02-28,sat,umbrella-repair

Errors.

  $ kangle schedule show --month 2027-01
  kangle: 错误：2027-01 还没有轮值表：请先运行 `kangle schedule build --month 2027-01`
  [3]
  $ kangle schedule build --month 2026-13
  kangle: 错误：“2026-13”不是月份（格式为 YYYY-MM，例如 2026-12）
  [2]

Progress on a long build (a district's month takes seconds): a line on stderr while
the solver runs, only on a terminal, never with --quiet or off one.

  $ script -qec "kangle schedule build --month 2026-12 --dry-run" /dev/null | grep -o '正在为 [0-9]* 个待排岗位求最优排班…'
  正在为 126 个待排岗位求最优排班…
  $ script -qec "kangle schedule build --month 2026-12 --dry-run --quiet" /dev/null | grep -c '正在为'
  0
  [1]
  $ kangle schedule build --month 2026-12 --dry-run 2>&1 | grep -c '正在为'
  0
  [1]
