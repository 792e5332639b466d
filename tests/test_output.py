"""Atomic writes and sanitised file names."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import OutputError
from briefgen.output import memo_filename, sha256_file, write_atomic


def test_write_atomic_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_a_full_disk_keeps_the_previous_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.pdf"
    target.write_bytes(b"previous good memo")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, b"x" * 1000)
    assert target.read_bytes() == b"previous good memo"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pdf"]


def test_an_interrupt_during_the_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.md"
    target.write_bytes(b"previous")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"half")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_a_failing_rename_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "memo.json"
    target.write_bytes(b"previous")

    def denied(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(OutputError, match=r"^cannot write .*memo\.json: Permission denied$"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_atomic(tmp_path / "memo.md", b"x")
    finally:
        tmp_path.chmod(0o700)


def test_an_output_path_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file, not a folder")
    with pytest.raises(OutputError, match="out: is a file, not a folder"):
        write_atomic(tmp_path / "out" / "memo.md", b"x")


@given(st.text(max_size=60), st.sampled_from(["md", "pdf", "json", "../pdf", "p/d\\f"]))
def test_memo_file_names_never_leave_the_output_folder(topic: str, fmt: str) -> None:
    name = memo_filename(topic, dt.date(2026, 2, 25), fmt)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*-2026-02-25\.[a-z0-9][a-z0-9-]*", name), name
    assert (Path("/out") / name).parent == Path("/out")


def test_memo_file_names_keep_the_readable_part() -> None:
    assert memo_filename("readmissions", dt.date(2026, 2, 25), "pdf") == "readmissions-2026-02-25.pdf"
    assert (
        memo_filename("../../Western Sahara!", dt.date(2026, 2, 25), "md") == "western-sahara-2026-02-25.md"
    )
    assert memo_filename("Réadmissions", dt.date(2026, 2, 25), "md") == "readmissions-2026-02-25.md"
    assert memo_filename("///", dt.date(2026, 2, 25), "json") == "memo-2026-02-25.json"


def test_sha256_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.pdf"
    write_atomic(target, b"%PDF-1.7 memo")
    assert sha256_file(target) == hashlib.sha256(b"%PDF-1.7 memo").hexdigest()
