"""Routes: health, documents, and coding new text (POST /api/documents, with the operator's token)."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import APIRouter, Body, Depends, Header

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


def _document(payload: dict) -> Document:
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
def post_document(payload: dict = Body(...), authorization: Optional[str] = Header(None),
                  api: ApiState = Depends(state)):
    """Code one document and store it, through the same job runner as `tacitus ingest`."""
    _authorise(api, authorization)
    doc = _document(payload)
    with api.lock:
        report = run_job([doc], api.store, api.get_coder(), workers=1)
        if report.failed:  # stored as a failed document, with its error, as ingest stores one
            why = doc.error or report.problems[-1]
            raise ApiError(422, "not_coded", f"document {doc.id!r} {why}; it is stored as failed")
        events = api.store.events(EventFilter(document=doc.id), limit=10_000, sort="id")
    return clean({"id": doc.id, "published": doc.published, "events": events})
