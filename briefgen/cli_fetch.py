"""``briefgen fetch``: download new feed items into the corpus folder as ``.md`` files."""

from __future__ import annotations

from typing import Annotated

import typer

from briefgen.cli import ConfigOpt, app, reports_errors
from briefgen.cli_commands import settings_for
from briefgen.errors import EXIT_PARTIAL

LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Write at most this many new files.")]


@app.command()
@reports_errors
def fetch(config: ConfigOpt = None, limit: LimitOpt = None) -> None:
    """Fetch new items from the configured RSS/Atom feeds into the corpus (one .md file per article)."""
    from briefgen.fetch import fetch_feeds

    settings = settings_for(config)
    report = fetch_feeds(settings, limit)
    for path in report.new_files:
        typer.echo(str(path))
    typer.echo(
        f"fetched {len(report.new_files)} new, {report.skipped_seen} already seen, "
        f"{len(report.failures)} failed ({report.feeds_read}/{len(settings.feeds)} feeds read)"
    )
    if report.feeds_read == 0:
        raise typer.Exit(EXIT_PARTIAL)
