"""The measured commands: each is a fresh ``python`` process, so start-up and imports count."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable

# (a) the floor: read every file and split it into sentences with a bare regular expression.
FLOOR = """
import re, sys
from pathlib import Path
split = re.compile(r"(?<=[.!?])\\s+").split
files = sizes = sentences = 0
for p in Path(sys.argv[1]).rglob("*"):
    if p.is_file() and p.suffix in (".txt", ".md", ".html", ".json", ".jsonl"):
        text = p.read_text(encoding="utf-8", errors="replace")
        files += 1; sizes += len(text.encode()); sentences += len(split(text))
print(files, sizes, sentences)
"""

# briefgen's ingest stage alone (read, decode, clean, infer metadata).
INGEST = """
import sys
from pathlib import Path
from briefgen.ingest import read_corpus
result = read_corpus(Path(sys.argv[1]))
print(len(result.articles), sum(len(a.body.encode()) for a in result.articles), len(result.skipped))
"""

# The analysis stage alone (sentences split, then attributed) on articles already read, one process:
# milliseconds per article with the parsing models and the lexicon loaded beforehand, and how many
# sentences were parsed.
ANALYSIS = """
import sys, time
from pathlib import Path
from briefgen.ingest import read_corpus
from briefgen.segment import split_sentences
from briefgen.attribute import attribute_article, syntax
if __name__ == "__main__":
    articles = read_corpus(Path(sys.argv[1])).articles
    syntax.pipeline("en"), syntax.pipeline("fr")
    attribute_article(articles[0], split_sentences(articles[0]))  # word lists and weights loaded
    syntax.PARSED[0] = 0
    started = time.perf_counter()
    for a in articles:
        attribute_article(a, split_sentences(a))
    ms = 1000 * (time.perf_counter() - started) / len(articles)
    words = sum(len(a.body.split()) for a in articles) / len(articles)
    print(f"{len(articles)} {words:.0f} {ms:.1f} {syntax.PARSED[0]}")
"""

# (b) sumy's LexRank over every sentence of the corpus, to a 12-sentence summary (one topic's memo).
LEXRANK = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from lexrank import lexrank
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*")) if p.is_file()]
print(len(lexrank(texts, 12)))
"""


def floor_cmd(corpus: Path) -> list[str]:
    return [PY, "-c", FLOOR, str(corpus)]


def ingest_cmd(corpus: Path) -> list[str]:
    return [PY, "-c", INGEST, str(corpus)]


def analysis_cmd(corpus: Path) -> list[str]:
    return [PY, "-c", ANALYSIS, str(corpus)]


def lexrank_cmd(corpus: Path) -> list[str]:
    return [PY, "-c", LEXRANK, str(corpus), str(HERE)]


def generate_cmd(
    out: Path, n: int | None = None, add: int | None = None, kind: str = "recombined"
) -> list[str]:
    size = ["--add", str(add)] if add is not None else ["--n", str(n)]
    return [PY, str(HERE / "generate.py"), *size, "--out", str(out), "--seed", "1", "--kind", kind]


def briefgen_cmd(*args: str) -> list[str]:
    return [PY, "-m", "briefgen", *args]


def build_cmd(config: Path, date: dt.date) -> list[str]:
    return briefgen_cmd(
        "build", "--config", str(config), "--date", date.isoformat(), "--format", "md,pdf,json"
    )


def memo_cmd(config: Path, out: Path, date: dt.date, topic: str = "readmissions") -> list[str]:
    return briefgen_cmd(
        "memo", "--config", str(config), "--topic", topic, "--out", str(out),
        "--format", "md,pdf", "--date", date.isoformat(),
    )  # fmt: skip


def write_config(folder: Path, corpus: Path, base: Path = ROOT / "config" / "briefgen.yaml") -> Path:
    """The project's config (topics, header, aliases) with corpus, output and store in ``folder``."""
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    templates = data.get("templates")
    if templates and (base.parent / templates).resolve().is_dir():
        data["templates"] = str((base.parent / templates).resolve())
    else:
        data.pop("templates", None)
    data.update(corpus=str(corpus.resolve()), output=str(folder / "out"), store=str(folder / "store.sqlite"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "briefgen.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def corpus_mb(corpus: Path) -> float:
    return sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
