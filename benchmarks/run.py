"""The benchmark: one Markdown table (also written to benchmarks/results.md). See benchmarks/README.md.

python benchmarks/run.py [--sizes 1000,5000,10000] [--lexrank-max 1000] [--lexrank-timeout 150]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure
import probes
from corpusgen.article import article_date
from corpusgen.sources import load_sources
from measure import Result

DATA = probes.HERE / "data"
COMPARE_N = 500
LEXRANK_LADDER = (50, 100)  # small sizes measured first, to show LexRank's growth before it stops


@dataclass
class Row:
    measurement: str
    n: str
    wall: str
    throughput: str = ""
    rss: str = ""
    target: str = ""
    met: str = ""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def dataset(n: int) -> Path:
    """``data/n<N>``: the first N articles of the seed-1 archive (regenerated if it holds anything else)."""
    folder = DATA / f"n{n}"
    count = sum(1 for _ in folder.rglob("article-*")) if folder.exists() else 0
    if count != n:
        log(f"generating {n} articles into {folder}")
        measure.run(probes.generate_cmd(folder, n=n), timeout=900)
    return folder


def memo_date(n: int) -> dt.date:
    """The day after the newest article, counting the 100 the warm rebuild adds."""
    return article_date(n + 99) + dt.timedelta(days=1)


def row_of(result: Result, name: str, n: int | str, throughput: str = "", target: str = "") -> Row:
    if not result.ok:
        return Row(name, str(n), result.failure(), "", f"{result.rss_mb:.0f}", target, "no")
    return Row(name, str(n), f"{result.wall:.2f}", throughput, f"{result.rss_mb:.0f}", target)


def rate(n: int, mb: float, wall: float) -> str:
    per_s, mb_s = n / wall, mb / wall
    return f"{per_s:,.{0 if per_s >= 10 else 2}f} art/s, {mb_s:.{1 if mb_s >= 1 else 3}f} MB/s"


def mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def size_rows(n: int, scratch: Path, timeout: float) -> tuple[list[Row], dict[str, Result]]:
    corpus = dataset(n)
    mb = probes.corpus_mb(corpus)
    done: dict[str, Result] = {}
    log(f"N={n}: floor, ingest")
    done["floor"] = floor = measure.run(probes.floor_cmd(corpus), timeout)
    rows = [row_of(floor, "floor: read + regex sentence split", n, rate(n, mb, floor.wall))]
    ingest = measure.run(probes.ingest_cmd(corpus), timeout)
    rows.append(row_of(ingest, "ingest (read_corpus)", n, rate(n, mb, ingest.wall)))
    log(f"N={n}: cold build")
    config = probes.write_config(scratch / f"n{n}", corpus)
    done["cold"] = cold = measure.run(probes.build_cmd(config, memo_date(n)), timeout)
    rows.append(_cold_row(cold, floor, n, mb))
    measure.run(probes.generate_cmd(corpus, add=100), timeout)
    log(f"N={n}: warm rebuild after +100 articles")
    warm = measure.run(probes.build_cmd(config, memo_date(n)), timeout)
    row = row_of(
        warm, "warm rebuild after +100 articles", f"{n}+100", f"{100 / warm.wall:,.0f} new art/s", "≤ 3 s"
    )
    rows.append(row if not warm.ok else _with(row, warm.wall <= 3))
    return rows, done


def _with(row: Row, ok: bool) -> Row:
    row.met = mark(ok)
    return row


def _cold_row(cold: Result, floor: Result, n: int, mb: float) -> Row:
    name = "cold build, 3 topics (md+pdf+json)"
    ratio = cold.wall / floor.wall if floor.ok and floor.wall else float("inf")
    target = f"≤ 10× floor (×{ratio:.1f})" if cold.ok else "≤ 10× floor"
    if n >= 10_000:
        target = f"≤ 60 s; {target}; ≤ 1.5 GB"
    row = row_of(cold, name, n, rate(n, mb, cold.wall), target)
    if not cold.ok:
        return row
    ok = ratio <= 10 and (n < 10_000 or (cold.wall <= 60 and cold.rss_mb <= 1536))
    return _with(row, ok)


def startup_rows(scratch: Path) -> list[Row]:
    log("briefgen --help and one memo on the sample corpus (median of 5 each)")
    helped = measure.median_of(probes.briefgen_cmd("--help"))
    rows = [
        _with(
            row_of(helped, "`briefgen --help` start-up (median of 5)", "—", "", "≤ 0.25 s"),
            helped.wall <= 0.25,
        )
    ]
    sample = probes.ROOT / "corpus"
    dates = [s.date for s in load_sources(sample) if s.date]
    date = max(dates) + dt.timedelta(days=1) if dates else dt.date.today()
    config = probes.write_config(scratch / "sample", sample)
    cmd = probes.memo_cmd(config, scratch / "sample" / "memo", date)
    n = len(list(sample.rglob("*.*")))
    first = measure.run(cmd, 120.0)  # fills the store that later runs reuse
    memo = measure.median_of(cmd)
    for result, name in (
        (first, "memo readmissions (md+pdf), sample corpus, whole process, first run (empty store)"),
        (memo, "memo readmissions (md+pdf), sample corpus, whole process, median of 5 (store filled)"),
    ):
        row = row_of(result, name, n, "", "≤ 1.5 s")
        rows.append(row if not result.ok else _with(row, result.wall <= 1.5))
    return rows


REAL_TEXT = probes.ROOT.parent / "shared" / "dev" / "polnear" / "dev"  # read at run time, never copied


def analysis_rows(timeout: float) -> list[Row]:
    """Segmentation and attribution per article, on real news of real length (PolNeAR dev when
    ``../shared`` is beside the project) and on the sample corpus."""
    rows = []
    for name, corpus in (("PolNeAR dev (real news)", REAL_TEXT), ("sample corpus", probes.ROOT / "corpus")):
        if not corpus.is_dir():
            continue
        log(f"analysis cost per article: {name}")
        result = measure.run(probes.analysis_cmd(corpus), timeout)
        if not result.ok:
            rows.append(row_of(result, f"analysis (split + attribute), {name}", "—"))
            continue
        n, words, ms, parsed = result.stdout.split()[-4:]
        label = f"analysis (split + attribute), {name}, {words} words/article, ms per article and core"
        rows.append(
            Row(label, n, ms, f"{int(parsed) / int(n):.1f} sentences parsed/article", f"{result.rss_mb:.0f}")
        )
    return rows


def lexrank_rows(sizes: list[int], limit: int, timeout: float) -> tuple[list[Row], dict[int, float]]:
    """LexRank at growing sizes until one exceeds ``timeout``; larger sizes are then not run."""
    rows, seconds, stopped = [], {}, None
    for n in sorted({*LEXRANK_LADDER, COMPARE_N, *sizes}):
        name = "sumy LexRank, all sentences → 12 (one topic)"
        if n > limit:
            rows.append(Row(name, str(n), f"not run (above --lexrank-max {limit})"))
            continue
        if stopped is not None:
            rows.append(Row(name, str(n), f"not run (stopped: N={stopped} exceeded {timeout:.0f} s)"))
            continue
        log(f"LexRank N={n} (time limit {timeout:.0f} s)")
        corpus = dataset(n)
        result = measure.run(probes.lexrank_cmd(corpus), timeout)
        if result.ok:
            seconds[n] = result.wall
            rows.append(row_of(result, name, n, rate(n, probes.corpus_mb(corpus), result.wall)))
            continue
        stopped = n
        row = row_of(result, name, n)
        row.met = ""
        if result.returncode == -9:
            row.wall = f"> {timeout:.0f} (stopped)"
            row.throughput = _extrapolated(seconds, n)
            seconds[n] = timeout  # a lower bound
        rows.append(row)
    return rows, seconds


def _extrapolated(seconds: dict[int, float], n: int) -> str:
    if not seconds:
        return ""
    last = max(seconds)
    return f"≈ {seconds[last] * (n / last) ** 2:,.0f} s extrapolated (quadratic from N={last})"


def compare_rows(scratch: Path, lexrank_seconds: dict[int, float], timeout: float) -> list[Row]:
    corpus = dataset(COMPARE_N)
    log(f"briefgen memo on {COMPARE_N} articles")
    config = probes.write_config(scratch / f"memo{COMPARE_N}", corpus)
    memo = measure.run(
        probes.memo_cmd(config, scratch / f"memo{COMPARE_N}" / "memo", memo_date(COMPARE_N)), timeout
    )
    name = "memo readmissions (md+pdf), whole process, vs LexRank"
    lex = lexrank_seconds.get(COMPARE_N)
    if not memo.ok or lex is None:
        return [row_of(memo, name, COMPARE_N, "LexRank not measured" if lex is None else "", "≥ 10× faster")]
    speedup = lex / memo.wall
    row = row_of(memo, name, COMPARE_N, f"≥ {speedup:,.0f}× faster than LexRank", "≥ 10× faster")
    return [_with(row, speedup >= 10)]


def growth_row(cold: dict[int, Result]) -> list[Row]:
    ok = sorted(n for n, r in cold.items() if r.ok)
    if len(ok) < 2:
        return []
    small, large = ok[0], ok[-1]
    time_ratio, size_ratio = cold[large].wall / cold[small].wall, large / small
    rss_ratio = cold[large].rss_mb / cold[small].rss_mb
    row = Row(
        "growth of cold build", f"{small}→{large}", f"×{time_ratio:.1f}",
        f"×{size_ratio:.0f} articles", f"×{rss_ratio:.1f}", "near-linear (time ≤ 1.5× size ratio)",
    )  # fmt: skip
    return [_with(row, time_ratio <= 1.5 * size_ratio)]


def table(rows: list[Row]) -> str:
    head = ["measurement", "N", "wall s", "throughput", "peak RSS MB", "target", "met?"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r.measurement, r.n, r.wall, r.throughput, r.rss, r.target, r.met]
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,5000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--lexrank-max", type=int, default=1000, help="largest N LexRank is tried on")
    parser.add_argument(
        "--lexrank-timeout", type=float, default=150.0, help="seconds before LexRank is stopped"
    )
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds before any other command is stopped"
    )
    parser.add_argument("--out", type=Path, default=probes.HERE / "results.md")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    try:
        rows = startup_rows(scratch) + analysis_rows(args.timeout)
        cold: dict[int, Result] = {}
        for n in sizes:
            size, done = size_rows(n, scratch, args.timeout)
            rows += size
            cold[n] = done["cold"]
        rows += growth_row(cold)
        lex_rows, lex_seconds = lexrank_rows(sizes, args.lexrank_max, args.lexrank_timeout)
        rows += lex_rows + compare_rows(scratch, lex_seconds, args.timeout)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    minutes = (time.perf_counter() - started) / 60
    report = (
        f"Machine: {measure.machine()}\n\n"
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M}, `python benchmarks/run.py --sizes {args.sizes} "
        f"--lexrank-max {args.lexrank_max}`, {minutes:.1f} min in all. Every figure is one fresh process "
        f"(start-up included).\n\n{table(rows)}\n"
    )
    print(report)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
