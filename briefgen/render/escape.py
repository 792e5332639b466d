"""Make untrusted article text inert in Markdown: every character that CommonMark could read as syntax is
backslash-escaped, and invisible controls (C0/C1 controls, bidi overrides) are shown as ``[U+XXXX]``.

The rendered text reads exactly as the source sentence; only the Markdown *source* carries escapes.
JSON output keeps the sentence byte for byte.
"""

from __future__ import annotations

import re

_SYNTAX = re.compile(r"([\\`*_\[\]<>|~&])")  # inline syntax anywhere in a line
_LEADING = re.compile(r"^(?:([-+#>=])|(\d+)([.)]))")  # block syntax at the start of a line
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")


def show_invisible(text: str) -> str:
    """Replace control and bidi-override characters with a visible ``[U+202E]`` marker."""
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def md_escape(value: object) -> str:
    """Article text as one inert Markdown line: no link, image, HTML, heading, list or emphasis."""
    text = _SYNTAX.sub(r"\\\1", _SPACE.sub(" ", show_invisible(str(value))).strip())
    return _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
