"""Hostile article text through the renderer: inert in Markdown and HTML, no fetch and no file read by
the PDF renderer beyond the template assets, never evaluated by Jinja, verbatim in JSON."""

from __future__ import annotations

import html as htmllib
import http.server
import json
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefgen.render import Renderer, pdf
from briefgen.render.escape import md_escape, show_invisible
from tests.builders import build_memo, item, source

_OPENED: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and args and "passwd" in str(args[0]):
        _OPENED.append(str(args[0]))


sys.addaudithook(_audit)  # records every Python-level open() of a passwd file, for the whole session


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - replaced per test by a subclass

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    handler = type("Handler", (_Recorder,), {"hits": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.hits
    httpd.shutdown()
    httpd.server_close()


def hostile_texts(url: str) -> list[str]:
    return [
        "Officials said the talks <script>alert('x')</script> would resume.",
        'The minister said passes <img src="file:///etc/passwd"> were discussed.',
        f'Diplomats said the deal <link rel="stylesheet" href="{url}/evil.css"> holds.',
        f'Analysts said <style>body{{background:url({url}/bg.png)}}</style> and <div style="background:url({url}/x)">.',
        f"See [click here](javascript:alert(1)) and ![pixel]({url}/pixel.png) and <{url}/auto>.",
        "Figures {{ 7*7 }} and {% raw %} would be {# comment #} published ${x}.",
        "The text \u202egnirts desrever\u202c and \u2066isolate\u2069 and a bell \x07 and NUL \x00 were noted.",
        "# Heading\n\n1. list\n> quote\n---\n| a | b |",
        f"Mail a@b.example or visit www.evil.example or {url}/bare for &amp; &lt;b&gt;.",
    ]


def hostile_memo(url: str) -> Any:
    texts = hostile_texts(url)
    evil = source(1, "a", publisher="<b>Evil</b> [x](javascript:y)", title="{{ 7*7 }} <script>",
                  url="javascript:alert(1)", path="../../etc/passwd")  # fmt: skip
    return build_memo(tuple(item("context", t, ("a", 1)) for t in texts), (evil,))


def test_markdown_is_inert_even_for_a_renderer_that_allows_html(server: tuple[str, list[str]]) -> None:
    url, _ = server
    md = Renderer().render(hostile_memo(url), "md").decode("utf-8")
    html = MarkdownIt("commonmark").render(md)  # raw HTML allowed here: still no tag from article text
    for tag in ("<script", "<img", "<link", "<style", "<div", "<h3", "<blockquote", "<hr", "<table", "<b>"):
        assert tag not in html
    assert html.count("<h1>") == 1 and html.count("<ol>") == 1  # the memo's own title and source list
    assert set(re.findall(r'href="([^"]*)"', html)) == {"#source-1"}
    assert "{{ 7*7 }}" in html and not re.search(r"(?<!\d)49(?!\d)", html)  # (the port may hold "49")
    assert "\u202e" not in md and "\x07" not in md and "[U+202E]" in html and "[U+0007]" in html
    assert "File: passwd" in md  # a path shows as its file name only


def test_html_is_inert(server: tuple[str, list[str]]) -> None:
    url, _ = server
    html = Renderer().render(hostile_memo(url), "html").decode("utf-8")
    body = html.split("<main", 1)[1]
    for tag in ("<script", "<img", "<link", "<style", "<div", "<b>", 'href="javascript', 'src="'):
        assert tag not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body or "&lt;script&gt;alert('x')" in body
    assert "{{ 7*7 }}" in body and "\u202e" not in html and "\x00" not in html


def test_json_keeps_text_verbatim(server: tuple[str, list[str]]) -> None:
    url, _ = server
    doc = json.loads(Renderer().render(hostile_memo(url), "json"))
    assert [i["text"] for i in doc["items"]] == hostile_texts(url)


def test_pdf_fetches_nothing_and_reads_no_local_file(
    server: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, hits = server
    asked: list[str] = []
    real = pdf.make_fetcher

    def spy(folders: Any) -> Any:
        fetcher = real(folders)
        fetch = fetcher.fetch

        def recording(target: str, headers: Any = None) -> Any:
            asked.append(target)
            return fetch(target, headers)

        fetcher.fetch = recording
        return fetcher

    monkeypatch.setattr(pdf, "make_fetcher", spy)
    _OPENED.clear()
    data = Renderer().render(hostile_memo(url), "pdf")
    assert data.startswith(b"%PDF") and hits == [] and _OPENED == []
    assert asked == []  # escaped article text asks for nothing at all


RAW_HOSTILE = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="{url}/evil.css">
<style>@import url("{url}/import.css"); @font-face {{ font-family: x; src: url({url}/font.woff); }}
body {{ background: url("{url}/bg.png"); }} p {{ background: url("file:///etc/passwd"); }}
h1 {{ background: url("assets/../secret.txt"); }}</style></head><body>
<h1>Raw</h1><img src="file:///etc/passwd"><img src="{url}/img.png"><img src="../../../../etc/passwd">
<img src="assets/../../../../../etc/passwd"><img src="secret.txt"><img src="assets/link.svg">
<object data="{url}/object"></object><iframe src="{url}/frame"></iframe>
<img src="assets/mark.svg"><p>text</p></body></html>"""

MARK = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def test_the_fetcher_serves_only_template_assets_even_for_raw_html(
    server: tuple[str, list[str]], tmp_path: Path
) -> None:
    """Defence in depth: even HTML that escaped nothing gets no network and no file outside assets/."""
    url, hits = server
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "mark.svg").write_text(MARK, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("template folder, but not an asset", encoding="utf-8")
    (tmp_path / "assets" / "link.svg").symlink_to("/etc/passwd")
    fetcher = pdf.make_fetcher([tmp_path])
    _OPENED.clear()
    data = pdf.html_to_pdf(RAW_HOSTILE.format(url=url), [tmp_path], build_memo().date, fetcher)
    assert data.startswith(b"%PDF") and hits == [] and _OPENED == []
    assert fetcher.fetched == [(tmp_path / "assets" / "mark.svg").resolve().as_uri()]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x.css",
        "https://example.org/a.png",
        "data:text/css,body{}",
        "file:///etc/passwd",
        "file://evil.example/share/assets/x.svg",
        "{root}/assets/../secret.txt",
        "{root}/secret.txt",
        "{root}/assets/missing.svg",
        "{root}/assets/%2e%2e/secret.txt",
    ],
)
def test_allowed_path_refuses(url: str, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    with pytest.raises(pdf.RefusedFetch):
        pdf.allowed_path(url.replace("{root}", tmp_path.as_uri()), [tmp_path])


def test_assets_fall_back_to_the_built_in_folder_like_templates(tmp_path: Path) -> None:
    user, builtin = tmp_path / "user", tmp_path / "builtin"
    (user / "assets").mkdir(parents=True)
    (builtin / "assets").mkdir(parents=True)
    (builtin / "assets" / "logo.svg").write_text(MARK, encoding="utf-8")
    found = pdf.allowed_path((user / "assets" / "logo.svg").as_uri(), [user, builtin])
    assert found == (builtin / "assets" / "logo.svg").resolve()


@given(st.text(min_size=1, max_size=80).filter(lambda t: t.strip(" \t\r\n\u2028\u2029")))
def test_escaped_text_renders_back_to_itself_and_nothing_else(text: str) -> None:
    expected = re.sub("[\t\n\r \u2028\u2029]+", " ", show_invisible(text)).strip()
    rendered = MarkdownIt("commonmark").render(f"- {md_escape(text)}\n")
    if not expected:
        return
    shown = htmllib.escape(expected, quote=False).replace('"', "&quot;")
    assert rendered == f"<ul>\n<li>{shown}</li>\n</ul>\n"
