"""Near-duplicate (syndicated) copies: MinHash signatures over word shingles, grouped by LSH banding.

Words are folded before shingling (case, accents, curly quotes and dashes, punctuation), so a copy that
drops an accent ("Nuñez" -> "Nunez") or re-types its quotation marks shares its shingles. A signature
is a one-permutation MinHash: every 4-word shingle is hashed once, the hash's low bits pick one of
``BINS`` bins and the bin keeps its smallest value; the number of distinct shingles follows the bins.
Articles sharing every value of one band of ``ROWS`` bins become candidates (so the work grows with the
number of articles, not with its square); a candidate pair is a duplicate when the share of equal bins
estimates a Jaccard similarity of at least ``THRESHOLD``, or when the shorter text lies at least
``CONTAINED`` within the longer and keeps at least ``MIN_SHARE`` of its length (a copy with a trimmed
ending, a cut paragraph or added clutter). Identical bodies (same content hash) are duplicates too, and
so are two articles with the same publisher, title and date (one story captured twice, say as a page
and as a feed record). Every copy points, through ``duplicate_of``, at the group's earliest article
(by date, then by corpus order).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import operator
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence

from briefgen.models import Article

SHINGLE = 4
BINS = 128
ROWS = 4
THRESHOLD = 0.85
CONTAINED = 0.8  # share of the shorter text's shingles found in the longer one
MIN_SHARE = 0.5  # the shorter text's size against the longer's, for the containment rule
MAX_PER_BUCKET = 16
"""Members of one band bucket compared with each new member: bounds the work on degenerate corpora."""
_EMPTY = 1 << 64  # above any hash value: marks an empty bin
_SLOT = (BINS - 1).__and__
_STEP = 1 << 66  # offset of a borrowed value per bin of distance: keeps it apart from real minima

Signature = tuple[int, ...]
"""``BINS`` minima, then the number of distinct shingles (empty for a text shorter than one shingle)."""

_WORD = re.compile(r"[^\W_]+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CRC_WORDS = 100_000  # words whose CRC is remembered per process (a news vocabulary fits)
_crc: dict[str, int] = {}


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character without its accents (NFKD, combining marks dropped): folding is per character."""
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def _fold_match(match: re.Match[str]) -> str:
    return _fold_char(match[0])


def fold_words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: the same words however a copy typed them.
    Only the non-ASCII characters are decomposed (the rest of a text folds to itself)."""
    low = text.lower()
    if low.isascii():
        return _WORD.findall(low)
    return _WORD.findall(_NON_ASCII.sub(_fold_match, low))


def _word_hashes(words: list[str]) -> list[int]:
    """CRC-32 of each word, remembered per process (words recur across a corpus)."""
    known = _crc if len(_crc) < _CRC_WORDS else {}
    out = []
    for w in words:
        h = known.get(w)
        if h is None:
            h = known[w] = zlib.crc32(w.encode("utf-8", "surrogatepass"))
        out.append(h)
    return out


def signature(text: str) -> Signature:
    """The MinHash signature of ``text``'s folded words.

    Words are hashed with CRC-32 and shingles with the (unsalted) tuple-of-int hash, so signatures agree
    across processes; the per-bin minimum is taken by a dict built from hashes in descending order.
    """
    words = _word_hashes(fold_words(text))
    if len(words) < SHINGLE:
        return ()
    hashes = sorted(set(map(hash, zip(words, words[1:], words[2:], words[3:], strict=False))), reverse=True)
    smallest = dict(zip(map(_SLOT, hashes), hashes, strict=True))
    mins = list(map(smallest.get, range(BINS), itertools.repeat(_EMPTY)))
    if _EMPTY in mins:
        _densify(mins)
    return (*mins, len(hashes))


def _densify(mins: list[int]) -> None:
    """Fill each empty bin from the next filled one (rotation densification), so bins stay comparable."""
    filled = [i for i, v in enumerate(mins) if v != _EMPTY]
    if not filled:
        return
    for i in range(len(mins)):
        if mins[i] == _EMPTY:
            donor = next((j for j in filled if j > i), filled[0])
            mins[i] = mins[donor] + (donor - i) % len(mins) * _STEP


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if len(a) <= BINS or len(b) <= BINS:
        return 0.0
    return (sum(map(operator.eq, a, b)) - (a[BINS] == b[BINS])) / BINS  # the bins, not the sizes


def is_copy(a: Signature, b: Signature) -> bool:
    """Near-identical texts, or the shorter one (at least ``MIN_SHARE`` of the longer) mostly inside
    the longer: the shared shingles are estimated from the Jaccard estimate and the two set sizes."""
    j = similarity(a, b)
    if j >= THRESHOLD:
        return True
    small, large = sorted((a[BINS], b[BINS])) if len(a) > BINS and len(b) > BINS else (0, 0)
    if not small or small < MIN_SHARE * large:
        return False
    return j * (small + large) / (1 + j) / small >= CONTAINED


def _story(article: Article) -> tuple[str, str, dt.date | None] | None:
    """One outlet's story under one title on one day (two captures of a page, a page and its feed
    record): a copy even when the texts differ in length. None without publisher, title and date (an
    undated title may be a recurring column: "Major items in today's papers")."""
    if not article.publisher or not article.title or article.date is None:
        return None
    publisher, title = (" ".join(t.lower().split()) for t in (article.publisher, article.title))
    return publisher, title, article.date


def duplicate_groups(articles: Sequence[Article], signatures: Sequence[Signature]) -> list[int]:
    """For each article, the index of its group's representative (itself when it has no copy)."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_hash: dict[str, int] = {}
    by_story: dict[tuple[str, str, dt.date | None], int] = {}
    buckets: dict[tuple[int, Signature], list[int]] = defaultdict(list)
    for i, (article, sig) in enumerate(zip(articles, signatures, strict=True)):
        if article.body and article.content_hash:
            parent[find(i)] = find(by_hash.setdefault(article.content_hash, i))
        story = _story(article)
        if story is not None:
            parent[find(i)] = find(by_story.setdefault(story, i))
        _join_candidates(i, sig, signatures, buckets, parent, find)
    return [find(i) for i in range(len(articles))]


def _join_candidates(
    i: int,
    sig: Signature,
    signatures: Sequence[Signature],
    buckets: dict[tuple[int, Signature], list[int]],
    parent: list[int],
    find: Callable[[int], int],
) -> None:
    """Compare article ``i`` with the latest members of each band bucket it falls in (each once, and
    none already in its group: groups only grow), joining the copies; then add it to those buckets."""
    root = find(i)
    seen: set[int] = set()
    for band in range(0, min(len(sig), BINS), ROWS):
        members = buckets[(band, sig[band : band + ROWS])]
        seen.update(members[-MAX_PER_BUCKET:])
        members.append(i)
    for j in sorted(seen):
        other = find(j)
        if other != root and is_copy(sig, signatures[j]):
            parent[root] = other
            root = other


def mark_duplicates(articles: Sequence[Article], signatures: Sequence[Signature]) -> tuple[Article, ...]:
    """``articles`` with ``duplicate_of`` set on every copy to the id of its group's earliest article."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(duplicate_groups(articles, signatures)):
        groups[root].append(i)
    out = list(articles)
    for members in groups.values():
        if len(members) < 2:
            continue
        # the earliest dated copy; an undated one counts as early, so corpus order decides among those
        first = min(members, key=lambda i: (articles[i].date or dt.date.min, i))
        for i in members:
            if i != first:
                out[i] = dataclasses.replace(articles[i], duplicate_of=articles[first].id)
    return tuple(out)
