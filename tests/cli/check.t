`kangle check` on the example broken in many ways: every problem at once, each
as file:line:column, sorted, in the workspace's language; exit 1.

  $ kangle init broken --example kangjian >/dev/null && cd broken

1. A syntax error (an unterminated string) in a kiosk file.
  $ printf 'pledge2 = "unterminated\n' >> kiosks/pubei.toml

2. An unknown key in the catalogue, with a suggestion.
  $ printf '\n[services.extra]\nname = "额外"\ncategory = "life"\ndaly_cap = 5\n' >> services.toml

3. A menu naming a service that does not exist (a typo).
  $ sed -i 's/"umbrella-repair"/"umbrela-repair"/' kiosks/dingxiang.toml

4. Opening hours that end before they start.
  $ sed -i 's/mon-fri = "09:00-11:30"/mon-fri = "11:30-09:00"/' kiosks/kangle-hall.toml

5. Opening hours that overlap.
  $ sed -i 's/^mon-fri = \[/mon = "11:00-12:00"\nmon-fri = [/' kiosks/dingxiang.toml

6. A cap that is not positive.
  $ sed -i 's/^daily_cap = 20/daily_cap = 0/' services.toml

7. A wrong type.
  $ sed -i 's/^seats     = 2/seats     = "two"/' services.toml

8. An unknown skill, with a suggestion.
  $ sed -i 's/^skill     = "barber"/skill     = "barbre"/' services.toml

9. A rhythm that cannot be read, and a daily entry on a monthly rhythm.
  $ sed -i 's/^on       = "tue"/on       = "3th tue"/; s/^on       = "fri"/on       = "last fri"/' kiosks/dingxiang.toml

10. A date that does not exist, and a make-up workday inside a holiday.
  $ printf '\n[[closure]]\nfrom = "2026-02-30"\nto = "2026-03-02"\n' >> kiosks/dingxiang.toml
  $ sed -i 's/^date = 2026-01-04/date = 2026-01-03/' holidays/2026.toml

11. An unknown language and a missing name.
  $ sed -i 's/^language = "zh-CN"/language = "klingon"/; s/^name /nom /' kangle.toml

12. A field in columns.toml that no import knows.
  $ sed -i 's/^note  /nite  /' columns.toml

  $ kangle check
  问题
  columns.toml:19:1: 未知的键“nite”（是否想写“note”？）
  columns.toml:42:1: 未知的键“nite”（是否想写“note”？）
  columns.toml:62:1: 未知的键“nite”（是否想写“note”？）
  columns.toml:76:1: 未知的键“nite”（是否想写“note”？）
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  holidays/2026.toml:48:1: 调休上班日 2026-01-03 落在假期“元旦”之内
  kangle.toml:1:1: 缺少键“name”
  kangle.toml:4:1: 未知的键“nom”
  kangle.toml:5:12: 未知语言“klingon”（可选 zh-CN 或 en）
  kiosks/dingxiang.toml:14:12: 营业时间 09:00-11:30 与 11:00-12:00（第 13 行）在周一重叠
  kiosks/dingxiang.toml:18:13: 未知的服务项目“umbrela-repair”（是否想写“umbrella-repair”？）
  kiosks/dingxiang.toml:21:12: 无法识别的周期“3th tue”（例如 周四、周一至周五、每月第二个周六、每月最后一个周五、隔周四 从2026-12-03、每月15日、2026-12-24）
  kiosks/dingxiang.toml:33:12: “天天见”条目应写星期几，而不是“last fri”
  kiosks/dingxiang.toml:43:8: “2026-02-30”不是存在的日期（格式为 YYYY-MM-DD）
  kiosks/kangle-hall.toml:12:11: “11:30-09:00”的结束时间早于开始时间
  kiosks/pubei.toml:27:24: 文字缺少结尾的英文双引号 "（须在同一行内）
  services.toml:216:13: 未知的技能“barbre”（是否想写“barber”？）
  services.toml:218:13: “seats”应为整数
  services.toml:219:13: “daily_cap”应为不小于 1 的整数
  services.toml:478:1: 未知的键“daly_cap”（是否想写“daily_cap”？）
  
  19 个错误，1 个警告
  [1]
JSON for scripts: a row per problem with its file, line, column, severity code and the
code of its message (what the problem is, for a script that must tell problems apart);
the counts as facts. The keys and codes are the same in either language.

  $ for l in en zh-CN; do kangle --lang $l check --format json > check.$l.json; done
  [1]
  $ python3 -c 'import json, sys
  > d = [json.load(open(f)) for f in sys.argv[1:]]
  > rows = [x["sections"][0]["tables"][0]["rows"] for x in d]
  > keys = lambda r: (r["file"], r["line"], r["column"], r["severity"], r["code"])
  > print(d[0]["facts"], [keys(r) for r in rows[0]] == [keys(r) for r in rows[1]])
  > for r in rows[0][:5]: print(r["file"], r["line"], r["column"], r["severity"], r["code"], r["message"])
  > print(sorted(set(r["code"] for r in rows[0])))' check.en.json check.zh-CN.json
  {'errors': 19, 'warnings': 1} True
  columns.toml 19 1 error toml_unknown_key_suggest unknown key "nite" (did you mean "note"?)
  columns.toml 42 1 error toml_unknown_key_suggest unknown key "nite" (did you mean "note"?)
  columns.toml 62 1 error toml_unknown_key_suggest unknown key "nite" (did you mean "note"?)
  columns.toml 76 1 error toml_unknown_key_suggest unknown key "nite" (did you mean "note"?)
  holidays/ None None warning calendar_provisional the holidays and make-up workdays of 2027 are not in holidays/ yet: the statutory public holidays are used, make-up workdays unknown
  ['bad_language', 'bad_rhythm', 'calendar_provisional', 'daily_needs_weekday', 'hours_overlap', 'time_range_reversed', 'toml_bad_date', 'toml_missing_key', 'toml_not_positive', 'toml_unknown_key', 'toml_unknown_key_suggest', 'toml_unterminated_string', 'toml_wrong_type', 'unknown_reference_suggest', 'workday_in_holiday']

Commands that need a valid config refuse with the first problem and point at check.

  $ kangle --lang en status
  kangle: error: holidays/2026.toml:48:1: make-up workday 2026-01-03 falls inside the holiday New Year's Day (run `kangle check` to see every problem)
  [3]

Bad TOML of every kind never crashes the tool: a binary file, an empty file, a
file that is a folder.

  $ cd .. && kangle init odd >/dev/null
  $ printf '\x00\xff\xfe' > odd/kiosks/noise.toml
  $ : > odd/points.toml && mkdir odd/kiosks/folder.toml
  $ kangle --lang en -w odd check
  Problem
  holidays/: warning: the holidays and make-up workdays of 2027 are not in holidays/ yet: the statutory public holidays are used, make-up workdays unknown
  kiosks/noise.toml:1:1: this is not TOML as kangle reads it: check the quotes, brackets and = of the line (the parser says: Encountered invalid utf-8 sequence)
  
  1 error(s), 1 warning(s)
  [1]
