"""The memo's items in pick order (most important first); each section, and the source numbers, as printed."""

from __future__ import annotations

import dataclasses

from briefgen.models import SECTIONS, Attribution
from briefgen.render import Renderer
from briefgen.select.memo import build_memo
from briefgen.select.pipeline import run
from tests.test_select import HEADER, MEMO_DATE, READMISSIONS, TOPICS, article, main_items

RESEARCHER = Attribution("indirect", "said", "Karim Benali", "karim-benali", "Benali", "researcher")
EIGHT = dataclasses.replace(READMISSIONS, budget=8)


def _corpus() -> tuple:
    one = article(
        "one",
        "The readmission backlog reached nine hundred cases under expulsion orders last month.",
        "Benali said the repatriation talks would probably need another year.",
        "Consular pass delays now average eleven weeks for nationals facing repatriation.",
        "Benali said the expulsion order statistics were rarely published.",
        "Lawyers filed appeals against forty expulsion orders issued in Marseille during winter.",
        "The readmission agreement signed decades ago was never ratified by parliament.",
        "Benali said the consular pass system was opaque.",
        attributions={1: RESEARCHER, 3: RESEARCHER, 6: RESEARCHER},
    )
    two = article(
        "two",
        "Lawyers in Marseille filed appeals against forty expulsion orders over the winter.",
        "The readmission agreement signed decades ago was never ratified by the parliament.",
        "Consular pass delays now average eleven weeks for Algerian nationals facing repatriation.",
    )
    return one, two


def test_items_follow_the_pick_order_with_the_bottom_line_first() -> None:
    sel = run(EIGHT, TOPICS, _corpus(), MEMO_DATE)
    memo = build_memo(sel, MEMO_DATE, HEADER, None)
    items = main_items(memo)
    assert [i.text for i in items] == [r.text or r.representative.sentence.text for r in sel.chosen]
    sections = [i.section for i in items]
    n = len(memo.section("bottom-line"))
    assert sections[:n] == ["bottom-line"] * n and "bottom-line" not in sections[n:]
    # the case this is about: an unattributed item picked before an attributed one after the bottom line
    assert sections.index("context") < len(sections) - 1 - sections[::-1].index("key-statements")


def test_sections_and_source_numbers_read_as_printed() -> None:
    memo = build_memo(run(EIGHT, TOPICS, _corpus(), MEMO_DATE), MEMO_DATE, HEADER, None)
    printed = [i for s in SECTIONS[:3] for i in memo.section(s)]
    firsts = list(dict.fromkeys(c.number for i in printed for c in i.citations))
    assert firsts == sorted(firsts) and firsts[0] == 1
    markdown = Renderer().markdown(memo)
    assert (
        markdown.index("## Bottom line") < markdown.index("## Key statements") < markdown.index("## Context")
    )
