"""The invented world of the distinct corpus: countries, office holders, other speakers, and mentions.

Office holders are fixed for an archive (seed): the same interior minister speaks in every article of
it, as on a real wire. People outside office get a composed name when an article (or an event) needs
them. ``Mentions`` names a speaker in full the first time, by surname, role or pronoun later.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from corpusgen.grammar import Binding, Grammar, fix_words, gendered
from corpusgen.perturb import NAME_POOL

PARTS = Path(__file__).resolve().parent / "parts"
OFFICES = ("interior_minister", "foreign_minister", "migration_minister", "spokesperson")


@cache
def parts(name: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load((PARTS / f"{name}.yaml").read_text(encoding="utf-8"), Loader=loader)
    return data


def both(text: str, lang: str) -> str:
    """The spelling of an ``EN|FR`` entry in ``lang``."""
    en, _, fr = text.partition("|")
    return fr if lang == "fr" and fr else en


def spelled(items: Sequence[str], lang: str) -> list[str]:
    return [both(x, lang) for x in items]


def _plural(adjective: str) -> str:
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"


def country_binds(key: str, name: str, lang: str, rng: random.Random) -> dict[str, Binding]:
    """Slots ``key``, ``key.adj``, ``key.city``... for country ``name`` (the city drawn at each use)."""
    c = parts("world")["countries"][name]
    cities = spelled([c["capital"], *c["cities"]], lang)
    out: dict[str, Binding] = {
        f"{key}.capital": both(c["capital"], lang),
        f"{key}.city": lambda: rng.choice(cities),
    }
    if lang == "en":
        fields = {"": name, ".adj": c["adj"], ".poss": c["poss"], ".people": c["people"]}
    else:
        m, f = c["adj_fr"].split("|")
        fields = {"": c["name_fr"], ".in": c["in_fr"], ".of": c["of_fr"], ".people": c["people_fr"]}
        fields |= {".adj_m": m, ".adj_f": f, ".adj_mp": _plural(m), ".adj_fp": _plural(f)}
    return out | {key + k: v for k, v in fields.items()}


@dataclass(frozen=True)
class Person:
    name: str
    gender: str  # "m" or "f"

    @property
    def surname(self) -> str:
        return self.name.split(" ", 1)[1]


def _group(body: str) -> str:
    world = parts("world")
    return str(world["bodies"].get(body) or world["countries"][body]["group"])


@lru_cache(maxsize=8)
def office_holders(seed: int) -> dict[tuple[str, ...], Person]:
    """(country or body, role[, posted to]) -> the person holding it throughout the archive."""
    world = parts("world")
    free: dict[str, list[Person]] = {}
    for group, entries in world["people"].items():
        pool = [Person(n, world["pool_gender"][n]) for n in NAME_POOL if world["pool_group"].get(n) == group]
        listed = [Person(*e.split("|")) for e in entries]
        random.Random(f"{seed}:cast:{group}").shuffle(listed)
        free[group] = pool + listed
    return {tuple(p): free[_group(p[0])].pop(0) for p in world["positions"]}


def holder(seed: int, body: str, role: str, posted_to: str | None) -> tuple[tuple[str, ...], Person]:
    """The office ``role`` of ``body`` (an ambassador: to ``posted_to``), else a kindred office of it."""
    holders = office_holders(seed)
    for office in (role, *OFFICES):
        key = (body, office, posted_to) if office == "ambassador" and posted_to else (body, office)
        if key in holders:
            return key, holders[key]
    raise KeyError(f"no office of {body}")


def outsider(rng: random.Random) -> Person:
    """Someone outside office: a first name and a surname of one group."""
    world = parts("world")
    group = rng.choice(sorted(world["first"]))
    first, gender = rng.choice(world["first"][group]).split("|")
    return Person(f"{first} {rng.choice(world['last'][group])}", gender)


@dataclass(frozen=True)
class Speaker:
    person: Person
    kind: str  # "official", "critic" or "analyst": which quotations suit them
    pre: tuple[str, ...]  # titles written before the name
    app: tuple[str, ...]  # appositions written after it
    short: tuple[str, ...]  # later mentions besides the surname


def _role_slots(key: tuple[str, ...], lang: str, gender: str, rng: random.Random) -> dict[str, Binding]:
    countries = parts("world")["countries"]
    slots: dict[str, Binding] = {}
    if key[0] in countries:
        c = countries[key[0]]
        m, f = c["adj_fr"].split("|")
        slots |= {"adj": c["adj"], "poss": c["poss"], "of_fr": c["of_fr"], "adj_m": m, "adj_f": f}
        slots["adj_fr"] = m if gender == "m" else f
    if len(key) > 2:
        to = countries[key[2]]
        slots |= {"to": key[2], "to_capital": both(to["capital"], lang), "to_in": to["in_fr"]}
    return slots


def speaker(key: tuple[str, ...], person: Person, lang: str, rng: random.Random, city: str = "") -> Speaker:
    """``person`` in office ``key`` = (body, role[, posted to]), or in a role outside office (body "")."""
    world = parts("world")
    role = world["roles"][key[1]]
    rules = {k: spelled(world[k], lang) for k in ("think_tank", "ngo", "field", "committee")}
    grammar = Grammar(rules, lang)
    slots = _role_slots(key, lang, person.gender, rng) | {"city": city}
    suffix = "_fr" if lang == "fr" else ""

    def forms(name: str) -> tuple[str, ...]:
        texts = (grammar.expand(t, rng, slots) for t in role.get(name + suffix, ()))
        return tuple(fix_words(gendered(t, person.gender), lang) for t in texts)

    app = forms("app")
    return Speaker(person, role.get("kind", "official"), forms("pre"), (rng.choice(app),), forms("short"))


class Mentions:
    """How an article names its speakers: in full first, then by surname, role or pronoun.

    A role ("the minister") is used only when no other speaker of the article has a role with the same
    noun, as a reporter writes it; ``form`` is "subject" (before a verb: an apposition takes its closing
    comma, a pronoun may do), "final" (before a full stop or comma) or "inner" (before more words).
    """

    def __init__(self, cast: Sequence[Speaker], lang: str, rng: random.Random) -> None:
        self.rng, self.lang = rng, lang
        nouns = Counter(n for sp in cast for n in {_noun(s, lang) for s in sp.short})
        self.unique = {s for sp in cast for s in sp.short if nouns[_noun(s, lang)] == 1}
        self.named: set[str] = set()
        self.last = ""

    def name(self, sp: Speaker, form: str) -> str:
        name = sp.person.name
        options: list[str]
        if name not in self.named:
            self.named.add(name)
            comma = "" if form == "final" else ","
            options = [f"{p} {name}" for p in sp.pre] + [f"{name}, {a}{comma}" for a in sp.app]
        else:
            options = [sp.person.surname] * 2 + [s for s in sp.short if s in self.unique]
            if form == "subject" and self.last == name:
                he, she = ("il", "elle") if self.lang == "fr" else ("he", "she")
                options += [he if sp.person.gender == "m" else she] * 2
        self.last = name
        return self.rng.choice(options)


def _noun(short: str, lang: str) -> str:
    """The noun of a later mention: "the interior minister" -> "minister", "la ministre" -> "ministre"."""
    words = short.replace("’", "'").split()
    if lang == "fr":
        head = words[0].split("'")[-1] if "'" in words[0] else (words[1] if len(words) > 1 else words[0])
        return head.rstrip("e")
    return words[-1]
