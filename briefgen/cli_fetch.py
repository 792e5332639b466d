"""``briefgen fetch``: download new feed items into the corpus folder as ``.md`` files."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from briefgen.cli import app, reports_errors
from briefgen.cli_commands import settings_for
from briefgen.cli_options import ConfigOpt, CorpusOpt

if TYPE_CHECKING:
    from briefgen.fetch import FetchReport

LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Write at most this many new files.")]


def _print(report: FetchReport, feeds: int) -> None:
    for path in report.new_files:
        typer.echo(str(path))
    typer.echo(
        f"fetched {len(report.new_files)} new, {report.skipped_seen} already seen, "
        f"{len(report.failures)} failed ({report.feeds_read}/{feeds} feeds read)"
    )


@app.command()
@reports_errors
def fetch(config: ConfigOpt = None, corpus: CorpusOpt = None, limit: LimitOpt = None) -> None:
    """Fetch new items from the configured RSS/Atom feeds into the corpus (one .md file per article);
    exit 1 if some feed or page failed."""
    from briefgen.commands.fetch import FetchFailed
    from briefgen.commands.fetch import fetch as run_fetch

    settings = settings_for(config, corpus, needs=("corpus",))
    try:
        report = run_fetch(settings, limit)
    except FetchFailed as exc:
        _print(exc.report, len(settings.feeds))
        raise
    _print(report, len(settings.feeds))
