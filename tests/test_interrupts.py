"""Issue 16, item 13: Ctrl-C and SIGTERM end a build at once, cleanly, whenever they come.

The stress test interrupts cold builds at random moments with a CPU hog beside them (see
``tests/interruptkit.py``). By default it makes 2 tries on 210 articles (enough for both worker pools),
starting no new try after 30 s (``BRIEFGEN_STRESS_SECONDS``), so a loaded machine makes it shorter,
not slower; ``BRIEFGEN_STRESS_TRIES=30 BRIEFGEN_STRESS_ARTICLES=3000 BRIEFGEN_STRESS_HOGS=2
BRIEFGEN_STRESS_SECONDS=0`` is the full run (``python -m tests.interruptkit`` prints each try).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import write_project
from tests.interruptkit import stress, wait_gone

ROOT = Path(__file__).parents[1]
TRIES = int(os.environ.get("BRIEFGEN_STRESS_TRIES", "2"))
ARTICLES = int(os.environ.get("BRIEFGEN_STRESS_ARTICLES", "210"))
HOGS = int(os.environ.get("BRIEFGEN_STRESS_HOGS", "1"))
BUDGET = float(os.environ.get("BRIEFGEN_STRESS_SECONDS", "30")) or None
LINUX = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


@LINUX
def test_interrupted_cold_builds_exit_130_at_once_leaving_nothing_behind(tmp_path: Path) -> None:
    duration, results = stress(tmp_path, ARTICLES, TRIES, HOGS, budget=BUDGET)
    report = [f"{r.how} at {r.after:.1f} of {duration:.1f} s: {'; '.join(r.problems)}" for r in results]
    assert not [r for r in results if r.problems], "\n".join(report)


def _wait_for_text(path: Path, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text() == text:
            return True
        time.sleep(0.05)
    return False


SLOW_BUILD = """
import sys, threading, time
from pathlib import Path
sys.path.insert(0, {root!r})
import briefgen.commands.build as build_mod
from briefgen.render.pdfproc import PdfProcess

def slow_render(self, memo, fmt):
    Path({marker!r}).write_text("rendering")
    time.sleep(60)

def hanging_close(self):
    Path({marker!r}).write_text("cleaning up")
    time.sleep(60)

build_mod.Renderer.start = slow_render
if {hang_cleanup!r}:
    PdfProcess.close = hanging_close
# stands for what Python joins at exit: a pool's feeder thread blocked writing a task nobody reads
threading.Thread(target=time.sleep, args=(60,)).start()
from briefgen.cli_main import main
sys.argv = ["briefgen", "build", "--config", {config!r}, "--date", "2025-01-02", "-f", "md"]
main()
"""


def _interrupt_slow_build(tmp_path: Path, hang_cleanup: bool) -> tuple[int, str, float]:
    """Ctrl-C once the build renders (and again once it cleans up, when that hangs): status, stderr,
    seconds from the first Ctrl-C to the exit; no process of the build may be left."""
    config, marker = write_project(tmp_path), tmp_path / "marker"
    script = SLOW_BUILD.format(
        root=str(ROOT), marker=str(marker), config=str(config), hang_cleanup=hang_cleanup
    )
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], stderr=subprocess.PIPE,
                             text=True, start_new_session=True)  # fmt: skip
    try:
        assert _wait_for_text(marker, "rendering", 60), "the build never reached its render"
        signalled = time.monotonic()
        os.killpg(child.pid, signal.SIGINT)
        if hang_cleanup:
            assert _wait_for_text(marker, "cleaning up", 10), "the first Ctrl-C did not start the cleanup"
            os.killpg(child.pid, signal.SIGINT)
        _, stderr = child.communicate(timeout=20)
    finally:
        child.kill()
        child.wait()
    took = time.monotonic() - signalled
    assert not wait_gone(child.pid, 5), "processes of the build left behind"
    return child.returncode, stderr, took


@LINUX
def test_an_interrupted_command_never_waits_for_exit_time_joins(tmp_path: Path) -> None:
    status, stderr, took = _interrupt_slow_build(tmp_path, hang_cleanup=False)
    assert status == 130 and stderr.strip().splitlines()[-1] == "briefgen: interrupted"
    assert took < 2


@LINUX
def test_a_second_ctrl_c_during_cleanup_ends_the_command_at_once_without_traceback(tmp_path: Path) -> None:
    status, stderr, took = _interrupt_slow_build(tmp_path, hang_cleanup=True)
    assert status == 130 and "Traceback" not in stderr and took < 10  # not the 60 s the hang would take
