#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Every `--format json` output of the golden tests, in zh-CN and in en: each must
parse as JSON, and the two must have the same keys, the same types and the same
codes. Only what people read (titles, headers, lines, names) may differ.

Each golden file's commands run as cram.py runs them; before each command that
asks for JSON on standard output, its kangle call runs twice more, in two copies of
the current folder (so that a command that writes sees the same state), once per
language. A string counts as a code when the English one is an identifier
(`proposed`, `rota`, `2026-12`): a code that changes with the language is a bug."""
import argparse
import json
import os
import re
import shlex
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cram  # noqa: E402

CODE = re.compile(r"^[a-z0-9_.:+-]*$")
DISPLAY_KEYS = {"title", "header", "lines"}


def kangle_calls(lines):
    """The kangle calls of a command that print JSON on standard output, as word lists."""
    calls = []
    for piece in re.split(r"\|\||&&|[|;]", " ".join(lines)):
        try:
            words = shlex.split(piece)
        except ValueError:
            continue
        start = next((i for i, w in enumerate(words) if "=" not in w), None)
        if start is None or words[start] != "kangle" or "--format" not in words:
            continue
        if words[words.index("--format") + 1:][:1] != ["json"] or "-o" in words or "--output" in words:
            continue
        env = words[:start]
        args = words[start + 1:]
        redirect = next((i for i, w in enumerate(args) if re.match(r"^[0-9&]*[<>]", w)), len(args))
        args = args[:redirect]
        if "--lang" in args:
            at = args.index("--lang")
            del args[at:at + 2]
        calls.append((env, args))
    return calls


def twin_script(index, lines, results):
    out = []
    for n, (env, args) in enumerate(kangle_calls(lines)):
        for lang in ("zh-CN", "en"):
            target = shlex.quote(f"{results}/{index}.{n}.{lang}")
            call = " ".join(shlex.quote(w) for w in env + ["kangle", "--lang", lang] + args)
            out.append(f'__twin=$(mktemp -d) && cp -a . "$__twin/w" && (cd "$__twin/w" && {call} > {target}); '
                       f'rm -rf "$__twin"')
    return "\n".join(out) or ":"


def compare(zh, en, path, problems):
    if isinstance(zh, dict) and isinstance(en, dict):
        if list(zh.keys()) != list(en.keys()):
            problems.append(f"{path}: keys {list(zh.keys())} (zh-CN) against {list(en.keys())} (en)")
            return
        for key in zh:
            if key in DISPLAY_KEYS:
                continue
            compare(zh[key], en[key], f"{path}.{key}", problems)
    elif isinstance(zh, list) and isinstance(en, list):
        if len(zh) != len(en):
            problems.append(f"{path}: {len(zh)} items (zh-CN) against {len(en)} (en)")
            return
        for i, (a, b) in enumerate(zip(zh, en)):
            compare(a, b, f"{path}[{i}]", problems)
    elif type(zh) is not type(en):
        problems.append(f"{path}: {json.dumps(zh, ensure_ascii=False)} (zh-CN) against {json.dumps(en)} (en)")
    elif isinstance(zh, str) and CODE.match(en) and zh != en:
        problems.append(f"{path}: the code {en!r} (en) is {zh!r} in zh-CN")
    elif not isinstance(zh, str) and zh != en:
        problems.append(f"{path}: {zh!r} (zh-CN) against {en!r} (en)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kangle", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    problems, checked = [], 0
    for path in args.files:
        with open(path, encoding="utf-8", newline="") as f:
            blocks = cram.parse(f.read().split("\n"))
        commands = [b[1] for b in blocks if b[0] == "cmd"]
        with tempfile.TemporaryDirectory(prefix="kangle-json-") as results:
            cram.run(blocks, args.kangle, os.path.dirname(os.path.abspath(path)),
                     before=lambda i, lines: twin_script(i, lines, results))
            for index, lines in enumerate(commands):
                for n, _ in enumerate(kangle_calls(lines)):
                    texts = {}
                    for lang in ("zh-CN", "en"):
                        with open(f"{results}/{index}.{n}.{lang}", encoding="utf-8") as f:
                            texts[lang] = f.read()
                    where = f"{os.path.basename(path)}: $ {' '.join(lines)}"
                    if not texts["zh-CN"] and not texts["en"]:
                        continue  # refused before any output (a usage error the golden shows)
                    try:
                        zh, en = json.loads(texts["zh-CN"]), json.loads(texts["en"])
                    except json.JSONDecodeError as e:
                        problems.append(f"{where}\n  not JSON: {e}")
                        continue
                    checked += 1
                    found = []
                    compare(zh, en, "$", found)
                    problems.extend(f"{where}\n  {p}" for p in found)
    for problem in problems:
        print(problem)
    print(f"{checked} JSON outputs compared in zh-CN and en; {len(problems)} problems")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
