"""All cores of one machine: coding processes feed a single consumer (the writer), in input order,
with a bounded number of batches in flight so memory stays flat on any input size.

`code_stream` is what every verb calls. Its `workers` has one meaning everywhere: N processes, or
0 (auto) for one per core, except that an input too small to pay for a pool's start-up (each
process loads the model) is coded in this process.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain
from typing import Iterator

from .batch import code_documents, worker_coder

AUTO = 0
# Below this much text (well under a second of coding) a pool saves nothing: every worker loads the
# spaCy model and the dictionaries first. On two cores, 160,000 characters of news took 3.7 s in one
# process and 2.5 s in two; around 5,000 to 50,000 the two were within the noise of each other.
SMALL_INPUT_CHARS = 50_000
# A pool's batch is cut by size as well as by count: 40 wire documents of 75 sentences in batches
# of 32 documents gave one worker four times the other's work, and two processes ran slower than
# one. About 40,000 characters (half a second of coding) keeps every worker busy to the end of
# the input and the pickling between processes a small share of the time.
BATCH_CHARS = 40_000


@dataclass
class CodedStream:
    """Coded documents, in input order, and the versions that coded them (known before the first)."""

    versions: dict
    documents: Iterator
    processes: int

    def __iter__(self):
        return iter(self.documents)


def _peek_small(documents, limit=SMALL_INPUT_CHARS):
    """(the documents read, whether that was all of them) after reading at most `limit` characters."""
    head, size = [], 0
    for doc in documents:
        head.append(doc)
        size += len(doc.text)
        if size >= limit:
            return head, False
    return head, True


def resolve_workers(documents, workers=AUTO):
    """(the number of processes to use, the documents to code): auto reads ahead to size the input."""
    documents = iter(documents)
    cores = os.cpu_count() or 1
    if workers != AUTO:
        return workers, documents
    if cores <= 1:
        return 1, documents
    head, small = _peek_small(documents)
    return (1 if small else cores), chain(head, documents)


def code_stream(documents, *, workers=AUTO, batch_size=64, model=None, coder=None) -> CodedStream:
    """Code a stream of Documents with `workers` processes (see the module's note on auto).

    In one process the given `coder` (anything with `versions` and `pipe`) is used, or a Coder is
    loaded. A document that cannot be coded comes out with `error` set, in either case.
    """
    from ..pipeline import as_document
    documents = (as_document(item, i) for i, item in enumerate(documents))  # mappings too, as Coder.pipe takes
    processes, documents = resolve_workers(documents, workers)
    if processes <= 1:
        if coder is None:
            from ..pipeline import Coder
            coder = Coder(model)
        return CodedStream(coder.versions, coder.pipe(documents, batch_size=batch_size), 1)
    pool = ProcessPoolExecutor(processes, initializer=_init, initargs=(model,))
    try:
        versions = pool.submit(_worker_versions, model).result()
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return CodedStream(versions, _pooled(pool, documents, batch_size, model, 2 * processes), processes)


def parallel_code(documents, *, workers=None, batch_size=32, model=None, in_flight=None):
    """Code a stream of Documents with `workers` processes (default: one per core); yields them
    coded, in input order, with at most `in_flight` batches (default 2 per worker) queued at once."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        yield from code_stream(documents, workers=1, batch_size=batch_size, model=model)
        return
    pool = ProcessPoolExecutor(workers, initializer=_init, initargs=(model,))
    yield from _pooled(pool, documents, batch_size, model, in_flight or 2 * workers)


def _pooled(pool, documents, batch_size, model, in_flight, batch_chars=BATCH_CHARS):
    """The pool's results in input order; the pool is shut down when the stream ends or is dropped."""
    pending = deque()
    try:
        for batch in _batches(documents, batch_size, batch_chars):
            pending.append(pool.submit(code_documents, batch, model))
            while len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


def _init(model):
    _exit_with_parent()
    worker_coder(model)  # load the model once, before the first batch arrives


def _worker_versions(model):
    return worker_coder(model).versions


def _exit_with_parent():
    """A worker whose parent was killed (kill -9 leaves no chance to clean up) ends itself."""
    import threading
    import time

    parent = os.getppid()

    def watch():
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="tacitus-parent-watch").start()


def _batches(documents, size, chars=None):
    """Lists of at most `size` documents, cut earlier once they hold `chars` characters of text (a
    document is never split: its sentences share one context)."""
    batch, held = [], 0
    for doc in documents:
        batch.append(doc)
        held += len(doc.text or "")
        if len(batch) >= size or (chars is not None and held >= chars):
            yield batch
            batch, held = [], 0
    if batch:
        yield batch
