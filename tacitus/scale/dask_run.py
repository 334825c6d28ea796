"""Code a news archive on a Dask cluster: documents from Parquet or JSON lines (local paths or any
fsspec URL the cluster can read) in, events as Parquet partitioned by month out.

Each input file is one unit of the manifest (OUTPUT/_manifest.jsonl): an interrupted run resumes
with the inputs not yet done. Every task writes its own files under deterministic names, so
redoing an interrupted input overwrites its partial output instead of duplicating it.
"""
from __future__ import annotations

import hashlib
import json
import time

from ..ingest.readers import DEFAULT_MAX_BYTES

MANIFEST = "_manifest.jsonl"


def _fs(path):
    import fsspec
    fs, root = fsspec.core.url_to_fs(str(path))
    return fs, root


def _input_id(path):
    return hashlib.sha1(str(path).encode()).hexdigest()[:12]


def done_inputs(output):
    fs, root = _fs(output)
    manifest = f"{root.rstrip('/')}/{MANIFEST}"
    if not fs.exists(manifest):
        return {}
    with fs.open(manifest, "r") as fh:
        return {rec["input"]: rec for rec in (json.loads(line) for line in fh if line.strip())}


def _record(output, entry):
    fs, root = _fs(output)
    fs.makedirs(root, exist_ok=True)
    manifest = f"{root.rstrip('/')}/{MANIFEST}"
    old = fs.cat_file(manifest).decode() if fs.exists(manifest) else ""
    with fs.open(manifest, "w") as fh:  # rewritten whole: appends are not portable across fsspec stores
        fh.write(old + json.dumps(entry) + "\n")


def _documents_table(coded, failed, versions, skipped=()):
    """The documents of one task: those coded, those that could not be read or coded (with
    their error and where they came from), stored as failed by load_output, and those not coded
    for their language (with the reason), stored as skipped."""
    import pyarrow as pa
    from ..store.rows import content_hash
    skipped = list(skipped)
    docs = coded + [doc for doc, _ in failed] + [doc for doc, _ in skipped]
    errors = [None] * len(coded) + [error for _, error in failed] + [reason for _, reason in skipped]
    return pa.table({
        "id": [d.id for d in docs], "source": [d.source for d in docs], "url": [d.url for d in docs],
        "title": [d.title for d in docs], "published": [d.published for d in docs],
        "content_hash": [content_hash(d) for d in docs], "n_sentences": [len(d.sentences) for d in docs],
        "n_events": [len(d.events) for d in docs], "coder_version": [versions["coder"]] * len(docs),
        "dictionary_version": [versions["dictionaries"]] * len(docs),
        "status": ["coded"] * len(coded) + ["failed"] * len(failed) + ["skipped"] * len(skipped), "error": errors,
        "origin": [d.origin for d in docs], "language": [d.language for d in docs]}, schema=_documents_schema())


def _documents_schema():
    import pyarrow as pa
    text = ("id", "source", "url", "title", "published", "content_hash")
    return pa.schema([(c, pa.string()) for c in text] + [("n_sentences", pa.int64()), ("n_events", pa.int64())] +
                     [(c, pa.string()) for c in ("coder_version", "dictionary_version", "status", "error", "origin",
                                                 "language")])


def _sorted_out(items, model, skipped=None):
    """(coded documents, [(failed document, error)], problem lines) of one piece's reader items; a
    document not in English goes to `skipped` as (document, reason), never to the coder."""
    from ..ingest.language import skip_reason
    from ..ingest.load import unread_document
    from ..ingest.readers import Problem
    from .batch import code_documents
    docs, failed, lines = [], [], []
    skipped = [] if skipped is None else skipped
    for item in items:
        if isinstance(item, Problem):
            lines.append(f"{item.kind}: {item}")
            if item.kind != "warning":
                failed.append((unread_document(item), item.message))
            continue
        reason = skip_reason(item)
        if reason:
            lines.append(f"skipped: {item.origin}: {reason}")
            skipped.append((item, reason))
            continue
        lines += [f"warning: {item.origin}: {w}" for w in item.warnings]
        docs.append(item)
    coded = []
    for doc in code_documents(docs, model):  # a document the coder fails on comes back with its error
        if doc.error:
            lines.append(f"failed: {doc.origin}: {doc.error}")
            failed.append((doc, doc.error))
        else:
            coded.append(doc)
    return coded, failed, lines


def code_partition(piece, first, output, input_id, index, model=None, max_bytes=DEFAULT_MAX_BYTES):
    """Task: read one piece of an input (tacitus.scale.inputs) whose first record is line `first`,
    code its documents, and write their events and the documents (failed ones too)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    from .batch import events_table, worker_coder
    from .inputs import read_piece

    coder = worker_coder(model)
    skipped = []
    coded, failed, lines = _sorted_out(read_piece(piece, first, max_bytes), model, skipped)
    table = events_table(coded, coder.versions)
    sentences = {(d.id, s.index): s.text for d in coded for s in d.sentences}
    table = table.append_column("sentence_text", pa.array(
        [sentences.get((d, i)) for d, i in zip(table.column("doc_id").to_pylist(),
                                                 table.column("sentence_idx").to_pylist())], pa.string()))
    fs, root = _fs(output)
    name = f"part-{input_id}-{index:05d}.parquet"
    for month in sorted(set(table.column("month").to_pylist())):
        part = table.filter(pc.equal(table.column("month"), month))
        folder = f"{root.rstrip('/')}/events/month={month}"
        fs.makedirs(folder, exist_ok=True)
        with fs.open(f"{folder}/{name}", "wb") as fh:
            pq.write_table(part.drop(["month"]), fh)
    folder = f"{root.rstrip('/')}/documents"
    fs.makedirs(folder, exist_ok=True)
    with fs.open(f"{folder}/{name}", "wb") as fh:
        pq.write_table(_documents_table(coded, failed, coder.versions, skipped), fh)
    return {"documents": len(coded), "events": table.num_rows, "failed": len(failed), "skipped": len(skipped),
            "problems": lines}


def _tasks(client, path, output, iid, blocksize, model, max_bytes):
    """The coding tasks of one input, after counting the lines of each piece (on the cluster, where
    the input can be read) so that every task knows the line its piece starts at."""
    import dask
    from dask.utils import parse_bytes
    from .inputs import first_lines, pieces, record_count
    parts = pieces(path, parse_bytes(blocksize) if isinstance(blocksize, str) else int(blocksize))
    counts = client.compute([dask.delayed(record_count)(p) for p in parts], sync=True)
    return [dask.delayed(code_partition)(p, first, str(output), iid, i, model, max_bytes)
            for i, (p, first) in enumerate(zip(parts, first_lines(parts, counts)))]


def local_workers(inputs, workers=0):
    """A local cluster's worker processes: `workers`, or for 0 (auto) one per core, but one when the
    inputs are too small to pay for the others' start-up (as tacitus.scale.pool decides)."""
    import os
    from .pool import AUTO, SMALL_INPUT_CHARS
    cores = os.cpu_count() or 1
    if workers != AUTO:
        return workers
    size = 0
    for path in inputs:
        fs, root = _fs(path)
        try:
            size += sum(fs.du(p) for p in (fs.glob(root) or [root]))
        except (OSError, ValueError):
            return cores  # cannot size it here: the cluster reads what this machine may not
        if size >= SMALL_INPUT_CHARS:
            return cores
    return 1


def cluster_code(inputs, output, *, scheduler=None, workers=0, blocksize="4MB", model=None, client=None,
                 on_input=None, max_bytes=DEFAULT_MAX_BYTES):
    """Code `inputs` on a Dask cluster (a local one of `local_workers` processes by default) into
    `output`; returns a summary. Records that cannot be read or coded are counted as failed, named
    in the summary's `problems` ("failed: FILE:LINE: reason", as ingest names them) and written
    with the documents, as failed, for load_output to store; documents not in English are counted
    as skipped, named ("skipped: FILE:LINE: language: zh") and written uncoded, as skipped."""
    from dask.distributed import Client, LocalCluster

    own = None
    if client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=local_workers(inputs, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
            client = own = Client(cluster)
    done = done_inputs(output)
    summary = {"inputs": 0, "skipped_inputs": 0, "documents": 0, "events": 0, "failed": 0, "skipped": 0,
               "problems": []}
    try:
        for path in inputs:
            if str(path) in done:
                summary["skipped_inputs"] += 1
                continue
            tasks = _tasks(client, path, output, _input_id(path), blocksize, model, max_bytes)
            results = client.compute(tasks, sync=True)
            entry = {"input": str(path), "partitions": len(tasks), "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
                     **{k: sum(r[k] for r in results) for k in ("documents", "events", "failed", "skipped")}}
            _record(output, entry)
            problems = [line for r in results for line in r["problems"]]
            summary["inputs"] += 1
            for k in ("documents", "events", "failed", "skipped"):
                summary[k] += entry[k]
            summary["problems"] += problems
            if on_input:
                on_input({**entry, "problems": problems})
    finally:
        if own is not None:
            cluster = getattr(own, "cluster", None)
            own.close()
            if cluster is not None and not scheduler:
                cluster.close()
    return summary


def load_output(output, store, *, batch_size=500, on_batch=None):
    """Load a cluster-code output folder into the store (documents and events), replacing those
    ids, through the job runner's single writer; returns its IngestReport."""
    import pyarrow.dataset as ds
    from ..ingest.load import BatchWriter, IngestReport
    fs, root = _fs(output)
    if not fs.exists(f"{root.rstrip('/')}/documents"):
        from ..errors import InputError
        raise InputError("not a cluster-code output (no documents/ folder)", where=str(output))
    docs = ds.dataset(f"{root.rstrip('/')}/documents", filesystem=fs, format="parquet").to_table().to_pylist()
    events = []
    if fs.exists(f"{root.rstrip('/')}/events"):  # absent when no document of the run had an event
        events = ds.dataset(f"{root.rstrip('/')}/events", filesystem=fs, format="parquet",
                            partitioning="hive").to_table().to_pylist()
    by_doc = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    report = IngestReport()
    writer = BatchWriter(store, report, batch_size=batch_size, on_batch=on_batch)
    for d in docs:
        writer.add(_stored(d, by_doc.get(d["id"], [])))
    writer.flush()
    return report


def _stored(doc, events):
    """A document of cluster-code's output in the store's form (its text stays in the archive)."""
    from ..store.rows import DOCUMENT_FIELDS, StoredDocument
    row = dict.fromkeys(DOCUMENT_FIELDS)
    row.update({k: doc.get(k) for k in ("id", "source", "url", "title", "published", "content_hash", "n_sentences",
                                        "n_events", "coder_version", "dictionary_version", "error", "origin",
                                        "language")},
               status=doc.get("status") or "coded")  # outputs written before failed documents were kept lack it
    sentences = {e["sentence_idx"]: e.get("sentence_text") for e in events}
    return StoredDocument(doc["id"], row["status"], [row[c] for c in DOCUMENT_FIELDS],
                          [[doc["id"], i, None, None, t] for i, t in sentences.items()], events)
