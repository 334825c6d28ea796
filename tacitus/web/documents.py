"""Routes: health, documents, and coding new text (POST /api/documents, with the operator's token)."""
from __future__ import annotations

import hmac
import re
from typing import Optional

from fastapi import APIRouter, Body, Depends, Header, Query, Response

from .. import __version__
from ..ingest.load import run_job
from ..ingest.readers import finish, normalise_date
from ..model import Document
from ..store import EventFilter
from ..store.rows import content_hash
from .errors import ApiError
from .params import ApiState, clean, page, state

router = APIRouter()
MAX_TEXT = 1_000_000


@router.get("/api/health")
def health(api: ApiState = Depends(state)):
    with api.lock:
        return {"status": "ok", "version": __version__, "store": api.store.db.kind, "counts": api.store.counts()}


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


MAX_FIELD = {"id": 500, "published": 100, "title": 2000, "url": 2000, "source": 500}
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


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
        if isinstance(value, str) and _UNSTORABLE.search(value):
            raise ApiError(400, "bad_request", f"{name}: holds a NUL character or a lone surrogate")


def _document(payload: dict) -> Document:
    _check_fields(payload)
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "bad_request", "text: a non-empty string is required")
    if len(text) > MAX_TEXT:
        raise ApiError(413, "too_large", "text: at most 1,000,000 characters")
    doc = Document(id=str(payload.get("id") or ""), text=text, published=normalise_date(payload.get("published")),
                   title=payload.get("title"), url=payload.get("url"), source=payload.get("source"), origin="api")
    doc.id = doc.id or "api-" + content_hash(doc)[:16]
    return finish(doc)


@router.post("/api/documents", status_code=201)
def post_document(response: Response, payload: dict = Body(...), authorization: Optional[str] = Header(None),
                  replace: bool = Query(False, description="replace a document stored under the same id"),
                  api: ApiState = Depends(state)):
    """Code one document and store it, through the same job runner as `tacitus ingest`. An id
    already stored answers 409 unless `replace=true`; the reply says whether it replaced one."""
    _authorise(api, authorization)
    if not isinstance(payload, dict):
        raise ApiError(400, "bad_request", "the body must be a JSON object with 'text'")
    doc = _document(payload)
    with api.lock:
        existed = api.store.document(doc.id) is not None
        if existed and not replace:
            raise ApiError(409, "exists", f"document {doc.id!r} is already stored: POST with ?replace=true "
                                          "to replace it")
        report = run_job([doc], api.store, api.get_coder(), workers=1)
        if report.failed:  # stored as a failed document, with its error, as ingest stores one
            why = doc.error or report.problems[-1]
            raise ApiError(422, "not_coded", f"document {doc.id!r} {why}; it is stored as failed")
        events = api.store.events(EventFilter(document=doc.id), limit=10_000, sort="id")
    if existed:
        response.status_code = 200
    return clean({"id": doc.id, "published": doc.published, "replaced": existed, "events": events})
