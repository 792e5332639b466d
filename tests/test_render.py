"""Rendering a hand-built memo: Markdown golden file, HTML, JSON contract, PDF read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from briefgen.errors import ConfigError
from briefgen.models import Attribution, Citation, Memo, MemoHeader, MemoItem, MemoStats, Source
from briefgen.render import Renderer

GOLDEN = Path(__file__).parent / "golden" / "readmissions.md"
DATE = dt.date(2026, 2, 25)
NUNEZ = Attribution("indirect", "said", "Laurent Nuñez", "laurent-nunez", "He", "French Interior Minister")
OFFICIALS = Attribution("according-to", "according to", "officials", None, "officials", None, unnamed=True)


def source(n: int, id: str, **kw: object) -> Source:
    fields: dict = {
        "path": f"corpus/{id}.txt",
        "title": f"Story {n}",
        "publisher": "Wire",
        "date": DATE,
        "url": None,
    }
    return Source(n, id, **{**fields, **kw})  # type: ignore[arg-type]


def item(section: str, text: str, *cited: tuple[str, int], **kw: object) -> MemoItem:
    citations = tuple(Citation(sid, n, text) for sid, n in cited)
    return MemoItem(section, text, citations, **kw)  # type: ignore[arg-type]


def build_memo(*items: MemoItem, sources: tuple[Source, ...] = ()) -> Memo:
    return Memo(
        "readmissions", "Migration and readmissions", "Returns under removal orders.", DATE,
        MemoHeader("Desk", "Director", "briefgen", "UNCLASSIFIED // TEST"),
        sources or (source(1, "a", url="https://news.example/a"), source(2, "b", duplicate_of="a")),
        items, MemoStats(2, 40, len(items)),
    )  # fmt: skip


SAMPLE = build_memo(
    item("bottom-line", "Algeria agreed to resume readmissions, Nuñez said.", ("a", 1), ("b", 2),
         attribution=NUNEZ, independent_sources=1),
    item("key-statements", "He said consular passes would follow “within weeks”.", ("a", 1), attribution=NUNEZ),
    item("key-statements", "According to officials, 300 cases are pending.", ("b", 2), attribution=OFFICIALS),
    item("context", "An OQTF is a removal order.", ("a", 1), is_new=True),
    item("timeline", "Talks resumed on Tuesday.", ("a", 1), event_date=dt.date(2026, 2, 17),
         event_date_text="on Tuesday"),
)  # fmt: skip


def test_markdown_matches_the_golden_file() -> None:
    md = Renderer().render(SAMPLE, "md").decode("utf-8")
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN"):
        GOLDEN.write_text(md, encoding="utf-8")
    assert md == GOLDEN.read_text(encoding="utf-8")


def test_markdown_sections_citations_and_speakers() -> None:
    md = Renderer().render(SAMPLE, "md").decode("utf-8")
    for heading in (
        "## Bottom line",
        "## Key statements",
        "## Context",
        "## Timeline",
        "## Sources",
        "## Method",
    ):
        assert heading in md
    assert "### Laurent Nuñez, French Interior Minister" in md
    assert "### Unnamed source: officials" in md
    assert "\\[1\\]\\[2\\]" in md and "**NEW**" in md and "(“on Tuesday”)" in md
    assert "Syndicated copy of \\[1\\]; counted once." in md
    assert md.count("UNCLASSIFIED // TEST") == 2


def test_json_contract() -> None:
    doc = json.loads(Renderer().render(SAMPLE, "json"))
    assert {"topic", "title", "date", "sources", "items"} <= doc.keys()
    assert {"id", "path", "title", "publisher", "date", "url"} <= doc["sources"][0].keys()
    first = doc["items"][0]
    assert first["citations"][0] == {"source": "a", "number": 1, "sentence": first["text"]}
    assert first["attribution"]["speaker"] == "Laurent Nuñez"
    assert [i["section"] for i in doc["items"]].count("timeline") == 0 and len(doc["timeline"]) == 1


def test_pdf_reads_back_with_text_metadata_and_page_numbers() -> None:
    from pypdf import PdfReader

    data = Renderer().render(SAMPLE, "pdf")
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Algeria agreed to resume readmissions" in text
    assert f"Page 1 of {len(reader.pages)}" in text and "UNCLASSIFIED // TEST" in text
    meta = reader.metadata
    assert meta is not None and meta.title and "Migration and readmissions" in meta.title
    assert meta.author == "Desk"
    assert len(data) < 300_000

    def titles(outline: list) -> list[str]:
        return [t for o in outline for t in (titles(o) if isinstance(o, list) else [o.title])]

    assert {"Migration and readmissions", "Bottom line", "Sources"} <= set(titles(reader.outline))


def test_same_memo_gives_byte_identical_outputs() -> None:
    for fmt in ("md", "json", "pdf"):
        assert Renderer().render(SAMPLE, fmt) == Renderer().render(SAMPLE, fmt)


def test_user_templates_override_the_built_in_ones(tmp_path: Path) -> None:
    (tmp_path / "memo.md.j2").write_text("Custom: {{ memo.title|md }}\n", encoding="utf-8")
    assert Renderer(tmp_path).render(SAMPLE, "md") == b"Custom: Migration and readmissions\n"
    assert b"%PDF" in Renderer(tmp_path).render(SAMPLE, "pdf")[:8]  # memo.css still the built-in one


def test_a_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "memo.md.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"memo\.md\.j2:2: template syntax error"):
        Renderer(tmp_path).check()


def test_a_missing_template_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="template folder does not exist"):
        Renderer(tmp_path / "nope")
