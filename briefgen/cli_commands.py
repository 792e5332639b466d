"""The commands: each parses its options, calls one library function and prints the result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from briefgen.cli import ConfigOpt, CorpusOpt, JsonOpt, app, print_json_lines, reports_errors
from briefgen.commands import parse_date
from briefgen.settings import Settings


def settings_for(config: Path | None, corpus: Path | None = None, out: Path | None = None) -> Settings:
    """Load the config (defaults when only --corpus is given and no config exists), apply overrides."""
    from dataclasses import replace

    from briefgen.config import discover, load_settings

    path = discover(config)
    if config is None and corpus is not None and not path.exists():
        settings = Settings(path=path, corpus=corpus, output=out or Path("out"))
    else:
        settings = load_settings(path)
    if corpus is not None:
        settings = replace(settings, corpus=corpus)
    if out is not None:  # the build store stays with the configured output
        from briefgen.commands.corpus import store_path

        settings = replace(settings, output=out, store=store_path(settings))
    return settings


@app.command()
@reports_errors
def memo(
    topic: Annotated[str, typer.Option("--topic", "-t", help="Topic name (see `briefgen topics`).")],
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder (overrides the config).")] = None,
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="Comma-separated formats: md,pdf,html,json.")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="Memo date YYYY-MM-DD (default today).")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")
    ] = None,
) -> None:
    """Build one topic's memo and print the paths written."""
    from briefgen.render.pdfproc import PdfProcess

    with PdfProcess(format is None or "pdf" in format) as pdf:  # first: WeasyPrint loads while we work
        from briefgen.commands.memo import MemoRequest, build_memo

        settings = settings_for(config, corpus, out)
        formats = tuple(f.strip() for f in format.split(",")) if format else settings.formats
        when, since_date = parse_date(date) or dt.date.today(), parse_date(since, "--since")
        for path in build_memo(settings, MemoRequest(topic, when, formats, since_date), pdf):
            typer.echo(str(path))


@app.command()
@reports_errors
def articles(
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    json: JsonOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show dropped lines and why.")] = False,
) -> None:
    """List the articles read, with inferred metadata and body sentences."""
    from briefgen.commands.corpus import analysed_corpus
    from briefgen.commands.listing import article_row

    rows = [article_row(a, explain) for a in analysed_corpus(settings_for(config, corpus))]
    if json:
        print_json_lines(rows)
        return
    from briefgen.tables import print_articles

    print_articles(rows, explain)


@app.command()
@reports_errors
def quotes(
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only sentences relevant to it.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only this speaker (any variant).")] = None,
    json: JsonOpt = False,
) -> None:
    """List attributed sentences: who said what, with role, cue and kind."""
    from briefgen.commands.corpus import analysed_corpus
    from briefgen.commands.listing import quote_rows

    settings = settings_for(config, corpus)
    articles = analysed_corpus(settings)
    rows = list(quote_rows(articles, speaker, aliases=settings.aliases))
    if topic is not None:
        from briefgen.commands.listing import on_topic

        rows = on_topic(rows, settings, topic, articles)
    if json:
        print_json_lines(rows)
        return
    from briefgen.tables import print_quotes

    print_quotes(rows)


@app.command()
@reports_errors
def topics(config: ConfigOpt = None) -> None:
    """List the configured topics with their scope."""
    settings = settings_for(config)
    for t in settings.topics:
        typer.echo(f"{t.name:<24} {t.title} — {t.scope}")


@app.command()
@reports_errors
def check(config: ConfigOpt = None) -> None:
    """Validate the config, corpus, templates and output folder without building anything."""
    from briefgen.commands.check import check as run_check

    for line in run_check(settings_for(config)):
        typer.echo(line)


@app.command()
@reports_errors
def explain(
    topic: Annotated[str, typer.Option("--topic", "-t", help="Topic name (see `briefgen topics`).")],
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    date: Annotated[str | None, typer.Option("--date", help="Memo date YYYY-MM-DD (default today).")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")
    ] = None,
    json: JsonOpt = False,
) -> None:
    """Show why each chosen and near-miss sentence is in or out of a topic's memo."""
    from briefgen.commands.listing import explain_rows

    settings = settings_for(config, corpus)
    memo_date = parse_date(date) or dt.date.today()
    rows = explain_rows(settings, topic, memo_date, parse_date(since, "--since"))
    if json:
        print_json_lines(rows)
        return
    from briefgen.tables import print_explain

    print_explain(rows)
