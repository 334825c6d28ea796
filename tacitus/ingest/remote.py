"""Feeds (and, when asked, the pages their items link to) over HTTP(S), through httpx.

A URL given to `tacitus ingest` or `tacitus watch` is fetched once, with a timeout and a size limit,
and read as a feed file is (ingest/feeds.py); its items' ids are their guids or links, else the URL
and the item's place. A fetch that fails (no connection, a timeout, an HTTP error status, a body over
the limit) is one Problem naming the URL and the reason, and the batch goes on. With `fetch_pages`,
an item that carries no content or summary has its linked page fetched and read by the HTML
extractor; a page that cannot be fetched skips that item, in one line, never the feed.
"""
from __future__ import annotations

from .fields import Problem, one_line

TIMEOUT = 20.0  # seconds to connect, and between bytes read
PAGE_LIMIT_FACTOR = 4  # a page holds menus and scripts besides its text: up to this many times --max-bytes

__all__ = ["FetchError", "Fetcher", "is_url", "url_items"]


class FetchError(Exception):
    """A URL that could not be fetched; its message is one line, the reason."""


def is_url(path) -> bool:
    return isinstance(path, str) and path[:8].lower().startswith(("http://", "https://"))


class Fetcher:
    """GETs a URL's body (following redirects) within a timeout and a size limit, or raises FetchError."""

    def __init__(self, timeout: float = TIMEOUT, client=None):
        self.timeout = timeout
        self._client = client

    @property
    def client(self):
        if self._client is None:
            import httpx

            from .. import __version__
            self._client = httpx.Client(timeout=httpx.Timeout(self.timeout), follow_redirects=True,
                                        headers={"User-Agent": f"tacitus/{__version__} (event coder; feed reader)"})
        return self._client

    def get(self, url: str, limit: int) -> tuple[bytes, str]:
        """(the body, its content type) of `url`; FetchError when it cannot be had whole."""
        import httpx

        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"more than {limit:,} bytes: not read")
                return bytes(body), response.headers.get("content-type", "")
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g}s") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a URL that can be fetched: {exc}") from None
        except httpx.HTTPError as exc:  # connection refused, DNS, TLS, a broken response
            raise FetchError(one_line(f"{type(exc).__name__}: {exc}")[:160]) from None

    def page(self, url: str, limit: int) -> str:
        """The text of an HTML page at `url` (decoded as its headers or UTF-8 say), or FetchError."""
        raw, kind = self.get(url, limit)
        charset = "utf-8"
        for part in kind.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return raw.decode(charset, "replace")
        except LookupError:  # a charset Python does not know
            return raw.decode("utf-8", "replace")

    def close(self):
        if self._client is not None:
            self._client.close()
            self._client = None


def url_items(reader, url: str, fetcher: Fetcher | None = None):
    """The Documents and Problems of the feed at `url`, read by `reader` (a Reader: its size limit,
    default date and `fetch_pages`); a failed fetch is one Problem at the URL."""
    from .readers import FEED_LIMIT

    where = one_line(url)
    fetcher = fetcher or reader.fetcher
    try:
        raw, kind = fetcher.get(url, reader.max_bytes * FEED_LIMIT)
    except FetchError as exc:
        yield Problem(where, f"cannot fetch: {exc}")
        return
    if not raw.strip():
        yield Problem(where, "empty response: no feed", "skipped")
        return
    page = None
    if reader.fetch_pages:
        def page(link):
            return fetcher.page(link, reader.max_bytes * PAGE_LIMIT_FACTOR)
    yield from reader.feed(raw, where, where, page=page)

