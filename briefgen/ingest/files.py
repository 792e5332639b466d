"""Finding corpus files and reading their bytes: recursion without symlink loops, a size cap, binaries."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from briefgen.ingest.values import SkipFile

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)
_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def corpus_files(root: Path) -> list[Path]:
    """Every file under ``root`` with a known suffix, sorted; each directory is visited once (no loops)."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, names in os.walk(root, followlinks=True, onerror=_walk_error):
        try:
            st = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            log.warning("%s: skipped (symbolic link loop or folder already read)", folder)
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(folder) / name)
    return sorted(found)


def _walk_error(exc: OSError) -> None:
    log.warning("%s: skipped (%s)", exc.filename, exc.strerror or exc)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; SkipFile when it is empty, too big, gone, unreadable or binary."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SkipFile(f"larger than the size cap ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB)")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise SkipFile("file disappeared while the corpus was read") from None
    except PermissionError:
        raise SkipFile("unreadable (permission denied)") from None
    except OSError as exc:
        raise SkipFile(f"unreadable ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise SkipFile(f"larger than the size cap ({max_bytes / 1e6:.1f} MB)")
    if not data.strip():
        raise SkipFile("empty file")
    binary = binary_kind(data)
    if binary:
        raise SkipFile(f"binary file ({binary}), not text")
    return data


def binary_kind(data: bytes) -> str | None:
    """What kind of binary ``data`` looks like, or None for text (UTF-16 with a BOM counts as text)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(_BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(head.translate(None, _NOT_CONTROL))
    return "control characters" if controls > max(4, len(head) // 100) else None
