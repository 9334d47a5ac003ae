# SPDX-License-Identifier: Apache-2.0
"""Every `--format json` output of a golden test, in zh-CN and in en: each must parse
as JSON, and the two must have the same keys, the same types and the same codes. Only
what people read (titles, headers, lines, names) may differ. cram.py checks this while
it runs a golden file, with --json-twins.

Before each command that asks for JSON on standard output, its kangle call runs twice
more, in two copies of the current folder (so that a command that writes sees the same
state and the golden run is left as it was), once per language. A string counts as a
code when the English one is an identifier (`proposed`, `rota`, `2026-12`): a code
that changes with the language is a bug."""
import json
import os
import re
import shlex

CODE = re.compile(r"^[a-z0-9_.:+-]*$")
DISPLAY_KEYS = {"title", "header", "lines"}
# A command that is plainly one kangle call printing JSON: kangle_calls must find it.
PLAIN_JSON_CALL = re.compile(r"^(\w+=\S+ )*kangle .*--format json")


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


def problems(path, commands, results):
    """What differs between the twins that `twin_script` wrote into `results` for the
    commands of the golden file `path`; a file whose commands ask for JSON and where
    none was compared is a problem too (the calls were not recognised)."""
    found, checked = [], 0
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
                found.append(f"{where}\n  not JSON: {e}")
                continue
            checked += 1
            differences = []
            compare(zh, en, "$", differences)
            found.extend(f"{where}\n  {d}" for d in differences)
    plain = [lines for lines in commands if PLAIN_JSON_CALL.match(" ".join(lines)) and not re.search(r">| -o ", " ".join(lines))]
    if checked == 0 and plain:
        found.append(f"{os.path.basename(path)}: `{' '.join(plain[0])}` asks for JSON, but no JSON output was compared")
    return found
