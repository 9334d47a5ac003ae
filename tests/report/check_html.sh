#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Opens a report's HTML page in headless Chromium and checks the screenshot: a PNG as wide
# as the window (A4 at 150 dpi, 1240×1754), and bigger than a blank page would be.
# Usage: check_html.sh HTML_FILE OUT_PNG      (needs the Debian packages chromium and python3)
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 HTML_FILE OUT_PNG" >&2
  exit 2
fi
html=$1
png=$(realpath -m "$2")
width=1240
height=1754
# A blank page of that size compresses to about 10 KB; a page with text and charts to far more.
min_bytes=20000

fail() {
  echo "check_html: $*" >&2
  exit 1
}

[[ -f $html ]] || fail "no such file: $html"
command -v chromium >/dev/null || fail "chromium not found (apt-get install chromium)"
# A file:// URL with the path's spaces, # and % escaped.
url=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$html")

rm -f "$png"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Chromium's exit status says little (it fails on D-Bus noise alone): the PNG is what counts.
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" \
  --window-size="$width,$height" "$url" >"$log" 2>&1 || true

if [[ ! -s $png ]]; then
  cat "$log" >&2
  fail "chromium wrote no screenshot of $html"
fi
size=$(stat -c %s "$png")
((size >= min_bytes)) || fail "$png is only $size bytes: is the page blank?"
python3 - "$png" "$width" <<'PY'
import struct
import sys

path, expected = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    head = f.read(24)
# The signature, then the IHDR chunk: length, type, width and height (big-endian).
if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
    sys.exit(f"check_html: {path} is not a PNG")
width, height = struct.unpack(">II", head[16:24])
if width != expected:
    sys.exit(f"check_html: {path} is {width} pixels wide, not {expected}")
print(f"check_html: {path}: {width}x{height} PNG")
PY
