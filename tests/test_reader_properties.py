"""Property-based suites over the readers: whatever the input (any JSON value in any field, odd
Unicode, lone surrogates, NUL, CR, U+2028, deep nesting, blank texts, bytes that are not UTF-8), each
record gives a Document fit to store or a one-line Problem naming file and line, never a traceback;
and bad records anywhere in a file cost only themselves. Profiles: tests/hypothesis_profiles.py."""
import io
import json
import re
import sys
from collections import Counter
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hypothesis_profiles import CI_EXAMPLES, profile, report_cases
from tacitus.ingest.readers import MAX_ID_CHARS, Problem, Reader, document_from_record, is_blank
from tacitus.nlp.normalise import analysis_text

ODD = ["\ud800", "\udfff", "\udc80", "\x00", "\r", "\n", "\t", "\u2028", "\u2029", "\u200b", "\u200d",
       "\ufeff", "\u2060", "\x07", "\x1b", "\x85", "\x9f", "\u00a0", "\u3000", "\u00ad", "\ufffd", "\U0001f600",
       "é", "日", '"', "\\", "{", "}"]
INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff") | {chr(c) for c in [*range(0x20), *range(0x7f, 0xa0)]} - {"\n", "\t"}
SENTENCE = "Chile and Peru signed a trade agreement on Monday."
SUITES = ("records", "lines", "bad_records", "text_files", "html", "analysis_text", "coder")

odd_text = st.text(st.one_of(st.characters(), st.sampled_from(ODD)), max_size=40)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), odd_text,
                    st.dates().map(date.isoformat), st.just(""))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)), max_leaves=6)
texts = st.one_of(odd_text, odd_text.map(lambda t: SENTENCE + t), st.sampled_from(ODD).map(lambda c: c * 9))
field = st.one_of(st.none(), odd_text, odd_text, json_values)  # mostly plausible, often not
ids = st.one_of(st.text(max_size=12), st.integers(), json_values,
                st.integers(MAX_ID_CHARS - 2, MAX_ID_CHARS + 2).map(lambda n: "i" * n))
optional = {"id": ids, "published": st.one_of(st.dates().map(date.isoformat), field), "title": field,
            "url": field, "source": field}
records = st.one_of(st.fixed_dictionaries({"text": texts}, optional=optional),
                    st.fixed_dictionaries({}, optional={**optional, "text": st.one_of(texts, json_values)}))
deep = st.integers(1, 50_000).map(lambda n: '{"id": "deep", "text": ' + "[" * n + "]" * n + "}")
lines = st.one_of(records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
                  records.map(lambda r: json.dumps(r).encode()), st.binary(max_size=80), deep.map(str.encode),
                  st.sampled_from([b"", b"   ", b"\r", b"\xef\xbb\xbf", b"[1, 2]", b"null", b'{"text": "x"']))
BAD = [b'{"id": "b", "text": ', b'{"id": "b", "text": "caf\xe9 met Peru."}', b"[]", b'"a string"',
       b'{"id": {"x": 1}, "text": "Chile met Peru."}', b'{"id": "b", "text": "Chile met Peru.", "title": {"x": 1}}',
       b'{"id": "b", "text": 7}', b'{"id": "b", "text": "\\u200b\\u00a0\\u3000"}', b'{"id": "' + b"x" * 600 + b'"}',
       ('{"id": "b", "text": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()]


@pytest.fixture(scope="module")
def cases():
    return Counter()


def check(item, where):
    """A Problem at `where` that prints as one storable line, or a Document fit for any store."""
    if isinstance(item, Problem):
        assert item.where == where and item.kind in ("failed", "skipped")
        assert not re.search("[\n\r\u2028\u2029]", str(item))
        str(item).encode("utf-8")
        return
    assert item.origin == where and not is_blank(item.text)
    for value in (item.id, item.text, item.title, item.url, item.source, item.origin, *item.warnings):
        assert value is None or (isinstance(value, str) and "\x00" not in value)
        value is None or value.encode("utf-8")  # no lone surrogate left: DuckDB and PostgreSQL take it
    assert len(item.id) <= MAX_ID_CHARS and not re.search("[\x00-\x1f\x7f-\x9f]", item.id)
    assert item.published is None or date.fromisoformat(item.published)
    assert not any("\n" in w for w in item.warnings)


def stdin_items(data: bytes, **kw):
    with pytest.MonkeyPatch.context() as patch:  # per example: Hypothesis reruns the test body
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        return list(Reader(**kw).read(["-"]))


@profile()
@given(record=records)
def test_any_record_is_a_document_or_a_one_line_problem(cases, record):
    cases["records"] += 1
    check(document_from_record(record, "in.jsonl:7", default_id="in-7"), "in.jsonl:7")


@profile()
@given(chosen=st.lists(lines, max_size=6))
def test_any_json_lines_file_gives_one_item_per_line_naming_file_and_line(cases, tmp_path_factory, chosen):
    cases["lines"] += 1
    data = b"\n".join(chosen)
    path = tmp_path_factory.mktemp("lines") / "any.jsonl"
    path.write_bytes(data)
    items = list(Reader(max_bytes=400).read([str(path)]))
    numbers = [int((i.where if isinstance(i, Problem) else i.origin).rsplit(":", 1)[1]) for i in items]
    assert numbers == sorted(set(numbers)) and all(1 <= n <= data.count(b"\n") + 1 for n in numbers)
    for item, n in zip(items, numbers):
        check(item, f"{path}:{n}")


@profile(0.5)
@given(bad=st.lists(st.tuples(st.sampled_from(BAD), st.integers(0, 12)), max_size=6), n_good=st.integers(1, 12))
def test_bad_records_at_any_position_cost_only_themselves(cases, tmp_path_factory, bad, n_good):
    cases["bad_records"] += 1
    good_rows = [json.dumps({"id": f"g{i}", "text": f"{SENTENCE} ({i})"}).encode() for i in range(n_good)]
    rows = list(good_rows)
    for line, at in bad:
        rows.insert(min(at, len(rows)), line)
    data = b"\n".join(rows) + b"\n"
    at_lines = [n for n, row in enumerate(rows, 1) if row in good_rows]
    path = tmp_path_factory.mktemp("bad") / "mixed.jsonl"
    path.write_bytes(data)
    runs = [(str(path), list(Reader().read([str(path)])))]
    if data[:1] == b"{":  # stdin is JSON lines when it starts like a record, else one text
        runs.append(("<stdin>", stdin_items(data)))
    for source, items in runs:
        good = [i for i in items if not isinstance(i, Problem)]
        assert [d.id for d in good] == [f"g{i}" for i in range(n_good)]
        assert [d.origin for d in good] == [f"{source}:{n}" for n in at_lines]
        assert len(items) - len(good) == len(bad)


@profile()
@given(raw=st.one_of(st.binary(max_size=200), odd_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                     texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_text_file_is_a_document_or_a_one_line_problem(cases, tmp_path_factory, raw):
    cases["text_files"] += 1
    path = tmp_path_factory.mktemp("text") / "any.txt"
    path.write_bytes(raw)
    (item,) = Reader(max_bytes=150).read([str(path)])
    check(item, str(path))
    if not isinstance(item, Problem) and b"\x00" not in raw:
        assert item.text == raw.decode("utf-8-sig")  # valid text is taken as it is


html_pieces = st.sampled_from(["<p>", "</p>", "<div class='nav'>", "</div>", "<article>", "</article>", "<script>",
                               "</script>", "<title>", "</title>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE",
                               "<!", "<?", "</", "<", ">", "&#0;", "&#xD800;", "&#1114112;", "&amp", "<br>",
                               "<![", "<![if ", "<![endif]>", "]>", "<!x", "<?x", "<a x='", "<a ", "<main>",
                               "<meta property='article:published_time' content='", "'>", "<time datetime='"])


@profile()
@given(parts=st.lists(st.one_of(html_pieces, odd_text, st.just(SENTENCE)), max_size=12))
def test_any_html_page_is_a_document_or_a_one_line_problem(cases, tmp_path_factory, parts):
    cases["html"] += 1
    path = tmp_path_factory.mktemp("html") / "any.html"
    path.write_bytes("".join(parts).encode("utf-8", "surrogatepass"))
    (item,) = Reader().read([str(path)])
    check(item, str(path))


@profile()
@given(text=st.text(st.one_of(st.characters(), st.sampled_from(ODD))))
def test_analysis_text_changes_only_invisible_characters_one_for_one(cases, text):
    cases["analysis_text"] += 1
    out = analysis_text(text)
    assert len(out) == len(text)
    assert all(a == b or (a in INVISIBLE and b == " ") for a, b in zip(text, out))
    assert not INVISIBLE & set(out)


@profile(0.25)
@given(record=st.fixed_dictionaries({"id": st.just("c"), "text": texts}))
def test_whatever_a_reader_lets_through_the_coder_codes(cases, coder, record):
    cases["coder"] += 1
    doc = document_from_record(record, "c.jsonl:1")
    if isinstance(doc, Problem):
        return
    (coded,) = coder.code_batch([doc])
    assert all(coded.text[s.start:s.end] == s.text for s in coded.sentences)


def test_the_suites_ran_their_cases(cases, record_property):
    """Last in the module: the figure for docs/ (print it with -s)."""
    report_cases(cases, SUITES, record_property, "cases over the readers", 5 * CI_EXAMPLES)
