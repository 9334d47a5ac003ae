#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Fills a workspace's database with a district-sized points ledger whose hash chain and
running balances are valid, so that `kangle points verify` passes on it.

    python3 bench/gen_ledger.py DB [--volunteers 130000] [--entries 10000000]

DB is a kangle.db at the latest schema (make it with `kangle init DIR` and any
database command, e.g. `kangle -w DIR points verify`), with empty volunteers and
points_ledger tables. Written straight with sqlite3, as lib/points/ledger.cpp would
have written it:

- VOLUNTEERS people, each with a unique 11-digit phone, two in five party members;
- ENTRIES ledger entries, ids 1..ENTRIES in the order of their dates, spread evenly over
  2021-01-01..2026-12-31. Mostly awards for service records (kind earn: per_session 2,
  per_hour 1 an hour, holiday 3 on weekends; source `record:R:V:rule`), a few adjustments
  by hand (kind adjust, rule manual, ±1..10), redemptions (kind redeem, -20/-30/-60, only
  when the balance covers them) and reversals of recent awards (rule reversal). Who serves
  is skewed, as in life: a thousand people earn a sixth of the points, 15% never serve.

Each entry's `balance` is the volunteer's balance after it and its `hash` the SHA-256 of
the previous hash and its fields, separated by 0x1F (entry_hash in lib/points/ledger.cpp).
Deterministic: the same sizes give the same database."""
import argparse
import datetime
import hashlib
import math
import random
import sqlite3
import sys
import time

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂英华玉兰萍红梅建国建华志强海燕小红晓东"
STATUS = [("中共党员", 1), ("群众", 0), ("共青团员", 0), ("中共预备党员", 1), ("群众", 0)]
UNITS = ["", "", "海宁市社区卫生服务中心", "浙江财经大学东方学院", "海宁市环卫所", "某物业公司"]
COMMUNITIES = ["硖石", "海洲", "海昌", "马桥", "许村", "长安", "周王庙", "盐官", "丁桥", "斜桥", "袁花", "黄湾"]
KIOSKS = ["丁香园雷锋亭", "樱花园雷锋亭", "皮革城服务点", "西山公园服务点", "火车站服务点", "市民中心服务点"]
SERVICES = ["理发", "测血压", "磨刀", "修伞", "家电维修", "法律咨询", "智能手机", "配钥匙"]
ITEMS = [("爱心理发券", 20), ("雷锋亭帆布袋", 30), ("定制保温杯", 60)]
STAFF = ["hn-admin", "王敏", "李娜", "kangle"]
FIRST_DAY = datetime.date(2021, 1, 1)
DAYS = (datetime.date(2026, 12, 31) - FIRST_DAY).days + 1
GENESIS = "0" * 64
BATCH = 200_000
INSERT = ("INSERT INTO points_ledger (id, volunteer_id, date, points, balance, kind, rule, source, reverses, "
          "reason, entered_by, created_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def add_volunteers(db, count, rng):
    rows = []
    for i in range(1, count + 1):
        status, party = rng.choice(STATUS)
        joined = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        stamp = f"{joined.isoformat()}T08:{rng.randrange(60):02}:00Z"
        rows.append((i, rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
                     str(13000000000 + i * 7 + rng.randrange(7)), status, party, rng.choice(UNITS),
                     rng.choice(COMMUNITIES), rng.randint(1, 8), stamp, stamp))
    db.executemany("INSERT INTO volunteers (id, name, phone, political_status, party_member, unit, community, "
                   "monthly_limit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def add_ledger(db, volunteers, entries, rng):
    # Who serves: 15% of those registered never do; the others at a rate drawn from a
    # log-normal, capped at 40 times the typical one. The busiest 1% earn about a sixth
    # of the entries; at 10M entries the busiest person has some 1,500 (a session every
    # three days for six years) and half of those who serve fewer than 40.
    weights = [0.0 if rng.random() < 0.15 else min(math.exp(rng.gauss(0, 1.4)), 40.0) for _ in range(volunteers)]
    total = sum(weights)
    pool = []  # each volunteer as often as their weight: who() draws from it
    for vol, w in enumerate(weights, 1):
        pool.extend([vol] * round(w / total * (1 << 22)))
    days = [(FIRST_DAY + datetime.timedelta(days=d)) for d in range(DAYS)]
    day_text = [d.isoformat() for d in days]
    weekend = [d.weekday() >= 5 for d in days]
    # Awards are entered by the monthly `points award`, on the 1st of the month after.
    run_at = []
    for d in days:
        nxt = (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        run_at.append(f"{nxt.isoformat()}T01:30:00Z")

    balance = [0] * (volunteers + 1)
    recent = []  # (id, volunteer, points) of recent awards, to pick reversals from
    reversed_ids = set()
    previous = GENESIS
    sha = hashlib.sha256
    next_id = 1
    record = 0
    rows = []
    started = time.monotonic()

    size = len(pool)

    def who():
        return pool[int(size * rng.random())]

    def append(vol, day, points, kind, rule, source, reverses, reason, by, created):
        nonlocal previous, next_id
        b = balance[vol] + points
        balance[vol] = b
        text = "\x1f".join((previous, str(next_id), str(vol), day_text[day], str(points), str(b), kind, rule,
                            source or "", "" if reverses is None else str(reverses), reason, by, created))
        previous = sha(text.encode()).hexdigest()
        rows.append((next_id, vol, day_text[day], points, b, kind, rule, source, reverses, reason, by, created,
                     previous))
        next_id += 1

    while next_id <= entries:
        day = (next_id - 1) * DAYS // entries
        r = rng.random()
        if r < 0.012:  # a redemption at the kiosk
            vol = who()
            item, cost = ITEMS[rng.randrange(3)]
            if balance[vol] >= cost:
                stamp = f"{day_text[day]}T10:{rng.randrange(60):02}:00Z"
                append(vol, day, -cost, "redeem", "redeem", None, None, f"兑换{item} ×1", rng.choice(STAFF), stamp)
        elif r < 0.016:  # an adjustment by hand
            vol = who()
            points = rng.choice((1, 2, 3, 5, 10, -1, -2, -5))
            if balance[vol] + points >= 0:
                stamp = f"{day_text[day]}T15:{rng.randrange(60):02}:00Z"
                append(vol, day, points, "adjust", "manual", None, None, "补录：纸质签到表漏登", rng.choice(STAFF), stamp)
        elif r < 0.0165 and recent:  # a cancelled record's award taken back
            rid, vol, points = recent[rng.randrange(len(recent))]
            if rid not in reversed_ids and balance[vol] >= points:
                reversed_ids.add(rid)
                stamp = f"{day_text[day]}T16:{rng.randrange(60):02}:00Z"
                append(vol, day, -points, "earn", "reversal", None, rid, f"服务记录 {rid} 作废：重复登记",
                       rng.choice(STAFF), stamp)
        else:  # a service record: its one to four volunteers' awards
            record += 1
            where = rng.choice(KIOSKS)
            what = rng.choice(SERVICES)
            head = f"{day_text[day]} {where} {what} · "
            created = run_at[day]
            team = set()
            for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 4))):
                vol = who()
                if next_id > entries or vol in team:  # one award per person and record: sources are unique
                    continue
                team.add(vol)
                prefix = f"record:{record}:{vol}:"
                append(vol, day, 2, "earn", "per_session", prefix + "per_session", None, head + "每班次",
                       "kangle", created)
                if len(recent) < 4096:
                    recent.append((next_id - 1, vol, 2))
                else:
                    recent[rng.randrange(4096)] = (next_id - 1, vol, 2)
                hours = rng.choice((1, 2, 2, 3))
                if next_id <= entries:
                    append(vol, day, hours, "earn", "per_hour", prefix + "per_hour", None,
                           f"{head}每服务满一小时 ×{hours}", "kangle", created)
                if weekend[day] and next_id <= entries:
                    append(vol, day, 3, "earn", "holiday", prefix + "holiday", None, head + "周末节假日奖励",
                           "kangle", created)
        if len(rows) >= BATCH:
            db.executemany(INSERT, rows)
            db.commit()
            rows.clear()
            done = next_id - 1
            rate = done / (time.monotonic() - started)
            print(f"\r{done:,} / {entries:,} entries, {rate:,.0f}/s", end="", file=sys.stderr, flush=True)
    if rows:
        db.executemany(INSERT, rows)
    db.commit()
    print(f"\r{next_id - 1:,} entries, {sum(1 for b in balance if b):,} volunteers with a balance, "
          f"{time.monotonic() - started:.0f} s", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--volunteers", type=int, default=130_000)
    parser.add_argument("--entries", type=int, default=10_000_000)
    args = parser.parse_args()
    db = sqlite3.connect(args.db, isolation_level="DEFERRED")
    for table in ("volunteers", "points_ledger"):
        if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
            sys.exit(f"{args.db}: {table} is not empty")
    # Only while generating: kangle's own writes keep the defaults.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -1000000")  # 1 GB: the random inserts into the volunteer and source indexes
    rng = random.Random(20261215)
    add_volunteers(db, args.volunteers, rng)
    db.commit()
    add_ledger(db, args.volunteers, args.entries, rng)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
