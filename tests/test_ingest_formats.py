"""Each input format and encoding: .txt, .md front matter, .html, .json, .jsonl; UTF-8/16, cp1252."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

from briefgen.ingest import read_corpus

LEDE = "The two governments agreed on Tuesday to restart a joint working group on border security, officials said."
SECOND = (
    "The group will meet every three months and report to both interior ministries, according to a statement."
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(folder: Path):  # type: ignore[no-untyped-def]
    result = read_corpus(folder)
    assert len(result.articles) == 1, result
    return result.articles[0]


def test_markdown_front_matter(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.md",
        "---\ntitle: Border plan agreed\nsource: Coastal Times\ndate: 2025-03-04\n"
        "url: https://example.test/a\nlang: en\n---\n\n# Border plan agreed\n\n"
        f"*By the desk*\n\n{LEDE}\n\n## What comes next\n\n{SECOND}\n",
    )
    a = only(tmp_path)
    assert (a.title, a.publisher, a.date, a.url, a.lang) == (
        "Border plan agreed",
        "Coastal Times",
        dt.date(2025, 3, 4),
        "https://example.test/a",
        "en",
    )
    assert a.paragraphs == (LEDE, SECOND)
    assert a.headings == ((len(LEDE) + 2, "What comes next"),)


def test_markdown_without_front_matter_takes_title_from_heading(tmp_path: Path) -> None:
    write(tmp_path, "a.md", f"# Border plan agreed\n\n{LEDE}\n")
    a = only(tmp_path)
    assert a.title == "Border plan agreed"
    assert a.paragraphs == (LEDE,)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    html = f"""<!DOCTYPE html><html lang="en"><head><title>Plan agreed | Coastal Times</title>
<meta property="og:title" content="Border plan agreed"><meta property="og:site_name" content="Coastal Times">
<meta property="article:published_time" content="2025-03-04T09:00:00+01:00">
<script>var tracking = "<p>never body</p>";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav>
<div class="ad">Advertisement</div>
<article><h1>Border plan agreed</h1><p>{LEDE}</p><p>{SECOND}</p></article>
<footer>Copyright Coastal Times</footer></body></html>"""
    write(tmp_path, "page.html", html)
    a = only(tmp_path)
    assert a.title == "Border plan agreed"
    assert a.publisher == "Coastal Times"
    assert a.date == dt.date(2025, 3, 4)
    assert a.paragraphs == (LEDE, SECOND)
    assert "<" not in a.body and "tracking" not in a.body


def test_json_list_of_records(tmp_path: Path) -> None:
    records = [
        {"title": "First", "text": f"{LEDE}\n\n{SECOND}", "date": "2025-03-04", "publisher": "Wire One"},
        {"title": "Second", "body": SECOND, "url": "https://example.test/2"},
        {"unrelated": True},
    ]
    write(tmp_path, "feed.json", json.dumps(records))
    result = read_corpus(tmp_path)
    assert [a.id for a in result.articles] == ["feed-1", "feed-2"]
    first, second = result.articles
    assert (first.title, first.publisher, first.date) == ("First", "Wire One", dt.date(2025, 3, 4))
    assert first.paragraphs == (LEDE, SECOND)
    assert second.url == "https://example.test/2"


def test_json_single_record_and_articles_key(tmp_path: Path) -> None:
    write(tmp_path, "one.json", json.dumps({"title": "One", "text": LEDE}))
    write(tmp_path, "many.json", json.dumps({"articles": [{"title": "Two", "content": SECOND}]}))
    titles = sorted(a.title or "" for a in read_corpus(tmp_path).articles)
    assert titles == ["One", "Two"]


def test_json_record_with_html_text_is_extracted(tmp_path: Path) -> None:
    write(
        tmp_path,
        "h.json",
        json.dumps({"title": "H", "text": f"<div><p>{LEDE}</p><script>x()</script></div>"}),
    )
    a = only(tmp_path)
    assert a.paragraphs == (LEDE,)


def test_jsonl_records_and_bad_line(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    rows = [json.dumps({"title": "A", "text": LEDE}), "{not json", json.dumps({"title": "B", "text": SECOND})]
    write(tmp_path, "f.jsonl", "\n".join(rows) + "\n")
    result = read_corpus(tmp_path)
    assert [a.title for a in result.articles] == ["A", "B"]
    assert any("f.jsonl:2" in r.getMessage() for r in caplog.records)


def test_json_api_records_keep_their_date_and_lose_glued_clutter(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    records = [
        {"title": "A", "publishedAt": "2026-03-05T08:00:00Z", "content": f"{LEDE} Share this article"},
        {"title": "B", "body": "Breaking News Alert"},  # nothing but a headline: skipped, with a warning
    ]
    write(tmp_path, "api.json", json.dumps({"articles": records}))
    a = only(tmp_path)
    assert (a.date, a.paragraphs) == (dt.date(2026, 3, 5), (LEDE,))
    assert [d.reason for d in a.dropped] == ["clutter"]
    assert any("record 2 skipped" in r.getMessage() for r in caplog.records)


def test_utf8_with_bom(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", codecs.BOM_UTF8 + "Le préfet a signé l’arrêté.".encode())
    assert only(tmp_path).body == "Le préfet a signé l’arrêté."


def test_utf16_with_bom(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Le préfet a signé l’arrêté — enfin.".encode("utf-16"))
    assert only(tmp_path).body == "Le préfet a signé l’arrêté — enfin."


def test_cp1252(tmp_path: Path) -> None:
    text = "Le préfet a déclaré « l’accord » signé — enfin, à 5 €."
    write(tmp_path, "a.txt", text.encode("cp1252"))
    assert only(tmp_path).body == text


def test_latin1(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que la réunion était fixée à Genève."
    write(tmp_path, "a.txt", text.encode("latin-1"))
    assert only(tmp_path).body == text


def test_crlf_newlines(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Border Plan Agreed\r\n\r\n{LEDE}\r\n{SECOND}\r\n".encode())
    a = only(tmp_path)
    assert a.paragraphs == (LEDE, SECOND)
    assert "\r" not in a.body
