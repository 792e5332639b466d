"""Read the source of one cue from the clause around it: subject + verb, inversion, passive "by",
infinitive, participle, "according to" (noun cues: ``nouns``), and the cues that report nothing said.
Works on the sentence with its quotations masked out."""

from __future__ import annotations

import re

from briefgen.attribute.cues import Entry
from briefgen.attribute.inversion import inverted_source
from briefgen.attribute.nouns import COMME_BEFORE, is_nominal, nominal_source
from briefgen.attribute.speakers import Found, Mention, leading_subject, parse_np, source_np

__all__ = ["Found", "complemented", "source_at"]

_PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_BOUNDARY = re.compile(
    r"[,;:—–“”«»\"]|(?<![\w’'-])(?:that|what|which|who|whom|while|whereas|although|though|because|since|"
    r"when|after|before|but|if|as|where|whether|how|than|once|until|que|qu['’]|lorsque|quand|tandis|mais|car|où|"
    r"dont|comme|si|qui|puisque)(?![\w’'-])",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(  # "is expected", "was also widely reported", "est attendu"
    r"(?<![\w’'-])(?:is|are|was|were|been|being|be|est|sont|été)\s+"
    r"(?:(?:\w+ly|also|still|now|long|not|never|already|aussi|déjà|longtemps)\s+){0,2}$"
)
_PROGRESSIVE = re.compile(  # "is stressing", "has been questioning": a finite verb, not a participle
    r"(?<![\w’'-])(?:is|are|was|were|been|be|am)\s+(?:(?:\w+ly|also|still|now|again|once\s+again)\s+)*$"
)
_BY_AGENT = re.compile(r"\s+(?:by|par)\s+([^,.;:!?“”«»\"]+)")
_COMPLEMENT = (
    re.compile(  # "wrote that", "wrote on Facebook that", "replied to reporters that", "pointed out that"
        r"\s*(?:out\s+)?(?:(?:on|to)\s+(?:[\w’'-]+\s+){1,3}?(?=that\b))?(?:[:“\"«]|qu['’]|"
        r"(?:that|whether|if|why|how|what|in\s+an?|que|si)(?![\w’'-]))"
    )
)
_TO_BEFORE = re.compile(r"(?<![\w’'-])to\s+(?:\w+ly\s+)?$")
_AFTER_NP = re.compile(r"\s+([^,.;:!?“”«»\"]+?)(?=\s*(?:[,.;:!?“”«»\"]|$)|\s+(?:que|qu['’]|that)\b)")


def _clause(before: str) -> tuple[str, str]:
    """The text of the clause ending at the cue, and the boundary word or mark that opened it."""
    last = None
    for last in _BOUNDARY.finditer(before):  # noqa: B007
        pass
    if last is None:
        return before, ""
    word = last.group(0).lower()
    if word in {"who", "qui"}:
        inner, _ = _clause(before[: last.start()].rstrip(" ,"))
        return inner, word
    return before[last.end() :], word


def _trailing_np(words: list[str]) -> Mention | None:
    for k in range(max(0, len(words) - 8), len(words)):
        mention = parse_np(" ".join(words[k:]))
        if mention is not None:
            return mention
    return None


_SEGMENT = re.compile(r",|[”»\"](?=\s*[A-ZÀ-Ý])")  # a quotation before a name ends one too (not "» au Mali")


def _apposed(before: str) -> Mention | None:
    """ "Nuñez, the interior minister, said" / "Nuñez, who met Tebboune, said": a comma-set subject (after a
    quotation too: "“…” Nuñez, the interior minister, said")."""
    segments = _SEGMENT.split(before.rstrip().rstrip(","))[-3:]
    parsed = [parse_np(s) for s in reversed(segments) if not re.match(r"\s*(?:who|which|qui)\b", s)]
    found = [m for m in parsed[:2] if m is not None]
    named = [m for m in found if m.kind == "name"]
    return named[0] if named else (found[0] if found else None)


def _subject(before: str, any_head: bool) -> Mention | None:
    chunk, _ = _clause(before)
    if not chunk.strip():
        return _apposed(before) if before.rstrip().endswith(",") else None
    words = chunk.split()
    if words and words[-1].lower() in {"and", "et"}:
        return leading_subject([*words[:-1], "x"])
    return source_np(chunk, any_head)


_QUOTED_AFTER = re.compile(r"\s*,\s*[“\"«]")  # "Miller added, “…”"
_ZERO_THAT = re.compile(  # "suspect the levy was set", "believe the deal is dead": a clause without "that"
    r"\s+(?:(?!(?:to|in|on|of|for|with|at|by|from|about|as|and|or|but)(?![\w’'-]))[\w’'-]+\s+){1,4}?"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must)(?![\w’'-])"
)
_SET_OFF = re.compile(r"[,”\"»]\s*(?:[\w’'.-]+\s+){0,4}$")  # ", he added" / "”, the minister added"
_ADJUNCT_END = re.compile(
    r"\s*(?:,|(?:(?:on|in|at|to|during|after|before|late|early|last|this)\s+[^,;:!?“”«»\"]{0,40})?[.!?]?\s*$)"
)


def _set_off(masked: str, start: int, end: int) -> bool:
    """A reporting clause set off from what it reports: "…, he added, are like…", "“…,” she added on
    Twitter.": the subject after a comma or a quotation, the cue followed by a comma or a short adjunct
    that ends the sentence."""
    return bool(_SET_OFF.search(masked, max(0, start - 60), start) and _ADJUNCT_END.match(masked, end))


def complemented(masked: str, start: int, end: int) -> bool:
    """Is what was said right after the cue (a clause, with or without "that", a quotation, a colon), or
    the cue inverted or set off after it ("…, she stressed", "…, he added on Twitter")?"""
    tail = masked[:start].rstrip()[-1:]
    participle = masked[start:end].lower().endswith(("ing", "ant"))  # ", adding a layer": not inverted
    return (
        bool(_COMPLEMENT.match(masked, end) or _QUOTED_AFTER.match(masked, end))
        or (tail != "" and tail in ",”\"»’'" and not participle)
        or not masked[end:].strip(" .")
        or (not participle and (bool(_ZERO_THAT.match(masked, end)) or _set_off(masked, start, end)))
        or as_framed(masked, start, end)
    )


_AS = re.compile(r"(?<![\w’'-])(?:[Aa]s|[Cc]omme)\s+(?=[^,;:]{1,60}$)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
_NOT_FRAMES = {"such", "soon", "long", "well", "far", "much", "just", "same", "so", "tout", "tel", "telle"}
# "such as X noted", "as soon as", "tout comme"
_AS_END = re.compile(
    r"(?:\s+(?:out|up|earlier|recently|before|again|then))?"  # "…pointed out,"
    r"(?:\s+(?:in|on|at|during|last|this|after)\s+[^,;:.!?]{1,20})?\s*,"  # "…saw in 2009,"; no object
)

_COMME_END = re.compile(r"[^,;:.!?]{0,60},")


def as_framed(masked: str, start: int, end: int) -> bool:
    """Does the cue close an "as" clause whose gap is the sentence it frames ("Hawaii, as one adviser
    pointed out, rarely…", "As we saw in 2009, banks…", "Comme l'a rappelé la ministre, …")? Not
    "such as", "as soon as", nor "as expected" (no one named between "as" and the cue)."""
    found = list(_AS.finditer(masked, max(0, start - 70), start))
    if not found:
        return False
    last = found[-1].start()  # the "as" nearest the cue: "as soon as X pointed out"
    before = _WORD_BEFORE.search(masked, max(0, last - 20), last)
    if before is not None and before.group(1).lower() in _NOT_FRAMES:
        return False
    if masked[last].lower() == "c":  # "comme l'a rappelé le ministre, …": the speaker may follow
        return bool(_COMME_END.match(masked, end))
    return bool(_AS_END.match(masked, end))


_ADDRESSEE = re.compile(r"\s*(?:[\w’'-]+\s+){1,4}?(?:that|que|qu['’])(?![\w’'-])")


def _inverted(masked: str, start: int, end: int) -> Mention | None:
    """The speaker after the cue: "“…,” said Vallaud", "», a-t-il ajouté", "c'est ce qu'a dit Vallaud"."""
    word, before = masked[start:end], masked[:start]
    pronoun = re.search(r"-(il|elle|ils|elles|on)\b", word, re.IGNORECASE)
    if pronoun is not None:
        return parse_np(pronoun.group(1))
    if word.lower().endswith(("ing", "ant")):
        return None  # ", saying…", "…, adding a layer…": a participle is never inverted
    if _COMPLEMENT.match(masked, end) or _ADDRESSEE.match(masked, end):
        return None  # "X, the minister, said that…", "…, told reporters that…": nothing is inverted
    if COMME_BEFORE.search(before, max(0, len(before) - 20)):  # "Comme le soulignait X, …"
        return inverted_source(masked[end:])
    tail = _CLITIC.sub("", before).rstrip()[-1:]  # "X l'a rappelé": the "'" is the pronoun's
    if (tail and tail in ",”\"»’'") or (not tail and word.lower().startswith(("a ", "ont "))):
        return inverted_source(masked[end:])
    return None


_CLITIC = re.compile(r"(?i)\s(?:l['’]|le|la|les|lui|leur)\s*$")  # "X l'a rappelé", "X lui a dit"


def _verb(masked: str, start: int, end: int, any_head: bool) -> Mention | None:
    """The source of a verb cue before it: passive agent, participle or infinitive subject, subject."""
    word, after, before = masked[start:end], masked[end:], masked[:start]
    low = word.lower()
    if _PASSIVE_BEFORE.search(before, max(0, len(before) - 30)):
        agent = _BY_AGENT.match(after)
        return parse_np(agent.group(1)) if agent else None
    tail = before.rstrip()[-1:]
    if low.endswith(("ing", "ant")) and not _PROGRESSIVE.search(before, max(0, len(before) - 40)):
        if tail != "," or not _COMPLEMENT.match(after):
            return None
        chunk, _ = _clause(before.rstrip().rstrip(","))
        # the participle's subject is its main clause's: the clause's own, else the sentence's opening
        # noun phrase ("X, nommé en janvier, s'est montré sceptique…, estimant que…")
        return leading_subject([*chunk.split(), "x"]) or leading_subject([*before.split(), "x"])
    to = _TO_BEFORE.search(before, max(0, len(before) - 25))
    if to is not None:
        words = _clause(before[: to.start()])[0].split()
        return _trailing_np(words) or leading_subject([*words, "x"]) if words else None
    return _subject(_CLITIC.sub(" ", before), any_head)  # the object pronoun is not the subject's


_PREPOSITION = re.compile(r"(?i)(?:\s(?:to|de|du|des)|^selon|^d['’]apr[eè]s)$")


def _according(masked: str, start: int, end: int) -> Mention | None:
    """The object of "according to" / "selon" / "d'après" (not of "an accord", "accorded")."""
    if not _PREPOSITION.search(masked[start:end]):
        return None
    np = _AFTER_NP.match(masked, end)
    if np is None or re.match(r"\s*(?:lequel|laquelle|lesquels|lesquelles|which|whom)\b", np.group(1)):
        return None
    return source_np(np.group(1), any_head=True)


STRONG = 0.8
"""Cues that report speech at least this often in the training text ("said", "told", "wrote") take any
concrete noun phrase as their subject ("the coach said"); others need a known kind of source."""


def source_at(masked: str, start: int, end: int, entry: Entry) -> Found | None:
    """The source of the cue at ``masked[start:end]`` (its lexicon ``entry``), read from the clause around
    it; None when the clause names no source."""
    key, noun = entry.key, entry.noun
    if "(" in masked or "[" in masked:
        masked = _PARENTHESIS.sub(lambda p: " " * len(p.group(0)), masked)
    cue = masked[start:end]
    if not cue.strip() or "x" * len(cue) == cue:
        return None  # inside a parenthesis or a quotation
    if key == "accord":
        mention = _according(masked, start, end)
        return Found("according", cue, start, mention) if mention else None
    if is_nominal(masked[:start], cue, noun):
        mention = nominal_source(masked, start, end)
        return Found("nominal", cue, start, mention) if mention else None
    inverted = _inverted(masked, start, end)
    if inverted is not None:
        return Found("inverted", cue, start, inverted)
    mention = _verb(masked, start, end, entry.rate >= STRONG)
    return Found("verb", cue, start, mention) if mention else None
