"""Rendering hand-built memos: Markdown golden file, HTML links, JSON contract, PDF read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefgen.errors import ConfigError, UsageError
from briefgen.models import Citation
from briefgen.render import Renderer
from tests.builders import build_memo, item, sample_memo, source, twelve_item_memo

GOLDEN = Path(__file__).parent / "golden" / "readmissions.md"
SAMPLE = sample_memo()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return Renderer().render(SAMPLE, "pdf")


def test_markdown_matches_the_golden_file() -> None:
    md = Renderer().render(SAMPLE, "md").decode("utf-8")
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(md, encoding="utf-8")
    assert md == GOLDEN.read_text(encoding="utf-8")


def test_markdown_sections_citations_and_speakers() -> None:
    md = Renderer().render(SAMPLE, "md").decode("utf-8")
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings == ["Bottom line", "Key statements", "Context", "Timeline", "Sources", "Method"]
    assert "### Laurent Nuñez, French Interior Minister" in md
    assert "### Unnamed source: officials" in md
    assert "[\\[1\\]] [\\[2\\]] *(single source)*" in md and "*(2 independent sources)*" not in md
    assert "- **NEW** An OQTF is a removal order." in md
    assert "**17 February 2026** (“on Tuesday”): Talks resumed on Tuesday." in md
    assert "Syndicated copy of [\\[1\\]]; counted once." in md
    assert "File: b.txt" in md and "<https://news.example/a>" in md
    assert md.startswith("**UNCLASSIFIED // TEST**") and md.rstrip().endswith("**UNCLASSIFIED // TEST**")


def test_markdown_is_commonmark_whose_citations_link_to_the_source_list() -> None:
    md = Renderer().render(SAMPLE, "md").decode("utf-8")
    html = MarkdownIt("commonmark").render(md)
    assert '<a href="#source-1">[1]</a> <a href="#source-2">[2]</a>' in html
    assert "<h2>Sources</h2>\n<ol>" in html and "[\\[" not in html


def test_html_citations_resolve_to_source_entries() -> None:
    html = Renderer().render(SAMPLE, "html").decode("utf-8")
    targets = set(re.findall(r'href="#(source-\d+)"', html))
    assert targets == {"source-1", "source-2"}
    assert all(f'<li id="{t}">' in html for t in targets)
    assert html.count('<p class="banner">UNCLASSIFIED // TEST</p>') == 2


def test_nothing_new_and_notes_are_shown() -> None:
    memo = build_memo((item("context", "A sentence."),), nothing_new=True, notes=("Two sources skipped.",))
    md = Renderer().render(memo, "md").decode("utf-8")
    assert "> Nothing new since the last build" in md and "> Two sources skipped." in md
    assert "*(single source)*" in md


def test_json_contract() -> None:
    raw = Renderer().render(SAMPLE, "json").decode("utf-8")
    doc = json.loads(raw)
    assert list(doc)[:4] == ["topic", "title", "scope", "date"] and "Nuñez" in raw  # key order, raw UTF-8
    assert {"id", "path", "title", "publisher", "date", "url"} <= doc["sources"][0].keys()
    assert doc["sources"][0]["items"] == 4 and doc["sources"][1]["duplicate_of"] == "a"
    first = doc["items"][0]
    assert first["citations"][0] == {"source": "a", "number": 1, "sentence": first["text"]}
    assert first["attribution"] == first["attribution"] | {"speaker": "Laurent Nuñez", "kind": "indirect"}
    assert doc["items"][3]["attribution"] is None and doc["items"][3]["new"] is True
    assert [i["section"] for i in doc["items"]].count("timeline") == 0
    assert doc["timeline"][0]["event_date"] == "2026-02-17"
    ids = {s["id"] for s in doc["sources"]}
    assert all(
        c["source"] in ids and c["sentence"] == i["text"] for i in doc["items"] for c in i["citations"]
    )


def test_json_see_also_is_shown_never_counted() -> None:
    """Related sentences of other sources come under ``see_also``; ``citations`` and the counts the
    scorer reads stay what the item's own sources support."""
    related = Citation("b", 2, "A related sentence.")
    dated = {
        "event_date": dt.date(2025, 4, 1),
        "event_date_text": "in April 2025",
        "event_precision": "month",
    }
    first = item("bottom-line", "Talks resumed in April 2025.", ("a", 1), see_also=(related,), **dated)
    memo = build_memo(
        (first, dataclasses.replace(first, section="timeline", shown_in="bottom-line")),
        sources=(source(1, "a"), dataclasses.replace(source(2, "b"), related=1)),
    )
    doc = json.loads(Renderer().render(memo, "json").decode("utf-8"))
    got = doc["items"][0]
    assert [c["source"] for c in got["citations"]] == ["a"] and got["independent_sources"] == 1
    assert got["see_also"] == [{"source": "b", "number": 2, "sentence": "A related sentence."}]
    assert (got["event_precision"], got["event_since"]) == ("month", False) and "shown_in" not in got
    assert doc["timeline"][0]["shown_in"] == "bottom-line"
    assert [s["related"] for s in doc["sources"]] == [0, 1] and doc["sources"][1]["items"] == 0
    md = Renderer().render(memo, "md").decode("utf-8")
    assert "*(single source; see also [\\[2\\]])*" in md and "**April 2025**: see Bottom line" in md


def _outline_titles(outline: list) -> list[str]:
    return [t for o in outline for t in (_outline_titles(o) if isinstance(o, list) else [o.title])]


def test_pdf_reads_back_with_text_metadata_and_page_numbers(pdf: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    text = "".join(pages)
    for sentence in ("Algeria agreed to resume readmissions", "300 cases are pending", "Talks resumed"):
        assert sentence in text
    assert f"Page 1 of {len(pages)}" in text
    assert all(page.count("UNCLASSIFIED // TEST") == 2 for page in pages)  # banner top and bottom
    meta = reader.metadata
    assert meta is not None and meta.title == "Migration and readmissions — 25 February 2026"
    assert meta.author == "Desk" and meta.subject and "Returns under removal orders." in meta.subject
    assert meta.get("/Keywords", "").startswith("readmissions")
    assert meta.get("/CreationDate") == "D:20260225000000Z"
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    titles = _outline_titles(reader.outline)
    assert (
        titles[:3] == ["Migration and readmissions", "Bottom line", "Key statements"] and "Sources" in titles
    )
    assert len(pdf) < 300_000


def test_pdf_embeds_its_fonts(pdf: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"].values()
    for font in (f.get_object() for f in fonts):
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]


def test_a_twelve_item_memo_stays_small() -> None:
    from pypdf import PdfReader

    data = Renderer().render(twelve_item_memo(), "pdf")
    assert len(data) < 300_000 and len(PdfReader(io.BytesIO(data)).pages) >= 1


def test_same_memo_gives_byte_identical_outputs(pdf: bytes) -> None:
    for fmt in ("md", "json", "html"):
        assert Renderer().render(SAMPLE, fmt) == Renderer().render(sample_memo(), fmt)
    assert Renderer().render(sample_memo(), "pdf") == pdf


def test_user_templates_override_the_built_in_ones(tmp_path: Path) -> None:
    (tmp_path / "memo.md.j2").write_text("Custom: {{ memo.title|md }}\n", encoding="utf-8")
    assert Renderer(tmp_path).render(SAMPLE, "md") == b"Custom: Migration and readmissions\n"
    assert b"%PDF" in Renderer(tmp_path).render(SAMPLE, "pdf")[:8]  # memo.css still the built-in one


def test_a_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "memo.md.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"memo\.md\.j2:2: template syntax error"):
        Renderer(tmp_path).check()


def test_check_catches_a_misspelt_variable_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "memo.html.j2").write_text("<p>\n{{ memo.titel }}</p>\n", encoding="utf-8")
    Renderer().check()  # the built-in templates pass
    with pytest.raises(ConfigError, match=r"memo\.html\.j2:2: template error: .*titel"):
        Renderer(tmp_path).check()


def test_a_missing_template_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="template folder does not exist"):
        Renderer(tmp_path / "nope")


def test_an_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown format 'docx'"):
        Renderer().render(SAMPLE, "docx")
