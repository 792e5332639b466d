"""Giving back the memory one stage's temporaries held, before the next stage allocates its own.

A topic's selection builds large temporary tables (its candidates' features, the grouping's index and
facts). Freed, their big blocks stay in the C allocator's heap and the process's resident size keeps
their high-water mark; the next topic then grows from there. ``release`` collects what reference
counting left (cycles) and asks glibc to return its free heap pages to the system (``malloc_trim``);
elsewhere (no glibc) it only collects.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


@functools.cache
def _trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return libc.malloc_trim if libc is not None else None
    except (OSError, AttributeError):
        return None


def release() -> None:
    """Collect garbage and return free heap memory to the system where the C library can."""
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
