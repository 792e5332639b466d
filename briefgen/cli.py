"""The command line: parse options, call the library, turn BriefgenError into one line and an exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from briefgen import __version__
from briefgen.cli_options import ConfigOpt
from briefgen.errors import EXIT_INTERNAL, EXIT_USAGE, BriefgenError

_click = sys.modules[
    typer.BadParameter.__module__
]  # click's exceptions, as typer runs it (own copy since 0.2x)
_ABORT: tuple[type[BaseException], ...] = tuple(
    a for a in (typer.Abort, getattr(_click, "Abort", None)) if isinstance(a, type)
)  # typer's Abort, and click's where typer's copy of click still has one


class OneLineErrors(TyperGroup):
    """Click's own usage errors (unknown option, missing value...) as one line, like every other error."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        try:
            status = super().main(*args, **kwargs)
        except _click.NoArgsIsHelpError as exc:
            exc.show()
            status = exc.exit_code
        except _click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            typer.echo(f"briefgen: error: {exc.format_message().rstrip('.')}{where}", err=True)
            status = exc.exit_code
        except _click.ClickException as exc:
            typer.echo(f"briefgen: error: {exc.format_message()}", err=True)
            status = exc.exit_code
        except _ABORT:
            typer.echo("briefgen: interrupted", err=True)
            status = 130
        if not standalone:
            return status
        sys.exit(status if isinstance(status, int) else 0)


app = typer.Typer(
    cls=OneLineErrors,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Extractive, cited policy memos (Markdown + PDF) from a folder of news articles.",
)
log = logging.getLogger("briefgen")
F = TypeVar("F", bound=Callable[..., Any])
_GLOBAL_CONFIG: ContextVar[Path | None] = ContextVar("briefgen_global_config", default=None)


def reports_errors(func: F) -> F:
    """Convert library errors (and interrupts) into one line on stderr and an exit status."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BriefgenError as exc:
            typer.echo(f"briefgen: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("briefgen: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise  # `briefgen quotes | head`: handled quietly in main()
        except OSError as exc:
            typer.echo(f"briefgen: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as exc:  # a bug: one line for the user, the traceback for the log
            where = "traceback in the log file" if _log_traceback() else "--log-file FILE keeps the traceback"
            typer.echo(f"briefgen: internal error ({type(exc).__name__}: {exc}); {where}", err=True)
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def _log_traceback() -> bool:
    """Write the exception being handled, with its traceback, to the log files only; any were there?"""
    files = [h for h in log.handlers if isinstance(h, logging.FileHandler)]
    record = log.makeRecord(log.name, logging.ERROR, __file__, 0, "internal error", (), sys.exc_info())
    for handler in files:
        handler.handle(record)
    return bool(files)


def setup_logging(quiet: bool, verbose: bool, log_file: Path | None) -> None:
    level = logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING
    root = logging.getLogger("briefgen")
    root.handlers.clear()
    root.setLevel(logging.INFO if log_file else level)
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("briefgen: %(levelname)s: %(message)s"))
    root.addHandler(handler)
    if log_file is not None:
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
    log_file: Annotated[Path | None, typer.Option("--log-file", help="Also log to this file.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Extractive, cited policy memos (Markdown + PDF) from a folder of news articles."""
    setup_logging(quiet, verbose, log_file)
    _GLOBAL_CONFIG.set(config)


def global_config() -> Path | None:
    """``--config`` given before the command (``briefgen -c x.yaml check``), else None."""
    return _GLOBAL_CONFIG.get()


def print_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        typer.echo(json.dumps(row, ensure_ascii=False))


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `briefgen quotes | head`
        sys.stderr.close()
        sys.exit(0)


# Register the commands on ``app`` (imported last: they import ``app`` from here).
from briefgen import cli_build, cli_commands, cli_fetch  # noqa: E402, F401
