"""Property-based suites over the API: any JSON body for POST /api/documents (its fields holding
any JSON value, odd Unicode, lone surrogates, NUL, NaN, huge numbers; unknown fields beside them;
written ASCII-escaped or as raw UTF-8) and any query string for any GET route never get a 5xx;
a 4xx is always the one error shape; a refused POST changes nothing and an accepted one stores
what it answers. Profiles: tests/hypothesis_profiles.py (deterministic, no example database)."""
import json
import shutil
from collections import Counter
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from hypothesis_profiles import CI_EXAMPLES, profile, report_cases
from tacitus.web import create_app
from web_helpers import AUTH, digest, error_of

SUITES = ("bodies", "queries")
ODD = ["\ud800", "\udfff", "\x00", "\r", "\n", "\u2028", "\u200b", "\u202e", "\ufeff", "\x1b", "\ufffd",
       "\U0001f600", "é", "日", '"', "\\", "%", "_", "'", ";", "&", "=", "#", "?", "/", "+"]
SENTENCES = ["Chile and Peru signed a fisheries agreement on Monday.", "Japan criticised China over the drills.",
             "The Kenyan president met the Ugandan foreign minister in Nairobi."]
FIELDS = ("text", "id", "published", "title", "url", "source")

odd_text = st.text(st.one_of(st.characters(), st.sampled_from(ODD)), max_size=30)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-10 ** 30, 10 ** 30),
                    st.floats(allow_nan=True, allow_infinity=True), odd_text, st.just(""), st.just("-0"))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(odd_text, inner, max_size=3)), max_leaves=6)
texts = st.one_of(st.sampled_from(SENTENCES), st.tuples(st.sampled_from(SENTENCES), odd_text).map("".join), odd_text)
fields = {name: st.one_of(odd_text, odd_text, json_values, st.just(None)) for name in FIELDS[1:]}
documents = st.one_of(st.fixed_dictionaries({"text": texts}, optional=fields),  # mostly plausible, often not
                      st.fixed_dictionaries({"text": texts}, optional=fields),
                      st.fixed_dictionaries({}, optional={**fields, "text": st.one_of(texts, json_values)}))
objects = st.tuples(documents, st.dictionaries(odd_text, json_values, max_size=2)).map(lambda p: {**p[1], **p[0]})
bodies = st.one_of(objects, objects, objects, json_values)
query_values = st.one_of(odd_text, st.integers().map(str), st.floats().map(str), st.sampled_from(
    ["CHN", "RUS", "2023-03-01", "2022-01-01..2022-12-31", "date", "-id", "month", "out", "1", "1000", "true"]))


def _encoded(value) -> str:
    if isinstance(value, bytes):  # any bytes at all, valid UTF-8 or not
        return quote(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


@pytest.fixture(scope="module")
def cases():
    return Counter()


@pytest.fixture(scope="module")
def api(samples_db, coder, tmp_path_factory):
    db = tmp_path_factory.mktemp("properties") / "events.duckdb"
    shutil.copy(samples_db, db)
    app = create_app(str(db), token="secret", coder_factory=lambda: coder)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield app, client


def _answered(r):
    assert r.status_code < 500, (r.status_code, r.text[:300])
    if r.status_code >= 400:
        error_of(r)


@profile()
@given(body=bodies, ascii_only=st.booleans(), token=st.sampled_from([True, True, True, False]), replace=st.booleans())
def test_any_json_body_is_stored_as_answered_or_refused_changing_nothing(cases, api, body, ascii_only, token, replace):
    cases["bodies"] += 1
    app, client = api
    raw = json.dumps(body, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    before = digest(app)
    r = client.post("/api/documents" + ("?replace=true" if replace else ""), content=raw,
                    headers={**(AUTH if token else {}), "Content-Type": "application/json"})
    _answered(r)
    if r.status_code in (200, 201):
        stored = client.get("/api/documents/" + _encoded(r.json()["id"])).json()
        assert stored["text"] == body["text"] and len(stored["events"]) == len(r.json()["events"])
    elif r.status_code != 422:  # 422: not coded, stored as failed, by design
        assert digest(app) == before, r.text[:300]


@pytest.fixture(scope="module")
def routes(api):
    """Each GET route of the OpenAPI description, with the names of its query parameters."""
    app, _ = api
    return [(path, [p["name"] for p in op["get"].get("parameters", []) if p["in"] == "query"])
            for path, op in app.openapi()["paths"].items() if "get" in op]


@profile()
@given(data=st.data())
def test_any_query_string_on_any_route_is_answered_or_refused_in_the_one_shape(cases, api, routes, data):
    cases["queries"] += 1
    app, client = api
    path, names = data.draw(st.sampled_from(routes))
    if "{doc_id}" in path:
        path = path.replace("{doc_id}", _encoded(data.draw(st.one_of(odd_text, st.binary(max_size=12)))))
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(names + ["zz", "limit[]"]),
                                         st.one_of(query_values, st.binary(max_size=8))), max_size=5))
    query = "&".join(f"{_encoded(name)}={_encoded(value)}" for name, value in pairs)
    _answered(client.get(path + ("?" + query if query else ""), headers=AUTH if data.draw(st.booleans()) else {}))


def test_the_suites_ran_their_cases(cases, record_property):
    """Last in the module: the figure for docs/ (print it with -s)."""
    report_cases(cases, SUITES, record_property, "cases over the API", CI_EXAMPLES)
