"""Worker pools: same results as in-process, lean workers, a broken pool falls back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen import analyse
from briefgen.analyse import analyse_article, analyse_many
from briefgen.models import Article
from briefgen.parallel import pool_map, workers

GROWN: list[int] = []  # grown by the parent after import: a forked worker would see it, a lean one not


def _grown(_: int) -> int:
    return len(GROWN)


def _die(_: int) -> int:
    os._exit(3)


def test_pool_map_keeps_order() -> None:
    assert pool_map(abs, [-3, 2, -1, 0], 2, chunksize=1) == [3, 2, 1, 0]


def test_workers_do_not_inherit_the_callers_memory() -> None:
    GROWN.extend(range(1000))
    try:
        assert pool_map(_grown, [0, 1], 2) == [0, 0]
    finally:
        GROWN.clear()


def test_a_worker_that_dies_means_no_pool() -> None:
    assert pool_map(_die, [1, 2], 2, what="test") is None


def test_workers_are_bounded() -> None:
    assert workers(1) == 1
    assert 1 <= workers(64) <= (os.cpu_count() or 1)


def _record_and_wait(folder: str) -> None:
    Path(folder, str(os.getpid())).touch()
    time.sleep(60)


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _wait_for(check: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", ["kill -9 the caller", "Ctrl-C the process group"])
def test_no_worker_outlives_an_interrupted_or_killed_caller(tmp_path: Path, how: str) -> None:
    script = (
        "from tests.test_parallel import _record_and_wait\n"
        "from briefgen.parallel import pool_map\n"
        f"pool_map(_record_and_wait, [{str(tmp_path)!r}] * 2, 2)\n"
    )
    root = Path(__file__).parent.parent
    caller = subprocess.Popen([sys.executable, "-c", script], cwd=root, start_new_session=True)
    try:
        assert _wait_for(lambda: len(list(tmp_path.iterdir())) == 2, 30), "workers did not start"
        if how.startswith("kill"):
            caller.kill()
        else:
            os.killpg(caller.pid, signal.SIGINT)
        caller.wait(10)
        pids = [int(p.name) for p in tmp_path.iterdir()]
        assert _wait_for(lambda: all(_gone(pid) for pid in pids), 10), f"workers {pids} still running"
    finally:
        caller.kill()
        caller.wait()


def _article(n: int) -> Article:
    body = f"Officials said talks number {n} would resume.\n\n“We agree,” Nuñez said on day {n}."
    return Article(f"a{n}", f"a{n}.txt", f"Title {n}", "Wire", None, None, "en", body)


def test_analysis_in_parallel_matches_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [_article(n) for n in range(40)]
    monkeypatch.setattr(analyse, "PARALLEL_FROM", 4)
    monkeypatch.setattr(analyse, "workers", lambda limit: 2)
    assert analyse_many(articles) == tuple(analyse_article(a) for a in articles)
