#!/usr/bin/env bash
# Sourced by memo.sh and test.sh: make .venv with briefgen installed (extras: "$1"), and the Debian
# libraries WeasyPrint uses (Pango, HarfBuzz subsetting, DejaVu fonts) when running as root.
set -euo pipefail
extras="${1:-}"
debs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
missing=()
for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "setup: installing Debian packages: ${missing[*]}" >&2
        (apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null; })
    else
        echo "setup: please install: sudo apt-get install ${missing[*]}" >&2
    fi
fi
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
stamp=".venv/.briefgen-installed-$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ scripts/setup.sh -nt "$stamp" ]; then
    echo "setup: installing briefgen${extras:+ with $extras extras} into .venv" >&2
    # pip < 23.3 compares extras unnormalised (PEP 685): jusText (trafilatura's) asks for
    # lxml[html_clean], lxml >= 5.2 declares "html-clean", and old pip warns that the extra is missing.
    .venv/bin/python -m pip install -q --disable-pip-version-check "pip>=23.3"
    # -W: setuptools' notice that a flat-layout editable install finds packages by a path finder
    # (information only; pip >= 25 shows it) would otherwise be the one line of output left.
    .venv/bin/python -W "ignore:Editable installation" -m pip install -q --disable-pip-version-check -e "$spec"
    touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
