"""A sweep of the whole API as its OpenAPI description states it: every path, every query, path
and header parameter, and every field of POST /api/documents' body, sent hostile values (huge
strings and numbers, -0, 1e309, NaN, NUL, lone surrogates, SQL, bidi and zero-width characters,
arrays and objects where a string belongs, deep nesting), with and without the token, against a
store holding the bundled samples, in DuckDB and in PostgreSQL. No answer is a 5xx; every 4xx is
the one error shape; no refused request changes the store."""
import json
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tacitus.ingest.load import ingest
from tacitus.store import Store
from tacitus.web import create_app
from web_helpers import AUTH, digest, error_of

SAMPLES = str(Path(__file__).resolve().parent.parent / "samples")
HOSTILE = [
    "x" * 10_000, "9" * 10_000, "-1", "-0", "0", "1e309", "-1e309", "NaN", "Infinity", "1" + "0" * 40, "0x10",
    "\x00", "CHN\x00", "\ud800", "a\udfffb", "\ufffe", "' OR '1'='1", "'; DROP TABLE events; --", "%", "_%_",
    "\\", "\u202eNHC\u200b", "\u200b\u200d\u2060", "\ufeff", "", " ", "\t\r\n", "[]", "{}", "[" * 300 + "]" * 300,
    '{"$ne": null}', "true", "null", "2023-02-30", "2023-13-01", "..", "2023-01-01..", "9999-12-31..0001-01-01",
    "../../etc/passwd", "é" * 600, "\U0001F600" * 60, "CHN,RUS,USA", ",", "<script>alert(1)</script>",
]
# values whose JSON is not a string: written as raw JSON text into the body
RAW_JSON = ["1e309", "-1e309", "-0", "-0.0", "NaN", "Infinity", "9" * 10_000, "-1", "0", "1.5", "true", "false",
            "null", "[]", "{}", '["a", "b"]', '{"$gt": ""}', '"\\ud800"', '"\\u0000"', '"a\\udc00b"',
            "[" * 100_000 + "]" * 100_000, '{"a":' * 5000 + "1" + "}" * 5000]
BODIES = [b"", b"null", b"[]", b'"text"', b"7", b"{", b'{"text": "Chile met Peru."', b"\xff\xfe\x00",
          b'{"text": "caf\xe9"}', "[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
          '{"text": "Chile praised Peru.", "text": 5}', "\ufeff{\"text\": \"Chile praised Peru.\"}",
          json.dumps({"text": "Chile praised Peru."}).encode("utf-16"), '{"text": "x", "id": ' + "9" * 5000 + "}"]
EXAMPLES = {"q": "signed", "a": "CHN", "b": "RUS", "actor": "CHN", "first": "2016-01-01..2018-12-31",
            "second": "2019-01-01..2023-12-31"}
AUTHS = [{}, AUTH, {"Authorization": "Bearer not-the-token"}]


@pytest.fixture
def swept(store_url, samples_db, coder, tmp_path):
    """A writable app over the samples, in the database kind `store_url` stands for."""
    if store_url.startswith("postgresql"):
        with Store(store_url) as store:
            assert not ingest([SAMPLES], store, coder).failed
    else:
        shutil.copy(samples_db, store_url)
    app = create_app(store_url, token="secret", coder_factory=lambda: coder)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield app, client


def encode(value: str) -> str:
    """A query or path value percent-encoded as UTF-8, a lone surrogate as its three bytes (%ED%A0%80)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


class Sweep:
    """Sends requests and keeps every answer that breaks a rule."""

    def __init__(self, app, client):
        self.app, self.client, self.statuses, self.broken = app, client, Counter(), []
        self.store = digest(app)  # as the last request left it

    def send(self, method, url, headers=None, content=None, writes=False):
        r = self.client.request(method, url, headers=headers or {}, content=content)
        self.statuses[r.status_code] += 1
        where = f"{method} {url[:120]} -> {r.status_code}: {r.text[:160]}"
        if r.status_code >= 500:
            self.broken.append("5xx: " + where)
        elif r.status_code >= 400:
            try:
                error_of(r)
            except (AssertionError, ValueError):
                self.broken.append("not the error shape: " + where)
            if writes and r.status_code != 422 and digest(self.app) != self.store:  # 422: stored as failed
                self.broken.append("a refused request changed the store: " + where)
        if writes:
            self.store = digest(self.app)
        return r


def _get_operations(spec):
    for path, operations in spec["paths"].items():
        if "get" in operations:
            yield path, operations["get"].get("parameters", [])


def _url(path, params, doc_id):
    url = path.replace("{doc_id}", encode(doc_id))
    query = "&".join(f"{name}={value}" for name, value in params)
    return url + ("?" + query if query else "")


def sweep_reads(sweep, spec, doc_id):
    """Every GET path: first as documented (it must answer 200), then each parameter hostile, alone
    without the token, and repeated (an array where one value belongs) with it."""
    for path, parameters in _get_operations(spec):
        required = [(p["name"], encode(EXAMPLES[p["name"]])) for p in parameters
                    if p.get("required") and p["in"] == "query"]
        assert sweep.send("get", _url(path, required, doc_id)).status_code == 200, path
        for p in parameters:
            for value in HOSTILE:
                if p["in"] == "path":
                    sweep.send("get", _url(path, required, value))
                    continue
                others = [(n, v) for n, v in required if n != p["name"]]
                mine = [(p["name"], encode(value))]
                twice = mine + [(p["name"], encode(EXAMPLES.get(p["name"], "1")))]
                sweep.send("get", _url(path, others + mine, doc_id))
                sweep.send("get", _url(path, others + twice, doc_id), AUTH)
        assert digest(sweep.app) == sweep.store, f"reading {path} changed the store"


def _with_field(field, raw_value, n):
    """The JSON text of a plausible document with `field` set to a raw JSON value."""
    base = {"id": f"sweep-{n}", "text": "Chile and Peru signed a fisheries agreement on Monday."}
    parts = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in base.items() if k != field]
    return ("{" + ", ".join(parts + [f"{json.dumps(field)}: {raw_value}"]) + "}").encode("utf-8", "surrogatepass")


def sweep_writes(sweep, spec):
    """POST /api/documents: each body field, and the body itself, hostile, with each credential,
    and the query and header parameters hostile around a plausible body."""
    schema = spec["paths"]["/api/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    fields = [*schema["properties"], "unknown_field"]
    values = [json.dumps(v) for v in HOSTILE] + RAW_JSON
    json_type = {"Content-Type": "application/json"}
    n = 0
    for field in fields:
        for i, raw in enumerate(values):  # each value with the token; every fifth without it, or with a wrong one
            for headers in [AUTH] + ([AUTHS[i // 5 % 2 * 2]] if i % 5 == 0 else []):
                n += 1
                sweep.send("post", "/api/documents", {**headers, **json_type}, _with_field(field, raw, n), writes=True)
    for body in BODIES:
        for headers in AUTHS:
            content = body if isinstance(body, bytes) else body.encode("utf-8")
            sweep.send("post", "/api/documents", {**headers, **json_type}, content, writes=True)
    for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "\x00"):
        sweep.send("post", "/api/documents", {**AUTH, "Content-Type": kind}, _with_field("id", '"ct"', 0), writes=True)
    for value in HOSTILE:
        n += 1
        sweep.send("post", f"/api/documents?replace={encode(value)}", {**AUTH, **json_type},
                   _with_field("id", '"sweep-0"', n), writes=True)
        header = {"Authorization": ("Bearer " + value).encode("utf-8", "surrogatepass"), **json_type}
        sweep.send("post", "/api/documents", header, _with_field("id", f'"auth-{n}"', n), writes=True)


def test_no_hostile_request_is_a_5xx_or_breaks_the_error_shape_or_changes_the_store(swept, record_property):
    app, client = swept
    spec = app.openapi()
    doc_id = client.get("/api/documents?limit=1").json()["items"][0]["id"]
    sweep = Sweep(app, client)
    sweep_reads(sweep, spec, doc_id)
    sweep_writes(sweep, spec)
    sent = sum(sweep.statuses.values())
    record_property("requests", sent)
    assert not sweep.broken, f"{len(sweep.broken)} of {sent:,} requests broke a rule:\n" + "\n".join(sweep.broken[:25])
    assert {200, 201, 400, 401, 404, 409, 415} <= set(sweep.statuses), sweep.statuses  # every answer was reached
