"""Typed records: Document, Sentence, Actor, Event, Evidence, and their JSON form."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Optional

STATUSES = ("occurred", "planned", "negated", "hypothetical", "historical")


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted on. `code` is CAMEO-style: country + sector (CHNGOV), or an organisation."""

    code: str
    country: Optional[str] = None
    sector: Optional[str] = None
    name: Optional[str] = None
    kind: str = "country"  # country | organisation | person | group
    start: Optional[int] = None  # character offsets of the mention in the document
    end: Optional[int] = None
    text: Optional[str] = None  # the mention as written ("the Chinese side")
    resolved_from: Optional[str] = None  # set when the mention was resolved from document context

    def to_dict(self):
        # Fields read directly: dataclasses.asdict deep-copies every value, and the coder writes
        # millions of these. All are scalars.
        return {k: v for k in _ACTOR_FIELDS if (v := getattr(self, k)) is not None}

    def same_entity(self, other: "Actor") -> bool:
        return self.code == other.code and (self.name or "") == (other.name or "")


_ACTOR_FIELDS = tuple(f.name for f in fields(Actor))


@dataclass(frozen=True)
class Plover:
    type: Optional[str]
    mode: Optional[str] = None
    context: tuple = ()

    def to_dict(self):
        return {"type": self.type, "mode": self.mode, "context": list(self.context)}


# How an event's actors were found, and the confidence that goes with it: the share of such events
# whose CAMEO root and source were those of an expected event on the regression corpus
# (tests/golden/regression.jsonl, 2,241 sentences; measured by tests/test_regression.py, which
# fails when a figure drifts by more than 0.05; docs/accuracy.md).
#   frame    the dependency frame of the trigger named them in the sentence
#   context  one of them comes from the document ("the two sides", "he", the dateline, the host)
#   surface  the frame named no doer that resolves; the actor before the trigger is taken (TABARI's reading)
METHODS = {"frame": 0.79, "context": 0.68, "surface": 0.44}


@dataclass(frozen=True)
class Evidence:
    sentence: int
    start: int  # offsets of the whole event span (source .. target .. trigger) in the document
    end: int
    text: str  # the sentence
    trigger: str
    trigger_start: int
    trigger_end: int
    pattern: str
    source_span: Optional[tuple] = None
    target_span: Optional[tuple] = None
    method: str = "frame"  # how the actors were found: frame | context | surface (METHODS) | model
    confidence: Optional[float] = None  # the share of events found that way that were right (METHODS);
    # for method "model" (events/typed.py: the type model typed a sentence the rules gave no event)
    # the model's probability of the type

    def to_dict(self):
        d = {k: getattr(self, k) for k in _EVIDENCE_FIELDS}  # scalars and span tuples: no deep copy needed
        d["source_span"] = list(self.source_span) if self.source_span else None
        d["target_span"] = list(self.target_span) if self.target_span else None
        return d


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


@dataclass
class Event:
    source: Optional[Actor]
    target: Optional[Actor]
    cameo: str
    name: str
    plover: Plover
    goldstein: float
    quad_class: int
    status: str
    date: Optional[str]
    evidence: Evidence
    place: Optional[str] = None
    topics: list = field(default_factory=list)
    speaker: Optional[Actor] = None  # for reported speech: who said it
    planned: Optional[dict] = None  # for a stated intent or threat: the announced act {cameo, name, date}
    main: bool = False  # the one event its sentence reports (events/main.py)
    # the place on the map (geo/locate.py): name, country, admin1, latitude, longitude, kind, geonames_id
    location: Optional[dict] = None

    def but(self, **changes) -> "Event":
        """A copy of the event with `changes`, as dataclasses.replace makes it (the other fields'
        values shared, not copied) without the trip through __init__, which checks and derives
        nothing here: for the stages that rewrite every event (main_event, plover_modes)."""
        unknown = changes.keys() - _EVENT_FIELDS
        if unknown:
            raise TypeError(f"Event has no field {sorted(unknown)[0]!r}")
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    def to_dict(self):
        """The event's JSON form. Its flat forms (the store's rows, TSV, CSV, Parquet) and the
        store's JSON are derived from this dict through tacitus/columns.py, and only there."""
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "name": self.name,
            "plover": self.plover.to_dict(),
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "status": self.status,
            "date": self.date,
            "place": self.place,
            "location": dict(self.location) if self.location else None,
            "topics": list(self.topics),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "planned": self.planned,
            "main": self.main,
            "evidence": self.evidence.to_dict(),
        }


_EVENT_FIELDS = frozenset(f.name for f in fields(Event))


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    """One input document. `published` is an ISO date or None; `date_source` says where it came from."""

    id: str
    text: str
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    date_source: Optional[str] = None  # metadata | dateline | None (unknown)
    origin: Optional[str] = None  # file:line the document was read from
    language: Optional[str] = None  # ISO 639-1, declared or detected (ingest/language.py); only "en" is coded
    sentences: list = field(default_factory=list)
    events: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    error: Optional[str] = None  # set when the document could not be coded
    dropped: list = field(default_factory=list)  # triggers that gave no event, and why (`code --explain`)

    def to_dict(self, with_text=False, explain=False):
        d = {
            "id": self.id,
            "published": self.published,
            "date_source": self.date_source,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "participants": [a.to_dict() for a in self.participants],
            "events": [e.to_dict() for e in self.events],
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        if self.error:
            d["error"] = self.error
        if with_text:
            d["text"] = self.text
        if explain:
            d["dropped"] = list(self.dropped)
        return d
