"""The one batch function every parallel path calls: documents in, coded documents (or an Arrow
table of events) out, with no I/O. The coder is loaded once per worker process and kept there."""
from __future__ import annotations

from functools import lru_cache

from ..columns import document_event_rows
from ..ingest.readers import DEFAULT_MAX_BYTES
from ..store.rows import EVENT_FIELDS


@lru_cache(maxsize=2)
def worker_coder(model: str | None = None):
    """The coder of this process: loaded on first use, then reused for every batch."""
    from ..pipeline import Coder
    return Coder(model)


def code_documents(documents, model: str | None = None):
    """Code a list of Documents in this process; returns them with their events."""
    return worker_coder(model).code_batch_safely(list(documents))


def _row_name(record: dict) -> str:
    """How a problem names a table's row, which has no line: its `origin` column, else its id."""
    from ..ingest.fields import brief
    origin, doc_id = record.get("origin"), record.get("id")
    if isinstance(origin, str) and origin:
        return origin
    return f"the row with id {brief(doc_id)}" if doc_id not in (None, "") else "a row without an id"


def documents_from_arrow(table, max_bytes: int = DEFAULT_MAX_BYTES) -> list:
    """The Documents and Problems of an Arrow table's (or record batch's) rows, in order, each row
    read as the ingest reader reads a record (tacitus.ingest.readers.document_from_record); a row
    needs an id, as a table has no line to name it by."""
    from ..ingest.readers import Problem, document_from_record
    out = []
    for record in table.to_pylist():
        where = _row_name(record)
        item = document_from_record(record, where, max_bytes=max_bytes)
        if not isinstance(item, Problem) and not item.id:
            item = Problem(where, "no 'id': a row of a table needs one")
        out.append(item)
    return out


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


def code_arrow(table, model: str | None = None, problems: list | None = None):
    """Arrow documents in, Arrow events out: the unit Spark's mapInArrow calls. A row that cannot be
    read or coded has no events; it is named in `problems` ("failed: WHERE: reason") when given."""
    from ..ingest.language import skip_reason
    from ..ingest.readers import Problem
    coder = worker_coder(model)
    items = documents_from_arrow(table)
    docs = [i for i in items if not isinstance(i, Problem)]
    coded = coder.code_batch_safely([d for d in docs if not skip_reason(d)])  # English only
    if problems is not None:
        problems += [f"{i.kind}: {i}" for i in items if isinstance(i, Problem)]
        problems += [f"skipped: {d.origin}: {skip_reason(d)}" for d in docs if skip_reason(d)]
        problems += [f"failed: {d.origin}: {d.error}" for d in coded if d.error]
    return events_table([d for d in coded if not d.error], coder.versions)
