"""One exception hierarchy for the library; ``cli.py`` alone turns it into a message and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_INTERNAL = 70  # a bug in briefgen (sysexits' EX_SOFTWARE)


class BriefgenError(Exception):
    """Base of every error briefgen reports to a user as one line."""

    exit_code = EXIT_USAGE


class ConfigError(BriefgenError):
    """The configuration file (or a template it names) is unusable."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line


class UsageError(BriefgenError):
    """A command-line value is wrong (unknown topic, bad date...)."""


class CorpusError(BriefgenError):
    """Nothing usable could be read from the corpus."""


class OutputError(BriefgenError):
    """A memo could not be written; the previous one is left in place."""


class RenderError(BriefgenError):
    """A template failed to render."""


class LockedError(BriefgenError):
    """Another build holds the lock."""

    exit_code = EXIT_LOCKED


class PartialBuildError(BriefgenError):
    """Some topics failed to build; the others were written."""

    exit_code = EXIT_PARTIAL


class MailError(BriefgenError):
    """A message could not be delivered."""

    exit_code = EXIT_PARTIAL


class EmptyMemoError(BriefgenError):
    """A memo with no items would replace one with items (``--force`` allows it); the old one is kept."""

    exit_code = EXIT_PARTIAL
