The reports as the committee reads them, on the SQLite build only (Chromium's work, not
kangle's, is most of this file's time: the PostgreSQL and sanitizer runs leave it out).
The Kangjian example's December, as report.t enters it.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ S="$TESTDIR/../../examples/kangjian/sheets"
  $ kangle import volunteers "$S/志愿者报名表.csv" >/dev/null; KANGLE_NOW=2026-12-31T10:00:00Z kangle import records "$S/服务记录.csv" >/dev/null; kangle import needs "$S/需求清单.csv" >/dev/null; kangle import resources "$S/资源清单.csv" >/dev/null; echo imported
  imported
  $ kangle schedule build --month 2026-12 >/dev/null && KANGLE_NOW=2026-12-31T10:00:00Z kangle record confirm --date 2026-12-15 --served haircut@09:00=18 >/dev/null && echo confirmed
  confirmed
  $ kangle record add --date 2026-11-26 --kiosk dingxiang --time 09:00-11:30 --service haircut --volunteers 张伟 --residents 9 --satisfaction 4.5 >/dev/null && echo added
  added
  $ kangle points award >/dev/null && kangle match run >/dev/null && echo matched
  matched
  $ export KANGLE_NOW=2027-01-03T01:00:00Z
  $ kangle report month 2026-12 --format html -o 月报.html >/dev/null
  $ for kind in services units volunteers; do kangle report $kind --period 2026-12 --format html -o $kind.html >/dev/null; done

The HTML pages opened in headless Chromium: a screenshot as wide as A4 at 150 dpi, not
blank.

  $ bash "$TESTDIR/../report/check_html.sh" 月报.html 月报.png 2>&1 | sed 's/^check_html: .*月报.png: /check_html: /'
  check_html: 1240x1754 PNG
  $ bash "$TESTDIR/../report/check_html.sh" services.html services.png >/dev/null && echo shown
  shown

The committee's paper: each report printed to PDF on A4 by headless Chromium is one page
wide: every page A4, no word past the right margin, the rightmost column headers on the
page (the services review lost its 同类需求 and the units their 满意度 at the right edge).

  $ P="$TESTDIR/../report/check_pdf.sh"
  $ { bash "$P" 月报.html month.pdf 同比（%） 满意度（1–5） 服务时长（小时） & bash "$P" services.html services.pdf 同类需求 满意度（1–5） & wait; } 2>&1 | sed 's/^check_pdf: .*\/\([a-z]*\.pdf\): /\1: /' | sort
  month.pdf: every page A4, nothing past the right margin
  services.pdf: every page A4, nothing past the right margin
  $ { bash "$P" units.html units.pdf 满意度（1–5） & bash "$P" volunteers.html volunteers.pdf 积分余额 排满率（%） & wait; } 2>&1 | sed 's/^check_pdf: .*\/\([a-z]*\.pdf\): /\1: /' | sort
  units.pdf: every page A4, nothing past the right margin
  volunteers.pdf: every page A4, nothing past the right margin
