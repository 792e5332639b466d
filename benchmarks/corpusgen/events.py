"""The week's news: each topic has five events a week that several outlets report in their own words.

An event fixes what every report of it shares (the countries, the place, the day, the figures, who
spoke, one quotation per language); an article reports one event of the past week. Events depend only
on (seed, week), so an article still depends only on (seed, index).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache

from corpusgen.article import START
from corpusgen.world import both, parts

TOPICS = ("readmissions", "security-cooperation", "western-sahara")
PER_WEEK = 5  # events per topic and week
WINDOW = 6  # an article reports an event of its day or of the 6 days before


@dataclass(frozen=True)
class Event:
    key: str  # "seed:week:topic:k": seeds what is drawn per language
    topic: str
    kind: str
    date: dt.date
    north: str  # the European side
    south: str  # the Maghreb or Sahel side
    city: str  # "EN|FR"
    who: str  # the main speaker's office: "n.interior_minister", "EU.commissioner", or a role ("lawyer")
    second: str
    facts: tuple[tuple[str, int], ...]  # figures every report gives


def _city(where: str, north: str, south: str, rng: random.Random) -> str:
    world = parts("world")
    if where == "ws":
        return str(rng.choice(world["ws_cities"]))
    if where == "none":
        return "New York"
    c = world["countries"][north if where == "n" else south]
    return str(rng.choice([c["capital"], c["capital"], *c["cities"]]))


def _figure(spec: str, rng: random.Random) -> int:
    kind, span = spec.split(":")
    lo, hi = (int(x) for x in span.split("-"))
    value = rng.randint(lo, hi)
    digits = len(str(value)) - 2
    return round(value, -digits) if kind == "r" and digits > 0 else value


def _event(seed: int, week: int, topic: str, k: int) -> Event:
    key = f"{seed}:{week}:{topic}:{k}"
    rng = random.Random(f"event:{key}")
    kinds = parts("world")["events"][topic]
    kind = rng.choice(sorted(kinds))
    spec = kinds[kind]
    north = rng.choice(parts("world")["north"] if spec["north"] == "any" else spec["north"])
    south = rng.choice(spec["south"])
    date = START + dt.timedelta(days=7 * week + (7 * k) // PER_WEEK + rng.randint(0, 1))
    facts = tuple((name, _figure(f, rng)) for name, f in sorted(spec["facts"].items()))
    city = _city(spec["where"], north, south, rng)
    return Event(key, topic, kind, date, north, south, city, spec["who"], spec["second"], facts)


@lru_cache(maxsize=64)
def week_events(seed: int, week: int) -> tuple[Event, ...]:
    return tuple(_event(seed, week, t, k) for t in TOPICS for k in range(PER_WEEK))


def recent_events(seed: int, date: dt.date, topic: str) -> list[Event]:
    """The events of ``topic`` dated from ``WINDOW`` days before ``date`` to ``date``."""
    week = (date - START).days // 7
    events = [e for w in (week - 1, week) for e in week_events(seed, w) if e.topic == topic]
    return [e for e in events if dt.timedelta(0) <= date - e.date <= dt.timedelta(days=WINDOW)]


def city_name(event: Event, lang: str) -> str:
    return both(event.city, lang)
