"""Typed configuration: what ``config/briefgen.yaml`` may hold. Each option has a docstring.

The loader (``config.py``) builds these from YAML and validates types, unknown keys and lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = ("md", "pdf", "html", "json")
SECURITY = ("none", "starttls", "ssl")


def one_of(default: Any, choices: tuple[str, ...]) -> Any:
    """A field whose value (or each value of a list) must be one of ``choices``; checked at load."""
    return field(default=default, metadata={"choices": choices})


def at_least(default: float, low: float, high: float | None = None, above: bool = False) -> Any:
    """A number field in ``[low, high]`` (``(low, high]`` when ``above``); checked at load."""
    return field(default=default, metadata={"low": low, "high": high, "above": above})


@dataclass(frozen=True)
class Header:
    organisation: str = "Policy Analysis Unit"
    """Organisation named at the top of every memo."""
    to: str = "Desk officers"
    """The TO line."""
    from_: str = "briefgen"
    """The FROM line (YAML key ``from``)."""
    classification: str = "UNCLASSIFIED // FOR OFFICIAL USE"
    """Handling banner printed at the top and bottom of every page."""


@dataclass(frozen=True)
class Topic:
    name: str
    """Slug used on the command line and in file names (``readmissions``)."""
    title: str
    """Human title: the memo's SUBJECT."""
    scope: str
    """One line saying what the topic covers."""
    include: tuple[str, ...]
    """Terms and phrases that make a sentence relevant (matched on word forms, accent/case-insensitive)."""
    exclude: tuple[str, ...] = ()
    """Terms that push a sentence out of the topic."""
    budget: int = at_least(12, 1)
    """Maximum number of memo items (bottom line, statements and context together)."""
    context: tuple[str, ...] = ()
    """Places, actors or terms of which an article must mention at least one (title or body) for its
    sentences to count for this topic; empty: no such condition. Keeps look-alikes out (hospital
    readmissions, a security pact elsewhere)."""
    max_single_source_per_article: int | None = None
    """Single-source items one article may contribute: a memo is not one article's story. Unset: a fair
    share, the budget over the number of articles with topic sentences (rounded up, at least 2); 0: no
    limit."""
    yield_to_other_topics: bool = True
    """A sentence more relevant to another configured topic, and not clearly about this one, is left to
    that topic (a topic that would otherwise come out empty keeps such sentences)."""


@dataclass(frozen=True)
class Smtp:
    host: str = "localhost"
    """SMTP server host name."""
    port: int = at_least(25, 1, 65535)
    """SMTP port (587 for STARTTLS, 465 for SSL)."""
    security: str = one_of("none", SECURITY)
    """``none``, ``starttls`` or ``ssl``."""
    user: str | None = None
    """Login name, when the server needs one."""
    password_env: str | None = None
    """Name of the environment variable holding the password (never the password itself)."""
    sender: str = "briefgen@localhost"
    """The From address (YAML key ``from``)."""
    to: tuple[str, ...] = ()
    """Recipients."""
    cc: tuple[str, ...] = ()
    """Copy recipients."""
    digest: bool = False
    """One message with every topic's PDF instead of one message per topic."""
    timeout: float = at_least(30.0, 0, above=True)
    """Seconds to wait for the server."""


@dataclass(frozen=True)
class Settings:
    path: Path
    """The configuration file these settings came from."""
    corpus: Path
    """Folder of articles (read recursively); relative paths resolve against the config file."""
    output: Path
    """Folder the memos are written to."""
    header: Header = field(default_factory=Header)
    """Memo header block."""
    topics: tuple[Topic, ...] = ()
    """Configured topics."""
    formats: tuple[str, ...] = one_of(("md", "pdf"), FORMATS)
    """Formats written by default: any of md, pdf, html, json."""
    templates: Path | None = None
    """Folder of user templates; files there override the built-in ones of the same name."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Speaker aliases: variant -> canonical name (``"Retailleau": "Bruno Retailleau"``)."""
    clutter: tuple[str, ...] = ()
    """Extra clutter phrases (lines equal to or starting with these are dropped), added to the built-ins."""
    feeds: tuple[str, ...] = ()
    """RSS/Atom feed URLs or files for ``briefgen fetch``."""
    store: Path | None = None
    """SQLite cache of parses and analyses, used by every command that reads the corpus (default
    ``<output>/briefgen.sqlite``)."""
    max_file_mb: float = at_least(20.0, 0, above=True)
    """Files larger than this are skipped with a warning."""
    smtp: Smtp = field(default_factory=Smtp)
    """Mail delivery settings."""

    def topic(self, name: str) -> Topic:
        for t in self.topics:
            if t.name == name:
                return t
        raise KeyError(name)
