"""Built-in clutter phrases (English and French), matched on lower-cased words without punctuation.

``LINE``: a line that is (or, when it is not sentence-shaped, starts with) one of these is dropped.
``CUT``: the same, and when little text follows it, everything after it is a page footer.
``CALL``: calls to action; also dropped when sentence-shaped ("Sign up to receive ... in your inbox.").
``NOTICE``: the site talking about itself (cookies, paywall, standards, copyright, follow us); a line
starting with one is dropped even when sentence-shaped.
``IMAGE``: a placeholder for a picture; the line after it is a caption when it is not body text.
Users add phrases through the ``clutter`` setting; those count as ``LINE`` phrases.

The word lists the line features and the header reader use (stopwords of English and French,
auxiliaries, pronouns, page vocabulary, months, weekdays, time units, outlet and section words) live in
``data/lexicon.txt``, read once on first use by ``words``.
"""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _set(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split("|"))


LINE = _set(
    """advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|publicité
    |share|shares|share this|share this article|share this story|share on facebook|share on x
    |share on twitter|share on linkedin|share on whatsapp|share via email|tweet|email|e mail|print
    |copy link|link copied|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|partager
    |partager cet article|view post on x|view post on twitter|view this post on instagram
    |view on instagram|view on threads|a post shared by|watch on youtube|read more|read also|also read
    |see also|lire aussi|à lire aussi|lire la suite|continue reading|continue reading below
    |story continues below|article continues below|listen to this article|listen|play video|watch
    |watch video|comments|comment|leave a comment|show comments|view comments|we use cookies
    |accept cookies|all rights reserved|tous droits réservés|skip to content|skip to main content|menu
    |back to top|follow us|follow us on|suivez nous|loading|close|open in app|save|bookmark
    |gift this article|font size|text size|updated|published|mis à jour|publié le"""
)

CUT = _set(
    """more to explore|related articles|related stories|related content|related|more stories|more from
    |more on this story|you may also like|you might also like|recommended|recommended for you|most read
    |most popular|most viewed|trending|trending now|newsletter|newsletter signup|newsletter sign up
    |sign up for our newsletter|subscribe to our newsletter|latest news|popular stories|read next|up next
    |sur le même sujet|les plus lus|dans la même rubrique|à lire également|nos newsletters"""
)

CALL = (
    "sign up",
    "signup",
    "subscribe",
    "click here",
    "download the app",
    "download our app",
    "get the latest",
    "join our",
    "register now",
    "receive our",
    "want more",
    "support our journalism",
    "inscrivez vous",
    "abonnez vous",
    "recevez notre",
)

NOTICE = (
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "by continuing to",
    "by continuing you",
    "by using this site",
    "by using our site",
    "this article is reserved",
    "this content is reserved",
    "this article is for subscribers",
    "this article is only available",
    "you have reached your",
    "already a subscriber",
    "already subscribed",
    "our standards",
    "follow our",
    "follow us",
    "acquire licensing rights",
    "all rights reserved",
    "copyright",
    "nous utilisons des cookies",
    "en poursuivant votre navigation",
    "cet article est réservé",
    "réservé aux abonnés",
    "vous avez atteint",
    "déjà abonné",
    "suivez nous",
    "suivez notre",
)

IMAGE = _set(
    """cover image|image|images|photo|photos|picture|pictures|gallery|photo gallery|illustration|file photo
    |featured image|video|videos|photograph|infographic|graphic"""
)


@functools.cache
def lists() -> dict[str, frozenset[str]]:
    """Every list of the lexicon file by name."""
    found: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in (DATA / "lexicon.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in found.items()}


def words(name: str) -> frozenset[str]:
    """One list of ``data/lexicon.txt`` by its name ("stop-en", "ui", "month"...)."""
    return lists()[name]
