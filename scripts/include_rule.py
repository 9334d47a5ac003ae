#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The include rule of lib/: a folder includes only itself and the folders it uses,
directly or through them, as lib/CMakeLists.txt declares (written to LAYERS, one
`folder: used used…` per line). Prints each include that breaks the rule, with its
file and line, and fails; a folder of lib/ missing from LAYERS fails too.

    include_rule.py LAYERS LIB_DIR"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([A-Za-z0-9_]+)/')


def closure(uses):
    below = {}

    def reach(folder, seen):
        for used in uses.get(folder, ()):
            if used not in seen:
                seen.add(used)
                reach(used, seen)
        return seen

    for folder in uses:
        below[folder] = reach(folder, {folder})
    return below


def main():
    layers_file, lib = sys.argv[1], sys.argv[2]
    uses = {}
    with open(layers_file, encoding="utf-8") as f:
        for line in f:
            if ":" in line:
                folder, used = line.split(":", 1)
                uses[folder.strip()] = used.split()
    allowed = closure(uses)
    problems = []
    for folder in sorted(os.listdir(lib)):
        path = os.path.join(lib, folder)
        if not os.path.isdir(path):
            continue
        if folder not in allowed:
            problems.append(f"lib/{folder}/: a folder lib/CMakeLists.txt does not declare")
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".cpp", ".hpp")):
                continue
            with open(os.path.join(path, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    match = INCLUDE.match(line)
                    if match and match.group(1) in uses and match.group(1) not in allowed[folder]:
                        problems.append(f"lib/{folder}/{name}:{number}: includes {match.group(1)}/, "
                                        f"which {folder}/ does not use (it uses: {' '.join(uses[folder]) or 'nothing'})")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
