Help, version, unknown commands and plugins.

  $ kangle --version
  kangle 0.1.0
  $ kangle --help
  kangle（康乐）：便民服务站点的后台台账
  用法: kangle [选项] [子命令]
  
  选项:
    -h,--help                   显示本帮助并退出
    --version                   显示版本信息并退出
    -w,--workspace DIR          工作区文件夹（默认：从当前文件夹向上查找，或取 KANGLE_WORKSPACE）
    --db URL|FILE               工作区的数据库：postgresql:// 地址或 SQLite 文件（默认：KANGLE_DB，其次 kangle.toml 的 [database] url，再次 kangle.db）
    --lang zh-CN|en             提示和输出的语言：zh-CN 或 en（也可用 KANGLE_LANG）
    --color auto|always|never:{auto,always,never}
                                错误提示是否着色：auto（在终端上着色，设了 NO_COLOR 则不着色）、always、never
  
  子命令:
    init                        新建工作区（可从自带示例开始）
    check                       检查所有配置文件和数据库，列出每一个问题
    status                      查看工作区概况：站点、服务菜单、服务项目目录、节假日
    import                      导入表格（xlsx、csv）：站点表、志愿者、需求清单、资源清单或服务记录
    kiosk                       添加一个站点：用选项填写，不必手写配置文件
    service                     添加一个服务项目到目录，不必手写 services.toml
    volunteers                  列出、查看志愿者
    match                       列出供需对接的需求清单和资源清单
    schedule                    生成、查看、解释每月排班
    record                      服务记录：确认当天排班、补录、列出；服务时长
    points                      积分台账：发放、调整、兑换、余额、先锋榜、核验
    report                      报表：月报、季报、年报；服务项目评估；共建单位；志愿者
    db                          工作区的数据库：复制到另一个数据库（SQLite、PostgreSQL）
    completion                  输出 bash 或 zsh 的命令补全脚本（试试：source <(kangle completion bash)）
    help                        显示 kangle 或某个命令的帮助
  
  $ kangle help check
  检查所有配置文件和数据库，列出每一个问题
  用法: kangle check [选项]
  
  选项:
    -h,--help                   显示本帮助并退出
    --format text|json|csv|md|html|xlsx
                                输出格式：text, json, csv, md, html, xlsx
    -o,--output FILE            写入的文件（默认：标准输出）
    --encoding utf-8|gb18030    CSV 的字符编码：utf-8，旧版 WPS 和 Excel 用 gb18030
  
  $ kangle init --help | head -3
  新建工作区（可从自带示例开始）
  用法: kangle init [选项] [dir]
  
  $ kangle chekc
  kangle: 错误：未知命令“chekc”（是否想用“check”？）
  [2]
  $ kangle --lang en frobnicate
  kangle: error: unknown command "frobnicate"; see `kangle --help`
  [2]
  $ kangle status --bogus
  kangle: 错误：多余的参数：--bogus；请查看 `kangle status --help`
  [2]
  $ kangle --lang fr status
  kangle: 错误：--lang 的取值无效：应为 zh-CN 或 en；请查看 `kangle --help`
  [2]

A plugin in the workspace's plugins/ runs as a command, with the workspace in
its environment and its exit code passed through.

  $ kangle init ws >/dev/null && mkdir ws/plugins
  $ printf '#!/bin/sh\necho "hello from $KANGLE_WORKSPACE: $*"\nexit 7\n' > ws/plugins/kangle-hello
  $ chmod +x ws/plugins/kangle-hello
  $ cd ws && kangle hello a b
  hello from $TMP/ws: a b
  [7]

Colour: only on a terminal, never with NO_COLOR (set here) unless asked for.

  $ kangle --lang en nosuchcommand 2>&1 | cat -v
  kangle: error: unknown command "nosuchcommand"; see `kangle --help`
  $ kangle --lang en --color always nosuchcommand 2>&1 | cat -v
  kangle: ^[[1;31merror: ^[[0munknown command "nosuchcommand"; see `kangle --help`
  $ kangle --lang en --color never -w nowhere status 2>&1 | cat -v
  kangle: error: nowhere is not a kangle workspace (no kangle.toml in it)
  $ kangle --color purple status
  kangle: 错误：--color 的取值“purple”不在可选值 auto|always|never 之中；请查看 `kangle --help`
  [2]
