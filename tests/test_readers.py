import json

from tacitus.ingest.readers import Problem, Reader


def read(*paths, **kw):
    return list(Reader(**kw).read([str(p) for p in paths]))


def test_text_file_with_title_and_dateline(tmp_path):
    p = tmp_path / "readout.txt"
    p.write_text("Ministers meet in Rome\nOn May 4, 2021, the ministers of Italy and Spain met in Rome.\n")
    (doc,) = read(p)
    assert doc.title == "Ministers meet in Rome"
    assert doc.published == "2021-05-04" and doc.date_source == "dateline"
    assert doc.id == "readout"


def test_jsonl_reads_metadata_and_reports_bad_lines_with_file_and_line(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "Chile and Peru signed a trade deal.", "published": "2020-01-02",
                    "title": "T", "url": "https://example.org/a", "source": "Wire"}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps(["a list"]),
        json.dumps({"id": "e", "text": "Peru thanked Chile."}),
    ]) + "\n")
    items = read(p)
    docs = [i for i in items if not isinstance(i, Problem)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.id for d in docs] == ["a", "e"]
    assert docs[0].published == "2020-01-02" and docs[0].url == "https://example.org/a"
    assert docs[1].published is None and docs[1].warnings  # no date: said so
    assert [p.where.rsplit(":", 1)[1] for p in problems] == ["2", "3", "4"]
    assert "malformed JSON" in problems[0].message
    assert problems[1].kind == "skipped"


def test_empty_binary_non_utf8_and_too_large_files_are_problems(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    big = tmp_path / "big.txt"
    big.write_text("Chile met Peru. " * 100)
    items = read(empty, binary, latin, big, max_bytes=500)
    assert all(isinstance(i, Problem) for i in items)
    messages = [i.message for i in items]
    assert "empty" in messages[0] and items[0].kind == "skipped"
    assert "binary" in messages[1]
    assert "not UTF-8" in messages[2] and "0xe9" in messages[2]
    assert "too large" in messages[3]


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    (item,) = read(tmp_path / "nope.txt")
    assert isinstance(item, Problem) and "cannot read" in item.message


def test_html_keeps_the_article_and_drops_boilerplate(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("""<!doctype html><html><head><title>Ministers meet</title>
      <meta property="article:published_time" content="2024-02-08T10:00:00Z"></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <div class="cookie-banner">We use cookies to improve your experience on this website today.</div>
      <article><h1>Ministers meet</h1>
      <p>The foreign ministers of Chile and Peru met in Lima on Thursday to discuss trade.</p>
      <p>Both sides agreed to expand cooperation on energy and mining.</p></article>
      <footer>Copyright 2024 Example Ministry. All rights reserved. Terms and privacy.</footer>
      <script>var tracking = "the foreign ministers";</script></body></html>""")
    (doc,) = read(p)
    assert doc.title == "Ministers meet" and doc.published == "2024-02-08"
    assert "met in Lima" in doc.text and "agreed to expand" in doc.text
    for junk in ("cookies", "Copyright", "tracking", "Home"):
        assert junk not in doc.text


def test_bundled_html_sample_drops_its_boilerplate():
    from pathlib import Path
    page = Path(__file__).resolve().parent.parent / "samples" / "briefing.html"
    (doc,) = read(page)
    assert len(doc.text) > 500
    assert "<" not in doc.text and "cookie" not in doc.text.lower()
