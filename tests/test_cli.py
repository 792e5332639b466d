"""The command line, through typer's CliRunner: exit codes, one-line errors, JSON contracts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefgen import __version__
from briefgen.cli import app
from tests.conftest import write_project

ROOT = Path(__file__).parents[1]


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def memo_into(config: Path, out: Path, formats: str) -> Any:
    """``briefgen memo`` for readmissions, dated 2026-02-25, into ``out``."""
    return invoke("memo", "-c", str(config), "-t", "readmissions", "--date", "2026-02-25", "-f", formats,
                  "--out", str(out))  # fmt: skip


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"briefgen {__version__}"


def test_python_dash_m_runs() -> None:
    proc = subprocess.run([sys.executable, "-m", "briefgen", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and __version__ in proc.stdout


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help(name: str) -> None:
    result = invoke(name, "--help")
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"briefgen {name}\b", readme), f"README does not show `briefgen {name}`"


def test_topics_lists_configured_topics(project: Path) -> None:
    result = invoke("topics", "--config", str(project))
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == [
        "security-cooperation",
        "readmissions",
        "western-sahara",
    ]


def test_memo_writes_dated_files_and_prints_their_paths(project: Path) -> None:
    result = invoke(
        "memo",
        "--config",
        str(project),
        "--topic",
        "readmissions",
        "--date",
        "2026-02-25",
        "--format",
        "md,json",
    )
    assert result.exit_code == 0, result.output
    paths = [Path(p) for p in result.output.split()]
    assert [p.name for p in paths] == ["readmissions-2026-02-25.md", "readmissions-2026-02-25.json"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_memo_json_items_are_verbatim_and_cited(project: Path) -> None:
    out = project.parent / "json"
    result = memo_into(project, out, "json")
    assert result.exit_code == 0, result.output
    memo = json.loads((out / "readmissions-2026-02-25.json").read_text(encoding="utf-8"))
    assert {"topic", "title", "date", "sources", "items"} <= memo.keys()
    sources = {s["id"]: s for s in memo["sources"]}
    assert memo["items"], "the readmissions memo should not be empty"
    for item in memo["items"]:
        assert item["citations"]
        for cite in item["citations"]:
            body = Path(sources[cite["source"]]["path"]).read_text(encoding="utf-8")
            assert cite["sentence"] in body
        assert any(item["text"] == c["sentence"] for c in item["citations"])


def test_memo_is_byte_identical_for_the_same_date(project: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        out = project.parent / name
        result = memo_into(project, out, "md,json")
        assert result.exit_code == 0, result.output
        outputs.append([p.read_bytes() for p in sorted(out.iterdir())])
    assert outputs[0] == outputs[1]


def test_unknown_topic_suggests_the_closest(project: Path) -> None:
    result = invoke("memo", "-c", str(project), "-t", "readmision")
    assert result.exit_code == 2
    assert "did you mean 'readmissions'?" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("bad", ["../etc", "a/b", "READ ME"])
def test_topic_with_path_characters_is_refused(project: Path, bad: str) -> None:
    result = invoke("memo", "-c", str(project), "-t", bad)
    assert result.exit_code == 2 and "invalid topic name" in result.output


def test_bad_date_is_a_usage_error(project: Path) -> None:
    result = invoke("memo", "-c", str(project), "-t", "readmissions", "--date", "25/02/2026")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_config_error_names_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("corpus: x\noutput: y\nbogus: 1\n", encoding="utf-8")
    result = invoke("topics", "-c", str(config))
    assert result.exit_code == 2
    assert f"{config}:3: unknown key 'bogus'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_articles_json_contract(project: Path) -> None:
    result = invoke("articles", "-c", str(project), "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {"id", "path", "title", "publisher", "date", "lang", "sentences"} <= rows[0].keys()
    algiers = next(r for r in rows if r["path"].endswith("algiers.txt"))
    assert "Advertisement" not in algiers["sentences"]
    assert not any(s.startswith("France and Algeria Restart") for s in algiers["sentences"])


def test_quotes_json_contract_and_speaker_filter(project: Path) -> None:
    result = invoke("quotes", "-c", str(project), "--json", "--speaker", "Nunez")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["speaker_id"] == rows[0]["speaker_id"] for r in rows)
    assert {"article", "path", "sentence", "start", "end", "speaker", "role", "cue", "kind"} <= rows[0].keys()
    assert any(r["as_written"] == "He" for r in rows)


def test_quotes_offsets_point_into_the_source_file(project: Path) -> None:
    """``start``/``end`` slice the decoded file (headline and dateline before the body included);
    ``body_start``/``body_end`` slice the body."""
    result = invoke("quotes", "-c", str(project), "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    text_rows = [r for r in rows if r["path"].endswith((".txt", ".md"))]
    assert text_rows and any(r["start"] != r["body_start"] for r in text_rows)
    for r in text_rows:
        raw = Path(r["path"]).read_text(encoding="utf-8")
        assert raw[r["start"] : r["end"]] == r["sentence"]


def test_quotes_table_is_readable(project: Path) -> None:
    result = invoke("quotes", "-c", str(project))
    assert result.exit_code == 0 and "Nuñez" in result.output


def test_check_reports_each_part(project: Path) -> None:
    result = invoke("check", "-c", str(project))
    assert result.exit_code == 0, result.output
    assert "3 article(s)" in result.output and "writable" in result.output


def test_missing_corpus_is_one_clear_error(project: Path) -> None:
    for path in (project.parent / "corpus").iterdir():
        path.unlink()
    (project.parent / "corpus").rmdir()
    result = invoke("memo", "-c", str(project), "-t", "readmissions")
    assert result.exit_code == 2 and "corpus" in result.output and "Traceback" not in result.output


def test_a_corpus_of_only_bad_files_is_one_clear_error(tmp_path: Path) -> None:
    config = write_project(tmp_path, {"empty.txt": "", "image.txt": ""})
    (tmp_path / "corpus" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = invoke("memo", "-c", str(config), "-t", "readmissions", "-f", "md")
    assert result.exit_code == 2 and "no usable articles" in result.output
    assert "Traceback" not in result.output


def test_skipped_files_are_warned_and_the_rest_is_built(project: Path) -> None:
    (project.parent / "corpus" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = invoke("memo", "-c", str(project), "-t", "readmissions", "-f", "md", "--date", "2026-02-25")
    assert result.exit_code == 0, result.output
    assert "image.txt" in result.output and "skipped" in result.output


def test_an_output_path_that_is_a_file_is_one_clear_error_and_keeps_nothing_half_written(
    project: Path,
) -> None:
    blocker = project.parent / "blocked"
    blocker.write_text("not a folder")
    result = invoke("memo", "-c", str(project), "-t", "readmissions", "-f", "md", "--out", str(blocker / "x"))
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "briefgen: error:" in result.output and "Traceback" not in result.output


def test_a_missing_user_template_folder_is_a_config_error(tmp_path: Path) -> None:
    from tests.conftest import CONFIG

    config = write_project(tmp_path, config=CONFIG + "templates: nowhere\n")
    result = invoke("check", "-c", str(config))
    assert result.exit_code == 2 and "template folder does not exist" in result.output


def test_memo_reuses_the_build_store_and_keeps_it_out_of_the_memo_folder(project: Path) -> None:
    first, second = project.parent / "first", project.parent / "second"
    assert memo_into(project, first, "md").exit_code == 0
    again: Any = invoke("-v", "memo", "-c", str(project), "-t", "readmissions", "--date", "2026-02-25",
                        "-f", "md", "--out", str(second))  # fmt: skip
    assert again.exit_code == 0, again.output
    assert "parsed 0 file(s), reused 3" in again.output
    assert "analysed 0 new or changed article(s), reused 3" in again.output
    assert (project.parent / "out" / "briefgen.sqlite").is_file()
    assert [p.name for p in second.iterdir()] == ["readmissions-2026-02-25.md"]
    memo = "readmissions-2026-02-25.md"
    assert (first / memo).read_bytes() == (second / memo).read_bytes()


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log_file(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefgen.cli_commands as commands

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("an unforeseen state")

    monkeypatch.setattr(commands, "settings_for", broken)
    logged = tmp_path / "briefgen.log"
    result = invoke("--log-file", str(logged), "topics", "-c", str(project))
    assert result.exit_code == 70, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert "internal error (RuntimeError: an unforeseen state); traceback in the log file" in result.output
    assert "Traceback" in logged.read_text(encoding="utf-8")
    bare = invoke("topics", "-c", str(project))
    assert bare.exit_code == 70 and "--log-file FILE keeps the traceback" in bare.output
