"""Make untrusted article text inert in Markdown.

Every character CommonMark (or GitHub's extensions: tables, strikethrough, math, autolinks) could read as
syntax is backslash-escaped, line starts cannot open a block, and invisible characters (C0/C1 controls,
zero-width and bidi controls) are shown as ``[U+XXXX]`` so nobody can hide or reorder text.

The rendered text reads exactly as the source sentence (bar those visible markers); only the Markdown
*source* carries escapes. JSON output keeps the sentence byte for byte, so each line stays verifiable.
"""

from __future__ import annotations

import re

_SYNTAX = re.compile(r"([\\`*_\[\]<>|~&#!{}$@])")  # inline syntax anywhere in a line
_AUTOLINK = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)|(?<![A-Za-z0-9])(www)(\.)", re.IGNORECASE)
_LEADING = re.compile(r"^(?:([-+=>])|(\d+)([.)]))")  # block syntax at the start of a line
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_SPACE = re.compile("[\t\n\r \u2028\u2029]+")


def show_invisible(text: str) -> str:
    """Replace control, zero-width and bidi characters with a visible ``[U+202E]`` marker."""
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def _no_autolink(m: re.Match[str]) -> str:
    return f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}"


def md_escape(value: object) -> str:
    """Article text as one inert Markdown line: no link, image, HTML, heading, list, table or emphasis."""
    text = _SPACE.sub(" ", show_invisible(str(value))).strip()
    text = _AUTOLINK.sub(_no_autolink, _SYNTAX.sub(r"\\\1", text))
    return _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
