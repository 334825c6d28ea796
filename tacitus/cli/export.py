"""tacitus export: write stored events to a file."""
from __future__ import annotations

import sys

from ..store.export import FORMATS
from .common import add_db, add_filters, event_filter

HELP = "Export stored events: Parquet, CSV, JSON lines, ICEWS-style TSV or PLOVER JSON lines."
EXAMPLE = """examples:
  tacitus export events.parquet --format parquet --db events.duckdb
  tacitus export chn-rus.tsv --format icews --dyad CHN RUS

The folder of OUTPUT must exist. CSV is quoted (RFC 4180; a bare CR, U+2028, U+2029 and a value
holding # are quoted too); the ICEWS TSV is a plain TSV: backslash, tab, CR, LF, U+2028 and U+2029
inside a value are written \\\\, \\t, \\r, \\n, \\u2028, \\u2029 (tacitus.columns.tsv_unescape
reads them back; DuckDB reads it with delim='\\t', quote='', escape='', comment='');
JSON lines escape U+2028 and U+2029."""


def add_arguments(p):
    p.add_argument("output", metavar="OUTPUT", help="file to write")
    p.add_argument("--format", "-f", choices=FORMATS, required=True)
    add_db(p)
    add_filters(p)


def run(args):
    from pathlib import Path

    from ..errors import InputError
    from ..store import Store
    from ..store.export import export

    folder = Path(args.output).parent
    if not folder.is_dir():  # not created for the user: a mistyped path should not grow folders
        raise InputError(f"cannot write {args.output}: the folder {folder} does not exist (create it first)")

    with Store(args.db, read_only=True) as store:
        n = export(store, args.output, args.format, event_filter(args))
    print(f"tacitus: {n:,} events written to {args.output}", file=sys.stderr)
    return 0
