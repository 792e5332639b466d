"""Noun phrases as speakers: is this phrase a source, and which name, role and key does it carry."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen.attribute import datafiles
from briefgen.attribute.vocab import (
    DOCUMENT_NOUNS,
    FEMALE_HONORIFICS,
    HONORIFICS,
    LEAD_DROP,
    NATIONALITIES,
    NEVER_NAMES,
    ORG_WORDS,
    PORTFOLIOS,
    PREPOSITIONS,
    PRONOUNS,
    SOURCE_NOUNS,
    TAIL_DROP,
    TITLE_HEADS,
    UNNAMED_NOUNS,
)

_PAREN = re.compile(r"\([^()]*\)")
_EDGE = re.compile(r"^[\s\"“”«»‘’'(\[—–-]+|[\s\"“”«»‘’',;:.)\]—–-]+$")
_TIME = re.compile(
    r"^(?:\d[\d,]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|week|month|year|weekend|morning|afternoon|evening|night|the|last|this|"
    r"early|late|mid|of|next|past|earlier|later|in|on|at|during|since)$",
    re.IGNORECASE,
)
_DETERMINERS = {
    "the",
    "a",
    "an",
    "both",
    "all",
    "two",
    "three",
    "several",
    "many",
    "some",
    "other",
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "un",
    "une",
    "des",
    "deux",
    "plusieurs",
    "certains",
    "his",
    "her",
    "their",
}
_NUMBERS = {"two", "three", "four", "five", "deux", "trois", "quatre", "cinq"}  # "the two governments"
_PAST = set(
    "met told said held took gave made went saw left sent found spoke wrote led won lost became began came "
    "kept brought thought put set ran has had have is was were are".split()
)
_ED_ADJECTIVES = {
    "unnamed",
    "concerned",
    "elected",
    "armed",
    "united",
    "retired",
    "displaced",
    "unidentified",
}
_PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "den", "al", "el", "bin", "ben", "ibn", "la", "le"}


@dataclass(frozen=True)
class Found:
    form: str  # "verb", "inverted" (the speaker after the verb), "according", "nominal", "colon"
    cue: str
    cue_start: int
    mention: Mention


@dataclass(frozen=True)
class Mention:
    text: str  # as written
    kind: str  # "name", "pronoun", "description", "group"
    name: str | None = None  # the name part of a named mention ("Laurent Nuñez")
    role: str | None = None  # title words written with it ("French Interior Minister")
    head: str | None = None  # lowercased head noun of a description ("minister")
    unnamed: bool = False
    female: bool | None = None


def _acronym(token: str) -> bool:
    """ "UN", "EU", "IOM": never the French article "un" or a sentence-initial "The"."""
    return len(token) > 1 and token.isupper() and token.isalpha()


def is_cap(token: str) -> bool:
    return bool(token) and token[0].isupper() and (token.lower() not in NEVER_NAMES or _acronym(token))


def _is_titleish(token: str) -> bool:
    low = token.lower().rstrip(".")
    return (
        low in TITLE_HEADS
        or low in PORTFOLIOS
        or low in NATIONALITIES
        or low + "." in HONORIFICS
        or low in HONORIFICS
        or token.endswith(("'s", "’s"))
    )


def _trim(tokens: list[str]) -> list[str]:
    while tokens and tokens[0].lower() in LEAD_DROP:
        tokens = tokens[1:]
    if tokens and tokens[0].lower() in {"in", "on", "at", "last", "earlier", "during", "en", "le", "mardi"}:
        i = 0
        while i < len(tokens) and _TIME.match(tokens[i].rstrip(",")):
            i += 1
        if 0 < i < len(tokens):
            tokens = tokens[i:]
    while tokens and (tokens[-1].lower() in TAIL_DROP or _adverb(tokens[-1])):
        tokens = tokens[:-1]
    return tokens


_LY_NOUNS = frozenset({"ally", "assembly", "rally", "monopoly", "reply", "supply"})


def _adverb(word: str) -> bool:
    """A lower-case "-ly" word that is not a noun a source may have as its head ("the family", "an ally")."""
    low = word.lower()
    return word.islower() and low.endswith("ly") and low not in SOURCE_NOUNS and low not in _LY_NOUNS


def _cap_run_start(tokens: list[str]) -> int:
    i = len(tokens)
    while i > 0 and (is_cap(tokens[i - 1]) or (tokens[i - 1] in _PARTICLES and i < len(tokens) and i > 1)):
        i -= 1
    while i < len(tokens) and tokens[i] in _PARTICLES:
        i += 1
    return i


def _named(tokens: list[str], start: int, text: str) -> Mention | None:
    run, pre = tokens[start:], tokens[:start]
    if any(t.lower() in ORG_WORDS for t in run):
        if pre and not all(t.lower() in _DETERMINERS or t.lower() in NATIONALITIES for t in pre):
            return None
        return Mention(text, "name", name=" ".join(t for t in tokens if t.lower() not in _DETERMINERS))
    j = max((k for k, t in enumerate(run) if _is_titleish(t)), default=-1)
    name, role_part = run[j + 1 :], run[: j + 1]
    cut = next((k for k, t in enumerate(name) if t in {"of", "for"}), len(name))
    name = name[:cut]
    low_pre = [t.lower() for t in pre]
    plain = all(t in _DETERMINERS or _is_titleish(t) or t in PREPOSITIONS for t in low_pre)
    if pre and not plain and (low_pre[-1] not in TITLE_HEADS or len(pre) > 4):
        return None
    honorific = next((t.lower() for t in role_part if t.lower() in HONORIFICS), None)
    role_words = [
        t for t in [*pre, *role_part] if t.lower() not in HONORIFICS and t.lower() not in _DETERMINERS
    ]
    role = " ".join(role_words) or None
    if not name:
        head = role_part[-1].lower() if role_part else None
        if head in SOURCE_NOUNS or head in TITLE_HEADS:
            return Mention(text, "description", role=role, head=head)
        return None
    if any((n.lower() in NEVER_NAMES and not _acronym(n)) or n[0].isdigit() for n in name):
        return None
    female = True if honorific in FEMALE_HONORIFICS else (False if honorific in {"mr", "mr.", "m."} else None)
    return Mention(text, "name", name=" ".join(name), role=role, female=female)


def _modifiers(tokens: list[str]) -> bool:
    """Could ``tokens`` be the words before a noun phrase's head (no verb, determiners only first)?"""
    for k, token in enumerate(tokens):
        low = token.lower()
        determiner = low in _DETERMINERS and not _acronym(token)
        counted = low in _NUMBERS and tokens[k - 1].lower() in {"the", "these", "those", "les", "ces"}
        if determiner and k > 0 and tokens[k - 1].lower() not in {"all", "both"} and not counted:
            return False
        if low in _PAST or (token.islower() and low.endswith("ed") and low not in _ED_ADJECTIVES):
            return False
    return True


def _single(tokens: list[str], text: str) -> Mention | None:
    if not tokens or len(tokens) > 14:
        return None
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        gender = PRONOUNS[tokens[0].lower()]
        return Mention(text, "pronoun", head=tokens[0].lower(), female={"f": True, "m": False}.get(gender))
    if (
        tokens[-1].lower() in SOURCE_NOUNS
        and (len(tokens) == 1 or not is_cap(tokens[-1]))
        and len(tokens) < 7
        and _modifiers(tokens[:-1])
    ):
        cut = next((k for k, t in enumerate(tokens) if t.lower() in PREPOSITIONS), len(tokens))
        if cut == len(tokens):
            head = tokens[-1].lower()
            return Mention(text, "description", head=head, unnamed=head in UNNAMED_NOUNS)
    start = _cap_run_start(tokens)
    if start < len(tokens):
        found = _named(tokens, start, text)
        if found is not None:
            return found
    cut = next((k for k, t in enumerate(tokens) if t.lower() in PREPOSITIONS), len(tokens))
    first = 1 if tokens[0].lower() in _DETERMINERS and len(tokens) > 1 else 0
    if (
        tokens[first].lower() in SOURCE_NOUNS
        and all(t.islower() for t in tokens[first + 1 : cut])
        and cut <= 4
    ):
        head = tokens[first].lower()
        return Mention(text, "description", head=head, unnamed=head in UNNAMED_NOUNS)
    if 0 < cut < len(tokens):
        head_part = _single(tokens[:cut], " ".join(tokens[:cut]))
        if head_part is not None and head_part.kind in {"description", "name"}:
            return head_part
    return None


_ELIDED = re.compile(r"^([lL][’'])(\w.*)$")
_REJOIN = re.compile(r"(?<!\w)([lL][’']) ")


def _unelide(word: str) -> list[str]:
    """ "l’Organisation" -> ["l’", "Organisation"]: the French article as a token of its own."""
    m = _ELIDED.match(word)
    return [m[1], m[2]] if m else [word]


@functools.lru_cache(maxsize=65536)
def parse_np(text: str) -> Mention | None:
    """The source named by ``text`` (a subject, an inverted subject, the object of "according to"), if any."""
    text = _EDGE.sub("", _PAREN.sub(" ", text))
    tokens = _trim([t for word in text.split() for t in _unelide(word)])
    if not tokens:
        return None
    written = _REJOIN.sub(r"\1", " ".join(tokens))
    whole = _single(tokens, written)
    if whole is not None:
        return whole
    low = [t.lower() for t in tokens]
    for conj in ("and", "et"):
        if conj in low:
            k = low.index(conj)
            left, right = _single(tokens[:k], written), _single(tokens[k + 1 :], written)
            if left and right and left.kind != "pronoun" and right.kind != "pronoun":
                unnamed = left.unnamed and right.unnamed
                return Mention(written, "group", head=right.head, unnamed=unnamed)
    return None


_CLAUSE_WORDS = frozenset({"AUX", "MODAL", "NEG", "COMP", "REL"})
_NOT_FIRST = frozenset({"PRON", "PREP", "TO", "BY", "CONJ", "TIME", "ADVS", "COMP", "REL", "OBJ"})


def _class(token: str, first: bool = False) -> str:
    """A word's class in English, else in French (a phrase's language is not known here)."""
    from briefgen.attribute.features import word_class

    found = word_class(token, first, "en")
    return found if found not in {"W", "CAP", "CAP0"} else word_class(token, first, "fr")


def _np_tokens(tokens: list[str]) -> list[str] | None:
    """``tokens`` cut before the first word that starts a clause inside the phrase (a relative pronoun,
    an auxiliary, a participle after the head: "the records released this week" -> "the records")."""
    for k, token in enumerate(tokens):
        bare = token.rstrip(",;") or token  # a lone comma stays a comma
        cls = _class(bare, k == 0)
        participle = bare.islower() and bare.endswith(("ed", "ing")) and len(bare) > 4
        if k and (cls in _CLAUSE_WORDS or (participle and k >= 2 and bare not in _ED_ADJECTIVES)):
            return tokens[:k]
        if token.endswith((",", ";")):
            return None  # a list or an apposition: not one phrase
    return tokens


_ABSTRACT = re.compile(r"(?:tion|sion|ment|ship|ness|ity|ism|ance|ence|ing|ure|cy)s?$")


def np_shape(text: str, any_head: bool = False) -> Mention | None:
    """Any noun phrase by its shape, for a subject the word lists do not know ("Morocco's royal palace",
    "the fund", "federal records released this week"): a description named as written. Its head must
    be a name or a word that heads sources in the training text; with ``any_head`` (the subject of a
    verb that nearly always reports speech, "the coach said"), any concrete noun will do."""
    from briefgen.attribute.features import word_classes

    text = _EDGE.sub("", _PAREN.sub(" ", text))
    tokens = _np_tokens(_trim(text.split()))
    if not tokens or len(tokens) > 10:
        return None
    if len(tokens) > 1 and tokens[-1].rstrip(".").isdigit():
        tokens = tokens[:-1]  # "Resolution 2797", "Article 21"
    first, last = tokens[0], tokens[-1].rstrip(".")
    if (
        _class(first, True) in {"PRON", "PREP", "TO", "BY", "CONJ", "TIME", "ADVS"}
        or first.lower() in PRONOUNS
    ):
        return None
    at = _head_at(tokens)
    if at is None:  # "those close to him", "those familiar with the talks": unnamed people
        return Mention(" ".join(tokens), "description", head=tokens[0].lower(), unnamed=True)
    low_last = last.lower()
    named_end = len(tokens) > 1 and last[:1].isupper() and low_last not in _WEEKDAYS  # "USA Today"
    function_word = not named_end and (low_last in word_classes("en") or low_last in word_classes("fr"))
    if not last.replace("-", "").isalpha() or function_word or _adverb(last):
        return None
    if any(_class(t) in _CLAUSE_WORDS | {"PRON"} for t in tokens[1:]):
        return None
    head = re.sub(r"['’]s?$", "", tokens[at].rstrip(",;."))
    concrete = any_head and not _ABSTRACT.search(head.lower())
    if not head[:1].isupper() and not _source_head(head.lower()) and not concrete:
        return None  # "the renewed partnership suggests": a thing, not a source
    if _names_an_act(head.lower()):
        return None  # "the plan emphasizes", "the decision suggests": an act or intention, not a source
    return Mention(" ".join(tokens), "description", head=head.lower())


_QUANTITIES = frozenset(
    "one two three four five six seven eight nine ten dozens hundreds thousands millions many most some "
    "several half majority minority few all none each both third quarter two-thirds".split()
)
_DEMONSTRATIVES = frozenset({"those", "ceux", "celles"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _prep_at(tokens: list[str], start: int) -> int:
    return next((k for k in range(start, len(tokens)) if _class(tokens[k]) in {"PREP", "TO"}), len(tokens))


def _head_at(tokens: list[str]) -> int | None:
    """The index of a noun phrase's head word: the last word before its first preposition, or after the
    "of" of a quantity ("nearly eight of 10 voters", "most of the delegates"); None for a demonstrative
    with a modifier and no noun ("those close to him")."""
    cut = _prep_at(tokens, 1)
    if cut + 1 < len(tokens) and tokens[cut].lower() == "of":
        before = tokens[cut - 1].lower()
        if before in _QUANTITIES or before.isdigit():
            return _prep_at(tokens, cut + 1) - 1
    if cut == 2 and tokens[0].lower() in _DEMONSTRATIVES:
        return None
    return cut - 1


@datafiles.cached
def source_heads() -> frozenset[str]:
    """Words that head sources in the training text (``data/sources.tsv``)."""
    return frozenset(w for w in datafiles.read("sources.tsv").splitlines() if w and not w.startswith("#"))


_AGENT = re.compile(r"(?:er|or|ist|ate)s?$")


def _names_an_act(word: str) -> bool:
    """Is ``word`` a cue of intention or stance ("plan", "decision", "agreement")? Those name what a
    source does, not a source; the people who do it ("supporters", "advocates": an agent noun that heads
    sources in the training text) are sources."""
    from briefgen.attribute.cues import lexicon

    if _AGENT.search(word) and word in source_heads():
        return False
    bases = {word, word.removesuffix("s"), word.removesuffix("s").removesuffix("ment")}  # "agreements"
    entries = [lexicon().get((lang, base)) for base in bases for lang in ("en", "fr")]
    return any(e is not None and e.cls in {"INTENTION", "STANCE"} for e in entries)


def _source_head(word: str) -> bool:
    heads = source_heads()
    variants = {word, word + "s", word[:-1] if word.endswith("s") else word}
    return word in SOURCE_NOUNS or any(v in heads for v in variants)


def source_np(text: str, any_head: bool = False) -> Mention | None:
    """The speaker a source position names: a known kind of mention (``parse_np``), else any noun phrase."""
    return parse_np(text) or np_shape(text, any_head)


def leading_subject(words: list[str]) -> Mention | None:
    """The longest name or description opening ``words`` (up to their last lower-case word)."""
    for k in range(min(len(words) - 1, 8), 0, -1):
        if words[k][:1].islower():
            mention = parse_np(" ".join(words[:k]))
            if mention is not None:
                return mention
    return None


_BODY_HEADS = sorted((ORG_WORDS | DOCUMENT_NOUNS) - {"news", "press", "times", "post"}, key=len, reverse=True)
_BODY = re.compile(
    r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Ll]e|[Ll]a|[Ll]['’]|[Uu]ne?|[Ss]on|[Ss]a)\s*"
    r"(?:[\w’'-]+\s+){0,3}?(?:" + "|".join(map(re.escape, _BODY_HEADS)) + r")(?![\w’'-])"
)


def body_named(sentence: str) -> str | None:
    """The first body or document a sentence names ("The ministry issued a statement" -> "The ministry"),
    for an "it" that speaks in the next sentence."""
    m = _BODY.search(sentence)
    return m.group(0) if m else None
