#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what kangle needs to build and test, from Debian 12's packages.
# Idempotent and quick when everything is there; as a non-root user it prints
# the apt-get line to run and stops. With --clang, also clang and its sanitizer and
# libFuzzer runtimes, which only scripts/sanitize.sh and scripts/fuzz.sh need.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  libcli11-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev libtomlplusplus-dev catch2
  libutf8proc-dev libssl-dev libzip-dev libisal-dev libexpat1-dev zlib1g-dev libxlsxwriter-dev liblemon-dev libical-dev sqlite3
  libicu-dev libnova-dev      # the Chinese lunar calendar and the Qingming solar term of the public holidays
  nlohmann-json3-dev          # JSON output
  libpq-dev postgresql-15     # a district's shared database; the tests start a throwaway cluster of their own
  tzdata                      # the zone database: kangle knows China's zones without it, the tests use others
  chromium python3-openpyxl   # the report tests open the HTML in Chromium and read the XLSX back
  poppler-utils fonts-noto-cjk  # ...print it to PDF and read the words' places (pdftotext), in a Chinese font
)
# clang's ASan, UBSan and libFuzzer runtimes ship in libclang-rt-dev, which clang only recommends.
if [ "${1:-}" = --clang ]; then packages+=(clang libclang-rt-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "kangle needs these Debian packages; run as root:" >&2
  echo "  sudo sh -c '$line'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
