"""Ingest cost per article and sentence-splitting speed, in-process (see benchmarks/README.md).

python benchmarks/ingest_split.py [--n 1000] [--repeat 3]

Prints one Markdown row per measurement: the best of ``--repeat`` runs, as wall time and as CPU time of
this process (the CPU figure is the steadier one on a shared machine), and beside each the same work's
ratio to a floor measured in the same run (the bare regex split ``(?<=[.!?])\\s+`` of the same bodies),
which carries over between a busy machine and an idle one. The corpus is the seed-1 archive of
``generate.py`` (``benchmarks/data/n<N>``, generated when missing).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import probes

from briefgen.ingest import IngestOptions, read_file
from briefgen.models import Article
from briefgen.segment import split_sentences

FLOOR = re.compile(r"(?<=[.!?])\s+")


def best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The shortest wall and CPU time of ``repeat`` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def corpus(n: int) -> Path:
    folder = probes.HERE / "data" / f"n{n}"
    if not folder.exists() or sum(1 for _ in folder.rglob("article-*")) != n:
        subprocess.run(probes.generate_cmd(folder, n=n), check=True)
    return folder


def parse_serially(files: list[Path]) -> list[Article]:
    """Every file parsed in this process, one after another: the per-article cost without workers."""
    options = IngestOptions()
    return [a for path in files for a in read_file(path, path.stem, options)[0]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    files = sorted(p for p in corpus(args.n).rglob("*") if p.is_file())
    articles = parse_serially(files)  # also warms the imports and caches
    bodies = [a.body for a in articles]
    mb = sum(len(b.encode()) for b in bodies) / 1e6
    floor = best(lambda: [FLOOR.split(b) for b in bodies], args.repeat)
    ingest = best(lambda: parse_serially(files), args.repeat)
    split = best(lambda: [split_sentences(a) for a in articles], args.repeat)
    print("| measurement | N | wall | CPU | × floor (CPU) |")
    print("|---|---|---|---|---|")
    print(f"| floor: regex split of the bodies ({mb:.1f} MB) | {args.n} | {mb / floor[0]:.1f} MB/s "
          f"| {mb / floor[1]:.1f} MB/s | 1 |")  # fmt: skip
    print(f"| ingest (read_file, serial), per article | {args.n} | {ingest[0] / args.n * 1e3:.2f} ms "
          f"| {ingest[1] / args.n * 1e3:.2f} ms | {ingest[1] / floor[1]:.1f} |")  # fmt: skip
    print(f"| sentence splitting of the bodies | {args.n} | {mb / split[0]:.1f} MB/s "
          f"| {mb / split[1]:.1f} MB/s | {split[1] / floor[1]:.1f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
