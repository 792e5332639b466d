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
from briefgen.parallel import ForkedWorker, WorkerGone, pool_map, workers
from briefgen.render import Renderer
from briefgen.render.pdfproc import PdfProcess
from briefgen.render.sample import sample_memo

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


_AS_FROM_A_TERMINAL = (  # the caller takes Ctrl-C as a terminal's process does, whatever the test
    "import signal\n"  # runner's own signal mask and dispositions (which a child inherits) are
    "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "from tests.test_parallel import _record_and_wait\n"
)


def _signal_state(pid: int) -> str:
    """A process's blocked and ignored signals, from /proc, for a failure message."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return "gone"
    return ", ".join(line for line in lines if line.startswith(("State", "SigBlk", "SigIgn")))


CALLERS = {  # (script, number of workers)
    "a pool": ("from briefgen.parallel import pool_map\npool_map(_record_and_wait, [{folder!r}] * 2, 2)", 2),
    "a forked worker": (
        "from briefgen.parallel import ForkedWorker\n"
        "ForkedWorker(lambda: None).call(_record_and_wait, {folder!r})",
        1,
    ),
}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", ["kill -9 the caller", "Ctrl-C the process group"])
@pytest.mark.parametrize("caller_kind", list(CALLERS))
def test_no_worker_outlives_an_interrupted_or_killed_caller(
    tmp_path: Path, how: str, caller_kind: str
) -> None:
    body, count = CALLERS[caller_kind]
    script = _AS_FROM_A_TERMINAL + body.format(folder=str(tmp_path))
    root = Path(__file__).parent.parent
    caller = subprocess.Popen([sys.executable, "-c", script], cwd=root, start_new_session=True)
    try:
        assert _wait_for(lambda: len(list(tmp_path.iterdir())) == count, 30), "workers did not start"
        if how.startswith("kill"):
            caller.kill()
        else:
            os.killpg(caller.pid, signal.SIGINT)
        try:
            caller.wait(30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the caller did not exit ({_signal_state(caller.pid)})")
        pids = [int(p.name) for p in tmp_path.iterdir()]
        assert _wait_for(lambda: all(_gone(pid) for pid in pids), 30), f"workers {pids} still running"
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


def _fail(message: str) -> None:
    raise ValueError(message)


def test_forked_worker_calls_raises_and_reports_its_death() -> None:
    worker = ForkedWorker(lambda: None)
    try:
        assert worker.call(pow, 2, 10) == 1024
        with pytest.raises(ValueError, match="bad input"):
            worker.call(_fail, "bad input")
        with pytest.raises(WorkerGone):
            worker.call(_die, 0)
    finally:
        worker.close()


def test_forked_worker_exits_when_closed() -> None:
    worker = ForkedWorker(lambda: None)
    pid = worker.call(os.getpid)
    assert pid != os.getpid()
    worker.close()
    assert _wait_for(lambda: _gone(pid), 5)


def test_pdf_process_gives_the_same_bytes_and_survives_its_worker() -> None:
    memo = sample_memo()
    expected = Renderer().render(memo, "pdf")
    with PdfProcess() as pdf:
        assert Renderer(pdf=pdf).render(memo, "pdf") == expected
        assert pdf._worker is not None, "no PDF worker forked (another thread running?)"
        os.kill(pdf._worker.call(os.getpid), signal.SIGKILL)
        assert Renderer(pdf=pdf).render(memo, "pdf") == expected  # rendered in-process instead
