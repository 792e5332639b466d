"""``briefgen fetch``: feeds and pages from a local HTTP server → ``.md`` files with front matter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefgen.errors import UsageError
from briefgen.fetch import FetchReport, HttpOptions, fetch_feeds
from briefgen.fetch.feeds import parse_feed
from briefgen.fetch.http import USER_AGENT, FetchError
from briefgen.fetch.seen import INDEX_NAME
from briefgen.fetch.text import html_to_text
from briefgen.fetch.write import FetchedItem, file_stem, front_matter
from briefgen.settings import Settings
from tests.conftest import CONFIG, write_project
from tests.fetchkit import Site, article_html, atom, rss, serve

PORT_SENTENCES = [
    "The harbour authority approved a new container terminal on Monday after two years of hearings.",
    "Its chair said the project would double the port's capacity by the end of the decade.",
    "Residents of the nearby district asked for a noise study before construction begins.",
]
RAIL_SENTENCES = [
    "The regional council voted to reopen the coastal railway line closed since the floods.",
    "Engineers expect the first trains to run again within eighteen months, the council said.",
    "Funding will come partly from a national infrastructure programme and partly from tolls.",
]
FRENCH_SENTENCES = [
    "Le conseil municipal a adopté jeudi un plan de rénovation des écoles primaires de la ville.",
    "La maire a déclaré que les travaux commenceraient dès les vacances d'été.",
    "L'opposition a demandé un calendrier détaillé et un budget révisé avant la fin du mois.",
]
HOSTILE_TITLES = {
    "/h-path": "../../etc/passwd",
    "/h-long": "A very long headline " + "that keeps going and going " * 12,
    "/h-accents": "Élysée: réunion à Alger — « sécurité » & coopération!",
    "/h-cjk": "安全合作会议",
}


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def options(sleeps: Sleeps) -> HttpOptions:
    return HttpOptions(timeout=0.3, max_seconds=5, retries=2, backoff=0.01, max_bytes=60_000, sleep=sleeps)


def settings_for(tmp_path: Path, feeds: list[str]) -> Settings:
    return Settings(
        path=tmp_path / "briefgen.yaml",
        corpus=tmp_path / "corpus",
        output=tmp_path / "out",
        feeds=tuple(feeds),
    )


def item(
    path: str, title: str, date: str = "Tue, 10 Feb 2026 09:30:00 +0000", **extra: str
) -> dict[str, str]:
    return {"title": title, "link": path, "pubDate": date, **extra}


def build_site(site: Site) -> list[str]:
    """An RSS feed (good, missing, slow, huge, flaky, hostile pages), an Atom feed and a feed that is not XML."""
    site.add("/port", article_html("Port expansion approved", PORT_SENTENCES))
    site.add("/rail", article_html("Coastal line to reopen", RAIL_SENTENCES), fail_first=2)
    site.add("/slow", article_html("Slow", PORT_SENTENCES), delay=1.0)
    site.add("/big", article_html("Big", PORT_SENTENCES * 800))
    site.add("/empty", "<html><body></body></html>")
    site.add("/escape", b"", status=302, headers=(("Location", "file:///etc/passwd"),))
    for path in HOSTILE_TITLES:
        site.add(path, article_html("Page title", RAIL_SENTENCES))
    site.add("/ecoles", article_html("Rénovation des écoles", FRENCH_SENTENCES, lang="fr-FR"))
    items = [
        item(site.url("/port"), "Port expansion approved"),
        item(site.url("/missing"), "This page is gone"),
        item(site.url("/slow"), "A page that never answers in time"),
        item(site.url("/big"), "A page over the size cap"),
        item(site.url("/rail"), "Coastal line to reopen", "Wed, 11 Feb 2026 10:00:00 +0000"),
        item(site.url("/empty"), "Summary only", description="<p>The summary <b>sentence</b> stands in.</p>"),
        item(site.url("/escape"), "Redirect to a local file"),
        item("file:///etc/passwd", "A local file link"),
    ] + [item(site.url(path), title) for path, title in HOSTILE_TITLES.items()]
    site.add("/rss.xml", rss("Harbour Gazette", items), content_type="application/rss+xml")
    entries = [
        {
            "title": "Écoles : le plan adopté",
            "link": site.url("/ecoles"),
            "updated": "2026-02-11T08:00:00+01:00",
        }
    ]
    site.add("/atom.xml", atom("Le Quotidien", entries), content_type="application/atom+xml")
    site.add("/notxml", "This is plain prose {{ not a feed }} <b>at all", content_type="application/rss+xml")
    return [site.url("/rss.xml"), site.url("/notxml"), site.url("/atom.xml")]


def read_md(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def by_url(report: FetchReport) -> dict[str, tuple[dict[str, object], str]]:
    out = {}
    for path in report.new_files:
        meta, body = read_md(path)
        out[str(meta["url"])] = (meta, body)
    return out


def test_fetch_writes_articles_and_reports_each_failure(site: Site, tmp_path: Path) -> None:
    feeds = build_site(site)
    sleeps = Sleeps()
    report = fetch_feeds(settings_for(tmp_path, feeds), options=options(sleeps))
    files = by_url(report)
    meta, body = files[site.url("/port")]
    assert meta["title"] == "Port expansion approved"
    assert meta["publisher"] == "Harbour Gazette"
    assert meta["date"] == "2026-02-10"
    assert meta["lang"] == "en"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(meta["fetched"]))
    assert PORT_SENTENCES[1] in body and "Subscribe today" not in body
    french, french_body = files[site.url("/ecoles")]
    assert (french["publisher"], french["date"], french["lang"]) == ("Le Quotidien", "2026-02-11", "fr")
    assert FRENCH_SENTENCES[1] in french_body
    assert files[site.url("/empty")][1].strip() == "The summary sentence stands in."
    assert RAIL_SENTENCES[0] in files[site.url("/rail")][1]  # written after two 503 answers
    reasons = dict(report.failures)
    assert reasons[site.url("/missing")].startswith("HTTP 404")
    assert "timed out" in reasons[site.url("/slow")] and "3 attempts" in reasons[site.url("/slow")]
    assert "size cap" in reasons[site.url("/big")]
    assert "not an RSS/Atom feed" in reasons[site.url("/notxml")]
    assert "redirect" in reasons[site.url("/escape")].lower()
    assert [r for u, r in reasons.items() if u.startswith("file:")] == [
        "unsupported URL (only http and https): 'file://etc/passwd'"
    ]
    assert len(report.failures) == 6 and report.feeds_read == 2
    assert len(report.new_files) == 4 + len(HOSTILE_TITLES)
    assert (site.hits["/rail"], site.hits["/slow"], site.hits["/missing"]) == (3, 3, 1)
    assert sleeps == [0.01, 0.02, 0.01, 0.02]  # exponential backoff for /slow and /rail
    assert site.agents == {USER_AGENT} and USER_AGENT.startswith("briefgen/")


def test_second_fetch_skips_seen_urls_even_without_the_index(site: Site, tmp_path: Path) -> None:
    feeds = build_site(site)
    settings = settings_for(tmp_path, feeds)
    first = fetch_feeds(settings, options=options(Sleeps()))
    assert (tmp_path / "corpus" / INDEX_NAME).is_file()
    second = fetch_feeds(settings, options=options(Sleeps()))
    assert second.new_files == () and second.skipped_seen == len(first.new_files)
    assert site.hits["/port"] == 1 and site.hits["/missing"] == 2  # failures are tried again
    (tmp_path / "corpus" / INDEX_NAME).unlink()
    third = fetch_feeds(settings, options=options(Sleeps()))
    assert third.new_files == () and third.skipped_seen == len(first.new_files)


def test_index_remembers_deleted_files_and_limit_caps_new_files(site: Site, tmp_path: Path) -> None:
    feeds = build_site(site)
    settings = settings_for(tmp_path, feeds)
    first = fetch_feeds(settings, limit=2, options=options(Sleeps()))
    assert len(first.new_files) == 2
    first.new_files[0].unlink()
    second = fetch_feeds(settings, options=options(Sleeps()))
    assert first.new_files[0] not in second.new_files
    assert second.skipped_seen == 2


def test_hostile_titles_give_safe_unique_names(site: Site, tmp_path: Path) -> None:
    report = fetch_feeds(settings_for(tmp_path, build_site(site)), options=options(Sleeps()))
    corpus = tmp_path / "corpus"
    for path in report.new_files:
        assert path.parent == corpus
        assert re.fullmatch(r"[a-z0-9-]+\.md", path.name) and len(path.name) <= 80, path.name
    assert len({p.name for p in report.new_files}) == len(report.new_files)
    assert not (tmp_path / "etc").exists()
    titles = {str(read_md(p)[0]["title"]) for p in report.new_files}
    assert HOSTILE_TITLES["/h-accents"] in titles and HOSTILE_TITLES["/h-cjk"] in titles
    names = {p.name for p in report.new_files}
    assert "2026-02-10-etc-passwd.md" in names
    assert "2026-02-10-elysee-reunion-a-alger-securite-cooperation.md" in names


def test_file_names_do_not_collide_and_front_matter_is_inert(tmp_path: Path) -> None:
    from briefgen.fetch.write import write_item

    base = FetchedItem(
        "Same: title\n!!python/object:os.system ---", "P", None, "http://x.test/1", "", "Body.", _now()
    )
    first = write_item(tmp_path, base)
    second = write_item(tmp_path, base)
    assert first.name == "undated-same-title-python-object-os-system.md"
    assert second.name == "undated-same-title-python-object-os-system-2.md"
    meta, body = read_md(second)
    assert meta["title"] == base.title and meta["date"] is None and body.strip() == "Body."
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".briefgen-*"))
    assert re.fullmatch(r"undated-item-[0-9a-f]{10}", file_stem(replace(base, title="¿¡ — !?")))
    assert "!!python" in front_matter(base)  # quoted as text, loaded back by safe_load above


def test_local_feed_file_relative_to_config(site: Site, tmp_path: Path) -> None:
    site.add("/port", article_html("Port expansion approved", PORT_SENTENCES))
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "local.xml").write_text(
        rss("Local Desk", [item(site.url("/port"), "From a file")]), encoding="utf-8"
    )
    report = fetch_feeds(
        settings_for(tmp_path, ["feeds/local.xml", "feeds/absent.xml"]), options=options(Sleeps())
    )
    assert [read_md(p)[0]["publisher"] for p in report.new_files] == ["Local Desk"]
    assert dict(report.failures)["feeds/absent.xml"].startswith("cannot read feed file")


def test_no_feeds_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no feeds configured"):
        fetch_feeds(settings_for(tmp_path, []))


def test_feed_bytes_are_never_taken_for_a_file_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(rss("Secret", [item("http://x.test/a", "Hidden")]), encoding="utf-8")
    with pytest.raises(FetchError, match="not an RSS/Atom feed"):
        parse_feed(str(secret).encode(), "")


def test_html_summary_to_text() -> None:
    text = html_to_text("<p>One <i>line</i>.</p><script>alert(1)</script><p>Two&nbsp;&amp; three.</p>")
    assert text == "One line.\n\nTwo\xa0& three."


def test_cli_fetch_prints_new_files_and_summary(site: Site, tmp_path: Path) -> None:
    from briefgen.cli import app

    site.add("/port", article_html("Port expansion approved", PORT_SENTENCES))
    site.add("/feed.xml", rss("Harbour Gazette", [item(site.url("/port"), "Port expansion approved")]))
    config = write_project(tmp_path, articles={}, config=CONFIG + f"feeds:\n  - {site.url('/feed.xml')}\n")
    result = CliRunner().invoke(app, ["fetch", "--config", str(config)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].endswith("2026-02-10-port-expansion-approved.md") and Path(lines[0]).is_file()
    assert lines[-1].startswith("fetched 1 new, 0 already seen, 0 failed")
    again = CliRunner().invoke(app, ["fetch", "--config", str(config)])
    assert again.output.strip().splitlines()[-1].startswith("fetched 0 new, 1 already seen")
    none = write_project(tmp_path / "b", articles={})
    empty = CliRunner().invoke(app, ["fetch", "--config", str(none)])
    assert empty.exit_code == 2 and "no feeds configured" in empty.output


def test_cli_fetch_exits_1_when_some_feeds_fail_naming_each_once(site: Site, tmp_path: Path) -> None:
    from briefgen.cli import app

    site.add("/port", article_html("Port expansion approved", PORT_SENTENCES))
    site.add("/feed.xml", rss("Harbour Gazette", [item(site.url("/port"), "Port expansion approved")]))
    gone, also = site.url("/gone.xml"), site.url("/also-gone.xml")
    feeds = "".join(f"  - {url}\n" for url in (site.url("/feed.xml"), gone, also))
    config = write_project(tmp_path, articles={}, config=CONFIG + "feeds:\n" + feeds)
    result = CliRunner().invoke(app, ["fetch", "--config", str(config)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1] == "fetched 1 new, 0 already seen, 2 failed (1/3 feeds read)"
    assert result.stderr == (
        f"briefgen: error: 2 of 3 feed(s) failed: {gone} (HTTP 404 Not Found), {also} (HTTP 404 Not Found)\n"
    )
    assert result.output.count(gone) == 1 and result.output.count(also) == 1


def _now() -> dt.datetime:
    return dt.datetime(2026, 2, 12, 9, 0, tzinfo=dt.UTC)
