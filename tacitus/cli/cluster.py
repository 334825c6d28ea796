"""tacitus cluster-code and tacitus load-events: code an archive on a Dask cluster, then store it."""
from __future__ import annotations

import sys

from ..ingest.readers import DEFAULT_MAX_BYTES
from .common import add_db, add_model, add_workers

HELP = "Code documents (Parquet or JSON lines, local or fsspec URLs) on a Dask cluster into Parquet events."
EXAMPLE = """examples:
  tacitus cluster-code archive/2021.jsonl archive/2022.jsonl out/            # a local cluster, all cores
  tacitus cluster-code s3://bucket/news/*.parquet s3://bucket/events/ --scheduler tcp://10.0.0.5:8786
  tacitus load-events out/ --db events.duckdb

Output: OUTPUT/events/month=YYYY-MM/*.parquet, OUTPUT/documents/*.parquet and OUTPUT/_manifest.jsonl;
an interrupted run resumes with the inputs the manifest does not list. Records are read as ingest
reads them: one that cannot be read or coded is named on stderr with its file and line (for
Parquet, its row from 1) and kept with the documents as failed, which load-events stores.
exit status: 0 every record coded; 1 some records failed (named on stderr); 2 nothing could run;
3 internal error (a bug in tacitus)."""


def add_arguments(p):
    p.add_argument("paths", nargs="+", metavar="PATH", help="inputs..., then the OUTPUT folder (or URL)")
    p.add_argument("--scheduler", help="address of an existing Dask scheduler (default: a local cluster)")
    add_workers(p, "local cluster worker processes (default 0, auto: one per core, but one when the inputs are "
                   "small); the output does not depend on it")
    p.add_argument("--blocksize", default="4MB", help="JSON-lines partition size (default 4MB)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest document accepted")
    add_model(p)


def run(args):
    from ..scale.dask_run import cluster_code

    if len(args.paths) < 2:
        print("tacitus: error: give at least one input and the output folder", file=sys.stderr)
        return 2
    *inputs, output = args.paths

    def on_input(entry):
        for line in entry["problems"]:
            print(f"tacitus: {line}", file=sys.stderr)
        print(f"tacitus: {entry['input']}: {entry['documents']:,} documents, {entry['events']:,} events, "
              f"{entry['skipped']:,} skipped for their language, {entry['failed']:,} failed", file=sys.stderr)

    summary = cluster_code(inputs, output, scheduler=args.scheduler, workers=args.workers,
                           blocksize=args.blocksize, model=args.model, on_input=on_input, max_bytes=args.max_bytes)
    print(f"tacitus: {summary['inputs']} inputs coded ({summary['skipped_inputs']} already done): "
          f"{summary['documents']:,} documents, {summary['events']:,} events, {summary['skipped']:,} skipped for "
          f"their language, {summary['failed']:,} failed into {output}", file=sys.stderr)
    return 1 if summary["failed"] or summary["skipped"] else 0


class Load:
    HELP = "Load the Parquet output of cluster-code into the event database."
    EXAMPLE = """examples:
  tacitus load-events out/ --db events.duckdb"""

    @staticmethod
    def add_arguments(p):
        p.add_argument("output", metavar="OUTPUT", help="a cluster-code output folder (or URL)")
        add_db(p)

    @staticmethod
    def run(args):
        from ..scale.dask_run import load_output
        from ..store import Store
        with Store(args.db) as store:
            n = load_output(args.output, store)
        for line in n.problems:
            print(f"tacitus: {line}", file=sys.stderr)
        print(f"tacitus: {n.coded:,} documents, {n.events:,} events loaded into {store.url}; {n.failed:,} "
              f"failed documents stored with their error, {sum(n.languages.values()):,} skipped for their "
              "language", file=sys.stderr)
        return 0
