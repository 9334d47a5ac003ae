#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Fills a workspace's database with five years of a district's service records, for the
report benchmark (`kangle report month`, `report year`, `report services`).

    python3 bench/gen_records.py DB [--records 5000000] [--volunteers 130000] [--kiosks 200]

DB is a kangle.db at the latest schema (make it with `kangle init DIR --example kangjian`
and any database command, e.g. `kangle -w DIR points verify`), with empty volunteers and
service_records tables. Written straight with sqlite3, as an import of the district's
records (origin 'import') would have left it:

- VOLUNTEERS people, each with a unique 11-digit phone, two in five party members, five
  in six from a co-building unit, joined over 2021..2026;
- RECORDS service records, ids 1..RECORDS in the order of their dates, over
  2022-01-01..2026-12-31: a tenth more each year, weekends at half a weekday. KIOSKS
  kiosks: the example's dingxiang, pubei and kangle-hall (known to the workspace's
  config), then k004, k005, ... (unknown ids, which the report prints as they are), busy
  to unequal degrees, each with a menu of 4-10 services from config/services.toml.
  Cadence: daily 80%, weekly 15%, outreach away from kiosks 3% (kiosk '' and a place),
  themed events 2% (cadence monthly, a title and no service). Residents 0..40 (1% not
  recorded), satisfaction 3-5, mostly 4-5 (12% not rated), 1% cancelled;
- record_volunteers: 1-3 distinct volunteers a record (themed events 3), minutes 60-180,
  3% substitutes; who serves is skewed as in gen_ledger.py (15% never do);
- granted_hours: one grant for every hundred records;
- no points ledger (its hash chain would cost more than everything else), no needs,
  resources or projects: the report's figures of those are zero.

One transaction, batched executemany, synchronous off; a rollback journal while
generating (the pages are new: nothing to journal), WAL again at the end. Deterministic:
the same sizes give the same database."""
import argparse
import datetime
import math
import random
import sqlite3
import sys
import time

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂英华玉兰萍红梅建国建华志强海燕小红晓东"
STATUS = [("中共党员", 1), ("群众", 0), ("共青团员", 0), ("中共预备党员", 1), ("群众", 0)]
UNITS = ["", "", "徐汇区康健社区卫生服务中心", "上海师范大学", "康健街道城管中队", "某物业公司", "康健派出所",
         "徐汇区司法所", "中国电信徐汇分公司", "康健小学", "华东理工大学", "上海市第六人民医院"]
COMMUNITIES = ["丁香园", "樱花园", "蒲北", "康健", "长桥", "田林", "寿昌坊", "茶花园", "桂林苑", "康乐"]
PLACES = ["樱花园小区", "茶花园小区", "寿昌坊", "康乐小区", "长桥新村", "田林十二村", "桂林苑", "蒲北路社区广场"]
# The catalogue's service ids (config/services.toml), each with its typical residents a session.
SERVICES = {
    "umbrella-repair": 6, "watch-repair": 5, "glasses-repair": 6, "bicycle-repair": 5, "appliance-repair": 7,
    "shoe-repair": 4, "haircut": 12, "darning": 5, "clothes-alteration": 4, "knife-sharpening": 10,
    "key-cutting": 4, "blood-pressure": 18, "blood-sugar": 14, "sphygmomanometer-check": 3, "health-advice": 9,
    "tcm-advice": 11, "disinfection": 3, "legal-advice": 6, "legal-education": 15, "mediation": 2,
    "mental-health": 3, "family-counselling": 2, "parenting-advice": 4, "heritage-crafts": 8, "paper-cutting": 9,
    "calligraphy": 8, "elderly-companionship": 5, "nail-trimming": 7, "wheelchair-repair": 2,
    "letter-writing": 3, "phone-guidance": 13, "online-services-help": 10, "anti-fraud": 16, "policy-advice": 7,
    "elevator-advice": 4, "pet-advice": 5,
}
EVENTS = ["学雷锋主题活动", "重阳敬老集市", "垃圾分类宣传", "反诈宣传进社区", "邻里节便民集市", "中秋邻里联欢",
          "消防安全宣传", "文明养宠宣传", "健康义诊日", "七一党员志愿服务"]
REASONS = ["防疫值守补录", "社区活动筹备", "志愿者培训", "纸质签到表漏登", "扣减：重复登记"]
APPROVERS = ["kj-admin", "王敏", "李娜"]
KNOWN_KIOSKS = ["dingxiang", "pubei", "kangle-hall"]
SATISFACTION = (5.0, 5.0, 5.0, 5.0, 4.5, 4.5, 4.5, 4.0, 4.0, 4.0, 3.5, 3.0)
FIRST_DAY = datetime.date(2022, 1, 1)
DAYS = (datetime.date(2026, 12, 31) - FIRST_DAY).days + 1
BATCH = 100_000
RECORD = ("INSERT INTO service_records (id, key, origin, kiosk, place, date, start_minute, end_minute, cadence, "
          "service, title, residents, satisfaction, note, created_at, cancelled_at, cancel_reason) "
          "VALUES (?, NULL, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)")
ATTEND = "INSERT INTO record_volunteers (record_id, volunteer_id, minutes, substitute, date) VALUES (?, ?, ?, ?, ?)"
GRANT = ("INSERT INTO granted_hours (volunteer_id, date, minutes, reason, approved_by, created_at) "
         "VALUES (?, ?, ?, ?, ?, ?)")


def add_volunteers(db, count, rng):
    first = datetime.date(2021, 1, 1)
    span = (datetime.date(2026, 12, 31) - first).days + 1
    rows = []
    for i in range(1, count + 1):
        status, party = rng.choice(STATUS)
        joined = first + datetime.timedelta(days=rng.randrange(span))
        stamp = f"{joined.isoformat()}T08:{rng.randrange(60):02}:00Z"
        rows.append((i, rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
                     str(13000000000 + i * 7 + rng.randrange(7)), status, party, rng.choice(UNITS),
                     rng.choice(COMMUNITIES), rng.randint(2, 8), stamp, stamp))
    db.executemany("INSERT INTO volunteers (id, name, phone, political_status, party_member, unit, community, "
                   "monthly_limit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def weighted_pool(weights, size):
    """Each index 0.. as often as its weight, in a list of about `size`: draw from it at random."""
    total = sum(weights)
    pool = []
    for i, w in enumerate(weights):
        pool.extend([i] * round(w / total * size))
    return pool


def add_records(db, records, volunteers, kiosks, rng):
    # Kiosks: the three of the example workspace, then made-up ids; how busy each is drawn
    # from a log-normal; each with its menu of services.
    ids = (KNOWN_KIOSKS + [f"k{i:03}" for i in range(len(KNOWN_KIOSKS) + 1, kiosks + 1)])[:kiosks]
    kiosk_pool = weighted_pool([math.exp(rng.gauss(0, 0.6)) for _ in ids], 1 << 16)
    names = list(SERVICES)
    menus = [rng.sample(names, rng.randint(4, 10)) for _ in ids]
    # Who serves, as in gen_ledger.py: 15% never, the others at a log-normal rate.
    people = weighted_pool([0.0 if rng.random() < 0.15 else min(math.exp(rng.gauss(0, 1.4)), 40.0)
                            for _ in range(volunteers)], 1 << 22)
    # Records a day: a tenth more each year, weekends at half a weekday.
    weights = []
    for d in range(DAYS):
        day = FIRST_DAY + datetime.timedelta(days=d)
        weights.append((1.0 + 0.1 * d / 365.25) * (0.5 if day.weekday() >= 5 else 1.0))
    total = sum(weights)

    rand = rng.random
    kn, pn = len(kiosk_pool), len(people)
    rows, attend, grants = [], [], []
    rid = 0
    cumulative = 0.0
    started = time.monotonic()
    for d in range(DAYS):
        cumulative += weights[d]
        upto = records if d == DAYS - 1 else round(records * cumulative / total)
        date = (FIRST_DAY + datetime.timedelta(days=d)).isoformat()
        created = f"{date}T20:00:00Z"
        while rid < upto:
            rid += 1
            r = rand()
            place = title = service = ""
            if r < 0.02:  # a themed event: a title, no service
                cadence, kiosk = "monthly", ids[kiosk_pool[int(kn * rand())]]
                title = EVENTS[int(len(EVENTS) * rand())]
                start, length, team = 540 + 30 * int(4 * rand()), 120 + 60 * int(2 * rand()), 3
                residents = 15 + int(26 * rand())
            else:
                if r < 0.05:  # away from the kiosks
                    cadence, kiosk = "outreach", ""
                    place = PLACES[int(len(PLACES) * rand())]
                    menu = menus[int(len(menus) * rand())]
                else:
                    cadence = "weekly" if r < 0.20 else "daily"
                    k = kiosk_pool[int(kn * rand())]
                    kiosk, menu = ids[k], menus[k]
                service = menu[int(len(menu) * rand())]
                start = (540 if rand() < 0.6 else 810) + 30 * int(2 * rand())
                length = 60 + 30 * int(5 * rand())
                team = (1, 1, 2, 2, 2, 3)[int(6 * rand())]
                residents = min(40, int(2 * SERVICES[service] * rand() + 0.5))
            s = rand()
            if s < 0.01:
                residents = None
            satisfaction = None if s > 0.88 else SATISFACTION[int(12 * rand())]
            cancelled = reason = None
            if rand() < 0.01:
                cancelled, reason = f"{date}T21:30:00Z", "重复登记"
            rows.append((rid, kiosk, place, date, start, start + length, cadence, service, title, residents,
                         satisfaction, created, cancelled, reason or ""))
            seen = []
            for _ in range(team):
                v = people[int(pn * rand())] + 1
                if v in seen:
                    continue
                seen.append(v)
                attend.append((rid, v, length, 1 if rand() < 0.03 else 0, date))
            if rand() < 0.01:
                minutes = -60 if rand() < 0.05 else 60 * (1 + int(8 * rand()))
                grants.append((people[int(pn * rand())] + 1, date, minutes,
                               REASONS[4] if minutes < 0 else REASONS[int(4 * rand())],
                               APPROVERS[int(3 * rand())], f"{date}T17:00:00Z"))
            if len(rows) >= BATCH:
                db.executemany(RECORD, rows)
                db.executemany(ATTEND, attend)
                rows.clear()
                attend.clear()
                rate = rid / (time.monotonic() - started)
                print(f"\r{rid:,} / {records:,} records, {rate:,.0f}/s", end="", file=sys.stderr, flush=True)
    db.executemany(RECORD, rows)
    db.executemany(ATTEND, attend)
    db.executemany(GRANT, grants)
    print(f"\r{rid:,} records, {len(grants):,} grants of hours, {time.monotonic() - started:.0f} s" + " " * 20,
          file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--records", type=int, default=5_000_000)
    parser.add_argument("--volunteers", type=int, default=130_000)
    parser.add_argument("--kiosks", type=int, default=200)
    args = parser.parse_args()
    db = sqlite3.connect(args.db, isolation_level=None)
    for table in ("volunteers", "service_records", "record_volunteers", "granted_hours"):
        if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
            sys.exit(f"{args.db}: {table} is not empty")
    # Only while generating: kangle's own writes keep the defaults (WAL, synchronous full).
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -1000000")  # 1 GB: the random inserts into record_volunteers_by_volunteer
    rng = random.Random(20260630)
    started = time.monotonic()
    db.execute("BEGIN")
    add_volunteers(db, args.volunteers, rng)
    add_records(db, args.records, args.volunteers, args.kiosks, rng)
    db.execute("COMMIT")
    # No ANALYZE: kangle never runs it, so the planner sees what it sees in a real workspace.
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    print(f"done in {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
