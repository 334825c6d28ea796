"""One event shape: the store's JSON of an event is the coder's, and every flat layout reads the
columns of tacitus/columns.py."""
from datetime import datetime
from pathlib import Path

import pytest

from tacitus.columns import (BY_NAME, COLUMNS, LAYOUTS, STORED_NAMES, check_layouts, document_event_rows, event_json,
                             event_row)
from tacitus.ingest.readers import Reader
from tacitus.store import EventFilter, Store
from tacitus.store.backends import connect
from tacitus.store.schema import EVENTS_V1, EVENTS_V3, EVENTS_V4, EVENTS_V5, EVENTS_V7, MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
# what the store does not keep of the coder's JSON: where each actor's mention sits (the evidence
# keeps the source and target spans)
UNSTORED_ACTOR_KEYS = {"start", "end"}


@pytest.fixture(scope="module")
def coded(coder):
    return coder.code_batch(list(Reader().read([str(ROOT / "samples")])))


def stored_part(event: dict) -> dict:
    out = dict(event)
    for side in ("source", "target", "speaker"):
        if out[side] is not None:
            out[side] = {k: v for k, v in out[side].items() if k not in UNSTORED_ACTOR_KEYS}
    return out


def test_the_stored_json_of_an_event_is_the_coders_json(store_url, coder, coded):
    with Store(store_url) as store:
        store.write_batch(coded, coder.versions)
        stored = {e["event_id"]: e for e in store.events(EventFilter(), limit=10_000, sort="id")}
    expected = {f"{d.id}#{n:04d}": (d.id, ev.to_dict()) for d in coded for n, ev in enumerate(d.events, 1)}
    assert set(stored) == set(expected)
    for event_id, (doc_id, event) in expected.items():
        got = dict(stored[event_id])
        assert (got.pop("event_id"), got.pop("doc_id")) == (event_id, doc_id)
        assert (got.pop("coder_version"), got.pop("dictionary_version")) == \
            (coder.versions["coder"], coder.versions["dictionaries"])
        assert got == stored_part(event), event_id
    # the fields the store used to drop are there
    assert any(e["speaker"] and e["speaker"].get("name") for e in stored.values())
    assert any(e["planned"] and e["planned"]["name"] for e in stored.values())


def test_a_row_reads_back_as_the_json_it_came_from(coded):
    doc = next(d for d in coded if any(ev.speaker and ev.planned for ev in d.events))
    for n, ev in enumerate(doc.events, 1):
        row = event_row(doc, n, ev.to_dict(), {"coder": "c", "dictionaries": "d"})
        assert set(row) == set(BY_NAME)
        back = event_json(row)
        assert back.pop("event_id") == f"{doc.id}#{n:04d}" and back.pop("doc_id") == doc.id
        assert (back.pop("coder_version"), back.pop("dictionary_version")) == ("c", "d")
        assert back == stored_part(ev.to_dict())


def test_every_layout_names_a_column_of_the_spec():
    check_layouts()
    assert set(LAYOUTS) == {"code", "icews", "events", "flat"}


def test_the_migrations_create_every_stored_column_with_its_type():
    v1, v4, v5, v7 = dict(EVENTS_V1), dict(EVENTS_V4), dict(EVENTS_V5), dict(EVENTS_V7)
    assert set(v1) | set(EVENTS_V3) | set(v4) | set(v5) | set(v7) == set(STORED_NAMES) \
        and not set(v1) & set(EVENTS_V3)
    for column in COLUMNS:
        if column.name in v1:
            assert (column.since, column.sql) == (1, v1[column.name]), column.name
        elif column.name in v4:
            assert (column.since, column.sql) == (4, v4[column.name]), column.name
        elif column.name in v5:
            assert (column.since, column.sql) == (5, v5[column.name]), column.name
        elif column.name in v7:
            assert (column.since, column.sql) == (7, v7[column.name]), column.name
        elif column.sql is not None:
            assert (column.since, column.sql) == (3, "TEXT"), column.name


def old_store(path):
    """A database as migrations 1 and 2 left it, before the speaker columns."""
    db = connect(path)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP)")
    for version, name, statements in MIGRATIONS[:2]:
        for sql in statements:
            db.execute(sql)
        db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime(2024, 1, 1)])
    db.close()
    return path


def test_a_store_made_before_the_speaker_columns_gains_them(tmp_path, coder, coded):
    path = old_store(str(tmp_path / "old.duckdb"))
    with Store(path) as store:
        assert [v for v, _, _ in store.migrations()] == [1, 2, 3, 4, 5, 6, 7]
        store.write_batch(coded[:3], coder.versions)
        assert store.count_events() == sum(len(d.events) for d in coded[:3])
        # migration 4: how each event's actors were found, and the confidence that goes with it
        [event] = store.events(limit=1)
        assert event["evidence"]["method"] in ("frame", "context", "surface")
        assert 0 < event["evidence"]["confidence"] <= 1
        # migration 5: each sentence's main event
        assert isinstance(event["main"], bool)


def test_a_store_not_migrated_yet_still_answers_in_the_one_shape(tmp_path, coder, coded):
    path = old_store(str(tmp_path / "old.duckdb"))
    doc = next(d for d in coded if any(ev.speaker and ev.planned for ev in d.events))
    v1 = [name for name, _ in EVENTS_V1]
    db = connect(path)
    db.insert("events", v1, [[r[c] for c in v1] for r in document_event_rows(doc, coder.versions)])
    db.close()
    with Store(path, read_only=True) as store:  # as `tacitus serve` opens it: no migration
        events = store.events(EventFilter(), limit=100, sort="id")
    assert len(events) == len(doc.events)
    for ev, got in zip(doc.events, events):
        assert set(got) == set(event_json(event_row(doc, 1, ev.to_dict())))
        assert got["speaker"] == ({"code": ev.speaker.code} if ev.speaker else None)
        assert got["planned"] == ({**ev.planned, "name": None} if ev.planned else None)
