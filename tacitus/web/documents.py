"""Routes: health, documents, and coding new text (POST /api/documents, with the operator's token)."""
from __future__ import annotations

import hmac
import json
import re
from typing import Optional

from anyio import to_thread
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from .. import __version__
from ..ingest.load import code_apart, held_for_writing, held_uncoded
from ..ingest.language import language_code, skip_reason
from ..ingest.readers import finish, normalise_date
from ..model import Document
from ..store import EventFilter
from ..store.query import UNSTORABLE
from ..store.rows import content_hash
from .errors import ApiError
from .params import ApiState, clean, page, state

router = APIRouter()
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
HEALTH_WAIT = 0.5  # seconds /api/health waits for the store before it answers with the last counts
MAX_TEXT = 1_000_000


@router.get("/api/health")
def health(api: ApiState = Depends(state)):
    """Alive, and what the store holds. While a long write holds the store (10,000 events of a
    1M-character document take about a second), the counts are those read last, marked stale."""
    reply = {"status": "ok", "version": __version__, "store": api.store.db.kind}
    if api.lock.acquire(timeout=HEALTH_WAIT):
        try:
            api.last_counts = api.store.counts()
        finally:
            api.lock.release()
        return {**reply, "counts": api.last_counts}
    return {**reply, "counts": api.last_counts, "stale": True}


@router.get("/api/documents")
def documents(p=Depends(page), status: Optional[str] = None, api: ApiState = Depends(state)):
    with api.lock:
        items = api.store.documents(status=status, limit=p["limit"], offset=p["offset"])
        total = api.store.counts()["documents"]
    return clean({"items": items, "total": total, **p})


@router.get("/api/documents/{doc_id:path}")
def document(doc_id: str, api: ApiState = Depends(state)):
    with api.lock:
        doc = api.store.document(doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        events = api.store.events(EventFilter(document=doc_id), limit=10_000, sort="id")
    return clean({**doc, "events": events})


def _authorise(api: ApiState, authorization):
    if not api.token:
        raise ApiError(403, "read_only", "this server is read-only: start it with a token to accept documents")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme != "Bearer" or not hmac.compare_digest(given.strip().encode(), api.token.encode()):
        raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer TOKEN' header is required")


MAX_FIELD = {"id": 500, "published": 100, "title": 2000, "url": 2000, "source": 500, "language": 35}


def _check_fields(payload: dict):
    """Every field checked before anything is coded or written: a refused request stores nothing."""
    for name, limit in MAX_FIELD.items():
        value = payload.get(name)
        if value is not None and not isinstance(value, str) and not (name == "id" and type(value) is int):
            raise ApiError(400, "bad_request", f"{name}: a string is required, not {type(value).__name__}")
        if isinstance(value, str) and len(value) > limit:
            raise ApiError(400, "bad_request", f"{name}: at most {limit:,} characters")
    for name in ("text", *MAX_FIELD):
        value = payload.get(name)
        if isinstance(value, str) and UNSTORABLE.search(value):
            raise ApiError(400, "bad_request", f"{name}: holds a NUL character or a lone surrogate")
    doc_id = payload.get("id")
    if isinstance(doc_id, str) and doc_id and (not doc_id.strip() or _CONTROL.search(doc_id)):
        # "\n" or "a\tb" could be stored but never asked for again by /api/documents/{id}
        raise ApiError(400, "bad_request", "id: printable text is required (no control characters, not blank)")


def _document(payload: dict) -> Document:
    _check_fields(payload)
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "bad_request", "text: a non-empty string is required")
    if len(text) > MAX_TEXT:
        raise ApiError(413, "too_large", "text: at most 1,000,000 characters")
    doc = Document(id=str(payload.get("id") or ""), text=text, published=normalise_date(payload.get("published")),
                   title=payload.get("title"), url=payload.get("url"), source=payload.get("source"), origin="api",
                   language=language_code(payload.get("language")))  # a declared language wins over detection
    doc.id = doc.id or "api-" + content_hash(doc)[:16]
    return finish(doc)


def _payload(body: bytes, content_type: Optional[str]) -> dict:
    kind = (content_type or "application/json").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise ApiError(415, "unsupported_media_type", "the body must be JSON (Content-Type: application/json)")
    try:
        payload = json.loads(body)
    except RecursionError:
        raise ApiError(400, "bad_request", "the body is nested too deeply to be a document") from None
    except ValueError as exc:  # not JSON, or not UTF-8
        raise ApiError(400, "bad_request", f"the body is not JSON: {exc}"[:300]) from None
    if not isinstance(payload, dict):
        raise ApiError(400, "bad_request", "the body must be a JSON object with 'text'")
    return payload


def _refuse_existing(api: ApiState, doc_id: str, replace: bool) -> bool:
    """Whether `doc_id` is stored; 409 if it is and the client did not ask to replace it. The caller
    holds the store lock."""
    existed = doc_id in api.store.stored_versions([doc_id])
    if existed and not replace:
        raise ApiError(409, "exists", f"document {doc_id!r} is already stored: POST with ?replace=true to replace it")
    return existed


def _checked_first(api: ApiState, doc_id: str, replace: bool):
    with api.lock:  # refused before the coding it would waste; asked again before writing
        _refuse_existing(api, doc_id, replace)


def _code(api: ApiState, doc: Document):
    """The coded document and the job runner's writer holding its rows: both made in the coding
    turn (api.coding), off the store lock. One in a language the coder does not read is held
    uncoded, as `tacitus ingest` stores it."""
    reason = skip_reason(doc)
    if reason:
        from ..pipeline import static_versions
        return doc, held_uncoded(doc, api.store, static_versions(), reason)
    coded, versions = code_apart([doc], api.get_coder())
    return coded[0], held_for_writing(coded, api.store, versions)


def _store(api: ApiState, doc: Document, writer, replace: bool) -> JSONResponse:
    """Write the held rows, with the 409 check made again in the same turn on the store (another
    POST may have stored the id while this one was being coded); then read the events back in a
    turn of their own and render the reply here, off the event loop: a long document's thousands
    of events take a while to write as JSON."""
    with api.lock:
        existed = _refuse_existing(api, doc.id, replace)
        writer.flush()
    if writer.report.languages:  # stored uncoded, with its language, as ingest stores one
        raise ApiError(422, "not_coded", f"document {doc.id!r} skipped: {skip_reason(doc)}; it is stored "
                                         "uncoded, with its language")
    if writer.report.failed:  # stored as a failed document, with its error, as ingest stores one
        why = doc.error or writer.report.problems[-1]
        raise ApiError(422, "not_coded", f"document {doc.id!r} {why}; it is stored as failed")
    with api.lock:
        events = api.store.events(EventFilter(document=doc.id), limit=10_000, sort="id")
    reply = {"id": doc.id, "published": doc.published, "replaced": existed, "events": events}
    return JSONResponse(jsonable_encoder(clean(reply)), status_code=200 if existed else 201)


_FIELD_SCHEMA = {name: {"type": "string", "maxLength": limit} for name, limit in MAX_FIELD.items()}
BODY_SCHEMA = {"type": "object", "required": ["text"], "additionalProperties": True, "properties": {
    "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}, **_FIELD_SCHEMA,
    "id": {"anyOf": [_FIELD_SCHEMA["id"], {"type": "integer"}], "description": "default: api- and a content hash"},
    "published": {**_FIELD_SCHEMA["published"], "description": "a date, YYYY-MM-DD"}}}


@router.post("/api/documents", status_code=201, openapi_extra={
    "requestBody": {"required": True, "content": {"application/json": {"schema": BODY_SCHEMA}}}})
async def post_document(request: Request, authorization: Optional[str] = Header(None),
                        replace: bool = Query(False, description="replace a document stored under the same id"),
                        api: ApiState = Depends(state)):
    """Code one document and store it, through the same writer as `tacitus ingest`. An id already
    stored answers 409 unless `replace=true`; the reply says whether it replaced one. Coding runs in
    a worker thread, one document at a time, without the store: readers are answered meanwhile."""
    _authorise(api, authorization)
    body = await request.body()  # at most the body limit: the BodyLimit middleware read it
    payload = await to_thread.run_sync(_payload, body, request.headers.get("content-type"))
    doc = await to_thread.run_sync(_document, payload)
    await to_thread.run_sync(_checked_first, api, doc.id, replace)
    coded, writer = await to_thread.run_sync(_code, api, doc, limiter=api.coding)
    return await to_thread.run_sync(_store, api, coded, writer, replace)
