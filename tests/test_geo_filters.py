"""Events on the map, out of the store: the exports' coordinates and the filters by country of
place and by bounding box in the store, the CLI and the API."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tacitus.errors import InputError
from tacitus.store import EventFilter, Store
from tacitus.store.export import export
from tacitus.web import create_app

from test_geo import located  # noqa: F401 - the module's coded sentences

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def geo_db(tmp_path, coder, located):
    db = str(tmp_path / "geo.duckdb")
    with Store(db) as store:
        store.write_batch(located, coder.versions)
    return db


def test_filters_by_country_of_place_and_bounding_box(geo_db):
    with Store(geo_db, read_only=True) as store:
        lbn = store.events(EventFilter(place_country="lbn"), limit=100)
        assert lbn and {e["location"]["name"] for e in lbn} == {"Tripoli"}
        # Libya and Lebanon's Tripolis: a box around the eastern Mediterranean takes Lebanon's only
        box = store.events(EventFilter(bbox="34,33,37,35"), limit=100)
        assert {(e["location"]["name"], e["location"]["country"]) for e in box} == {("Tripoli", "LBN")}
        assert store.count_events(EventFilter(bbox=(-180, -90, 180, 90))) == \
            sum(1 for e in store.events(EventFilter(), limit=1000) if e["location"] and e["location"]["latitude"])
        # a box across the 180th meridian: Hawaii to Fiji holds none of these
        assert store.count_events(EventFilter(bbox="170,-30,-150,30")) == 0


@pytest.mark.parametrize("bad", ["1,2,3", "a,b,c,d", "0,10,5,5", "-200,0,0,10", "nan,0,1,1"])
def test_a_bad_bounding_box_is_an_input_error(bad):
    with pytest.raises(InputError, match="bbox"):
        EventFilter(bbox=bad)


def test_the_icews_export_and_csv_carry_coordinates(geo_db, tmp_path):
    with Store(geo_db, read_only=True) as store:
        export(store, tmp_path / "e.tsv", "icews")
        export(store, tmp_path / "e.csv", "csv")
        export(store, tmp_path / "e.jsonl", "plover")
    rows = [line.split("\t") for line in (tmp_path / "e.tsv").read_text().splitlines()]
    head = rows[0]
    lat, lon, country = head.index("Latitude"), head.index("Longitude"), head.index("Country")
    khartoum = [r for r in rows[1:] if r[head.index("City")] == "Khartoum"]
    assert khartoum and all(r[country] == "SDN" and abs(float(r[lat]) - 15.55) < 0.1 and
                            abs(float(r[lon]) - 32.53) < 0.1 for r in khartoum)
    flat = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text())))
    assert {"latitude", "longitude", "place_country", "geonames_id"} <= set(flat[0])
    plover = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert any(p["location"] == "Lahore" and p["location_country"] == "PAK" and p["latitude"] for p in plover)


def test_the_cli_filters_by_place_country_and_bbox(geo_db):
    def events(*args):
        out = subprocess.run([sys.executable, "-m", "tacitus", "events", "--db", geo_db, *args],
                             capture_output=True, text=True, cwd=ROOT)
        return out
    got = events("--place-country", "PAK")
    assert got.returncode == 0, got.stderr
    assert {json.loads(line)["place"] for line in got.stdout.splitlines()} == {"Lahore"}
    got = events("--bbox", "31,14,34,17")  # around Khartoum
    assert {json.loads(line)["location"]["name"] for line in got.stdout.splitlines()} == {"Khartoum"}
    bad = events("--bbox", "1,2,3")
    assert bad.returncode != 0 and "bbox" in bad.stderr


def test_the_api_filters_by_place_country_and_bbox(geo_db):
    app = create_app(geo_db, token="secret")
    with TestClient(app) as client:
        r = client.get("/api/events?place_country=UKR")
        assert r.status_code == 200, r.text
        assert {e["location"]["name"] for e in r.json()["items"]} == {"Kharkiv"}
        r = client.get("/api/events?bbox=44,41,45,42")  # around Tbilisi
        assert {e["location"]["name"] for e in r.json()["items"]} == {"Tbilisi"}
        bad = client.get("/api/events?bbox=west,0,1,1")
        assert bad.status_code == 400 and "bbox" in bad.json()["error"]["message"]
