"""Bytes -> text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, legacy cp1252/latin-1; NFC, LF.

Detection order: a BOM decides; otherwise strict UTF-8. Text that is mostly valid UTF-8 with a few stray
bytes (mixed encodings) keeps its UTF-8 and reads the stray bytes as cp1252. Text with no valid UTF-8
multibyte sequence at all is handed to charset-normalizer, restricted to common legacy encodings.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from briefgen.ingest.values import SkipFile

log = logging.getLogger(__name__)

_LEGACY = ["cp1252", "latin_1", "iso8859_15"]
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_NEWLINES = re.compile(r"\r\n?")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("briefgen-cp1252", _cp1252_fallback)


def normalise(text: str) -> str:
    """NFC with Unix newlines: the form every offset and verbatim check refers to."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def decode(data: bytes, name: str = "") -> str:
    """The text of ``data``, NFC-normalised with LF newlines; SkipFile when no encoding fits."""
    return normalise(_decode(data, name))


def _decode(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                reason = f"invalid {codec.upper()} text despite its byte-order mark ({exc.reason})"
                raise SkipFile(reason) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        log.warning("%s: not valid UTF-8 throughout; stray bytes read as cp1252", name)
        return data.decode("utf-8", errors="briefgen-cp1252")
    return _legacy(data, name)


def _legacy(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes  # imported on first use: start-up stays fast

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None or best.encoding is None:
        raise SkipFile("not UTF-8 and no known legacy encoding fits")
    log.info("%s: not UTF-8; read as %s", name, best.encoding)
    return data.decode(best.encoding, errors="replace")
