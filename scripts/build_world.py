"""Build tacitus/web/static/world.json, the dashboard map's country outlines, from Natural Earth.

The source is Natural Earth's 1:110m countries (public domain) as shipped in the PyPI wheel
geopandas==0.14.4 (geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp). The script
reads the shapefile with pyshp (`pip install '.[maps]'`), simplifies each ring (Douglas-Peucker),
rounds coordinates to 0.1 degree and keeps each country's ISO 3166-1 alpha-3 code, the codes the
store's source_country and target_country hold. It is a build tool: nothing here runs in the
dashboard, which only reads the JSON it writes.

    python scripts/build_world.py geopandas-0.14.4-py3-none-any.whl   # or the .shp itself
"""
from __future__ import annotations

import argparse
import io
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tacitus" / "web" / "static" / "world.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
# Natural Earth writes -99 where ISO has no code (Kosovo) or where it once had none (France and
# Norway in older releases); the store's codes follow tacitus/data/countries.tsv (XKX for Kosovo).
FALLBACK = {"Kosovo": "XKX", "France": "FRA", "Norway": "NOR"}
CODEPAGES = {"1252": "cp1252", "ANSI 1252": "cp1252"}  # the .cpg file names the .dbf's encoding
TOLERANCE = 0.12  # degrees, for Douglas-Peucker
MIN_AREA = 0.5  # square degrees: smaller islands are left out unless they are a country's only ring


def reader(path):
    import shapefile  # pyshp, the `maps` extra

    path = Path(path)
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            parts = {ext: io.BytesIO(wheel.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
            encoding = wheel.read(f"{MEMBER}.cpg").decode("ascii").strip()
        return shapefile.Reader(**parts, encoding=CODEPAGES.get(encoding.upper(), encoding))
    cpg = path.with_suffix(".cpg")
    encoding = cpg.read_text("ascii").strip() if cpg.exists() else "utf-8"
    return shapefile.Reader(str(path), encoding=CODEPAGES.get(encoding.upper(), encoding))


def simplify(points, tol):
    """Douglas-Peucker, iterative; the first and last points are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = 0.0, None
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, at = d, i
        if at is not None and best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def rings(shape):
    bounds = list(shape.parts) + [len(shape.points)]
    for a, b in zip(bounds, bounds[1:]):
        yield [tuple(p) for p in shape.points[a:b]]


def country(record, shape, tol=TOLERANCE):
    code = record["iso_a3"]
    if len(code) != 3 or not code.isalpha():
        code = FALLBACK.get(record["name"], code)
    kept = []
    for ring in rings(shape):
        small = simplify(ring, tol)
        rounded = []
        for x, y in small:
            p = (round(x, 1), round(y, 1))
            if not rounded or rounded[-1] != p:
                rounded.append(p)
        if len(rounded) >= 4:
            kept.append((area(ring), [v for p in rounded[:-1] for v in p]))  # closed by the path
    kept.sort(key=lambda r: -r[0])
    rings_out = [r for i, (a, r) in enumerate(kept) if i == 0 or a >= MIN_AREA]
    return {"id": code, "name": record["name"], "rings": rings_out}


def build(path):
    shp = reader(path)
    countries = [country(rec, shape) for rec, shape in zip(shp.records(), shp.shapes())]
    countries = [c for c in countries if c["rings"] and len(c["id"]) == 3 and c["id"] != "ATA"]
    countries.sort(key=lambda c: c["id"])
    return {"source": "Natural Earth 1:110m countries (public domain), from the PyPI wheel geopandas==0.14.4",
            "format": "rings: flat [lon, lat, lon, lat, ...] in degrees, rounded to 0.1, each ring closed by its first point",
            "countries": countries}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the geopandas 0.14.4 wheel, or naturalearth_lowres.shp")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    world = build(args.source)
    text = json.dumps(world, separators=(",", ":"), ensure_ascii=False)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(world['countries'])} countries, {len(text) // 1024} KiB")


if __name__ == "__main__":
    main()
