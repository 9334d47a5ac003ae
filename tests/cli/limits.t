The rota's limits do not start again on the 1st: the cap on days in a row and the
weekly limit count the seats of the neighbouring months' rotas. A volunteer away
wins over a lock. explain names the limit that bound. (Issue 17.)

  $ export KANGLE_NOW=2026-02-20T02:00:00Z
  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ sed -i 's/^monthly_limit  = 4 .*/&\nmax_consecutive_days = 2/' kangle.toml
  $ printf '%s\n' 姓名,联系电话,特长技能,可服务时间,每月最多班次 甲,13800138001,理发、裁缝、磨刀、修伞,每天,31 > v.csv
  $ kangle import volunteers v.csv | tail -1
    新增 1 人，更新 0 人，合并 0 行，未变 0 人，拒收 0 行

甲 serves Monday March 30 and Tuesday March 31: not Wednesday April 1st, then
Thursday the 2nd again.

  $ kangle schedule build --month 2026-03 | head -1
  2026-03 轮值表：59 场服务，117 个岗位，已排 14 个，空缺 103 个
  $ kangle schedule build --month 2026-04 | head -1
  2026-04 轮值表：57 场服务，124 个岗位，已排 12 个，空缺 112 个
  $ cat > days.py <<'PY'
  > import json, subprocess, sys
  > days = set()
  > for month in sys.argv[1:]:
  >     out = subprocess.run(["kangle", "schedule", "show", "--month", month, "--person", "甲", "--format", "json"],
  >                          check=True, capture_output=True, text=True).stdout
  >     days |= {row["date"] for row in json.loads(out)["sections"][0]["tables"][0]["rows"]}
  > print(" ".join(d for d in sorted(days) if "2026-03-29" <= d <= "2026-04-03"))
  > PY
  $ python3 days.py 2026-03 2026-04
  2026-03-30 2026-03-31 2026-04-02
  $ kangle schedule explain --month 2026-04 | grep -m1 "^2026-04-01.*甲"
  2026-04-01  周三  09:00-11:30  丁香园  织补          当天有空的 1 人再排就连续服务超过 2 天：甲
  $ kangle schedule explain --month 2026-03 | grep -m1 "^2026-03-31.*这场服务"
  2026-03-31  周二  13:30-16:00  丁香园  理发          有空的 1 人都已在这场服务的其他岗位上（每人每天一个班次）：甲

Built the other way round, April first, March keeps the 31st free.

  $ cd .. && kangle init ws2 --example kangjian >/dev/null && cd ws2 && cp ../ws/kangle.toml ../ws/v.csv ../ws/days.py .
  $ kangle import volunteers v.csv >/dev/null
  $ kangle schedule build --month 2026-04 >/dev/null && kangle schedule build --month 2026-03 >/dev/null
  $ python3 days.py 2026-03 2026-04
  2026-03-30 2026-04-01 2026-04-02
  $ kangle schedule explain --month 2026-03 | grep -m1 "^2026-03-31.*甲"
  2026-03-31  周二  09:00-11:30  丁香园  理发          当天有空的 1 人再排就连续服务超过 2 天：甲
  $ cd ../ws

The weekly limit (Monday to Sunday) counts March's seats in the week of April 1st.

  $ sed -i 's/^max_consecutive_days = 2/weekly_limit = 2/' kangle.toml
  $ kangle schedule build --month 2026-04 >/dev/null
  $ python3 days.py 2026-03 2026-04
  2026-03-30 2026-03-31
  $ kangle schedule explain --month 2026-04 | grep -m1 ^2026-04-02
  2026-04-02  周四  08:30-11:30  浦北路  理发          有空的 1 人本周（周一至周日）都已排满每周最多的 2 个班次：甲

explain on a month never built says so, and fails.

  $ kangle schedule explain --month 2026-05
  kangle: 错误：2026-05 还没有轮值表：请先运行 `kangle schedule build --month 2026-05`
  [3]

Away wins over a lock: `volunteers away` says the next build frees the locked seat,
and the build does, a line per seat.

  $ kangle schedule lock --month 2026-04 --person 甲
  已锁定 2026-04 的 8 个岗位
  $ kangle volunteers away 甲 --from 2026-04-08 --to 2026-04-08 --reason 就医
  甲 自 2026-04-08 至 2026-04-08 不能服务。
  甲 在这段时间排有 1 个班次：
    2026-04-08 13:30-16:00 丁香园 织补（已锁定：下次生成排班时同样会释放）
  重新生成当月排班会换人：kangle schedule build --month 2026-04
  $ kangle schedule build --month 2026-04
  2026-04 轮值表：57 场服务，124 个岗位，已排 8 个，空缺 116 个
  与原轮值表相比，有 1 人调整：甲
  甲 在 2026-04-08 周三 请假：其在丁香园的锁定班次（织补）已释放
  运行 `kangle schedule explain --month 2026-04` 查看每个空缺的原因。
  $ kangle schedule show --month 2026-04 --format json | python3 -c '
  > import json, sys
  > rows = json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]
  > print([r["volunteers"] for r in rows if r["date"] == "2026-04-08" and "甲" in r["volunteers"]])
  > print(sorted({r["date"] for r in rows if "甲" in r["locked"]})[:3])'
  []
  ['2026-04-07', '2026-04-13', '2026-04-14']
  $ kangle schedule build --month 2026-04 | grep -c 请假
  0
  [1]

A rebuild keeps the days gone by as they were, empty seats included: explain says
so, not that someone would serve "more than 0 days in a row" (no cap is set here).
The rota built before anyone signed up is all empty; on December 3rd, with the
volunteers in, the rebuild fills from the 3rd on and leaves the 1st and 2nd be.

  $ cd .. && kangle init ws3 --example kangjian >/dev/null && cd ws3
  $ grep -c max_consecutive_days kangle.toml
  0
  [1]
  $ kangle schedule build --month 2026-12 | head -1
  2026-12 轮值表：62 场服务，131 个岗位，已排 0 个，空缺 131 个
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv | tail -1
  被拒收的行及原因已写入 signup.rejects.csv
  $ export KANGLE_NOW=2026-12-03T02:00:00Z
  $ kangle schedule build --month 2026-12 >/dev/null
  $ kangle schedule show --month 2026-12 --format json | python3 -c '
  > import json, sys
  > rows = json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]
  > print(sorted({r["date"] for r in rows if r["volunteers"]})[:2])
  > print(sorted({r["date"] for r in rows if r["date"] < "2026-12-03" and r["volunteers"]}))'
  ['2026-12-03', '2026-12-04']
  []
  $ kangle schedule explain --month 2026-12 > why.txt
  $ grep -c "连续服务超过 0 天" why.txt
  0
  [1]
  $ grep -c "^2026-12-0[12]" why.txt
  9
  $ kangle schedule explain --month 2026-12 --format json | python3 -c 'import json, sys
  > rows = json.load(sys.stdin)["sections"][1]["tables"][0]["rows"]
  > print(sorted({r["reason"] for r in rows if r["date"] < "2026-12-03"}))'
  ['day_gone_by']
  $ kangle --lang en schedule explain --month 2026-12 | grep -m1 "^2026-12-01"
  2026-12-01  Tue  09:00-11:30  Dingxiang Garden Lei Feng kiosk                  Haircut                       a day gone by: kept as it was
