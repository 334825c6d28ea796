"""The one batch function every parallel path calls: documents in, coded documents (or an Arrow
table of events) out, with no I/O. The coder is loaded once per worker process and kept there."""
from __future__ import annotations

from functools import lru_cache

from ..columns import document_event_rows
from ..model import Document
from ..store.rows import EVENT_FIELDS


@lru_cache(maxsize=2)
def worker_coder(model: str | None = None):
    """The coder of this process: loaded on first use, then reused for every batch."""
    from ..pipeline import Coder
    return Coder(model)


def code_documents(documents, model: str | None = None):
    """Code a list of Documents in this process; returns them with their events."""
    return worker_coder(model).code_batch_safely(list(documents))


def document_from_record(record: dict) -> Document:
    """A Document from a record of an archive (id, text, optional published, title, url, source),
    its date read as every reader reads one."""
    from ..ingest.readers import finish, normalise_date
    published = record.get("published")
    published = published.isoformat() if hasattr(published, "isoformat") else published
    return finish(Document(id=str(record.get("id")), text=record.get("text") or "",
                           published=normalise_date(published), title=record.get("title"), url=record.get("url"),
                           source=record.get("source")))


def documents_from_arrow(table):
    """Documents from an Arrow table (or record batch) with at least `id` and `text` columns."""
    return [document_from_record(r) for r in table.to_pylist()]


def events_schema():
    import pyarrow as pa
    from ..columns import arrow_schema
    return arrow_schema([("month", pa.string())])


def events_table(documents, versions):
    """The events of coded documents as an Arrow table in the store's row layout, plus a `month`
    column (YYYY-MM of the event date, or "unknown") to partition files by."""
    import pyarrow as pa
    rows = [r for d in documents for r in document_event_rows(d, versions)]
    cols = {c: [r[c] for r in rows] for c in EVENT_FIELDS}
    cols["month"] = [r["event_date"].strftime("%Y-%m") if r["event_date"] else "unknown" for r in rows]
    return pa.table(cols, schema=events_schema())


def code_arrow(table, model: str | None = None):
    """Arrow documents in, Arrow events out: the unit Dask partitions and Spark's mapInArrow call."""
    coder = worker_coder(model)
    docs = [d for d in documents_from_arrow(table) if d.text.strip()]
    return events_table(coder.code_batch(docs), coder.versions)
