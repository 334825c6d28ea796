"""Flat rows for the store from coded documents, and back to the JSON form of events."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone

from .schema import DOCUMENT_COLUMNS, EVENT_COLUMNS, SENTENCE_COLUMNS

EVENT_FIELDS = [c for c, _ in EVENT_COLUMNS]
DOCUMENT_FIELDS = [c for c, _ in DOCUMENT_COLUMNS]
SENTENCE_FIELDS = [c for c, _ in SENTENCE_COLUMNS]


def content_hash(doc) -> str:
    h = hashlib.sha256()
    for part in (doc.text, doc.published or "", doc.title or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def _day(value):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _event_day(text):
    """The first day of an event's date ("2022-02", "2022" -> the 1st), for ordering and series."""
    if not text:
        return None, None
    parts = text.split("-")
    precision = {1: "year", 2: "month", 3: "day"}.get(len(parts))
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1), precision
    except ValueError:
        return None, None


def document_row(doc, versions, status="coded", error=None):
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    return [doc.id, doc.source, doc.url, doc.title, _day(doc.published), doc.date_source, content_hash(doc),
            doc.text, status, error, doc.origin, len(doc.sentences), len(doc.events),
            versions.get("coder"), versions.get("dictionaries"), now]


def sentence_rows(doc):
    return [[doc.id, s.index, s.start, s.end, s.text] for s in doc.sentences]


def event_rows(doc, versions):
    rows = []
    for n, ev in enumerate(doc.events, 1):
        s, t, e = ev.source, ev.target, ev.evidence
        day, precision = _event_day(ev.date)
        cluster = "|".join([s.code if s else "", t.code if t else "", ev.cameo, ev.date or ""])
        rows.append([
            f"{doc.id}#{n:04d}", doc.id, e.sentence, day, ev.date, precision,
            s and s.code, s and s.country, s and s.sector, s and s.name, s and s.text, s and s.resolved_from,
            t and t.code, t and t.country, t and t.sector, t and t.name, t and t.text, t and t.resolved_from,
            ev.cameo, ev.cameo[:2], ev.name, ev.goldstein, ev.quad_class,
            ev.plover.type, ev.plover.mode, "|".join(ev.plover.context), ev.status, ev.place, "|".join(ev.topics),
            e.trigger, e.trigger_start, e.trigger_end, e.start, e.end,
            e.source_span[0] if e.source_span else None, e.source_span[1] if e.source_span else None,
            e.target_span[0] if e.target_span else None, e.target_span[1] if e.target_span else None,
            e.pattern, ev.speaker.code if ev.speaker else None,
            ev.planned["cameo"] if ev.planned else None, ev.planned["date"] if ev.planned else None,
            hashlib.sha1(cluster.encode()).hexdigest()[:16], versions.get("coder"), versions.get("dictionaries"),
        ])
    return rows


def _actor(row, side):
    code = row.get(f"{side}_code")
    if code is None:
        return None
    out = {"code": code}
    for k in ("country", "sector", "name", "text", "resolved_from"):
        if row.get(f"{side}_{k}") is not None:
            out[k] = row[f"{side}_{k}"]
    return out


def event_json(row: dict) -> dict:
    """A stored event in the coder's JSON form (the contract of ../shared/eval/README.md)."""
    return {
        "event_id": row["event_id"], "doc_id": row["doc_id"],
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "cameo": row["cameo"], "name": row["cameo_name"],
        "plover": {"type": row["plover_type"], "mode": row["plover_mode"],
                   "context": [c for c in (row["plover_context"] or "").split("|") if c]},
        "goldstein": row["goldstein"], "quad_class": row["quad_class"], "status": row["status"],
        "date": row["date_text"], "place": row["place"],
        "topics": [t for t in (row["topics"] or "").split("|") if t],
        "planned": {"cameo": row["planned_cameo"], "date": row["planned_date"]} if row.get("planned_cameo") else None,
        "evidence": {"sentence": row["sentence_idx"], "start": row["span_start"], "end": row["span_end"],
                     "trigger": row["trigger"], "trigger_start": row["trigger_start"],
                     "trigger_end": row["trigger_end"], "pattern": row["pattern"],
                     "source_span": [row["source_start"], row["source_end"]] if row["source_start"] is not None else None,
                     "target_span": [row["target_start"], row["target_end"]] if row["target_start"] is not None else None,
                     "text": row.get("sentence_text")},
        "coder_version": row["coder_version"], "dictionary_version": row["dictionary_version"],
    }


def json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=json_default)
