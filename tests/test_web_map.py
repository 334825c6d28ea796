"""GET /api/countries, the map's numbers: events per country and their mean Goldstein, under the
events view's filters, on a small store written row by row (no coder), so every figure is known."""
import json
import os
import subprocess
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tacitus.analysis import country_counts
from tacitus.errors import InputError
from tacitus.store import EventFilter, Store
from tacitus.web import create_app
from test_web import CHROMIUM, DomTree
from web_helpers import serve

WORLD = Path(__file__).resolve().parent.parent / "tacitus" / "web" / "static" / "world.json"
# (event_id, date, source country, target country, cameo, goldstein, status, country of the place)
ROWS = [
    ("e1", "2024-01-10", "FRA", "DEU", "042", 1.9, "occurred", "DEU"),
    ("e2", "2024-01-20", "FRA", "DEU", "111", -2.0, "occurred", None),
    ("e3", "2024-02-05", "DEU", "FRA", "057", 8.0, "occurred", "BEL"),  # a meeting in a third country
    ("e4", "2024-02-06", "FRA", "FRA", "173", -5.0, "occurred", "FRA"),  # within one country: counts once
    ("e5", "2024-03-01", "BRA", None, "010", 0.0, "negated", None),
    ("e6", "2024-03-02", None, "ARG", "190", -10.0, "occurred", "ARG"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "events.duckdb"
    with Store(str(path)) as store:
        store.db.insert("documents", ["id", "status", "text"], [["d1", "coded", "stub"]])
        store.db.insert("sentences", ["doc_id", "idx", "text"], [["d1", 0, "France met Germany."],
                                                               ["d1", 1, "Brazil did not comment."]])
        store.db.insert("events", ["event_id", "doc_id", "sentence_idx", "event_date", "source_country",
                                   "target_country", "cameo", "cameo_root", "goldstein", "status", "place_country"],
                        [[i, "d1", 1 if i == "e5" else 0, d, s, t, c, c[:2], g, st, pl]
                         for i, d, s, t, c, g, st, pl in ROWS])
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(str(db))) as c:
        yield c


def get(client, url):
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    return r.json()


def table(data):
    return {r["country"]: (r["events"], r["mean_goldstein"]) for r in data["items"]}


def test_either_side_counts_each_event_once_per_country(client):
    data = get(client, "/api/countries")
    assert data["by"] == "either" and data["total"] == 6
    assert table(data) == {"FRA": (4, round((1.9 - 2.0 + 8.0 - 5.0) / 4, 3)), "DEU": (3, round((1.9 - 2.0 + 8.0) / 3, 3)),
                           "BRA": (1, 0.0), "ARG": (1, -10.0)}
    assert [r["country"] for r in data["items"]] == ["FRA", "DEU", "ARG", "BRA"]  # most events first, then by code


def test_by_source_and_by_target(client):
    assert table(get(client, "/api/countries?by=source")) == {"FRA": (3, round((1.9 - 2.0 - 5.0) / 3, 3)),
                                                              "DEU": (1, 8.0), "BRA": (1, 0.0)}
    assert table(get(client, "/api/countries?by=target")) == {"DEU": (2, -0.05), "FRA": (2, 1.5), "ARG": (1, -10.0)}


def test_by_place_counts_the_country_the_gazetteer_put_the_place_in(client):
    assert table(get(client, "/api/countries?by=place")) == {"DEU": (1, 1.9), "BEL": (1, 8.0), "FRA": (1, -5.0),
                                                             "ARG": (1, -10.0)}


def test_the_events_filters_apply(client):
    assert table(get(client, "/api/countries?since=2024-02-01&until=2024-02-28")) == {"FRA": (2, 1.5), "DEU": (1, 8.0)}
    assert table(get(client, "/api/countries?status=negated")) == {"BRA": (1, 0.0)}
    assert table(get(client, "/api/countries?root=11&by=target")) == {"DEU": (1, -2.0)}
    assert table(get(client, "/api/countries?q=brazil")) == {"BRA": (1, 0.0)}  # words in the sentence, as /api/events
    assert get(client, "/api/countries?country=ARG")["total"] == 1


def test_a_countrys_count_is_the_total_of_its_events_listing(client):
    for by, param in (("either", "country"), ("source", "source_country"), ("target", "target_country"),
                      ("place", "place_country")):
        for code, (n, _) in table(get(client, f"/api/countries?by={by}")).items():
            assert get(client, f"/api/events?{param}={code}")["total"] == n, (by, code)


def test_bad_parameters_answer_400_in_the_error_shape(client):
    for url in ("/api/countries?by=city", "/api/countries?since=January"):
        r = client.get(url)
        assert r.status_code == 400 and set(r.json()["error"]) == {"status", "code", "message"}, url
    with pytest.raises(InputError):
        country_counts(client.app.state.store, EventFilter(), by="city")


def test_the_world_geometry_is_small_and_keyed_by_alpha_3():
    text = WORLD.read_text(encoding="utf-8")
    assert len(text.encode()) < 300_000
    world = json.loads(text)
    assert "Natural Earth" in world["source"]
    ids = [c["id"] for c in world["countries"]]
    assert len(ids) == len(set(ids)) > 150 and all(len(i) == 3 and i.isalpha() and i.isupper() for i in ids)
    assert {"FRA", "NOR", "XKX", "RUS", "CHN", "USA", "BRA", "TWN"} <= set(ids)
    for c in world["countries"]:
        assert c["name"] and c["rings"]
        for ring in c["rings"]:
            assert len(ring) % 2 == 0 and len(ring) >= 6
            assert all(-180 <= x <= 180 for x in ring[0::2]) and all(-90 <= y <= 90 for y in ring[1::2])


@pytest.mark.browser
def test_browser_draws_events_with_coordinates_as_points(db, tmp_path):
    """Events the gazetteer located (location.latitude, location.longitude, as /api/events gives them)
    are points on the map, with their code and evidence as the hover text; /api/events is stubbed here
    so that the page holds one located and one unlocated event."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("TACITUS_REQUIRE_BROWSER"):
            pytest.fail(f"headless Chromium is not installed at {CHROMIUM}")
        pytest.skip(f"headless Chromium is not installed at {CHROMIUM}")
    located = {"event_id": "p1", "doc_id": "d1", "cameo": "042", "name": "Make a visit", "goldstein": 1.9,
               "status": "occurred", "date": "2024-01-10", "evidence": {"text": "The minister visited Lyon."},
               "place": "Lyon", "location": {"name": "Lyon", "country": "FRA", "latitude": 45.76, "longitude": 4.84}}
    unlocated = dict(located, event_id="p2", place="Atlantis", location=None)
    app = create_app(str(db))
    app.router.routes.insert(0, APIRoute("/api/events", lambda: {"items": [located, unlocated], "total": 2,
                                                                  "limit": 50, "offset": 0}))
    with serve(app) as url:
        done = subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path}",
                               "--virtual-time-budget=8000", "--dump-dom", url + "/#/map"],
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    root = DomTree(done.stdout).root.find(data_testid="map-chart")
    assert root.attrs["data-state"] == "ready"
    points = root.find_all("circle", cls="event-point")
    assert [p.attrs["data-event-id"] for p in points] == ["p1"]
    x, y = float(points[0].attrs["cx"]), float(points[0].attrs["cy"])
    assert abs(x - (4.84 + 180) / 360 * 1000) < 0.1 and 0 < y < 394
    assert "042 Make a visit · Lyon" in points[0].text and "visited Lyon" in points[0].text
