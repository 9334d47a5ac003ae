A new kiosk written as people write it: a Chinese id (the file name), Chinese
weekdays and ranges, full-width colons and digits, Chinese dashes, and the
rhythms of a notice board (每周三, 每月最后一个周四, 每月第二个周六, 隔周四 从…).

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
  > services = ["haircut"]
  > 
  > [[daily]]
  > on       = "每周三"
  > services = ["blood-pressure"]
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
  $ kangle status --format json | python3 -c 'import json, sys
  > d = json.load(sys.stdin)
  > s = [x for x in d["sections"] if x["id"] == "梧桐SPACE"][0]
  > for r in s["tables"][0]["rows"]: print(r)'

The rota of December 2026 for the kiosk, by its Chinese id and by its name.

  $ kangle import volunteers "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" >/dev/null
  $ kangle schedule build --month 2026-12 | head -1
  $ kangle schedule show --month 2026-12 --kiosk 梧桐SPACE --date 2026-12-17
  $ kangle schedule show --month 2026-12 --kiosk 梧桐 --date 2026-12-31 --format csv | tr -d '\r'
  $ kangle schedule show --month 2026-12 --kiosk 梧桐SPACE --format json | python3 -c 'import json, sys
  > d = json.load(sys.stdin)
  > rows = d["sections"][0]["tables"][0]["rows"]
  > print(len(rows), sorted({r["kiosk"] for r in rows}))'
  $ kangle schedule export --month 2026-12 --kiosk 梧桐SPACE --format xlsx -o 梧桐SPACE.xlsx && ls *.xlsx
  $ kangle schedule notice --month 2026-12 --kiosk 梧桐SPACE --format md | head -3

What `check` suggests, it accepts: with no kiosk it says to add kiosks/名称.toml,
and a file of that name is a kiosk.

  $ cd .. && kangle init empty >/dev/null && cd empty
  $ kangle check | grep kiosks/
  $ printf 'name = "名称"\n[hours]\n"周一至周五" = "9:00-11:30"\n[[daily]]\non = "周一"\nservices = ["haircut"]\n' > kiosks/名称.toml
  $ kangle check | grep kiosks/
  [1]

An id with a space is not one: it names the file and says what an id may hold.

  $ cp kiosks/名称.toml "kiosks/梧桐 SPACE.toml" && kangle check; rm "kiosks/梧桐 SPACE.toml"

A Chinese key without quotes is a TOML syntax error: `check` says, in Chinese
(or English on request), at its file and line, to put it in quotes, and shows
the line as it should be.

  $ printf '[hours]\n周一至周五 = "9:00-11:30"\n' > kiosks/名称.toml
  $ kangle check
  $ kangle --lang en check
  $ printf 'name = 名称\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  $ printf 'name = “名称”\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  $ printf 'name = "名称\n' > kiosks/名称.toml && kangle check | grep 名称.toml
  $ printf '[hours\n' > kiosks/名称.toml && kangle check | grep 名称.toml

Every other week needs its start; a start on another weekday is refused.

  $ printf 'name = "名称"\n[hours]\n"周一至周五" = "9:00-11:30"\n[[weekly]]\non = "隔周四"\nservices = ["haircut"]\n[[weekly]]\non = "隔周三 从2026-12-03"\nservices = ["haircut"]\n' > kiosks/名称.toml
  $ kangle check | grep 名称.toml
  $ kangle --lang en check | grep 名称.toml
