"""Syndicated copies: exact and near-identical bodies point at the earliest copy; others stay apart."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from briefgen.ingest import read_corpus
from briefgen.ingest.dedupe import mark_duplicates, signature, similarity
from briefgen.ingest.parse import parse_text
from briefgen.models import Article

WORDS = (
    "minister border agreement police court migration talks summit treaty envoy council report harbour "
    "customs visa trade energy water drought farmers election budget museum festival railway bridge"
).split()


def story(seed: int, sentences: int = 30) -> str:
    """A deterministic pseudo-article: paragraphs of made-up sentences."""
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
        out.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(" ".join(out[i : i + 3]) for i in range(0, len(out), 3))


def article(id: str, text: str, date: dt.date | None = None) -> Article:
    from dataclasses import replace

    return replace(parse_text(text, f"{id}.txt", id), date=date)


def groups(*articles: Article) -> dict[str, str | None]:
    marked = mark_duplicates(articles, [signature(a.body) for a in articles])
    return {a.id: a.duplicate_of for a in marked}


def test_similarity_estimates_overlap() -> None:
    text = story(1)
    assert similarity(signature(text), signature(text)) == 1.0
    assert similarity(signature(text), signature(story(2))) < 0.2
    assert signature("too short") == ()


def test_exact_copy_points_at_the_earliest() -> None:
    text = story(1)
    result = groups(
        article("late", text, dt.date(2025, 3, 5)),
        article("early", text, dt.date(2025, 3, 4)),
        article("other", story(2)),
    )
    assert result == {"late": "early", "early": None, "other": None}


def test_near_copy_with_edits_is_a_duplicate() -> None:
    original = story(3)
    last = original.rindex(". ") + 1  # drop the final sentence, add a line, change a word
    edited = "Syndicated from the wire service for our readers today.\n\n" + original[:last]
    edited = edited.replace("minister", "ministry", 1)
    assert similarity(signature(original), signature(edited)) >= 0.85
    assert groups(article("a", original), article("b", edited)) == {"a": None, "b": "a"}


def test_partly_overlapping_stories_stay_independent() -> None:
    one, two = story(4).split("\n\n"), story(5).split("\n\n")
    half = "\n\n".join(one[: len(one) // 2] + two[len(two) // 2 :])
    assert groups(article("a", story(4)), article("b", half)) == {"a": None, "b": None}


def test_one_outlets_story_captured_twice_is_one_source() -> None:
    from dataclasses import replace

    day = dt.date(2025, 3, 5)
    page = replace(article("page", story(6), day), publisher="Coastal Times", title="Ministers Sign Deal")
    feed = replace(article("feed", story(7), day), publisher="Coastal  Times", title="ministers sign deal")
    other_day = replace(
        article("later", story(8), dt.date(2025, 3, 6)), publisher=feed.publisher, title=feed.title
    )
    other_outlet = replace(article("rival", story(9), day), publisher="Harbour Post", title=feed.title)
    assert groups(page, feed, other_day, other_outlet) == {
        "page": None, "feed": "page", "later": None, "rival": None
    }  # fmt: skip


def test_undated_first_copy_is_the_original() -> None:
    text = story(6)
    assert groups(article("a", text), article("b", text, dt.date(2025, 1, 2))) == {"a": None, "b": "a"}


def test_many_articles_only_copies_grouped() -> None:
    articles = [article(f"s{i:03d}", story(100 + i)) for i in range(150)]
    articles += [article(f"copy{i}", "Reprinted with permission.\n\n" + story(100 + i)) for i in (3, 77)]
    result = groups(*articles)
    assert {k: v for k, v in result.items() if v} == {"copy3": "s003", "copy77": "s077"}


def test_read_corpus_marks_copies(tmp_path: Path) -> None:
    text = story(9)
    (tmp_path / "a.txt").write_text("Original Headline Here\n\n" + text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Advertisement\n\nAnother Outlet Headline\n\n" + text + "\n\nShare\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text(story(10), encoding="utf-8")
    marked = {a.id: a.duplicate_of for a in read_corpus(tmp_path).articles}
    assert marked == {"a": None, "b": "a", "c": None}


WIRE = """Ministers from Lisbon and Nouakchott agreed on Thursday to reopen a joint fisheries inspection office in Nouadhibou, closed since the pandemic.

“We lost three seasons of data, and the trawlers noticed,” said Inês Calderón, who chairs the coastal directorate in Lisbon.

The office will host six inspectors from each country and share catch records with the regional fisheries body every month.

Calderón said the first joint patrol would leave port before the end of the sardine season. Her Mauritanian counterpart, Aïssata Ould Béchir, called the agreement “a debt repaid to the fishermen of the coast.”

Environmental groups welcomed the move but asked for the catch records to be published. The previous office had recorded more than four hundred violations in its last full year.

Negotiators spent most of the week on the question of who pays for fuel. The final text splits the cost evenly and reviews it after two years.

The agreement still needs the approval of the Mauritanian parliament, which meets again in October."""


def syndicated(text: str) -> str:
    """Another outlet's copy: accents dropped, straight quotes, clutter lines, the last paragraph cut."""
    body = text.replace("ê", "e").replace("ó", "o").replace("ï", "i").replace("é", "e")
    body = body.replace("“", '"').replace("”", '"')
    paragraphs = body.split("\n\n")[:-1]
    paragraphs.insert(2, "ADVERTISEMENT")
    return "\n\n".join([*paragraphs, "Read more: coastal news in brief", "Share this article"])


def test_syndicated_copy_with_small_edits_is_one_source() -> None:
    day = dt.date(2025, 6, 12)
    copy = syndicated(WIRE)
    assert similarity(signature(WIRE), signature(copy)) < 0.85  # plain shingles would have missed it
    assert groups(article("wire", WIRE, day), article("copy", copy, day + dt.timedelta(days=1))) == {
        "wire": None, "copy": "wire"
    }  # fmt: skip


RIVAL = """Portugal and Mauritania will reopen their fisheries inspection office in Nouadhibou, the two governments said on Thursday, after a gap of three years.

Inês Calderón, head of the Lisbon coastal directorate, told reporters that the trawlers had noticed the absence of inspectors.

Fishing crews in the port were sceptical. “Inspectors come and go; the fuel prices stay,” said one boat owner, who asked not to be named.

The deal foresees six inspectors from each side and monthly reports to the regional fisheries body.

Opposition members in Nouakchott said they would question the cost-sharing clause when parliament returns in October.

Last year the port landed its smallest sardine catch in a decade, according to the harbour authority."""


def test_two_outlets_reporting_one_event_stay_apart() -> None:
    day = dt.date(2025, 6, 12)
    assert groups(article("wire", WIRE, day), article("rival", RIVAL, day)) == {"wire": None, "rival": None}


def test_a_short_brief_inside_a_long_story_is_not_its_copy() -> None:
    brief = "\n\n".join(WIRE.split("\n\n")[:2])
    assert groups(article("wire", WIRE), article("brief", brief)) == {"wire": None, "brief": None}


def test_undated_recurring_column_titles_are_not_one_story() -> None:
    from dataclasses import replace

    one = replace(article("one", story(11)), publisher="Harbour Post", title="Today's Papers")
    two = replace(article("two", story(12)), publisher="Harbour Post", title="Today's Papers")
    assert groups(one, two) == {"one": None, "two": None}
