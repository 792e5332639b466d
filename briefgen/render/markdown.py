"""Markdown -> HTML with markdown-it-py's ``js-default`` preset: raw HTML off, only safe link schemes."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http://", "https://", "#")


def _validate_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    return md


def to_html(markdown: str) -> str:
    """The HTML body for a Markdown memo."""
    return _parser().render(markdown)
