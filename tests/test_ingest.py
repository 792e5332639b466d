"""Ingestion of plain text: which lines are body, what the header says, and verbatim paragraphs."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefgen.ingest as ingest
from briefgen.ingest import IngestOptions, article_id, parse_text, read_corpus, reuse
from briefgen.ingest.lines import split_lines
from briefgen.ingest.meta import find_date
from briefgen.ingest.parse import clutter_keys
from briefgen.ingest.values import Parsed
from briefgen.models import Article

LEDE = "The two governments agreed on Tuesday to restart a joint working group on border security, officials said."
SECOND = (
    "The group will meet every three months and report to both interior ministries, according to a statement."
)
THIRD = "Critics said the announcement left the hardest questions about returns unanswered."


def lines(*parts: str) -> str:
    """An article whose lines are separated by blank lines."""
    return "\n\n".join(parts) + "\n"


def parse(text: str, clutter: frozenset[str] = frozenset()) -> Article:
    return parse_text(text, "a.txt", "a", clutter=clutter)


def reasons(article: Article) -> dict[str, str]:
    return {d.text: d.reason for d in article.dropped}


def test_headline_dropped_and_becomes_title() -> None:
    a = parse(lines("Border Talks Resume After Long Freeze", LEDE, SECOND))
    assert a.title == "Border Talks Resume After Long Freeze"
    assert a.paragraphs == (LEDE, SECOND)
    assert reasons(a)["Border Talks Resume After Long Freeze"] == "headline"


def test_no_title_when_text_starts_with_prose() -> None:
    a = parse(lines(LEDE, SECOND))
    assert a.title is None and a.publisher is None and a.date is None
    assert a.paragraphs == (LEDE, SECOND)


def test_iso_dateline_and_wire_tag() -> None:
    a = parse(lines(" date 2025-11-03 118", "Ministers Agree Border Plan", f"(NEWSWIRE) {LEDE}", SECOND))
    assert a.date == dt.date(2025, 11, 3)
    assert a.publisher == "NEWSWIRE"
    assert a.title == "Ministers Agree Border Plan"
    assert a.paragraphs[0] == LEDE
    assert reasons(a)["(NEWSWIRE)"] == "wire-tag"


def test_written_date_glued_to_publisher() -> None:
    a = parse(lines("Ministers Agree Border Plan", LEDE, "March 4, 2025Harbour Gazette", SECOND))
    assert a.date == dt.date(2025, 3, 4)
    assert a.publisher == "Harbour Gazette"
    assert reasons(a)["March 4, 2025Harbour Gazette"] == "dateline"


def test_french_dateline_prefix_and_language() -> None:
    text = lines(
        "Accord sur la sécurité des frontières",
        "LYON, 4 mars 2025 (Agence Test) — Les deux gouvernements ont conclu un accord sur la sécurité, a déclaré le ministre.",
        "Le texte doit être signé dans les prochaines semaines par les ministres de l’Intérieur.",
    )
    a = parse(text)
    assert a.lang == "fr"
    assert a.date == dt.date(2025, 3, 4)
    assert a.publisher == "Agence Test"
    assert a.paragraphs[0].startswith("Les deux gouvernements")


def test_date_without_year_is_not_invented() -> None:
    a = parse(lines("Ministers Agree Border Plan", f"LYON, March 4 (Agence Test) — {LEDE}"))
    assert a.date is None
    assert a.publisher == "Agence Test"


def test_dates_in_body_sentences_are_not_metadata() -> None:
    a = parse(
        lines("Ministers Agree Border Plan", "The plan was signed on June 24, 2025, in the capital.", SECOND)
    )
    assert a.date is None


def test_byline_with_outlet_and_date() -> None:
    a = parse(lines("Ministers Agree Border Plan", "By Jane Roe | Coastal Times | 2 January 2024", LEDE))
    assert a.date == dt.date(2024, 1, 2)
    assert a.publisher == "Coastal Times"


def test_clutter_lines_of_every_kind_are_dropped() -> None:
    text = lines(
        "Advertisement banner",
        "Ministers Agree Border Plan",
        "SHARE",
        LEDE,
        "Cover Image",
        "Two ministers shaking hands in front of flags",
        "Photo: Staff photographer / Coastal Times",
        "Talks Move to the Capital",
        SECOND,
        "View post on X",
        "Sign up to receive our weekly briefing and event invitations in your inbox.",
        THIRD,
        "Rain expected to return to the north by the weekend",
    )
    a = parse(text)
    assert a.paragraphs == (LEDE, SECOND, THIRD)
    r = reasons(a)
    assert r["Advertisement banner"] == "clutter"
    assert r["SHARE"] == "clutter"
    assert r["View post on X"] == "clutter"
    assert r["Cover Image"] == "caption"
    assert r["Two ministers shaking hands in front of flags"] == "caption"
    assert r["Photo: Staff photographer / Coastal Times"] == "caption"
    assert r["Sign up to receive our weekly briefing and event invitations in your inbox."] == "newsletter"
    assert r["Rain expected to return to the north by the weekend"] == "trailing"
    assert a.headings == ((len(LEDE) + 2, "Talks Move to the Capital"),)
    assert a.body[a.headings[0][0] :].startswith(SECOND)


def test_cross_references_and_wire_credits_are_dropped_even_as_sentences() -> None:
    credit = "(Reporting by Jane Roe in Tunis; additional reporting by Ali Ben Salah; Editing by Tom Poe)"
    teasers = (
        "Read more: Ministers agree to restart border talks after a year of silence.",
        "RELATED: The coast guard doubled its patrols this summer.",
        "À lire aussi : Le gouvernement annonce un nouveau plan pour les retours.",
    )
    a = parse(
        lines("Ministers Agree Border Plan", LEDE, teasers[0], SECOND, teasers[1], teasers[2], THIRD, credit)
    )
    assert a.paragraphs == (LEDE, SECOND, THIRD)
    r = reasons(a)
    assert [r[t] for t in teasers] == ["teaser"] * 3
    assert r[credit] == "byline"


def test_site_notices_are_dropped_even_as_sentences() -> None:
    notices = (
        "We use cookies to improve your experience.",
        "This article is reserved for subscribers.",
        "Follow our live coverage on Telegram.",
        "Our Standards: The Trust Principles.",
        "Nous utilisons des cookies pour mesurer l’audience.",
    )
    a = parse(lines("Ministers Agree Border Plan", LEDE, *notices[:2], SECOND, *notices[2:], THIRD))
    assert a.paragraphs == (LEDE, SECOND, THIRD)
    assert {reasons(a)[n] for n in notices} == {"clutter"}


def test_header_furniture_is_neither_title_nor_publisher() -> None:
    a = parse(lines("Home | World | Africa | Europe", "Borders", "Ministers Agree Border Plan",
                    "Published on 4 March 2026 at 9:15", LEDE, SECOND))  # fmt: skip
    assert (a.title, a.publisher, a.date) == ("Ministers Agree Border Plan", None, dt.date(2026, 3, 4))


def test_a_copyright_footer_names_the_outlet_when_the_header_does_not() -> None:
    footer = "© 2026 Coastal Times. All rights reserved."
    assert parse(lines("Ministers Agree Border Plan", LEDE, SECOND, footer)).publisher == "Coastal Times"
    credit = "© Getty Images"
    assert parse(lines("Ministers Agree Border Plan", LEDE, credit, SECOND)).publisher is None


def test_a_sentence_that_merely_mentions_reporting_or_reading_stays() -> None:
    kept = (
        "Reporting by local media suggested the talks had stalled for weeks.",
        "Related talks in Rabat ended without agreement on Thursday.",
    )
    a = parse(lines("Ministers Agree Border Plan", LEDE, *kept, THIRD))
    assert a.paragraphs == (LEDE, *kept, THIRD)


def test_repeated_headline_and_repeated_caption() -> None:
    text = lines(
        "Ministers Agree Border Plan", LEDE, "Delegates At The Table", "Delegates At The Table", SECOND
    )
    text += "\nMinisters Agree Border Plan\n"
    a = parse(text)
    assert a.paragraphs == (LEDE, SECOND)
    assert [d.reason for d in a.dropped].count("headline") == 2
    assert reasons(a)["Delegates At The Table"] == "repeated"


def test_footer_block_after_more_to_explore_is_cut() -> None:
    text = lines(
        LEDE,
        SECOND,
        THIRD,
        "More to explore",
        "Newsletter Signup",
        "Get our analysis in your inbox every week.",
        "Email",
    )
    a = parse(text)
    assert a.paragraphs == (LEDE, SECOND, THIRD)
    assert reasons(a)["Get our analysis in your inbox every week."] == "footer"


def test_footer_phrase_mid_article_drops_only_its_line() -> None:
    a = parse(lines(LEDE, "Related articles", SECOND, THIRD))
    assert a.paragraphs == (LEDE, SECOND, THIRD)


def test_configured_clutter_phrase() -> None:
    text = lines(LEDE, "Our correspondent travelled with the delegation.", SECOND)
    assert "Our correspondent travelled with the delegation." in parse(text).paragraphs
    a = parse(text, clutter=clutter_keys(["Our correspondent travelled"]))
    assert a.paragraphs == (LEDE, SECOND)


def test_body_keeps_typography_verbatim() -> None:
    quote = "“We will not accept this,” said Élise Durand — the minister’s deputy — on Monday."
    a = parse(lines("Ministers Agree Border Plan", quote))
    assert a.paragraphs == (quote,)


def test_nfc_normalisation() -> None:
    decomposed = unicodedata.normalize("NFD", "Le préfet a signé l’arrêté mardi soir à Orléans.")
    a = parse(decomposed)
    assert a.body == unicodedata.normalize("NFC", decomposed)


def test_single_newline_lines_are_separate_paragraphs() -> None:
    a = parse(f"{LEDE}\n{SECOND}\n{THIRD}")
    assert a.paragraphs == (LEDE, SECOND, THIRD)


def test_hard_wrapped_paragraphs_are_joined_verbatim() -> None:
    sentence = "The committee heard evidence from officials in both capitals about the new procedure. "
    para = (sentence * 4).strip()
    wrapped = "\n".join(_wrap(para, 70))
    text = wrapped + "\n\n" + wrapped.replace("committee", "council") + "\n"
    spans = split_lines(text)
    assert len(spans) == 2
    a = parse(text)
    assert len(a.paragraphs) == 2 and "\n" in a.paragraphs[0]
    assert all(p in text for p in a.paragraphs)


def _wrap(text: str, width: int) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*out, line]


def test_article_id_from_nested_path(tmp_path: Path) -> None:
    assert article_id(tmp_path, tmp_path / "2025" / "03" / "border talks.txt") == "2025-03-border-talks"


def test_read_corpus_nested_sorted_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "deep.txt").write_text(lines(LEDE), encoding="utf-8")
    (tmp_path / "a.txt").write_text(lines(SECOND), encoding="utf-8")
    (tmp_path / "a.md").write_text(lines(THIRD), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = read_corpus(tmp_path)
    assert [a.id for a in result.articles] == ["a", "a-2", "b-c-deep"]  # a.md sorts first
    assert [a.body for a in result.articles] == [THIRD, SECOND, LEDE]
    assert result.skipped == ()


def test_read_corpus_in_parallel_matches_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(
            lines(f"Headline Number {i} Here", f"Item {i}: {LEDE}"), "utf-8"
        )
    serial = read_corpus(tmp_path)
    monkeypatch.setattr(ingest, "PARALLEL_ABOVE", 3)
    parallel = read_corpus(tmp_path)
    assert parallel == serial
    assert len(serial.articles) == 12


def test_clutter_option_reaches_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(lines(LEDE, "Brought to you by Acme Insurance.", SECOND), "utf-8")
    result = read_corpus(tmp_path, IngestOptions(clutter=("brought to you by",)))
    assert result.articles[0].paragraphs == (LEDE, SECOND)


def test_skips_logged_one_line_each(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text(LEDE, "utf-8")
    with caplog.at_level(logging.WARNING):
        result = read_corpus(tmp_path)
    assert [s.reason for s in result.skipped] == ["empty file"]
    lines_logged = [r.getMessage() for r in caplog.records]
    assert any("empty.txt: skipped (empty file)" in m and "\n" not in m for m in lines_logged)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_never_raises_and_paragraphs_are_verbatim(text: str) -> None:
    a = parse_text(text, "x.txt", "x")
    source = unicodedata.normalize("NFC", text)
    for paragraph in a.paragraphs:
        assert paragraph in source
    for offset, _ in a.headings:
        assert 0 <= offset <= len(a.body)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([LEDE, SECOND, "Share", "Advertisement", "Title Line Here", "", "  ", "\r"]),
        max_size=12,
    )
)
def test_parse_line_soup_keeps_only_body(parts: list[str]) -> None:
    a = parse_text("\n".join(parts), "x.txt", "x")
    assert set(a.paragraphs) <= {LEDE, SECOND}


def test_an_iso_date_in_the_file_name_dates_an_otherwise_undated_article() -> None:
    text = "Talks resumed in the capital after a long pause, officials said.\n"
    assert parse_text(text, "corpus/2026-02-17-wire-story.txt", "x").date == dt.date(2026, 2, 17)
    assert parse_text(text, "corpus/2026-02-30-bad.txt", "x").date is None
    assert parse_text(text, "2026-02-17/story.txt", "x").date is None  # a folder's name is not the file's


class _MemoryCache:
    """A ParsedCache in a dict, remembering which keys the last build parsed afresh."""

    def __init__(self) -> None:
        self.rows: dict[str, Parsed] = {}
        self.fresh: list[str] = []
        self.stamps: dict[str, str] = {}

    def get_parsed(self, keys: Sequence[str]) -> dict[str, Parsed]:
        return {k: self.rows[k] for k in keys if k in self.rows}

    def put_parsed(self, fresh: Mapping[str, Parsed], keep: Collection[str]) -> None:
        self.fresh = sorted(fresh)
        self.rows = {k: v for k, v in {**self.rows, **fresh}.items() if k in set(keep) | set(fresh)}

    def get_stamps(self, stamps: Sequence[str]) -> dict[str, str]:
        return {s: self.stamps[s] for s in stamps if s in self.stamps}

    def put_stamps(self, stamps: Mapping[str, str]) -> None:
        self.stamps = dict(stamps)


def test_unchanged_files_are_not_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{LEDE}\n\n{SECOND}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{SECOND}\n\n{LEDE} Again.\n", encoding="utf-8")
    cache = _MemoryCache()
    first = read_corpus(tmp_path, cache=cache)
    assert len(cache.fresh) == 2
    assert read_corpus(tmp_path, cache=cache) == first and cache.fresh == []
    (tmp_path / "b.txt").write_text(f"{SECOND}\n\n{LEDE} Changed.\n", encoding="utf-8")
    third = read_corpus(tmp_path, cache=cache)
    assert len(cache.fresh) == 1 and third.articles[0] == first.articles[0]
    assert third.articles[1].body.endswith("Changed.")
    read_corpus(tmp_path, IngestOptions(clutter=("Nothing like this",)), cache=cache)
    assert len(cache.fresh) == 2  # other ingest options: every file parsed again
    assert len(cache.rows) == 2  # parses of the old versions forgotten


def _age(path: Path, seconds: float = 3600) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_files_unchanged_since_the_last_build_are_not_even_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in (("a.txt", LEDE), ("b.txt", SECOND), ("new.txt", THIRD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    _age(tmp_path / "a.txt")
    _age(tmp_path / "b.txt")  # new.txt was just written: it may still change within its clock tick
    cache = _MemoryCache()
    first = read_corpus(tmp_path, cache=cache)
    reads: list[str] = []
    real = reuse.read_bytes
    monkeypatch.setattr(reuse, "read_bytes", lambda path, cap: reads.append(path.name) or real(path, cap))
    assert read_corpus(tmp_path, cache=cache) == first
    assert reads == ["new.txt"] and cache.fresh == []
    (tmp_path / "b.txt").write_text(SECOND.replace("three months", "six months"), encoding="utf-8")
    _age(tmp_path / "b.txt")  # same old mtime, but size and change time differ
    reads.clear()
    assert "six months" in read_corpus(tmp_path, cache=cache).articles[1].body
    assert reads == ["b.txt", "new.txt"] and len(cache.fresh) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 18 February 2026 in Paris", dt.date(2026, 2, 18)),
        ("February 24, 2026Clash Report", dt.date(2026, 2, 24)),
        ("Feb. 3rd, 2025 | Wire", dt.date(2025, 2, 3)),
        ("Sept 4, 2025", dt.date(2025, 9, 4)),  # not a strptime abbreviation: dateparser reads it
        ("le 19 février 2026 à Alger", dt.date(2026, 2, 19)),
        ("March 40, 2025", None),
        ("in March 2025", None),  # no day: never guessed
    ],
)
def test_written_dates_in_english_and_french(text: str, expected: dt.date | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == expected
