A new street in ten minutes, in Chinese, without writing TOML (issue 21): the
coordinator of 湖南路街道 has her table of the seven 党群服务站 and their menus
(examples/hunan/站点表.xlsx) and the volunteers' sign-up sheet; five commands
make December's rota, no file edited by hand.

  $ cp "$TESTDIR/../../examples/hunan/站点表.xlsx" "$TESTDIR/../../examples/hunan/志愿者报名表.xlsx" .
  $ kangle init hunan
  $ cd hunan
  $ kangle import kiosks ../站点表.xlsx
  $ kangle import volunteers ../志愿者报名表.xlsx
  $ kangle schedule build --month 2026-12
  $ kangle schedule export --month 2026-12 --format xlsx -o 排班表.xlsx

The files read as a coordinator would have written them, and the workspace checks.

  $ ls kiosks
  $ cat kiosks/梧桐SPACE.toml
  $ tail -n 12 services.toml
  $ kangle check
  $ test -s 排班表.xlsx && echo written

Most seats are filled, at every station.

  $ kangle schedule show --month 2026-12 --format json > rota.json
  $ python3 - rota.json <<'PY'
  > import json, sys
  > doc = json.load(open(sys.argv[1]))
  > rows = [row for section in doc["sections"] for table in section.get("tables", []) for row in table.get("rows", [])]
  > print(doc["facts"])
  > PY

Imported again, the same table changes nothing.

  $ kangle import kiosks ../站点表.xlsx
