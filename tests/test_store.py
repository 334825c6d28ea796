"""The store, on DuckDB and on a real PostgreSQL: schema, ingest, queries, exports, hostile input."""
import csv
import json
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.ingest.load import ingest
from tacitus.store import EventFilter, Store
from tacitus.store.export import FORMATS, export
from tacitus.store.schema import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
READOUT_TEXT = """On February 3, 2022, Chinese Foreign Minister Wang Yi met with Russian Foreign Minister Sergey Lavrov in Beijing.
The two sides signed cooperation documents between the two foreign ministries.
The Russian side appreciates the efforts made by China and stands ready to work with China."""


@pytest.fixture
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


@pytest.fixture
def readout(tmp_path):
    p = tmp_path / "readout.txt"
    p.write_text(READOUT_TEXT)
    return p


def test_migrations_are_recorded_and_safe_to_rerun(store):
    assert [v for v, _, _ in store.migrations()] == [1, 2, 3, 4, 5, 6, 7]
    assert store.migrate() == []
    again = Store(store.url)
    assert again.migrate() == [] and len(again.migrations()) == len(MIGRATIONS)
    again.close()


def test_ingest_stores_the_readout_queryable_by_dyad(store, coder, readout):
    report = ingest([str(readout)], store, coder)
    assert report.coded == 1 and report.events > 4
    events = store.events(EventFilter(dyad=("CHN", "RUS")), limit=1000)
    assert {e["cameo"][:2] for e in events} >= {"04", "05"}
    signed = [e for e in events if e["cameo"] == "057"]
    assert signed and signed[0]["date"] == "2022-02-03"
    assert signed[0]["evidence"]["text"].startswith("The two sides signed")
    ev = store.events(EventFilter(dyad=("RUS", "CHN"), code="057"), limit=10)
    assert len(ev) == len(signed)  # a dyad matches either direction
    assert store.events(EventFilter(dyad=("USA", "CHN")), limit=10) == []
    assert all(e["coder_version"] and e["dictionary_version"] for e in events)


def test_reingesting_adds_nothing_and_recode_recodes(store, coder, readout):
    first = ingest([str(readout)], store, coder)
    counts = store.counts()
    again = ingest([str(readout)], store, coder)
    assert again.coded == 0 and again.skipped == 1 and store.counts() == counts
    store.db.execute("UPDATE documents SET coder_version = '0.0.1'")
    stale = ingest([str(readout)], store, coder)
    assert stale.stale == 1 and stale.coded == 0
    recoded = ingest([str(readout)], store, coder, recode=True)
    assert recoded.coded == 1 and store.counts()["events"] == counts["events"] == first.events


def test_bad_documents_are_stored_with_their_error(store, coder, tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text('{"id": "ok", "text": "Chile praised Peru on Monday.", "published": "2020-01-08"}\n{oops\n')
    report = ingest([str(p)], store, coder)
    assert report.coded == 1 and report.failed == 1
    failed = store.documents(status="failed")
    assert len(failed) == 1 and failed[0]["origin"] == f"{p}:2" and "malformed JSON" in failed[0]["error"]
    assert ingest([str(p)], store, coder).failed == 1 and len(store.documents(status="failed")) == 1


@pytest.mark.parametrize("filters", [
    dict(actor="CHN'; DROP TABLE events; --"),
    dict(text="' OR 1=1 --"),
    dict(text="100%_match\\"),
    dict(source="%"),
    dict(document="x' UNION SELECT * FROM documents --"),
    dict(plover="CONSULT\"; DELETE FROM events"),
])
def test_hostile_filters_are_data_not_sql(store, coder, readout, filters):
    ingest([str(readout)], store, coder)
    before = store.counts()
    assert store.events(EventFilter(**filters)) == []
    assert store.counts() == before


def test_overlong_filters_and_bad_dates_are_refused():
    with pytest.raises(InputError):
        EventFilter(text="x" * 5000)
    with pytest.raises(InputError):
        EventFilter(since="last tuesday")


def test_every_export_reads_back_equal(store, coder, tmp_path):
    ingest([str(SAMPLES)], store, coder)
    flt = EventFilter(root="04")
    expected = store.events(flt, limit=10_000)
    ids = [e["event_id"] for e in sorted(expected, key=lambda e: (e["date"] or "", e["event_id"]))]
    assert len(ids) > 5
    by_id = {e["event_id"]: e for e in expected}
    for fmt in FORMATS:
        path = tmp_path / f"out.{fmt}"
        assert export(store, path, fmt, flt) == len(ids)
        if fmt == "parquet":
            import pyarrow.parquet as pq
            rows = pq.read_table(path).to_pylist()
            got = [(r["event_id"], r["cameo"], r["source_code"]) for r in rows]
        elif fmt == "csv":
            rows = list(csv.DictReader(path.open(encoding="utf-8")))
            got = [(r["event_id"], r["cameo"], r["source_code"] or None) for r in rows]
        elif fmt == "icews":
            rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
            got = [(r["Event ID"], r["CAMEO Code"], by_id[r["Event ID"]]["source"]["code"]) for r in rows]
            assert all(float(r["Intensity"]) == by_id[r["Event ID"]]["goldstein"] for r in rows)
        elif fmt == "jsonl":
            rows = [json.loads(line) for line in path.open(encoding="utf-8")]
            assert rows == [json.loads(json.dumps(by_id[i], default=str)) for i in ids]
            got = [(r["event_id"], r["cameo"], r["source"]["code"]) for r in rows]
        else:
            rows = [json.loads(line) for line in path.open(encoding="utf-8")]
            got = [(r["id"], r["cameo"], r["actor_code"]) for r in rows]
            assert all(r["event_type"] == by_id[r["id"]]["plover"]["type"] for r in rows)
        assert got == [(i, by_id[i]["cameo"], by_id[i]["source"]["code"]) for i in ids], fmt


def test_clusters_count_documents_reporting_the_same_event(store, coder, tmp_path):
    p = tmp_path / "wires.jsonl"
    text = "Chile and Peru signed a trade agreement on Monday."
    p.write_text("\n".join(json.dumps({"id": f"w{i}", "text": text, "published": "2020-01-08"}) for i in range(3)) + "\n")
    ingest([str(p)], store, coder)
    top = store.clusters(EventFilter(code="057"), limit=5)
    assert top and top[0]["documents"] == 3 and top[0]["mentions"] == 3


def test_the_missions_readout_is_stored_and_queryable(store, coder, shared, tmp_path):
    text = (shared / "readouts" / "2022-02-03-wang-yi-lavrov.txt").read_text(encoding="utf-8")
    p = tmp_path / "readout.jsonl"
    p.write_text(json.dumps({"id": "readout", "text": text, "published": "2022-02-03"}) + "\n")
    ingest([str(p)], store, coder)
    events = store.events(EventFilter(dyad=("CHN", "RUS")), limit=1000)
    assert any(e["cameo"] == "057" and e["date"] == "2022-02-03" for e in events)
    assert any(e["cameo"].startswith("04") for e in events)
    assert not store.events(EventFilter(actor="USA"), limit=10)


def test_events_filter_on_their_confidence(store, coder, readout):
    from tacitus.model import METHODS
    ingest([str(readout)], store, coder)
    every = store.events(EventFilter(), limit=1000)
    sure = store.events(EventFilter(min_confidence=METHODS["frame"]), limit=1000)
    assert sure and len(sure) < len(every)  # "the two sides" come from the document: less sure
    assert {e["evidence"]["method"] for e in sure} == {"frame"}
    assert store.count_events(EventFilter(min_confidence=1.0)) == 0
    for bad in (1.5, -0.1, float("nan"), "high"):
        with pytest.raises(InputError):
            EventFilter(min_confidence=bad)


def test_events_filter_on_the_main_event_of_each_sentence(store, coder, readout):
    ingest([str(readout)], store, coder)
    every = store.events(EventFilter(), limit=1000)
    mains = store.events(EventFilter(main=True), limit=1000)
    sentences = {(e["doc_id"], e["evidence"]["sentence"]) for e in every}
    assert len(mains) == len(sentences) < len(every) and all(e["main"] is True for e in mains)
    assert store.count_events(EventFilter(main=False)) == len(every) - len(mains)
    with pytest.raises(InputError):
        EventFilter(main="yes")


UNCOMPARABLE = [("NUL", "A\x00B"), ("lone surrogate", "A\ud800B"), ("escaped byte", "\udcff")]


@pytest.mark.parametrize("what, value", UNCOMPARABLE, ids=[w for w, _ in UNCOMPARABLE])
def test_a_query_value_no_database_can_compare_is_a_bad_request_not_a_database_error(store, what, value):
    from tacitus.analysis.relations import partners, series
    calls = [lambda: store.events(EventFilter(actor=value)), lambda: store.events(EventFilter(dyad=("CHN", value))),
             lambda: store.count_events(EventFilter(text=value)), lambda: store.clusters(EventFilter(document=value)),
             lambda: store.document(value), lambda: store.documents(status=value), lambda: store.actors(value),
             lambda: series(store, value), lambda: partners(store, value)]
    for call in calls:
        with pytest.raises(InputError, match="holds a (NUL character|lone surrogate)") as caught:
            call()
        assert "\n" not in str(caught.value) and "position" in str(caught.value)
    assert store.events(EventFilter(actor="A\ufffdB")) == []  # the replacement character is plain text
