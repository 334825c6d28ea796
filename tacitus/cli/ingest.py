"""tacitus ingest: code documents and store them, skipping what is already stored."""
from __future__ import annotations

import argparse
import sys

from ..ingest.readers import DEFAULT_MAX_BYTES
from .common import add_db
from .progress import Progress

HELP = "Code documents and store their events in the database (idempotent and resumable)."
EXAMPLE = """examples:
  tacitus ingest samples/ --db events.duckdb
  tacitus ingest news/*.jsonl --db postgresql://localhost/tacitus --recode
  tacitus ingest archive/ --db events.duckdb --workers 2

A document already stored with the same text and coder version is skipped; --recode re-codes
documents stored by another coder version. Killed at any moment, a re-run finishes the job.
exit status: 0 all stored; 1 some input failed (stored with its error, named on stderr)."""


def add_arguments(p):
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt, .jsonl, .html), or -")
    add_db(p)
    p.add_argument("--recode", action="store_true", help="re-code documents stored by another coder version")
    p.add_argument("--batch-size", type=int, default=64, help="documents per transaction (default: 64)")
    p.add_argument("--published", help="document date for documents that carry none")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    p.add_argument("--model", help="spaCy model name")
    p.add_argument("--workers", type=int, default=None,
                   help="coding processes feeding the single writer (default: the number of cores)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on stderr (default: when stderr is a terminal)")


def run(args):
    from ..ingest.load import ingest
    from ..ingest.readers import Reader, normalise_date
    from ..pipeline import Coder
    from ..store import Store

    published = normalise_date(args.published) if args.published else None
    if args.published and not published:
        print(f"tacitus: error: --published {args.published!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    import os
    store = Store(args.db)
    workers = args.workers or os.cpu_count() or 1
    coder = Coder(args.model) if workers <= 1 else None
    progress = Progress(args.progress if args.progress is not None else sys.stderr.isatty())
    shown = [0]

    def on_batch(report):
        for line in report.problems[shown[0]:]:
            print(f"tacitus: {line}", file=sys.stderr)
        shown[0] = len(report.problems)
        if progress.enabled:
            progress.stream.write(f"\r{report.coded:,} coded, {report.skipped:,} skipped, {report.failed:,} failed, "
                                  f"{report.events:,} events")
            progress.stream.flush()

    report = ingest(args.paths, store, coder, recode=args.recode, batch_size=args.batch_size,
                    reader=Reader(max_bytes=args.max_bytes, published=published), on_batch=on_batch,
                    workers=workers, model=args.model)
    on_batch(report)
    if progress.enabled:
        progress.stream.write("\n")
    store.close()
    print(f"tacitus: {report.coded} coded, {report.skipped} already stored, {report.stale} stored by another "
          f"coder version (use --recode), {report.failed} failed; {report.sentences:,} sentences, "
          f"{report.events:,} events into {store.url}", file=sys.stderr)
    return 1 if report.failed else 0
