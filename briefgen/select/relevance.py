"""Topic relevance of sentences: term matches, excludes, article context and other-topic suppression.

One pass over the corpus scans every article for every topic at once: a cheap regex pre-filter on the
folded article text skips articles (and sentences) that cannot match any topic term; only the rest
are tokenised and stemmed. Relevance of a sentence for a topic is

    local (sum of distinct matched term weights) x (FLOOR + (1 - FLOOR) x context)

where ``context`` says how much the rest of the article is about the topic: a passing mention in an
unrelated article keeps only FLOOR of its weight.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from briefgen.models import AnalysedArticle, Attribution, Sentence
from briefgen.select.features import features
from briefgen.select.scope import mentions, outside_context
from briefgen.select.terms import (
    TermSet,
    compile_terms,
    fold,
    match_exclude,
    match_include,
    prefilter_pattern,
)
from briefgen.select.terms import stems as stem_text
from briefgen.settings import Topic

FLOOR = 0.35  # share of a sentence's weight kept when nothing else in its article is on the topic
CONTEXT_FULL = 0.25  # share of other sentences on the topic at which the context weight saturates
MIN_RELEVANCE = 0.6  # below this a sentence is not about the topic
SUPPORT_CONTEXT = 0.5  # context weight from which an article's other sentences may back a claim
CLEAR = 2.0  # local score at which a sentence is "clearly" about a topic whatever other topics say
MIN_WORDS = 6
_FINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")


@lru_cache(maxsize=200_000)
def is_body_sentence(text: str) -> bool:
    """False for headline-like fragments: no final punctuation, too short, or Title Case throughout."""
    toks = text.split()
    if len(toks) < MIN_WORDS or not _FINAL.search(text):
        return False
    long = [t for t in toks if len(t) > 3 and t[0].isalpha()]
    return not long or sum(t[0].isupper() for t in long) / len(long) < 0.7


def plain_attribution(attribution: Attribution | None) -> Attribution | None:
    """``hedged`` attributions name no source: they count as unattributed."""
    return None if attribution is None or attribution.kind == "hedged" else attribution


@dataclass(frozen=True)
class SentenceScan:
    index: int  # position in the article's sentences
    stems: tuple[str, ...]
    features: frozenset[str]  # for claim grouping (``briefgen.select.features``)
    terms: tuple[tuple[str, ...], ...]  # per topic: distinct include terms matched
    local: tuple[float, ...]  # per topic
    excluded: tuple[tuple[str, ...], ...]  # per topic: exclude terms matched


@dataclass(frozen=True)
class ArticleScan:
    """One article scanned for every topic at once (shared by the topics of a build)."""

    eligible: int  # body sentences (not headline-like)
    title_hits: tuple[bool, ...]  # per topic
    sentences: tuple[SentenceScan, ...]  # eligible sentences with at least one include match
    rest: tuple[SentenceScan, ...] = ()  # the other eligible sentences, when they may back a claim
    counts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        counts = tuple(
            sum(1 for s in self.sentences if s.local[t] > 0 and not s.excluded[t])
            for t in range(len(self.title_hits))
        )
        object.__setattr__(self, "counts", counts)

    def on_topic(self, t: int) -> int:
        """Eligible sentences matching topic ``t`` and none of its exclude terms."""
        return self.counts[t]


@dataclass(frozen=True)
class Candidate:
    """A sentence considered for one topic, with the parts of its relevance."""

    article_id: str
    position: int  # article index in the window
    sentence: Sentence
    attribution: Attribution | None
    stems: tuple[str, ...]
    features: frozenset[str]
    terms: tuple[str, ...]
    local: float
    context: float
    relevance: float
    others: tuple[tuple[str, float], ...]  # other topics' relevance for the same sentence
    rejected: str | None = None
    support_only: bool = False  # no topic term, but in an article about the topic: may back a claim

    lang: str = "en"

    @property
    def matched(self) -> bool:
        return not self.support_only

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.sentence.index)


def _termsets(topics: Sequence[Topic], lang: str) -> tuple[TermSet, ...]:
    return tuple(compile_terms(tuple(t.include), tuple(t.exclude), lang) for t in topics)


SentenceMemo = dict[tuple[str, str, bool], SentenceScan | None]
"""Scans of sentence texts already seen in one pass over the corpus with one set of topics, keyed by
(text, language, matched): a syndicated copy is stemmed and matched once."""


def _at(index: int, scan: SentenceScan) -> SentenceScan:
    """``scan`` for the same text at another position (faster than ``dataclasses.replace``)."""
    return SentenceScan(index, scan.stems, scan.features, scan.terms, scan.local, scan.excluded)


def _scan_sentence(
    s: Sentence, lang: str, sets: tuple[TermSet, ...], memo: SentenceMemo
) -> SentenceScan | None:
    """The sentence's matches for every topic; None when it matches none."""
    key = (s.text, lang, True)
    if key in memo:
        hit = memo[key]
        return hit if hit is None or hit.index == s.index else _at(s.index, hit)
    seq = stem_text(s.text, lang)
    matched = tuple(match_include(seq, ts) for ts in sets)
    memo[key] = (
        None
        if not any(matched)
        else SentenceScan(
            s.index,
            seq,
            features(seq, s.text, lang),
            tuple(tuple(t.text for t in m) for m in matched),
            tuple(sum(t.weight for t in m) for m in matched),
            tuple(match_exclude(seq, ts) if m else () for m, ts in zip(matched, sets, strict=True)),
        )
    )
    return memo[key]


def _unmatched(s: Sentence, lang: str, n: int, memo: SentenceMemo) -> SentenceScan:
    key = (s.text, lang, False)
    hit = memo.get(key)
    if hit is None:
        seq = stem_text(s.text, lang)
        hit = memo[key] = SentenceScan(
            s.index, seq, features(seq, s.text, lang), ((),) * n, (0.0,) * n, ((),) * n
        )
    return hit if hit.index == s.index else _at(s.index, hit)


def _hit_sentences(item: AnalysedArticle, pattern: re.Pattern[str]) -> list[Sentence]:
    """Sentences where the pre-filter fires, found in one pass over the folded body when folding keeps
    offsets (the usual case), else sentence by sentence."""
    body = item.article.body
    folded = fold(body)
    if len(folded) != len(body):
        return [s for s in item.sentences if pattern.search(fold(s.text))]
    starts = [s.start for s in item.sentences]
    hit: set[int] = set()
    for m in pattern.finditer(folded):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < item.sentences[k].end:
            hit.add(k)
    return [item.sentences[k] for k in sorted(hit)]


def scan_article(
    item: AnalysedArticle, topics: Sequence[Topic], memo: SentenceMemo | None = None
) -> ArticleScan:
    """Every topic's matches in ``item``; pass one ``memo`` to the scans of one corpus pass."""
    memo = {} if memo is None else memo
    art = item.article
    lang = art.lang or "en"
    pattern = prefilter_pattern(tuple(sorted({term for t in topics for term in t.include})), lang)
    sets = _termsets(topics, lang)
    hits = _hit_sentences(item, pattern)
    if not hits:
        return ArticleScan(0, (False,) * len(topics), ())
    title = stem_text(art.title, lang) if art.title else ()
    title_hits = tuple(bool(title) and bool(match_include(title, ts)) for ts in sets)
    scans = [_scan_sentence(s, lang, sets, memo) for s in hits if is_body_sentence(s.text)]
    body = [s for s in item.sentences if is_body_sentence(s.text)]
    scan = ArticleScan(len(body), title_hits, tuple(s for s in scans if s is not None))
    if all(context_weight(scan, t, False) < SUPPORT_CONTEXT for t in range(len(topics))):
        return scan
    done = {s.index for s in scan.sentences}
    rest = tuple(_unmatched(s, lang, len(topics), memo) for s in body if s.index not in done)
    return ArticleScan(scan.eligible, title_hits, scan.sentences, rest)


def context_weight(scan: ArticleScan, t: int, self_hit: bool) -> float:
    if scan.eligible <= 1 and self_hit:
        return 1.0  # a one-sentence item (a brief, a feed summary) is wholly about what it says
    others = scan.on_topic(t) - (1 if self_hit else 0) + (2 if scan.title_hits[t] else 0)
    return min(1.0, others / max(1, scan.eligible - 1) / CONTEXT_FULL)


def _relevance(scan: ArticleScan, s: SentenceScan, t: int) -> tuple[float, float]:
    if s.excluded[t] or not s.local[t]:
        return 0.0, 0.0
    ctx = context_weight(scan, t, True)
    return s.local[t] * (FLOOR + (1 - FLOOR) * ctx), ctx


OTHER_TOPIC = "about another topic: "  # the reason's prefix: the other-topic rule cut the sentence


def _verdict(
    rel: float, local: float, excluded: tuple[str, ...], others: list[tuple[str, float]], topic: Topic
) -> str | None:
    if excluded:
        return f"excluded term: {', '.join(excluded)}"
    if rel < MIN_RELEVANCE:
        return f"weak relevance {rel:.2f} < {MIN_RELEVANCE}"
    stronger = [name for name, r in others if r > rel]
    if stronger and local < CLEAR and topic.yield_to_other_topics:
        return f"{OTHER_TOPIC}{stronger[0]}"
    return None


def _support(t: int, position: int, scan: ArticleScan, item: AnalysedArticle) -> list[Candidate]:
    """Body sentences without a topic term in an article about the topic: they can only join claims."""
    ctx = context_weight(scan, t, False)
    if ctx < SUPPORT_CONTEXT:
        return []
    pool = [s for s in scan.sentences if not (s.local[t] or s.excluded[t])] + list(scan.rest)
    atts = _aligned(item)
    lang = item.article.lang or "en"
    out = []
    for s in sorted(pool, key=lambda s: s.index):
        sentence, att = item.sentences[s.index], plain_attribution(atts[s.index])
        out.append(
            Candidate(item.article.id, position, sentence, att, s.stems, s.features, (), 0.0, ctx, 0.0, (),
                      support_only=True, lang=lang)
        )  # fmt: skip
    return out


def _aligned(item: AnalysedArticle) -> tuple[Attribution | None, ...]:
    pad = max(0, len(item.sentences) - len(item.attributions))
    return tuple(item.attributions[: len(item.sentences)]) + (None,) * pad


def topic_candidates(
    t: int, topics: Sequence[Topic], window: Sequence[AnalysedArticle], scans: Sequence[ArticleScan]
) -> tuple[Candidate, ...]:
    """Every sentence matching topic ``t`` (accepted or rejected, with the reason), then the sentences
    that may only support a claim, in corpus order."""
    out: list[Candidate] = []
    support: list[Candidate] = []
    topic = topics[t]
    for position, (item, scan) in enumerate(zip(window, scans, strict=True)):
        if not any(s.local[t] for s in scan.sentences):
            continue
        outside = None if mentions(item, topic.context) else outside_context(topic.context)
        support += [] if outside else _support(t, position, scan, item)
        atts = _aligned(item)
        for s in scan.sentences:
            if not s.local[t]:
                continue
            rel, ctx = _relevance(scan, s, t)
            others = [
                (topics[o].name, round(_relevance(scan, s, o)[0], 4)) for o in range(len(topics)) if o != t
            ]
            others = [(n, r) for n, r in others if r > 0]
            out.append(
                Candidate(
                    item.article.id, position, item.sentences[s.index],
                    plain_attribution(atts[s.index]),
                    s.stems, s.features, s.terms[t], s.local[t], ctx, rel, tuple(others),
                    outside or _verdict(rel, s.local[t], s.excluded[t], others, topic),
                    lang=item.article.lang or "en",
                )
            )  # fmt: skip
    return tuple(out + support)
