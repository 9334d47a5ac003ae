#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The same commands give the same answers on SQLite and on PostgreSQL.

Runs the demo's commands (scripts/demo.sh: import, build, confirm, award, match, report)
on two copies of the bundled example: one with its kangle.db, one with KANGLE_DB set to
a schema of its own in the PostgreSQL database KANGLE_TEST_DB names (as
scripts/with_postgres.sh sets it). Each command's exit code and output must be the same,
JSON parsed and compared as values, but for where the database is (`check` names it).
Then `db copy` takes the SQLite workspace's database into PostgreSQL and back.

    bash scripts/with_postgres.sh python3 tests/postgres/same_answers.py build/cli/kangle
"""
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHEETS = ROOT / "examples" / "kangjian" / "sheets"

# (arguments, JSON?): the writing commands in the demo's order, each followed by reads.
COMMANDS = [
    (["import", "volunteers", "in/志愿者报名表.csv", "--format", "json"], True),
    (["import", "volunteers", "in/志愿者报名表（第二批）.xlsx", "--format", "json"], True),
    (["volunteers", "list", "--format", "json"], True),
    (["schedule", "build", "--month", "2026-12", "--format", "json"], True),
    (["schedule", "show", "--month", "2026-12", "--format", "json"], True),
    (["schedule", "export", "--month", "2026-12", "--format", "ics"], False),
    (["import", "records", "in/服务记录.csv", "--format", "json"], True),
    (["record", "confirm", "--date", "2026-12-15", "--served", "haircut@09:00=18", "--format", "json"], True),
    (["record", "confirm", "--date", "2026-12-16", "--absent", "王建国", "--instead", "李秀英=梁红梅",
      "--served", "blood-sugar@13:30=26", "--served", "darning@09:00=7", "--format", "json"], True),
    (["record", "confirm", "--date", "2026-12-17", "--format", "json"], True),
    (["points", "award", "--format", "json"], True),
    (["points", "award", "--format", "json"], True),
    (["points", "board", "--month", "2026-12", "--format", "json"], True),
    (["points", "history", "张伟", "--format", "json"], True),
    (["points", "verify", "--format", "json"], True),
    (["import", "needs", "in/需求清单.csv", "--format", "json"], True),
    (["import", "resources", "in/资源清单.csv", "--format", "json"], True),
    (["match", "run", "--format", "json"], True),
    (["match", "gaps", "--format", "json"], True),
    (["match", "claim", "1", "--by", "交通银行康健支行", "--format", "json"], True),
    (["match", "list", "projects", "--format", "json"], True),
    (["report", "month", "2026-12", "--format", "json"], True),
    (["report", "year", "2026", "--format", "json"], True),
    (["check", "--format", "json"], True),
]


def workspace(kangle, folder, env):
    subprocess.run([kangle, "init", str(folder), "--example", "kangjian"], env=env, check=True, capture_output=True)
    shutil.copytree(SHEETS, folder / "in")


def main():
    kangle = str(pathlib.Path(sys.argv[1]).resolve())
    server = os.environ.get("KANGLE_TEST_DB")
    if not server:
        print("same_answers: KANGLE_TEST_DB is not set (run under scripts/with_postgres.sh)", file=sys.stderr)
        return 1
    base = dict(os.environ, KANGLE_NOW="2026-12-31T10:00:00Z", NO_COLOR="1")
    base.pop("KANGLE_DB", None)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_ws = pathlib.Path(tmp) / "sqlite" / "ws"
        postgres_ws = pathlib.Path(tmp) / "postgres" / "ws"
        schema = "same_answers_" + str(os.getpid())
        postgres_env = dict(base, KANGLE_DB=server + ("&" if "?" in server else "?") + "options=-csearch_path%3D" + schema)
        workspace(kangle, sqlite_ws, base)
        workspace(kangle, postgres_ws, postgres_env)
        if (postgres_ws / "kangle.db").exists():
            print("same_answers: init made kangle.db although KANGLE_DB names PostgreSQL", file=sys.stderr)
            return 1
        differences = 0
        for arguments, is_json in COMMANDS:
            answers = []
            for folder, env in ((sqlite_ws, base), (postgres_ws, postgres_env)):
                done = subprocess.run([kangle, *arguments], cwd=folder, env=env, capture_output=True, text=True)
                # Where the database is, as `check` names it, is the one thing meant to differ.
                stdout = done.stdout.replace(env.get("KANGLE_DB", "kangle.db"), "kangle.db")
                output = json.loads(stdout) if is_json and stdout.strip() else stdout
                answers.append((done.returncode, output, done.stderr))
            (sqlite_code, sqlite_out, sqlite_err), (postgres_code, postgres_out, postgres_err) = answers
            if sqlite_code > 1:
                print(f"same_answers: {' '.join(arguments)} failed on SQLite ({sqlite_code}): {sqlite_err}", file=sys.stderr)
                differences += 1
            elif (sqlite_code, sqlite_out) != (postgres_code, postgres_out):
                print(f"same_answers: {' '.join(arguments)} differs: exit {sqlite_code} / {postgres_code}\n"
                      f"  SQLite: {json.dumps(sqlite_out, ensure_ascii=False)[:600]}\n"
                      f"  PostgreSQL: {json.dumps(postgres_out, ensure_ascii=False)[:600]}\n  {postgres_err[:600]}",
                      file=sys.stderr)
                differences += 1
        print(f"same_answers: {len(COMMANDS)} commands, {differences} with different answers")
        differences += round_trip(kangle, sqlite_ws, base, server)
        return 1 if differences else 0


# What a copied database must answer as the original does.
READS = [["volunteers", "list"], ["points", "verify", "--full"], ["points", "board", "--month", "2026-12"],
         ["schedule", "show", "--month", "2026-12"], ["match", "list", "projects"], ["report", "month", "2026-12"],
         ["report", "year", "2026"]]


def round_trip(kangle, folder, env, server):
    """`db copy` of the demo's kangle.db into PostgreSQL and from there into a new SQLite
    file: every row counted, the ledger verified, the same answers from all three; a copy
    into a database that holds data, or into itself, refused. The number of problems."""
    def run(*arguments):
        done = subprocess.run([kangle, *arguments, "--format", "json"], cwd=folder, env=env, capture_output=True, text=True)
        return done.returncode, json.loads(done.stdout) if done.returncode == 0 else done.stderr

    copy = server + ("&" if "?" in server else "?") + "options=-csearch_path%3Dcopy_" + str(os.getpid())
    problems = []
    there = run("db", "copy", "--to", copy)
    back = run("--db", copy, "db", "copy", "--to", "back.db")
    for (code, answer), name in ((there, "into PostgreSQL"), (back, "back into SQLite")):
        if code != 0:
            problems.append(f"db copy {name} failed ({code}): {answer}")
        elif any(t["read"] != t["written"] for t in answer["sections"][0]["tables"][0]["rows"]) or answer["facts"]["rows"] < 400:
            problems.append(f"db copy {name}: {answer['facts']}, {answer['sections'][0]['tables'][0]['rows']}")
    if not problems and (there[1]["facts"]["rows"], there[1]["facts"]["ledger_head"]) != (
            back[1]["facts"]["rows"], back[1]["facts"]["ledger_head"]):
        problems.append(f"db copy: there {there[1]['facts']}, back {back[1]['facts']}")
    # Every row of every table, back in SQLite after PostgreSQL, as it was.
    if not problems:
        tables = {}
        for name in ("kangle.db", "back.db"):
            db = sqlite3.connect(folder / name)
            names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            tables[name] = {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in names}
            db.close()
        for table, rows in tables["kangle.db"].items():
            if tables["back.db"].get(table) != rows:
                problems.append(f"db copy there and back: table {table} differs")
    for read in READS:
        answers = [run(*where, *read) for where in ([], ["--db", copy], ["--db", "back.db"])]
        if any(a != answers[0] for a in answers) or answers[0][0] != 0:
            problems.append(f"{' '.join(read)}: the copies answer otherwise than the original: "
                            f"{[json.dumps(a, ensure_ascii=False)[:300] for a in answers]}")
    for refused, why, said in ((run("db", "copy", "--to", copy), "into a database that holds data", "已有"),
                               (run("db", "copy", "--to", "kangle.db"), "into itself", "正在用的数据库")):
        if refused[0] != 4 or said not in refused[1]:
            problems.append(f"db copy {why} was not refused as such: {refused}")
    for problem in problems:
        print(f"same_answers: {problem}", file=sys.stderr)
    print(f"same_answers: db copy there and back, {len(READS)} reads compared, {len(problems)} problems")
    return len(problems)


if __name__ == "__main__":
    sys.exit(main())
