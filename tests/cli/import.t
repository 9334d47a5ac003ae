Importing the volunteers' sign-up sheet of the example: a GB18030 CSV as Excel
and WPS save it on Chinese Windows, with a title row, a note, a blank row,
full-width digits, a phone typed as a number, a person signing up twice, bad
rows and a total row.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import volunteers signup.csv --dry-run
  signup.csv（表头在第 4 行）
    新增 28 人，更新 0 人，合并 1 行，未变 0 人，拒收 2 行
    已跳过：空行 1 行，合计行 1 行
    未导入的列：序号
  signup.csv:10:G（特长技能）：存疑：未知技能“理法”（是否想写“书法”？）
  signup.csv:11:C（联系电话）：拒收：手机号“138****3800”不是 11 位手机号码
  signup.csv:12:C（联系电话）：拒收：没有手机号也没有身份证号，无法区分此人
  signup.csv:15：合并：与第 7 行是同一人：可服务时间 + 周六上午、技能 + 磨刀
  signup.csv:16:H（可服务时间）：存疑：无法识别可服务时间“每月一次”（例如 周一上午、周三下午、周末、工作日、每天），已导入但未登记服务时间
  （试运行，未写入任何内容）
  [1]
  $ kangle volunteers list
  姓名  手机  党员  单位  居民区  技能  可服务时间  每月最多班次
  
  共 0 名志愿者

For scripts, --format json: the counts as numbers, the same under --lang en.

  $ kangle import volunteers signup.csv --dry-run --format json > zh.json; echo $?
  1
  $ kangle --lang en import volunteers signup.csv --dry-run --format json > en.json
  [1]
  $ python3 -c 'import json; zh, en = (json.load(open(f)) for f in ("zh.json", "en.json")); print(zh["kind"], zh["facts"]); print(zh["facts"] == en["facts"], len(zh["sections"][0]["lines"]))'
  import {'list': 'volunteers', 'file': 'signup.csv', 'header_row': 4, 'added': 28, 'updated': 0, 'merged': 1, 'unchanged': 0, 'rejected': 2, 'dry_run': True}
  True 10
  $ kangle import volunteers signup.csv
  signup.csv（表头在第 4 行）
    新增 28 人，更新 0 人，合并 1 行，未变 0 人，拒收 2 行
    已跳过：空行 1 行，合计行 1 行
    未导入的列：序号
  signup.csv:10:G（特长技能）：存疑：未知技能“理法”（是否想写“书法”？）
  signup.csv:11:C（联系电话）：拒收：手机号“138****3800”不是 11 位手机号码
  signup.csv:12:C（联系电话）：拒收：没有手机号也没有身份证号，无法区分此人
  signup.csv:15：合并：与第 7 行是同一人：可服务时间 + 周六上午、技能 + 磨刀
  signup.csv:16:H（可服务时间）：存疑：无法识别可服务时间“每月一次”（例如 周一上午、周三下午、周末、工作日、每天），已导入但未登记服务时间
  被拒收的行及原因已写入 signup.rejects.csv
  [1]
  $ cat signup.rejects.csv | tr -d '\r' | sed 's/^\xEF\xBB\xBF//'
  序号,姓名,联系电话,政治面貌,所在单位,居民区,特长技能,可服务时间,每月最多班次,原因
  7,赵强,1380013800,群众,,玉兰园,修车,周五,4,手机号“138****3800”不是 11 位手机号码
  8,黄磊,,群众,,丁香园,钟表维修,周四,4,没有手机号也没有身份证号，无法区分此人
  $ kangle volunteers list
  姓名    手机         党员  单位                      居民区    技能              可服务时间                    每月最多班次
  何志强  138****8018  是                              康乐小区  修伞、磨刀        周一、周四上午                6
  冯娟    138****8029                                  玉兰园    数字助老          周四下午                      4
  刘芳    138****8004  是    上海师范大学法政学院                法律              周四上午                      2
  吴刚    138****8010                                  玉兰园    自行车修理、修伞  周五、周末                    4
  周敏    138****8009  是    康健街道社区卫生服务中心  樱花园    医护              工作日上午                    8
  唐志强  138****8026  是                              茶花园    非遗手工          周四下午                      2
  孙静    138****8012  是                              丁香园    心理咨询                                        2
  宋玉兰  138****8025  是                              康乐小区  心理咨询          周四下午、周五上午            4
  张伟    138****8003  是    徐汇区环卫所              玉兰园    理发、磨刀        周二、周四上午、周六上午      6
  徐丽华  138****8013  是    康健街道社区卫生服务中心  茶花园    医护              周二、周三下午                6
  曹杰    138****8031                                  康乐小区                    周四下午                      2
  朱桂英  138****8015  是                              樱花园    理发              周二                          4
  李秀英  138****8002                                  樱花园    缝纫              周三                          3
  杨丽    138****8006                                  樱花园                      周二上午                      2
  林海燕  138****8020  是    上海师范大学法政学院                法律              周四上午                      3
  梁红梅  138****8023  是    康健街道社区卫生服务中心  玉兰园    医护              周二上午、周三下午、周四上午  6
  王建国  138****8001  是    康健街道社区卫生服务中心  丁香园    医护              周三上午、周五上午            4
  罗晓东  138****8021        上海师范大学法政学院                法律              周四上午                      3
  胡建华  138****8016  是    徐汇区环卫所              玉兰园    理发              周二下午、周四上午            4
  许萍    138****8027                                  桂林苑    非遗手工          周四                          2
  谢建国  138****8024                                  丁香园    自行车修理        周五                          4
  邓勇    138****8030  是                              丁香园    修伞              周一                          4
  郑平    138****8022  是                              樱花园    计量校验          周四上午                      3
  郭秀兰  138****8017                                  茶花园    缝纫              周三                          4
  陈明    138****8005                                  丁香园    修伞、磨刀        周一、周四                    4
  韩超    138****8028  是                              樱花园                      周二上午、周四下午            4
  马国强  138****8014                                  丁香园    理发              周二、周四上午                6
  高明    138****8019                                  桂林苑    钟表维修          周四                          4
  
  共 28 名志愿者
  $ kangle volunteers list --skill barber --format csv | tr -d '\r'
  姓名,手机,党员,单位,居民区,技能,可服务时间,每月最多班次,id,id_number,political_status,skill_ids,certificates,availability_slots,preferences,note
  张伟,138****8003,true,徐汇区环卫所,玉兰园,"barber,knife-grinder","Tue-morning,Tue-afternoon,Thu-morning,Sat-morning",6,3,,中共预备党员,"barber,knife-grinder",,"Tue-morning,Tue-afternoon,Thu-morning,Sat-morning",,
  朱桂英,138****8015,true,,樱花园,barber,"Tue-morning,Tue-afternoon",4,12,,中共党员,barber,,"Tue-morning,Tue-afternoon",,
  胡建华,138****8016,true,徐汇区环卫所,玉兰园,barber,"Tue-afternoon,Thu-morning",4,13,,中共党员,barber,,"Tue-afternoon,Thu-morning",,
  马国强,138****8014,false,,丁香园,barber,"Tue-morning,Tue-afternoon,Thu-morning",6,11,,群众,barber,,"Tue-morning,Tue-afternoon,Thu-morning",,
  $ kangle volunteers list --unit 卫生 --format json --reveal | python3 -c '
  > import json, sys
  > doc = json.load(sys.stdin)
  > print(doc["kind"], "format_version", doc["format_version"])
  > for r in doc["sections"][0]["tables"][0]["rows"]:
  >     print(" ", r["name"], r["phone"], r["party_member"], r["political_status"], r["skill_ids"], r["certificates"], r["availability_slots"], r["monthly_limit"])'
  volunteers format_version 1
    周敏 13800138009 True 中共党员 ['nurse'] [] ['Mon-morning', 'Tue-morning', 'Wed-morning', 'Thu-morning', 'Fri-morning'] 8
    徐丽华 13800138013 True 中共党员 ['nurse'] [] ['Tue-morning', 'Tue-afternoon', 'Wed-afternoon'] 6
    梁红梅 13800138023 True 中共党员 ['nurse'] [] ['Tue-morning', 'Wed-afternoon', 'Thu-morning'] 6
    王建国 13800138001 True 中共党员 ['nurse'] [] ['Wed-morning', 'Fri-morning'] 4
  $ kangle volunteers show 张伟
  信息          内容
  姓名          张伟
  手机          138****8003
  党员          是
  政治面貌      中共预备党员
  单位          徐汇区环卫所
  居民区        玉兰园
  技能          理发、磨刀
  可服务时间    周二、周四上午、周六上午
  每月最多班次  6
  $ kangle --lang en volunteers show 138-0013-8001 --reveal
  Detail            Value
  Name              王建国
  Phone             13800138001
  Party member      yes
  Political status  中共党员
  Unit              康健街道社区卫生服务中心
  Community         丁香园
  Skills            Nursing
  Availability      Wed am, Fri am
  Monthly limit     4

The same file again changes nothing and says so.

  $ kangle import volunteers signup.csv
  signup.csv 已于 2026年12月1日 10:00 导入过，未做任何改动

A fixed file with the rejected rows: the reason column is ignored.

  $ sed -i 's/^7,赵强,1380013800,/7,赵强,13800138007,/; s/^8,黄磊,,/8,黄磊,13800138008,/' signup.rejects.csv
  $ kangle import volunteers signup.rejects.csv --rejects fixed-rejects.csv
  signup.rejects.csv（表头在第 1 行）
    新增 2 人，更新 0 人，合并 0 行，未变 0 人，拒收 0 行
    未导入的列：序号、原因
  $ kangle volunteers list --format csv | wc -l
  31

Errors: no header, an old .xls, an unknown field in --map, a file that is not there.

  $ printf 'a,b\n1,2\n' > nothing.csv && kangle import volunteers nothing.csv
  kangle: 错误：nothing.csv：前 30 行中找不到表头（应有 姓名、联系电话、身份证号、特长 等列）；可用 --map "表头=字段" 或 --sheet 指定
  [3]
  $ printf '\xd0\xcf\x11\xe0rest' > old.xls && kangle --lang en import volunteers old.xls
  kangle: error: old.xls: this is an old .xls file or a password-protected workbook; open it in Excel or WPS and save it as .xlsx (without a password)
  [3]
  $ kangle import volunteers signup.csv --map "手机=telephone"
  kangle: 错误：未知字段“telephone”（可用字段：name, phone, id_number, skills, availability, political_status, unit, community, monthly_limit, certificate_expires, preferences, note）
  [2]
  $ kangle import volunteers missing.csv
  kangle: 错误：无法读取 missing.csv：No such file or directory
  [3]

Two imports at once into one workspace: one waits for the other, both finish,
nothing is lost or doubled.

  $ cd .. && kangle init two >/dev/null && cd two
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" a.csv && iconv -f GB18030 -t UTF-8 a.csv > b.csv
  $ (kangle import volunteers a.csv > a.out; echo "a: $?" > a.rc) & (kangle import volunteers b.csv > b.out; echo "b: $?" > b.rc) & wait
  $ cat a.rc b.rc
  a: 1
  b: 1
  $ sort a.out b.out | grep 新增
    新增 0 人，更新 0 人，合并 1 行，未变 28 人，拒收 2 行
    新增 28 人，更新 0 人，合并 1 行，未变 0 人，拒收 2 行
  $ kangle volunteers list --format csv | wc -l
  29
  $ workspace-sql 'SELECT count(*) FROM imports'
  2

Service records kept in a sheet (服务记录), in a workspace of the example with
the volunteers of its sign-up sheet: a title row, dates and times written in
several ways, a volunteer named by phone, a duration without a time, an outreach
visit to a compound, a themed event, a day past the haircut's daily cap, a
volunteer whose sign-up was rejected, a date without its year, a blank row and a
total row. The imports run on the sheet's last day, 2026-12-31: a day to come
could not be recorded.

  $ cd .. && kangle init records --example kangjian >/dev/null && cd records
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv && kangle import volunteers signup.csv | grep 新增
    新增 28 人，更新 0 人，合并 1 行，未变 0 人，拒收 2 行
  $ export KANGLE_NOW=2026-12-31T10:00:00Z
  $ cp "$TESTDIR/../../examples/kangjian/sheets/服务记录.csv" records.csv
  $ kangle import records records.csv
  records.csv（表头在第 2 行）
    新增 14 条，更新 0 条，合并 0 行，未变 0 条，拒收 2 行
    已跳过：空行 1 行，合计行 1 行
    未导入的列：序号
  records.csv:14:H（服务人次）：存疑：2026-12-08 丁香园：理发共服务 25 人次，超过每日限定人数 20（仍照实记录）
  records.csv:15:F（志愿者）：拒收：找不到姓名或手机号为“赵强”的志愿者：请先导入其报名信息
  records.csv:17:B（日期）：拒收：无法识别日期“12月15日”（例如 2026-12-03、2026/12/3、2026年12月3日，须写明年份）
  被拒收的行及原因已写入 records.rejects.csv
  [1]
  $ kangle record list --month 2026-12
  编号  日期        时间         服务点      服务                 志愿者                替班  服务人次  满意度  服务时长
  1     2026-12-01  09:00-11:30  丁香园      理发                 张伟、朱桂英                18        5.0     5小时
  2     2026-12-01  09:00-11:30  康乐汇      测血压               王建国                      32        4.9     2小时30分
  3     2026-12-02  09:00-11:30  丁香园      测血糖               梁红梅                      26        4.8     2小时30分
  4     2026-12-02  13:30-16:00  丁香园      织补                 李秀英、郭秀兰              9         5.0     5小时
  5     2026-12-03  08:30-11:30  浦北路      法律咨询             刘芳、林海燕、罗晓东        12        5.0     9小时
  6     2026-12-03  08:30-11:30  浦北路      磨刀                 何志强、陈明                21        4.9     6小时
  7     2026-12-03  08:30-11:30  浦北路      血压计校验           郑平                        9         5.0     3小时
  9     2026-12-04  09:00-11:30  康乐汇      心理健康咨询         孙静、宋玉兰                5         5.0     5小时
  8     2026-12-04  13:30-16:00  丁香园      自行车修理           吴刚、谢建国                7                 4小时
  10    2026-12-07  09:00-11:30  丁香园      修伞                 邓勇                        11        4.7     2小时30分
  11    2026-12-08  09:00-11:00  樱花园小区  测血压               周敏、徐丽华                40        4.8     4小时
  12    2026-12-08  09:00-11:30  丁香园      理发                 胡建华、马国强              25        4.9     5小时
  13    2026-12-10  13:30-16:00  丁香园      钟表维修             高明                        6         5.0     2小时30分
  14    2026-12-31  14:00-16:00  康乐汇      “非遗+党建”主题活动  唐志强、许萍、韩超          35        4.9     6小时
  
  共 14 条记录，服务居民 256 人次，志愿服务时长 62小时
  $ workspace-sql "SELECT id, cadence, CAST(round(satisfaction * 100) AS INTEGER) FROM service_records ORDER BY id"
  1|daily|500
  2|daily|492
  3|daily|480
  4|daily|500
  5|daily|500
  6|daily|490
  7|daily|500
  8|daily|
  9|daily|500
  10|daily|470
  11|outreach|484
  12|daily|490
  13|daily|500
  14|monthly|488
  $ workspace-sql 'SELECT count(*), sum(minutes) FROM record_volunteers'
  25|3720

The sheet a week later, with a row added in place of the blank one: only that
row is new. The same file again changes nothing.

  $ sed 's/^,,,,,,,,,\r$/17,2026-12-14,丁香园,修伞,09:00-11:30,邓勇,,10,5,\r/' records.csv > later.csv
  $ kangle import records later.csv
  later.csv（表头在第 2 行）
    新增 1 条，更新 0 条，合并 0 行，未变 14 条，拒收 2 行
    已跳过：空行 0 行，合计行 1 行
    未导入的列：序号
  later.csv:15:F（志愿者）：拒收：找不到姓名或手机号为“赵强”的志愿者：请先导入其报名信息
  later.csv:17:B（日期）：拒收：无法识别日期“12月15日”（例如 2026-12-03、2026/12/3、2026年12月3日，须写明年份）
  被拒收的行及原因已写入 later.rejects.csv
  [1]
  $ kangle import records records.csv
  records.csv 已于 2026年12月31日 18:00 导入过，未做任何改动

Progress on a long import: a line on stderr rewritten in place, only on a terminal
(script(1) gives the import one), never with --quiet or off a terminal.

  $ python3 -c 'print("姓名,联系电话,特长技能"); [print(f"志愿者{i},{13900000000 + i * 7},理发") for i in range(3500)]' > many.csv
  $ script -qec "kangle import volunteers many.csv --dry-run" /dev/null | tr '\r' '\n' | grep '已读取'
  已读取 1000 行…
  已读取 2000 行…
  已读取 3000 行…
  $ script -qec "kangle import volunteers many.csv --dry-run --quiet" /dev/null | grep -c '已读取'
  0
  [1]
  $ kangle import volunteers many.csv --dry-run 2>&1 | grep -c '已读取'
  0
  [1]
