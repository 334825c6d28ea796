"""The HTTP API: documents, events, actors, dyads, series, partners, network, changes, search.

Read-only by default. Coding new text (POST /api/documents) needs the operator's token, sent as
`Authorization: Bearer TOKEN`. Every error has one JSON shape:
    {"error": {"status": 404, "code": "not_found", "message": "..."}}
Every route calls a library function (tacitus.store, tacitus.analysis); no logic lives here.
"""
from __future__ import annotations

import hmac
import threading
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Optional

from fastapi import Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..analysis import changes, network, partners, series
from ..errors import InputError, StoreError, TacitusError
from ..store import EventFilter, Store
from ..store.rows import json_default

STATIC = Path(__file__).resolve().parent / "static"
MAX_LIMIT = 1000


class ApiError(Exception):
    def __init__(self, status, code, message):
        self.status, self.code, self.message = status, code, message


def _error(status, code, message):
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def _clean(obj):
    """JSON-safe values (dates as ISO strings)."""
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    if isinstance(obj, date):
        return json_default(obj)
    return obj


def create_app(db=None, *, token=None, coder_factory=None):
    """The API and dashboard over the store at `db`. With a `token`, POST /api/documents codes and
    stores new text (the store is then opened for writing)."""
    writable = bool(token)
    store = Store(db, read_only=not writable, migrate=writable)
    lock = threading.Lock()  # one connection: requests take turns
    coder_holder = {}
    @asynccontextmanager
    async def lifespan(app):
        yield
        store.close()

    app = FastAPI(title="tacitus", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political event data (CAMEO and PLOVER) and relations between countries.")
    app.state.store = store

    @app.exception_handler(ApiError)
    async def _api_error(request, exc):
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request, exc):
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request, exc):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body"))
        return _error(400, "bad_request", f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(InputError)
    async def _input_error(request, exc):
        return _error(400, "bad_request", exc.message)

    @app.exception_handler(StoreError)
    async def _store_error(request, exc):
        return _error(500, "store_error", exc.message)

    @app.exception_handler(TacitusError)
    async def _tacitus_error(request, exc):
        return _error(400, "bad_request", exc.message)

    def page(limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10_000_000)):
        return {"limit": limit, "offset": offset}

    def filters(actor: Optional[str] = None, source: Optional[str] = None, target: Optional[str] = None,
                country: Optional[str] = None, dyad: Optional[str] = Query(None, description="A,B: either direction"),
                code: Optional[str] = None, root: Optional[str] = None, plover: Optional[str] = None,
                status: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                document: Optional[str] = None, q: Optional[str] = Query(None, description="words in the sentence")):
        pair = None
        if dyad:
            parts = [p.strip() for p in dyad.split(",") if p.strip()]
            if len(parts) != 2:
                raise ApiError(400, "bad_request", "dyad: give two actor codes, A,B")
            pair = tuple(parts)
        return EventFilter(actor=actor, source=source, target=target, country=country, dyad=pair, code=code,
                           root=root, plover=plover, status=status, since=since, until=until, document=document,
                           text=q)

    @app.get("/api/health")
    def health():
        with lock:
            return {"status": "ok", "version": __version__, "store": store.db.kind, "counts": store.counts()}

    @app.get("/api/documents")
    def documents(p=Depends(page), status: Optional[str] = None):
        with lock:
            items = store.documents(status=status, limit=p["limit"], offset=p["offset"])
            total = store.counts()["documents"]
        return _clean({"items": items, "total": total, **p})

    @app.get("/api/documents/{doc_id:path}")
    def document(doc_id: str):
        with lock:
            doc = store.document(doc_id)
            if doc is None:
                raise ApiError(404, "not_found", f"no document {doc_id!r}")
            events = store.events(EventFilter(document=doc_id), limit=10_000, sort="id")
        return _clean({**doc, "events": events})

    @app.post("/api/documents", status_code=201)
    def post_document(payload: dict = Body(...), authorization: Optional[str] = Header(None)):
        if not token:
            raise ApiError(403, "read_only", "this server is read-only: start it with a token to accept documents")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme != "Bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer TOKEN' header is required")
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, "bad_request", "text: a non-empty string is required")
        if len(text) > 1_000_000:
            raise ApiError(413, "too_large", "text: at most 1,000,000 characters")
        from ..ingest.readers import finish, normalise_date
        from ..model import Document
        from ..store.rows import content_hash
        doc = Document(id=str(payload.get("id") or ""), text=text, published=normalise_date(payload.get("published")),
                       title=payload.get("title"), url=payload.get("url"), source=payload.get("source"), origin="api")
        doc.id = doc.id or "api-" + content_hash(doc)[:16]
        with lock:
            coder = coder_holder.get("coder")
            if coder is None:
                from ..pipeline import Coder
                coder = coder_holder["coder"] = (coder_factory or Coder)()
            coded = coder.code_batch([finish(doc)])
            store.write_batch(coded, coder.versions)
            events = store.events(EventFilter(document=doc.id), limit=10_000, sort="id")
        return _clean({"id": doc.id, "published": doc.published, "events": events})

    @app.get("/api/events")
    def events(flt=Depends(filters), p=Depends(page), sort: str = Query("date", pattern="^-?(date|id)$")):
        with lock:
            items = store.events(flt, limit=p["limit"], offset=p["offset"], sort=sort)
            total = store.count_events(flt)
        return _clean({"items": items, "total": total, **p})

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=500), p=Depends(page)):
        flt = EventFilter(text=q)
        with lock:
            items = store.events(flt, limit=p["limit"], offset=p["offset"])
            total = store.count_events(flt)
        return _clean({"items": items, "total": total, **p})

    @app.get("/api/actors")
    def actors(q: Optional[str] = Query(None, max_length=200), p=Depends(page)):
        with lock:
            return {"items": store.actors(q, limit=p["limit"], offset=p["offset"]), **p}

    @app.get("/api/dyads")
    def dyads(since: Optional[str] = None, until: Optional[str] = None, limit: int = Query(50, ge=1, le=MAX_LIMIT)):
        EventFilter(since=since, until=until)  # validates the dates
        with lock:
            net = network(store, since=since, until=until, limit=limit)
        return {"items": net["edges"], "limit": limit}

    @app.get("/api/series")
    def get_series(a: str = Query(..., max_length=50), b: Optional[str] = Query(None, max_length=50),
                   by: str = Query("month", pattern="^(day|week|month|year)$"), since: Optional[str] = None,
                   until: Optional[str] = None, direction: str = Query("both", pattern="^(both|out|in)$")):
        with lock:
            rows = series(store, a, b, by=by, since=since, until=until, direction=direction)
        return {"a": a, "b": b, "by": by, "direction": direction, "items": rows}

    @app.get("/api/partners")
    def get_partners(actor: str = Query(..., max_length=50), since: Optional[str] = None,
                     until: Optional[str] = None, limit: int = Query(20, ge=1, le=MAX_LIMIT)):
        EventFilter(since=since, until=until)
        with lock:
            return {"actor": actor, "items": partners(store, actor, since=since, until=until, limit=limit)}

    @app.get("/api/network")
    def get_network(since: Optional[str] = None, until: Optional[str] = None,
                    min_events: int = Query(1, ge=1), limit: int = Query(200, ge=1, le=MAX_LIMIT)):
        EventFilter(since=since, until=until)
        with lock:
            return network(store, since=since, until=until, min_events=min_events, limit=limit)

    @app.get("/api/changes")
    def get_changes(actor: str = Query(..., max_length=50), first: str = Query(..., description="SINCE..UNTIL"),
                    second: str = Query(..., description="SINCE..UNTIL"), limit: int = Query(20, ge=1, le=MAX_LIMIT)):
        def span(value):
            parts = value.split("..")
            if len(parts) != 2:
                raise ApiError(400, "bad_request", "periods are written SINCE..UNTIL (YYYY-MM-DD..YYYY-MM-DD)")
            EventFilter(since=parts[0], until=parts[1])
            return parts[0], parts[1]
        a, b = span(first), span(second)
        with lock:
            return {"actor": actor, "items": changes(store, actor, a, b, limit=limit)}

    if STATIC.exists():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard():
        index = STATIC / "index.html"
        if not index.exists():
            raise ApiError(404, "not_found", "the dashboard is not installed")
        return FileResponse(index)

    return app
