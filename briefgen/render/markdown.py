"""Markdown -> HTML with markdown-it-py's ``js-default`` preset: raw HTML off, only safe link schemes.

Citations are written ``[\\[1\\]]`` in the Markdown with a definition ``[\\[1\\]]: #source-1``; a core rule
gives the items of the first ordered list (the source list) the matching ``id="source-N"`` so every
citation is a link to its entry. Article text cannot make links (its brackets are escaped).
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

SAFE_SCHEMES = ("http://", "https://", "#")


def _validate_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _source_ids(state: StateCore) -> None:
    """``id="source-N"`` on the items of the first ordered list, numbered as written."""
    inside = False
    for token in state.tokens:
        if token.type == "ordered_list_open":
            inside = True
        elif token.type == "ordered_list_close":
            return
        elif inside and token.type == "list_item_open" and token.level == 1 and token.info.isdigit():
            token.attrSet("id", f"source-{int(token.info)}")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.core.ruler.push("source_ids", _source_ids)
    return md


def to_html(markdown: str) -> str:
    """The HTML body for a Markdown memo."""
    return _parser().render(markdown)
