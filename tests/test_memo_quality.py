"""Issue 14 mechanisms on constructed corpora: topic context, self-contained lines, what counts as one
fact (speaker, negation, plan vs event, quotation-only overlap), the per-article cap, DUC dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

from briefgen.commands import parse_date
from briefgen.models import Attribution
from briefgen.select import explain_topic
from briefgen.select.alone import opens_alone, starts_inside_quote
from tests.test_select import FILLER, MEMO_DATE, READMISSIONS, TOPICS, article, main_items, memo_of

SAYS = Attribution("indirect", "said", "Laurent Nuñez", "laurent-nunez", "Nuñez", "Interior Minister")
OTHER = Attribution("indirect", "said", "Said Sayoud", "said-sayoud", "Sayoud", "Interior Minister")
REGIONAL = dataclasses.replace(READMISSIONS, context=("Algeria", "Maghreb", "migrants"))


def test_an_article_outside_the_topic_context_gives_no_item_and_explain_says_why() -> None:
    clinic = article(
        "clinic",
        "Hospital readmission penalties rose for the third year, the insurer said in its annual report.",
        "The readmission rate of heart patients fell slightly after the new discharge rules.",
    )
    algiers = article("algiers", "Algeria agreed to resume the readmission of its nationals.", *FILLER)
    memo = memo_of(clinic, algiers, topic=REGIONAL)
    cited = {c.source for i in memo.items for c in i.citations}
    assert cited == {"algiers"}
    rows = explain_topic(REGIONAL, TOPICS, (clinic, algiers), MEMO_DATE, near_misses=50)
    assert any(r.article_id == "clinic" and r.why.startswith("outside the topic's context") for r in rows)


def test_context_matches_longer_word_forms() -> None:
    memo = memo_of(article("a", "The Algerian side accepted the readmission of 40 nationals.", *FILLER),
                   topic=REGIONAL)  # fmt: skip
    assert memo.items


def test_openers_that_refer_back_or_start_inside_a_quotation() -> None:
    assert not opens_alone("That partnership has grown since the summer.")
    assert not opens_alone("Its borders with Mali are long and hard to patrol.")
    assert not opens_alone("He told reporters the talks would go on.")
    assert not opens_alone("I will get results,” he told the committee.")
    assert starts_inside_quote("results on readmissions,” he said.")
    assert opens_alone("This week the ministers met again in Algiers.")
    assert opens_alone("“We will act,” the minister said.")
    assert opens_alone("The ministers met again in Algiers.")


def test_a_line_that_refers_back_is_shown_with_the_sentence_it_depends_on() -> None:
    a = article(
        "a",
        "Algeria and France signed a readmission protocol in Algiers on Monday. "
        "That protocol sets a ten-day limit for consular pass requests.",
        *FILLER,
    )
    texts = [i.text for i in main_items(memo_of(a))]
    assert not any(t.startswith("That protocol") for t in texts)
    assert any(t.startswith("Algeria and France signed") and "ten-day limit" in t for t in texts)
    body = a.article.body
    assert all(t in body for t in texts)  # still verbatim


def test_no_item_starts_inside_a_quotation_or_with_an_unresolved_reference() -> None:
    paragraphs = (
        "“We expect the first returns within weeks. I am going to get results on readmissions,” Nuñez told "
        "a committee.",
        "Those governments have refused consular passes for months. Its consulates issued none in March.",
        "The repatriation of nationals under expulsion orders resumed on Tuesday, officials said.",
        *FILLER,
    )
    for item in main_items(memo_of(article("a", *paragraphs))):
        assert opens_alone(item.text), item.text


def _claims_with(memo: object, word: str) -> list:
    return [i for i in main_items(memo) if word in i.text]  # type: ignore[arg-type]


def test_two_speakers_saying_similar_things_are_two_claims() -> None:
    a = article("a", "The readmission of nationals under expulsion orders will resume soon, Nuñez said.",
                attributions={0: SAYS})  # fmt: skip
    b = article("b", "The readmission of nationals under expulsion orders will resume soon, Sayoud said.",
                attributions={0: OTHER})  # fmt: skip
    items = main_items(memo_of(a, b))
    assert items and all(len(i.citations) == 1 for i in items)


def test_a_negated_sentence_does_not_corroborate_the_claim() -> None:
    a = article(
        "a", "Algeria agreed to resume the readmission of its nationals under expulsion orders.", *FILLER
    )
    b = article("b", "Algeria has not agreed to resume the readmission of its nationals under expulsion orders.",
                *FILLER)  # fmt: skip
    assert all(i.independent_sources == 1 for i in _claims_with(memo_of(a, b), "resume"))


def test_a_dated_preview_does_not_corroborate_the_event() -> None:
    preview = article("p", "Nuñez will travel to Algiers on Monday to discuss the readmission of nationals.",
                      *FILLER, date=dt.date(2026, 2, 12))  # fmt: skip
    event = article("e", "Nuñez travelled to Algiers on Monday to discuss the readmission of nationals.",
                    *FILLER, date=dt.date(2026, 2, 17))  # fmt: skip
    assert all(i.independent_sources == 1 for i in _claims_with(memo_of(preview, event), "Algiers"))


def test_sharing_only_a_quotation_is_not_the_same_fact() -> None:
    a = article("a", "Nuñez said the Monday sessions on the readmission file sought “normal security relations” "
                "between the two capitals.", *FILLER, attributions={0: SAYS})  # fmt: skip
    b = article("b", "Critics mocked the promise of “normal security relations” as the readmission backlog "
                "kept growing at every prefecture.", *FILLER)  # fmt: skip
    assert all(i.independent_sources == 1 for i in _claims_with(memo_of(a, b), "normal security"))


def test_the_single_source_cap_is_configurable_per_topic() -> None:
    facts = [
        "The readmission of nationals from Oran resumed after a long freeze.",
        "Consular pass requests from Lyon prefectures now wait eleven days on average.",
        "A charter flight carried twenty people under expulsion orders from Marseille.",
        "Lawyers in Toulouse challenged the repatriation of two minors before a court.",
        "The readmission backlog at Paris airports shrank by a third in January.",
    ]
    capped = dataclasses.replace(READMISSIONS, max_single_source_per_article=1)
    free = dataclasses.replace(READMISSIONS, max_single_source_per_article=0)
    one = article("a", " ".join(facts))
    assert len(main_items(memo_of(one, topic=capped))) == 1
    assert len(main_items(memo_of(one, topic=free))) > 1


def test_an_unambiguous_year_day_month_date_is_read() -> None:
    assert parse_date("1998-14-06") == dt.date(1998, 6, 14)
    assert parse_date("2026-02-25") == dt.date(2026, 2, 25)
