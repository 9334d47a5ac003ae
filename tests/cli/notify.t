Names people use: --kiosk takes the id, the name or the short name on every command
that takes it; an unknown one is an error with a "did you mean", never an empty table.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv >/dev/null
  [1]
  $ kangle schedule build --month 2026-12 >/dev/null
  $ for k in dingxiang 丁香园 '丁香园邻里汇“雷锋亭”' 'DINGXIANG GARDEN LEI FENG KIOSK'; do kangle schedule show --month 2026-12 --kiosk "$k" --format csv | md5sum; done | uniq -c | sed 's/ *//;s/ .*//'
  4
  $ kangle schedule show --month 2026-12 --kiosk 丁香园 --format csv | tr -d '\r' | cut -d, -f4 | sort -u
  dingxiang
  服务点
  $ kangle schedule show --month 2026-12 --kiosk 丁香圆
  kangle: 错误：找不到服务点“丁香圆”（是否想写“丁香园”？）
  [3]
  $ kangle schedule show --month 2026-12 --kiosk 火星
  kangle: 错误：找不到服务点“火星”（现有服务点：dingxiang 丁香园、kangle-hall 康乐汇、pubei 浦北路）
  [3]
  $ for cmd in "show" "export --format md" "export --format csv" "export --format html" "notice --format md" "explain"; do
  >   kangle schedule $cmd --month 2026-12 --kiosk 丁香园 >/dev/null && echo "$cmd ok"
  >   kangle schedule $cmd --month 2026-12 --kiosk dingxiang >/dev/null && echo "$cmd id ok"
  >   kangle schedule $cmd --month 2026-12 --kiosk 丁香圆 2>&1 >/dev/null | grep -c 是否想写; done
  show ok
  show id ok
  1
  export --format md ok
  export --format md id ok
  1
  export --format csv ok
  export --format csv id ok
  1
  export --format html ok
  export --format html id ok
  1
  notice --format md ok
  notice --format md id ok
  1
  explain ok
  explain id ok
  1
  $ kangle schedule export --month 2026-12 --format xlsx --kiosk 浦北路 -o 浦北路.xlsx && /usr/bin/python3 -c 'import sys, openpyxl; print([s.title for s in openpyxl.load_workbook(sys.argv[1]).worksheets])' 浦北路.xlsx
  已写入 浦北路.xlsx
  ['浦北路']
  $ kangle schedule explain --month 2026-12 --kiosk 浦北路 --format json | python3 -c 'import json, sys
  > print(sorted({r["kiosk"] for r in json.load(sys.stdin)["sections"][1]["tables"][0]["rows"]}))'
  ['pubei']
  $ kangle schedule notify --date 2026-12-08 --kiosk 丁香圆
  kangle: 错误：找不到服务点“丁香圆”（是否想写“丁香园”？）
  [3]
  $ kangle schedule notify --date 2026-12-08 --kiosk 丁香园 --dry-run | grep -c 您好
  3
  $ kangle schedule explain --month 2026-12 --person 张玮
  kangle: 错误：找不到姓名或手机号为“张玮”的志愿者（是否想写“张伟”？）
  [3]
  $ kangle schedule lock --month 2026-12 --person 张玮
  kangle: 错误：找不到姓名或手机号为“张玮”的志愿者（是否想写“张伟”？）
  [3]

ICS honours --kiosk: only that kiosk's sessions.

  $ kangle schedule export --month 2026-12 --kiosk 丁香园 | tr -d '\r' | grep '^UID' | cut -d/ -f1 | sort -u
  UID:dingxiang
  $ kangle schedule export --month 2026-12 --kiosk 丁香圆
  kangle: 错误：找不到服务点“丁香圆”（是否想写“丁香园”？）
  [3]

notify over three nights: each change told once, in words a coordinator would
send; JSON for scripts.

  $ cat > told.py <<'PY'
  > import json, sys
  > def told(path=None):
  >     "The rows of the notifications and of the changes told."
  >     d = json.load(open(path) if path else sys.stdin)
  >     tables = {t["id"]: t["rows"] for s in d["sections"] for t in s["tables"]}
  >     return tables["notifications"], tables.get("changes", [])
  > PY
  $ kangle schedule publish --month 2026-12 >/dev/null
  $ kangle schedule notify --date 2026-12-08 --format json > night1.json
  $ python3 -c 'from told import told; d, changes = told("night1.json"); print(len(d), len(changes)); print(d[0]["name"], d[0]["phone"]); print(d[0]["message"])'
  4 0
  朱桂英 138****8015
  朱桂英，您好！2026-12-08（周二）09:00-11:30 请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加“理发”志愿服务。谢谢！
  $ kangle schedule notify --date 2026-12-08
  2026-12-08 没有需要发送的通知：无人值班，排班调整均已通知。
  
  姓名  手机  通知内容
  $ export KANGLE_NOW=2026-12-09T12:00:00Z
  $ kangle schedule drop 马国强 --month 2026-12 --from 2026-12-14 >/dev/null
  $ kangle schedule notify --date 2026-12-09 --dry-run --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"]["notifications"])'
  4
  $ kangle schedule notify --date 2026-12-09 --format json > night2.json
  $ python3 -c 'from told import told
  > d, changes = told("night2.json")
  > for n in d: print(n["name"], [(c["change"], c["date"]) for c in changes if c["volunteer"] == n["volunteer"]]); print(n["message"])'
  王建国 []
  王建国，您好！2026-12-09（周三）09:00-11:30 请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加“测血糖”志愿服务。谢谢！
  徐丽华 []
  徐丽华，您好！2026-12-09（周三）13:30-16:00 请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加“测血糖”志愿服务。谢谢！
  郭秀兰 []
  郭秀兰，您好！2026-12-09（周三）13:30-16:00 请到丁香园（康健街道丁香园邻里汇党群服务分中心）参加“织补”志愿服务。谢谢！
  马国强 [('cancelled', '2026-12-17'), ('cancelled', '2026-12-24'), ('cancelled', '2026-12-31')]
  马国强，您好！您的排班有调整：取消 2026-12-17（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“便民服务小集市 理发”、取消 2026-12-24（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“便民服务小集市 理发”、取消 2026-12-31（周四）08:30-11:30 浦北路（康健街道浦北路党建主题园）“便民服务小集市 理发”。请以新安排为准。谢谢！
  $ export KANGLE_NOW=2026-12-10T12:00:00Z
  $ kangle schedule notify --date 2026-12-10 --format json | python3 -c 'from told import told; print(len(told()[1]))'
  0

Filters by --person (name, phone or #id) and --kiosk; -o writes the file whole.

  $ kangle schedule notify --date 2026-12-11 --person 13800138014 --dry-run
  2026-12-11 没有需要发送的通知：无人值班，排班调整均已通知。
  
  姓名  手机  通知内容
  
  （试运行，未写入任何内容）
  $ kangle schedule notify --date 2026-12-11 --kiosk 浦北路 --format csv -o 明天.csv
  已写入 明天.csv
  $ tr -d '\r' < 明天.csv | head -1
  ﻿志愿者编号,姓名,手机,当天值班,通知内容

A month without a rota is an error, so cron notices a forgotten build.

  $ kangle schedule notify --date 2027-01-04
  kangle: 错误：2027-01 还没有轮值表：请先运行 `kangle schedule build --month 2027-01`
  [3]

A duty taken away after the calendar was handed out comes back cancelled: the same
UID, STATUS:CANCELLED, a higher SEQUENCE.

  $ kangle schedule export --month 2026-12 --person 周敏 -o 周敏.ics >/dev/null
  $ kangle volunteers away 周敏 --from 2026-12-21 --to 2026-12-27 >/dev/null
  $ kangle schedule build --month 2026-12 --force >/dev/null
  $ kangle schedule export --month 2026-12 --person 周敏 | tr -d '\r' | grep -B4 STATUS:CANCELLED | grep -E '^(UID|SEQUENCE|STATUS)'
  UID:kangle-hall/2026-12-22/540/blood-pressure/7@kangle
  SEQUENCE:1
  STATUS:CANCELLED
  $ grep -c 'UID:kangle-hall/2026-12-22/540/blood-pressure/7@kangle' 周敏.ics
  1

A reminder the evening before, set in kangle.toml; a malformed one is refused with its line.

  $ sed -i '1i ics_reminder = "前一天 20:00"' kangle.toml
  $ kangle schedule export --month 2026-12 --person 周敏 | tr -d '\r' | grep -m1 TRIGGER
  TRIGGER:-PT13H
  $ sed -i '1s/.*/ics_reminder = "明晚"/' kangle.toml
  $ kangle schedule export --month 2026-12 --person 周敏 2>&1 | grep ics_reminder
  kangle: 错误：kangle.toml:1:16: ics_reminder“明晚”既不是“前一天 HH:MM”（前一天的该时刻），也不是“提前 N 分钟”（运行 `kangle check` 查看全部问题）
  $ sed -i '1d' kangle.toml

A duty of the day given to someone since the publication is told once, as a change, not
also as the day's duty.

  $ kangle schedule notify --date 2026-12-22 --dry-run --format json | python3 -c 'import json,sys
  > from told import told
  > d, changes = told()
  > added = [(c["name"], c["seat"]) for c in changes if c["change"] != "cancelled" and c["date"] == "2026-12-22"]
  > print(len(added) > 0, [s for n in d for s in n["duties"] if (n["name"], s) in added])'
  True []

A number alone is not an id (it may be a phone's last digits): ids take a '#'.

  $ kangle schedule notify --date 2026-12-11 --person 1 --dry-run
  kangle: 错误：找不到姓名或手机号为“1”的志愿者
  [3]
  $ kangle schedule notify --date 2026-12-11 --person '#1' --dry-run | tail -1
  （试运行，未写入任何内容）

A printed rota for one person shows their duties alone.

  $ kangle schedule export --month 2026-12 --format md --person 周敏 | grep '^| [0-9]' | grep -c 周敏
  6
  $ kangle schedule export --month 2026-12 --format md --person 周敏 | grep '^| [0-9]' | grep -vc 周敏
  0
  [1]

notify writes no file over another: what it recorded as told is never printed again.

  $ kangle schedule notify --date 2026-12-12 --format csv -o 明天.csv
  kangle: 错误：明天.csv 已存在：notify 会记下发出的通知，覆盖这个文件会丢掉其中尚未发送的消息。请换一个文件名（夜间脚本会加上时间）。
  [2]

Next month's published rota changed this month is told now, not on the 1st; nobody
forgotten is written to again.

  $ kangle schedule build --month 2027-01 2>/dev/null | head -1 >/dev/null
  $ kangle schedule publish --month 2027-01 >/dev/null
  $ kangle schedule notify --date 2026-12-11 --format json 2>/dev/null >/dev/null
  $ kangle volunteers away 周敏 --from 2027-01-04 --to 2027-01-10 >/dev/null
  $ kangle schedule build --month 2027-01 --force 2>/dev/null >/dev/null
  $ kangle schedule notify --date 2026-12-12 --dry-run --format json | python3 -c 'import json,sys
  > from told import told
  > d, changes = told()
  > print(sorted({c["date"][:7] for c in changes}), [n["name"] for n in d if n["name"] == "周敏"])'
  ['2027-01'] ['周敏']
  $ kangle volunteers forget 周敏 --yes >/dev/null
  $ kangle schedule notify --date 2026-12-12 --dry-run --format json | python3 -c 'import json,sys
  > from told import told
  > d, changes = told()
  > print([n["name"] for n in d if n["name"] == "周敏" or n["name"].startswith("#")])'
  []
  $ workspace-sql "select count(*) from calendar_events where body like '%周敏%'"
  0

The CSV an SMS gateway reads is one row a message, every row as wide as its header:
the changes each message tells stay in the text and the JSON.

  $ kangle schedule notify --date 2026-12-12 --dry-run --format json | python3 -c 'import json,sys
  > d = json.load(sys.stdin); print([t["id"] for t in d["sections"][0]["tables"]])'
  ['notifications', 'changes']
  $ kangle schedule notify --date 2026-12-12 --dry-run --format csv | python3 -c 'import csv,sys
  > rows = list(csv.reader(sys.stdin)); print(rows[0], len(rows) - 1, all(len(r) == len(rows[0]) for r in rows))'
  ['志愿者编号', '姓名', '手机', '当天值班', '通知内容'] 1 True
