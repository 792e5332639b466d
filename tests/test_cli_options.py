"""Issue 16, items 1, 3, 4, 5: one set of options everywhere, -c before or after the command, values
checked at load, one-line errors for every mistake."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from tests.conftest import CONFIG, write_project

ROOT = Path(__file__).parents[1]
TOPICS_ONLY = CONFIG[CONFIG.index("topics:") :]


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def options_of(command: str) -> set[str]:
    return set(re.findall(r"--[a-z][a-z-]+", invoke(command, "--help").output))


# every command that reads the corpus or writes output, with the options it shares with `memo`
SHARED = {
    "memo": {"--config", "--corpus", "--out", "--format", "--date", "--since", "--force", "--topic"},
    "build": {"--config", "--corpus", "--out", "--format", "--date", "--since", "--force", "--topics"},
    "explain": {"--config", "--corpus", "--out", "--date", "--since", "--topic"},
    "articles": {"--config", "--corpus", "--out"},
    "quotes": {"--config", "--corpus", "--out", "--topic"},
    "check": {"--config", "--corpus", "--out"},
    "mail": {"--config", "--out", "--date", "--topics"},
    "fetch": {"--config", "--corpus"},
}


@pytest.mark.parametrize("command", list(SHARED))
def test_every_command_takes_the_shared_options(command: str) -> None:
    assert SHARED[command] <= options_of(command)


@pytest.mark.parametrize(
    "args",
    [
        ["memo", "-t", "readmissions", "-f", "md"],
        ["build", "-f", "md"],
        ["articles", "--json"],
        ["quotes", "--json"],
        ["explain", "-t", "readmissions", "--json"],
        ["check"],
    ],
)
def test_a_config_of_only_topics_works_with_corpus_and_out_given(tmp_path: Path, args: list[str]) -> None:
    config = write_project(tmp_path, config=TOPICS_ONLY)
    out = tmp_path / "elsewhere"
    dated = ["--date", "2026-02-25"] if args[0] in ("memo", "build", "explain") else []
    result = invoke(*args, *dated, "-c", str(config), "--corpus", str(tmp_path / "corpus"), "--out", str(out))
    assert result.exit_code == 0, result.output
    if args[0] != "check":  # no configured output: the store goes with --out
        assert (out / "briefgen.sqlite").is_file()


def test_a_setting_missing_from_config_and_command_line_names_the_option(tmp_path: Path) -> None:
    config = write_project(tmp_path, config=TOPICS_ONLY)
    result = invoke("memo", "-c", str(config), "-t", "readmissions", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert (
        result.output
        == f"briefgen: error: {config}:1: missing required setting 'corpus' (set it here or pass --corpus)\n"
    )
    assert invoke("topics", "-c", str(config)).exit_code == 0  # topics reads no corpus


def test_config_option_works_before_and_after_the_command(project: Path) -> None:
    after, before = invoke("check", "-c", str(project)), invoke("-c", str(project), "check")
    assert after.exit_code == before.exit_code == 0 and after.output == before.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["memo", "--bogus"], "No such option: --bogus"),
        (["memo"], "Missing option '--topic'"),
        (["build", "--date"], "Option '--date' requires an argument"),
        (["nosuch"], "No such command 'nosuch'"),
    ],
)
def test_command_line_mistakes_are_one_line(args: list[str], message: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith("briefgen: error: ")
    assert message in proc.stderr


@pytest.mark.parametrize(
    "setting, shown",
    [
        ("smtp:\n  security: tls\n", "'security': unknown value 'tls' (known: none, starttls, ssl)"),
        ("max_file_mb: -1\n", "'max_file_mb': must be greater than 0, got -1.0"),
        ("max_file_mb: 0\n", "'max_file_mb': must be greater than 0"),
        ("smtp:\n  port: 70000\n", "'port': must be at least 1 and at most 65535, got 70000"),
        ("smtp:\n  timeout: 0\n", "'timeout': must be greater than 0"),
        ("formats: [md, docx]\n", "'formats': unknown value 'docx'"),
    ],
)
def test_check_refuses_bad_values_with_file_and_line(tmp_path: Path, setting: str, shown: str) -> None:
    config = write_project(tmp_path, config=CONFIG + setting)
    line = CONFIG.count("\n") + setting.count("\n")
    result = invoke("check", "-c", str(config))
    assert result.exit_code == 2
    assert result.output.startswith(f"briefgen: error: {config}:{line}: {shown}")
    assert len(result.output.splitlines()) == 1


def test_budget_below_one_is_refused_with_its_line(tmp_path: Path) -> None:
    config = write_project(tmp_path, config=CONFIG.replace("budget: 6", "budget: 0"))
    result = invoke("check", "-c", str(config))
    assert result.exit_code == 2 and "'budget': must be at least 1, got 0" in result.output


def test_check_with_every_file_skipped_fails_naming_each_once(tmp_path: Path) -> None:
    config = write_project(tmp_path, config=CONFIG + "max_file_mb: 0.0000001\n")
    result = invoke("check", "-c", str(config))
    assert result.exit_code == 2 and "no usable articles (3 file(s) skipped)" in result.output
    assert result.output.count("algiers.txt") == 1


@pytest.mark.parametrize(
    "command", [["memo", "-t", "readmissions", "-f", "md"], ["build", "-f", "md"], ["check"]]
)
def test_out_naming_a_file_says_it_is_a_file(project: Path, command: list[str]) -> None:
    blocker = project.parent / "memo.md"
    blocker.write_text("a file")
    result = invoke(*command, "-c", str(project), "--out", str(blocker))
    assert result.exit_code == 2
    assert (
        result.output
        == f"briefgen: error: {blocker}: is a file, not a folder (the output folder must be a folder)\n"
    )
    under = invoke(*command, "-c", str(project), "--out", str(blocker / "sub"))
    assert under.exit_code == 2 and f"{blocker} is a file, not a folder" in under.output
    assert "File exists" not in under.output and blocker.read_text() == "a file"
