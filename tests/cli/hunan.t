A new street in ten minutes, in Chinese, without writing TOML (issue 21): the
coordinator of 湖南路街道 has her table of the seven 党群服务站 and their menus
(examples/hunan/站点表.xlsx) and the volunteers' sign-up sheet; five commands
make December's rota, no file edited by hand.

It is late November: the rota is made before December starts.

  $ export KANGLE_NOW=2026-11-25T02:00:00Z
  $ cp "$TESTDIR/../../examples/hunan/站点表.xlsx" "$TESTDIR/../../examples/hunan/志愿者报名表.xlsx" .
  $ kangle init hunan
  已创建工作区 hunan
    services.toml
    points.toml
    holidays/2026.toml
    columns.toml
    kangle.db
    kangle.toml
  
  下一步，用手头的表格：
    kangle -w hunan import kiosks 站点表.xlsx           # 各站点及其服务项目
    kangle -w hunan import volunteers 报名表.xlsx       # 志愿者报名表
    kangle -w hunan schedule build --month 2026-12      # 下个月的轮值表
  $ cd hunan
  $ kangle import kiosks ../站点表.xlsx
  ../站点表.xlsx（工作表“站点”，表头在第 2 行）
    站点 7 个：新增 7 个，更新 0 个，未变 0 个；拒收 0 行
    新增 kiosks/梧桐Learning.toml
    新增 kiosks/梧桐SPACE.toml
    新增 kiosks/梧桐IAPM.toml
    新增 kiosks/淮海1298.toml
    新增 kiosks/淮海瑞力.toml
    新增 kiosks/淮海大隐.toml
    新增 kiosks/梧桐MicroCharity.toml
    更新 services.toml
    services.toml 新增服务项目：讲座、书法社、话剧社、读书会、微公益（请核对技能与类别）
  $ kangle import volunteers ../志愿者报名表.xlsx
  ../志愿者报名表.xlsx（工作表“报名表”，表头在第 2 行）
    新增 21 人，更新 0 人，合并 0 行，未变 0 人，拒收 0 行
    未导入的列：序号
  $ kangle schedule build --month 2026-12
  2026-12 轮值表：59 场服务，64 个岗位，已排 61 个，空缺 3 个
  运行 `kangle schedule explain --month 2026-12` 查看每个空缺的原因。
  $ kangle schedule export --month 2026-12 --format xlsx -o 排班表.xlsx
  已写入 排班表.xlsx

The files read as a coordinator would have written them, and the workspace checks.

  $ ls kiosks
  梧桐IAPM.toml
  梧桐Learning.toml
  梧桐MicroCharity.toml
  梧桐SPACE.toml
  淮海1298.toml
  淮海大隐.toml
  淮海瑞力.toml
  $ cat kiosks/梧桐SPACE.toml
  # 梧桐·SPACE：由 kangle import kiosks 从 站点表.xlsx 导入（第 5、6 行）
  # 再次导入会更新本文件；手工改过后不再覆盖，除非加 --replace
  # kangle-import-sha256: 0e9c8960c8c01e00473f4cb8d22938f4c247634f8162211b36e9da21fb4df84d
  
  name = "梧桐·SPACE"
  address = "长乐路989号世纪商贸广场302室"
  
  [hours]
  "周一至周五" = "09:00-17:00"
  "周六" = "13:30-17:00"
  
  # 周周办：每周固定活动
  [[weekly]]
  on = "每周三"
  time = "19:00-21:00"
  title = "梧桐书法社"
  services = ["书法社"]
  
  [[weekly]]
  on = "每周五"
  time = "18:30-20:30"
  title = "梧桐话剧社"
  services = ["话剧社"]
  $ tail -n 12 services.toml
  skill = "读书会"
  
  # 新增：由 import kiosks 从 站点表.xlsx 第16行 加入，请核对技能与类别
  [skills."微公益"]
  name = "微公益"
  aliases = ["微公益"]
  
  # 新增：由 import kiosks 从 站点表.xlsx 第16行 加入，请核对技能与类别
  [services."微公益"]
  name = "微公益"
  category = "imported"
  skill = "微公益"
  $ kangle check
  $TMP/hunan：未发现问题
  $ test -s 排班表.xlsx && echo written
  written

Most seats are filled, at every station.

  $ kangle schedule show --month 2026-12 --format json > rota.json
  $ python3 - rota.json <<'PY'
  > import collections, json, sys
  > rows = [row for section in json.load(open(sys.argv[1]))["sections"] for table in section["tables"] for row in table["rows"]]
  > seats = sum(len(row["seats"]) for row in rows)
  > empty = sum(row["empty_seats"] for row in rows)
  > print(f"{len(rows)} sessions, {seats} seats, {seats - empty} filled")
  > filled = collections.Counter()
  > for row in rows:
  >     filled[row["kiosk"]] += len(row["seats"]) - row["empty_seats"]
  > for kiosk, n in sorted(filled.items()):
  >     print(kiosk, n)
  > PY
  59 sessions, 64 seats, 61 filled
  梧桐IAPM 1
  梧桐Learning 13
  梧桐MicroCharity 23
  梧桐SPACE 9
  淮海1298 5
  淮海大隐 4
  淮海瑞力 6
  $ kangle schedule explain --month 2026-12
  日期        星期  时间         服务点             服务    空缺原因
  2026-12-01  周二  09:00-11:30  梧桐·Learning      测血压  有空的 2 人都已达到每月最多班次：王丽华、陈建国
  2026-12-01  周二  13:30-16:00  梧桐·Learning      测血压  有空的 1 人都已达到每月最多班次：陈建国
  2026-12-15  周二  09:00-11:00  梧桐·MicroCharity  测血压  有空的 2 人都已达到每月最多班次：王丽华、陈建国

Imported again, the same table changes nothing.

  $ kangle import kiosks ../站点表.xlsx
  ../站点表.xlsx（工作表“站点”，表头在第 2 行）
    站点 7 个：新增 0 个，更新 0 个，未变 7 个；拒收 0 行
