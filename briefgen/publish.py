"""Where builds go and how they are published: build folders, ``manifest.json``, the ``latest`` pointer.

Layout under the output folder::

    out/builds/<memo date>/<topic>-<memo date>.<fmt>   every memo of that date's build
    out/builds/<memo date>/manifest.json               each memo file with its size and sha256
    out/<topic>-<memo date>.<fmt>                      ``briefgen memo``
    out/latest -> builds/<newest memo date>            symlink (a copy where symlinks fail)
    out/mail/<topic>-<memo date>.eml                   ``briefgen mail --dry-run``
    out/briefgen.sqlite                                the build cache (``store`` in the config)
    out/.briefgen.lock                                 held while a build runs
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from briefgen.output import sha256_file, write_atomic

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MEMO_SUFFIXES = (".md", ".pdf", ".html", ".json")


def build_dir(output: Path, memo_date: dt.date) -> Path:
    return output / "builds" / memo_date.isoformat()


def memo_files(folder: Path) -> list[Path]:
    """The memo files of a build folder (no manifest, no hidden temporary files), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix in MEMO_SUFFIXES and p.name != MANIFEST and not p.name.startswith(".")
    )


def write_manifest(folder: Path, memo_date: dt.date, failed: Iterable[str] = ()) -> Path:
    """List every memo file in ``folder`` with size and sha256; deterministic (no build time)."""
    files = [{"name": p.name, "size": p.stat().st_size, "sha256": sha256_file(p)} for p in memo_files(folder)]
    manifest = {"memo_date": memo_date.isoformat(), "failed": sorted(failed), "files": files}
    path = folder / MANIFEST
    write_atomic(path, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    return path


def newest_build(output: Path) -> Path | None:
    root = output / "builds"
    dates = sorted(d.name for d in root.iterdir() if d.is_dir() and _is_date(d.name)) if root.is_dir() else []
    return root / dates[-1] if dates else None


def update_latest(output: Path) -> Path | None:
    """Point ``output/latest`` at the newest build: atomic symlink swap, else a copy of the folder."""
    newest = newest_build(output)
    if newest is None:
        return None
    link = output / "latest"
    tmp = output / f".latest-{os.getpid()}"
    try:
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(newest.relative_to(output), target_is_directory=True)
        os.replace(tmp, link)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        log.debug("latest: symlink failed (%s); copying", exc)
        _copy_latest(newest, link)
    return link


def _copy_latest(source: Path, link: Path) -> None:
    tmp = link.with_name(f".latest-copy-{os.getpid()}")
    old = link.with_name(f".latest-old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(source, tmp)
    if link.is_symlink() or link.is_file():
        link.unlink()
    elif link.is_dir():
        os.replace(link, old)
    os.replace(tmp, link)
    shutil.rmtree(old, ignore_errors=True)


def _is_date(name: str) -> bool:
    try:
        dt.date.fromisoformat(name)
    except ValueError:
        return False
    return True
