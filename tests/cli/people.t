Who is who: a second sheet after the example's sign-ups, with the numbers Excel
mangles and a known phone under another name. Nothing of a rejected row gets in.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ kangle import volunteers "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" >/dev/null; echo $?
  1

Row 2 gives 王建国's phone under another name: a conflict, not a rename. Row 3
is a phone Excel showed as 1.39123E+10, which used to become 13912300000.

  $ printf '%s\n' 姓名,联系电话,身份证号,特长技能,可服务时间 \
  >   甲九,13800138001,,理发,周一 \
  >   乙十,1.39123E+10,,理发,周一 \
  >   丙一,12345678901,,理发,周一 \
  >   丁二,,410105199001011234,理发,周一 \
  >   戊三,,410105199001011000,理发,周一 \
  >   己四,,4.10105E+17,理发,周一 \
  >   庚五,,410105199013011230,理发,周一 \
  >   '王 芳,13800138040,,护士,周一' \
  >   '王　芳,13800138040,,,周二' \
  >   'Anna   Li,13800138041,410105199001011233,,周三' \
  >   辛六,13800138042,410105199001011233,,周三 \
  >   李秀英,13800138002,110101198005120022,,周三 > more.csv
  $ kangle import volunteers more.csv
  more.csv（表头在第 1 行）
    新增 2 人，更新 1 人，合并 1 行，未变 0 人，拒收 8 行
  more.csv:2:A（姓名）：拒收：手机 138****8001 已登记在“王建国”名下，与本行姓名“甲九”不符：这是冲突，不是更新（如确需改名：kangle volunteers set 王建国 --name 甲九）
  more.csv:3:B（联系电话）：拒收：手机号“1.39123E+10”是 Excel 的科学计数法，后几位数字已经丢失：请把该列设为“文本”格式，重新填写号码后再导入
  more.csv:4:B（联系电话）：拒收：手机号“123****8901”不是有效的手机号码（应为 13–19 开头的 11 位数字）
  more.csv:5:C（身份证号）：拒收：身份证号“4101**********1234”校验不通过（末位是前 17 位的校验码，GB 11643）：有数字填错了
  more.csv:6:C（身份证号）：拒收：身份证号“4101**********1000”的最后几位被 Excel 改掉了（Excel 只保留 15 位有效数字，其余变成 0 或科学计数法）：请把该列设为“文本”格式，重新填写后再导入
  more.csv:7:C（身份证号）：拒收：身份证号“4.10***E+17”的最后几位被 Excel 改掉了（Excel 只保留 15 位有效数字，其余变成 0 或科学计数法）：请把该列设为“文本”格式，重新填写后再导入
  more.csv:8:C（身份证号）：拒收：身份证号“4101**********1230”中的出生日期不是有效日期
  more.csv:10：合并：与第 9 行是同一人：可服务时间 + 周二
  more.csv:12:A（姓名）：拒收：身份证号 4101**********1233 已登记在“Anna Li”名下，与本行姓名“辛六”不符：这是冲突，不是更新（如确需改名：kangle volunteers set Anna Li --name 辛六）
  more.csv:13：更新：已登记的志愿者：身份证号：- → 1101**********0022
  被拒收的行及原因已写入 more.rejects.csv
  [1]

王建国 keeps his name, skills and phone; nobody got 甲九's or the mangled numbers.

  $ kangle volunteers list --format csv | grep -E '王建国|甲九|乙十|王芳|Anna'
  Anna Li,138****8041,false,,,,"Wed-morning,Wed-afternoon",,30,4101**********1233,,,,"Wed-morning,Wed-afternoon",,
  王建国,138****8001,true,康健街道社区卫生服务中心,丁香园,nurse,"Wed-morning,Fri-morning",4,1,,中共党员,nurse,,"Wed-morning,Fri-morning",,
  王芳,138****8040,false,,,nurse,"Mon-morning,Mon-afternoon,Tue-morning,Tue-afternoon",,29,,,nurse,,"Mon-morning,Mon-afternoon,Tue-morning,Tue-afternoon",,
  $ tr -d '\r' < more.rejects.csv | sed 's/^\xEF\xBB\xBF//' | cut -d, -f1,2
  姓名,联系电话
  甲九,13800138001
  乙十,1.39123E+10
  丙一,12345678901
  丁二,
  戊三,
  己四,
  庚五,
  辛六,13800138042

Renaming on purpose is its own act, kept with who did it and when; so are new
availability (replacing, not adding), skills, a monthly limit and a renewed certificate.

  $ export KANGLE_USER=coordinator
  $ kangle volunteers set 王建国 --name 王建军 --availability 周二上午 --skills 护士、磨刀 --monthly-limit 5
  已修改 王建国：姓名：王建国 → 王建军、可服务时间：周三上午、周五上午 → 周二上午、每月最多班次：4 → 5、技能：医护 → 磨刀、医护
  $ kangle volunteers set 王建军 --certificate-expires 2027-06-30
  已修改 王建军：医护证书：- → 2027-06-30
  $ kangle volunteers set 王建军 --phone 13800138002
  kangle: 错误：手机号 138****8002 已属于“李秀英”
  [3]
  $ kangle volunteers set 王建军 --phone 12345678901
  kangle: 错误：手机号“123****8901”不是有效的手机号码（应为 13–19 开头的 11 位数字）
  [2]
  $ kangle volunteers set 王建军 --name 王建军
  王建军：没有需要修改的内容
  $ kangle volunteers set 王建军
  kangle: 错误：请说明要修改什么：--name、--phone、--availability、--monthly-limit、--skills 或 --certificate-expires
  [2]
  $ kangle volunteers show 王建军 --format json > show-zh.json && kangle --lang en volunteers show 王建军 --format json > show-en.json
  $ cat > show.py <<'EOF'
  > import json
  > def load(name):
  >     with open(name) as f:
  >         return json.load(f)
  > zh, en = load("show-zh.json"), load("show-en.json")
  > def for_scripts(doc):
  >     return [(t["id"], [c["key"] for c in t["columns"]], t["rows"]) for s in doc["sections"] for t in s["tables"]]
  > print(zh["kind"], "format_version", zh["format_version"], "same for scripts in zh-CN and en:", for_scripts(zh) == for_scripts(en))
  > details, changes = zh["sections"][0]["tables"]
  > for row in details["rows"]:
  >     print(" ", row["field"], json.dumps(row["value"], ensure_ascii=False))
  > for row in changes["rows"]:
  >     print(" ", row["at_utc"], row["by"], row["change"], json.dumps(row["before"], ensure_ascii=False), "->", json.dumps(row["after"], ensure_ascii=False))
  > EOF
  $ python3 show.py
  volunteer format_version 1 same for scripts in zh-CN and en: True
    name "王建军"
    phone "138****8001"
    party_member true
    political_status "中共党员"
    unit "康健街道社区卫生服务中心"
    community "丁香园"
    skills "knife-grinder,nurse"
    availability "Tue-morning"
    monthly_limit 5
    2026-12-01T02:00:00Z coordinator name "王建国" -> "王建军"
    2026-12-01T02:00:00Z coordinator availability "Wed-morning,Fri-morning" -> "Tue-morning"
    2026-12-01T02:00:00Z coordinator monthly_limit "4" -> "5"
    2026-12-01T02:00:00Z coordinator skills "nurse" -> "knife-grinder,nurse"
    2026-12-01T02:00:00Z coordinator certificate:nurse null -> "2027-06-30"
  $ kangle volunteers show 王建军
  信息          内容
  姓名          王建军
  手机          138****8001
  党员          是
  政治面貌      中共党员
  单位          康健街道社区卫生服务中心
  居民区        丁香园
  技能          磨刀、医护(2027-06-30)
  可服务时间    周二上午
  每月最多班次  5
  
  修改记录
  时间              经办人       修改内容
  2026-12-01 10:00  coordinator  姓名：王建国 → 王建军
  2026-12-01 10:00  coordinator  可服务时间：周三上午、周五上午 → 周二上午
  2026-12-01 10:00  coordinator  每月最多班次：4 → 5
  2026-12-01 10:00  coordinator  技能：医护 → 磨刀、医护
  2026-12-01 10:00  coordinator  医护证书：- → 2027-06-30

A sheet that says 甲九 for that phone still renames no one.

  $ printf '%s\n' 姓名,联系电话 甲九,13800138001 > one.csv
  $ kangle import volunteers one.csv --dry-run | grep 甲九
  one.csv:2:A（姓名）：拒收：手机 138****8001 已登记在“王建军”名下，与本行姓名“甲九”不符：这是冲突，不是更新（如确需改名：kangle volunteers set 王建军 --name 甲九）

Absences can be listed and taken back; one that falls on a seat of a built rota
says so, a locked seat too.

  $ kangle schedule build --month 2026-12 >/dev/null
  $ kangle schedule lock --month 2026-12 --person 李秀英
  已锁定 2026-12 的 3 个岗位
  $ kangle volunteers away 李秀英 --from 2026-12-09 --to 2026-12-10 --reason 出差
  李秀英 自 2026-12-09 至 2026-12-10 不能服务。
  $ kangle volunteers away 李秀英 --from 2026-12-16 --to 2026-12-16
  李秀英 自 2026-12-16 至 2026-12-16 不能服务。
  李秀英 在这段时间排有 1 个班次：
    2026-12-16 09:00-11:30 丁香园 织补（已锁定：下次生成排班时同样会释放）
  重新生成当月排班会换人：kangle schedule build --month 2026-12
  $ kangle volunteers away
  编号  姓名    起          止          原因
  1     李秀英  2026-12-09  2026-12-10  出差
  2     李秀英  2026-12-16  2026-12-16
  $ kangle volunteers away 李秀英 --undo 1
  已撤销 李秀英 的请假 #1（2026-12-09..2026-12-10 出差）。
  $ kangle volunteers away 李秀英 --undo 1
  kangle: 错误：“李秀英”没有编号为 #1 的请假（见 kangle volunteers away）
  [3]
  $ kangle volunteers away 李秀英
  编号  姓名    起          止          原因
  2     李秀英  2026-12-16  2026-12-16
  $ kangle volunteers show 李秀英 | tail -2
  时间              经办人       修改内容
  2026-12-01 10:00  coordinator  请假：2026-12-09..2026-12-10 出差 → -

A renewal sheet of name, phone and certificate date renews the certificates of
the skills that rest on one; a date nobody's skill needs is said, not dropped.

  $ printf '%s\n' 姓名,手机,证书有效期 王建军,13800138001,2027-12-31 陈明,13800138005,2027-12-31 > renew.csv
  $ kangle import volunteers renew.csv
  renew.csv（表头在第 1 行）
    新增 0 人，更新 1 人，合并 0 行，未变 1 人，拒收 0 行
  renew.csv:2：更新：已登记的志愿者：医护 证书有效期至 2027-12-31
  renew.csv:3:C（证书有效期）：存疑：证书有效期至 2027-12-31，但此人没有需要证书的技能：未登记
  $ kangle volunteers show 王建军 | grep ^技能
  技能          磨刀、医护(2027-12-31)

Headers and availability as other streets' forms write them; a phrase that cannot
be read is named and the rest of the cell kept.

  $ printf '%s\n' 真实姓名,联系手机,擅长,服务时段,每月服务次数 \
  >   '赵六,13800138060,理发,"周一、三、五上午"' \
  >   '钱七,13800138061,修伞,"周一至周五 9:00-11:30，周三晚"' \
  >   '孙八,13800138062,缝纫,"每周二、看情况、周2中午"' > other.csv
  $ kangle import volunteers other.csv
  other.csv（表头在第 1 行）
    新增 3 人，更新 0 人，合并 0 行，未变 0 人，拒收 0 行
  other.csv:4:D（服务时段）：存疑：可服务时间中的“看情况”无法识别（例如 周一上午、周三下午、周末、工作日、每天），其余已登记
  $ kangle volunteers list | grep -E '^(赵六|钱七|孙八)'
  孙八     138****8062                                            缝纫                    周二
  赵六     138****8060                                            理发                    周一、周三、周五上午
  钱七     138****8061                                            修伞                    周一上午、周二上午、周三上午、周三晚上、周四上午、周五上午

A skill by its name as by its id; one kangle does not know is refused, not
answered with an empty list.

  $ kangle volunteers list --skill 缝纫 | grep -c 孙八
  1
  $ kangle volunteers list --skill 缝补 | grep -c 孙八
  1
  $ kangle volunteers list --skill 钢琴
  kangle: 错误：未知技能“钢琴”（技能见 services.toml）
  [2]

A renewal never shortens a certificate; a limit out of range is refused, the
stored name in every message. An absence's number says whose it is (--undo N
alone); a number that is not theirs, or --reason and --to without --from, are
refused.

  $ printf '%s\n' 姓名,手机,证书有效期 王建军,13800138001,2027-01-31 > old.csv
  $ kangle import volunteers old.csv | tail -1
  old.csv:2:C（证书有效期）：存疑：证书有效期至 2027-01-31，早于已登记的有效期（至 2027-12-31）：未采用
  $ kangle volunteers show 王建军 | grep ^技能
  技能          磨刀、医护(2027-12-31)
  $ kangle volunteers set 13800138001 --monthly-limit 200
  kangle: 错误：--monthly-limit 200：应为 0（按工作区默认值）到 93，未做修改
  [2]
  $ kangle volunteers set 13800138001 --monthly-limit 0
  已修改 王建军：每月最多班次：5 → -
  $ kangle volunteers away --undo 9
  kangle: 错误：没有编号为 #9 的请假（见 kangle volunteers away）
  [3]
  $ kangle volunteers away --undo 2
  已撤销 李秀英 的请假 #2（2026-12-16..2026-12-16）。
  $ kangle volunteers away 王建军 --undo 3
  kangle: 错误：“王建军”没有编号为 #3 的请假（见 kangle volunteers away）
  [3]
  $ kangle volunteers away 王建军
  编号  姓名  起  止  原因
  
  没有登记的请假
  $ kangle volunteers away 王建军 --reason 出差
  kangle: 错误：--reason 需要同时给出 --from；请查看 `kangle volunteers away --help`
  [2]
  $ kangle volunteers away 王建军 --undo 3 --from 2026-12-20
  kangle: 错误：--from 不能与 --undo 同时使用；请查看 `kangle volunteers away --help`
  [2]
