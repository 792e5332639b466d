"""Regenerate every sample output in README.md from the real code on the bundled corpus (as cog does).

    python scripts/readme.py           # rewrite README.md's generated blocks
    python scripts/readme.py --check   # exit 1 with a diff when README.md is not current (the test runs this)

A generated block is a fenced block between two markers::

    <!-- generate: briefgen topics -->
    ```console
    $ briefgen topics
    ...
    ```
    <!-- end -->

The command runs (``python -m briefgen``) in a scratch copy of the project (config, corpus, templates),
with a fixed terminal width; the blocks run in README order in that one copy, so ``mail`` sees what
``build`` wrote. Its output (stdout and stderr) is shown with the scratch folder written as
``/home/analyst/briefgen``. Forms of the marker:

- ``generate: CMD | head -N``: the first N lines, the ``| head -N`` shown as typed;
- ``generate: CMD; lines=N``: the first N lines, then ``…``;
- ``generate: CMD; shown=TEXT``: run CMD, show ``$ TEXT`` (``bash scripts/memo.sh`` runs ``briefgen memo``);
- ``generate-json: FILE``: an excerpt of a JSON file the commands above wrote (each list cut to its
  first entry, then ``"…"``).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SHOWN_ROOT = "/home/analyst/briefgen"
WIDTH = "118"
BLOCK = re.compile(
    r"(?P<open><!-- (?P<kind>generate|generate-json): (?P<spec>.+?) -->\n)"
    r"(?P<fence>```[a-z]*\n)(?P<body>.*?)```\n(?P<close><!-- end -->)",
    re.DOTALL,
)


def scratch_project() -> Path:
    """A copy of what the commands read, so the checkout's ``out/`` is never touched."""
    root = Path(tempfile.mkdtemp(prefix="briefgen-readme-"))
    for name in ("config", "corpus", "templates"):
        shutil.copytree(ROOT / name, root / name)
    (root / "out").mkdir()
    return root


def run(command: str, root: Path) -> str:
    """Output of ``briefgen ...`` (stdout, then stderr) run in ``root``, paths as on the analyst's machine."""
    args = shlex.split(command)
    assert args[0] == "briefgen", f"not a briefgen command: {command}"
    env = {**os.environ, "COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb", "PYTHONHASHSEED": "0"}
    env.pop("BRIEFGEN_CONFIG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "briefgen", *args[1:]], cwd=root, env=env, capture_output=True, text=True
    )
    return (proc.stdout + proc.stderr).replace(str(root), SHOWN_ROOT)


def console(spec: str, root: Path) -> str:
    """The body of a ``console`` block for a ``generate:`` marker."""
    command, _, option = spec.partition("; ")
    command, _, head = command.partition(" | head -")
    lines = run(command, root).splitlines()
    shown = command + (f" | head -{head}" if head else "")
    if head:
        lines = lines[: int(head)]
    if option.startswith("lines="):
        limit = int(option.removeprefix("lines="))
        lines = [*lines[:limit], "…"] if len(lines) > limit else lines
    if option.startswith("shown="):
        shown = option.removeprefix("shown=")
    return "\n".join([f"$ {shown}", *(line.rstrip() for line in lines)]) + "\n"


def excerpt(value: Any) -> Any:
    """``value`` with each list cut to its first entry (and ``"…"`` when there were more)."""
    if isinstance(value, dict):
        return {key: excerpt(item) for key, item in value.items()}
    if isinstance(value, list):
        return [excerpt(item) for item in value[:1]] + (["…"] if len(value) > 1 else [])
    return value


def json_excerpt(spec: str, root: Path) -> str:
    doc = json.loads((root / spec).read_text(encoding="utf-8"))
    return json.dumps(excerpt(doc), ensure_ascii=False, indent=2).replace(str(root), SHOWN_ROOT) + "\n"


def regenerate(text: str, root: Path) -> str:
    """``text`` (a README) with every generated block's body made again."""

    def fill(match: re.Match[str]) -> str:
        make = console if match["kind"] == "generate" else json_excerpt
        return f"{match['open']}{match['fence']}{make(match['spec'], root)}```\n{match['close']}"

    return BLOCK.sub(fill, text)


def stale(text: str) -> str:
    """A unified diff from ``text`` to what the code gives now ("" when current)."""
    root = scratch_project()
    try:
        fresh = regenerate(text, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    diff = difflib.unified_diff(text.splitlines(True), fresh.splitlines(True), "README.md", "generated")
    return "".join(diff)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if "--check" in argv:
        diff = stale(text)
        if diff:
            print(diff + "\nREADME.md is out of date: run  python scripts/readme.py", file=sys.stderr)
            return 1
        return 0
    root = scratch_project()
    try:
        README.write_text(regenerate(text, root), encoding="utf-8")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
