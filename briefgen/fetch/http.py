"""A polite, bounded HTTP GET: user agent, timeouts, retries with backoff, a size cap, http(s) only."""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from briefgen import __version__
from briefgen.errors import BriefgenError

log = logging.getLogger(__name__)

USER_AGENT = f"briefgen/{__version__} (+https://example.invalid/briefgen)"
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


class FetchError(BriefgenError):
    """A feed or page could not be fetched; the message is the one-line reason."""


class _Transient(Exception):
    """A failure worth another attempt: timeout, connection error, 5xx."""


@dataclass(frozen=True)
class HttpOptions:
    timeout: float = 20.0
    """Seconds to wait for the server on each socket operation."""
    max_seconds: float = 120.0
    """Seconds a single download may take in all, however slowly the bytes trickle in."""
    retries: int = 2
    """Extra attempts after a timeout, a connection error or a 5xx answer."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled before each next one."""
    max_bytes: int = 20 * 1024 * 1024
    """A page or feed larger than this is abandoned."""
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    """Called with the backoff delay (tests pass a recorder)."""


@dataclass(frozen=True)
class Response:
    url: str
    """The final URL, after redirects."""
    status: int
    content_type: str
    charset: str | None
    body: bytes


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL (no file:, ftp:, data: ...)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.netloc:
        raise FetchError(f"unsupported URL (only http and https): {url[:200]!r}")


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            reason = f"redirect to unsupported URL {newurl[:200]!r}"
            raise urllib.error.HTTPError(newurl, code, reason, headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def get(url: str, options: HttpOptions) -> Response:
    """GET ``url``; retry transient failures with exponential backoff; raise FetchError with the reason."""
    check_url(url)
    delay = options.backoff
    attempts = options.retries + 1
    for attempt in range(1, attempts + 1):
        try:
            return _get_once(url, options)
        except _Transient as exc:
            if attempt == attempts:
                raise FetchError(f"{exc} (after {attempts} attempts)") from None
            log.info("%s: %s; retrying in %.1fs", url, exc, delay)
            options.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def _get_once(url: str, options: HttpOptions) -> Response:
    opener = urllib.request.build_opener(_SafeRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=options.timeout) as resp:
            _check_length(resp.headers.get("Content-Length"), options.max_bytes)
            body = _read_capped(resp, options)
            kind, charset = resp.headers.get_content_type(), resp.headers.get_content_charset()
            return Response(resp.geturl(), resp.status, kind, charset, body)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code >= 500:
            raise _Transient(f"HTTP {exc.code} {exc.reason}") from None
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _Transient(f"timed out after {options.timeout:g}s") from None
        raise _Transient(f"connection failed: {exc.reason}") from None
    except TimeoutError:
        raise _Transient(f"timed out after {options.timeout:g}s") from None
    except (ConnectionError, http.client.HTTPException) as exc:
        raise _Transient(f"connection failed: {type(exc).__name__} {exc}".strip()) from None


def _check_length(header: str | None, cap: int) -> None:
    if header and header.strip().isdigit() and int(header) > cap:
        raise FetchError(f"larger than the size cap ({int(header)} > {cap} bytes)")


def _read_capped(resp: Any, options: HttpOptions) -> bytes:
    """Read at most ``max_bytes``; abort beyond it, or when the whole download takes too long."""
    deadline = time.monotonic() + options.max_seconds
    chunks: list[bytes] = []
    size = 0
    while chunk := resp.read(_CHUNK):
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(f"larger than the size cap ({options.max_bytes} bytes)")
        if time.monotonic() > deadline:
            raise _Transient(f"download took longer than {options.max_seconds:g}s")
        chunks.append(chunk)
    return b"".join(chunks)
