"""One on-topic article of the distinct corpus: an event of the past week, told by one outlet.

The event gives the shared facts (lead, details, one quotation); the rest of the article is composed
sentence by sentence: a frame (who says it and how: "X said on Tuesday that …", "according to a
statement …", a plain fact) around a proposition, a quotation or background, each drawn from the parts
in ``parts/<lang>.yaml`` with its slots filled at random.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from corpusgen.events import TOPICS, Event, city_name, recent_events
from corpusgen.grammar import Binding, Grammar, number
from corpusgen.prose import SAYS, Deck, clause, paragraphs
from corpusgen.world import Mentions, Speaker, country_binds, holder, outsider, parts, speaker, spelled

TOPIC_WEIGHTS = (0.38, 0.37, 0.25)
KINDS = {
    "said": 4.0,
    "plain": 3.5,
    "detail": 2.5,
    "anon": 2.0,
    "quote": 1.8,
    "partial": 0.6,
    "background": 1.0,
}
MIN_SENTENCES, MAX_SENTENCES = 27, 45
BORROW = 0.12  # share of an article's propositions taken from a kindred topic
KINDRED = {"readmissions": ("security-cooperation",), "security-cooperation": ("readmissions",)}
QUOTE_POOLS = ("official", "critic", "analyst")
RETOLD = {"plain": 0.2, "anon": 0.4, "said": 0.4}  # how an unattributed fact of the event is told


class Writer:
    def __init__(self, seed: int, event: Event, date: dt.date, lang: str, rng: random.Random) -> None:
        self.seed, self.event, self.lang, self.rng = seed, event, lang, rng
        self.data = parts(lang)
        self.grammar = self._grammar()
        self.who = self._resolve(event.who, "who")
        self.second = self._resolve(event.second, "second")
        self.cast = [self.who, self.second, *self._extras()]
        self.mentions = Mentions(self.cast, lang, rng)
        self.current = self.who
        self.bind = self._binds(date)
        self.decks = {k: Deck(v, rng) for k, v in self.data["frames"].items()}
        self.decks |= {k: Deck(self.data["quotes"][k], rng) for k in QUOTE_POOLS}
        self.props = Deck(self._propositions(), rng)
        self.story = self.data["events"][event.kind]
        self.details = rng.sample(self.story["detail"], len(self.story["detail"]))
        self.background = rng.sample(self.data["topics"][event.topic]["background"], 3)
        self.quoted = False

    def _grammar(self) -> Grammar:
        rules = dict(self.data["rules"])
        rules |= {k: v for k, v in self.data["quotes"].items() if k not in QUOTE_POOLS}
        for name in sorted(TOPICS, key=lambda t: t == self.event.topic):  # the story's own topic last
            rules |= {k: v for k, v in self.data["topics"][name].items() if k not in ("props", "background")}
        world = parts("world")
        rules |= {k: spelled(world[k], self.lang) for k in ("think_tank", "ngo")}
        return Grammar(rules, self.lang)

    def _resolve(self, spec: str, which: str) -> Speaker:
        """The event's speaker ``spec``, the same in every report of the event."""
        e = self.event
        rng = random.Random(f"{which}:{e.key}:{self.lang}")
        city = rng.choice(spelled(parts("world")["countries"][e.north]["cities"], self.lang))
        if "." not in spec:
            return speaker(("", spec), outsider(random.Random(f"{which}:{e.key}")), self.lang, rng, city)
        side, role = spec.split(".")
        body = {"n": e.north, "s": e.south}.get(side, side)
        key, person = holder(self.seed, body, role, e.south if body == e.north else e.north)
        return speaker(key, person, self.lang, rng, city)

    def _extras(self) -> list[Speaker]:
        """One more office holder of the story's countries and someone outside office."""
        e, rng = self.event, self.rng
        body = rng.choice((e.north, e.south))
        key, person = holder(self.seed, body, rng.choice(("foreign_minister", "spokesperson")), None)
        taken = {self.who.person.name, self.second.person.name}
        city = rng.choice(spelled(parts("world")["countries"][e.north]["cities"], self.lang))
        out = [] if person.name in taken else [speaker(key, person, self.lang, rng, city)]
        role = rng.choice(("researcher", "activist", "lawyer", "lawmaker"))
        return [*out, speaker(("", role), outsider(rng), self.lang, rng, city)]

    def _binds(self, date: dt.date) -> dict[str, Binding]:
        e, rng, lang = self.event, self.rng, self.lang
        others = [c for c in parts("world")["south"] if c != e.south]
        b = country_binds("n", e.north, lang, rng) | country_binds("s", e.south, lang, rng)
        b |= country_binds("x", rng.choice(others), lang, rng)
        countries = parts("world")["countries"]
        cities = [x for c in (e.north, e.south) for x in spelled(countries[c]["cities"], lang)]
        outlets = parts("world")["outlets"]
        b |= {"city": city_name(e, lang), "day": self._day(date), "year": str(date.year)}
        b |= {"last_year": str(date.year - 1), "outlet": lambda: rng.choice(outlets)}
        b |= {"anycity": lambda: rng.choice(cities)}
        b |= {name: number(value, lang) for name, value in e.facts}
        for key, form in (("sp", "subject"), ("sp_p", "final"), ("sp_n", "inner")):
            b[key] = self._mention(form, second=False)
            b[key.replace("sp", "sp2")] = self._mention(form, second=True)
        return b | {"p": self._proposition, "q": self._quotation}

    def _mention(self, form: str, second: bool) -> Callable[[], str]:
        """The slot naming the sentence's speaker (or the event's second speaker) in ``form``."""
        return lambda: self.mentions.name(self.second if second else self.current, form)

    def _day(self, date: dt.date) -> str:
        weekday = self.data["rules"]["weekday"][self.event.date.weekday()]
        if self.lang == "fr":
            return f"{weekday} dernier" if (date - self.event.date).days >= 6 else weekday
        return f"last {weekday}" if (date - self.event.date).days >= 6 else f"on {weekday}"

    def _propositions(self) -> list[str]:
        topics = self.data["topics"]
        own = list(topics[self.event.topic]["props"])
        others = [p for t in KINDRED.get(self.event.topic, ()) for p in topics[t]["props"]]
        return own + self.rng.sample(others, min(len(others), round(len(own) * BORROW)))

    def _proposition(self) -> str:
        return self.grammar.expand(self.props.draw(), self.rng, self.bind)

    def _quotation(self) -> str:
        return self.grammar.expand(self.decks[self.current.kind].draw(), self.rng, self.bind)

    def event_quote(self) -> str:
        """The event's quotation: the same words in every report of it in this language."""
        rng = random.Random(f"quote:{self.event.key}:{self.lang}")
        return self.grammar.expand(rng.choice(self.story["quote"]), rng, self.bind)

    def say(self, kind: str) -> str:
        """One sentence of ``kind``: a frame of ``KINDS``, "lead", "event_quote" or "detail"."""
        if kind in ("lead", "detail", "event_quote"):
            self.current = self.who
        elif kind in ("said", "quote", "partial"):
            self.current = self.rng.choices(self.cast, weights=(3, 2, 1, 1)[: len(self.cast)])[0]
        if kind == "lead":
            return self._retold(self.rng.choice(self.story["lead"]))
        if kind in ("detail", "background"):
            return self._retold((self.details if kind == "detail" else self.background).pop())
        bind = self.bind
        if kind == "event_quote":
            self.quoted = True
            bind = {**bind, "q": self.event_quote()}
        template = (
            "{p}." if kind == "plain" else self.decks["quote" if kind == "event_quote" else kind].draw()
        )
        return self.grammar.sentence(template, self.rng, bind, self.current.person.gender)

    def _retold(self, template: str) -> str:
        """A fact of the event or background in a frame: "@1 …" / "@2 …" said by the event's first /
        second speaker, one naming its source as written, any other plain or from a source."""
        text = self.grammar.expand(template, self.rng, self.bind)
        if text.startswith("@"):
            self.current, kind, text = (self.who if text[1] == "1" else self.second), "said", text[3:]
        elif SAYS.search(text) or not text.endswith("."):
            return self.grammar.sentence(text, self.rng, {}, self.current.person.gender)
        else:
            text, kind = text[:-1], self.rng.choices(list(RETOLD), weights=list(RETOLD.values()))[0]
            self.current = self.rng.choice(self.cast[:3]) if kind == "said" else self.current
        frame = "{p}." if kind == "plain" else self.decks[kind].draw()
        bind = {**self.bind, "p": clause(text)}
        return self.grammar.sentence(frame, self.rng, bind, self.current.person.gender)

    def _kind(self) -> str:
        kinds = dict(KINDS)
        if not self.details:
            del kinds["detail"]
        if not self.background:
            del kinds["background"]
        if not self.quoted:
            kinds["event_quote"] = 1.0
        return self.rng.choices(list(kinds), weights=list(kinds.values()))[0]

    def write(self, target: int) -> list[str]:
        """Sentences until about ``target`` characters (25 to 45 of them): the lead first."""
        out = [self.say("lead")]
        plan = ["detail", "event_quote" if self.rng.random() < 0.6 else "said", "detail"]
        size = len(out[0])
        while (size < target or len(out) < MIN_SENTENCES) and len(out) < MAX_SENTENCES:
            out.append(self.say(plan.pop(0) if plan else self._kind()))
            size += len(out[-1]) + 1
        return out

    def headline(self) -> str:
        return self.grammar.sentence(self.rng.choice(self.story["headline"]), self.rng, self.bind)


def topic_article(
    seed: int, date: dt.date, lang: str, rng: random.Random, target: int
) -> tuple[str, list[list[str]], Event]:
    """(headline, paragraphs, event) of an article reporting one of the past week's events."""
    topic = rng.choices(TOPICS, weights=TOPIC_WEIGHTS)[0]
    event = rng.choice(recent_events(seed, date, topic))
    writer = Writer(seed, event, date, lang, rng)
    sentences = writer.write(target)
    return writer.headline(), paragraphs(sentences, rng), event
