"""The request body limit: a body over it answers 413 in the error shape before it is read (by its
Content-Length) or as soon as a chunked body passes it, and stores nothing; a body at the limit
is coded; the default admits any document the text limit admits, however its JSON is escaped."""
import asyncio
import http.client
import json
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from tacitus.errors import InputError
from tacitus.web import create_app
from tacitus.web.documents import MAX_FIELD, MAX_TEXT
from tacitus.web.limits import MAX_BODY, BodyLimit, body_limit
from web_helpers import AUTH, NoCoder, error_of, serve

SENTENCE = "Chile and Peru signed a fisheries agreement in Lima on Tuesday."
LIMIT = 1500
JSON = {**AUTH, "Content-Type": "application/json"}


def _app(tmp_path, **kw):
    return create_app(str(tmp_path / "events.duckdb"), token="secret", coder_factory=NoCoder, **kw)


def _body_of_size(size: int) -> bytes:
    """A valid document's JSON of exactly `size` bytes (its title pads it)."""
    bare = json.dumps({"id": "edge", "text": SENTENCE, "title": ""}).encode()
    body = json.dumps({"id": "edge", "text": SENTENCE, "title": "t" * (size - len(bare))}).encode()
    assert len(body) == size
    return body


def _stored(client) -> int:
    return client.get("/api/health").json()["counts"]["documents"]


@pytest.mark.parametrize("size, status", [(LIMIT - 1, 201), (LIMIT, 201), (LIMIT + 1, 413), (40 * LIMIT, 413)])
def test_a_body_is_coded_up_to_the_limit_and_refused_over_it(tmp_path, size, status):
    with TestClient(_app(tmp_path, max_body=LIMIT)) as client:
        r = client.post("/api/documents", content=_body_of_size(size), headers=JSON)
        assert r.status_code == status, r.text
        if status == 413:
            assert error_of(r, 413)["code"] == "too_large" and f"{LIMIT:,} bytes" in r.json()["error"]["message"]
        assert _stored(client) == (status == 201)


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(tmp_path):
    """The server answers though the body never comes: it has not waited to read it."""
    with serve(_app(tmp_path, max_body=LIMIT)) as url:
        where = urlsplit(url)
        with socket.create_connection((where.hostname, where.port), timeout=10) as sock:
            sock.sendall(b"POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer secret\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{\"text\": \"")
            head, _, body = _read_reply(sock).partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 413"), head
        assert json.loads(body)["error"]["code"] == "too_large"
        assert _counts(url)["documents"] == 0


def _read_reply(sock) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def _counts(url):
    where = urlsplit(url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
    conn.request("GET", "/api/health")
    return json.loads(conn.getresponse().read())["counts"]


@pytest.mark.parametrize("pieces, status", [(3, 201), (12, 413)])
def test_a_chunked_body_is_counted_as_it_arrives(tmp_path, pieces, status):
    """No Content-Length: the bytes are counted as they come, and a body past the limit is refused."""
    text = " ".join([SENTENCE] * 2)  # 128 characters: 3 pieces are under the limit, 12 are over
    payload = json.dumps({"id": "chunked", "text": " ".join([text] * pieces)}).encode()
    assert (len(payload) > LIMIT) == (status == 413)
    with serve(_app(tmp_path, max_body=LIMIT)) as url:
        where = urlsplit(url)
        conn = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
        chunks = (payload[i:i + 100] for i in range(0, len(payload), 100))
        conn.request("POST", "/api/documents", body=chunks, headers=JSON, encode_chunked=True)
        reply = conn.getresponse()
        body = json.loads(reply.read())
        assert reply.status == status, body
        assert status == 201 or body["error"]["code"] == "too_large"
        assert _counts(url)["documents"] == (status == 201)


def test_the_default_limit_admits_the_longest_document_escaped_as_json_writes_it(tmp_path):
    """Every character outside the Basic Multilingual Plane, \\u-escaped: 12 bytes each."""
    emoji = "\U0001F91D"
    payload = {"text": emoji * MAX_TEXT, **{name: emoji * limit for name, limit in MAX_FIELD.items()}}
    body = json.dumps(payload, indent=4).encode()
    assert 12 * MAX_TEXT < len(body) <= MAX_BODY
    with TestClient(_app(tmp_path)) as client:
        r = client.post("/api/documents", content=body, headers=JSON)
        assert r.status_code == 201, r.text[:300]
        assert _stored(client) == 1


def test_the_limit_comes_from_the_argument_else_the_environment_else_the_default(tmp_path, monkeypatch):
    monkeypatch.delenv("TACITUS_MAX_BODY", raising=False)
    assert body_limit() == MAX_BODY and body_limit(10) == 10
    monkeypatch.setenv("TACITUS_MAX_BODY", "300")
    assert body_limit() == 300 and body_limit(5000) == 5000
    with TestClient(_app(tmp_path)) as client:
        error_of(client.post("/api/documents", content=_body_of_size(301), headers=JSON), 413)
    for bad in ("lots", "0", "-5", "1.5"):
        monkeypatch.setenv("TACITUS_MAX_BODY", bad)
        with pytest.raises(InputError, match="body limit"):
            body_limit()


def test_serve_refuses_a_body_limit_that_is_not_a_positive_number(tmp_path):
    run = subprocess.run([sys.executable, "-m", "tacitus", "serve", "--db", str(tmp_path / "e.duckdb"),
                          "--max-body", "0", "--get", "/api/health"], capture_output=True, text=True)
    assert run.returncode == 2 and "body limit" in run.stderr, (run.returncode, run.stderr)


def test_a_content_length_that_is_not_a_number_is_a_400():
    """Servers refuse one themselves; the middleware does not rely on it."""
    sent = []

    async def app(scope, receive, send):  # never reached
        raise AssertionError("the route was called")

    async def receive():
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/documents", "headers": [(b"content-length", b"1e9")]}
    asyncio.run(BodyLimit(app, 100)(scope, receive, send))
    assert sent[0]["status"] == 400 and json.loads(sent[1]["body"])["error"]["code"] == "bad_request"
