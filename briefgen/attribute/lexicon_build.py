"""Build the cue lexicon (``data/cues.tsv``) for ``briefgen.attribute.train``: read an annotated PolNeAR
split the way briefgen reads any corpus, mine the English cue words from its Cue spans, and compile the
hand-written French cues onto the same English keys."""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from briefgen.attribute.features import tokenize, word_class, word_classes
from briefgen.ingest import read_corpus
from briefgen.models import Article
from briefgen.segment import split_sentences

MIN_COUNT = 3  # a key must be a cue at least this often in the training text
MIN_RATE = 0.05  # and in at least this share of its occurrences
MIN_FORM_RATE = 0.5  # or, for a key below that share, a form of it a cue in at least this share of its uses
MIN_SOURCE_HEAD = 2  # a source head must head an annotated source at least this often
_SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ies", "ied")


@functools.cache
def stem(word: str) -> str:
    import snowballstemmer

    return str(snowballstemmer.stemmer("english").stemWord(word.lower().replace("’", "'")))


def _spans(path: Path, kind: str = "Cue") -> list[tuple[int, int, str]]:
    """(start, end, text) of every span of ``kind`` in a brat annotation file."""
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].startswith("T") and parts[1].startswith(kind + " "):
            for piece in parts[1][len(kind) + 1 :].split(";"):
                start, end = piece.split()
                spans.append((int(start), int(end), parts[2]))
    return spans


def source_heads(folder: Path) -> Counter[str]:
    """How often each lower-case word heads an annotated Source ("the campaign", "federal records"):
    the last word before the first preposition."""
    classes = word_classes()
    heads: Counter[str] = Counter()
    for path in sorted(_ann_files(folder).values()):
        for _, _, text in _spans(path, "Source"):
            words = [t.text for t in tokenize(text) if t.text[0].isalnum()]
            cut = next((k for k, w in enumerate(words) if k and word_class(w) in {"PREP", "TO", "BY"}), None)
            head = words[:cut][-1] if words[:cut] else ""
            low = head.lower()
            if (
                head[:1].islower()
                and low.isalpha()
                and low not in classes
                and not low.endswith(("ed", "ing"))
            ):
                heads[low] += 1
    return heads


def write_source_heads(path: Path, heads: Counter[str]) -> None:
    kept = sorted(w for w, n in heads.items() if n >= MIN_SOURCE_HEAD)
    header = [
        '# Lower-case words that head a source\'s noun phrase in the training text ("the campaign said"),',
        "# seen at least twice. Written by python -m briefgen.attribute.train; do not edit by hand.",
    ]
    path.write_text("\n".join(header + kept) + "\n", encoding="utf-8")


def _ann_files(folder: Path) -> dict[str, Path]:
    """Article name -> its annotation file (MANIFEST.tsv names it when the file name differs)."""
    found = {p.stem: p for p in (folder / "ann").glob("*.ann")}
    manifest = folder / "MANIFEST.tsv"
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and (folder / "ann" / parts[1]).exists():
                found[parts[0]] = folder / "ann" / parts[1]
    return found


def read_annotated(folder: Path) -> list:  # list[train.Annotated]
    from briefgen.attribute.train import Annotated

    anns = _ann_files(folder)
    out = []
    for article in read_corpus(folder / "text").articles:
        ann = anns.get(Path(article.path).stem)
        if ann is None or not article.origins:
            continue
        chars: set[int] = set()
        for start, end, _ in _spans(ann):
            chars.update(b for f in range(start, end) if (b := _body_offset(article, f)) is not None)
        out.append(Annotated(article, split_sentences(article), frozenset(chars)))
    return out


def _body_offset(article: Article, offset: int) -> int | None:
    """The body offset of file ``offset`` (None when it falls outside the kept paragraphs)."""
    body_len = len(article.body)
    for n, (b, f) in enumerate(article.origins):
        end = article.origins[n + 1][0] - 2 if n + 1 < len(article.origins) else body_len
        if f <= offset < f + end - b:
            return b + offset - f
    return None


class Mined(NamedTuple):
    rates: dict[str, float]  # key -> share of its occurrences that were cues
    forms: dict[str, set[str]]  # key -> lower-cased forms seen
    nouns: dict[str, float]  # form -> share of its occurrences right after a determiner or possessive
    exact: frozenset[str] = frozenset()  # keys kept for some forms only ("stated", not "state")


def mine(corpus: list) -> Mined:
    """English keys kept as cues with their cue rate, the forms seen for each, and how often each form
    is used as a noun."""
    cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    after_det: Counter[str] = Counter()
    per_form: Counter[str] = Counter()
    form_cue: Counter[str] = Counter()
    seen: defaultdict[str, set[str]] = defaultdict(set)
    classes = word_classes()
    for item in corpus:
        for s in item.sentences:
            tokens = tokenize(s.text)
            for n, t in enumerate(tokens):
                low = t.text.lower().replace("’", "'")
                if low in classes or not (low.isalpha() or low == ":") or (len(low) < 2 and low != ":"):
                    continue
                key = stem(low)
                total[key] += 1
                per_form[low] += 1
                seen[key].add(low)
                is_cue = s.start + t.start in item.cue_chars
                cue[key] += is_cue
                form_cue[low] += is_cue
                before = tokens[n - 1].text if n else "."
                after_det[low] += word_class(before) == "DET" or before.endswith(("'s", "’s"))
    rates = {k: cue[k] / total[k] for k in cue if cue[k] >= MIN_COUNT and cue[k] / total[k] >= MIN_RATE}
    forms = {k: seen[k] for k in rates}
    exact = _by_form(form_cue, per_form, rates, forms)
    nouns = {f: after_det[f] / per_form[f] for k in rates for f in forms[k]}
    return Mined(rates, forms, nouns, frozenset(exact))


def _by_form(
    form_cue: Counter[str], per_form: Counter[str], rates: dict[str, float], forms: dict[str, set[str]]
) -> set[str]:
    """Keys whose stem is mostly something else but some forms are cues ("stated", "stating" of "state",
    a noun): those forms alone, at their own rate. Adds them to ``rates`` and ``forms``; returns the keys."""
    kept: defaultdict[str, set[str]] = defaultdict(set)
    for form, n in form_cue.items():
        key = stem(form)
        if key not in rates and n >= MIN_COUNT and n / per_form[form] >= MIN_FORM_RATE:
            kept[key].add(form)
    for key, found in kept.items():
        rates[key] = sum(form_cue[f] for f in found) / sum(per_form[f] for f in found)
        forms[key] = found
    return set(kept)


def _inflections(form: str, key: str) -> set[str]:
    """Forms of the same key the training text did not happen to contain ("criticizes" from "criticized"),
    in British spelling too ("criticised")."""
    bases = {form, form[:-1], form[:-2], form[:-3]}
    made = {m for m in (b + s for b in bases if len(b) > 2 for s in _SUFFIXES) if stem(m) == key}
    british = {m.replace("iz", "is") for m in made if "iz" in m}
    british |= {re.sub(r"([aeiou])l(ed|ing)$", r"\1ll\2", m) for m in made}  # "signalled", "labelling"
    return made | british


def french_entries(path: Path, rates: dict[str, float]) -> list[tuple[str, str, float, float, bool]]:
    """(form, key, rate, noun share, pronominal) for every form of every French cue in ``path``."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, english, rule, *extra = line.split("\t")
        rule, pronominal = rule.removesuffix("+se"), rule.endswith("+se")
        key = stem(english)
        if key not in rates:
            print(f"cues_fr.tsv: {lemma} -> {english!r} has no English weights", file=sys.stderr)
        for form in _french_forms(lemma, rule) | set(" ".join(extra).split()):
            noun = 1.0 if rule == "noun" else 0.0
            out.append((form.lower().replace("’", "'"), key, rates.get(key, 0.3), noun, pronominal))
    return out


def _french_forms(lemma: str, rule: str) -> set[str]:
    if rule == "noun":
        return {lemma, lemma + "s"}
    if rule == "ir":
        s = lemma[:-2]
        return {
            lemma,
            s + "it",
            s + "issent",
            s + "i",
            s + "ie",
            s + "is",
            s + "ies",
            s + "issait",
            s + "ira",
        }
    if rule != "er":
        return set()
    s = lemma[:-2]
    soft = s + ("e" if s.endswith("g") else "") if not s.endswith("c") else s[:-1] + "ç"
    return {
        lemma, s + "e", s + "ent", s + "é", s + "ée", s + "és", s + "ées", soft + "ait",
        soft + "aient", soft + "ant", soft + "a", lemma + "a", lemma + "ont", s + "èrent",
    }  # fmt: skip


def read_classes(path: Path) -> dict[str, str]:
    """Stemmed English word -> cue class, from ``cue_classes.tsv`` (the first class listed wins)."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, words = line.split("\t", 1)
            for word in words.split():
                out.setdefault(stem(word), name)
    return out


def write_lexicon(path: Path, corpus: list, french: Path, classes: dict[str, str]) -> None:
    mined = mine(corpus)
    rows = set()
    for key, forms in mined.forms.items():
        for form in forms:
            for variant in _inflections(form, key) if form != ":" and key not in mined.exact else {form}:
                if variant in word_classes() and variant != form:
                    continue  # "will" made from "willing": a function word, never a cue
                noun = mined.nouns.get(variant, mined.nouns[form])
                rows.add(("en", variant, key, mined.rates[key], round(noun, 2), True))
    rows.update(("fr", *entry) for entry in french_entries(french, mined.rates))
    rows.add(("fr", ":", ":", mined.rates.get(":", 0.2), 0.0, True))
    header = [
        "# Cue lexicon: language, form, English key, share of the key's occurrences that were cues in the",
        "# training text, class (cue_classes.tsv), share of the form's uses right after a determiner,",
        "# whether its reflexive use reports speech (1) or not (0).",
        "# Written by python -m briefgen.attribute.train; do not edit by hand.",
    ]
    body = [
        f"{lg}\t{form}\t{key}\t{rate:.4f}\t{classes.get(key, 'OTHER')}\t{noun:.2f}\t{int(pron)}"
        for lg, form, key, rate, noun, pron in sorted(rows)
    ]
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")
