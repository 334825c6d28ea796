"""Main text of an HTML page: article paragraphs kept, menus, banners, scripts and footers dropped."""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
             "button", "select", "template", "figure"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article",
              "td", "th", "pre", "br", "main", "tr", "dd", "dt"}
BOILERPLATE = re.compile(r"cookie|consent|banner|\bnav|menu|footer|header|sidebar|share|social|comment|"
                         r"subscribe|newsletter|advert|promo|related|breadcrumb|popup|modal", re.I)
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}


class _Extractor(HTMLParser):
    # Counts of what is open, kept as tags come and go: a page of a million unclosed tags must not
    # cost a scan of all of them for every piece of text (quadratic: hours for a few megabytes).
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipping)
        self.skipping = 0  # entries of the stack that skip their content
        self.open = Counter()  # tag -> entries of the stack
        self.blocks = {"article": [], "main": [], "body": []}
        self.current = []
        self.title = []
        self.in_title = False
        self.published = None
        self.context = Counter()  # "article"/"main" open counts

    def _skipping(self):
        return self.skipping > 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and not self.published:
            prop = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if prop in ("article:published_time", "datepublished", "date", "pubdate", "dc.date"):
                self.published = attrs.get("content")
        if tag == "time" and not self.published and attrs.get("datetime"):
            self.published = attrs.get("datetime")
        if tag == "title":
            self.in_title = True
        if tag in VOID_TAGS:
            if tag == "br":
                self._flush()
            return
        marker = " ".join(filter(None, [attrs.get("class"), attrs.get("id"), attrs.get("role")]))
        skip = tag in SKIP_TAGS or bool(marker and BOILERPLATE.search(marker))
        if tag in BLOCK_TAGS:
            self._flush()
        self.stack.append((tag, skip))
        self.skipping += skip
        self.open[tag] += 1
        if tag in ("article", "main"):
            self.context[tag] += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self._flush()
        if self.open[tag]:  # close it and everything opened inside it
            while True:
                name, skip = self.stack.pop()
                self.skipping -= skip
                self.open[name] -= 1
                if name == tag:
                    break
        if tag in ("article", "main") and self.context[tag]:
            self.context[tag] -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if not self._skipping():
            self.current.append(data)

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        self.current = []
        if not text:
            return
        self.blocks["body"].append(text)
        for c in ("article", "main"):
            if self.context[c]:
                self.blocks[c].append(text)


def html_to_text(html: str):
    """(title, text, published) of a page; text is one paragraph per line."""
    html = _tail_as_text(html)
    try:
        parser = _parsed(html)
    except AssertionError:  # how the standard parser refuses a malformed "<![" section
        parser = _parsed(html.replace("<![", "&lt;!["))
    blocks = parser.blocks["article"] or parser.blocks["main"] or parser.blocks["body"]
    # Short link-like lines (menus that escaped the markers) carry no sentences.
    kept = [b for b in blocks if len(b) > 40 or b.endswith((".", "!", "?", ":"))]
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return title, "\n".join(kept), parser.published


def _parsed(html: str) -> _Extractor:
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser


def _tail_as_text(html: str) -> str:
    """The page with each '<' after its last '>' written as "&lt;": such a '<' can open no tag, and the
    standard parser, meeting one, searches to the end of the page for a '>' before taking it as
    text, again for the next one: a page ending in a long unclosed run of them took minutes."""
    last = html.rfind(">")
    if html.find("<", last + 1) < 0:
        return html
    return html[:last + 1] + html[last + 1:].replace("<", "&lt;")
