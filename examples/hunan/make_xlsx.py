#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the Hunan road street example's two workbooks, as a coordinator keeps them:

- 站点表.xlsx: the seven 党群服务站 of 湖南路街道 (their names and addresses from the
  street's own account; 梧桐·Learning gives no street number) and their December
  menus, one row per station, day and service, the station's name, address and
  opening hours merged down its rows, a title above the header, Chinese day forms
  (每周三, 每月最后一个周四, 每月第三个周二) and a time typed with full-width ：.
  `kangle import kiosks 站点表.xlsx` makes kiosks/*.toml of it.
- 志愿者报名表.xlsx: 21 sign-ups whose skills and free time fill most of the seats.

    /usr/bin/python3 examples/hunan/make_xlsx.py

Needs XlsxWriter (Debian: python3-xlsxwriter). The same script writes the same bytes:
the workbooks' date is fixed, and XlsxWriter dates the zip's entries 1980."""
import datetime
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
WHEN = datetime.datetime(2026, 11, 20, 9, 0, 0)

STATION_HEADER = ["站点名称", "地址", "开放时间", "星期", "时间", "服务项目", "类型", "主题", "地点"]
# (name, address, opening hours, [(day, time, services, type, title, place), ...])
STATIONS = [
    ("梧桐·Learning", "衡复历史文化风貌区核心区域", "周一至周五 9:00-11:30、13:30-16:00", [
        ("周二", "", "测血压", "天天见", "", ""),
        ("每周四", "14:00-16:00", "讲座", "周周办", "梧桐讲堂", ""),
    ]),
    ("梧桐·SPACE", "长乐路989号世纪商贸广场302室", "周一至周五 9:00-17:00；周六 13:30-17:00", [
        ("每周三", "19：00-21：00", "书法社", "周周办", "梧桐书法社", ""),
        ("每周五", "18:30—20:30", "话剧社", "周周办", "梧桐话剧社", ""),
    ]),
    ("梧桐·IAPM", "淮海中路999号环贸广场一期2117室", "周一至周五 9:00-18:00", [
        ("每月最后一个周四", "12:00-13:30", "健康咨询", "月月新", "白领午间健康课", ""),
    ]),
    ("淮海·1298", "淮海中路1298号永隆商务楼5楼", "周二至周六 9:30-16:30", [
        ("每周六", "14:00-16:00", "书法", "周周办", "古诗词与水墨画", ""),
        ("每月第二个周六", "9:30-11:30", "剪纸", "月月新", "传统手工艺", ""),
    ]),
    ("淮海·瑞力", "淮海中路1325号瑞力大厦4楼", "周一至周五 9:00-17:00", [
        ("周二", "", "心理健康咨询", "天天见", "", ""),
        ("每月第一个周三", "14:00-16:00", "讲座", "月月新", "电影赏析讲座", ""),
    ]),
    ("淮海·大隐", "淮海中路1834号大隐书局", "每天 10:00-21:00", [
        ("每周日", "14:00-16:00", "读书会", "周周办", "梧桐阅读联盟读书会", ""),
    ]),
    ("梧桐·MicroCharity", "湖南路301号湖南街道为老服务中心", "周一至周五 8:30-11:30", [
        ("周一", "", "修伞", "天天见", "", ""),
        ("周三", "", "理发", "天天见", "", ""),
        ("周五", "", "磨刀", "天天见", "", ""),
        ("每周四", "", "微公益", "周周办", "微公益议事会", ""),
        ("每月第三个周二", "9:00-11:00", "测血压", "送服务上门", "", "湖南路居民区"),
    ]),
]

VOLUNTEER_HEADER = ["序号", "姓名", "联系电话", "政治面貌", "特长技能", "可服务时间", "每月最多班次"]
VOLUNTEERS = [
    ("王丽华", "医护、测血压", "周二上午", 4),
    ("陈建国", "护士", "周二、周四", 4),
    ("施慧", "医生", "周四", 2),
    ("李文博", "讲座", "周三下午、周四下午", 4),
    ("赵敏", "讲座、读书会", "周四下午、周日下午", 4),
    ("孙书明", "书法", "周三晚上", 4),
    ("周墨林", "书法、写春联", "周六下午", 4),
    ("吴雅琴", "书法", "周三晚上、周六下午", 4),
    ("郑小川", "话剧社", "周五晚上", 4),
    ("冯晓彤", "话剧社", "周五晚上", 2),
    ("褚秀英", "剪纸、非遗手工", "周六上午", 2),
    ("卫心怡", "心理咨询", "周二", 4),
    ("蒋安", "心理咨询师", "周二", 2),
    ("沈阅", "读书会", "周日下午", 4),
    ("韩德生", "修伞", "周一上午", 4),
    ("杨国强", "理发", "周三上午", 4),
    ("朱美芳", "理发、剪发", "周三上午", 4),
    ("秦剑", "理发", "周三", 4),
    ("许长林", "磨刀", "周五上午", 4),
    ("何佳", "微公益", "周四上午", 4),
    ("吕晨", "微公益、讲座", "周四", 4),
]


def stations():
    book = xlsxwriter.Workbook(str(HERE / "站点表.xlsx"))
    book.set_properties({"author": "湖南路街道党群服务中心", "created": WHEN})
    title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
    bold = book.add_format({"bold": True})
    merged = book.add_format({"valign": "vcenter"})
    sheet = book.add_worksheet("站点")
    for column, width in enumerate([18, 30, 34, 16, 14, 14, 10, 20, 14]):
        sheet.set_column(column, column, width)
    sheet.merge_range(0, 0, 0, len(STATION_HEADER) - 1, "湖南路街道党群服务站服务清单（2026年12月）", title)
    sheet.write_row(1, 0, STATION_HEADER, bold)
    line = 2
    for name, address, hours, menu in STATIONS:
        last = line + len(menu) - 1
        for column, value in enumerate([name, address, hours]):
            if last > line:
                sheet.merge_range(line, column, last, column, value, merged)
            else:
                sheet.write_string(line, column, value)
        for entry in menu:
            for column, value in enumerate(entry, start=3):
                if value:
                    sheet.write_string(line, column, value)
            line += 1
    book.close()


def volunteers():
    book = xlsxwriter.Workbook(str(HERE / "志愿者报名表.xlsx"))
    book.set_properties({"author": "湖南路街道党群服务中心", "created": WHEN})
    title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("报名表")
    sheet.merge_range(0, 0, 0, len(VOLUNTEER_HEADER) - 1, "湖南路街道党群服务站志愿者报名表（2026年12月）", title)
    sheet.write_row(1, 0, VOLUNTEER_HEADER, bold)
    for number, (name, skills, free, limit) in enumerate(VOLUNTEERS, start=1):
        line = number + 1
        sheet.write_number(line, 0, number)
        sheet.write_string(line, 1, name)
        sheet.write_string(line, 2, f"139{number:08d}")
        sheet.write_string(line, 3, "群众")
        sheet.write_string(line, 4, skills)
        sheet.write_string(line, 5, free)
        sheet.write_number(line, 6, limit)
    book.close()


if __name__ == "__main__":
    stations()
    volunteers()
