"""RSS and Atom feeds, through feedparser: each item a document (feeds of our own writing)."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from tacitus.ingest.readers import Problem, Reader

ROOT = Path(__file__).resolve().parent.parent

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Norland Ministry of Foreign Affairs: press releases</title>
  <id>tag:mfa.norland.example,2025:press</id>
  <updated>2025-03-14T10:00:00Z</updated>
  <entry>
    <id>tag:mfa.norland.example,2025:pr-101</id>
    <title>Minister meets counterpart from Uruguay</title>
    <link href="https://mfa.norland.example/press/101"/>
    <published>2025-03-12T23:30:00-05:00</published>
    <updated>2025-03-13T08:00:00Z</updated>
    <content type="html">&lt;div class="share"&gt;Share: Facebook | Email&lt;/div&gt;&lt;p&gt;The Foreign Minister
    of Norland received the Foreign Minister of Uruguay at the ministry on Wednesday for talks on trade and
    fisheries.&lt;/p&gt;&lt;p&gt;The two ministers signed an agreement on scientific cooperation in polar
    research.&lt;/p&gt;</content>
  </entry>
  <entry xml:lang="zh">
    <id>tag:mfa.norland.example,2025:pr-102</id>
    <title>外长会见乌拉圭外长</title>
    <updated>2025-03-13T09:00:00Z</updated>
    <summary>诺兰外长星期三在外交部会见乌拉圭外长，双方签署了极地科研合作协议。</summary>
  </entry>
  <entry>
    <id>tag:mfa.norland.example,2025:pr-103</id>
    <title>Photo gallery</title>
    <updated>2025-03-14T09:00:00Z</updated>
  </entry>
</feed>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>The Daily Courier: World</title><link>https://courier.example/world</link><language>en-us</language>
<item>
  <guid isPermaLink="false">courier-2025-0603-17</guid>
  <title>Talks on border crossings end without a deal</title>
  <link>https://courier.example/world/2025/06/03/border-talks</link>
  <pubDate>Tue, 03 Jun 2025 23:05:00 -0400</pubDate>
  <description>&lt;p&gt;Negotiators from Armenia and Azerbaijan ended two days of talks in Vienna on
  Tuesday without an agreement on the reopening of border crossings.&lt;/p&gt;</description>
</item>
<item>
  <title>Mediators to invite both delegations back</title>
  <link>https://courier.example/world/2025/06/04/mediators</link>
  <pubDate>Wed, 04 Jun 2025 08:00:00 GMT</pubDate>
  <description>The mediators said they would invite both delegations back to Vienna next month.</description>
</item>
</channel></rss>"""


def read(*paths, **kw):
    return list(Reader(**kw).read([str(p) for p in paths]))


def test_each_atom_entry_is_a_document_with_its_id_title_date_and_text(tmp_path):
    path = tmp_path / "press.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second, third = read(path)
    assert first.id == "tag:mfa.norland.example,2025:pr-101"
    assert first.title == "Minister meets counterpart from Uruguay"
    assert first.url == "https://mfa.norland.example/press/101"
    assert first.source == "Norland Ministry of Foreign Affairs: press releases"
    assert first.published == "2025-03-12" and first.date_source == "metadata"  # the day the feed wrote, not UTC's
    assert "received the Foreign Minister of Uruguay" in first.text and "polar research" in first.text
    assert "<p>" not in first.text and "Share: Facebook" not in first.text  # through the HTML extractor
    assert first.language == "en" and first.origin == f"{path}:item 1"
    assert (second.language, second.published) == ("zh", "2025-03-13")  # the entry's own xml:lang
    assert isinstance(third, Problem) and third.kind == "skipped" and "no content or summary" in third.message
    assert third.where == f"{path}:item 3"


def test_rss_items_take_guid_else_link_as_id(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = read(path)
    assert first.id == "courier-2025-0603-17" and second.id == "https://courier.example/world/2025/06/04/mediators"
    assert first.published == "2025-06-03" and second.published == "2025-06-04"
    assert first.text.startswith("Negotiators from Armenia and Azerbaijan") and "<p>" not in first.text
    assert second.text == "The mediators said they would invite both delegations back to Vienna next month."
    assert first.language == second.language == "en"  # the channel's <language>
    assert first.source == "The Daily Courier: World"


def test_an_item_without_id_or_link_is_named_by_the_file_and_its_place(tmp_path):
    path = tmp_path / "bare.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
                    "<description>Chile and Peru signed a fisheries agreement in Lima.</description></item>"
                    "</channel></rss>")
    (doc,) = read(path, published="2025-01-02")
    assert doc.id == "bare-1" and doc.published == "2025-01-02" and doc.title is None


def test_bad_feeds_are_one_line_problems_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a-broken.rss").write_text("<rss><channel><item><title>x</title><description>never closed")
    (tmp_path / "b-not-a-feed.atom").write_text("this is plain text, not XML at all")
    (tmp_path / "c-empty.rss").write_text("")
    (tmp_path / "d-sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc>'
                                            "</url></urlset>")
    (tmp_path / "e-no-items.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                                             "</channel></rss>")
    (tmp_path / "f-good.atom").write_text(ATOM, encoding="utf-8")
    items = read(tmp_path)
    problems = [i for i in items if isinstance(i, Problem)]
    assert all("\n" not in str(p) and p.where.startswith(str(tmp_path)) for p in problems)
    by_file = {}
    for p in problems:  # the first problem of each file
        by_file.setdefault(Path(p.where.split(":item")[0]).name, p)
    assert by_file["a-broken.rss"].kind == "warning" and "read despite an error" in by_file["a-broken.rss"].message
    assert by_file["b-not-a-feed.atom"].kind == "failed" and "not an RSS or Atom feed" in by_file["b-not-a-feed.atom"].message
    assert by_file["c-empty.rss"].kind == "skipped"
    assert by_file["d-sitemap.xml"].kind == "warning" and "not an RSS or Atom feed" in by_file["d-sitemap.xml"].message
    assert by_file["e-no-items.rss"].kind == "skipped" and "no items" in by_file["e-no-items.rss"].message
    docs = [i for i in items if not isinstance(i, Problem)]
    assert "tag:mfa.norland.example,2025:pr-101" in [d.id for d in docs]  # the good feed after the bad ones


def test_a_feed_on_standard_input_is_read_as_a_feed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(RSS.encode())})())
    docs = list(Reader().read(["-"]))
    assert [d.id for d in docs] == ["courier-2025-0603-17", "https://courier.example/world/2025/06/04/mediators"]


def test_ingest_of_a_folder_with_a_page_text_json_lines_and_a_feed_in_one_call(tmp_path):
    import json
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.atom").write_text(ATOM, encoding="utf-8")
    (folder / "page.html").write_text("<html><body><article><p>On 5 May 2025, the foreign ministers of Chile "
                                      "and Peru signed a trade agreement in Lima.</p></article></body></html>")
    (folder / "note.txt").write_text("On May 6, 2025, Kenya and Ethiopia signed a border agreement.")
    (folder / "news.jsonl").write_text(json.dumps({"id": "n1", "text": "Brazil praised Argentina on Monday.",
                                                   "published": "2025-05-05"}) + "\n")
    db = tmp_path / "t.duckdb"
    run = subprocess.run([sys.executable, "-m", "tacitus", "ingest", str(folder), "--db", str(db)],
                         capture_output=True, text=True, cwd=ROOT)
    assert "4 coded" in run.stderr and "1 skipped for their language (zh 1)" in run.stderr, run.stderr
    assert "1 failed" in run.stderr  # the entry with no content, stored with its reason
    from tacitus.store import Store
    with Store(str(db), read_only=True) as store:
        docs = {d["id"]: d for d in store.documents()}
    assert docs["tag:mfa.norland.example,2025:pr-101"]["status"] == "coded"
    assert docs["tag:mfa.norland.example,2025:pr-102"]["language"] == "zh"
    assert {"n1", "note", "page"} <= set(docs)
