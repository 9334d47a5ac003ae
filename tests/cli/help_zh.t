Help and the parser's errors in the user's language: Chinese by default, English
with --lang en (or KANGLE_LANG, or the workspace's language).

  $ kangle help schedule
  生成、查看、解释每月排班
  用法: kangle schedule [选项] 子命令
  
  选项:
    -h,--help                   显示本帮助并退出
  
  子命令:
    build                       生成（或重新生成）某月的排班
    publish                     把本月排班定稿为已通知志愿者的版本
    diff                        逐人显示排班发布后的变动
    notify                      某天要发送的通知：谁值班、谁的班次有变
    show                        打印排班表
    explain                     说明每个空缺岗位为何空缺
    lock                        锁定岗位上的志愿者或某人的班次，重新排班时不变
    unlock                      解除锁定，重新排班时可再调整
    export                      把排班表导出为日历（ics）、Markdown 或 CSV
    notice                      各站点本月的四公开：服务项目、时间、收费、值班人员
    drop                        志愿者退出：重排本月，尽量少调整他人
  
  $ kangle schedule build --help
  生成（或重新生成）某月的排班
  用法: kangle schedule build [选项]
  
  选项:
    -h,--help                   显示本帮助并退出
    --format text|json          输出格式：text, json
    --month YYYY-MM 必填        月份，如 2026-12
    --dry-run                   只预览结果，不做任何改动
    --force                     重新生成已发布月份的排班（变动会记录）
    -q,--quiet                  不显示进度行（在终端上也不显示）
    --flow-out FILE             同时把网络流问题（DIMACS）及其最优解写到文件
  
  $ kangle --lang en help schedule
  Build, show and explain the monthly rota
  Usage: kangle schedule [OPTIONS] SUBCOMMAND
  
  Options:
    -h,--help                   Print this help message and exit
  
  Subcommands:
    build                       Build (or rebuild) the rota of a month
    publish                     Freeze the month's rota as the one volunteers were told
    diff                        Show, person by person, what changed since the rota was published
    notify                      The messages to send for a day: who is on duty, whose duties changed
    show                        Print the rota
    explain                     Say why each empty seat is empty
    lock                        Keep a seat's volunteer, or a person's seats, through rebuilds
    unlock                      Let rebuilds move a seat or a person again
    export                      Write the rota as a calendar (ics), Markdown or CSV
    notice                      Each kiosk's public notice (四公开) for the month: services, hours, fees, who is on duty
    drop                        A volunteer drops out: rebuild the month around it, moving as few as possible
  
  $ kangle help schedule show
  打印排班表
  用法: kangle schedule show [选项]
  
  选项:
    -h,--help                   显示本帮助并退出
    --format text|json|csv|md|html|xlsx
                                输出格式：text, json, csv, md, html, xlsx
    -o,--output FILE            写入的文件（默认：标准输出）
    --encoding utf-8|gb18030    CSV 的字符编码：utf-8，旧版 WPS 和 Excel 用 gb18030
    --month YYYY-MM 必填        月份，如 2026-12
    --kiosk KIOSK               只看此站点（编号、名称或简称）
    --person PERSON             只看此志愿者（姓名、电话或 #编号）
    --date TEXT                 只看这一天（YYYY-MM-DD）
  

The man page is Chinese too, its English twin with --lang en (the build writes both).

  $ kangle help --man | grep -E '^\.SH' | head -3
  .SH \[u540D]\:\[u79F0]\:
  .SH \[u6982]\:\[u8FF0]\:
  .SH \[u63CF]\:\[u8FF0]\:
  $ kangle --lang en help --man | grep -E '^\.SH' | head -3
  .SH NAME
  .SH SYNOPSIS
  .SH DESCRIPTION
  $ if command -v man >/dev/null; then kangle help --man > kangle.1 && MANWIDTH=80 man --warnings -l kangle.1 2>&1 >/dev/null; fi

Parse errors: the word at fault, the help to see, the usage exit code.

  $ kangle status --bogus
  kangle: 错误：多余的参数：--bogus；请查看 `kangle status --help`
  [2]
  $ kangle schedule build
  kangle: 错误：缺少必填项 --month；请查看 `kangle schedule build --help`
  [2]
  $ kangle check --format doc
  kangle: 错误：--format 的取值“doc”不在可选值 text|json|csv|md|html|xlsx 之中；请查看 `kangle check --help`
  [2]
  $ kangle points board --year 2026 --top many
  kangle: 错误：--top 的取值“many”无效；请查看 `kangle points board --help`
  [2]
  $ kangle --color purple status
  kangle: 错误：--color 的取值“purple”不在可选值 auto|always|never 之中；请查看 `kangle --help`
  [2]
  $ kangle --lang en schedule build --month
  kangle: error: --month needs a value; see `kangle schedule build --help`
  [2]
  $ KANGLE_LANG=en kangle init --bogus dir extra
  kangle: error: unexpected argument: --bogus extra; see `kangle init --help`
  [2]

An English workspace's help and errors are in English.

  $ kangle --lang en init ws >/dev/null && grep '^language' ws/kangle.toml
  language = "en"              # zh-CN or en
  $ cd ws && kangle help check | head -3
  Check every config file and the database; list every problem
  Usage: kangle check [OPTIONS]
  
  $ kangle status --bogus
  kangle: error: unexpected argument: --bogus; see `kangle status --help`
  [2]
