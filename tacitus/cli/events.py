"""tacitus events: query stored events."""
from __future__ import annotations

import csv
import sys

from ..store.rows import dumps
from .common import add_db, add_filters, event_filter

HELP = "Query stored events by actor, dyad, code, PLOVER type, status, date, document or text."
EXAMPLE = """examples:
  tacitus events --db events.duckdb --dyad CHN RUS
  tacitus events --root 19 --since 2022-01-01 --format csv > fighting.csv
  tacitus events --text "ceasefire" --format table"""
COLUMNS = ["event_id", "date", "source", "cameo", "target", "plover", "goldstein", "status", "trigger", "doc_id"]


def add_arguments(p):
    add_db(p)
    add_filters(p)
    p.add_argument("--format", "-f", choices=("jsonl", "csv", "tsv", "table"), default="jsonl")
    p.add_argument("--limit", type=int, default=100, help="at most this many (default 100, max 10000)")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--sort", choices=("date", "-date", "id"), default="date")
    p.add_argument("--count", action="store_true", help="print only how many events match")


def _flat(e):
    return [e["event_id"], e["date"], (e["source"] or {}).get("code"), e["cameo"], (e["target"] or {}).get("code"),
            e["plover"]["type"], e["goldstein"], e["status"], e["evidence"]["trigger"], e["doc_id"]]


def run(args):
    from ..store import Store

    flt = event_filter(args)
    with Store(args.db, read_only=True) as store:
        if args.count:
            print(store.count_events(flt))
            return 0
        events = store.events(flt, limit=args.limit, offset=args.offset, sort=args.sort)
    if args.format == "jsonl":
        for e in events:
            sys.stdout.write(dumps(e) + "\n")
    elif args.format in ("csv", "tsv"):
        w = csv.writer(sys.stdout, delimiter="," if args.format == "csv" else "\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for e in events:
            w.writerow(_flat(e))
    else:
        for e in events:
            row = _flat(e)
            print(f"{row[1] or '?':<10}  {row[2] or '-':<10} {row[3]:<5} {row[4] or '-':<10} {row[5] or '-':<9} "
                  f"{row[6]:>5}  {row[7]:<10} \"{row[8]}\"  {row[9]}")
    return 0
