"""``briefgen.memory.release``: garbage collected, free heap returned where glibc can, nothing else."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator

import pytest

from briefgen import memory


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []

    def collect(*args: object) -> int:
        seen.append("collect")
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    cached = memory._trim
    cached.cache_clear()
    yield seen
    cached.cache_clear()  # what a test found without a C library is not kept
    gc.unfreeze()  # what a release outside a command set aside goes back to the collector


def test_release_collects_then_trims(calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def trim(pad: int) -> int:
        calls.append(f"trim {pad}")
        return 1

    monkeypatch.setattr(memory, "_trim", lambda: trim)
    with memory.collecting_rarely():
        memory.release()
        assert gc.get_freeze_count() > 0  # what survived is set aside from later collections
    assert calls == ["collect", "trim 0"]
    assert gc.get_freeze_count() == 0  # and given back to the collector when the command ends


def test_without_a_c_library_it_only_collects(calls: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def no_library(name: object) -> object:
        raise OSError("no C library")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    assert memory._trim() is None
    memory.release()
    assert calls == ["collect"]


def test_selection_forgets_its_sentences_not_its_data() -> None:
    from briefgen.select import caches, figures, places

    figures.figures("Some 1,189 people were returned.", "en")
    places.countries("Talks were held in Rabat.")
    assert figures.figures.cache_info().currsize and figures._pattern.cache_info().currsize
    assert caches.forget() >= 2
    assert figures.figures.cache_info().currsize == 0 and places.countries.cache_info().currsize == 0
    assert figures._pattern.cache_info().currsize  # a compiled pattern is not a sentence's


def test_commands_collect_rarely_and_restore_the_collector() -> None:
    before = gc.get_threshold()
    with memory.collecting_rarely():
        assert gc.get_threshold() == (memory.YOUNG, memory.MIDDLE, memory.OLD) != before
    assert gc.get_threshold() == before


def test_the_collector_is_restored_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), memory.collecting_rarely():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == before
