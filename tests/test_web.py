"""The HTTP API and the web dashboard.

API tests use FastAPI's TestClient on a store built once for this module (the samples plus two short
readouts of our own in which China and Russia meet, sign, and once criticise). Browser tests start a real uvicorn server on
127.0.0.1 and render each dashboard page in headless Chromium (`--dump-dom`), then check the DOM
against the API's own answers, and save a screenshot of each page. The screenshots go to a temporary
folder, so a test run leaves the tree as it found it; set TACITUS_REFRESH_SCREENSHOTS=1 to write them
over the committed ones in docs/screenshots/ (the README shows those).

Browser tests are skipped when /usr/bin/chromium is missing, unless $TACITUS_REQUIRE_BROWSER is set.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tacitus.ingest.load import ingest
from tacitus.store import Store
from tacitus.web import create_app
from web_helpers import serve

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "tacitus" / "web" / "static"
SCREENSHOTS = ROOT / "docs" / "screenshots"  # the committed ones, written only when asked to refresh them
CHROMIUM = os.environ.get("TACITUS_CHROMIUM", "/usr/bin/chromium")

READOUT_ID = "2023-03-21-xi-putin-moscow"
READOUT = """Xi Jinping and Vladimir Putin Hold Talks in Moscow

On March 21, 2023, President Xi Jinping met with Russian President Vladimir Putin at the Kremlin in Moscow. \
The two heads of state held in-depth talks on bilateral relations and major international issues. President Xi \
said that China is ready to work with Russia to deepen the comprehensive strategic partnership of coordination. \
President Putin welcomed President Xi and praised the steady growth of trade between the two countries.

After the talks, China and Russia signed a joint statement on deepening their partnership for a new era. The two \
sides also signed agreements on energy cooperation and on the supply of Russian natural gas to China. Foreign \
Minister Qin Gang and Foreign Minister Sergey Lavrov signed a plan for consultations between the two foreign \
ministries.

The two leaders recalled that they had last met on September 15, 2022, in Samarkand, where they discussed the \
situation in Ukraine. Russia accused the United States of undermining strategic stability. President Putin \
accepted an invitation to visit Beijing in October.

Moscow
March 21, 2023
"""

EARLIER_ID = "2022-09-15-xi-putin-samarkand"
EARLIER = """Xi Jinping Meets Vladimir Putin in Samarkand

On September 15, 2022, President Xi Jinping met with Russian President Vladimir Putin in Samarkand on the \
sidelines of the summit of the Shanghai Cooperation Organisation. President Xi said that China is willing to work \
with Russia to support each other on issues concerning their core interests. President Putin thanked China for \
its balanced position on the Ukraine crisis. China criticized Russia over the attacks on civilian infrastructure \
in Ukraine. The two sides agreed to expand trade in energy and agriculture.

Samarkand
September 15, 2022
"""

# characters outside the Basic Multilingual Plane before the events: the API's offsets count code points,
# JavaScript's strings count UTF-16 units, and the document view must convert
ASTRAL_ID = "2023-04-04-energy-deal"
ASTRAL = """Energy deal \U0001F1E8\U0001F1F3\U0001F91D\U0001F1F7\U0001F1FA

On April 4, 2023, China and Russia signed an agreement on nuclear energy cooperation in Beijing. \U0001F600 \
Russia praised China for its support.
"""

EVENT_KEYS = {"event_id", "doc_id", "source", "target", "cameo", "name", "plover", "goldstein", "quad_class",
              "status", "date", "place", "topics", "planned", "main", "evidence"}
EVIDENCE_KEYS = {"sentence", "start", "end", "trigger", "trigger_start", "trigger_end", "pattern", "source_span",
                 "target_span", "text"}
SERIES_KEYS = {"period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
               "material_conflict", "mean_goldstein", "total_goldstein", "index", "plover"}
MISSION_ID = "2022-02-03-wang-yi-lavrov"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


# ---- the store ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built_db(tmp_path_factory, coder):
    """The samples and our two readouts, coded and stored once for the module (a DuckDB file)."""
    where = tmp_path_factory.mktemp("web")
    readouts = where / "readouts"
    readouts.mkdir()
    for doc_id, text in ((READOUT_ID, READOUT), (EARLIER_ID, EARLIER), (ASTRAL_ID, ASTRAL)):
        (readouts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    mission = ROOT.parent / "shared" / "readouts" / f"{MISSION_ID}.txt"
    if mission.exists():  # the readout the project exists for, when ../shared is there
        shutil.copy(mission, readouts / mission.name)
    db = where / "events.duckdb"
    with Store(str(db)) as store:
        report = ingest([str(ROOT / "samples"), str(readouts)], store, coder)
    assert report.coded >= 6 and report.events > 50 and not report.failed
    return db


def copy_db(built_db, tmp_path_factory, name):
    """Each app gets its own copy: DuckDB will not open one file read-only and writable in one process."""
    target = tmp_path_factory.mktemp(name) / "events.duckdb"
    shutil.copy(built_db, target)
    return target


@pytest.fixture(scope="module")
def client(built_db, tmp_path_factory):
    with TestClient(create_app(str(copy_db(built_db, tmp_path_factory, "ro")))) as c:
        yield c


@pytest.fixture(scope="module")
def writable(built_db, tmp_path_factory, coder):
    db = copy_db(built_db, tmp_path_factory, "rw")
    with TestClient(create_app(str(db), token="secret", coder_factory=lambda: coder)) as c:
        yield c


def ok(client, url):
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return r.json()


def assert_error(r, status):
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message"}
    assert err["status"] == status
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    return err


# ---- API: shapes --------------------------------------------------------------------------------

def test_health(client):
    body = ok(client, "/api/health")
    assert body["status"] == "ok" and body["store"] == "duckdb" and body["version"]
    counts = body["counts"]
    assert {"documents", "sentences", "events", "actors"} <= set(counts)
    assert counts["documents"] >= 4 and counts["events"] > 50


def check_event(ev):
    assert EVENT_KEYS <= set(ev), EVENT_KEYS - set(ev)
    assert set(ev["evidence"]) >= EVIDENCE_KEYS
    assert {"code"} <= set(ev["source"] or {"code": None})
    assert set(ev["plover"]) == {"type", "mode", "context"}
    assert isinstance(ev["topics"], list)
    assert 1 <= ev["quad_class"] <= 4 and -10 <= ev["goldstein"] <= 10
    for key in ("source_span", "target_span"):
        span = ev["evidence"][key]
        assert span is None or (len(span) == 2 and span[0] < span[1])


def test_events_shape_filters_and_paging(client):
    body = ok(client, "/api/events?limit=5")
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["limit"] == 5 and body["offset"] == 0 and len(body["items"]) == 5 and body["total"] > 50
    for ev in body["items"]:
        check_event(ev)
    dyad = ok(client, "/api/events?dyad=CHN,RUS&limit=1000")
    assert dyad["total"] == len(dyad["items"]) > 10
    for ev in dyad["items"]:
        codes = {ev["source"]["code"][:3], ev["target"]["code"][:3]}
        assert codes == {"CHN", "RUS"}
    signed = ok(client, f"/api/events?document={READOUT_ID}&code=057")
    assert signed["total"] >= 2 and all(e["cameo"] == "057" for e in signed["items"])
    second = ok(client, "/api/events?limit=5&offset=5&sort=id")
    first = ok(client, "/api/events?limit=10&sort=id")
    assert [e["event_id"] for e in second["items"]] == [e["event_id"] for e in first["items"][5:]]
    newest = ok(client, "/api/events?limit=3&sort=-date")["items"]
    assert newest[0]["date"] >= newest[-1]["date"]
    for query in ("root=05", "plover=SUPPORT", "status=occurred", "since=2023-01-01&until=2023-12-31",
                  "q=signed", "actor=CHN", "source=RUS&target=CHN", "country=RUS"):
        assert ok(client, "/api/events?" + query)["total"] > 0, query
    mains = ok(client, f"/api/events?document={READOUT_ID}&main=true&limit=1000")["items"]
    every = ok(client, f"/api/events?document={READOUT_ID}&limit=1000")["items"]
    assert len(mains) == len({e["evidence"]["sentence"] for e in every}) < len(every)
    assert all(e["main"] is True for e in mains)


def test_documents(client):
    body = ok(client, "/api/documents?limit=100")
    assert set(body) >= {"items", "total"} and body["total"] == len(body["items"])
    ids = {d["id"] for d in body["items"]}
    assert READOUT_ID in ids
    for d in body["items"]:
        assert {"id", "title", "published", "status", "n_events"} <= set(d)
    doc = ok(client, f"/api/documents/{READOUT_ID}")
    assert doc["text"] == READOUT and doc["published"] == "2023-03-21"
    assert len(doc["events"]) == doc["n_events"] > 5
    for ev in doc["events"]:
        check_event(ev)
        e = ev["evidence"]
        assert doc["text"][e["trigger_start"]:e["trigger_end"]] == e["trigger"]


def test_series_partners_network_dyads(client):
    series = ok(client, "/api/series?a=CHN&b=RUS&by=month")
    assert series["a"] == "CHN" and series["b"] == "RUS"
    periods = [r["period"] for r in series["items"]]
    assert periods == sorted(periods) and "2022-09-01" in periods and "2023-03-01" in periods
    assert any(r["verbal_conflict"] for r in series["items"])
    for r in series["items"]:
        assert set(r) == SERIES_KEYS
        assert sum(r[q] for q in QUADS) == r["events"] > 0
        assert r["index"] is None or -1 <= r["index"] <= 1
        assert sum(r["plover"].values()) <= r["events"]
    for by in ("day", "week", "year"):
        assert ok(client, f"/api/series?a=CHN&b=RUS&by={by}")["items"]
    out = ok(client, "/api/series?a=CHN&b=RUS&direction=out")["items"]
    assert sum(r["events"] for r in out) < sum(r["events"] for r in series["items"])

    partners = ok(client, "/api/partners?actor=CHN")
    assert partners["actor"] == "CHN"
    assert partners["items"][0]["partner"] == "RUS"
    for p in partners["items"]:
        assert set(p) == {"partner", "events", "mean_goldstein", "cooperation", "conflict", "index"}

    net = ok(client, "/api/network")
    assert set(net) == {"nodes", "edges"} and net["nodes"] and net["edges"]
    ids = {n["id"] for n in net["nodes"]}
    for e in net["edges"]:
        assert set(e) == {"source", "target", "events", "mean_goldstein"}
        assert e["source"] in ids and e["target"] in ids and e["source"] != e["target"]
    assert ok(client, "/api/network?since=2023-03-01&until=2023-03-31&min_events=2")["edges"]
    dyads = ok(client, "/api/dyads?limit=5")
    assert set(dyads) == {"items", "limit"} and 0 < len(dyads["items"]) <= 5


def test_actors_search_changes(client):
    actors = ok(client, "/api/actors?q=CHN")
    assert actors["items"] and all({"code", "country", "sector", "name", "kind"} <= set(a) for a in actors["items"])
    search = ok(client, "/api/search?q=joint statement")
    assert search["total"] >= 1 and all("joint statement" in e["evidence"]["text"] for e in search["items"])
    changes = ok(client, "/api/changes?actor=CHN&first=2022-01-01..2022-12-31&second=2023-01-01..2023-12-31")
    rus = next(r for r in changes["items"] if r["partner"] == "RUS")
    assert rus["events_before"] > 0 and rus["events_after"] > 0


def test_dashboard_is_served_and_self_contained(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/app.js" in page.text and "/static/app.css" in page.text
    for name, kind in (("app.js", "javascript"), ("app.css", "text/css")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
    # offline: nothing is fetched from another host (the SVG namespace is a name, not a fetch)
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), path
        assert not re.search(r"""url\(\s*["']?(https?:)?//|@import""", text), path
        assert not re.search(r"""fetch\(\s*["'`]https?:""", text), path


# ---- API: errors --------------------------------------------------------------------------------

def test_error_shapes(client):
    assert assert_error(client.get("/api/documents/no-such-document"), 404)["code"] == "not_found"
    assert_error(client.get("/api/no-such-route"), 404)
    for url in ("/api/events?since=2022-13-01", "/api/events?until=yesterday", "/api/network?since=2022-02-30",
                "/api/partners?actor=CHN&until=03/21/2023", "/api/series?a=CHN&since=March 2022",
                "/api/dyads?since=notadate", "/api/changes?actor=CHN&first=2022-01-01..x&second=2023-01-01..2023-12-31",
                "/api/changes?actor=CHN&first=2022&second=2023"):
        assert_error(client.get(url), 400)
    for url in ("/api/events?limit=1001", "/api/documents?limit=5000", "/api/partners?actor=CHN&limit=1001",
                "/api/network?limit=100000", "/api/events?limit=0", "/api/events?offset=-1",
                "/api/events?limit=abc"):
        assert_error(client.get(url), 400)
    for dyad in ("CHN", "CHN,RUS,USA", ",", "CHN,"):
        err = assert_error(client.get("/api/events", params={"dyad": dyad}), 400)
        assert "dyad" in err["message"]
    for url in ("/api/events?sort=name", "/api/series?a=CHN&by=decade", "/api/series?a=CHN&direction=up",
                "/api/series", "/api/partners", "/api/search"):
        assert_error(client.get(url), 400)
    assert_error(client.post("/api/health"), 405)


HOSTILE = [
    "'; DROP TABLE events; --",
    "\" OR \"1\"=\"1",
    "CHN' OR '1'='1",
    "1; DELETE FROM documents",
    "') UNION SELECT * FROM documents --",
    "%' --",
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "\x00",
    "Ω😀",
    "x" * 5000,
]
TEXT_FILTERS = ("actor", "source", "target", "country", "code", "root", "plover", "status", "document", "q")


def hostile_requests(value):
    """(url, params) for every route and parameter, each given `value`."""
    for key in TEXT_FILTERS:
        yield "/api/events", {key: value}
    yield "/api/events", {"dyad": f"{value},{value}"}
    yield "/api/events", {"dyad": f"CHN,{value}"}
    for key in ("since", "until", "sort", "limit", "offset"):
        yield "/api/events", {key: value}
    yield "/api/series", {"a": value, "b": value}
    yield "/api/series", {"a": "CHN", "b": value, "by": value}
    yield "/api/partners", {"actor": value}
    yield "/api/network", {"since": value}
    yield "/api/dyads", {"until": value}
    yield "/api/actors", {"q": value}
    yield "/api/search", {"q": value}
    yield "/api/documents", {"status": value}
    yield "/api/changes", {"actor": value, "first": value, "second": f"{value}..{value}"}
    yield "/api/documents/" + quote(value, safe=""), {}


def check_hostile(c):
    before = ok(c, "/api/health")["counts"]
    for value in HOSTILE:
        for url, params in hostile_requests(value):
            r = c.get(url, params=params)
            allowed = {200, 400} | ({404} if url.startswith("/api/documents/") else set())
            assert r.status_code in allowed, (url, params if len(value) < 100 else "long", r.status_code, r.text[:200])
            body = r.json()
            if r.status_code != 200:
                assert_error(r, r.status_code)
            else:  # reached the store as a parameter, and matched nothing
                assert body["items"] == [], (url, params, body["items"][:1])
    assert ok(c, "/api/health")["counts"] == before  # every table still there, whole
    assert ok(c, "/api/events?limit=1")["total"] == before["events"]
    assert ok(c, "/api/documents?limit=1")["total"] == before["documents"]
    assert ok(c, "/api/events?dyad=CHN,RUS")["total"] > 0


def test_hostile_parameters_read_only(client):
    check_hostile(client)


def test_hostile_parameters_writable(writable):
    check_hostile(writable)


# ---- API: coding new text -----------------------------------------------------------------------

def test_post_document_needs_a_token(client, writable):
    payload = {"text": "China and Russia signed an agreement on energy cooperation on Tuesday.",
               "published": "2023-04-04", "id": "api-test-1"}
    assert assert_error(client.post("/api/documents", json=payload), 403)["code"] == "read_only"
    assert_error(writable.post("/api/documents", json=payload), 401)
    assert_error(writable.post("/api/documents", json=payload, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(writable.post("/api/documents", json=payload, headers={"Authorization": "Bearer secre"}), 401)
    auth = {"Authorization": "Bearer secret"}
    assert_error(writable.post("/api/documents", json={"text": "  "}, headers=auth), 400)
    before = ok(writable, "/api/health")["counts"]

    r = writable.post("/api/documents", json=payload, headers=auth)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["id"] == "api-test-1" and created["published"] == "2023-04-04"
    signed = [e for e in created["events"] if e["cameo"] == "057"]
    assert signed and {signed[0]["source"]["code"][:3], signed[0]["target"]["code"][:3]} == {"CHN", "RUS"}

    listed = ok(writable, "/api/events?document=api-test-1")
    assert listed["total"] == len(created["events"])
    assert [e["event_id"] for e in listed["items"]] == [e["event_id"] for e in created["events"]]
    april = ok(writable, "/api/series?a=CHN&b=RUS&since=2023-04-01&until=2023-04-30")["items"]
    assert april and april[0]["period"] == "2023-04-01"
    assert ok(writable, "/api/documents/api-test-1")["text"] == payload["text"]
    after = ok(writable, "/api/health")["counts"]
    assert after["documents"] == before["documents"] + 1
    assert after["events"] == before["events"] + len(created["events"])

    # a hostile id is only a value
    odd = {"text": "Russia criticized the United States on Monday.", "id": "x'); DROP TABLE events; --"}
    r = writable.post("/api/documents", json=odd, headers=auth)
    assert r.status_code == 201
    assert ok(writable, "/api/documents/" + quote(odd["id"], safe=""))["id"] == odd["id"]
    assert ok(writable, "/api/health")["counts"]["events"] >= after["events"]


# ---- the browser --------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes:
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'}> {cls or ''} {attrs} in the page"
        return found[0]

    @property
    def classes(self):
        return set(self.attrs.get("class", "").split())

    @property
    def text(self):
        return "".join(c if isinstance(c, str) else c.text for c in self.children)


class DomTree(HTMLParser):
    """Chromium's serialised DOM as a tree (every non-void element is closed in a serialisation)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        why = f"headless Chromium is not installed at {CHROMIUM}: the dashboard's browser tests need it"
        if os.environ.get("TACITUS_REQUIRE_BROWSER"):
            pytest.fail(why + " ($TACITUS_REQUIRE_BROWSER is set)")
        pytest.skip(why + " (set $TACITUS_REQUIRE_BROWSER to make this a failure)")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory, chromium):
    """A real uvicorn server on 127.0.0.1, on a free port, in a background thread."""
    with serve(create_app(str(copy_db(built_db, tmp_path_factory, "served")))) as url:
        yield url


@pytest.fixture(scope="module")
def browse(chromium, server, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    refresh = os.environ.get("TACITUS_REFRESH_SCREENSHOTS") == "1"
    shots = SCREENSHOTS if refresh else tmp_path_factory.mktemp("screenshots")

    def run(path, *args):
        cmd = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
               "--disable-background-networking", "--hide-scrollbars", f"--user-data-dir={profile}",
               "--virtual-time-budget=8000", "--window-size=1280,900", *args, server + "/" + path]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    class Browser:
        def dom(self, path):
            html = run(path, "--dump-dom")
            assert "<main" in html, html[:500]
            return DomTree(html).root

        def screenshot(self, path, name):
            shots.mkdir(parents=True, exist_ok=True)
            target = shots / name
            target.unlink(missing_ok=True)
            run(path, f"--screenshot={target}")
            data = target.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, name

    return Browser()


def chart(dom, testid, state="ready"):
    root = dom.find(data_testid=testid)
    assert root.attrs.get("data-state") == state, (testid, root.attrs.get("data-state"), root.text[:300])
    return root


@pytest.mark.browser
def test_browser_timeline(browse, client):
    series = ok(client, "/api/series?a=CHN&b=RUS&by=month")["items"]
    page = "#/timeline?a=CHN&b=RUS&by=month"
    root = chart(browse.dom(page), "timeline-chart")
    bars = root.find_all("rect", cls="bar")
    assert len(bars) == sum(1 for r in series for q in QUADS if r[q])
    assert {b.attrs["data-period"] for b in bars} == {r["period"] for r in series}
    for b in bars:
        assert float(b.attrs["height"]) > 0 and b.classes & {"q1", "q2", "q3", "q4"}
    assert len(root.find_all("circle", cls="gpoint")) == sum(1 for r in series if r["mean_goldstein"] is not None)
    assert root.find_all("path", cls="gline")
    assert len(root.find_all("rect", cls="idx")) == sum(1 for r in series if r["index"] is not None)
    legend = root.find("ul", cls="legend").text
    for label in ("Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"):
        assert label in legend
    assert "Sep 2022" in root.text and "Mar 2023" in root.text
    browse.screenshot(page, "timeline.png")


@pytest.mark.browser
def test_browser_partners(browse, client):
    partners = ok(client, "/api/partners?actor=CHN")["items"]
    page = "#/partners?actor=CHN"
    root = chart(browse.dom(page), "partners-chart")
    svg = root.find("svg")
    bars = svg.find_all("rect", cls="bar")
    assert len(bars) == len(partners) > 0
    assert all(b.attrs.get("fill", "").startswith("rgb(") for b in bars)
    assert [t.text for t in svg.find_all("text", cls="plabel")] == [p["partner"] for p in partners]
    rows = root.find("table").find("tbody").find_all("tr")
    assert len(rows) == len(partners) and "RUS" in rows[0].text
    browse.screenshot(page, "partners.png")


@pytest.mark.browser
def test_browser_network(browse, client):
    net = ok(client, "/api/network")
    page = "#/network"
    root = chart(browse.dom(page), "network-chart")
    svg = root.find("svg")
    assert len(svg.find_all("circle")) == len(net["nodes"])
    assert len(svg.find_all("g", cls="edge")) == len(net["edges"])
    assert len(svg.find_all("path", cls="tie")) == len(net["edges"])
    assert {t.text for t in svg.find_all("text")} == {n["id"] for n in net["nodes"]}
    browse.screenshot(page, "network.png")


@pytest.mark.browser
def test_browser_events(browse, client):
    total = ok(client, "/api/events?limit=1")["total"]
    root = chart(browse.dom("#/events"), "events-table")
    rows = root.find("tbody").find_all("tr")
    assert len(rows) == min(50, total) and total > 50
    for row in rows:
        link = row.find("a", cls="doc-link")
        assert link.attrs["href"].startswith("#/document/") and "event=" in link.attrs["href"]
    assert root.find("a", rel="next").attrs["href"].endswith("offset=50")
    assert f"1–50 of {total}" in root.text

    dyad = ok(client, "/api/events?dyad=CHN,RUS&since=2023-01-01&sort=-date")
    page = "#/events?dyad=CHN%2CRUS&since=2023-01-01&sort=-date"
    root = chart(browse.dom(page), "events-table")
    rows = root.find("tbody").find_all("tr")
    assert [r.attrs["data-event-id"] for r in rows] == [e["event_id"] for e in dyad["items"]]
    assert not root.find_all("a", rel="next") and not root.find_all("a", rel="prev")
    browse.screenshot(page, "events.png")


@pytest.mark.browser
def test_browser_map(browse, client):
    """The map draws every country of world.json, shades those with events by the API's counts, shows
    a legend, and a click on a country (its link) lists that country's events."""
    world = json.loads((STATIC / "world.json").read_text(encoding="utf-8"))
    on_map = {c["id"] for c in world["countries"]}
    counts = {c["country"]: c["events"] for c in ok(client, "/api/countries")["items"] if c["country"] in on_map}
    root = chart(browse.dom("#/map"), "map-chart")
    svg = root.find("svg", cls="world-map")
    assert len(svg.find_all("path", cls="country")) == len(world["countries"])
    shaded = svg.find_all("path", cls="shaded")
    assert {p.attrs["data-country"]: int(p.attrs["data-events"]) for p in shaded} == counts
    assert {"CHN", "RUS"} <= set(counts) and all(p.attrs["fill"].startswith("rgb(") for p in shaded)
    assert all("d" in p.attrs and p.attrs["d"].startswith("M") for p in svg.find_all("path", cls="nodata"))
    assert "Events (log scale)" in root.find(data_testid="map-legend").text
    undrawn = [c["country"] for c in ok(client, "/api/countries")["items"] if c["country"] not in on_map]
    assert all(code in root.find("p", cls="lede").text for code in undrawn)  # named, since they are not drawn
    before = [r.attrs["data-event-id"] for r in browse.dom("#/map").find(data_testid="map-events").find_all("tr")[1:]]

    link = next(a for a in svg.find_all("a") if a.find("path").attrs.get("data-country") == "RUS")
    assert link.attrs["href"] == "#/map?pick=RUS"
    dom = browse.dom(link.attrs["href"])
    assert "picked" in chart(dom, "map-chart").find("path", data_country="RUS").classes
    listed = chart(dom, "map-events")
    rows = [r.attrs["data-event-id"] for r in listed.find("tbody").find_all("tr")]
    expected = ok(client, "/api/events?country=RUS&limit=50")
    assert rows == [e["event_id"] for e in expected["items"]] and rows != before[:len(rows)]
    assert "Events of RUS" in listed.text and f"of {expected['total']}" in listed.text

    by_source = {c["country"]: c for c in ok(client, "/api/countries?by=source&since=2023-01-01")["items"]}
    root = chart(browse.dom("#/map?by=source&shade=goldstein&since=2023-01-01"), "map-chart")
    assert "Mean Goldstein" in root.find(data_testid="map-legend").text
    shaded = {p.attrs["data-country"]: p for p in root.find_all("path", cls="shaded")}
    assert set(shaded) == set(by_source) & on_map
    for code, p in shaded.items():
        assert int(p.attrs["data-events"]) == by_source[code]["events"]
    browse.screenshot("#/map", "map.png")


def check_document(dom, doc):
    """The document view shows the whole text once, and each event's trigger, source and target
    highlighted exactly at the stored offsets; returns the marks."""
    text, events = doc["text"], doc["events"]
    body = dom.find(data_testid="document-text")
    assert body.text == text  # the highlighting never breaks or repeats the text
    marks = body.find_all("mark")
    assert marks
    for m in marks:
        roles = m.classes & {"hl-trigger", "hl-source", "hl-target"}
        assert roles and m.classes - roles <= {"sel"}
        for i in m.attrs["data-event"].split():
            assert events[int(i)]["cameo"] in m.attrs["title"]

    def highlighted(i, role):
        parts = [m for m in marks if str(i) in m.attrs.get(f"data-{role}", "").split()]
        for m in parts:
            assert f"hl-{role}" in m.classes
        return "".join(m.text for m in parts)

    for i, ev in enumerate(events):
        e = ev["evidence"]
        assert highlighted(i, "trigger") == e["trigger"] == text[e["trigger_start"]:e["trigger_end"]]
        for role in ("source", "target"):
            span = e[f"{role}_span"]
            assert highlighted(i, role) == (text[span[0]:span[1]] if span else ""), (i, role)

    items = dom.find("ol", cls="ev-list").find_all("li", cls="ev")
    assert len(items) == len(events)
    for li, ev in zip(items, events):
        assert ev["cameo"] in li.text and ev["name"] in li.text and ev["status"] in li.text
        assert (ev["plover"]["type"] or "") in li.text and (ev["date"] or "no date") in li.text
    return marks, items


@pytest.mark.browser
def test_browser_document(browse, client):
    doc = ok(client, f"/api/documents/{READOUT_ID}")
    events = doc["events"]
    signed = next(i for i, e in enumerate(events) if e["cameo"] == "057")
    page = f"#/document/{READOUT_ID}?event={quote(events[signed]['event_id'], safe='')}"
    marks, items = check_document(browse.dom(page), doc)
    # overlapping spans (a source that is also a target) are one segment with several roles
    assert any(len(m.attrs["data-event"].split()) > 1 for m in marks)
    assert any({"hl-source", "hl-target"} <= m.classes for m in marks)
    # the event named in the address is selected, in the list and in the text
    assert [li.attrs["data-event"] for li in items if "sel" in li.classes] == [str(signed)]
    selected = [m for m in marks if "sel" in m.classes]
    assert selected and all(str(signed) in m.attrs["data-event"].split() for m in selected)
    assert "".join(m.text for m in selected if "hl-trigger" in m.classes) == events[signed]["evidence"]["trigger"]
    browse.screenshot(page, "document.png")


@pytest.mark.browser
def test_browser_shows_the_missions_readout(browse, client):
    if not (ROOT.parent / "shared").exists():
        pytest.skip("../shared is absent")
    doc = ok(client, f"/api/documents/{MISSION_ID}")
    assert any(e["cameo"] == "057" and e["date"] == "2022-02-03" for e in doc["events"])
    check_document(browse.dom(f"#/document/{MISSION_ID}"), doc)
    series = ok(client, "/api/series?a=CHN&b=RUS&by=month")
    feb = [r for r in series["items"] if r["period"] == "2022-02-01"]
    assert feb and feb[0]["events"] >= 10
    root = chart(browse.dom("#/timeline?a=CHN&b=RUS&by=month"), "timeline-chart")
    assert root.find_all("rect")


@pytest.mark.browser
def test_browser_document_offsets_beyond_the_bmp(browse, client):
    doc = ok(client, f"/api/documents/{ASTRAL_ID}")
    assert len(doc["text"].encode("utf-16-le")) // 2 > len(doc["text"])  # surrogate pairs in JavaScript
    assert doc["events"]
    check_document(browse.dom(f"#/document/{ASTRAL_ID}"), doc)


@pytest.mark.browser
def test_browser_empty_and_error_states(browse):
    dom = browse.dom("#/timeline?a=ZZZ&b=QQQ")
    root = chart(dom, "timeline-chart", state="empty")
    assert "No data" in root.text
    assert not root.find_all("rect") and not root.find_all("circle") and not root.find_all("path")
    dom = browse.dom("#/events?since=2022-13-45")
    root = chart(dom, "events-table", state="error")
    assert "since must be a date" in root.find("div", cls="error").text
    dom = browse.dom("#/document/no-such-document")
    assert "no document 'no-such-document'" in dom.find("div", cls="error").text
