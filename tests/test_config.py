"""Config loading: typed values, paths relative to the file, and one clear error naming file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefgen.config import discover, load_settings
from briefgen.errors import ConfigError

GOOD = """\
corpus: ../corpus
output: ../out
header:
  organisation: Desk
  from: Me
topics:
  readmissions:
    title: Readmissions
    scope: Returns of migrants.
    include: [readmission, consular pass]
    budget: 5
"""


def write_config(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    path = folder / "briefgen.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_settings(write_config(tmp_path, text))
    return info.value


def test_loads_typed_settings_with_paths_relative_to_the_file(tmp_path: Path) -> None:
    settings = load_settings(write_config(tmp_path, GOOD))
    assert settings.corpus == tmp_path / "corpus"
    assert settings.header.from_ == "Me"
    assert settings.header.classification  # default kept
    topic = settings.topic("readmissions")
    assert topic.include == ("readmission", "consular pass")
    assert topic.budget == 5


def test_bundled_config_loads_the_three_default_topics() -> None:
    settings = load_settings(Path(__file__).parents[1] / "config" / "briefgen.yaml")
    assert [t.name for t in settings.topics] == ["security-cooperation", "readmissions", "western-sahara"]
    assert settings.corpus.is_dir()


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD + "  bad: [unclosed\n")
    assert "briefgen.yaml:" in str(err) and err.line is not None and err.line >= 11


def test_tab_indentation_is_reported_with_its_line(tmp_path: Path) -> None:
    err = load_error(tmp_path, "corpus: x\noutput: y\ntopics:\n\treadmissions: {}\n")
    assert err.line == 4


def test_unknown_key_is_named_with_its_line(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD.replace("budget: 5", "budjet: 5"))
    assert "unknown key 'budjet'" in str(err)
    assert err.line == 11


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD + "output: elsewhere\n")
    assert "duplicate key 'output'" in str(err) and err.line == 12


def test_wrong_type_is_refused(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD.replace("budget: 5", "budget: five"))
    assert "'budget': expected int" in str(err) and err.line == 11


def test_topic_without_include_terms_is_refused(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD.replace("include: [readmission, consular pass]", "include: []"))
    assert "include" in str(err) and err.line == 10


def test_topic_missing_scope_is_refused(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD.replace("    scope: Returns of migrants.\n", ""))
    assert "missing 'scope'" in str(err)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    err = load_error(tmp_path, GOOD + "clutter: !!python/object/apply:os.system ['echo hi']\n")
    assert "unsupported YAML tag" in str(err) and err.line == 12


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.yaml")


def test_discovery_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_CONFIG", str(tmp_path / "env.yaml"))
    assert discover(tmp_path / "cli.yaml") == tmp_path / "cli.yaml"
    assert discover(None) == tmp_path / "env.yaml"
    monkeypatch.delenv("BRIEFGEN_CONFIG")
    assert discover(None) == Path("config/briefgen.yaml")
