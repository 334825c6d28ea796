"""Event filters as parameterised SQL: every user value is a parameter, never SQL text."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from ..errors import InputError

MAX_FILTER_LENGTH = 500
# PostgreSQL refuses a NUL in any text value, and neither database takes a lone surrogate
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
SORTS = {"date": "e.event_date, e.event_id", "-date": "e.event_date DESC, e.event_id DESC", "id": "e.event_id",
         "-id": "e.event_id DESC"}


def query_text(name: str, value):
    """`value` as given when either database can compare it with stored text, else an InputError
    (a bad request, not a database failure) naming `name`: a NUL character or a lone surrogate, which
    no stored text holds, so the answer could only be an error. Every value a user gives a query
    passes here: EventFilter's, and the store's lookups by id, status and name."""
    bad = UNSTORABLE.search(value) if isinstance(value, str) else None
    if bad:
        what = "a NUL character" if bad.group() == "\x00" else "a lone surrogate (not UTF-8 text)"
        raise InputError(f"{name} holds {what}, U+{ord(bad.group()):04X} at position {bad.start() + 1}: "
                         "give text without it")
    return value


@dataclass
class EventFilter:
    """What `tacitus events` and the API filter on. Actor codes match as prefixes (CHN matches CHNGOV)."""

    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    country: str | None = None  # either side's country
    source_country: str | None = None  # the source's country (ISO alpha-3)
    target_country: str | None = None  # the target's country
    dyad: tuple | None = None  # (A, B): A->B or B->A, as prefixes
    code: str | None = None  # CAMEO prefix: "04", "057"
    root: str | None = None
    plover: str | None = None
    status: str | None = None
    since: str | None = None  # event_date >= since
    until: str | None = None  # event_date <= until
    document: str | None = None
    text: str | None = None  # words in the sentence
    min_confidence: float | None = None  # evidence.confidence at least this (0..1)
    main: bool | None = None  # True: only each sentence's main event
    place_country: str | None = None  # the country of the event's place (ISO alpha-3)
    bbox: tuple | None = None  # (west, south, east, north) in degrees: events located inside it

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                if v is not None and len(str(v)) > MAX_FILTER_LENGTH:
                    raise InputError(f"filter {f.name} is longer than {MAX_FILTER_LENGTH} characters")
                query_text(f"filter {f.name}", v)
        if self.main is not None and not isinstance(self.main, bool):
            raise InputError(f"main must be true or false, not {self.main!r}")
        if self.min_confidence is not None and not (isinstance(self.min_confidence, (int, float))
                                                    and 0.0 <= self.min_confidence <= 1.0):
            raise InputError(f"min_confidence must be a number from 0 to 1, not {self.min_confidence!r}")
        if self.bbox is not None:
            self.bbox = parse_bbox(self.bbox)
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(str(value))
                except ValueError as exc:
                    raise InputError(f"{name} must be a date (YYYY-MM-DD), not {value!r}") from exc


def parse_bbox(value):
    """(west, south, east, north) from "W,S,E,N" or a sequence of four numbers, else an InputError.
    A box whose west edge is east of its east edge crosses the 180th meridian."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        box = tuple(float(p) for p in parts)
    except (TypeError, ValueError):
        box = ()
    if len(box) != 4 or any(b != b for b in box):
        raise InputError(f"bbox must be four numbers W,S,E,N (degrees), not {value!r}")
    west, south, east, north = box
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise InputError(f"bbox {value!r}: longitudes run from -180 to 180, latitudes from -90 to 90, "
                         "south no greater than north")
    return box


def _like_prefix(value: str) -> str:
    escaped = str(value).upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _contains(value: str) -> str:
    escaped = str(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + escaped + "%"


def where_clause(flt: EventFilter, text_column: str = "s.text"):
    """(SQL condition, parameters) for a filter over events `e` joined to sentences `s`; queries
    without the sentence join search `text_column` instead (the trigger, "e.trigger")."""
    conds, params = [], []

    def prefix(column, value):
        conds.append(f"{column} LIKE ? ESCAPE '\\'")
        params.append(_like_prefix(value))

    if flt.actor:
        conds.append("(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\')")
        params += [_like_prefix(flt.actor)] * 2
    if flt.source:
        prefix("e.source_code", flt.source)
    if flt.target:
        prefix("e.target_code", flt.target)
    if flt.country:
        conds.append("(e.source_country = ? OR e.target_country = ?)")
        params += [str(flt.country).upper()] * 2
    for side in ("source", "target"):
        if getattr(flt, f"{side}_country"):
            conds.append(f"e.{side}_country = ?")
            params.append(str(getattr(flt, f"{side}_country")).upper())
    if flt.dyad:
        a, b = flt.dyad
        conds.append("((e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE '\\') OR "
                     "(e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE '\\'))")
        params += [_like_prefix(a), _like_prefix(b), _like_prefix(b), _like_prefix(a)]
    if flt.code:
        prefix("e.cameo", flt.code)
    if flt.root:
        conds.append("e.cameo_root = ?")
        params.append(str(flt.root))
    if flt.plover:
        conds.append("e.plover_type = ?")
        params.append(str(flt.plover).upper())
    if flt.status:
        conds.append("e.status = ?")
        params.append(str(flt.status).lower())
    if flt.since:
        conds.append("e.event_date >= ?")
        params.append(date.fromisoformat(str(flt.since)))
    if flt.until:
        conds.append("e.event_date <= ?")
        params.append(date.fromisoformat(str(flt.until)))
    if flt.min_confidence is not None:
        conds.append("e.confidence >= ?")
        params.append(float(flt.min_confidence))
    if flt.main is not None:
        conds.append("e.main = ?" if flt.main else "(e.main = ? OR e.main IS NULL)")
        params.append(flt.main)
    _place(flt, conds, params)
    if flt.document:
        conds.append("e.doc_id = ?")
        params.append(str(flt.document))
    if flt.text:
        conds.append(f"{text_column} ILIKE ? ESCAPE '\\'")
        params.append(_contains(flt.text))
    return (" AND ".join(conds) or "TRUE"), params


def _place(flt: EventFilter, conds: list, params: list):
    """The conditions on the event's place: its country, and a box around its coordinates (one
    across the 180th meridian takes the longitudes east of its west edge or west of its east edge)."""
    if flt.place_country:
        conds.append("e.place_country = ?")
        params.append(str(flt.place_country).upper())
    if flt.bbox:
        west, south, east, north = flt.bbox
        conds.append("e.latitude BETWEEN ? AND ? AND " + (
            "e.longitude BETWEEN ? AND ?" if west <= east else "(e.longitude >= ? OR e.longitude <= ?)"))
        params += [south, north, west, east]
