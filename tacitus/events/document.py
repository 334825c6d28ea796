"""Rules over a whole document's events, once every sentence is read: the other side as the target
of a two-party document's untargeted support, the body a meeting is of, meetings with no one else,
repeats, participants."""
from __future__ import annotations

from dataclasses import replace

from ..stages import Stage
from .answers import answered_targets
from .convener import convened_targets
from .records import Dropped, trigger_token

MIN_SENTENCES = 3  # a shorter text says too little to be a two-party document
PARTICIPANTS = 6  # how many of the most prominent actors a document lists
MET = ("occurred", "historical")  # the statuses of a meeting that took place
VERBAL_COOPERATION = 1  # the quad class of statements, appeals, intents, meetings, diplomatic cooperation


class DocumentRules(Stage):
    """The document's events and participants, from its sentences' events."""

    name = "document_rules"
    level = "document"
    requires = ("document.context", "document.sentences", "sentence.events", "sentence.assembled")
    assigns = ("document.events", "document.participants", "document.dropped")

    def __init__(self, cameo, conventions, framing_nouns=frozenset()):
        self.cameo = cameo
        self.conventions = conventions
        self.framing_nouns = framing_nouns

    def __call__(self, doc):
        ctx = doc.context
        events = [ev for sent in doc.sentences for ev in sent.events]
        events = self._bilateral_targets(events, ctx, len(doc.sentences))
        events = answered_targets(events, doc.sentences, self.framing_nouns)
        events = convened_targets(events, doc.sentences, lambda code: self.cameo[code].needs_partner)
        # "Israel's cabinet met on Sunday": a meeting or talks with no one else is no interaction
        alone = [ev for ev in events if ev.target is None and self.cameo[ev.cameo].needs_partner]
        events = [ev for ev in events if ev.target is not None or not self.cameo[ev.cameo].needs_partner]
        doc.events = self._repeated_meetings(self._own_side(_dedupe(events)))
        doc.dropped = _unpartnered(alone, doc.sentences, doc.events)
        doc.participants = [ctx.best[k] for k in ctx.participants()[:PARTICIPANTS] if k in ctx.best]

    def _bilateral_targets(self, events, ctx, n_sentences):
        """In a bilateral document, support or intent with no stated target is meant for the other side."""
        parts = ctx.sides()
        if n_sentences < MIN_SENTENCES or len(parts) < 2:
            return events
        out = []
        for ev in events:
            if ev.target is None and ev.source is not None and ev.source.country in parts \
                    and self.cameo[ev.cameo].bilateral:
                other = parts[1] if ev.source.country == parts[0] else parts[0]
                ev = replace(ev, target=self.conventions.other_side(other, ctx))
            out.append(ev)
        return out

    def _repeated_meetings(self, events):
        """"They discussed ... They also discussed ...": each sentence of a report on one call or
        one round of talks mentions the same meeting again. A meeting held by both sides (04,
        reciprocal) is one event per pair, code and day: a later sentence's mention is a repeat. The
        first mention stands; plans and negations are kept."""
        first, out = {}, []
        for ev in events:
            info = self.cameo[ev.cameo]
            if info.root != "04" or not info.reciprocal or ev.status not in MET or None in (ev.source, ev.target):
                out.append(ev)
                continue
            key = (frozenset((ev.source.code, ev.target.code)), ev.cameo, ev.date)
            if first.setdefault(key, ev.evidence.sentence) == ev.evidence.sentence:
                out.append(ev)
        return out

    def _own_side(self, events):
        """"Britain would deepen the relations between the two countries" is not Britain's act on its
        own government: where an act of verbal cooperation is between a country and itself (the
        state or its government on both sides) and the same words also give it a pair of two
        countries, the pair with itself is a misread one. (Aid a government sends its own besieged
        town is material, and stands.)"""
        def state(actor):
            return actor.sector in (None, "GOV") and actor.kind != "organisation" \
                and actor.resolved_from != "domestic"

        def own(ev):
            info = self.cameo[ev.cameo]
            return ev.source is not None and ev.target is not None and ev.source.country is not None \
                and ev.source.country == ev.target.country and state(ev.source) and state(ev.target) \
                and info.quad_class == VERBAL_COOPERATION and not info.domestic

        def trigger(ev):
            return ev.evidence.sentence, ev.evidence.trigger_start
        paired = {trigger(ev) for ev in events if ev.source is not None and ev.target is not None and not own(ev)}
        return [ev for ev in events if not (own(ev) and trigger(ev) in paired)]


def _unpartnered(alone, sentences, kept):
    """(sentence, Dropped) for each trigger whose only events were meetings with no one else."""
    kept_triggers = {(ev.evidence.sentence, ev.evidence.trigger_start) for ev in kept}
    out, seen = [], set()
    for ev in alone:
        key = (ev.evidence.sentence, ev.evidence.trigger_start)
        if key in kept_triggers or key in seen:
            continue
        seen.add(key)
        sent = sentences[ev.evidence.sentence]
        trigger = trigger_token(sent, ev)
        if trigger is not None:
            out.append((sent, Dropped(trigger, ev.evidence.pattern, ev.cameo, "document_rules", "no partner")))
    return out


def _dedupe(events):
    """One reported act is one event: the same actors, code, sentence and status once."""
    seen, out = set(), []
    for ev in events:
        key = (ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.cameo,
               ev.evidence.sentence, ev.status)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out
