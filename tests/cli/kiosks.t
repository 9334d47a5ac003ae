`kangle import kiosks` refuses what it cannot read: every cell with its file,
row and column, in the workspace's language, exit 1, and nothing written.

  $ kangle init ws >/dev/null && cd ws
  $ cat > 站点表.csv <<'CSV'
  > 湖南路街道站点表,,,,,
  > 站点,编号,开放时间,星期,时间,服务项目
  > 梧桐·SPACE,,周一至周五 9:00-11:30,每周三,19:00-25:00,书法社
  > 淮海·大隐,,周一至周五 9:00-11:30,每逢初一,,读书会
  > 淮海·瑞力,ruili,周一至周五 9:00-11:30,周二,,理发
  > 瑞力分站,RUILI,周一至周五 9:00-11:30,周三,,理发
  > CSV
  $ kangle import kiosks 站点表.csv
  $ ls kiosks
  $ kangle --lang en import kiosks 站点表.csv --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["facts"])'

A good table is written; the file edited by hand since is refused on the next
import, naming it, unless --replace.

  $ cat > 站点表.csv <<'CSV'
  > 站点,地址,开放时间,服务项目
  > 梧桐·SPACE,长乐路989号,周一至周五 9:00-11:30、13:30-16:00,理发、测血压
  > CSV
  $ kangle import kiosks 站点表.csv --dry-run
  $ ls kiosks
  $ kangle import kiosks 站点表.csv
  $ echo 'pledge = "热情便民"' >> kiosks/梧桐SPACE.toml
  $ sed -i 's/989号/989号302室/' 站点表.csv
  $ kangle import kiosks 站点表.csv
  $ grep -c pledge kiosks/梧桐SPACE.toml
  $ kangle import kiosks 站点表.csv --replace
  $ grep -c pledge kiosks/梧桐SPACE.toml
  $ kangle check
