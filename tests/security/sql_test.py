#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""SQL only through prepared statements with bound parameters: no value is ever
pasted into SQL text. Reads every C++ file of lib/ and cli/ and, in each statement
that holds SQL, allows only string literals and the named column lists and
expressions that are themselves literals (ALLOWED) to be joined with `+`; no
fmt::format, no std::to_string, no stream. cli/ holds no SQL at all.

Every table is owned by one store (OWNERS): only that file writes it. Another file
may read it only where READERS says so: the report's figures and the honour board
read across areas, `check` reads every table to verify the workspace.

    python3 tests/security/sql_test.py [ROOT]

Exits 1 naming file, line and the operand at fault."""
import pathlib
import re
import sys

SQL = re.compile(r'"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH|REPLACE)\b')
# Constants made of literals only, defined beside the statements that use them (`dated_rows`:
# one of two literals, by the schema's version).
ALLOWED = re.compile(r"^(\w+_columns|weighted_satisfaction|dated_rows|STR|std::string\((STR\s*)+\))$")
# Integers the code sets itself, never a value from outside, each in its one file: the schema
# version it counts and the page cache a command asks for. The only formatted statements.
FORMATTED_EXCEPTIONS = {
    "PRAGMA user_version": "lib/storage/database.cpp",
    "PRAGMA cache_size": "lib/storage/sqlite_driver.cpp",
}
# InsertRows' statements on SQLite: the table and columns its caller wrote (a literal, checked
# in the caller's file: "INSERT INTO table (column, ...)"), then a placeholder for each value.
JOINED_EXCEPTIONS = {
    "INSERT OR FAIL INTO": "lib/storage/sqlite_driver.cpp",
}
# Files whose SQL names tables and columns read from the database's own catalogue, quoted
# (`db copy` copies every table): names formatted in, values still only bound.
NAMES_FROM_CATALOGUE = ("lib/storage/copy.cpp",)
OPERAND = r"[A-Za-z_][\w:.]*(?:\([^()]*\))?"


def statements(text):
    """(line, code with literals as STR, raw code) for each statement, comments removed."""
    code = re.sub(r"//[^\n]*", "", text)
    code = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), code, flags=re.S)
    line = 1
    for raw in re.split(r"(?<=;)", code):
        stripped = re.sub(r'R"sql\(.*?\)sql"', "STR", raw, flags=re.S)
        stripped = re.sub(r'"(?:\\.|[^"\\])*"', "STR", stripped)
        yield line + raw[: len(raw) - len(raw.lstrip())].count("\n"), stripped, raw
        line += raw.count("\n")


# What the test must catch, each in a file of lib/: it checks itself on these first.
MUST_CATCH = [
    'storage::Statement q(db, "SELECT * FROM volunteers WHERE name = \'" + name + "\'");',
    'db.exec(fmt::format("DELETE FROM needs WHERE id = {}", id));',
    'std::string sql = "UPDATE projects SET unit = \'" + unit;',
    'auto q = "SELECT id FROM needs WHERE code = " + std::to_string(code);',
]


# table -> the one file that writes it (schema and triggers live in storage/migrations.cpp and
# storage/postgres_schema.cpp).
OWNERS = {
    "volunteers": "lib/people/store.cpp",
    "volunteer_skills": "lib/people/store.cpp",
    "volunteer_blackouts": "lib/people/store.cpp",
    "volunteer_changes": "lib/people/store.cpp",
    "needs": "lib/lists/store.cpp",
    "resources": "lib/lists/store.cpp",
    "projects": "lib/match/projects.cpp",
    "project_events": "lib/match/projects.cpp",
    "project_volunteers": "lib/match/projects.cpp",
    "rota_builds": "lib/schedule/store.cpp",
    "rota_seats": "lib/schedule/store.cpp",
    "rota_publications": "lib/schedule/store.cpp",
    "rota_published_seats": "lib/schedule/store.cpp",
    "notifications": "lib/schedule/notify.cpp",
    "calendar_events": "lib/schedule/ics.cpp",
    "service_records": "lib/records/store.cpp",
    "record_volunteers": "lib/records/store.cpp",
    "granted_hours": "lib/records/store.cpp",
    "rota_confirmations": "lib/records/store.cpp",
    "points_ledger": "lib/points/ledger.cpp",
    "points_ledger_head": "lib/points/ledger.cpp",
    "imports": "lib/import/pipeline.cpp",
}
# file -> the other areas' tables it reads (never writes).
READERS = {
    "lib/report/figures.cpp": "*",
    "lib/workspace/check.cpp": "*",
    "lib/points/board.cpp": {"volunteers", "service_records", "record_volunteers", "granted_hours", "points_ledger"},
    "lib/records/store.cpp": {"volunteers"},
    "lib/schedule/store.cpp": {"volunteers"},
    "lib/schedule/notify.cpp": {"volunteers", "rota_seats", "rota_publications"},
    "lib/match/run.cpp": {"needs", "resources"},
    "lib/match/projects.cpp": {"needs", "resources"},
}
NOT_STORES = ("lib/storage/migrations.cpp", "lib/storage/postgres_schema.cpp", "lib/core/i18n.cpp", *NAMES_FROM_CATALOGUE)
WRITES = re.compile(r"\b(?:INSERT(?: OR \w+)? INTO|REPLACE INTO|UPDATE|DELETE FROM)\s+(\w+)")
READS = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)")


def sql_text(text):
    """The string literals of `text`, comments removed: where its SQL is."""
    code = re.sub(r"//[^\n]*", "", text)
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    return "\n".join(re.findall(r'R"sql\((.*?)\)sql"', code, flags=re.S) + re.findall(r'"((?:\\.|[^"\\])*)"', code))


def ownership_problems(relative, text):
    """Tables `relative` writes without owning them, or reads without leave."""
    name = relative.as_posix()
    if name in NOT_STORES or not name.startswith("lib/"):
        return []
    found = []
    literals = sql_text(text)
    for table in sorted(set(WRITES.findall(literals)) & OWNERS.keys()):
        if OWNERS[table] != name:
            found.append(f"{name}: writes {table}, which {OWNERS[table]} owns")
    allowed = READERS.get(name, set())
    for table in sorted(set(READS.findall(literals)) & OWNERS.keys()):
        if OWNERS[table] != name and allowed != "*" and table not in allowed:
            found.append(f"{name}: reads {table}, which {OWNERS[table]} owns (not in READERS)")
    return found


def problems_in(path, root, text=None):
    text = path.read_text(encoding="utf-8") if text is None else text
    relative = path.relative_to(root)
    found = []
    for line, stripped, raw in statements(text):
        if not SQL.search(raw) and "R\"sql(" not in raw:
            continue
        if relative.parts[0] == "cli":
            found.append(f"{relative}:{line}: SQL in cli/ (it belongs in lib/)")
            continue
        if any(e in raw and relative.as_posix() == f for e, f in (FORMATTED_EXCEPTIONS | JOINED_EXCEPTIONS).items()):
            continue
        if relative.as_posix() in NAMES_FROM_CATALOGUE:
            continue
        if "fmt::format" in raw or "to_string" in raw or "<<" in stripped:
            found.append(f"{relative}:{line}: SQL text formatted from values")
        # Strings joined into SQL text: every operand of + must be a literal or an allowed constant.
        left = re.findall(rf"({OPERAND})\s*\+(?![+=])", stripped)
        right = re.findall(rf"(?<![+])\+\s*({OPERAND})", stripped)
        for operand in left + right:
            if not ALLOWED.match(operand):
                found.append(f"{relative}:{line}: SQL text joined with {operand!r}, not a literal")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2]).resolve()
    if not ownership_problems(pathlib.Path("lib/people/store.cpp"), 'q(db, "UPDATE needs SET phone = NULL");'):
        print("sql_test: the test itself misses a store writing another's table", file=sys.stderr)
        return 1
    for bad in MUST_CATCH:
        if not problems_in(root / "lib" / "sample.cpp", root, bad):
            print(f"sql_test: the test itself misses: {bad}", file=sys.stderr)
            return 1
    files = sorted(p for d in ("lib", "cli") for p in (root / d).rglob("*") if p.suffix in (".cpp", ".hpp"))
    problems = [p for f in files for p in problems_in(f, root)]
    for table, owner in OWNERS.items():
        if not (root / owner).is_file():
            problems.append(f"the owner of {table}, {owner}, does not exist")
    problems += [p for f in files for p in ownership_problems(f.relative_to(root), f.read_text(encoding="utf-8"))]
    for problem in problems:
        print(f"sql_test: {problem}", file=sys.stderr)
    print(f"sql_test: {len(files)} files read, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
