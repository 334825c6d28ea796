"""What the routes share: the app's state (store, lock, token, coder), paging, filters, JSON values."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Optional

from anyio import CapacityLimiter
from fastapi import Query, Request

from ..store import EventFilter, Store
from ..store.rows import json_default
from .errors import ApiError

MAX_LIMIT = 1000


@dataclass
class ApiState:
    """One store connection for the app's lifetime; requests take short turns on it (`lock`): a
    reader's queries, a POST's id check and write. Coding takes no turn on the store: POST
    /api/documents codes in a worker thread of its own, one document at a time (`coding`: the
    coder is not thread-safe), and a POST waiting for its turn waits in the event loop, holding
    no thread that a reader needs."""

    store: Store
    token: Optional[str] = None
    coder_factory: Optional[Callable] = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    coding: CapacityLimiter = field(default_factory=lambda: CapacityLimiter(1))
    coder: object = None  # loaded on the first POST: a read-only server never loads the model
    last_counts: Optional[dict] = None  # what /api/health read last

    def get_coder(self):
        if self.coder is None:
            if self.coder_factory is None:
                from ..pipeline import Coder
                self.coder_factory = Coder
            self.coder = self.coder_factory()
        return self.coder


def state(request: Request) -> ApiState:
    return request.app.state.api


def page(limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10_000_000)):
    return {"limit": limit, "offset": offset}


def filters(actor: Optional[str] = None, source: Optional[str] = None, target: Optional[str] = None,
            country: Optional[str] = None, source_country: Optional[str] = None,
            target_country: Optional[str] = None, dyad: Optional[str] = Query(None, description="A,B: either direction"),
            code: Optional[str] = None, root: Optional[str] = None, plover: Optional[str] = None,
            status: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
            document: Optional[str] = None, q: Optional[str] = Query(None, description="words in the sentence"),
            min_confidence: Optional[float] = Query(None, ge=0, le=1, description="evidence.confidence at least"),
            main: Optional[bool] = Query(None, description="true: only each sentence's main event"),
            place_country: Optional[str] = Query(None, description="the country of the event's place"),
            bbox: Optional[str] = Query(None, description="W,S,E,N: events located in this box (degrees)")):
    pair = None
    if dyad:
        parts = [p.strip() for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise ApiError(400, "bad_request", "dyad: give two actor codes, A,B")
        pair = tuple(parts)
    return EventFilter(actor=actor, source=source, target=target, country=country, source_country=source_country,
                       target_country=target_country, dyad=pair, code=code,
                       root=root, plover=plover, status=status, since=since, until=until, document=document,
                       text=q, min_confidence=min_confidence, main=main, place_country=place_country, bbox=bbox)


def clean(obj):
    """JSON-safe values (dates as ISO strings)."""
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [clean(v) for v in obj]
    if isinstance(obj, date):
        return json_default(obj)
    return obj
