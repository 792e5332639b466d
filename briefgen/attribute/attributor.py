"""The attribution of one sentence at a time, within one article: the cue the model accepts, the source
its clause (or, failing that, a parse) names, and that source resolved against the article's people
and the speakers of the sentences before (pronouns, "the minister", surnames)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefgen.attribute import lexicon as lx
from briefgen.attribute.clauses import STRONG, Found, complemented
from briefgen.attribute.cues import MEMO_CLASSES, Entry
from briefgen.attribute.detect import Cue, cues_in
from briefgen.attribute.keys import fold_aliases, key_with
from briefgen.attribute.modality import vetoed
from briefgen.attribute.nouns import as_put_it, colon_source, opinion_frame, signed_quote
from briefgen.attribute.quotes import Quote, mask, spans_in
from briefgen.attribute.resolve import ArticleIndex, Person
from briefgen.attribute.speakers import Mention, body_named, parse_np, source_np
from briefgen.attribute.syntax import Request, spans_ahead
from briefgen.attribute.transcript import Turns, spoken_name
from briefgen.attribute.vocab import TITLE_HEADS
from briefgen.models import Article, Attribution, Sentence

_FRAMED = re.compile(r"(?<![\w’'-])(?:as|comme)(?![\w’'-])")  # "presented the deal as a reset"
_CLOSING = ("”", '"', "»")
_OPENING = ("“", '"', "«")
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
    if form == "signature":
        return "direct"  # "“…” ― Ana Ruiz": the signed words are the speaker's own
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
        self.paragraph = -1  # its paragraph
        self.turns = Turns(article.body, lambda name: self.index.person(name) is not None)
        self.turn: tuple[int, Attribution] | None = None  # the transcript turn being read: paragraph, speaker
        self.spans: dict[Request, tuple[int, int] | None] = {}  # parsed ahead (``read_ahead``)

    def read_ahead(self, readings: Sequence[Reading | None]) -> None:
        """Parse, in one batch, the sentences whose most probable cue no fast reader found a source for."""
        wanted = [r for r in readings if r is not None and r.cues and r.cues[0].found is None]
        self.spans = {}
        for lang in {r.cues[0].lang for r in wanted}:  # a French sentence in an English article: French
            asked = [q for r in wanted if r.cues[0].lang == lang for q in _requests(r)]
            self.spans.update(spans_ahead(asked, lang))

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

    def _source(self, reading: Reading) -> Found | None:
        """The source named by the most probable cue that names one: read from the clause by the fast
        readers, else from a dependency parse of the sentence."""
        text, masked = reading.sentence.text, reading.masked
        for rank, cue in enumerate(reading.cues):
            at = self.spans.get(_request(reading, cue)) if cue.found is None and rank < 2 else None
            found = _parsed_source(text, masked, cue, at) if at is not None else cue.found
            if found is not None:
                return found
        return None

    def attribute(self, reading: Reading, at: int) -> Attribution | None:
        try:
            return self._turn(reading, at) or self._attribute(reading, at)
        finally:
            self.previous, self.paragraph = reading.sentence.text, reading.sentence.paragraph

    def _turn(self, reading: Reading, at: int) -> Attribution | None:
        """A transcript turn's sentence ("PENCE: Well, …" and the rest of its paragraph): its speaker's."""
        sentence = reading.sentence
        first = sentence.paragraph != self.paragraph
        span = self.turns.speaker(sentence.text) if first else None
        if span is None and self.turn is not None and (not first or self._quote_goes_on(sentence)):
            self.turn = (sentence.paragraph, self.turn[1])
            return replace(self.turn[1], quotes=reading.spans)
        if span is None:
            self.turn = None if first else self.turn
            return None
        label = sentence.text[span[0] : span[1]]
        person = self.index.person(spoken_name(label))
        speaker = person.name if person is not None else spoken_name(label)
        role = person.role if person is not None else None
        turn = Attribution(
            "direct", ":", speaker, key_with(speaker, self.aliases), label, role, False, reading.spans
        )
        self.turn = (sentence.paragraph, turn)
        self.recent.people.append((at, speaker, person.female if person is not None else None))
        return turn

    def _quote_goes_on(self, sentence: Sentence) -> bool:
        """Does the paragraph of ``sentence`` go on the quotation of the one before it? A quotation over
        several paragraphs opens each with a quotation mark and closes only the last."""
        opens = sentence.text[:1] in _OPENING and sentence.paragraph == self.paragraph + 1
        return opens and self.previous.rstrip()[-1:] not in _CLOSING

    def _attribute(self, reading: Reading, at: int) -> Attribution | None:
        sentence, spans, masked = reading.sentence, reading.spans, reading.masked
        found = self._source(reading) or self._opinion(masked)
        if found is None and spans:
            found = self._colon(masked)
        if found is None:
            found = signed_quote(sentence.text, bool(spans) or self.previous.rstrip()[-1:] in _CLOSING)
        if found is None:
            hedge = lx.HEDGE.search(masked) if any(h in sentence.text for h in lx.HEDGE_HINTS) else None
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


@dataclass(frozen=True)
class Reading:
    """A sentence with its quotations masked and the cues that may attribute it, most probable first."""

    sentence: Sentence
    spans: tuple[tuple[int, int], ...]
    masked: str
    cues: tuple[Cue, ...]


def read(sentence: Sentence, quotes: Sequence[Quote], lang: str) -> Reading:
    """What the attributor reads of ``sentence``: the same whatever the sentences before it said."""
    text, start = sentence.text, sentence.start
    spans = spans_in(quotes, start, sentence.end)
    masked = mask(text, start, quotes)
    relative = [(b - start, e - start) for b, e in spans]
    cues = cues_in(text, masked, lang, relative, lambda *c: _reports_a_statement(masked, relative, *c))
    return Reading(sentence, spans, masked, tuple(cues))


AFTER = 60  # characters parsed after the last cue a parse may be read for ("according to" + its object)


def _request(reading: Reading, cue: Cue) -> Request:
    return (_part(reading), cue.start, cue.end, cue.key)


def _requests(reading: Reading) -> list[Request]:
    """What the parse is asked of a sentence: the source of each of its first two cues the readers did
    not name."""
    return [_request(reading, c) for c in reading.cues[:2] if c.found is None]


def _part(reading: Reading) -> str:
    """The part of the sentence a parse is made of: up to a few words after its first two cues (the
    source stands before them, or just after), which halves the words parsed."""
    text = reading.sentence.text
    cut = max(c.end for c in reading.cues[:2]) + AFTER
    space = text.find(" ", cut)
    return text if space < 0 else text[:space]


def _reports_a_statement(
    masked: str, quoted: Sequence[tuple[int, int]], entry: Entry, start: int, end: int, lang: str
) -> bool:
    """Can this cue attribute a statement in a memo's sense: its class (data/cue_classes.tsv) and frame,
    and nothing that says it was not (yet) said (``modality``)? A colon's speaker is read by ``_colon``.
    A belief (COGNITION) is a statement when what is believed is reported as said: a clause after the cue
    ("believes that…", "estime que…") or the source's quoted words ("considère cela comme une
    « violation »"); "views the claims as an occupation" is the writer's account of a view."""
    if entry.key == ":" or not (entry.cls in MEMO_CLASSES or as_put_it(masked, start, end)):
        return False
    if entry.cls == "FRAMING" and not _FRAMED.search(masked, end, end + 160):
        return False
    if entry.cls == "COMPLEMENT" and not complemented(masked, start, end):
        return False
    if entry.cls == "COGNITION" and not (
        complemented(masked, start, end) or any(b >= end for b, _ in quoted)
    ):
        return False
    return not vetoed(masked, start, end, lang, entry.pronominal)


def _parsed_source(text: str, masked: str, cue: Cue, at: tuple[int, int]) -> Found | None:
    """The source at ``at``, where a dependency parse put the subject or agent of ``cue`` (never words
    inside a quotation)."""
    if text[at[1] : at[1] + 1] in {"-", "‐"} or text[at[1] : at[1] + 1].isalnum():
        return None  # the parse cut a word ("the Saharawi pro|-independence…"): a wrong tree
    words = masked[at[0] : at[1]]
    if words != text[at[0] : at[1]]:
        return None  # the parse put the source inside a quotation
    initial = at[0] == 0 and " " not in words.strip()  # "Much will depend…": a capital, not a name
    anchored = any(w[:1].isupper() for w in words.split()[1:])  # "le consulat général de France"
    mention = parse_np(words) if initial else source_np(words, any_head=anchored or cue.probability >= STRONG)
    form = "according" if cue.key == "accord" else "verb"
    return Found(form, cue.text, cue.start, mention) if mention is not None else None
