"""``briefgen build``: incremental, reproducible, marking new claims, and never losing a good memo."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.commands import build as build_mod
from briefgen.commands.build import BuildReport, BuildRequest, build
from briefgen.config import load_settings
from briefgen.errors import PartialBuildError
from briefgen.lock import BuildLock
from briefgen.models import Citation, Memo
from tests.builders import build_memo, item
from tests.buildkit import EXTRA_ARTICLE, build_files

ROOT = Path(__file__).parents[1]
DAY1, DAY2 = dt.date(2025, 1, 2), dt.date(2025, 1, 3)
TOPICS = ("security-cooperation", "readmissions", "western-sahara")


def run_build(config: Path, day: dt.date = DAY1, **kw: Any) -> BuildReport:
    request = BuildRequest(memo_date=day, formats=kw.pop("formats", ("md", "pdf", "json")), **kw)
    return build(load_settings(config), request)


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def record_renders(monkeypatch: pytest.MonkeyPatch, fail: str | None = None) -> list[Memo]:
    """Wrap the renderer the build uses: record each memo rendered; raise for topic ``fail``."""
    seen: list[Memo] = []
    real = build_mod.Renderer

    class Recording:
        def __init__(self, templates: Path | None, pdf: Any = None) -> None:
            self.inner = real(templates, pdf)

        def start(self, memo: Memo, fmt: str) -> Callable[[], bytes]:
            if memo.topic == fail:
                raise RuntimeError("renderer exploded")
            seen.append(memo)
            return self.inner.start(memo, fmt)

    monkeypatch.setattr(build_mod, "Renderer", Recording)
    return seen


def out_of(config: Path) -> Path:
    return config.parent / "out"


def test_two_builds_in_a_row_reuse_every_analysis_and_write_identical_files(project: Path) -> None:
    first = run_build(project)
    files = build_files(out_of(project), "2025-01-02")
    second = run_build(project)
    assert (first.analysed, first.reused) == (3, 0)
    assert (second.analysed, second.reused) == (0, 3)
    assert build_files(out_of(project), "2025-01-02") == files
    assert {f"{t}-2025-01-02.{x}" for t in TOPICS for x in ("md", "pdf", "json")} <= set(files)


def test_changed_or_added_file_is_the_only_one_analysed(project: Path) -> None:
    run_build(project)
    corpus = project.parent / "corpus"
    (corpus / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    (corpus / "festival.txt").write_text(
        "Organisers said the fair would return next year.\n", encoding="utf-8"
    )
    report = run_build(project)
    assert (report.analysed, report.reused) == (2, 2)


def test_new_article_marks_new_claims_against_the_previous_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_build(project, DAY1)
    (project.parent / "corpus" / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    memos = record_renders(monkeypatch)
    report = run_build(project, DAY2)
    readmissions = next(r for r in report.topics if r.topic == "readmissions")
    assert readmissions.previous == DAY1 and readmissions.new >= 1 and not readmissions.nothing_new
    memo = next(m for m in memos if m.topic == "readmissions")
    new_texts = [i.text for i in memo.items if i.is_new]
    assert new_texts and all(i.citations[0].source == "extra" for i in memo.items if i.is_new)
    assert not any(i.is_new for i in memo.items if i.citations[0].source != "extra")


def test_a_fact_the_previous_build_stated_is_not_new_under_another_representative() -> None:
    """NEW means no claim of the previous build states the same fact: the day-two item is represented
    by a new outlet's sentence, but it also cites the sentence the day-one item printed."""
    old = "The ferry terminal reopened on Monday after repairs."
    fresh = "After repairs, the ferry terminal reopened on Monday, the port said."
    day1 = build_memo((item("context", old, ("a", 1)),))
    previous = (DAY1, frozenset(k for i in day1.items for k in build_mod.fact_keys(i)))
    same_fact = item("context", fresh, ("b", 2), ("a", 1))
    same_fact = replace(same_fact, citations=(same_fact.citations[0], Citation("a", 1, old)))
    other_fact = item("context", "The night crossings stay cancelled until spring.", ("b", 2))
    marked = build_mod.mark_new(build_memo((same_fact, other_fact)), previous)
    assert [i.is_new for i in marked.items] == [False, True] and not marked.nothing_new


def test_build_with_nothing_new_says_so(
    project: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    run_build(project, DAY1)
    memos = record_renders(monkeypatch)
    with caplog.at_level(logging.INFO, logger="briefgen"):
        report = run_build(project, DAY2)
    assert all(r.nothing_new and r.new == 0 for r in report.topics if r.items)
    assert all(m.nothing_new for m in memos)
    assert "readmissions: nothing new since the build of 2025-01-02" in caplog.text
    result = invoke("build", "--config", str(project), "--date", "2025-01-04")
    assert re.search(r"^readmissions: \d+ items? \(nothing new since 2025-01-03\) -> ", result.stdout, re.M)


def test_first_build_marks_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memos = record_renders(monkeypatch)
    report = run_build(project, DAY1)
    assert all(r.previous is None and not r.nothing_new for r in report.topics)
    assert memos and not any(i.is_new for m in memos for i in m.items)


def test_failing_topic_keeps_its_previous_memo_and_the_others_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_build(project, DAY1, formats=("md", "pdf"))
    out = out_of(project)
    before = build_files(out, "2025-01-02")
    for name in ("security-cooperation", "western-sahara"):
        (out / "builds" / "2025-01-02" / f"{name}-2025-01-02.md").unlink()
    (project.parent / "corpus" / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    record_renders(monkeypatch, fail="readmissions")
    result = invoke("build", "--config", str(project), "--date", "2025-01-02")
    assert result.exit_code == 1
    assert "readmissions: failed, previous memo kept" in result.stdout
    assert (
        result.stderr.count("briefgen: error:") == 1
        and "1 of 3 topic(s) failed (readmissions)" in result.stderr
    )
    after = build_files(out, "2025-01-02")
    for fmt in ("md", "pdf"):
        assert after[f"readmissions-2025-01-02.{fmt}"] == before[f"readmissions-2025-01-02.{fmt}"]
    for name in ("security-cooperation", "western-sahara"):  # deleted above: the others were built again
        assert after[f"{name}-2025-01-02.md"].startswith(b"**TEST ONLY")
    manifest = json.loads(after["manifest.json"])
    assert manifest["failed"] == ["readmissions"]


def test_failing_topic_on_a_new_day_still_builds_the_others(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_renders(monkeypatch, fail="western-sahara")
    with pytest.raises(PartialBuildError) as caught:
        run_build(project, DAY1, formats=("md",))
    assert caught.value.exit_code == 1
    names = set(build_files(out_of(project), "2025-01-02"))
    assert names == {"security-cooperation-2025-01-02.md", "readmissions-2025-01-02.md", "manifest.json"}


def test_corrupt_store_is_rebuilt(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    run_build(project)
    files = build_files(out_of(project), "2025-01-02")
    store = out_of(project) / "briefgen.sqlite"
    store.write_bytes(os.urandom(8192))
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        report = run_build(project)
    assert "unreadable store" in caplog.text
    assert (report.analysed, report.reused) == (3, 0)
    assert build_files(out_of(project), "2025-01-02") == files
    assert run_build(project).reused == 3


def test_manifest_lists_each_file_with_size_and_sha256(project: Path) -> None:
    report = run_build(project)
    assert report.manifest is not None
    manifest = json.loads(report.manifest.read_text(encoding="utf-8"))
    assert manifest["memo_date"] == "2025-01-02" and manifest["failed"] == []
    listed = {f["name"] for f in manifest["files"]}
    assert listed == {p.name for p in report.folder.iterdir()} - {"manifest.json"}
    for entry in manifest["files"]:
        data = (report.folder / entry["name"]).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_latest_points_at_the_newest_build(project: Path) -> None:
    out = out_of(project)
    run_build(project, DAY2, formats=("md",))
    run_build(project, DAY1, formats=("md",))  # rebuilding an older day does not move `latest`
    latest = out / "latest"
    assert latest.is_symlink() and latest.resolve() == (out / "builds" / "2025-01-03").resolve()
    assert (latest / "readmissions-2025-01-03.md").is_file()


def test_latest_replaces_a_copied_folder(project: Path) -> None:
    out = out_of(project)
    (out / "latest").mkdir(parents=True)
    (out / "latest" / "stale.md").write_text("old", encoding="utf-8")
    run_build(project, DAY1, formats=("md",))
    assert (out / "latest").is_symlink() or not (out / "latest" / "stale.md").exists()
    assert (out / "latest" / "readmissions-2025-01-02.md").is_file()


def test_cli_prints_one_line_per_topic_and_quiet_prints_nothing(project: Path) -> None:
    result = invoke("build", "--config", str(project), "--date", "2025-01-02", "--format", "md,pdf")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == list(TOPICS)
    assert re.fullmatch(
        r"readmissions: \d+ items? -> .*/builds/2025-01-02/readmissions-2025-01-02\.pdf", lines[1]
    )
    quiet = invoke("build", "--config", str(project), "--date", "2025-01-02", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""
    quiet_global = invoke("--quiet", "build", "--config", str(project), "--date", "2025-01-02")
    assert quiet_global.exit_code == 0 and quiet_global.output == ""


def test_cli_usage_errors_exit_2(project: Path) -> None:
    unknown = invoke("build", "--config", str(project), "--topics", "readmission")
    assert unknown.exit_code == 2 and "did you mean 'readmissions'" in unknown.stderr
    bad_date = invoke("build", "--config", str(project), "--date", "02/01/2025")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr
    bad_format = invoke("build", "--config", str(project), "--format", "docx")
    assert bad_format.exit_code == 2 and "unknown format" in bad_format.stderr


def test_topics_option_builds_only_those(project: Path) -> None:
    result = invoke(
        "build", "--config", str(project), "--date", "2025-01-02", "--topics", "western-sahara", "-f", "md"
    )
    assert result.exit_code == 0
    assert set(build_files(out_of(project), "2025-01-02")) == {
        "western-sahara-2025-01-02.md",
        "manifest.json",
    }


def test_concurrent_second_build_exits_3(project: Path) -> None:
    out = out_of(project)
    with BuildLock(out):
        result = invoke("build", "--config", str(project), "--date", "2025-01-02")
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        f"briefgen: error: another build is running (pid {os.getpid()}); lock: {out / '.briefgen.lock'}"
    )
    assert not (out / "builds").exists()


SLOW_BUILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
import briefgen.commands.build as build_mod
real = build_mod.Renderer

class Slow(real):
    def start(self, memo, fmt):
        Path({marker!r}).write_text(memo.topic)
        time.sleep(60)
        return super().start(memo, fmt)

build_mod.Renderer = Slow
from briefgen.cli import main
sys.argv = ["briefgen", "build", "--config", {config!r}, "--date", "2025-01-02", "-f", "md,pdf"]
main()
"""


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_killed_build_leaves_the_previous_memo_and_a_free_lock(project: Path, signum: int) -> None:
    run_build(project, DAY1, formats=("md", "pdf"))
    out = out_of(project)
    before = build_files(out, "2025-01-02")
    (project.parent / "corpus" / "extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    marker = project.parent / "rendering"
    script = SLOW_BUILD.format(root=str(ROOT), marker=str(marker), config=str(project))
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), child.stderr.read() if child.stderr else ""
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=30)
    if signum == signal.SIGTERM:
        assert child.returncode == 130 and "briefgen: interrupted" in stderr
    else:
        assert child.returncode == -signal.SIGKILL
    assert build_files(out, "2025-01-02") == before  # nothing half-written, no temporary files
    with BuildLock(out):  # free again at once
        pass
    report = run_build(project, DAY1, formats=("md", "pdf"))
    # the analysis committed before the kill survived it; the memo is built now
    assert (report.analysed, report.reused) == (0, 4) and all(r.error is None for r in report.topics)
    assert build_files(out, "2025-01-02") != before


def test_a_topics_files_are_written_after_the_next_topic_is_selected(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF of one topic renders in the worker while the next topic is selected."""
    events: list[str] = []

    def logged(name: str, real: Callable[..., Any], label: Callable[..., str]) -> None:
        def wrapper(*args: Any, **kw: Any) -> Any:
            events.append(f"{name} {label(*args)}")
            return real(*args, **kw)

        monkeypatch.setattr(build_mod, name, wrapper)

    logged("select_memo", build_mod.select_memo, lambda topic, *_: topic.name)
    logged("finish_memo", build_mod.finish_memo, lambda pending: pending.memo.topic)
    report = run_build(project)
    assert all(r.error is None for r in report.topics)
    a, b, c = TOPICS
    expected = [f"select_memo {a}", f"select_memo {b}", f"finish_memo {a}", f"select_memo {c}"]
    assert events == [*expected, f"finish_memo {b}", f"finish_memo {c}"]
    assert [r.topic for r in report.topics] == list(TOPICS)
