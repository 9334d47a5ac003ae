Shell completion and the man page, written from the command table, and what
`cmake --install` puts where. KANGLE_BUILD_DIR is the build folder: ctest sets
it (tests/CMakeLists.txt); by hand, run
KANGLE_BUILD_DIR=$PWD/build python3 tests/cli/cram.py --kangle build/cli/kangle tests/cli/completion.t

  $ test -d "$KANGLE_BUILD_DIR" || echo "KANGLE_BUILD_DIR is not set"

The bash script, sourced, registers _kangle for kangle. `comp LINE` completes
LINE as bash would on TAB (the cursor at its end; words split at spaces and at
=, as COMP_WORDBREAKS says) and prints COMPREPLY.

  $ source <(kangle completion bash) && complete -p kangle
  complete -F _kangle kangle
  $ comp() {
  >   COMP_LINE=$1 COMP_POINT=${#1}
  >   read -ra COMP_WORDS <<< "${1//=/ = }"
  >   if [[ $1 == *' ' ]]; then COMP_WORDS+=(''); fi
  >   COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  >   _kangle kangle "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  >   for word in "${COMPREPLY[@]}"; do echo "$word"; done
  > }

Commands, subcommands, options and their values:

  $ comp 'kangle sch'
  schedule
  $ comp 'kangle schedule '
  build
  publish
  diff
  notify
  show
  explain
  lock
  unlock
  export
  notice
  drop
  $ comp 'kangle schedule show --fo'
  --format
  $ comp 'kangle schedule show --format '
  text
  json
  csv
  md
  html
  xlsx
  $ comp 'kangle schedule show --month 2026-12 --format j'
  json
  $ comp 'kangle schedule show --format='
  text
  json
  csv
  md
  html
  xlsx
  $ comp 'kangle schedule show --format=c'
  csv

Values from the workspace: its kiosks (id and short name), the months around
today (next month first), its volunteers; nothing outside a workspace.

  $ kangle init cw --example kangjian >/dev/null && cd cw
  $ comp 'kangle schedule show --kiosk ding'
  dingxiang
  $ comp 'kangle schedule show --month '
  2027-01
  2026-12
  2027-02
  2026-11
  $ printf 'name,phone,skills\n王秀英,13800138000,\n' > v.csv && kangle import volunteers v.csv >/dev/null
  $ comp 'kangle volunteers show 王'
  王秀英
  $ comp 'kangle schedule show --person 王'
  王秀英
  $ cd ..
  $ comp 'kangle -w cw schedule show --kiosk ding'
  dingxiang
  $ comp 'kangle schedule show --workspace=cw --person 王'
  王秀英
  $ comp 'kangle schedule show --kiosk '
  $ rm -rf cw
  $ comp 'kangle import '
  volunteers
  needs
  resources
  records
  kiosks
  $ comp 'kangle match list '
  needs
  resources
  projects
  $ comp 'kangle completion '
  bash
  zsh
  $ kangle completion fish
  kangle: 错误：shell 的取值“fish”不在可选值 bash|zsh 之中；请查看 `kangle completion --help`
  [2]
  $ comp 'kangle --lang '
  zh-CN
  en
  $ comp 'kangle -'
  -h
  --help
  --version
  -w
  --workspace
  --db
  --lang
  --color

kangle's own options are skipped with their values, before and after a command:

  $ comp 'kangle -w ws --lang en sta'
  status
  $ comp 'kangle --lang en schedule show --lang '
  zh-CN
  en

File arguments complete files, folder arguments folders; free text completes
nothing (not even file names):

  $ mkdir ws && touch sheet.csv sheet.xlsx notes.txt
  $ comp 'kangle import volunteers sh' | sort
  sheet.csv
  sheet.xlsx
  $ comp 'kangle import needs --rejects no'
  notes.txt
  $ comp 'kangle init w'
  ws
  $ comp 'kangle -w '
  ws
  $ comp 'kangle schedule show --month '
  $ comp 'kangle volunteers show '

The zsh script passes zsh's syntax check (when zsh is installed: kangle does not
need it).

  $ if command -v zsh >/dev/null; then kangle completion zsh | zsh -n; fi
  $ kangle completion zsh | head -1
  #compdef kangle

The man page has its sections and a part for each command, and renders
without warnings (with man or groff when installed, as on most Debian systems).

  $ kangle --lang en help --man > kangle.1 && grep -E '^\.S[HS]' kangle.1
  .SH NAME
  .SH SYNOPSIS
  .SH DESCRIPTION
  .SH OPTIONS
  .SH COMMANDS
  .SS "kangle init"
  .SS "kangle check"
  .SS "kangle status"
  .SS "kangle import"
  .SS "kangle import volunteers"
  .SS "kangle import needs"
  .SS "kangle import resources"
  .SS "kangle import records"
  .SS "kangle import kiosks"
  .SS "kangle kiosk"
  .SS "kangle kiosk add"
  .SS "kangle service"
  .SS "kangle service add"
  .SS "kangle volunteers"
  .SS "kangle volunteers list"
  .SS "kangle volunteers show"
  .SS "kangle volunteers set"
  .SS "kangle volunteers away"
  .SS "kangle volunteers forget"
  .SS "kangle match"
  .SS "kangle match add"
  .SS "kangle match add need"
  .SS "kangle match add resource"
  .SS "kangle match set"
  .SS "kangle match set need"
  .SS "kangle match set resource"
  .SS "kangle match list"
  .SS "kangle match run"
  .SS "kangle match gaps"
  .SS "kangle match claim"
  .SS "kangle match start"
  .SS "kangle match done"
  .SS "kangle match review"
  .SS "kangle match decline"
  .SS "kangle match unmatch"
  .SS "kangle match cancel"
  .SS "kangle match close"
  .SS "kangle match show"
  .SS "kangle schedule"
  .SS "kangle schedule build"
  .SS "kangle schedule publish"
  .SS "kangle schedule diff"
  .SS "kangle schedule notify"
  .SS "kangle schedule show"
  .SS "kangle schedule explain"
  .SS "kangle schedule lock"
  .SS "kangle schedule unlock"
  .SS "kangle schedule export"
  .SS "kangle schedule notice"
  .SS "kangle schedule drop"
  .SS "kangle record"
  .SS "kangle record confirm"
  .SS "kangle record add"
  .SS "kangle record set"
  .SS "kangle record cancel"
  .SS "kangle record list"
  .SS "kangle record grant"
  .SS "kangle record hours"
  .SS "kangle points"
  .SS "kangle points award"
  .SS "kangle points adjust"
  .SS "kangle points redeem"
  .SS "kangle points reverse"
  .SS "kangle points balance"
  .SS "kangle points history"
  .SS "kangle points board"
  .SS "kangle points stars"
  .SS "kangle points verify"
  .SS "kangle report"
  .SS "kangle report month"
  .SS "kangle report quarter"
  .SS "kangle report year"
  .SS "kangle report services"
  .SS "kangle report units"
  .SS "kangle report volunteers"
  .SS "kangle db"
  .SS "kangle db copy"
  .SS "kangle completion"
  .SS "kangle help"
  .SH EXIT STATUS
  .SH ENVIRONMENT
  .SH FILES
  .SH SEE ALSO
  $ if command -v man >/dev/null; then MANWIDTH=80 man --warnings -l kangle.1 2>&1 >/dev/null
  > elif command -v groff >/dev/null; then groff -man -Tutf8 -ww kangle.1 2>&1 >/dev/null; fi
  $ sed -n '/^\.SH "*EXIT STATUS/,/^\.SH ENVIRONMENT/p' kangle.1
  .SH EXIT STATUS
  .TP
  \fB0\fR
  Success.
  .TP
  \fB1\fR
  Problems found (check), or some input rejected.
  .TP
  \fB2\fR
  Usage error: an unknown command or option, a bad value.
  .TP
  \fB3\fR
  Bad input data: a config or input file that cannot be used.
  .TP
  \fB4\fR
  Workspace error: no workspace, or its database cannot be opened or written (also: written by a newer kangle).
  .TP
  \fB5\fR
  Internal error (a bug: please report it).
  .SH ENVIRONMENT

The install puts the binary, the man page and completions written at build
time, and the documentation where Debian would; they are those kangle prints.

  $ cmake --install "$KANGLE_BUILD_DIR" --prefix "$PWD/p" >/dev/null && (cd p && find . -type f | sort)
  ./bin/kangle
  ./share/bash-completion/completions/kangle
  ./share/doc/kangle/LICENSE
  ./share/doc/kangle/README.md
  ./share/doc/kangle/docs/fuzzing.md
  ./share/doc/kangle/docs/import.md
  ./share/doc/kangle/docs/match.md
  ./share/doc/kangle/docs/output.md
  ./share/doc/kangle/docs/postgresql.md
  ./share/doc/kangle/docs/records.md
  ./share/doc/kangle/docs/report.md
  ./share/doc/kangle/docs/schedule.md
  ./share/doc/kangle/docs/workspace.md
  ./share/doc/kangle/docs/zh-CN/README.md
  ./share/doc/kangle/docs/zh-CN/开始使用.md
  ./share/doc/kangle/docs/zh-CN/报表说明.md
  ./share/doc/kangle/docs/zh-CN/每月流程.md
  ./share/man/man1/kangle.1
  ./share/man/zh_CN/man1/kangle.1
  ./share/zsh/vendor-completions/_kangle
  $ cmp kangle.1 p/share/man/man1/kangle.1
  $ kangle completion bash | cmp - p/share/bash-completion/completions/kangle
  $ kangle completion zsh | cmp - p/share/zsh/vendor-completions/_kangle
  $ p/bin/kangle --version
  kangle 0.1.0
