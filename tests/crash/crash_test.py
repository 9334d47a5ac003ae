#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Crash safety: kills kangle with SIGKILL at many moments of each writing command,
then checks that `kangle check` passes and that the workspace holds exactly the
state before the command or after it, never one between; a report written with -o
is the old file or the complete new one. Then two imports and a points award at
once, a reader listing the volunteers meanwhile: all finish, nothing is lost or
doubled, the reader never sees part of an import.

    python3 tests/crash/crash_test.py --kangle build/cli/kangle [--kills 8] [--rows 60000]

For each command: a workspace is prepared, its database summed up (every row of
every table); the command runs once uncut on a copy, which gives the state after
and how long it takes; then on fresh copies it is killed at even fractions of that
time. Timed kills need no hook in the binary: what a user's machine losing power
does is what is tested. The sums leave out nothing (ids, timestamps): KANGLE_NOW
fixes the time of the run, December's last day, so its records have happened.

With --postgres URL, each workspace's database is a schema of its own in that PostgreSQL
database (KANGLE_DB), copied with pg_dump and summed up with psql: a client killed
midway must leave the server's data as before, its transaction rolled back.

    bash scripts/with_postgres.sh sh -c 'python3 tests/crash/crash_test.py --kangle build/cli/kangle --postgres "$KANGLE_TEST_DB"'"""
import argparse
import hashlib
import re
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ENV = dict(os.environ, KANGLE_NOW="2026-12-31T10:00:00Z", LANG="C.UTF-8", NO_COLOR="1", TZ="Asia/Shanghai")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


class SQLiteFiles:
    """Each workspace's database is its kangle.db."""

    def env(self, workspace):
        return ENV

    def copy(self, source, target):
        shutil.copytree(source, target)

    def execute(self, workspace, sql):
        db = sqlite3.connect(os.path.join(workspace, "kangle.db"))
        db.execute(sql)
        db.commit()
        db.close()

    def count(self, workspace, table):
        db = sqlite3.connect(os.path.join(workspace, "kangle.db"))
        count = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        db.close()
        return count

    def state(self, workspace):
        """Every row of every table of the workspace's database, as one digest."""
        db = sqlite3.connect(os.path.join(workspace, "kangle.db"))
        total = hashlib.sha256()
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            rows = sorted(repr(row) for row in db.execute(f'SELECT * FROM "{table}"'))
            total.update(f"{table}:{len(rows)}\n".encode())
            for row in rows:
                total.update(row.encode())
        db.close()
        return total.hexdigest()


class PostgresSchemas:
    """Each workspace's database is a schema of its own, named after the workspace's
    folder, in the PostgreSQL database SERVER names."""

    def __init__(self, server):
        self.server = server
        self.dumps = {}  # a scenario's base, dumped once: it does not change once copied

    @staticmethod
    def schema(workspace):
        """crash_<scenario>_<copy>: the harness's folders are <scenario>/<copy>."""
        scenario, copy = os.path.split(os.path.normpath(workspace))
        return re.sub(r"[^a-z0-9_]", "_", f"crash_{os.path.basename(scenario)}_{copy}".lower())

    def env(self, workspace):
        joiner = "&" if "?" in self.server else "?"
        return dict(ENV, KANGLE_DB=f"{self.server}{joiner}options=-csearch_path%3D{self.schema(workspace)}")

    def psql(self, sql, stdin=None, flags=()):
        done = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", self.server, "-c", sql]
                              if sql else ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *flags, "-d", self.server],
                              input=stdin, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"crash_test: psql failed: {done.stderr}")
        return done.stdout

    def copy(self, source, target):
        shutil.copytree(source, target)
        if source not in self.dumps:
            self.dumps[source] = subprocess.run(["pg_dump", "--no-owner", "--schema", self.schema(source), "-d", self.server],
                                                capture_output=True, text=True, check=True).stdout
        dump = self.dumps[source]
        # Only copies of a scenario's base are made: crash_<scenario>_base is part of no other word.
        self.psql(None, dump.replace(self.schema(source), self.schema(target)))

    def execute(self, workspace, sql):
        self.psql(f"SET search_path TO {self.schema(workspace)}; {sql}")

    def count(self, workspace, table):
        return int(self.psql(f'SELECT count(*) FROM {self.schema(workspace)}."{table}"'))

    def state(self, workspace):
        """Every row of every table of the schema, as one digest: in one psql, which writes
        the query over the tables (\\gexec), each table named on a row of its own."""
        schema = self.schema(workspace)
        lines = self.psql(None, "SELECT string_agg(format('SELECT %L, NULL UNION ALL SELECT %L, md5(t::text) FROM %I.%I t', "
                                "table_name, table_name, table_schema, table_name), ' UNION ALL ') "
                                "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                                f"AND table_schema = '{schema}' \\gexec\n", flags=["-At"]).splitlines()
        rows = sorted(line.split("|", 1) for line in lines)
        tables = sorted(name for name, row in rows if not row)
        total = hashlib.sha256()
        for table in tables:
            mine = [row for name, row in rows if name == table and row]
            total.update(f"{table}:{len(mine)}\n".encode())
            for row in mine:
                total.update(row.encode())
        return total.hexdigest()


DATABASE = SQLiteFiles()


def command_line(binary, workspace, args):
    """`kangle -w WORKSPACE ARGS`, "{ws}" in ARGS standing for the workspace's folder."""
    return [binary, "-w", workspace, *(a.replace("{ws}", workspace) for a in args)]


def kangle(binary, workspace, *args, check=True):
    done = subprocess.run(command_line(binary, workspace, args), env=DATABASE.env(workspace), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    if check and done.returncode not in (0, 1):  # 1: some rows rejected, on purpose in the samples
        sys.exit(f"crash_test: kangle {' '.join(args)} failed ({done.returncode}):\n{done.stdout.decode()}")
    return done


def signups(path, rows, offset=0):
    """A sign-up sheet of ROWS volunteers (UTF-8 CSV), big enough to be cut midway; phones
    from the OFFSET-th on, so that two sheets can hold different people."""
    skills = ["理发", "护士", "织补", "磨刀", "修伞", "钟表维修", "法律咨询", "测血压"]
    times = ["周一上午", "周二下午", "周三", "周四上午", "周五", "周末", "工作日上午", "每天"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("姓名,联系电话,政治面貌,所在单位,特长技能,可服务时间,每月最多班次\n")
        for i in range(offset, offset + rows):
            f.write(f"志愿者{i},{13900000000 + i * 7},{'中共党员' if i % 3 == 0 else '群众'},单位{i % 40},"
                    f"{skills[i % 8]}、{skills[(i * 5) % 8]},{times[i % 8]},{1 + i % 6}\n")


def prepare(binary, folder, setup):
    workspace = os.path.join(folder, "base")
    subprocess.run([binary, "init", workspace, "--example", "kangjian"], env=DATABASE.env(workspace), check=True,
                   stdout=subprocess.DEVNULL)
    for args in setup:
        kangle(binary, workspace, *args)
    return workspace


def run_cut(binary, workspace, args, after_seconds):
    """Starts the command and kills it with SIGKILL after `after_seconds`; whether it
    was still running then."""
    process = subprocess.Popen(command_line(binary, workspace, args), env=DATABASE.env(workspace), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + after_seconds
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.001)
    running = process.poll() is None
    if running:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return running


def add_halfway_plugin(workspace):
    """A plugin that writes in twenty transactions, a pause between each: what a command
    that is not atomic does. The harness must catch it between."""
    DATABASE.execute(workspace, "CREATE TABLE halfway (step INTEGER)")
    plugin = os.path.join(workspace, "plugins", "kangle-halfway")
    os.makedirs(os.path.dirname(plugin))
    with open(plugin, "w") as f:
        f.write("#!/usr/bin/python3\nimport os, sqlite3, subprocess, time\n"
                "server = os.environ.get('KANGLE_DB')\n"
                "db = None if server else sqlite3.connect(os.path.join(os.environ['KANGLE_WORKSPACE'], 'kangle.db'))\n"
                "for step in range(20):\n"
                "    if server:\n"
                "        subprocess.run(['psql', '-X', '-q', '-d', server, '-c', f'INSERT INTO halfway VALUES ({step})'])\n"
                "    else:\n"
                "        db.execute('INSERT INTO halfway VALUES (?)', (step,)); db.commit()\n"
                "    time.sleep(0.02)\n")
    os.chmod(plugin, 0o755)


def scenario(binary, folder, name, setup, args, kills, output=None, hook=None):
    """Kills `kangle ARGS` at `kills` moments; returns (cut midway, problems)."""
    base = prepare(binary, os.path.join(folder, name), setup)
    if hook:
        hook(base)
    before = DATABASE.state(base)
    old_report = None
    if output:
        old_report = os.path.join(base, output)
        with open(old_report, "w", encoding="utf-8") as f:
            f.write("the report of an earlier night\n")
    whole = os.path.join(folder, name, "whole")
    DATABASE.copy(base, whole)
    started = time.monotonic()
    kangle(binary, whole, *args)
    seconds = time.monotonic() - started
    after = DATABASE.state(whole)
    problems = []
    new_report = open(os.path.join(whole, output), "rb").read() if output else None
    if after == before and not output:
        problems.append(f"{name}: the command changed nothing, so cutting it tests nothing")
    cut = 0
    for k in range(1, kills + 1):
        copy = os.path.join(folder, name, f"cut{k}")
        DATABASE.copy(base, copy)
        if run_cut(binary, copy, args, seconds * k / (kills + 1)):
            cut += 1
        checked = kangle(binary, copy, "check", check=False)
        if checked.returncode != 0:
            problems.append(f"{name}, cut {k}: kangle check fails:\n{checked.stdout.decode()}")
        now = DATABASE.state(copy)
        if now not in (before, after):
            problems.append(f"{name}, cut {k} at {seconds * k / (kills + 1):.3f} s: the database is between "
                            "the states before and after the command")
        if output:
            got = open(os.path.join(copy, output), "rb").read()
            if got not in (open(old_report, "rb").read(), new_report):
                problems.append(f"{name}, cut {k}: {output} is neither the old report nor the new one")
        shutil.rmtree(copy)
    print(f"{name}: {seconds:.3f} s uncut; {cut} of {kills} kills landed while it ran")
    return cut, problems


def two_at_once(binary, folder, rows):
    """Two imports and a points award at once, a reader during them: each writer
    finishes (one waits for the other), nothing is lost or doubled, and the reader
    sees the volunteers before or after an import, never part of one."""
    base = prepare(binary, os.path.join(folder, "together"), [])
    first, second = os.path.join(folder, "first.csv"), os.path.join(folder, "second.csv")
    half = rows // 2
    signups(first, half)
    signups(second, half, offset=half)
    writers = [subprocess.Popen(command_line(binary, base, args), env=DATABASE.env(base), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
               for args in (["import", "volunteers", first], ["import", "volunteers", second], ["points", "award"])]
    seen = set()
    while any(w.poll() is None for w in writers):
        listed = kangle(binary, base, "volunteers", "list", "--format", "csv", check=False)
        if listed.returncode == 0:
            seen.add(listed.stdout.decode().count("\n") - 1)
    problems = []
    for w, name in zip(writers, ("the first import", "the second import", "points award")):
        out = w.communicate()[0].decode()
        if w.returncode != 0:
            problems.append(f"two at once: {name} failed ({w.returncode}):\n{out}")
    count = DATABASE.count(base, "volunteers")
    if count != 2 * half:
        problems.append(f"two at once: {count} volunteers after two imports of {half:,} different people")
    if not seen or not seen <= {0, half, 2 * half}:
        problems.append(f"two at once: a reader saw {sorted(seen)} volunteers, part of an import")
    if kangle(binary, base, "check", check=False).returncode != 0:
        problems.append("two at once: kangle check fails afterwards")
    print(f"two at once: both imports and the award finished; a reader saw {sorted(seen)} volunteers")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kangle", required=True)
    parser.add_argument("--kills", type=int, default=8)
    # The big sheet's rows. A sanitizer build runs kangle some ten times slower and passes
    # a tenth: the two imports at once must still end within the 10 s a writer waits.
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--postgres", metavar="URL", help="each workspace's database a schema in this database")
    args = parser.parse_args()
    global DATABASE
    if args.postgres:
        DATABASE = PostgresSchemas(args.postgres)
    binary = os.path.abspath(args.kangle)
    sheets = os.path.join(ROOT, "examples", "kangjian", "sheets")
    with tempfile.TemporaryDirectory(prefix="kangle-crash-") as folder:
        big = os.path.join(folder, "signups.csv")
        signups(big, args.rows)
        volunteers = ("import", "volunteers", os.path.join(folder, "example-signups.csv"))
        shutil.copy(os.path.join(sheets, "志愿者报名表.csv"), volunteers[2])
        for sheet in ("服务记录.csv", "需求清单.csv", "资源清单.csv"):
            shutil.copy(os.path.join(sheets, sheet), os.path.join(folder, sheet))
        records = ("import", "records", os.path.join(folder, "服务记录.csv"))
        built = ("schedule", "build", "--month", "2026-12")
        lists = [("import", "needs", os.path.join(folder, "需求清单.csv")),
                 ("import", "resources", os.path.join(folder, "资源清单.csv"))]
        cases = [
            ("import", [], ["import", "volunteers", big], None),
            ("schedule", [("import", "volunteers", big)], ["schedule", "build", "--month", "2026-12"], None),
            ("award", [volunteers, records, ("schedule", "build", "--month", "2026-12"),
                       ("record", "confirm", "--date", "2026-12-15")], ["points", "award"], None),
            ("match", [volunteers, *lists], ["match", "run"], None),
            ("report", [volunteers, records], ["report", "month", "2026-12", "-o", "{ws}/月报.md"], "月报.md"),
            # What volunteers were told, and the calendars handed out, are recorded with them.
            ("notify", [volunteers, built, ("schedule", "publish", "--month", "2026-12")],
             ["schedule", "notify", "--date", "2026-12-15"], None),
            ("calendar", [volunteers, built], ["schedule", "export", "--month", "2026-12", "-o", "{ws}/轮值.ics"],
             "轮值.ics"),
        ]
        problems, cut_import = [], 0
        for name, setup, command, output in cases:
            cut, found = scenario(binary, folder, name, setup, command, args.kills, output)
            problems += found
            if name == "import":
                cut_import = cut
        if cut_import == 0:
            problems.append("no kill landed during the big import: the test cut nothing")
        problems += two_at_once(binary, folder, args.rows)
        # The harness itself: a command that is not atomic must be caught between. Its
        # writes come after kangle's start, half of its run under the sanitizers: at least
        # 8 kills, close enough that some land among them (3 there once all missed).
        _, caught = scenario(binary, folder, "halfway", [], ["halfway"], max(args.kills, 8), hook=add_halfway_plugin)
        if not any("between" in c for c in caught):
            problems.append("a plugin writing in twenty transactions was never caught between: "
                            "the harness cannot see a half-written workspace")
    return report(problems)


def report(problems):
    for problem in problems:
        print(f"crash_test: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
