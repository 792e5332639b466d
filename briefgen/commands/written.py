"""What each memo file briefgen wrote holds, so a memo with no items never replaces one with items.

Every memo file written is recorded (its path, sha256 and the memo's item count) in a ``written`` table
of the build store's SQLite file; the memo folders stay as they are. A record counts only while the
file still has that sha256. Where nothing is recorded (the store was deleted, the file was copied in),
the JSON memo beside it is read; failing that the count is unknown, and an unknown memo is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from briefgen.output import sha256_file

log = logging.getLogger(__name__)

UNKNOWN = -1  # a memo whose item count cannot be told: it may hold items
_TABLE = "CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, items INTEGER)"


def _connect(database: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(database, timeout=10)
    conn.execute(_TABLE)
    return conn


def record(database: Path, files: Mapping[Path, bytes], items: int) -> None:
    """Remember that each of ``files`` (path -> the bytes written) belongs to a memo of ``items`` items."""
    rows = [(str(p.resolve()), hashlib.sha256(data).hexdigest(), items) for p, data in files.items()]
    try:
        with contextlib.closing(_connect(database)) as conn, conn:
            conn.executemany("INSERT OR REPLACE INTO written VALUES (?, ?, ?)", rows)
    except sqlite3.Error as exc:
        log.debug("%s: could not record the memo files written (%s)", database, exc)


def items_of(database: Path | None, paths: Iterable[Path]) -> int | None:
    """Items of the memo whose files are ``paths`` (the existing ones): None when none exists,
    ``UNKNOWN`` when no record or JSON memo tells."""
    existing = [p for p in paths if p.is_file()]
    if not existing:
        return None
    recorded = _recorded(database, existing) if database is not None else None
    if recorded is not None:
        return recorded
    counts = [c for c in (_json_items(p) for p in existing if p.suffix == ".json") if c is not None]
    return counts[0] if counts else UNKNOWN


def _recorded(database: Path, paths: list[Path]) -> int | None:
    if not database.is_file():
        return None
    try:
        with contextlib.closing(_connect(database)) as conn:
            for path in paths:
                row = conn.execute(
                    "SELECT sha256, items FROM written WHERE path = ?", (str(path.resolve()),)
                ).fetchone()
                if row is not None and row[0] == sha256_file(path):
                    return int(row[1])
    except (sqlite3.Error, OSError) as exc:
        log.debug("%s: memo records unreadable (%s)", database, exc)
    return None


def _json_items(path: Path) -> int | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    items = doc.get("items") if isinstance(doc, dict) else None
    return len(items) if isinstance(items, list) else None
