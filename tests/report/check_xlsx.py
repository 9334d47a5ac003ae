#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Opens a report's XLSX workbook with openpyxl, as a spreadsheet program would, and checks
that it has each sheet named on the command line and that every sheet holds at least one
number stored as a number (not as text). With --paper, also that every sheet prints as the
committee's paper: the report's title in bold in A1, every cell of its tables bordered (the
header row bold), A4 fitted to one page wide; each sheet named holds a table whose header row
is repeated on every page.

Usage: check_xlsx.py [--paper] FILE SHEET...      (needs the Debian package python3-openpyxl)
"""
import sys


def paper_problems(sheet, title, has_table):
    """What keeps `sheet` from printing as a paper: title, page setup and, when it `has_table`,
    the table's borders and its header row repeated."""
    problems = []
    first = sheet["A1"]
    if first.value != title or not first.font.b:
        problems.append(f"A1 is {first.value!r}, not the report's title {title!r} in bold")
    setup = sheet.page_setup
    if str(setup.paperSize) != "9":
        problems.append(f"paper size {setup.paperSize!r}, not A4 (9)")
    if not sheet.sheet_properties.pageSetUpPr.fitToPage or setup.fitToWidth not in (1, None) or setup.fitToHeight != 0:
        problems.append(f"not fitted to one page wide (fitToWidth {setup.fitToWidth!r}, fitToHeight {setup.fitToHeight!r})")
    if not has_table:
        return problems
    if not sheet.print_title_rows:
        problems.append("no header row repeated on every page")
    # A table is a run of bordered rows; its first row is the header, bold.
    bordered_rows = 0
    for row in sheet.iter_rows():
        cells = [cell for cell in row if cell.value is not None or cell.border.left.style]
        if not cells or not any(cell.border.left.style for cell in cells):
            continue
        bordered_rows += 1
        for cell in cells:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            if any(side.style != "thin" for side in sides):
                problems.append(f"{cell.coordinate} ({cell.value!r}) is not bordered on every side")
                break
    if bordered_rows < 2:
        problems.append("no bordered table")
    return problems


def main(argv):
    paper = bool(argv) and argv[0] == "--paper"
    if paper:
        argv = argv[1:]
    if len(argv) < 2:
        print("usage: check_xlsx.py [--paper] FILE SHEET...", file=sys.stderr)
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
        if paper:
            problems += [f"sheet {sheet.title!r}: {problem}" for problem in paper_problems(sheet, workbook.properties.title, sheet.title in sheets)]

    for problem in problems:
        print(f"check_xlsx: {path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_xlsx: {path}: {len(workbook.sheetnames)} sheets, each with numbers"
          + (", printed as a paper on A4" if paper else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
