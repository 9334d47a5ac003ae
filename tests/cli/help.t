Help, version, unknown commands and plugins.

  $ kangle --version
  kangle 0.1.0
  $ kangle --help
  kangle (康乐): the back office of neighbourhood service kiosks
  Usage: kangle [OPTIONS] [SUBCOMMAND]
  
  Options:
    -h,--help                   Print this help message and exit
    --version                   Display program version information and exit
    -w,--workspace DIR          Workspace folder (default: found from the current folder, or KANGLE_WORKSPACE)
    --lang zh-CN|en             Language of messages and outputs: zh-CN or en (or KANGLE_LANG)
    --color auto|always|never:{auto,always,never}
                                Colour in error messages: auto (on a terminal, unless NO_COLOR), always, never
  
  Subcommands:
    init                        Make a workspace (optionally from a bundled example)
    check                       Check every config file and the database; list every problem
    status                      Show what the workspace holds: kiosks, menus, catalogue, holidays
    import                      Import a spreadsheet (xlsx, csv) of volunteers, needs, resources or service records
    volunteers                  List and show the volunteers
    match                       List the needs and resources (需求清单, 资源清单) that matching pairs up
    schedule                    Build, show and explain the monthly rota
    record                      Service records: confirm the rota's day, add, list; service hours
    points                      The points ledger: award, adjust, redeem, balances, honour board, verify
    report                      Reports: month, quarter, year; the service portfolio review; units; volunteers
    completion                  Print a bash or zsh completion script (try: source <(kangle completion bash))
    help                        Show help for kangle or for one command
  
  $ kangle help check
  Check every config file and the database; list every problem
  Usage: check [OPTIONS]
  
  Options:
    -h,--help                   Print this help message and exit
    --format text|json|csv|md|html|xlsx
                                Output format: text, json, csv, md, html, xlsx
    -o,--output FILE            The file to write (default: standard output)
    --encoding utf-8|gb18030    CSV's character encoding: utf-8, or gb18030 for old WPS and Excel
  
  $ kangle init --help | head -3
  Make a workspace (optionally from a bundled example)
  Usage: kangle init [OPTIONS] [dir]
  
  $ kangle chekc
  kangle: 错误：未知命令“chekc”（是否想用“check”？）
  [2]
  $ kangle --lang en frobnicate
  kangle: error: unknown command "frobnicate"; see `kangle --help`
  [2]
  $ kangle status --bogus
  The following argument was not expected: --bogus
  Run with --help for more information.
  [2]
  $ kangle --lang fr status
  --lang: expected zh-CN or en
  Run with --help for more information.
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
  --color: purple not in {auto,always,never}
  Run with --help for more information.
  [2]
