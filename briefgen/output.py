"""Writing outputs safely: sanitised file names and atomic replacement (the last good file survives)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from briefgen.errors import OutputError

_UNSAFE = re.compile(r"[^a-z0-9-]+")


def safe_stem(name: str) -> str:
    """Lowercase letters, digits and hyphens only: no separators, dots or ``..`` can survive.

    Accents are dropped first ("Réadmissions" -> "readmissions") so the readable part is kept.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_name.lower()).strip("-")[:80].strip("-") or "memo"


def memo_filename(topic: str, date: dt.date, fmt: str) -> str:
    """``readmissions-2026-02-25.pdf``: an attachment that explains itself."""
    return f"{safe_stem(topic)}-{date.isoformat()}.{safe_stem(fmt)}"


def make_folder(folder: Path, what: str = "output folder") -> None:
    """Create ``folder`` and its parents; OutputError naming the part that is a file, not a folder."""
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocker == folder:
        raise OutputError(f"{folder}: is a file, not a folder (the {what} must be a folder)")
    if blocker is not None:
        raise OutputError(f"{folder}: cannot create the {what}: {blocker} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the {what} ({exc.strerror or exc})") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    On any failure the temporary file is removed, ``path`` keeps its previous content and OutputError
    says why in one line.
    """
    tmp: str | None = None
    make_folder(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
