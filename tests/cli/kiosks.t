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
  站点表.csv（表头在第 2 行）
    站点 1 个：新增 0 个，更新 0 个，未变 0 个；拒收 3 行
  站点表.csv:3:E（时间）：拒收：“19:00-25:00”不是时间段（如 9:00-11:30、9:00至11:30）
  站点表.csv:4:D（星期）：拒收：“每逢初一”不是能读懂的日子（如 周一至周五、每周三、每月第二个周六、每月15日）
  站点表.csv:6:B（编号）：拒收：站点“瑞力分站”与第 5 行的“淮海·瑞力”得到同一编号“RUILI”：请在“编号”列给其中一个另取编号
  有单元格无法读取：未写入任何文件
  [1]
  $ ls kiosks
  $ kangle --lang en import kiosks 站点表.csv --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["facts"])'
  {'list': 'kiosks', 'file': '站点表.csv', 'header_row': 2, 'stations': 1, 'added': 0, 'updated': 0, 'unchanged': 0, 'rejected': 3, 'new_services': 0, 'written': False, 'dry_run': False}

A good table is written; the file edited by hand since is refused on the next
import, naming it, unless --replace.

  $ cat > 站点表.csv <<'CSV'
  > 站点,地址,开放时间,服务项目
  > 梧桐·SPACE,长乐路989号,周一至周五 9:00-11:30、13:30-16:00,理发、测血压
  > CSV
  $ kangle import kiosks 站点表.csv --dry-run
  站点表.csv（表头在第 1 行）
    站点 1 个：新增 1 个，更新 0 个，未变 0 个；拒收 0 行
    新增 kiosks/梧桐SPACE.toml
  （试运行，未写入任何内容）
  $ ls kiosks
  $ kangle import kiosks 站点表.csv
  站点表.csv（表头在第 1 行）
    站点 1 个：新增 1 个，更新 0 个，未变 0 个；拒收 0 行
    新增 kiosks/梧桐SPACE.toml
  $ sed -i 's/^name = .*/&\npledge = "热情便民"/' kiosks/梧桐SPACE.toml
  $ sed -i 's/989号/989号302室/' 站点表.csv
  $ kangle import kiosks 站点表.csv
  kangle: 错误：kiosks/梧桐SPACE.toml 在导入写入后被手工修改过，或不是导入所写：不覆盖（未写入任何文件）；核对后加 --replace 再导入
  [3]
  $ grep -e pledge -e address kiosks/梧桐SPACE.toml
  pledge = "热情便民"
  address = "长乐路989号"
  $ kangle import kiosks 站点表.csv --replace
  站点表.csv（表头在第 1 行）
    站点 1 个：新增 0 个，更新 1 个，未变 0 个；拒收 0 行
    更新 kiosks/梧桐SPACE.toml
  $ grep -e pledge -e address kiosks/梧桐SPACE.toml
  address = "长乐路989号302室"
  $ kangle check
  问题
  holidays/: 警告：2027 年的放假调休安排尚未录入 holidays/：暂按法定节假日处理，调休上班日未知
  
  0 个错误，1 个警告
