"""IDF-weighted set similarity of sentences' features: what claim grouping and citation checks compare."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from briefgen.select.features import QUOTED

QUOTE_BOOST = 2.0  # weight multiplier of quoted word pairs: shared quotes are strong evidence


@dataclass(frozen=True)
class Similarity:
    """IDF-weighted set similarity over a fixed collection of sentences."""

    weights: Mapping[str, float]
    masses: dict[frozenset[str], float] = field(default_factory=dict, compare=False, repr=False)
    """Memo of each whole sentence's mass (pure cache: the same set always has the same mass)."""

    @classmethod
    def fit(cls, feats: Sequence[frozenset[str]]) -> Similarity:
        df = Counter(f for fs in feats for f in fs)
        n = len(feats)
        boost = {True: QUOTE_BOOST, False: 1.0}
        return cls(
            MappingProxyType(
                {f: boost[f.startswith(QUOTED)] * (1 + math.log(n / d)) for f, d in sorted(df.items())}
            )
        )

    def mass(self, fs: frozenset[str]) -> float:
        """The summed weights of ``fs`` (1.0 for a feature not fitted), exactly rounded: a set's order
        changes with the process's string hashing, and a plain float sum would change with it."""
        try:
            return math.fsum(map(self.weights.__getitem__, fs))  # every feature fitted: the fast way
        except KeyError:
            return math.fsum(self.weights.get(f, 1.0) for f in fs)

    def _whole(self, fs: frozenset[str]) -> float:
        m = self.masses.get(fs)
        if m is None:
            m = self.masses[fs] = self.mass(fs)
        return m

    def dice(self, a: frozenset[str] | None, b: frozenset[str] | None) -> float:
        """IDF-weighted Dice coefficient (no containment term: a short set gains nothing by being short)."""
        if not a or not b:
            return 0.0
        return 2 * self.mass(a & b) / (self.mass(a) + self.mass(b))

    def __call__(self, a: frozenset[str], b: frozenset[str]) -> float:
        shared = a & b
        if not shared:
            return 0.0
        common = self.mass(shared)
        ma, mb = self._whole(a), self._whole(b)
        return (2 * common / (ma + mb) + common / min(ma, mb)) / 2
