"""Small text helpers for fetched material: HTML fragments to plain text, one-line values, language tags."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer tr table pre figure".split()
)
_SKIP = frozenset(("script", "style", "noscript", "template"))
_SPACES = re.compile(r"[ \t\f\v]+")  # ASCII only: a no-break space in the text is kept as it is
_LANG = re.compile(r"[a-z]{2,3}")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): paragraphs on their own lines, scripts dropped."""
    if "<" not in fragment and "&" not in fragment:
        return _paragraphs(fragment)
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return _paragraphs("".join(parser.parts))


def _paragraphs(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Collapse whitespace; drop control characters and bidi embeddings/overrides from a short value."""
    kept = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text if ch not in _BIDI)
    return " ".join(kept.split())


def language(tag: str | None) -> str:
    """``en-GB`` → ``en``; anything that is not a language tag → ''."""
    primary = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    return primary if _LANG.fullmatch(primary) else ""
