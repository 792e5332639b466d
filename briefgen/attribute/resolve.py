"""Who is who in one article: the people it names (fullest form, surname, role), and the resolution of
surnames, pronouns and descriptions ("the minister") to the nearest fitting named speaker."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefgen.attribute.keys import fold
from briefgen.attribute.speakers import Mention, parse_np
from briefgen.attribute.vocab import COUNTRIES, ORG_WORDS, PORTFOLIOS, TITLE_HEADS

_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_CAP = rf"(?:(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Gen|Col|Sen|Rep|Gov|Lt|Capt|M|Mme)\.|[{_UPPER}][\w’'-]*)"
_RUN = re.compile(
    rf"(?<![\w’'-])(?=[{_UPPER}]){_CAP}(?:\s+(?:(?:of|for|de|du|des|van|von|der|bin|ibn|al|el|la|le)\s+)?{_CAP})*"
)
_ROLE_AFTER = re.compile(r",\s+((?:the\s+|an?\s+|his\s+|her\s+|le\s+|la\s+|l['’])?[^,.;:()“”\"«»]{3,120})")
_ROLE_CUT = re.compile(r"\s(?:who|which|that|qui|said|says)\b|\s\w+(?:ing|ed)\b")
_COMMA_END = re.compile(r",\s+$")
_CONNECTORS = {"of", "for", "and", "the", "de", "du", "des", "et", "la", "le"}
_OF = re.compile(r"\s(?:of|for|de|du|des)\s")
_POSSESSIVE = re.compile(r"['’]s$")
_LOWER_ROLE = re.compile(r"((?:\b[a-zé’'-]+\s+){1,3})$")


@dataclass
class Person:
    name: str
    role: str | None = None
    female: bool | None = None
    mentions: list[int] = field(default_factory=list)


_GENDERED = re.compile(r"(?<![\w’'])(la|une|le|un)\s+([\w-]+)[^,.;]{0,60}?,?\s*$", re.IGNORECASE)


def _gender_before(window: str) -> bool | None:
    """True / False when a French title with its article just precedes a name ("La ministre des
    Affaires étrangères, Amina Belkacem" / "le président Karim Vallaud"); else None."""
    m = _GENDERED.search(window)
    if m is None or m[2].lower() not in TITLE_HEADS:
        return None
    return m[1].lower() in {"la", "une"}


def _better_role(old: str | None, new: str | None) -> str | None:
    if not new or not any(w.lower() in TITLE_HEADS for w in new.split()):
        return old
    return new if old is None or len(new) > len(old) else old


def _role_before(window: str) -> str | None:
    """ "French Minister for Europe, Jean Dupont" / "le ministre de l'Intérieur, Jean Dupont": the role."""
    if not _COMMA_END.search(window):
        return None
    words = window.rstrip().rstrip(",").split()
    k = len(words)
    while k > 0:
        w = words[k - 1]
        low = w.lower().replace("’", "'")
        titleish = w[:1].isupper() or low in TITLE_HEADS or low in PORTFOLIOS or low in _CONNECTORS
        if not titleish and not low.startswith("l'"):
            break
        k -= 1
    role = words[k:]
    while role and role[0].lower() in _CONNECTORS:
        role = role[1:]
    if not role or len(role) > 10 or not any(w.lower() in TITLE_HEADS for w in role):
        return None
    return " ".join(role)


class ArticleIndex:
    """People named in one article body, with their roles and where they are mentioned."""

    def __init__(self, body: str) -> None:
        self._body = body
        self.people: dict[str, Person] = {}
        self.surnames: dict[str, str] = {}
        counts: Counter[str] = Counter()
        by_surname: defaultdict[str, dict[str, None]] = defaultdict(dict)  # full names, first written first
        runs: list[tuple[int, int, str, Mention | None]] = []
        for m in _RUN.finditer(body):
            text = _POSSESSIVE.sub("", m.group(0))
            runs.append((m.start(), m.end(), text, parse_np(text) if " " in text else None))
        for start, end, _, mention in runs:
            if mention is None or mention.kind != "name" or not mention.name or not self._personal(mention):
                continue
            role = _better_role(mention.role, self._prefix_role(body, start))
            role = _better_role(role, self._apposition(body, end))
            tokens = mention.name.split()
            if len(tokens) >= 2:
                person = self.people.setdefault(fold(mention.name), Person(mention.name))
                person.role = _better_role(person.role, role)
                person.female = mention.female if mention.female is not None else person.female
                if person.female is None:
                    person.female = _gender_before(body[max(0, start - 90) : start])
                counts[fold(mention.name)] += 1 + (role is not None)
                by_surname[fold(tokens[-1])].setdefault(fold(mention.name))
        for surname, names in by_surname.items():  # a tie goes to the name written first, whatever the
            best = max(names, key=lambda n: (counts[n], len(n)))  # process's string hashing
            self.surnames[surname] = self.people[best].name
        for start, _, text, mention in runs:
            name = mention.name if mention is not None and mention.kind == "name" else None
            found = self.person(name or text) if name or " " not in text else None
            if found is not None:
                found.mentions.append(start)
                found.role = _better_role(found.role, mention.role if mention else None)

    @staticmethod
    def _personal(mention: Mention) -> bool:
        words = [fold(w) for w in (mention.name or "").split()]
        if any(w in COUNTRIES or w in ORG_WORDS for w in words):
            return False
        return len(words) >= 2 or mention.role is not None

    @staticmethod
    def _prefix_role(body: str, start: int) -> str | None:
        apposed = _role_before(body[max(0, start - 90) : start])
        if apposed is not None:
            return apposed
        m = _LOWER_ROLE.search(body[max(0, start - 40) : start])
        if m is None:
            return None
        words = m.group(1).split()
        while words and words[0].lower() not in TITLE_HEADS and len(words) > 1:
            words = words[1:]
        return " ".join(words) if words and words[-1].lower() in TITLE_HEADS else None

    @staticmethod
    def _apposition(body: str, end: int) -> str | None:
        m = _ROLE_AFTER.match(body, end)
        if m is None:
            return None
        phrase = _ROLE_CUT.split(" " + m.group(1), maxsplit=1)[0].strip()
        words = phrase.split()
        if words and words[0].lower() in {"the", "a", "an", "his", "her", "le", "la"}:
            words = words[1:]
        if not words or len(words) > 12 or not any(w.lower() in TITLE_HEADS for w in words[:5]):
            return None
        parsed = parse_np(" ".join(words))
        person_named = (
            parsed is not None and parsed.kind == "name" and parsed.name and len(parsed.name.split()) > 1
        )
        if person_named and not _OF.search(phrase):
            return None
        return " ".join(words)

    def person(self, name: str) -> Person | None:
        key = fold(name)
        if key in self.people:
            return self.people[key]
        full = self.surnames.get(fold(name.split()[-1])) if name.split() else None
        if full is not None and (len(name.split()) == 1 or key.endswith(fold(full).split()[-1])):
            return self.people[fold(full)]
        return None

    def with_role(self, role_word: str, before: int) -> list[Person]:
        """The people mentioned before offset ``before`` whose role contains ``role_word``."""
        return [
            p
            for p in self.people.values()
            if p.role and role_word in fold(p.role) and any(m < before for m in p.mentions)
        ]

    def nearest(self, before: int, female: bool | None = None) -> Person | None:
        """Whom a pronoun at offset ``before`` most likely means: of the people named in the last sentence
        before it that names any, the first named (as a rule that sentence's subject, not its object)."""
        eligible = [
            p for p in self.people.values() if female is None or p.female is None or p.female == female
        ]
        latest = max((m for p in eligible for m in p.mentions if m < before), default=-1)
        if latest < 0:
            return None
        start = max(self._body.rfind(mark, 0, latest) for mark in (". ", "? ", "! ", "\n")) + 1
        first = [(min(m for m in p.mentions if start <= m < before), p.name) for p in eligible
                 if any(start <= m < before for m in p.mentions)]  # fmt: skip
        return self.people[fold(min(first)[1])]
