"""``briefgen check``: validate config, corpus, templates and output folder without building."""

from __future__ import annotations

import tempfile
from pathlib import Path

from briefgen.commands import ingest_options
from briefgen.errors import ConfigError, CorpusError, OutputError
from briefgen.ingest import read_corpus
from briefgen.output import make_folder
from briefgen.render import Renderer
from briefgen.settings import Settings


def check_output(folder: Path) -> None:
    """Raise OutputError unless a file can be created in ``folder`` (created if missing)."""
    make_folder(folder)
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefgen-check-"):
            pass
    except OSError as exc:
        raise OutputError(f"{folder}: output folder is not writable ({exc.strerror or exc})") from None


def check(settings: Settings) -> list[str]:
    """One line per check that passed; the first failure raises a BriefgenError."""
    lines = [f"config: {settings.path}: {len(settings.topics)} topic(s)"]
    if not settings.corpus.is_dir():
        raise ConfigError(f"corpus folder does not exist: {settings.corpus}", str(settings.path))
    result = read_corpus(settings.corpus, ingest_options(settings))  # logs each skipped file once
    if not result.articles:
        raise CorpusError(f"{settings.corpus}: no usable articles ({len(result.skipped)} file(s) skipped)")
    found = f"{len(result.articles)} article(s), {len(result.skipped)} skipped"
    lines.append(f"corpus: {settings.corpus}: {found}")
    Renderer(settings.templates).check()
    lines.append(f"templates: {settings.templates or 'built-in'}: ok")
    check_output(settings.output)
    lines.append(f"output: {settings.output}: writable")
    return lines
