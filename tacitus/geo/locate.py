"""Stage `locate`: each event's place on the map, from the gazetteer.

An event whose act happens in a named place ("met in Tripoli": `Event.place`, found by the
circumstances stage) gains `location`: the place's name, country, first-level division,
latitude, longitude, feature kind and GeoNames id, or None when the gazetteer does not know the
name. An ambiguous name goes to the event's own countries (its source's and target's), then the
document's (its participants' and its events' actors'), then the most populous place. The
gazetteer loads on the first event with a place; events without one cost nothing.
"""
from __future__ import annotations

from ..stages import Stage
from .gazetteer import gazetteer


def _countries(*actors):
    return {a.country for a in actors if a is not None and getattr(a, "country", None)}


class Locate(Stage):
    """Each event with a named place gains its location (name, country, coordinates, GeoNames id)."""

    name = "locate"
    level = "document"
    requires = ("document.events", "document.participants")
    updates = ("document.events",)

    def __init__(self, load=gazetteer):
        self.load = load

    def __call__(self, doc):
        if not any(ev.place for ev in doc.events):
            return
        places = self.load()
        document = _countries(*doc.participants, *(a for ev in doc.events for a in (ev.source, ev.target)))
        out = []
        for ev in doc.events:
            found = places.resolve(ev.place, _countries(ev.source, ev.target), document) if ev.place else None
            out.append(ev.but(location=found.to_dict()) if found else ev)
        doc.events = out
