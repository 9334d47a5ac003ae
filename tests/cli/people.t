Who is who: a second sheet after the example's sign-ups, with the numbers Excel
mangles and a known phone under another name. Nothing of a rejected row gets in.

  $ kangle init ws --example kangjian >/dev/null && cd ws
  $ kangle import volunteers "$TESTDIR/../../examples/kangjian/sheets/志愿者报名表.csv" >/dev/null; echo $?
  1

Row 2 gives 王建国's phone under another name: a conflict, not a rename. Row 3
is a phone Excel showed as 1.39123E+10, which used to become 13912300000.

  $ printf '%s\n' 姓名,联系电话,身份证号,特长技能,可服务时间 \
  >   甲九,13800138001,,理发,周一 \
  >   乙十,1.39123E+10,,理发,周一 \
  >   丙一,12345678901,,理发,周一 \
  >   丁二,,410105199001011234,理发,周一 \
  >   戊三,,410105199001011000,理发,周一 \
  >   己四,,4.10105E+17,理发,周一 \
  >   庚五,,410105199013011230,理发,周一 \
  >   '王 芳,13800138040,,护士,周一' \
  >   '王　芳,13800138040,,,周二' \
  >   'Anna   Li,13800138041,410105199001011233,,周三' \
  >   辛六,13800138042,410105199001011233,,周三 \
  >   李秀英,13800138002,110101198005120022,,周三 > more.csv
  $ kangle import volunteers more.csv
  more.csv（表头在第 1 行）
    新增 2 人，更新 1 人，合并 1 行，未变 0 人，拒收 8 行
  more.csv:2:A（姓名）：拒收：手机 138****8001 已登记在“王建国”名下，与本行姓名“甲九”不符：这是冲突，不是更新（如确需改名：kangle volunteers set 王建国 --name 甲九）
  more.csv:3:B（联系电话）：拒收：手机号“1.39123E+10”是 Excel 的科学计数法，后几位数字已经丢失：请把该列设为“文本”格式，重新填写号码后再导入
  more.csv:4:B（联系电话）：拒收：手机号“12345678901”不是有效的手机号码（应为 13–19 开头的 11 位数字）
  more.csv:5:C（身份证号）：拒收：身份证号“4101**********1234”校验不通过（末位是前 17 位的校验码，GB 11643）：有数字填错了
  more.csv:6:C（身份证号）：拒收：身份证号“4101**********1000”的最后几位被 Excel 改掉了（Excel 只保留 15 位有效数字，其余变成 0 或科学计数法）：请把该列设为“文本”格式，重新填写后再导入
  more.csv:7:C（身份证号）：拒收：身份证号“4.10***E+17”的最后几位被 Excel 改掉了（Excel 只保留 15 位有效数字，其余变成 0 或科学计数法）：请把该列设为“文本”格式，重新填写后再导入
  more.csv:8:C（身份证号）：拒收：身份证号“4101**********1230”中的出生日期不是有效日期
  more.csv:10：合并：与第 9 行是同一人：可服务时间 + 周二
  more.csv:12:A（姓名）：拒收：身份证号 4101**********1233 已登记在“Anna Li”名下，与本行姓名“辛六”不符：这是冲突，不是更新（如确需改名：kangle volunteers set Anna Li --name 辛六）
  more.csv:13：更新：已登记的志愿者：身份证号：- → 1101**********0022
  被拒收的行及原因已写入 more.rejects.csv
  [1]

王建国 keeps his name, skills and phone; nobody got 甲九's or the mangled numbers.

  $ kangle volunteers list --format csv | grep -E '王建国|甲九|乙十|王芳|Anna'
  Anna Li,138****8041,否,,,,周三,
  王建国,138****8001,是,康健街道社区卫生服务中心,丁香园,医护,周三上午、周五上午,4
  王芳,138****8040,否,,,医护,周一、周二,
  $ tr -d '\r' < more.rejects.csv | sed 's/^\xEF\xBB\xBF//' | cut -d, -f1,2
  姓名,联系电话
  甲九,13800138001
  乙十,1.39123E+10
  丙一,12345678901
  丁二,
  戊三,
  己四,
  庚五,
  辛六,13800138042
