The points ledger, tamper-evident in practice (issue 16). Its head (how many
entries, the last hash) is written with every append, so a ledger emptied or cut
short behind kangle's back no longer matches it; `check` walks the chain from the
checkpoint of the last full verify; no command appends to a chain that does not
verify; and a head noted earlier can be proved to be still in the chain.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv >/dev/null; echo $?
  1
  $ KANGLE_NOW=2026-12-31T10:00:00Z kangle record add --date 2026-12-12 --place 樱花园小区 --time 09:00-11:00 --title 应急消杀 --cadence outreach --volunteers 王建国,张伟 --residents 60 >/dev/null
  $ kangle points award >/dev/null
  $ kangle points adjust 张伟 +5 --reason 协助组织集市 >/dev/null
  $ kangle points redeem 张伟 20 --for 爱心理发券 >/dev/null
  kangle: 错误：积分不足：需要 20 分，当前余额 14 分
  [3]

The first verify walks the whole chain, prints the head in full and stores a
checkpoint; the next walks only what came after it. (Every append moves the
checkpoint to the head it verified, so appends never walk the chain twice.)

  $ kangle points verify --full
  积分账本核验无误：2 名志愿者共 9 条记录，哈希链与余额逐条复算一致；末条哈希 84b854a9aec40022
  账本头：第 9 条，哈希 84b854a9aec400226f757cca8c86a8108bcc909a92f13c7dc4468b13f293239a
  $ kangle points adjust 王建国 +3 --reason 补录 >/dev/null
  $ kangle points verify
  积分账本核验无误：2 名志愿者共 10 条记录；自第 9 条起的 2 条逐条复算一致（`--full` 复算全部）；末条哈希 658522857c8f8288
  账本头：第 10 条，哈希 658522857c8f8288c5746551636cd75d84342f55caecd217a3e5b6ece289dbe8
  $ kangle points verify --full
  积分账本核验无误：2 名志愿者共 10 条记录，哈希链与余额逐条复算一致；末条哈希 658522857c8f8288
  账本头：第 10 条，哈希 658522857c8f8288c5746551636cd75d84342f55caecd217a3e5b6ece289dbe8
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  
  0 个错误，1 个警告
  $ cp kangle.db before.db

A head noted earlier (in a report, on paper) is proved to be still in the chain,
in full or by its first 16 digits; a workspace restored from an older copy, or a
made-up hash, does not have it.

  $ noted=$(sqlite3 kangle.db "SELECT hash FROM points_ledger ORDER BY id DESC LIMIT 1")
  $ kangle points adjust 王建国 +1 --reason 补录 >/dev/null
  $ kangle points verify --expect "$noted" | tail -1
  此前记下的哈希为第 10 条，自该条至账本头哈希链完好。
  $ kangle points verify --expect "${noted:0:16}" | tail -1
  此前记下的哈希为第 10 条，自该条至账本头哈希链完好。
  $ kangle points verify --expect 0123456789abcdef0123 | tail -1; echo "exit ${PIPESTATUS[0]}"
  没有任何记录带有哈希 0123456789abcdef0123：此前记下的账本头已不在链中。
  exit 1
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm
  $ kangle points adjust 王建国 +1 --reason 补录 >/dev/null
  $ kangle points verify --expect "$noted" | tail -1; echo "exit ${PIPESTATUS[0]}"
  此前记下的哈希为第 10 条，自该条至账本头哈希链完好。
  exit 0
  $ kangle points verify --expect xyz
  kangle: 错误：--expect 需要核验时显示的哈希值（16 至 64 位十六进制数字），而不是“xyz”
  [2]
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm

An emptied ledger (the triggers dropped in the sqlite3 shell) no longer verifies
as "0 entries": its head still counts them. Nothing is appended to it — an award
would hand out every point again — nor is a record cancelled (the entries to
reverse are gone): nothing is written at all.

  $ sqlite3 kangle.db "DROP TRIGGER points_ledger_no_delete; DELETE FROM points_ledger"
  $ kangle points verify; echo "exit $?"
  积分账本核验未通过：第 1 条：账本止于第 0 条，账本头却记有 10 条：有记录在 kangle 之外被删除
  exit 1
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: 缺少触发器 points_ledger_no_delete：数据库曾在 kangle 之外被改动，它所保护的数据已失去保护
  kangle.db: 积分账本核验未通过：第 1 条：账本止于第 0 条，账本头却记有 10 条：有记录在 kangle 之外被删除
  
  2 个错误，1 个警告
  [1]
  $ kangle points award
  kangle: 错误：积分账本第 1 条核验未通过：账本止于第 0 条，账本头却记有 10 条：有记录在 kangle 之外被删除。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ kangle points award --dry-run
  kangle: 错误：积分账本第 1 条核验未通过：账本止于第 0 条，账本头却记有 10 条：有记录在 kangle 之外被删除。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ kangle points adjust 张伟 +5 --reason 补录
  kangle: 错误：积分账本第 1 条核验未通过：账本止于第 0 条，账本头却记有 10 条：有记录在 kangle 之外被删除。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ kangle record cancel 1 --reason 当天因雨暂停
  kangle: 错误：积分账本第 1 条核验未通过：账本止于第 0 条，账本头却记有 10 条：有记录在 kangle 之外被删除。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ sqlite3 kangle.db "SELECT count(*) FROM points_ledger; SELECT count(*) FROM service_records WHERE cancelled_at IS NOT NULL"
  0
  0
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm

A tail cut off, or entries added past the head, or the last entry replaced.

  $ sqlite3 kangle.db "DROP TRIGGER points_ledger_no_delete; DELETE FROM points_ledger WHERE id > 6"
  $ kangle points verify; echo "exit $?"
  积分账本核验未通过：第 7 条：账本止于第 6 条，账本头却记有 10 条：有记录在 kangle 之外被删除
  exit 1
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm
  $ sqlite3 kangle.db "UPDATE points_ledger_head SET entries = entries - 1, hash = (SELECT hash FROM points_ledger WHERE id = (SELECT max(id) - 1 FROM points_ledger))"
  $ kangle points verify; echo "exit $?"
  积分账本核验未通过：第 10 条：账本头只记有 9 条：此条及其后的记录是在 kangle 之外添加的
  exit 1
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm

An entry edited after the checkpoint is found by `check` (with the trigger that
was dropped to do it) and stops every append, naming it. One edited before the
checkpoint, with the triggers put back, needs `points verify --full`: that is
what the nightly full walk is for.

  $ sqlite3 kangle.db "DROP TRIGGER points_ledger_no_update; UPDATE points_ledger SET points = 50 WHERE id = (SELECT max(id) FROM points_ledger)"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: 缺少触发器 points_ledger_no_update：数据库曾在 kangle 之外被改动，它所保护的数据已失去保护
  kangle.db: 积分账本核验未通过：第 10 条：哈希值与内容及上一条不符：该记录曾在 kangle 之外被改动
  
  2 个错误，1 个警告
  [1]
  $ kangle points adjust 张伟 +5 --reason 补录
  kangle: 错误：积分账本第 10 条核验未通过：哈希值与内容及上一条不符：该记录曾在 kangle 之外被改动。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ kangle points redeem 张伟 20 --for 爱心理发券
  kangle: 错误：积分账本第 10 条核验未通过：哈希值与内容及上一条不符：该记录曾在 kangle 之外被改动。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ kangle points reverse 1 --reason 未到岗
  kangle: 错误：积分账本第 10 条核验未通过：哈希值与内容及上一条不符：该记录曾在 kangle 之外被改动。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ kangle record cancel 1 --reason 当天因雨暂停
  kangle: 错误：积分账本第 10 条核验未通过：哈希值与内容及上一条不符：该记录曾在 kangle 之外被改动。未写入任何内容；详见 `kangle points verify`，请从备份恢复 kangle.db
  [4]
  $ sqlite3 kangle.db "SELECT count(*) FROM points_ledger; SELECT count(*) FROM service_records WHERE cancelled_at IS NOT NULL; SELECT entries FROM points_ledger_head"
  10
  0
  10
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm
  $ sqlite3 kangle.db "DROP TRIGGER points_ledger_no_update; UPDATE points_ledger SET points = 50 WHERE id = 2; CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only: correct an entry with a reversal'); END;"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  
  0 个错误，1 个警告
  $ kangle points verify --full; echo "exit $?"
  积分账本核验未通过：第 2 条：哈希值与内容及上一条不符：该记录曾在 kangle 之外被改动
  exit 1
  $ cp before.db kangle.db && rm -f kangle.db-wal kangle.db-shm

A record cancelled after its month's honour board was printed corrects that
month's figures: the reversal is dated as the entries it reverses (when it was
entered stays in the entry), so January's board does not carry December's
correction.

  $ kangle points board --month 2026-12 --format csv | tr -d '\r'
  名次,姓名,手机,单位,积分,服务次数,服务时长（分钟）,党员
  1,张伟,138****8003,徐汇区环卫所,14,1,120,true
  2,王建国,138****8001,康健街道社区卫生服务中心,12,1,120,true
  $ KANGLE_NOW=2027-01-05T02:00:00Z kangle record cancel 1 --reason 当天因雨暂停
  服务记录 1 已作废；冲正积分记录 8 条，共收回 18 分
  $ kangle points board --month 2026-12 --format csv | tr -d '\r'
  名次,姓名,手机,单位,积分,服务次数,服务时长（分钟）,党员
  1,张伟,138****8003,徐汇区环卫所,5,0,0,true
  2,王建国,138****8001,康健街道社区卫生服务中心,3,0,0,true
  $ kangle points board --month 2027-01 --format csv | tr -d '\r'
  名次,姓名,手机,单位,积分,服务次数,服务时长（分钟）,党员
  $ kangle points history 王建国 --format csv | tr -d '\r'
  序号,日期,积分,余额,规则,原因,经办人,冲正
  1,2026-12-12,2,2,per_session,2026-12-12 樱花园小区 应急消杀 · 每班次,kangle,
  2,2026-12-12,2,4,per_hour,2026-12-12 樱花园小区 应急消杀 · 每服务满一小时 ×2,kangle,
  3,2026-12-12,2,6,outreach,2026-12-12 樱花园小区 应急消杀 · 上门服务奖励,kangle,
  4,2026-12-12,3,9,holiday,2026-12-12 樱花园小区 应急消杀 · 周末节假日奖励,kangle,
  10,2026-12-01,3,12,manual,补录,kangle,
  15,2026-12-12,-2,10,reversal,服务记录 1 作废：当天因雨暂停,kangle,1
  16,2026-12-12,-2,8,reversal,服务记录 1 作废：当天因雨暂停,kangle,2
  17,2026-12-12,-2,6,reversal,服务记录 1 作废：当天因雨暂停,kangle,3
  18,2026-12-12,-3,3,reversal,服务记录 1 作废：当天因雨暂停,kangle,4

The ledger refuses edits in the database itself, whatever program makes them.

  $ sqlite3 kangle.db "UPDATE points_ledger SET points = 50 WHERE id = 3" 2>&1
  Error: stepping, points_ledger is append-only: correct an entry with a reversal (19)
  [19]
  $ sqlite3 kangle.db "DELETE FROM points_ledger WHERE id = 3" 2>&1
  Error: stepping, points_ledger is append-only: correct an entry with a reversal (19)
  [19]
