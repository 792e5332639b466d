"""Readable terminal tables for ``articles`` and ``quotes`` (rich, imported only when printing)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _cells(*values: str) -> list[Any]:
    """Plain-text cells: article text must never be read as rich markup."""
    from rich.text import Text

    return [Text(v) for v in values]


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def print_articles(rows: Sequence[dict[str, Any]], explain: bool) -> None:
    from rich.table import Table

    table = Table(title=f"{len(rows)} articles", show_lines=False)
    for name in ("id", "date", "publisher", "lang", "sentences", "title"):
        table.add_column(name, overflow="fold")
    for r in rows:
        copy = f" (copy of {r['duplicate_of']})" if r.get("duplicate_of") else ""
        title = (r["title"] or "—") + copy
        date, publisher = r["date"] or "undated", r["publisher"] or "—"
        table.add_row(*_cells(r["id"], date, publisher, r["lang"], str(len(r["sentences"])), title))
    console = _console()
    console.print(table)
    if explain:
        for r in rows:
            console.print(f"\n{r['id']} dropped {len(r['dropped'])} line(s):", markup=False, highlight=False)
            for d in r["dropped"]:
                console.print(f"  {d['reason']:<18} {d['text'][:100]}", markup=False, highlight=False)


def print_quotes(rows: Sequence[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title=f"{len(rows)} attributed sentences", show_lines=True)
    columns = (("speaker", 2), ("role", 2), ("kind", 1), ("cue", 1), ("sentence", 6), ("article", 2))
    for name, ratio in columns:
        table.add_column(name, ratio=ratio, overflow="fold")
    for r in rows:
        speaker = r["speaker"] or "—"
        if r.get("as_written") and r["as_written"] != r["speaker"]:
            speaker += f" (“{r['as_written']}”)"
        if r.get("unnamed"):
            speaker += " [unnamed]"
        table.add_row(*_cells(speaker, r["role"] or "", r["kind"], r["cue"], r["sentence"], r["article"]))
    _console().print(table)


def print_explain(rows: Sequence[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="chosen sentences, then near misses", show_lines=True)
    columns = (("score", 1), ("relevance", 1), ("terms", 2), ("sentence", 6), ("article", 2), ("why", 3))
    for name, ratio in columns:
        table.add_column(name, ratio=ratio, overflow="fold")
    for r in rows:
        scores = f"{r['score']:.2f}", f"{r['relevance']:.2f}"
        table.add_row(*_cells(*scores, ", ".join(r["terms"]), r["sentence"], r["article_id"], r["why"]))
    _console().print(table)
