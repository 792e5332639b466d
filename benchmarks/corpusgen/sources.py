"""Read the sample corpus into recombinable pieces: a title, a date and paragraphs of sentences."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’]))\s+(?=[\"“'‘«(A-Z0-9À-Ý])")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|br|article|section|header|footer)\b[^>]*>", re.I)
_DROP = re.compile(r"<(script|style|nav|aside)\b.*?</\1>", re.I | re.S)
_MONTHS = "January February March April May June July August September October November December".split()
MONTH = r"(?:" + "|".join(_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_DATE = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<d>\d{{1,2}}) (?P<m>{MONTH}) (?P<y>\d{{4}})"
    rf"|(?P<m2>{MONTH}) (?P<d2>\d{{1,2}}), (?P<y2>\d{{4}})"
)


def month_number(name: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.rstrip(".")))


def month_name(number: int, like: str) -> str:
    """The month's name, abbreviated (``Feb.``) when ``like`` is."""
    name = _MONTHS[number - 1]
    if not like.endswith("."):
        return name
    return name if len(name) <= 4 else ("Sept." if number == 9 else name[:3] + ".")


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    date: dt.date | None
    paragraphs: tuple[tuple[str, ...], ...]
    language: str = "en"

    @property
    def size(self) -> int:
        return sum(len(s) + 1 for p in self.paragraphs for s in p)


def first_date(text: str) -> dt.date | None:
    for m in _DATE.finditer(text):
        try:
            if m["iso"]:
                return dt.date.fromisoformat(m["iso"])
            if m["d"]:
                return dt.date(int(m["y"]), month_number(m["m"]), int(m["d"]))
            return dt.date(int(m["y2"]), month_number(m["m2"]), int(m["d2"]))
        except ValueError:
            continue
    return None


def split_sentences(paragraph: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in SENTENCE_END.split(paragraph) if s.strip())


def _texts(path: Path) -> list[tuple[str, str]]:
    """(title, text) pairs held by one file; a JSON Lines file may hold many."""
    raw = path.read_text(encoding="utf-8-sig", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        title = re.search(r"<title[^>]*>(.*?)</title>", raw, re.I | re.S)
        body = _TAG.sub("", _BLOCK.sub("\n\n", _DROP.sub("", raw)))
        return [(html.unescape(title[1]).strip() if title else "", html.unescape(body))]
    if suffix in (".json", ".jsonl"):
        out = []
        for obj in _json_objects(raw, suffix):
            text = next((obj[k] for k in ("text", "body", "content") if isinstance(obj.get(k), str)), "")
            date = str(obj.get("date") or obj.get("published") or "")  # first_date() finds it first
            out.append((str(obj.get("title") or obj.get("headline") or ""), f"{date}\n\n{text}"))
        return out
    front = _FRONT_MATTER.match(raw)
    title = ""
    if front:
        title = next(
            (
                ln.split(":", 1)[1].strip().strip("\"'")
                for ln in front[1].splitlines()
                if ln.lower().startswith("title:")
            ),
            "",
        )
        date = next((ln for ln in front[1].splitlines() if ln.lower().startswith("date:")), "")
        raw = f"{date}\n\n{raw[front.end() :]}"
    return [(title, raw)]


def _json_objects(raw: str, suffix: str) -> list[dict]:
    try:
        data = (
            [json.loads(ln) for ln in raw.splitlines() if ln.strip()]
            if suffix == ".jsonl"
            else json.loads(raw)
        )
    except json.JSONDecodeError:
        return []
    items = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else []
    return [d for d in items if isinstance(d, dict)]


def _language(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    french = sum(w in ("le", "la", "les", "des", "du", "est") for w in words)
    english = sum(w in ("the", "of", "and", "is", "was") for w in words)
    return "fr" if french > english else "en"


def _is_paragraph(line: str) -> bool:
    return len(line) >= 80 and line.count(" ") >= 10 and line[-1] in ".!?…\"”»'’)"


def to_source(name: str, title: str, text: str) -> Source | None:
    """Paragraphs are lines of prose (80+ characters ending a sentence); a short early line is the title."""
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    paragraphs = tuple(split_sentences(ln) for ln in lines if _is_paragraph(ln))
    if not paragraphs:
        return None
    if not title:
        title = next(
            (
                ln
                for ln in lines[:5]
                if ln.count(" ") >= 4
                and len(ln) < 160
                and not _is_paragraph(ln)
                and not re.search(r"\d{4}|\|", ln)
            ),
            paragraphs[0][0][:90],
        )
    title = re.sub(r"\s+\|\s+[^|]+$", "", title.lstrip("# ").strip())
    return Source(name, title, first_date(text), paragraphs, _language(text))


def load_sources(folder: Path) -> list[Source]:
    """Every usable article under ``folder``, in a stable (sorted) order."""
    sources = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
        for n, (title, text) in enumerate(_texts(path)):
            source = to_source(f"{path.name}#{n}", title, text)
            if source is not None:
                sources.append(source)
    return sources
