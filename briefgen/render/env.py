"""The Jinja environment: the user's template folder first, the built-in templates behind it.

``StrictUndefined`` turns a typo in a template into an error instead of an empty string; HTML
templates autoescape; Markdown templates escape article text with the ``md`` filter.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path, PurePath

import jinja2

from briefgen.errors import ConfigError
from briefgen.render.escape import md_escape, show_invisible


def builtin_dir() -> Path:
    """The built-in templates: package ``briefgen.templates`` (the top-level ``templates/`` folder)."""
    try:
        folder = Path(str(resources.files("briefgen.templates")))
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):  # not installed as a package: running from a checkout
        pass
    return Path(__file__).resolve().parents[2] / "templates"


def template_dirs(user: Path | None) -> tuple[Path, ...]:
    dirs = [builtin_dir()]
    if user is not None and user.resolve() != dirs[0].resolve():
        dirs.insert(0, user)
    return tuple(dirs)


def long_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "undated"


def event_when(item: object) -> str:
    """A memo item's event date as precise as its text: "18 February 2026", "April 2025", "since 2020"."""
    day: dt.date | None = getattr(item, "event_date", None)
    if day is None:
        return "undated"
    precision = getattr(item, "event_precision", "day")
    shown = {"year": str(day.year), "month": f"{day:%B %Y}"}.get(precision) or long_date(day)
    return ("since " if getattr(item, "event_since", False) else "") + shown


def relative(value: str | None) -> bool:
    """True for date words that name no date themselves ("on Tuesday", "hier"): worth quoting."""
    return bool(value) and not any(ch.isdigit() for ch in value or "")


SECTION_TITLES = {"bottom-line": "Bottom line", "key-statements": "Key statements", "context": "Context"}


_URL = re.compile(r"^https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$")


def safe_url(value: str | None) -> bool:
    """True for an http(s) URL made only of characters that cannot break out of a Markdown autolink."""
    return bool(value) and len(value or "") < 500 and bool(_URL.match(value or ""))


def basename(value: object) -> str:
    """The last part of a path, as a reader needs it (no local folder layout in a forwarded memo)."""
    return PurePath(str(value)).name or str(value)


def css_string(value: object) -> str:
    """A value safe inside a double-quoted CSS string (no quote, backslash, newline or ``<``)."""
    return "".join(c if c.isalnum() or c in " .,;:/-_()+&" else f"\\{ord(c):x} " for c in str(value))


def make_env(user: Path | None) -> jinja2.Environment:
    if user is not None and not user.is_dir():
        raise ConfigError(f"template folder does not exist: {user}")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs(user)]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html.j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["visible"] = show_invisible
    env.filters["long_date"] = long_date
    env.filters["safe_url"] = safe_url
    env.filters["css_string"] = css_string
    env.filters["basename"] = basename
    env.filters["event_when"] = event_when
    env.filters["relative"] = relative
    env.globals["section_titles"] = SECTION_TITLES
    return env
