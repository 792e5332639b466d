"""``briefgen build`` and ``briefgen mail``: the unattended commands (cron, systemd timers)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from briefgen.cli import app, reports_errors
from briefgen.cli_commands import settings_for
from briefgen.cli_options import (
    ConfigOpt,
    CorpusOpt,
    DateOpt,
    ForceOpt,
    FormatOpt,
    OutOpt,
    QuietOpt,
    SinceOpt,
    TopicsOpt,
    split_list,
)
from briefgen.commands import memo_window, parse_date

if TYPE_CHECKING:
    from briefgen.commands.build import TopicResult


def _is_quiet(ctx: typer.Context, quiet: bool) -> bool:
    """Local ``--quiet`` or the global one; either way the stderr log shows errors only."""
    quiet = quiet or bool(ctx.find_root().params.get("quiet"))
    if quiet:
        for handler in logging.getLogger("briefgen").handlers:
            if type(handler) is logging.StreamHandler:
                handler.setLevel(logging.ERROR)
    return quiet


def topic_line(result: TopicResult) -> str:
    """``readmissions: 9 items (3 new) -> out/builds/2025-01-01/readmissions-2025-01-01.pdf``."""
    if result.kept_empty:
        return str(result.error)  # already "<topic>: the new memo has no items; kept ..."
    if result.error:
        return f"{result.topic}: failed, previous memo kept ({result.error})"
    if result.previous is None:
        news = ""
    elif result.nothing_new:
        news = f" (nothing new since {result.previous})"
    else:
        news = f" ({result.new} new)"
    shown = next((p for p in result.paths if p.suffix == ".pdf"), result.paths[0] if result.paths else None)
    items = f"{result.items} item{'' if result.items == 1 else 's'}"
    return f"{result.topic}: {items}{news} -> {shown}"


@contextmanager
def _reporter(quiet: bool, total: int) -> Iterator[Callable[[TopicResult], None]]:
    """A per-topic callback: prints the topic's line, advancing a progress bar on a terminal (with a
    second bar while new articles are analysed)."""
    if quiet:
        yield lambda result: None
        return
    if not sys.stderr.isatty():
        yield lambda result: typer.echo(topic_line(result))
        return
    from rich.console import Console
    from rich.progress import Progress

    from briefgen.progress import reporting

    with Progress(console=Console(stderr=True), transient=True) as bar:
        analysing = bar.add_task("analysing", total=None, visible=False)
        task = bar.add_task("building", total=total)

        def analysed(stage: str, done: int, count: int) -> None:
            bar.update(analysing, completed=done, total=count, visible=done < count)

        def advance(result: TopicResult) -> None:
            typer.echo(topic_line(result))
            bar.advance(task)

        with reporting(analysed):
            yield advance


@app.command()
@reports_errors
def build(
    ctx: typer.Context,
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    out: OutOpt = None,
    topics: TopicsOpt = None,
    format: FormatOpt = None,
    date: DateOpt = None,
    since: SinceOpt = None,
    force: ForceOpt = False,
    fetch: Annotated[bool, typer.Option("--fetch", help="Fetch the configured feeds first.")] = False,
    mail: Annotated[bool, typer.Option("--mail", help="Mail the PDFs once built.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Build every topic (or --topics) in every format into out/builds/<date>/; exit 1 if some failed."""
    from briefgen.commands.build import BuildRequest
    from briefgen.commands.build import build as run_build

    settings = settings_for(config, corpus, out)
    memo_date, since_date = memo_window(date, since)
    request = BuildRequest(
        memo_date, split_list(topics), split_list(format), since_date, fetch, mail, force=force
    )
    total = len(request.topics or settings.topics)
    with _reporter(_is_quiet(ctx, quiet), total) as progress:
        run_build(settings, request, progress)


@app.command("mail")
@reports_errors
def mail_command(
    ctx: typer.Context,
    config: ConfigOpt = None,
    out: OutOpt = None,
    topics: TopicsOpt = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Memo date YYYY-MM-DD (default: each topic's latest memo).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write out/mail/*.eml instead of sending.")
    ] = False,
    quiet: QuietOpt = False,
) -> None:
    """Mail each topic's latest PDF memo (or a date's), from memo or build, to the configured recipients."""
    from briefgen.commands.mail import MailRequest, mail

    settings = settings_for(config, out=out, needs=("output",))
    request = MailRequest(parse_date(date), split_list(topics), dry_run)
    report = mail(settings, request)
    if _is_quiet(ctx, quiet):
        return
    for path in report.eml:
        typer.echo(str(path))
    if not dry_run:
        typer.echo(f"mail: {report.sent} message(s) sent to {', '.join(settings.smtp.to)}")
