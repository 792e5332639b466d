"""``briefgen mail`` against a real SMTP server (aiosmtpd on 127.0.0.1) started by the tests."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from typer.testing import CliRunner

from briefgen.render.plaintext import to_text
from tests.buildkit import build_files, smtp_config
from tests.conftest import write_project

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

from briefgen.cli import app  # noqa: E402

DATE = "2025-01-02"
TITLES = {
    "security-cooperation": "Security cooperation",
    "readmissions": "Readmissions",
    "western-sahara": "Western Sahara",
}
PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Sink:
    """Collects delivered messages; refuses any recipient at refused.test."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.endswith("@refused.test"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def check_password(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data.login == b"desk" and data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp() -> Iterator[tuple[int, Sink]]:
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, sink
    controller.stop()


@pytest.fixture
def smtp_auth() -> Iterator[tuple[int, Sink]]:
    sink = Sink()
    controller = Controller(
        sink,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=check_password,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    yield controller.port, sink
    controller.stop()


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


def built_project(root: Path, port: int, **smtp: Any) -> Path:
    config = write_project(root, config=smtp_config(port, **smtp))
    result = invoke("build", "--config", str(config), "--date", DATE, "-f", "md,pdf", "-q")
    assert result.exit_code == 0, result.output
    return config


def pdf_of(msg: EmailMessage) -> list[tuple[str | None, str, bytes]]:
    return [(p.get_filename(), p.get_content_type(), p.get_content()) for p in msg.iter_attachments()]


def test_one_message_per_topic_with_pdf_readable_text_and_html(
    tmp_path: Path, smtp: tuple[int, Sink]
) -> None:
    port, sink = smtp
    config = built_project(tmp_path, port, cc=["deputy@example.test"])
    result = invoke("mail", "--config", str(config), "--date", DATE)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "mail: 3 message(s) sent to chief@example.test"
    files = build_files(tmp_path / "out", DATE)
    assert [msg["Subject"] for _, msg in sink.received] == [f"{t} — {DATE}" for t in TITLES.values()]
    for (rcpts, msg), topic in zip(sink.received, TITLES, strict=True):
        assert rcpts == ["chief@example.test", "deputy@example.test"]
        assert msg["From"] == "desk@example.test" and msg["Cc"] == "deputy@example.test"
        name = f"{topic}-{DATE}.pdf"
        assert pdf_of(msg) == [(name, "application/pdf", files[name])]
        text = msg.get_body(preferencelist=("plain",))
        assert text is not None
        assert text.get_content().replace("\r\n", "\n") == to_text(files[f"{topic}-{DATE}.md"].decode())
        html = msg.get_body(preferencelist=("html",))
        assert html is not None and "<h1>" in html.get_content()


def test_digest_sends_one_message_with_every_pdf(tmp_path: Path, smtp: tuple[int, Sink]) -> None:
    port, sink = smtp
    config = built_project(tmp_path, port, digest=True)
    result = invoke(
        "mail", "--config", str(config), "--date", DATE, "--topics", "readmissions,western-sahara"
    )
    assert result.exit_code == 0, result.output
    assert len(sink.received) == 1
    _, msg = sink.received[0]
    assert msg["Subject"] == f"Test Desk: 2 memo(s) — {DATE}"
    files = build_files(tmp_path / "out", DATE)
    names = [f"readmissions-{DATE}.pdf", f"western-sahara-{DATE}.pdf"]
    assert pdf_of(msg) == [(n, "application/pdf", files[n]) for n in names]


def test_build_with_mail_sends_after_building(tmp_path: Path, smtp: tuple[int, Sink]) -> None:
    port, sink = smtp
    config = write_project(tmp_path, config=smtp_config(port))
    result = invoke("build", "--config", str(config), "--date", DATE, "-f", "md,pdf", "--mail", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(msg["Subject"] for _, msg in sink.received) == sorted(
        f"{t} — {DATE}" for t in TITLES.values()
    )


def test_login_with_password_from_the_environment(tmp_path: Path, smtp_auth: tuple[int, Sink]) -> None:
    port, sink = smtp_auth
    config = built_project(tmp_path, port, user="desk", password_env="BRIEFGEN_TEST_PW")
    result = invoke("mail", "--config", str(config), "--date", DATE, env={"BRIEFGEN_TEST_PW": PASSWORD})
    assert result.exit_code == 0, result.output
    assert len(sink.received) == 3


def test_auth_failure_is_one_line_without_the_password(tmp_path: Path, smtp_auth: tuple[int, Sink]) -> None:
    port, sink = smtp_auth
    config = built_project(tmp_path, port, user="desk", password_env="BRIEFGEN_TEST_PW")
    before = build_files(tmp_path / "out", DATE)
    result = invoke("mail", "--config", str(config), "--date", DATE, env={"BRIEFGEN_TEST_PW": "wrong-secret"})
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "authentication failed (535)" in result.stderr
    assert "wrong-secret" not in result.output and not sink.received
    assert build_files(tmp_path / "out", DATE) == before


def test_missing_password_variable_is_a_clear_error(tmp_path: Path, smtp_auth: tuple[int, Sink]) -> None:
    port, _ = smtp_auth
    config = built_project(tmp_path, port, user="desk", password_env="BRIEFGEN_UNSET_PW")
    result = invoke("mail", "--config", str(config), "--date", DATE, env={"BRIEFGEN_UNSET_PW": None})  # type: ignore[dict-item]
    assert result.exit_code == 1 and "BRIEFGEN_UNSET_PW (smtp.password_env) is not set" in result.stderr


def test_refused_connection_is_one_line_and_memos_stay(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    config = built_project(tmp_path, port)
    before = build_files(tmp_path / "out", DATE)
    result = invoke("mail", "--config", str(config), "--date", DATE)
    assert result.exit_code == 1
    assert (
        result.stderr == f"briefgen: error: mail via 127.0.0.1:{port} failed at connect: Connection refused\n"
    )
    assert build_files(tmp_path / "out", DATE) == before


def test_build_mail_failure_is_partial_and_keeps_the_memos(tmp_path: Path) -> None:
    config = write_project(tmp_path, config=smtp_config(free_port()))
    result = invoke("build", "--config", str(config), "--date", DATE, "-f", "md,pdf", "--mail", "-q")
    assert result.exit_code == 1 and "mail: mail via 127.0.0.1" in result.stderr
    assert f"readmissions-{DATE}.pdf" in build_files(tmp_path / "out", DATE)


def test_rejected_recipient_is_named(tmp_path: Path, smtp: tuple[int, Sink]) -> None:
    port, sink = smtp
    config = built_project(tmp_path, port, to=["nobody@refused.test"])
    result = invoke("mail", "--config", str(config), "--date", DATE, "--topics", "readmissions")
    assert result.exit_code == 1 and "recipient(s) refused: nobody@refused.test" in result.stderr
    assert not sink.received


def test_partly_rejected_recipients_are_an_error_too(tmp_path: Path, smtp: tuple[int, Sink]) -> None:
    port, _ = smtp
    config = built_project(tmp_path, port, to=["chief@example.test", "nobody@refused.test"])
    result = invoke("mail", "--config", str(config), "--date", DATE, "--topics", "readmissions")
    assert result.exit_code == 1 and "nobody@refused.test" in result.stderr


def test_dry_run_writes_eml_files(tmp_path: Path) -> None:
    config = built_project(tmp_path, free_port())
    result = invoke("mail", "--config", str(config), "--date", DATE, "--dry-run")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "mail"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}-{DATE}.eml" for t in TITLES)
    assert result.stdout.splitlines() == [str(folder / f"{t}-{DATE}.eml") for t in TITLES]
    msg = email.message_from_bytes(
        (folder / f"readmissions-{DATE}.eml").read_bytes(), policy=email.policy.default
    )
    assert isinstance(msg, EmailMessage)
    pdf = (tmp_path / "out" / "builds" / DATE / f"readmissions-{DATE}.pdf").read_bytes()
    assert msg["Subject"] == f"Readmissions — {DATE}" and pdf_of(msg) == [
        (f"readmissions-{DATE}.pdf", "application/pdf", pdf)
    ]


def test_mail_before_any_build_says_what_to_do(tmp_path: Path) -> None:
    config = write_project(tmp_path, config=smtp_config(free_port()))
    result = invoke("mail", "--config", str(config), "--date", DATE, "--dry-run")
    assert result.exit_code == 2 and "run briefgen build, or briefgen memo --topic NAME" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_no_recipients_is_a_config_error(tmp_path: Path) -> None:
    config = built_project(tmp_path, free_port(), to=[])
    result = invoke("mail", "--config", str(config), "--date", DATE, "--dry-run")
    assert result.exit_code == 2 and "smtp.to is empty" in result.stderr
