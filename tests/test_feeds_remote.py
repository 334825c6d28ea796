"""Feed URLs: fetched through httpx from a local server (feeds and pages of our own writing)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from feedserver import FeedServer, Response

from tacitus.ingest.readers import Problem, Reader

ROOT = Path(__file__).resolve().parent.parent


def rss(*items, title="The Harbour Gazette: World"):
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://gazette.example/</link><language>en</language>"
            + "".join(items) + "</channel></rss>")


def item(guid, title, text=None, link=None, day="Mon, 07 Apr 2025 09:00:00 GMT"):
    parts = [f"<guid>{guid}</guid>", f"<title>{title}</title>", f"<pubDate>{day}</pubDate>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if text:
        parts.append(f"<description>{text}</description>")
    return "<item>" + "".join(parts) + "</item>"


PAGE = """<!doctype html><html lang="en"><head><title>Fisheries accord | Harbour Gazette</title>
<meta property="article:published_time" content="2025-04-06T18:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies to improve this site. Accept all | Settings</div>
<article><h1>Fisheries accord signed</h1>
<p>The fisheries ministers of Iceland and Norway signed an agreement on mackerel quotas in Reykjavik on
Sunday after three rounds of talks.</p>
<p>Both governments said the accord would be reviewed by their parliaments before the summer.</p></article>
<footer>Copyright Harbour Gazette. All rights reserved. Contact | Privacy</footer></body></html>"""


def read(paths, **kw):
    return list(Reader(**kw).read(paths))


def test_a_feed_url_is_fetched_and_read_as_a_feed_file_is():
    feed = rss(item("hg-1", "Chile and Peru sign trade pact", "Chile and Peru signed a trade agreement in Lima."))
    with FeedServer({"/world.rss": [Response(feed)]}) as server:
        (doc,) = read([server.url("/world.rss")])
    assert doc.id == "hg-1" and doc.title == "Chile and Peru sign trade pact"
    assert doc.text == "Chile and Peru signed a trade agreement in Lima."
    assert doc.published == "2025-04-07" and doc.language == "en" and doc.source == "The Harbour Gazette: World"
    assert doc.origin == f"{server.url('/world.rss')}:item 1"


def test_a_failed_fetch_is_one_line_naming_the_url_and_the_batch_goes_on(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Kenya and Ethiopia signed a border agreement.")
    with FeedServer({"/down.rss": [Response("oops", 500, "text/plain")],
                     "/slow.rss": [Response(rss(), delay=3.0)]}) as server:
        with FeedServer() as closed:
            gone = closed.url("/gone.rss")
        items = read([server.url("/down.rss"), server.url("/missing.rss"), server.url("/slow.rss"), gone, str(note)],
                     timeout=0.5)
    *problems, doc = items
    assert doc.id == "note"
    assert all(isinstance(p, Problem) and p.kind == "failed" and "\n" not in str(p) for p in problems)
    down, missing, slow, refused = problems
    assert down.where == server.url("/down.rss") and down.message == "cannot fetch: HTTP 500 Internal Server Error"
    assert missing.message == "cannot fetch: HTTP 404 Not Found"
    assert slow.message == "cannot fetch: timed out after 0.5s"
    assert refused.where == gone and refused.message.startswith("cannot fetch: ConnectError")


def test_malformed_xml_from_a_url_is_the_feed_readers_one_line():
    with FeedServer({"/bad.rss": [Response("<html><body>Service unavailable</body>", kind="text/html")]}) as server:
        (problem,) = read([server.url("/bad.rss")])
    assert problem.kind == "failed" and problem.message.startswith("not an RSS or Atom feed")


def test_fetch_pages_reads_an_item_without_text_from_its_linked_page():
    def feed(base):
        return rss(item("hg-2", "Fisheries accord signed", link=f"{base}/world/accord.html"),
                   item("hg-3", "Gallery: the harbour at dawn", link=f"{base}/world/gone.html"),
                   item("hg-4", "Talks resume", "Serbia and Kosovo resumed talks in Brussels."))

    with FeedServer({"/world/accord.html": [Response(PAGE, kind="text/html; charset=utf-8")]}) as server:
        base = server.url("")
        server.set("/world.rss", Response(feed(base)))
        plain = read([server.url("/world.rss")])
        fetched = read([server.url("/world.rss")], fetch_pages=True)
        assert server.requests.count("/world/accord.html") == 1  # only when asked
    assert [type(x).__name__ for x in plain] == ["Problem", "Problem", "Document"]
    assert "no content or summary" in plain[0].message
    accord, gone, talks = fetched
    assert accord.id == "hg-2" and accord.url == f"{base}/world/accord.html"
    assert accord.text.startswith("The fisheries ministers of Iceland and Norway signed an agreement")
    assert "cookies" not in accord.text and "Copyright" not in accord.text and "Sport" not in accord.text
    assert accord.published == "2025-04-07"  # the item's own date wins over the page's
    assert isinstance(gone, Problem) and gone.kind == "skipped"
    assert gone.message == f"item 'hg-3': cannot fetch its page {base}/world/gone.html: HTTP 404 Not Found"
    assert talks.id == "hg-4" and talks.text.startswith("Serbia and Kosovo")


def test_ingest_of_a_feed_url_stores_its_items_and_names_a_url_that_fails(tmp_path):
    feed = rss(item("hg-5", "Ministers meet", "The foreign ministers of Chile and Peru met in Lima on Monday."))
    db = tmp_path / "t.duckdb"
    with FeedServer({"/world.rss": [Response(feed)], "/down.rss": [Response("", 503, "text/plain")]}) as server:
        run = subprocess.run([sys.executable, "-m", "tacitus", "ingest", server.url("/down.rss"),
                              server.url("/world.rss"), "--db", str(db), "--timeout", "5"],
                             capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 1, run.stderr
    assert f"tacitus: failed: {server.url('/down.rss')}: cannot fetch: HTTP 503 Service Unavailable" in run.stderr
    assert "1 coded" in run.stderr and "1 failed" in run.stderr
    from tacitus.store import Store
    with Store(str(db), read_only=True) as store:
        assert store.document("hg-5")["status"] == "coded"
