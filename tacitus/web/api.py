"""The HTTP API: documents, events, actors, dyads, series, partners, network, changes, search.

Read-only by default. Coding new text (POST /api/documents) needs the operator's token, sent as
`Authorization: Bearer TOKEN`; a body over the limit (limits.py) answers 413 before it is read.
Requests take short turns on one store connection; coding holds none of it (params.ApiState).
Every error has one JSON shape:
    {"error": {"status": 404, "code": "not_found", "message": "..."}}
Every route calls a library function (tacitus.store, tacitus.analysis, tacitus.ingest.load); the
routes live in one module per area (documents, events, relations), the error shape in errors.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Store
from . import documents, errors, events, relations
from .errors import ApiError
from .limits import BodyLimit, body_limit
from .params import ApiState

STATIC = Path(__file__).resolve().parent / "static"
dashboard_router = APIRouter()


@dashboard_router.get("/", include_in_schema=False)
def dashboard():
    index = STATIC / "index.html"
    if not index.exists():
        raise ApiError(404, "not_found", "the dashboard is not installed")
    return FileResponse(index)


def create_app(db=None, *, token=None, coder_factory=None, max_body=None):
    """The API and dashboard over the store at `db`. With a `token`, POST /api/documents codes and
    stores new text (the store is then opened for writing). A request body over `max_body` bytes
    (default: $TACITUS_MAX_BODY, else tacitus.web.limits.MAX_BODY, 16 MiB) answers 413 unread."""
    limit = body_limit(max_body)
    writable = bool(token)
    store = Store(db, read_only=not writable, migrate=writable)

    @asynccontextmanager
    async def lifespan(app):
        yield
        store.close()

    app = FastAPI(title="tacitus", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Political event data (CAMEO and PLOVER) and relations between countries.")
    app.state.store = store
    app.state.api = ApiState(store, token=token, coder_factory=coder_factory)
    errors.install(app)
    app.add_middleware(BodyLimit, max_body=limit)
    for router in (documents.router, events.router, relations.router, dashboard_router):
        app.include_router(router)
    if STATIC.exists():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
