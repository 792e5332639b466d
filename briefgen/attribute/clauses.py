"""Find the source of one sentence: a reporting cue and the noun phrase that is its speaker, read from the
clause around the cue (subject + verb, inversion, passive "by", infinitive, participle, "according to",
nominal "announcement by X" / "X's statement"). Works on the sentence with its quotations masked out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.attribute import lexicon as lx
from briefgen.attribute.speakers import Mention, parse_np, source_np

_PARENTHESIS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ADJECTIVE = re.compile(
    r"(?:al|ic|ive|ous|ful|ent|ant|ed|est|ly|ing|public|recent|latest|firm|strong|deep|own|new|first|last|"
    r"joint|written|official|stark|blunt|brief|clear|warm|sharp|careful)$"
)
_BOUNDARY = re.compile(
    r"[,;:—–“”«»\"]|(?<![\w’'-])(?:that|what|which|who|whom|while|whereas|although|though|because|since|"
    r"when|after|before|but|if|as|where|whether|than|once|until|que|qu['’]|lorsque|quand|tandis|mais|car|où|"
    r"dont|comme|si|qui|puisque)(?![\w’'-])",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:is|are|was|were|been|being|be|est|sont|été)\s+(?:\w+ly\s+)?$")
_BY_DOING = re.compile(r"\s+(?:by|en)\s+\w+(?:ing|ant)\b")
_PROGRESSIVE = re.compile(  # "is stressing", "has been questioning": a finite verb, not a participle
    r"(?<![\w’'-])(?:is|are|was|were|been|be|am)\s+(?:(?:\w+ly|also|still|now|again|once\s+again)\s+)*$"
)
_BY_AGENT = re.compile(r"\s+(?:by|par)\s+([^,.;:!?“”«»\"]+)")
_WHEN = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|hier|aujourd’hui|aujourd'hui|ce\s+matin|ce\s+soir)"
)
_INVERTED = re.compile(  # ", said Nuñez." / "», a déclaré mercredi Laurent Nuñez sur une radio"
    rf"(?i:\s+(?:on\s+)?{_WHEN})?"
    r"\s+((?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Sen|Rep|Gov|Lt|Capt|M|Mme|Mlle)\.\s+)?"
    r"[^,.;:!?“”«»\"]+?)(?=\s*(?:[,.;:!?“”«»\"]|$)|\s+(?:in|on|at|during|after|before|to|from|when|while|who|"
    rf"adding|as|last|this|earlier|told|à|lors|dans|devant|sur|au|aux|pendant|(?i:{_WHEN}))\b)"
)
_COMPLEMENT = re.compile(  # "wrote that", "wrote on Facebook that", "replied to reporters that"
    r"\s*(?:(?:on|to)\s+(?:[\w’'-]+\s+){1,3}?(?=that\b))?(?:[:“\"«]|(?:that|whether|if|why|how|what|in\s+an?\b)(?![\w’'-]))"
)
_SAY = {"say", "says", "said", "saying", "dit", "dite", "dits", "dites", "called"}
_AS = re.compile(r"(?<![\w’'-])as(?![\w’'-])")
_TO_BEFORE = re.compile(r"(?<![\w’'-])to\s+(?:\w+ly\s+)?$")
_UNSAID = re.compile(  # "declined to say", "did not say", "is expected to announce", "will announce"
    r"(?<![\w’'-])(?:(?:declin|refus)(?:e|es|ed|ing)\s+to|(?:is|are|was|were|be)\s+(?:\w+ly\s+)?"
    r"(?:expected|due|set|scheduled|likely|unlikely|poised|going|about)\s+to|(?:plans?|planned|intends?|"
    r"intended|hopes?|hoped|wants?|wanted)\s+to|(?:did|does|do|has|have|had|would|could|can|will|may|might)\s+not|"
    r"(?:did|does|do|has|have|had)n[’']t|won[’']t|wouldn[’']t|couldn[’']t|cannot|can[’']t|never|will)"
    r"\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_AFTER_NP = re.compile(r"\s+([^,.;:!?“”«»\"]+?)(?=\s*(?:[,.;:!?“”«»\"]|$)|\s+(?:que|qu['’]|that)\b)")
_NOMINAL_AFTER = re.compile(
    r"([^,.;:!?“”«»\"]+?)(?=\s*(?:[,.;:!?“”«»\"]|$)|\s+(?:of|on|that|to|for|about|regarding|in|at|de|sur|pour)\b)"
)


@dataclass(frozen=True)
class Found:
    form: str  # "verb", "according", "nominal"
    cue: str
    cue_start: int
    mention: Mention


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


def _leading_subject(words: list[str]) -> Mention | None:
    for k in range(min(len(words) - 1, 8), 0, -1):
        if words[k][:1].islower():
            mention = parse_np(" ".join(words[:k]))
            if mention is not None:
                return mention
    return None


def _trailing_np(words: list[str]) -> Mention | None:
    for k in range(max(0, len(words) - 8), len(words)):
        mention = parse_np(" ".join(words[k:]))
        if mention is not None:
            return mention
    return None


def _apposed(before: str) -> Mention | None:
    """ "Nuñez, the interior minister, said" / "Nuñez, who met Tebboune, said": a comma-set subject."""
    segments = re.split(r",", before.rstrip().rstrip(","))[-3:]
    parsed = [parse_np(s) for s in reversed(segments) if not re.match(r"\s*(?:who|which|qui)\b", s)]
    found = [m for m in parsed[:2] if m is not None]
    named = [m for m in found if m.kind == "name"]
    return named[0] if named else (found[0] if found else None)


def _subject(before: str) -> Mention | None:
    chunk, _ = _clause(before)
    if not chunk.strip():
        return _apposed(before) if before.rstrip().endswith(",") else None
    words = chunk.split()
    if words and words[-1].lower() in {"and", "et"}:
        return _leading_subject([*words[:-1], "x"])
    return source_np(chunk)


def vetoed(masked: str, start: int, end: int) -> bool:
    """Does the cue at ``masked[start:end]`` report nothing said: "so-called", "declined to say", "did not
    say", "will announce" (not yet said), "responded by expelling" (an act)?"""
    word = masked[start:end]
    if word.rsplit(None, 1)[-1].lower() in _SAY:
        lo = max(0, start - 30)
        for neg in lx.NOT_REPORTING.finditer(masked[lo : end + 20]):
            if neg.start() + lo < end and neg.end() + lo > start:
                return True
    return bool(_UNSAID.search(masked, max(0, start - 40), start) or _BY_DOING.match(masked, end))


def _verb(masked: str, m: re.Match[str]) -> Mention | None:
    word, start, end = m.group(0), m.start(), m.end()
    after, before = masked[end:], masked[:start]
    low = word.lower()
    inverted_pronoun = re.search(r"-(il|elle|ils|elles|on)\b", word, re.IGNORECASE)
    if inverted_pronoun is not None:
        return parse_np(inverted_pronoun.group(1))
    if _PASSIVE_BEFORE.search(before, max(0, len(before) - 30)):
        agent = _BY_AGENT.match(after)
        return parse_np(agent.group(1)) if agent else None
    tail = before.rstrip()[-1:]
    if (tail and tail in ',”"»’\'') or (not tail and low.startswith(("a ", "ont "))):
        inverted = _INVERTED.match(after)
        mention = parse_np(inverted.group(1)) if inverted else None
        if mention is not None:
            return mention
    if low.endswith("ing") and not _PROGRESSIVE.search(before, max(0, len(before) - 40)):
        if tail != "," or not _COMPLEMENT.match(after):
            return None
        chunk, _ = _clause(before.rstrip().rstrip(","))
        return _leading_subject([*chunk.split(), "x"])
    to = _TO_BEFORE.search(before, max(0, len(before) - 25))
    if to is not None:
        words = _clause(before[: to.start()])[0].split()
        return _trailing_np(words) or _leading_subject([*words, "x"]) if words else None
    return _subject(before)


def _according(masked: str, m: re.Match[str]) -> Mention | None:
    np = _AFTER_NP.match(masked, m.end())
    if np is None or re.match(r"\s*(?:lequel|laquelle|lesquels|lesquelles|which|whom)\b", np.group(1)):
        return None
    return source_np(np.group(1))


def _nominal_by(masked: str, m: re.Match[str]) -> Mention | None:
    np = _NOMINAL_AFTER.match(masked, m.end())
    return parse_np(np.group(1)) if np else None


_COLON_LEAD = re.compile(r"\s*([^:;,“”«»\"]{2,90}?)\s*:\s*[“«\"‘]")


def colon_source(masked: str) -> Found | None:
    """ "Vallaud was blunt: “…”" / "Vallaud: “…”": a person or pronoun leading a short clause whose colon
    opens the quotation. Only a candidate: the caller checks that the name is a person of the article."""
    m = _COLON_LEAD.match(masked)
    words = m.group(1).split() if m else []
    if not words or len(words) > 10:
        return None
    whole = parse_np(" ".join(words)) if len(words) <= 4 else None
    mention = whole if whole is not None and whole.kind == "name" else _leading_subject(words)
    if mention is None or mention.kind not in {"name", "pronoun"}:
        return None
    cue = " ".join(words[len(mention.text.split()) :]) or ":"
    return Found("colon", cue, m.start(1) if m else 0, mention)


class _Slice:
    """The part of a regex match the clause readers use, for a cue the model found."""

    def __init__(self, masked: str, start: int, end: int) -> None:
        self._text, self._start, self._end = masked[start:end], start, end

    def group(self, _: int = 0) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_BY_AFTER = re.compile(r"(?:\s+(?:of|on)\s+[\w’'-]+)?\s+(?:by|from|de\s+la\s+part\s+d[eu]|par)\s+")
_POSSESSOR = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w-]*)['’]s\s+((?:[a-z][\w-]*\s+){0,3}?)$"
)
_DET = (  # written out in both cases: "UN" is not the French "un"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his|[Tt]hat|[Tt]hese|[Oo]ur|[Ll]a|[Ll]es?|[Uu]ne?|"
    r"[Ss]a|[Ss]on|[Ss]es|[Ll]eurs?|[Cc]ette|[Cc]e|[Ll]['’])"
)
_JUST_DETERMINED = re.compile(rf"(?:(?<![\w’'-]){_DET}|['’]s)\s*$")
_DETERMINED = re.compile(rf"(?<![\w’'-]){_DET}\s+(?:[\w-]+\s+){{0,2}}$")


_NOUN_ENDING = re.compile(r"(?:ions?|ments?|isms?|ances?|ences?|ures?)$", re.IGNORECASE)


def _is_nominal(before: str, cue: str, noun: float) -> bool:
    """Is the cue a noun here ("his statement", "amid accusations", "la déclaration")? Right after a
    determiner, or when the form is a noun by its ending or mostly a noun in the training text."""
    return bool(_JUST_DETERMINED.search(before[-40:]) or noun >= 0.5 or _NOUN_ENDING.search(cue))


def _nominal(masked: str, start: int, end: int) -> Mention | None:
    """ "the statement by X" / "X's statement": a speech noun and the source it names."""
    by = _BY_AFTER.match(masked, end)
    if by is not None:
        np = _NOMINAL_AFTER.match(masked, by.end())
        mention = parse_np(np.group(1)) if np else None
        if mention is not None:
            return mention
    poss = _POSSESSOR.search(masked[:start])
    if poss is not None and all(_ADJECTIVE.search(w) for w in poss.group(2).split()):
        mention = parse_np(poss.group(1))
        return mention if mention is not None and mention.kind == "name" else None
    return None


def source_at(masked: str, start: int, end: int, key: str, noun: float = 0.0) -> Found | None:
    """The source of the cue at ``masked[start:end]`` (its lexicon ``key``, and how often the form is a
    noun), read from the clause around it; None when the clause names no source."""
    if "(" in masked or "[" in masked:
        masked = _PARENTHESIS.sub(lambda p: " " * len(p.group(0)), masked)
    cue = masked[start:end]
    if not cue.strip() or "x" * len(cue) == cue:
        return None  # inside a parenthesis or a quotation
    if key == "accord":
        mention = _according(masked, _Slice(masked, start, end))  # type: ignore[arg-type]
        return Found("according", cue, start, mention) if mention else None
    if key == ":":
        return colon_source(masked) if masked.find(":") == start else None
    if _is_nominal(masked[:start], cue, noun):
        mention = _nominal(masked, start, end)
        return Found("nominal", cue, start, mention) if mention else None
    mention = _verb(masked, _Slice(masked, start, end))  # type: ignore[arg-type]
    return Found("verb", cue, start, mention) if mention else None
