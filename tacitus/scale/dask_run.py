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


def code_partition(records, output, input_id, index, model=None):
    """Task: code one partition (a list of document dicts) and write its events and documents."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    from ..store.rows import content_hash
    from .batch import document_from_record, events_table, worker_coder

    coder = worker_coder(model)
    docs = []
    for rec in records:
        if isinstance(rec, str):
            if not rec.strip():
                continue
            try:
                rec = json.loads(rec)
            except json.JSONDecodeError:
                continue  # counted as failed below
        text = rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(text, str) or not text.strip():
            continue
        docs.append(document_from_record(rec))
    coded = coder.code_batch(docs)
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
    documents = pa.table({
        "id": [d.id for d in coded], "source": [d.source for d in coded], "url": [d.url for d in coded],
        "title": [d.title for d in coded], "published": [d.published for d in coded],
        "content_hash": [content_hash(d) for d in coded], "n_sentences": [len(d.sentences) for d in coded],
        "n_events": [len(d.events) for d in coded], "coder_version": [coder.versions["coder"]] * len(coded),
        "dictionary_version": [coder.versions["dictionaries"]] * len(coded)})
    folder = f"{root.rstrip('/')}/documents"
    fs.makedirs(folder, exist_ok=True)
    with fs.open(f"{folder}/{name}", "wb") as fh:
        pq.write_table(documents, fh)
    return {"documents": len(coded), "events": table.num_rows, "skipped": len(records) - len(coded)}


def _partitions(path, blocksize):
    """Delayed partitions of one input: lists of JSON lines, or of records from Parquet."""
    import dask
    import dask.bag as db
    if str(path).endswith(".parquet") or str(path).rstrip("/").endswith("parquet"):
        import dask.dataframe as dd
        frame = dd.read_parquet(str(path))
        return [dask.delayed(lambda df: df.to_dict("records"))(p) for p in frame.to_delayed()]
    return db.read_text(str(path), blocksize=blocksize).to_delayed()


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
                 on_input=None):
    """Code `inputs` on a Dask cluster (a local one of `local_workers` processes by default) into
    `output`; returns a summary."""
    import dask
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
    summary = {"inputs": 0, "skipped_inputs": 0, "documents": 0, "events": 0}
    try:
        for path in inputs:
            if str(path) in done:
                summary["skipped_inputs"] += 1
                continue
            iid = _input_id(path)
            tasks = [dask.delayed(code_partition)(part, str(output), iid, i, model)
                     for i, part in enumerate(_partitions(path, blocksize))]
            results = client.compute(tasks, sync=True)
            entry = {"input": str(path), "partitions": len(tasks), "documents": sum(r["documents"] for r in results),
                     "events": sum(r["events"] for r in results), "finished": time.strftime("%Y-%m-%dT%H:%M:%S")}
            _record(output, entry)
            summary["inputs"] += 1
            summary["documents"] += entry["documents"]
            summary["events"] += entry["events"]
            if on_input:
                on_input(entry)
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
                                        "n_events", "coder_version", "dictionary_version")}, status="coded")
    sentences = {e["sentence_idx"]: e.get("sentence_text") for e in events}
    return StoredDocument(doc["id"], "coded", [row[c] for c in DOCUMENT_FIELDS],
                          [[doc["id"], i, None, None, t] for i, t in sentences.items()], events)
