"""Issue 16, items 2 and 6-11: no good memo replaced by an empty one, mail after the quick start, fetch
exit codes, counts that agree, readable mail, speaker headings and source lists."""

from __future__ import annotations

import email
import email.policy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.models import Attribution, Source
from briefgen.render import Renderer, heading_case, speaker_label
from tests.builders import build_memo, item
from tests.conftest import CONFIG, write_project

DATE = "2026-02-25"
OFF_TOPIC = {
    "festival.txt": "A date festival opened in the oasis town on Friday.\n\nOrganisers said it went well.\n"
}


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def memo(config: Path, *more: str) -> Any:
    return invoke("memo", "-c", str(config), "-t", "readmissions", "--date", DATE, "-f", "md,json", *more)


def memo_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob(f"readmissions-{DATE}.*"))}


def empty_the_corpus(config: Path) -> None:
    for path in (config.parent / "corpus").iterdir():
        path.unlink()
    write_project(config.parent, OFF_TOPIC, config=config.read_text())


@pytest.mark.parametrize("command", ["memo", "build", "explain"])
def test_since_later_than_the_date_is_a_usage_error(project: Path, command: str) -> None:
    args = ["-t", "readmissions"] if command != "build" else []
    result = invoke(command, "-c", str(project), *args, "--date", DATE, "--since", "2026-03-01")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "--since 2026-03-01 is later than the memo date 2026-02-25" in result.output


def test_an_empty_memo_never_replaces_one_with_items_unless_forced(project: Path) -> None:
    out = project.parent / "out"
    assert memo(project).exit_code == 0
    good = memo_files(out)
    items = len(json.loads(good[f"readmissions-{DATE}.json"])["items"])
    assert items
    empty_the_corpus(project)
    refused = memo(project)
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert (
        f"readmissions: the new memo has no items; kept the 2026-02-25 memo with {items} items"
        in refused.output
    )
    assert "--force" in refused.output and memo_files(out) == good
    forced = memo(project, "--force")
    assert forced.exit_code == 0 and memo_files(out) != good
    assert memo(project).exit_code == 0  # an empty memo may replace an empty one


def test_the_guard_knows_a_memo_from_its_json_when_the_store_is_gone(project: Path) -> None:
    out = project.parent / "out"
    assert memo(project).exit_code == 0
    (out / "briefgen.sqlite").unlink()
    empty_the_corpus(project)
    assert memo(project).exit_code == 1


def test_an_empty_build_keeps_the_topics_memo_and_exits_1(project: Path) -> None:
    build = ("build", "-c", str(project), "--date", DATE, "-f", "md", "-t", "readmissions")
    assert invoke(*build).exit_code == 0
    path = project.parent / "out" / "builds" / DATE / f"readmissions-{DATE}.md"
    before = path.read_bytes()
    empty_the_corpus(project)
    result = invoke(*build)
    assert result.exit_code == 1 and "the new memo has no items; kept the 2026-02-25 memo" in result.stdout
    assert path.read_bytes() == before
    assert invoke(*build, "--force").exit_code == 0 and path.read_bytes() != before


def test_mail_sends_the_memo_that_memo_wrote(project: Path) -> None:
    config = project.parent / "smtp.yaml"
    config.write_text(CONFIG + "smtp:\n  to: [desk@example.test]\n", encoding="utf-8")
    nothing = invoke("mail", "-c", str(config), "--dry-run")
    assert nothing.exit_code == 2 and nothing.output.count("\n") == 1
    assert "run briefgen build, or briefgen memo --topic NAME" in nothing.output
    for day in ("2026-02-24", DATE):
        args = ("memo", "-c", str(config), "-t", "readmissions", "--date", day, "-f", "md,pdf")
        assert invoke(*args).exit_code == 0
    result = invoke("mail", "-c", str(config), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(project.parent / "out" / "mail" / f"readmissions-{DATE}.eml")]
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1 and "no PDF memo for security-cooperation, western-sahara" in warnings[0]


DATED = """\
---
title: Returns resume
publisher: Test Wire
date: 2026-02-20
---
Algeria resumed the readmission of its nationals under expulsion orders on Tuesday, the interior ministry said.

Consular passes for the first returnees were issued the same day, officials said.
"""


def test_build_and_memo_agree_on_the_number_of_items(project: Path) -> None:
    (project.parent / "corpus" / "returns.md").write_text(DATED, encoding="utf-8")
    result = invoke("build", "-c", str(project), "--date", DATE, "-f", "md,json", "-t", "readmissions")
    assert result.exit_code == 0, result.output
    counted = int(re.search(r"readmissions: (\d+) items?", result.stdout)[1])  # type: ignore[index]
    folder = project.parent / "out" / "builds" / DATE
    doc = json.loads((folder / f"readmissions-{DATE}.json").read_text(encoding="utf-8"))
    assert doc["timeline"], "the test memo should have a timeline entry counted twice before the fix"
    assert counted == doc["stats"]["items_chosen"] == len(doc["items"])
    assert f"{counted} items chosen" in (folder / f"readmissions-{DATE}.md").read_text(encoding="utf-8")


def test_the_mail_text_part_is_readable_and_html_is_the_alternative(project: Path) -> None:
    config = project.parent / "smtp.yaml"
    config.write_text(CONFIG + "smtp:\n  to: [desk@example.test]\n", encoding="utf-8")
    assert invoke("memo", "-c", str(config), "-t", "readmissions", "--date", DATE).exit_code == 0
    assert invoke("mail", "-c", str(config), "--dry-run").exit_code == 0
    raw = (project.parent / "out" / "mail" / f"readmissions-{DATE}.eml").read_bytes()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/mixed"
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    html = msg.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert "[1]" in text and "\\" not in text and "**" not in text and "](#" not in text
    assert "“as quickly as possible”" in text and "Bottom line\n-----------" in text
    assert '<a href="#source-1">[1]</a>' in html


@pytest.mark.parametrize(
    "written, shown",
    [
        ("the French interior ministry", "The French interior ministry"),
        ("his office", "His office"),
        ("Laurent Nuñez", "Laurent Nuñez"),
        ("de Villepin", "de Villepin"),
        ("al-Sisi", "al-Sisi"),
        ("d’Estaing", "d’Estaing"),
        ("", ""),
    ],
)
def test_descriptions_used_as_headings_are_capitalised(written: str, shown: str) -> None:
    assert heading_case(written) == shown


def test_a_description_speaker_heads_its_statements_capitalised() -> None:
    ministry = Attribution("indirect", "said", "the French interior ministry", "ministry", "it", None)
    assert speaker_label(ministry) == "The French interior ministry"
    markdown = Renderer().markdown(
        build_memo((item("key-statements", "Talks resumed, it said.", attribution=ministry),))
    )
    assert "### The French interior ministry\n" in markdown


def test_sources_show_what_is_known_and_say_once_what_is_not() -> None:
    bare = tuple(Source(n, f"s{n}", f"corpus/notes-{n}.txt", None, None, None, None) for n in (1, 2, 3))
    known = Source(4, "s4", "corpus/wire.txt", "A headline", "Wire", None, None)
    cited = [item("context", f"Sentence {n}.", (f"s{n}", n)) for n in (1, 2, 3, 4)]
    markdown = Renderer().markdown(build_memo(tuple(cited), (*bare, known)))
    sources = markdown[markdown.index("## Sources") : markdown.index("## Method")]
    assert "Unknown publisher" not in sources and "untitled" not in sources and "undated" not in sources
    assert "1. *notes-1.txt*. Supports 1 item." in sources
    assert "4. Wire, *A headline*. File: wire.txt. Supports 1 item." in sources
    assert sources.count("Not stated in the source") == 1
    assert (
        "the publisher of [\\[1\\]], [\\[2\\]], [\\[3\\]]; title of [\\[1\\]], [\\[2\\]], [\\[3\\]] "
        "(file name shown); date of [\\[1\\]], [\\[2\\]], [\\[3\\]], [\\[4\\]]." in sources
    )
