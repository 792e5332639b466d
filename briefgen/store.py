"""The build cache: a local SQLite file holding analysed articles and each topic's claims per build.

Tables: ``parsed`` (each file's ingested articles keyed by a hash of its bytes, path and ingest options),
``stamps`` (that key for each file's size, times and inode, so an unchanged file is not even read),
``analyses`` (an article's sentences and attributions keyed by a hash of the ingested article),
``builds`` and ``claims`` (which claim keys each topic's memo carried on each memo date), ``groupings``
(each topic's claim groups as its last build left them, ``briefgen.select.regroup``), ``scans``
(each article's topic matches, ``briefgen.select.scanstore``), ``meta``
(a fingerprint of the analysis code and aliases: when it changes the analyses are dropped).
The schema version lives in ``PRAGMA user_version``; another version drops and recreates the tables.
A store that cannot be opened or read is moved aside (``*.corrupt``) and rebuilt: it is only a cache.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from briefgen.ingest.values import Parsed
from briefgen.models import AnalysedArticle, Article
from briefgen.packing import PACKING_VERSION, article_key, pack, pack_parsed, unpack, unpack_parsed

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3 + PACKING_VERSION  # 8: claim groups kept between builds
_TABLES = {
    "analyses": "key TEXT PRIMARY KEY, content_hash TEXT NOT NULL, article_id TEXT NOT NULL, "
    "data TEXT NOT NULL",
    "builds": "topic TEXT NOT NULL, memo_date TEXT NOT NULL, items INTEGER NOT NULL, "
    "PRIMARY KEY (topic, memo_date)",
    "claims": "topic TEXT NOT NULL, memo_date TEXT NOT NULL, claim_key TEXT NOT NULL, "
    "PRIMARY KEY (topic, memo_date, claim_key)",
    "groupings": "topic TEXT PRIMARY KEY, key TEXT NOT NULL, data TEXT NOT NULL",
    "meta": "name TEXT PRIMARY KEY, value TEXT NOT NULL",
    "parsed": "key TEXT PRIMARY KEY, data TEXT NOT NULL",
    "scans": "key TEXT PRIMARY KEY, data TEXT NOT NULL",
    "stamps": "stamp TEXT PRIMARY KEY, key TEXT NOT NULL",
}


class Store:
    """Open with ``Store.open(path, fingerprint)``; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, path: Path, fingerprint: str) -> Store:
        """The store at ``path``, created, migrated or rebuilt as needed; never fails on its content."""
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            store = cls(_connect(path), path)
        except sqlite3.DatabaseError as exc:
            log.warning("%s: unreadable store (%s); rebuilding it", path, exc)
            try:
                _move_aside(path)
                store = cls(_connect(path), path)
            except (OSError, sqlite3.DatabaseError) as again:
                log.warning("%s: cannot create the store (%s); caching in memory for this run", path, again)
                store = cls(_connect(Path(":memory:")), path)
        store._check_fingerprint(fingerprint)
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def _check_fingerprint(self, fingerprint: str) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        if row and row[0] == fingerprint:
            return
        if row:
            log.info("analysis code or aliases changed: cached analyses dropped")
        with self.conn:
            self.conn.execute("DELETE FROM analyses")
            self.conn.execute("DELETE FROM parsed")
            self.conn.execute("DELETE FROM groupings")
            self.conn.execute("DELETE FROM scans")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))

    def get(self, article: Article) -> AnalysedArticle | None:
        """The cached analysis of ``article``, or None (counted as a hit or a miss)."""
        try:
            query = "SELECT data FROM analyses WHERE key = ?"
            row = self.conn.execute(query, (article_key(article),)).fetchone()
        except sqlite3.Error as exc:
            log.warning("%s: store read failed (%s); analysing again", self.path, exc)
            row = None
        cached = _decode_analysis(article, row[0]) if row else None
        if cached is None:
            self.misses += 1
        else:
            self.hits += 1
        return cached

    def put_many(self, items: Iterable[AnalysedArticle]) -> None:
        rows = [(article_key(i.article), i.article.content_hash, i.article.id, _encode(i)) for i in items]
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            log.warning("%s: could not cache analyses (%s); the next build analyses again", self.path, exc)

    def prune(self, keep: Iterable[Article]) -> int:
        """Drop cached analyses of articles no longer in the corpus; the number dropped."""
        try:
            with self.conn:
                self._keep(article_key(a) for a in keep)
                cur = self.conn.execute("DELETE FROM analyses WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.Error as exc:
            log.warning("%s: could not prune the store (%s)", self.path, exc)
            return 0
        return cur.rowcount

    def get_parsed(self, keys: Sequence[str]) -> dict[str, Parsed]:
        """The cached parses of the files with these keys (``briefgen.ingest.ParsedCache``)."""
        found: dict[str, Parsed] = {}
        try:
            self._keep(keys)
            for key, data in self.conn.execute(
                "SELECT key, data FROM parsed WHERE key IN (SELECT key FROM keep)"
            ):
                with contextlib.suppress(ValueError):
                    found[key] = unpack_parsed(data)
        except sqlite3.Error as exc:
            log.warning("%s: store read failed (%s); parsing again", self.path, exc)
        return found

    def put_parsed(self, fresh: Mapping[str, Parsed], keep: Collection[str]) -> None:
        rows = [(k, pack_parsed(p)) for k, p in fresh.items()]
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO parsed VALUES (?, ?)", rows)
                self._keep([*keep, *fresh])
                self.conn.execute("DELETE FROM parsed WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.Error as exc:
            log.warning("%s: could not cache parses (%s); the next build parses again", self.path, exc)

    def get_stamps(self, stamps: Sequence[str]) -> dict[str, str]:
        """The parse keys recorded for these file stamps (``briefgen.ingest.ParsedCache``)."""
        return self._rows("SELECT stamp, key FROM stamps WHERE stamp", stamps, "reading every file")

    def put_stamps(self, stamps: Mapping[str, str]) -> None:
        try:
            with self.conn:
                self.conn.execute("DELETE FROM stamps")
                self.conn.executemany("INSERT OR REPLACE INTO stamps VALUES (?, ?)", stamps.items())
        except sqlite3.Error as exc:
            log.warning("%s: could not record file stamps (%s)", self.path, exc)

    def _rows(self, select: str, keys: Iterable[str], otherwise: str) -> dict[str, str]:
        """``select`` ("SELECT a, b FROM t WHERE a") for the rows whose column is in ``keys``, as a
        dict; empty (with a warning saying ``otherwise``) if the store cannot be read."""
        try:
            self._keep(keys)
            return dict(self.conn.execute(f"{select} IN (SELECT key FROM keep)").fetchall())
        except sqlite3.Error as exc:
            log.warning("%s: store read failed (%s); %s", self.path, exc, otherwise)
            return {}

    def _keep(self, keys: Iterable[str]) -> None:
        """Fill the temporary ``keep`` table with ``keys``."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
        self.conn.execute("DELETE FROM keep")
        self.conn.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keys))

    def load_grouping(self, topic: str, key: str) -> str | None:
        """``topic``'s claim groups from its last build, if made with the same topics and code (``key``;
        ``briefgen.select.regroup``)."""
        try:
            query = "SELECT data FROM groupings WHERE topic = ? AND key = ?"
            row = self.conn.execute(query, (topic, key)).fetchone()
            return str(row[0]) if row else None
        except sqlite3.Error as exc:
            log.warning("%s: kept claims of %s unreadable (%s); grouping anew", self.path, topic, exc)
            return None

    def save_grouping(self, topic: str, key: str, data: str) -> None:
        try:
            with self.conn:
                self.conn.execute("INSERT OR REPLACE INTO groupings VALUES (?, ?, ?)", (topic, key, data))
        except sqlite3.Error as exc:
            log.warning("%s: could not keep the claims of %s (%s)", self.path, topic, exc)

    def load_scans(self, keys: Sequence[str]) -> dict[str, str]:
        """The kept scans with these keys (``briefgen.select.scanstore``)."""
        return self._rows("SELECT key, data FROM scans WHERE key", keys, "scanning again")

    def save_scans(self, fresh: Mapping[str, str], keep: Collection[str]) -> None:
        """Keep ``fresh`` scans and forget those not in ``keep`` (articles gone, topics changed)."""
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO scans VALUES (?, ?)", fresh.items())
                self._keep([*keep, *fresh])
                self.conn.execute("DELETE FROM scans WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.Error as exc:
            log.warning("%s: could not keep scans (%s); the next build scans again", self.path, exc)

    def cached_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM analyses").fetchone()[0])

    def previous_claims(self, topic: str, memo_date: dt.date) -> tuple[dt.date, frozenset[str]] | None:
        """The latest earlier build of ``topic`` (before ``memo_date``): its date and claim keys."""
        try:
            row = self.conn.execute(
                "SELECT memo_date FROM builds WHERE topic = ? AND memo_date < ? "
                "ORDER BY memo_date DESC LIMIT 1",
                (topic, memo_date.isoformat()),
            ).fetchone()
            if row is None:
                return None
            query = "SELECT claim_key FROM claims WHERE topic = ? AND memo_date = ?"
            keys = self.conn.execute(query, (topic, row[0])).fetchall()
        except sqlite3.Error as exc:
            log.warning("%s: claim history unreadable (%s); no claim marked new", self.path, exc)
            return None
        return dt.date.fromisoformat(row[0]), frozenset(k for (k,) in keys)

    def record_claims(
        self, topic: str, memo_date: dt.date, keys: Iterable[str], items: int | None = None
    ) -> None:
        """Replace the claim keys remembered for ``topic`` on ``memo_date`` (``items``: the memo's
        item count, when an item has several keys)."""
        day = memo_date.isoformat()
        unique = sorted(set(keys))
        try:
            with self.conn:
                self.conn.execute("DELETE FROM claims WHERE topic = ? AND memo_date = ?", (topic, day))
                rows = [(topic, day, k) for k in unique]
                self.conn.executemany("INSERT INTO claims VALUES (?, ?, ?)", rows)
                self.conn.execute(
                    "INSERT OR REPLACE INTO builds VALUES (?, ?, ?)",
                    (topic, day, len(unique) if items is None else items),
                )
        except sqlite3.Error as exc:
            log.warning("%s: could not remember the claims of %s (%s)", self.path, topic, exc)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        conn.execute("PRAGMA journal_mode = WAL")
        _migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    existing = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == SCHEMA_VERSION and existing >= set(_TABLES):
        return
    if existing:
        log.info("store schema %s -> %s: cache tables rebuilt", version, SCHEMA_VERSION)
    with conn:
        for name in _TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {name}")
            conn.execute(f"CREATE TABLE {name} ({_TABLES[name]})")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _move_aside(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if path.exists():
        os.replace(path, path.with_name(path.name + ".corrupt"))


def _encode(item: AnalysedArticle) -> str:
    return pack(item)


def _decode_analysis(article: Article, data: str) -> AnalysedArticle | None:
    try:
        return unpack(article, data)
    except ValueError as exc:
        log.debug("%s: %s; analysing again", article.path, exc)
        return None
