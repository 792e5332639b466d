"""Interrupt a cold ``briefgen build`` at random moments, with a CPU hog beside it, and check each exit.

Each try empties the build store (a cold build: parse pool, analysis pool, selection, PDF worker), starts
``python -m briefgen build`` in its own session, waits a random time, then sends Ctrl-C (SIGINT to the
process group, as a terminal does), SIGTERM to the process, or Ctrl-C twice. It checks: exit status 130
within ``LIMIT`` seconds of the first signal, no traceback on stderr, no process of the session left,
the store passes SQLite's integrity check and the last good memo is byte for byte as it was.

    python -m tests.interruptkit --tries 30 --articles 3000 --hogs 2     # the full run (minutes)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[1]
DATE = "2026-02-25"
LIMIT = 2.0  # seconds from the first signal to the exit
HOW = ("ctrl-c", "sigterm", "ctrl-c twice")


@dataclass(frozen=True)
class Try:
    how: str
    after: float  # seconds from start to the first signal
    status: int | None  # exit status (None: still running after the limit)
    took: float  # seconds from the first signal to the exit
    problems: tuple[str, ...]


def make_project(root: Path, articles: int) -> Path:
    """A generated corpus of ``articles`` files and a config building every topic into ``root/out``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import write_articles

    write_articles(ROOT / "corpus", root / "corpus", seed=7, start=0, count=articles)
    text = (ROOT / "config" / "briefgen.yaml").read_text(encoding="utf-8")
    text = text.replace("corpus: ../corpus", "corpus: corpus").replace("output: ../out", "output: out")
    text = text.replace("templates: ../templates", f"templates: {ROOT / 'templates'}")
    config = root / "briefgen.yaml"
    config.write_text(text, encoding="utf-8")
    return config


def command(config: Path) -> list[str]:
    return [sys.executable, "-m", "briefgen", "build", "-c", str(config), "--date", DATE, "-f", "md,pdf,json"]


def good_build(config: Path) -> tuple[float, dict[str, bytes]]:
    """A complete cold build: its duration and the memo files it wrote (the "last good memo")."""
    started = time.monotonic()
    subprocess.run(command(config), check=True, capture_output=True, cwd=ROOT)
    return time.monotonic() - started, memo_files(config)


def memo_files(config: Path) -> dict[str, bytes]:
    folder = config.parent / "out" / "builds" / DATE
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def session_left(sid: int) -> list[int]:
    """Processes still in session ``sid`` (zombies of an exited parent are reaped by init: not counted)."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            left.append(int(stat.parent.name))
    return left


def wait_gone(sid: int, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := session_left(sid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def _signal(child: subprocess.Popen[str], how: str) -> None:
    if how == "sigterm":
        child.send_signal(signal.SIGTERM)
        return
    os.killpg(child.pid, signal.SIGINT)
    if how == "ctrl-c twice":
        time.sleep(random.uniform(0.05, 0.4))
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGINT)


def interrupt_once(config: Path, good: dict[str, bytes], after: float, how: str) -> Try | None:
    """One interrupted cold build; None when the build finished before the signal could be sent."""
    store = config.parent / "out" / "briefgen.sqlite"
    for path in store.parent.glob("briefgen.sqlite*"):
        path.unlink()
    child = subprocess.Popen(command(config), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)  # fmt: skip
    time.sleep(after)
    if child.poll() is not None:
        child.communicate()
        return None
    signalled = time.monotonic()
    _signal(child, how)
    try:
        _, stderr = child.communicate(timeout=LIMIT + 8)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        _, stderr = child.communicate()
    took = time.monotonic() - signalled
    problems = _check(child, stderr, took, config, good)
    return Try(how, after, child.returncode, took, tuple(problems))


def _check(
    child: subprocess.Popen[str], stderr: str, took: float, config: Path, good: dict[str, bytes]
) -> list[str]:
    problems = []
    if child.returncode != 130 or took > LIMIT:
        problems.append(f"exit {child.returncode} after {took:.2f} s")
    if "Traceback" in stderr or "Exception ignored" in stderr:
        problems.append("traceback: " + stderr.strip().splitlines()[-1][:200])
    if left := wait_gone(child.pid, LIMIT):
        problems.append(f"processes left: {left}")
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    store = config.parent / "out" / "briefgen.sqlite"
    if store.exists():
        with sqlite3.connect(store) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                problems.append("store corrupt")
    if memo_files(config) != good:
        problems.append("last good memo changed")
    return problems


@contextmanager
def cpu_hogs(count: int) -> Iterator[None]:
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


def stress(
    root: Path, articles: int, tries: int, hogs: int, seed: int = 16, budget: float | None = None
) -> tuple[float, list[Try]]:
    """``tries`` interrupted cold builds at random moments (fewer, but at least one, when ``budget``
    seconds have passed): the good build's duration and each try."""
    random.seed(seed)
    started = time.monotonic()
    config = make_project(root, articles)
    results: list[Try] = []
    with cpu_hogs(hogs):
        duration, good = good_build(config)
        while len(results) < tries and not (results and budget and time.monotonic() - started > budget):
            after = random.uniform(0.25, duration)  # not the first 0.25 s: Python's own start-up
            result = interrupt_once(config, good, after, HOW[len(results) % len(HOW)])
            if result is not None:
                results.append(result)
    return duration, results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tries", type=int, default=30)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--hogs", type=int, default=2, help="CPU-bound processes running beside the build")
    parser.add_argument("--root", type=Path, default=Path("/tmp/briefgen-interrupts"))
    args = parser.parse_args()
    shutil.rmtree(args.root, ignore_errors=True)
    duration, results = stress(args.root, args.articles, args.tries, args.hogs)
    print(f"cold build of {args.articles} articles with {args.hogs} CPU hog(s): {duration:.1f} s")
    for n, r in enumerate(results, 1):
        print(
            f"{n:2d} {r.how:<13} at {r.after:5.1f} s: exit {r.status} in {r.took:.2f} s {'; '.join(r.problems) or 'ok'}"
        )
    worst = max(r.took for r in results)
    failed = sum(bool(r.problems) for r in results)
    print(f"{failed} of {len(results)} failed; slowest exit {worst:.2f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
