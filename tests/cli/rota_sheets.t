What a printed rota and a public notice (四公开) say besides the duties: the days a kiosk
is closed (public holidays, its own closures), the make-up workdays (调休) it opens as
another weekday, the daily caps of capped services, and themed events that ask only for
helping hands. October 2026: 国庆节 Oct 1–7, Saturday Oct 10 worked as a Wednesday.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ kangle import volunteers "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" >/dev/null
  [1]
  $ cat >> kiosks/dingxiang.toml <<'TOML'
  > 
  > [[closure]]
  > from   = 2026-10-12
  > to     = 2026-10-13
  > reason = "亭体维修"
  > TOML
  $ kangle schedule build --month 2026-10 | head -1
  2026-10 轮值表：44 场服务，95 个岗位，已排 83 个，空缺 12 个

The weekly tables open with a row of closed and make-up days; a week closed throughout is
still printed, so nobody wonders where it went.

  $ kangle schedule export --month 2026-10 --format md --kiosk dingxiang > rota.md
  $ grep -A3 '2026-09-28 至' rota.md
  ### 2026-09-28 至 2026-10-04
  
  | 时间与服务 | 周一 | 周二 | 周三 | 周四 10-01 | 周五 10-02 | 周六 10-03 | 周日 10-04 |
  | --- | --- | --- | --- | --- | --- | --- | --- |
  $ grep '^| 闭亭与调休' rota.md
  | 闭亭与调休 |  |  |  | 国庆节 闭亭 | 国庆节 闭亭 | 国庆节 闭亭 | 国庆节 闭亭 |
  | 闭亭与调休 | 国庆节 闭亭 | 国庆节 闭亭 | 国庆节 闭亭 |  |  | 调休上班（按周三） |  |
  | 闭亭与调休 | 闭亭：亭体维修 | 闭亭：亭体维修 |  |  |  |  |  |
  $ grep -c '每日限 30 人' rota.md
  8

The notice says the same in sentences, and lists every service of the month with its cap,
themed events among them.

  $ kangle schedule notice --month 2026-10 --kiosk dingxiang --format md | grep -E '^(本月|调休)'
  本月闭亭：10-01 至 10-07 国庆节、10-12 至 10-13 亭体维修
  调休上班日（照常开放）：10-10（按周三）
  $ kangle schedule notice --month 2026-10 --kiosk kangle-hall --format md | sed -n '/服务项目/,/值班/p' | grep '^| [^-服]'
  | 测血压（每日限 40 人） | 周二 | 免费 |
  | 心理健康咨询（每日限 6 人） | 周五 | 免费 |
  | 文化plus | 每月最后一个周四 14:00-16:00 @康乐汇二楼 「文化plus」（2、6、10月） | 免费 |

In English, and in the XLSX sheet to print.

  $ kangle --lang en schedule notice --month 2026-10 --kiosk dingxiang --format md | grep -E '^(Closed|Make-up)'
  Closed this month: 10-01 to 10-07 National Day, 10-12 to 10-13 亭体维修
  Make-up workdays (open): 10-10 (as Wed)
  $ kangle schedule export --month 2026-10 --format xlsx --kiosk dingxiang -o rota.xlsx
  已写入 rota.xlsx
  $ /usr/bin/python3 -c 'import sys, openpyxl
  > sheet = openpyxl.load_workbook(sys.argv[1])["丁香园"]
  > print(sum(cell == "国庆节 闭亭" for row in sheet.iter_rows(values_only=True) for cell in row))' rota.xlsx
  7

A year whose schedule is not in holidays/ yet: its statutory days are closed, marked
provisional, on the rota and the notice alike.

  $ kangle schedule build --month 2027-01 2>/dev/null | head -1 >/dev/null
  $ kangle schedule export --month 2027-01 --format md --kiosk dingxiang 2>/dev/null | grep '^| 闭亭与调休'
  | 闭亭与调休 |  |  |  |  | 元旦（暂定） 闭亭 |  |  |
  $ kangle schedule notice --month 2027-01 --kiosk dingxiang --format md 2>/dev/null | grep '^本月'
  本月闭亭：01-01 元旦（暂定）
