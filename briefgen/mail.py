"""Compose memo e-mails and send them over SMTP: the memo as readable plain text, the HTML memo as the
alternative part, the PDF attached.

The password is read from the environment variable the config names and is never logged; every
delivery failure becomes one MailError line.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from briefgen.errors import ConfigError, MailError
from briefgen.settings import Smtp

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemoMail:
    """One built memo to send: its title, date and files."""

    topic: str
    title: str
    date: str
    pdf: Path
    markdown: str


def _base(smtp: Smtp, subject: str) -> EmailMessage:
    if not smtp.to:
        raise ConfigError("smtp.to is empty: no recipient to send the memos to")
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = smtp.sender
    msg["To"] = ", ".join(smtp.to)
    if smtp.cc:
        msg["Cc"] = ", ".join(smtp.cc)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=smtp.sender.rpartition("@")[2] or "localhost")
    return msg


def _attach(msg: EmailMessage, memo: MemoMail) -> None:
    msg.add_attachment(memo.pdf.read_bytes(), maintype="application", subtype="pdf", filename=memo.pdf.name)


def _body(msg: EmailMessage, memos: Sequence[MemoMail], subject: str) -> None:
    """Plain text (the memos one after another), then the HTML memos as the alternative part."""
    from briefgen.render.plaintext import to_html_document, to_text

    with_text = [m for m in memos if m.markdown]
    rule = "\n" + "-" * 72 + "\n\n"
    texts = (to_text(m.markdown) if m.markdown else f"{m.title}: the memo is attached.\n" for m in memos)
    msg.set_content(rule.join(texts))
    if with_text:
        markdown = "\n\n---\n\n".join(m.markdown for m in with_text)
        msg.add_alternative(to_html_document(markdown, subject), subtype="html")


def topic_message(smtp: Smtp, memo: MemoMail) -> EmailMessage:
    """One memo: subject "<title> — <date>", text and HTML body, the PDF attached."""
    subject = f"{memo.title} — {memo.date}"
    msg = _base(smtp, subject)
    _body(msg, [memo], subject)
    _attach(msg, memo)
    return msg


def digest_message(smtp: Smtp, memos: Sequence[MemoMail], organisation: str) -> EmailMessage:
    """Every memo in one message: the memos one after another, every PDF attached."""
    date = max(m.date for m in memos)
    subject = f"{organisation}: {len(memos)} memo(s) — {date}"
    msg = _base(smtp, subject)
    _body(msg, memos, subject)
    for memo in memos:
        _attach(msg, memo)
    return msg


def write_eml(messages: Sequence[tuple[str, EmailMessage]], folder: Path) -> list[Path]:
    """``--dry-run``: each message as ``<name>.eml`` in ``folder`` (written atomically)."""
    from briefgen.output import make_folder, write_atomic

    make_folder(folder, "mail folder")
    paths = []
    for name, msg in messages:
        path = folder / f"{name}.eml"
        write_atomic(path, msg.as_bytes())
        paths.append(path)
    return paths


def _password(smtp: Smtp) -> str | None:
    if not smtp.user:
        return None
    if not smtp.password_env:
        raise ConfigError("smtp.user is set but smtp.password_env names no environment variable")
    password = os.environ.get(smtp.password_env)
    if password is None:
        raise MailError(f"environment variable {smtp.password_env} (smtp.password_env) is not set")
    return password


def _connect(smtp: Smtp) -> smtplib.SMTP:
    if smtp.security == "ssl":
        return smtplib.SMTP_SSL(
            smtp.host, smtp.port, timeout=smtp.timeout, context=ssl.create_default_context()
        )
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    if smtp.security == "starttls":
        client.starttls(context=ssl.create_default_context())
    return client


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"authentication failed ({exc.smtp_code})"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"recipient(s) refused: {', '.join(sorted(exc.recipients))}"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"sender refused: {exc.sender}"
    if isinstance(exc, smtplib.SMTPResponseException):
        said = exc.smtp_error
        text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
        return f"server said {exc.smtp_code} {text}"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__


def send(smtp: Smtp, messages: Sequence[tuple[str, EmailMessage]]) -> int:
    """Send every message over one connection; MailError (one line) on the first failure."""
    password = _password(smtp)
    where = f"{smtp.host}:{smtp.port}"
    sent = 0
    name = "connect"
    try:
        with _connect(smtp) as client:
            if smtp.user and password is not None:
                client.login(smtp.user, password)
            for name, msg in messages:
                refused = client.send_message(msg)
                if refused:
                    raise smtplib.SMTPRecipientsRefused(refused)
                sent += 1
                log.info("mail: %s sent to %s", name, msg["To"])
    except (smtplib.SMTPException, OSError) as exc:
        done = f" ({sent} of {len(messages)} sent)" if sent else ""
        raise MailError(f"mail via {where} failed at {name}: {_describe(exc)}{done}") from None
    return sent
