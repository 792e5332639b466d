"""The French tokenizer's word pattern, matched one alternative at a time.

spaCy's French tokenizer keeps a hyphenated or elided word whole ("porte-parole", "entr'ouvert") when
it matches ``TOKEN_MATCH``: one regular expression of 277 anchored alternatives, 1.4 million characters
long because each alternative spells out the Unicode letter classes again. Python's ``re`` takes 3 to 5
seconds to compile it, at import and again when the pipeline is loaded, so every process that parsed
a French sentence paid that (the French pipeline loaded in 4 s, the English one in 0.5 s).

``SplitPattern`` answers exactly as the whole pattern does: an alternative is compiled the first time
a word could match it, that is when the word begins with the alternative's literal beginning ("anti",
"porte") or, for the few alternatives that begin with a class ("[ée]lectro"), contains each of its
literal runs. ``split_long_patterns`` has ``re.compile`` return one for such patterns while spaCy loads.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from typing import Any

LONG = 100_000  # a pattern at least this long, made of anchored alternatives, is split
SEEN = 100_000  # words whose answer is remembered
MAX_STRINGS = 64  # strings a requirement may list ("[-–—‐‑]l[èe]": 10)
_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_REAL_COMPILE = re.compile
_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]", re.S)
_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.S)
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "K": "k"})  # letters ``re`` matches case-blind beyond casefold


def fold(text: str) -> str:
    """``text`` as the literal runs are compared with it: a necessary condition of a case-blind match."""
    return text.casefold().translate(_FOLD)


def alternatives(body: str) -> list[str] | None:
    """The top-level alternatives of ``body`` ("(?:a)|(?:b)"), or None if it is not one."""
    parts, start = [], 0
    for i, c, depth in _structure(body, 0):
        if c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    balanced = _group_end(f"({body})", 0) == len(body) + 1
    return parts if balanced and all(p.startswith("(?:^") for p in parts) else None


def _structure(body: str, i: int) -> Iterator[tuple[int, str, int]]:
    """Each parenthesis and bar from ``i`` that is not escaped or in a class, with the group depth
    after it."""
    depth = 0
    for m in _STRUCTURE.finditer(body, i):
        c = m.group()
        if c in "()|":
            depth += (c == "(") - (c == ")")
            yield m.start(), c, depth


def _class_end(body: str, i: int) -> int:
    """The index of the "]" closing the class opened at ``i``."""
    m = _CLASS.match(body, i)
    return m.end() - 1 if m else len(body)


def requirements(alternative: str) -> tuple[frozenset[str], list[frozenset[str]]]:
    """What every match of ``alternative`` ("(?:^…$)") contains, as sets of strings one of which must
    occur: runs of letters and small classes ("[-–]", "[ée]") outside groups, a quantified atom left
    out; and the first such set when the alternative begins with it (else an empty set)."""
    body = alternative[4:-1]
    needs: list[frozenset[str]] = []
    current, before, i, first = {""}, {""}, 0, True

    def flush() -> None:
        nonlocal current, first
        if current != {""}:
            needs.append(frozenset(current))
        elif first:
            needs.append(frozenset())  # no literal beginning
        current, first = {""}, False

    while i < len(body):
        c, choices = body[i], None
        if c not in "?*+{[(\\.$|^)":
            choices, i = [fold(c)], i + 1
        elif c == "[":
            end = _class_end(body, i)
            choices, i = _small_class(body[i + 1 : end]), end + 1
        if choices is not None and len(current) * len(choices) <= MAX_STRINGS:
            before, current = current, {x + y for x in current for y in choices}
            continue
        if c in "?*+{":
            current = before  # the quantified atom is optional
        flush()
        before = {""}
        i = _skip(body, i) if choices is None else i
    flush()
    start = needs[0] if needs else frozenset()
    return start, [n for n in needs if n]


def _small_class(inside: str) -> list[str] | None:
    """The letters of a class without ranges or escapes ("-–—", "ée"), or None for any other class."""
    if not inside or inside[0] == "^" or "\\" in inside or "-" in inside[1:-1] or len(inside) > 8:
        return None
    return sorted({fold(ch) for ch in inside})


def _skip(body: str, i: int) -> int:
    """The index after the group, class, escape, quantifier or anchor at ``i``."""
    c = body[i]
    if c == "(":
        return _group_end(body, i) + 1
    if c == "[":
        return _class_end(body, i) + 1
    if c == "{":
        return body.find("}", i) + 1 if "}" in body[i:] else len(body)
    return i + (2 if c == "\\" else 1)


def _group_end(body: str, i: int) -> int:
    """The index of the ")" closing the group opened at ``i``."""
    return next((j for j, c, depth in _structure(body, i) if depth == 0 and c == ")"), len(body))


class SplitPattern:
    """Matches what ``re.compile(pattern).match`` matches, compiling alternatives when needed."""

    def __init__(self, pattern: str, flags: str, parts: list[str]) -> None:
        self.pattern = pattern  # spaCy saves a tokenizer's pattern from ``match.__self__.pattern``
        self._flags, self._parts = flags, parts
        self._by_start: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        self._needs: list[list[frozenset[str]]] = []
        for k, part in enumerate(parts):
            start, needs = requirements(part)
            self._needs.append(needs)
            for text in start:
                self._by_start.setdefault(text, []).append(k)
            if not start:
                self._anywhere.append(k)
        self._longest = max(map(len, self._by_start), default=0)
        self._seen: dict[str, re.Match[str] | None] = {}
        self._compiled: dict[int, re.Pattern[str]] = {}

    def match(self, text: str) -> re.Match[str] | None:
        """``re.compile(self.pattern).match(text)``; spaCy calls it once per distinct word."""
        try:
            return self._seen[text]
        except KeyError:
            pass
        if len(self._seen) >= SEEN:
            self._seen.clear()
        found = self._seen[text] = self._match(text)
        return found

    def _match(self, text: str) -> re.Match[str] | None:
        folded = fold(text)
        starts = (self._by_start.get(folded[:n], ()) for n in range(1, self._longest + 1))
        for k in sorted({*(k for ks in starts for k in ks), *self._anywhere}):
            if all(any(x in folded for x in need) for need in self._needs[k]):
                m = self._part(k).match(text)
                if m:
                    return m
        return None

    def __getattr__(self, name: str) -> Any:
        """Anything but ``match`` (``search``, ``flags``…) from the whole pattern, compiled then."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(_REAL_COMPILE(self.pattern), name)

    def _part(self, k: int) -> re.Pattern[str]:
        found = self._compiled.get(k)
        if found is None:
            found = self._compiled[k] = re.compile(self._flags + self._parts[k])
        return found


@functools.lru_cache(maxsize=4)  # spaCy compiles the pattern at import and again when loading
def split(pattern: str) -> SplitPattern | None:
    """A ``SplitPattern`` for ``pattern``, or None if it is not a flagged alternation of anchored parts."""
    flags = _FLAGS.match(pattern)
    prefix = flags.group(0) if flags else ""
    parts = alternatives(pattern[len(prefix) :])
    return SplitPattern(pattern, prefix, parts) if parts else None


@contextlib.contextmanager
def split_long_patterns() -> Iterator[None]:
    """While in this block, ``re.compile`` of a pattern of ``LONG`` characters or more made of anchored
    alternatives returns a ``SplitPattern``; everything else compiles as usual."""
    real = re.compile

    def compile_(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) >= LONG and not flags:
            found = split(pattern)
            if found is not None:
                return found
        return real(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = real
