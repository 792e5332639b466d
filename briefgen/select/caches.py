"""The per-sentence caches of selection (facts, figures, places, stems, scores…), emptied between topics.

Each is an ``lru_cache`` of 10,000 entries or more keyed by a sentence's text or features: within one
topic's selection the same sentence is compared again and again, but the next topic's sentences are
mostly others, and at archive scale these caches hold hundreds of megabytes of the last topic's.
Caches of data files (the gazetteer, compiled patterns) are small and stay.
"""

from __future__ import annotations

import sys

PER_SENTENCE = 10_000  # a cache at least this large holds per-sentence entries


def forget() -> int:
    """Empty every per-sentence cache of the selection modules imported; how many were emptied."""
    emptied = 0
    modules = [m for name, m in list(sys.modules.items()) if name.startswith("briefgen.select.")]
    for module in modules:
        for value in list(vars(module).values()):
            stats = getattr(value, "cache_info", None)
            if callable(stats) and (stats().maxsize or 0) >= PER_SENTENCE:
                value.cache_clear()
                emptied += 1
    return emptied
