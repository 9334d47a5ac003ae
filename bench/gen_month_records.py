#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a month's service records sheet of a district, as its kiosks would send it in, for
the growth of `kangle import records` (bench/growth.sh records).

    python3 bench/gen_month_records.py DB OUT.csv --rows 96000 [--month 2027-01]

DB is a workspace's kangle.db that bench/gen_records.py filled: the sheet names its
volunteers by phone, as a kiosk's sign-in sheet does, some of them much busier than
others. ROWS rows over the month's days: the example's three kiosks by their Chinese names
and the generator's others by id (read as places: outreach), eight services, five
sessions of the day, 1-3 volunteers each. Busy volunteers drawn twice for the same
morning are what the import must refuse (one person, one place at a time). UTF-8 with a
BOM, as WPS saves a CSV. Deterministic: the same database and sizes give the same sheet."""
import argparse
import calendar
import csv
import random
import sqlite3

KIOSKS = ["丁香园", "蒲北路", "康乐汇"]
SERVICES = ["理发", "测血压", "修伞", "磨刀", "法律咨询", "织补", "修自行车", "测血糖"]
SESSIONS = ["09:00-11:30", "13:30-16:00", "08:30-11:30", "14:00-16:30", "09:30-11:00"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=96_000)
    parser.add_argument("--month", default="2027-01")
    parser.add_argument("--kiosks", type=int, default=200)
    args = parser.parse_args()
    phones = [row[0] for row in sqlite3.connect(args.db).execute("SELECT phone FROM volunteers ORDER BY id")]
    year, month = map(int, args.month.split("-"))
    days = calendar.monthrange(year, month)[1]
    kiosks = KIOSKS + [f"k{i:03d}" for i in range(len(KIOSKS) + 1, args.kiosks + 1)]
    rng = random.Random(20270101)

    def volunteer():
        # Three in ten from a busy few hundred, the rest from anyone.
        if rng.random() < 0.3:
            return phones[min(len(phones) - 1, int(50 * (rng.paretovariate(1.2) - 1)))]
        return phones[rng.randrange(len(phones))]

    with open(args.out, "w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow(["日期", "服务站点", "服务项目", "服务时间", "志愿者", "服务人次", "满意度"])
        for _ in range(args.rows):
            who = sorted({volunteer() for _ in range(rng.randint(1, 3))})
            out.writerow([f"{year}-{month:02d}-{rng.randint(1, days):02d}", rng.choice(kiosks), rng.choice(SERVICES),
                          rng.choice(SESSIONS), "、".join(who), rng.randint(3, 30), rng.choice(["5", "4.8", "98%", ""])])


if __name__ == "__main__":
    main()
