"""The benchmark: one Markdown table (also written to benchmarks/results.md). See benchmarks/README.md.

python benchmarks/run.py [--sizes 1000,5000,10000] [--kinds distinct,recombined] [--corpus DIR]
                         [--lexrank-max 1000] [--lexrank-timeout 150]
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

import corpora
import measure
import probes
from corpora import Corpus
from corpusgen.sources import load_sources
from measure import Result

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


def row_of(result: Result, name: str, n: int | str, throughput: str = "", target: str = "") -> Row:
    if not result.ok:
        return Row(name, str(n), result.failure(), "", f"{result.rss_mb:.0f}", target, "no")
    return Row(name, str(n), f"{result.wall:.2f}", throughput, f"{result.rss_mb:.0f}", target)


def rate(n: int, mb: float, wall: float) -> str:
    per_s, mb_s = n / wall, mb / wall
    return f"{per_s:,.{0 if per_s >= 10 else 2}f} art/s, {mb_s:.{1 if mb_s >= 1 else 3}f} MB/s"


def mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def size_rows(corpus: Corpus, scratch: Path, timeout: float) -> tuple[list[Row], dict[str, Result]]:
    """Floor, ingest and a cold build on N articles, then the rebuild once the last 100 are added."""
    n, tag = corpus.n, f" [{corpus.label}]"
    folder, held = corpora.without_added(corpus, scratch)
    mb = probes.corpus_mb(folder)
    done: dict[str, Result] = {}
    log(f"N={n}{tag}: floor, ingest")
    done["floor"] = floor = measure.run(probes.floor_cmd(folder), timeout)
    rows = [row_of(floor, f"floor: read + regex sentence split{tag}", n, rate(n, mb, floor.wall))]
    ingest = measure.run(probes.ingest_cmd(folder), timeout)
    rows.append(row_of(ingest, f"ingest (read_corpus){tag}", n, rate(n, mb, ingest.wall)))
    log(f"N={n}{tag}: cold build")
    config = probes.write_config(scratch / f"{corpus.label}-{n}", folder)
    done["cold"] = cold = measure.run(probes.build_cmd(config, corpus.memo_date), timeout)
    rows.append(_cold_row(cold, floor, n, mb, tag))
    corpora.add_back(held)
    log(f"N={n}{tag}: warm rebuild after +{corpora.ADDED} articles")
    warm = measure.run(probes.build_cmd(config, corpus.memo_date), timeout)
    name = f"warm rebuild after +{corpora.ADDED} articles{tag}"
    row = row_of(warm, name, f"{n}+{corpora.ADDED}", f"{corpora.ADDED / warm.wall:,.0f} new art/s", "≤ 3 s")
    rows.append(row if not warm.ok else _with(row, warm.wall <= 3))
    return rows, done


def _with(row: Row, ok: bool) -> Row:
    row.met = mark(ok)
    return row


def _cold_row(cold: Result, floor: Result, n: int, mb: float, tag: str) -> Row:
    name = f"cold build, 3 topics (md+pdf+json){tag}"
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
        corpus = corpora.exact(n, log=log).folder
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
    given = corpora.exact(COMPARE_N, log=log)
    corpus = given.folder
    log(f"briefgen memo on {COMPARE_N} articles")
    config = probes.write_config(scratch / f"memo{COMPARE_N}", corpus)
    memo = measure.run(
        probes.memo_cmd(config, scratch / f"memo{COMPARE_N}" / "memo", given.memo_date), timeout
    )
    name = "memo readmissions (md+pdf), whole process, vs LexRank"
    lex = lexrank_seconds.get(COMPARE_N)
    if not memo.ok or lex is None:
        return [row_of(memo, name, COMPARE_N, "LexRank not measured" if lex is None else "", "≥ 10× faster")]
    speedup = lex / memo.wall
    row = row_of(memo, name, COMPARE_N, f"≥ {speedup:,.0f}× faster than LexRank", "≥ 10× faster")
    return [_with(row, speedup >= 10)]


def growth_row(cold: dict[int, Result], tag: str = "") -> list[Row]:
    ok = sorted(n for n, r in cold.items() if r.ok)
    if len(ok) < 2:
        return []
    small, large = ok[0], ok[-1]
    time_ratio, size_ratio = cold[large].wall / cold[small].wall, large / small
    rss_ratio = cold[large].rss_mb / cold[small].rss_mb
    row = Row(
        f"growth of cold build{tag}", f"{small}→{large}", f"×{time_ratio:.1f}",
        f"×{size_ratio:.0f} articles", f"×{rss_ratio:.1f}",
        "time ≤ 1.1× and memory ≤ 0.6× the size ratio (50k/10k: ≤ 5.5×, ≤ 3×)",
    )  # fmt: skip
    return [_with(row, time_ratio <= 1.1 * size_ratio and rss_ratio <= 0.6 * size_ratio)]


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
    parser.add_argument(
        "--kinds", default="distinct,recombined", help="generated corpora measured at every size"
    )
    parser.add_argument("--corpus", type=Path, help="also measure this folder (its last 100 files added)")
    parser.add_argument("--out", type=Path, default=probes.HERE / "results.md")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    try:
        rows = startup_rows(scratch) + analysis_rows(args.timeout)
        for kind in [k.strip() for k in args.kinds.split(",") if k.strip()]:
            cold: dict[int, Result] = {}
            for n in sizes:
                size, done = size_rows(corpora.generated(n, kind, log), scratch, args.timeout)
                rows += size
                cold[n] = done["cold"]
            rows += growth_row(cold, f" [{kind}]")
        if args.corpus is not None:
            rows += size_rows(corpora.given(args.corpus), scratch, args.timeout)[0]
        lex_rows, lex_seconds = lexrank_rows(sizes, args.lexrank_max, args.lexrank_timeout)
        rows += lex_rows + compare_rows(scratch, lex_seconds, args.timeout)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    minutes = (time.perf_counter() - started) / 60
    report = (
        f"Machine: {measure.machine()}\n\n"
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M}, `python benchmarks/run.py --sizes {args.sizes} "
        f"--kinds {args.kinds} "
        f"--lexrank-max {args.lexrank_max}`, {minutes:.1f} min in all. Every figure is one fresh process "
        f"(start-up included).\n\n{table(rows)}\n"
    )
    print(report)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
