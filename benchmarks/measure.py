"""Run one command as a child process: wall time, peak resident memory of its process tree, the machine.

Peak RSS is the larger of the child's own ``ru_maxrss`` (from ``os.wait4``, which also covers the
grandchildren it waited for) and the peak of the summed RSS of the whole tree, sampled every 20 ms from
/proc (catches parallel workers alive at the same time).
"""

from __future__ import annotations

import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Result:
    wall: float
    rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def failure(self) -> str:
        """``n/a (command failed: <last stderr line>)`` for the table."""
        if self.returncode == -signal.SIGKILL:
            return "n/a (stopped: time limit)"
        lines = [ln.strip() for ln in self.stderr.splitlines() if ln.strip()]
        last = lines[-1] if lines else f"exit status {self.returncode}"
        return f"n/a (command failed: {last[:120]})".replace("|", "/")


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (scanning /proc; no psutil needed)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier.extend(kids)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, _tree_rss(self.pid))


def run(cmd: Sequence[str], timeout: float = 600.0, cwd: Path | None = None) -> Result:
    """Run ``cmd``; on timeout its whole process group is killed (returncode -9)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        sampler = _Sampler(proc.pid)
        sampler.start()
        killer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        killer.cancel()
        sampler.stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = max(usage.ru_maxrss * 1024, sampler.peak) / 2**20
        return Result(wall, rss, proc.returncode, out.read().decode(errors="replace"), err.read().decode())


def median_of(cmd: Sequence[str], times: int = 5, timeout: float = 120.0) -> Result:
    """The run with the median wall time of ``times`` runs (the first failure is returned at once)."""
    results = []
    for _ in range(times):
        result = run(cmd, timeout)
        if not result.ok:
            return result
        results.append(result)
    middle = statistics.median_low(r.wall for r in results)
    return next(r for r in results if r.wall == middle)


def _cpuinfo() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown CPU"
    model = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return model[1].strip() if model else platform.processor() or "unknown CPU"


def _memory_gb() -> float:
    try:
        kb = re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.M)
        return int(kb[1]) / 2**20 if kb else 0.0
    except OSError:
        return 0.0


def machine() -> str:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{_cpuinfo()}, {usable} usable cores ({os.cpu_count()} online), {_memory_gb():.1f} GB RAM; "
        f"Python {platform.python_version()} ({sys.implementation.name}); {platform.platform()}"
    )
