"""The clauses of a sentence that carry its fact, without a parser: main and coordinated clauses in order.

A sentence is cut at punctuation (commas, semicolons, colons, dashes, brackets) into segments. A segment
opening with a subordinator or relative ("when", "after", "which", "lorsque", "qui"), an adjunct
preposition ("following", "amid", "despite", "selon"), a participle (", noting…", ", soulignant…") or
"according to" starts a *side* clause: background, time or attribution, not the fact itself. A segment
opening with a coordinator followed by a new subject (", and the trip had been postponed…", "; but
officials…") starts another *core* clause: a second fact. Any other segment continues the clause before
it (list items, appositions). The subordinators also cut inside a segment ("…had cooled in recent years
particularly after tensions flared…"). The speaker and reporting cue are not part of any clause
(``briefgen.select.states`` removes them first: it compares what is said, not who says it).

Each clause is its content stems in order (stop words, cues, numbers and date words dropped, the common
paraphrases of ``briefgen.select.features`` merged), so that ``states`` can weigh a clause's first
words, its subject and verb, above its trailing details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefgen.select.features import CUES, PARAPHRASE
from briefgen.select.terms import stem, stop_stems, words

_CUT = re.compile(r"\s*(?:[,;:()\[\]]|\s[—–-]\s|—|–)\s*")
_SIDE = frozenset(
    "when while whilst after before since as because although though whereas if unless until once "
    "following amid amidst despite during which who whom whose where according including such like "
    "quand lorsque lorsqu alors tandis apres avant depuis puisque parce bien si selon qui dont ou "
    "lequel laquelle lesquels lesquelles notamment malgre pendant suite".split()
)
_SPLIT = frozenset(
    "when while whilst after before since because although though whereas unless until amid amidst despite "
    "during which who whom whose where including according "
    "quand lorsque lorsqu tandis apres avant depuis puisque parce qui dont malgre pendant notamment selon"
    .split()
)  # fmt: skip
"""Subordinators and relatives that open a side clause inside a segment too ("…had cooled after…")."""
_COORD = frozenset("and but yet et mais or ou".split())
_SUBJECT_START = frozenset(
    "the a an this that these those its his her their our some many most several both all "
    "he she they it we i there le la les l un une des ce cette ces son sa ses leur leurs il elle ils elles on"
    .split()
)  # fmt: skip
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi "
    "dimanche yesterday today tomorrow hier aujourd demain".split()
)


@dataclass(frozen=True)
class Clauses:
    core: tuple[tuple[str, ...], ...]  # main and coordinated clauses: content stems in order
    side: tuple[tuple[str, ...], ...]  # subordinate, participial and attribution clauses

    @property
    def content(self) -> frozenset[str]:
        """Every content stem of the sentence outside the speaker and cue."""
        return frozenset(s for c in self.core + self.side for s in c)


def _kind(seg_words: list[str], raw: str) -> str:
    """ "side", "core" (a new coordinated clause) or "cont" (continues the clause before)."""
    head = seg_words[0]
    if head in _SIDE or (head == "en" and len(seg_words) > 1 and seg_words[1].endswith("ant")):
        return "side"
    participle = (head.endswith("ing") or head.endswith("ant")) and len(head) > 5 and len(seg_words) > 1
    if participle and raw.lstrip()[:1].islower():
        return "side"  # ", noting progress…", ", estimant que…" (not a capitalised sentence opener)
    if head in _COORD and len(seg_words) > 3:
        nxt = raw.split()[1] if len(raw.split()) > 1 else ""
        if seg_words[1] in _SUBJECT_START or nxt[:1].isupper():
            return "core"
    return "cont"


def _content(seg_words: list[str], lang: str) -> tuple[str, ...]:
    stop = stop_stems(lang)
    out = []
    for w in seg_words:
        if w in _DATE_WORDS or w.isdigit():
            continue
        s = stem(w, lang)
        if len(s) > 1 and s not in stop and s not in CUES:
            out.append(PARAPHRASE.get(s, s))
    return tuple(out)


def _segments(text: str) -> list[tuple[list[str], str]]:
    """(folded words, raw text) of each segment: cut at punctuation and before an inner subordinator."""
    out: list[tuple[list[str], str]] = []
    for raw in _CUT.split(text):
        raws = raw.split()
        ws = list(words(raw))
        cut = [i for i, w in enumerate(ws) if i > 0 and w in _SPLIT]
        for lo, hi in zip([0, *cut], [*cut, len(ws)], strict=True):
            if hi > lo:
                out.append((ws[lo:hi], " ".join(raws[lo:hi]) if len(raws) == len(ws) else raw))
    return out


@lru_cache(maxsize=100_000)
def clauses(text: str, lang: str) -> Clauses:
    """``text``'s core and side clauses (pass the text without its speaker and reporting cue)."""
    core: list[list[str]] = []
    side: list[list[str]] = []
    current: list[str] = []
    for ws, raw in _segments(text):
        kind = _kind(ws, raw)
        content = list(_content(ws, lang))
        if kind == "side":
            side.append(content)
            current = side[-1]
        elif kind == "core" or not core:  # a coordinated clause, or the first one outside side clauses
            core.append(content)
            current = core[-1]
        else:
            current.extend(content)
    kept = tuple(tuple(c) for c in core if c)
    rest = tuple(tuple(c) for c in side if c)
    return Clauses(kept, rest) if kept else Clauses(rest[:1], rest[1:])
