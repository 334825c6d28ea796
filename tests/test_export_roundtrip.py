"""Exports from a real store read back as the events stored: documents whose id, title, source, url
and text hold line breaks of every kind, tabs, quotes, backslashes, commas, NBSP and emoji are stored
(DuckDB and PostgreSQL) with events built directly, then every format of `tacitus export` and of
`tacitus events` is read back by pandas, DuckDB and, for the TSVs, a plain split on newlines and tabs.
Each must give the same events, with the same values, after the format's documented unescaping (CSV
quoting, tacitus.columns.tsv_unescape, JSON). Profiles: tests/hypothesis_profiles.py."""
import contextlib
import io
import json
import math
from collections import Counter

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hypothesis_profiles import CI_EXAMPLES, profile, report_cases
from tacitus.cli import main as cli
from tacitus.columns import EVENTS_TABLE, ICEWS, document_event_rows, header, tsv_unescape, values
from tacitus.model import Actor, Document, Event, Evidence, Plover, Sentence
from tacitus.store import Store
from tacitus.store.export import FLAT_COLUMNS, FORMATS, export, plover_record
from tacitus.store.rows import event_json, json_default

VERSIONS = {"coder": "test-1", "dictionaries": "dict-1"}
PIECES = ["\r", "\n", "\r\n", "\n\r", "\t", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", '"', "'", '""',
          "\\", "\\n", "\\t", "\\\\", ",", ";", "\u00a0", "\u3000", "\ufeff", "\u200b", "\U0001f600", "é", "日",
          "#", "%", "_", "NA", "null", "", " ", "=1+1", "<b>", "{}", "[1]"]
odd = st.lists(st.one_of(st.sampled_from(PIECES), st.characters(exclude_categories=("Cs",),
                                                                 exclude_characters="\x00")), max_size=8).map("".join)
present = odd.filter(lambda s: s.strip() != "")
CODES = [("CHNGOV", "CHN", "GOV"), ("RUS", "RUS", None), ("IGOUNO", None, "IGO"), ("USAMIL", "USA", "MIL")]
CAMEO = [("042", "Make a visit", "CONSULT", 1, 1.9), ("057", "Sign formal agreement", "AGREE", 1, 8.0),
         ("190", "Use conventional military force", "FIGHT", 4, -10.0), ("0311", "Express intent", None, 1, 5.2)]
DATES = [None, "2021-03-01", "2021-03", "2021", "1999-12-31"]
SUITES = ("duckdb", "postgresql")
EVENTS_FORMATS = ("csv", "tsv", "jsonl")  # `tacitus events`' formats that are files (not the table)


@st.composite
def actors(draw, optional=True):
    if optional and draw(st.booleans()):
        return None
    code, country, sector = draw(st.sampled_from(CODES))
    kind = draw(st.sampled_from(["country", "person"]))
    return Actor(code, country, sector, name=draw(st.none() | present), kind=kind, text=draw(present),
                 resolved_from=draw(st.none() | present))


@st.composite
def events(draw, sentence):
    cameo, name, plover, quad, goldstein = draw(st.sampled_from(CAMEO))
    planned = draw(st.none() | st.fixed_dictionaries({"cameo": st.just("057"), "name": present, "date": st.none()}))
    return Event(source=draw(actors()), target=draw(actors()), cameo=cameo, name=name,
                 plover=Plover(plover, draw(st.none() | st.just("visit")), tuple(draw(st.sets(st.sampled_from(
                     ["economic", "military"]))))), goldstein=goldstein, quad_class=quad,
                 status=draw(st.sampled_from(["occurred", "planned", "negated"])), date=draw(st.sampled_from(DATES)),
                 evidence=Evidence(sentence.index, 0, 3, sentence.text, draw(odd), 0, 1, draw(odd),
                                   draw(st.none() | st.just((0, 1))), draw(st.none() | st.just((2, 3)))),
                 place=draw(st.none() | present), topics=draw(st.lists(st.sampled_from(["trade", "energy"]))),
                 speaker=draw(actors()), planned=planned)


@st.composite
def documents(draw, doc_id):
    texts = draw(st.lists(present, min_size=1, max_size=3))
    sentences = [Sentence(i, 0, len(t), t) for i, t in enumerate(texts)]
    doc = Document(id=doc_id, text=" ".join(texts), published=draw(st.sampled_from(DATES[:2])),
                   title=draw(st.none() | odd), url=draw(st.none() | odd), source=draw(st.none() | odd),
                   sentences=sentences)
    doc.events = [draw(events(draw(st.sampled_from(sentences)))) for _ in range(draw(st.integers(1, 3)))]
    return doc


corpora = st.lists(present, min_size=1, max_size=3, unique=True).flatmap(
    lambda ids: st.tuples(*[documents(i) for i in ids]))


# -- the expected forms ----------------------------------------------------------------------

def text(value):
    """A value as the text formats write it (tacitus.columns' _text): None as ""."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def plain(value):
    """pandas' missing values (NaN, NaT, None) as None, numpy scalars as Python's."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    return value.item() if hasattr(value, "item") else value


def as_json(obj):
    return json.loads(json.dumps(obj, default=json_default))


def by_id(rows, key):
    out = {r[key]: r for r in rows}
    assert len(out) == len(rows), "an event came back twice"
    return out


# -- reading each format back, three ways where the format allows --------------------------------

def read_csv(duck, path, columns, sep=","):
    """(pandas rows, DuckDB rows, split rows or None): each a list of lists of text. The TSV is read
    as the README says: no quoting (pandas quoting=3; DuckDB quote='', escape='', comment='')."""
    quoting = {"quoting": 3} if sep == "\t" else {}
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, **quoting)
    assert list(frame.columns) == columns
    quote = "quote='', escape='', comment=''" if sep == "\t" else "quote='\"', escape='\"'"
    got = duck.sql(f"SELECT * FROM read_csv('{path}', all_varchar=true, header=true, delim='{sep}', {quote}, "
                   "strict_mode=true)").fetchall()
    ducks = [["" if v is None else v for v in r] for r in got]
    split = None
    if sep == "\t":
        with open(path, encoding="utf-8", newline="") as fh:
            lines = fh.read().split("\n")
        assert lines[-1] == "" and lines[0].split("\t") == columns
        split = [[tsv_unescape(v) for v in line.split("\t")] for line in lines[1:-1]]
        frame = frame.map(tsv_unescape)
        ducks = [[tsv_unescape(v) for v in r] for r in ducks]
    return frame.values.tolist(), ducks, split


def read_json_lines(duck, path, keys):
    """(pandas records, DuckDB records): DuckDB's read_json is given every key as JSON, so that it
    reads the values as they are written instead of guessing types from a few rows."""
    frame = pd.read_json(path, lines=True, dtype=False, convert_dates=False, precise_float=True)
    records = [{k: plain(v) for k, v in r.items()} for r in frame.to_dict("records")]
    columns = "{" + ", ".join(f"'{k}': 'JSON'" for k in keys) + "}"
    cur = duck.execute(f"SELECT * FROM read_json('{path}', format='newline_delimited', columns={columns})")
    names = [d[0] for d in cur.description]
    ducks = [{k: None if v is None else json.loads(v) for k, v in zip(names, r)} for r in cur.fetchall()]
    return records, ducks


def check_table(rows_read, expected, columns, key=0, how=""):
    assert len(rows_read) == len(expected), how
    got = {r[key]: r for r in rows_read}
    assert len(got) == len(expected), how
    for event_id, row in expected.items():
        assert got[event_id] == row, f"{how}: {event_id!r}"


def check_text_export(duck, path, layout, rows, sep):
    columns = header(layout)
    expected = {text(r["event_id"]): [text(v) for v in values(layout, r)] for r in rows}
    key = [src for _, src in layout].index("event_id")
    for how, read in zip(("pandas", "duckdb", "split"), read_csv(duck, path, columns, sep)):
        if read is not None:
            check_table(read, expected, columns, key, f"{path.name} by {how}")


def check_json_export(duck, path, expected, key):
    keys = list(next(iter(expected.values())))
    for how, records in zip(("pandas", "duckdb"), read_json_lines(duck, path, keys)):
        got = by_id(records, key)
        assert got.keys() == expected.keys(), how
        for event_id, record in expected.items():
            assert as_json(got[event_id]) == record, f"{path.name} by {how}: {event_id!r}"


def check_parquet(duck, path, rows):
    expected = {r["event_id"]: {c: r[c] for c in FLAT_COLUMNS} for r in rows}
    frame = pd.read_parquet(path)
    pandas_rows = [{c: plain(v) for c, v in r.items()} for r in frame.astype(object).to_dict("records")]
    cur = duck.execute(f"SELECT * FROM read_parquet('{path}')")
    cols = [d[0] for d in cur.description]
    duck_rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for how, got in (("pandas", pandas_rows), ("duckdb", duck_rows)):
        got = by_id(got, "event_id")
        assert got == expected, f"parquet by {how}"


def check_export(duck, store, path, fmt, rows):
    assert export(store, path, fmt) == len(rows)
    if fmt == "parquet":
        check_parquet(duck, path, rows)
    elif fmt == "csv":
        check_text_export(duck, path, tuple((c, c) for c in FLAT_COLUMNS), rows, ",")
    elif fmt == "icews":
        check_text_export(duck, path, ICEWS, rows, "\t")
    elif fmt == "jsonl":
        check_json_export(duck, path, {r["event_id"]: as_json(event_json(r)) for r in rows}, "event_id")
    else:
        check_json_export(duck, path, {r["event_id"]: as_json(plover_record(r)) for r in rows}, "id")


def events_output(db, fmt, path):
    """`tacitus events --format FMT` run in this process, its output written to `path`."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["events", "--db", db, "--format", fmt, "--limit", "10000"]) == 0
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return path


def check_events_command(duck, db, folder, rows, fmt):
    path = events_output(db, fmt, folder / f"events.{fmt}")
    if fmt == "jsonl":
        check_json_export(duck, path, {r["event_id"]: as_json(event_json(r)) for r in rows}, "event_id")
    else:
        check_text_export(duck, path, EVENTS_TABLE, rows, "\t" if fmt == "tsv" else ",")


# -- the store -------------------------------------------------------------------------------

def store_corpus(store, docs):
    """The documents alone in the store; returns the rows their events should read back as."""
    for table in ("events", "sentences", "documents", "actors"):
        store.db.execute(f"DELETE FROM {table}")
    store.write_batch(docs, VERSIONS)
    for doc in docs:  # what no event export carries is still stored as it came
        kept = store.document(doc.id)
        assert (kept["title"], kept["url"], kept["source"], kept["text"]) == (doc.title, doc.url, doc.source,
                                                                            doc.text)
    rows = [r for d in docs for r in document_event_rows(d, VERSIONS)]
    stored = by_id(store.event_rows(limit=10_000, publisher=True), "event_id")
    for row in rows:
        assert {c: stored[row["event_id"]][c] for c in FLAT_COLUMNS + ["publisher"]} == \
            {c: row[c] for c in FLAT_COLUMNS + ["publisher"]}
    return rows


@pytest.fixture(scope="module")
def cases():
    return Counter()


@pytest.fixture(scope="module")
def duck():
    """The DuckDB that reads the files back (not the store's)."""
    con = duckdb.connect()
    yield con
    con.close()


def roundtrip(duck, url, folder, docs, events_formats=EVENTS_FORMATS):
    """Store `docs` alone, then read every export and the `tacitus events` formats back."""
    with Store(url) as store:
        rows = store_corpus(store, docs)
        for fmt in FORMATS:
            check_export(duck, store, folder / f"out.{fmt}", fmt, rows)
    for fmt in events_formats:  # the command opens the database itself (DuckDB: once the writer is gone)
        check_events_command(duck, url, folder, rows, fmt)


def test_every_export_of_odd_text_reads_back_as_the_events_stored(cases, duck, store_url, tmp_path):
    kind = "postgresql" if store_url.startswith("postgresql://") else "duckdb"
    scale = 0.5 if kind == "duckdb" else 0.35

    @settings(profile(scale), suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(docs=corpora, events_format=st.sampled_from(EVENTS_FORMATS))
    def run(docs, events_format):  # one store for all cases: each empties it first; one `events` format each,
        cases[kind] += 1            # as each opens the database again
        roundtrip(duck, store_url, tmp_path, list(docs), [events_format])

    run()


def hand_made(doc_id, sentence, trigger, name=None):
    """One document with one event, each odd value where we choose."""
    sentences = [Sentence(0, 0, len(sentence), sentence)]
    event = Event(Actor("CHNGOV", "CHN", "GOV", name=name, text=sentence[:5]), None, "042", "Make a visit",
                  Plover("CONSULT"), 1.9, 1, "occurred", "2021-03-01",
                  Evidence(0, 0, 3, sentence, trigger, 0, 1, "p"), place=name)
    return Document(id=doc_id, text=sentence, source=name, sentences=sentences, events=[event])


@pytest.mark.parametrize("docs", [
    # a row starting "#" (a document id "#..."): DuckDB's sniffer took "#" for a comment mark and lost the row
    [hand_made('"', '"', ""), hand_made("#MeToo", "The #MeToo march", "march", " ##")],
    [hand_made("a\r\nb", "line one\r\nline two", "\t", "\u2028"), hand_made("c\\nd", "x\\ty", "\\", "\u2029")],
    [hand_made("\U0001f600", "\u00a0\u3000\ufeff", "NA", "null"), hand_made("NA", "\x85\x0b\x0c\x1c", "=1+1", "")],
], ids=["hash-marks", "escapes-and-line-breaks", "spaces-and-na"])
def test_hand_picked_odd_values_read_back(duck, store_url, tmp_path, docs):
    roundtrip(duck, store_url, tmp_path, docs)


def test_the_suites_ran_their_cases(cases, record_property):
    """Last in the module: the figure for docs/ (print it with -s)."""
    report_cases(cases, SUITES, record_property, "stores exported and read back", CI_EXAMPLES * 0.8)
