A new kiosk written as people write it: a Chinese id (the file name), Chinese
weekdays and ranges, full-width colons and digits, Chinese dashes, and the
rhythms of a notice board (每周三, 每月最后一个周四, 每月第二个周六, 隔周四 从…),
and services by their names (理发, 测血压) as well as by their ids.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cat > kiosks/梧桐SPACE.toml <<'TOML'
  > name       = "梧桐SPACE“雷锋亭”"
  > short_name = "梧桐"
  > 
  > [hours]
  > "周一至周五" = ["9：00—11：30", "13:30至16:00"]
  > "周六" = "９:００～１１:００"
  > 
  > [[daily]]
  > on       = "周一-周五"
  > services = ["理发"]
  > 
  > [[daily]]
  > on       = "每周三"
  > services = ["测血压"]
  > 
  > [[weekly]]
  > on       = "隔周四 从2026-12-03"
  > time     = "8:30~11:30"
  > services = ["knife-sharpening"]
  > 
  > [[weekly]]
  > on       = "周一到周五"
  > time     = "14:00－15:00"
  > services = ["umbrella-repair"]
  > 
  > [[monthly]]
  > on       = "每月最后一个周四"
  > time     = "14:00~16:00"
  > title    = "非遗+党建"
  > seats    = { general = 2 }
  > 
  > [[outreach]]
  > on       = "每月第二个周六"
  > at       = "樱花园小区"
  > services = ["blood-pressure"]
  > 
  > [[closure]]
  > from   = "2027年1月10日"
  > to     = "2027/1/20"
  > reason = "装修"
  > TOML
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  
  0 个错误，1 个警告
  $ kangle status --format json | python3 -c 'import json, sys
  > d = json.load(sys.stdin)
  > s = [x for x in d["sections"] if x["id"] == "梧桐SPACE"][0]
  > for r in s["tables"][0]["rows"]: print(r)'
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  {'item': 'hours', 'detail': '周一、周二、周三、周四、周五 09:00-11:30, 13:30-16:00'}
  {'item': 'hours', 'detail': '周六 09:00-11:00'}
  {'item': 'daily', 'detail': '周一、周二、周三、周四、周五：理发'}
  {'item': 'daily', 'detail': '周三：测血压'}
  {'item': 'weekly', 'detail': '自 2026-12-03 起每 2 周 08:30-11:30：磨刀'}
  {'item': 'weekly', 'detail': '周一、周二、周三、周四、周五 14:00-15:00：修伞'}
  {'item': 'monthly', 'detail': '每月最后一个周四 14:00-16:00 「非遗+党建」：通用志愿服务×2'}
  {'item': 'outreach', 'detail': '每月第2个周六 @樱花园小区：测血压'}
  {'item': 'closure', 'detail': '2027-01-10 – 2027-01-20 装修'}

The rota of December 2026 for the kiosk, by its Chinese id and by its name.

  $ kangle import volunteers "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" >/dev/null
  [1]
  $ kangle schedule build --month 2026-12 | head -1
  2026-12 轮值表：146 场服务，262 个岗位，已排 97 个，空缺 165 个
  $ kangle schedule show --month 2026-12 --kiosk 梧桐SPACE --date 2026-12-17
  康健街道“雷锋亭” 2026-12 轮值表
  ===============================
  
  日期        星期  时间         服务点  服务  志愿者  锁定  空缺
  2026-12-17  周四  08:30-11:30  梧桐    磨刀                1
  2026-12-17  周四  09:00-11:30  梧桐    理发  马国强        1
  2026-12-17  周四  13:30-16:00  梧桐    理发                2
  2026-12-17  周四  14:00-15:00  梧桐    修伞                1
  $ kangle schedule show --month 2026-12 --kiosk 梧桐 --date 2026-12-31 --format csv | tr -d '\r'
  日期,星期,时间,服务点,服务,志愿者,锁定,空缺,席位
  2026-12-31,thu,08:30-11:30,梧桐SPACE,knife-sharpening,,,1,梧桐SPACE/2026-12-31/0830/knife-sharpening/1
  2026-12-31,thu,09:00-11:30,梧桐SPACE,haircut,马国强,,1,"梧桐SPACE/2026-12-31/0900/haircut/1,梧桐SPACE/2026-12-31/0900/haircut/2"
  2026-12-31,thu,13:30-16:00,梧桐SPACE,haircut,,,2,"梧桐SPACE/2026-12-31/1330/haircut/1,梧桐SPACE/2026-12-31/1330/haircut/2"
  2026-12-31,thu,14:00-15:00,梧桐SPACE,umbrella-repair,陈明,,0,梧桐SPACE/2026-12-31/1400/umbrella-repair/1
  2026-12-31,thu,14:00-16:00,梧桐SPACE,general,"许萍,韩超",,0,"梧桐SPACE/2026-12-31/1400/+general/1,梧桐SPACE/2026-12-31/1400/+general/2"
  $ kangle schedule show --month 2026-12 --kiosk 梧桐SPACE --format json | python3 -c 'import json, sys
  > d = json.load(sys.stdin)
  > rows = d["sections"][0]["tables"][0]["rows"]
  > print(len(rows), sorted({r["kiosk"] for r in rows}))'
  84 ['梧桐SPACE']
  $ kangle schedule export --month 2026-12 --kiosk 梧桐SPACE --format xlsx -o 梧桐SPACE.xlsx && ls *.xlsx
  已写入 梧桐SPACE.xlsx
  梧桐SPACE.xlsx
  $ kangle schedule notice --month 2026-12 --kiosk 梧桐SPACE --format md | head -3
  # 康健街道“雷锋亭” 2026-12 服务公开栏
  
  ## 梧桐SPACE“雷锋亭”

What `check` suggests, it accepts: with no kiosk it says to add kiosks/名称.toml,
and a file of that name is a kiosk.

  $ cd .. && kangle init empty >/dev/null && cd empty
  $ kangle check | grep kiosks/
  kiosks/: 警告：没有服务点：导入站点表（kangle import kiosks 站点表.xlsx），或逐个添加（kangle kiosk add 名称 --hours …）
  $ printf 'name = "名称"\n[hours]\n"周一至周五" = "9:00-11:30"\n[[daily]]\non = "周一"\nservices = ["haircut"]\n' > kiosks/名称.toml
  $ kangle check | grep kiosks/
  [1]

An id with a space is not one: it names the file and says what an id may hold.

  $ cp kiosks/名称.toml "kiosks/梧桐 SPACE.toml" && kangle check; rm "kiosks/梧桐 SPACE.toml"
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kiosks/梧桐 SPACE.toml: “梧桐 SPACE”不是有效的标识（只能用汉字、字母、数字、- 和 _，不能有空格）
  
  1 个错误，1 个警告

A Chinese key without quotes is a TOML syntax error: `check` says, in Chinese
(or English on request), at its file and line, to put it in quotes, and shows
the line as it should be.

  $ printf '[hours]\n周一至周五 = "9:00-11:30"\n' > kiosks/名称.toml
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kiosks/名称.toml:2:1: 键“周一至周五”须加英文双引号（不加引号的键只能用 A-Z、a-z、0-9、- 和 _）：写成 "周一至周五" = "9:00-11:30"
  
  1 个错误，1 个警告
  [1]
  $ kangle --lang en check
  Problem
  holidays/: warning: the holidays and make-up workdays of 2027 are not in holidays/ yet: the statutory public holidays are used, make-up workdays unknown
  kiosks/名称.toml:2:1: the key "周一至周五" must be in double quotes (a key without quotes may hold only A-Z, a-z, 0-9, - and _): write "周一至周五" = "9:00-11:30"
  
  1 error(s), 1 warning(s)
  [1]
  $ printf 'name = 名称\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  kiosks/名称.toml:1:8: 文字“名称”须加英文双引号：写成 name = "名称"
  $ printf 'name = “名称”\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  kiosks/名称.toml:1:8: TOML 的引号须用英文双引号 "…"，不能用中文引号“…”：写成 name = "名称"
  $ printf 'name = "名称\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  kiosks/名称.toml:1:11: 文字缺少结尾的英文双引号 "（须在同一行内）
  $ printf '[hours\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  kiosks/名称.toml:1:7: 此处不符合 TOML 格式：请检查这一行的引号、方括号和等号（解析器原文：Error while parsing table header: expected ']', saw '\n'）

Every other week needs its start; a start on another weekday is refused.

  $ printf 'name = "名称"\n[hours]\n"周一至周五" = "9:00-11:30"\n[[weekly]]\non = "隔周四"\nservices = ["haircut"]\n[[weekly]]\non = "隔周三 从2026-12-03"\nservices = ["haircut"]\n' > kiosks/名称.toml
  $ kangle check | grep 名称.toml
  kiosks/名称.toml:5:6: “隔周四”：隔周需要写明从哪一天开始，如“隔周四 从2026-12-03”
  kiosks/名称.toml:8:6: “隔周三 从2026-12-03”：起始日期 2026-12-03 是周四，不是周三
  $ kangle --lang en check | grep 名称.toml
  kiosks/名称.toml:5:6: "隔周四": every other week needs the date it starts from: write "隔周四 从2026-12-03" or "every 2 weeks from 2026-12-03"
  kiosks/名称.toml:8:6: "隔周三 从2026-12-03": the start date 2026-12-03 is a Thu, not a Wed
