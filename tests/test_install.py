"""Issue 16, item 14: installing briefgen prints no warning of its own making.

The "lxml does not provide the extra 'html_clean'" warning came from pip older than 23.3, which compares
extras unnormalised (PEP 685): jusText, which trafilatura needs, asks for ``lxml[html_clean]`` while
lxml >= 5.2 declares ``html-clean``. ``scripts/setup.sh`` now brings the venv's pip to >= 23.3 first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_resolving_lxml_html_clean_gives_no_extra_warning() -> None:
    """What pip does for trafilatura's dependency, offline (``--no-index``) and changing nothing."""
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "--disable-pip-version-check",
         "lxml[html_clean]"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "does not provide the extra" not in proc.stdout + proc.stderr


def test_setup_upgrades_pip_before_installing_briefgen() -> None:
    script = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert script.index('"pip>=23.3"') < script.index('-e "$spec"')
