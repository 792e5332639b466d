"""The attribution of one sentence at a time, within one article: the cue the model accepts, the source
its clause (or, failing that, a parse) names, and that source resolved against the article's people
and the speakers of the sentences before (pronouns, "the minister", surnames)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.attribute import lexicon as lx
from briefgen.attribute.clauses import Found, complemented
from briefgen.attribute.cues import MEMO_CLASSES, Entry
from briefgen.attribute.detect import Cue, cues_in
from briefgen.attribute.keys import fold_aliases, key_with
from briefgen.attribute.modality import vetoed
from briefgen.attribute.nouns import as_put_it, colon_source, opinion_frame
from briefgen.attribute.quotes import Quote, mask, spans_in
from briefgen.attribute.resolve import ArticleIndex, Person
from briefgen.attribute.speakers import Mention, body_named, parse_np, source_np
from briefgen.attribute.syntax import source_span
from briefgen.attribute.vocab import TITLE_HEADS
from briefgen.models import Article, Attribution, Sentence

_FRAMED = re.compile(r"(?<![\w’'-])(?:as|comme)(?![\w’'-])")  # "presented the deal as a reset"
_DEFINITE = ("the ", "le ", "la ", "l'", "l’", "this ", "that ", "ce ", "cette ")


@dataclass
class _Recent:
    """The speakers attributed so far, for pronouns: people (sentence index, name, female), groups and
    descriptions (index, speaker, unnamed), and things that speak, for "it": bodies, documents (index,
    speaker)."""

    people: list[tuple[int, str, bool | None]]
    groups: list[tuple[int, str, bool]]
    things: list[tuple[int, str]]

    def remember(self, at: int, mention: Mention, speaker: str, person: Person | None, unnamed: bool) -> None:
        if mention.kind == "name" and person is not None and not unnamed:
            self.people.append((at, speaker, person.female))
        elif mention.kind in {"description", "group"}:
            self.groups.append((at, speaker, unnamed))
        titled = mention.head in TITLE_HEADS or mention.role is not None
        if person is None and mention.kind != "pronoun" and not titled and not speaker.lower().endswith("s"):
            self.things.append((at, speaker))


def _kind(form: str, sentence: Sentence, spans: tuple[tuple[int, int], ...]) -> str:
    if form == "according":
        return "according-to"
    if form == "nominal":
        return "nominal"
    if not spans:
        return "indirect"
    quoted = sum(e - s for s, e in spans)
    return "direct" if quoted >= 0.5 * (len(sentence.text) - sentence.text.count(" ")) else "mixed"


class Attributor:
    def __init__(self, article: Article, aliases: Mapping[str, str] | None) -> None:
        self.index = ArticleIndex(article.body)
        self.aliases = fold_aliases(aliases)
        self.recent = _Recent([], [], [])
        self.lang = article.lang
        self.previous = ""  # the sentence before the one being read

    def _pronoun(self, mention: Mention, at: int, offset: int) -> tuple[str | None, str | None]:
        if mention.head == "it":  # the body or document that spoke last ("The statement said… It said…")
            thing = next((t for t in reversed(self.recent.things) if at - t[0] <= 3), None)
            return (thing[1], None) if thing else (body_named(self.previous), None)
        if mention.head in {"they", "ils", "elles"}:
            group = next((g for g in reversed(self.recent.groups) if at - g[0] <= 3), None)
            return (group[1], None) if group else (None, None)
        if mention.head not in {"he", "she", "il", "elle"}:
            return None, None
        for idx, name, female in reversed(self.recent.people):
            if at - idx <= 4 and (female is None or mention.female is None or female == mention.female):
                person = self.index.person(name)
                return name, person.role if person else None
        person = self.index.nearest(offset, female=mention.female)
        return (person.name, person.role) if person else (None, None)

    def _described(self, role_word: str, at: int, offset: int) -> Person | None:
        """Who "the minister" is: the one person so far with that role; of several, the one quoted in
        the last four sentences; else nobody (a wrong speaker is worse than none)."""
        fitting = {p.name: p for p in self.index.with_role(role_word, offset)}
        if len(fitting) == 1:
            return next(iter(fitting.values()))
        recent = (name for idx, name, _ in reversed(self.recent.people) if at - idx <= 4)
        return next((fitting[name] for name in recent if name in fitting), None)

    def _resolve(self, mention: Mention, at: int, offset: int) -> tuple[str | None, str | None, bool]:
        """(speaker, role, unnamed) for a mention in sentence ``at`` starting at body ``offset``."""
        if mention.kind == "pronoun":
            speaker, role = self._pronoun(mention, at, offset)
            return speaker, role, False
        if mention.kind == "name" and mention.name:
            person = self.index.person(mention.name)
            if person is not None:
                return person.name, person.role or mention.role, False
            return mention.name, mention.role, False
        head = mention.head or ""
        if (
            mention.kind == "description"
            and head in TITLE_HEADS
            and mention.text.lower().startswith(_DEFINITE)
        ):
            person = self._described(head.rstrip("s"), at, offset + 1)
            if person is not None:
                return person.name, person.role, False
            return mention.text, None, True
        return mention.text, None, mention.unnamed

    def _opinion(self, masked: str) -> Found | None:
        """ "Pour la ministre, …" / "For Vallaud, …": kept only when it names a person (not "For France")."""
        found = opinion_frame(masked)
        if found is None or found.mention.kind == "description":
            return found
        return found if found.mention.name and self.index.person(found.mention.name) else None

    def _colon(self, masked: str) -> Found | None:
        """A colon-introduced quotation, kept only when its speaker is a person this article names."""
        found = colon_source(masked)
        if found is None or found.mention.kind == "pronoun":
            return found
        return found if found.mention.name and self.index.person(found.mention.name) else None

    def _source(self, text: str, masked: str, start: int, spans: Sequence[tuple[int, int]]) -> Found | None:
        """The source named by the most probable cue that names one: read from the clause by the fast
        readers, else from a dependency parse of the sentence."""
        relative = [(b - start, e - start) for b, e in spans]
        cues = cues_in(text, masked, self.lang, relative, lambda *c: _reports_a_statement(masked, *c))
        for rank, cue in enumerate(cues):
            found = cue.found or (_parsed_source(text, masked, cue, self.lang) if rank < 2 else None)
            if found is not None:
                return found
        return None

    def attribute(self, sentence: Sentence, at: int, quotes: Sequence[Quote]) -> Attribution | None:
        try:
            return self._attribute(sentence, at, quotes)
        finally:
            self.previous = sentence.text

    def _attribute(self, sentence: Sentence, at: int, quotes: Sequence[Quote]) -> Attribution | None:
        text = sentence.text
        spans = spans_in(quotes, sentence.start, sentence.end)
        masked = mask(text, sentence.start, quotes)
        found = self._source(text, masked, sentence.start, spans) or self._opinion(masked)
        if found is None and spans:
            found = self._colon(masked)
        if found is None:
            hedge = lx.HEDGE.search(masked) if any(h in text for h in lx.HEDGE_HINTS) else None
            return (
                Attribution("hedged", hedge.group(0), None, None, None, None, quotes=spans) if hedge else None
            )
        speaker, role, unnamed = self._resolve(found.mention, at, sentence.start)
        if not speaker and (found.form == "colon" or found.mention.head == "it"):
            return None  # "It was simple: “…”", an "it" with no body or document before it: nobody
        key = key_with(speaker, self.aliases) if speaker else None
        if speaker:
            self.recent.remember(at, found.mention, speaker, self.index.person(speaker), unnamed)
        kind = _kind(found.form, sentence, spans)
        return Attribution(kind, found.cue, speaker, key, found.mention.text, role, unnamed, spans)


def _reports_a_statement(masked: str, entry: Entry, start: int, end: int, lang: str) -> bool:
    """Can this cue attribute a statement in a memo's sense: its class (data/cue_classes.tsv) and frame,
    and nothing that says it was not (yet) said (``modality``)? A colon's speaker is read by ``_colon``."""
    if entry.key == ":" or not (entry.cls in MEMO_CLASSES or as_put_it(masked, start, end)):
        return False
    if entry.cls == "FRAMING" and not _FRAMED.search(masked, end, end + 160):
        return False
    if entry.cls == "COMPLEMENT" and not complemented(masked, start, end):
        return False
    return not vetoed(masked, start, end, lang, entry.pronominal)


def _parsed_source(text: str, masked: str, cue: Cue, lang: str) -> Found | None:
    """The source a dependency parse finds for ``cue`` (never words inside a quotation)."""
    at = source_span(text, cue.start, cue.end, cue.key, lang)
    if at is None:
        return None
    words = masked[at[0] : at[1]]
    if words != text[at[0] : at[1]]:
        return None  # the parse put the source inside a quotation
    initial = at[0] == 0 and " " not in words.strip()  # "Much will depend…": a capital, not a name
    mention = parse_np(words) if initial else source_np(words)
    form = "according" if cue.key == "accord" else "verb"
    return Found(form, cue.text, cue.start, mention) if mention is not None else None
