"""The actor dictionaries: countries, organisations, office-holders and sectors, from data/.

Every name becomes a token sequence in one phrase index, so that a single left-to-right pass over
a parsed sentence finds every mention. All-capital abbreviations (US, PRC, WHO) match only as
written; other names match in any case but must start with a capital when the dictionary's does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..datafiles import read_tsv, split_list
from ..errors import DataFileError

CODE_RE = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,9}$")
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "BUS", "MED", "CVL", "REF", "LAB", "EDU",
           "HLH", "ELI", "SPY", "AGR", "ENV", "HRI", "NGO", "PTY", "CRM", "UAF", "REL", "IGO", "SOC",
           "MOD", "RAD", "DEV", "JRN", "IMG", "MNC", "SEP", "INS", "ACT", "INT"}


@dataclass(frozen=True)
class Country:
    code: str
    name: str


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True)
class Office:
    name: str
    country: str
    sector: str
    office: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """What a phrase in the index stands for."""

    kind: str  # country | adjective | capital | place | organisation | person | sector | title
    value: object  # Country, Organisation, tuple of Office, or sector code
    exact: bool  # match case-sensitively


def _iso(value, where):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DataFileError(f"bad date {value!r}", where=where) from exc


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class ActorDictionary:
    """All actor dictionaries, loaded and validated once per coder."""

    def __init__(self, tokenize):
        self._tokenize = tokenize  # str -> list of token texts, the same tokenizer as the parser's
        self.countries = {}
        self.organisations = {}
        self.offices = {}  # name -> tuple(Office)
        self.surnames = {}  # a full name's last word -> the offices of everyone so named ("Howard")
        self.index = {}  # first token (lower) -> list of (tokens tuple, Entry)
        self._names = {}
        self._load_countries()
        self._load_places()
        self._load_organisations()
        self._load_offices()
        self._load_sectors()
        for first in self.index:
            self.index[first].sort(key=lambda item: -len(item[0]))

    # -- loading -------------------------------------------------------------------------------
    def _add(self, phrase, entry, where):
        tokens = tuple(self._tokenize(phrase))
        if not tokens:
            return
        key = (tuple(t.lower() for t in tokens), entry.kind in ("sector", "title"))
        if key in self._names and self._names[key][0] != entry.value:
            # the same name for two different things: a data error (people may share surnames)
            if entry.kind != "person":
                raise DataFileError(f"name {phrase!r} already stands for {self._names[key][0]!r} "
                                    f"({self._names[key][1]})", where=where)
        self._names[key] = (entry.value, where)
        self.index.setdefault(tokens[0].lower(), []).append((tokens, entry))

    def _load_countries(self):
        cols = ("code", "name", "names", "adjectives", "capitals")
        for n, row in read_tsv("countries.tsv", cols, key="code"):
            where = f"countries.tsv:{n}"
            if not re.fullmatch(r"[A-Z]{3}", row["code"]):
                raise DataFileError(f"country code {row['code']!r} is not three capitals", where=where)
            country = Country(row["code"], row["name"])
            self.countries[country.code] = country
            for name in [row["name"]] + split_list(row["names"]):
                self._add(name, Entry("country", country, _is_abbreviation(name)), where)
            for adj in split_list(row["adjectives"]):
                self._add(adj, Entry("adjective", country, _is_abbreviation(adj)), where)
            for cap in split_list(row["capitals"]):
                self._add(cap, Entry("capital", country, False), where)

    def _load_places(self):
        """Cities and regions ("Tel Aviv", "Kharkiv"): they stand for their country as a place."""
        for n, row in read_tsv("places.tsv", ("name", "country", "kind", "aliases"), key="name"):
            where = f"places.tsv:{n}"
            country = self.countries.get(row["country"])
            if row["kind"] not in ("city", "region", "site", "area"):
                raise DataFileError(f"kind must be city, region, site or area, not {row['kind']!r}", where=where)
            if (country is None) != (row["kind"] == "area"):
                raise DataFileError(f"an area has no country, any other place has one ({row['country']!r})",
                                    where=where)
            for name in [row["name"]] + split_list(row["aliases"]):
                # an area spanning countries ("Latin America") names no actor: it only keeps its words
                # from being read as a country ("America")
                self._add(name, Entry("area" if country is None else "place", country, False), where)

    def _load_organisations(self):
        cols = ("code", "name", "names", "kind", "country")
        for n, row in read_tsv("organisations.tsv", cols, key="code"):
            where = f"organisations.tsv:{n}"
            if not CODE_RE.match(row["code"]):
                raise DataFileError(f"bad actor code {row['code']!r}", where=where)
            if row["country"] and row["country"] not in self.countries and not CODE_RE.match(row["country"]):
                raise DataFileError(f"unknown country {row['country']!r}", where=where)
            org = Organisation(row["code"], row["name"], row["kind"], row["country"] or None)
            self.organisations[org.code] = org
            for name in [row["name"]] + split_list(row["names"]):
                self._add(name, Entry("organisation", org, _is_abbreviation(name)), where)

    def _load_offices(self):
        cols = ("name", "aliases", "country", "sector", "office", "start", "end")
        by_alias = {}
        for n, row in read_tsv("officeholders.tsv", cols, key=("name", "office", "start")):
            where = f"officeholders.tsv:{n}"
            if row["sector"] not in SECTORS:
                raise DataFileError(f"unknown sector {row['sector']!r}", where=where)
            office = Office(row["name"], row["country"], row["sector"], row["office"],
                            _iso(row["start"], where), _iso(row["end"], where))
            if office.start and office.end and office.end < office.start:
                raise DataFileError("office ends before it starts", where=where)
            self.offices.setdefault(office.name, []).append(office)
            if " " in office.name:
                self.surnames.setdefault(office.name.split()[-1], []).append(office)
            for alias in [row["name"]] + split_list(row["aliases"]):
                by_alias.setdefault(alias, []).append(office)
        for alias, offices in by_alias.items():
            self._add(alias, Entry("person", tuple(offices), False), "officeholders.tsv")

    def _load_sectors(self):
        for n, row in read_tsv("sectors.tsv", ("phrase", "sector", "kind"), key="phrase"):
            where = f"sectors.tsv:{n}"
            if row["sector"] not in SECTORS:
                raise DataFileError(f"unknown sector {row['sector']!r}", where=where)
            if row["kind"] not in ("title", "noun"):
                raise DataFileError(f"kind must be title or noun, not {row['kind']!r}", where=where)
            self._add(row["phrase"], Entry(row["kind"] if row["kind"] == "title" else "sector",
                                           row["sector"], _is_abbreviation(row["phrase"])), where)

    # -- matching ------------------------------------------------------------------------------
    def match(self, words):
        """Greedy longest matches over a list of token texts: yields (start, end, Entry)."""
        i, n = 0, len(words)
        # "People’s Republic of China": a typographic apostrophe is the one the names are written with
        lowered = [w.lower().replace("\u2019", "'") for w in words]
        while i < n:
            best = None
            for tokens, entry in self.index.get(lowered[i], ()):
                k = len(tokens)
                if i + k > n or best and k < best[1] - i:
                    continue
                if entry.exact:
                    ok = tuple(words[i:i + k]) == tokens
                else:
                    ok = tuple(lowered[i:i + k]) == tuple(t.lower() for t in tokens)
                    if ok and tokens[0][:1].isupper() and not words[i][:1].isupper():
                        ok = False
                if ok:
                    best = (i, i + k, entry)
                    break
            if best:
                if best[2].kind != "area":
                    yield best
                i = best[1]
            else:
                i += 1
