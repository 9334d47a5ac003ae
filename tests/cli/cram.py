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
the two (json_keys.py)."""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

MARK = "@@CRAM@@"


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


def run(blocks, kangle, testdir, before=None, extra_env=None):
    """The outputs of the commands. `before(i, lines)`, when given, returns bash to run
    before command i (its output is not kept); `extra_env` is added to the environment."""
    script = ["set +e"]
    commands = [b for b in blocks if b[0] == "cmd"]
    for i, block in enumerate(commands):
        if before:
            script.append("{\n" + before(i, block[1]) + "\n} >/dev/null 2>&1")
        script.append(f"echo {MARK}{i}")
        # The extra echo ends an output that lacks a final newline before the marker.
        script.append("{\n" + "\n".join(block[1]) + "\n} 2>&1; rc=$?; echo")
        script.append(f"echo {MARK}rc $rc")
    with tempfile.TemporaryDirectory(prefix="kangle-cram-") as work:
        env = {
            "PATH": os.path.dirname(os.path.abspath(kangle)) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
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
        text = out.decode("utf-8", "replace").replace(work, "$TMP")
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
                              before=lambda i, lines: json_keys.twin_script(i, lines, results))
                problems = json_keys.problems(path, commands, results)
            for problem in problems:
                print(problem)
            failed += bool(problems)
        else:
            outputs = run(blocks, args.kangle, testdir)
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
