"""A tiny local web site for fetch tests: feeds and pages served from 127.0.0.1 on an ephemeral port."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""
    fail_first: int = 0
    """Answer 503 to this many requests before the real answer (a flaky server)."""
    headers: tuple[tuple[str, str], ...] = ()


class Site:
    """Routes by path; counts hits and remembers the user agents seen."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.base = ""
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        site = self.server.site  # type: ignore[attr-defined]
        with site.lock:
            site.hits[self.path] += 1
            hits = site.hits[self.path]
            site.agents.add(self.headers.get("User-Agent", ""))
        route = site.routes.get(self.path) or Route(b"<html><body>Not here</body></html>", status=404)
        try:
            time.sleep(route.delay)
            if hits <= route.fail_first:
                self._answer(503, "text/plain", b"busy", ())
            else:
                self._answer(route.status, route.content_type, route.body, route.headers)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def _answer(self, status: int, kind: str, body: bytes, headers: tuple[tuple[str, str], ...]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.site = site  # type: ignore[attr-defined]
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def article_html(title: str, paragraphs: list[str], lang: str = "en", site_name: str = "Example Post") -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta property="og:site_name" content="{escape(site_name)}"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World desk</a> | <a href="/sub">Subscribe today</a></nav>
<article><h1>{escape(title)}</h1>
{body}
</article>
<footer>Footer links and legal notices for the whole site live here.</footer></body></html>"""


def rss(title: str, items: list[dict[str, str]], language: str = "en-gb") -> str:
    rows = []
    for item in items:
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items())
        rows.append(f"<item>{fields}</item>")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>http://example.invalid/</link>
<description>Test channel</description><language>{language}</language>
{"".join(rows)}
</channel></rss>"""


def atom(title: str, entries: list[dict[str, str]]) -> str:
    rows = []
    for e in entries:
        rows.append(
            f"""<entry><title>{escape(e["title"])}</title><link href="{escape(e["link"])}"/>
<id>{escape(e["link"])}</id><updated>{e["updated"]}</updated>
<summary>{escape(e.get("summary", ""))}</summary></entry>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title><id>urn:test:feed</id>
<updated>2026-02-11T08:00:00Z</updated>
{"".join(rows)}
</feed>"""
