`kangle kiosk add` and `kangle service add`: one station or one service at a
time, typed as options in the forms of the stations table, without opening a
TOML file. What cannot be read is refused with the option, exit 1, nothing
written; what exists already is refused, exit 3.

  $ kangle init ws >/dev/null && cd ws
  $ cp services.toml services.before
  $ kangle kiosk add "梧桐·SPACE" --address 长乐路989号 --hours "周一至周五 9:00-11:30、13:30-16:00；周六 9：00—11：00" --services "理发、测血压、吹糖人"
  已写入 kiosks/梧桐SPACE.toml
  services.toml 新增服务项目：吹糖人（请核对技能与类别）
  $ cat kiosks/梧桐SPACE.toml | grep -v sha256
  # 梧桐·SPACE：由 kangle kiosk add 写入
  # 再次导入会更新本文件；手工改过后不再覆盖，除非加 --replace
  
  name = "梧桐·SPACE"
  address = "长乐路989号"
  
  [hours]
  "周一至周五" = ["09:00-11:30", "13:30-16:00"]
  "周六" = "09:00-11:00"
  
  # 天天见：开放日的精选便民服务
  [[daily]]
  on = "周一至周六"
  services = ["haircut", "blood-pressure", "吹糖人"]  # 理发、测血压、吹糖人
  $ tail -n 12 services.toml
  name = "导入新增，待归类"
  
  # 新增：由 kangle kiosk add 加入，请核对技能与类别
  [skills."吹糖人"]
  name = "吹糖人"
  aliases = ["吹糖人"]
  
  # 新增：由 kangle kiosk add 加入，请核对技能与类别
  [services."吹糖人"]
  name = "吹糖人"
  category = "imported"
  skill = "吹糖人"
  $ cmp -n "$(stat -c %s services.before)" services.before services.toml && echo "the file before, unchanged"
  the file before, unchanged
  $ kangle check | tail -n 1
  0 个错误，1 个警告

Options it cannot read: each named, nothing written.

  $ kangle kiosk add 淮海·大隐 --hours "周八 9:00-11:30" --services 理发 --days 每逢初一 --time 19:00-25:00
  --hours：“周八”不是能读懂的日子（如 周一至周五、每周三、每月第二个周六、每月15日）
  --days：“每逢初一”不是能读懂的日子（如 周一至周五、每周三、每月第二个周六、每月15日）
  --time：“19:00-25:00”不是时间段（如 9:00-11:30、9:00至11:30）
  有选项无法读取：未写入任何文件
  [1]
  $ ls kiosks
  梧桐SPACE.toml
  $ kangle kiosk add 淮海·大隐 --hours "周一至周五 9:00-11:30" --time 9:00-11:00
  --services：没有服务项目
  有选项无法读取：未写入任何文件
  [1]
  $ kangle --lang en kiosk add 淮海·大隐 --hours "9:00-11:30" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["facts"]); print(d["sections"][0]["lines"])'
  {'rejected': 1, 'new_services': 0, 'written': False, 'dry_run': False}
  ['--hours: "9:00-11:30": which days? Write e.g. 周一至周五 9:00-11:30', 'options that cannot be read: nothing was written']

A kiosk whose file or name exists already is refused; a weekly entry on its days.

  $ kangle kiosk add 梧桐·SPACE --id wutong --hours "周一 9:00-11:00"
  kangle: 错误：已有同名站点“梧桐·SPACE”：kiosks/梧桐SPACE.toml
  [3]
  $ kangle kiosk add 梧桐SPACE --hours "周一 9:00-11:00"
  kangle: 错误：kiosks/梧桐SPACE.toml 已存在：请直接修改该文件，或用 --id 给新站点另取编号
  [3]
  $ kangle kiosk add 淮海·大隐 --hours "周一至周五 9:00-11:30" --services 读书会 --days 每周三 --time 19:00-21:00 --dry-run
  新增 kiosks/淮海大隐.toml
  services.toml 新增服务项目：读书会（请核对技能与类别）
  （试运行，未写入任何内容）
  $ ls kiosks
  梧桐SPACE.toml
  $ kangle kiosk add 淮海·大隐 --hours "周一至周五 9:00-11:30" --services 读书会 --days 每月第二个周六 --time 9:00-11:00
  已写入 kiosks/淮海大隐.toml
  services.toml 新增服务项目：读书会（请核对技能与类别）
  $ grep -A4 "^\[\[" kiosks/淮海大隐.toml
  [[monthly]]
  on = "每月第二个周六"
  time = "09:00-11:00"
  services = ["读书会"]

A kiosk written by `kiosk add` is the import's: a stations table with it
updates the file; edited by hand since, it is refused.

  $ cat > 站点表.csv <<'CSV'
  > 站点,地址,开放时间,服务项目
  > 梧桐·SPACE,长乐路989号,周一至周五 9:00-11:30,理发
  > CSV
  $ kangle import kiosks 站点表.csv | tail -n 2
    站点 1 个：新增 0 个，更新 1 个，未变 0 个；拒收 0 行
    更新 kiosks/梧桐SPACE.toml
  $ echo "# 手工备注" >> kiosks/梧桐SPACE.toml
  $ kangle import kiosks 站点表.csv
  kangle: 错误：kiosks/梧桐SPACE.toml 在导入写入后被手工修改过，或不是导入所写：不覆盖（未写入任何文件）；核对后加 --replace 再导入
  [3]
  $ kangle kiosk add 梧桐·SPACE --hours "周一 9:00-11:00"
  kangle: 错误：kiosks/梧桐SPACE.toml 已存在：请直接修改该文件，或用 --id 给新站点另取编号
  [3]

`service add`: the skill and category its name says, else a new skill; given
ones by name; what the catalogue has is refused.

  $ kangle service add 书法班
  services.toml 新增服务项目 书法班（技能 书法，类别 文化传承）
  $ kangle service add 糖画 --skill 糖艺 --category 文化传承 --daily-cap 10 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"])'
  {'id': '糖画', 'skill': '糖艺', 'category': 'heritage', 'new_skill': True, 'written': True, 'dry_run': False}
  $ tail -n 11 services.toml
  # 新增：由 kangle service add 加入，请核对技能与类别
  [skills."糖艺"]
  name = "糖艺"
  aliases = ["糖艺"]
  
  # 新增：由 kangle service add 加入，请核对技能与类别
  [services."糖画"]
  name = "糖画"
  category = "heritage"
  skill = "糖艺"
  daily_cap = 10
  $ kangle service add 理发
  kangle: 错误：“理发”已在服务目录中：服务项目 haircut
  [3]
  $ kangle service add 糖画
  kangle: 错误：“糖画”已在服务目录中：服务项目 糖画
  [3]
  $ kangle service add 吹面人 --category 杂项
  kangle: 错误：“杂项”不是 services.toml 中的服务类别；现有：数字助老、助老助残、健康服务、文化传承、导入新增，待归类、法律服务、生活服务、心理关爱、政策咨询、维修服务
  [3]
  $ kangle service add 吹面人 --daily-cap 0
  kangle: 错误：“0”不是人数
  [3]
  $ kangle service add 吹面人 --dry-run
  services.toml 新增服务项目 吹面人（技能 吹面人，类别 导入新增，待归类）
  services.toml 新增技能 吹面人；报名表里表示该技能的词请补进 aliases
  （试运行，未写入任何内容）
  $ grep -c 吹面人 services.toml
  0
  [1]
  $ kangle kiosk add 糖画摊 --hours "周六 9:00-11:00" --services 糖画 | tail -n 1
  已写入 kiosks/糖画摊.toml
  $ grep "^services" kiosks/糖画摊.toml
  services = ["糖画"]
  $ kangle check | tail -n 1
  0 个错误，1 个警告
