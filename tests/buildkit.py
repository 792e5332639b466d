"""Helpers for the build, store, lock and mail tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EXTRA_ARTICLE = """\
Algeria Resumes Consular Pass Issuance

ALGIERS (Test Wire) — Algerian consulates resumed issuing consular passes for nationals facing an expulsion order, a ministry spokesperson said on Thursday.

The readmission backlog stood at several hundred cases, the spokesperson added.
"""


def smtp_config(port: int, **smtp: Any) -> str:
    """The conftest config plus an ``smtp`` section pointing at 127.0.0.1:port."""
    from tests.conftest import CONFIG

    values = {"host": "127.0.0.1", "port": port, "from": "desk@example.test", "timeout": 5}
    values |= {"to": ["chief@example.test"], **smtp}
    lines = ["smtp:"] + [f"  {key}: {json.dumps(value)}" for key, value in values.items()]
    return CONFIG + "\n".join(lines) + "\n"


def build_files(out: Path, date: str) -> dict[str, bytes]:
    """The memo files (and manifest) of a build folder, by name."""
    folder = out / "builds" / date
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
