"""Exports of stored events: Parquet, CSV, JSON lines, ICEWS-style TSV and PLOVER JSON lines."""
from __future__ import annotations

import csv
import json

from .query import EventFilter
from .rows import EVENT_FIELDS, dumps, event_json

FORMATS = ("parquet", "csv", "jsonl", "icews", "plover")
ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]
FLAT_COLUMNS = EVENT_FIELDS + ["sentence_text"]


def _flat(row):
    return {k: (row[k].isoformat() if hasattr(row.get(k), "isoformat") else row.get(k)) for k in FLAT_COLUMNS}


def icews_row(row):
    return [row["event_id"], row["date_text"] or "", row["source_name"] or row["source_code"] or "",
            row["source_sector"] or "", row["source_country"] or "", row["cameo_name"] or "", row["cameo"],
            row["goldstein"], row["target_name"] or row["target_code"] or "", row["target_sector"] or "",
            row["target_country"] or "", row["doc_id"], row["sentence_idx"], "", row["place"] or "", "", "",
            "", "", ""]


def plover_record(row):
    """One event in the field names of the PLOVER specification's event records."""
    return {
        "id": row["event_id"], "date": row["date_text"], "event_type": row["plover_type"],
        "mode": row["plover_mode"], "context": [c for c in (row["plover_context"] or "").split("|") if c],
        "actor": row["source_name"] or row["source_code"], "actor_code": row["source_code"],
        "actor_country": row["source_country"], "actor_role": row["source_sector"],
        "recipient": row["target_name"] or row["target_code"], "recipient_code": row["target_code"],
        "recipient_country": row["target_country"], "recipient_role": row["target_sector"],
        "location": row["place"], "status": row["status"], "cameo": row["cameo"],
        "story_id": row["doc_id"], "sentence": row["sentence_idx"], "text": row.get("sentence_text"),
        "trigger": row["trigger"],
    }


def export(store, path, fmt, flt: EventFilter | None = None) -> int:
    """Write the matching events to `path` in `fmt`; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = store.iter_event_rows(flt)
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        writer = None
        chunk = []

        def flush():
            nonlocal writer
            table = pa.Table.from_pylist(chunk, schema=_parquet_schema())
            writer = writer or pq.ParquetWriter(str(path), table.schema)
            writer.write_table(table)

        for row in rows:
            chunk.append({k: row.get(k) for k in FLAT_COLUMNS})
            n += 1
            if len(chunk) >= 10_000:
                flush()
                chunk = []
        if chunk or writer is None:
            flush()
        writer.close()
        return n
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            w = csv.DictWriter(fh, FLAT_COLUMNS)
            w.writeheader()
            for row in rows:
                w.writerow(_flat(row))
                n += 1
        elif fmt == "icews":
            w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(ICEWS_COLUMNS)
            for row in rows:
                w.writerow(icews_row(row))
                n += 1
        elif fmt == "jsonl":
            for row in rows:
                fh.write(dumps(event_json(row)) + "\n")
                n += 1
        else:
            for row in rows:
                fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
                n += 1
    return n


def _parquet_schema():
    import pyarrow as pa
    from .schema import EVENT_COLUMNS
    types = {"INTEGER": pa.int64(), "DOUBLE PRECISION": pa.float64(), "DATE": pa.date32()}
    cols = [(c, types.get(t.split(" PRIMARY")[0].split(" NOT")[0], pa.string())) for c, t in EVENT_COLUMNS]
    return pa.schema(cols + [("sentence_text", pa.string())])
