"""Work in other processes: a function mapped over many jobs on every core, or one forked helper.

Workers are started from a fork server (where the platform has one), not forked from the calling process:
a build that has already read ten thousand articles would otherwise hand each worker a copy-on-write
image of all of them, and the pages the workers touch (reference counts, the garbage collector) would be
copied for real. ``ForkedWorker`` is the other case: one process forked early, while the caller is
still small, to do slow work (importing WeasyPrint) beside it. Every worker ignores Ctrl-C (its caller
stops it), dies quietly on SIGTERM and exits by itself when its caller dies; it is started with both
signals blocked, so one arriving before its handlers are set waits for them instead of raising a
KeyboardInterrupt (and a traceback) in the new process. Library code; logs, never prints.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

PRELOAD = ["briefgen.analyse"]  # imported once in the fork server, not again in every worker
_STOP = {signal.SIGINT, signal.SIGTERM}


def workers(limit: int) -> int:
    """How many worker processes to use: the cores this process may run on, at most ``limit``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, limit))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back (not lost) while a process is started: it inherits them blocked."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _context() -> BaseContext:
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context()
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    with _signals_held():  # the fork server, and so every worker it forks, starts with them blocked
        forkserver.ensure_running()
    return context


def _watch(parent: int) -> None:
    """In a worker: ignore Ctrl-C (the caller stops the pool), die quietly on SIGTERM (the caller's
    ``terminate``), then take the signals held since the fork; exit as soon as the caller is gone.

    Without this a worker whose caller was killed (``kill -9``, OOM killer) waits on its queue forever.
    """
    import select
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)
    try:
        handle = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd (not Linux, old kernel): leave it to the caller
        return

    def wait_for_exit() -> None:
        select.select([handle], [], [])
        os._exit(1)

    threading.Thread(target=wait_for_exit, daemon=True).start()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end every worker now (an interrupted caller must not wait for them).

    The task queue's feeder thread may be blocked writing a large task to a worker now gone; nothing
    may wait for it, neither the pool's shutdown nor Python's exit (``cancel_join_thread``)."""
    running = list((getattr(pool, "_processes", None) or {}).values())  # shutdown() forgets them
    calls = getattr(pool, "_call_queue", None)
    if calls is not None:
        calls.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in running:
        process.terminate()


def pool_map(
    fn: Callable[[T], R],
    jobs: Sequence[T],
    processes: int,
    chunksize: int = 1,
    what: str = "work",
    done: Callable[[int], None] | None = None,
) -> list[R] | None:
    """``[fn(job) for job in jobs]`` on ``processes`` workers, in order; None when no pool can start.
    ``done`` is told how many jobs have finished, in order, as they do.

    On any interruption (Ctrl-C, SIGTERM turned into KeyboardInterrupt, an error) the workers are
    terminated before the exception goes on, so nothing is left running or waiting.
    """
    from concurrent.futures import ProcessPoolExecutor  # imported here: start-up stays fast
    from concurrent.futures.process import BrokenProcessPool

    try:
        pool = ProcessPoolExecutor(processes, _context(), _watch, (os.getpid(),))
    except (OSError, ValueError) as exc:
        log.info("parallel %s unavailable (%s); running in-process", what, exc)
        return None
    try:
        results = []
        for result in pool.map(fn, jobs, chunksize=chunksize):
            results.append(result)
            if done is not None:
                done(len(results))
    except (BrokenProcessPool, OSError) as exc:
        log.info("parallel %s failed (%s); running in-process", what, exc)
        _stop(pool)
        return None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return results


class WorkerGone(Exception):
    """The forked worker died or could not be reached."""


def _serve(conn: Connection, parent: int, warm_up: Callable[[], object]) -> None:
    _watch(parent)
    warm_up()
    while True:
        try:
            fn, args = conn.recv()
        except EOFError:  # closed by the caller; exit without flushing stdio buffers copied at fork
            os._exit(0)
        try:
            conn.send((True, fn(*args)))
        except Exception as exc:  # sent back and raised in the caller
            conn.send((False, exc))


class ForkedWorker:
    """One worker process, forked now and at once running ``warm_up`` (say, a slow import).

    Fork it early, while the calling process is small and has no other thread: a fork is then a
    matter of milliseconds. ``call`` runs a function there; ``close`` ends it.
    """

    def __init__(self, warm_up: Callable[[], object]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, os.getpid(), warm_up), daemon=True)
        with _signals_held():
            self._process.start()
        theirs.close()

    @staticmethod
    def possible() -> bool:
        import multiprocessing
        import threading

        return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1

    def call(self, fn: Callable[..., R], *args: object) -> R:
        """``fn(*args)`` in the worker; its exception is raised here; WorkerGone if the worker died."""
        self.send(fn, *args)
        return self.receive()

    def send(self, fn: Callable[..., R], *args: object) -> None:
        """Start ``fn(*args)`` in the worker and return at once; ``receive`` gives its result (one call
        at a time: receive before the next send)."""
        try:
            self._conn.send((fn, args))
        except (EOFError, OSError) as exc:
            raise WorkerGone(str(exc) or type(exc).__name__) from None

    def receive(self) -> Any:
        """The result of the call sent last; its exception is raised here; WorkerGone if the worker died."""
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerGone(str(exc) or type(exc).__name__) from None
        if not ok:
            raise value
        return value

    def close(self) -> None:
        self._conn.close()
        self._process.terminate()
        self._process.join(5)
