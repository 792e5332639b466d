"""The commands: each parses its options, calls one library function and prints the result."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefgen.cli import app, global_config, print_json_lines, reports_errors
from briefgen.cli_options import (
    ConfigOpt,
    CorpusOpt,
    DateOpt,
    ForceOpt,
    FormatOpt,
    JsonOpt,
    OutOpt,
    SinceOpt,
    TopicOpt,
    split_list,
)
from briefgen.commands import memo_window
from briefgen.settings import Settings

BOTH = ("corpus", "output")


def settings_for(
    config: Path | None, corpus: Path | None = None, out: Path | None = None, needs: tuple[str, ...] = BOTH
) -> Settings:
    """Load the config (``-c`` after or before the command), with ``--corpus``/``--out`` applied.

    Without any config file, ``--corpus`` alone is enough: defaults for everything else.
    """
    from briefgen.config import discover, load_settings

    explicit = config or global_config()
    path = discover(explicit)
    if explicit is None and corpus is not None and not path.exists():
        return Settings(path=path, corpus=corpus, output=out or Path("out"))
    given = {key: value for key, value in (("corpus", corpus), ("output", out)) if value is not None}
    return load_settings(path, given, needs)


@app.command()
@reports_errors
def memo(
    topic: TopicOpt,
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    out: OutOpt = None,
    format: FormatOpt = None,
    date: DateOpt = None,
    since: SinceOpt = None,
    force: ForceOpt = False,
) -> None:
    """Build one topic's memo and print the paths written."""
    from briefgen.render.pdfproc import PdfProcess

    with PdfProcess(format is None or "pdf" in format) as pdf:  # first: WeasyPrint loads while we work
        from briefgen.commands.memo import MemoRequest, build_memo

        settings = settings_for(config, corpus, out)
        formats = split_list(format) or settings.formats
        when, since_date = memo_window(date, since)
        request = MemoRequest(topic, when, formats, since_date, force)
        for path in build_memo(settings, request, pdf):
            typer.echo(str(path))


@app.command()
@reports_errors
def articles(
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    out: OutOpt = None,
    json: JsonOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show dropped lines and why.")] = False,
) -> None:
    """List the articles read, with inferred metadata and body sentences."""
    from briefgen.commands.corpus import analysed_corpus
    from briefgen.commands.listing import article_row

    rows = [article_row(a, explain) for a in analysed_corpus(settings_for(config, corpus, out))]
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
    out: OutOpt = None,
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only sentences relevant to it.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only this speaker (any variant).")] = None,
    json: JsonOpt = False,
) -> None:
    """List attributed sentences: who said what, with role, cue and kind."""
    from briefgen.commands.corpus import analysed_corpus
    from briefgen.commands.listing import quote_rows

    settings = settings_for(config, corpus, out)
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
    settings = settings_for(config, needs=())
    for t in settings.topics:
        typer.echo(f"{t.name:<24} {t.title} — {t.scope}")


@app.command()
@reports_errors
def check(config: ConfigOpt = None, corpus: CorpusOpt = None, out: OutOpt = None) -> None:
    """Validate the config, corpus, templates and output folder without building anything."""
    from briefgen.commands.check import check as run_check

    for line in run_check(settings_for(config, corpus, out)):
        typer.echo(line)


@app.command()
@reports_errors
def explain(
    topic: TopicOpt,
    config: ConfigOpt = None,
    corpus: CorpusOpt = None,
    out: OutOpt = None,
    date: DateOpt = None,
    since: SinceOpt = None,
    json: JsonOpt = False,
) -> None:
    """Show why each chosen and near-miss sentence is in or out of a topic's memo."""
    from briefgen.commands.listing import explain_rows

    settings = settings_for(config, corpus, out)
    rows = explain_rows(settings, topic, *memo_window(date, since))
    if json:
        print_json_lines(rows)
        return
    from briefgen.tables import print_explain

    print_explain(rows)
