#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The matching benchmark of bench/README.md: a district's needs and resources lists,
and a reference solver for the same instance.

    python3 bench/gen_match.py generate DIR [--needs 50000] [--resources 5000] [--km 20] [--seed 1]
    python3 bench/gen_match.py backdate DB DIR
    python3 bench/gen_match.py solve DB --today 2026-12-01 [--workspace WS]     (needs networkx)
    python3 bench/gen_match.py score DB --today 2026-12-01 [--workspace WS]

generate writes DIR/需求清单.csv and DIR/资源清单.csv (UTF-8 with BOM, the headers of
docs/import.md, as `kangle import needs` / `import resources` read them),
DIR/needs_created.csv (code, created_at) and DIR/history.csv (the projects and closings
before today). A district of KM × KM around 31.16N 121.42E (Kangjian, Xuhui): needs
clustered in residential compounds (one per ~125 needs, each need within 150 m of its
compound; 3% without coordinates), 3% of them in the compounds of the example's
communities.toml (30% of those giving only the compound, some only in the address:
matching places them), 9 categories in unequal shares (health and help for the elderly
most asked for; the services asked read from the descriptions), ~20% from vulnerable
residents, 10% micro-wishes wanting 1-3 donors, deadlines none (40%), ahead (55%) or
passed (5%), ages 0-365 days at any hour (the workspace time zone's day counts). Resources from units
(one per ~6 rows: a unit offers several, some through its team, mostly in its own
category and from its own place, one donor to a need) and volunteers (two of one name
are one donor); the whole street (全街道) for a tenth of the units' rows and of the
volunteers' (60% of those with coordinates, 20% with an address naming an example
compound), radius 0 (its own compound only, placed by the address) for 3% of the rest,
500 m - 3 km for the others (2% placed only by an address naming a compound, 1%
nowhere: an address on a road, 康乐路 being no compound); capacity 1-20; periods mostly
2026Q4, some renewed each week or month, some always, some not yet or no longer
serving. Deterministic: the same arguments give the same files.

backdate sets each imported need's created_at from needs_created.csv (an import stamps
every row with the time of the import, and the engine's age is today - created_at),
then writes history.csv in: projects of the past months (4% of needs, 30% of the
micro-wishes wanting several donors; live, declined, given back or cancelled; a third of
them in the last four days, across the week's and the month's turn in Beijing time)
and 0.5% of needs closed, each need's status settled as kangle settles it.

solve reads the workspace database as `kangle match run` does (load_pool: open places;
the resources' room left in the window of their period, and whether today is in it;
places from the workspace's communities.toml; no pair that was declined, given back or
is live, nor a donor already serving the need) and solves the same matching with
networkx's network_simplex in ONE solve whose integer weights (Python integers do not
overflow) make the objective exactly lexicographic: vulnerable places, places, days
waited (age clamped to 3650) summed over places, places given by a resource offering a
service the need asks for, then the distance in the engine's units (min(metres / 10,
10000); unknown 10000), least; a need wanting several places takes at most one from each
donor. It prints the objective and timings.

score reads the projects a real `kangle match run` proposed and prints the same
objective for them, after checking that every project is feasible (room, places, the
period, the same category, the deadline, the radius, no pair twice nor refused, one place
per donor).

The workspace (kangle.toml's timezone, communities.toml) is WS, else the database's
folder when it holds kangle.toml, else its ws/ subfolder (where run_match.sh and
growth.sh make it, beside imported.db)."""
import argparse
import collections
import csv
import datetime
import math
import os
import random
import sqlite3
import sys
import time
import tomllib
import unicodedata
import zoneinfo

CENTRE = (31.16, 121.42)
METRES_PER_DEGREE = 6_371_000.0 * math.pi / 180.0
FARTHEST_UNITS = 10_000
LONGEST_WAIT = 3650
# The compounds `kangle init --example kangjian` puts in the workspace's communities.toml.
EXAMPLE_COMMUNITIES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "kangjian",
                                   "communities.toml")

# id, name, share of needs, share of resources, what is asked, what is offered
CATEGORIES = [
    ("health", "健康服务", 22, 14, ["希望上门测血压", "测血糖", "想了解慢病用药", "康复指导"],
     ["上门测血压、测血糖", "家庭医生签约咨询", "康复理疗指导"]),
    ("elderly-care", "助老助残", 20, 12, ["想要一台收音机", "想要一副老花镜", "助浴", "助餐送餐", "轮椅借用"],
     ["认领微心愿", "助浴助洁", "送餐上门", "辅具租借"]),
    ("life", "生活服务", 14, 16, ["上门理发", "缝补衣服", "磨刀", "配钥匙"], ["上门理发", "缝补", "磨刀", "配钥匙"]),
    ("repair", "维修服务", 12, 14, ["修雨伞", "修收音机", "修自行车", "家电维修"], ["家电维修", "修伞修鞋", "自行车维修"]),
    ("digital", "数字助老", 10, 10, ["教我用手机挂号", "视频通话", "手机支付"], ["智能手机使用指导", "防范电信诈骗讲座"]),
    ("legal", "法律服务", 7, 10, ["房屋继承纠纷", "赡养纠纷咨询", "劳动合同咨询"], ["法律咨询", "婚姻家庭纠纷调解"]),
    ("mental-care", "心理关爱", 6, 8, ["老伴去世后情绪低落", "孩子沉迷手机"], ["独居老人心理疏导", "亲子沟通指导"]),
    ("policy", "政策咨询", 6, 8, ["加装电梯政策", "养老补贴申请", "文明养宠咨询"], ["加装电梯政策解读", "养老政策宣讲"]),
    ("heritage", "文化传承", 3, 8, ["想学剪纸", "书法兴趣班"], ["剪纸体验课", "书法课"]),
]
VULNERABILITIES = ["孤老", "独居老人", "残疾", "低保", "困难家庭"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
GIVEN = "秀英桂芳玉兰淑英建华德明金花立新兰英伟芳敏静丽强磊军洋勇艳杰娟涛明超霞平刚华萍红梅"
COMPOUND_WORDS = "丁香樱花玉兰茶花桂林康乐康健紫薇梅陇华富长桥田林虹梅漕河泾龙华凌云枫林斜土"
ROADS = ["康乐路", "康健路", "桂林路", "虹梅路", "田林路", "钦州路", "漕宝路"]
UNIT_KINDS = ["社区卫生服务中心", "居民区党总支", "物业管理有限公司", "志愿服务队", "社会工作服务社", "律师事务所",
              "支行", "中学", "大学志愿者协会", "养老服务中心", "家政服务社", "图书馆"]
# How a period (服务周期) is written, and how often: most serve the quarter once; some
# renew each week or month (room counted in this week's or month's projects only), some
# serve always, some not yet (2027Q1) or no longer (November).
PERIODS = [("2026Q4", 50), ("2026年第四季度", 8), ("每周二", 6), ("每周", 4), ("2026年 每月", 6), ("每月", 4),
           ("长期", 6), ("", 4), ("2026-11-01至2027-01-31", 4), ("2027Q1", 4), ("2026年11月", 4)]
# A project's life before today: live ones hold their places (and their resource's room in
# its window), declined and given-back ones bar their pair.
HISTORY_STATUSES = [("claimed", 25), ("in_progress", 15), ("done", 20), ("reviewed", 10), ("declined", 15),
                    ("unmatched", 7), ("cancelled", 8)]


def distance_m(a_lat, a_lon, b_lat, b_lon):
    """lib/match/matcher.cpp's distance_m, operation for operation (a = the resource)."""
    radians = lambda degrees: degrees * math.pi / 180.0  # noqa: E731
    dlat, dlon = radians(b_lat - a_lat), radians(b_lon - a_lon)
    h = math.sin(dlat / 2) * math.sin(dlat / 2) + \
        math.cos(radians(a_lat)) * math.cos(radians(b_lat)) * math.sin(dlon / 2) * math.sin(dlon / 2)
    d = 2 * 6_371_000.0 * math.asin(min(1.0, math.sqrt(h)))
    return int(math.floor(d + 0.5))  # std::lround of a non-negative value


def units(metres):
    return FARTHEST_UNITS if metres is None else min(metres // 10, FARTHEST_UNITS)


def utc_stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# ─── generate ─────────────────────────────────────────────────────────────────────

def generate(args):
    rng = random.Random(args.seed)
    half = args.km * 1000 / 2
    dlat = half / METRES_PER_DEGREE
    dlon = half / (METRES_PER_DEGREE * math.cos(math.radians(CENTRE[0])))
    today = datetime.date.fromisoformat(args.today)
    midnight = datetime.datetime(today.year, today.month, today.day)  # UTC: 8 a.m. in Beijing

    def point(lat=None, lon=None, spread_m=None):
        if lat is None:
            return CENTRE[0] + rng.uniform(-dlat, dlat), CENTRE[1] + rng.uniform(-dlon, dlon)
        r, a = spread_m * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        return (lat + r * math.sin(a) / METRES_PER_DEGREE,
                lon + r * math.cos(a) / (METRES_PER_DEGREE * math.cos(math.radians(lat))))

    def name():
        return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")

    os.makedirs(args.dir, exist_ok=True)
    compounds = []
    for i in range(max(1, args.needs // 125)):
        lat, lon = point()
        compounds.append((f"{rng.choice(COMPOUND_WORDS)}{rng.choice(COMPOUND_WORDS)}{i + 1}村", lat, lon))
    # The example's compounds, so that needs and resources placed by their compound are
    # in the check; one not yet looked up (no lat/lon) stands somewhere, unplaceable.
    with open(EXAMPLE_COMMUNITIES, "rb") as f:
        known = [(c["name"], c.get("aliases", []), *((c["lat"], c["lon"]) if "lat" in c else point()))
                 for c in tomllib.load(f)["community"]]
    need_weights = [c[2] for c in CATEGORIES]
    resource_weights = [c[3] for c in CATEGORIES]

    made_needs = []  # (code, category, wanted, (lat, lon) or None, created)
    with open(os.path.join(args.dir, "需求清单.csv"), "w", newline="", encoding="utf-8-sig") as f, \
            open(os.path.join(args.dir, "needs_created.csv"), "w", newline="", encoding="utf-8") as created:
        w, c = csv.writer(f), csv.writer(created)
        f.write(f"某区“三张清单”需求清单（{args.needs}条，基准测试生成）\n")
        w.writerow(["编号", "需求人", "联系电话", "所在小区", "详细地址", "需求类别", "需求内容", "服务人数", "截止日期",
                    "困难类型", "类型", "心愿价值", "需认领数", "纬度", "经度", "备注"])
        for i in range(1, args.needs + 1):
            cid, cname, _, _, asks, _ = rng.choices(CATEGORIES, need_weights)[0]
            if rng.random() < 0.03:
                compound, aliases, clat, clon = rng.choice(known)
                cell = rng.choice([compound, *aliases, ""])  # "": only the address names it
                located = rng.random() >= 0.3  # elderly residents often give only their compound
            else:
                compound, clat, clon = rng.choice(compounds)
                cell = compound
                located = rng.random() >= 0.03
            lat, lon = point(clat, clon, 150)
            vulnerable = rng.random() < 0.2
            wish = rng.random() < 0.1
            roll = rng.random()
            if roll < 0.4:
                deadline = "长期" if rng.random() < 0.5 else ""
            elif roll < 0.95:
                deadline = (today + datetime.timedelta(days=rng.randint(1, 120))).isoformat()
            else:
                deadline = (today - datetime.timedelta(days=rng.randint(1, 60))).isoformat()
            wanted = 1 if not wish else rng.choices([1, 2, 3], [70, 20, 10])[0]
            code = f"XQ-{i:06d}"
            w.writerow([code, name(), f"139{i:08d}", cell, f"{compound}{rng.randint(1, 60)}号{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
                        cname, rng.choice(asks), rng.choice([1, 1, 1, 2, 3]), deadline,
                        rng.choice(VULNERABILITIES) if vulnerable else "", "微心愿" if wish else "",
                        f"{rng.randint(3, 40) * 10}元" if wish else "", wanted,
                        f"{lat:.6f}" if located else "", f"{lon:.6f}" if located else "", ""])
            # Any hour: after 16:00 UTC it is already the next day in Beijing, where ages count.
            created_at = midnight - datetime.timedelta(days=rng.randint(0, 365), seconds=rng.randint(1, 86_400))
            c.writerow([code, utc_stamp(created_at)])
            made_needs.append((code, cid, wanted, (float(f"{lat:.6f}"), float(f"{lon:.6f}")) if located else None, created_at))
        f.write(f"合计,{args.needs}条\n")

    # Units offer several resources each (a team of theirs too), mostly in their own
    # category, from their own place and, for one in ten, to the whole street: one donor
    # to a need, however many of its rows reach it.
    units_offering = [(f"{rng.choice(COMPOUND_WORDS)}{rng.choice(COMPOUND_WORDS)}{rng.choice(UNIT_KINDS)}{i + 1}",
                       rng.choices(CATEGORIES, resource_weights)[0], point(), rng.random() < 0.1)
                      for i in range(max(1, args.resources // 6))]
    made_resources = collections.defaultdict(list)  # category → (code, radius or None, (lat, lon) or None)
    with open(os.path.join(args.dir, "资源清单.csv"), "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        f.write(f"某区共建单位资源清单（{args.resources}条，基准测试生成）\n")
        w.writerow(["编号", "资源提供方", "提供方类型", "所属单位", "联系人", "联系电话", "服务类别", "资源内容", "服务半径",
                    "可承接数量", "服务周期", "费用", "地址", "纬度", "经度"])
        for i in range(1, args.resources + 1):
            volunteer = rng.random() < 0.3
            unit, category, (lat, lon), whole_street = rng.choice(units_offering)
            if volunteer or rng.random() < 0.4:
                category = rng.choices(CATEGORIES, resource_weights)[0]
            if volunteer or rng.random() < 0.2:
                lat, lon = point()
            cid, cname, _, _, _, offers = category
            if volunteer:
                provider, unit = name(), unit if rng.random() < 0.3 else ""  # a volunteer is a donor of their own
            elif rng.random() < 0.2:
                provider = f"{unit}志愿服务队"
            else:
                provider, unit = unit, ""
            compound = rng.choice(known)[0]
            if volunteer:
                whole_street = rng.random() < 0.1
            if whole_street:
                radius, metres = rng.choice(["全街道", "不限", ""]), None
                placed = rng.choices(["coordinates", "compound", "nowhere"], [60, 20, 20])[0]
            elif rng.random() < 0.03:
                # Its own compound only: the compound's health post or elderly-care station.
                radius, metres, placed = "0米", 0, "compound"
                cid, cname, _, _, _, offers = rng.choice(CATEGORIES[:2])
            else:
                metres = rng.randint(10, 60) * 50
                radius = f"{metres}米" if metres < 1000 or rng.random() < 0.5 else f"{metres / 1000:g}公里"
                placed = rng.choices(["coordinates", "compound", "nowhere"], [97, 2, 1])[0]
            located = placed == "coordinates"
            # 康乐路 names a road, not the compound 康乐小区: such an address places nothing.
            address = f"{compound}{rng.randint(1, 60)}号" if placed == "compound" else \
                f"{rng.choice(ROADS)}{rng.randint(1, 999)}号"
            w.writerow([f"ZY-{i:05d}", provider, "志愿者" if volunteer else "单位", unit, provider if volunteer else name(),
                        f"137{i:08d}", cname, rng.choice(offers), radius, rng.randint(1, 20),
                        rng.choices([p for p, _ in PERIODS], [s for _, s in PERIODS])[0],
                        rng.choice(["免费", "免费", "免费", "材料费", "30元/次"]), address,
                        f"{lat:.6f}" if located else "", f"{lon:.6f}" if located else ""])
            made_resources[cid].append((f"ZY-{i:05d}", metres, (float(f"{lat:.6f}"), float(f"{lon:.6f}")) if located else None))
        f.write(f"合计,,,,,,,,,{args.resources}条\n")

    # What happened before today: projects with a resource that could reach the need
    # (on the generator's own coordinates), and needs closed.
    projects = closed = 0
    with open(os.path.join(args.dir, "history.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for code, cid, wanted, place, created_at in made_needs:
            if rng.random() < (0.3 if wanted > 1 else 0.04):
                reach = [(rcode, metres, at) for rcode, metres, at in made_resources[cid]
                         if metres is None or (place is not None and at is not None and distance_m(*at, *place) <= metres)]
                for rcode, _, _ in rng.sample(reach, min(len(reach), rng.choices([1, 2], [80, 20])[0])):
                    # A third in the last four days: this week's and this month's room.
                    since = max(created_at, midnight - datetime.timedelta(days=4 if rng.random() < 0.33 else 150))
                    if since >= midnight:
                        continue
                    when = since + datetime.timedelta(seconds=rng.randint(0, int((midnight - since).total_seconds()) - 1))
                    w.writerow([code, rcode, rng.choices([s for s, _ in HISTORY_STATUSES], [n for _, n in HISTORY_STATUSES])[0],
                                utc_stamp(when)])
                    projects += 1
            elif rng.random() < 0.005:
                w.writerow([code, "", "closed", utc_stamp(created_at + (midnight - created_at) * rng.random())])
                closed += 1
    print(f"wrote {args.needs} needs ({len(compounds)} compounds), {args.resources} resources "
          f"({len(units_offering)} units) and a history of {projects} projects and {closed} needs closed to {args.dir}")


def backdate(args):
    db = sqlite3.connect(args.db)
    with open(os.path.join(args.dir, "needs_created.csv"), encoding="utf-8") as f:
        rows = [(stamp, code) for code, stamp in csv.reader(f)]
    with open(os.path.join(args.dir, "history.csv"), encoding="utf-8") as f:
        history = list(csv.reader(f))
    with db:
        db.executemany("UPDATE needs SET created_at = ? WHERE code = ?", rows)
        for need, resource, status, at in history:
            if status == "closed":
                db.execute("UPDATE needs SET status = 'closed', closed_reason = '已搬离本街道', updated_at = ? WHERE code = ?",
                           (at, need))
                continue
            done = status in ("done", "reviewed")
            project = db.execute(
                "INSERT INTO projects (need_id, resource_id, unit, status, done_on, satisfaction, created_at, updated_at) "
                "SELECT n.id, r.id, CASE WHEN r.unit <> '' THEN r.unit ELSE r.provider END, ?, ?, ?, ?, ? "
                "FROM needs n, resources r WHERE n.code = ? AND r.code = ?",
                (status, at[:10] if done else None, 5 if status == "reviewed" else None, at, at, need, resource)).lastrowid
            db.execute("INSERT INTO project_events (project_id, from_status, to_status, at, actor) VALUES (?, NULL, ?, ?, ?)",
                       (project, status, at, "gen_match.py"))
        # As ProjectStore::refresh_need_status settles it.
        db.execute("UPDATE needs SET status = CASE "
                   "WHEN (SELECT count(*) FROM projects p WHERE p.need_id = needs.id AND p.status IN ('done', 'reviewed')) "
                   ">= wanted THEN 'done' "
                   "WHEN (SELECT count(*) FROM projects p WHERE p.need_id = needs.id AND "
                   "p.status NOT IN ('declined', 'unmatched', 'cancelled')) >= wanted THEN 'matched' ELSE 'open' END "
                   "WHERE status <> 'cancelled' AND status <> 'closed' AND id IN (SELECT need_id FROM projects)")
    n = db.execute("SELECT count(*) FROM needs").fetchone()[0]
    p = db.execute("SELECT count(*) FROM projects").fetchone()[0]
    print(f"backdated {len(rows)} needs ({n} stored); {p} projects and "
          f"{sum(1 for h in history if h[2] == 'closed')} needs closed before today")


# ─── the workspace's rules, as lib/ reads them ───────────────────────────────────

def clean(text):
    """text::clean: NFKC, trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


ROAD_WORDS = ("路", "街", "大道", "巷", "弄")


def read_workspace(db_path, workspace):
    """(timezone, communities: [(name, aliases, (lat, lon) or None)]) of the workspace."""
    if workspace is None:
        folder = os.path.dirname(os.path.abspath(db_path))
        workspace = folder if os.path.exists(os.path.join(folder, "kangle.toml")) else os.path.join(folder, "ws")
    with open(os.path.join(workspace, "kangle.toml"), "rb") as f:
        timezone = tomllib.load(f).get("timezone", "Asia/Shanghai")
    communities = []
    path = os.path.join(workspace, "communities.toml")
    if os.path.exists(path):
        with open(path, "rb") as f:
            for c in tomllib.load(f).get("community", []):
                location = (c["lat"], c["lon"]) if "lat" in c and "lon" in c else None
                communities.append((clean(c["name"]), [a for a in map(clean, c.get("aliases", [])) if a], location))
    return zoneinfo.ZoneInfo(timezone), communities


def community_in(communities, text):
    """config::community_in: the compound `text` names (exactly, else the only one it
    holds that is not a road's name nor inside a longer one found); None otherwise."""
    name = clean(text)
    if name:
        for c in communities:
            if c[0] == name or name in c[1]:
                return c
    found = []
    for c in communities:
        for word in [c[0], *c[1]]:
            at = name.find(word) if word else -1
            while at >= 0:
                if not name.startswith(ROAD_WORDS, at + len(word)):
                    found.append((c, word))
                    break
                at = name.find(word, at + 1)
    only = None
    for c, word in found:
        if any(other is not c and len(longer) > len(word) and word in longer for other, longer in found):
            continue
        if only is not None and only is not c:
            return None  # two compounds: which one is not ours to guess
        only = c
    return only


def place_of(own, compound):
    """match::place_of: its own coordinates, else its compound's (None when neither)."""
    return own if own is not None else (compound[2] if compound is not None else None)


def local_date(stamp, timezone):
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(timezone).date()


DIGITS = "0123456789"
RENEWAL_WORDS = [("每星期", "weekly"), ("每周", "weekly"), ("每礼拜", "weekly"), ("每个月", "monthly"), ("每月", "monthly"),
                 ("每季度", "quarterly"), ("每季", "quarterly"), ("每年", "yearly"), ("weekly", "weekly"),
                 ("monthly", "monthly"), ("quarterly", "quarterly"), ("yearly", "yearly")]
WEEKLY_DAYS = ("一", "二", "三", "四", "五", "六", "日", "天", "、", "和", "至", "到", "末")
SPAN_MARKS = (",", "，", "、", ";", "；", "(", ")", "（", "）", "内")
ALWAYS = {"长期", "常年", "长年", "全年无休", "不限", "长期有效", "always", "ongoing"}


def month_last(year, month):
    return datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)


def date_numbers(text):
    numbers, i = [], 0
    while i < len(text):
        if text[i] in DIGITS:
            j = i
            while j < len(text) and text[j] in DIGITS:
                j += 1
            if j - i > 4:
                return None
            numbers.append(int(text[i:j]))
            i = j
            continue
        separator = next((s for s in (".", "/", "-", " ", "年", "月", "日", "号") if text.startswith(s, i)), None)
        if separator is None:
            return None
        i += len(separator)
    return numbers


def read_day(text):
    n = date_numbers(text)
    if n is None or len(n) != 3 or n[0] < 1900:
        return None
    try:
        return datetime.date(*n)
    except ValueError:
        return None


def read_span_word(text):
    """A quarter, a month or a year: 2026Q4, 2026年第四季度, 2026-12, 2026年12月, 2026, 2026年."""
    if len(text) < 4 or any(ch not in DIGITS for ch in text[:4]) or int(text[:4]) < 1900:
        return None
    y, rest = int(text[:4]), text[4:]
    for s in ("年", "-", " ", "/", "."):
        if rest.startswith(s):
            rest = rest[len(s):]
            break
    if rest in ("", "年度", "全年"):
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    quarter = int(rest[1]) if len(rest) == 2 and rest[0] in "qQ" and rest[1] in "1234" else None
    if rest.startswith("第"):
        rest = rest[1:]
    for word, q in (("一", 1), ("二", 2), ("三", 3), ("四", 4), ("1", 1), ("2", 2), ("3", 3), ("4", 4)):
        if rest == word + "季度":
            quarter = q
    if quarter:
        return datetime.date(y, quarter * 3 - 2, 1), month_last(y, quarter * 3)
    if rest.endswith("月"):
        rest = rest[:-1]
    if not rest or len(rest) > 2 or any(ch not in DIGITS for ch in rest) or not 1 <= int(rest) <= 12:
        return None
    return datetime.date(y, int(rest), 1), month_last(y, int(rest))


def read_range(text):
    """Two days joined by 至, 到, ~ or a dash."""
    for joint in ("至", "到", "~", "—", "–", "-"):
        at = text.find(joint)
        while at >= 0:
            first, last = read_day(text[:at].strip()), read_day(text[at + len(joint):].strip())
            if first and last:
                return (first, last) if first <= last else None
            at = text.find(joint, at + 1)
    return None


def parse_period(raw):
    """lists::parse_service_period: (first, last, renewal) with None for no bound or no
    renewal; None for text it cannot read."""
    text = "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in clean(raw))
    renewal = None
    for word, kind in RENEWAL_WORDS:
        at = text.find(word)
        if at < 0:
            continue
        end = at + len(word)
        while kind == "weekly" and text.startswith(WEEKLY_DAYS, end):  # 每周二、四: the days it comes
            end += 1
        text, renewal = text[:at] + text[end:], kind
        break
    span, more = text.strip(), True
    while more:
        more = False
        for mark in SPAN_MARKS:
            if span.startswith(mark):
                span, more = span[len(mark):], True
            if span.endswith(mark):
                span, more = span[:-len(mark)], True
        span = span.strip()
    if not span or span in ALWAYS:
        return None, None, renewal
    days = read_span_word(span) or read_range(span)
    return (*days, renewal) if days else None


def period_window(first, last, renewal, day):
    """ServicePeriod::window: the days whose projects use up the room on `day`; None: ever."""
    if renewal is None:
        if first is None and last is None:
            return None
        return first or datetime.date(1900, 1, 1), last or datetime.date(9999, 12, 31)
    if renewal == "weekly":
        monday = day - datetime.timedelta(days=day.weekday())
        return monday, monday + datetime.timedelta(days=6)
    if renewal == "monthly":
        return datetime.date(day.year, day.month, 1), month_last(day.year, day.month)
    if renewal == "quarterly":
        q_first = (day.month - 1) // 3 * 3 + 1
        return datetime.date(day.year, q_first, 1), month_last(day.year, q_first + 2)
    return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)


# ─── the pool, as lib/match/run.cpp's load_pool reads it ─────────────────────────

def load_pool(db, today, workspace, before_run=False):
    """The open needs and free resources, placed; before_run: as they were before the
    proposals of the run being scored (projects still 'proposed' did not exist yet)."""
    timezone, communities = workspace
    live = "status <> 'declined' AND status <> 'unmatched' AND status <> 'cancelled'"
    if before_run:
        live += " AND status <> 'proposed'"
    held_n = dict(db.execute(f"SELECT need_id, count(*) FROM projects WHERE {live} GROUP BY need_id"))
    # Pairs never proposed again: refused (declined, given back) or already live.
    refused, serving = collections.defaultdict(set), collections.defaultdict(set)
    for nid, rid in db.execute("SELECT need_id, resource_id FROM projects WHERE status = 'declined' OR status = 'unmatched'"):
        refused[nid].add(rid)
    live_days = collections.defaultdict(list)
    for nid, rid, created in db.execute(f"SELECT need_id, resource_id, created_at FROM projects WHERE {live}"):
        serving[nid].add(rid)
        live_days[rid].append(local_date(created, timezone))
    resources = []
    for rid, provider, kind, unit, lat, lon, address, cat, radius, capacity, period, services in db.execute(
            "SELECT id, provider, provider_kind, unit, lat, lon, address, category, radius_m, capacity, period, services "
            "FROM resources"):
        # A period that cannot be read serves always, its room never renewed.
        first, last, renewal = parse_period(period or "") or (None, None, None)
        window = period_window(first, last, renewal, today)
        held = sum(1 for day in live_days[rid] if window is None or window[0] <= day <= window[1])
        resources.append(dict(
            id=rid, cat=cat, radius=radius, free=max(capacity - held, 0),
            in_period=(first is None or first <= today) and (last is None or today <= last),
            at=place_of((lat, lon) if lat is not None else None, community_in(communities, address)),
            # A unit's rows are one donor, a volunteer one of their own.
            donor="volunteer:" + provider if kind == "volunteer" else "unit:" + (unit or provider),
            services=set(filter(None, (services or "").split(",")))))
    donor_of = {r["id"]: r["donor"] for r in resources}
    needs = []
    for nid, compound, address, lat, lon, cat, deadline, vuln, wanted, status, created, services in db.execute(
            "SELECT id, compound, address, lat, lon, category, deadline, vulnerable, wanted, status, created_at, services "
            "FROM needs"):
        if status in ("cancelled", "closed", "done"):
            continue
        open_ = wanted - held_n.get(nid, 0)
        if open_ <= 0:
            continue
        named = community_in(communities, compound) or community_in(communities, address)
        needs.append(dict(
            id=nid, cat=cat, vuln=bool(vuln), open=open_,
            at=place_of((lat, lon) if lat is not None else None, named),
            passed=deadline is not None and deadline < today.isoformat(),
            age=max((today - local_date(created, timezone)).days, 0),
            services=set(filter(None, (services or "").split(","))),
            excluded=refused[nid] | serving[nid], serving_donors={donor_of[r] for r in serving[nid] if r in donor_of}))
    return needs, resources


def barred(n, r):
    """The resource declined the need, gave it back, or its donor already serves it."""
    return r["id"] in n["excluded"] or r["donor"] in n["serving_donors"]


def metres_between(r, n):
    return distance_m(*r["at"], *n["at"]) if r["at"] is not None and n["at"] is not None else None


def servable_pairs(needs, resources):
    """Every (need, resource, metres or None) with can_serve true, in period, room free and
    not barred: resources with a radius found through a grid of cells at least as wide as
    the largest radius."""
    cos0 = math.cos(math.radians(CENTRE[0]))
    groups = collections.defaultdict(list)
    for r in resources:
        if r["free"] > 0 and r["in_period"]:
            groups[r["cat"]].append(r)
    grids = {}
    for cat, rs in groups.items():
        anywhere = [r for r in rs if r["radius"] is None]
        reach = [r for r in rs if r["radius"] is not None and r["at"] is not None]
        cell = max([r["radius"] for r in reach], default=1) * 1.02 + 200  # projection error over a district
        grid = collections.defaultdict(list)
        for r in reach:
            grid[(math.floor(r["at"][0] * METRES_PER_DEGREE / cell),
                  math.floor(r["at"][1] * METRES_PER_DEGREE * cos0 / cell))].append(r)
        grids[cat] = (anywhere, grid, cell)
    pairs = []
    for n in needs:
        if n["passed"] or n["cat"] not in grids:
            continue
        anywhere, grid, cell = grids[n["cat"]]
        pairs += [(n, r, metres_between(r, n)) for r in anywhere if not barred(n, r)]
        if n["at"] is None:
            continue
        y, x = math.floor(n["at"][0] * METRES_PER_DEGREE / cell), math.floor(n["at"][1] * METRES_PER_DEGREE * cos0 / cell)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for r in grid.get((y + dy, x + dx), ()):
                    if barred(n, r):
                        continue
                    d = metres_between(r, n)
                    if d <= r["radius"]:
                        pairs.append((n, r, d))
    return pairs


def asked(n, r):
    """The resource offers a service the need asks for (a need asking none prefers none)."""
    return not n["services"].isdisjoint(r["services"])


def objective(chosen):
    """(vulnerable places, places, days waited, places with the service asked, distance
    units, metres known) of (need, resource, metres)s."""
    v = sum(1 for n, _, _ in chosen if n["vuln"])
    days = sum(min(n["age"], LONGEST_WAIT) for n, _, _ in chosen)
    service = sum(1 for n, r, _ in chosen if asked(n, r))
    dist = sum(units(d) for _, _, d in chosen)
    metres = sum(d for _, _, d in chosen if d is not None)
    return v, len(chosen), days, service, dist, metres


def print_objective(label, obj, extra=""):
    v, t, days, service, dist, metres = obj
    print(f"{label}: vulnerable places {v}, places {t}, days waited {days}, service asked {service}, "
          f"distance units {dist} ({metres / 1000:.1f} km known){extra}")


def solve(args):
    import networkx as nx
    started = time.perf_counter()
    today = datetime.date.fromisoformat(args.today)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    needs, resources = load_pool(db, today, read_workspace(args.db, args.workspace))
    loaded = time.perf_counter()
    pairs = servable_pairs(needs, resources)
    paired = time.perf_counter()
    wanted = sum(n["open"] for n in {id(n): n for n, _, _ in pairs}.values())
    room = sum(r["free"] for r in resources if r["in_period"])
    amount = min(wanted, room)
    # Weights making one solve lexicographic: each outweighs the most all lower terms can add.
    w_service = amount * FARTHEST_UNITS + 1
    w_days = amount * (w_service + FARTHEST_UNITS) + 1
    w_place = amount * (LONGEST_WAIT * w_days + w_service + FARTHEST_UNITS) + 1
    w_vulnerable = amount * (w_place + LONGEST_WAIT * w_days + w_service + FARTHEST_UNITS) + 1
    g = nx.DiGraph()
    source, sink = "s", "t"
    g.add_node(source, demand=-amount)
    g.add_node(sink, demand=amount)
    g.add_edge(source, sink, capacity=amount, weight=0)  # what cannot be placed bypasses
    for r in resources:
        if r["free"] > 0 and r["in_period"]:
            g.add_edge(source, ("r", r["id"]), capacity=r["free"], weight=0)
    for n in needs:
        g.add_edge(("n", n["id"]), sink, capacity=n["open"], weight=0)
    for n, r, d in pairs:
        gain = (w_vulnerable if n["vuln"] else 0) + w_place + min(n["age"], LONGEST_WAIT) * w_days + \
            (w_service if asked(n, r) else 0)
        # A need wanting several places takes one from each donor: through a node per donor.
        to = ("n", n["id"]) if n["open"] == 1 else ("d", n["id"], r["donor"])
        if to not in g:
            g.add_edge(to, ("n", n["id"]), capacity=1, weight=0)
        g.add_edge(("r", r["id"]), to, capacity=1, weight=units(d) - gain)
    built = time.perf_counter()
    _, flow = nx.network_simplex(g)
    solved = time.perf_counter()
    chosen = [(n, r, d) for n, r, d in pairs
              if flow[("r", r["id"])][("n", n["id"]) if n["open"] == 1 else ("d", n["id"], r["donor"])] > 0]
    print(f"pool: {len(needs)} open needs, {len(resources)} resources, {len(pairs)} servable pairs, "
          f"{g.number_of_nodes()} nodes, {g.number_of_edges()} arcs")
    print_objective("networkx", objective(chosen))
    print(f"networkx times: load {loaded - started:.1f} s, pairs {paired - loaded:.1f} s, "
          f"graph {built - paired:.1f} s, network_simplex {solved - built:.1f} s, total {solved - started:.1f} s")


def score(args):
    today = datetime.date.fromisoformat(args.today)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    # The run's proposals, scored against the pool as it was before them.
    rows = db.execute("SELECT need_id, resource_id, distance_m FROM projects WHERE status = 'proposed'").fetchall()
    needs, resources = load_pool(db, today, read_workspace(args.db, args.workspace), before_run=True)
    by_need = {n["id"]: n for n in needs}
    by_resource = {r["id"]: r for r in resources}
    used_n, used_r, seen, problems, chosen = collections.Counter(), collections.Counter(), set(), [], []
    given = collections.Counter()  # (need, donor)
    for nid, rid, stored in rows:
        n, r = by_need.get(nid), by_resource[rid]
        if n is None:
            problems.append(f"need {nid} was not open")
            continue
        d = metres_between(r, n)
        if (nid, rid) in seen:
            problems.append(f"pair {nid}-{rid} twice")
        seen.add((nid, rid))
        if n["cat"] != r["cat"] or n["passed"] or (r["radius"] is not None and (d is None or d > r["radius"])):
            problems.append(f"pair {nid}-{rid} cannot be served")
        if not r["in_period"]:
            problems.append(f"resource {rid} is out of its period")
        if barred(n, r):
            problems.append(f"pair {nid}-{rid} was refused, or its donor serves the need already")
        if stored != d:
            problems.append(f"pair {nid}-{rid}: distance {stored} stored, {d} computed")
        used_n[nid] += 1
        used_r[rid] += 1
        given[(nid, r["donor"])] += 1
        chosen.append((n, r, d))
    problems += [f"need {k} over its places" for k, c in used_n.items() if c > by_need[k]["open"]]
    problems += [f"resource {k} over its room" for k, c in used_r.items() if c > by_resource[k]["free"]]
    problems += [f"need {k} given twice by {donor}" for (k, donor), c in given.items() if c > 1]
    print_objective("kangle", objective(chosen), f"; {len(problems)} infeasible" if problems else "; all feasible")
    for p in problems[:20]:
        print("  " + p)
    if problems:
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("dir")
    g.add_argument("--needs", type=int, default=50_000)
    g.add_argument("--resources", type=int, default=5_000)
    g.add_argument("--km", type=float, default=20.0, help="the side of the district's square (default 20)")
    g.add_argument("--today", default="2026-12-01")
    g.add_argument("--seed", type=int, default=1)
    b = sub.add_parser("backdate")
    b.add_argument("db")
    b.add_argument("dir")
    for name in ("solve", "score"):
        s = sub.add_parser(name)
        s.add_argument("db")
        s.add_argument("--today", required=True)
        s.add_argument("--workspace", help="its timezone and communities.toml (default: beside the database)")
    args = parser.parse_args()
    {"generate": generate, "backdate": backdate, "solve": solve, "score": score}[args.command](args)


if __name__ == "__main__":
    main()
