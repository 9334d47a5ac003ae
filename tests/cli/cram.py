#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Golden end-to-end tests in the cram format: each .t file holds the commands,
their expected output and exit codes together.

    Prose lines are comments.
      $ kangle init ws --example kangjian     <- a command (2 spaces, $)
      > continued                              <- its continuation lines
      expected output line                     <- 2 spaces, then the text
      [1]                                      <- the exit code, when not 0

The commands of a file run in order in one bash, in a fresh temporary folder,
with the kangle under test first on PATH. `--update` rewrites the expected
output in place (review the diff before committing it). KANGLE_BUILD_DIR, the
build folder, is passed on to the commands when set (ctest sets it).
`--json-twins` also runs each `--format json` call in zh-CN and in en and compares
the two (json_keys.py). `--postgres URL` gives each workspace a schema of its own in
that PostgreSQL database instead of its kangle.db (KANGLE_DB, set by a `kangle` script
first on PATH from the workspace the command names or is run in; a new workspace's schema
dropped first), and shows the schema's URL as kangle.db, so that the same expected
output holds on both databases. `workspace-sql "SQL"`, also on PATH, runs SQL on the
database of the workspace the command is run in, whichever it is: a test reads or
tampers with it in SQL both databases take (sqlite3 or psql, each unaligned, `|`
between columns)."""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

MARK = "@@CRAM@@"

# Shell functions of the scripts put on PATH under --postgres: the schema of a workspace's
# folder in the PostgreSQL database (the server's URL written in: `env -i`, as the cron
# example runs, keeps no variable), and its URL.
POSTGRES_SCHEMA = r"""CRAM_POSTGRES=@POSTGRES@
schema_of() { echo "cram_$(realpath -m "$1" | md5sum | cut -c1-16)"; }
url_of() {
  local joiner="?"
  case $CRAM_POSTGRES in *\?*) joiner="&" ;; esac
  echo "$CRAM_POSTGRES${joiner}options=-csearch_path%3D$(schema_of "$1")"
}
"""

# `kangle` first on PATH under --postgres: the workspace the command uses, as kangle finds
# it (-w, init's folder, KANGLE_WORKSPACE, the first folder up holding kangle.toml), gets
# a schema of its own; a script or `script -c` that runs kangle goes through it as well.
POSTGRES_KANGLE = r"""#!/usr/bin/env bash
@POSTGRES_SCHEMA@CRAM_KANGLE=@KANGLE@
if [ -n "${KANGLE_DB:-}" ]; then echo "cram --postgres: a test that sets KANGLE_DB is for SQLite" >&2; exit 99; fi
ws="" new="" args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    -w | --workspace) ws=${args[i + 1]} ;;
    --workspace=*) ws=${args[i]#*=} ;;
  esac
done
if [ -z "$ws" ]; then
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[i]}" = init ]; then
      ws=${args[i + 1]:-.}
      case $ws in -*) ws=. ;; esac
      new=yes
      break
    fi
  done
fi
[ -n "$ws" ] || ws=${KANGLE_WORKSPACE:-}
if [ -z "$ws" ]; then
  ws=$PWD
  while [ "$ws" != / ] && [ ! -f "$ws/kangle.toml" ]; do ws=$(dirname "$ws"); done
fi
if [ -n "$new" ] && [ ! -f "$ws/kangle.toml" ]; then
  psql -X -q -d "$CRAM_POSTGRES" -c "DROP SCHEMA IF EXISTS $(schema_of "$ws") CASCADE" > /dev/null 2>&1
fi
KANGLE_DB=$(url_of "$ws") exec "$CRAM_KANGLE" "$@"
"""

# `workspace-sql SQL` on PATH: SQL run on the database of the workspace around the folder
# it is run in (the first folder up holding kangle.toml), unaligned, `|` between columns;
# on SQLite its kangle.db (a test naming a database elsewhere reads it with sqlite3).
WORKSPACE_SQL = r"""#!/usr/bin/env bash
@POSTGRES_SCHEMA@ws=$PWD
while [ "$ws" != / ] && [ ! -f "$ws/kangle.toml" ]; do ws=$(dirname "$ws"); done
[ -f "$ws/kangle.toml" ] || { echo "workspace-sql: not in a workspace" >&2; exit 99; }
@RUN@
"""
RUN_SQLITE = 'exec sqlite3 -bail "$ws/kangle.db" "$1"'
RUN_POSTGRES = 'exec psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$(url_of "$ws")" -c "$1"'


def parse(lines):
    """Returns the file as blocks: ('text', line) or ('cmd', [lines], [expected])."""
    blocks = []
    for line in lines:
        if line.startswith("  $ "):
            blocks.append(["cmd", [line[4:]], []])
        elif line.startswith("  > ") and blocks and blocks[-1][0] == "cmd" and not blocks[-1][2]:
            blocks[-1][1].append(line[4:])
        elif line.startswith("  ") and blocks and blocks[-1][0] == "cmd":
            blocks[-1][2].append(line[2:])
        else:
            blocks.append(["text", line])
    return blocks


def run(blocks, kangle, testdir, before=None, extra_env=None, postgres=None):
    """The outputs of the commands. `before(i, lines)`, when given, returns bash to run
    before command i (its output is not kept); `extra_env` is added to the environment;
    `postgres`, a database URL, holds the workspaces' schemas."""
    script = ["set +e"]
    commands = [b for b in blocks if b[0] == "cmd"]
    for i, block in enumerate(commands):
        if before:
            script.append("{\n" + before(i, block[1]) + "\n} >/dev/null 2>&1")
        script.append(f"echo {MARK}{i}")
        # The extra echo ends an output that lacks a final newline before the marker.
        script.append("{\n" + "\n".join(block[1]) + "\n} 2>&1; rc=$?; echo")
        script.append(f"echo {MARK}rc $rc")
    with tempfile.TemporaryDirectory(prefix="kangle-cram-") as work, tempfile.TemporaryDirectory() as wrapper:
        path = wrapper + os.pathsep + os.path.dirname(os.path.abspath(kangle)) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")
        schema = POSTGRES_SCHEMA.replace("@POSTGRES@", shlex.quote(postgres)) if postgres else ""
        scripts = {"workspace-sql": WORKSPACE_SQL.replace("@RUN@", RUN_POSTGRES if postgres else RUN_SQLITE)}
        if postgres:
            scripts["kangle"] = POSTGRES_KANGLE.replace("@KANGLE@", shlex.quote(os.path.abspath(kangle)))
        for name, text in scripts.items():
            with open(os.path.join(wrapper, name), "w") as f:
                f.write(text.replace("@POSTGRES_SCHEMA@", schema))
            os.chmod(os.path.join(wrapper, name), 0o755)
        env = {
            "PATH": path,
            "HOME": work,
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
            "TESTDIR": testdir,
            "TZ": "Asia/Shanghai",
            "KANGLE_NOW": "2026-12-01T02:00:00Z",
        }
        if "KANGLE_BUILD_DIR" in os.environ:
            env["KANGLE_BUILD_DIR"] = os.environ["KANGLE_BUILD_DIR"]
        env.update(extra_env or {})
        out = subprocess.run(["bash", "-c", "\n".join(script) + "\n"], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300).stdout
        # Every workspace on PostgreSQL: none may have fallen back to a SQLite file (--db x.db).
        stray = [os.path.join(d, f) for d, _, files in os.walk(work) for f in files if f.endswith(".db")] if postgres else []
        if stray:
            sys.exit(f"cram: with --postgres, kangle made {', '.join(stray)}")
        text = out.decode("utf-8", "replace")
        if postgres:
            text = re.sub(re.escape(postgres) + r"[?&]options=-csearch_path%3Dcram_[0-9a-f]{16}", "kangle.db", text)
        text = text.replace(work, "$TMP")
    if text.endswith("\n"):
        text = text[:-1]
    actual = {}
    current = None
    for line in text.split("\n"):
        if line.startswith(MARK + "rc "):
            rc = int(line[len(MARK) + 3:])
            if rc != 0:
                actual[current].append(f"[{rc}]")
        elif line.startswith(MARK):
            current = int(line[len(MARK):])
            actual[current] = []
        elif current is not None:
            actual[current].append(line)
    for lines in actual.values():  # the empty line the extra echo made, before the exit code
        rc = lines.pop() if lines and lines[-1].startswith("[") else None
        if lines and lines[-1] == "":
            lines.pop()
        if rc:
            lines.append(rc)
    return [actual.get(i, []) for i in range(len(commands))]


def render(blocks, outputs):
    lines = []
    index = 0
    for block in blocks:
        if block[0] == "text":
            lines.append(block[1])
            continue
        lines.append("  $ " + block[1][0])
        lines.extend("  > " + l for l in block[1][1:])
        lines.extend("  " + l for l in outputs[index])
        index += 1
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kangle", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--json-twins", action="store_true")
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    failed = 0
    for path in args.files:
        # newline="": a CSV's CRLF line ends are part of the expected output.
        with open(path, encoding="utf-8", newline="") as f:
            original = f.read().split("\n")
        if original and original[-1] == "":
            original.pop()
        blocks = parse(original)
        testdir = os.path.dirname(os.path.abspath(path))
        if args.json_twins:
            import json_keys
            commands = [b[1] for b in blocks if b[0] == "cmd"]
            with tempfile.TemporaryDirectory(prefix="kangle-json-") as results:
                outputs = run(blocks, args.kangle, testdir,
                              before=lambda i, lines: json_keys.twin_script(i, lines, results), postgres=args.postgres)
                problems = json_keys.problems(path, commands, results)
            for problem in problems:
                print(problem)
            failed += bool(problems)
        else:
            outputs = run(blocks, args.kangle, testdir, postgres=args.postgres)
        actual = render(blocks, outputs)
        if actual == original:
            continue
        if args.update:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write("\n".join(actual) + "\n")
            print(f"updated {path}")
            continue
        failed += 1
        sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(original, actual, path, path + " (actual)", lineterm=""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
