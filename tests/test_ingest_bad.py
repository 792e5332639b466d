"""Bad corpus input: each bad file is skipped with a one-line reason, the rest is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import briefgen.ingest as ingest
from briefgen.errors import CorpusError
from briefgen.ingest import IngestOptions, files, read_corpus

GOOD = "The two governments agreed on Tuesday to restart a joint working group on border security, officials said."


def corpus(tmp_path: Path, **files: str | bytes) -> Path:
    """A corpus folder holding one good article plus ``files`` (name -> content)."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        path = tmp_path / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return tmp_path


def skipped(result: ingest.IngestResult) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in result.skipped}


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        read_corpus(tmp_path / "nope")


def test_empty_folder_gives_nothing(tmp_path: Path) -> None:
    assert read_corpus(tmp_path) == ingest.IngestResult((), ())


def test_empty_and_blank_files(tmp_path: Path) -> None:
    result = read_corpus(corpus(tmp_path, **{"empty.txt": b"", "blank.md": "\n  \n\t\n"}))
    assert skipped(result) == {"empty.txt": "empty file", "blank.md": "empty file"}
    assert [a.id for a in result.articles] == ["good"]


def test_binary_file_renamed_txt(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    result = read_corpus(corpus(tmp_path, **{"photo.txt": png, "blob.txt": b"ab\x00\x01\x02" * 100}))
    reasons = skipped(result)
    assert reasons["photo.txt"] == "binary file (PNG image), not text"
    assert reasons["blob.txt"].startswith("binary file")
    assert len(result.articles) == 1


def test_file_over_size_cap(tmp_path: Path) -> None:
    result = read_corpus(corpus(tmp_path, **{"big.txt": "x" * 5000}), IngestOptions(max_bytes=4000))
    assert skipped(result)["big.txt"].startswith("larger than the size cap")
    assert len(result.articles) == 1


def test_long_single_line_under_cap_is_read(tmp_path: Path) -> None:
    line = (GOOD[:-1] + ", and more. ") * 20_000  # about 2 MB on one line
    result = read_corpus(corpus(tmp_path, **{"long.txt": line}))
    assert len(result.articles) == 2


def test_invalid_and_mixed_utf8(tmp_path: Path) -> None:
    mixed = "Le préfet a signé l’arrêté".encode() + b" mardi \xe0 Orl\xe9ans."
    result = read_corpus(corpus(tmp_path, **{"mixed.txt": mixed}))
    bodies = {a.id: a.body for a in result.articles}
    assert bodies["mixed"] == "Le préfet a signé l’arrêté mardi à Orléans."


def test_only_clutter(tmp_path: Path) -> None:
    result = read_corpus(
        corpus(tmp_path, **{"junk.txt": "Advertisement\n\nShare\n\nView post on X\n\nMore to explore\n"})
    )
    assert skipped(result)["junk.txt"].startswith("no body text")


def test_deeply_nested_folders(tmp_path: Path) -> None:
    deep = "__".join(f"d{i}" for i in range(40)) + "__deep.txt"
    result = read_corpus(corpus(tmp_path, **{deep: GOOD}))
    assert len(result.articles) == 2


def test_symlink_loop(tmp_path: Path) -> None:
    root = corpus(tmp_path, **{"sub__inner.txt": GOOD.replace("Tuesday", "Friday")})
    os.symlink(root, root / "sub" / "loop")
    os.symlink(root / "sub", root / "sub" / "again")
    result = read_corpus(root)
    assert sorted(a.id for a in result.articles) == ["good", "sub-inner"]


def test_non_article_json(tmp_path: Path) -> None:
    result = read_corpus(corpus(tmp_path, **{"config.json": json.dumps({"colour": "blue", "size": 3})}))
    assert skipped(result)["config.json"].startswith("JSON holds no article records")
    result = read_corpus(corpus(tmp_path, **{"config.json": "{broken"}))
    assert skipped(result)["config.json"].startswith("invalid JSON")


def test_malformed_front_matter_is_ignored_with_a_warning(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    result = read_corpus(corpus(tmp_path, **{"bad.md": f"---\ntitle: [unclosed\ndate: : :\n---\n\n{GOOD}\n"}))
    bad = next(a for a in result.articles if a.id == "bad")
    assert bad.body == GOOD and bad.title is None
    assert any("malformed front matter" in r.getMessage() for r in caplog.records)


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    md = f"---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n\n{GOOD}\n"
    result = read_corpus(corpus(tmp_path, **{"evil.md": md}))
    evil = next(a for a in result.articles if a.id == "evil")
    assert evil.title is None and evil.body == GOOD


def test_malformed_html(tmp_path: Path) -> None:
    broken = f"<html><body><div><p>{GOOD}<p>Unclosed <b>bold text that never ends, as the reporter noted."
    result = read_corpus(
        corpus(tmp_path, **{"broken.html": broken, "empty.htm": "<html><script>x</script></html>"})
    )
    page = next(a for a in result.articles if a.id == "broken")
    assert GOOD in page.body and "<" not in page.body
    assert skipped(result)["empty.htm"] == "no article text found in the HTML"


def test_file_deleted_during_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus(tmp_path, **{"gone.txt": GOOD})
    real = files.corpus_files

    def walk_then_delete(folder: Path) -> list[Path]:
        found = real(folder)
        (folder / "gone.txt").unlink()
        return found

    monkeypatch.setattr(files, "corpus_files", walk_then_delete)
    result = read_corpus(root)
    assert skipped(result) == {"gone.txt": "file disappeared while the corpus was read"}
    assert [a.id for a in result.articles] == ["good"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    root = corpus(tmp_path, **{"secret.txt": GOOD})
    (root / "secret.txt").chmod(0)
    assert skipped(read_corpus(root)) == {"secret.txt": "unreadable (permission denied)"}
