"""The build lock: one holder, a clear refusal with the holder's pid, recovery after a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefgen.errors import EXIT_LOCKED, LockedError
from briefgen.lock import LOCK_NAME, BuildLock

ROOT = Path(__file__).parents[1]


def hold_lock_in_subprocess(folder: Path) -> subprocess.Popen[str]:
    """A child process that takes the lock, says so on stdout, then sleeps."""
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from briefgen.lock import BuildLock
        lock = BuildLock(Path({str(folder)!r}))
        lock.acquire()
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    return child


def test_lock_writes_the_pid_and_refuses_a_second_holder(tmp_path: Path) -> None:
    with BuildLock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
        with pytest.raises(LockedError) as caught:
            BuildLock(tmp_path).acquire()
    assert caught.value.exit_code == EXIT_LOCKED
    assert str(caught.value) == f"another build is running (pid {os.getpid()}); lock: {tmp_path / LOCK_NAME}"
    with BuildLock(tmp_path):  # released on exit
        pass


def test_lock_is_released_when_the_body_raises(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), BuildLock(tmp_path):
        raise KeyboardInterrupt
    BuildLock(tmp_path).acquire()


def test_lock_held_by_another_process_names_its_pid(tmp_path: Path) -> None:
    child = hold_lock_in_subprocess(tmp_path)
    try:
        with pytest.raises(LockedError, match=rf"\(pid {child.pid}\)"):
            BuildLock(tmp_path).acquire()
    finally:
        child.kill()
        child.wait()


def test_stale_lock_of_a_killed_process_is_recovered(tmp_path: Path) -> None:
    child = hold_lock_in_subprocess(tmp_path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert (tmp_path / LOCK_NAME).read_text().strip() == str(child.pid)  # the pid is left behind...
    started = time.monotonic()
    with BuildLock(tmp_path):  # ...but the kernel released the lock with the process
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
    assert time.monotonic() - started < 1


def test_unwritable_lock_folder_is_a_clear_error(tmp_path: Path) -> None:
    from briefgen.errors import OutputError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="file is a file, not a folder"):
        BuildLock(blocker / "out").acquire()
