"""Progress of the analysis stage, as a reporter set by the command line sees it."""

from __future__ import annotations

import pytest

from briefgen import analyse
from briefgen.progress import report, reporting
from tests.test_attribute import build_article


def articles(n: int) -> list:
    return [
        build_article(f"Minister Ivo Talvik said on day {i} that the talks would go on.") for i in range(n)
    ]


def test_without_a_reporter_nothing_is_reported() -> None:
    report("analysing", 1, 2)  # no reporter set: a no-op, not an error


@pytest.mark.parametrize("parallel_from", [1_000, 2])
def test_analysis_reports_how_many_articles_are_done_up_to_all(
    parallel_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analyse, "PARALLEL_FROM", parallel_from)  # in-process, then on a process pool
    seen: list[tuple[str, int, int]] = []
    with reporting(lambda *step: seen.append(step)):
        done = analyse.analyse_many(articles(40))
    assert len(done) == 40
    assert seen and all(stage == "analysing" and total == 40 for stage, _, total in seen)
    counts = [n for _, n, _ in seen]
    assert counts == sorted(counts) and counts[-1] == 40
