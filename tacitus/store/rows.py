"""Flat rows for the store from coded documents; their columns and the way back to an event's JSON
are tacitus/columns.py's."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from ..columns import STORED_NAMES, document_event_rows, escape_json, event_json  # noqa: F401 - event_json is the store's JSON
from ..errors import InputError
from .schema import DOCUMENT_COLUMNS, SENTENCE_COLUMNS

EVENT_FIELDS = list(STORED_NAMES)
DOCUMENT_FIELDS = [c for c, _ in DOCUMENT_COLUMNS]
SENTENCE_FIELDS = [c for c, _ in SENTENCE_COLUMNS]


def content_hash(doc) -> str:
    h = hashlib.sha256()
    for part in (doc.text, doc.published or "", doc.title or ""):
        # a field of the wrong type or a lone surrogate must not stop the batch: the document is
        # still hashed, then stored as failed when the database refuses it; valid text hashes as before
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()



def _day(value):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def document_row(doc, versions, status="coded", error=None):
    """The documents table's row. A coded document's fields must be text (a reader or the API let
    an object through: it is stored as failed instead); a failed one's are made storable."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    row = [doc.id, doc.source, doc.url, doc.title, _day(doc.published), doc.date_source, content_hash(doc),
           doc.text, status, error, doc.origin, len(doc.sentences), len(doc.events),
           versions.get("coder"), versions.get("dictionaries"), now, getattr(doc, "language", None)]
    if status != "coded":
        return [_storable(v, t) for v, (_, t) in zip(row, DOCUMENT_COLUMNS)]
    for value, (name, sql_type) in zip(row, DOCUMENT_COLUMNS):
        if value is not None and sql_type.startswith("TEXT") and not isinstance(value, str):
            raise InputError(f"document {doc.id!r}: {name} must be text, not {type(value).__name__}")
    return row


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
    """One JSON line: non-ASCII kept as is, but U+2028, U+2029 and lone surrogates escaped, so that
    every reader splits lines where we did and every encoder can write them."""
    return escape_json(json.dumps(obj, ensure_ascii=False, default=json_default))


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(value):
    """Text any database accepts: NUL and lone surrogates replaced by U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", value)


def _storable(value, sql_type):
    if value is None or isinstance(value, str):
        return None if value is None else storable_text(value)
    if not sql_type.startswith("TEXT"):
        return value  # numbers, dates and timestamps the row itself computed
    try:  # a title that is an object or a number: kept, readable, as text
        text = repr(value)
    except RecursionError:
        text = f"<a {type(value).__name__} nested too deeply to show>"
    return storable_text(text[:1000])


def refused_document(stored: StoredDocument, message: str) -> StoredDocument:
    """A document the database refused, as a failed document it accepts: every value made storable,
    no sentences or events, the refusal as its error."""
    row = dict(zip(DOCUMENT_FIELDS, stored.document))
    row.update(status="failed", error=storable_text(message)[:500], n_sentences=0, n_events=0)
    return StoredDocument(storable_text(str(stored.id)), "failed", [_storable(row[c], t) for c, t in DOCUMENT_COLUMNS],
                          [], [])
