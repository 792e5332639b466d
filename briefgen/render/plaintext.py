"""A Markdown memo as readable plain text (an e-mail's text part) and as a small HTML document.

The Markdown is parsed with the same markdown-it-py parser as the HTML memo, so escapes are undone
exactly as a Markdown reader would undo them: ``[\\[1\\]]`` reads ``[1]``, ``\\*`` reads ``*``. Headings
are underlined, lists keep their markers, emphasis marks go, links show their text (and an outside
link its address). Article text stays inert: the parser has raw HTML off, and the text is not markup.
"""

from __future__ import annotations

import html

from markdown_it.tree import SyntaxTreeNode

from briefgen.render.markdown import _parser, to_html

_UNDERLINE = {"h1": "=", "h2": "-"}


def to_text(markdown: str) -> str:
    """Plain text for a Markdown memo: blocks separated by a blank line."""
    root = SyntaxTreeNode(_parser().parse(markdown))
    return "\n\n".join(_blocks(root.children)).strip() + "\n"


def to_html_document(markdown: str, title: str) -> str:
    """The memo's HTML (as the HTML memo's body is made) in a minimal page for a mail client."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        '<body style="font-family: sans-serif; max-width: 46em; line-height: 1.4">\n'
        f"{to_html(markdown)}</body></html>\n"
    )


def _blocks(nodes: list[SyntaxTreeNode]) -> list[str]:
    return [text for text in (_block(node) for node in nodes) if text]


def _block(node: SyntaxTreeNode) -> str:
    if node.type == "heading":
        text = _inline(node.children)
        mark = _UNDERLINE.get(node.tag)
        return f"{text}\n{mark * len(text)}" if mark else text
    if node.type == "paragraph":
        return _inline(node.children)
    if node.type in ("bullet_list", "ordered_list"):
        return "\n".join(_item(item, node.type == "ordered_list") for item in node.children)
    if node.type in ("code_block", "fence"):
        return node.content.rstrip("\n")
    if node.type == "hr":
        return "-" * 72
    return "\n\n".join(_blocks(node.children))  # blockquote, anything else: its content


def _item(node: SyntaxTreeNode, ordered: bool) -> str:
    marker = f"{node.info}. " if ordered and node.info else "- "
    lines = "\n".join(_blocks(node.children)).splitlines() or [""]
    indent = " " * len(marker)
    return "\n".join([marker + lines[0]] + [indent + line if line else line for line in lines[1:]])


def _inline(nodes: list[SyntaxTreeNode]) -> str:
    parts = []
    for node in nodes:
        if node.type == "inline":
            parts.append(_inline(node.children))
        elif node.type in ("text", "code_inline"):
            parts.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif node.type == "link":
            parts.append(_link(node))
        elif node.type == "image":
            parts.append(node.content)
        else:  # strong, em, s: their text without the marks
            parts.append(_inline(node.children))
    return "".join(parts)


def _link(node: SyntaxTreeNode) -> str:
    text = _inline(node.children)
    href = str(node.attrs.get("href", ""))
    if node.info == "auto" or href.startswith("#") or not href or href == text:
        return text
    return f"{text} <{href}>"
