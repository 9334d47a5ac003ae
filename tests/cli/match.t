Matching the Kangjian example's needs list to its resources list: all open needs
at once, vulnerable residents' first; the needs left and why; a project through
its life, each illegal step refused; project_done points to the team.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ cp "$TESTDIR/../../examples/kangjian/sheets/需求清单.csv" needs.csv
  $ cp "$TESTDIR/../../examples/kangjian/sheets/资源清单.csv" resources.csv
  $ cp "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" signup.csv
  $ kangle import needs needs.csv >/dev/null; kangle import resources resources.csv >/dev/null; kangle import volunteers signup.csv >/dev/null; echo done
  done
  $ kangle match run --dry-run
  项目  需求方               困难群体  类别      内容                                    提供方                        距离
        XQ-001 王秀英        孤老      助老助残  想要一台收音机听沪剧                    交通银行康健支行
        XQ-002 陈桂芳        独居老人  生活服务  卧床多年，希望志愿者上门理发            张伟                          232米
        XQ-004 玉兰园居民区            政策咨询  文明养宠宣传和养犬登记年审咨询          上海康健物业管理有限公司      215米
        XQ-005 李建华                  法律服务  房屋继承纠纷，希望律师解答              上海师范大学法政学院
        XQ-006 赵金花        低保      助老助残  想要一副老花镜                          交通银行康健支行
        XQ-007 孙立新家庭    困难家庭  心理关爱  孩子沉迷手机，家长希望得到亲子沟通指导  孙静
        #9 丁香园居民区                健康服务  楼道灭蟑螂、垃圾厢房消杀                上海康洁有害生物防治有限公司
        XQ-012 冯兰英        孤老      助老助残  想要一个电热水袋过冬                    交通银行康健支行
  
  待对接需求 10 个：提出项目 8 个（其中困难群众 5 个），总距离 0.4 公里
  2 个需求未能（全部）对接：运行 `kangle match gaps` 查看原因
  （试运行，未写入任何内容）

A run whose projects the database refuses (an index that takes one project a status,
made by hand) prints none of them and stores nothing, though it says them while they
are stored:

  $ workspace-sql "CREATE UNIQUE INDEX one_project_a_status ON projects (status)"
  $ kangle match run > said.txt 2> why.txt; echo "exit $?"; wc -c < said.txt; grep -c "^kangle: 错误：" why.txt
  exit 5
  0
  1
  $ workspace-sql "DROP INDEX one_project_a_status"
  $ workspace-sql "SELECT count(*) FROM projects"; workspace-sql "SELECT count(*) FROM project_events"; workspace-sql "SELECT status, count(*) FROM needs GROUP BY status"
  0
  0
  open|10
  $ kangle match list projects
  项目  需求方  困难群体  类别  内容  单位  状态  截止日期  满意度
  
  共 0 个项目
  $ kangle match run --by 王书记
  项目  需求方               困难群体  类别      内容                                    提供方                        距离
  1     XQ-001 王秀英        孤老      助老助残  想要一台收音机听沪剧                    交通银行康健支行
  2     XQ-002 陈桂芳        独居老人  生活服务  卧床多年，希望志愿者上门理发            张伟                          232米
  3     XQ-004 玉兰园居民区            政策咨询  文明养宠宣传和养犬登记年审咨询          上海康健物业管理有限公司      215米
  4     XQ-005 李建华                  法律服务  房屋继承纠纷，希望律师解答              上海师范大学法政学院
  5     XQ-006 赵金花        低保      助老助残  想要一副老花镜                          交通银行康健支行
  6     XQ-007 孙立新家庭    困难家庭  心理关爱  孩子沉迷手机，家长希望得到亲子沟通指导  孙静
  7     #9 丁香园居民区                健康服务  楼道灭蟑螂、垃圾厢房消杀                上海康洁有害生物防治有限公司
  8     XQ-012 冯兰英        孤老      助老助残  想要一个电热水袋过冬                    交通银行康健支行
  
  待对接需求 10 个：提出项目 8 个（其中困难群众 5 个），总距离 0.4 公里
  2 个需求未能（全部）对接：运行 `kangle match gaps` 查看原因

Scripts read codes and flags, the same under every language: a project's status
was 待认领 in Chinese and "proposed" in English, its vulnerability "★"; the needs
list said false and "open".

  $ kangle match list projects --format json > zh.json && kangle --lang en match list projects --format json > en.json
  $ kangle match list needs --format json > needs-zh.json && kangle --lang en match list needs --format json > needs-en.json
  $ cat > scripts.py <<'EOF'
  > import json, sys
  > def load(name):
  >     with open(name) as f:
  >         return json.load(f)
  > def for_scripts(doc):
  >     for section in doc["sections"]:
  >         for table in section["tables"]:
  >             yield [column["key"] for column in table["columns"]], table["rows"]
  > for zh_name, en_name, fields in zip(sys.argv[1::3], sys.argv[2::3], sys.argv[3::3]):
  >     zh, en = load(zh_name), load(en_name)
  >     print(zh["kind"], "format_version", zh["format_version"], "same for scripts in zh-CN and en:",
  >           list(for_scripts(zh)) == list(for_scripts(en)))
  >     for row in zh["sections"][0]["tables"][0]["rows"][:3]:
  >         print(" ", ", ".join(f"{f}={json.dumps(row[f], ensure_ascii=False)}" for f in fields.split(",")))
  > EOF
  $ python3 scripts.py zh.json en.json project,vulnerable,status,category,deadline needs-zh.json needs-en.json code,requester_kind,vulnerable,vulnerability,micro_wish,value_fen,status
  match_projects format_version 1 same for scripts in zh-CN and en: True
    project=1, vulnerable=true, status="proposed", category="elderly-care", deadline="2026-12-31"
    project=2, vulnerable=true, status="proposed", category="life", deadline="2026-12-20"
    project=3, vulnerable=false, status="proposed", category="policy", deadline="2026-12-15"
  match_needs format_version 1 same for scripts in zh-CN and en: True
    code="XQ-002", requester_kind="resident", vulnerable=true, vulnerability="独居老人", micro_wish=false, value_fen=null, status="matched"
    code="XQ-012", requester_kind="resident", vulnerable=true, vulnerability="孤老", micro_wish=true, value_fen=5000, status="matched"
    code="XQ-001", requester_kind="resident", vulnerable=true, vulnerability="孤老", micro_wish=true, value_fen=15000, status="matched"
  $ kangle match run
  待对接需求 2 个：提出项目 0 个（其中困难群众 0 个），总距离 0.0 公里
  2 个需求未能（全部）对接：运行 `kangle match gaps` 查看原因
  $ kangle match gaps
  需求方             困难群体  类别      内容                                               尚缺  原因                                      建议
  XQ-010 钱淑英      独居老人  数字助老  教我用手机挂号和视频通话                           1     缺少坐标，无法判断是否在资源的服务半径内  在 communities.toml 中补充 樱花园 的坐标，或在需求中填写经纬度
  XQ-003 樱花园小区            政策咨询  3号楼居民想了解加装电梯的政策、审批流程和费用分摊  1     缺少坐标，无法判断是否在资源的服务半径内  在 communities.toml 中补充 樱花园 的坐标，或在需求中填写经纬度
  $ kangle match gaps --format json > gaps-zh.json && kangle --lang en match gaps --format json > gaps-en.json
  $ python3 scripts.py gaps-zh.json gaps-en.json need,vulnerable,category,missing,reason
  match_gaps format_version 1 same for scripts in zh-CN and en: True
    need="XQ-010 钱淑英", vulnerable=true, category="digital", missing=1, reason="no_location"
    need="XQ-003 樱花园小区", vulnerable=false, category="policy", missing=1, reason="no_location"
  $ kangle --lang en match gaps --format csv | tr -d '\r'
  Requester,Vulnerable,Category,Description,Missing,Why,Way forward,need_id,nearest_resource_id,nearest_m,lacks_coordinates,compound
  XQ-010 钱淑英,true,digital,教我用手机挂号和视频通话,1,no_location,locate_compound,8,,,need,樱花园
  XQ-003 樱花园小区,false,policy,3号楼居民想了解加装电梯的政策、审批流程和费用分摊,1,no_location,locate_compound,3,,,need,樱花园
  $ kangle match list needs --status matched | tail -1
  共 8 条需求
  $ kangle match done 1 --delivered 收音机一台
  kangle: 错误：项目 1 当前为“待认领”，不能变为“已完成”
  [3]
  $ kangle match claim 1 --by 交通银行
  项目 1（王秀英）：已认领
  $ kangle match claim 1
  kangle: 错误：项目 1 当前为“已认领”，不能变为“已认领”
  [3]
  $ kangle match start 1
  项目 1（王秀英）：进行中
  $ kangle match done 1 --delivered 收音机一台 --date 2026-12-05 --people 1 --volunteers 张伟,王建国
  项目 1（王秀英）：已完成
  $ kangle match review 1 --satisfaction 5 --comment 老人很高兴
  项目 1（王秀英）：已评价
  $ kangle match review 1 --satisfaction 4
  kangle: 错误：项目 1 当前为“已评价”，不能变为“已评价”
  [3]
  $ kangle match show 1
  项目 1：王秀英：想要一台收音机听沪剧，由交通银行康健支行承接【已评价】
  交付内容：收音机一台
  
  时间                 状态             经办人    备注
  2026年12月1日 10:00  待认领           王书记
  2026年12月1日 10:00  待认领 → 已认领  交通银行
  2026年12月1日 10:00  已认领 → 进行中  kangle
  2026年12月1日 10:00  进行中 → 已完成  kangle    收音机一台
  2026年12月1日 10:00  已完成 → 已评价  kangle    老人很高兴
  $ kangle match show 1 --format json > show-zh.json && kangle --lang en match show 1 --format json > show-en.json
  $ python3 scripts.py show-zh.json show-en.json from,status,by
  match_project format_version 1 same for scripts in zh-CN and en: True
    from=null, status="proposed", by="王书记"
    from="proposed", status="claimed", by="交通银行"
    from="claimed", status="in_progress", by="kangle"
  $ kangle match decline 2 --reason 本月名额已满
  项目 2（陈桂芳）：已婉拒
  $ kangle match list projects --status declined
  项目  需求方  困难群体  类别      内容                          单位  状态    截止日期    满意度
  2     陈桂芳  ★         生活服务  卧床多年，希望志愿者上门理发  张伟  已婉拒  2026-12-20
  
  共 1 个项目
  $ kangle match run
  待对接需求 3 个：提出项目 0 个（其中困难群众 0 个），总距离 0.0 公里
  3 个需求未能（全部）对接：运行 `kangle match gaps` 查看原因
  $ kangle match gaps | grep 陈桂芳
  XQ-002 陈桂芳      独居老人  生活服务  卧床多年，希望志愿者上门理发                       1     服务范围内的资源均已婉拒或退回            寻找其他资源：可服务的资源均已谢绝
  $ kangle match claim 3 && kangle match list projects --overdue
  项目 3（玉兰园居民区）：已认领
  项目  需求方  困难群体  类别  内容  单位  状态  截止日期  满意度
  
  共 0 个项目
  $ KANGLE_NOW=2027-02-01T02:00:00Z kangle match list projects --overdue
  项目  需求方        困难群体  类别      内容                            单位                      状态            截止日期    满意度
  3     玉兰园居民区            政策咨询  文明养宠宣传和养犬登记年审咨询  上海康健物业管理有限公司  已认领（逾期）  2026-12-15
  
  共 1 个项目
  $ kangle points award
  已为 0 条服务记录发放积分：积分记录 2 条，共 10 分。
  $ kangle points history 张伟 | tail -3
  2     2026-12-05  +5    5     领办项目完成  项目 1 完成：王秀英：想要一台收音机听沪剧  kangle
  
  张伟 当前积分 5 分。

Needs and resources added by hand, then matched.

  $ kangle match add need --requester 周阿婆 --category 生活服务 --description 希望上门理发 --vulnerable 独居老人 --lat 31.1590 --lon 121.4220 --deadline 2026-12-30
  已添加需求 11：周阿婆：希望上门理发
  $ kangle match add resource --provider 康健理发志愿队 --category 理发 --description 上门理发 --radius 2公里 --capacity 3 --lat 31.1600 --lon 121.4230
  已添加资源 11：康健理发志愿队：上门理发
  $ kangle match add resource --provider 某单位 --category 生活服务 --description 测试 --lat 31.16
  kangle: 错误：--lat 与 --lon 须同时给出
  [2]
  $ kangle match add need --requester 某人 --category 宠物美容 --description 测试
  kangle: 错误：未知类别“宠物美容”（现有类别：数字助老、助老助残、健康服务、文化传承、法律服务、生活服务、心理关爱、政策咨询、维修服务）
  [2]
  $ kangle match add need --requester 某人 --category 生活服务 --description 测试 --phone 12345
  kangle: 错误：“12345”既不是 11 位手机号码，也不是固定电话（如 64001234、021-64001234）
  [2]
  $ kangle match add need --requester 某人 --category 生活服务 --description 测试 --code XQ-001
  kangle: 错误：编号 XQ-001 已被占用
  [3]
  $ kangle match run | tail -4
  10    #11 周阿婆     独居老人  生活服务  希望上门理发                  康健理发志愿队  146米
  
  待对接需求 4 个：提出项目 2 个（其中困难群众 2 个），总距离 0.8 公里
  2 个需求未能（全部）对接：运行 `kangle match gaps` 查看原因
  $ kangle --lang en match add need --requester 樱花园 --kind 小区 --category 理发 --description 楼组理发日 --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["facts"])'
  {'need': 12}
  $ kangle match list needs --format json | python3 -c 'import json, sys; print([(r["id"], r["requester_kind"], r["category"]) for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if r["id"] == 12])'
  [(12, 'compound', 'life')]

Places people know: communities.toml places the needs that give only their compound.
樱花园 has no coordinates in the example: its needs are stuck, and gaps says what to do.

  $ cd .. && kangle init places --example kangjian >/dev/null && cd places
  $ kangle import needs "$TESTDIR/../../examples/kangjian/sheets/需求清单.csv" >/dev/null; kangle import resources "$TESTDIR/../../examples/kangjian/sheets/资源清单.csv" >/dev/null; echo done
  done
  $ kangle match gaps --format json | python3 -c '
  > import json, sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]:
  >     print(r["need_id"], r["reason"], r["way_forward"], r["lacks_coordinates"], r["compound"])'
  8 no_location locate_compound need 樱花园
  3 no_location locate_compound need 樱花园
  $ kangle --lang en match gaps | grep -c "add the coordinates of 樱花园 to communities.toml, or give the need's latitude and longitude"
  2
  $ printf '\n[[community]]\nname = "樱花新苑"\nlat = 31.1551\n' >> communities.toml
  $ kangle check --format json | python3 -c '
  > import json, sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]:
  >     if r["file"] == "communities.toml": print(r["line"], r["code"])'
  49 community_half_location
  $ sed -i 's/^name = "樱花新苑"$/name = "樱花新苑"\nlon = 121.4262/' communities.toml
  $ sed -i 's/^name    = "樱花园"$/name    = "樱花园"\nlat     = 31.1551\nlon     = 121.4262/' communities.toml
  $ kangle match run --dry-run --format json | python3 -c '
  > import json, sys
  > doc = json.load(sys.stdin)
  > print(doc["facts"]["proposed"], doc["facts"]["gaps"])
  > print([(r["need_id"], r["distance_m"]) for r in doc["sections"][0]["tables"][0]["rows"] if r["need_id"] in (3, 8)])'
  10 0
  [(3, 53), (8, 572)]

A landline is a need's contact, masked as a mobile is; a radius of 0 is its own place;
a resource with a radius and no place is a check warning.

  $ kangle match add need --requester 赵阿婆 --category 健康服务 --description 测血压 --compound 樱花园 --phone "（021）6400 1234" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["facts"])'
  {'need': 11}
  $ kangle match add need --requester 钱阿公 --category 健康服务 --description 测血糖 --phone "6400 1234 转 8"
  kangle: 错误：“6400 1234 转 8”既不是 11 位手机号码，也不是固定电话（如 64001234、021-64001234）
  [2]
  $ kangle match list needs --format json | python3 -c '
  > import json, sys
  > print([r["phone"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if r["requester"] == "赵阿婆"])'
  ['021****1234']
  $ kangle match list needs --reveal --format json | python3 -c '
  > import json, sys
  > print([r["phone"] for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if r["requester"] == "赵阿婆"])'
  ['02164001234']
  $ kangle match add resource --provider 樱花药房 --category 健康服务 --description 测血压 --radius 0 --address 樱花园1号 --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["facts"])'
  {'resource': 11}
  $ kangle match add resource --provider 康乐药房 --category 健康服务 --description 测血压 --radius 0米 >/dev/null
  $ kangle match list resources --format json | python3 -c '
  > import json, sys
  > print([(r["provider"], r["radius_m"]) for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"] if "药房" in r["provider"]])'
  [('康乐药房', 0), ('樱花药房', 0)]
  $ kangle match run --dry-run --format json | python3 -c '
  > import json, sys
  > doc = json.load(sys.stdin)
  > print([(r["provider"], r["distance_m"]) for r in doc["sections"][0]["tables"][0]["rows"] if r["need_id"] == 11])'
  [('樱花药房', 0)]
  $ kangle check --format json | python3 -c '
  > import json, sys
  > for r in json.load(sys.stdin)["sections"][0]["tables"][0]["rows"]:
  >     if r["code"] == "check_resource_no_place": print(r["severity"], r["file"], r["message"])'
  warning kangle.db 资源 #12（康乐药房）有服务半径 0米，但没有位置：请填写经纬度，或在地址中写明 communities.toml 中的小区
  warning kangle.db 资源 ZY-009（康健宠物诊所）有服务半径 2公里，但没有位置：请填写经纬度，或在地址中写明 communities.toml 中的小区
