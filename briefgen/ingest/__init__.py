"""Ingestion: files in a corpus folder -> Article values (first version: plain text only)."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefgen.models import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20_000_000
    clutter: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def article_id(root: Path, path: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", "-".join(rel.parts)).strip("-") or "article"


def parse_text(text: str, path: str, id: str) -> Article:
    text = unicodedata.normalize("NFC", text)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    body = "\n\n".join(paragraphs)
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id, path, None, None, None, None, "en", body, content_hash=digest)


def read_corpus(root: Path, options: IngestOptions | None = None) -> IngestResult:
    options = options or IngestOptions()
    articles, skipped = [], []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("%s: skipped (%s)", path, exc)
            skipped.append(Skipped(str(path), str(exc)))
            continue
        articles.append(parse_text(text, str(path), article_id(root, path)))
    return IngestResult(tuple(articles), tuple(skipped))
