#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Makes a district-sized volunteer sign-up workbook with the mess real ones have:
a title row, a note row, full-width digits, phones typed as numbers,
people signing up twice, phone-less rows, blank rows and a total row.

    python3 bench/gen_signups.py ROWS OUT_DIR

writes OUT_DIR/signups.xlsx (openpyxl, write-only: each cell's text inline, every Chinese
character a numeric reference such as &#24247;), OUT_DIR/signups-excel.xlsx (the same rows
as Excel and WPS write them: texts once each in the shared strings, as UTF-8; written by
python3-xlsxwriter), OUT_DIR/signups-gb18030.csv (the same rows as WPS saves CSV on Chinese
Windows) and OUT_DIR/signups-plain.csv (UTF-8, header on line 1, no mess: what sqlite3's
.import takes as it is). Deterministic: the same ROWS give the same files."""
import csv
import random
import sys
from pathlib import Path

import xlsxwriter
from openpyxl import Workbook

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂英华玉兰萍红梅建国建华志强海燕小红晓东"
SKILLS = ["理发", "护士", "织补", "磨刀", "修伞", "钟表维修", "自行车修理", "法律咨询", "心理咨询", "非遗手工", "书法", "智能手机", "家电维修", "配钥匙", "测血压"]
TIMES = ["周一上午", "周二下午", "周三", "周四上午", "周五", "周末", "工作日上午", "每天", "周六上午", "周二、周四上午"]
STATUS = ["中共党员", "群众", "共青团员", "中共预备党员", "群众"]
UNITS = ["", "", "康健街道社区卫生服务中心", "上海师范大学法政学院", "徐汇区环卫所", "某物业公司"]
COMMUNITIES = ["丁香园", "樱花园", "玉兰园", "茶花园", "康乐小区", "桂林苑"]
HEADER = ["序号", "姓名", "联系电话", "政治面貌", "所在单位", "居民区", "特长技能", "可服务时间", "每月最多班次"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def rows(count):
    rng = random.Random(20261201)
    people = []
    for i in range(count):
        if i > 10 and rng.random() < 0.03:  # a second sign-up of someone earlier
            earlier = people[rng.randrange(len(people))]
            person = dict(earlier, skills=rng.choice(SKILLS), times=rng.choice(TIMES))
        else:
            phone = 13000000000 + i * 7 + rng.randrange(7)
            person = {
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
                "phone": phone,
                "status": rng.choice(STATUS),
                "unit": rng.choice(UNITS),
                "community": rng.choice(COMMUNITIES),
                "skills": "、".join(rng.sample(SKILLS, rng.randint(1, 3))),
                "times": rng.choice(TIMES),
                "limit": rng.randint(1, 8),
            }
            people.append(person)
        r = rng.random()
        if r < 0.01:
            phone_cell = None  # no phone: rejected
        elif r < 0.30:
            phone_cell = person["phone"]  # typed as a number
        elif r < 0.35:
            phone_cell = str(person["phone"]).translate(FULL_WIDTH)
        else:
            phone_cell = str(person["phone"])
        yield [i + 1, person["name"], phone_cell, person["status"], person["unit"], person["community"],
               person["skills"], person["times"], person["limit"]]
        if rng.random() < 0.002:
            yield None  # a blank row


def main():
    count = int(sys.argv[1])
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    data = list(rows(count))

    # The sheet's rows: a title, a note, the header, the people (an empty row for a blank one), a total.
    title = "康健街道“雷锋亭”志愿者报名表（2026年12月）"
    total = ["合计", f"{count}人"]
    sheet_rows = [[title], ["填表说明：可服务时间写“周一上午、周末”等，技能用顿号分隔"], HEADER]
    sheet_rows += [row or [] for row in data] + [total]

    book = Workbook(write_only=True)
    sheet = book.create_sheet("报名表")
    for row in sheet_rows:
        sheet.append(row)
    book.save(out / "signups.xlsx")

    excel = xlsxwriter.Workbook(str(out / "signups-excel.xlsx"))
    excel_sheet = excel.add_worksheet("报名表")
    for number, row in enumerate(sheet_rows):
        for column, value in enumerate(row):
            if value is not None:
                excel_sheet.write(number, column, value)
    excel.close()

    with open(out / "signups-gb18030.csv", "w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow([title] + [""] * 8)
        w.writerow(HEADER)
        for row in data:
            w.writerow(["" if c is None else c for c in row] if row else [""] * 9)
        w.writerow(total + [""] * 7)

    with open(out / "signups-plain.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "phone", "status", "unit", "community", "skills", "times", "monthly_limit"])
        for row in data:
            if row:
                w.writerow(["" if c is None else str(c).translate({ord(a): ord(b) for a, b in zip("０１２３４５６７８９", "0123456789")}) for c in row])


if __name__ == "__main__":
    main()
