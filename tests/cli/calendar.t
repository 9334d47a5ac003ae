The calendar across years. In December, January 2027 has no holidays/2027.toml yet:
kangle closes the kiosks on the statutory public holidays it knows by rule (New
Year's Day), and every command that uses that calendar says so once, on stderr.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv | tail -1
  被拒收的行及原因已写入 signup.rejects.csv
  $ kangle schedule build --month 2027-01
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  2027-01 轮值表：54 场服务，109 个岗位，已排 89 个，空缺 20 个
  运行 `kangle schedule explain --month 2027-01` 查看每个空缺的原因。
  $ kangle schedule show --month 2027-01 --format json 2>/dev/null > rota.json
  $ python3 -c 'import json; r = json.load(open("rota.json"))["sections"][0]["tables"][0]["rows"]; print(sorted({s["date"] for s in r})[:2])'
  ['2027-01-04', '2027-01-05']
  $ kangle schedule show --month 2027-01 --format json 2>&1 >/dev/null
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  $ kangle schedule explain --month 2027-01 2>&1 >/dev/null
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  $ kangle schedule export --month 2027-01 --format md 2>&1 >/dev/null
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  $ kangle schedule notice --month 2027-01 --format md 2>&1 >/dev/null
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  $ kangle --lang en schedule show --month 2027-01 2>&1 >/dev/null
  kangle: warning: the holidays and make-up workdays of 2027 are not in holidays/ yet: the statutory public holidays are used, make-up workdays unknown
  $ kangle status 2>&1 >/dev/null
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  $ kangle check | grep holidays/
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  $ kangle schedule build --month 2026-12 2>&1 | grep 尚未录入 || echo no warning
  no warning

With the year's file, its days are used (here a closure on Monday 4 and a make-up
Saturday 9 worked as a Friday), and nothing is said.

  $ printf '[[holiday]]\nname = "元旦"\nfrom = 2027-01-01\nto = 2027-01-04\n\n[[workday]]\ndate = 2027-01-09\nas = "fri"\n' > holidays/2027.toml
  $ kangle schedule build --month 2027-01 2>&1 | grep 尚未录入 || echo no warning
  no warning
  $ kangle schedule show --month 2027-01 --format json > rota.json
  $ python3 -c 'import json; r = json.load(open("rota.json"))["sections"][0]["tables"][0]["rows"]; d = {s["date"] for s in r}; print(sorted(d)[:1], "2027-01-09" in d)'
  ['2027-01-05'] True
  $ kangle status 2>&1 >/dev/null
  $ kangle check | grep holidays/ || echo no warning
  no warning

Make-up workdays (调休) are staffed by volunteers' free time on the weekday they
stand for: September 20, 2026, a Sunday worked as a Tuesday, had 5 of 5 seats empty
when kangle looked at Sunday's free time.

  $ export KANGLE_NOW=2026-08-15T02:00:00Z
  $ count() { kangle schedule show --month 2026-09 --format json | python3 -c 'import json, sys; r = [s for s in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if s["date"] == "2026-09-20"]; print(sum(len(s["seats"]) for s in r), "seats,", sum(s["empty_seats"] for s in r), "empty")'; }
  $ kangle schedule build --month 2026-09 | head -1
  2026-09 轮值表：59 场服务，120 个岗位，已排 90 个，空缺 30 个
  $ count
  5 seats, 2 empty
  $ kangle schedule explain --month 2026-09 | head -4
  9月20日 调休上班，按周二的空闲时间安排
  
  日期        星期  时间         服务点  服务        空缺原因
  2026-09-01  周二  09:00-11:30  丁香园  理发        有空的 3 人都已达到每月最多班次：张伟、朱桂英、马国强
  $ kangle --lang en schedule explain --month 2026-09 | head -1
  9/20: a make-up workday, staffed by volunteers' free time on Tue
  $ sed -i 's/makeup_day_availability = "stands_for"/makeup_day_availability = "actual_weekday"/' kangle.toml
  $ kangle schedule build --month 2026-09 | head -1
  2026-09 轮值表：59 场服务，120 个岗位，已排 89 个，空缺 31 个
  $ count
  5 seats, 5 empty
  $ kangle schedule explain --month 2026-09 | head -1
  9月20日 调休上班（按周二的菜单开亭），按当天实际的周日空闲时间安排
  $ sed -i 's/makeup_day_availability = "actual_weekday"/makeup_day_availability = "weekend"/' kangle.toml
  $ kangle check | grep makeup
  kangle.toml:14:27: makeup_day_availability 只能是 "stands_for" 或 "actual_weekday"，不能是“weekend”
  $ sed -i 's/makeup_day_availability = "weekend"/makeup_day_availability = "stands_for"/' kangle.toml

A certificate that expires on a day covers the days before it, not that day: one
expiring on January 1 gives no seat in January, and the build says it has run out.

  $ kangle volunteers set 梁红梅 --certificate-expires 2027-01-01 | head -1
  已修改 梁红梅：医护证书：- → 2027-01-01
  $ kangle schedule build --month 2027-01 | grep 梁红梅
  与原轮值表相比，有 3 人调整：周敏、徐丽华、梁红梅
  梁红梅 的健康证已于 2027-01-01 到期，更新前不能排医护岗位
  $ kangle schedule show --month 2027-01 --person 梁红梅 2>&1 | head -3
  康健街道“雷锋亭” 2027-01 轮值表
  ===============================
  
  $ kangle volunteers set 梁红梅 --certificate-expires 2027-01-05 | head -1
  已修改 梁红梅：医护证书：2027-01-01 → 2027-01-05
  $ kangle schedule build --month 2027-01 | grep 梁红梅
  梁红梅 的健康证将于 2027-01-05 到期，此后不能再排医护岗位
