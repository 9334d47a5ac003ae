#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Two coordinators at once: writing commands that race on one database lose nothing
and double nothing, on SQLite and on PostgreSQL.

Under PostgreSQL's default READ COMMITTED, two `match run`s would each propose a project
for the same need, two `points award`s would each credit the same records, a `schedule
build` would throw away a `schedule lock` made meanwhile, and two coordinators could both
move a project out of "proposed". kangle writes one command at a time on both databases
(lib/storage: BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so each race
must end as if the two commands had run one after the other.

Each race runs ROUNDS times on a fresh workspace of the demo, both commands started
together; the workspace's database is kangle.db, and then a schema of its own in
KANGLE_TEST_DB's database when that is set (scripts/with_postgres.sh sets it).

    bash scripts/with_postgres.sh python3 tests/postgres/at_once.py build/cli/kangle [ROUNDS]
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
MONTH = "2026-12"


class Workspace:
    """A demo workspace on one database; `kangle(...)` runs a command in it."""

    def __init__(self, kangle, folder, env):
        self.binary, self.folder, self.env = kangle, folder, env
        subprocess.run([kangle, "init", str(folder), "--example", "kangjian"], env=env, check=True,
                       capture_output=True)
        shutil.copytree(SHEETS, folder / "in")

    def start(self, *arguments):
        return subprocess.Popen([self.binary, *arguments], cwd=self.folder, env=self.env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def kangle(self, *arguments):
        done = subprocess.run([self.binary, *arguments], cwd=self.folder, env=self.env, capture_output=True,
                              text=True)
        if done.returncode > 1:
            raise RuntimeError(f"kangle {' '.join(arguments)} failed ({done.returncode}): {done.stderr}")
        return json.loads(done.stdout) if "--format" in arguments and "json" in arguments else done.stdout

    def rows(self, *arguments):
        """Every row of every table of a JSON document."""
        document = self.kangle(*arguments, "--format", "json")
        return [row for section in document["sections"] for table in section["tables"] for row in table["rows"]]


def together(workspace, first, second):
    """Starts both commands at once; their (exit code, stderr), in order."""
    running = [workspace.start(*first), workspace.start(*second)]
    return [(process.communicate()[1], process.returncode)[::-1] for process in running]


def demo(workspace, *steps):
    for step in steps:
        workspace.kangle(*step)


VOLUNTEERS = ("import", "volunteers", "in/志愿者报名表.csv")
LISTS = (("import", "needs", "in/需求清单.csv"), ("import", "resources", "in/资源清单.csv"))
BUILT = ("schedule", "build", "--month", MONTH)
CONFIRMED = (("import", "records", "in/服务记录.csv"), ("record", "confirm", "--date", "2026-12-15"))


def two_match_runs(workspace):
    demo(workspace, VOLUNTEERS, *LISTS)
    exits = together(workspace, ("match", "run"), ("match", "run"))
    problems = [f"match run failed ({code}): {err}" for code, err in exits if code != 0]
    projects = workspace.rows("match", "list", "projects")
    needs = [p["requester"] + p["description"] for p in projects]
    if len(set(needs)) != len(needs) or not needs:
        problems.append(f"a need has two projects, or none was proposed: {sorted(needs)}")
    return problems, len(projects)


def two_awards(workspace):
    demo(workspace, VOLUNTEERS, BUILT, *CONFIRMED)
    exits = together(workspace, ("points", "award"), ("points", "award"))
    problems = [f"points award failed ({code}): {err}" for code, err in exits if code != 0]
    verified = workspace.kangle("points", "verify", "--format", "json")["facts"]
    if not verified["passed"] or verified["entries"] == 0:
        problems.append(f"points verify fails, or nothing was awarded, after two awards at once: {verified}")
    again = workspace.kangle("points", "award", "--format", "json")["facts"]
    if again["entries"] != 0:
        problems.append(f"a third award still found {again['entries']} entries to make")
    return problems, verified["entries"]


def build_against_lock(workspace):
    """The lock holds whichever came first: the person keeps every locked seat, and a
    locked seat is one they hold."""
    demo(workspace, VOLUNTEERS, BUILT)
    person = next(r for r in workspace.rows("schedule", "show", "--month", MONTH) if r["volunteers"])["volunteers"][0]
    exits = together(workspace, BUILT, ("schedule", "lock", "--month", MONTH, "--person", person))
    problems = [f"build or lock failed ({code}): {err}" for code, err in exits if code != 0]
    rota = workspace.rows("schedule", "show", "--month", MONTH)
    held = sum(r["volunteers"].count(person) for r in rota)
    locked = [name for r in rota for name in r["locked"]]
    if held == 0 or locked.count(person) != held or len(locked) != held:
        problems.append(f"{person} holds {held} seats, {locked.count(person)} of them locked; locked: {locked}")
    return problems, held


def two_moves(workspace):
    """One coordinator claims project 1, another declines it: exactly one wins."""
    demo(workspace, VOLUNTEERS, *LISTS, ("match", "run"))
    exits = together(workspace, ("match", "claim", "1", "--by", "甲"), ("match", "decline", "1", "--by", "乙", "--reason", "人手不够"))
    problems = []
    if sorted(code for code, _ in exits) != [0, 3]:
        problems.append(f"claim and decline at once ended {exits}, not one of each")
    events = workspace.rows("match", "show", "1")
    if [e["from"] for e in events] != [None, "proposed"]:
        problems.append(f"project 1 moved out of proposed {len(events) - 1} times: {events}")
    # Either may win; which one did is the race's, not an answer to compare between rounds.
    return problems, len(events)


RACES = (("two match runs", two_match_runs), ("two awards", two_awards),
         ("a build against a lock", build_against_lock), ("a claim against a decline", two_moves))


def main():
    kangle = str(pathlib.Path(sys.argv[1]).resolve())
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    base = dict(os.environ, KANGLE_NOW="2026-12-31T10:00:00Z", NO_COLOR="1", LANG="C.UTF-8")
    base.pop("KANGLE_DB", None)
    databases = [("SQLite", lambda name: base)]
    server = os.environ.get("KANGLE_TEST_DB")
    if server:
        joiner = "&" if "?" in server else "?"
        databases.append(("PostgreSQL", lambda name: dict(
            base, KANGLE_DB=f"{server}{joiner}options=-csearch_path%3D{name}_{os.getpid()}")))
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for database, env_for in databases:
            for title, race in RACES:
                outcomes = set()
                for round_ in range(rounds):
                    name = f"{race.__name__}_{round_}"
                    workspace = Workspace(kangle, pathlib.Path(tmp) / database / name, env_for(name))
                    found, outcome = race(workspace)
                    outcomes.add(outcome)
                    problems += [f"{database}, {title}, round {round_ + 1}: {p}" for p in found]
                # Serial runs give one answer; racing ones must give the same, every time.
                if len(outcomes) != 1:
                    problems.append(f"{database}, {title}: the rounds ended differently: {sorted(map(str, outcomes))}")
                print(f"at_once: {database}, {title}: {rounds} rounds, ended {sorted(map(str, outcomes))}")
    for problem in problems:
        print(f"at_once: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
