"""Hostile article text reaches the memo as inert text: no markup, no template evaluation, no fetches."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from tests.conftest import write_project


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared with the test through the class

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[int, list[str]]]:
    handler = type("Handler", (_Recorder,), {"hits": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], handler.hits
    server.shutdown()


def hostile_article(port: int) -> str:
    url = f"http://127.0.0.1:{port}"
    return f"""\
Officials said the readmission talks <script>alert('x')</script> would resume next week.

The minister said consular passes <img src="file:///etc/passwd"> and <img src="{url}/img.png"> were discussed.

Analysts say the repatriation file [click here](javascript:alert(1)) and ![pixel]({url}/pixel.png) is stalled.

Diplomats said the readmission deal <link rel="stylesheet" href="{url}/evil.css"> <style>body{{background:url({url}/bg.png)}}</style> holds.

Officials said readmission figures {{{{ 7*7 }}}} and {{% raw %}} would be {{# comment #}} published.

Officials said the readmission text \u202egnirts desrever\u202c and control \x07 chars were noted.
"""


def build(tmp_path: Path, port: int, formats: str) -> Path:
    paragraphs = hostile_article(port).strip().split("\n\n")  # one article each: all reach the memo
    config = write_project(tmp_path, {f"hostile-{n}.txt": p for n, p in enumerate(paragraphs)})
    result = CliRunner().invoke(
        app, ["memo", "-c", str(config), "-t", "readmissions", "--date", "2026-02-25", "-f", formats]
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def test_markdown_is_inert(tmp_path: Path, recorder: tuple[int, list[str]]) -> None:
    port, _ = recorder
    md = (build(tmp_path, port, "md") / "readmissions-2026-02-25.md").read_text(encoding="utf-8")
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(md)  # even a renderer that allows raw HTML sees no tags
    for tag in ("<script", "<img", "<link", "<style", 'href="javascript'):
        assert tag not in html
    assert "\\{\\{ 7\\*7 \\}\\}" in md and " 49 " not in md  # braces escaped too
    assert "\u202e" not in md and "\x07" not in md


def test_html_is_inert(tmp_path: Path, recorder: tuple[int, list[str]]) -> None:
    port, _ = recorder
    html = (build(tmp_path, port, "html") / "readmissions-2026-02-25.html").read_text(encoding="utf-8")
    for tag in ("<script", "<img", '<link rel="stylesheet" href="http', 'href="javascript'):
        assert tag not in html
    assert "&lt;script&gt;" in html


def test_pdf_fetches_nothing(tmp_path: Path, recorder: tuple[int, list[str]]) -> None:
    port, hits = recorder
    pdf = build(tmp_path, port, "pdf") / "readmissions-2026-02-25.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert hits == []


def test_json_keeps_text_verbatim(tmp_path: Path, recorder: tuple[int, list[str]]) -> None:
    port, _ = recorder
    memo = json.loads((build(tmp_path, port, "json") / "readmissions-2026-02-25.json").read_text("utf-8"))
    texts = " ".join(i["text"] for i in memo["items"])
    assert "<script>alert('x')</script>" in texts  # JSON is data: verbatim, for machines
