"""Per-format readers: decoded file text -> documents (text to parse, plus the metadata the format states).

``.txt``: the text. ``.md``: optional YAML front matter (title, publisher/source, date, url, lang), read
with ``yaml.safe_load``; malformed front matter is reported and ignored. ``.html``/``.htm``: main text
and metadata extracted by trafilatura (raw markup never reaches the text). ``.json``: one record, a
list of records or ``{"articles": [...]}``; ``.jsonl``: one record per line. A record is an article when
it has a ``text`` (or ``body``/``content``) string; a JSON file without one is skipped.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from briefgen.ingest.meta import parse_date_value
from briefgen.ingest.values import Meta, SkipFile

log = logging.getLogger(__name__)

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TAG = re.compile(r"<(?:p|div|br|span|a|script|style|html|body|article|h[1-6]|img|li|ul|table)\b", re.I)
_TEXT_KEYS = ("text", "body", "content", "article", "html")
_KEYS = {
    "title": ("title", "headline"),
    "publisher": ("publisher", "source", "site", "sitename", "site_name", "outlet"),
    "date": (
        "date",
        "published",
        "pubdate",
        "pub_date",
        "published_at",
        "publishedat",
        "published_time",
        "datetime",
        "date_published",
        "created_at",
    ),
    "url": ("url", "link", "canonical"),
    "lang": ("lang", "language"),
}


@dataclass(frozen=True)
class Document:
    text: str
    meta: Meta
    markdown: bool = False
    offset: int | None = 0  # where ``text`` starts in the file's text; None when it is extracted from it


def documents(suffix: str, text: str, name: str) -> list[Document]:
    """The documents in one file's text; SkipFile when the file holds no article."""
    if suffix in (".md", ".markdown"):
        return [markdown(text, name)]
    if suffix in (".html", ".htm"):
        return [html(text, name)]
    if suffix == ".json":
        return records(_json_records(text), name)
    if suffix == ".jsonl":
        return records(_jsonl_records(text, name), name)
    return [Document(text, Meta())]


def markdown(text: str, name: str) -> Document:
    m = _FRONT.match(text)
    if not m:
        return Document(text, Meta(), markdown=True)
    import yaml  # imported on first use

    rest = text[m.end() :]
    try:
        data = yaml.safe_load(m[1] or "")
    except yaml.YAMLError as exc:
        log.warning("%s: malformed front matter ignored (%s)", name, str(exc).splitlines()[0])
        return Document(rest, Meta(), markdown=True, offset=m.end())
    if data is not None and not isinstance(data, dict):
        log.warning("%s: front matter is not a mapping; ignored", name)
        return Document(rest, Meta(), markdown=True, offset=m.end())
    return Document(rest, meta_from(data or {}), markdown=True, offset=m.end())


def meta_from(data: dict[str, Any]) -> Meta:
    """Metadata from a mapping (front matter, JSON record), under any of the usual key names."""
    lowered = {str(k).lower(): v for k, v in data.items()}

    def pick(field: str) -> Any:
        return next((lowered[k] for k in _KEYS[field] if lowered.get(k) not in (None, "")), None)

    lang = _text(pick("lang"))
    return Meta(
        title=_text(pick("title")),
        publisher=_text(pick("publisher")),
        date=parse_date_value(pick("date")),
        url=_text(pick("url")),
        lang=lang[:2].lower() if lang else None,
    )


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return " ".join(str(value).split()) or None
    return None


def html(text: str, name: str, fallback: Meta | None = None) -> Document:
    """Main text and metadata of an HTML page, via trafilatura; SkipFile when it finds no text."""
    import trafilatura  # slow to import: only when a page is read

    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # a parser failing on hostile markup must not stop the build
        raise SkipFile(f"HTML could not be parsed ({type(exc).__name__})") from None
    data = doc if isinstance(doc, dict) or doc is None else doc.as_dict()
    body = (data or {}).get("text") or ""
    if not body.strip():
        raise SkipFile("no article text found in the HTML")
    found = meta_from({k: data.get(k) for k in ("title", "sitename", "date", "url", "language") if data})
    fallback = fallback or Meta()
    return Document(
        body,
        Meta(
            title=fallback.title or found.title,
            publisher=fallback.publisher or found.publisher,
            date=fallback.date or found.date,
            url=fallback.url or found.url,
            lang=fallback.lang or found.lang,
        ),
        offset=None,
    )


def _json_records(text: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SkipFile(f"invalid JSON (line {exc.lineno}: {exc.msg})") from None
    if isinstance(data, dict):
        lists = (data[k] for k in ("articles", "items", "records", "data") if isinstance(data.get(k), list))
        nested = next(lists, None)
        return nested if nested is not None else [data]
    return data if isinstance(data, list) else [data]


def _jsonl_records(text: str, name: str) -> list[Any]:
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                log.warning("%s:%d: invalid JSON line skipped (%s)", name, number, exc.msg)
    return out


def records(items: list[Any], name: str) -> list[Document]:
    """Documents for the records that are articles; SkipFile when none is."""
    docs = []
    for item in items:
        body = _record_text(item)
        if body is None:
            continue
        meta = meta_from(item)
        if _TAG.search(body):
            try:
                docs.append(html(body, name, meta))
            except SkipFile as exc:
                log.warning("%s: record %r skipped (%s)", name, meta.title or len(docs) + 1, exc)
            continue
        docs.append(Document(body, meta, offset=None))
    if not docs:
        raise SkipFile("JSON holds no article records (no text, body or content field)")
    return docs


def _record_text(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    lowered = {str(k).lower(): v for k, v in item.items()}
    return next((v for k in _TEXT_KEYS if isinstance(v := lowered.get(k), str) and v.strip()), None)
