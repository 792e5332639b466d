"""The data files beside the attribution code (``data/``): word classes, cue lexicon and classes, source
heads, model weights. Training reads the lexicon it has just written (``reading_from``), so one run of
``briefgen.attribute.train`` is a pure function of its inputs."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

_override: list[Path] = []
_caches: list[Callable[..., Any]] = []


def read(name: str) -> str:
    """The text of data file ``name``: from the folder ``reading_from`` names if it has one, else shipped."""
    if _override and (_override[-1] / name).exists():
        return (_override[-1] / name).read_text(encoding="utf-8")
    return resources.files("briefgen.attribute").joinpath("data", name).read_text(encoding="utf-8")


def cached(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``functools.cache`` for a loader of data files, cleared whenever ``reading_from`` switches folder."""
    wrapped = functools.cache(fn)
    _caches.append(wrapped)
    return wrapped


@contextmanager
def reading_from(folder: Path) -> Iterator[None]:
    _override.append(folder)
    _clear()
    try:
        yield
    finally:
        _override.pop()
        _clear()


def _clear() -> None:
    for fn in _caches:
        fn.cache_clear()  # type: ignore[attr-defined]
