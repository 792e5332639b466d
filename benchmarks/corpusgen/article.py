"""One generated article, fully determined by (seed, index): recombined, perturbed, cluttered."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from corpusgen.offtopic import offtopic_article
from corpusgen.perturb import AGENCIES, byline, clutter_line, dateline, shift_dates_numbers, swap_names
from corpusgen.sources import Source

START = dt.date(2024, 1, 1)
PER_DAY = 40  # articles published per day in the generated archive
OFFTOPIC_SHARE = 0.30
DUPLICATE_SHARE = 0.05
MARKDOWN_SHARE = 0.04


@dataclass(frozen=True)
class Generated:
    index: int
    date: dt.date
    headline: str
    lines: tuple[str, ...]  # body lines, paragraphs and clutter, in order
    markdown: bool
    kind: str  # "topic", "offtopic" or "duplicate"

    @property
    def filename(self) -> str:
        return f"{self.index // 1000:03d}/article-{self.index:06d}.{'md' if self.markdown else 'txt'}"

    def text(self) -> str:
        body = "\n\n".join(self.lines)
        if self.markdown:
            source = AGENCIES[self.index % len(AGENCIES)]
            title = self.headline.replace('"', "'")
            return f'---\ntitle: "{title}"\ndate: {self.date.isoformat()}\nsource: {source}\n---\n\n{body}\n'
        return f"{self.headline}\n\n{body}\n"


def article_date(index: int) -> dt.date:
    return START + dt.timedelta(days=index // PER_DAY)


def _rng(seed: int, index: int, salt: str = "") -> random.Random:
    return random.Random(f"{seed}:{index}:{salt}")


def _topic_paragraphs(
    sources: Sequence[Source], rng: random.Random, target: int
) -> tuple[Source, list[list[str]]]:
    """Paragraphs of a base source, then of others, sentence order shuffled within each paragraph."""
    base = rng.choice(sources)
    same = [s for s in sources if s.language == base.language and s is not base]
    chosen = [base, *rng.sample(same, min(len(same), 3))]
    paragraphs: list[list[str]] = []
    size = 0
    for source in chosen:
        for para in source.paragraphs:
            if size >= target:
                break
            if source is not base and rng.random() < 0.35:
                continue
            sentences = list(para)
            if len(sentences) > 1 and rng.random() < 0.7:
                rng.shuffle(sentences)
            paragraphs.append(sentences)
            size += sum(len(s) + 1 for s in sentences) + 2
    return base, paragraphs


def _headline_from(sentence: str) -> str:
    words = sentence.rstrip(".").split()
    return " ".join(words[:12]) + ("..." if len(words) > 12 else "")


def _with_clutter(paragraphs: list[list[str]], date: dt.date, rng: random.Random) -> list[str]:
    lines = [" ".join(p) for p in paragraphs]
    if rng.random() < 0.6:
        lines[0] = f"{dateline(date, rng)} {lines[0]}"
    if rng.random() < 0.5:
        lines.insert(0, byline(date, rng))
    for _ in range(rng.randint(0, 4)):
        lines.insert(rng.randint(1, len(lines)), clutter_line(rng))
    return lines


def generate(sources: Sequence[Source], seed: int, index: int, allow_duplicate: bool = True) -> Generated:
    rng = _rng(seed, index)
    date = article_date(index)
    if allow_duplicate and index >= 20 and rng.random() < DUPLICATE_SHARE:
        return _syndicated_copy(sources, seed, index, rng)
    target = int(rng.uniform(3300, 4700))
    if not sources or rng.random() < OFFTOPIC_SHARE:
        headline, paragraphs = offtopic_article(rng, target)
        kind = "offtopic"
    else:
        base, paragraphs = _topic_paragraphs(sources, rng, target)
        known = [s.date for s in sources if s.date]
        base_date = base.date or (max(known) if known else date)
        delta = date - base_date + dt.timedelta(days=rng.randint(-2, 0))
        paragraphs.insert(0, [base.title])
        swap_names(paragraphs, rng)
        shift_dates_numbers(paragraphs, delta, date.year, rng)
        title = paragraphs.pop(0)[0]
        headline = title if rng.random() < 0.6 else _headline_from(paragraphs[0][0])
        kind = "topic"
    lines = _with_clutter(paragraphs, date, rng)
    return Generated(index, date, headline, tuple(lines), rng.random() < MARKDOWN_SHARE, kind)


def _syndicated_copy(sources: Sequence[Source], seed: int, index: int, rng: random.Random) -> Generated:
    """An earlier article republished elsewhere: new headline prefix, one sentence dropped, a tweak."""
    original = generate(sources, seed, index - rng.randint(1, min(index, 200)), allow_duplicate=False)
    lines = [ln for ln in original.lines if len(ln) > 60] or list(original.lines)
    victim = rng.randrange(len(lines))
    sentences = lines[victim].split(". ")
    if len(sentences) > 1:
        del sentences[rng.randrange(len(sentences))]
        lines[victim] = ". ".join(sentences)
    lines[-1] = lines[-1].replace(" said", " told reporters", 1)
    lines.insert(rng.randint(1, len(lines)), clutter_line(rng))
    lines.append(f"(Reporting by the {rng.choice(AGENCIES)}; editing by the night desk)")
    prefix = rng.choice(("UPDATE 1-", "", "Syndicated: ", "WRAPUP-"))
    date = original.date + dt.timedelta(days=rng.randint(0, 1))
    return Generated(
        index, date, prefix + original.headline, tuple(lines), rng.random() < MARKDOWN_SHARE, "duplicate"
    )
