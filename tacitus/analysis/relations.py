"""Analytics over stored events, as SQL aggregates (fast on millions of events, in DuckDB or
PostgreSQL). Actors are matched by code prefix: "CHN" is China's government, military, people...

The cooperation-conflict index of a period is (cooperative - conflictual) / (cooperative +
conflictual) events, in [-1, 1]: -1 all conflict, +1 all cooperation. Mean and summed Goldstein
scores are given beside it.
"""
from __future__ import annotations

from datetime import date

from ..errors import InputError
from ..store.query import EventFilter, _like_prefix, where_clause

PERIODS = ("day", "week", "month", "year")
COUNTED = "e.status IN ('occurred', 'planned')"


def _period(by):
    if by not in PERIODS:
        raise InputError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    return f"CAST(date_trunc('{by}', e.event_date) AS DATE)"


def _where(flt):
    return where_clause(flt, text_column="e.trigger")  # no sentence join in aggregates


def _index(coop, conflict):
    total = (coop or 0) + (conflict or 0)
    return round(((coop or 0) - (conflict or 0)) / total, 4) if total else None


def _rows(store, sql, params):
    cols, rows = store.db.query(sql, params)
    return [dict(zip(cols, r)) for r in rows]


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def series(store, a, b=None, *, by="month", since=None, until=None, direction="both"):
    """Events of actor `a` (with `b`, the dyad) per period: counts by quad class and PLOVER type,
    mean and summed Goldstein, and the cooperation-conflict index.

    direction: "both" (a<->b), "out" (a->b only) or "in" (b->a only).
    """
    if direction not in ("both", "out", "in"):
        raise InputError("direction must be both, out or in")
    if b is None:
        flt = EventFilter(actor=a, since=since, until=until)
    elif direction == "both":
        flt = EventFilter(dyad=(a, b), since=since, until=until)
    else:
        src, tgt = (a, b) if direction == "out" else (b, a)
        flt = EventFilter(source=src, target=tgt, since=since, until=until)
    where, params = _where(flt)
    period = _period(by)
    rows = _rows(store, f"""
        SELECT {period} AS period, COUNT(*) AS events,
               SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END) AS verbal_cooperation,
               SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END) AS material_cooperation,
               SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END) AS verbal_conflict,
               SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) AS material_conflict,
               AVG(e.goldstein) AS mean_goldstein, SUM(e.goldstein) AS total_goldstein
        FROM events e WHERE {where} AND {COUNTED} AND e.event_date IS NOT NULL
        GROUP BY 1 ORDER BY 1""", params)
    types = _rows(store, f"""
        SELECT {period} AS period, e.plover_type AS plover, COUNT(*) AS n
        FROM events e WHERE {where} AND {COUNTED} AND e.event_date IS NOT NULL AND e.plover_type IS NOT NULL
        GROUP BY 1, 2""", params)
    by_period = {}
    for t in types:
        by_period.setdefault(t["period"], {})[t["plover"]] = t["n"]
    out = []
    for r in rows:
        coop = r["verbal_cooperation"] + r["material_cooperation"]
        conflict = r["verbal_conflict"] + r["material_conflict"]
        out.append({"period": _iso(r["period"]), "events": r["events"],
                    "verbal_cooperation": r["verbal_cooperation"], "material_cooperation": r["material_cooperation"],
                    "verbal_conflict": r["verbal_conflict"], "material_conflict": r["material_conflict"],
                    "mean_goldstein": round(r["mean_goldstein"], 3) if r["mean_goldstein"] is not None else None,
                    "total_goldstein": round(r["total_goldstein"], 2) if r["total_goldstein"] is not None else None,
                    "index": _index(coop, conflict), "plover": by_period.get(r["period"], {})})
    return out


def partners(store, actor, *, since=None, until=None, limit=20):
    """The countries and organisations `actor` has most events with, either direction."""
    flt = EventFilter(actor=actor, since=since, until=until)
    where, params = _where(flt)
    prefix = str(actor).upper()
    rows = _rows(store, f"""
        SELECT partner, COUNT(*) AS events, AVG(goldstein) AS mean_goldstein,
               SUM(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
               SUM(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict
        FROM (SELECT CASE WHEN e.source_code LIKE ? ESCAPE '\\' THEN COALESCE(e.target_country, e.target_code)
                          ELSE COALESCE(e.source_country, e.source_code) END AS partner,
                     e.goldstein, e.quad_class
              FROM events e WHERE {where} AND {COUNTED}) p
        WHERE partner IS NOT NULL AND partner NOT LIKE ? ESCAPE '\\'
        GROUP BY partner ORDER BY events DESC, partner LIMIT ?""",
                 [_like_prefix(prefix)] + params + [_like_prefix(prefix), int(limit)])
    for r in rows:
        r["mean_goldstein"] = round(r["mean_goldstein"], 3) if r["mean_goldstein"] is not None else None
        r["index"] = _index(r["cooperation"], r["conflict"])
    return rows


def network(store, *, since=None, until=None, min_events=1, limit=200):
    """The country network of a period: nodes with their event counts, directed edges weighted by
    events and their mean Goldstein tone."""
    where, params = _where(EventFilter(since=since, until=until))
    edges = _rows(store, f"""
        SELECT COALESCE(e.source_country, e.source_code) AS source, COALESCE(e.target_country, e.target_code) AS target,
               COUNT(*) AS events, AVG(e.goldstein) AS mean_goldstein
        FROM events e WHERE {where} AND {COUNTED} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
              AND e.source_code NOT LIKE '---%' AND e.target_code NOT LIKE '---%'
        GROUP BY 1, 2 HAVING COUNT(*) >= ? AND COALESCE(e.source_country, e.source_code) <> COALESCE(e.target_country, e.target_code)
        ORDER BY events DESC, source, target LIMIT ?""", params + [int(min_events), int(limit)])
    nodes = {}
    for e in edges:
        e["mean_goldstein"] = round(e["mean_goldstein"], 3) if e["mean_goldstein"] is not None else None
        for side in ("source", "target"):
            nodes[e[side]] = nodes.get(e[side], 0) + e["events"]
    return {"nodes": [{"id": k, "events": v} for k, v in sorted(nodes.items(), key=lambda kv: -kv[1])],
            "edges": edges}


def changes(store, actor, first, second, *, limit=20):
    """What changed for `actor` between two periods (each a (since, until) pair): events and mean
    Goldstein per partner in each, and the difference, largest shifts first."""
    before = {p["partner"]: p for p in partners(store, actor, since=first[0], until=first[1], limit=1000)}
    after = {p["partner"]: p for p in partners(store, actor, since=second[0], until=second[1], limit=1000)}
    rows = []
    for partner in set(before) | set(after):
        b, a = before.get(partner, {}), after.get(partner, {})
        rows.append({"partner": partner, "events_before": b.get("events", 0), "events_after": a.get("events", 0),
                     "goldstein_before": b.get("mean_goldstein"), "goldstein_after": a.get("mean_goldstein"),
                     "events_change": a.get("events", 0) - b.get("events", 0),
                     "goldstein_change": (round(a["mean_goldstein"] - b["mean_goldstein"], 3)
                                          if a.get("mean_goldstein") is not None and b.get("mean_goldstein") is not None
                                          else None)})
    rows.sort(key=lambda r: (-abs(r["events_change"]), r["partner"]))
    return rows[:limit]
