"""The speaker after an inverted cue: "“…,” said Vallaud", "», a averti mi-août à Tunis le ministre
italien Luigi Di Maio", "…, a déclaré, mercredi, le ministre de la Défense, Boris Pistorius, à Niamey".

Adverbials of time and place may stand between the cue and the speaker; an apposed name after a
description is the speaker it describes."""

from __future__ import annotations

import re

from briefgen.attribute.speakers import Mention, parse_np, source_np

_TIME = re.compile(
    r"(?i:on\s+|ce\s+|le\s+|en\s+|last\s+|this\s+|mi-)?"
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd[’']hui|matin|soir|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"août|\d{1,4}(?:er)?)\b"
)
_PLACE = re.compile(  # "à Tunis", "à l'AFP", "to reporters", "in a statement", "sur France Inter"
    r"(?i:à|au|aux|en|dans|devant|sur|lors\s+d[eu]|to|in|at|on|during)\s+(?:(?:l['’]|la|le|les|the|a|an)\s*)?"
    r"[\w’'-]+(?:\s+(?:de|du|des|of)\s+[\w’'-]+)?"
)
_END = re.compile(  # a period ends the phrase unless it closes an honorific or an initial ("M.", "John F.")
    r"[,;:!?()“”«»\"]|(?<!\bM)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])\."
    r"|\s(?:qui|who|lors|à\s+l['’]occasion|as|while|when|after|before)\b"
)


def _skip_adverbials(text: str) -> str:
    """``text`` without the adverbials of time and place it opens with (a few at most)."""
    for _ in range(4):
        text = text.lstrip(" ,")
        m = _TIME.match(text) or _PLACE.match(text)
        if m is None:
            break
        text = text[m.end() :]
    return text.lstrip(" ,")


def _phrase(text: str) -> tuple[str, str]:
    """The phrase at the start of ``text`` up to a boundary, and what follows the boundary."""
    m = _END.search(text)
    return (text[: m.start()], text[m.start() :]) if m else (text, "")


def _whole_np(phrase: str) -> Mention | None:
    """Any concrete noun phrase ("said the coach") when it is the whole phrase: "…, said the matter was
    closed" names no speaker, the cue opens a clause."""
    mention = source_np(phrase)
    if mention is not None:
        return mention
    mention = source_np(phrase, any_head=True)
    return mention if mention is not None and len(mention.text.split()) >= len(phrase.split()) else None


def inverted_source(after: str) -> Mention | None:
    """The speaker named after an inverted cue (``after``: the text following the cue)."""
    phrase, rest = _phrase(_skip_adverbials(after))
    mention = (parse_np(phrase) or _whole_np(phrase)) if phrase.strip() else None
    if mention is not None and mention.kind == "description" and rest.startswith(","):
        apposed, _ = _phrase(rest[1:])
        named = source_np(apposed)
        if named is not None and named.kind == "name":
            return named
    return mention
