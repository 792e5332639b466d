"""Fixed phrases of attribution, English and French: unsourced hedges ("reportedly", "dit-on") and the
phrases in which "said" / "dit" report nothing ("so-called", "c'est-à-dire"). The cue words themselves
are learned (``cues``, ``model``)."""

from __future__ import annotations

import re

HEDGE = re.compile(
    r"(?<![\w’'-])(?:reportedly|purportedly|allegedly|"
    r"(?:it|this)\s+(?:is|was|has been)\s+(?:said|reported|claimed|alleged|rumou?red|understood)|"
    r"(?:is|are|was|were)\s+(?:said|reported|rumou?red|believed)\s+to\b|"
    r"dit-on|paraît-il|semble-t-il|selon (?:la rumeur|certaines informations)|il se dit|on dit que)"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
# "said"/"dit" that reports nothing.
NOT_REPORTING = re.compile(
    r"(?<![\w’'-])(?:so[- ]called|needless to say|easier said|that is to say|suffice (?:it )?to say|"
    r"(?:that|this|having|with that|that being|it goes without)\s+(?:been\s+)?said|"
    r"(?:the|a|an|such|aforesaid|this|these|said)\s+said|to say (?:the least|nothing)|"
    r"c['’]est-à-dire|autrement dit|soit dit|cela dit|ceci dit|ledit|ladite|lesdits|"
    r"(?:le|la|les|un|une|l['’])\s*dite?s?|à vrai dire|pour ainsi dire|tout est dit|"
    r"vouloir dire|veut dire)\b",
    re.IGNORECASE,
)

HEDGE_HINTS = (
    "reported",
    "said",
    "alleged",
    "purported",
    "rumo",
    "believed",
    "understood",
    "claimed",
    "dit",
    "paraît",
    "semble",
    "selon",
)
