"""Shared builders: a tiny corpus and config written into a temporary folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ARTICLES = {
    "algiers.txt": """\
        France and Algeria Restart Security Talks

        PARIS (Test Wire) — France and Algeria agreed on Tuesday to reactivate a high-level security cooperation mechanism, officials said.

        French Interior Minister Laurent Nuñez said the readmission of Algerian nationals under expulsion orders would be handled “as quickly as possible”.

        He added that consular passes would be issued within days.

        Advertisement

        The talks covered intelligence sharing and judicial coordination.
        """,
    "rabat.txt": """\
        Morocco and France Sign Plan

        Morocco and France signed a joint security action plan in Rabat, according to officials.

        Analysts say the repatriation of irregular migrants remains the hardest file.

        The Western Sahara dispute continues to weigh on relations with Algeria, which supports the Polisario Front.
        """,
    "festival.txt": """\
        A date festival opened in the oasis town on Friday, drawing thousands of visitors.

        Organisers said the harvest had been the best in a decade.
        """,
}

CONFIG = """\
corpus: corpus
output: out
header:
  organisation: Test Desk
  classification: TEST ONLY
topics:
  security-cooperation:
    title: Security cooperation
    scope: Security ties.
    include: [security cooperation, security action plan, intelligence sharing, judicial coordination]
  readmissions:
    title: Readmissions
    scope: Returns of migrants.
    include: [readmission, repatriation, consular pass, expulsion order, irregular migrants]
    budget: 6
  western-sahara:
    title: Western Sahara
    scope: The dispute.
    include: [Western Sahara, Polisario]
"""


def write_project(root: Path, articles: dict[str, str] | None = None, config: str = CONFIG) -> Path:
    """Write a corpus and a config under ``root``; return the config path."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in (ARTICLES if articles is None else articles).items():
        (corpus / name).write_text(textwrap.dedent(text), encoding="utf-8")
    path = root / "briefgen.yaml"
    path.write_text(config, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A config file (returned) beside a three-article corpus."""
    return write_project(tmp_path)
