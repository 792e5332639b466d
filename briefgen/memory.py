"""Giving back the memory one stage's temporaries held, before the next stage allocates its own.

A topic's selection builds large temporary tables (its candidates' features, the grouping's index and
facts). Freed, their big blocks stay in the C allocator's heap and the process's resident size keeps
their high-water mark; the next topic then grows from there. ``release`` collects what reference
counting left (cycles) and asks glibc to return its free heap pages to the system (``malloc_trim``);
elsewhere (no glibc) it only collects.
"""

from __future__ import annotations

import ctypes
import functools
import gc
from collections.abc import Callable


@functools.cache
def _trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` from the symbols the process already has loaded, or None."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None  # not glibc (musl, macOS) or no C library to ask


def release() -> None:
    """Collect garbage and return free heap memory to the system where the C library can."""
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
