"""Cues that report nothing said: negated ("did not say", "n'a pas dit"), not yet said ("will announce",
"is expected to say", "annoncera", "plans to call", "a tenté de réaffirmer"), hypothetical ("could say",
"how they respond", "si elle confirme"), refused ("declined to say"), an act rather than speech
("responded by expelling"), and the fixed phrases where "said" reports nothing ("so-called")."""

from __future__ import annotations

import re

from briefgen.attribute import lexicon as lx

_SAY = {"say", "says", "said", "saying", "dit", "dite", "dits", "dites", "called"}
_ADVERB = r"(?:(?:\w+ly|\w+ment|also|still|now|again|aussi|encore|déjà)\s+)?"
_UNSAID = re.compile(
    r"(?<![\w’'-])(?:"
    r"(?:declin|refus)(?:e|es|ed|ing)\s+to|without|sans|"
    r"(?:is|are|was|were|be)\s+(?:\w+ly\s+)?(?:expected|due|set|scheduled|likely|unlikely|poised|going|about)\s+to|"
    r"(?:plans?|planned|intends?|intended|hopes?|hoped|wants?|wanted|tr(?:y|ies|ied)|attempt(?:s|ed)?|"
    r"seeks?|sought|aims?|aimed)\s+to|"
    r"(?:did|does|do|has|have|had|would|could|can|will|may|might)\s+not|"
    r"(?:did|does|do|has|have|had)n[’']t|won[’']t|wouldn[’']t|couldn[’']t|cannot|can[’']t|never|"
    r"will|would|could|can|may|might|should|shall|"
    r"(?:a|ont|avait|avaient)\s+(?:tenté|cherché|voulu|prévu|souhaité|décidé|refusé)\s+(?:de|d['’]|à)|"
    r"(?:veut|veulent|compte|comptent|prévoit|prévoient|entend|entendent|souhaite|souhaitent|va|vont|"
    r"pourrait|pourraient|devrait|devraient|doit|doivent)|"
    r"(?:n['’]|ne\s+)(?:a|ont|avait|avaient|est|sont)\s+(?:pas|jamais|rien)|ne\s+\w+\s+(?:pas|jamais)"
    r")\s+" + _ADVERB + r"$",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"(?<![\w’'-])(?:how|whether|if|si)\s+(?:[\w’'-]+\s+){0,6}$", re.IGNORECASE)
_BY_DOING = re.compile(r"\s+(?:by|en)\s+\w+(?:ing|ant)\b")
_FR_FUTURE = re.compile(r"(?:era|eront|ira|iront|dira|diront)$")
_FR_NEGATED_AFTER = re.compile(r"\s+(?:pas|jamais|rien)\b")
_REFLEXIVE = re.compile(r"(?<![\w’'-])(?:s['’]|se\s+)$", re.IGNORECASE)


def _not_reporting(masked: str, start: int, end: int) -> bool:
    if masked[start:end].rsplit(None, 1)[-1].lower() not in _SAY:
        return False
    lo = max(0, start - 30)
    return any(
        m.start() + lo < end and m.end() + lo > start
        for m in lx.NOT_REPORTING.finditer(masked[lo : end + 20])
    )


def vetoed(masked: str, start: int, end: int, lang: str = "en", pronominal: bool = True) -> bool:
    """Does the cue at ``masked[start:end]`` report nothing said? ``pronominal``: whether the cue's
    reflexive use is a speech act too ("s'est félicité" is, "s'ajoutent" is not)."""
    word = masked[start:end].rsplit(None, 1)[-1].lower()
    if _not_reporting(masked, start, end) or _BY_DOING.match(masked, end):
        return True
    if _UNSAID.search(masked, max(0, start - 40), start) or _QUESTION.search(
        masked, max(0, start - 60), start
    ):
        return True
    if lang == "fr":
        lead = masked[max(0, start - 4) : start]
        return bool(
            _FR_FUTURE.search(word)
            or _FR_NEGATED_AFTER.match(masked, end - len(word) + len(word.split("-")[0]))
            or (not pronominal and _REFLEXIVE.search(lead))
        )
    return False
