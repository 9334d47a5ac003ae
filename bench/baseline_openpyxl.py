#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The import a clerk would script: openpyxl in read-only mode and sqlite3's
executemany, with the least clean-up that still works on the sign-up sheet
(find the header by 姓名, skip blank and total rows, phone from an Excel number,
full-width digits folded). No skills mapping, no availability parsing, no merging
of people: kangle does more than this does.

    python3 bench/baseline_openpyxl.py FILE.xlsx DB"""
import sqlite3
import sys
import unicodedata

from openpyxl import load_workbook


def main():
    book = load_workbook(sys.argv[1], read_only=True, data_only=True)
    sheet = book.worksheets[0]
    db = sqlite3.connect(sys.argv[2])
    db.execute("CREATE TABLE IF NOT EXISTS volunteers (name TEXT, phone TEXT UNIQUE, status TEXT, unit TEXT, "
               "community TEXT, skills TEXT, times TEXT, monthly_limit INTEGER)")
    header = None
    batch = []
    for row in sheet.iter_rows(values_only=True):
        if header is None:
            if row and "姓名" in row:
                header = {name: i for i, name in enumerate(row) if name}
            continue
        if not row or all(c is None for c in row) or row[0] == "合计":
            continue
        phone = row[header["联系电话"]]
        if phone is None:
            continue
        if isinstance(phone, float):
            phone = str(int(phone))
        phone = unicodedata.normalize("NFKC", str(phone)).replace("-", "").strip()
        batch.append((row[header["姓名"]], phone, row[header["政治面貌"]], row[header["所在单位"]],
                      row[header["居民区"]], row[header["特长技能"]], row[header["可服务时间"]],
                      row[header["每月最多班次"]]))
    db.executemany("INSERT OR REPLACE INTO volunteers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
    db.commit()


if __name__ == "__main__":
    main()
