"""Events per country, for the dashboard's map: counts and mean Goldstein under the events filters.

An event counts for the country of its source (by="source"), of its target (by="target"), or of
either (by="either": once per country, so an event inside one country counts once for it), or of
its place as the gazetteer located it (by="place", the store's place_country). Every status
counts unless the filter names one, as in the events listing, so a country's count is the total
of /api/events with the same filters and source_country, target_country or country set to it.
"""
from __future__ import annotations

from ..errors import InputError
from ..store.query import EventFilter, where_clause

SIDES = ("source", "target", "either", "place")
_FROM = "FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx"


def country_counts(store, flt: EventFilter | None = None, *, by="either"):
    """[{country, events, mean_goldstein}] for every country with events, most events first."""
    if by not in SIDES:
        raise InputError(f"by must be one of {', '.join(SIDES)}, not {by!r}")
    where, params = where_clause(flt or EventFilter())
    sides = ("source", "target") if by == "either" else (by,)
    # UNION (not UNION ALL) keeps one row per (event, country): an event within one country counts once
    union = " UNION ".join(f"SELECT e.event_id, e.{side}_country AS country, e.goldstein {_FROM} "
                           f"WHERE {where} AND e.{side}_country IS NOT NULL" for side in sides)
    cols, rows = store.db.query(f"""
        SELECT country, COUNT(*) AS events, AVG(goldstein) AS mean_goldstein FROM ({union}) c
        GROUP BY country ORDER BY events DESC, country""", params * len(sides))
    out = [dict(zip(cols, r)) for r in rows]
    for r in out:
        r["mean_goldstein"] = round(r["mean_goldstein"], 3) if r["mean_goldstein"] is not None else None
    return out
