"""RSS and Atom feeds through feedparser: each item a document.

An item's id is its guid (Atom: id), else its link, else FILE-N for the Nth item; its title and
date are the item's own (published, else updated, on the day the feed wrote); its text is its
content, else its summary, else (when the caller gives a way to fetch it: `tacitus ingest URL
--fetch-pages`) its linked page, through the HTML extractor (ingest/html.py) when it is HTML; its
language is the item's or the feed's own tag, else detected. A feed feedparser cannot read at all
is one Problem; one it reads despite an error (feedparser's "bozo" flag) is a warning and its
items; an item with no text is a skipped Problem naming the item, and the rest of the feed goes on.
"""
from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

from ..model import Document
from .fields import MAX_ID_CHARS, Problem, brief, is_blank, one_line, storable_text, too_large
from .html import HTMLError, html_to_text
from .language import language_code

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")

__all__ = ["FEED_SUFFIXES", "feed_documents", "looks_like_feed"]


def looks_like_feed(head: bytes) -> bool:
    """Does input starting with `head` look like an RSS or Atom feed (for stdin)?"""
    start = head.lstrip()[:2000].lower()
    return start.startswith(b"<?xml") and (b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start)


def feed_documents(raw: bytes, where: str, stem: str, *, published=None, max_bytes: int, named=True, page=None):
    """The Documents and Problems of one feed file's bytes, in item order (`finish` still to be
    applied by the caller, as for every reader). A file not `named` a feed (.xml) that is no feed
    is a warning, not a failure: such a folder holds other XML too. `page(link)`, when given, is
    the HTML of an item's linked page (or raises, its message the reason): an item with no content
    or summary is read from it."""
    import feedparser

    parsed = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        if not named:
            yield Problem(where, "XML that is not an RSS or Atom feed: not read", "warning")
            return
        why = parsed.get("bozo_exception")
        yield Problem(where, "not an RSS or Atom feed" + (f": {_reason(why)}" if why else ""))
        return
    if parsed.get("bozo"):
        yield Problem(where, f"feed read despite an error: {_reason(parsed.get('bozo_exception'))}", "warning")
    if not parsed.entries:
        yield Problem(where, "feed with no items", "skipped")
        return
    feed = parsed.feed
    feed_language = language_code(feed.get("language"))
    source = _text(feed.get("title"))
    for n, entry in enumerate(parsed.entries, 1):
        yield _document(entry, f"{where}:item {n}", f"{stem}-{n}", feed_language, source, published, max_bytes,
                        page)


def _document(entry, where, default_id, feed_language, source, published, max_bytes, page=None):
    doc_id = _text(entry.get("id")) or _text(entry.get("link")) or default_id
    if len(doc_id) > MAX_ID_CHARS:
        return Problem(where, f"the item's id is too long: {len(doc_id):,} characters, at most {MAX_ID_CHARS}")
    body, kind, tag = _body(entry)
    from_page = (body is None or is_blank(body)) and page is not None and _text(entry.get("link")) is not None
    if from_page:
        body, kind = _page(page, _text(entry.get("link")), where, doc_id), "text/html"
        if isinstance(body, Problem):
            return body
    if body is None or is_blank(body):
        return Problem(where, f"item {brief(doc_id)} has no content or summary", "skipped")
    if not from_page and len(body.encode("utf-8", "surrogatepass")) > max_bytes:  # a page: the fetcher's limit
        return Problem(where, too_large(len(body.encode("utf-8", "surrogatepass")), max_bytes, "item"))
    text, html_language, page_date = body, None, None
    if kind in _HTML_TYPES or (kind is None and "<" in body):
        try:
            _, text, page_date, html_language = html_to_text(body)
        except HTMLError as exc:
            return Problem(where, f"item {brief(doc_id)}: HTML that cannot be parsed: {str(exc)[:80]}")
    if is_blank(text):
        return Problem(where, f"item {brief(doc_id)} has no text once its HTML is read", "skipped")
    text, warning = storable_text(text.strip())
    title = _text(entry.get("title"))
    day = _date(entry) or (_day(page_date) if from_page else None) or published
    return Document(id=one_line(doc_id), text=text, title=storable_text(title)[0] if title else None,
                    url=_text(entry.get("link")), source=source, published=day, origin=where,
                    language=language_code(tag) or html_language or feed_language,
                    warnings=[warning] if warning else [])


def _page(page, link, where, doc_id):
    """The HTML of an item's linked page, or a skipped Problem when it cannot be fetched."""
    try:
        return page(link)
    except Exception as exc:  # noqa: BLE001 - the fetcher's one-line reason; the feed goes on
        return Problem(where, f"item {brief(doc_id)}: cannot fetch its page {one_line(link)}: {exc}", "skipped")


def _body(entry):
    """(text, its type, its language tag) of the item's content, else its summary."""
    for part in entry.get("content") or []:
        if _text(part.get("value")):
            return part.get("value"), (part.get("type") or "").lower() or None, part.get("language")
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary")
    if _text(summary):
        return summary, (detail.get("type") or "").lower() or None, detail.get("language")
    return None, None, None


def _date(entry):
    """The day the item says it was published (else updated), as the feed wrote it (not moved to
    UTC, which can change the day), or None."""
    from .readers import normalise_date

    for name in ("published", "updated", "created"):
        raw = entry.get(name)
        if not raw:
            continue
        day = normalise_date(raw)
        if day:
            return day
        try:
            return parsedate_to_datetime(raw).date().isoformat()  # RFC 822, as RSS writes it
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
        parsed = entry.get(f"{name}_parsed")
        if parsed:
            try:
                return datetime(*parsed[:3]).date().isoformat()
            except (TypeError, ValueError):
                pass
    return None


def _day(value):
    from .readers import normalise_date
    return normalise_date(value)


def _text(value):
    return value.strip() if isinstance(value, str) and value.strip() else None


def _reason(exc) -> str:
    return one_line(f"{type(exc).__name__}: {exc}" if exc is not None else "unknown")[:160]
