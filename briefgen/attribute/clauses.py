"""Find the source of one sentence: a reporting cue and the noun phrase that is its speaker, read from the
clause around the cue (subject + verb, inversion, passive "by", infinitive, participle, "according to",
nominal "announcement by X" / "X's statement"). Works on the sentence with its quotations masked out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.attribute import lexicon as lx
from briefgen.attribute.speakers import Mention, parse_np

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
    return parse_np(chunk)


def _verb(masked: str, m: re.Match[str]) -> Mention | None:
    word, start, end = m.group(0), m.start(), m.end()
    if word.rsplit(None, 1)[-1].lower() in _SAY:
        window = masked[max(0, start - 30) : end + 20]
        for neg in lx.NOT_REPORTING.finditer(window):
            if neg.start() + max(0, start - 30) < end and neg.end() + max(0, start - 30) > start:
                return None
    after, before = masked[end:], masked[:start]
    if _UNSAID.search(before, max(0, len(before) - 40)):
        return None
    first = word.split()[0].lower()
    if first in lx.EN_THAT_FORMS and not _COMPLEMENT.match(after):
        return None
    if first in lx.EN_AS_FORMS and not _AS.search(after, 0, 160):
        return None
    low = word.lower()
    inverted_pronoun = re.search(r"-(il|elle|ils|elles|on)\b", word, re.IGNORECASE)
    if inverted_pronoun is not None:
        return parse_np(inverted_pronoun.group(1))
    if _PASSIVE_BEFORE.search(before, max(0, len(before) - 30)):
        agent = _BY_AGENT.match(after)
        return parse_np(agent.group(1)) if agent else None
    tail = before.rstrip()[-1:]
    if (tail and tail in ',”"»’') or (not tail and low.startswith(("a ", "ont "))):
        inverted = _INVERTED.match(after)
        mention = parse_np(inverted.group(1)) if inverted else None
        if mention is not None:
            return mention
    if low.endswith("ing"):
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
    return parse_np(np.group(1))


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


def find_source(masked: str, flags: int = 15) -> Found | None:
    """The first cue in ``masked`` (a sentence, quotations masked) whose speaker is a source; ``flags``
    (lexicon.EN | FR | ACCORDING_TO | NOMINAL) says which cue families can occur in it."""
    if "(" in masked or "[" in masked:
        masked = _PARENTHESIS.sub(lambda p: " " * len(p.group(0)), masked)
    english, french, according, nominal = (
        bool(flags & f) for f in (lx.EN, lx.FR, lx.ACCORDING_TO, lx.NOMINAL)
    )
    cues: list[tuple[int, str, re.Match[str]]] = []
    if english:
        cues += [(m.start(), "verb", m) for m in lx.EN_CUE.finditer(masked)]
    if french:
        cues += [(m.start(), "verb", m) for m in lx.FR_CUE.finditer(masked)]
    if according:
        cues += [(m.start(), "according", m) for m in lx.ACCORDING.finditer(masked)]
    if nominal:
        cues += [(m.start(), "by", m) for m in lx.NOMINAL_BY.finditer(masked)]
        if "’s" in masked or "'s" in masked:
            cues += [(m.start(), "poss", m) for m in lx.NOMINAL_POSS.finditer(masked)]
    for _, form, m in sorted(cues, key=lambda c: c[0]):
        if form == "verb":
            mention, cue = _verb(masked, m), m.group(0)
        elif form == "according":
            mention, cue = _according(masked, m), m.group(0)
        elif form == "by":
            mention, cue = _nominal_by(masked, m), f"{m.group(1)} {m.group(2)}"
        else:
            mention = parse_np(m.group(1))
            cue = m.group(3) + (f" {m.group(4)}" if m.group(4) else "")
            plain = all(_ADJECTIVE.search(w) for w in m.group(2).split())
            mention = mention if mention is not None and mention.kind == "name" and plain else None
        if mention is not None:
            kind = {"verb": "verb", "according": "according"}.get(form, "nominal")
            return Found(kind, cue, m.start(), mention)
    return None
