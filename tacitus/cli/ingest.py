"""tacitus ingest: code documents and store them, skipping what is already stored."""
from __future__ import annotations

import argparse
import sys

from ..ingest.readers import DEFAULT_MAX_BYTES
from .common import add_db, add_fetching, add_model, add_published, add_workers, published_date
from .progress import Progress

HELP = "Code documents and store their events in the database (idempotent and resumable)."
EXAMPLE = """examples:
  tacitus ingest samples/ --db events.duckdb
  tacitus ingest news/*.jsonl --db postgresql://localhost/tacitus --recode
  tacitus ingest archive/ --db events.duckdb --workers 2
  tacitus ingest https://mfa.example/press.rss --db events.duckdb --fetch-pages

A feed URL (http or https) is fetched and read as a feed file is: each item a document, its id
the item's guid or link. A URL that cannot be fetched (no connection, --timeout passed, an HTTP
error) is one line naming it, and the other paths go on. --fetch-pages: an item with no content
or summary is read from the page it links to; a page that cannot be fetched skips that item, in
one line. To poll feeds and code new items only, see tacitus watch.

A document already stored with the same text and coder version is skipped; --recode re-codes
documents stored by another coder version. Killed at any moment, a re-run finishes the job.
A document that cannot be coded, or that the database refuses, is stored as failed with its
reason (list them: tacitus serve --get "/api/documents?status=failed"); the batch goes on, and a
re-run retries the failed ones.
A document in a language other than English (its page's, feed's or record's own tag, else
detected) is stored with its language, uncoded, as skipped ("language: zh"), and named on stderr.
exit status: 0 all stored; 1 some input failed or was skipped (stored with its reason, named on stderr);
2 nothing could run (bad arguments, model or database missing); 3 internal error (a bug in tacitus)."""


def add_arguments(p):
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or folders (.txt, .jsonl, .html, .rss, .atom, .xml), feed URLs, or -")
    add_db(p)
    p.add_argument("--recode", action="store_true", help="re-code documents stored by another coder version")
    p.add_argument("--batch-size", type=int, default=64, help="documents per transaction (default: 64)")
    add_published(p)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest document accepted")
    add_fetching(p)
    add_model(p)
    add_workers(p)
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on stderr (default: when stderr is a terminal)")


class _Reporter:
    """Problems named on stderr as they come, and a progress line of the batches stored."""

    def __init__(self, show):
        self.progress = Progress(show)
        self.shown = 0

    def __call__(self, report):
        for line in report.problems[self.shown:]:
            print(f"tacitus: {line}", file=sys.stderr)
        self.shown = len(report.problems)
        if self.progress.enabled:
            self.progress.stream.write(f"\r{report.coded:,} coded, {report.skipped:,} skipped, "
                                       f"{report.failed:,} failed, {report.events:,} events")
            self.progress.stream.flush()

    def close(self, report):
        self(report)
        if self.progress.enabled:
            self.progress.stream.write("\n")


def run(args):
    from ..ingest.load import ingest
    from ..ingest.readers import Reader
    from ..store import Store

    reader = Reader(max_bytes=args.max_bytes, published=published_date(args), fetch_pages=args.fetch_pages,
                    timeout=args.timeout)
    reporter = _Reporter(args.progress if args.progress is not None else sys.stderr.isatty())
    with Store(args.db) as store:
        report = ingest(args.paths, store, recode=args.recode, batch_size=args.batch_size, reader=reader,
                        on_batch=reporter, workers=args.workers, model=args.model)
    reporter.close(report)
    print(f"tacitus: {report.coded} coded, {report.skipped} already stored, {report.stale} stored by another "
          f"coder version (use --recode), {_languages(report.languages)}{report.failed} failed; "
          f"{report.sentences:,} sentences, {report.events:,} events into {store.url}", file=sys.stderr)
    return 1 if report.failed or report.languages else 0


def _languages(counts) -> str:
    """'3 skipped for their language (zh 2, ru 1), ' or nothing when every document was English."""
    if not counts:
        return ""
    each = ", ".join(f"{code} {n}" for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{sum(counts.values())} skipped for their language ({each}), "
