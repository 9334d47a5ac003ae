The workspace itself (issue 16): a kangle.db kangle did not make is refused, never
adopted; check names a damaged database in one line; a pack is written whole or
not at all; config numbers that are not finite or absurd are refused with their
line.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ sqlite3 kangle.db "PRAGMA application_id"
  1262571079
  $ cp kangle.db good.db

Another program's SQLite file where kangle.db should be: even a command that only
reads refuses it, and writes nothing into it.

  $ rm kangle.db && sqlite3 kangle.db "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')"
  $ kangle volunteers list
  kangle: 错误：$TMP/ws/kangle.db 不是 kangle 的数据库（属于其他程序，或根本不是数据库）：未作任何改动；请打开正确的工作区，或将该文件移走
  [4]
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: $TMP/ws/kangle.db 不是 kangle 的数据库（属于其他程序，或根本不是数据库）：未作任何改动；请打开正确的工作区，或将该文件移走
  
  1 个错误，1 个警告
  [1]
  $ sqlite3 kangle.db ".tables"
  contacts

A database that says it is someone else's (another application_id) is refused too.

  $ cp good.db kangle.db && sqlite3 kangle.db "PRAGMA application_id = 42"
  $ kangle volunteers list
  kangle: 错误：$TMP/ws/kangle.db 不是 kangle 的数据库（属于其他程序，或根本不是数据库）：未作任何改动；请打开正确的工作区，或将该文件移走
  [4]

A kangle database from before the mark (its tables are there) gets it when it is
upgraded.

  $ cp good.db kangle.db && sqlite3 kangle.db "PRAGMA application_id = 0"
  $ kangle volunteers list
  姓名  手机  党员  单位  居民区  技能  可服务时间  每月最多班次
  
  共 0 名志愿者
  $ sqlite3 kangle.db "PRAGMA application_id"
  1262571079

A 0-byte kangle.db: kangle makes its database whole (migrated beside it, then
linked into place), so an empty one was truncated or replaced. Refused, not
started afresh; deleting it starts an empty database, as in a new workspace.

  $ : > kangle.db
  $ kangle volunteers list
  kangle: 错误：$TMP/ws/kangle.db 是空文件（0 字节）：kangle 不会留下这样的数据库，它已被截断或替换；请从备份恢复，或删除它以重建数据库
  [4]
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: $TMP/ws/kangle.db 是空文件（0 字节）：kangle 不会留下这样的数据库，它已被截断或替换；请从备份恢复，或删除它以重建数据库
  
  1 个错误，1 个警告
  [1]
  $ stat -c %s kangle.db
  0
  $ rm kangle.db && kangle volunteers list && sqlite3 kangle.db "PRAGMA application_id"
  姓名  手机  党员  单位  居民区  技能  可服务时间  每月最多班次
  
  共 0 名志愿者
  1262571079
  $ ls -A | grep -c 'kangle.db.new'
  0
  [1]

`check` names a missing table, or a file cut short or not a database at all, in
one line each; a command that needs the missing table names it too (it was an
internal error).

  $ cp good.db kangle.db && sqlite3 kangle.db "DROP TABLE points_ledger"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: 缺少索引 points_ledger_by_date：数据库曾在 kangle 之外被改动
  kangle.db: 缺少索引 points_ledger_by_volunteer：数据库曾在 kangle 之外被改动
  kangle.db: 缺少数据表 points_ledger：数据库曾在 kangle 之外被改动
  kangle.db: 缺少触发器 points_ledger_no_delete：数据库曾在 kangle 之外被改动，它所保护的数据已失去保护
  kangle.db: 缺少触发器 points_ledger_no_update：数据库曾在 kangle 之外被改动，它所保护的数据已失去保护
  
  5 个错误，1 个警告
  [1]
  $ kangle points verify
  kangle: 错误：$TMP/ws/kangle.db: 缺少数据表 points_ledger：数据库曾在 kangle 之外被改动
  [4]
  $ head -c 50 good.db > kangle.db && kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: $TMP/ws/kangle.db 无法作为数据库读取（database disk image is malformed）：文件已截断或损坏；请从备份恢复
  
  1 个错误，1 个警告
  [1]
  $ head -c 8192 good.db > kangle.db && kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: $TMP/ws/kangle.db 无法作为数据库读取（database disk image is malformed）：文件已截断或损坏；请从备份恢复
  
  1 个错误，1 个警告
  [1]
  $ cp good.db kangle.db

A pack is written whole or not at all: a failure half way (here xlsx has no
temporary folder to write in) leaves no folder and no file behind.

  $ TMPDIR=/nonexistent kangle report month 2026-12 --pack pack
  kangle: 错误：无法写入 pack：No such file or directory
  [4]
  $ ls -A | grep -c pack
  0
  [1]
  $ kangle report month 2026-12 --pack pack
  已在 pack 写入 26 个文件
  $ ls -A | grep pack
  pack

Numbers in a config that are not finite, or absurdly large, are refused with
their line.

  $ sed -i 's/^demand_high .*/demand_high = nan/' kangle.toml
  $ sed -i 's/^monthly_limit .*/monthly_limit = 9223372036854775807/' kangle.toml
  $ sed -i '0,/^fee      = "materials"/s//fee      = { fixed = 1e300 }/' services.toml
  $ sed -i '0,/^fee      = "materials"/s//fee      = { fixed = inf }/' services.toml
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.toml:10:17: monthly_limit 为 9223372036854775807，超过了 1000000：是否输错？
  kangle.toml:17:15: demand_high 必须是有限的数，不能是 nan
  services.toml:168:22: fixed 为 1e+300，超过了 1000000：是否输错？
  services.toml:176:22: fixed 必须是有限的数，不能是 inf
  
  4 个错误，1 个警告
  [1]

A database written by a newer kangle is refused and left untouched; check names it.

  $ cd .. && kangle init newer --example kangjian >/dev/null && cd newer && sqlite3 kangle.db 'PRAGMA user_version = 99'
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: $TMP/newer/kangle.db 由更新版本的 kangle 写入（数据库版本 99，本程序最高支持 19）；请升级 kangle，数据库未被改动
  
  1 个错误，1 个警告
  [1]
  $ sqlite3 kangle.db 'PRAGMA user_version'
  99
