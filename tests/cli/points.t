The points ledger for the Kangjian example: awards from the records by
points.toml's rules (twice is the same as once), the honour board in every
format, corrections, redemption, and verify finding an edit made behind
kangle's back. The days are confirmed as of December's last (a day to come cannot be).

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv >/dev/null; echo $?
  1
  $ kangle schedule build --month 2026-12 >/dev/null
  $ for d in 01 02 03 04 08 09 10 11; do KANGLE_NOW=2026-12-31T10:00:00Z kangle record confirm --date 2026-12-$d >/dev/null || echo "$d failed"; done
  $ KANGLE_NOW=2026-12-31T10:00:00Z kangle record add --date 2026-12-12 --place 樱花园小区 --time 09:00-11:00 --title 应急消杀 --cadence outreach --volunteers 王建国,张伟 --residents 60 >/dev/null
  $ kangle points award --dry-run
  已为 33 条服务记录发放积分：积分记录 75 条，共 163 分。
  （试运行，未写入任何内容）
  $ kangle points award --dry-run --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"])'
  {'records': 33, 'entries': 75, 'points': 163, 'already_awarded': 0, 'dry_run': True}
Two awards at once (cron and a coordinator): one waits for the other; nothing is
awarded twice.

  $ kangle points award > first.txt & kangle points award > second.txt; wait
  $ cat first.txt second.txt | sort
  35 人次此前已发放，不再重复。
  已为 0 条服务记录发放积分：积分记录 0 条，共 0 分。
  已为 33 条服务记录发放积分：积分记录 75 条，共 163 分。
  $ kangle points award
  已为 0 条服务记录发放积分：积分记录 0 条，共 0 分。
  35 人次此前已发放，不再重复。
  $ kangle points history 张伟
  序号  日期        积分  余额  规则            原因                                                经办人
  23    2026-12-03  +2    2     每班次          2026-12-03 浦北路 磨刀 · 每班次                     kangle
  24    2026-12-03  +3    5     每服务满一小时  2026-12-03 浦北路 磨刀 · 每服务满一小时 ×3          kangle
  54    2026-12-10  +2    7     每班次          2026-12-10 浦北路 磨刀 · 每班次                     kangle
  55    2026-12-10  +3    10    每服务满一小时  2026-12-10 浦北路 磨刀 · 每服务满一小时 ×3          kangle
  72    2026-12-12  +2    12    每班次          2026-12-12 樱花园小区 应急消杀 · 每班次             kangle
  73    2026-12-12  +2    14    每服务满一小时  2026-12-12 樱花园小区 应急消杀 · 每服务满一小时 ×2  kangle
  74    2026-12-12  +2    16    上门服务奖励    2026-12-12 樱花园小区 应急消杀 · 上门服务奖励       kangle
  75    2026-12-12  +3    19    周末节假日奖励  2026-12-12 樱花园小区 应急消杀 · 周末节假日奖励     kangle
  
  张伟 当前积分 19 分。

History as JSON parses (points were written "+2", which is not JSON): signed points
are numbers, rules codes; the keys and values are the same under --lang en.

  $ kangle points history 张伟 --format json > zh.json && python3 -c 'import json; d=json.load(open("zh.json")); r=d["sections"][0]["tables"][0]["rows"]; print(d["kind"], d["facts"]); print([(e["entry"], e["points"], e["rule"]) for e in r[:3]])'
  points_history {'volunteer': 3, 'balance': 19}
  [(23, 2, 'per_session'), (24, 3, 'per_hour'), (54, 2, 'per_session')]
  $ kangle --lang en points history 张伟 --format json > en.json && python3 -c 'import json; t=lambda f: [([c["key"] for c in tb["columns"]], tb["rows"]) for sec in json.load(open(f))["sections"] for tb in sec["tables"]]; print(t("zh.json") == t("en.json"))'
  True
  $ kangle points history 张伟 --format xlsx -o history.xlsx && python3 -c 'import zipfile; print(zipfile.ZipFile("history.xlsx").namelist().count("xl/worksheets/sheet1.xml"))'
  已写入 history.xlsx
  1
  $ kangle points history 张伟 --format xlsx
  kangle: 错误：--format xlsx 需要用 -o 指定输出文件，例如 -o 表格.xlsx
  [2]

The honour board.

  $ kangle points board --month 2026-12 --top 3
  康健街道“雷锋亭” 2026年12月先锋榜
  =================================
  
  名次  姓名    手机         单位                      积分  服务次数  服务时长  党员
  1     张伟    138****8003  徐汇区环卫所              19    3         8小时     ★
  2     王建国  138****8001  康健街道社区卫生服务中心  17    3         7小时     ★
  3     梁红梅  138****8023  康健街道社区卫生服务中心  16    3         8小时     ★
  
  ★ 为中共党员（含预备党员）
  手机号已隐去中间四位。
  $ kangle points board --month 2026-12 --top 3 --format md
  # 康健街道“雷锋亭” 2026年12月先锋榜
  
  | 名次 | 姓名 | 手机 | 单位 | 积分 | 服务次数 | 服务时长 | 党员 |
  | --- | --- | --- | --- | --- | --- | --- | --- |
  | 1 | 张伟 | 138****8003 | 徐汇区环卫所 | 19 | 3 | 8小时 | ★ |
  | 2 | 王建国 | 138****8001 | 康健街道社区卫生服务中心 | 17 | 3 | 7小时 | ★ |
  | 3 | 梁红梅 | 138****8023 | 康健街道社区卫生服务中心 | 16 | 3 | 8小时 | ★ |
  
  ---
  
  ★ 为中共党员（含预备党员）
  
  手机号已隐去中间四位。
  $ kangle points board --month 2026-12 --top 3 --format csv | tr -d '\r'
  名次,姓名,手机,单位,积分,服务次数,服务时长（分钟）,党员
  1,张伟,138****8003,徐汇区环卫所,19,3,480,true
  2,王建国,138****8001,康健街道社区卫生服务中心,17,3,420,true
  3,梁红梅,138****8023,康健街道社区卫生服务中心,16,3,480,true
  $ kangle points board --month 2026-12 --top 1 --format json --reveal | python3 -c 'import json,sys; d=json.load(sys.stdin); [print(r) for r in d["sections"][0]["tables"][0]["rows"]]'
  {'rank': 1, 'name': '张伟', 'phone': '13800138003', 'unit': '徐汇区环卫所', 'points': 19, 'sessions': 3, 'minutes': 480, 'party_member': True}
  $ kangle points board --month 2026-12 --format html -o board.html
  已写入 board.html
  $ grep -c '<tr>' board.html; grep -c 138 board.html; grep -o '138\*\*\*\*8003' board.html
  13
  12
  138****8003
  $ kangle points board --quarter 2026Q4 --top 1 --no-party-mark
  康健街道“雷锋亭” 2026年第四季度先锋榜
  =====================================
  
  名次  姓名  手机         单位          积分  服务次数  服务时长
  1     张伟  138****8003  徐汇区环卫所  19    3         8小时
  
  手机号已隐去中间四位。
  $ kangle points board --month 2026-11
  康健街道“雷锋亭” 2026年11月先锋榜
  =================================
  
  本期暂无积分记录。
  
  名次  姓名  手机  单位  积分  服务次数  服务时长  党员
  
  ★ 为中共党员（含预备党员）
  手机号已隐去中间四位。
  $ kangle points board --month 2026-12 --year 2026
  kangle: 错误：请指定 --month、--quarter、--year 其中之一
  [2]
  $ kangle points board --month 2026-13
  kangle: 错误：“2026-13”不是有效的期间：月份写 2026-12，季度写 2026Q4，年度写 2026
  [2]
  $ kangle --lang en points board --year 2026 --top 2
  康健街道“雷锋亭” — honour board, 2026
  =====================================
  
  Rank  Name    Phone        Unit                      Points  Sessions  Hours  Party member
  1     张伟    138****8003  徐汇区环卫所              19      3         8 h    ★
  2     王建国  138****8001  康健街道社区卫生服务中心  17      3         7 h    ★
  
  ★ party member
  Phone numbers are masked.

Corrections are new entries; nothing is ever changed in place.

  $ kangle points adjust 张伟 +5 --reason 协助组织集市 --by 王书记
  第 76 条：张伟 +5 分，余额 24 分
  $ kangle points adjust 张伟 -2 --reason 重复登记 --by 王书记
  第 77 条：张伟 -2 分，余额 22 分
  $ kangle points redeem 张伟 60 --for 定制保温杯
  kangle: 错误：积分不足：需要 60 分，当前余额 22 分
  [3]
  $ kangle points redeem 张伟 20 --for 电影票
  kangle: 错误：“电影票”不在可兑换物品中；points.toml 列有：爱心理发券、雷锋亭帆布袋、定制保温杯
  [3]
  $ kangle points redeem 张伟 20 --for 爱心理发券 --by 王书记
  第 78 条：张伟 -20 分，余额 2 分
  $ kangle points reverse 1 --reason 当天未到岗 --by 王书记
  第 79 条：马国强 -2 分，余额 12 分
  $ kangle points reverse 1 --reason again
  kangle: 错误：第 1 条已被第 79 条冲正
  [3]
  $ kangle points balance 张伟
  张伟：当前积分 2 分（累计获得 22 分，已兑换 20 分）
  $ kangle points balance | head -4
  姓名    手机         累计获得  已兑换  余额
  王建国  138****8001  17        0       17
  梁红梅  138****8023  16        0       16
  马国强  138****8014  12        0       12
  $ kangle points history 张伟 --format csv | tr -d '\r' | tail -4
  75,2026-12-12,3,19,holiday,2026-12-12 樱花园小区 应急消杀 · 周末节假日奖励,kangle,
  76,2026-12-01,5,24,manual,协助组织集市,王书记,
  77,2026-12-01,-2,22,manual,重复登记,王书记,
  78,2026-12-01,-20,2,redeem,兑换爱心理发券 ×1,王书记,
  $ kangle points stars --year 2026
  康健街道“雷锋亭” 2026年度“志愿服务之星”
  =======================================
  
  本年度暂无人达到 points.toml 中 [stars] 的全部评选条件。
  
  名次  姓名  手机  单位  积分  服务次数  服务时长  党员
  
  ★ 为中共党员（含预备党员）
  手机号已隐去中间四位。
  $ sed -i 's/^min_sessions = 12 /min_sessions = 3  /; s/^min_hours = 24 /min_hours = 7   /; s/^min_months = 6 /min_months = 1 /' points.toml
  $ kangle points stars --year 2026 --format md
  # 康健街道“雷锋亭” 2026年度“志愿服务之星”
  
  | 名次 | 姓名 | 手机 | 单位 | 积分 | 服务次数 | 服务时长 | 党员 |
  | --- | --- | --- | --- | --- | --- | --- | --- |
  | 1 | 张伟 | 138****8003 | 徐汇区环卫所 | 22 | 3 | 8小时 | ★ |
  | 2 | 王建国 | 138****8001 | 康健街道社区卫生服务中心 | 17 | 3 | 7小时 | ★ |
  | 3 | 梁红梅 | 138****8023 | 康健街道社区卫生服务中心 | 16 | 3 | 8小时 | ★ |
  | 4 | 马国强 | 138****8014 |  | 12 | 3 | 8小时30分 |  |
  
  ---
  
  ★ 为中共党员（含预备党员）
  
  手机号已隐去中间四位。
  $ kangle points verify
  积分账本核验无误：19 名志愿者共 79 条记录；自第 78 条起的 2 条逐条复算一致（`--full` 复算全部）；末条哈希 7868137db7af23c1
  账本头：第 79 条，哈希 7868137db7af23c1f5fe008ebda8e3c6c7837c019167489e8437d71f5fda1564

Changing the rules does not rewrite what was awarded.

  $ sed -i 's/^per_session  = 2 /per_session  = 3 /' points.toml
  $ kangle points award
  已为 0 条服务记录发放积分：积分记录 0 条，共 0 分。
  35 人次此前已发放，不再重复。
  $ kangle points award --rules-changed | tail -3
  2026-12-12  张伟    每班次  2     3           2026-12-12 樱花园小区 应急消杀 · 每班次
  
  按现行规则有 35 项积分会不同；已发放的积分保持不变。

Cancelling a record takes its points back.

  $ kangle record cancel 1 --reason 当天因雨暂停 --by 王书记
  服务记录 1 已作废；冲正积分记录 1 条，共收回 2 分
  $ kangle record cancel 1 --reason again
  kangle: 错误：服务记录 1 已于 2026年12月1日 10:00 作废
  [3]
  $ kangle points verify
  积分账本核验无误：19 名志愿者共 80 条记录；自第 79 条起的 2 条逐条复算一致（`--full` 复算全部）；末条哈希 ec7dfd98d29948e5
  账本头：第 80 条，哈希 ec7dfd98d29948e57933557e5e9f09aa5e1e9810175a4162fd0cf8359837863a

A command that writes to the ledger prints what it did and writes no file: a file
that failed after the entry was written would invite a second run.

  $ kangle points adjust 张伟 +5 --reason 测试 --format json -o adjust.json 2>&1 | head -1
  kangle: 错误：多余的参数：-o adjust.json；请查看 `kangle points adjust --help`
  $ kangle points balance 张伟 --format csv
  kangle: 错误：此输出没有表格，无法生成 CSV 或 XLSX：请用 --format text 或 json
  [2]
