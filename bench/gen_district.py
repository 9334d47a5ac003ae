#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Makes the inputs of a district's monthly rota: SITES kiosk files and a sign-up
sheet of VOLUNTEERS volunteers, for `kangle schedule build` at any scale.

    python3 bench/gen_district.py SITES VOLUNTEERS OUTDIR [--seed N]

writes OUTDIR/kiosks/kNNN.toml (one a site, to copy into a workspace made by
`kangle init`) and OUTDIR/志愿者报名表.csv (UTF-8, the headers of
docs/import.md), and prints a summary. Deterministic: the same arguments give the
same files. Only the standard library; the ids are those of config/services.toml.

The kiosks are read like the example's (examples/kangjian/kiosks/): opening hours
on weekdays, morning and afternoon for half of them, mornings only for the rest,
some also open on Saturday mornings; 天天见 featured services on most open days
(one or two, so one session per opening range each); a 周周办 market at three
sites in five (a few every other week); a 月月新 themed event with general seats
at seven in ten (on the nth or last weekday, or a day of the month; some in other
months than December); outreach visits to compounds at a third; closures (one
site in twenty-five shut for a week of December, a few more in January).

The volunteers are what a district's sign-ups look like: a quarter with no
particular skill (general seats only), most of the rest with one or two, written
with the aliases people use (护士, 剪发, 智能手机 ...); common skills (nursing, digital
help, barbering, mending) and scarce ones (calibration, shoe repair, counselling,
vets), so that some seats stay empty; availability as people write it (周一上午、
周三下午、周末、工作日、每天、周一至周五上午、周二四 ...); a monthly limit (每月最多班次)
for two in five, the workspace's default (4) for the others; a health certificate
expiry date for a third of the nurses, a few of them running out in December.
"""
import argparse
import csv
import random
from pathlib import Path

MONTH = "2026-12"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰萍红梅建国华志海燕晓东玉凤"
COMPOUND_WORDS = ["丁香", "樱花", "玉兰", "茶花", "桂林", "康乐", "康健", "紫薇", "海棠", "梅陇", "田林", "长桥",
                  "华泾", "虹梅", "漕河", "龙华", "枫林", "斜土", "凌云", "湖南", "天平", "徐家", "宜山", "钦州"]
COMPOUND_ENDS = ["园", "苑", "小区", "新村", "公寓", "花苑", "坊"]
PLACES = ["邻里汇", "党群服务站", "睦邻点", "居委会", "文化活动室", "党建主题园"]
STATUS = ["中共党员", "中共党员", "群众", "群众", "群众", "共青团员", "中共预备党员"]
UNITS = ["", "", "", "社区卫生服务中心", "徐汇区环卫所", "上海师范大学法政学院", "某物业公司", "街道城运中心",
         "工商银行康健支行", "区图书馆", "律师事务所"]

# Skills: (words a sign-up uses for it, weight among the skills people name).
SKILLS = {
    "nurse": (["护士", "医护", "测血压", "医生", "护理", "测血糖"], 14),
    "digital-tutor": (["智能手机", "数字助老", "手机教学", "电脑"], 10),
    "barber": (["理发", "剪发", "美发"], 8),
    "tailor": (["织补", "缝纫", "改衣", "缝补"], 8),
    "handyman": (["修伞", "小修小补"], 8),
    "social-worker": (["社工", "居委干部", "政策宣讲"], 6),
    "knife-grinder": (["磨刀", "磨剪刀"], 5),
    "bicycle-mechanic": (["修车", "自行车修理", "轮椅维修"], 5),
    "electrician": (["家电维修", "电工", "水电维修"], 5),
    "lawyer": (["法律咨询", "律师", "普法"], 5),
    "calligrapher": (["书法", "写春联", "代写书信"], 5),
    "craftsperson": (["非遗", "剪纸", "编织", "手工艺"], 5),
    "tcm": (["中医", "推拿", "养生"], 4),
    "mediator": (["调解", "人民调解员"], 3),
    "watchmaker": (["钟表维修", "修表", "眼镜维修"], 2),
    "locksmith": (["配钥匙", "开锁"], 2),
    "counsellor": (["心理咨询", "心理咨询师", "心理疏导"], 1.2),
    "engineer": (["工程师", "电梯"], 1),
    "pest-control": (["消杀", "消毒"], 0.8),
    "cobbler": (["修鞋", "补鞋"], 0.6),
    "vet": (["宠物医疗", "兽医"], 0.4),
    "calibration": (["计量校验", "血压计校验"], 0.3),
}

# Services a kiosk features on its days (天天见), by how often kiosks choose them.
DAILY = {
    "blood-pressure": 10, "phone-guidance": 8, "haircut": 6, "umbrella-repair": 6, "blood-sugar": 5,
    "darning": 5, "knife-sharpening": 5, "health-advice": 4, "tcm-advice": 4, "legal-advice": 3,
    "bicycle-repair": 4, "appliance-repair": 4, "elderly-companionship": 3, "nail-trimming": 2,
    "policy-advice": 3, "online-services-help": 3, "clothes-alteration": 3, "mediation": 2, "anti-fraud": 2,
    "mental-health": 2, "watch-repair": 2, "glasses-repair": 1, "key-cutting": 2, "shoe-repair": 1.5,
    "letter-writing": 1, "calligraphy": 1, "paper-cutting": 1, "heritage-crafts": 1, "legal-education": 1,
    "sphygmomanometer-check": 1, "family-counselling": 0.5, "parenting-advice": 0.5, "wheelchair-repair": 0.5,
    "elevator-advice": 0.5, "pet-advice": 0.4, "disinfection": 0.4,
}
# A weekly market (周周办) draws from the stalls of the example's 便民服务小集市.
MARKET = ["haircut", "knife-sharpening", "umbrella-repair", "blood-pressure", "sphygmomanometer-check",
          "legal-advice", "key-cutting", "shoe-repair", "watch-repair", "appliance-repair", "phone-guidance",
          "darning", "bicycle-repair", "tcm-advice"]
MARKET_TITLES = ["便民服务小集市", "周末便民集市", "邻里便民日", "红色集市"]
THEMES = [("党员Tall History", []), ("文化plus", ["calligraphy"]), ("心理健康pro", ["mental-health"]),
          ("非遗+党建", ["heritage-crafts"]), ("反诈宣传月", ["anti-fraud"]), ("冬季健康讲座", ["health-advice"]),
          ("数字生活课堂", ["phone-guidance"]), ("写春联送福", ["calligraphy"]), ("法律进社区", ["legal-education"])]
OUTREACH = ["blood-pressure", "haircut", "nail-trimming", "elderly-companionship", "disinfection", "phone-guidance"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
CN_DAY = {"mon": "一", "tue": "二", "wed": "三", "thu": "四", "fri": "五", "sat": "六", "sun": "日"}

MORNING, AFTERNOON = "09:00-11:30", "13:30-16:00"


def weighted(rng, table, k=1):
    """k distinct keys of {key: weight}, drawn by weight."""
    keys, weights = list(table), [table[key] for key in table]
    chosen = []
    while len(chosen) < k:
        key = rng.choices(keys, weights)[0]
        if key not in chosen:
            chosen.append(key)
    return chosen


def toml_list(items):
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def compound(rng):
    return rng.choice(COMPOUND_WORDS) + rng.choice(COMPOUND_ENDS)


def kiosk(rng, number):
    """One kiosk's file, and how many menu entries of each kind it has."""
    home = compound(rng)
    place = rng.choice(PLACES)
    lines = [f"# 第 {number} 号站点（bench/gen_district.py 生成）", "",
             f'name       = "{home}{place}“雷锋亭”"',
             f'name_en    = "Site {number} Lei Feng kiosk"',
             f'short_name = "{home}{number}"',
             f'address    = "{home}{place}"',
             f"location   = {{ lat = {31.10 + rng.random() * 0.12:.4f}, lon = {121.36 + rng.random() * 0.14:.4f} }}",
             'pledge     = "服务公约：热情、规范、守时、便民"', ""]
    # Opening hours: both ranges on weekdays (half), mornings only (the rest); a fifth
    # also open on Saturday mornings; a tenth shut on one weekday.
    both = rng.random() < 0.5
    days = list(WEEKDAYS)
    if rng.random() < 0.1:
        days.remove(rng.choice(days))
    lines.append("[hours]")
    weekday_hours = f'["{MORNING}", "{AFTERNOON}"]' if both else f'"{MORNING}"'
    if len(days) == 5:
        lines.append(f"mon-fri = {weekday_hours}")
    else:
        lines += [f"{d} = {weekday_hours}" for d in days]
    saturday = rng.random() < 0.2
    if saturday:
        lines.append(f'sat = "{MORNING}"')
        days.append("sat")
    lines.append("")
    counts = {"daily": 0, "weekly": 0, "monthly": 0, "outreach": 0, "closure": 0}

    # 天天见: one or two featured services on four open days in five.
    for day in days:
        if rng.random() < 0.2:
            continue
        services = weighted(rng, DAILY, 1 if rng.random() < 0.6 else 2)
        lines += ["[[daily]]", f'on       = "{day}"', f"services = {toml_list(services)}", ""]
        counts["daily"] += 1

    # 周周办: a market every week (a few every other week) at three sites in five.
    if rng.random() < 0.6:
        day = rng.choice(["thu", "sat", "wed", "tue"])
        on = day
        if rng.random() < 0.15:
            on = f"every 2 weeks from 2026-12-{ {'tue': 1, 'wed': 2, 'thu': 3, 'sat': 5}[day]:02d}"
        stalls = rng.sample(MARKET, rng.randint(3, 6))
        lines += ["[[weekly]]", f'on       = "{on}"', 'time     = "08:30-11:30"',
                  f'title    = "{rng.choice(MARKET_TITLES)}"', f"services = {toml_list(stalls)}", ""]
        counts["weekly"] += 1

    # 月月新: a themed event with general seats; some sites hold theirs in other months.
    if rng.random() < 0.7:
        title, services = rng.choice(THEMES)
        on = rng.choice(["last thu", "last fri", "2nd sat", "3rd wed", "1st tue", "day 15"])
        entry = ["[[monthly]]", f'on     = "{on}"', f'at     = "{home}{rng.choice(["活动室", "二楼", "广场"])}"',
                 'time   = "14:00-16:00"', f'title  = "{title}"', f"seats  = {{ general = {rng.randint(2, 6)} }}"]
        if services:
            entry.append(f"services = {toml_list(services)}")
        if rng.random() < 0.25:
            entry.append(f"months = {rng.choice(['[3, 6, 9, 12]', '[1, 5, 9]', '[2, 6, 10]', '[4, 8, 12]'])}")
        lines += entry + [""]
        counts["monthly"] += 1

    # 送服务上门: a visit to a compound, at a third of the sites.
    if rng.random() < 0.33:
        lines += ["[[outreach]]", f'on       = "{rng.choice(["2nd tue", "1st wed", "3rd thu", "last mon"])}"',
                  f'at       = "{compound(rng)}"', 'time     = "09:00-11:00"',
                  f"services = {toml_list(rng.sample(OUTREACH, rng.randint(1, 2)))}", ""]
        counts["outreach"] += 1

    # Closures: a week of December at one site in twenty-five, other months at some more.
    r = rng.random()
    if r < 0.04:
        start = rng.randint(1, 21)
        lines += ["[[closure]]", f"from   = 2026-12-{start:02d}", f"to     = 2026-12-{start + 6:02d}",
                  'reason = "装修"', ""]
        counts["closure"] += 1
    elif r < 0.10:
        lines += ["[[closure]]", "from   = 2027-01-10", "to     = 2027-01-20", 'reason = "设备更新"', ""]
    return "\n".join(lines), counts


# How people write when they can serve: (text, weight).
AVAILABILITY = [
    ("工作日", 10), ("每天", 6), ("周末", 8), ("工作日上午", 8), ("周一至周五上午", 4), ("周一至周五下午", 3),
    ("周一三五", 3), ("周二四", 3), ("周一上午、周三下午", 4), ("周二、周四上午", 4), ("周六上午", 3), ("晚上", 2),
]


def availability(rng):
    r = rng.random()
    if r < 0.55:
        return rng.choices([a for a, _ in AVAILABILITY], [w for _, w in AVAILABILITY])[0]
    # Two or three days and parts, as people list them: 周一上午、周三下午、周五
    picks = rng.sample(WEEKDAYS + ["sat", "sun"], rng.randint(1, 3))
    parts = [f"周{CN_DAY[d]}{rng.choice(['', '上午', '上午', '下午'])}" for d in picks]
    if rng.random() < 0.2:
        parts.append("周末")
    return "、".join(parts)


def volunteers(rng, count):
    skill_weights = {k: w for k, (_, w) in SKILLS.items()}
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        r = rng.random()
        n_skills = 0 if r < 0.25 else 1 if r < 0.75 else 2 if r < 0.95 else 3
        skills = weighted(rng, skill_weights, n_skills)
        words = "、".join(rng.choice(SKILLS[s][0]) for s in skills)
        limit = rng.choice([1, 2, 2, 3, 4, 6, 8]) if rng.random() < 0.4 else ""
        expires = ""
        if "nurse" in skills and rng.random() < 0.33:
            # Mostly valid all month; a few running out in December, a few already out.
            expires = rng.choice(["2027-06-30", "2027-03-31", "2027-12-31", "2026-12-15", "2026-11-30"])
        yield [i + 1, name, f"139{i:08d}", rng.choice(STATUS), rng.choice(UNITS), compound(rng), words,
               availability(rng), limit, expires, ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", type=int)
    parser.add_argument("volunteers", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=2026_12)
    args = parser.parse_args()
    if not 1 <= args.sites <= 999 or args.volunteers < 1 or args.volunteers > 99_999_999:
        parser.error("SITES must be 1..999 and VOLUNTEERS 1..99,999,999")

    rng = random.Random(args.seed)
    kiosks = args.outdir / "kiosks"
    kiosks.mkdir(parents=True, exist_ok=True)
    for old in kiosks.glob("*.toml"):
        old.unlink()
    totals = {"daily": 0, "weekly": 0, "monthly": 0, "outreach": 0, "closure": 0}
    for n in range(1, args.sites + 1):
        text, counts = kiosk(rng, n)
        (kiosks / f"k{n:03d}.toml").write_text(text, encoding="utf-8")
        for k, v in counts.items():
            totals[k] += v

    rng = random.Random(args.seed + 1)  # the volunteers do not depend on the number of sites
    sheet = args.outdir / "志愿者报名表.csv"
    skilled = 0
    with open(sheet, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([f"志愿者报名表（{MONTH}，bench/gen_district.py 生成）"] + [""] * 10)
        w.writerow(["序号", "姓名", "联系电话", "政治面貌", "所在单位", "居民区", "特长技能", "可服务时间",
                    "每月最多班次", "健康证有效期", "备注"])
        for row in volunteers(rng, args.volunteers):
            skilled += bool(row[6])
            w.writerow(row)
    print(f"wrote {args.sites} kiosks to {kiosks} ({totals['daily']} daily entries, {totals['weekly']} weekly "
          f"markets, {totals['monthly']} themed events, {totals['outreach']} outreach visits, "
          f"{totals['closure']} closed for a week of December)")
    print(f"wrote {args.volunteers} volunteers to {sheet} ({skilled} with a particular skill)")


if __name__ == "__main__":
    main()
