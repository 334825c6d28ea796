"""tacitus export: write stored events to a file."""
from __future__ import annotations

import sys

from ..store.export import FORMATS
from .common import add_db, add_filters, event_filter

HELP = "Export stored events: Parquet, CSV, JSON lines, ICEWS-style TSV or PLOVER JSON lines."
EXAMPLE = """examples:
  tacitus export events.parquet --format parquet --db events.duckdb
  tacitus export chn-rus.tsv --format icews --dyad CHN RUS"""


def add_arguments(p):
    p.add_argument("output", metavar="OUTPUT", help="file to write")
    p.add_argument("--format", "-f", choices=FORMATS, required=True)
    add_db(p)
    add_filters(p)


def run(args):
    from ..store import Store
    from ..store.export import export

    with Store(args.db, read_only=True) as store:
        n = export(store, args.output, args.format, event_filter(args))
    print(f"tacitus: {n:,} events written to {args.output}", file=sys.stderr)
    return 0
