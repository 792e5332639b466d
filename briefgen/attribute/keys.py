"""Speaker ids: one key for every way of writing a speaker (accents, titles, surname, configured aliases)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from briefgen.attribute.speakers import parse_np

_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").lower()


def strip_titles(name: str) -> str:
    mention = parse_np(name)
    return mention.name if mention is not None and mention.name else name.strip()


def fold_aliases(aliases: Mapping[str, str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for variant, canonical in (aliases or {}).items():
        out[fold(variant).strip()] = canonical
        out.setdefault(fold(canonical).strip(), canonical)
    return out


def key_with(name: str, folded_aliases: Mapping[str, str]) -> str:
    base = strip_titles(name)
    canonical = folded_aliases.get(fold(name).strip()) or folded_aliases.get(fold(base))
    if canonical is not None:
        base = strip_titles(canonical)
    return _SLUG.sub("-", fold(base)).strip("-")


def speaker_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """Normalised id: titles stripped, accents folded, lowercased, hyphenated; aliases map variants first."""
    return key_with(name, fold_aliases(aliases))
