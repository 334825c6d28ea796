"""Routes: events with the CLI's filters and paging, events per country (the map), search in sentences, actors."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query

from ..analysis import country_counts
from ..store import EventFilter
from .params import ApiState, clean, filters, page, state

router = APIRouter()


@router.get("/api/events")
def events(flt=Depends(filters), p=Depends(page), sort: str = Query("date", pattern="^-?(date|id)$"),
           api: ApiState = Depends(state)):
    with api.lock:
        items = api.store.events(flt, limit=p["limit"], offset=p["offset"], sort=sort)
        total = api.store.count_events(flt)
    return clean({"items": items, "total": total, **p})


@router.get("/api/countries")
def countries(flt=Depends(filters), by: str = Query("either", pattern="^(source|target|either|place)$",
                                                     description="count an event for its source's country, "
                                                                 "its target's, either (once each), or its place's"),
              api: ApiState = Depends(state)):
    """Events per country (ISO alpha-3) and their mean Goldstein, under the events filters."""
    with api.lock:
        items = country_counts(api.store, flt, by=by)
        total = api.store.count_events(flt)
    return {"by": by, "items": items, "total": total}


@router.get("/api/search")
def search(q: str = Query(..., min_length=1, max_length=500), p=Depends(page), api: ApiState = Depends(state)):
    flt = EventFilter(text=q)
    with api.lock:
        items = api.store.events(flt, limit=p["limit"], offset=p["offset"])
        total = api.store.count_events(flt)
    return clean({"items": items, "total": total, **p})


@router.get("/api/actors")
def actors(q: Optional[str] = Query(None, max_length=200), p=Depends(page), api: ApiState = Depends(state)):
    with api.lock:
        return {"items": api.store.actors(q, limit=p["limit"], offset=p["offset"]), **p}
