"""Main text of an HTML page through trafilatura: the article kept; menus, banners, related links,
comments, scripts and footers dropped; title, date and declared language from the page's metadata.

trafilatura (with lxml, justext and htmldate) is maintained for exactly this and does it better than
the 91 lines of our own that were here. Dates come from the markup only (meta tags, <time>, JSON-LD),
never guessed from the text or the file: without one the reader falls back to the dateline.
"""
from __future__ import annotations

import logging
import re

from .language import language_code

# trafilatura and htmldate log a page they cannot read at ERROR; the reader says so in its own one line
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_SENTENCE_END = (".", "!", "?", ":", "\u3002", "\uff01", "\uff1f", "\uff1a", '"', "\u201d")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# where a page declares its language, most specific first
_LANG_XPATHS = ('//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")="content-language"]/@content',
                '//meta[@property="og:locale"]/@content', '//meta[@name="language" or @name="dc.language" '
                'or @name="DC.language"]/@content', '/html/@lang', '/html/@xml:lang')


class HTMLError(ValueError):
    """A page that cannot be parsed at all."""


def html_to_text(html: str):
    """(title, text, published, language) of a page; text is one paragraph per line, published an
    ISO date or None, language the page's declared ISO 639-1 code or None."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:  # trafilatura wants a whole page: a fragment ("<p>...</p>") is wrapped first
            tree = load_html(f"<html><body>{html}</body></html>")
    except (ValueError, TypeError) as exc:  # lxml refusing the document outright
        raise HTMLError(str(exc) or type(exc).__name__) from exc
    if tree is None:
        return None, "", None, None
    language = declared_language(tree)
    try:
        found = bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                                include_images=False, deduplicate=False, date_extraction_params=_DATE_PARAMS)
    except ValueError:  # trafilatura's way to say it found nothing to extract
        found = None
    if found is None:
        return None, "", None, language
    # Short link-like lines (a menu the extractor fell back on when the page has no article) carry
    # no sentences; a line that ends as a sentence does, however short.
    lines = (line.strip() for line in (found.text or "").splitlines())
    text = "\n".join(line for line in lines if len(line) > 40 or line.endswith(_SENTENCE_END))
    title = re.sub(r"\s+", " ", found.title).strip() if found.title else None
    return title or None, text, found.date, language


def declared_language(tree) -> str | None:
    """The language a page declares for itself (Content-Language, og:locale, <html lang>), as a
    lower-case ISO 639 code, or None."""
    for xpath in _LANG_XPATHS:
        try:
            values = tree.xpath(xpath, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
        except Exception:  # noqa: BLE001 - an odd tree: no declared language
            continue
        for value in values:
            code = language_code(str(value).split(",")[0])
            if code:
                return code
    return None
