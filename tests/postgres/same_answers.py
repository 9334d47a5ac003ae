#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The same commands give the same answers on SQLite and on PostgreSQL.

Runs the demo's commands (scripts/demo.sh: import, build, confirm, award, match, report)
on two copies of the bundled example: one with its kangle.db, one with KANGLE_DB set to
a schema of its own in the PostgreSQL database KANGLE_TEST_DB names (as
scripts/with_postgres.sh sets it). Each command's exit code and output must be the same,
JSON parsed and compared as values, but for where the database is (`check` names it).

    bash scripts/with_postgres.sh python3 tests/postgres/same_answers.py build/cli/kangle
"""
import json
import os
import pathlib
import shutil
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
        return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
