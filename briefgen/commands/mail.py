"""``briefgen mail`` (and ``build --mail``): send the PDFs of a date's build; never touches the memos."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from briefgen.commands import find_topic
from briefgen.errors import UsageError
from briefgen.lock import BuildLock
from briefgen.mail import MemoMail, digest_message, send, topic_message, write_eml
from briefgen.output import memo_filename
from briefgen.publish import build_dir
from briefgen.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailRequest:
    memo_date: dt.date
    topics: tuple[str, ...] = ()  # empty: every configured topic with a built PDF
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


def collect(settings: Settings, request: MailRequest) -> list[MemoMail]:
    """The built memos to send; UsageError when a named topic (or every topic) has no PDF."""
    folder = build_dir(settings.output, request.memo_date)
    names = request.topics or tuple(t.name for t in settings.topics)
    memos = []
    for name in names:
        topic = find_topic(settings, name)
        pdf = folder / memo_filename(topic.name, request.memo_date, "pdf")
        if not pdf.is_file():
            if request.topics:
                raise UsageError(
                    f"{topic.name}: no PDF built for {request.memo_date} ({pdf}); run briefgen build"
                )
            log.warning("%s: no PDF built for %s; not mailed", topic.name, request.memo_date)
            continue
        markdown = _read_text(folder / memo_filename(topic.name, request.memo_date, "md"))
        memos.append(MemoMail(topic.name, topic.title, request.memo_date.isoformat(), pdf, markdown))
    if not memos:
        raise UsageError(f"no PDF built for {request.memo_date} in {folder}; run briefgen build first")
    return memos


def messages_for(settings: Settings, memos: list[MemoMail]) -> list[tuple[str, EmailMessage]]:
    """(file stem, message) pairs: one per topic, or one digest when ``smtp.digest``."""
    if settings.smtp.digest:
        return [
            (f"digest-{memos[0].date}", digest_message(settings.smtp, memos, settings.header.organisation))
        ]
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
