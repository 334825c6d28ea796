"""Routes: relations between actors (dyads, series, partners, network, changes), from tacitus.analysis."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query

from ..analysis import changes, network, partners, series
from ..store import EventFilter
from .errors import ApiError
from .params import MAX_LIMIT, ApiState, state

router = APIRouter()


@router.get("/api/dyads")
def dyads(since: Optional[str] = None, until: Optional[str] = None, limit: int = Query(50, ge=1, le=MAX_LIMIT),
          api: ApiState = Depends(state)):
    EventFilter(since=since, until=until)  # validates the dates
    with api.lock:
        net = network(api.store, since=since, until=until, limit=limit)
    return {"items": net["edges"], "limit": limit}


@router.get("/api/series")
def get_series(a: str = Query(..., max_length=50), b: Optional[str] = Query(None, max_length=50),
               by: str = Query("month", pattern="^(day|week|month|year)$"), since: Optional[str] = None,
               until: Optional[str] = None, direction: str = Query("both", pattern="^(both|out|in)$"),
               api: ApiState = Depends(state)):
    with api.lock:
        rows = series(api.store, a, b, by=by, since=since, until=until, direction=direction)
    return {"a": a, "b": b, "by": by, "direction": direction, "items": rows}


@router.get("/api/partners")
def get_partners(actor: str = Query(..., max_length=50), since: Optional[str] = None,
                 until: Optional[str] = None, limit: int = Query(20, ge=1, le=MAX_LIMIT),
                 api: ApiState = Depends(state)):
    EventFilter(since=since, until=until)
    with api.lock:
        return {"actor": actor, "items": partners(api.store, actor, since=since, until=until, limit=limit)}


@router.get("/api/network")
def get_network(since: Optional[str] = None, until: Optional[str] = None,
                min_events: int = Query(1, ge=1, le=1_000_000_000), limit: int = Query(200, ge=1, le=MAX_LIMIT),
                api: ApiState = Depends(state)):
    EventFilter(since=since, until=until)
    with api.lock:
        return network(api.store, since=since, until=until, min_events=min_events, limit=limit)


def _period(value):
    parts = value.split("..")
    if len(parts) != 2:
        raise ApiError(400, "bad_request", "periods are written SINCE..UNTIL (YYYY-MM-DD..YYYY-MM-DD)")
    EventFilter(since=parts[0], until=parts[1])  # validates the dates
    return parts[0], parts[1]


@router.get("/api/changes")
def get_changes(actor: str = Query(..., max_length=50), first: str = Query(..., description="SINCE..UNTIL"),
                second: str = Query(..., description="SINCE..UNTIL"), limit: int = Query(20, ge=1, le=MAX_LIMIT),
                api: ApiState = Depends(state)):
    a, b = _period(first), _period(second)
    with api.lock:
        return {"actor": actor, "items": changes(api.store, actor, a, b, limit=limit)}
