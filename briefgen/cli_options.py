"""The command-line options, defined once: every command that takes one takes it under the same names.

A command that reads the corpus takes ``--config``, ``--corpus`` and ``--out`` (the store lives with the
output); one that writes memos takes ``--format``, ``--date``, ``--since`` and ``--force`` as well. A
value given here overrides the config, and need not be in the config at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

_CONFIG_HELP = "Config file (default: $BRIEFGEN_CONFIG or ./config/briefgen.yaml)."
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help=_CONFIG_HELP)]
CorpusOpt = Annotated[Path | None, typer.Option("--corpus", help="Corpus folder (overrides the config).")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Output folder (overrides the config).")]
FormatOpt = Annotated[
    str | None, typer.Option("--format", "-f", help="Comma-separated formats: md,pdf,html,json.")
]
DateOpt = Annotated[str | None, typer.Option("--date", help="Memo date YYYY-MM-DD (default today).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")]
TopicOpt = Annotated[str, typer.Option("--topic", "-t", help="Topic name (see `briefgen topics`).")]
TopicsOpt = Annotated[
    str | None,
    typer.Option("--topics", "--topic", "-t", help="Comma-separated topic names (default: every topic)."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Let a memo with no items replace one with items.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON Lines output.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors (for cron).")]


def split_list(text: str | None) -> tuple[str, ...]:
    """``"md, pdf"`` -> ``("md", "pdf")``; None or blank -> ``()``."""
    return tuple(t.strip() for t in text.split(",") if t.strip()) if text else ()
