"""The cue model's data files: reproducible from the training script, read the same way in both
languages, and loaded only by commands that analyse text."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.attribute import syntax
from briefgen.attribute.cues import candidates, lexicon
from briefgen.attribute.features import tokenize, word_class
from briefgen.attribute.model import threshold, weights
from briefgen.attribute.train import DATA, main
from tests.conftest import write_project

ROOT = Path(__file__).parents[1]
POLNEAR_TRAIN = ROOT.parent / "shared" / "dev" / "polnear" / "train"


@pytest.mark.skipif(
    not (POLNEAR_TRAIN / "ann").is_dir(), reason="PolNeAR training split not beside the project"
)
def test_shipped_lexicon_and_weights_are_what_training_produces(tmp_path: Path) -> None:
    assert main([str(POLNEAR_TRAIN), "--out", str(tmp_path)]) == 0
    for name in ("cues.tsv", "sources.tsv", "weights.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} differs: retrain"


def test_the_shipped_model_is_a_real_one() -> None:
    assert len(lexicon()) > 2000 and len(weights().table) > 5000
    assert 0.05 < threshold() < 0.95
    english = {key for (lang, _), (key, *_) in lexicon().items() if lang == "en"}
    assert len(english) >= 300, "a cue lexicon of several hundred keys"


def test_french_cues_take_english_keys_and_classes() -> None:
    table = lexicon()
    assert table[("fr", "déclaré")].key == table[("en", "declared")].key
    assert table[("fr", "selon")].key == table[("en", "according")].key
    assert table[("fr", "déclaré")].cls == "SPEECH" and table[("fr", "veut")].cls == "INTENTION"


def test_word_classes_depend_on_the_language() -> None:
    assert word_class("a", lang="fr") == "AUX" and word_class("a", lang="en") == "DET"
    assert word_class("que", lang="fr") == "COMP" and word_class("that", lang="en") == "COMP"


def test_a_capitalised_cue_inside_a_sentence_is_part_of_a_name() -> None:
    tokens = tokenize("They met Interior Minister Said Talvik on Monday.")
    assert not any(tokens[i].text == "Said" for i, _ in candidates(tokens, "en"))


@pytest.mark.parametrize("args", [["--help"], ["topics"], ["check"]])
def test_commands_that_analyse_nothing_load_no_parsing_pipeline(tmp_path: Path, args: list[str]) -> None:
    config = write_project(tmp_path)
    extra = ["-c", str(config)] if args != ["--help"] else []
    code = "import sys, runpy; sys.argv = ['briefgen', *sys.argv[1:]]\ntry:\n runpy.run_module('briefgen', run_name='__main__')\nexcept SystemExit:\n pass\nprint('spacy' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code, *args, *extra], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.stdout.strip().splitlines()[-1] == "False", proc.stdout + proc.stderr


def test_a_missing_pipeline_is_one_warning_naming_the_package(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(syntax.PIPELINES, "en", (("no_such_pipeline_pkg",), "no-such-pipeline-pkg"))
    syntax.pipeline.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="briefgen.attribute.syntax"):
            assert syntax.source_span("Officials said so.", 10, 14, "said", "en") is None
            assert syntax.source_span("Officials said so again.", 10, 14, "said", "en") is None
    finally:
        syntax.pipeline.cache_clear()
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "pip install no-such-pipeline-pkg" in messages[0]


def test_a_sentence_repeated_by_a_copy_is_parsed_once() -> None:
    from briefgen.attribute import attribute_article
    from briefgen.segment import split_sentences
    from tests.test_attribute import build_article

    text = (
        "The envoy, whom the ministers had invited to the capital after weeks of delay, later told "
        "reporters that talks went well."
    )
    article = build_article("Talks were held in the capital this week.", text)
    syntax._KNOWN.clear()
    before = syntax.PARSED[0]
    first = attribute_article(article, split_sentences(article))
    once = syntax.PARSED[0] - before
    again = attribute_article(article, split_sentences(article))
    assert once == 1 and syntax.PARSED[0] - before == 1  # the copy's sentence was answered from memory
    assert first == again and first[-1] is not None


def test_answers_forgotten_past_the_limit_are_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Officials who met the envoy later told reporters that talks went well."
    request = (text, text.index("told"), text.index("told") + 4, "tell")
    syntax._KNOWN.clear()
    first = syntax.spans_ahead([request], "en")
    monkeypatch.setattr(syntax, "KNOWN_LIMIT", 0)  # the next call starts from an empty memory
    assert syntax.spans_ahead([request], "en") == first and len(syntax._KNOWN) == 1


def test_spacy_is_imported_without_its_command_line_package_which_stays_importable() -> None:
    code = (
        "import sys\nfrom briefgen.attribute import syntax\nnlp = syntax.pipeline('en')\n"
        "lean = not any(m in sys.modules for m in ('spacy.cli', 'weasel', 'httpx'))\n"
        "doc = nlp('The envoy said talks went well.')\nimport spacy.cli\n"
        "print(lean, [t.dep_ for t in doc][1], hasattr(spacy.cli, 'download'))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.split() == ["True", "nsubj", "True"], proc.stdout + proc.stderr


def test_spacy_is_imported_whole_when_it_needs_more_of_its_command_line_package() -> None:
    code = (
        "import sys, types\nfrom briefgen.attribute import syntax\n"
        "syntax._stand_ins = lambda: {'spacy.cli': types.ModuleType('spacy.cli'), "
        "'spacy.cli.info': types.ModuleType('spacy.cli.info')}\n"  # no "info" in it: spaCy's import fails
        "spacy = syntax._import_spacy()\nprint(callable(spacy.info), 'spacy.cli' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.split() == ["True", "True"], proc.stdout + proc.stderr


def test_a_sentence_is_read_only_when_a_word_could_attribute_it() -> None:
    from briefgen.attribute.cues import triggered

    assert triggered("The envoy SAID the talks went well.", "en")
    assert triggered("C’est ce qu’a déclaré l’envoyé.", "fr")
    assert not triggered("The harbour reopened on Monday.", "en")
    assert not triggered("The well-said line.", "en")  # part of a hyphenated word: not a cue word
