"""The ``briefgen`` executable (and ``python -m briefgen``): interrupts handled from the first moment.

Before anything else is imported, Ctrl-C and SIGTERM are given one handler: the first raises
KeyboardInterrupt (the command cleans up: workers stopped, temporary files removed, lock released, and
says ``briefgen: interrupted``); a second one ends the process at once, silently, with status 130.
An interrupted command then leaves by ``os._exit``: Python's exit-time joins (a process pool's feeder
thread blocked writing a large task to a worker that is gone) can never hold it. Only the executable
does this; the library and ``briefgen.cli.app`` (CliRunner) leave signals alone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType

INTERRUPTED = 130
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _again(signum: int, frame: FrameType | None) -> None:
    """A second Ctrl-C or SIGTERM while the first is being handled: leave now."""
    os._exit(INTERRUPTED)


def _first(signum: int, frame: FrameType | None) -> None:
    for sig in SIGNALS:
        signal.signal(sig, _again)
    raise KeyboardInterrupt(f"signal {signum}")


def exit_now(status: int) -> None:
    """Flush what was written, then end the process without Python's exit-time joins."""
    import logging

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    logging.shutdown()
    os._exit(status)


def main() -> None:
    for sig in SIGNALS:
        signal.signal(sig, _first)
    try:
        from briefgen.cli import main as cli

        cli()
    except KeyboardInterrupt:  # before the command's own handling (while importing, parsing options)
        print("briefgen: interrupted", file=sys.stderr)
        exit_now(INTERRUPTED)
    except SystemExit as exc:
        if exc.code == INTERRUPTED:
            exit_now(INTERRUPTED)
        raise


if __name__ == "__main__":
    main()
