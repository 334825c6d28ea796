"""Main text of an HTML page: article paragraphs kept, menus, banners, scripts and footers dropped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
             "button", "select", "template", "figure"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article",
              "td", "th", "pre", "br", "main", "tr", "dd", "dt"}
BOILERPLATE = re.compile(r"cookie|consent|banner|\bnav|menu|footer|header|sidebar|share|social|comment|"
                         r"subscribe|newsletter|advert|promo|related|breadcrumb|popup|modal", re.I)
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipping)
        self.blocks = {"article": [], "main": [], "body": []}
        self.current = []
        self.title = []
        self.in_title = False
        self.published = None
        self.context = []  # "article"/"main" open counts

    def _skipping(self):
        return any(s for _, s in self.stack)

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
        if tag in ("article", "main"):
            self.context.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self._flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in ("article", "main") and tag in self.context:
            self.context.remove(tag)

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
        for c in set(self.context):
            self.blocks[c].append(text)


def html_to_text(html: str):
    """(title, text, published) of a page; text is one paragraph per line."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    blocks = parser.blocks["article"] or parser.blocks["main"] or parser.blocks["body"]
    # Short link-like lines (menus that escaped the markers) carry no sentences.
    kept = [b for b in blocks if len(b) > 40 or b.endswith((".", "!", "?", ":"))]
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return title, "\n".join(kept), parser.published
