The needs list (需求清单, micro-wishes too) and the resources list (资源清单) of
the example: a UTF-8 CSV with a BOM and a GB18030 one, each with a title row,
a rejected row for a bad phone and one for an unknown category, a doubtful
value and a total row.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/需求清单.csv" needs.csv
  $ cp "$TESTDIR/../../examples/kangjian/sheets/资源清单.csv" resources.csv

A dry run says what would happen and writes nothing.

  $ kangle import needs needs.csv --dry-run
  needs.csv（表头在第 4 行）
    新增 10 条，更新 0 条，合并 0 行，未变 0 条，拒收 2 行
    已跳过：空行 1 行，合计行 1 行
  needs.csv:12:C（联系电话）：拒收：电话“1390013900”既不是 11 位手机号码，也不是固定电话（如 64001234、021-64001234）
  needs.csv:13:F（需求类别）：拒收：未知类别“心里咨询”（是否想写“心理咨询”？）
  needs.csv:14:I（截止日期）：存疑：无法识别截止日期“下个月”（例如 2026-12-31、2026年12月31日），已导入但未登记截止日期
  （试运行，未写入任何内容）
  [1]
  $ kangle match list needs
  编号  需求方  类型  手机  小区  类别  服务项目  内容  人数  截止日期  困难群体  微心愿  状态
  
  共 0 条需求
  $ kangle import needs needs.csv
  needs.csv（表头在第 4 行）
    新增 10 条，更新 0 条，合并 0 行，未变 0 条，拒收 2 行
    已跳过：空行 1 行，合计行 1 行
  needs.csv:12:C（联系电话）：拒收：电话“1390013900”既不是 11 位手机号码，也不是固定电话（如 64001234、021-64001234）
  needs.csv:13:F（需求类别）：拒收：未知类别“心里咨询”（是否想写“心理咨询”？）
  needs.csv:14:I（截止日期）：存疑：无法识别截止日期“下个月”（例如 2026-12-31、2026年12月31日），已导入但未登记截止日期
  被拒收的行及原因已写入 needs.rejects.csv
  [1]
  $ cat needs.rejects.csv | tr -d '\r' | sed 's/^\xEF\xBB\xBF//'
  编号,需求人,联系电话,所在小区,详细地址,需求类别,需求内容,服务人数,截止日期,困难类型,类型,心愿价值,纬度,经度,备注,原因
  XQ-008,周玉珍,1390013900,樱花园,,健康服务,希望每周上门测血压,1,长期,残疾,,,,,,电话“1390013900”既不是 11 位手机号码，也不是固定电话（如 64001234、021-64001234）
  XQ-009,吴德明,13900139009,康乐小区,,心里咨询,老伴去世后情绪低落,1,2026-12-20,独居老人,,,,,,未知类别“心里咨询”（是否想写“心理咨询”？）
  $ kangle match list needs
  编号    需求方        类型  手机         小区    类别      服务项目                    内容                                               人数  截止日期    困难群体  微心愿       状态
  XQ-002  陈桂芳        居民  139****9002  樱花园  生活服务  理发                        卧床多年，希望志愿者上门理发                       1     2026-12-20  独居老人               待对接
  XQ-012  冯兰英        居民  139****9012  茶花园  助老助残  （按类别）                  想要一个电热水袋过冬                               1     2026-12-20  孤老      是（50元）   待对接
  XQ-001  王秀英        居民  139****9001  丁香园  助老助残  （按类别）                  想要一台收音机听沪剧                               1     2026-12-31  孤老      是（150元）  待对接
  XQ-006  赵金花        居民  139****9006  茶花园  助老助残  （按类别）                  想要一副老花镜                                     1     2026-12-31  低保      是（80元）   待对接
  XQ-007  孙立新家庭    家庭  139****9007  桂林苑  心理关爱  亲子教育咨询                孩子沉迷手机，家长希望得到亲子沟通指导             3     2027-01-31  困难家庭               待对接
  XQ-010  钱淑英        居民  139****9010  樱花园  数字助老  网上办事指导、手机使用指导  教我用手机挂号和视频通话                           1                 独居老人               待对接
          丁香园居民区  小区               丁香园  健康服务  消杀                        楼道灭蟑螂、垃圾厢房消杀                           120   2026-12-05                         待对接
  XQ-005  李建华        居民  139****9005  丁香园  法律服务  法律咨询                    房屋继承纠纷，希望律师解答                         2     2026-12-10                         待对接
  XQ-004  玉兰园居民区  小区               玉兰园  政策咨询  文明养宠咨询                文明养宠宣传和养犬登记年审咨询                     60    2026-12-15                         待对接
  XQ-003  樱花园小区    小区               樱花园  政策咨询  加装电梯咨询、政策咨询      3号楼居民想了解加装电梯的政策、审批流程和费用分摊  40    2027-01-15                         待对接
  
  共 10 条需求
  $ kangle import resources resources.csv
  resources.csv（表头在第 2 行）
    新增 10 条，更新 0 条，合并 0 行，未变 0 条，拒收 2 行
    已跳过：空行 0 行，合计行 1 行
  resources.csv:12:E（联系电话）：拒收：手机号“1370013700”不是 11 位手机号码
  resources.csv:13:H（服务半径）：存疑：无法识别服务半径“附近”（例如 500米、1公里、全街道），按全街道处理
  resources.csv:13:K（费用）：存疑：无法识别金额“材料费”（例如 200元、免费），已导入但未登记金额
  resources.csv:14:F（服务类别）：拒收：未知类别“家政保洁”（现有类别：数字助老、助老助残、健康服务、文化传承、法律服务、生活服务、心理关爱、政策咨询、维修服务）
  被拒收的行及原因已写入 resources.rejects.csv
  [1]
  $ cat resources.rejects.csv | tr -d '\r' | sed 's/^\xEF\xBB\xBF//'
  编号,资源提供方,提供方类型,联系人,联系电话,服务类别,资源内容,服务半径,可承接数量,服务周期,费用,地址,纬度,经度,原因
  ZY-010,上海师范大学法政学院,单位,蒋老师,1370013700,法律服务,婚姻家庭纠纷调解,全街道,4,2026Q4,免费,,,,手机号“1370013700”不是 11 位手机号码
  ZY-012,康健家政服务社,,何阿姨,13700137012,家政保洁,为高龄老人打扫卫生,1公里,5,2026Q4,30元/次,,,,未知类别“家政保洁”（现有类别：数字助老、助老助残、健康服务、文化传承、法律服务、生活服务、心理关爱、政策咨询、维修服务）
  $ kangle match list resources
  编号    提供方                        类型    联系人  手机         类别      服务项目                    内容                                        服务半径  可承接  服务周期  本期剩余  费用
  ZY-001  上海师范大学法政学院          单位    蒋老师  137****7001  法律服务  法律咨询、普法宣传          法律咨询、普法宣传（蒋传光党员导师工作室）  全街道    8       2026Q4    8         免费
  ZY-006  上海康健物业管理有限公司      单位    刘经理  137****7006  政策咨询  加装电梯咨询、政策咨询      加装电梯政策解读、现场踏勘                  500米     2       2026Q4    2         免费
  ZY-003  上海康洁有害生物防治有限公司  单位    李经理  137****7003  健康服务  消杀                        小区、楼道、垃圾厢房专业消杀                全街道    4       2026Q4    4         免费
  ZY-004  交通银行康健支行              单位    张行长  137****7004  数字助老  防范电信诈骗、手机使用指导  防范电信诈骗讲座、手机银行使用指导          1.5公里   6       2026Q4    6         免费
  ZY-005  交通银行康健支行              单位    张行长  137****7004  助老助残  （按类别）                  认领微心愿（每件200元以内）                 全街道    10      2026Q4    10
  ZY-008  孙静                          志愿者  孙静    138****8012  心理关爱  心理健康咨询                独居老人心理疏导                            全街道    4       2026Q4    4         免费
  ZY-009  康健宠物诊所                  单位    陈医生  137****7009  政策咨询  文明养宠咨询                养宠咨询、犬只疫苗接种提醒                  2公里     3       2026Q4    3         50元
  ZY-011  康健街道团工委                单位    小陈    137****7011  文化传承  非遗手工、剪纸              剪纸体验课                                  全街道    2       2026Q4    2
  ZY-002  康健街道社区卫生服务中心      单位    王医生  137****7002  健康服务  测血压、测血糖、健康咨询    上门测血压、测血糖，健康咨询                1公里     20      2026Q4    20        免费
  ZY-007  张伟                          志愿者  张伟    138****8003  生活服务  理发                        为卧床老人上门理发                          800米     6       每周二    6         免费
  
  共 10 项资源

Filters and formats: phones are masked unless --reveal.

  $ kangle match list needs --category 助老助残 --format csv | tr -d '\r'
  编号,需求方,类型,手机,小区,类别,服务项目,内容,人数,截止日期,困难群体,微心愿,状态,id,vulnerability,value_fen,wanted,address,lat,lon,note
  XQ-012,冯兰英,resident,139****9012,茶花园,elderly-care,,想要一个电热水袋过冬,1,2026-12-20,true,true,open,10,孤老,5000,1,,,,
  XQ-001,王秀英,resident,139****9001,丁香园,elderly-care,,想要一台收音机听沪剧,1,2026-12-31,true,true,open,1,孤老,15000,1,丁香园12号301室,31.158300,121.421500,
  XQ-006,赵金花,resident,139****9006,茶花园,elderly-care,,想要一副老花镜,1,2026-12-31,true,true,open,6,低保,8000,1,茶花园7号201室,,,
  $ cat > rows.py <<'EOF'
  > import json, sys
  > doc = json.load(sys.stdin)
  > print(doc["kind"], "format_version", doc["format_version"])
  > for row in doc["sections"][0]["tables"][0]["rows"]:
  >     print(" ", ", ".join(f"{f}={json.dumps(row[f], ensure_ascii=False)}" for f in sys.argv[1].split(",")))
  > EOF
  $ kangle match list needs --status open --category legal --format json --reveal | python3 rows.py code,requester,requester_kind,phone,category,people,deadline,vulnerable,vulnerability,micro_wish,value_fen,status,lat
  match_needs format_version 1
    code="XQ-005", requester="李建华", requester_kind="resident", phone="13900139005", category="legal", people=2, deadline="2026-12-10", vulnerable=false, vulnerability=null, micro_wish=false, value_fen=null, status="open", lat=null
  $ kangle --lang en match list resources --unit 交通银行 --format json | python3 rows.py code,provider_kind,unit,phone,category,radius,radius_m,capacity,cost,cost_fen,lat,lon
  match_resources format_version 1
    code="ZY-004", provider_kind="unit", unit="交通银行康健支行", phone="137****7004", category="digital", radius="1500", radius_m=1500, capacity=6, cost="free", cost_fen=0, lat=31.1601, lon=121.4248
    code="ZY-005", provider_kind="unit", unit="交通银行康健支行", phone="137****7004", category="elderly-care", radius="anywhere", radius_m=null, capacity=10, cost=null, cost_fen=null, lat=null, lon=null
  $ kangle --lang en match list resources --category 理发
  Code    Provider  Kind       Contact  Phone        Category           Services  Description         Radius  Capacity  Period  Left this period  Cost
  ZY-007  张伟      volunteer  张伟     138****8003  Everyday services  Haircut   为卧床老人上门理发  800 m   6         每周二  6                 free
  
  1 resource(s)
  $ kangle match list needs --status matched
  编号  需求方  类型  手机  小区  类别  服务项目  内容  人数  截止日期  困难群体  微心愿  状态
  
  共 0 条需求

The same file again changes nothing and says so.

  $ kangle import needs needs.csv
  needs.csv 已于 2026年12月1日 10:00 导入过，未做任何改动

The fixed rejects: the reason column is ignored, the two needs are added.

  $ sed -i 's/,1390013900,/,13900139008,/; s/,心里咨询,/,心理咨询,/' needs.rejects.csv
  $ kangle import needs needs.rejects.csv --rejects fixed.csv
  needs.rejects.csv（表头在第 1 行）
    新增 2 条，更新 0 条，合并 0 行，未变 0 条，拒收 0 行
    未导入的列：原因

Next month's list: a need found by its code gets a new deadline, a need without
a code is found by its requester, category and description; the rest are as they were.

  $ sed 's/^XQ-005,\(.*\),2026-12-10,/XQ-005,\1,2026-12-24,/; s/^,丁香园居民区,,丁香园,,消杀,楼道灭蟑螂、垃圾厢房消杀,120,/,丁香园居民区,,丁香园,,消杀,楼道灭蟑螂、垃圾厢房消杀,150,/' needs.csv > needs-january.csv
  $ kangle import needs needs-january.csv
  needs-january.csv（表头在第 4 行）
    新增 0 条，更新 2 条，合并 0 行，未变 8 条，拒收 2 行
    已跳过：空行 1 行，合计行 1 行
  needs-january.csv:9：更新：已登记的需求：截止日期：2026-12-10 → 2026-12-24
  needs-january.csv:12:C（联系电话）：拒收：电话“1390013900”既不是 11 位手机号码，也不是固定电话（如 64001234、021-64001234）
  needs-january.csv:13:F（需求类别）：拒收：未知类别“心里咨询”（是否想写“心理咨询”？）
  needs-january.csv:14:I（截止日期）：存疑：无法识别截止日期“下个月”（例如 2026-12-31、2026年12月31日），已导入但未登记截止日期
  needs-january.csv:15：更新：已登记的需求：人数：120 → 150
  被拒收的行及原因已写入 needs-january.rejects.csv
  [1]
  $ workspace-sql "SELECT kind, file_name, added, updated, unchanged, skipped, rejected FROM imports ORDER BY id"
  needs|needs.csv|10|0|0|2|2
  resources|resources.csv|10|0|0|1|2
  needs|needs.rejects.csv|2|0|0|0|0
  needs|needs-january.csv|0|2|8|2|2

Errors.

  $ kangle match list needs --unit 交通银行
  kangle: 错误：--unit 只适用于资源清单：需求在被单位认领后才有单位
  [2]
  $ kangle match list resources --status open
  kangle: 错误：--status 只适用于需求清单：资源没有状态
  [2]
  $ kangle match list needs --status waiting
  kangle: 错误：未知状态“waiting”（可用 open、matched、done、cancelled、closed）
  [2]
  $ kangle match list needs --category 宠物美容
  kangle: 错误：未知类别“宠物美容”（现有类别：数字助老、助老助残、健康服务、文化传承、法律服务、生活服务、心理关爱、政策咨询、维修服务）
  [2]
  $ kangle match list projects
  项目  需求方  困难群体  类别  内容  单位  状态  截止日期  满意度
  
  共 0 个项目
  $ kangle import resources resources.csv --map "单位=unit_name"
  kangle: 错误：未知字段“unit_name”（可用字段：provider, phone, category, description, services, contact, provider_kind, unit, address, radius, capacity, period, cost, code, lat, lon, note）
  [2]

`kangle check` finds lines whose category services.toml no longer has.

  $ workspace-sql "UPDATE needs SET category = 'pets' WHERE code = 'XQ-004'"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  kangle.db: 需求清单中有 1 行的类别“pets”在 services.toml 中不存在
  kangle.db: 警告：资源 ZY-009（康健宠物诊所）有服务半径 2公里，但没有位置：请填写经纬度，或在地址中写明 communities.toml 中的小区
  
  1 个错误，2 个警告
  [1]
