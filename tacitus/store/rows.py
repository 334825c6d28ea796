"""Flat rows for the store from coded documents; their columns and the way back to an event's JSON
are tacitus/columns.py's."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone

from ..columns import STORED_NAMES, document_event_rows, event_json  # noqa: F401 - event_json is the store's JSON
from .schema import DOCUMENT_COLUMNS, SENTENCE_COLUMNS

EVENT_FIELDS = list(STORED_NAMES)
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


def document_row(doc, versions, status="coded", error=None):
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    return [doc.id, doc.source, doc.url, doc.title, _day(doc.published), doc.date_source, content_hash(doc),
            doc.text, status, error, doc.origin, len(doc.sentences), len(doc.events),
            versions.get("coder"), versions.get("dictionaries"), now]


def sentence_rows(doc):
    return [[doc.id, s.index, s.start, s.end, s.text] for s in doc.sentences]


def event_rows(doc, versions):
    """The events table's rows of a coded document, in the order of EVENT_FIELDS."""
    return [[row[c] for c in EVENT_FIELDS] for row in document_event_rows(doc, versions)]


@dataclass
class StoredDocument:
    """A document in the store's form: its row, its sentences' rows, its events' rows (dicts keyed
    by tacitus.columns' names). What the writer stores, whoever coded the document."""

    id: str
    status: str
    document: list
    sentences: list
    events: list


def stored_document(doc, versions, status="coded", error=None) -> StoredDocument:
    coded = status == "coded"
    return StoredDocument(doc.id, status, document_row(doc, versions, status, error),
                          sentence_rows(doc) if coded else [], document_event_rows(doc, versions) if coded else [])


def json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=json_default)
