"""The one column specification of an event's flat forms.

`Event.to_dict` is the event's JSON form. Every other form comes from that JSON through the
columns below: the store's events table and its JSON (`event_json`), the Parquet files of the
scale-out paths, and the TSV/CSV layouts of `tacitus code`, `tacitus events` and `tacitus export`.
A field added here reaches all of them, so the CLI, the API and the exports cannot drift apart.

A column names where its value sits in the JSON (`path`), or is derived from the document and
the event's place in it (`path` None). `sql` is its type in the events table (None: the value
lives in another table, as the sentence does); `since` is the migration that added it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple | None
    sql: str | None = "TEXT"
    since: int = 1
    joined: bool = False  # a list in the JSON, "|"-joined in a flat row


@dataclass(frozen=True)
class Group:
    """An object of the JSON that may be null: it is null when its `key` member is."""

    path: tuple
    key: str
    compact: bool  # members that are null are left out, as Actor.to_dict leaves them out


def _actor(side, since=1, *, kind_since=3):
    names = [("code", since), ("country", since), ("sector", since), ("name", since), ("kind", kind_since),
             ("text", since), ("resolved_from", since)]
    return [Column(f"{side}_{k}", (side, k), since=s) for k, s in names]


COLUMNS = (
    Column("event_id", ("event_id",), "TEXT PRIMARY KEY"),
    Column("doc_id", ("doc_id",), "TEXT NOT NULL"),
    *_actor("source"),
    *_actor("target"),
    Column("cameo", ("cameo",), "TEXT NOT NULL"),
    Column("cameo_root", None, "TEXT NOT NULL"),
    Column("cameo_name", ("name",)),
    Column("plover_type", ("plover", "type")),
    Column("plover_mode", ("plover", "mode")),
    Column("plover_context", ("plover", "context"), joined=True),
    Column("goldstein", ("goldstein",), "DOUBLE PRECISION"),
    Column("quad_class", ("quad_class",), "INTEGER"),
    Column("status", ("status",), "TEXT NOT NULL"),
    Column("date_text", ("date",)),
    Column("event_date", None, "DATE"),
    Column("date_precision", None),
    Column("place", ("place",)),
    # the place on the map (geo/locate.py), null when the gazetteer does not know it
    Column("place_name", ("location", "name"), since=7),
    Column("place_country", ("location", "country"), since=7),
    Column("place_admin1", ("location", "admin1"), since=7),
    Column("latitude", ("location", "latitude"), "DOUBLE PRECISION", since=7),
    Column("longitude", ("location", "longitude"), "DOUBLE PRECISION", since=7),
    Column("place_kind", ("location", "kind"), since=7),
    Column("geonames_id", ("location", "geonames_id"), "INTEGER", since=7),
    Column("topics", ("topics",), joined=True),
    Column("speaker_code", ("speaker", "code")),
    *[c for c in _actor("speaker", since=3) if c.name != "speaker_code"],
    Column("planned_cameo", ("planned", "cameo")),
    Column("planned_name", ("planned", "name"), since=3),
    Column("planned_date", ("planned", "date")),
    Column("sentence_idx", ("evidence", "sentence"), "INTEGER"),
    Column("span_start", ("evidence", "start"), "INTEGER"),
    Column("span_end", ("evidence", "end"), "INTEGER"),
    Column("sentence_text", ("evidence", "text"), None),  # the sentences table holds it
    Column("trigger", ("evidence", "trigger")),
    Column("trigger_start", ("evidence", "trigger_start"), "INTEGER"),
    Column("trigger_end", ("evidence", "trigger_end"), "INTEGER"),
    Column("pattern", ("evidence", "pattern")),
    Column("method", ("evidence", "method"), since=4),
    Column("confidence", ("evidence", "confidence"), "DOUBLE PRECISION", since=4),
    Column("main", ("main",), "BOOLEAN", since=5),
    Column("source_start", ("evidence", "source_span", 0), "INTEGER"),
    Column("source_end", ("evidence", "source_span", 1), "INTEGER"),
    Column("target_start", ("evidence", "target_span", 0), "INTEGER"),
    Column("target_end", ("evidence", "target_span", 1), "INTEGER"),
    Column("cluster_key", None),
    Column("coder_version", ("coder_version",)),
    Column("dictionary_version", ("dictionary_version",)),
    Column("publisher", None, None),  # the document's source, from the documents table
)
GROUPS = (
    Group(("source",), "code", compact=True), Group(("target",), "code", compact=True),
    Group(("speaker",), "code", compact=True), Group(("planned",), "cameo", compact=False),
    Group(("location",), "name", compact=False),
    Group(("evidence", "source_span"), 0, compact=False), Group(("evidence", "target_span"), 0, compact=False),
)
BY_NAME = {c.name: c for c in COLUMNS}
STORED = tuple(c for c in COLUMNS if c.sql is not None)
STORED_NAMES = [c.name for c in STORED]
# what the coder's JSON leaves to the store: the event's identity and the versions that coded it
_CONTEXT = {"event_id", "doc_id", "coder_version", "dictionary_version"}


def _get(obj, path):
    for step in path:
        if obj is None:
            return None
        obj = obj.get(step) if isinstance(step, str) else (obj[step] if step < len(obj) else None)
    return obj


def _day(text):
    """The first day of an event's date ("2022-02", "2022" -> the 1st), for ordering and series."""
    if not text:
        return None, None
    parts = text.split("-")
    precision = {1: "year", 2: "month", 3: "day"}.get(len(parts))
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2]) if len(parts) > 2 else 1), precision
    except ValueError:
        return None, None


def event_row(doc, n, event: dict, versions=None) -> dict:
    """The flat row of the `n`th (from 1) event of `doc`, given in its JSON form: every column."""
    versions = versions or {}
    row = {}
    for c in COLUMNS:
        if c.path is None or c.name in _CONTEXT:
            continue
        value = _get(event, c.path)
        row[c.name] = "|".join(value) if c.joined else value
    day, precision = _day(event.get("date"))
    cluster = "|".join([row["source_code"] or "", row["target_code"] or "", row["cameo"], row["date_text"] or ""])
    row.update(event_id=f"{doc.id}#{n:04d}", doc_id=doc.id, cameo_root=row["cameo"][:2], event_date=day,
               date_precision=precision, cluster_key=hashlib.sha1(cluster.encode()).hexdigest()[:16],
               coder_version=versions.get("coder"), dictionary_version=versions.get("dictionaries"),
               publisher=doc.source)
    return row


def document_event_rows(doc, versions=None) -> list:
    """The flat rows of a coded document's events, in order."""
    return [event_row(doc, n, ev.to_dict(), versions) for n, ev in enumerate(doc.events, 1)]


def _put(obj, path, value):
    for step in path[:-1]:
        obj = obj.setdefault(step, {})
    obj[path[-1]] = value


def event_json(row: dict) -> dict:
    """A flat row back in the event's JSON form, with its id, document and versions: for every column
    it has, the value `Event.to_dict` gave."""
    out = {}
    for c in COLUMNS:
        if c.path is None:
            continue
        value = row.get(c.name)  # a store not migrated yet (opened read-only) lacks the newer columns
        if c.joined:
            value = [v for v in (value or "").split("|") if v]
        _put(out, c.path, value)
    for g in GROUPS:
        members = _get(out, g.path)
        if members is None:
            continue
        if members.get(g.key) is None:
            members = None
        elif isinstance(g.key, int):
            members = [members[i] for i in sorted(members)]
        elif g.compact:
            members = {k: v for k, v in members.items() if v is not None}
        _put(out, g.path, members)
    return out


# -- the TSV and CSV layouts: (header, column or view) ------------------------------------------

def _short_id(row):
    """`tacitus code`'s event id, DOC-N, from the store's DOC#000N."""
    doc, _, n = row["event_id"].rpartition("#")
    return f"{doc}-{int(n)}"


def _label(side, fallback):
    def label(row):
        return row[f"{side}_name"] or row[f"{side}_{fallback}"]
    return label


def _blank(row):
    """A column the layout has and tacitus cannot fill (ICEWS' district: GeoNames' second level)."""
    return None


# `code`'s TSV falls back on the mention as written ("the Chinese side"); the ICEWS and PLOVER
# exports, which carry no actor code column, fall back on the code
VIEWS = {
    "short_id": _short_id,
    "source_name_or_text": _label("source", "text"), "target_name_or_text": _label("target", "text"),
    "source_name_or_code": _label("source", "code"), "target_name_or_code": _label("target", "code"),
    "blank": _blank,
}

CODE_TSV = (
    ("event_id", "short_id"), ("event_date", "date_text"), ("source_name", "source_name_or_text"),
    ("source_sectors", "source_sector"), ("source_country", "source_country"), ("event_text", "cameo_name"),
    ("cameo_code", "cameo"), ("intensity", "goldstein"), ("quad_class", "quad_class"),
    ("plover_type", "plover_type"), ("plover_mode", "plover_mode"), ("status", "status"),
    ("target_name", "target_name_or_text"), ("target_sectors", "target_sector"),
    ("target_country", "target_country"), ("story_id", "doc_id"), ("sentence_number", "sentence_idx"),
    ("publisher", "publisher"), ("city", "place"), ("latitude", "latitude"), ("longitude", "longitude"),
    ("place_country", "place_country"), ("source_code", "source_code"),
    ("target_code", "target_code"), ("trigger", "trigger"), ("topics", "topics"), ("method", "method"),
    ("confidence", "confidence"), ("sentence", "sentence_text"),
)
ICEWS = (
    ("Event ID", "event_id"), ("Event Date", "date_text"), ("Source Name", "source_name_or_code"),
    ("Source Sectors", "source_sector"), ("Source Country", "source_country"), ("Event Text", "cameo_name"),
    ("CAMEO Code", "cameo"), ("Intensity", "goldstein"), ("Target Name", "target_name_or_code"),
    ("Target Sectors", "target_sector"), ("Target Country", "target_country"), ("Story ID", "doc_id"),
    ("Sentence Number", "sentence_idx"), ("Publisher", "publisher"), ("City", "place"),
    ("District", "blank"), ("Province", "place_admin1"), ("Country", "place_country"), ("Latitude", "latitude"),
    ("Longitude", "longitude"),
)
EVENTS_TABLE = (
    ("event_id", "event_id"), ("date", "date_text"), ("source", "source_code"), ("cameo", "cameo"),
    ("target", "target_code"), ("plover", "plover_type"), ("goldstein", "goldstein"), ("status", "status"),
    ("trigger", "trigger"), ("doc_id", "doc_id"),
)
FLAT = tuple((name, name) for name in STORED_NAMES + ["sentence_text"])
LAYOUTS = {"code": CODE_TSV, "icews": ICEWS, "events": EVENTS_TABLE, "flat": FLAT}


def header(layout) -> list:
    return [h for h, _ in layout]


def values(layout, row: dict) -> list:
    """The row's values in the layout's order (raw: None stays None, dates stay dates)."""
    return [VIEWS[src](row) if src in VIEWS else row.get(src) for _, src in layout]


def check_layouts():
    """Every layout names a column or a view: a contract test calls this."""
    unknown = [(name, src) for name, layout in LAYOUTS.items() for _, src in layout
               if src not in BY_NAME and src not in VIEWS]
    if unknown:
        raise ValueError(f"layouts name unknown columns: {unknown}")


def arrow_schema(extra=()):
    """The events table's columns as an Arrow schema, plus `extra` (name, type) fields."""
    import pyarrow as pa
    types = {"INTEGER": pa.int64(), "DOUBLE PRECISION": pa.float64(), "DATE": pa.date32(), "BOOLEAN": pa.bool_()}
    fields = [(c.name, types.get(c.sql.split(" PRIMARY")[0].split(" NOT")[0], pa.string())) for c in STORED]
    return pa.schema(fields + list(extra))


# -- writing the flat forms so that they read back: JSON lines, CSV, plain TSV --------------------

_JSON_UNSAFE = re.compile("[\u2028\u2029\ud800-\udfff]")
# the characters that end a line for some reader (pandas, DuckDB, Python's universal newlines, or
# str.splitlines for U+2028 and U+2029), and the escape character itself
_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TSV_UNSAFE = re.compile("[\\\\\t\n\r\u2028\u2029]")
_TSV_ESCAPED = re.compile(r"\\(u2028|u2029|[\\tnr])")
# "#" too: DuckDB's CSV sniffer takes a bare "#" for a comment mark on some files (a value starting
# " #" in the first rows) and then drops the rest of that row without an error; quoted, it never does
_CSV_QUOTED = re.compile("[,\"\r\n\u2028\u2029#]")


def escape_json(line: str) -> str:
    """A JSON text (json.dumps with ensure_ascii=False) with U+2028, U+2029 and lone surrogates
    written as \\u escapes: still the same JSON value, but one line for every reader."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def tsv_field(value) -> str:
    """A value of a plain TSV row: backslash, tab, CR, LF, U+2028 and U+2029 escaped (\\\\ \\t \\r \\n
    \\u2028 \\u2029), so that splitting on newlines and tabs gives back every row and field."""
    return _TSV_UNSAFE.sub(lambda m: _TSV_ESCAPES[m.group()], _text(value))


def tsv_unescape(field: str) -> str:
    """A TSV field as it was before `tsv_field` escaped it."""
    back = {v[1:]: k for k, v in _TSV_ESCAPES.items()}
    return _TSV_ESCAPED.sub(lambda m: back[m.group(1)], field)


def tsv_line(row) -> str:
    return "\t".join(tsv_field(v) for v in row) + "\n"


def _csv_field(value) -> str:
    text = _text(value)
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if _CSV_QUOTED.search(text) else text


def csv_line(row) -> str:
    """A CSV row (RFC 4180 quoting) that also quotes a bare CR, U+2028 and U+2029, which Python's
    csv module leaves bare and some readers take for the end of a line, and any value holding "#"."""
    return ",".join(_csv_field(v) for v in row) + "\n"
