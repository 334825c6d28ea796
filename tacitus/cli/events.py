"""tacitus events: query stored events."""
from __future__ import annotations

import sys

from ..columns import EVENTS_TABLE, csv_line, header, tsv_line, values
from ..store.rows import dumps
from .common import add_db, add_filters, add_format, count, event_filter

HELP = "Query stored events by actor, dyad, code, PLOVER type, status, date, document or text."
EXAMPLE = """examples:
  tacitus events --db events.duckdb --dyad CHN RUS
  tacitus events --root 19 --since 2022-01-01 --format csv > fighting.csv
  tacitus events --text "ceasefire" --format table"""
FORMATS = ("jsonl", "csv", "tsv", "table")


def add_arguments(p):
    add_db(p)
    add_filters(p)
    add_format(p, FORMATS, "jsonl")
    p.add_argument("--limit", type=count, default=100, help="at most this many (default 100, max 10000)")
    p.add_argument("--offset", type=count, default=0, help="skip this many first (default 0)")
    p.add_argument("--sort", choices=("date", "-date", "id", "-id"), default="date")
    p.add_argument("--count", action="store_true", help="print only how many events match")


def run(args):
    from ..store import Store
    from ..store.rows import event_json

    flt = event_filter(args)
    with Store(args.db, read_only=True) as store:
        if args.count:
            print(store.count_events(flt))
            return 0
        rows = store.event_rows(flt, limit=args.limit, offset=args.offset, sort=args.sort)
    if args.format == "jsonl":
        for row in rows:
            sys.stdout.write(dumps(event_json(row)) + "\n")
    elif args.format in ("csv", "tsv"):  # CSV quoted, TSV escaped: see tacitus.columns.tsv_field
        line = csv_line if args.format == "csv" else tsv_line
        sys.stdout.write(line(header(EVENTS_TABLE)))
        for row in rows:
            sys.stdout.write(line(values(EVENTS_TABLE, row)))
    else:
        for row in rows:
            r = values(EVENTS_TABLE, row)
            print(f"{r[1] or '?':<10}  {r[2] or '-':<10} {r[3]:<5} {r[4] or '-':<10} {r[5] or '-':<9} "
                  f"{r[6]:>5}  {r[7]:<10} \"{r[8]}\"  {r[9]}")
    return 0
