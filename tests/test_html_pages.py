"""Web pages through trafilatura: pages of our own in the styles of a ministry site and a news site,
with the boilerplate such sites carry around the article."""
from __future__ import annotations

from tacitus.ingest.readers import Problem, Reader

MINISTRY = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Minister meets counterpart from Uruguay | Ministry of Foreign Affairs of Norland</title>
  <meta property="og:title" content="Minister meets counterpart from Uruguay">
  <meta property="article:published_time" content="2025-03-12T09:30:00+01:00">
</head>
<body>
  <div id="cookie-consent" class="cookie-banner">
    <p>This website uses cookies to remember your choices and to measure visits. Accept all cookies or
    manage your settings.</p><button>Accept all</button><button>Manage settings</button>
  </div>
  <header class="site-header"><a href="/">Ministry of Foreign Affairs</a>
    <nav class="main-menu"><ul><li><a href="/about">About the ministry</a></li><li><a href="/press">Press room</a></li>
    <li><a href="/travel">Travel advice</a></li><li><a href="/consular">Consular services</a></li></ul></nav>
  </header>
  <nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/press">Press room</a> &gt; Press releases</nav>
  <main>
    <article>
      <h1>Minister meets counterpart from Uruguay</h1>
      <p class="meta">Press release, 12 March 2025</p>
      <p>The Foreign Minister of Norland received the Foreign Minister of Uruguay at the ministry on
      Wednesday for talks on trade, fisheries and the protection of the South Atlantic.</p>
      <p>The two ministers signed an agreement on scientific cooperation in polar research and agreed to
      open negotiations on a double taxation treaty before the end of the year.</p>
      <p>The Minister thanked her guest for Uruguay's support at the United Nations and accepted an
      invitation to visit Montevideo in the autumn.</p>
    </article>
    <aside class="related-links"><h2>Related press releases</h2><ul>
      <li><a href="/p/1">Minister visits the Nordic Council in Helsinki</a></li>
      <li><a href="/p/2">State Secretary opens the trade fair in Oslo</a></li></ul></aside>
  </main>
  <div class="share-buttons">Share this page: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
  <footer class="site-footer"><p>Ministry of Foreign Affairs of Norland, Main Street 1. Switchboard open on
  weekdays from eight to four.</p><p>Privacy policy | Accessibility statement | Copyright 2025</p></footer>
  <script>window.analytics = {page: "press release about Uruguay"};</script>
</body>
</html>"""

NEWS = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Talks on border crossings end without a deal - The Daily Courier</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Talks on border crossings end without a deal", "datePublished": "2025-06-03T18:05:00Z"}</script>
</head>
<body>
<div class="gdpr-banner" role="dialog"><p>We and our partners use cookies and similar technologies to
personalise content and advertising. By clicking Agree you consent to this.</p><a href="#">Agree</a></div>
<div class="top-nav"><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/subscribe">Subscribe for one euro a week</a></div>
<div class="content">
  <h1 class="headline">Talks on border crossings end without a deal</h1>
  <div class="byline">By a staff reporter</div>
  <div class="article-body">
    <p>Negotiators from Armenia and Azerbaijan ended two days of talks in Vienna on Tuesday without an
    agreement on the reopening of border crossings, officials on both sides said.</p>
    <p>The Armenian delegation accused its counterparts of changing the draft at the last minute, while
    Azerbaijan's foreign ministry said the other side had refused a compromise on customs checks.</p>
    <p>The mediators said they would invite both delegations back to Vienna next month.</p>
  </div>
  <div class="newsletter-signup"><p>Get the morning briefing in your inbox every weekday. Sign up for
  our free newsletter today.</p></div>
  <section class="related"><h3>More on this story</h3><ul>
    <li><a href="/a/1">Foreign ministers to meet in Geneva next week</a></li>
    <li><a href="/a/2">Opinion: why the border matters for regional trade</a></li></ul></section>
  <section id="comments" class="comments"><h3>Comments (2)</h3>
    <div class="comment"><p>Reader42: Nothing will change until the mediators put real pressure on
    both governments, mark my words.</p></div>
    <div class="comment"><p>Anna_K: I crossed that border in 2019 and waited for nine hours at the
    checkpoint, a terrible experience.</p></div>
  </section>
</div>
<footer><p>The Daily Courier. All rights reserved. Contact the newsroom. Advertise with us.</p></footer>
</body></html>"""


def read(*paths):
    return list(Reader().read([str(p) for p in paths]))


def test_a_ministry_page_keeps_the_release_and_drops_its_boilerplate(tmp_path):
    page = tmp_path / "release.html"
    page.write_text(MINISTRY, encoding="utf-8")
    (doc,) = read(page)
    assert "received the Foreign Minister of Uruguay" in doc.text
    assert "double taxation treaty" in doc.text and "visit Montevideo" in doc.text
    for junk in ("cookies", "Travel advice", "Consular services", "Nordic Council", "Share this page",
                 "Switchboard", "Privacy policy", "analytics", "Press room"):
        assert junk not in doc.text, junk
    assert doc.published == "2025-03-12" and doc.date_source == "metadata"
    assert doc.title.startswith("Minister meets counterpart from Uruguay")


def test_a_news_page_keeps_the_story_and_drops_comments_and_related_links(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(NEWS, encoding="utf-8")
    (doc,) = read(page)
    assert "Negotiators from Armenia and Azerbaijan" in doc.text
    assert "refused a compromise on customs checks" in doc.text and "back to Vienna" in doc.text
    for junk in ("cookies", "Subscribe", "Sport", "newsletter", "More on this story", "Geneva",
                 "Reader42", "nine hours", "All rights reserved"):
        assert junk not in doc.text, junk
    assert doc.published == "2025-06-03"  # from the page's JSON-LD
    assert doc.title.startswith("Talks on border crossings end without a deal")


def test_a_page_without_a_date_in_its_markup_takes_the_dateline(tmp_path):
    page = tmp_path / "undated.html"
    page.write_text("<html><head><title>Talks</title></head><body><article>"
                    "<p>LIMA, 4 April 2025 - The foreign ministers of Chile and Peru met in Lima on Friday "
                    "to discuss the fishing dispute, and agreed to meet again in May.</p>"
                    "<p>Both sides said the talks had been frank and useful.</p></article></body></html>")
    (doc,) = read(page)
    assert doc.published == "2025-04-04" and doc.date_source == "dateline"


def test_a_date_in_the_text_alone_is_not_taken_as_the_page_date(tmp_path):
    # no dateline and no markup date: the page is undated, not dated from a sentence or the file
    page = tmp_path / "plain.html"
    page.write_text("<html><body><article><p>The treaty signed on 3 May 1999 was renewed by both "
                    "parliaments, the ministers of Chile and Peru said in a joint statement.</p>"
                    "</article></body></html>")
    (doc,) = read(page)
    assert doc.published is None and doc.date_source is None
    (doc,) = Reader(published="2025-01-02").read([str(page)])
    assert doc.published == "2025-01-02"  # the default the user gave (--published)


def test_bad_pages_are_one_line_problems_naming_the_file_and_the_batch_goes_on(tmp_path):
    empty = tmp_path / "a-menus-only.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
                     "<footer>Copyright</footer></body></html>")
    binary = tmp_path / "b-binary.html"
    binary.write_bytes(b"\x00\x01\x02<html>")
    latin = tmp_path / "c-latin1.html"
    latin.write_bytes("<html><body><p>Caf\xe9</p></body></html>".encode("latin-1"))
    good = tmp_path / "d-good.html"
    good.write_text(MINISTRY, encoding="utf-8")
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Problem", "Problem", "Problem", "Document"]
    for item, name in zip(items, (empty, binary, latin)):
        assert isinstance(item, Problem) and item.where == str(name) and "\n" not in str(item)
    assert items[0].kind == "skipped" and "no main text" in items[0].message
    assert "Uruguay" in items[3].text


def test_a_fragment_without_html_or_body_is_still_a_page(tmp_path):
    page = tmp_path / "fragment.html"
    page.write_text("<p>The foreign ministers of Chile and Peru met in Lima on Thursday.</p>")
    (doc,) = read(page)
    assert doc.text == "The foreign ministers of Chile and Peru met in Lima on Thursday."


def test_html_on_standard_input_is_read_as_a_page(monkeypatch):
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(NEWS.encode())})())
    (doc,) = Reader().read(["-"])
    assert doc.id == "stdin" and "Armenia and Azerbaijan" in doc.text and "Reader42" not in doc.text
