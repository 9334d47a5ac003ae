#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian package (cpack -G DEB) from build/: the binary, man page, bash and
# zsh completions and documentation under /usr, Depends from dpkg-shlibdeps. With
# --install (as root, e.g. in CI), installs it with apt-get and runs the installed
# kangle on the bundled example, then removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/cli/kangle ] || bash scripts/build.sh
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/kangle_*.deb)
echo "built $deb"
dpkg-deb -I "$deb" | grep -E '^ (Package|Version|Depends):'
[ "${1:-}" = --install ] || exit 0
apt-get install -y -qq "./$deb" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"; apt-get remove -y -qq kangle >/dev/null' EXIT
/usr/bin/kangle --version
/usr/bin/kangle init "$work/ws" --example kangjian >/dev/null
/usr/bin/kangle -w "$work/ws" check
[ -f /usr/share/man/man1/kangle.1 ] && [ -f /usr/share/bash-completion/completions/kangle ]
echo "the package installs and runs"
