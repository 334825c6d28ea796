"""tacitus network: who did what to whom in a period, as weighted edges."""
from __future__ import annotations

import json

from .common import add_db, add_format, write_rows

HELP = "The actor network of a period: edges weighted by events and their mean Goldstein tone."
EXAMPLE = """examples:
  tacitus network --since 2022-01-01 --db events.duckdb
  tacitus network --since 2022-01-01 --until 2022-12-31 --min-events 5 --format json"""


def add_arguments(p):
    add_db(p)
    p.add_argument("--since")
    p.add_argument("--until")
    p.add_argument("--min-events", type=int, default=1)
    p.add_argument("--limit", type=int, default=200)
    add_format(p, ("table", "csv", "json"), "table")


def run(args):
    from ..analysis import network
    from ..store import Store

    with Store(args.db, read_only=True) as store:
        net = network(store, since=args.since, until=args.until, min_events=args.min_events, limit=args.limit)
    if args.format == "json":
        print(json.dumps(net, indent=1))
    else:
        write_rows(net["edges"], ["source", "target", "events", "mean_goldstein"], args.format)
    return 0
