"""Issue 16, item 12: every sample output in README.md is what the code prints now.

``scripts/readme.py`` regenerates the blocks (``python scripts/readme.py``); these tests run its check.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parents[1]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_generator", ROOT / "scripts" / "readme.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_samples_are_what_the_code_prints() -> None:
    diff = generator().stale((ROOT / "README.md").read_text(encoding="utf-8"))
    assert not diff, f"README.md is out of date: run  python scripts/readme.py\n{diff}"


def test_a_stale_sample_is_caught_and_regenerated() -> None:
    stale_text = "<!-- generate: briefgen topics -->\n```console\n$ briefgen topics\nreadmissions  an old line\n```\n<!-- end -->\n"
    diff = generator().stale(stale_text)
    assert "-readmissions  an old line" in diff
    assert "+readmissions             Migration and readmissions" in diff


def test_every_console_sample_of_a_briefgen_command_is_generated() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = text.split("```console\n")[1:]
    hand_written = [b.splitlines()[0] for b in blocks if b.startswith("$ briefgen")]
    generated = generator().BLOCK.findall(text)
    assert len(generated) >= 10
    for first in hand_written:
        assert any(first == f"$ {m[2].partition('; ')[0]}" for m in generated), f"not generated: {first}"
