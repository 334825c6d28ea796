"""Coding is off the request loop and off the store: while a 1,000,000-character document is being
coded, a real server answers readers at once; a second POST waits its turn to be coded without
holding the store, and the 409 check is made again before writing, so a race stores one document."""
import threading
import time

import httpx
import pytest

from tacitus.web import create_app
from tacitus.web.documents import MAX_TEXT
from web_helpers import AUTH, NoCoder, error_of, serve

SUBJECTS = ["Chile", "The foreign minister of Peru", "Japan", "A delegation from Kenya", "Brazil's president",
            "The Indonesian navy", "Norway", "Officials in Ghana"]
ACTS = ["met", "criticised", "signed a water treaty with", "offered aid to", "accused", "praised",
        "held talks with", "warned"]
OBJECTS = ["Argentina", "the government of Vietnam", "Canada", "rebels in the north", "Egypt", "Poland",
           "the United Nations", "its southern neighbour"]
WHEN = ["on Monday", "in March", "after the summit", "last week", "in Geneva", "at dawn", "", "on 4 May 2021"]


def long_text(size: int) -> str:
    """Varied sentences of our own, up to `size` characters."""
    out, total, i = [], 0, 0
    while True:
        sentence = (f"{SUBJECTS[i % 8]} {ACTS[i // 8 % 8]} {OBJECTS[i // 64 % 8]} {WHEN[i // 512 % 8]}".strip()
                    + ("." if i % 5 else " yesterday, a spokesman said.") + ("\n\n" if i % 7 == 6 else " "))
        if total + len(sentence) > size:
            return "".join(out)
        out.append(sentence)
        total, i = total + len(sentence), i + 1


@pytest.fixture
def gated(tmp_path):
    """A real server whose coder holds each document until the test opens the gate."""
    gate = threading.Event()
    coder = NoCoder(gate)
    app = create_app(str(tmp_path / "events.duckdb"), token="secret", coder_factory=lambda: coder)
    with serve(app) as url:
        yield app, url, coder, gate
        gate.set()  # a failing test leaves no request hanging


def _post_in_background(url, payload):
    reply = {}

    def post():
        reply["response"] = httpx.post(f"{url}/api/documents", json=payload, headers=AUTH, timeout=60)

    thread = threading.Thread(target=post, daemon=True)
    thread.start()
    return thread, reply


def test_readers_are_answered_within_a_second_while_a_long_document_is_coded(gated):
    app, url, coder, gate = gated
    text = long_text(MAX_TEXT)
    assert MAX_TEXT - 100 < len(text) <= MAX_TEXT
    poster, reply = _post_in_background(url, {"id": "long", "text": text, "published": "2021-05-04"})
    assert coder.started.wait(30), "the document never reached the coder"
    for path in ("/api/health", "/api/events?limit=5", "/api/documents", "/api/network"):
        began = time.monotonic()
        r = httpx.get(url + path, timeout=1.0)  # raises if the reader is kept waiting
        assert r.status_code == 200 and time.monotonic() - began < 1.0, (path, r.status_code)
    assert poster.is_alive() and httpx.get(f"{url}/api/health").json()["counts"]["documents"] == 0
    gate.set()
    poster.join(60)
    assert reply["response"].status_code == 201, reply["response"].text
    stored = httpx.get(f"{url}/api/documents/long").json()
    assert stored["status"] == "coded" and len(stored["text"]) == len(text)


def _waiting_to_code(app, n, timeout=30):
    deadline = time.monotonic() + timeout
    while app.state.api.coding.statistics().tasks_waiting < n:
        assert time.monotonic() < deadline, "the second POST never waited for the coder"
        time.sleep(0.02)


def test_two_posts_of_one_id_store_one_and_refuse_the_other(gated):
    """Both pass the check made before coding (the second while the first is being coded); the
    check made again in the turn that writes refuses whichever comes to write second, and the
    store keeps the one answered 201, untouched."""
    app, url, coder, gate = gated
    texts = ["Chile praised Peru on Monday.", "Peru accused Chile on Friday."]
    first, first_reply = _post_in_background(url, {"id": "same", "text": texts[0]})
    assert coder.started.wait(30)
    second, second_reply = _post_in_background(url, {"id": "same", "text": texts[1]})
    _waiting_to_code(app, 1)
    assert httpx.get(f"{url}/api/health", timeout=1.0).status_code == 200
    gate.set()
    first.join(60)
    second.join(60)
    replies = [first_reply["response"], second_reply["response"]]
    assert sorted(r.status_code for r in replies) == [201, 409], [r.text for r in replies]
    error_of(next(r for r in replies if r.status_code == 409), 409)
    kept = texts[[r.status_code for r in replies].index(201)]
    assert httpx.get(f"{url}/api/documents/same").json()["text"] == kept
    assert httpx.get(f"{url}/api/health").json()["counts"]["documents"] == 1


def test_health_answers_within_a_second_while_a_write_holds_the_store(gated):
    # a long write (10,000 events take about a second) holds the store's one connection
    app, url, coder, gate = gated
    assert httpx.get(f"{url}/api/health", timeout=1.0).json()["counts"]["documents"] == 0
    api = app.state.api
    with api.lock:
        began = time.monotonic()
        r = httpx.get(f"{url}/api/health", timeout=1.0)
        assert time.monotonic() - began < 1.0
    assert r.status_code == 200 and r.json()["stale"] is True and r.json()["counts"]["documents"] == 0
    assert "stale" not in httpx.get(f"{url}/api/health", timeout=1.0).json()
