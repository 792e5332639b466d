"""Which lines are body text: rules for what a line plainly is, the line model for the rest.

Rules first (``_first_label``): Markdown headings, user and built-in clutter phrases, lines that are a
date, a byline, a wire credit, a cross-reference or a photo credit. Every other line is scored by the
line model (``briefgen.ingest.linemodel``); below its threshold a line is dropped with the reason the
model gives (caption, navigation, clutter, dateline, byline, repeated, subhead...), or, when nothing
specific counts against it, by where it stands: "header" above the body, "subhead" within it (kept as
structure, never as a sentence), "trailing" below it. A sentence within the body is dropped only for a
specific reason. The headline is the model's best candidate above the body (or a Markdown heading).
Labels: ``None`` (body), ``"subhead"``, ``"headline"`` or the reason the line is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.ingest import linemodel, phrases
from briefgen.ingest.lines import Line, key
from briefgen.ingest.meta import find_date

_CREDIT = re.compile(
    r"(?:^|[\s(.|/])(?:photo|image|picture|pic|credit|crédit|illustration|photograph|video)s?"
    r"(?:\s+(?:credit|by|courtesy(?:\s+of)?|source))?\s*[:©]\s*\S"
    r"|©|\((?:photo|image|picture)s?\s+(?:by|credit)",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^(?:source|sources|credit|crédit|via)\s*:", re.IGNORECASE)
_BYLINE = re.compile(r"^[*_\s]*(?:by|par|written by|reporting by)\s+\S", re.IGNORECASE)
_CREDITS = re.compile(  # wire credits: "(Reporting by X in Paris; Editing by Y)", "Edited by Y"
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|edited|written|compiled|translated"
    r"|rédigé|édité|traduit)\s+(?:by|par)\s+[^.!?]*[)\]]?\s*$",
    re.IGNORECASE,
)
_CROSS_REFERENCE = re.compile(  # "Read more: <another story's headline or sentence>"
    r"^[\W_]*(?:read\s+more|read\s+also|also\s+read|see\s+also|related|recommended|watch|listen"
    r"|lire\s+aussi|à\s+lire\s+(?:aussi|également)|voir\s+aussi|sur\s+le\s+même\s+sujet)\s*:\s*\S",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-*•▪◦]|\d{1,2}[.)])\s+\S")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)[\s#]*$")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)$")
_LONG = tuple(sorted(p for p in phrases.LINE | phrases.CUT if len(p) >= 10))
FOOTER_SHARE = 0.4
"""A footer phrase cuts the rest of the text only when less than this share of the text follows it."""


def heading_text(text: str) -> str:
    """A Markdown heading without its ``#`` marks; other lines unchanged."""
    m = _MD_HEADING.match(text)
    return m[1] if m and m[1] else text


def label_lines(
    lines: Sequence[Line],
    title: str | None = None,
    extra: frozenset[str] = frozenset(),
    markdown: bool = False,
    lang: str = "en",
) -> tuple[list[str | None], str | None]:
    """A label per line, and the title (``title`` when given, else the best headline candidate)."""
    keys = [key(line.text) if line.words <= 30 else line.text for line in lines]
    pre = [_first_label(line, k, extra, markdown) for line, k in zip(lines, keys, strict=True)]
    scored = linemodel.score(lines, lang, keys, [p is not None for p in pre])
    body = [p is None and scored.is_body(i) for i, p in enumerate(pre)]
    at = None
    if not title:
        title, at = _infer_title(lines, pre, scored, body)
    labels = _final(lines, keys, pre, body, scored, (key(title) if title else "", at))
    _cut_footer(lines, pre, labels)
    return labels, title


def _first_label(line: Line, k: str, extra: frozenset[str], markdown: bool) -> str | None:
    """What a line is on its own, before position and repetition are considered."""
    if not k:
        return "clutter"
    if markdown and _MD_HEADING.match(line.text):
        return "md-heading"
    if not line.prose and line.words <= 15 and find_date(line.text):
        return "dateline"
    if _BYLINE.match(line.text) and line.words <= 15 and (not line.prose or line.words <= 8):
        return "byline"
    if line.words <= 40 and _CREDITS.match(line.text):
        return "byline"
    if line.words <= 40 and _CROSS_REFERENCE.match(line.text):
        return "teaser"
    found = _phrase(k, line, extra)
    if found:
        return found
    if line.words <= 40 and _credit(line.text):
        return "caption"
    if not line.prose and line.text.count(" | ") >= 2:
        return "byline"
    return None


def _credit(text: str) -> bool:
    """A photo credit or caption marker ("Photo: ...", "(Photo by ...)", "©", "Source: ...")."""
    if ":" not in text and "©" not in text and "(" not in text:
        return False
    return bool(_CREDIT.search(text) or (_SOURCE.match(text) and len(text.split()) <= 15))


def _phrase(k: str, line: Line, extra: frozenset[str]) -> str | None:
    if any(k == p or k.startswith(p + " ") for p in extra):
        return "clutter"
    calls = line.words <= 30 and k.startswith(phrases.CALL)
    if line.words <= 40 and k.startswith(phrases.NOTICE):
        return "clutter"
    if line.prose:
        return "newsletter" if calls else _exact(k)
    words = k.split()
    for size in range(min(len(words), 5), 0, -1):
        head = " ".join(words[:size])
        if len(words) <= size + 3 and (head in phrases.CUT or head in phrases.LINE):
            return _exact(head)
    if k in phrases.IMAGE:
        return "image"
    for p in _LONG:
        if k.startswith(p) and len(words) <= p.count(" ") + 4:
            return _exact(p)
    return "newsletter" if calls else None


def _exact(k: str) -> str | None:
    if k in phrases.CUT:
        return "footer"
    return "clutter" if k in phrases.LINE else None


def _infer_title(
    lines: Sequence[Line], pre: Sequence[str | None], scored: linemodel.Scored, body: Sequence[bool]
) -> tuple[str | None, int | None]:
    """A Markdown heading among the first lines, else the line model's best headline above the body."""
    for i in range(min(len(lines), 10)):
        if pre[i] == "md-heading":
            return heading_text(lines[i].text), i
    first = next((i for i, b in enumerate(body) if b), len(lines))
    candidates = [i for i in range(max(0, first - linemodel.TITLE_WINDOW), first) if pre[i] is None]
    at = linemodel.title_index(scored, candidates, [p in ("dateline", "byline") for p in pre])
    return (lines[at].text, at) if at is not None else (None, None)


def _final(
    lines: Sequence[Line],
    keys: Sequence[str],
    pre: Sequence[str | None],
    body: Sequence[bool],
    scored: linemodel.Scored,
    title: tuple[str, int | None],
) -> list[str | None]:
    inside = [i for i, b in enumerate(body) if b]
    first, last = (inside[0], inside[-1]) if inside else (len(lines), -1)
    seen: set[str] = set()
    labels: list[str | None] = []
    for i, line in enumerate(lines):
        k, p = keys[i], pre[i]
        if i == title[1] or (title[0] and k == title[0] and line.words <= 30):
            label: str | None = "headline"
        elif p == "md-heading":
            label = "subhead"
        elif p:
            label = {"image": "caption", "footer": "clutter"}.get(p, p)
        elif body[i]:
            label = "repeated" if k in seen else _teaser(line, k, keys)
            seen.add(k)
        elif (i and pre[i - 1] == "image") or (i + 1 < len(lines) and pre[i + 1] == "caption"):
            label = "caption"
        elif first < i < last and scored.sentence(i):  # a sentence within the body: dropped only for a
            label = linemodel.reason(scored.rows[i], None)  # specific reason ("He resigned." is body)
        else:
            where = "header" if i < first else "trailing" if i > last else "subhead"
            label = linemodel.reason(scored.rows[i], where)
        labels.append(label)
    return labels


def _teaser(line: Line, k: str, keys: Sequence[str]) -> str | None:
    """A truncated copy of another line ("The talks covered..."), as standfirsts and link cards are."""
    if not line.text.endswith(("...", "…")):
        return None
    stem = key(_ELLIPSIS.sub("", line.text))
    return "teaser" if stem and any(o != k and o.startswith(stem) for o in keys) else None


def _cut_footer(lines: Sequence[Line], pre: Sequence[str | None], labels: list[str | None]) -> None:
    """After a footer phrase ("More to explore") that little text follows, everything is footer."""
    total = sum(len(line.text) for line in lines)
    after = total
    seen_body = False
    for i, line in enumerate(lines):
        after -= len(line.text)
        seen_body = seen_body or labels[i] is None
        if pre[i] == "footer" and seen_body and after < FOOTER_SHARE * total:
            for j in range(i + 1, len(lines)):
                if labels[j] not in ("dateline", "byline", "caption"):  # kept: they are read as metadata
                    labels[j] = "footer"
            return
