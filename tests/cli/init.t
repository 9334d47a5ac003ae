Making the Kangjian example workspace, checking it and showing it.

  $ kangle init ws --example kangjian
  已创建工作区 ws
    services.toml
    points.toml
    holidays/2026.toml
    columns.toml
    kiosks/dingxiang.toml
    kiosks/pubei.toml
    kiosks/kangle-hall.toml
    communities.toml
    kangle.db
    kangle.toml
  $ cd ws && kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  
  0 个错误，1 个警告
  $ kangle status
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  工作区：康健街道“雷锋亭”（$TMP/ws）
  语言：zh-CN
  数据库：kangle.db（版本 19）
  服务目录：9 类 36 项服务，23 种技能
  节假日：7 个假期，6 个调休上班日（2026）
  服务点：3 个
  
  丁香园邻里汇“雷锋亭”  [dingxiang]
  ---------------------------------
  康健街道丁香园邻里汇党群服务分中心
  
  项目        内容
  开放时间    周一、周二、周三、周四、周五 09:00-11:30, 13:30-16:00
  设备        理发椅、整衣镜、洗手池、缝纫机、锁边机
  天天见      周一：修伞
              周二：理发
              周三：测血糖、织补
              周四：磨刀、钟表维修
              周五：自行车修理
  送服务上门  每月第2个周二 09:00-11:00 @樱花园小区：测血压
  
  “康乐汇”街道社区党群服务中心“雷锋亭”  [kangle-hall]
  ---------------------------------------------------
  康健街道社区党群服务中心（康乐汇）
  
  项目      内容
  开放时间  周一、周二、周三、周四、周五 09:00-11:30
  天天见    周二：测血压
            周五：心理健康咨询
  月月新    每月最后一个周四 14:00-16:00 @康乐汇二楼 「党员Tall History」（1、5、9月）：通用志愿服务×4
            每月最后一个周四 14:00-16:00 @康乐汇二楼 「文化plus」（2、6、10月）：通用志愿服务×4
            每月最后一个周四 14:00-16:00 @康乐汇二楼 「心理健康pro」（3、7、11月）：心理健康咨询、通用志愿服务×4
            每月最后一个周四 14:00-16:00 @康乐汇二楼 「非遗+党建」（4、8、12月）：非遗手工、通用志愿服务×4
  
  浦北路党建主题园“雷锋亭”  [pubei]
  ---------------------------------
  康健街道浦北路党建主题园
  
  项目      内容
  开放时间  周四 08:30-11:30
  设备      理发椅、整衣镜
  周周办    周四 08:30-11:30 「便民服务小集市」：理发、磨刀、修伞、测血压、血压计校验、法律咨询
  $ kangle --lang en status | head -12
  kangle: warning: the holidays and make-up workdays of 2027 are not in holidays/ yet: the statutory public holidays are used, make-up workdays unknown
  Workspace: 康健街道“雷锋亭” ($TMP/ws)
  Language: zh-CN
  Database: kangle.db (schema 19)
  Catalogue: 36 services in 9 categories, 23 skills
  Holidays: 7 holidays, 6 make-up workdays (2026)
  Kiosks: 3
  
  Dingxiang Garden Lei Feng kiosk  [dingxiang]
  --------------------------------------------
  康健街道丁香园邻里汇党群服务分中心
  
  Item       Detail

`status --format json`: the figures as facts, a section per kiosk whose rows carry a
code (`hours`, `daily`, …); the same keys and codes in either language.

  $ for l in zh-CN en; do kangle --lang $l status --format json > status.$l.json 2>/dev/null; done
  $ python3 -c 'import json
  > zh, en = (json.load(open(f"status.{l}.json")) for l in ["zh-CN", "en"])
  > codes = lambda d: [(s["id"], [[r["item"] for r in t["rows"]] for t in s["tables"]]) for s in d["sections"]]
  > print(zh["kind"], zh["facts"] == en["facts"], codes(zh) == codes(en))
  > print(zh["facts"]["schema_version"], zh["facts"]["kiosks"], zh["facts"]["holiday_years"])
  > print(codes(zh)[1])'
  status True True
  19 3 ['2026']
  ('dingxiang', [['hours', 'equipment', 'daily', 'daily', 'daily', 'daily', 'daily', 'outreach']])

A second init refuses and changes nothing.

  $ cd .. && cp ws/kangle.toml before.toml
  $ kangle init ws --example kangjian
  kangle: 错误：ws 已经是 kangle 工作区，未做任何改动
  [4]
  $ cmp before.toml ws/kangle.toml && echo unchanged
  unchanged

An unknown example, in English.

  $ kangle --lang en init other --example nowhere
  kangle: error: no example called "nowhere" (examples: kangjian)
  [2]
  $ test -e other/kangle.toml || echo "no workspace made"
  no workspace made

Without an example: the catalogue, holidays and points, and no kiosks yet.

  $ kangle init plain
  已创建工作区 plain
    services.toml
    points.toml
    holidays/2026.toml
    columns.toml
    kangle.db
    kangle.toml
  
  下一步，用手头的表格：
    kangle -w plain import kiosks 站点表.xlsx           # 各站点及其服务项目
    kangle -w plain import volunteers 报名表.xlsx       # 志愿者报名表
    kangle -w plain schedule build --month 2027-01      # 下个月的轮值表
  $ kangle init plain2 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["kind"], d["facts"]["dir"], d["facts"]["files"][-2:])'
  init plain2 ['kangle.db', 'kangle.toml']

With --template, also the two sheets to fill in, which the imports read as
they are (no rows yet); the next steps name them.

  $ kangle init filled --template | tail -n 5
  
  下一步，用手头的表格：
    kangle -w filled import kiosks filled/站点表.xlsx      # 各站点及其服务项目
    kangle -w filled import volunteers filled/报名表.xlsx  # 志愿者报名表
    kangle -w filled schedule build --month 2027-01        # 下个月的轮值表
  $ kangle -w filled import kiosks filled/站点表.xlsx
  filled/站点表.xlsx（工作表“站点表”，表头在第 4 行）
    站点 0 个：新增 0 个，更新 0 个，未变 0 个；拒收 0 行
  $ kangle --lang en init filled-en --template --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([f for f in d["facts"]["files"] if f.endswith(".xlsx")]); print(d["facts"]["next_steps"][:2])'
  ['站点表.xlsx', '报名表.xlsx']
  ['kangle -w filled-en import kiosks filled-en/站点表.xlsx', 'kangle -w filled-en import volunteers filled-en/报名表.xlsx']
  $ kangle -w filled-en import volunteers filled-en/报名表.xlsx
  filled-en/报名表.xlsx (sheet "Volunteer sign-ups", header on row 4)
    0 added, 0 updated, 0 merged, 0 unchanged, 0 rejected
  $ kangle -w plain check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kiosks/: 警告：没有服务点：导入站点表（kangle import kiosks 站点表.xlsx），或逐个添加（kangle kiosk add 名称 --hours …）
  
  0 个错误，2 个警告

The workspace is found from a subfolder, from KANGLE_WORKSPACE, and -w wins.

  $ cd ws/kiosks && kangle status | head -1 && cd ../..
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  工作区：康健街道“雷锋亭”（$TMP/ws）
  $ KANGLE_WORKSPACE=$PWD/plain kangle status | head -1
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  工作区：plain（$TMP/plain）
  $ KANGLE_WORKSPACE=$PWD/plain kangle -w ws status | head -1
  kangle: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  工作区：康健街道“雷锋亭”（$TMP/ws）

The database is kangle.db in the workspace, else KANGLE_DB, and --db wins. A database
named so that is not there is refused, not started empty (a typo would show an empty
workspace without a word): init or db copy makes it. A scheme other than postgresql://
is refused, not taken for a file to create.

  $ kangle -w ws status 2>/dev/null | sed -n 3p
  数据库：kangle.db（版本 19）
  $ KANGLE_DB=$PWD/elsewhere.db kangle -w ws status 2>/dev/null | sed -n 3p
  数据库：$TMP/elsewhere.db（尚未创建）
  $ KANGLE_DB=$PWD/elsewhere.db kangle -w ws --db mine.db volunteers list
  kangle: 错误：$TMP/mine.db：此处没有 kangle 数据库；请检查 --db、KANGLE_DB 或 kangle.toml 的 [database] url，或用 `kangle init`（新工作区）或 `kangle db copy --to`（从已有工作区复制）建立
  [4]
  $ ls *.db
  ls: cannot access '*.db': No such file or directory
  [2]
  $ kangle -w ws --db mine.db check > check.out 2>&1; echo "exit $?"; grep mine.db check.out
  exit 1
  $TMP/mine.db: $TMP/mine.db：此处没有 kangle 数据库；请检查 --db、KANGLE_DB 或 kangle.toml 的 [database] url，或用 `kangle init`（新工作区）或 `kangle db copy --to`（从已有工作区复制）建立
  $ kangle -w ws db copy --to mine.db > /dev/null
  $ KANGLE_DB=$PWD/elsewhere.db kangle -w ws --db mine.db status 2>/dev/null | sed -n 3p
  数据库：$TMP/mine.db（版本 19）
  $ ls *.db
  mine.db
A new workspace whose database KANGLE_DB puts elsewhere lists it where it is.

  $ KANGLE_DB=$PWD/shared.db kangle init w2 | sed -n '1p;/\.db/p'
  已创建工作区 w2
    $TMP/shared.db
  $ ls w2 shared.db | grep -c '\.db'
  1
  $ KANGLE_DB=./w3/kangle.db kangle init w3 | sed -n '/\.db/p'
    kangle.db
  $ kangle --db=mysql://host/kangle -w ws status
  kangle: 错误：“mysql://host/kangle”不是 PostgreSQL 数据库的地址：应写成 postgresql://主机/数据库（使用工作区文件夹中的 kangle.db 时无需 [database]）
  [4]

db copy: the workspace's database into a new one, every table counted and the ledger
verified; never into a database that holds data, nor into itself.

  $ printf 'name,phone,skills\n王秀英,13800138000,\n' > v.csv && kangle -w ws import volunteers v.csv > /dev/null
  $ kangle -w ws db copy --to $PWD/copy.db --format json | python3 -c "import json, sys; f = json.load(sys.stdin)['facts']; print(f['tables'], f['rows'])"
  23 4
  $ kangle -w ws --db copy.db volunteers list --format csv
  姓名,手机,党员,单位,居民区,技能,可服务时间,每月最多班次,id,id_number,political_status,skill_ids,certificates,availability_slots,preferences,note
  王秀英,138****8000,false,,,,,,1,,,,,,,
  $ kangle -w ws db copy --to $PWD/copy.db
  kangle: 错误：$TMP/copy.db 中已有 2 行数据：只能复制到新的或空的数据库；未复制任何数据
  [4]
  $ kangle -w ws db copy --to ws/kangle.db
  kangle: 错误：ws/kangle.db 就是本工作区正在用的数据库：请复制到另一个数据库
  [4]

Outside any workspace: one line, a non-zero exit.

  $ kangle status
  kangle: 错误：当前不在 kangle 工作区中（本目录及上级目录都没有 kangle.toml）；请用 -w 目录 指定，或先运行 `kangle init`
  [4]
  $ kangle -w nowhere check
  kangle: 错误：nowhere 不是 kangle 工作区（其中没有 kangle.toml）
  [4]
  $ KANGLE_LANG=en kangle check
  kangle: error: not in a kangle workspace (no kangle.toml here or in any parent folder); use -w DIR or run `kangle init`
  [4]

A workspace on SQLite never loads PostgreSQL's client library: it is opened for a
PostgreSQL database alone (linked, its Kerberos, LDAP and TLS libraries took every command
12 ms more to start).

  $ LD_DEBUG=files kangle -w ws status 2>loaded.txt | head -1; grep -c "file=libpq" loaded.txt
  工作区：康健街道“雷锋亭”（$TMP/ws）
  0
  [1]
