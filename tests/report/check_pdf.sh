#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints a report's HTML page to PDF with headless Chromium, as the committee's paper is
# printed, and checks that it fits A4 across: every page is A4 (portrait or landscape), no
# word of text reaches past the right margin (a cut column), and each WORD given (the
# rightmost column headers, say) is on a page.
# Usage: check_pdf.sh HTML_FILE OUT_PDF [WORD...]
#        (needs the Debian packages chromium, poppler-utils and python3)
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 HTML_FILE OUT_PDF [WORD...]" >&2
  exit 2
fi
html=$1
pdf=$(realpath -m "$2")
shift 2

fail() {
  echo "check_pdf: $*" >&2
  exit 1
}

[[ -f $html ]] || fail "no such file: $html"
command -v chromium >/dev/null || fail "chromium not found (apt-get install chromium)"
command -v pdftotext >/dev/null || fail "pdftotext not found (apt-get install poppler-utils)"
# Without a Chinese font Chromium draws narrow boxes for CJK text, and a page that would be
# cut could pass.
[[ -n $(fc-list :lang=zh family 2>/dev/null) ]] || fail "no Chinese font (apt-get install fonts-noto-cjk)"
url=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$html")

rm -f "$pdf"
log=$(mktemp)
words=$(mktemp)
raw=$(mktemp)
trap 'rm -f "$log" "$words" "$raw"' EXIT
# Chromium's exit status says little (it fails on D-Bus noise alone): the PDF is what counts.
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "$url" \
  >"$log" 2>&1 || true
if [[ ! -s $pdf ]]; then
  cat "$log" >&2
  fail "chromium wrote no PDF of $html"
fi
# Each word with its box, in points from the page's top left; words wholly off the page are left out.
pdftotext -bbox "$pdf" "$words" || fail "pdftotext cannot read $pdf"
# The text in the order it was drawn: a header wrapped over two lines stays one run.
pdftotext -raw "$pdf" "$raw" || fail "pdftotext cannot read $pdf"

python3 - "$pdf" "$words" "$raw" "$@" <<'PY'
import html
import re
import sys

pdf, words_file, raw_file, wanted = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
# A4 in points, either way round, to the point.
a4 = {(595, 842), (842, 595)}
# The reports' margin, 15 mm (42.5 pt): Chromium clips what overflows the page's content box
# there, so a cut column's first word just crosses it and the rest is gone.
margin = 42
text = open(words_file, encoding="utf-8").read()
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S)
if not pages:
    sys.exit(f"check_pdf: {pdf} has no pages")
problems = []
for number, (width, height, body) in enumerate(pages, 1):
    width, height = float(width), float(height)
    if (round(width), round(height)) not in a4:
        problems.append(f"page {number} is {width:.0f}x{height:.0f} pt, not A4")
    for x_max, word in re.findall(r'<word xMin="[\d.-]+" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">(.*?)</word>', body):
        word = html.unescape(word)
        if float(x_max) > width - margin:
            problems.append(f"page {number}: {word!r} reaches {float(x_max):.0f} pt of {width:.0f}: cut at the right edge")
joined = re.sub(r"\s", "", open(raw_file, encoding="utf-8").read())
for word in wanted:
    if word not in joined:
        problems.append(f"{word!r} is on no page")
for problem in problems[:10]:
    print(f"check_pdf: {pdf}: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check_pdf: {pdf}: every page A4, nothing past the right margin")
PY
