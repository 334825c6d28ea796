"""The one batch function every parallel path calls: documents in, coded documents (or an Arrow
table of events) out, with no I/O. The coder is loaded once per worker process and kept there."""
from __future__ import annotations

from functools import lru_cache

from ..model import Document
from ..store.rows import EVENT_FIELDS, event_rows

DOCUMENT_FIELDS = ("id", "text", "published", "title", "url", "source")


@lru_cache(maxsize=2)
def worker_coder(model: str | None = None):
    """The coder of this process: loaded on first use, then reused for every batch."""
    from ..pipeline import Coder
    return Coder(model)


def code_documents(documents, model: str | None = None):
    """Code a list of Documents in this process; returns them with their events."""
    return worker_coder(model).code_batch_safely(list(documents))


def documents_from_arrow(table):
    """Documents from an Arrow table (or record batch) with at least `id` and `text` columns."""
    from ..ingest.readers import finish, normalise_date
    cols = {name: table.column(name).to_pylist() for name in DOCUMENT_FIELDS if name in table.schema.names}
    n = table.num_rows
    docs = []
    for i in range(n):
        get = lambda k: cols[k][i] if k in cols else None  # noqa: E731
        published = get("published")
        docs.append(finish(Document(id=str(get("id")), text=get("text") or "", published=normalise_date(
            published.isoformat() if hasattr(published, "isoformat") else published), title=get("title"),
            url=get("url"), source=get("source"))))
    return docs


def events_schema():
    import pyarrow as pa
    from ..store.schema import EVENT_COLUMNS
    types = {"INTEGER": pa.int64(), "DOUBLE PRECISION": pa.float64(), "DATE": pa.date32()}
    fields = [(c, types.get(t.split(" PRIMARY")[0].split(" NOT")[0], pa.string())) for c, t in EVENT_COLUMNS]
    return pa.schema(fields + [("month", pa.string())])


def events_table(documents, versions):
    """The events of coded documents as an Arrow table in the store's row layout, plus a `month`
    column (YYYY-MM of the event date, or "unknown") to partition files by."""
    import pyarrow as pa
    rows = [r for d in documents for r in event_rows(d, versions)]
    cols = {c: [r[i] for r in rows] for i, c in enumerate(EVENT_FIELDS)}
    cols["month"] = [r[3].strftime("%Y-%m") if r[3] else "unknown" for r in rows]
    return pa.table(cols, schema=events_schema())


def code_arrow(table, model: str | None = None):
    """Arrow documents in, Arrow events out: the unit Dask partitions and Spark's mapInArrow call."""
    coder = worker_coder(model)
    docs = [d for d in documents_from_arrow(table) if d.text.strip()]
    return events_table(coder.code_batch(docs), coder.versions)
