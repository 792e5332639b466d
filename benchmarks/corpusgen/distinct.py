"""The "distinct" kind of benchmark article: every sentence composed from parts written for it.

Article i depends only on (seed, i), as in ``corpusgen.article``: 30% off-topic, 5% syndicated copies
of one of the 200 articles before, 4% Markdown with front matter, a quarter in French; the rest report
one of the week's events (``corpusgen.events``) in the words of one outlet (``corpusgen.compose``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from corpusgen.article import DUPLICATE_SHARE, MARKDOWN_SHARE, OFFTOPIC_SHARE, Generated, article_date
from corpusgen.compose import topic_article
from corpusgen.grammar import Grammar
from corpusgen.perturb import AGENCIES, NAME_POOL, byline, clutter_line, dateline
from corpusgen.prose import SAYS, paragraphs
from corpusgen.syndicate import syndicate
from corpusgen.world import outsider, parts

FRENCH_SHARE = 0.25
BODY_CHARS = (3000, 4300)  # body text aimed at; with headline, byline and clutter a file is 3.3-4.7 KB
TAIL_SHARE = 0.35  # off-topic sentences that end by saying who says so
CLUTTER_FR = ("Publicité", "Partager", "Partager sur Facebook", "Lire aussi", "Les plus lus", "Abonnez-vous")
CITIES_FR = ("PARIS", "ALGER", "RABAT", "TUNIS", "MARSEILLE", "BRUXELLES", "CASABLANCA", "ORAN", "LYON")


@dataclass(frozen=True)
class DistinctArticle(Generated):
    lang: str = "en"
    topic: str = ""  # the configured topic an on-topic article is about
    event: str = ""  # the key of the event it reports (``corpusgen.events``), its copies' too
    figures: tuple[int, ...] = ()  # the figures every report of that event gives
    root: int = -1  # the index of the article first written (a copy's original's, down the chain)


def offtopic_article(lang: str, rng: random.Random, target: int) -> tuple[str, list[list[str]]]:
    """Sport, weather, culture, business, local news: one theme first, then a roundup of the others."""
    data = parts(f"offtopic_{lang}")
    grammar = Grammar({**data["rules"], "outlet": parts("world")["local_outlets"]}, lang)
    themes = rng.sample(sorted(data["themes"]), len(data["themes"]))
    queue: list[str] = []
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < target:
        if not queue:
            queue = [t for th in themes for t in rng.sample(data["themes"][th]["sentences"], 4)]
        person, template = outsider(rng), queue.pop(0)
        text = grammar.sentence(template, rng, {"person": person.name}, person.gender)
        if (
            rng.random() < TAIL_SHARE
            and text[-1] == "."
            and not SAYS.search(text)
            and "{person}" not in template
        ):
            tail = grammar.expand(rng.choice(data["tails"]), rng, {"person": outsider(rng).name})
            text = text[:-1] + tail
        sentences.append(text)
    person = outsider(rng)
    headline = grammar.sentence(
        rng.choice(data["themes"][themes[0]]["headline"]), rng, {"person": person.name}
    )
    return headline, paragraphs(sentences, rng)


def _dateline_fr(date: dt.date, rng: random.Random) -> str:
    city, agency = rng.choice(CITIES_FR), rng.choice(AGENCIES)
    month = parts("fr")["rules"]["month"][date.month - 1]
    return rng.choice(
        (f"{city}, {date.day} {month} {date.year} ({agency}) —", f"{city} ({agency}) -", f"{city} —")
    )


def with_clutter(paragraphs: list[list[str]], date: dt.date, lang: str, rng: random.Random) -> list[str]:
    lines = [" ".join(p) for p in paragraphs]
    if rng.random() < 0.6:
        lines[0] = f"{dateline(date, rng) if lang == 'en' else _dateline_fr(date, rng)} {lines[0]}"
    if rng.random() < 0.5:
        by = byline(date, rng)
        lines.insert(0, by if lang == "en" else f"Par {rng.choice(NAME_POOL)} | {rng.choice(AGENCIES)}")
    for _ in range(rng.randint(0, 4)):
        line = clutter_line(rng) if lang == "en" or rng.random() < 0.3 else rng.choice(CLUTTER_FR)
        lines.insert(rng.randint(1, len(lines)), line)
    return lines


def typography(texts: list[str], lang: str, rng: random.Random) -> list[str]:
    """The outlet's marks: curly quotes and apostrophes, straight ones, or curly quotes only."""
    style = rng.choices(("curly", "straight", "mixed"), weights=(0.6, 0.25, 0.15))[0]
    if style == "curly":
        return [t.replace("'", "’") for t in texts]
    if style == "straight":
        return [t.replace("“", '"').replace("”", '"').replace("’", "'") for t in texts]
    return texts


def generate_distinct(seed: int, index: int) -> DistinctArticle:
    """Article ``index`` of the archive ``seed``; a copy repeats the article written at its original's
    index, itself a copy at times (syndication chains), never one that was not written."""
    rng = random.Random(f"distinct:{seed}:{index}")
    date = article_date(index)
    if index >= 20 and rng.random() < DUPLICATE_SHARE:
        original = generate_distinct(seed, index - rng.randint(1, min(index, 200)))
        headline, lines = syndicate(original.headline, list(original.lines), original.lang, rng)
        date = original.date + dt.timedelta(days=rng.randint(0, 1))
        markdown = rng.random() < MARKDOWN_SHARE
        return DistinctArticle(
            index,
            date,
            headline,
            tuple(lines),
            markdown,
            "duplicate",
            original.lang,
            original.topic,
            original.event,
            original.figures,
            original.root,
        )
    lang = "fr" if rng.random() < FRENCH_SHARE else "en"
    target = int(rng.uniform(*BODY_CHARS))
    topic, event, figures = "", "", tuple[int, ...]()
    if rng.random() < OFFTOPIC_SHARE:
        headline, body = offtopic_article(lang, rng, target)
    else:
        headline, body, reported = topic_article(seed, date, lang, rng, target)
        topic, event, figures = reported.topic, reported.key, tuple(value for _, value in reported.facts)
    texts = typography([headline, *with_clutter(body, date, lang, rng)], lang, rng)
    kind = "topic" if topic else "offtopic"
    markdown = rng.random() < MARKDOWN_SHARE
    told = tuple(texts[1:])
    return DistinctArticle(index, date, texts[0], told, markdown, kind, lang, topic, event, figures, index)
