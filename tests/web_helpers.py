"""What the API's tests share: a real server in a thread, the error shape, a digest of a store,
and coders that code nothing (instantly, or when the test lets them)."""
from __future__ import annotations

import hashlib
import socket
import threading
import time
from contextlib import contextmanager

from tacitus.pipeline import static_versions

AUTH = {"Authorization": "Bearer secret"}
# what a digest reads: a rewrite sets coded_at and content_hash covers the text, so these columns
# show any change to a document, and a document's events and sentences change only with it
DIGESTED = {"documents": ("id, content_hash, status, error, title, url, source, published, n_sentences, n_events, "
                          "coded_at", "id"),
            "sentences": ("doc_id, idx, start_char, end_char", "doc_id, idx"),
            "events": ("event_id, doc_id, cameo, source_code, target_code, status", "event_id"),
            "actors": ("*", "code")}


@contextmanager
def serve(app):
    """A real uvicorn server for `app` on a free port of 127.0.0.1, in a background thread: its URL."""
    import uvicorn
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, name="tacitus-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


def error_of(response, status=None) -> dict:
    """The body's error, after checking it is the API's one shape (and has `status`, when given)."""
    body = response.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"status", "code", "message"}, err
    assert err["status"] == response.status_code and (status is None or err["status"] == status), err
    assert isinstance(err["code"], str) and err["code"] and isinstance(err["message"], str) and err["message"]
    return err


def digest(app) -> str:
    """A hash of the app's store, every table and row: equal digests, an unchanged store."""
    api = app.state.api
    h = hashlib.sha256()
    with api.lock:
        for table, (columns, order) in DIGESTED.items():
            _, rows = api.store.db.query(f"SELECT {columns} FROM {table} ORDER BY {order}")
            h.update(f"{table}:{len(rows)}:{rows!r}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class NoCoder:
    """Codes nothing: a document comes back with no sentences and no events. With a `gate`, each
    document waits until the test sets it; `started` says a document has reached the coder."""

    def __init__(self, gate: threading.Event | None = None):
        self.versions = static_versions()
        self.gate, self.started = gate, threading.Event()

    def pipe(self, documents, batch_size=64):
        for doc in documents:
            self.started.set()
            if self.gate is not None and not self.gate.wait(60):
                raise RuntimeError("the test never let the coder go on")
            yield doc
