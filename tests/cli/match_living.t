Lists that live: a need closed stays closed (through match run and a re-import of
its sheet), a cancel says what becomes of its need, a resource outside its period
is not proposed and its capacity renews each period, two rows of one unit are one
donor for a wish wanting several.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ printf '编号,需求人,需求类别,需求内容\nXQ-101,王秀英,法律服务,遗嘱怎么写\nXQ-102,陈桂芳,法律服务,房屋租赁纠纷\n' > needs.csv
  $ kangle import needs needs.csv >/dev/null; echo $?
  0
  $ kangle match close XQ-101 --reason 已另行解决
  需求 XQ-101 王秀英（遗嘱怎么写）已关闭：已另行解决
  $ kangle match close XQ-100 --reason 已搬离
  kangle: 错误：找不到编号或序号为“XQ-100”的需求（是否想写“XQ-101”？）
  [3]
  $ kangle match close XQ-101 --reason 已搬离
  kangle: 错误：需求 XQ-101 已关闭（已另行解决）
  [3]
  $ kangle match add resource --provider 上海师范大学法政学院 --category 法律服务 --description 法律咨询 --capacity 5 >/dev/null
  $ kangle match run --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([r["need"] for r in d["sections"][0]["tables"][0]["rows"]])'
  ['XQ-102 陈桂芳']
  $ kangle import needs needs.csv >/dev/null; kangle match list needs --format json | python3 -c '
  > import json,sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]: print(r["code"], r["status"])'
  XQ-101 closed
  XQ-102 matched

Cancelling a project must say what becomes of the need; a cron job gets a refusal, not a prompt.

  $ kangle match cancel 1 --reason 单位撤回
  kangle: 错误：取消项目 1 后，需求 XQ-102 将重新待对接：请指定 --reopen-need（重新匹配）或 --close-need（关闭该需求）
  [2]
  $ kangle match list projects --format json | python3 -c 'import json,sys; print([r["status"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]])'
  ['proposed']
  $ kangle match cancel 1 --reason 居民已搬离 --close-need --format json | python3 -c 'import json,sys; f=json.load(sys.stdin)["facts"]; print(f["status"], f["need_status"])'
  cancelled closed
  $ kangle match run --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"]["proposed"])'
  0

Periods: a resource of 2027 is not proposed in December 2026; a weekly one renews its room each week.

  $ kangle match add resource --provider 康健街道团工委 --category 文化传承 --description 剪纸体验课 --period 2027年 >/dev/null
  $ kangle match add resource --provider 张伟 --kind volunteer --category 生活服务 --description 上门理发 --period 每周二 --capacity 1 >/dev/null
  $ kangle match add resource --provider 李明 --category 生活服务 --description 修剪指甲 --period 看心情
  kangle: 错误：无法识别服务周期“看心情”（例如 2026Q4、每周二、每月、长期、2026-12-01至2027-02-28）
  [2]
  $ kangle match add need --requester 冯兰英 --category 文化传承 --description 想学剪纸 >/dev/null
  $ kangle match add need --requester 赵金花 --category 生活服务 --description 上门理发 >/dev/null
  $ kangle match add need --requester 孙立新 --category 生活服务 --description 上门理发 >/dev/null
  $ kangle match run >/dev/null; kangle match gaps --format json | python3 -c '
  > import json,sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]: print(r["need"], r["reason"])'
  #3 冯兰英 out_of_period
  #4 赵金花 all_full
  $ kangle match list resources --format json | python3 -c '
  > import json,sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]: print(r["provider"], r["period"], r["left"], r["in_period"])'
  上海师范大学法政学院 None 5 True
  康健街道团工委 2027年 0 False
  张伟 每周二 0 True
  $ export KANGLE_NOW=2026-12-08T02:00:00Z
  $ kangle match list resources --unit 张伟 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sections"][0]["tables"][0]["rows"][0]["left"])'
  1
  $ kangle match run --format json | python3 -c 'import json,sys; print([r["need"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]])'
  ['#4 赵金花']
  $ export KANGLE_NOW=2027-01-04T02:00:00Z
  $ kangle match run --format json | python3 -c 'import json,sys; print([r["need"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]])'
  ['#3 冯兰英']

Resources import: an unreadable period is a doubtful row.

  $ printf '编号,资源提供方,服务类别,资源内容,服务周期\nZY-201,康健宠物诊所,政策咨询,养宠咨询,看情况\n' > res.csv
  $ kangle import resources res.csv --format json | python3 -c '
  > import json,sys
  > d=json.load(sys.stdin)
  > print(d["facts"]["added"], [l for l in d["sections"][0]["lines"] if "看情况" in l])'
  1 ['res.csv:2:E（服务周期）：存疑：无法识别服务周期“看情况”（例如 2026Q4、每周二、每月、长期、2026-12-01至2027-02-28），已导入但未登记该周期']
  $ kangle --lang en match list resources --unit 宠物 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin)["sections"][0]["tables"][0]["rows"][0]; print(r["code"], r["period"], r["in_period"])'
  ZY-201 None True

Two rows of one unit are one donor: a wish wanting two gets two units.

  $ kangle match add resource --provider 交通银行康健支行 --category 助老助残 --description 认领微心愿 --code ZY-301 >/dev/null
  $ kangle match add resource --provider 交通银行康健支行 --category 助老助残 --description 认领微心愿（二） --code ZY-302 >/dev/null
  $ kangle match add need --requester 周玉珍 --category 助老助残 --description 过冬的棉被和热水袋 --micro-wish --wanted 2 >/dev/null
  $ kangle match run --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]))'
  1
  $ kangle match gaps --format json | python3 -c '
  > import json,sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]:
  >   if r["need"].endswith("周玉珍"): print(r["missing"], r["reason"])'
  1 few_in_reach

Details filled in later, by code: each change said; an unknown code refused with the nearest one.

  $ kangle match set need XQ-102 --lat 31.1601 --lon 121.4248 --phone 13800138000 --deadline 2026-12-31
  需求 XQ-102 陈桂芳（房屋租赁纠纷）已修改
    手机：- → 138****8000
    坐标：- → 31.1601, 121.4248
    截止日期：- → 2026-12-31
  $ kangle match set resource ZY-30 --capacity 2
  kangle: 错误：找不到编号或序号为“ZY-30”的资源（是否想写“ZY-301”？）
  [3]
  $ kangle match set resource ZY-301
  kangle: 错误：未指定要修改的内容（--phone、--lat 和 --lon、--deadline 等）
  [2]
  $ kangle match set resource ZY-301 --capacity 2 --period 每月 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"])'
  {'resource': 5, 'changed': 2}
  $ kangle match list needs --format json | python3 -c '
  > import json,sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]:
  >   if r["code"] == "XQ-102": print(r["lat"], r["lon"], r["deadline"], r["status"])'
  31.1601 121.4248 2026-12-31 closed

The paths agree. `match set --wanted` settles the need's status again (a need done
that now wants two is open, and gaps says why); `match set --description` names
its services again as an import would, and `--service` takes a keyword as the
服务项目 column does; `match add` says when it found no service (matched by the
category alone). (The example's sheets hold rows refused on purpose: import exits 1.)

  $ export KANGLE_NOW=2026-12-01T02:00:00Z
  $ cd .. && kangle init paths --example kangjian >/dev/null && cd paths
  $ kangle import needs "$TESTDIR/../../examples/kangjian/sheets/需求清单.csv" >/dev/null; kangle import resources "$TESTDIR/../../examples/kangjian/sheets/资源清单.csv" >/dev/null; echo $?
  1
  $ kangle match add need --requester 茶花园小区 --category 健康服务 --description 随便看看
  已添加需求 11：茶花园小区：随便看看
  “健康服务”和“随便看看”中找不到健康服务的服务项目：仅按类别对接（可在 services.toml 中补充服务项目的关键词）
  $ kangle match add need --requester 桂林苑 --category 健康服务 --description 楼道 --service 灭蟑螂 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"])'
  {'need': 12}
  $ kangle match set need XQ-004 --description 加装电梯咨询 >/dev/null
  $ kangle match list needs --format json | python3 -c 'import json,sys; print([(r["code"] or r["id"], r["services"]) for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if r["code"] == "XQ-004" or r["id"] == 12])'
  [('XQ-004', ['elevator-advice']), (12, ['disinfection'])]
  $ kangle match run >/dev/null
  $ P=$(kangle match list projects --format json | python3 -c 'import json,sys; print([r["project"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if "孙立新" in r["requester"]][0])')
  $ kangle match claim $P --by 上海师范大学 >/dev/null; kangle match done $P --delivered 亲子沟通指导 >/dev/null
  $ kangle match set need XQ-007 --wanted 2 >/dev/null
  $ kangle match list needs --format json | python3 -c 'import json,sys; print([(r["status"], r["wanted"]) for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if r["code"] == "XQ-007"])'
  [('open', 2)]
  $ kangle match gaps --format json | python3 -c 'import json,sys; print([r["reason"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if r["need"].startswith("XQ-007")])'
  ['few_in_reach']
