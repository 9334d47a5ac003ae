#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes sheets/志愿者报名表（第二批）.xlsx, the example's second batch of sign-ups as
a street office's Excel workbook has it: an instructions sheet in front, a title
merged across the columns above the header, a phone typed as a number, one in
full-width digits and ones with spaces or dashes, a blank row and a total row;
and 吴刚 of the first batch signing up again with a new skill. The new people fill
seats the first batch leaves empty in December (理发 on Tuesdays and Thursdays,
钟表维修, 修伞 and 磨刀, 法律咨询 at 浦北路), on the days those kiosks offer them.

    /usr/bin/python3 examples/kangjian/make_xlsx.py

Needs XlsxWriter (Debian: python3-xlsxwriter), which writes strings as Excel does,
in a shared table. The same script writes the same bytes: the workbook's date is
fixed, and XlsxWriter dates the zip's entries 1980."""
import datetime
from pathlib import Path

import xlsxwriter

OUT = Path(__file__).resolve().parent / "sheets" / "志愿者报名表（第二批）.xlsx"
WHEN = datetime.datetime(2026, 11, 23, 9, 0, 0)

HEADER = ["序号", "姓名", "联系电话", "政治面貌", "所在单位", "居民区", "特长技能", "可服务时间", "每月最多班次"]
ROWS = [
    [1, "沈志华", 13800138041, "中共党员", "徐汇区环卫所", "丁香园", "理发、剪发", "周二、周四上午", 6],
    [2, "钱玉梅", "１３８００１３８０４２", "群众", "", "樱花园", "理发", "周二", 4],
    [3, "孔德明", "138 0013 8043", "中共党员", "", "康乐小区", "钟表维修、修表", "周四", 4],
    [4, "陶建军", "13800138044", "群众", "", "玉兰园", "修伞、磨刀", "周一、周四上午", 4],
    [5, "严晓燕", "138-0013-8045", "共青团员", "上海师范大学法政学院", "", "法律咨询", "周四上午", 2],
    [6, "吴刚", 13800138010, "群众", "", "玉兰园", "修鞋", "周五、周末", 4],
]
INSTRUCTIONS = [
    "填表说明",
    "1. 姓名、联系电话必填；联系电话填 11 位手机号。",
    "2. 特长技能可填多项，用顿号分隔，如“理发、剪发”。",
    "3. 可服务时间写“周一上午、周三下午、周末、工作日”等。",
    "4. 每月最多班次：每月最多能来几次。",
    "填好后交居委会或发至街道志愿者服务站邮箱。",
]


def main():
    book = xlsxwriter.Workbook(str(OUT))
    book.set_properties({"author": "康健街道志愿者服务站", "created": WHEN})
    title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
    bold = book.add_format({"bold": True})
    whole_number = book.add_format({"num_format": "0"})  # 13800138041, as the clerk who typed it sees it

    notes = book.add_worksheet("填表说明")
    notes.set_column(0, 0, 60)
    for line, text in enumerate(INSTRUCTIONS):
        notes.write_string(line, 0, text, bold if line == 0 else None)

    sheet = book.add_worksheet("报名表")
    for column, width in enumerate([6, 10, 16, 12, 24, 10, 18, 18, 12]):
        sheet.set_column(column, column, width)
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, "康健街道“雷锋亭”志愿者报名表（2026年12月·第二批）", title)
    sheet.write_row(1, 0, HEADER, bold)
    for line, row in enumerate(ROWS, start=2):
        for column, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(line, column, value, whole_number if column == 2 else None)
            elif value:
                sheet.write_string(line, column, value)
    total = 2 + len(ROWS) + 1  # under a blank row
    sheet.write_string(total, 0, "合计", bold)
    sheet.write_string(total, 1, f"{len(ROWS)}人", bold)
    book.close()
    print(OUT)


if __name__ == "__main__":
    main()
