"""Helpers for the build, store, lock and mail tests.

``install_stubs()`` stands in for pipeline modules that are not written yet (attribution, rendering,
atomic output) so these tests exercise the build machinery either way; once the real modules exist
the stubs are not installed and the real ones run.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import sys
import tempfile
import types
from dataclasses import asdict
from pathlib import Path
from typing import Any

STUBBED: list[str] = []


def _missing(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        return exc.name == name
    return False


def _stub_output() -> types.ModuleType:
    mod = types.ModuleType("briefgen.output")

    def memo_filename(topic: str, date: dt.date, fmt: str) -> str:
        return f"{topic}-{date.isoformat()}.{fmt}"

    def write_atomic(path: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    mod.memo_filename = memo_filename  # type: ignore[attr-defined]
    mod.write_atomic = write_atomic  # type: ignore[attr-defined]
    return mod


def _stub_render() -> types.ModuleType:
    mod = types.ModuleType("briefgen.render")

    class Renderer:
        def __init__(self, user_templates: Path | None = None) -> None:
            self.user_templates = user_templates

        def check(self) -> None:
            return None

        def render(self, memo: Any, fmt: str) -> bytes:
            lines = [f"# {memo.title} ({memo.date})"]
            if memo.nothing_new:
                lines.append("Nothing new since the previous memo.")
            lines += [f"- {'[NEW] ' if i.is_new else ''}{i.text}" for i in memo.items]
            text = "\n".join(lines) + "\n"
            if fmt == "json":
                return json.dumps(asdict(memo), default=str, sort_keys=True).encode()
            if fmt == "pdf":
                return b"%PDF-1.4\n" + text.encode() + b"%%EOF\n"
            return text.encode()

    mod.Renderer = Renderer  # type: ignore[attr-defined]
    mod.FORMATS = ("md", "pdf", "html", "json")  # type: ignore[attr-defined]
    return mod


def _stub_attribute() -> types.ModuleType:
    mod = types.ModuleType("briefgen.attribute")
    mod.attribute_article = lambda article, sentences, aliases=None: tuple(None for _ in sentences)  # type: ignore[attr-defined]
    mod.speaker_key = lambda name: name.lower()  # type: ignore[attr-defined]
    return mod


def install_stubs() -> list[str]:
    """Install a stub for each missing pipeline module; the names stubbed."""
    for name, make in (
        ("briefgen.output", _stub_output),
        ("briefgen.render", _stub_render),
        ("briefgen.attribute", _stub_attribute),
    ):
        if name not in STUBBED and _missing(name):
            sys.modules[name] = make()
            STUBBED.append(name)
    return list(STUBBED)


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
