"""The cue model: a logistic regression over ``briefgen.attribute.features``, its weights in
``data/weights.tsv`` (written by ``python -m briefgen.attribute.train``, with the decision threshold the
training chose by cross-validation)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from briefgen.attribute import datafiles


class Weights(NamedTuple):
    threshold: float
    table: dict[str, float]


def read_weights(text: str) -> Weights:
    threshold, table = 0.5, {}
    for line in text.splitlines():
        if line.startswith("# threshold"):
            threshold = float(line.split()[-1])
        elif line and not line.startswith("#"):
            name, value = line.rsplit("\t", 1)
            table[name] = float(value)
    return Weights(threshold, table)


@datafiles.cached
def weights() -> Weights:
    return read_weights(datafiles.read("weights.tsv"))


def probability(features: Iterable[str], model: Weights | None = None) -> float:
    """P(cue) for one candidate's features."""
    table = (model or weights()).table
    z = sum(table.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold() -> float:
    return weights().threshold
