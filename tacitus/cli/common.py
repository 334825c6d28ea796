"""Options shared by the verbs that use the store."""
from __future__ import annotations

from ..store import DEFAULT_DB

DB_HELP = f"event database: a DuckDB file or postgresql://... (default: $TACITUS_DB or {DEFAULT_DB})"


def add_db(p):
    p.add_argument("--db", default=None, help=DB_HELP)


def add_filters(p):
    g = p.add_argument_group("filters (actor codes match as prefixes: CHN matches CHNGOV)")
    g.add_argument("--actor", help="either side")
    g.add_argument("--source")
    g.add_argument("--target")
    g.add_argument("--country", help="either side's country (ISO alpha-3)")
    g.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="A->B or B->A")
    g.add_argument("--code", help="CAMEO code prefix: 04, 057")
    g.add_argument("--root", help="CAMEO root: 01..20")
    g.add_argument("--plover", help="PLOVER type: CONSULT, ASSAULT, ...")
    g.add_argument("--status", choices=("occurred", "planned", "negated", "hypothetical", "historical"))
    g.add_argument("--since", help="event date on or after (YYYY-MM-DD)")
    g.add_argument("--until", help="event date on or before (YYYY-MM-DD)")
    g.add_argument("--document", help="document id")
    g.add_argument("--text", help="words in the event's sentence")


def event_filter(args):
    from ..store import EventFilter
    return EventFilter(actor=args.actor, source=args.source, target=args.target, country=args.country,
                       dyad=tuple(args.dyad) if args.dyad else None, code=args.code, root=args.root,
                       plover=args.plover, status=args.status, since=args.since, until=args.until,
                       document=args.document, text=args.text)
