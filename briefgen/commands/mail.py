"""``briefgen mail`` (and ``build --mail``): send each topic's latest PDF memo, whichever command wrote
it (``memo`` into the output folder, ``build`` into ``builds/<date>/``); never touches the memos."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from briefgen.commands import find_topic
from briefgen.errors import UsageError
from briefgen.lock import BuildLock
from briefgen.mail import MemoMail, digest_message, send, topic_message, write_eml
from briefgen.output import safe_stem
from briefgen.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailRequest:
    memo_date: dt.date | None = None  # None: each topic's latest memo
    topics: tuple[str, ...] = ()  # empty: every configured topic with a PDF memo
    dry_run: bool = False


@dataclass(frozen=True)
class MailReport:
    sent: int  # messages handed to the server (0 on a dry run)
    topics: tuple[str, ...]
    eml: tuple[Path, ...] = ()  # files written by a dry run


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def latest_pdf(output: Path, topic: str, memo_date: dt.date | None) -> tuple[dt.date, Path] | None:
    """A topic's newest PDF memo (of ``memo_date`` if given), written by ``memo`` (in the output folder)
    or by ``build`` (``builds/<date>/``): the latest memo date wins, then the file written last."""
    name = re.compile(rf"^{re.escape(safe_stem(topic))}-(\d{{4}}-\d{{2}}-\d{{2}})\.pdf$")
    builds = output / "builds"
    folders = [output, *(sorted(p for p in builds.iterdir() if p.is_dir()) if builds.is_dir() else [])]
    found = []
    for folder in folders:
        for path in folder.glob("*.pdf"):
            match = name.match(path.name)
            when = _date(match[1]) if match else None
            if when is not None and memo_date in (None, when) and path.is_file():
                found.append((when, path.stat().st_mtime_ns, path))
    if not found:
        return None
    when, _, path = max(found)
    return when, path


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def collect(settings: Settings, request: MailRequest) -> list[MemoMail]:
    """The memos to send; UsageError when a named topic (or every topic) has no PDF memo."""
    names = request.topics or tuple(t.name for t in settings.topics)
    which = f" for {request.memo_date}" if request.memo_date else ""
    memos, missing = [], []
    for name in names:
        topic = find_topic(settings, name)
        found = latest_pdf(settings.output, topic.name, request.memo_date)
        if found is None:
            missing.append(topic.name)
            continue
        when, pdf = found
        markdown = _read_text(pdf.with_suffix(".md"))
        memos.append(MemoMail(topic.name, topic.title, when.isoformat(), pdf, markdown))
    hint = "run briefgen build, or briefgen memo --topic NAME"
    if not memos or (missing and request.topics):
        raise UsageError(f"no PDF memo{which} in {settings.output} for {', '.join(missing)}; {hint}")
    if missing:
        log.warning("mail: no PDF memo%s for %s, not mailed (%s)", which, ", ".join(missing), hint)
    return memos


def messages_for(settings: Settings, memos: list[MemoMail]) -> list[tuple[str, EmailMessage]]:
    """(file stem, message) pairs: one per topic, or one digest when ``smtp.digest``."""
    if settings.smtp.digest:
        date = max(m.date for m in memos)
        return [(f"digest-{date}", digest_message(settings.smtp, memos, settings.header.organisation))]
    return [(f"{m.topic}-{m.date}", topic_message(settings.smtp, m)) for m in memos]


def send_memos(settings: Settings, request: MailRequest) -> MailReport:
    """Send (or, on a dry run, write as ``out/mail/*.eml``) the date's memos. Takes no lock."""
    memos = collect(settings, request)
    messages = messages_for(settings, memos)
    topics = tuple(m.topic for m in memos)
    if request.dry_run:
        paths = write_eml(messages, settings.output / "mail")
        log.info("mail: dry run, %d message(s) written to %s", len(paths), settings.output / "mail")
        return MailReport(0, topics, tuple(paths))
    return MailReport(send(settings.smtp, messages), topics)


def mail(settings: Settings, request: MailRequest) -> MailReport:
    """``briefgen mail``: like ``send_memos`` while holding the build lock (no build runs meanwhile)."""
    with BuildLock(settings.output):
        return send_memos(settings, request)
