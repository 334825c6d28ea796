"""All cores of one machine: coding processes feed a single consumer (the writer), in input order,
with a bounded number of batches in flight so memory stays flat on any input size."""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor

from .batch import code_documents, worker_coder


def _init(model):
    _exit_with_parent()
    worker_coder(model)  # load the model once, before the first batch arrives


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


def _batches(documents, size):
    batch = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def parallel_code(documents, *, workers=None, batch_size=32, model=None, in_flight=None):
    """Code a stream of Documents with `workers` processes; yields coded documents in input order.

    At most `in_flight` batches (default 2 per worker) are queued or running at once. With one
    worker, documents are coded in this process.
    """
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        coder = worker_coder(model)
        for batch in _batches(documents, batch_size):
            yield from coder.code_batch_safely(batch)
        return
    in_flight = in_flight or 2 * workers
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(model,)) as pool:
        pending = deque()
        for batch in _batches(documents, batch_size):
            pending.append(pool.submit(code_documents, batch, model))
            while len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
