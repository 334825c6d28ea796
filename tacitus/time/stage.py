"""Each event's circumstances: its date and its status against that date, the act a stated intent
announces and when, where it happens and what it is about. Builds the sentence's Event records."""
from __future__ import annotations

from ..model import Event
from ..stages import Stage
from .dates import format_date

HISTORICAL_DAYS = 366  # an act more than a year before the report is history, not news
ROUGH = ("week", "month", "year")  # precisions that "this year" and the report's own day share


class Circumstances(Stage):
    """Dates, places and topics: each assembled event becomes model.Event records."""

    name = "circumstances"
    level = "sentence"
    requires = ("document.day", "sentence.sentence", "sentence.speaker", "sentence.assembled")
    assigns = ("sentence.events",)

    def __init__(self, cameo, dates, topics, plover_types=None):
        self.cameo = cameo
        # the PLOVER type a pattern or frame names where the CAMEO mapping is wrong (events/plover_types.py)
        self.plover_types = plover_types
        self.dates = dates
        self.topics = topics

    def __call__(self, doc, sent):
        if not sent.assembled:
            return
        events = []
        topics = self.topics(sent.sentence.text)  # every event of a sentence is about the same things
        for assembled in sent.assembled:
            events.extend(self.events(assembled, sent, doc.day, list(topics)))
        sent.events = events

    def events(self, assembled, sent, day, topics):
        found = assembled.found
        when, precision = self.dates.resolve(self.dates.expression(found.clause), day, found.status == "planned")
        planned = None
        if found.planned:  # the announced act keeps its own date; the statement is dated by its words
            act_when, act_precision = self.dates.resolve(self.dates.expression(found.act_clause), day, True)
            act = self.cameo[found.planned]
            planned = {"cameo": act.code, "name": act.name, "date": format_date(act_when, act_precision)}
        status, when, precision = dated_status(found.status, when, precision, day)
        place = self.place(found.trigger)
        date = format_date(when, precision)
        out = []
        for pair in assembled.pairs:
            info = self.cameo[pair.code]
            plover = self.plover_types(info.code, pair.evidence.pattern, status, found, pair.source) \
                if self.plover_types else info.plover
            out.append(Event(source=pair.source, target=pair.target, cameo=info.code, name=info.name,
                             plover=plover, goldstein=info.goldstein, quad_class=info.quad_class,
                             status=status, date=date, evidence=pair.evidence, place=place, topics=topics,
                             speaker=sent.speaker, planned=planned))
        return out

    def place(self, trigger):
        """The named place the act happens in or at ("met in Geneva"), not a date ("in May")."""
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and not self.dates.expression([pobj]):
                        words = [t for t in pobj.subtree if t.dep_ in ("compound", "flat") or t is pobj]
                        return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        return None


def dated_status(status, when, precision, day):
    """(status, date, precision): an act long before the report is historical; an act that
    happened with no date of its own, or only "this year", is dated by the report's day."""
    if when is not None and day is not None and status == "occurred" and (day - when).days > HISTORICAL_DAYS:
        status = "historical"
    elif when is not None and day is not None and status == "occurred" and when > day and (
            precision in ("day", "week") or format_date(when, precision) > format_date(day, precision)):
        status = "planned"  # "next Tuesday's summit", "the talks on June 27": dated after the report
    if when is None and status in ("occurred", "historical"):
        when, precision = day, "day"
    elif status == "occurred" and day is not None and precision in ROUGH \
            and format_date(when, precision) == format_date(day, precision):
        when, precision = day, "day"  # "this year": the report's own day is the best we know
    return status, when, precision
