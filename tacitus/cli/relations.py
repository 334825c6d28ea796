"""tacitus relations: relations of an actor or a dyad over time."""
from __future__ import annotations

import sys

from .common import add_db, add_format, write_rows

HELP = "Relations of an actor or a dyad over time: events by quad class and PLOVER type, Goldstein, index."
EXAMPLE = """examples:
  tacitus relations CHN RUS --by month --db events.duckdb
  tacitus relations CHN RUS --by year --format csv > chn-rus.csv
  tacitus relations CHN RUS --chart chn-rus.svg
  tacitus relations CHN --partners"""
COLUMNS = ["period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
           "material_conflict", "mean_goldstein", "total_goldstein", "index"]


def add_arguments(p):
    p.add_argument("a", metavar="A", help="actor code (country or organisation): CHN, IGOWSTNAT")
    p.add_argument("b", metavar="B", nargs="?", help="the other side of the dyad (optional)")
    add_db(p)
    p.add_argument("--by", choices=("day", "week", "month", "year"), default="month")
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--direction", choices=("both", "out", "in"), default="both", help="A->B (out), B->A (in), both")
    p.add_argument("--partners", action="store_true", help="list A's most active partners instead")
    add_format(p, ("table", "csv", "json"), "table")
    p.add_argument("--chart", metavar="FILE.svg", help="also draw the series as an SVG chart")


def run(args):
    from ..analysis import partners, series
    from ..analysis.charts import series_svg
    from ..store import Store

    with Store(args.db, read_only=True) as store:
        if args.partners:
            rows = partners(store, args.a, since=args.since, until=args.until)
            write_rows(rows, ["partner", "events", "cooperation", "conflict", "mean_goldstein", "index"], args.format)
            return 0
        rows = series(store, args.a, args.b, by=args.by, since=args.since, until=args.until, direction=args.direction)
    write_rows(rows, COLUMNS, args.format)
    if args.chart:
        title = f"{args.a}–{args.b} by {args.by}" if args.b else f"{args.a} by {args.by}"
        with open(args.chart, "w", encoding="utf-8") as fh:
            fh.write(series_svg(rows, title))
        print(f"tacitus: chart written to {args.chart}", file=sys.stderr)
    return 0
