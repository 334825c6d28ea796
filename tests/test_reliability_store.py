"""No record can stop a batch: a document that cannot be coded, or that the database refuses, is
stored as failed with its reason while every other document of the batch is stored, with one
coding process or two, on DuckDB and PostgreSQL; a re-run retries the failed ones."""
import random

import pytest

from bad_records import MARKER
from tacitus.analysis import partners
from tacitus.errors import InputError
from tacitus.ingest.load import run_job
from tacitus.model import Document
from tacitus.pipeline import Coder
from tacitus.store import EventFilter, Store


def _nested(depth):
    value = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _bad(i):
    """Records that readers, the API or a loader could hand on, each odd in a different field."""
    text = f"Chile and Peru signed a trade agreement on Monday, report {i}."
    kinds = [
        ("title-object", dict(title={"x": 1})),
        ("title-number", dict(title=7)),
        ("title-nested", dict(title=_nested(300))),
        ("lone-surrogate", dict(text=text + " \ud800")),
        ("nul", dict(text=text.replace("Peru", "Pe\x00ru"))),
        ("coder-raises", dict(text=f"{text} {MARKER}")),
    ]
    kind, fields = kinds[i % len(kinds)]
    return kind, Document(**{"id": f"bad-{kind}-{i}", "text": text, "published": "2021-03-01",
                             "origin": f"archive.jsonl:{i + 1}", **fields})


def corpus(n=300, bad=30, seed=15):
    rng = random.Random(seed)
    bad_at = set(rng.sample(range(n), bad))
    docs, good, kinds = [], [], {}
    for i in range(n):
        if i in bad_at:
            kind, doc = _bad(len(kinds))
            kinds[doc.id] = kind
        else:
            doc = Document(id=f"good-{i}", text=f"Chile and Peru signed a trade agreement on Monday, item {i}.",
                           published="2021-03-01", origin=f"archive.jsonl:{i + 1}")
            good.append(doc.id)
        docs.append(doc)
    return docs, good, kinds


class ExplodingCoder:
    """The session's coder, falling over on the marker, with the real batch machinery around it."""

    pipe = Coder.pipe
    code_batch_safely = Coder.code_batch_safely

    def __init__(self, coder):
        self.coder, self.versions = coder, coder.versions

    def code_batch(self, documents):
        if any(MARKER in d.text for d in documents):
            raise RuntimeError("a stage fell over")
        return self.coder.code_batch(documents)


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_records_at_random_positions_never_cost_a_good_one(store_url, coder, exploding, workers):
    docs, good, kinds = corpus()
    with Store(store_url) as store:
        report = run_job(iter(docs), store, ExplodingCoder(coder) if workers == 1 else None, workers=workers, batch_size=32)
        stored = {d["id"]: d for d in store.documents(limit=10_000)}
    assert all(stored.get(i, {}).get("status") == "coded" for i in good), "a good record was lost"
    assert len(stored) == len(docs) and report.coded + report.failed == len(docs)
    failed = {i: d for i, d in stored.items() if d["status"] == "failed"}
    assert {i for i, k in kinds.items() if k == "coder-raises"} <= set(failed)
    assert all("a stage fell over" in failed[i]["error"] for i, k in kinds.items() if k == "coder-raises")
    assert all(failed[i]["origin"].startswith("archive.jsonl:") for i in failed)
    assert len(report.problems) >= len(failed)


@pytest.mark.parametrize("field, value, reason", [
    ("title", {"not": "a title"}, "title must be text, not dict"),
    ("title", "Talks \ud800", "the database refused it"),  # the coder never reads the title
])
def test_a_refused_write_is_retried_one_by_one_and_the_refused_document_kept_as_failed(store_url, coder, field,
                                                                                       value, reason):
    docs = [Document(id=f"d{i}", text=f"Chile praised Peru on Monday, note {i}.", published="2021-03-01")
            for i in range(5)]
    setattr(docs[2], field, value)
    with Store(store_url) as store:
        report = run_job(docs, store, coder, workers=1)
        rows = {d["id"]: d for d in store.documents()}
        kept = store.document("d2")
    assert [rows[f"d{i}"]["status"] for i in range(5)] == ["coded", "coded", "failed", "coded", "coded"]
    assert reason in rows["d2"]["error"] and (report.coded, report.failed) == (4, 1)
    assert "\ud800" not in kept["title"] and ("'not'" in kept["title"] or "Talks" in kept["title"])


def test_a_rerun_retries_the_failed_documents(store_url, coder):
    def docs():
        return [Document(id="ok", text="Chile praised Peru on Monday.", published="2021-03-01"),
                Document(id="boom", text=f"Chile praised Peru on Monday. {MARKER}", published="2021-03-01")]

    with Store(store_url) as store:
        first = run_job(docs(), store, ExplodingCoder(coder), workers=1)
        assert [d["id"] for d in store.documents(status="failed")] == ["boom"]
        # the bug is fixed: the real coder
        second = run_job(docs(), store, coder, workers=1)
        assert store.documents(status="failed") == []
    assert (first.coded, first.failed) == (1, 1) and (second.coded, second.skipped) == (1, 1)


@pytest.mark.parametrize("value", ["\x00", "CHN\x00", "\ud800", "a\udfffb"])
def test_a_lookup_value_no_stored_text_can_hold_is_an_input_error_on_both_databases(store_url, value):
    """PostgreSQL refuses NUL in any text value, a query's parameters included: the store says so
    as bad input (the API's 400), on DuckDB too, instead of failing in the database."""
    with Store(store_url) as store:
        lookups = [lambda: store.events(EventFilter(document=value)),
                   lambda: store.count_events(EventFilter(text=value)), lambda: store.document(value),
                   lambda: store.documents(status=value), lambda: store.actors(value), lambda: partners(store, value)]
        for lookup in lookups:
            with pytest.raises(InputError, match="holds a (NUL character|lone surrogate)"):
                lookup()
