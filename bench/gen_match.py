#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The matching benchmark of bench/README.md: a district's needs and resources lists,
and a reference solver for the same instance.

    python3 bench/gen_match.py generate DIR [--needs 50000] [--resources 5000] [--km 20] [--seed 1]
    python3 bench/gen_match.py backdate DB DIR
    python3 bench/gen_match.py solve DB --today 2026-12-01      (needs networkx)
    python3 bench/gen_match.py score DB --today 2026-12-01

generate writes DIR/需求清单.csv and DIR/资源清单.csv (UTF-8 with BOM, the headers of
docs/import.md, as `kangle import needs` / `import resources` read them) and
DIR/needs_created.csv (code, created_at). A district of KM × KM around 31.16N 121.42E
(Kangjian, Xuhui): needs clustered in residential compounds (one per ~125 needs, each
need within 150 m of its compound; 3% without coordinates), 9 categories in unequal
shares (health and help for the elderly most asked for), ~20% from vulnerable residents,
10% micro-wishes wanting 1-3 donors, deadlines none (40%), ahead (55%) or passed (5%),
ages 0-365 days; resources from units and volunteers, radius 500 m - 3 km for 90% and
the whole street (全街道) for 10% (60% of those with an address on the map), capacity
1-20. Deterministic: the same arguments give the same files.

backdate sets each imported need's created_at from needs_created.csv: an import stamps
every row with the time of the import, and the engine's age is today - created_at.

solve reads the workspace database as `kangle match run` does (load_pool: open places
and free room net of live projects; no pair that was declined, given back or is live)
and solves the same matching with networkx's
network_simplex in ONE solve whose integer weights (Python integers do not overflow)
make the objective exactly lexicographic: vulnerable places, places, days waited (age
clamped to 3650) summed over places, then the distance in the engine's units
(min(metres / 10, 10000); unknown 10000), least. It prints the objective and timings.

score reads the projects a real `kangle match run` proposed and prints the same
objective for them, after checking that every project is feasible (room, places, the
same category, the deadline, the radius, no pair twice)."""
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

CENTRE = (31.16, 121.42)
METRES_PER_DEGREE = 6_371_000.0 * math.pi / 180.0
FARTHEST_UNITS = 10_000
LONGEST_WAIT = 3650

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
UNIT_KINDS = ["社区卫生服务中心", "居民区党总支", "物业管理有限公司", "志愿服务队", "社会工作服务社", "律师事务所",
              "支行", "中学", "大学志愿者协会", "养老服务中心", "家政服务社", "图书馆"]


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


# ─── generate ─────────────────────────────────────────────────────────────────────

def generate(args):
    rng = random.Random(args.seed)
    half = args.km * 1000 / 2
    dlat = half / METRES_PER_DEGREE
    dlon = half / (METRES_PER_DEGREE * math.cos(math.radians(CENTRE[0])))
    today = datetime.date.fromisoformat(args.today)

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
    need_weights = [c[2] for c in CATEGORIES]
    resource_weights = [c[3] for c in CATEGORIES]

    with open(os.path.join(args.dir, "需求清单.csv"), "w", newline="", encoding="utf-8-sig") as f, \
            open(os.path.join(args.dir, "needs_created.csv"), "w", newline="", encoding="utf-8") as created:
        w, c = csv.writer(f), csv.writer(created)
        f.write(f"某区“三张清单”需求清单（{args.needs}条，基准测试生成）\n")
        w.writerow(["编号", "需求人", "联系电话", "所在小区", "详细地址", "需求类别", "需求内容", "服务人数", "截止日期",
                    "困难类型", "类型", "心愿价值", "需认领数", "纬度", "经度", "备注"])
        for i in range(1, args.needs + 1):
            cid, cname, _, _, asks, _ = rng.choices(CATEGORIES, need_weights)[0]
            compound, clat, clon = rng.choice(compounds)
            lat, lon = point(clat, clon, 150)
            located = rng.random() >= 0.03
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
            w.writerow([code, name(), f"139{i:08d}", compound, f"{compound}{rng.randint(1, 60)}号{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
                        cname, rng.choice(asks), rng.choice([1, 1, 1, 2, 3]), deadline,
                        rng.choice(VULNERABILITIES) if vulnerable else "", "微心愿" if wish else "",
                        f"{rng.randint(3, 40) * 10}元" if wish else "", wanted,
                        f"{lat:.6f}" if located else "", f"{lon:.6f}" if located else "", ""])
            age = rng.randint(0, 365)
            c.writerow([code, f"{(today - datetime.timedelta(days=age)).isoformat()}T01:00:00Z"])
        f.write(f"合计,{args.needs}条\n")

    with open(os.path.join(args.dir, "资源清单.csv"), "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        f.write(f"某区共建单位资源清单（{args.resources}条，基准测试生成）\n")
        w.writerow(["编号", "资源提供方", "提供方类型", "联系人", "联系电话", "服务类别", "资源内容", "服务半径",
                    "可承接数量", "服务周期", "费用", "地址", "纬度", "经度"])
        for i in range(1, args.resources + 1):
            cid, cname, _, _, _, offers = rng.choices(CATEGORIES, resource_weights)[0]
            volunteer = rng.random() < 0.3
            provider = name() if volunteer else f"{rng.choice(COMPOUND_WORDS)}{rng.choice(COMPOUND_WORDS)}{rng.choice(UNIT_KINDS)}{i}"
            whole_street = rng.random() < 0.1
            if whole_street:
                radius = rng.choice(["全街道", "不限", ""])
                located = rng.random() < 0.6
            else:
                metres = rng.randint(10, 60) * 50
                radius = f"{metres}米" if metres < 1000 or rng.random() < 0.5 else f"{metres / 1000:g}公里"
                located = rng.random() >= 0.01
            lat, lon = point()
            w.writerow([f"ZY-{i:05d}", provider, "志愿者" if volunteer else "单位", provider if volunteer else name(),
                        f"137{i:08d}", cname, rng.choice(offers), radius, rng.randint(1, 20), "2026Q4",
                        rng.choice(["免费", "免费", "免费", "材料费", "30元/次"]), "",
                        f"{lat:.6f}" if located else "", f"{lon:.6f}" if located else ""])
        f.write(f"合计,,,,,,,,{args.resources}条\n")
    print(f"wrote {args.needs} needs ({len(compounds)} compounds) and {args.resources} resources to {args.dir}")


def backdate(args):
    db = sqlite3.connect(args.db)
    with open(os.path.join(args.dir, "needs_created.csv"), encoding="utf-8") as f:
        rows = [(stamp, code) for code, stamp in csv.reader(f)]
    with db:
        db.executemany("UPDATE needs SET created_at = ? WHERE code = ?", rows)
    n = db.execute("SELECT count(*) FROM needs").fetchone()[0]
    print(f"backdated {len(rows)} needs ({n} stored)")


# ─── the pool, as lib/match/run.cpp's load_pool reads it ─────────────────────────

def load_pool(db, today, before_run=False):
    """The open needs and free resources; before_run: as they were before the proposals
    of the run being scored (projects still 'proposed' did not exist yet)."""
    live = "status <> 'declined' AND status <> 'unmatched' AND status <> 'cancelled'"
    if before_run:
        live += " AND status <> 'proposed'"
    held_n = dict(db.execute(f"SELECT need_id, count(*) FROM projects WHERE {live} GROUP BY need_id"))
    # Pairs never proposed again: refused (declined, given back) or already live.
    excluded = collections.defaultdict(set)
    for nid, rid in db.execute("SELECT need_id, resource_id FROM projects WHERE status = 'declined' OR "
                               f"status = 'unmatched' OR ({live})"):
        excluded[nid].add(rid)
    held_r = dict(db.execute(f"SELECT resource_id, count(*) FROM projects WHERE {live} GROUP BY resource_id"))
    needs = []
    for nid, lat, lon, cat, deadline, vuln, wanted, status, created in db.execute(
            "SELECT id, lat, lon, category, deadline, vulnerable, wanted, status, substr(created_at, 1, 10) FROM needs"):
        if status in ("cancelled", "done"):
            continue
        open_ = wanted - held_n.get(nid, 0)
        if open_ <= 0:
            continue
        age = max((today - datetime.date.fromisoformat(created)).days, 0)
        passed = deadline is not None and deadline < today.isoformat()
        needs.append(dict(id=nid, lat=lat, lon=lon, cat=cat, passed=passed, vuln=bool(vuln), open=open_, age=age,
                          excluded=excluded.get(nid, set())))
    resources = []
    for rid, lat, lon, cat, radius, capacity in db.execute(
            "SELECT id, lat, lon, category, radius_m, capacity FROM resources"):
        resources.append(dict(id=rid, lat=lat, lon=lon, cat=cat, radius=radius, free=max(capacity - held_r.get(rid, 0), 0)))
    return needs, resources


def servable_pairs(needs, resources):
    """Every (need, resource, metres or None) with can_serve true and room free: resources
    with a radius found through a grid of cells at least as wide as the largest radius."""
    cos0 = math.cos(math.radians(CENTRE[0]))
    groups = collections.defaultdict(list)
    for r in resources:
        if r["free"] > 0:
            groups[r["cat"]].append(r)
    grids = {}
    for cat, rs in groups.items():
        anywhere = [r for r in rs if r["radius"] is None]
        reach = [r for r in rs if r["radius"] is not None and r["lat"] is not None]
        cell = max([r["radius"] for r in reach], default=1) * 1.02 + 200  # projection error over a district
        grid = collections.defaultdict(list)
        for r in reach:
            grid[(math.floor(r["lat"] * METRES_PER_DEGREE / cell),
                  math.floor(r["lon"] * METRES_PER_DEGREE * cos0 / cell))].append(r)
        grids[cat] = (anywhere, grid, cell)
    pairs = []
    for n in needs:
        if n["passed"] or n["cat"] not in grids:
            continue
        anywhere, grid, cell = grids[n["cat"]]
        located = n["lat"] is not None
        for r in anywhere:
            if r["id"] in n["excluded"]:
                continue
            d = distance_m(r["lat"], r["lon"], n["lat"], n["lon"]) if located and r["lat"] is not None else None
            pairs.append((n, r, d))
        if not located:
            continue
        y, x = math.floor(n["lat"] * METRES_PER_DEGREE / cell), math.floor(n["lon"] * METRES_PER_DEGREE * cos0 / cell)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for r in grid.get((y + dy, x + dx), ()):
                    if r["id"] in n["excluded"]:
                        continue
                    d = distance_m(r["lat"], r["lon"], n["lat"], n["lon"])
                    if d <= r["radius"]:
                        pairs.append((n, r, d))
    return pairs


def objective(chosen):
    """(vulnerable places, places, days waited, distance units, metres known) of (need, resource, metres)s."""
    v = sum(1 for n, _, _ in chosen if n["vuln"])
    days = sum(min(n["age"], LONGEST_WAIT) for n, _, _ in chosen)
    dist = sum(units(d) for _, _, d in chosen)
    metres = sum(d for _, _, d in chosen if d is not None)
    return v, len(chosen), days, dist, metres


def print_objective(label, obj, extra=""):
    v, t, days, dist, metres = obj
    print(f"{label}: vulnerable places {v}, places {t}, days waited {days}, distance units {dist} "
          f"({metres / 1000:.1f} km known){extra}")


def solve(args):
    import networkx as nx
    started = time.perf_counter()
    today = datetime.date.fromisoformat(args.today)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    needs, resources = load_pool(db, today)
    loaded = time.perf_counter()
    pairs = servable_pairs(needs, resources)
    paired = time.perf_counter()
    wanted = sum(n["open"] for n in {id(n): n for n, _, _ in pairs}.values())
    room = sum(r["free"] for r in resources)
    amount = min(wanted, room)
    # Weights making one solve lexicographic: each outweighs the most all lower terms can add.
    w_days = amount * FARTHEST_UNITS + 1
    w_place = amount * (LONGEST_WAIT * w_days + FARTHEST_UNITS) + 1
    w_vulnerable = amount * (w_place + LONGEST_WAIT * w_days + FARTHEST_UNITS) + 1
    g = nx.DiGraph()
    source, sink = "s", "t"
    g.add_node(source, demand=-amount)
    g.add_node(sink, demand=amount)
    g.add_edge(source, sink, capacity=amount, weight=0)  # what cannot be placed bypasses
    for r in resources:
        if r["free"] > 0:
            g.add_edge(source, ("r", r["id"]), capacity=r["free"], weight=0)
    for n in needs:
        g.add_edge(("n", n["id"]), sink, capacity=n["open"], weight=0)
    for n, r, d in pairs:
        gain = (w_vulnerable if n["vuln"] else 0) + w_place + min(n["age"], LONGEST_WAIT) * w_days
        g.add_edge(("r", r["id"]), ("n", n["id"]), capacity=1, weight=units(d) - gain)
    built = time.perf_counter()
    _, flow = nx.network_simplex(g)
    solved = time.perf_counter()
    chosen = [(n, r, d) for n, r, d in pairs if flow[("r", r["id"])][("n", n["id"])] > 0]
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
    needs, resources = load_pool(db, today, before_run=True)
    by_need = {n["id"]: n for n in needs}
    by_resource = {r["id"]: r for r in resources}
    used_n, used_r, seen, problems, chosen = collections.Counter(), collections.Counter(), set(), [], []
    for nid, rid, stored in rows:
        n, r = by_need.get(nid), by_resource[rid]
        if n is None:
            problems.append(f"need {nid} was not open")
            continue
        d = distance_m(r["lat"], r["lon"], n["lat"], n["lon"]) if n["lat"] is not None and r["lat"] is not None else None
        if (nid, rid) in seen:
            problems.append(f"pair {nid}-{rid} twice")
        seen.add((nid, rid))
        if n["cat"] != r["cat"] or n["passed"] or (r["radius"] is not None and (d is None or d > r["radius"])):
            problems.append(f"pair {nid}-{rid} cannot be served")
        if stored != d:
            problems.append(f"pair {nid}-{rid}: distance {stored} stored, {d} computed")
        used_n[nid] += 1
        used_r[rid] += 1
        chosen.append((n, r, d))
    problems += [f"need {k} over its places" for k, c in used_n.items() if c > by_need[k]["open"]]
    problems += [f"resource {k} over its room" for k, c in used_r.items() if c > by_resource[k]["free"]]
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
    args = parser.parse_args()
    {"generate": generate, "backdate": backdate, "solve": solve, "score": score}[args.command](args)


if __name__ == "__main__":
    main()
