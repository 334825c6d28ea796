"""Exports of stored events: Parquet, CSV, JSON lines, ICEWS-style TSV and PLOVER JSON lines.

The columns of each come from tacitus/columns.py, as do those of `tacitus code` and `tacitus events`.
"""
from __future__ import annotations

from ..columns import FLAT, ICEWS, arrow_schema, csv_line, header, tsv_line, values
from .query import EventFilter
from .rows import dumps, event_json

FORMATS = ("parquet", "csv", "jsonl", "icews", "plover")
ICEWS_COLUMNS = header(ICEWS)
FLAT_COLUMNS = header(FLAT)


def icews_row(row):
    return ["" if v is None else v for v in values(ICEWS, row)]


def plover_record(row):
    """One event in the field names of the PLOVER specification's event records."""
    return {
        "id": row["event_id"], "date": row["date_text"], "event_type": row["plover_type"],
        "mode": row["plover_mode"], "context": [c for c in (row["plover_context"] or "").split("|") if c],
        "actor": row["source_name"] or row["source_code"], "actor_code": row["source_code"],
        "actor_country": row["source_country"], "actor_role": row["source_sector"],
        "recipient": row["target_name"] or row["target_code"], "recipient_code": row["target_code"],
        "recipient_country": row["target_country"], "recipient_role": row["target_sector"],
        "location": row["place"], "latitude": row.get("latitude"), "longitude": row.get("longitude"),
        "geonames_id": row.get("geonames_id"), "location_country": row.get("place_country"), "status": row["status"], "cameo": row["cameo"],
        "story_id": row["doc_id"], "sentence": row["sentence_idx"], "text": row.get("sentence_text"),
        "trigger": row["trigger"],
    }


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _parquet(rows, path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = arrow_schema([("sentence_text", pa.string())])
    n, chunk = 0, []
    with pq.ParquetWriter(str(path), schema) as writer:
        for row in rows:
            chunk.append({k: row.get(k) for k in FLAT_COLUMNS})
            n += 1
            if len(chunk) >= 10_000:  # bounded memory on any export size
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
    return n


def _text(rows, fh, fmt) -> int:
    """CSV quoted, the ICEWS TSV escaped, JSON lines with U+2028 and U+2029 escaped: each reads back
    as the rows stored (tacitus.columns says how)."""
    n = 0
    if fmt == "csv":
        fh.write(csv_line(FLAT_COLUMNS))
    elif fmt == "icews":
        fh.write(tsv_line(ICEWS_COLUMNS))
    for row in rows:
        if fmt == "csv":
            fh.write(csv_line([_iso(v) for v in values(FLAT, row)]))
        elif fmt == "icews":
            fh.write(tsv_line(icews_row(row)))
        elif fmt == "jsonl":
            fh.write(dumps(event_json(row)) + "\n")
        else:
            fh.write(dumps(plover_record(row)) + "\n")
        n += 1
    return n


def export(store, path, fmt, flt: EventFilter | None = None) -> int:
    """Write the matching events to `path` in `fmt`; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = store.iter_event_rows(flt)
    if fmt == "parquet":
        return _parquet(rows, path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        return _text(rows, fh, fmt)
