#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Opens a report's XLSX workbook with openpyxl, as a spreadsheet program would, and checks
that it has each sheet named on the command line and that every sheet holds at least one
number stored as a number (not as text).

Usage: check_xlsx.py FILE SHEET...      (needs the Debian package python3-openpyxl)
"""
import sys


def main(argv):
    if len(argv) < 2:
        print("usage: check_xlsx.py FILE SHEET...", file=sys.stderr)
        return 2
    path, sheets = argv[0], argv[1:]
    try:
        import openpyxl
    except ImportError:
        print("check_xlsx: openpyxl is missing (apt-get install python3-openpyxl)", file=sys.stderr)
        return 1
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        print(f"check_xlsx: {path} cannot be opened as a workbook: {error}", file=sys.stderr)
        return 1

    problems = []
    for name in sheets:
        if name not in workbook.sheetnames:
            problems.append(f"no sheet named {name!r}; the sheets are {workbook.sheetnames!r}")
    for sheet in workbook.worksheets:
        # bool is an int in Python, but a TRUE cell is no number.
        if not any(isinstance(value, (int, float)) and not isinstance(value, bool)
                   for row in sheet.iter_rows(values_only=True) for value in row):
            problems.append(f"sheet {sheet.title!r} has no numeric cell")

    for problem in problems:
        print(f"check_xlsx: {path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_xlsx: {path}: {len(workbook.sheetnames)} sheets, each with numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
