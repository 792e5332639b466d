"""Sources named by constructions around a noun or a colon rather than a verb: "the announcement by X",
"X's statement", "la déclaration de la ministre", "Vallaud was blunt: “…”"."""

from __future__ import annotations

import re

from briefgen.attribute.speakers import Found, Mention, leading_subject, parse_np
from briefgen.attribute.vocab import TITLE_HEADS

_ADJECTIVE = re.compile(
    r"(?:al|ic|ive|ous|ful|ent|ant|ed|est|ly|ing|public|recent|latest|firm|strong|deep|own|new|first|last|"
    r"joint|written|official|stark|blunt|brief|clear|warm|sharp|careful)$"
)
_NOMINAL_AFTER = re.compile(
    r"([^,.;:!?“”«»\"]+?)(?=\s*(?:[,.;:!?“”«»\"]|$)|\s+(?:of|on|that|to|for|about|regarding|in|at|de|sur|pour)\b)"
)
_BY_AFTER = re.compile(r"(?:\s+(?:of|on)\s+[\w’'-]+)?\s+(?:by|from|de\s+la\s+part\s+d[eu]|par)\s+")
_POSSESSOR = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w-]*)['’]s\s+((?:[a-z][\w-]*\s+){0,3}?)$")
_DET = (  # written out in both cases: "UN" is not the French "un"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his|[Tt]hat|[Tt]hese|[Oo]ur|[Ll]a|[Ll]es?|[Uu]ne?|"
    r"[Ss]a|[Ss]on|[Ss]es|[Ll]eurs?|[Cc]ette|[Cc]e|[Ll]['’])"
)
_JUST_DETERMINED = re.compile(rf"(?:(?<![\w’'-]){_DET}|['’]s)\s*$")
_TO_BEFORE = re.compile(r"(?<![\w’'-])to\s+$")
_PLURAL = re.compile(r"[a-z]+[^su\W]s$")  # "requests", "comments"; not "address", "focus"
_NOUN_ENDING = re.compile(r"(?:ions?|ments?|isms?|ances?|ences?|ures?)$", re.IGNORECASE)


def is_nominal(before: str, cue: str, noun: float) -> bool:
    """Is the cue a noun here ("his statement", "amid accusations", "la déclaration")? Right after a
    determiner or, with an -s, after "to" ("in response to questions"), or when the form is a noun by
    its ending or mostly a noun in the training text. A
    French compound tense is a verb whatever comes before it: "comme l'a rappelé X" ("l'" is the
    object pronoun, not an article)."""
    if _COMPOUND_TENSE.match(cue) or COMME_BEFORE.search(before[-20:]):
        return False  # "comme le soulignait X": "le" is the object pronoun
    if _TO_BEFORE.search(before[-10:]) and _PLURAL.match(cue):
        return True  # "did not respond to requests": an infinitive has no -s
    return bool(_JUST_DETERMINED.search(before[-40:]) or noun >= 0.5 or _NOUN_ENDING.search(cue))


COMME_BEFORE = re.compile(r"(?i)(?<![\w’'-])comme\s+(?:l['’]|(?:le|la|les|lui)\s+)?$")  # a frame's verb next
_COMPOUND_TENSE = re.compile(
    r"(?:a|ont|avait|avaient|aura|auront)\s+\w+(?:é|ée|és|ées|i|is|it|u|us|t)$", re.I
)


def nominal_source(masked: str, start: int, end: int) -> Mention | None:
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


_COLON_LEAD = re.compile(r"\s*([^:;,“”«»\"]{2,90}?)\s*:\s*[“«\"‘]")


def colon_source(masked: str) -> Found | None:
    """ "Vallaud was blunt: “…”" / "Vallaud: “…”": a person or pronoun leading a short clause whose colon
    opens the quotation. Only a candidate: the caller checks that the name is a person of the article."""
    m = _COLON_LEAD.match(masked)
    words = m.group(1).split() if m else []
    if not words or len(words) > 10:
        return None
    whole = parse_np(" ".join(words)) if len(words) <= 4 else None
    mention = whole if whole is not None and whole.kind == "name" else leading_subject(words)
    if mention is None or mention.kind not in {"name", "pronoun"}:
        return None
    cue = " ".join(words[len(mention.text.split()) :]) or ":"
    return Found("colon", cue, m.start(1) if m else 0, mention)


_SIGNED = re.compile(  # "“…” ― Ana Ruiz", "… https://t.co/x — Ana Ruiz (@anaruiz) June 2, 2016"
    r"(?:^|[”\"»]\s*[.,]?|\S)\s*[―—–]\s*(?P<name>[^―—–“”\"«»()@,;:]{3,60}?)\s*"
    r"(?P<handle>\(@\w+\)[^()]{0,30})?\.?\s*$"
)


def signed_quote(text: str, quoted: bool) -> Found | None:
    """A quotation (``quoted``: in the sentence, or closing the one before a sentence that opens with the
    dash) or a post signed with a dash and a name at its end: the name is the speaker."""
    m = _SIGNED.search(text)
    if m is None or not (quoted or m.group("handle")):
        return None
    mention = parse_np(m.group("name"))
    if mention is None or mention.kind != "name":
        return None
    dash = next(c for c in m.group(0) if c in "―—–")
    return Found("signature", dash, m.start("name"), mention)


_AS_PUT = re.compile(r"(?<![\w’'-])[Aa]s\s+[^,;:]{1,60}$")
_IT = re.compile(r"\s+it\b")


def as_put_it(masked: str, start: int, end: int) -> bool:
    """ "As the minister put it, …": a frame that reports speech whatever the verb."""
    return bool(_AS_PUT.search(masked, max(0, start - 60), start) and _IT.match(masked, end))


_OPINION = re.compile(r"\s*(?:Pour|For)\s+([^,;:]{3,80}),\s")


def opinion_frame(masked: str) -> Found | None:
    """ "Pour la ministre, la frontière restera ouverte" / "For Vallaud, the deal is final": a sentence
    framed as someone's view; the frame must name a person or a description of one."""
    m = _OPINION.match(masked)
    mention = parse_np(m.group(1)) if m else None
    if mention is None or mention.kind not in {"name", "description"} or mention.unnamed:
        return None
    if mention.kind == "description" and mention.head not in TITLE_HEADS:
        return None
    return Found("according", masked[m.start(1) - 5 : m.start(1)].strip(), m.start(), mention) if m else None
