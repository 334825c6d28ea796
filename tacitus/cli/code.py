"""tacitus code: read documents, code them, print events."""
from __future__ import annotations

import argparse
import sys

from ..ingest.language import skip_reason
from ..ingest.readers import DEFAULT_MAX_BYTES, Problem, Reader
from ..output import FORMATS, Writer
from .common import add_format, add_model, add_published, add_workers, published_date
from .progress import Progress

HELP = "Code documents (text, JSON lines, HTML, RSS or Atom feeds, or - for stdin) into CAMEO and PLOVER events."
EXAMPLE = """examples:
  tacitus code samples/2023-03-21-india-japan-readout.txt --format table
  tacitus code samples/news.jsonl --format tsv > events.tsv
  tacitus code archive.jsonl --workers 2 > events.jsonl
  echo "Russia and China signed an energy agreement on Monday." | tacitus code - --published 2024-05-20

The output is the same, in input order, whatever --workers says. A document in a language other
than English (its page's or record's own tag, else detected) is not coded: one line on stderr says
so ("skipped: FILE: language: zh").
exit status: 0 every document coded; 1 some documents failed or were skipped (each named on stderr);
2 nothing could run (bad arguments, model missing); 3 internal error (a bug in tacitus)."""


def add_arguments(p):
    p.add_argument("paths", nargs="*", default=["-"], metavar="PATH",
                   help="files or folders (.txt, .jsonl, .html, .rss, .atom, .xml); - reads stdin (default)")
    add_format(p, FORMATS, "jsonl")
    add_published(p)
    add_model(p)
    p.add_argument("--batch-size", type=int, default=64, help="documents coded per batch (default: 64)")
    add_workers(p)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest document accepted")
    p.add_argument("--explain", action="store_true",
                   help="also list each trigger that gave no event, with the reason (jsonl: a 'dropped' list)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on stderr (default: when stderr is a terminal)")


def _readable(reader, paths, counts):
    """The documents under `paths`; what cannot be read is named on stderr and counted."""
    for item in reader.read(paths):
        if isinstance(item, Problem):
            if item.kind == "warning":
                print(f"tacitus: warning: {item}", file=sys.stderr)
                continue
            counts[item.kind] += 1
            print(f"tacitus: {item.kind}: {item}", file=sys.stderr)
            continue
        reason = skip_reason(item)
        if reason:  # never coded as if it were English
            counts["skipped"] += 1
            print(f"tacitus: skipped: {item.origin or item.id}: {reason}", file=sys.stderr)
            continue
        for warning in item.warnings:
            print(f"tacitus: warning: {item.origin or item.id}: {warning}", file=sys.stderr)
        yield item


def run(args):
    from ..scale.pool import code_stream

    if args.explain and args.format == "tsv":
        print("tacitus: error: --explain needs --format jsonl or table (a TSV row is an event)", file=sys.stderr)
        return 2
    reader = Reader(max_bytes=args.max_bytes, published=published_date(args))
    progress = Progress(args.progress if args.progress is not None else sys.stderr.isatty())
    counts = {"coded": 0, "skipped": 0, "failed": 0}
    stream = code_stream(_readable(reader, args.paths, counts), workers=args.workers, batch_size=args.batch_size,
                         model=args.model)
    writer = Writer(sys.stdout, args.format, stream.versions, explain=args.explain)
    for doc in stream:
        writer.write(doc)
        if doc.error:
            counts["failed"] += 1
            print(f"tacitus: failed: {doc.origin or doc.id}: {doc.error}", file=sys.stderr)
        else:
            counts["coded"] += 1
        progress.update(doc)
    progress.close()
    print(f"tacitus: {counts['coded']} coded, {counts['skipped']} skipped, {counts['failed']} failed; "
          f"{progress.sentences:,} sentences, {progress.events:,} events", file=sys.stderr)
    return 1 if counts["skipped"] or counts["failed"] else 0
